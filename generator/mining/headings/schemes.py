"""Numbering schemes as an ordered list of small rules, one per scheme.

Order matters: a longer shape is tried before a shorter one that would also match (第一要 before
第一，).  ``name`` is the scheme key of ``generator.numbering.SCHEMES`` so a mined section
re-renders with the speaker's own markers.  Schemes in one ``family`` continue each other's
lists (首先，其次，第三，…; 一是…四要…五是), which is how speakers actually number.

* ``strong``: a lone first item is a heading (一、 (一)); a weak one (首先, 一是) needs a second
  item somewhere after it, so "首先,我代表…" in an opening stays text.
* ``inline``: the scheme may also open a point in the middle of a paragraph, after a sentence end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...numerals import from_chinese

_CN = "[一二三四五六七八九十]{1,3}"
_WORDS = {"首先": 1, "其次": 2, "再次": 3, "一方面": 1, "另一方面": 2, "另一面": 2}


@dataclass(frozen=True)
class Scheme:
    """One numbering scheme.  ``pattern`` matches at the start of text; group ``n`` is the
    ordinal (a numeral or an ordinal word); ``continues`` marks words such as 最后 that only
    ever continue a list."""

    name: str
    family: str
    pattern: re.Pattern[str]
    strong: bool = False
    inline: bool = False
    continues: bool = False

    def ordinal(self, token: str) -> int | None:
        """The item's number, or None for 最后 (the next one, whatever it is)."""
        if token in _WORDS:
            return _WORDS[token]
        return from_chinese(token)


def _scheme(name: str, family: str, pattern: str, **flags: bool) -> Scheme:
    return Scheme(name, family, re.compile(pattern), **flags)


SCHEMES: list[Scheme] = [
    _scheme("第一层意思，", "层意思", rf"^第(?P<n>{_CN})层意思[，：]?", inline=True),
    _scheme("第一个方面，", "第", rf"^第(?P<n>{_CN})个方面[，：]?", inline=True),
    _scheme("第一点，", "第", rf"^第(?P<n>{_CN})点[，：]", inline=True),
    _scheme("第一要", "第", rf"^第(?P<n>{_CN})要(?!求|素|件)", inline=True),
    _scheme("第一，", "第", rf"^第(?P<n>{_CN})，", inline=True),
    _scheme("第一、", "第", rf"^第(?P<n>{_CN})、"),
    _scheme("首先，", "第", r"^(?P<n>首先|其次|再次)(?![是])，?", inline=True),
    _scheme("第一点，", "第", r"^(?P<n>最后一点)[，：]?", continues=True),
    _scheme("第一个方面，", "第", r"^(?P<n>最后一个方面)[，：]?", continues=True),
    _scheme("首先，", "第", r"^(?P<n>最后)，?(?=要|是|，)", continues=True),
    _scheme("（一）", "（一）", rf"^（(?P<n>{_CN})）", strong=True),
    _scheme("一、", "一、", rf"^(?P<n>{_CN})[、．.](?![、．.])", strong=True),
    _scheme("（1）", "（1）", r"^（(?P<n>\d{1,2})）", strong=True),
    _scheme("1、", "1、", r"^(?P<n>\d{1,2})、", strong=True),
    _scheme("1.", "1.", r"^(?P<n>\d{1,2})[.．](?!\d)", strong=True),
    _scheme("一是", "是要", rf"^(?P<n>{_CN})是(?!非|否|以|因|由|在|对|为了)", inline=True),
    _scheme("一要", "是要", rf"^(?P<n>{_CN})要(?!求|素|件)", inline=True),
    _scheme("一方面，", "方面", r"^(?P<n>一方面|另一方面|另一面)，?", inline=True),
]


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
    """The first scheme that matches ``text`` at ``start``."""
    rest = text[start:]
    for scheme in SCHEMES:
        found = scheme.pattern.match(rest)
        if found:
            return Marker(scheme, found.group(), scheme.ordinal(found.group("n")), start)
    return None
