"""The numbering schemes of the genre, declared once: how each renders, how it is recognised,
its family and the spellings users write for it.

GB/T 9704 fixes 一、 → （一） → 1. → （1） by level; speakers also number points 第一， / 一是 /
一要 / 首先，…, and a mined outline keeps that choice in ``Section.numbering``.  A scheme is
named by how its first item looks ("一是", "第一，").  The renderer (``generator.numbering``)
writes markers from ``render``; the miner (``generator.mining.headings.schemes``) and the draft
checks (``generator.checks.markers``) recognise them with ``pattern``; outlines accept
``aliases``.  Adding a scheme is one entry in ``SCHEMES``.

Order matters for recognition: a longer shape comes before a shorter one that would also match
(第一要 before 第一，).  Patterns match at the start of a text, group ``n`` is the ordinal token
(a numeral or an ordinal word); half-width spellings (（一） as (一), 第一， as 第一,) are
accepted, as typed drafts carry them (the miner widens punctuation before it looks).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .numerals import DIGIT_CHARS, NUMERAL_CHARS, ORDINAL, from_chinese, to_chinese

_N = f"(?P<n>{ORDINAL})"
_DIGITS = r"(?P<n>\d{1,2})"
#: Ordinal words: 首先 is the first item of its list, 另一方面 the second.
ORDINAL_WORDS = {"首先": 1, "其次": 2, "再次": 3, "一方面": 1, "另一方面": 2, "另一面": 2}


def ordinal(token: str) -> int | None:
    """The number an item's token stands for, or None for 最后 (the next one, whatever it is)."""
    return ORDINAL_WORDS.get(token) or from_chinese(token)


def _sequence_word(n: int) -> str:
    """首先，其次，再次，then the items of its ``continued_as`` scheme: 第四，第五，…"""
    return ("首先，", "其次，", "再次，")[n - 1] if n <= 3 else f"第{to_chinese(n)}，"


class Scheme(NamedTuple):
    """One numbering scheme.

    ``family``: schemes whose items continue each other's lists (首先，其次，第四，…; 一是…四要).
    ``strong``: a lone first item is a heading (一、 （一）); a weak one (首先, 一是) needs a second
    item after it, so "首先，我代表…" in an opening stays text.  ``inline``: the scheme may open
    a point in the middle of a paragraph, after a sentence end.  ``spoken``: it numbers items
    inside a point (一是、二是) rather than the points, so it never opens a level of its own
    in a draft unless the item is laid out as a point.  ``last``: words that only ever continue
    the scheme's list (最后一点), matched like ``pattern``.  ``continued_as``: the scheme its
    items are written in once its own words run out (首先，其次，再次，then 第四，).
    ``closes_as``: the marker of the last of four or more items (首先，其次，再次，最后，: "首先…
    再次…第四" closing a list of four read as two series mixed, craft review 5).
    ``starts``: the characters a marker of the scheme begins with, so a recogniser can pass
    over a paragraph without compiling the pattern (its CJK classes cost ~0.5 ms each).
    """

    name: str
    family: str
    render: Callable[[int], str]
    pattern: str = ""
    aliases: tuple[str, ...] = ()
    strong: bool = False
    inline: bool = False
    spoken: bool = False
    last: str = ""
    continued_as: str = ""
    starts: str = ""
    closes_as: str = ""



SCHEMES: tuple[Scheme, ...] = (
    Scheme("第一层意思，", "层意思", lambda n: f"第{to_chinese(n)}层意思，",
           rf"第{_N}层意思[，,：:]?", ("第一层意思,", "第一层意思"), inline=True, starts="第"),
    # "第一句话，是…说过的：…": a point that opens by naming itself the speaker's first saying;
    # never words of an opening, so a lone first one is a point too.
    Scheme("第一句话，", "句话", lambda n: f"第{to_chinese(n)}句话，",
           rf"第{_N}句话[，,：:]", ("第一句话,", "第一句话"), strong=True, inline=True,
           last=r"(?P<n>最后一句话)[，,：:]", starts="第"),
    # "我想说四个词。第一个词，“有幸”。": each point is one word or phrase, explained after it.
    # "第一个关键词是“…”。" names its word after 是 (mining-dev32 m3007): the 是 before the
    # quote is the marker's, the quoted word the heading.
    Scheme("第一个词，", "个词", lambda n: f"第{to_chinese(n)}个词，",
           rf"第{_N}个(?:关键)?词(?:[，,：:]|是(?=[“「]))?", ("第一个词,", "第一个词"), inline=True,
           last=r"(?P<n>最后一个(?:关键)?词)[，,：:]?", starts="第"),
    Scheme("第一个方面，", "第", lambda n: f"第{to_chinese(n)}个方面，",
           rf"第{_N}个?方面[，,：:]?", ("第一个方面,", "第一个方面"), inline=True,
           last=r"(?P<n>最后一个方面)[，,：:]?", starts="第"),
    # "我讲两个问题。第一个问题，关于…": each top-level division names itself a question; never
    # words of an opening, so a lone first one is a point too.
    Scheme("第一个问题，", "个问题", lambda n: f"第{to_chinese(n)}个问题，",
           rf"第{_N}个问题[，,：:]", ("第一个问题,", "第一个问题"), strong=True, inline=True,
           last=r"(?P<n>最后一个问题)[，,：:]", starts="第"),
    # "第一部分：认清形势": the divisions of a long report-style speech.
    Scheme("第一部分，", "部分", lambda n: f"第{to_chinese(n)}部分，",
           rf"第{_N}部分(?:[，,：:、]|\s+)", ("第一部分,", "第一部分"), strong=True, starts="第"),
    # "第一项叮咛是…，…" / "第一项，…": each point names itself an item; a family of its own, so
    # it never continues a 首先，其次， of the opening.  "第二项：宣读…" is a host's agenda.
    Scheme("第一项", "项", lambda n: f"第{to_chinese(n)}项",
           rf"第{_N}项(?![目：:])[，,、]?", ("第一项,", "第一项，"), starts="第"),
    # "第一点希望，…" / "第二点要求：…": the point names the kind the opening announced.
    Scheme("第一点，", "第", lambda n: f"第{to_chinese(n)}点，",
           rf"第{_N}点(?:希望|要求|意见|建议|体会|感受|看法|想法)?[，,：:]", ("第一点,", "第一点"),
           inline=True,
           last=r"(?P<n>最后一点)[，,：:]?", starts="第"),
    Scheme("第一要", "第", lambda n: f"第{to_chinese(n)}要",
           rf"第{_N}要(?!求|素|件)", inline=True, spoken=True, starts="第"),
    Scheme("第一，", "第", lambda n: f"第{to_chinese(n)}，",
           rf"第{_N}[，,]", ("第一,", "第一"), inline=True, starts="第"),
    Scheme("第一、", "第", lambda n: f"第{to_chinese(n)}、", rf"第{_N}、", starts="第"),
    Scheme("首先，", "第", _sequence_word,
           r"(?P<n>首先|其次|再次)(?![是])[，,]?", ("首先,", "首先"), inline=True, spoken=True,
           # "最后，祝…" is the closing wish, never the list's last point.
           last=r"(?P<n>最后)[，,]?(?=要|是|[，,](?!祝))", continued_as="第一，",
           starts="首其再", closes_as="最后，"),
    Scheme("（一）", "（一）", lambda n: f"（{to_chinese(n)}）",
           rf"[（(]{_N}[）)]", ("(一)",), strong=True, starts="（("),
    # Pages also print the top-level number with a comma ("一，克服麻痹思想"); it renders as 一、.
    # A page typed with an ASCII comma may set one space after it, as typists do after any
    # comma ("一, 统一认识，…", mining-dev32 m3013); the space is the marker's, not the heading's.
    # Selected-works pages print a part as the bare numeral alone on its line ("一", no heading
    # text; mining-dev29 m2710): the whole paragraph, so a numeral opening a word never matches.
    Scheme("一、", "一、", lambda n: f"{to_chinese(n)}、",
           rf"{_N}(?:[、．.](?![、．.])|[，,] ?(?=\S)|$)", strong=True, starts=NUMERAL_CHARS),
    Scheme("（1）", "（1）", lambda n: f"（{n}）",
           rf"[（(]{_DIGITS}[）)]", ("(1)",), strong=True, starts="（("),
    Scheme("1、", "1、", lambda n: f"{n}、", rf"{_DIGITS} ?、", strong=True, starts=DIGIT_CHARS),
    Scheme("1.", "1.", lambda n: f"{n}.",
           rf"{_DIGITS}[.．](?!\d)", ("1．",), strong=True, starts=DIGIT_CHARS),
    Scheme("一是", "是要", lambda n: f"{to_chinese(n)}是",
           rf"{_N}是(?!非|否|以|因|由|在|对|为了)", inline=True, spoken=True,
           starts=NUMERAL_CHARS),
    Scheme("一要", "是要", lambda n: f"{to_chinese(n)}要",
           rf"{_N}要(?!求|素|件)", inline=True, spoken=True, starts=NUMERAL_CHARS),
    Scheme("一方面，", "方面", lambda n: "一方面，" if n == 1 else "另一方面，",
           r"(?P<n>一方面|另一方面|另一面)[，,]?", ("一方面,", "一方面"), inline=True,
           spoken=True, starts="一另"),
    Scheme("无", "无", lambda n: "", aliases=("none", "")),
)

BY_NAME: dict[str, Scheme] = {scheme.name: scheme for scheme in SCHEMES}
#: Every spelling an outline may use for a scheme → the scheme's name.
SPELLINGS: dict[str, str] = {
    spelling: scheme.name for scheme in SCHEMES for spelling in (scheme.name, *scheme.aliases)
}
#: The default scheme of each level (GB/T 9704-2012, 7.3.3).
LEVEL_SCHEMES: tuple[str, ...] = ("一、", "（一）", "1.", "（1）")


def canonical_scheme(name: str) -> str | None:
    """The scheme's name for a spelling a user or the miner wrote, or None if unknown."""
    return SPELLINGS.get(name.strip())


def marker(scheme: str, n: int, of: int | None = None) -> str:
    """The n-th item's marker in a scheme, as the renderer writes it: ("一是", 2) → "二是"; the
    last of `of` items, four or more, in a scheme that closes its lists: ("首先，", 4, 4) →
    "最后，"."""
    found = BY_NAME[scheme]
    if found.closes_as and of is not None and of > 4:
        # five or more: its own words (首先，其次，再次，最后，) cannot count them, and
        # "首先…再次…第四…最后" mixed two series (a reviewer, cr10); 第一…第五 counts them all
        return BY_NAME[found.continued_as].render(n)
    if found.closes_as and of is not None and n == of >= 4:
        return found.closes_as
    return found.render(n)
