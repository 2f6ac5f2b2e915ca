"""Literal numbering at the start of a paragraph, and the nesting it implies.

Text and Word drafts carry their numbering as typed characters.  The schemes and how each is
recognised are those of ``generator.schemes`` (一、 （一） 1. （1） 1、 第一， 一是 一要 第一要
第一层意思， 首先， …), in half- and full-width spellings.  Levels follow nesting, not a rank
table, because a scheme does not fix its level (CORPUS §c2): the first scheme is level 1, a
new scheme opens the next level, and meeting a scheme already open closes back to it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..lazy_re import LazyPattern
from ..schemes import SCHEMES, ordinal

#: (scheme, pattern) in matching order; group ``n`` is the ordinal token.  Words that only
#: continue a list (最后) have no number of their own and are not markers here.
_SCHEMES: tuple[tuple[str, str, LazyPattern], ...] = tuple(
    (scheme.name, scheme.starts, LazyPattern(scheme.pattern))
    for scheme in SCHEMES if scheme.pattern
)

#: Schemes that number list items inside a point (一是, 首先) rather than the points themselves.
LIST_SCHEMES = frozenset(scheme.name for scheme in SCHEMES if scheme.spoken)

#: Schemes whose later items are written in another one: 首先，其次，再次，then 第四，.
_CONTINUED_AS = {scheme.name: scheme.continued_as for scheme in SCHEMES if scheme.continued_as}
#: The words that close a scheme's list (最后，), by scheme: they have no number of their own,
#: so they are read only as the next item of a list already open (`Nesting.closing`).
_CLOSED_BY = {scheme.name: LazyPattern(scheme.last) for scheme in SCHEMES if scheme.last}

#: How long a standalone heading line may be; longer unpunctuated lines are body text.
_MAX_HEADING = 60


class Marker(NamedTuple):
    scheme: str
    text: str
    ordinal: int


def marker_at(text: str) -> Marker | None:
    """The numbering marker opening ``text``, if any."""
    first = text[:1]
    for scheme, starts, pattern in _SCHEMES:
        if first not in starts:
            continue  # its pattern is never compiled for a paragraph no marker of it opens
        match = pattern.match(text)
        if match:
            number = ordinal(match["n"])
            if number:
                return Marker(scheme, match[0], number)
    return None


def split_heading(text: str, marker: Marker) -> tuple[str, str]:
    """(kind, head) for a paragraph opened by a point marker.

    A short line with no sentence end before its last character stands alone ("heading");
    otherwise the heading runs to the first full stop and the paragraph goes on ("lead").
    """
    rest = text[len(marker.text):]
    # a line break typed inside the paragraph (Shift+Enter in Word) ends the heading too: "一、
    # 提高认识↵各单位要重视。" was told a heading with nothing under it (a tester)
    end = re.search(r"[。！？!?]|\n", rest)
    if end is None or end.end() == len(rest):
        if len(rest) <= _MAX_HEADING:
            return "heading", text
        return "body", ""
    return "lead", text[: len(marker.text) + end.end()].rstrip("\n")


class _Open:
    """An open list: its scheme and its last item so far."""

    __slots__ = ("ordinal", "scheme", "text")

    def __init__(self, scheme: str, text: str, ordinal: int) -> None:
        self.scheme, self.text, self.ordinal = scheme, text, ordinal


class Nesting:
    """Assigns levels to markers in reading order and remembers each open list's last ordinal."""

    def __init__(self) -> None:
        self._stack: list[_Open] = []

    def push(self, marker: Marker) -> tuple[int, int]:
        """The marker's level and the previous ordinal of its list (0 when it opens a list)."""
        schemes = [entry.scheme for entry in self._stack]
        scheme = self._continued(marker) or marker.scheme
        if scheme in schemes:
            depth = schemes.index(scheme)
            del self._stack[depth + 1:]
            entry = self._stack[depth]
            previous = entry.ordinal
            entry.text, entry.ordinal = marker.text, marker.ordinal
            return depth + 1, previous
        if marker.scheme not in LIST_SCHEMES:
            # A point never nests inside a spoken list item: close those first.
            while self._stack and self._stack[-1].scheme in LIST_SCHEMES:
                self._stack.pop()
        self._stack.append(_Open(marker.scheme, marker.text, marker.ordinal))
        return len(self._stack), 0

    def closing(self, text: str) -> Marker | None:
        """The item "最后，" opens when it closes an open list of three or more ("首先，…其次，…
        再次，…最后，…", as speechgen writes a list of four: craft review 5), else None."""
        for entry in reversed(self._stack):
            pattern = _CLOSED_BY.get(entry.scheme)
            if pattern and entry.ordinal >= 3 and (match := pattern.match(text)):
                return Marker(entry.scheme, match[0], entry.ordinal + 1)
        return None

    def continues_spoken(self, marker: Marker) -> bool:
        """Whether `marker` is the next item of an open spoken list written in another scheme:
        "第三，" after "首先，…" "其次，…" (CORPUS 001-6) is that list's third item, not a
        point ("第三，要加强保障。" was told an empty section, a tester)."""
        return self._continued(marker) in LIST_SCHEMES

    def _continued(self, marker: Marker) -> str | None:
        """The scheme of the open list `marker` goes on in another scheme ("第四，" after
        "再次，"), or None."""
        return next((entry.scheme for entry in self._stack
                     if _CONTINUED_AS.get(entry.scheme) == marker.scheme
                     and marker.ordinal == entry.ordinal + 1), None)

    def path(self) -> str:
        """Marker path of the innermost open point, spoken list items left out."""
        return "".join(e.text for e in self._stack if e.scheme not in LIST_SCHEMES)
