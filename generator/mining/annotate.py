"""Flags a reader of a mined speech needs: roles, counts, truncation, placeholders, genre.

Everything here annotates; nothing drops or rewrites text.  Rules are tables of patterns so a
new placeholder convention or genre cue is one more line.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .. import lexicon
from ..lazy_re import LazyPattern
from ..model import Flag, Speech
from .headings.tree import Note
from .paragraphs import is_data_row
from .parse import MISSING_TITLE

#: (role, cue words, where they count: "early" = first half of the sections, "late" = second
#: half, "any"); the first rule that matches a heading decides.
ROLE_CUES: list[tuple[str, str, str]] = [
    ("review", "回顾 成绩 基本情况 成效 一年来 去年 过去 工作情况 取得 做出了 作出了", "early"),
    ("situation", "形势 认识 意义 紧迫感 责任感 理解 认清 机遇 挑战 重要性 必要性 教训 通报",
     "early"),
    ("guarantee", "加强领导 组织领导 组织管理 队伍 作风 保障 纪律 自身建设 素质 责任 保证",
     "late"),
    ("tasks", "任务 重点 做好 抓好 推进 要求 工作 措施 着力 开展 提高 加强 坚持 要", "any"),
]
ROLE_RULES = [(role, re.compile("|".join(cues.split())), where) for role, cues, where in ROLE_CUES]

#: Placeholder tokens left by anonymisation (CORPUS a3), as (name, pattern); a text without
#: the characters a placeholder needs is not searched for it (most speeches hold no ×, no ○).
PLACEHOLDERS: list[tuple[str, LazyPattern]] = [
    (name, LazyPattern(pattern, needs=needs)) for name, pattern, _, needs in lexicon.PLACEHOLDERS
]

#: Words a site's filter cut out without a trace (CORPUS a3): the phrase reads broken.
DELETIONS: list[re.Pattern[str]] = [
    re.compile(r"[在就于关]年(?![初中底终度鉴轻来代纪])"),
    re.compile(r"去年月"),
    re.compile(r"、个(?![人别体性])"),
    re.compile(r"为的党中央"),
    re.compile(r"、、"),
    re.compile(r"“·”"),
    re.compile(r"（-*\d*-）"),
    re.compile(r"党的[和、]十"),
]

#: Genre cues, each searched once over the speech's lines joined (``^`` and ``$`` mark a line's
#: start and end; no cue spans two lines).  A cue that may start at a line's start is tried at
#: every position of the speech (1.4–3.7 ms each over the corpus's 30 speeches), so the words
#: every match of it holds are searched for first, as its gate (0.1–0.75 ms).
GENRES: list[tuple[str, str, LazyPattern]] = [
    ("notice", "通知", LazyPattern(r"通知如下|^各党支部：|特此通知", re.M, gate="通知|各党支部")),
    ("report", "汇报", LazyPattern(r"我办|特此报告|汇报如下")),
    ("foreign", "外国讲话", LazyPattern(r"主席先生|阁下|女士们、先生们")),
    # "我当选为…" is a reflection; "我们新一届班子当选以来" and "发表感言" in a speech are not.
    (
        "personal",
        "个人感言",
        LazyPattern(r"(?:^|[，。！？])(我(?!们)|本人)[^，。！？\n]{0,12}(当选|连任)|感言$", re.M,
                    gate="当选|连任|感言"),
    ),
    ("host", "主持词", LazyPattern(r"主持词$|^主持人：", re.M, gate="主持")),
]

ANNOUNCE = re.compile(lexicon.announcement())
SENTENCE_ENDS = ("。", "！", "？", "”", "…")


def role_of(heading: str, first: str, index: int, count: int) -> str:
    """The rhetorical role of a top-level section from its heading (or first paragraph).

    Cue words decide, limited by position: a review or situation comes early in a speech, a
    guarantee late (CORPUS §b4: R → S → T → G).
    """
    late = count > 1 and index >= count / 2
    for text in (heading, first[:60]):
        if not text:
            continue
        for role, pattern, where in ROLE_RULES:
            if (where == "early" and late) or (where == "late" and not late):
                continue
            if pattern.search(text):
                return role
    return "tasks" if heading else "other"  # most points of a speech are tasks (CORPUS §b4)


def announced(opening: list[str]) -> int | None:
    """The number of points the opening announces (下面,我讲三点意见), None if not a number."""
    for paragraph in reversed(opening):
        matches = list(ANNOUNCE.finditer(paragraph))
        if matches:
            return lexicon.announced_number(matches[-1]["count"])
    return None


def body_text(speech: Speech) -> str:
    """Everything a listener hears after the salutation, for counting and pattern flags."""
    parts = list(speech.opening)
    for _, section in speech.walk():
        parts.append(section.heading)
        parts.extend(section.paragraphs)
    return "\n".join(parts + speech.closing + speech.signoff)


def annotate(speech: Speech, notes: list[Note], cut: bool) -> None:
    """Set section roles and add flags to the speech."""
    flags = speech.flags
    top = speech.sections
    for i, section in enumerate(top):
        first = section.paragraphs[0] if section.paragraphs else ""
        section.role = role_of(section.heading, first, i, len(top))
    flags.extend(Flag(n.code, n.message) for n in notes)
    if speech.title == MISSING_TITLE:
        flags.append(Flag("no_title", f"原文没有标题,暂用“{MISSING_TITLE}”,请补上"))
    text = body_text(speech)
    number = announced(speech.opening)
    truncated = []
    if number is not None and number != len(top):
        flags.append(Flag("count_mismatch", f"开头说讲 {number} 点,实际有 {len(top)} 个一级标题"))
        if number > len(top):
            truncated.append("宣布的条数多于实际条数")
    last = text.rstrip()[-1:] if text.strip() else ""
    if last and last not in "".join(SENTENCE_ENDS):
        truncated.append("正文没有以句末标点结束")
    if cut:
        truncated.append("正文后紧跟分页链接")
    genre = _genre(speech, text)
    if genre:
        flags.append(Flag(f"genre_{genre[0]}", f"体裁可能是{genre[1]},不是会议讲话"))
    if not speech.closing and not speech.signoff and not genre:
        truncated.append("没有结束语")
    if truncated:
        flags.append(Flag("truncated", "可能不完整:" + ";".join(truncated)))
    counts = {name: len(p.findall(text)) for name, p in PLACEHOLDERS}
    if counts["空格"] and (_wrap_spaces(text) or not _spaces_outside_tables(text)):
        counts["空格"] = 0
    found = {k: v for k, v in counts.items() if v}
    if found:
        listing = "、".join(f"{k}×{v}" for k, v in found.items())
        flags.append(Flag("placeholder", f"含占位符:{listing}"))
    deletions = sorted({m.group() for p in DELETIONS for m in p.finditer(text)})
    if deletions or text.startswith("，"):
        listing = "、".join(deletions) or "开头缺字"
        flags.append(Flag("deletion", f"疑似被网站过滤删字:{listing}"))


#: Spaces a PDF's or a narrow column's line wraps left inside the text fall at about the same
#: distance from each other; a blanked-out word falls anywhere.  Distances within this many
#: characters of the commonest one count as the same line width.
WRAP_SLACK = 3
MIN_WRAP_SPACES = 3


def _wrap_spaces(text: str) -> bool:
    """True when the spaces between Chinese characters are line-wrap leftovers: at least
    ``MIN_WRAP_SPACES`` of them, and most at one line width from the one before."""
    spaces = [m.start() for m in dict(PLACEHOLDERS)["空格"].finditer(text)]
    if len(spaces) < MIN_WRAP_SPACES:
        return False
    gaps = [b - a for a, b in pairwise(spaces)]
    width = sorted(gaps)[len(gaps) // 2]
    regular = sum(abs(g - width) <= WRAP_SLACK or g % width <= WRAP_SLACK for g in gaps)
    return width >= 12 and regular * 2 >= len(gaps)


def _spaces_outside_tables(text: str) -> bool:
    """Whether a space between Chinese characters falls outside a table's rows, whose cells
    are spaced so: every Word document with a table was flagged "含占位符:空格×1" (a tester)."""
    blank = dict(PLACEHOLDERS)["空格"]
    # a table of two columns too ("粮食产量 23万吨", a tester): a line of short cells and no
    # clause mark is no sentence with a word blanked out
    return any(blank.search(line) for line in text.split("\n")
               if not is_data_row(line, min_cells=2))


def _genre(speech: Speech, text: str) -> tuple[str, str] | None:
    """(code, Chinese name) when the text is not a meeting speech."""
    lines = "\n".join([speech.title, speech.salutation or "", text])
    for code, name, pattern in GENRES:
        if pattern.search(lines):
            return code, name
    return None
