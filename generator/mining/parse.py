"""One unit's lines → a Speech: title block, opening, sections, closing, sign-off.

The pre-body lines come in a fixed order (CORPUS e1.5): own title (possibly wrapped over two
lines), subtitle, byline, date, salutation lines, greeting.  The closing is found from the end:
sign-off lines (谢谢大家!), then paragraphs that open or end like an appeal.  What lies between
is handed to the heading tree builder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import (
    ADDRESS_WORDS,
    APPEAL_ENDS,
    APPEAL_STARTS,
    SIGNOFF_WORDS,
    SUMMING_UP,
    TITLE_END,
    TITLE_ENDINGS,
    alternation,
)
from ..model import Speech
from ..numerals import NUMERAL_CHARS
from .address import is_salutation
from .boilerplate import COUNT_HINT, META_TAIL
from .headings.detect import starts_with_marker
from .headings.tree import Note, build_outline
from .paragraphs import join_wrapped, unflatten
from .split import SUB_SPEECH, Unit

#: A speech needs a title to be rendered; a page without one gets this visible gap.
MISSING_TITLE = "（标题待补）"
#: A site category caption ("领导讲话", "讲话稿范文"): short and naming no occasion.
CATEGORY = re.compile(
    rf"^[^在的上会，。！？：]{{0,8}}{TITLE_END}(范文|大全|精选)?$"
)
#: Aggregator decorations on titles: year prefix, count hints, 范文, site suffix 篇N.
TITLE_NOISE = [
    # An HTML page title's trail: "在…的讲话_领导讲话_某某网", "在…的讲话 - 某某网".
    re.compile(r"(\s*(_|｜|\||\s[-－]\s)[^_｜|。！？]{1,20})+$"),
    META_TAIL,
    # Buttons after the title: "在…的讲话 [复制链接]", "在…的讲话 收藏 打印".
    re.compile(r"((\s+|[\[【])(复制链接|复制全文|复制|打印|收藏|分享|下载)[\]】]?)+$"),
    re.compile(r"^(19|20)\d{2}年(?=在|关于|全)"),
    COUNT_HINT,
    re.compile(rf"[（\[【][{NUMERAL_CHARS}\d]+篇(?:模版|材料|范文|通用)?[）\]】]$"),
    re.compile(r"(范文|范本|模板|精选)$"),
    re.compile(rf"篇([{NUMERAL_CHARS}]+|\d+)$"),
    re.compile(r"[：:]$"),
]
BYLINE = re.compile(
    r"^\S*(部长|书记|主任|市长|县长|区长|局长|主席|秘书长|厅长|镇长|乡长|校长|院长|委员|理事长|处长)"
    r"\s+\S{2,4}$"
)
_CN_DIGITS = f"\\d〇零{NUMERAL_CHARS}"
DATE = re.compile(rf"^（?[{_CN_DIGITS}]{{4}}年[{_CN_DIGITS}]{{1,3}}月[{_CN_DIGITS}]{{1,3}}日）?$")
#: A salutation run into the first paragraph ("同志们：这次会议…"): the address, up to its colon.
LEADING_SALUTATION = re.compile(
    rf"^([^。！？：]{{0,16}}?{alternation(ADDRESS_WORDS)}：)"
    r"(?=\S)"
)
#: A greeting after a fused salutation: "同志们：大家上午好！今天…".
LEADING_GREETING = re.compile(r"^((大家|你们|各位)(上午|下午|晚上)?好|(上午|下午|晚上)好)！")
#: A salutation broken over two lines ("各位领导、各位" / "同志："): a first piece this short,
#: joined with the next line, may form one.
SALUTATION_PIECE = 12
BROKEN_PIECE = re.compile(r"^(尊敬的|亲爱的|各位)|(、|，|和|及|各位|尊敬的|亲爱的)$")
#: "主题句——在…会议上的讲话": a theme title with the occasion as subtitle.
SUBTITLE = re.compile(rf"^([^。！？；]{{4,40}}?)\s*(——.{{4,50}}?{TITLE_END})$")
GREETING = re.compile(r"^(大家|你们|各位)?(上午|下午|晚上)?好[！]$")

SIGNOFF = re.compile(alternation(SIGNOFF_WORDS))
CLOSING_STARTS = re.compile(
    rf"^({alternation(APPEAL_STARTS + SUMMING_UP)}|此时此刻|现在，从|诸位阁下|朋友们|最后，祝|"
    r"各位代表|(关于.{0,20})?我就讲(这些|这么多|到这里))"
)
CLOSING_ENDS = re.compile(rf"({alternation(APPEAL_ENDS)}|迎接.{{2,30}})[！。]$")


@dataclass
class Parsed:
    """A speech and what the parser noticed on the way."""

    speech: Speech
    notes: list[Note] = field(default_factory=list)
    body: list[str] = field(default_factory=list)


def clean_title(text: str) -> str:
    """A title without the aggregator's decorations."""
    for pattern in TITLE_NOISE:
        text = pattern.sub("", text).strip()
    return text.replace("、 ", "、")


def _is_title(text: str) -> bool:
    """A short unpunctuated line ending like a speech title (…讲话, …致辞), annotations aside."""
    return (
        len(text) <= 50
        and not text.startswith("——")
        and not re.search(r"[。！？；]", text)
        and not starts_with_marker(text)
        and re.sub(r"（[^（）]{1,8}）$", "", clean_title(text)).endswith(TITLE_ENDINGS)
    )


def _is_theme(text: str) -> bool:
    """A short line without sentence punctuation that is neither a marker nor an address."""
    return (
        len(text) <= 40 and not re.search(r"[。！？；，：]", text) and not starts_with_marker(text)
    )


def _pre_body(speech: Speech, lines: list[str], fallback_title: str) -> tuple[int, str]:
    """Fill title, subtitle, speaker, date and salutation; return the first body line and the
    text that followed a salutation on its own line (the start of the first paragraph)."""
    i = 0
    title = ""
    sub = SUB_SPEECH.match(lines[0]) if lines else None
    if sub:
        title, i = sub.group(1), 1
    while i + 1 < len(lines) and CATEGORY.match(lines[i]) and _is_title(lines[i + 1]):
        i += 1  # "领导讲话" over "在…会议上的讲话": the site's category, then the title
    theme = SUBTITLE.match(lines[i]) if i < len(lines) else None
    if theme:  # 主题句——在…会议上的讲话 on one line
        title, speech.subtitle, i = theme.group(1), theme.group(2), i + 1
    elif i < len(lines) and _is_title(lines[i]):
        title, i = lines[i], i + 1
    elif i + 1 < len(lines) and _is_theme(lines[i]) and lines[i + 1].startswith("——"):
        title, i = lines[i], i + 1  # a theme line, the ——在…的讲话 line follows
    elif i + 1 < len(lines) and len(lines[i]) <= 40 and _is_title(lines[i] + lines[i + 1]):
        title, i = lines[i] + lines[i + 1], i + 2
    elif i + 1 < len(lines) and _heads_salutation(lines[i], lines[i + 1]):
        title, i = lines[i], i + 1  # whatever it is called, the line over 同志们： is the title
    while title and i < len(lines) and clean_title(lines[i]) == clean_title(title):
        i += 1  # the page repeats its title above the speech
    if title and i < len(lines) and lines[i].startswith(title):
        after = lines[i][len(title) :].lstrip()
        if LEADING_SALUTATION.match(after):  # "在…的讲话同志们：…": a flattened page's head
            lines[i] = after
    speech.title = clean_title(title or fallback_title) or MISSING_TITLE
    salutation: list[str] = []
    rest = ""
    while i < len(lines):
        text = lines[i]
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if not salutation and text.startswith("——") and len(text) <= 60:
            speech.subtitle = text
        elif not salutation and BYLINE.match(text):
            speech.speaker = text
        elif not salutation and DATE.match(text):
            speech.date = text.strip("（）")
        elif is_salutation(text) or (
            salutation and GREETING.match(text)
        ):
            salutation.append(text)
        elif following and _broken_salutation(text, following):
            joined = LEADING_SALUTATION.match(text + following)
            head = joined.group(1) if joined else text + following
            salutation.append(head)
            rest = (text + following)[len(head) :]
            i += 2
            break
        elif not salutation and (fused := LEADING_SALUTATION.match(text)):
            salutation.append(fused.group(1))
            rest = text[fused.end() :]
            i += 1
            break
        else:
            break
        i += 1
    if rest and (greeting := LEADING_GREETING.match(rest)):
        salutation.append(greeting.group())  # 同志们：大家上午好！今天…
        rest = rest[greeting.end() :]
    speech.salutation = "\n".join(salutation) or None
    return i, rest


#: Longest line taken as a title only because the salutation follows it.
TITLE_CHARS = 40


def _heads_salutation(text: str, following: str) -> bool:
    """A short line with no sentence in it, directly above the salutation, and neither a
    byline nor a date: the speech's title even when it does not end in 讲话."""
    return (
        len(text) <= TITLE_CHARS
        and not re.search(r"[。！？；]", text)
        and not text.endswith(("，", "："))
        and not is_salutation(text)
        and not BYLINE.match(text)
        and not DATE.match(text)
        and (is_salutation(following) or bool(LEADING_SALUTATION.match(following)))
    )


def _broken_salutation(text: str, following: str) -> bool:
    """A short unpunctuated piece that forms a salutation only with the next line."""
    if len(text) > SALUTATION_PIECE or re.search(r"[。！？：]", text):
        return False
    if not BROKEN_PIECE.search(text):
        return False  # "市委副书记" over "同志们：" is a byline, not half an address
    joined = text + following
    if is_salutation(joined):
        return True
    fused = LEADING_SALUTATION.match(joined)
    return bool(fused) and len(fused.group(1)) > len(text)


def _closing(paragraphs: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(body, closing, sign-off) from the end of the paragraphs."""
    end = len(paragraphs)
    while end > 1 and len(paragraphs[end - 1]) <= 40 and SIGNOFF.search(paragraphs[end - 1]):
        end -= 1
    signoff = paragraphs[end:]
    start, gap = end, 0
    for k in range(end - 1, 0, -1):
        text = paragraphs[k]
        if starts_with_marker(text):
            break
        if CLOSING_STARTS.match(text) or CLOSING_ENDS.search(text):
            start, gap = k, 0
        elif gap or (start == end and not signoff):
            break  # one plain paragraph may sit inside an appeal or before the thanks, no more
        else:
            gap = 1
    closing = paragraphs[start:end]
    body = paragraphs[:start]
    if not closing and body:
        last = body[-1]
        cut = max(last.rfind("。同志们，"), last.rfind("。让我们"))
        if cut > 0:
            body[-1], closing = last[: cut + 1], [last[cut + 1 :]]
    return body, closing, signoff


def parse_unit(unit: Unit) -> Parsed:
    """The speech in a unit, with the body paragraphs as the page gave them."""
    speech = Speech()
    numbered_lines = unflatten(unit.lines)
    lines = [text for _, text in numbered_lines]
    first, rest = _pre_body(speech, lines, unit.marker_title or unit.page_title)
    body_lines = numbered_lines[first:]
    if rest:
        body_lines.insert(0, (numbered_lines[first - 1][0], rest))
    paragraphs = [text for _, text in join_wrapped(body_lines)]
    body, closing, signoff = _closing(paragraphs)
    outline = build_outline(body)
    speech.opening = outline.opening
    speech.sections = outline.sections
    speech.closing = closing
    speech.signoff = signoff
    return Parsed(speech, outline.notes, paragraphs)
