"""Split a page into speech units.

An aggregator page is header, units each opened by a marker line, and footer.  Marker shapes
are data (``MARKERS``); a candidate marker with no body since the previous one is the unit's own
title carrying the site's suffix (…讲话篇4), and a "…讲话(二):" line splits a unit only when the
unit already has body text.  A page without any marker is one speech titled by its first line.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..han import in_basic_block
from ..lazy_re import LazyPattern
from ..lexicon import GROUP_ADDRESS, TITLE_END, TITLE_ENDINGS, alternation
from ..numerals import NUMERAL_CHARS, ORDINAL, from_chinese
from .address import is_salutation
from .boilerplate import (
    COUNT_HINT,
    LEAD_IN,
    LEAD_IN_WORDS,
    NAV_LABEL,
    PAGED_LINE_CHARS,
    SITE_WELCOME,
    SOURCE_GLUED,
    classify,
    crumb_title,
    is_furniture,
    navigation_terms,
    offered_title,
    strip_inline,
    strip_label,
    strip_lead_in,
    strip_running_header,
)
from .captions import collection_name, names_collection, names_occasion
from .headings.detect import is_standalone_heading
from .headings.schemes import Marker, match_at
from .normalise import fold, normalise_line, unglossed

_NUM = rf"[{NUMERAL_CHARS}百零〇两]+|\d+"

#: Unit markers: prefix lines "篇1:标题" / "第一篇:标题" and a title line ending in "篇一".
MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("prefix", re.compile(rf"^篇({_NUM})[：:]\s*(.*)$")),
    ("prefix", re.compile(rf"^第({_NUM})篇(?:[：:]\s*|\s+|$)(.*)$")),
    ("prefix", re.compile(rf"^【篇({_NUM})】\s*(.*)$")),
    ("prefix", re.compile(rf"^【(?:第)?({_NUM})篇?】\s*(.+)$")),
    ("prefix", re.compile(rf"^(?:范文|讲话稿|讲稿|材料|精选范文)({_NUM})[：:]\s*(.*)$")),
    # The same caption alone on its line, bare or in brackets: "范文一", "【范文二】", "【第三篇】",
    # "精选范文4", "样本5" (the speech's title, if any, on the next line).
    ("prefix", re.compile(
        rf"^【?(?:精选)?(?:范文|讲话稿|发言稿|讲稿|材料|样本|样稿)({_NUM})】?()$"
    )),
    ("prefix", re.compile(rf"^【第?({_NUM})篇】()$")),
    ("suffix", re.compile(rf"^(.{{4,48}}?)篇({_NUM})$")),
    # "建军节演讲稿范文（一）": a numbered sample of a category, not the speech's own title.
    ("series", re.compile(rf"^.{{2,24}}?(?:范文|讲话稿|发言稿|演讲稿|讲稿)（({_NUM})）$")),
    # "中秋节医院领导致辞1", "…发言稿范文2": the page's title with a sample number.
    ("series", re.compile(rf"^[^。！？，：\s]{{2,30}}{TITLE_END}(?:范文|范本|样本)?(\d{{1,2}})$")),
]

#: "在党员会议上的讲话(二):" — a sub-speech inside one unit.
SUB_SPEECH = re.compile(
    rf"^(.{{2,40}}?{TITLE_END})（({ORDINAL})）：?$"
)

_SENTENCE = re.compile(r"[。！？，；]")
_SENTENCE_END_MARK = re.compile(r"[。！？；：]")


@dataclass
class Unit:
    """One speech's lines on the page, with where it came from."""

    file: str
    index: int
    label: str
    marker: str
    marker_title: str
    lines: list[tuple[int, str]] = field(default_factory=list)
    cut: bool = False
    page_title: str = ""
    repeated: bool = False
    #: Opened by a numbered sample caption (…范文（一）, …致辞1): the page's title, repeated with
    #: a number, is not this speech's title.
    sample: bool = False
    #: Characters the inline rules cut from inside a line, by line number ("…意见：##paidbegin##
    #: 一、…"): the printed line held them, so a PDF copy's wrap width is measured with them
    #: (round 87).
    inline_cuts: dict[int, int] = field(default_factory=dict)


@dataclass
class Page:
    """A split page: its units, its title, its count hint and any page-level warnings."""

    file: str
    title: str
    units: list[Unit]
    hint: int | None
    warnings: list[str] = field(default_factory=list)


def _marker_kind(text: str, kind: str) -> bool:
    """Does the line match a marker of this kind (a caption read without glosses)?"""
    text = _caption_key(text) if kind == "series" else text
    return any(k == kind and p.match(text) for k, p in MARKERS)


#: The longest line read as a glossed sample caption (a name of up to 30 characters, its
#: glosses and its number); longer lines are not looked at without their glosses.
GLOSSED_CAPTION = 100


def _numbered(text: str) -> bool:
    """Ends with a number, bare or in brackets, as a sample's caption does."""
    return text[-1:].isdigit() or text.endswith("）")


def _caption_key(text: str) -> str:
    """A sample caption's text without pinyin glosses ("…讲话（huà）稿1" → "…讲话稿1"); any
    other line as it is.  A caption ends with its number and is short: cheap tests first,
    since most lines are body text."""
    return unglossed(text) if _numbered(text) and len(text) <= GLOSSED_CAPTION else text


def _marker(text: str) -> tuple[str, str] | None:
    """(number, title) when the line is a unit marker candidate.  A sample's caption, which
    gives no title, is read without the pinyin glosses a converted page prints after its
    characters ("…讲话（huà）稿1")."""
    for kind, pattern in _TITLED_MARKERS:
        match = pattern.match(text)
        if not match:
            continue
        if kind == "suffix":
            title, number = match.group(1), match.group(2)
            if _SENTENCE.search(title) or title.endswith(("第", "大全", "共")):
                continue
            return number, title
        return match.group(1), match.group(2).strip()
    if not _numbered(text):
        return None  # a sample's caption ends with its number
    bare = _caption_key(text)
    for pattern in _SERIES_MARKERS:
        if match := pattern.match(bare):
            return match.group(1), ""
    return None


#: The markers that may give a title, tried first, and the sample captions that give none
#: (``series``, last in ``MARKERS``).
_TITLED_MARKERS = [(kind, pattern) for kind, pattern in MARKERS if kind != "series"]
_SERIES_MARKERS = [pattern for kind, pattern in MARKERS if kind == "series"]


#: Block tags of a page saved as HTML source ("<p class=…>…</p><p>…"): each starts a line, as
#: a browser shows it.
HTML_BREAK = re.compile(r"(?i)</?(?:p|br|div|li|h[1-6]|tr|section)\b[^<>]{0,200}>")


def _first_marker(text: str) -> bool:
    """A unit marker numbered 1 (篇1：, 第一篇): the start of another page's series."""
    found = _marker(text)
    return found is not None and from_chinese(found[0]) == 1


#: How many lines below another page's counted header its first unit marker comes (its
#: meta line, lead-in, caption…).
NEXT_PAGE_HEAD = 8


def _series_below(texts: list[str], index: int) -> bool:
    """Whether a unit marker numbered 1 follows within ``NEXT_PAGE_HEAD`` lines of ``index``."""
    seen = 0
    for text in texts[index + 1 : index + 1 + 4 * NEXT_PAGE_HEAD]:  # blank lines between
        if text:
            if _first_marker(text):
                return True
            seen += 1
            if seen == NEXT_PAGE_HEAD:
                break
    return False


def _title_like(text: str) -> bool:
    """A short line without sentence punctuation: a title, not body text."""
    return len(text) <= 40 and not _SENTENCE.search(text)


#: A line this long holding a sentence is the text's, not a site's slogan ("…欢迎您！").
BODY_LINE = 40


#: A flattened page's sample caption: a piece of its own, ending in its number, between a
#: sentence's end and the next sample's first words ("…阖家幸福！ 某某致辞篇二 尊敬的…"), or
#: run into the next sample's address ("…决不姑息。 某某讲话稿2各位领导、同志们： …").
_INLINE_CAPTION = LazyPattern(
    rf"[。！？] +(\S{{1,38}}(?:篇[{NUMERAL_CHARS}\d]+|\d{{1,2}}|）))"
    r"(?= +\S|(?:尊敬的|亲爱的|各位|同志们)\S{0,40}：)"
)


def _flat_rows(text: str) -> list[str]:
    """A long line without the running header of the document it flattens
    (``strip_running_header``), its sample captions on rows of their own (``_marker_rows``)."""
    return _marker_rows(strip_running_header(text))


def _marker_rows(text: str) -> list[str]:
    """A line with its sample captions on rows of their own, where a flattening ran several
    samples into it: a caption is a unit marker (``_marker``) standing between spaces after a
    sentence end.  Any other line as it is."""
    if len(text) < PAGED_LINE_CHARS or " " not in text:
        return [text]
    rows, start = [], 0
    for found in _INLINE_CAPTION.finditer(text):
        if _marker(found.group(1)) is not None:
            rows += [text[start : found.start(1)].strip(), found.group(1)]
            start = found.end()
    return [*rows, text[start:].strip()] if rows else [text]


#: A sample's caption run into its address on one line ("…讲话稿1同志们：", "…致辞篇二 各位
#: 来宾："): the caption ends in its number, the address opens with its own word.  No CJK class,
#: so it compiles in microseconds; tried only on short lines with a colon (``CAPTION_ADDRESS``)
#: that hold an address word.
_CAPTION_ADDRESS = LazyPattern(
    rf"^(\S{{4,40}}?(?:\d{{1,2}}|篇[{NUMERAL_CHARS}]{{1,3}}|（[{NUMERAL_CHARS}]{{1,3}}）))\s*"
    r"(?=(?:尊敬的|亲爱的|各位|广大|同志们)\S*?：)",
    needs="尊亲各广同",
)
#: The longest such line, in characters: a caption of up to 44 and an address.
CAPTION_ADDRESS = 100


def _caption_rows(text: str) -> list[str]:
    """The line as the sample's caption and its address, two rows, when a caption
    (``_marker``) runs into an address; else the line alone."""
    found = _CAPTION_ADDRESS.match(text)
    if found and _marker(found.group(1)) is not None:
        return [found.group(1), text[found.end() :]]
    return [text]


#: The kinds of noise that stand under a heading inside the text (``_heading_over_noise``).
NOISE_AFTER_HEADING = ("paywall", "between")


def _heading_over_noise(text: str) -> list[str]:
    """A numbered heading line and, after a space on the same line, what is site noise on a
    line of its own (round 47: a copy that lost the line break under the heading): a
    preview's button ("一、提高站位，… 阅读全文"), a hidden-content notice, an editor's
    bracketed note, or the preview's cut snippet of the heading's first paragraph ("…在此，
    我......").  The two are set on rows of their own, so the noise goes by its own rule and
    the heading stays; any other line is left whole."""
    head, _, tail = text.partition(" ")
    if not tail or not is_standalone_heading(head) or classify(tail) not in NOISE_AFTER_HEADING:
        return [text]
    return [head, tail.lstrip()]


def clean_lines(
    raw: list[str], cuts: dict[int, int] | None = None
) -> tuple[list[tuple[int, str]], list[int]]:
    """Content lines (1-based number, normalised text) and the line numbers of pagination
    breaks; the footer and everything after it is dropped.  ``cuts``, when given, gets how
    many characters the inline rules took from inside each line (its ends kept), by number."""
    out: list[tuple[int, str]] = []
    breaks: list[int] = []
    seen_marker = False
    chunks = 0  # the last chunk number of a document library's numbered chunks
    text_seen = False  # a paragraph has been kept: the page's head is over
    stopped = False  # after a footer: skipped until another series of units starts
    numbers: list[int] = []
    normalised: list[str] = []
    for index, line in enumerate(raw):
        for piece in HTML_BREAK.split(line) if "<" in line else [line]:
            text = normalise_line(piece)
            # A flattened document's page breaks and samples (short lines: nothing to do).
            rows = _flat_rows(text) if len(text) >= PAGED_LINE_CHARS else [text]
            if len(rows[0]) <= CAPTION_ADDRESS and "：" in rows[0]:
                rows[:1] = _caption_rows(rows[0])
            if len(rows) == 1 and " " in rows[0]:
                rows = _heading_over_noise(rows[0])
            numbers.extend(index + 1 for _ in rows)
            normalised.extend(rows)
    _rejoin_cut_lead_in(normalised)
    kinds = [classify(text) if text else None for text in normalised]
    reprinted = _reprinted(normalised)
    for index, text in enumerate(normalised):
        number = numbers[index]
        if not text:
            continue
        kind = kinds[index]
        if not out and SITE_WELCOME.match(text):
            continue  # the site's greeting over the page: never the speech's first sentence
        if stopped:
            if not _first_marker(text):
                continue
            stopped, kind = False, None
        if kind == "footer" and not text_seen and _body_below(kinds, normalised, index):
            continue  # a download button printed over the text: the site's head, not its end
        if kind == "footer":
            stopped = True
            continue
        if seen_marker and COUNT_HINT.search(text) and _title_like(text):
            # Another page's counted header ("…讲话（精选5篇）") when another series starts
            # below it (several pages may follow one another in one file); else the site's
            # reprint of this collection's name inside a sample's text, dropped alone.
            stopped = _series_below(normalised, index)
            continue
        if kind == "paywall" and not text_seen and _body_below(kinds, normalised, index):
            continue  # the site's account menu (登录 注册) over the text, not a preview's end
        if kind == "paywall":  # a preview: the speech goes on behind the site's login
            breaks.append(number)
            stopped = True
            continue
        if kind == "between" and _next_kind(kinds, normalised, index) == "paywall":
            kind = None  # "…真......" right before the paywall is the preview's last line
        if (
            kind == "header"
            and (not text_seen or _heads_text(kinds, normalised, index))
            and (title := crumb_title(text))
        ):
            # 首页 > 领导讲话 > 在…的讲话 over the text: keep the title (under the text the
            # same line is the footer's navigation).  Under a notice or a teaser that has
            # sentences, it is still over the text when the text follows it closely.
            kind, text = None, title
        if kind == "header" and out and text in SUMMARY_BOX and _near_end(normalised, index):
            stopped = True  # "摘要：" alone under the text: the site's box on the file, to the end
            continue
        if kind in ("header", "between"):
            continue
        if kind == "pagination":
            breaks.append(number)
            continue
        # A point's heading the preview cut ("二、…，切实抓好..." over the paywall): its cut
        # mark, which the inline rules drop, is kept as "…" for the outline (``CUT_ENDINGS``).
        preview_cut = text.endswith("...") and _next_kind(kinds, normalised, index) == "paywall"
        text = strip_lead_in(text)
        inline = strip_inline(text)
        if cuts is not None and len(inline) < len(text) and inline[:1] == text[:1] and (
            inline[-1:] == text[-1:]
        ):
            cuts[number] = cuts.get(number, 0) + len(text) - len(inline)
        text = _print_once(strip_label(inline.strip()).strip())
        if preview_cut and is_standalone_heading(text) and not text.endswith("…"):
            text += "…"
        if chunk := _CHUNK.match(text):
            text, chunks = text[chunk.end() :], 1  # "1、第 1 页<title>…": a library's first chunk
        elif not out and text.startswith("1、") and _chunked(normalised, index):
            text, chunks = text[2:], 1
        elif chunks and out and (cut := _chunk_number(text, chunks + 1, out[-1][1])):
            text, chunks = text[cut:], chunks + 1
        text_seen = text_seen or (
            len(text) >= BODY_LINE and bool(_FULL_STOP.search(text)) and not reprinted[index]
        )
        if text:
            seen_marker = seen_marker or _marker(text) is not None
            out.append((number, text))
    out = _drop_report(_drop_teaser(_drop_contents(_drop_summary_field(out))))
    return _drop_furniture(out, navigation_terms([t for t in normalised if t])), breaks


#: Round 64: how far down the page a site's lead-in cut across two lines is looked for.
CUT_LEAD_IN_LINES = 12
#: How far after such a lead-in the address's colon may stand.
CUT_LEAD_IN_ADDRESS = 40


def _rejoin_cut_lead_in(normalised: list[str]) -> None:
    """A site's lead-in sentence (``LEAD_IN``: "下面是小编为大家整理的…【优" / "秀范文】，供大家
    参考。同志们：…") that a hard wrap (a PDF's text layer, a narrow column) cut across two
    lines of the head, the speech run on after it: the two lines are read as one, on the
    upper line's number, so that the lead-in is stripped as it is when printed whole and the
    address after it starts the speech.  Only when neither line holds the whole sentence, the
    sentence ends on the lower line and an address follows it there (the speech's first words;
    a blurb's sentence before the lead-in is dropped with it, as ``strip_lead_in`` does, so
    nothing else may be at stake); the lower line is left empty."""
    seen = 0
    for k, text in enumerate(normalised[:-1]):
        if not text:
            continue
        seen += 1
        if seen > CUT_LEAD_IN_LINES:
            return
        below = normalised[k + 1]
        if not below or not any(word in text for word in LEAD_IN_WORDS) or LEAD_IN.search(text):
            continue
        found = LEAD_IN.search(text + below)
        if found is None or not found.start() < len(text) < found.end():
            continue
        after = (text + below)[found.end() :]
        colon = after.find("：", 0, CUT_LEAD_IN_ADDRESS)
        if colon > 0 and is_salutation(after[: colon + 1]):
            normalised[k], normalised[k + 1] = text + below, ""
        return


#: A summary's caption alone on its line ("摘要：", "内容简介："): under the text, a document
#: library's box on the file begins, its lines the site's (a fragment of the title, tags).
SUMMARY_BOX = frozenset(
    f"{prefix}{word}{colon}"
    for prefix in ("", "内容")
    for word in ("摘要", "简介", "提要")
    for colon in ("", "：")
)


#: How many content lines may follow such a caption at the page's end (its summary, tags).
SUMMARY_TAIL = 3
#: A site's summary field over the text, its caption ending a line ("<标题> 本文简介："), and
#: the caption of the text's own field after it ("<标题> 本文内容：", "正文："); between the two,
#: at most this many lines of summary, often the speech's first words cut off.
SUMMARY_FIELD = ("简介：", "摘要：", "提要：", "导读：")
CONTENT_FIELD = ("内容：", "正文：", "全文：")
SUMMARY_FIELD_LINES = 3


def _drop_summary_field(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop a summary field near the page's top and both fields' captions: left in, the
    summary reads as the opening and the speech's first words come twice.  What stands before
    a caption on its line (the title again) stays, unless a line above has it already."""
    for k, (_, text) in enumerate(lines[:REPORT_HEAD]):
        if not text.endswith(SUMMARY_FIELD):
            continue  # a cheap test: most lines end otherwise
        for j in range(k + 2, min(len(lines), k + 2 + SUMMARY_FIELD_LINES)):
            if lines[j][1].endswith(CONTENT_FIELD):
                above = {t for _, t in lines[:k]}
                kept = [
                    (n, rest)
                    for n, t in (lines[k], lines[j])
                    if (rest := _CAPTION_AT_END.sub("", t)) and rest not in above
                ]
                return lines[:k] + kept[:1] + lines[j + 1 :]
        return lines
    return lines


#: The field's caption at a line's end, with the site's "本文"/"文章" before it.
_CAPTION_AT_END = LazyPattern(
    r"\s*(?:本文|文章|正文)?(?:内容)?(?:简介|摘要|提要|导读|内容|正文|全文)：$"
)


def _near_end(normalised: list[str], index: int) -> bool:
    """Whether at most ``SUMMARY_TAIL`` content lines follow line ``index`` (counted no
    further than one past the limit)."""
    following = (text for text in itertools.islice(normalised, index + 1, None) if text)
    return sum(1 for _ in itertools.islice(following, SUMMARY_TAIL + 1)) <= SUMMARY_TAIL


#: Noise kinds a line is dropped for, one by one, when a page is read loosely.
_LOOSE_DROP = frozenset({"header", "between", "pagination", "footer", "paywall"})


def loose_lines(raw: list[str]) -> list[tuple[int, str]]:
    """Every content line of a page, noise lines and site furniture dropped one by one, with
    no footer or paywall ending the text: the reading of last resort for a page whose usual
    reading kept no speech (a site's account menu taken for a paywall, a footer word at the
    top), so that a page holding speech text never yields nothing."""
    out: list[tuple[int, str]] = []
    for number, line in enumerate(raw, 1):
        text = strip_running_header(normalise_line(line))
        if not text or classify(text) in _LOOSE_DROP or is_furniture(text, edge=True):
            continue
        text = strip_label(strip_inline(strip_lead_in(text)).strip()).strip()
        if text:
            out.append((number, text))
    return out


#: A document library prints a file's text in numbered chunks, the first opening with its
#: page mark ("1、第 1 页<title>…"); later chunks ("2、…") start wherever the chunk was cut,
#: mid-word as often as not.
_CHUNK = re.compile(r"^1、\s*第\s*1\s*页\s*")
#: A title printed back to back at a line's start ("<title><title><title>同志们：…"), perhaps
#: behind a viewer's chunk number: a Word file's preview repeating its heading.
_BACK_TO_BACK = LazyPattern(rf"^(\d{{1,3}}、\s*)?([^。！？，：\s]{{6,60}}?{TITLE_END})(?:\s*\2)+")
#: How far into a line a title printed again may start.
_REPRINT_REACH = 70


def _print_once(text: str) -> str:
    """The line with a title printed back to back at its start printed once.  The title's
    first characters must recur near the start (a cheap test before the pattern)."""
    start = _CHUNK_NUMBER.match(text)
    at = start.end() if start else 0
    if text.find(text[at : at + 4], at + 6, at + _REPRINT_REACH) < 0:
        return text
    again = _BACK_TO_BACK.match(text)
    return text[: again.end(2)] + text[again.end() :] if again else text
_CHUNK_NUMBER = re.compile(r"^(\d{1,3})、\s*(?:第\s*\d{1,3}\s*页\s*)?")


#: How many lines a library's first chunk may run to before its second chunk's number.
CHUNK_LINES = 4
#: Round 60: how many characters it may run to, however many lines they were printed on (a
#: PDF copy wraps a chunk of ~300 characters over eight to ten lines of 30–40).
CHUNK_REACH = 600


def _chunked(texts: list[str], index: int) -> bool:
    """The page's first line opens with "1、" and one of the next few opens with "2、" though
    the line above it did not end its sentence: a library's numbered chunks, cut anywhere
    ("…接下" / "2、来，我…"), not a list (an item ends its sentence before the next).  The next
    few are ``CHUNK_LINES`` lines, or as many as hold ``CHUNK_REACH`` characters when the lines
    are short: a hard-wrapped copy prints the first chunk over many lines."""
    nonblank = [t for t in texts[index:] if t]
    size, reach = 0, 0
    while reach < len(nonblank) and size <= CHUNK_REACH:
        size += len(nonblank[reach])
        reach += 1
    below = nonblank[: max(CHUNK_LINES + 1, reach)]
    return any(
        t.startswith("2、") and not _ENDS_SENTENCE.search(below[k - 1])
        for k, t in enumerate(below[1:], 1)
    )


def _chunk_number(text: str, want: int, above: str) -> int | None:
    """The length of the next chunk's number at a line's start ("2、"), when the line above
    did not end its sentence (the chunk cut it); None otherwise."""
    match = _CHUNK_NUMBER.match(text)
    if not match or int(match.group(1)) != want or _ENDS_SENTENCE.search(above):
        return None
    return match.end()


#: The caption of a contents list ("目录", "目 录", "- 目錄", "目录/提纲：……"), and its entries:
#: short lines without a sentence, a page number perhaps at their end.
CONTENTS = re.compile(r"^[-•·*\s]*(目\s*录|目\s*次)(?:[/／、](?:提纲|大纲))?[：]?[….。\s]*$")
CONTENTS_ENTRY = 60
#: An entry this long printed again under the list is the text's own title, where it begins
#: (shorter lines, a page number, recur by chance).
REPEATED_ENTRY = 4
#: A title line, perhaps with the site's name after a separator ("…的讲话-某某网").
_OWN_TITLE = re.compile(rf"{TITLE_END}([-－_|｜][^。！？，\s]{{1,20}})?$")


#: How many lines (the title, a byline) may stand between an uncaptioned contents list and
#: the salutation it precedes.
CONTENTS_GAP = 2


#: How many lines of the page's head (its title, a site's line) may stand above such a list.
CONTENTS_HEAD = 3


def _uncaptioned_contents(lines: list[tuple[int, str]]) -> range:
    """Where a contents list without a caption sits at the top of the page: two or more
    numbered entries in series (一、 二、 …, no sentence in them), with at most
    ``CONTENTS_HEAD`` lines and no sentence above them, and the salutation at most
    ``CONTENTS_GAP`` lines below.  The speech's own points come later, under the salutation;
    read as points, the entries would swallow the head.  An empty range when there is none."""
    for start in range(min(CONTENTS_HEAD + 1, len(lines))):
        if _SENTENCE_END_MARK.search(lines[start][1]):
            break
        end = start
        while (
            end < len(lines)
            and len(lines[end][1]) <= CONTENTS_ENTRY
            and not _SENTENCE_END_MARK.search(lines[end][1])
            and (marker := match_at(lines[end][1])) is not None
            and marker.ordinal == end - start + 1
        ):
            end += 1
        below = lines[end : end + CONTENTS_GAP + 1]
        if end - start >= 2 and any(is_salutation(t) for _, t in below):
            return range(start, end)
    return range(0)


def _drop_contents(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop a contents list: its caption and the entries under it, which name the page's
    speeches or the speech's own points and would otherwise be read as the speech's
    sections.  An entry right above the salutation that reads as a title stays: it is the
    first speech's own title line.  A list without a caption is known by its place
    (``_uncaptioned_contents``)."""
    listed = _uncaptioned_contents(lines)
    lines = [line for k, line in enumerate(lines) if k not in listed]
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(lines):
        if not CONTENTS.match(lines[k][1]):
            out.append(lines[k])
            k += 1
            continue
        end = k + 1
        entries: set[str] = set()
        while (
            end < len(lines)
            and len(lines[end][1]) <= CONTENTS_ENTRY
            and not _SENTENCE_END_MARK.search(lines[end][1])
            and lines[end][1] not in entries  # the first entry's title again: the text begins
        ):
            if len(lines[end][1]) >= REPEATED_ENTRY:
                entries.add(lines[end][1])
            end += 1
        following = lines[end][1] if end < len(lines) else ""
        last = lines[end - 1][1]
        if end > k + 1 and is_salutation(following) and _OWN_TITLE.search(last):
            out.append(lines[end - 1])
        k = end
    return out


#: How far down a page a teaser and the text it previews are looked for, in content lines.
TEASER_HEAD = 30
#: A teaser holds at least the title and the first words: shorter lines recur by chance.
TEASER_CHARS = 30
#: How many of the lines after the teaser may be joined to find the text it previews.
TEASER_SPAN = 6
_ELLIPSIS = re.compile(r"(…|\.{2,}|。{2,})+$")
#: A full stop or semicolon inside a teaser line: marks a title or a heading does not hold
#: (a title may end in "！" or ask with "？").
_TEASER_STOP = re.compile(r"[。；;]")


#: A news report's line handing over to the speech it reprints ("某某致词全文如下：", "以下是讲话
#:录音整理全文。"): it speaks of the speech in the third person, naming the whole text.
HANDOVER = LazyPattern(
    r"(?:(?:全文|原文|实录|(?:讲话|致辞|致词|演说|演讲|发言)(?:稿|词|内容)?)如下[：:]"
    r"|以下(?:是|为)[^。！？我]{0,30}(?:全文|实录|原文)[。：:])\s*",
    needs="如以",
)
#: How far down a page's kept lines the handover is looked for.
REPORT_HEAD = 8


#: A speaker's name alone in brackets ("[某某某]"), as a news page's live text prints it over
#: the words that person said (pool mining-setaside22).
SPEAKER_HANDOVER = re.compile(r"^[\[【［][^\W\d_a-zA-Z]{2,4}[\]】］]$")
#: How the speech under such a name opens: with its address ("各位委员，同志们，…").
_ADDRESS_START = re.compile(rf"^(?:尊敬的|亲爱的|各位|{alternation(GROUP_ADDRESS)})")


def _drop_report(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop a news report's lead-in over the speech it reprints: the report's sentences (its
    lead paragraph, a photo's caption, its summary) above a handover line near the page's top
    and the handover itself, with whatever ran into it on its line before it.  A headline
    above (no sentence in it) stays: it may be the speech's title.  A numbered point above the
    handover means the speech has begun: the line is the speaker's own.

    The speaker's bracketed name under the lead hands over as well (``_named_speaker``)."""
    for k, (number, text) in enumerate(lines[:REPORT_HEAD]):
        if SPEAKER_HANDOVER.match(text):
            if (named := _named_speaker(lines, k)) is not None:
                return named
            continue
        if "如下" not in text and "全文" not in text and "实录" not in text and "原文" not in text:
            continue  # the handover's words: a cheap test before the pattern
        found = HANDOVER.search(text)
        if found is None or "我" in text[: found.start()]:
            continue
        above = lines[:k]
        if any(_marker(t) is not None or is_salutation(t) for _, t in above):
            return lines
        kept = [line for line in above if not _FULL_STOP.search(line[1])]
        rest = text[found.end() :].strip()
        return kept + ([(number, rest)] if rest else []) + lines[k + 1 :]
    return lines


def _named_speaker(lines: list[tuple[int, str]], k: int) -> list[tuple[int, str]] | None:
    """The page without a news report's lead when line ``k``, the speaker's name in brackets,
    stands under it (a live-text page: headline, the lead's sentences, "[某某某]", then the
    speech): the lead goes, and so does a headline that names no kind of speech ("某某宣布…
    会议闭幕" reports the event, it does not title the speech).  The name stays for the
    speaker.  None when nothing above is a sentence, or the speech has begun above (a
    numbered point, a salutation), or the line under the name is no address, or the name
    is a sample's marker ("【范文一】")."""
    above = lines[:k]
    if k + 1 >= len(lines) or not _ADDRESS_START.match(unglossed(lines[k + 1][1])):
        return None
    if _marker(lines[k][1]) is not None or not any(_FULL_STOP.search(t) for _, t in above):
        return None
    if any(_marker(t) is not None or is_salutation(t) for _, t in above):
        return None
    kept = [
        line for line in above
        if not _FULL_STOP.search(line[1]) and re.search(TITLE_END, unglossed(line[1]))
    ]
    return kept + lines[k:]


def _drop_teaser(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop a page's description near its top: one line holding the start of the speech
    (title, salutation and first sentence run together, often cut with "…"), printed again
    below over several of the speech's own lines.  Left in, it reads as a first speech of
    its own or as the opening.  Compared without spaces and with a title printed back to
    back printed once, so a wrap, a colon's width or a doubled title makes no difference."""
    head = min(len(lines), TEASER_HEAD)
    keys = [_print_once("".join(t.split())) for _, t in lines[: head + TEASER_SPAN]]
    drop: set[int] = set()
    for k in range(head):
        key = _ELLIPSIS.sub("", keys[k])
        if len(key) < TEASER_CHARS:
            continue
        for j in range(k + 1, min(head, len(keys))):
            if j in drop or keys[j][:1] != key[:1]:
                continue  # the cheap test first
            if keys[j][:8] != key[:8] and not (len(keys[j]) < 8 and key.startswith(keys[j])):
                continue  # a salutation on its own line starts like the teaser too
            # Or the page's text stops inside what the teaser shows (an excerpt cut shorter
            # than the site's description of it): everything below is the teaser's start.
            rest = "".join(keys[j:])
            if len(keys) == len(lines) and len(rest) >= TEASER_CHARS and key.startswith(rest):
                drop.add(k)
                break
            # It runs on past the line it starts like: a heading printed again is no teaser.
            if len(key) > len(keys[j]) and "".join(keys[j : j + TEASER_SPAN]).startswith(key):
                drop.add(k)
                break
            # Or the next line, the whole text flattened, runs on past it: a teaser holds a
            # sentence's end, a heading or a title run on into its text does not.
            flat = j == k + 1 and len(keys[j]) > len(key) and keys[j].startswith(key)
            if flat and _TEASER_STOP.search(key):
                drop.add(k)
                break
    return [line for k, line in enumerate(lines) if k not in drop]


def _reprinted(texts: list[str]) -> list[bool]:
    """For each line, whether the page prints its first ``BODY_LINE`` characters again at
    another line's start: a page's headline, which a site repeats (its title bar, its heading,
    the box over the text, glued before the text), not a paragraph of the text.  Such a line
    does not end the page's head, so a paywall box under it with the text below the box is
    still the site's head (a paid-document page printing its page marks and its paywall over
    the preview's text, mining-dev32 m3008)."""
    starts = Counter(text[:BODY_LINE] for text in texts if len(text) >= BODY_LINE)
    return [len(text) >= BODY_LINE and starts[text[:BODY_LINE]] > 1 for text in texts]


def _body_below(kinds: list[str | None], texts: list[str], index: int) -> bool:
    """A paragraph of text (a sentence at least ``BODY_LINE`` long, no noise) comes below the
    line: a login or registration caption above it is the site's menu, and the text it would
    hide is all there."""
    return any(
        kinds[k] is None and len(texts[k]) >= BODY_LINE and _FULL_STOP.search(texts[k])
        for k in range(index + 1, len(texts))
    )


#: A breadcrumb heads the text when a sentence of it (this long at least, no noise) comes
#: within ``HEADS_TEXT_LINES`` non-empty lines below.
HEADS_TEXT_LINES = 6
HEADS_TEXT_CHARS = 20


def _heads_text(kinds: list[str | None], texts: list[str], index: int) -> bool:
    """A sentence of text within ``HEADS_TEXT_LINES`` non-empty lines under the line: the line
    stands over the speech (its title and salutation between), not under it as the footer's
    navigation does."""
    below = [k for k in range(index + 1, len(texts)) if texts[k]][:HEADS_TEXT_LINES]
    return any(
        kinds[k] is None and len(texts[k]) >= HEADS_TEXT_CHARS and _FULL_STOP.search(texts[k])
        for k in below
    )


def _next_kind(kinds: list[str | None], texts: list[str], index: int) -> str | None:
    """The noise kind of the next non-empty line."""
    for k in range(index + 1, len(texts)):
        if texts[k]:
            return kinds[k]
    return None


_ENDS_SENTENCE = LazyPattern(r"[。！？…”]$")


#: A category name glued in front of a title leaves at least this much title behind.
MIN_TITLE_AFTER_TERM = 8


def _strip_term(text: str, terms: set[str]) -> str:
    """"领导讲话范文在…的讲话" → "在…的讲话": a breadcrumb category glued to the title."""
    for term in sorted(terms, key=len, reverse=True):
        if text.startswith(term) and len(text) - len(term) >= MIN_TITLE_AFTER_TERM:
            return text[len(term) :].strip()
    return text


def _strip_nav(text: str) -> str:
    """"返回在…的讲话" → "在…的讲话": a navigation button's caption glued before a title.

    Only a title-like rest is freed, so a sentence that happens to start with 返回 stays."""
    match = NAV_LABEL.match(text)
    rest = text[match.end() :] if match else text
    if match and len(rest) >= MIN_TITLE_AFTER_TERM and _title_like(rest):
        return rest
    return text


#: A glued "来源<title>" repeats the page's title when it is at least this similar to it
#: (sites shorten it: 县委书记在…上的讲话 → 县委在…上讲话).
SOURCE_TITLE_RATIO = 0.6


def _split_source(text: str, titles: list[str]) -> list[str]:
    """"来源<title>同志们：…" → the text after the repeated title (CORPUS-style furniture: the
    label has lost its colon and the title its line break).  When the page has no title line
    above, the repeated title is kept as a line of its own, since it is the only title."""
    match = SOURCE_GLUED.match(text)
    if not match or match.end() == len(text):
        return [text]
    title, rest = match.group("title"), text[match.end() :]
    if not titles:
        return [title, rest]
    similar = max(SequenceMatcher(None, title, t, autojunk=False).ratio() for t in titles)
    return [rest] if similar >= SOURCE_TITLE_RATIO else [text]


def _first_sentence(lines: list[tuple[int, str]], order: range, none: int) -> int:
    """The first line, in the given order, holding a sentence that is not the site's: where
    the speech begins (or, scanning back, ends).  Only the lines before it are scored, not
    every sentence of the page."""
    for k in order:
        text = lines[k][1]
        if _FULL_STOP.search(text) and not is_furniture(text, edge=True):
            return k
    return none


_FULL_STOP = re.compile(r"[。！？]")


def _drop_furniture(lines: list[tuple[int, str]], terms: set[str]) -> list[tuple[int, str]]:
    """Drop lines the site vocabulary marks as furniture (``boilerplate.SITE_WORDS``).

    Before the first sentence of the page and after its last one a moderate score is enough,
    and a bare category name from the breadcrumbs goes too; in between only a short line with
    a high score is removed, so a speaker who mentions a 网站 keeps the sentence."""
    first = _first_sentence(lines, range(len(lines)), len(lines))
    last = _first_sentence(lines, range(len(lines) - 1, first - 1, -1), -1)
    out: list[tuple[int, str]] = []
    dropped: Marker | None = None  # the numbered item of the site's just dropped above
    for k, (number, text) in enumerate(lines):
        edge = k < first or k > last
        if dropped is not None and (dropped := _next_item(dropped, text)) is not None:
            continue  # the next item of a list the site numbered: its instructions go on
        if edge and (text in terms or is_furniture(text, edge=True)):
            dropped = match_at(text) if text[:1] in _ITEM_OPENERS else None
            continue
        if k < first:
            text = _strip_nav(_strip_term(text, terms))
        if k == first:
            *head, text = _split_source(text, [t for _, t in out])
            out.extend((number, title) for title in head)
        if not edge and is_furniture(text, edge=False):
            continue
        out.append((number, text))
    return out


#: The characters a numbered item's marker opens with: the cheap test before ``match_at``.
_ITEM_OPENERS = frozenset("0123456789（(" + NUMERAL_CHARS)


def _next_item(above: Marker, text: str) -> Marker | None:
    """The line's marker when it numbers the item after ``above`` in the same scheme."""
    if text[:1] not in _ITEM_OPENERS or above.ordinal is None:
        return None
    marker = match_at(text)
    if marker is None or marker.scheme.name != above.scheme.name:
        return None
    return marker if marker.ordinal == above.ordinal + 1 else None


#: Some sites print the whole article twice; the second copy starts with the same title-like
#: line followed by the same first line, among the unit's first few lines.
REPEAT_HEAD = 5
#: The repeated pair is long enough not to recur by chance (not "同志们：" + "谢谢！").
REPEAT_MIN_CHARS = 30


def drop_repeat(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], bool]:
    """The unit's lines with a second printing of the text removed, and whether there was one.

    The longer copy is kept: a site may show a short preview and then the full text, or the
    full text and then a cut copy."""
    texts = [t for _, t in lines]
    for k in range(min(REPEAT_HEAD, len(texts) - 1)):
        if not _title_like(texts[k]) or len(texts[k]) + len(texts[k + 1]) < REPEAT_MIN_CHARS:
            continue
        for j in range(k + 2, len(texts) - 1):
            if texts[j] != texts[k] or texts[j + 1] != texts[k + 1]:
                continue
            first = sum(len(t) for t in texts[k:j])
            second = sum(len(t) for t in texts[j:])
            return (lines[:k] + lines[j:] if second > first else lines[:j]), True
    return lines, False


def _drop_title_list(lines: list[tuple[int, str]]) -> int:
    """Cut a trailing run of three or more bare titles (a "related articles" list).  The
    speech's first point under its announcement ("…讲三个方面：" / "一、…") heads no such list:
    a page cut after it leaves the point and a few site lines, and the run starts below it.
    Nor does a list below a speech hold an address: "<sample caption> / 亲爱的同学们： / 大家下午"
    is the next sample, cut in its greeting.  (A page of nothing but such lines is left to the
    fallback that reads it whole.)"""
    end = len(lines)
    addressed = False
    while end and _title_like(lines[end - 1][1]) and not lines[end - 1][1].endswith("！"):
        addressed = addressed or is_salutation(lines[end - 1][1])
        end -= 1
    if addressed and end:
        return len(lines)
    if 0 < end < len(lines) and lines[end - 1][1].endswith("："):
        marker = match_at(lines[end][1])
        if marker is not None and marker.ordinal == 1:
            end += 1
    return end if len(lines) - end >= 3 else len(lines)


#: A sample's bare number on a line of its own ("1", "一").
BARE_NUMBER = re.compile(rf"^(\d{{1,2}}|[{NUMERAL_CHARS}]{{1,3}})$")
#: How far down a page its lead-in and a first sample number are looked for, in raw lines.
SAMPLE_HEAD = 12


def _bare_sample(raw: list[str]) -> int | None:
    """The 1-based line of a bare sample number below the site's lead-in ("下面是小编为大家
    整理的…，供参考。") near the page's top: the page is a collection of samples whose first one
    has no title of its own.  None on any other page."""
    lead = False
    for n, line in enumerate(raw[:SAMPLE_HEAD], 1):
        text = normalise_line(line).strip()
        if LEAD_IN.search(text):
            lead = True
        elif lead and BARE_NUMBER.match(text):
            return n
    return None


def _offered(raw: list[str]) -> str:
    """The page's title where only the site's lead-in leaves it readable: the title the lead-in
    offers its text by (``offered_title``), printed above the lead-in as well ("<SEO title>
    <title> <blurb> 下面是编写整理的<title>，欢迎阅读。 <text>", one line: the lead-in cut
    drops everything before it).  A title found only inside the lead-in is the site's
    wording, not the page's heading (so labelled on the pools), and a kind of speech
    ("领导讲话稿", no occasion named) titles no one speech."""
    if not any("整理" in line for line in raw[:SAMPLE_HEAD]):
        return ""  # the lead-in's word: a cheap test before the lines are normalised
    above = ""
    for line in raw[:SAMPLE_HEAD]:
        text = normalise_line(line)
        title, at = offered_title(text) if "整理" in line else ("", -1)
        key = fold(title)
        if key and key in fold(above + text[:at]) and names_occasion(title):
            return title
        above += text
    return ""


#: A site's field naming the page's title, on a line of its own, often in the footer
#: ("本文标题：在…的发言", next to "链接地址：…").
FIELD_TITLE = LazyPattern(r"^(?:本文标题|文章标题|文章题目)：\s*(\S.{3,38})$")


def _field_title(raw: list[str]) -> str:
    """The title a site's own field gives the page ("本文标题：…"), for a speech whose head
    shows none; a line the field does not title, or one that is no title's shape, gives none."""
    for line in raw:
        if "标题" in line or "题目" in line:  # the field's word: a cheap test before normalising
            found = FIELD_TITLE.match(normalise_line(line))
            if found and _title_like(found.group(1)) and names_occasion(found.group(1)):
                return found.group(1)
    return ""


#: A line holding only a run of Latin letters, digits and number marks ("2024", "x", "GDP",
#: "12.5%"): a PDF's text layer puts each such run on a line of its own, so a title or a
#: sentence breaks around it ("在" / "2024" / "年…会议上的讲话").
_TOKEN_LINE = re.compile(r"[0-9A-Za-z.%]{1,8}")
#: The fewest such breaks that show a page's text was laid out this way: a page number
#: between two lines of text happens once a page, this happens in every few sentences.
TOKEN_BREAKS = 3
_CLAUSE_OPENING = frozenset("，。、；：！？）")


def _han_at(text: str, index: int) -> bool:
    return bool(text) and in_basic_block(text[index])


def _token_breaks(raw: list[str]) -> list[int]:
    """The lines that are a run of letters or digits set between a line ending in a Chinese
    character (not a whole title) and one going on with a character or a clause mark: the
    pieces of one line."""
    found = []
    for k in range(1, len(raw) - 1):
        line = raw[k]
        if len(line) > 12 or not line.isascii():
            continue  # the cheap tests first: the pattern runs on a few short lines only
        token = line.strip()
        if token.endswith(".") or not _TOKEN_LINE.fullmatch(token):
            continue  # "1." over a line: a list's number, not a piece of it
        before, after = raw[k - 1].rstrip(), raw[k + 1].lstrip()
        if (
            _han_at(before, -1)
            and after
            and (_han_at(after, 0) or after[0] in _CLAUSE_OPENING)
            and not before.endswith(TITLE_ENDINGS)  # a contents entry over its page number
        ):
            found.append(k)
    return found


def rejoin_tokens(raw: list[str]) -> list[str]:
    """The page with each letter-or-digit line joined to the lines around it, when the page
    breaks its lines that way ``TOKEN_BREAKS`` times or more; joined-away lines are left
    empty so line numbers stay those of the page."""
    breaks = _token_breaks(raw)
    if len(breaks) < TOKEN_BREAKS:
        return raw
    out = list(raw)
    for k in breaks:
        # Chains ("从" / "x" / "月" / "x" / "日…"): find the line the previous join ended in.
        head = k - 1
        while head > 0 and not out[head]:
            head -= 1
        out[head] = out[head].rstrip() + out[k].strip() + out[k + 1].strip()
        out[k] = out[k + 1] = ""
    return out


def split_page(raw: list[str], file: str) -> Page:
    """Units of a page, in order, with a warning when the page title's count disagrees."""
    cuts: dict[int, int] = {}
    lines, breaks = clean_lines(rejoin_tokens(raw), cuts)
    lines = lines[: _drop_title_list(lines)]
    first = lines[0][1] if lines else ""
    page_title = (
        first if _title_like(first) and not first.endswith("：") and not _marker(first) else ""
    )
    hint_line = page_title if COUNT_HINT.search(page_title) else next(
        (t for _, t in lines[:6] if COUNT_HINT.search(t)), ""
    )
    hint_match = COUNT_HINT.search(hint_line)
    hint = from_chinese(hint_match.group(1)) if hint_match else None

    starts: list[tuple[int, str, str]] = []  # (position in lines, number, title)
    for pos, (_, text) in enumerate(lines):
        found = _marker(text)
        if not found:
            continue
        if starts and pos == starts[-1][0] + 1:
            continue  # no body since the previous marker: this is the unit's own title line
        starts.append((pos, *found))
    # The collection's names: the title-like lines of the page's head above the first sample
    # (its title, the line that counts the samples "2023年…致辞（六篇）", a heading under a
    # line of keywords).
    head = [t for _, t in lines[: starts[0][0]] if _title_like(t)] if starts else []
    collections = {collection_name(t) for t in [page_title, hint_line, *head] if t}
    if not starts and (sample_at := _bare_sample(raw)):
        # "标题 / 下面是小编整理的…，供参考。 / 1 / 同志们：…": the page's title is the
        # collection's, the speech starts below its bare number.
        lines = [(n, text) for n, text in lines if n > sample_at]
        page_title = ""
    units: list[Unit] = []
    if not starts:
        # The page title is the speech's own title line, the parser reads it; "…讲话(二)"
        # lines may still divide the page.
        units.extend(_sub_speeches(file, "全文", page_title, page_title, list(lines)))
    else:
        for k, (pos, number, title) in enumerate(starts):
            end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
            body = lines[pos + 1 : end]
            label = f"第{number}篇" if not number.isdigit() else f"篇{number}"
            sample = _marker_kind(lines[pos][1], "series")
            if not _marker_kind(lines[pos][1], "prefix") and (
                not names_occasion(title) or any(names_collection(title, c) for c in collections)
            ):
                # "学校例会校长讲话篇一" under the page title "学校例会校长讲话（实用22篇）", or
                # "老员工年会讲话稿 篇1": the collection's name or a kind of speech with a sample
                # number, not the speech's own title (``captions``).
                title, sample = "", True
            elif not title:
                # "第一篇" alone under "…发言稿范文", "讲稿一" under "…讲话稿": a page numbering
                # its speeches offers samples, and its title is the collection's, not this one's
                # (the page title need not say 范文: the numbered captions do).
                sample = True
            for unit in _sub_speeches(file, label, lines[pos][1], title, body):
                unit.sample = sample or unit.sample
                units.append(unit)
    for unit in units:
        # Each unit's own head and tail are edges too: 点赞 评论 rows between speeches.
        unit.lines, unit.repeated = drop_repeat(_drop_furniture(unit.lines, set()))
    empty = [u for u in units if not u.lines]
    units = [u for u in units if u.lines]
    for i, unit in enumerate(units, 1):
        unit.index = i
        unit.page_title = "" if unit.sample else page_title
        unit.inline_cuts = cuts
        last = unit.lines[-1][0]
        following = [n for n in breaks if n > last]
        after_next = units[i].lines[0][0] if i < len(units) else None
        unit.cut = bool(following) and (after_next is None or following[0] < after_next)
    if len(units) == 1 and not units[0].sample:
        # A page whose head went with the site's lead-in that cut it ("<title> <blurb> 下面是
        # 编写整理的<title>，…"): the title the lead-in names, when the speech's head has none;
        # else the title the site's own field gives, over whatever line opens the page.
        offered = "" if page_title else _offered(raw)
        units[0].page_title = offered or _field_title(raw) or units[0].page_title
    page = Page(file, page_title, units, hint)
    page.warnings.extend(f"“{u.marker}”后面没有正文,已跳过。" for u in empty)
    if hint is not None and starts and hint != len(starts):
        page.warnings.append(f"页面标题说共 {hint} 篇,实际找到 {len(starts)} 篇。")
    return page


def _sub_speeches(
    file: str, label: str, marker: str, title: str, body: list[tuple[int, str]]
) -> list[Unit]:
    """Split a unit on "…讲话(二):" lines that come after body text, and on a speech's own
    title line over its salutation after a speech that has ended (``_titled_start``)."""
    units = [Unit(file, 0, label, marker, title, [])]

    def has_body(title: str = "") -> bool:  # asked only when a cheaper test has passed: a
        # scan of the unit per line was quadratic.  A line printing the coming title again
        # (with a code before it and a stop after: a site's summary) is no speech's text.
        return any(not _title_like(t) and not (title and title in t) for _, t in units[-1].lines)

    for k, (number, text) in enumerate(body):
        match = SUB_SPEECH.match(text)
        if _next_turn(units[-1].lines, text, body[k + 1 : k + 2]):
            units.append(Unit(file, 0, f"{label}/{len(units) + 1}", text, "", [(number, text)]))
            continue
        if _titled_start(units[-1].lines, text, body[k + 1 : k + 3]) and has_body(text):
            if BARE_NUMBER.match(units[-1].lines[-1][1]):
                units[-1].lines.pop()  # the next sample's bare number ("2") above its title
            unit = Unit(file, 0, f"{label}/{len(units) + 1}", text, "", [(number, text)])
            at = _caption_at(units[-1].lines, text)
            if at is not None:
                # The same line over another salutation: a caption the page prints over each
                # of its samples (the collection's name), the title of none of them; what is
                # above its first print is the page's head.
                units[-1].lines = units[-1].lines[at + 1 :]
                units[-1].marker_title = ""
                units[-1].sample = unit.sample = True
                unit.lines = []
            units.append(unit)
            continue
        if match and has_body() and not _heads_series(match.group(2), units[-1].lines):
            sub = f"{label}/({match.group(2)})"
            if "/" not in units[0].label and any(SUB_SPEECH.match(t) for _, t in units[0].lines):
                first = SUB_SPEECH.match(units[0].lines[0][1])
                units[0].label = f"{label}/({first.group(2)})" if first else label
            units.append(Unit(file, 0, sub, text, title, [(number, text)]))
            continue
        units[-1].lines.append((number, text))
    return [u for u in units if u.lines or len(units) == 1]


#: The most lines a page's head holds above its first sample (name, repeated name, lead-in…).
SERIES_HEAD = 6


def _heads_series(number: str, above: list[tuple[int, str]]) -> bool:
    """A sub-speech caption numbered one ("优秀毕业典礼致辞（一）") under a few lines that
    address no one: it opens the page's first sample, and what is above it (the collection's
    name, the site's lead-in) is the page's head, not a speech of its own."""
    return (
        from_chinese(number) == 1
        and len(above) <= SERIES_HEAD
        and not any(is_salutation(t) for _, t in above)
    )


#: A speaker's row under a speech's title, a field name ending in 人 and a name
#: ("发言人：某某某", "主讲人：某某").
SPEAKER_ROW = LazyPattern(r"^[^\s、：，。]{1,2}人：\s*[^\s，。！？：、]{2,12}$", needs="人")


def _titled_start(
    before: list[tuple[int, str]], text: str, following: list[tuple[int, str]]
) -> bool:
    """A page of several speeches without markers: after a speech that has ended (its last
    line closes a sentence; a sample's bare number may follow it), a line ending like a
    speech's title (…的讲话) right over a salutation line starts the next speech.  The unit's
    own title printed again (a page that prints the whole text twice, see ``drop_repeat``)
    starts nothing, and nor does a subtitle under a title wrapped over two lines ("…激情和" /
    "必胜的信心，迎评“三甲”" / "——某某在…上的发言"): a speech that ended holds a sentence.

    A speaker's row may stand between title and salutation ("发言人：某某", ``SPEAKER_ROW``: a
    school page of one leader's opening and closing remarks, pool mining-dev26); with it the
    title need not end in a genre word ("…比赛结束语"): title, speaker and address together
    open a speech."""
    speaker = (
        len(following) > 1
        and SPEAKER_ROW.search(following[0][1]) is not None
        and is_salutation(following[1][1])
    )
    return (  # the scan of every line before comes last: on every line it was quadratic
        bool(following)
        and (speaker or is_salutation(following[0][1]))
        and _title_like(text)
        and (speaker or bool(_OWN_TITLE.search(text)))
        and any(_FULL_STOP.search(t) for _, t in before)
        and _ENDS_SENTENCE.search(_last_text(before)) is not None
        and not _printed_again(before, text, following[int(speaker)][1])
    )


#: A speaker's turn in the record of a meeting, on a line of its own over what that person
#: said: "张某某同志讲话：", "王书记发言：", "康老讲话：" (a name or office, the kind of speech,
#: the colon that hands over; no sentence).
SPEAKER_TURN = LazyPattern(
    r"^[^\s，。！？：、；（）()]{2,12}(?:讲话|发言|致辞|致词)[：:]$", needs="讲发致"
)


#: The shortest line of text taken under a speaker's line.
TURN_TEXT = 20


def _next_turn(
    before: list[tuple[int, str]], text: str, following: list[tuple[int, str]]
) -> bool:
    """The record of a meeting at which several spoke in turn, each turn under its speaker's
    line ("康老讲话：" … "现在请张某某同志讲话。" / "张某某同志讲话：" / "首先，…"): a speaker's
    line starts the next speech when the unit already holds such a line with a turn under it
    that has ended (its last line closes a sentence), and text follows (a line of ``TURN_TEXT``
    characters or more holding a clause mark: a PDF's text layer cuts its lines short).  One
    speaker's line alone on a page hands over to the speech and divides nothing."""
    return (
        bool(following)
        and SPEAKER_TURN.match(text) is not None
        and len(following[0][1]) >= TURN_TEXT
        and _SENTENCE.search(following[0][1]) is not None
        and any(
            SPEAKER_TURN.match(t) is not None and k + 1 < len(before)
            for k, (_, t) in enumerate(before)
        )
        and _ENDS_SENTENCE.search(_last_text(before)) is not None
    )


def _printed_again(before: list[tuple[int, str]], text: str, salutation: str) -> bool:
    """The unit's title line printed again (the text printed twice, see ``drop_repeat``),
    unless it stood over another salutation the first time: then it is a caption the page
    prints over each of its samples (``_caption_at``)."""
    head = before[:REPEAT_HEAD]
    return any(t == text for _, t in head) and _caption_at(head, text, salutation) is None


def _caption_at(
    before: list[tuple[int, str]], text: str, salutation: str | None = None
) -> int | None:
    """Where in a unit's head ``text`` stands right over a salutation other than
    ``salutation`` (any salutation when it is None)."""
    head = before[:REPEAT_HEAD]
    for k, (_, t) in enumerate(head[:-1]):
        below = head[k + 1][1]
        if t == text and below != salutation and is_salutation(below):
            return k
    return None


def _last_text(lines: list[tuple[int, str]]) -> str:
    """The last line of a unit's text, past a sample's bare number ("2") below it."""
    if len(lines) > 1 and BARE_NUMBER.match(lines[-1][1]):
        return lines[-2][1]
    return lines[-1][1]
