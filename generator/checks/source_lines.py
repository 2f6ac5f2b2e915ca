"""Where a finding in a YAML outline stands in the file a person edits: its line and column
there, not only the paragraph of the speech the outline renders.

`check 提纲.yaml` said "第5段第3字", which points into the rendered speech, not into the file
open in the editor (a tester, round 2).  A paragraph's text is the user's own words (an
outline) or the user's facts inside the glue (a template's data), so the offending text of a
finding is looked for in the YAML lines, from the line that holds the paragraph's own words
on; a finding whose text is the glue's, not in the file, keeps its paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .draft import Draft
from .finding import Finding

#: A run of words long enough to tell where a paragraph is in the file.
_WORDS = re.compile(r"[^，。；：！？、“”‘’（）()\s,.;:!?\"']{6,}")
#: How many characters on each side of a quote are tried, the most first.
CONTEXT = 6
#: A quote this short ("，", "XX") is looked for only from its paragraph's line: anywhere in
#: the file, it could be any of them.
SHORT = 3


def in_source(findings: Iterable[Finding], draft: Draft, text: str) -> list[Finding]:
    """The findings with line and column in `text` (the YAML file) where they can be found."""
    lines = text.splitlines()
    paragraphs = {para.index: para.text for para in draft.paras}
    anchors = {para.index: _anchor(para.text, lines) for para in draft.paras}
    starts = sorted({a for a in anchors.values() if a is not None})
    placed = []
    for finding in findings:
        place = finding.place
        if finding.text and place.paragraph is not None:
            anchor = anchors.get(place.paragraph)
            # the paragraph's lines: up to where the next paragraph's own words begin
            end = next((s for s in starts if anchor is not None and s > anchor), len(lines))
            found = _in_context(finding.text, paragraphs.get(place.paragraph, ""),
                                place.column, lines) or _find(finding.text, lines, anchor, end)
            if found is not None:
                line, column = found
                finding = finding._replace(place=place._replace(line=line, column=column))
        placed.append(finding)
    return placed


def _in_context(quote: str, paragraph: str, column: int | None,
                lines: Sequence[str]) -> tuple[int, int] | None:
    """(1-based line, 1-based column) of `quote` found with the words around it in its
    paragraph (`column`: 1-based, in the paragraph), the longest such neighbourhood first: a
    template's paragraph runs the glue into the user's words with no mark between them
    ("…主要任务是总结XX年工作"), so the words on the quote's own side tell which line it is."""
    if column is None or paragraph[column - 1:column - 1 + len(quote)] != quote:
        return None
    at = column - 1
    for reach in range(CONTEXT, 0, -1):
        for before, after in ((reach, reach), (reach, 0), (0, reach)):
            start = max(0, at - before)
            piece = paragraph[start:at + len(quote) + after]
            if len(piece) < len(quote) + min(reach, 2):
                continue  # the paragraph's edge: no neighbour on that side
            for number, line in enumerate(lines):
                found = line.find(piece)
                if found >= 0:
                    return number + 1, found + at - start + 1
    return None


def _anchor(paragraph: str, lines: Sequence[str]) -> int | None:
    """The 0-based index of the first line holding a run of the paragraph's words."""
    for words in _WORDS.findall(paragraph):
        for number, line in enumerate(lines):
            if words in line:
                return number
    return None


def _find(quote: str, lines: Sequence[str], anchor: int | None,
          end: int) -> tuple[int, int] | None:
    """(1-based line, 1-based column) of `quote`: in the paragraph's lines (anchor to end),
    else (a quote long enough to tell) the first in the file; None when it is not there."""
    order = range(anchor, end) if anchor is not None else (
        range(len(lines)) if len(quote) > SHORT else range(0))
    for number in order:
        column = lines[number].find(quote)
        if column >= 0:
            return number + 1, column + 1
    return None
