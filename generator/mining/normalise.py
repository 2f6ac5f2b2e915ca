"""Character-level clean-up applied to every line before any rule looks at it.

Scraped pages mix half-width and full-width punctuation in Chinese text and carry invisible
private-use characters; rules are written once, against full-width text, after this pass.
"""

from __future__ import annotations

import re

from ..lazy_re import LazyPattern
from ..numerals import ORDINAL

#: A list item's bullet a page's markup leaves at a line's start ("  • 在…的讲话", "● 首页"):
#: markup, not text, as the Markdown below.  The middle dot "·" is not one: it joins names.
_BULLETS = frozenset("•●▪◦")

# Private-use characters (e.g. U+E004 at paragraph ends) and zero-width marks are invisible
# and defeat endswith("。") checks.
_INVISIBLE = re.compile("[\ue000-\uf8ff\u200b-\u200d\u2060\ufeff]")
_SPACES = re.compile("[\u00a0\u3000\t]")

# Half-width punctuation becomes full-width unless it sits between two digits (1,000 / 9:30),
# where it is part of a number.
_HALF = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}

#: Markdown a page copied from an article platform keeps: a heading's hashes and a bold
#: opening ("## 一、…", "**一、认清形势**今年以来…").  Only at the line's start, where it wraps
#: the text; a lone "**" elsewhere is a site's starred-out word (a placeholder), kept.
_MARKDOWN = re.compile(r"^(?:#{1,6}\s+)?(?:\*\*([^*]{2,60})\*\*)?")

#: A subtitle's dash typed some other way ("--在…的报告", "—在…", "－－在…"): the subtitle's
#: dash "——", so the rules for subtitles read one shape.  The same for a compiler's note in
#: the subtitle's place ("--根据某某同志…的讲稿整理", "--據…記錄整理"): under "——" it is read
#: as a subtitle, not the title (dev29 m2707, whose main title is above the excerpt).
_DASHES = ("-", "－", "—", "─")
_SUBTITLE_DASH = re.compile(r"^(?:--|－－?|—(?!—)|─{1,2})\s*(?=在|于|根据|根據|据|據)")

# "1 、" → "1、": a space inside a marker is a typing slip, not text.
_MARKER_GAP = re.compile(rf"^(\d{{1,2}}|{ORDINAL})\s+([、.．])")


#: "1,000" and "9:30": half-width marks between two ASCII digits stay as they are.
_NUMBER_MARK = re.compile(r"(?<=[0-9])[,:](?=[0-9])")
_KEEP = {",": "\x00", ":": "\x01"}


def _widen(text: str) -> str:
    """Half-width punctuation made full-width, except inside numbers (the numbers' marks are
    set aside first).  One ``str.replace`` per mark the line holds: on Chinese text that is a
    tenth of the time ``str.translate`` takes, which looks every character up in a table."""
    marks = [mark for mark in _HALF if mark in text]
    if not marks:
        return text
    kept = ("," in marks or ":" in marks) and _NUMBER_MARK.search(text)
    if kept:
        text = _NUMBER_MARK.sub(lambda m: _KEEP[m.group()], text)
    for mark in marks:
        text = text.replace(mark, _HALF[mark])
    if kept:
        text = text.replace("\x00", ",").replace("\x01", ":")
    return text


#: Anti-copy "jammer" text that forum software scatters through a post ("9 Y8 f3 E5 k. p. Q8
#: f$ Y) |. D#"): six or more tokens of one to three printable ASCII characters separated by
#: single spaces, glued to the text or on a line of their own.  Ordinary text never has such a
#: run; the symbol requirement (below) spares a spaced-out acronym or number list.
_JAMMER = re.compile(r"(?:[!-~]{1,3} ){5,}[!-~]{1,3}")
_JAMMER_SYMBOL = re.compile(r"[^0-9A-Za-z ]")


#: A jammer run holds at least this many spaces; a line with fewer is not searched.
_JAMMER_SPACES = 5


#: A paragraph's indent that a copy in a narrow encoding turned into question marks ("????3月
#: 13日…", "????各位委员，…" on a mirrored news page, pool mining-setaside22): two or more ASCII
#: question marks opening a line before its text.  No sentence opens so; a full-width "？" a
#: writer typed stays.
_LOST_INDENT = re.compile(r"^\?{2,}\s*(?=[^?\s])")


def _drop_jammer(match: re.Match[str]) -> str:
    return "" if _JAMMER_SYMBOL.search(match.group()) else match.group()


def _unescape(line: str) -> str:
    """HTML character references a page saved from source keeps ("&nbsp;", "&ldquo;",
    "&#12288;") as the characters they stand for; ``html`` is imported only for such a line."""
    import html

    return html.unescape(line)


def normalise_line(line: str) -> str:
    """One physical line, trimmed, with character references decoded, invisible characters
    and jammer text gone and punctuation full-width."""
    if "&" in line and ";" in line:
        line = _unescape(line)
    line = _INVISIBLE.sub("", line)
    line = _SPACES.sub(" ", line)
    if line.count(" ") >= _JAMMER_SPACES:
        line = _JAMMER.sub(_drop_jammer, line)
    line = line.strip()
    if line[:2] == "??":
        line = _LOST_INDENT.sub("", line, count=1)
    if line[:1] in _BULLETS:
        line = line[1:].lstrip()
    if line[:1] == "'" and line.count("'") == 1:
        # A lone straight quote opening the line, never closed in it: debris of the page's
        # markup before a preview's text (a document page's "'在…的讲话<site>…", pool
        # mining-dev30); Chinese text quotes with “” or ‘’, so no quotation is lost.
        line = line[1:].lstrip()
    if line[:1] in ("#", "*"):
        # The bold's end is where a heading ends: a space there lets the heading be cut off.
        line = _MARKDOWN.sub(lambda m: f"{m.group(1)} " if m.group(1) else "", line, count=1)
        line = line.strip()
    line = _widen(line)
    if "【" in line:
        line = _MISMATCHED_NUMBER.sub(r"（\1）", line)
    if line[:1] in _DASHES:
        line = _SUBTITLE_DASH.sub("——", line, count=1)
    if " " in line:
        line = _SPACE_BEFORE_MARK.sub("", line)
    return _MARKER_GAP.sub(r"\1\2", line)


#: A sub-point's number whose opening bracket a PDF's text layer turned into 【 ("…闭环【一）拧紧
#:思想发条。"): the pair of marks never matches, so it can only be （一）.
_MISMATCHED_NUMBER = re.compile(r"【([一二三四五六七八九十]{1,3})）")

#: Spaces before a full-width mark carry nothing: a PDF's or an editor's spacing ("同志们 ：",
#: "今天 ，国务院…"), which would hide an address or part a clause from its mark.
_SPACE_BEFORE_MARK = re.compile(r" +(?=[，。：；！？、])")


_WHITESPACE = re.compile(r"\s+")

#: A pinyin gloss some converted pages print after a character ("會(huì)議", "領(lǐng)導(dǎo)"),
#: full-width by now: lower-case letters with at least one tone mark, in brackets, after a
#: Chinese character.  An abbreviation in brackets ("（AI）") has no tone mark and stays.
#: Compiled only for a page that holds a tone mark (its CJK look-behind costs ~1 ms).  A space
#: before the closing bracket ("會(huì )") is the converter's, part of the gloss (round 65).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
GLOSS = LazyPattern(
    rf"(?<=[\u4e00-\u9fff])（(?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}} ?）", needs=_TONED
)


def unglossed(text: str) -> str:
    """The text without pinyin glosses: the key the miner's word rules read, so that
    "会（huì）议" is the word 会议 to them while the page's text keeps its glosses."""
    return GLOSS.sub("", text) if "）" in text else text


def fold(text: str) -> str:
    """A comparison key: no whitespace, one width per punctuation mark."""
    return _WHITESPACE.sub("", _widen_all(text))


def _widen_all(text: str) -> str:
    """Every half-width mark made full-width, numbers or not (a comparison key)."""
    for mark in _HALF:
        if mark in text:
            text = text.replace(mark, _HALF[mark])
    return text
