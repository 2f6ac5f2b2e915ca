"""Where a numbered point sits: a line of its own, leading its paragraph, or mid-paragraph.

A heading on its own line has no sentence end inside it (a final 。 is allowed); a leading
heading runs to the first sentence end and its paragraph continues; an inline point starts right
after a sentence end (。！？；：) inside a paragraph.  Headings fused with their body by a bad
copy are cut at a space or after a conventional heading ending.
"""

from __future__ import annotations

import re

from ...lexicon import COUNT_OBJECTS, alternation, announcement
from .schemes import INLINE_START, Marker, match_at

_SENTENCE_END = re.compile(r"[。！？]")

#: Words that end a top-level heading; used to cut a heading fused with its body
#: ("…能力和水平适应社会…").  Data: extend when a new corpus shows another ending.
HEADING_ENDINGS = (
    "水平",
    "保障",
    "信心",
    "紧迫感",
    "责任感",
    "使命感",
    "新功",
    "新成效",
    "动力",
    "力量",
    "氛围",
    "质量",
    "新突破",
    "新局面",
    "新台阶",
    "新成绩",
    "新贡献",
    "合力",
    "基础",
    "意识",
)
FUSED_MIN = 45

#: The sentence that announces the points ("下面，我讲几点意见。", "再强调四点意见："): the
#: text right after it is the first point, even when the page lost the break before it or
#: was cut off before the second point.
ANNOUNCEMENT = re.compile(f"{announcement()}{alternation(COUNT_OBJECTS)}?[。：]")


def announces_points(text: str) -> bool:
    """True when the paragraph ends with an announcement of the points that follow."""
    return any(m.end() == len(text.rstrip()) for m in ANNOUNCEMENT.finditer(text))


def starts_with_marker(text: str) -> bool:
    """True when the text opens with any numbering marker."""
    return match_at(text) is not None


def is_standalone_heading(text: str) -> bool:
    """A marker followed by one short sentence at most: a heading line, never wrapped text."""
    marker = match_at(text)
    if marker is None:
        return False
    rest = text[marker.end :]
    inner = _SENTENCE_END.search(rest)
    return len(rest) <= 80 and (inner is None or inner.end() == len(rest))


def split_heading(rest: str) -> tuple[str, str]:
    """(heading, body) of the text after a marker; body is empty for a heading line."""
    rest = rest.lstrip()  # "一、 坚持…": a space after the marker is layout, not text
    end = _SENTENCE_END.search(rest)
    if end is None or end.end() == len(rest):
        return rest.rstrip("。"), ""
    head = rest[: end.end()]
    return head.rstrip("。"), rest[end.end() :]


def split_fused(text: str) -> tuple[str, str] | None:
    """(heading, body) for a top-level heading run together with its body, or None."""
    first = _SENTENCE_END.search(text)
    sentence = text[: first.start()] if first else text
    if len(sentence) < FUSED_MIN:
        return None
    space = sentence.find(" ", 8)
    if space > 0:
        return sentence[:space], text[space + 1 :]
    clauses = sentence.split("，")
    if len(clauses) < 3 or len(clauses[0]) != 4 or len(clauses[1]) != 4:
        return None  # only the parallel 4+4+X shape is cut without a visible separator
    offset = len(clauses[0]) + len(clauses[1]) + 2
    best = None
    for ending in HEADING_ENDINGS:
        at = sentence.find(ending, offset)
        while at >= 0:
            cut = at + len(ending)
            if cut < len(sentence) and sentence[cut] not in "的和与、，":
                best = cut if best is None else min(best, cut)
                break
            at = sentence.find(ending, at + 1)
    if best is None:
        return None
    return text[:best], text[best:]


def inline_markers(text: str, start: int = 0) -> list[Marker]:
    """Markers of inline-capable schemes that open a point after a sentence or clause end."""
    found = []
    for hit in INLINE_START.finditer(text, max(start, 1)):
        marker = match_at(text, hit.start())
        if marker and marker.scheme.inline:
            found.append(marker)
    return found
