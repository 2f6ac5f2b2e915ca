"""Punctuation a Chinese reader stumbles over: half-width marks, straight quotes, doubled marks.

Drafts pasted from web pages and typed with an English input method carry ``, : ; ( ) ! ?``
between Chinese characters (CORPUS §a1: every scraped page did).  GB/T 15834 wants the
full-width forms, and Word sets the half-width ones narrow and crowded.  Widths are repaired
by ``--fix`` through ``fix_widths``, which uses the very patterns this check reports.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..han import HAN_CLASS, is_han
from ..lazy_re import LazyPattern
from .draft import Draft
from .finding import WARNING, Finding, Place
from .rule import Options, Rule

CJK = HAN_CLASS
_CN_CLOSE = "”’）》」』】〕"
_CN_OPEN = "“‘（《「『【〔"

FULL_WIDTH: dict[str, str] = {
    ",": "，", ":": "：", ";": "；", "!": "！", "?": "？", ".": "。", "(": "（", ")": "）",
}

#: A half-width mark after a Chinese character, before Chinese text or the paragraph's end;
#: the spaces an English input method adds after it are part of the mark.
#: The gate, a non-ASCII character or ")" before the mark, spares compiling the CJK classes
#: (10 ms) for a text whose only half-width marks are in numbers and markers (3.5, 1.).
_SEPARATOR = LazyPattern(rf"(?<=[{CJK}{_CN_CLOSE})])([,:;!?.])( *)(?=[{CJK}{_CN_OPEN}]|\s*$)",
                         needs=",:;!?.", gate=r"(?:[^\x00-\x7f]|\))[,:;!?.]")
#: The same after a number, a percentage or Latin text (增长5.2%,总量 / 比例为3:1.), in a
#: paragraph that holds Chinese; a mark with a digit or letter after it (5.2, 10:30,
#: www.gov.cn) is part of the number or address and stays, and so does a point before
#: Chinese text, which after a number is an enumeration (1.加强学习).  ASCII classes only:
#: what follows the mark is tested by ``_opens_chinese``.
_AFTER_ALNUM = LazyPattern(r"(?<=[0-9A-Za-z%])(?:([,:;!?])( *)|(\.)( *)$)",
                           needs=",:;!?.")
#: Full-width digits and Latin letters (２０２５、ＧＤＰ５．２％): GB/T 15835 writes numbers
#: with half-width Arabic digits; a full-width point or percent sign inside such a number
#: goes with it.
_FULL_ALNUM = LazyPattern("[０-９Ａ-Ｚａ-ｚ]+(?:．[０-９]+)*％?", gate="[０-９Ａ-Ｚａ-ｚ]")
_TO_HALF = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B)} | {ord("．"): ".",
                                                                        ord("％"): "%"}
#: Half-width brackets around Chinese words, or wedged between Chinese characters.
_BRACKETS = LazyPattern(
    rf"\(([^()\n]*[{CJK}][^()\n]*)\)|(?<=[{CJK}])\(([^()\n]*)\)(?=[{CJK}])", needs="("
)
_STRAIGHT_QUOTE = LazyPattern(rf"(?<=[{CJK}])[\"'＂]|[\"'＂](?=[{CJK}])", needs="\"'＂")
_DOUBLED = LazyPattern(r"[，。、；：,;]{2,}|！{2,}|？{2,}")


def half_width_marks(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, replacement) for every half-width mark that should be full-width."""
    for match in _SEPARATOR.finditer(text):
        yield match.start(), match.end(), FULL_WIDTH[match[1]]
    if not text.isascii():  # Chinese text (a scan in C, not a loop over the characters)
        for match in _AFTER_ALNUM.finditer(text):
            if match[3] or _opens_chinese(text[match.end():]):
                yield match.start(), match.end(), FULL_WIDTH[match[1] or match[3]]
    for match in _BRACKETS.finditer(text):
        inner = match[1] if match[1] is not None else match[2]
        yield match.start(), match.end(), f"（{inner}）"


def _opens_chinese(rest: str) -> bool:
    """Whether the text after a mark is Chinese (or an opening Chinese mark), or nothing."""
    return not rest.strip() or is_han(rest[0]) or rest[0] in _CN_OPEN


def fix_widths(text: str) -> str:
    """``text`` with every reported half-width mark replaced, nothing else touched."""
    edits = sorted(half_width_marks(text))
    out, last = [], 0
    for start, end, replacement in edits:
        if start < last:  # a bracket pair around a comma: the pair was already rewritten
            continue
        out.append(text[last:start])
        out.append(replacement if len(replacement) == 1 else _inner_fixed(replacement))
        last = end
    out.append(text[last:])
    return "".join(out)


def full_width_alnum(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, half-width form) for every run of full-width digits and letters."""
    for match in _FULL_ALNUM.finditer(text):
        yield match.start(), match.end(), match[0].translate(_TO_HALF)


def fix_alnum(text: str) -> str:
    """``text`` with full-width digits and letters made half-width."""
    return _FULL_ALNUM.sub(lambda match: match[0].translate(_TO_HALF), text)


def _inner_fixed(bracketed: str) -> str:
    return bracketed[0] + fix_widths(bracketed[1:-1]) + bracketed[-1]


def check(draft: Draft, options: Options) -> Iterator[Finding]:
    """One finding per mark, so the count tells the user how much ``--fix`` will change."""
    uses_curly = any("“" in p.text or "”" in p.text for p in draft.paras)
    for para in draft.paras:
        text = para.text
        for start, end, replacement in sorted(half_width_marks(text)):
            quoted = text[start:end]
            yield Finding(
                "halfwidth-punct", WARNING,
                f"中文中用了半角标点“{quoted.strip()}”,应为“{replacement}”",
                quoted, para.place(start), fixable=True,
            )
        for start, end, replacement in full_width_alnum(text):
            yield Finding(
                "fullwidth-alnum", WARNING,
                f"数字和字母用了全角“{text[start:end]}”,"
                f"应为半角“{replacement}”",
                text[start:end], para.place(start), fixable=True,
            )
        for match in _STRAIGHT_QUOTE.finditer(text):
            also = ",与全文的“”混用" if uses_curly else ""
            yield Finding(
                "mixed-quotes", WARNING,
                f"中文中用了直引号 {match[0]}{also},应使用“”或‘’",
                match[0], para.place(match.start()),
            )
        for match in _DOUBLED.finditer(text):
            yield Finding(
                "doubled-punct", WARNING, f"标点重复“{match[0]}”,请保留一个",
                match[0], para.place(match.start()),
            )
    for where, text in draft.margins:  # "县委办公室(印发)" in a header prints too (a tester)
        for start, end, replacement in sorted(half_width_marks(text)):
            quoted = text[start:end]
            yield Finding(
                "halfwidth-punct", WARNING,
                f"{where}里用了半角标点“{quoted.strip()}”,应为“{replacement}”"
                f"(自动修正只改正文,{where}请在 Word 里改)",
                quoted, Place(section=where))


RULE = Rule("punctuation",
            ("halfwidth-punct", "fullwidth-alnum", "mixed-quotes", "doubled-punct"), check)
