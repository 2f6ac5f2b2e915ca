"""Numbering schemes as an ordered list of small rules, one per shape a marker can take.

The schemes themselves (how each renders, how it is recognised, its family, whether it is
strong or inline) are declared once in ``generator.schemes``; this module turns that table into
the miner's rule list.  Order matters: a longer shape is tried before a shorter one that would
also match (第一要 before 第一，); the table is written in that order.  ``name`` is the scheme's
name, so a mined section re-renders with the speaker's own markers.  Schemes in one ``family``
continue each other's lists (首先，其次，第三，…; 一是…四要…五是), which is how speakers
actually number.

* ``strong``: a lone first item is a heading (一、 (一)); a weak one (首先, 一是) needs a second
  item somewhere after it, so "首先,我代表…" in an opening stays text.
* ``inline``: the scheme may also open a point in the middle of a paragraph, after a sentence end.
* ``continues``: words such as 最后 that only ever continue a list; they come after every
  scheme's own shapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import schemes as table
from ..normalise import GLOSS


@dataclass(frozen=True)
class Scheme:
    """One rule: a scheme's shape.  ``pattern`` matches at the start of text; group ``n`` is the
    ordinal (a numeral or an ordinal word); ``continues`` marks words such as 最后 that only
    ever continue a list."""

    name: str
    family: str
    pattern: re.Pattern[str]
    strong: bool = False
    inline: bool = False
    continues: bool = False
    #: The characters a marker of this shape begins with ("" for any).
    starts: str = ""

    def ordinal(self, token: str) -> int | None:
        """The item's number, or None for 最后 (the next one, whatever it is)."""
        return table.ordinal(token)


SCHEMES: list[Scheme] = [
    *(Scheme(s.name, s.family, re.compile("^" + s.pattern), s.strong, s.inline,
             starts=s.starts)
      for s in table.SCHEMES if s.pattern),
    # 最后… words: their first character, after the group that captures them.
    *(Scheme(s.name, s.family, re.compile("^" + s.last), continues=True,
             starts=s.last.removeprefix("(?P<n>")[0])
      for s in table.SCHEMES if s.last),
]
#: The shapes worth trying on a text starting with a given character, in table order; shapes
#: that declare no first characters are tried on any text (``_ANY_START``).
_ANY_START = [s for s in SCHEMES if not s.starts]
_BY_START: dict[str, list[Scheme]] = {
    char: [s for s in SCHEMES if not s.starts or char in s.starts]
    for char in "".join(s.starts for s in SCHEMES)
}


#: Where an inline point can start: right after a sentence or clause end, at a shape one of
#: the inline schemes accepts.  A prefilter only; ``match_at`` decides.
INLINE_START = re.compile(
    "(?<=[。！？；：，])(?="
    + "|".join(
        s.pattern.pattern.removeprefix("^").replace("?P<n>", "?:") for s in SCHEMES if s.inline
    )
    + ")"
)


@dataclass(frozen=True)
class Marker:
    """A scheme matched at some position: its literal text and its ordinal."""

    scheme: Scheme
    text: str
    ordinal: int | None
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def match_at(text: str, start: int = 0) -> Marker | None:
    """The first scheme that matches ``text`` at ``start``; through pinyin glosses when
    none matches the printed text ("第一个（gè）问（wèn）题，"), the marker keeping them."""
    rest = text[start:]
    for scheme in _BY_START.get(rest[:1], _ANY_START):
        found = scheme.pattern.match(rest)
        if found:
            return Marker(scheme, found.group(), scheme.ordinal(found.group("n")), start)
    if text.find("）", start, start + GLOSSED_MARKER) >= 0 and GLOSS.could_match(
        rest[:GLOSSED_MARKER]
    ):
        return _glossed(rest[:GLOSSED_MARKER], start)
    return None


#: A marker with its glosses is at most this long ("第一个（gè）问（wèn）题，": 19 characters).
GLOSSED_MARKER = 32


def _glossed(head: str, start: int) -> Marker | None:
    """The marker read from ``head`` without its glosses, printed with them."""
    printed_at: list[int] = []  # for each gloss-free character, where the page printed it
    at = 0
    for gloss in GLOSS.finditer(head):
        printed_at.extend(range(at, gloss.start()))
        at = gloss.end()
    printed_at.extend(range(at, len(head)))
    if len(printed_at) == len(head):
        return None
    plain = "".join(head[k] for k in printed_at)
    for scheme in _BY_START.get(plain[:1], _ANY_START):
        found = scheme.pattern.match(plain)
        if found:
            # up to the next gloss-free character: a gloss on the marker's last one is its own
            end = printed_at[found.end()] if found.end() < len(plain) else len(head)
            return Marker(scheme, head[:end], scheme.ordinal(found.group("n")), start)
    return None
