"""Rebuild paragraphs from hard-wrapped lines (CORPUS rule e1.6).

Pages copied from PDFs or narrow columns break lines mid-sentence ("进|一步", "县|(区)").  A line
joins the one before it only when that line does not end a sentence, is not a heading on its own,
and the new line does not start with a numbering marker, so headings and lists survive.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from ..lazy_re import LazyPattern
from ..lexicon import (
    ADDRESS_WORDS,
    APPEAL_STARTS,
    COMRADES,
    GROUP_ADDRESS,
    OFFICES,
    STANDING_ADDRESS,
    TITLE_END,
    alternation,
)
from ..numerals import ORDINAL, from_chinese
from ..schemes import SCHEMES as TABLE
from ..schemes import marker as nth_marker
from .address import DAYTIME, GREETED, LEADING_GREETING, is_salutation
from .boilerplate import (
    COUNT_HINT,
    FURNITURE_EDGE,
    LEAD_IN,
    classify,
    furniture_score,
    is_furniture,
    strip_label,
)
from .captions import LEADING_SAMPLE, SAMPLE_MARK
from .headings.detect import (
    ANNOUNCEMENT,
    ANNOUNCEMENT_OPEN,
    COMPOUNDS,
    HEADING_ENDINGS,
    announces_points,
    announces_unit,
    is_standalone_heading,
    starts_with_marker,
)
from .headings.schemes import match_at
from .normalise import GLOSS, unglossed
from .sources import DATA_CELL_CHARS

#: A line ending in one of these closes its paragraph.
TERMINALS = ("。", "！", "？", "”", "…", "：", "」", "』")

#: Wrapped lines fill the page width; a short unterminated line (主席先生，) is a line of its own.
MIN_WRAPPED = 16
#: A line opening with an address to the audience starts a paragraph even after a cut-off line.
FRESH_START = (f"{COMRADES}，", f"{COMRADES}！", *APPEAL_STARTS[1:])


def join_wrapped(
    lines: list[tuple[int, str]], printed: dict[int, int] | None = None
) -> list[tuple[int, str]]:
    """Paragraphs as (first line number, text).  ``printed``: the length of each printed line
    by its number, when lines above ``lines`` (the head) took pieces of it (``printed_lengths``);
    by default measured on ``lines``."""
    width = wrap_width(lines)
    if width is None:
        printed = {}
    elif printed is None:
        printed = _printed_lengths(lines)
    out: list[tuple[int, str]] = []
    last = ""  # the previous physical line
    for k, (number, text) in enumerate(lines):
        if out:
            previous = out[-1][1]
            # The tail of a printed line that ``unflatten`` cut ("…讲几点意见：" / "一、认清形势，
            # 增强做好安全"): the printed line, not the piece, filled the width.
            tail = (
                width is not None
                and lines[k - 1][0] != number
                and printed.get(lines[k - 1][0], 0) >= width - 1
            ) or _opened_in_head(lines, k, printed, width)
            full = width is not None and (
                len(last) >= width - 1  # filled the page's width
                or tail
                or _wrapped_heading(previous, last, text, width)
            )
            # In hard-wrapped text a line well short of the width without a sentence end, after
            # a sentence end, is a heading without a number, not the start of a paragraph.
            short = width is not None and not tail and len(last) <= width * SHORT_OF_WIDTH
            inline_item = _inline_item_at_wrap(lines, k, last, text, width)
            quoted_word = full and _quoted_word_at_wrap(last, text)
            if (
                not (short and previous == last and _after_paragraph_end(out))
                and not (previous == last and _heading_as_wide(last, text, width))
                and (tail or len(last) >= MIN_WRAPPED)
                and (not last.endswith(TERMINALS) or inline_item or quoted_word)
                and not (previous == last and not full and _under_announcement(out))
                and (full or not is_standalone_heading(previous))
                and (not starts_with_marker(text) or _one_cut_off(last, text, width) or inline_item)
                and not text.startswith(FRESH_START)
                and not is_salutation(text)
                and not is_data_row(last)
                and not is_data_row(text)
            ):
                out[-1] = (out[-1][0], previous + text)
                last = text
                continue
        out.append((number, text))
        last = text
    return out


#: Round 73: printed lines read on for the second item of a list the wrap put at a line's start.
INLINE_LOOKAHEAD = 6
_SENTENCE_END = ("。", "！", "？")


def _inline_item_at_wrap(
    lines: list[tuple[int, str]], k: int, last: str, text: str, width: int | None
) -> bool:
    """A hard-wrapped page broke a paragraph exactly after a sentence, before the first item
    of a list spoken inside it ("…还是不断向前发展。" / "一是疫情防控方面，…。二是招生…"):
    the line above filled the width and ended the sentence, the line opens with the first item
    of an inline scheme (一是, 一要, 一方面), and its second item follows inside the same run of
    full lines, after a sentence or clause end, not at a line's start.  A list whose items are
    paragraphs of their own starts each item on a new line; this one is the paragraph's own,
    and the line runs on from the one above as the unwrapped page had it."""
    if width is None or len(last) < width - 1 or not last.endswith(_SENTENCE_END):
        return False
    first = match_at(text)
    if first is None or first.scheme.strong or not first.scheme.inline or first.ordinal != 1:
        return False
    second = nth_marker(first.scheme.name, 2)
    for at, (_, line) in enumerate(lines[k : k + INLINE_LOOKAHEAD]):
        if at and line.startswith(second):
            return False
        found = line.find(second, 1)
        if found > 0 and line[found - 1] in "。！？；，":
            return True
        if len(line) < width - 1:
            return False
    return False


#: Round 83: what closes a sentence before a closing quote ("…。”"), so the quote ends it too.
_QUOTE_CLOSES_SENTENCE = ("。", "！", "？", "…", "!", "?", "；")


def _quoted_word_at_wrap(last: str, text: str) -> bool:
    """A hard-wrapped page broke a line right after a quoted word ("…以“x”" / "理念总揽…",
    "…坚持“两山”" / "理念，…"): the line filled the width and ends on a closing quote opened
    on the same line, with no sentence's end inside it, and the next line runs on with a Han
    character.  A quote closes a paragraph when a sentence ends inside it ("…。”"); a quoted
    word closes none: the clause goes on, as the unwrapped page had it."""
    if not last.endswith("”") or last[:-1].endswith(_QUOTE_CLOSES_SENTENCE):
        return False
    opened = last.rfind("“")
    return (
        opened >= 0
        and "”" not in last[opened:-1]
        and not any(mark in last[opened:-1] for mark in _QUOTE_CLOSES_SENTENCE)
        and _HAN_CHAR.match(text[:1]) is not None
    )


#: A line opening with the word-final "一" of a word the wrap cut, read as a number ("一，").
_CUT_ONE = re.compile(r"一，")


def _one_cut_off(last: str, text: str, width: int | None) -> bool:
    """A hard-wrapped page cut a word that ends in 一 ("…认识统" / "一，行动迅速…",
    "…政策原则之" / "一，这是…"): the line under a line that filled the width and stopped on a
    Han character, mid-clause, opens with "一，" — the word's last character and its comma, not
    a point's number.  A point's number stands after a finished sentence or a heading, and
    "一，" is the weak way to print one (round 66)."""
    return (
        width is not None
        and len(last) >= width - 1
        and _CUT_ONE.match(text) is not None
        and _HAN_CHAR.match(last[-1]) is not None
    )


def _opened_in_head(
    lines: list[tuple[int, str]], k: int, printed: dict[int, int], width: int | None
) -> bool:
    """Round 64: the body's first line is what the head left of a printed line (the address,
    a site's lead-in took its start: "…供大家参考。同志们：经县政府研究决定，今天召开全县安"),
    and the line under it fills the page's wrap width ("全生产专项整治工作…"): the sentence runs
    on, however short the piece left (the printed line's length may be unknown once a lead-in
    is stripped from it)."""
    if width is None or k != 1:
        return False
    number, first = lines[0]
    return (
        printed.get(number, 0) > len(first)
        and len(lines[1][1]) >= width - 1
        and not starts_with_marker(first)
    )


#: Inside a table cell's datum: clause punctuation means prose, not a figure or a name.
_PROSE = LazyPattern(r"[，。；！？]")


def is_data_row(text: str, min_cells: int = 3) -> bool:
    """Whether a line is a table's row as `sources` writes it (cells joined by a full-width
    space, which `normalise` makes a plain one; none of them prose): a line of its own, never
    a wrapped line's end or continuation.  A Word table of figures, "GDP　215.6亿元　5.8%",
    ran into the rows and the paragraph after it and was carried so into the redrafted speech
    (a tester).  Three cells at least by default: "县委书记 张三" is two short pieces of text."""
    cells = text.split(" ")
    return (len(cells) >= min_cells and all(0 < len(cell) <= DATA_CELL_CHARS for cell in cells)
            and not _PROSE.search(text))


#: A chunk's number at a line's start: "2、" as a document viewer numbers a preview's pieces.
#: The piece before each number is a long run of text (m510's run to 300 characters); a
#: shorter unterminated line before "2、" is a point's heading ("1、提高思想认识").
CHUNK_CHARS = 100
_CHUNK_NUMBER = re.compile(r"^(\d{1,3})、")
#: The speech's head run into the first chunk: a title, then the address.
_HEAD_IN_CHUNK = LazyPattern(
    rf"\s*[^。！？，]{{4,60}}?{TITLE_END}\s*(?:尊敬的|亲爱的|各位|同志们)", needs="尊亲各同"
)


#: The title a file's first chunk opens with, run into the text: a line above prints it.
_TITLE_IN_CHUNK = LazyPattern(rf"\s*([^。！？，：\s]{{4,60}}?{TITLE_END})")


def _head_in_chunk(lines: list[tuple[int, str]], k: int, number: re.Match[str]) -> bool:
    """The first chunk opens with the speech's head: its title and address, or a title the
    page printed on a line above (the file's name, "<title>.docx")."""
    text = lines[k][1]
    if _HEAD_IN_CHUNK.match(text, number.end()):
        return True
    opening = text[number.end() : number.end() + 4]
    if not any(t.startswith(opening) for _, t in lines[:k]):
        return False  # no line above opens as the chunk does: the cheap test first
    title = _TITLE_IN_CHUNK.match(text, number.end())
    return title is not None and any(t.startswith(title.group(1)) for _, t in lines[:k])


def join_numbered_chunks(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A preview cut into numbered pieces ("1、…进行提醒、" / "2、嘱咐和告诫，…"): when lines
    numbered 1, 2, 3… in turn each open where the line before breaks off mid-sentence (no
    sentence end) after at least ``CHUNK_CHARS`` characters, the numbers are the viewer's, not
    the speaker's points: they go, and each piece runs on from the one before.  Two breaks at
    least, so a list whose item happens to lack its full stop is left alone; one is enough
    when the first piece opens with the speech's title and address."""
    numbered = [(k, m) for k, (_, t) in enumerate(lines) if (m := _CHUNK_NUMBER.match(t))]
    fewest = 3
    if numbered and _head_in_chunk(lines, *numbered[0]):
        fewest = 2  # "1、<title>同志们：…": no point opens with the speech's head
    if len(numbered) < fewest or [int(m.group(1)) for _, m in numbered] != list(
        range(1, len(numbered) + 1)
    ):
        return lines
    if any(
        k == 0 or len(lines[k - 1][1]) < CHUNK_CHARS or lines[k - 1][1].endswith(TERMINALS)
        for k, _ in numbered[1:]
    ):
        return lines
    out: list[tuple[int, str]] = []
    chunks = {k: m.end() for k, m in numbered}
    for k, (number, text) in enumerate(lines):
        if k in chunks:
            text = text[chunks[k] :]
            if out and k != numbered[0][0]:
                out[-1] = (out[-1][0], out[-1][1] + text)
                continue
        out.append((number, text))
    return out


def _printed_lengths(lines: list[tuple[int, str]]) -> dict[int, int]:
    """The length of each printed line cut into several pieces, by its number (a space between
    pieces counted, as the cut took it away)."""
    lengths: dict[int, int] = {}
    for number, text in lines:
        lengths[number] = lengths[number] + 1 + len(text) if number in lengths else len(text)
    return lengths


#: Round 64: characters a copy may have taken from the start of a unit's first printed line
#: (a document library's chunk number "1、", which ``split`` removes).
LOST_AT_START = 2


def printed_lengths(lines: list[tuple[int, str]]) -> dict[int, int]:
    """The printed lengths of a whole unit's lines, head and body (``_printed_lengths``), its
    first line counted ``LOST_AT_START`` longer.  The head's title and address may be pieces
    of a line the body's first words end ("<title>各位老师：今天，…首先，" / "我代表…"): that
    line filled the page's width, not the piece the body kept.  A PDF copy's first line that
    opened with a library's "1、" filled it with the number that was taken away."""
    lengths = _printed_lengths(lines)
    if lines:
        lengths[lines[0][0]] += LOST_AT_START
    return lengths


#: Round 56: the words a numbered heading printed exactly as wide as a PDF's lines ends on, at
#: the line's end: the endings a fused heading is cut after, and the two a heading closes its
#: task with but that run on too often inside a line to cut after there ("…统一思想和行动",
#: "…全会精神"): at a printed line's end, with a body's line after it, they end the heading.
LINE_END_HEADING = (*HEADING_ENDINGS, "行动", "精神")
#: Longer words those two start across a break ("…精神" / "实质…", "…行动" / "指南…").
_LINE_END_COMPOUNDS = {
    **COMPOUNDS,
    "行动": ("自觉", "指南", "计划", "方案", "纲领", "上"),
    "精神": ("实质", "状态", "面貌", "文明", "力量", "上", "和"),
}
#: The body's first words taken up from the heading above it ("…中央统战工作会议精神统一思想和
#: 行动" / "中央统战工作会议是…"): so many characters of the next line found in the heading.
TAKEN_UP = 4
_INNER_END = re.compile(r"[。！？；]")
#: A clause or sentence mark: the line below is a body's, not a heading's short tail.
_BODY_MARK = re.compile(r"[。！？，]")


def _heading_as_wide(last: str, text: str, width: int | None) -> bool:
    """A strongly numbered heading ("一、" "（一）") exactly as wide as the page's wrapped lines,
    its body on the next printed line: not wrapped on into it.  Length alone does not tell it
    from a heading wrapped over two lines, whose second line is a short tail ("…切实增强" /
    "工作责任感和紧迫感"), nor from a numbered paragraph's first line; so the next line must be
    a body's (it fills the width too, or holds a clause or sentence mark) and open with no
    clause mark, and the heading line must close as a task does: on a heading's last word
    (``LINE_END_HEADING``, not one starting a longer word across the break), or with the words
    the body opens with (the body takes up its subject from the heading)."""
    if width is None or len(last) < width - 1 or last.endswith(TERMINALS):
        return False
    marker = match_at(last)
    if marker is None or not marker.scheme.strong or _INNER_END.search(last):
        return False
    if not text or text[0] in "，、；：,;:）)”" or not (
        len(text) >= width - 1 or _BODY_MARK.search(text)
    ):
        return False
    ending = next((e for e in LINE_END_HEADING if last.endswith(e)), None)
    if ending is not None:
        compounds = _LINE_END_COMPOUNDS.get(ending, ())
        return not text.startswith(compounds) and text[0] not in "的和与及"
    opening = text[:TAKEN_UP]
    heading = last[marker.end :]
    return (
        len(opening) == TAKEN_UP
        and _HAN_RUN.fullmatch(opening) is not None
        and opening in heading
        and not _word_cut_at_end(heading, text)
    )


def _word_cut_at_end(heading: str, text: str) -> bool:
    """Round 73: the body takes up the heading's words, but the wrap cut the first of them
    ("…的责任感紧迫感耕" / "地保护和粮食安全是…", under "…切实增强耕地保护和…"): the line's last
    character and the next line's first words are found in the heading together, and the
    heading closes on a heading's last word (``LINE_END_HEADING``) just before them.  A body
    that takes up its subject starts the word at the line's start; here the heading ended a
    character or two before the line did, and the line runs on into the body (cut later
    where the heading ends, as the unwrapped line is)."""
    return any(
        heading[:-cut].endswith(LINE_END_HEADING)
        and heading[-cut:] + text[:TAKEN_UP] in heading[:-cut]
        for cut in (1, 2)
        if len(heading) > cut
    )


_HAN_RUN = re.compile(r"[^\W\d_a-zA-Z]+")


#: Share of the wrap width below which an unterminated line is a line of its own.
SHORT_OF_WIDTH = 0.75
#: Share of the wrap width a PDF line may fall short by and still be full (justified lines
#: hold more or fewer characters as their punctuation and digits take less room).
NEARLY_FULL = 0.9
#: A clause break with a word's first one or two characters after it ends a cut line ("…，进").
_CUT_AFTER_COMMA = re.compile(r"，[^，。！？、；：]{1,2}$")


def _wrapped_heading(previous: str, last: str, text: str, width: int) -> bool:
    """A numbered heading wrapped over two lines of a PDF page: its first line nearly fills
    the width and ends in a word cut after a comma ("…显著成效，进" / "一步增强…"), or its
    second line is a short unterminated tail ("…工作思路大转" / "变").  A heading is short and
    names a task; the body under it starts a new line."""
    if previous != last or not starts_with_marker(last) or len(last) < width * NEARLY_FULL:
        return False
    tail = len(text) <= width * SHORT_OF_WIDTH and not _UNTERMINATED.search(text)
    return tail or bool(_CUT_AFTER_COMMA.search(last))


#: The longest line under an announcement kept as a heading of its own (a point's heading
#: whose number the copy lost: "…提出三点要求：" / "统一思想，坚定…的信心和决心" / its body).
ANNOUNCED_HEADING_CHARS = 40


def _under_announcement(out: list[tuple[int, str]]) -> bool:
    """The last line, short and alone, comes right under a paragraph that ends announcing the
    points with a colon: it is the first point's heading, not a paragraph's first line (unless
    it fills a hard-wrapped page's width: then its text runs on)."""
    return (
        len(out) >= 2
        and len(out[-1][1]) <= ANNOUNCED_HEADING_CHARS
        and out[-2][1].endswith("：")
        and announces_points(out[-2][1])
    )


def _after_paragraph_end(out: list[tuple[int, str]]) -> bool:
    """The paragraph before the last one ended with a sentence end (or there is none)."""
    return len(out) < 2 or out[-2][1].endswith(TERMINALS)


def wrap_width(lines: list[tuple[int, str]]) -> int | None:
    """The width a hard-wrapped page breaks its lines at, or None if it does not.

    It is the commonest length of unterminated body lines, when that length is common enough;
    a numbered line that fills this width is wrapped text, not a heading of its own."""
    lengths = Counter(
        len(text)
        for _, text in lines
        if len(text) >= MIN_WRAPPED
        and not text.endswith(TERMINALS)
        and not starts_with_marker(text)
    )
    if not lengths:
        return None
    width, count = lengths.most_common(1)[0]
    return width if count >= 3 and count * 3 >= lengths.total() else None


#: A unit that is one line holding this many sentence ends followed by a space is a short
#: page flattened whole, read as a long flattened line is, whatever its length.
SPACED_SENTENCES = 2
#: A line this long holding "…。一、…。二、…" is a page whose line breaks were lost (a short
#: speech flattened onto one line runs to 250 characters; a wrapped paragraph rarely does).
FLATTENED = 200
_SERIES = (
    re.compile(rf"(?:^|(?<=[。！？；： ]))({ORDINAL})、"),
    re.compile(rf"(?:^|(?<=[。！？；： ]))（({ORDINAL})）"),
)
#: (A text's first number counts too: a paragraph rebuilt from wrapped lines opens with it.)
#: Each series' first item as printed, wherever it stands (after a caption too: "【提纲】一、").
_FIRST_ITEM = dict(zip(_SERIES, ("一、", "（一）"), strict=True))
#: Each series' number alone, for an item known to start at a place no mark precedes (the
#: first point right after an announcement that lost its mark, round 68).
_SERIES_ITEM = dict(
    zip(_SERIES, (re.compile(rf"({ORDINAL})、"), re.compile(rf"（({ORDINAL})）")), strict=True)
)
_ADDRESS = re.compile(
    r"^(?P<head>[^。！？]{0,200}?)\s*(?P<note>（[^（）]{4,20}）)?\s*"
    r"(?P<address>(?:各位|尊敬的)?[^\s。，（）：]{0,10}同志们：)\s*"
)
#: A Chinese character, as a name is written: a word character that is no digit and no ASCII
#: letter (a range over the CJK block costs ~1 ms to compile, this class a tenth of that).
_HAN = r"[^\W\d_a-zA-Z]"
_HAN_CHAR = re.compile(_HAN)
#: Words that join 同志们 as a group of the audience ("全体同志们", "在座的同志们"), not a
#: speaker's name in front of the address.
_GROUP_BEFORE_ADDRESS = "(?!全体|在座|各位|广大|青年|年轻|老同|女同|机关|党员|干部)"
#: The same with the title run straight into the address ("…的讲话同志们："): tried first, so
#: the address does not swallow the title's last words (nor the bracket a page framed the
#: title with: "【…的讲话】各位校长、同志们：").  The head of a published speech may
#: sit between them in its usual order: a note in brackets (the day, "根据录音整理") and the
#: speaker, a name after the note or a byline naming an office ("…的讲话（2011年11月3日）
#: 刘某某同志们：", "…的讲话某某区委常委、副区长王某某同志们："); the address may list several
#: addressees, parted by 、 or ， ("尊敬的主任、尊敬的各位老同志、同志们：", "各位企业家，
#: 同志们："), and the site's "文稿" may follow the title word ("…的讲话文稿同志们：").  The
#: words before 同志们 hold no title word: in "…征兵动员大会上的讲话同志们：" the title ends at
#: 讲话, not at 动员.
#: A group addressed before 同志们, its name ending in 们 and a comma ("青年朋友们，同志们：").
_GROUP_BEFORE = rf"{_HAN}{{1,8}}?们[、，]"
_GROUPS_BEFORE = rf"(?:{_GROUP_BEFORE})*"
_TITLED_ADDRESS = re.compile(
    rf"^(?P<head>.{{0,120}}?{TITLE_END}(?:文稿)?[】\]］〕]?)\s*(?P<note>（[^（）]{{4,20}}）)?\s*"
    rf"(?P<name>(?<=）){_GROUP_BEFORE_ADDRESS}{_HAN}{{2,3}}(?={_GROUPS_BEFORE}同志们：)"
    rf"|[^\s。，！？：（）]{{0,24}}?{OFFICES}{_HAN}{{2,3}})?"
    rf"(?P<address>(?:(?:尊敬的|亲爱的|各位)[^\s。，（）：、]{{1,16}}?[、，]|{_GROUP_BEFORE})*"
    rf"(?:各位|尊敬的)?(?:(?!{TITLE_END})[^\s。，（）：]){{0,10}}?同志们：)\s*"
)
#: The same with a title that names its speaker at the occasion and ends without a genre word,
#: as a document library prints a file's abridged name ("副市长在全市夏季消防安全检查工作同志们：
#: 这次会议…"): the whole run before 同志们 is the title, none of it the address.
_SPEAKER_AT_ADDRESS = LazyPattern(
    rf"^(?P<head>[^\s。，！？：（）]{{0,12}}?(?:{OFFICES}|同志|领导)在[^\s。，！？：（）]{{4,40}})"
    r"(?P<note>)(?P<name>)(?P<address>同志们：)\s*"
)
#: A short note in brackets closing a title ("…的讲话（摘要）", "（节选）"): part of the title.
_TITLE_NOTE = r"(?:（[^（）\s。！？，]{1,8}）)?"
#: A flattened page without a salutation: the last space-delimited piece ending like a title
#: (…讲话, perhaps with its note: "…的讲话（摘要）") before the first clause of the body is the
#: title, what precedes it the page's head (a handout's name and number, "…学习资料（一）",
#: over an abridged speech, pool mining-dev29).
_SPACED_TITLE = re.compile(
    rf"^([^。！？，]{{0,120}})\s+([^\s。！？，]{{6,50}}?{TITLE_END}{_TITLE_NOTE})"
    r"\s+(?=\S)"
)
#: The same with the title first on the line, perhaps a theme and the occasion parted by a
#: comma ("凝心聚力，攻坚克难在…推进会上的讲话 今年以来，…"), a space, then the body.
_LEADING_TITLE = re.compile(
    rf"^((?:[^\s。！？；：，]{{2,20}}，)?[^\s。！？；：，]{{6,50}}?{TITLE_END}{_TITLE_NOTE})"
    r"\s+(?=\S[^。！？]{4,}[，。！？])"
)
#: The same with the title a sentence of its own, closed by a full stop ("在…动员会上讲话。今冬…"),
#: or glued to the body under a site's "范文稿" tag; before it perhaps a year and a document
#: library's file name ("…讲话稿和在…讲话范文2021年在…上的讲话范文稿受…委托，…", pool
#: mining-phrase-a).  Only a title that names the occasion (在…上的讲话) counts: a first sentence
#: of the body would not be one, and one the body quotes ("某某同志在会上的讲话，…") goes on.
_SENTENCE_TITLE = re.compile(
    rf"^(?P<head>(?:[^\s。！？；：，]{{4,60}}?{TITLE_END}(?:范文)?)?(?:\d{{4}}年)?)"
    r"(?P<title>在[^\s。！？；：，“”]{4,40}?上的?(?:讲话|演讲|致辞|发言))"
    r"(?:。|范文稿|范文)(?=[^\s。！？；：，][^。！？]{4,}[，。！？])"
)
#: The same with nothing at all after the title (round 50: a page flattened with nothing between
#: its rows): a long flattened line opening with a run that holds no clause mark and ends like a
#: title ("…动员会讲话", "…新春致辞范文", "…的讲话（摘要）") is the title, whatever follows it —
#: the title printed again, the site's fields ("时间：…"), its sentences or the first sentence of
#: the body ("…工作动员讲话我相信，…").  Not where a phrase carries the genre word on ("…的讲话
#: 精神", "…讲话中", "…动员大会"), and only on a line too long for a head of its own.
_RUN_ON_TITLE = LazyPattern(
    rf"^[^\s。！？；：，、“”]{{4,60}}?(?:(?!动员|报告|演讲){TITLE_END}|{TITLE_END}(?<=[稿料纲点文]))"
    rf"(?:范文)?{_TITLE_NOTE}(?!{TITLE_END})"
    r"(?![，。！？；、）]|精神|中(?!华)|时|里|的|和|及|要求|指出|强调|大?会|部署|稿|文稿|材料"
    r"|[一二三四五六七八九十两]?[则篇])"
)
#: Round 77: a short page flattened whole ("…工作动员讲话我相信，…。"): the page's one line
#: holds its whole text, a clause and a sentence's end after the run; under FLATTENED a long
#: line is not needed to tell the title's row from a head of its own.
_SHORT_PAGE = re.compile(r"^[^。！？]{4,60}[^。！？]*?，[^。！？]*[。！？]")
#: What follows the title there opens a sentence: words up to its first comma, no byline's
#: name and date in brackets ("…的讲话赵刚【2024年3月2日】春耕时节，…" is the older rules').
_SHORT_BODY = re.compile(r"[^，。！？（）【】\[\]\d\s]{1,30}，")
#: (动员, 报告 and 演讲 end a title only with a suffix, "…演讲稿": bare, they are mostly inside
#: one, "…动员大会", "…报告会", "…演讲比赛决赛时的讲话".)

#: Round 53: a page's head flattened with nothing between its rows often prints the title
#: twice — the site's header, breadcrumb or "标题：" field, then the article's own title line
#: ("…热门搜索：…总结<标题>发布时间：…浏览次数：543次免费试读<标题>同志们：…").  The longest run
#: ending like a title that the head repeats is the title: what is glued before its copies is
#: the site's.  Looked for only in the line's first _REPEAT_SPAN characters, before any sentence.
_REPEAT_SPAN = 400
_REPEAT_END = LazyPattern(
    rf"(?:{TITLE_END}){_TITLE_NOTE}"
    r"(?![，。！？；、）]|精神|中|时|里|的|和|及|要求|指出|强调|大?会|部署|稿|文稿|材料)"
)
#: A space between two characters that are not digits: the head's rows are parted (a head
#: whose rows a space parts, "…(送审稿) 第一篇：…", is the older rules'); "13:57:48  浏览次数"
#: is a field's, and so is a space after a field's colon ("标签: #教师节<标题>", round 70).
_SPACE_BETWEEN = re.compile(r"(?<![\d\s:：])\s+(?![\d\s])")
#: What a repeated title may hold: no sentence or clause mark, no space.
_REPEAT_CHARS = re.compile(r"[^\s。！？；，、：:]")


#: Round 55: a breadcrumb's separators in a flattened head ("当前位置：首页 > 讲话发言 >", "首页 /
#: 演讲范文 / 庆典致辞 /"); the title glued after the last one ("…>演讲稿>部队…座谈会上的演讲…").
_CRUMB_MARK = re.compile(r"\s*(?:>>?|›|»)\s*|\s+/\s+")
#: The fewest separators before the title: a path, not one ">" in a site's slogan.
CRUMB_MARKS = 2
#: The run after the last separator must open with a title: no clause mark, a genre word.
_AFTER_CRUMB = LazyPattern(rf"[^\s。！？；：，、“”《》>›»/]{{4,60}}?{TITLE_END}")
#: The longest crumb between two separators (a title may be one: "… > <标题> ><标题>…").
CRUMB_CHARS = 24
#: Round 81: the path's last step, a column's name, glued before the title with no separator
#: ("… > 医院新闻院长新春致辞", "… > 法官论坛2024年新春致辞", "… > 院长致辞冯少勇院长在…的讲话"):
#: a few words and a column's word for news or notices before a title that opens with a
#: year, 在, an envoy's 驻 or an office (not "全市新闻宣传…", "新闻发布会…"), or for the
#: speeches it holds ("领导讲话", "院长致辞") when a whole occasion title (在…上/时的…) follows.
#: The column becomes a row of its own and the path's row keeps its last separator, so the
#: two are not read as one title wrapped over two rows.
COLUMN_BEFORE_TITLE = LazyPattern(
    rf"(?:{_HAN}{{2,4}}?(?:新闻|报道|论坛|公告|动态|要闻|资讯)"
    rf"(?=(?:\d|在|驻|{OFFICES})[^\s。！？；：，、]{{2,60}}?{TITLE_END})"
    rf"|{_HAN}{{2,4}}?(?:讲话|致辞)"
    rf"(?=[^\s。！？；：，、在]{{0,20}}在[^\s。！？；：，、]{{4,50}}?[上时]的"
    rf"[^\s。！？；：，、]{{0,8}}?{TITLE_END}))"
)
#: Words after a name that make it a collection's ("…发言稿汇编").
_COLLECTED = re.compile(r"汇编|合集|大全|精选|多篇|\d+篇")


#: The site's fields between such a title and the address, ending on a number or a count
#: ("发布时间：2024-03-12 浏览：326", "致辞稿 阅读（1.2W）") right before an address word.
_FIELDS_BEFORE_ADDRESS = LazyPattern(
    r"[^。！？，]{0,80}?\d[\dWw万次]*[）)]?(?=尊敬的|亲爱的|各位|同志们)", needs="尊亲各同"
)


def _crumb_marks(text: str) -> tuple[str, list[re.Match[str]]] | None:
    """A flattened head's span before its first sentence end (``_REPEAT_SPAN`` at most) and
    the separators of the site's path in it, when there are ``CRUMB_MARKS`` or more with short
    crumbs (``CRUMB_CHARS``) between them; None otherwise ("…_第1页第1页 / 共9页…_第2页…": a
    library's page list, not a path)."""
    span = text[:_REPEAT_SPAN]
    if stop := _UNTERMINATED.search(span):
        span = span[: stop.start()]
    marks = list(_CRUMB_MARK.finditer(span))
    if len(marks) < CRUMB_MARKS or any(
        b.start() - a.end() > CRUMB_CHARS for a, b in pairwise(marks)
    ):
        return None
    return span, marks


def _crumbed_title(text: str) -> tuple[int, str]:
    """Where the title starts when a flattened head opens with a breadcrumb whose last
    separator the title follows with nothing between ("首页 > 讲话发言 >区委书记在…的讲话
    10-28 …各位校长…：", "…/ 庆典致辞 / 共度中秋节讲话共度中秋节讲话复制全文…"): the site's
    path is cut there and the rest is read as any flattened head is.  Only before the line's
    first sentence end (``_REPEAT_SPAN`` at most), with at least ``CRUMB_MARKS`` separators;
    (where the title starts, the last crumb), or (0, "") when there is none."""
    if not (found := _crumb_marks(text)):
        return 0, ""
    span, marks = found
    at = marks[-1].end()
    if not (run := _AFTER_CRUMB.match(text, at)):
        return 0, ""
    title = run.group()
    if _COLLECTED.match(text, run.end()) or re.search(
        rf"{re.escape(title)}(?:范文)?(?:篇|第)?[\d一二三四五六七八九十]",
        text[run.end() : run.end() + _REPEAT_SPAN],
    ):
        return 0, ""  # "…发言稿汇编", "…演讲稿篇1": a collection's name, no one speech's title
    return at, span[marks[-2].end() : marks[-1].start()]


#: Round 86: the field that opens the site's row under the title ("时间:", "来源:", "发行时间:").
_FIELD_OPENER = re.compile(
    r"(?:(?:发布|發布|发行|發行|更新|发表|發表)?(?:时间|時間|日期)|作者|来源|來源|信息来源"
    r"|编辑|編輯|网站编辑|網站編輯|责任编辑|責任編輯|点击|點擊|浏览|瀏覽|阅读|閱讀)[:：]"
)
#: The path's last step when it stands alone before the title ("正文", "医院新闻", "学习园地").
_LAST_CRUMB = LazyPattern(
    rf"^(?:正文|内容|詳情|详情|{_HAN}{{0,6}}(?:新闻|新聞|资讯|資訊|动态|動態|要闻|要聞|报道|報道"
    rf"|论坛|論壇|公告|园地|園地|讲话|講話|致辞|致辭|文章|范文|文献|文獻|资料|資料))$"
)
#: The step every article's path ends on, glued before the title when nothing parted the rows.
_ARTICLE_CRUMB = ("正文", "詳情", "详情")
#: A piece of only digits and marks ("5-5", "2024-01-02"), and a site's brackets and bars.
_NUMBER_PIECE = re.compile(r"^[\d\W_]+$")
_SITE_MARKS = re.compile(r"[【】\[\]|｜]")
#: The most pieces (parted by single spaces) a title between the path and the fields may hold.
SPACED_CRUMB_PIECES = 4


def _spaced_crumb_title(text: str) -> tuple[int, int, int] | None:
    """Round 86: where the title starts and ends when a flattened head whose rows a space parts
    holds a breadcrumb, the title and the site's field row ("当前位置: 主页 > 新闻资讯 > 医院新闻
    院长新春致辞 时间:2015-02-16 …", "… >> 正文 振奋精神 转变观念 搞好第二次创业 发行时间:…"):
    the pieces between the path's last separator and the first field are the title, but for a
    first piece that names a column (``_LAST_CRUMB``), which is the path's.  The path needs
    ``CRUMB_MARKS`` separators with short crumbs between them, as `_crumbed_title`'s; the title
    holds no clause mark.  With nothing between the rows only a path ending on 正文 is cut
    ("…>>正文<title>来源：…"), and only the path and its 正文: "<title><fields><text>" is
    `_field_row`'s.  (where the path ends, where the title starts and ends), or None when the
    head has no such shape."""
    if not (found := _crumb_marks(text)):
        return None
    span, marks = found
    at = path = marks[-1].end()
    field = _FIELD_OPENER.search(span, at)
    if not field:
        return None
    glued = span.startswith(_ARTICLE_CRUMB, at) and _HAN_CHAR.match(span, at + 2)
    if glued:
        at += 2  # "…>>正文师院的底气发布时间：…": the path's own last step, then the title
    elif not span[field.start() - 1 : field.start()].isspace():
        return None  # the fields glued on: the older rules' (`_field_row`)
    pieces = span[at : field.start()].split()
    if not glued and pieces and _LAST_CRUMB.match(pieces[0]) and len(pieces) > 1:
        at = span.index(pieces[1], at + len(pieces[0]))
        pieces = pieces[1:]
    while pieces and _NUMBER_PIECE.match(pieces[-1]):
        pieces.pop()  # "<title> 5-5 阅读：": a date of the field row's
    if not pieces or len(pieces) > SPACED_CRUMB_PIECES:
        return None
    title = " ".join(pieces)
    if _SITE_MARKS.search(title):
        return None  # "… <title> 以稿换稿】【收藏】 作者：": the site's buttons, the older rules'
    if _CLAUSE_MARK.search(title) or not 4 <= len(title) <= 60:
        return None
    if _COLLECTED.search(title):
        return None  # "…发言稿汇编": a collection's name, no one speech's title
    if glued:
        return path, at, at  # the title, its fields and the text as the older rules read them
    return path, at, span.index(pieces[-1], at) + len(pieces[-1])


#: Round 55: a field's value glued before the title in a flattened head ("阅读次数：919<标题>",
#: "发布时间：2021-05-12 22:40<标题>", "点击次数：264059次<标题>"): a time, or a number right after
#: a field's colon; a "标题：" label after it goes with it.
_FIELD_VALUE = re.compile(
    r"(?:(?<!\d)\d{1,2}:\d{2}(?::\d{2})?|[：:]\s*\d+(?:\.\d+)?[Ww万]?次?)(?:标题[：:])?(?=[\u4e00-\u9fff])"
)


def _valued_title(text: str) -> int:
    """Where the title starts when a flattened head glues it right after a field's value
    (``_FIELD_VALUE``): after the last value before the line's first sentence end, when what
    follows opens with a run ending like a title (``_RUN_ON_TITLE``); 0 when there is none."""
    span = text[:_REPEAT_SPAN]
    if stop := _UNTERMINATED.search(span):
        span = span[: stop.start()]
    values = list(_FIELD_VALUE.finditer(span))
    if not values:
        return 0
    at = values[-1].end()
    run = _RUN_ON_TITLE.match(text[at:])
    return at if run and not _GATHERER.search(run.group()) else 0


#: Round 75: the longest run a flattened line may open with twice over, back to back.
DOUBLED_OPENING_CHARS = 80
#: What such a run may not hold: a sentence's end, a space (rows a space parts are the older
#: rules'); and it holds words, not only a site's numbers and marks.
_NOT_IN_DOUBLED = re.compile(r"[。！？…\s]")
_DOUBLED_WORDS = re.compile(rf"(?:{_HAN}.*){{6}}")


def _doubled_opening(text: str) -> int:
    """Round 75: the length of a run of 8–80 characters a flattened line opens with and prints
    again right after it ("<主题>，<主题>——在…上讲话<主题>，<主题>——在…上讲话尊敬的…"), 0 when
    there is none.  A page's head printing the title twice with nothing between its rows shows
    so whatever the title holds — commas, a dash, a colon, no genre word (a theme's title) —
    where `_repeated_title` wants a run ending like a title with no clause mark; a speech's
    first words are never said twice over, so the first copy is the title's row."""
    for size in range(min(DOUBLED_OPENING_CHARS, len(text) // 2), 7, -1):
        if text[size] == text[0] and text.startswith(text[:size], size):
            run = text[:size]
            if (
                _NOT_IN_DOUBLED.search(run)
                or not _DOUBLED_WORDS.match(run)
                or run.endswith(_COLLECTION_NOTE)  # "…讲话（通用26篇）": a collection's name
                or _COLLECTED.search(run)
            ):
                return 0
            return size
    return 0


def _repeated_title(text: str) -> tuple[int, int, int] | None:
    """(first copy's start, second copy's start, length) of the longest run of 8–60 characters
    ending like a title (`_REPEAT_END`) that the head of a flattened line prints twice, both
    copies before the line's first sentence end; None when there is none."""
    span = text[:_REPEAT_SPAN]
    if stop := _UNTERMINATED.search(span):
        span = span[: stop.start()]
    best: tuple[int, int, int] | None = None
    for end in _REPEAT_END.finditer(span):
        e = end.end()
        length = 0
        while length < 60 and e - length > 0 and _REPEAT_CHARS.match(span[e - length - 1]):
            length += 1
        # the longest tail of the run before e that is printed again after e
        for size in range(length, 7, -1):
            again = span.find(span[e - size : e], e)
            if again >= 0:
                if _glued_copies(span, e - size, again, size) and (
                    best is None or size > best[2]
                ):
                    best = (e - size, again, size)
                break
    return best


def _glued_copies(span: str, first: int, second: int, size: int) -> bool:
    """Whether two copies of a run are the title printed twice with nothing between the head's
    rows: the run is whole (the characters before the copies differ: the same character before
    both, a space say, means the title goes on past it, "…生产 工作会议上的讲话"), and neither copy
    stands after a space (a head whose rows a space parts is the older rules') or inside a
    book-title mark (a site's sentence naming the article, "…相关的《<标题>》") or a subtitle's
    dash (the theme above it is the title, "<主题>——在…的讲话"), nor the second inside the site's
    lead-in ("…以下是本站为您收集的<标题>，欢迎…").  A run opening
    with 在 after a Han character may have lost its speaker ("县委书记在…"): not taken.  A copy
    may open the line."""
    if _GATHERER.search(span, first + size, second) or span[second + size : second + size + 1] in (
        "，", "、", "》"
    ):
        return False  # "<标题>以下是本站为您收集的<标题>，欢迎…": the site's sentence names it
    before = [span[at - 1] if at else "" for at in (first, second)]
    if first and span[first] == "在" and any("\u4e00" <= c <= "\u9fff" for c in before if c):
        return False  # "县委书记在…的讲话…在…的讲话": the speaker may be the title's (a copy
        # opening the line has lost none: "在…的发言标签: #动员大会在…的发言", round 70)
    return before[0] != before[1] and not any(c.isspace() or c in "《—" for c in before if c)


#: A collection's count in the title's note ("…讲话（通用26篇）"): its samples follow, each a head.
_COLLECTION_NOTE = ("篇）", "则）")
#: A site's lead-in ending like a title ("下面是小编为大家整理的2022年度党课…"): no title.
_GATHERER = re.compile(r"小[编編]|本[站网網]|网友|網友|编者|[为為][你您]|[为為]大家|给大家|整理")
#: A few words and a space after the genre word ("…演讲稿一分钟 …", "…讲话公众演讲.doc …"): the
#: row runs on to the space, it is not cut inside.
_SHORT_TAIL = re.compile(r"[^\s，。！？；：]{0,12}(?:\s|$)")
#: An address soon after such a title, with no sentence between ("…讲话XX（日期）各位领导、…：",
#: "…致辞各位老师、同学们，大家好！"): the head is the address rules' to part, as it was.
_ADDRESS_SOON = LazyPattern(
    rf"[^。！？：]{{0,40}}(?:(?:{alternation(ADDRESS_WORDS)})：|，(?:大家|各位|你们)?[早上下晚]?午?好)"
)
#: The colon that ends a short flattened page's head before a space and the first sentence
#: ("…的讲话 各位志愿者： 今天…。"): no sentence mark before it, a space parting the address
#: from what stands before it, and no greeting after it (a greeting stays with the address).
#: An address to a group may end in a comma instead ("…的讲话 镇长  周立新 同志们， 今天…。").
_SPACED_ADDRESS_END = re.compile(
    r"^[^。！？；，\s][^。！？；，]{2,120}?\s"
    rf"(?:[^。！？；，\s]{{2,40}}：|(?:各位|亲爱的)?{alternation(GROUP_ADDRESS)}，)"
    rf"(?= +(?!{GREETED})\S[^。！？]*[。！？])"
)
#: Round 62: a site's field label where the address would end ("<title> 【以稿换稿】 作者： 佚名
#: 来源：…", "<title> 发布时间： 2024-…"): the colon closes the site's field row, not an address,
#: and the title leading the line is still the title.
_FIELD_COLON = re.compile(
    r"(?:^|[\s】\]|•])(?:发布|更新)?(?:时间|日期)：$|(?:^|[\s】\]|•])"
    r"(?:文章)?(?:作者|来源|出处|编辑|责任编辑|导语|导读|摘要|浏览次数|点击|阅读|栏目|分类|标签)：$"
)


def _address_not_field(text: str) -> bool:
    """Whether a flattened line's head ends in an address (``_SPACED_ADDRESS_END``) rather than
    in a site's field label ("作者：", "发布时间：")."""
    spaced = _SPACED_ADDRESS_END.search(text)
    return spaced is not None and not _FIELD_COLON.search(spaced.group())


#: Thanks run onto the last paragraph ("…公开曝光。谢谢大家！"): the sign-off, a line of its own.
_TRAILING_THANKS = re.compile(r"(?<=[。！？])谢谢(大家|各位|同志们)?[！。]$")


#: Round 61: a document library's page markers run together in a flattened head: each preview
#: page's caption, the file's name with its page number ("<name>_第1页", "<name>.docx 第2页"),
#: and the count beside it ("第1页 / 共9页").
_PAGE_MARK = re.compile(r"[_ ]第(\d{1,3})[页頁]")
_PAGE_OF = re.compile(r"第\d{1,3}[页頁] ?/ ?共\d{1,4}[页頁]")
#: How long a file's name in a page marker may be.
MARKED_NAME_CHARS = 80


def _page_marked(text: str) -> tuple[list[str], int] | None:
    """The rows of a flattened head that holds a document library's page markers: the file's
    name with page 1, 2, 3… after it, each perhaps followed by its "第N页 / 共M页", the same name
    every time (the repetition is the cue: one "_第1页" is no marker run).  Returns the rows
    up to the last marker (what stood before the first name is one row) and where the rest
    starts; None without two such markers."""
    marks = list(_PAGE_MARK.finditer(text, 0, LATE_ADDRESS_CHARS))
    if len(marks) < 2 or marks[0].group(1) != "1":
        return None
    rows: list[str] = []
    name = ""
    end = marks[0].end()
    if of := _PAGE_OF.match(text, end):
        end = of.end()
    ends = [(marks[0], end)]
    for k, mark in enumerate(marks[1:], 2):
        if mark.group(1) != str(k):
            break
        named = text[end : mark.start()]
        if len(_HAN_RUN.sub("", named)) > len(named) - 4 or len(named) > MARKED_NAME_CHARS:
            break  # a file's name holds words ("第1页 / 共8页 第2页": no name between)
        if name and named != name:
            break
        name = named
        end = mark.end()
        if of := _PAGE_OF.match(text, end):
            end = of.end()
        ends.append((mark, end))
    if len(ends) < 2:
        return None
    first = marks[0].start()
    start = first - len(name) if text.endswith(name, 0, first) else first
    if start:
        rows.append(text[:start])
    at = start
    for mark, end in ends:
        rows.append(text[at : mark.end()])
        if end > mark.end():
            rows.append(text[mark.end() : end])
        at = end
    if chunk := _named_chunk(text, at, name):
        # "…点击查看更多>>资源描述《<name>》由会员分享…搜索。1、第 1 页<name>…": the library's
        # rows between the markers and the preview's first block, which opens with the name
        # again; the block's number and page count are the viewer's, as on a line of their own
        number, opened = chunk
        rows += text[at:number].split("。")
        at = opened
    return [row.strip() for row in rows if row.strip()], at


#: How far below the page markers the preview's first numbered block may start.
LIBRARY_ROWS_CHARS = 400
_FIRST_CHUNK = re.compile(r"1、")
#: What may stand between the first block's number and the file's name: a page count
#: ("第 1 页", "第4頁共4頁").
_CHUNK_PAGE = re.compile(r"(?:第 ?\d{1,3} ?[页頁](?:共\d{1,4}[页頁])?)?")


def _named_chunk(text: str, at: int, name: str) -> tuple[int, int] | None:
    """Where the preview's first numbered block starts below a library's page markers: a
    "1、" followed (after a page count perhaps) by the file's name, without its extension:
    where its number starts and where the name does."""
    stem = re.sub(r"\.(?:docx?|pdf|pptx?|txt|wps)$", "", name.strip(), flags=re.IGNORECASE)
    if len(stem) < 4:
        return None
    for number in _FIRST_CHUNK.finditer(text, at, at + LIBRARY_ROWS_CHARS):
        page = _CHUNK_PAGE.match(text, number.end())
        opened = page.end() if page else number.end()
        if text.startswith(stem, opened):
            return number.start(), opened
    return None


#: Round 61: a site's field row run in between a flattened head's title and the text: a date
#: field with its date ("时间:2015-02-16 16:16", "發布日期:2013-03-05"), perhaps a named field
#: before it ("发布者:系统管理员") and fields after it whose values have a shape that ends
#: them: a count ("浏览次数:2174", or none, "点击:", filled in by the page's script), a Latin
#: name ("小編:zdfb"), or a name followed by spaces or the next field ("作者:网站管理员   点击:").
#: A word's pinyin gloss after a character, as a glossed copy prints it ("時(shí)間").
_GLOSS = r"(?:[（(][a-zü\u00e0-\u01dc ]{1,7}[）)])?"


def _glossed(words: str) -> str:
    """An alternation of words, each character perhaps followed by its pinyin gloss."""
    return "|".join(_GLOSS.join(word) for word in words.split("|"))


_DATED_FIELD = LazyPattern(
    rf"(?:(?:{_glossed('发布|發布|上传|上傳|发行|發行|更新|发表|發表|發文|发文|创建|創建|录入|錄入')})?"
    rf"(?:{_glossed('时间|時間|日期')})){_GLOSS}[:：] ?"
    r"\d{4}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)(?: ?\d{1,2}:\d{2}(?::\d{2})?)?",
    needs="时時日",
)
_COUNT_FIELD = (
    r"(?:点击|點擊|浏览|瀏覽|阅读|閱讀|人气|人氣|回复|回復)(?:次数|次數|人次|量|数|數)?"
    r"[:：] ?(?:\d+[次人]?)?"
)
_NAMED_FIELD = (
    r"(?:作者|来源|來源|信息来源|信息來源|编辑|編輯|网站编辑|網站編輯|责任编辑|責任編輯|小编|小編"
    r"|发布者|發布者|发布人|發布人|上传人|上傳人)[:：] ?"
)
_NEXT_FIELD = LazyPattern(
    rf" *(?:{_COUNT_FIELD}(?!\d)|{_NAMED_FIELD}(?:[A-Za-z][\w.]{{0,20}}(?![A-Za-z\d])"
    rf"|[^\s:：，。！？]{{1,10}}?"
    rf"(?= {{2,}}|{_COUNT_FIELD}|{_NAMED_FIELD}|(?:发布|發布)?(?:时间|時間)[:：])))"
)
_FIELD_BEFORE = LazyPattern(rf"{_NAMED_FIELD}[^\s:：，。！？]{{1,10}} ?$")
#: The row run onto the head's last word with nothing between: what a copy that kept no break
#: did (a copy that kept a space is cut at its spaces by the rules for it).
_GLUED = re.compile(r"[^\W_]")
#: How far into a flattened line a head's field row may start.
FIELD_ROW_CHARS = 200


def _field_row(text: str) -> tuple[int, int] | None:
    """Where a site's field row starts and ends in a flattened head (no sentence before it)."""
    dated = _DATED_FIELD.search(text[: FIELD_ROW_CHARS + 40])
    if not dated or dated.start() > FIELD_ROW_CHARS:
        return None
    if _SENTENCE_STOP.search(text, 0, dated.start()):
        return None  # a sentence above: no head
    start = dated.start()
    while before := _FIELD_BEFORE.search(text[:start]):
        start = before.start()  # "来源：韶山网作者：admin发布时间：…": the fields before the date
    if not start or not _GLUED.match(text, start - 1):
        return None  # a space or a bracket before the row: a copy that parted its rows
    end = dated.end()
    while field := _NEXT_FIELD.compiled.match(text, end):
        end = field.end()
    if text.startswith(")", end) and text.rfind("(", 0, start) > start - 20:
        end += 1  # "(发表日期：… 阅读人次：1090 回复数：1)": the row's brackets
    return start, end


#: Paragraph breaks a flattening turned into spaces: a space right after a sentence end.
_SPACED_BREAK = re.compile(r"(?:[。！？：…]|[。！？]”)(?= +\S)")
_UNTERMINATED = re.compile(r"[。！？]")


def unflatten(
    lines: list[tuple[int, str]],
    spoken: bool = False,
    points_on_lines: bool | None = None,
    whole: bool | None = None,
) -> list[tuple[int, str]]:
    """Restore the breaks of a page flattened into long lines: before the salutation, at a
    space after a sentence end, before the first point after the sentence announcing the
    points, and before each 一、二、… or (一)(二)… that follows a sentence end (the series
    must run 1, 2…).  The salutation is looked for while no sentence has been seen, so the
    page's own title line above the flattened text does not hide it; ``spoken`` when the
    lines are the body's, below the head (nothing there is a title or an address); ``whole``
    when one line holds all the page's sentences (by default read from ``lines``)."""
    out: list[tuple[int, str]] = []
    if whole is None:
        whole = _one_line_of_sentences(lines)
    # Points on lines of their own mean the breaks survived: an inline list after the
    # announcement is then part of the opening, not the first point.
    if points_on_lines is None:
        points_on_lines = any(starts_with_marker(t) for _, t in lines)
    before = spoken  # a sentence among the lines out so far; `out` only grows, so each line
    scanned = 0     # is looked at once (looking at all of them for every line was quadratic)
    for number, line in lines:
        if not before:
            before = any(_UNTERMINATED.search(t) for _, t in out[scanned:])
            scanned = len(out)
        key = line if before else unglossed(line)
        pieces = _unflatten_line(
            number, key, before, points_on_lines, len(lines) == 1, whole
        )
        if key != line:
            # A converted page's pinyin glosses ("會（huì）議", "發（fā）言") part the words the
            # head's rules read: the head is cut on its gloss-free key and the cuts are laid
            # back onto the printed line, which keeps its glosses (round 63).
            pieces = _reglossed(line, key, pieces) or _unflatten_line(
                number, line, before, points_on_lines, len(lines) == 1, whole
            )
        if not before and (len(pieces) > 1 or len(line) > LONG_ADDRESS_CHARS):
            pieces = _unglued_addresses(pieces, out[-1:])
            pieces = _collection_rows(pieces)
        if not before and len(pieces) > 1:
            pieces = _spaced_addresses(pieces)
        out.extend(pieces)
    return out


#: Round 79: a collection's count closing its name ("…讲话稿（通用19篇）", "…（精选18篇）").
_COUNT_NOTE = re.compile(rf"^[^。！？；，：]{{2,60}}?{COUNT_HINT.pattern}(?=[^\s。！？；，：])")


#: A sample's number, or a count, cut off the caption or name it closes: a few words of the
#: name may have gone with it ("优秀篇篇1", "优秀篇（汇总14篇）").
_CUT_SAMPLE = re.compile(rf"^{_HAN}{{0,4}}?{SAMPLE_MARK}$")
_CUT_COUNT = re.compile(rf"^{_HAN}{{0,4}}?{COUNT_HINT.pattern}")
#: What may follow a collection's count on its row and still be cut off it: a caption, no
#: sentence ("<name>（通用19篇）<name>", not "…（通用26篇）<caption>尊敬的…，早上好！…").
_CAPTION_AFTER_COUNT = re.compile(r"[^。！？；，：\s]{2,40}")
_NOT_CAPTION_END = ("。", "！", "？", "；", "，", "：", "…", "、")


def _collection_rows(pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Round 79: a flattened head's rows as a collection printed them.  A collection's name
    with its count, run into the next row ("<name>（通用19篇）<name>篇1"), is a row of its own:
    the count closes the header, as the line's end did.  A sample's number cut off its caption
    ("<name>", "篇1", "同志们：") goes back onto it ("<name>篇1"): caption and number were one row,
    and a caption that only names the collection is no speech's title (``captions``); a count
    cut off its name ("<name>", "（专业18篇）…") goes back onto it too.  Only rows of one printed
    line, the row before no sentence or clause."""
    out: list[tuple[int, str]] = []
    for k, (number, piece) in enumerate(pieces):
        glued = out and out[-1][0] == number and not out[-1][1].endswith(_NOT_CAPTION_END)
        name = out[-1][1] if out else ""
        around = {
            out[-2][1] if len(out) > 1 else "",
            pieces[k + 1][1] if k + 1 < len(pieces) else "",
        }
        if glued and _CUT_SAMPLE.match(piece) and name not in around:
            # the name printed again beside the number ("<name>", "<name>", "篇1") is the
            # repeated head's, read as it was
            out[-1] = (number, name + piece)
            continue
        if glued and (count := _CUT_COUNT.match(piece)):
            out[-1] = (number, name + count.group())  # "<name>", "（专业18篇）时间：…"
            piece = piece[count.end() :].lstrip()
            if not piece:
                continue
        if (counted := _COUNT_NOTE.match(piece)) and _CAPTION_AFTER_COUNT.fullmatch(
            piece, counted.end()
        ):
            out += [(number, counted.group()), (number, piece[counted.end() :])]
            continue
        out.append((number, piece))
    return out


#: The longest piece looked at for a row glued before its address.
LONG_ADDRESS_CHARS = 80
_ROW_STOP_MARKS = re.compile("[。！？；]")
_LIST_MARKS = re.compile("[、，,]")
#: The words a salutation opens with, which nothing but another addressee stands before
#: ("尊敬的…", "各位…", "女士们、先生们…", "同志们：").
_OPENER = re.compile("尊敬的|亲爱的|各位|女士们|同志们")
#: What may stand before an opener within the address: a qualifier ("在座的各位", "我亲爱的",
#: "老师们各位…" has its list's mark lost), a listed addressee's mark.
_QUALIFIED = ("的", "们", "我", "、", "，", ",", "：")
#: A row glued before a bare 同志们：: a caption's number or a mark ("篇1", "【第一篇】", "|"),
#: a title's genre word ("…范文"), a site's name ("…素材网").
_ROW_BEFORE_COMRADES = LazyPattern(rf"(?:[^\W_]*[\d\W_a-zA-Z]|.*(?:{TITLE_END}|.网|范文))$")
#: Round 81: rows that open like a point's number but are none, glued before a bare 同志们：
#: a picture's file names ("2.jpg1.jpg"), a sample's bare numeral ("一") on a row of its own.
_FILE_NAME = re.compile(r"[\w-]{1,40}?\.(?:jpe?g|png|gif|bmp|webp)", re.IGNORECASE)
_NOT_A_POINT = re.compile(
    r"(?:[\w-]{1,40}\.(?:jpe?g|png|gif|bmp|webp))+|[一二三四五六七八九十]{1,3}", re.IGNORECASE
)
#: A speaker's name: two or three characters under a byline's office or a bracket's close.
_NAME = re.compile(rf"^{_HAN}{{2,3}}$")
#: Round 81: the colon closing an address that runs on into the speech, within the piece's
#: first LONG_ADDRESS_CHARS characters and before any sentence's end.
_ADDRESS_CLOSE = re.compile(rf"^[^。！？；]{{1,{LONG_ADDRESS_CHARS - 1}}}?[：:]")
#: A byline: an office and the speaker's name ("市委组织部部长周某某").
_BYLINE = LazyPattern(rf"^{_HAN}{{0,16}}?{OFFICES}{_HAN}{{2,3}}$")
_BYLINE_END = re.compile(rf"(?:{OFFICES}|[）)\d])$")


def _unglued_addresses(
    pieces: list[tuple[int, str]], above: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """The pieces of a flattened head with a row of the head parted from a salutation it was
    still glued to (``_glued_row``, round 65); a speaker's name goes back onto its byline."""
    out: list[tuple[int, str]] = []
    for number, text in pieces:
        last = (out or above)[-1:]
        rest = ""
        if len(text) > LONG_ADDRESS_CHARS and (colon := _ADDRESS_CLOSE.search(text)):
            # round 81: the address still runs into the speech ("|同志们：从…",
            # "（讲话节选）同志们：今天…"): the row is looked for up to the address's colon
            text, rest = text[: colon.end()], text[colon.end() :]
        glued = _glued_row(text, last[0][1] if last else "")
        if glued is None:
            if out and _point_like(out[-1][1]) and is_salutation(text[:LONG_ADDRESS_CHARS]):
                out.pop()  # "二", "同志们：": another rule parted them; the row goes as well
            out.append((number, text + rest))
            continue
        kind, start = glued
        if kind == "name" and out:
            out[-1] = (out[-1][0], out[-1][1] + text[:start])
        elif not _noise_row(text[:start]):
            out.append((number, text[:start]))
        out.append((number, text[start:]))
        if rest:
            out.append((number, rest))
    return out


#: Round 84: a salutation's first rows, set apart from the head's last row by a space only (a
#: phone's copy: "…（2篇） 篇1 尊敬的某某书记、各位领导，", "□某某 各位委员，各位来宾、同志们："):
#: the words after the piece's last space, opening as an address opens.
_SPACED_OPENER = re.compile(
    rf"(?<= )(?:尊敬的|亲爱的|各位|女士们)[^ 。！？；]{{0,{LONG_ADDRESS_CHARS}}}$"
)
#: What the address's last row may be when its first rows end in a list's mark: a short
#: salutation ("同志们：", "各位来宾，同志们：").
SPACED_ADDRESS_TAIL = 24


def _spaced_addresses(pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Round 84: the pieces of a head flattened with a space between its rows, with a
    salutation's rows parted from the row before them at that space.  The older cuts part a
    head at the address's colon or at the bare 同志们："; a salutation of several rows ("尊敬的
    某某书记、某某市长，各位领导，" then "同志们：") kept its first rows on the head's last
    piece, after a space, and only the last row was read as the address.  The words after the
    last space go with the address when they open as one (尊敬的, 亲爱的, 各位, 女士们) and
    either end the address themselves or end in a list's mark before a short salutation; the
    words before the space must not be an addressee themselves (a list printed with spaces,
    "尊敬的各位领导 各位来宾：", stays whole)."""
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(pieces):
        number, text = pieces[k]
        spaced = _SPACED_OPENER.search(text) if " " in text else None
        if spaced is not None:
            row, words = text[: spaced.start()].rstrip(), spaced.group()
            after = pieces[k + 1][1] if k + 1 < len(pieces) else ""
            whole = (
                words.endswith(("：", ":"))
                and _ROW_STOP_MARKS.search(row) is not None
                and is_salutation(words)
            )
            listed = (
                words.endswith(("，", "、"))
                and 0 < len(after) <= SPACED_ADDRESS_TAIL
                and after.endswith("：")
                and is_salutation(after)
                and is_salutation(words + after)
            )
            if (
                row
                and (whole or listed)
                and not row.endswith(_QUALIFIED)
                and not is_salutation(row.rsplit(" ", 1)[-1] + "：")
            ):
                out.append((number, row))
                if listed:
                    out.append((number, words + after))
                    k += 2
                    continue
                out.append((number, words))
                k += 1
                continue
        out.append((number, text))
        k += 1
    return out


def _address_after_site_row(piece: str) -> str:
    """Round 89: the salutation closing a piece of a flattened head that is the site's ("[日期：
    2017-09-11] 点击：[]次 张校长 尊敬的各位老师们："): the site's row goes, the address after
    its last space stays, as it would on a line of its own; "" when the piece ends in none."""
    spaced = _SPACED_OPENER.search(piece) if " " in piece else None
    if spaced is None or not spaced.group().endswith("：") or not is_salutation(spaced.group()):
        return ""
    return spaced.group()


def _noise_row(row: str) -> bool:
    """Round 81: a row parted from the address that the page's reader drops when it stands
    on a line of its own: the site's note or a picture's name (``boilerplate.classify``:
    "（讲话节选）", "2.jpg"), a bare numeral or mark over the address ("一", "|")."""
    files = _FILE_NAME.findall(row)
    return (
        classify(row) is not None
        or (bool(files) and "".join(files) == row and all(classify(f) for f in files))
        or _point_like(row)
    )


def _point_like(row: str) -> bool:
    """A row over an address that the head's reader would take for a point's number and end
    the head at: a picture's file names, a bare numeral, marks only ("2.jpg1.jpg", "一", "|")."""
    return _NOT_A_POINT.fullmatch(row) is not None or not any(ch.isalnum() for ch in row)


#: Round 84: a site's field row (a label's colon, then a value ending in a count, "2.43W", or a
#: date's bracket) glued before an address that opens as one (尊敬的, 亲爱的, 各位, 女士们): no
#: addressee ends so, so the row is parted even when the two together do not read as a
#: salutation ("来源：…站 2.43W尊敬的各位领导、…：", "信息来源：…（2023年4月18日）各位领导、…：").
#: A row without a colon ("<title>王某（日期）各位领导，…：") is left to the rules that read a
#: title, a speaker and a date run into the address.
_FIELD_BEFORE_OPENER = re.compile(r"(?:\d|\d[A-Za-z万]|[）)])$")


def _glued_row(text: str, above: str) -> tuple[str, int] | None:
    """A piece of a flattened head that reads as a salutation with a row of the head still
    glued before it ("德育素材网同志们：", "杨志海同志们：" under "…（…日）" or an office,
    "篇1各位代表、同志们："): ("row" or "name" for a speaker's name under a byline, where the
    address starts), else None.
    Before 尊敬的 / 亲爱的 / 各位 / 女士们 only a qualifier or another addressee belongs to the
    address; before a bare 同志们 a word of the audience may ("全体", "青年"), so the row is
    parted there only when it cannot be one: it ends in a number or a mark, a genre word or a
    site's name, it is a byline (an office and a name), or a speaker's name under a byline."""
    opener = _OPENER.search(text)
    if opener is None or opener.start() == 0 or len(text) > LONG_ADDRESS_CHARS:
        return None
    row, address = text[: opener.start()], text[opener.start() :]
    if (
        row.endswith(_QUALIFIED)
        or row[-1].isspace()  # rows parted by a space: the older rules read them
        or _ROW_STOP_MARKS.search(row)
        or _LIST_MARKS.search(row)  # "李董事长、苏校长各位嘉宾…": the list began before
        or (starts_with_marker(row) and not _NOT_A_POINT.fullmatch(row))
        or not (is_salutation(text) or ("：" in row and _FIELD_BEFORE_OPENER.search(row)))
        or not is_salutation(address)
    ):
        return None
    if _NAME.match(row) and _BYLINE_END.search(above):
        return "name", opener.start()
    if opener.group() == "同志们" and not (
        _ROW_BEFORE_COMRADES.search(row) or _BYLINE.match(row) or _NOT_A_POINT.fullmatch(row)
    ):
        return None
    return "row", opener.start()


def _reglossed(
    line: str, key: str, pieces: list[tuple[int, str]]
) -> list[tuple[int, str]] | None:
    """The pieces cut from ``key`` (``line`` without its pinyin glosses) as ``line`` prints
    them: each piece found in the key after the one before and taken from the printed line,
    a gloss after a piece's last character with it.  None when a piece is not the key's
    text as it stands (a rule rewrote it): the line is then cut as printed."""
    starts: list[int] = []  # for each character of the key, where the line prints it
    ends: list[int] = []  # and where its printing ends, the gloss after it included
    at = 0
    for gloss in GLOSS.finditer(line):
        starts.extend(range(at, gloss.start()))
        ends.extend(range(at + 1, gloss.start() + 1))
        ends[-1] = gloss.end()
        at = gloss.end()
    starts.extend(range(at, len(line)))
    ends.extend(range(at + 1, len(line) + 1))
    out, cursor = [], 0
    for number, piece in pieces:
        found = key.find(piece, cursor)
        if found < 0 or not piece:
            return None
        cursor = found + len(piece)
        out.append((number, line[starts[found] : ends[cursor - 1]]))
    return out


#: Round 70: a document viewer's first chunk number opening a page flattened with nothing
#: between its rows, right before the title ("1、<标题>一、…", "1、<标题><标题>各位老师…",
#: "1、在…上演讲。…"): with rows of their own the viewer's numbers go (`join_numbered_chunks`);
#: run into one line, "1、" would read as a first point with the title for its heading.
_CHUNK_BEFORE_TITLE = re.compile(
    r"1、(?=[^\s。！？；：，、“”]{4,60}?(?:讲话|致辞|致词|发言|演讲|讲稿))"
)
#: Round 77: a collection's sample number opening such a line before the title ("第一篇：
#: 在…的讲话（摘要）一、…", "目录第1篇 <title>同志们：…"): the sample's caption and its title are
#: one row, as printed (`clean_title` drops the number); the run after it is read as a title.
_SAMPLE_BEFORE_TITLE = re.compile(LEADING_SAMPLE)


def _unflatten_line(
    number: int, line: str, before: bool, points_on_lines: bool, single: bool, whole: bool = False
) -> list[tuple[int, str]]:
    """``unflatten``'s cuts of one printed line (``before``: a sentence was seen above it;
    ``whole``: no other line of the page holds a sentence)."""
    out: list[tuple[int, str]] = []
    text = line
    if not before and len(text) >= FLATTENED and (chunk := _CHUNK_BEFORE_TITLE.match(text)):
        text = text[chunk.end() :]  # the viewer's number, not the speaker's first point
    if (
        not before
        and len(text) >= FLATTENED
        and (sample := _SAMPLE_BEFORE_TITLE.match(text))
        and (sampled := _RUN_ON_TITLE.match(text[sample.end() :]))
        and not _GATHERER.search(sampled.group())
        and not sampled.group().endswith(_COLLECTION_NOTE)
    ):
        out.append((number, text[: sample.end() + sampled.end()]))  # "第一篇：<title>": one row
        text = text[sample.end() + sampled.end() :]
    if not before and len(text) >= FLATTENED and (marked := _page_marked(text)):
        rows, at = marked  # "<name>_第1页第1页 / 共9页<name>_第2页…": the library's rows
        out.extend((number, row) for row in rows)
        text = text[at:]
    if not before and len(text) >= FLATTENED and (crumbed := _crumbed_title(text))[0]:
        at, crumb = crumbed
        out.append((number, text[:at].rstrip()))  # "首页 > … >": the site's path
        text = text[at:]
        if column := COLUMN_BEFORE_TITLE.match(text):
            out.append((number, column.group()))  # "医院新闻<title>": the path's last step
            text = text[column.end() :]
        if (titled_run := _RUN_ON_TITLE.match(text)) and not _GATHERER.search(
            titled_run.group()
        ):
            run = titled_run.group()
            if crumb and run.endswith(crumb) and _AFTER_CRUMB.fullmatch(run[: -len(crumb)]):
                run = run[: -len(crumb)]  # "…座谈会上的演讲演讲稿": the last crumb again
            out.append((number, run))  # "<title>发布人：…": the site's fields glued on
            text = text[len(run) :]
            if fields := _FIELDS_BEFORE_ADDRESS.match(text):
                out.append((number, fields.group()))  # "浏览：326同志们：": a count, then
                text = text[fields.end() :]  # the address
    elif not before and len(text) >= FLATTENED and (crumb_row := _spaced_crumb_title(text)):
        path, start, end = crumb_row  # "… > 医院新闻 <title> 时间：…": the path, its last
        parts = (text[:path], text[path:start], text[start:end])  # column (a row of its own,
        out.extend((number, p.strip()) for p in parts if p.strip())  # not the title's first
        text = text[end:].lstrip()  # half), the title, then the fields and the body
    if (
        not before
        and len(text) >= FLATTENED
        and (twice := _repeated_title(text))
        and not _SPACE_BETWEEN.search(text, 0, twice[1])
    ):
        first, second, size = twice  # "<site><title><fields><title><body>": the head's rows
        out.extend(
            (number, p)
            for p in (text[:first], text[first : first + size], text[first + size : second])
            if p
        )
        text = text[second:]
    elif not before and len(text) >= FLATTENED and (doubled := _doubled_opening(text)):
        out.extend([(number, text[:doubled]), (number, text[doubled : 2 * doubled])])
        text = text[2 * doubled :]  # "<title><title><body>": the head's two rows
    elif not before and len(text) >= FLATTENED and (valued := _valued_title(text)):
        out.append((number, text[:valued]))  # "…阅读次数：919": the site's fields
        text = text[valued:]
    elif not before and len(text) >= FLATTENED and (row := _field_row(text)):
        start, end = row  # "<title>时间：2015-02-16 16:16 作者：… 点击：<text>": the site's
        out.extend([(number, text[:start].rstrip()), (number, text[start:end].strip())])
        text = text[end:].lstrip()
    addressed = not before and _titled_address(text)
    titled = None if before or addressed else _SPACED_TITLE.match(text)
    if titled and _UNTERMINATED.search(text):
        out.extend([(number, titled.group(1)), (number, titled.group(2))])
        text = text[titled.end() :]  # page head, title, then the body, on one line
    elif (
        not (before or addressed)
        and (lead := _LEADING_TITLE.match(text))
        and not _address_not_field(text)  # "<title> <speaker> 同志们， …": whole
    ):
        out.append((number, lead.group(1)))
        text = text[lead.end() :]
    elif not (before or addressed) and (sentence := _SENTENCE_TITLE.match(text)):
        out.extend((number, p) for p in sentence.group("head", "title") if p)
        text = text[sentence.end() :]
    elif (
        not (before or addressed)
        and (len(text) >= FLATTENED or (single and whole and _SHORT_PAGE.match(text)))
        and (run_on := _RUN_ON_TITLE.match(text))
        and (len(text) >= FLATTENED or _SHORT_BODY.match(text, run_on.end()))
        and not _ADDRESS_SOON.match(text, run_on.end())
        and not run_on.group().endswith(_COLLECTION_NOTE)
        and not _GATHERER.search(run_on.group())
        and not _SHORT_TAIL.match(text, run_on.end())
    ):
        out.append((number, run_on.group()))  # "<title><anything>": the title's row
        text = text[run_on.end() :]
        if lead_in := LEAD_IN.match(text):
            # "<title>下面是小编为大家整理的…，供大家参考。同志们：…": the site's lead-in
            # between the title and the speech goes, as it does opening a line of its own.
            text = text[lead_in.end() :]
    if len(text) < FLATTENED and addressed and addressed.re is not _ADDRESS:
        # A short page's head and opening on one line ("…的讲话（日期）某某同志们：今天…"):
        # head, address and body are parted, as on a long flattened line.
        out.extend((number, piece) for piece in _head_pieces(addressed) if piece)
        text = text[addressed.end() :]
        if greeting := LEADING_GREETING.match(text):  # "…同志们：大家好！今天…"
            out.append((number, greeting.group()))
            text = text[greeting.end() :].lstrip()
        if not text:
            return out
    alone = single and len(_SPACED_BREAK.findall(text)) >= SPACED_SENTENCES
    if len(text) < FLATTENED and not alone:
        # A strong first point ("…讲几点意见。（一）要…") lost its break even in a short line,
        # and so did a series 一、…二、… after sentence ends when no point has a line.
        cut = set() if points_on_lines else _first_point(text, strong_only=True)
        if not before and (address := _SPACED_ADDRESS_END.search(text)):
            cut.add(address.end())  # "<title> <address>： <first sentence>": head and body
        if not points_on_lines:
            cut |= {p for series in _SERIES[:1] for p in _series_starts(series, text)}
        if trailing := _TRAILING_HEADING.search(text):
            cut.add(trailing.start(1))  # "…谈谈。 一、了解…": a heading lost its break
        # A piece the line's start was cut from may open with a caption ("<title> 导读：
        # 各位…：…"): cut it as the line's own was (a line as it came was cut already).
        out.extend(
            (number, strip_label(piece) if k or len(text) < len(line) else piece)
            for k, piece in enumerate(_cut(text, cut))
        )
        return out
    pieces = []
    address = None if before else _titled_address(text)
    late = None
    if not before and (not address or _SENTENCE_STOP.search(address.group("head") or "")):
        late = _address_after_sentences(text)  # the title is after the last sentence
    # Round 77: the plain "…同志们：" match may cut a listed salutation after its head's
    # caption ("…讲话（2篇）篇1尊敬的某某书记、各位领导，同志们："): when the head's rows end
    # on a salutation that runs to the same colon, that whole salutation is the address.
    listed = (
        not before
        and not late
        and address is not None
        and address.re is _ADDRESS
        and (fuller := _address_after_head(text)) is not None
        and fuller[0] < address.start("address")
        and fuller[1] == address.end("address")
    )
    if late:  # the site's sentences, then "<title>同志们："
        at, skip, address = late
        pieces += [p for p in _cut(text[:at], _sentence_ends(text[:at])) if not _site_piece(p)]
        head = _head_pieces(address)
        if sample := _SAMPLE_BEFORE_ADDRESS.match(head[-1]):  # "…讲话稿篇1同志们：": a caption
            head[0] += sample.group()
            head[-1] = head[-1][sample.end() :]
        pieces += head
        text = text[skip + address.end() :]
    elif address and address.group("head") and not listed:  # title [byline] [(date)] 同志们：
        pieces += _head_pieces(address)
        text = text[address.end() :]
    elif not before and not address and (named := _named_address(text)):
        at, rows, end = named  # "<head>各位代表：<first sentence>"
        above = {m.end() for m in _SPACED_BREAK.finditer(text, 0, at)}
        pieces += [p for p in _cut(text[:at], above) if not _site_piece(p)]
        pieces += rows
        text = text[end:]
    elif not before and not address and (spaced := _SPACED_ADDRESS_END.search(text)):
        pieces.append(text[: spaced.end()])  # "<title> <address>， <first sentence>"
        text = text[spaced.end() :]
    elif not before and (listed or not address) and (after_head := _address_after_head(text)):
        start, end = after_head  # "…欢迎参考。同志们：…", "…致辞篇1亲爱的…：…"
        above = _sentence_ends(text[:start])
        pieces += [p for p in _cut(text[:start], above) if not _site_piece(p)]
        if pieces and (byline := _TITLE_THEN_ROW.match(pieces[-1])):
            pieces[-1:] = byline.groups()  # "<title>XX（20xx年月日）", "<title>时间："
        pieces.append(text[start:end])
        text = text[end:]
        if greeting := LEADING_GREETING.match(text):  # "…：大家好！今天…"
            pieces.append(greeting.group())
            text = text[greeting.end() :]
    cut_off = not text.endswith(TERMINALS)  # the page breaks off inside this line
    opened = frozenset() if points_on_lines else frozenset(_first_point(text))
    cuts = {p for series in _SERIES for p in _series_starts(series, text, cut_off, opened)}
    if whole and not cuts and not points_on_lines:
        cuts = _other_series_starts(text)  # the page's only paragraph: its points lost breaks
    cuts |= {m.end() for m in _SPACED_BREAK.finditer(text)}
    cuts |= opened
    if thanks := _TRAILING_THANKS.search(text):
        cuts.add(thanks.start())
    body = []
    for p in _until_page_end(_cut(text, cuts)):
        if _site_piece(p):
            p = "" if before else _address_after_site_row(p)  # "…点击：3 张某 各位老师：" (r89)
        if p:
            body.append(_without_site_lead(p))
    if body and len(text) < len(line):  # the head cut off: its caption may lead the rest
        body[0] = strip_label(body[0])
    pieces += body
    out.extend((number, piece) for piece in pieces if piece)
    return out


def unflatten_rejoined(
    lines: list[tuple[int, str]], paragraphs: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """The paragraphs ``join_wrapped`` rebuilt from ``lines``, each one it joined read as
    ``unflatten`` reads a printed line of that length: a PDF or a narrow column that wrapped
    a page whose own line breaks were already lost ("…讲三点意见。一、认清形势，增强做好安全" /
    "生产工作责任感 1-11月，…") holds its points inside the rebuilt paragraph, as the
    unwrapped line did.  On a page without a wrap width only a rebuilt run of ``FLATTENED``
    characters or more is read so (a line broken once by a copy is no flattened page)."""
    printed = {text for _, text in lines}
    least = 0 if wrap_width(lines) is not None else FLATTENED
    if all(text in printed or len(text) < least for _, text in paragraphs):
        return paragraphs
    # Points printed on lines of their own: an inline list is then the text's own.
    points_on_lines = any(starts_with_marker(t) for _, t in paragraphs if t in printed)
    whole = _one_line_of_sentences(paragraphs)
    out: list[tuple[int, str]] = []
    for number, text in paragraphs:
        if text in printed or len(text) < least:
            out.append((number, text))
        else:
            out.extend(
                unflatten(
                    [(number, text)], spoken=True, points_on_lines=points_on_lines, whole=whole
                )
            )
    return out


#: A site's row is short; a longer piece of a flattened line is the speech's (tested first:
#: the line rules are most of this test's cost).
SITE_PIECE_CHARS = 60
#: Noise kinds a piece of a flattened line is dropped for, as a line of its own would be.
_PIECE_NOISE = frozenset({"header", "pagination", "footer", "paywall"})


def _site_piece(piece: str) -> bool:
    """A piece of a flattened line that is the site's, judged as a line of its own is judged
    before the page is parted (``boilerplate.classify`` and the furniture score): the line
    breaks a flattening lost also hid the site's rows from those line rules.  A row that sits
    between paragraphs (kind ``between``) counts unless it is a preview's cut-off last line
    with a clause in it ("…，真......"), which is text."""
    if len(piece) > SITE_PIECE_CHARS:
        return False
    kind = classify(piece)
    if kind == "between":  # a row between paragraphs ("相关推荐：…", "本文为原创文章，…"),
        # not a preview's cut-off line of text ("…，真......")
        return not (piece.endswith("......") and _CLAUSE_MARK.search(piece))
    return kind in _PIECE_NOISE or is_furniture(piece, edge=False)


_CLAUSE_MARK = re.compile(r"[，。！？；]")


#: Noise kinds that end a page's text (a preview's hidden box, a footer), as rows of a piece.
_PAGE_END = frozenset({"footer", "paywall"})


def _until_page_end(pieces: list[str]) -> list[str]:
    """The pieces of a flattened line up to a row, parted by spaces inside a piece, that ends
    the page's text as a line of its own would ("一、<heading> 隐藏内容 本段内容需要积分才能
    查看 …": the hidden box's caption); all of them when none does.  Only below a sentence:
    the links to the articles before and after may stand over the text ("上一篇：… 下一篇：…
    <title> 同志们：…")."""
    spoken = False
    for k, piece in enumerate(pieces):
        if spoken and " " in piece:
            at = 0
            for row in piece.split(" "):
                if at and row and len(row) <= SITE_PIECE_CHARS and classify(row) in _PAGE_END:
                    kept = piece[:at].rstrip()
                    return [*pieces[:k], kept] if kept else pieces[:k]
                at += len(row) + 1
        if at := _run_in_page_end(piece, spoken):
            return [*pieces[:k], piece[:at].rstrip()]
        spoken = spoken or _SENTENCE_STOP.search(piece) is not None
    return pieces


#: Words every note that ends the page holds, a preview's paywall ("阅读全文", "不能全部显示",
#: "全文已隐藏", "登录后下载") or a footer ("版权声明", "本文内容由…", "长按二维码…关注",
#: "发表评论", "附件列表", "此页面有问题吗"): only a row holding one is given to the line rules
#: (giving them every sentence of every long paragraph doubled the miner's time).
_NOTE_WORDS = re.compile(
    r"阅读|查看|显示|展示|展开|浏览|登录|登陆|注册|下载|隐藏|会员|VIP|预览|试读|试看|全文|未完|剩余|还剩|继续"
    r"|本文|版权|版權|声明|聲明|关注|關注|二维码|二維碼|评论|評論|留言|附件|页面|頁面|网页|相关|相關|推荐|推薦"
    r"|上一篇|下一篇|喜欢|Copyright|©"
)
#: Round 59: a site's list of links run on after the speech's last words, under its label
#: ("相关文章：", "更多相关范文：", "相关推荐：") and each link's date after its title ("…的讲话
#: 04-11", "…致辞2023-05-06"): two dated links at least, so a speech's own "相关" is not.
_DATED_LINKS = LazyPattern(
    r"(?:更多)?相[关關](?:文章|阅读|閱讀|推荐|推薦|范文|链接|鏈接)[：:]"
    r"(?:[^。！？：]{2,40}?(?<!\d)(?:\d{4}-)?\d{2}-\d{2}(?!\d)){2}",
    needs="相",
)
#: A note starts after a sentence end or a preview's cut mark ("…的...阅读全文"), or at a bracket.
_AFTER_STOP = frozenset("。！？!?")
_BRACKETS = frozenset("（(【")
#: A note's row runs to its sentence end or its closing bracket.
_NOTE_END = re.compile(r"[。！？!?）)】]")


def _note_start(piece: str, word: int) -> int:
    """The start of the row a note word at ``word`` stands in: the nearest sentence end, cut
    mark or opening bracket before it, at most a row's length back; 0 without one."""
    for at in range(word, max(1, word - SITE_PIECE_CHARS), -1):
        if (
            piece[at - 1] in _AFTER_STOP
            or piece[at] in _BRACKETS
            or piece.endswith(("...", "……"), 0, at)
        ):
            return at
    return 0


def _run_in_page_end(piece: str, spoken: bool) -> int:
    """Where a note that ends the page (a preview's paywall, a footer) starts inside a piece,
    run on after the speech's last words with nothing between ("…谢谢大家！因篇幅问题不能全部
    显示，请点此查看更多", "…的...阅读全文（想阅读完全部图文内容，您需要先登陆后下载！）");
    0 without one.  The note is read as the
    row it would be on a line of its own (``classify``), from its start up to its sentence end
    or closing bracket; a sentence of the speech must come before it (``spoken``: in a piece
    before this one)."""
    tried = set()
    if links := _DATED_LINKS.search(piece, 2):
        at = _note_start(piece, links.start())
        if at >= 2 and (spoken or _SENTENCE_STOP.search(piece, 0, at)):
            return at  # "…万事如意！【<title>】相关文章：…讲话04-11…致辞04-24": the site's links
    for word in _NOTE_WORDS.finditer(piece, 2):
        at = _note_start(piece, word.start())
        if at < 2 or at in tried or not (spoken or _SENTENCE_STOP.search(piece, 0, at)):
            continue
        tried.add(at)
        end = _NOTE_END.search(piece, at + 1)
        row = piece[at : end.end() if end else len(piece)].strip()
        if row and len(row) <= SITE_PIECE_CHARS and classify(row) in _PAGE_END:
            return at
    return 0


def _without_site_lead(piece: str) -> str:
    """A piece of a flattened line without a site's row run on before its first clause and
    parted from it by a space ("点赞3 收藏1 各乡镇要…，…"): the row is judged as a piece of
    its own is (a heading before its body, "二、加强宣传 近年来…", is no site row)."""
    clause = _CLAUSE_MARK.search(piece)
    space = piece.rfind(" ", 0, clause.start() if clause else len(piece))
    if space <= 0 or not _site_piece(piece[:space]):
        return piece
    return piece[space + 1 :].lstrip()


#: A sample's number between a caption and the address ("…讲话稿篇1同志们：").
_SAMPLE_BEFORE_ADDRESS = re.compile(rf"^{SAMPLE_MARK}")
#: How far into a flattened line the address is looked for after the site's sentences.
LATE_ADDRESS_CHARS = 1500


def _address_after_sentences(text: str) -> tuple[int, int, re.Match[str]] | None:
    """A flattened line's title run into its address ("…讲话同志们：") after sentences of the
    site's own (a document library's "…由会员分享，可在线阅读。…请在…上搜索。", a disclaimer):
    where the last sentence before the address ends, where the head starts (past a viewer's
    chunk number, "1、"), and the title and address matched from there.  The title must end in
    a genre word (``_TITLED_ADDRESS``), so a sentence of the speech that calls on 同志们 is no
    head.  A head that starts at the line's start and runs through the site's sentences is
    cut there too: the title is what follows the last of them."""
    found = text.find("同志们：", 0, LATE_ADDRESS_CHARS)
    if found < 0:
        return None
    stops = [m.end() for m in _SENTENCE_STOP.finditer(text, 0, found)]
    if not stops:
        return None
    at = skip = stops[-1]
    skip += len(text[at:]) - len(text[at:].lstrip())
    if chunk := _CHUNK_NUMBER.match(text[skip:]):
        skip += chunk.end()  # "1、<title>同志们：": a viewer's chunk number (``_head_in_chunk``)
    head = _TITLED_ADDRESS.match(text[skip:])
    if head is None or not head.group("head"):
        return None
    return at, skip, head


#: An address that names the audience's standing ("各位代表：", "各位委员、同志们："), found
#: run into a flattened head as ``_TITLED_ADDRESS`` finds 同志们.
_STANDING = f"(?:尊敬的|亲爱的)?各位{alternation(STANDING_ADDRESS)}"
_NAMED_ADDRESS = LazyPattern(f"(?:{_STANDING}[、，])*{_STANDING}：", needs="各")
#: The longest head taken before an address that names the audience.
NAMED_HEAD_CHARS = 160
#: A subtitle's dash: it opens a line of its own ("…工作报告——2023年3月7日在…").
_SUBTITLE_DASH = re.compile(r"(?=——|━━)")


def _named_address(text: str) -> tuple[int, list[str], int] | None:
    """A flattened line's head run into an address that names the audience ("…工作报告——
    2023年3月7日在…会议上…检察长 张某各位代表：现在，…"): where the site's sentences before
    it end, the head's rows and the address, and where the body starts.  The head holds no
    sentence of its own and ends in no clause mark."""
    found = _NAMED_ADDRESS.search(text[:LATE_ADDRESS_CHARS])
    if found is None:
        return None
    stops = [m.end() for m in _SENTENCE_STOP.finditer(text, 0, found.start())]
    at = stops[-1] if stops else 0
    head = text[at : found.start()].strip()
    if not head or head[-1] in "，、；：" or len(head) > NAMED_HEAD_CHARS:
        return None
    # A subtitle's dash opens a row, and single spaces part the subtitle from the speaker
    # ("——…会议上 <职务姓名>"); above it they part rows only where the site's rows stand there
    # (a title's own space stays: "凝心聚力 真抓实干").  The site's rows go.
    above, *below = _SUBTITLE_DASH.split(head)
    pieces = above.split(" ")
    if not any(_site_piece(piece) for piece in pieces if piece):
        pieces = [above]
    pieces += [row for piece in below for row in piece.split(" ")]
    byline = _TITLE_THEN_ROW.match(pieces[0]) if len(pieces) == 1 else None
    if byline and _HAN_CHAR.search(byline.group(2)):  # not a sample's number ("…闭幕词1")
        pieces = list(byline.groups())  # "<title><speaker>（<date>）各位嘉宾，…": two rows (r89)
    rows = [row.strip() for row in pieces if row.strip()]
    return at, [row for row in rows if not _site_piece(row)] + [found.group()], found.end()


#: Round 57: where a salutation may open in a flattened head whose rows ran together with
#: nothing between them — after a sentence's end, a bracket, a field's colon, a sample's number
#: or a date ("…欢迎参考。同志们：", "…【篇1】各位…：", "时间：尊敬的…：", "（2006年11月22日）
#: 同志们："), or at a word a salutation opens with, run onto a title ("…讲话各位老师、同学们：").
_HEAD_BOUNDARY = LazyPattern(
    rf"(?:[。！？…】）〗\]：]|{SAMPLE_MARK}|\d日|\d(?!日))(?=\S)"
    rf"|(?=尊敬的|亲爱的|各位|广大|{alternation(GROUP_ADDRESS)})"
)
#: What a salutation so found does not hold before its colon: a sentence's end, a field's
#: colon, a bracket a row closes with, a number, a bullet, a genre word (a head's row, not
#: an addressee: "…致辞篇一亲爱的同学们：" is a caption and an address).
_NOT_IN_ADDRESS = LazyPattern(rf"[。！？…：】〗•|\d\s]|{TITLE_END}")
#: A title with a row of the head after it (a speaker, a date in brackets, a field's label),
#: run together before such an address; a sample's number or the site's "范文" tag stays with it.
_TITLE_THEN_ROW = LazyPattern(
    rf"^(.{{4,80}}{TITLE_END}{_TITLE_NOTE})(?!{SAMPLE_MARK}$|范文|[稿】\]］〕）])"
    r"((?:(?!篇)[^。！？，]){1,24})$"
)
#: A pinyin gloss's closing bracket ("发（fā）"), at the end of what is searched.
_GLOSS_END = re.compile(r"（[a-zü\u00e0-\u01dc]{1,7}）$")
#: It opens with a word of address, or lists its addressees ("公司领导、各位兄弟姐妹："): a run
#: ending in 同志们 after a gloss's bracket ("发（fā）言同志们："): the title, then the address.
_ADDRESS_OPENS = LazyPattern(rf"尊敬的|亲爱的|各位|广大|{alternation(GROUP_ADDRESS)}")
_LIST_MARK = re.compile(r"[、，]")
#: A salutation opens with a word (or a quoted or starred name), not a mark.
_ADDRESS_FIRST = re.compile(r"[^\W_]|[“*]")
#: A sentence's end, a cut mark's too ("……"), for the row before such an address.
_ROW_STOP = re.compile(r"[。！？]|…+")
#: The longest address so found, and the longest head row between the site's last sentence
#: and the address (a title with its sample number or a field: "…致辞【篇1】", "…讲话致辞时间：").
HEAD_ADDRESS_CHARS = 60
HEAD_ROW_CHARS = 120
_HEAD_ROW_CLAUSE = re.compile(r"[，；]")
#: Round 75: a note in brackets in such a row (the day and the place, "（2020年11月11日晚，北京…）",
#: "（2014年11月5日，根据录音整理）"): its comma is the note's, not a clause of the speech.
_ROW_NOTE = re.compile(r"（[^（）。！？]{1,40}）")


#: Round 91: a greeting just after an address's colon ("…敬意。各位老师：大家好！",
#: "…党史？各位同志：大家好，今天…"): the speech opens there, so the sentences before
#: it are the site's lead-in, whatever they say; a speech calls on its audience after
#: sentences of its own, but does not greet them there.
_GREETED_OPENING = re.compile(rf"(?:{GREETED})(?:{DAYTIME})?好[！，。!,]|(?:{DAYTIME})好[！，。!,]")


def _address_after_head(text: str) -> tuple[int, int] | None:
    """Where the salutation of a flattened head with nothing between its rows starts and ends
    (round 57), when no title the older rules know runs into it: the first run that reads as
    a salutation (``is_salutation``) and ends on a colon within the line's first
    ``LATE_ADDRESS_CHARS`` characters, opening at a boundary of the head's rows.  What stands
    before it must be the head's, not the speech's: either a short row with no clause in it
    (a title, a caption, a field: "医院院长年会致辞【篇1】") after the last sentence, or nothing
    after a sentence of the site's own (a lead-in, "…若需要原创文章可咨询客服老师，欢迎参考。",
    by ``LEAD_IN`` and the furniture score) — a speech that calls on 同志们 after a sentence of
    its own has no head there."""
    window = text[:LATE_ADDRESS_CHARS]
    starts = sorted({m.end() for m in _HEAD_BOUNDARY.finditer(window)})
    for colon in (k for k, ch in enumerate(window) if ch == "："):
        if colon + 1 >= len(text):
            break
        for start in starts:
            if start >= colon or colon - start > HEAD_ADDRESS_CHARS:
                continue
            if _GLOSS_END.search(text, 0, start):
                continue  # a gloss's bracket ends no row ("发（fā）言")
            words = unglossed(text[start:colon])
            if (
                not _ADDRESS_FIRST.match(words)
                or _NOT_IN_ADDRESS.search(words)
                or not (_ADDRESS_OPENS.match(words) or _LIST_MARK.search(words))
                or not is_salutation(text[start : colon + 1])
                # a bracket closed that did not open in it: the start is inside a head row's
                # note ("…致辞（汇总12篇）篇一尊敬的…": not after the 12), round 59
                or words.count("）") > words.count("（")
                or _SAMPLE_BEFORE_ADDRESS.match(words)  # "篇一尊敬的…": the caption's sample number
            ):
                continue
            if text[start - 1 : start].isspace():
                return None  # rows parted by spaces: the older rules read them
            stops = [m.end() for m in _ROW_STOP.finditer(text, 0, start)]
            last = stops[-1] if stops else 0
            row = text[last:start].strip()
            if row:
                if len(row) > HEAD_ROW_CHARS or _HEAD_ROW_CLAUSE.search(_ROW_NOTE.sub("", row)):
                    continue
                if "、" in row.split()[-1]:
                    return None  # "…李董事长、苏校长各位嘉宾…：": the list began before
            elif stops:
                first = stops[-2] if len(stops) > 1 else 0
                sentence = text[first:last].strip()
                twice = len(stops) > 1 and text[stops[-3] if len(stops) > 2 else 0 : first]
                if not (
                    LEAD_IN.search(sentence)
                    or furniture_score(sentence) >= FURNITURE_EDGE
                    or (twice and twice.strip() == sentence)  # a title printed twice
                    or _GREETED_OPENING.match(text, colon + 1)  # round 91
                ):
                    continue
            return start, colon + 1
    return None


def _sentence_ends(text: str) -> set[int]:
    return {m.end() for m in _SENTENCE_STOP.finditer(text)}


def _titled_address(text: str) -> re.Match[str] | None:
    """A flattened line's head run into its address: the title's kinds first, so the address
    does not swallow the title's last words."""
    speaker_at = "在" in text and "同志们：" in text  # a cheap test before the pattern
    return (
        _TITLED_ADDRESS.match(text)
        or (_SPEAKER_AT_ADDRESS.match(text) if speaker_at else None)
        or _ADDRESS.match(text)
    )


#: Single characters parted by single spaces at a flattened head's start: a word set
#: letter-spaced for show ("张 某 某 同 志 在…的讲话", "闭 幕 词"), one row.
_LETTER_SPACED = re.compile(rf"^((?:{_HAN} ){{1,7}}{_HAN})(?= )")


def _head_pieces(address: re.Match[str]) -> list[str]:
    """The lines of a head found run together before the address: title (and a byline parted
    from it by a space, or a letter-spaced word before it), the note in brackets, the
    speaker's name, the address."""
    named = address.groupdict()
    head = named["head"]
    if spaced := _LETTER_SPACED.match(head):
        rows = ["".join(spaced.group(1).split()), head[spaced.end() :].strip()]
    else:
        rows = _fielded_head(head) or _phrased_head(head) or head.split(" ", 1)
    return [*rows, named["note"] or "", named.get("name") or "", named["address"]]


#: Round 62: a theme printed as short phrases parted by spaces ("深化改革 突破创新 全面提升…的
#: 整体水平"), each a few words with no clause mark.
_THEME_PHRASE = re.compile(rf"^{_HAN}{{2,30}}$")
THEME_PHRASES = 6
_TITLE_CLOSE = LazyPattern(rf"{TITLE_END}{_TITLE_NOTE}$")


def _phrased_head(head: str) -> list[str] | None:
    """A flattened head whose first space is inside the title (round 62): the theme's phrases
    up to a subtitle's dash ("<短语> <短语> <短语> ——在…上的报告 …") are one row, as are the
    words of a title whose preposition a copy set apart ("在 XX 镇…大会上的 讲话").  None when
    the head has neither shape: it is then cut at its first space, as before."""
    pieces = head.split(" ")
    if len(pieces) < 2:
        return None
    if len(pieces[0]) == 1 and _HAN_CHAR.match(pieces[0]) and _TITLE_CLOSE.search(head):
        return [head]  # "在 …上的 讲话": the lone 在 opens the title
    dash = next((k for k, p in enumerate(pieces) if p.startswith(("——", "━━"))), None)
    if dash is None:
        return None
    theme = [p for p in pieces[:dash] if p]
    if not 2 <= len(theme) <= THEME_PHRASES or not all(_THEME_PHRASE.match(p) for p in theme):
        return None  # a field, a date or a sentence among them: the first space parts rows
    return [" ".join(theme), " ".join(pieces[dash:]).strip()]


#: A piece of a flattened head that is one of the site's fields, not words of a title: a
#: label with its colon ("内容预览：", "标题："), a bare number, a date or a clock time
#: ("1012", "2021-10-12", "09:09"), a bullet or an arrow.
_FIELD_PIECE = re.compile(r"^(?:\S{0,12}：\S{0,24}|[\d\W_]+|#\S+)$")
#: A number a copy set apart from its counter ("在 2024 年…的讲话"): words of the title.
_SPACED_COUNT = re.compile(r"^\d{1,4}$")
_COUNTER = ("年", "月", "日", "届", "次", "周", "个")
#: A piece that ends like a title ("…的讲话", "…致辞范文").
_TITLE_PIECE = LazyPattern(rf"^\S{{6,60}}?{TITLE_END}(?:范文)?{_TITLE_NOTE}$")


_CRUMB_ARROWS = frozenset({">", ">>", "»", "->", "→", "/"})
_SAMPLE_PIECE = re.compile(rf"^{SAMPLE_MARK}$")


def _field_piece(piece: str, following: str = "") -> bool:
    if _SPACED_COUNT.match(piece) and following.startswith(_COUNTER):
        return False
    if piece.startswith(("——", "━━")):
        return False  # a subtitle's dash ("<主题> —— <在…上的讲话>"): the title's own
    return bool(_FIELD_PIECE.match(piece)) or _site_piece(piece)


def _fielded_head(head: str) -> list[str] | None:
    """A flattened head whose rows ran together with the site's fields between them (round
    49): "<title> 1012 2021-10-12 09:09 <title>", "<title> 投稿人：… 内容预览： <title>",
    "首页 <title> 2024-10-28 08:41:08 <site>".  The title is the piece that ends like one, nearest
    the address, with the words before it that are no field (a title's own spaces stay: "在 XX
    镇…的 讲话"); the fields before it and the row after it (a date line opening with a field)
    are rows of their own.  None when no field stands beside the title: the head is then
    read as before."""
    pieces = head.split(" ")
    if len(pieces) < 3:
        return None
    titled = [k for k, piece in enumerate(pieces) if _TITLE_PIECE.match(piece)]
    if not titled:
        return None
    end = titled[-1]
    after = pieces[end + 1 :]
    if after and not _field_piece(after[0]):
        return None  # words after the title that open with no field: not a site's line
    start = end
    if pieces[end] not in pieces[:end]:  # a title printed twice: the second stands alone
        while (
            start > 0
            and not _field_piece(pieces[start - 1], pieces[start])
            and not _TITLE_PIECE.match(pieces[start - 1])  # two titles: the nearer is it
        ):
            start -= 1
        if start == 0 and not after:
            return None  # nothing of the site's beside the title
        while 0 < start < end and pieces[start - 1] in _CRUMB_ARROWS:
            start += 1  # a breadcrumb's last column ("… >> 正文 <title>"): the site's
    before = pieces[:start]
    if any(_CLAUSE_MARK.search(piece) for piece in before) or (
        before and (_SAMPLE_PIECE.match(before[-1]) or before[-1].startswith(("——", "━━")))
    ):
        return None  # sentences, a sample's caption or a theme's dash over the title
    joined = " ".join(before).strip()
    rows = joined.split(" ", 1) if joined else []
    return [*rows, " ".join(pieces[start : end + 1]), " ".join(after)]


def _cut(text: str, cuts: set[int]) -> list[str]:
    """The non-empty pieces of a text cut at the given positions."""
    bounds = [0, *sorted(cuts), len(text)]
    pieces = (text[a:b].strip() for a, b in pairwise(bounds))
    return [piece for piece in pieces if piece]


def _first_point(text: str, strong_only: bool = False) -> set[int]:
    """Where the first point starts right after the announcement ("…讲几点意见。（一）要…"),
    kept even when the page was cut off before a second point.  Outside a flattened line only
    a strong marker (一、 (一)) counts: "讲三点意见：一是…二是…" in an ordinary paragraph is the
    opening's own inline list."""
    for match in ANNOUNCEMENT.finditer(text):
        start = match.end()
        while start < len(text) and text[start] == " ":
            start += 1
        marker = match_at(text, start)
        if marker and marker.ordinal == 1 and (marker.scheme.strong or not strong_only):
            if _runs_on(text, marker.end, marker.scheme.family) or _runs_on_in_paragraph(
                text, marker.end, marker.scheme.family
            ):
                continue  # "…三件事：一、…；二、…；三、…。": the sentence's own list
            return {start}
        if marker is None and start > match.end() and text[match.end() - 1] == "：" and (
            heading := _UNNUMBERED_ROW.match(text, start)
        ):  # "…提出三点要求： <heading> <its text>": the first point's number lost
            return {start, heading.end()}
    if not strong_only and (counted := _counted_first_point(text)) is not None:
        return {counted}
    # "…下面，我再讲四点意见 第一，要…": the announcement lost its mark with the line break.
    for gap in _GAP.finditer(text):
        marker = match_at(text, gap.end())
        if not marker or marker.ordinal != 1 or not (marker.scheme.strong or not strong_only):
            continue
        head = text[: gap.start()]
        if head.endswith(("。", "：")) or not announces_points(head):
            continue
        if marker.scheme.strong or not _runs_on(text, marker.end, marker.scheme.family):
            return {gap.end()}
    # "…下面，我讲三个方面的意见一、充分认识…": a copy with nothing between its paragraphs lost
    # the announcement's mark and its break; the first point's marker follows its last word.
    for match in ANNOUNCEMENT_OPEN.finditer(text):
        start = match.end()
        marker = match_at(text, start) if start < len(text) else None
        if (
            marker
            and marker.ordinal == 1
            and (marker.scheme.strong or not strong_only)
            and announces_points(text[:start])
            and not _runs_on(text, marker.end, marker.scheme.family)
            and not _runs_on_in_paragraph(text, marker.end, marker.scheme.family)
        ):
            return {start}
    return set()


_GAP = re.compile(r" +(?=\S)")
_FULL_STOP = re.compile(r"[。！？]")


def _counted_first_point(text: str) -> int | None:
    """Where a flattened paragraph's first point starts when the sentence before it counts the
    very unit the point's marker names, with no announcing verb ("今天，我想借三个关键词，
    把…讲出来，请大家批评指正。第一个关键词是“…”。", mining-dev32 m3007, the page cut off
    before the second): the count of a unit of two characters or more (个关键词, 个方面, 层意思)
    is the announcement, as ``announces_unit`` reads it for a paragraph before a point."""
    sentence = 0
    for stop in _FULL_STOP.finditer(text):
        start = stop.end()
        marker = match_at(text, start)
        if (
            marker
            and marker.ordinal == 1
            and announces_unit(text[sentence:start], marker)
            and not _runs_on(text, marker.end, marker.scheme.family)
        ):
            return start
        sentence = start
    return None


#: A strong point's number and heading at a paragraph line's end, after a sentence end and a
#: space, with no sentence mark of its own ("…一起谈谈。 一、了解党的历史——…"): the
#: heading's break was lost, the paragraph under it follows on the next line.
_TRAILING_HEADING = LazyPattern(
    rf"(?<=[。！？]) +((?:{ORDINAL})、[^。！？；：\s]{{2,40}})$", needs="、"
)
#: A heading without its number between spaces after the announcement's colon: short, no
#: sentence mark, then a space and its text's first sentence.
_UNNUMBERED_ROW = LazyPattern(
    rf"[^\s。！？；：]{{4,{ANNOUNCED_HEADING_CHARS}}}(?<![，、]) +(?=[^\s。！？]{{4,}}[，。！？])"
)


_SEMICOLON_ITEM = re.compile(r"；")
_SENTENCE_STOP = re.compile(r"[。！？]")


def _runs_on(text: str, start: int, family: str) -> bool:
    """The list opened at ``start`` runs on inside one sentence, its next item after a
    semicolon ("一是…；二是…；三是…。"): requests or results the sentence lists, not the
    speech's divisions, which each take a paragraph."""
    stop = _SENTENCE_STOP.search(text, start)
    end = stop.start() if stop else len(text)
    for semicolon in _SEMICOLON_ITEM.finditer(text, start, end):
        second = match_at(text, semicolon.end())
        if second and second.scheme.family == family and second.ordinal == 2:
            return True
    return False


#: How far after a list's first item its second is looked for (``_runs_on_in_paragraph``).
RUN_ON_SPAN = 200


def _runs_on_in_paragraph(text: str, start: int, family: str) -> bool:
    """The list opened at ``start`` runs on inside its paragraph over several sentences, its
    next item after a semicolon before any space (a flattened copy's paragraph break) and
    within ``RUN_ON_SPAN`` characters ("…提出几点希望：第一，要树立远大的理想。理想是…方向；
    第二，要养成…", round 66): hopes the paragraph lists, not the speech's divisions, each of
    which takes a paragraph of its own."""
    gap = text.find(" ", start, start + RUN_ON_SPAN)
    end = gap if gap >= 0 else min(len(text), start + RUN_ON_SPAN)
    for semicolon in _SEMICOLON_ITEM.finditer(text, start, end):
        second = match_at(text, semicolon.end())
        if second and second.scheme.family == family and second.ordinal == 2:
            return True
    return False


def _without_inline_lists(matches: list[re.Match[str]], text: str) -> list[re.Match[str]]:
    """The numbers of a series without those of a list one sentence holds, its items parted by
    semicolons ("要点：一、…；二、…；三、…。", a lesson plan's or a summary's points): the
    speech's divisions each take a paragraph, so no break goes before them."""
    inline: set[int] = set()
    for k in range(1, len(matches)):
        start = matches[k].start()
        if text[start - 1] == "；" and not _SENTENCE_STOP.search(text, matches[k - 1].end(), start):
            inline.update((k - 1, k))
    return [m for k, m in enumerate(matches) if k not in inline]


def _start(match: re.Match[str]) -> int:
    return match.start()


def _series_starts(
    pattern: re.Pattern[str], text: str, cut_off: bool = False, opened: frozenset[int] = frozenset()
) -> list[int]:
    """Positions of 1, 2, 3… of one series, or nothing when it holds fewer than two items.
    A text holding no 1 of the series at all starts it at its first number: a preview that
    opens mid-speech shows its points from the third on ("…。（三）…。（四）…").  A lone first
    item after a full stop or a colon counts in a text that breaks off (``cut_off``) with no
    other item of the series after it: the preview ends inside the first point ("…新局面。一、
    提高…", "…也就是“六个不能变”：一、…", round 68).
    A place in ``opened`` (a first point found after its announcement) may start an item
    though no mark precedes it ("…我讲三个方面的意见一、…。二、…")."""
    matches = list(pattern.finditer(text))
    extra = [m for at in opened if (m := _SERIES_ITEM[pattern].match(text, at))]
    if extra:
        seen = {m.start() for m in matches}
        matches = sorted([*matches, *(m for m in extra if m.start() not in seen)], key=_start)
    if len(matches) > 1 and "；" in text:
        matches = _without_inline_lists(matches, text)
    if not matches:
        return []
    numbers = [from_chinese(match.group(1)) for match in matches]
    first = 1 in numbers or _FIRST_ITEM[pattern] in text  # "【提纲】一、…"
    starts: list[int] = []
    want = 1 if first else numbers[0] or 1
    for match, number in zip(matches, numbers, strict=True):
        if number == want:
            starts.append(match.start())
            want += 1
    if len(starts) >= 2:
        return starts
    lone = cut_off and len(matches) == 1 and numbers == [1]
    at = matches[0].start()
    return starts if lone and at and text[at - 1] in "。！？：" else []


#: The schemes ``_SERIES`` reads are cut wherever they stand; another scheme's items (1. 1、
#: 第一， 一是 第一项…) are cut on a flattened line only as ``_other_series_starts`` says.
_SERIES_NAMES = frozenset({"一、", "（一）"})
#: Schemes that number the items inside a point (一是…二是…, 首先…其次…, 第一要…) rather than
#: the points (``generator.schemes``' ``spoken``): "…历史性跨越。一是经济实力稳步提升。…二是…"
#: is one paragraph's own list, so no break goes before them.
_WITHIN_POINT = frozenset(s.name for s in TABLE if s.spoken)
_STRONG_NAMES = frozenset(s.name for s in TABLE if s.strong)
#: A series of a weak scheme (第一，…第二，…) is cut only with this many items: two such
#: sentences are as often one paragraph's own "第一…；第二…" as two points.
WEAK_SERIES_ITEMS = 3
#: Where an item of another scheme may start: after a sentence end (a quote closing after it
#: too), or after a colon for the first item.
_ITEM_AFTER = re.compile(r"(?:[。！？]”?|：)")
#: Where such an item may start at all (a prefilter: a digit or an ordinal's first character).
_OTHER_ITEM = re.compile(r"(?<=[。！？：”])(?=\d|第|[一二三四五六七八九十])")


def _one_line_of_sentences(lines: list[tuple[int, str]]) -> bool:
    """No more than one of the lines holds a sentence end: the page's paragraph breaks were
    all lost (a copy with nothing between its paragraphs), its head rows aside."""
    return sum(1 for _, text in lines if _UNTERMINATED.search(text)) <= 1


def _other_series_starts(text: str) -> set[int]:
    """Where the items of a series in another scheme than 一、 and （一） start on a flattened
    line that holds all the page's sentences and no series of those (round 69): "…应注意以下
    几点：1.在正规商店买…。2.生吃果蔬时，…。3.少吃…", "…形成教育合力。1、…。2、…",
    "…牢记在心。第一项叮咛是…。第二项…。第三项…".  Each item follows a sentence end (the
    first also a colon, after a strong number or an announcement of points: "主要有三方面的
    考虑：第一，…" lists one paragraph's reasons), the items run 1, 2, 3… in one scheme, each
    holds a sentence of its own before the next, a weak scheme's series has three items or
    more, a scheme that numbers the items inside a point (一是, 首先) is never cut, and the
    line parts no sentences with a space (a copy that keeps a space between paragraphs marks
    its breaks: an item run on without one is inside a paragraph)."""
    if len(_SPACED_BREAK.findall(text)) >= SPACED_SENTENCES:
        return set()
    found: dict[str, list[tuple[int, int, int]]] = {}
    for place in _OTHER_ITEM.finditer(text):
        at = place.start()
        marker = match_at(text, at)
        if (
            marker is None
            or marker.ordinal is None
            or marker.scheme.continues
            or marker.scheme.name in _SERIES_NAMES
            or marker.scheme.name in _WITHIN_POINT
        ):
            continue
        before = _ITEM_AFTER.search(text, max(0, at - 2), at)
        if before is None or before.end() != at:
            continue
        if text[at - 1] == "：" and (
            marker.ordinal != 1 or not (marker.scheme.strong or announces_points(text[:at]))
        ):
            continue  # "主要有三方面的考虑：第一，…": the reasons one paragraph lists
        found.setdefault(marker.scheme.name, []).append((at, marker.end, marker.ordinal))
    best: list[int] = []
    for name, items in found.items():
        starts: list[int] = []
        want, last_end = 1, -1
        for at, end, number in items:
            if number != want:
                continue
            if starts and not _SENTENCE_STOP.search(text, last_end, at):
                break  # "1.…，2.…": no sentence of its own
            starts.append(at)
            want, last_end = want + 1, end
        least = 2 if name in _STRONG_NAMES else WEAK_SERIES_ITEMS
        if len(starts) >= least and len(starts) > len(best):
            best = starts
    return set(best)
