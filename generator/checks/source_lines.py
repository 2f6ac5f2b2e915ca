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
#: A quote this short ("，", "XX") is looked for only from its paragraph's line: anywhere in
#: the file, it could be any of them.
SHORT = 3


def in_source(findings: Iterable[Finding], draft: Draft, text: str) -> list[Finding]:
    """The findings with line and column in `text` (the YAML file) where they can be found."""
    lines = text.splitlines()
    anchors = {para.index: _anchor(para.text, lines) for para in draft.paras}
    starts = sorted({a for a in anchors.values() if a is not None})
    placed = []
    for finding in findings:
        place = finding.place
        if finding.text and place.paragraph is not None:
            anchor = anchors.get(place.paragraph)
            # the paragraph's lines: up to where the next paragraph's own words begin
            end = next((s for s in starts if anchor is not None and s > anchor), len(lines))
            found = _find(finding.text, lines, anchor, end)
            if found is not None:
                line, column = found
                finding = finding._replace(place=place._replace(line=line, column=column))
        placed.append(finding)
    return placed


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
