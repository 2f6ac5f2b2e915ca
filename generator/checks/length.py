"""Length as offices count it, and how long the leader will speak.

字数 counts characters without punctuation or spaces, the way a 办公室 states the length of a
draft.  Speaking time divides the spoken part (salutation to sign-off, not the title block)
by a reading rate, per top-level point and in total, and is compared with the outline's
``duration`` target, because "讲15分钟" is the one length the meeting organiser fixes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from ..lazy_re import LazyPattern
from ..numerals import NUMBER, from_chinese
from .draft import SPOKEN_KINDS, Draft, Para
from .finding import INFO, WARNING, Finding, Place
from .rule import Options, Rule

_DURATION = LazyPattern(
    rf"^(?:(\d+(?:\.\d+)?|{NUMBER})\s*个?)?(半)?\s*"
    r"(分钟|分|min|minutes|小时|钟头|h|hours?|刻钟|刻)?$",
    re.IGNORECASE,
)
_HOURS = ("小时", "钟头", "h", "hour", "hours")
#: 一刻钟 is a quarter of an hour, as office staff say a short speech's length.
_QUARTERS = ("刻钟", "刻")
#: Characters (不含标点) past which a paragraph is noted as long: the 566 paragraphs of the
#: corpus's 30 speeches run 185 at the median, 1,211 at the 99th percentile and 1,726 at most.
#: A 3,700-character paragraph drew no word (a tester).
LONG_PARAGRAPH = 1800
#: Over the target by more than this share is a warning; under by more, a note.
_OVER, _UNDER = 0.10, 0.25


def count_chars(text: str) -> int:
    """字数: every character that is neither punctuation nor white space."""
    return sum(1 for ch in text if unicodedata.category(ch)[0] not in "PZC")


def unreadable_duration(value: object) -> str:
    """What a user is told of a duration `parse_minutes` cannot read."""
    return f"无法识别讲话时长“{value}”,请写成“15分钟”“半小时”或“一刻钟”"


def parse_minutes(value: str) -> float | None:
    """Minutes in "15分钟", "15", "半小时", "一个半小时", "1.5小时", "一刻钟"; None if
    unreadable."""
    match = _DURATION.match(value.strip())
    if not match or not (match[1] or match[2]) or (match[2] and not match[3]):
        return None
    number = match[1] or "0"
    amount = float(number) if number[0].isdigit() else float(from_chinese(number) or 0)
    amount += 0.5 if match[2] else 0.0
    if (match[3] or "").lower() in _HOURS:
        amount *= 60
    elif match[3] in _QUARTERS:
        amount *= 15
    return amount or None


class Part(NamedTuple):
    """A stretch of the speech timed on its own: the opening, a top-level point, the closing."""

    name: str
    chars: int
    paragraphs: int
    first: Para


class Stats(NamedTuple):
    chars: int
    paragraphs: int
    minutes: float
    rate: int
    parts: tuple[Part, ...]
    target: float | None

    def as_dict(self) -> dict[str, object]:
        return {
            "chars": self.chars,
            "paragraphs": self.paragraphs,
            "minutes": round(self.minutes, 1),
            "rate": self.rate,
            "target_minutes": self.target,
            "parts": [
                {"name": p.name, "chars": p.chars, "paragraphs": p.paragraphs,
                 "minutes": round(p.chars / self.rate, 1)}
                for p in self.parts
            ],
        }


def measure(draft: Draft, rate: int, target: float | None = None) -> Stats:
    """Counts for the whole draft and for each part a listener hears as one stretch."""
    groups: list[tuple[tuple[str, int], str, list[Para]]] = []
    point = 0
    for para in draft.paras:
        if para.kind not in SPOKEN_KINDS:
            continue
        if para.part == "closing":
            key, name = ("closing", 0), "结尾"
        elif para.part == "section":
            if para.kind in ("heading", "lead") and para.level == 1:
                point += 1
            key, name = ("section", point), para.head or para.text
        else:
            key, name = ("opening", 0), "开头"
        if groups and groups[-1][0] == key:
            groups[-1][2].append(para)
        else:
            groups.append((key, name, [para]))
    parts = tuple(
        Part(name, sum(count_chars(p.text) for p in group), len(group), group[0])
        for _, name, group in groups
    )
    chars = sum(p.chars for p in parts)
    return Stats(chars, len(draft.paras), chars / rate, rate, parts, target)


def target_minutes(draft: Draft, options: Options) -> float | None:
    """The duration target in minutes (--duration first, then the outline's field), None when
    there is none or it cannot be read."""
    value = options.duration or draft.duration
    return parse_minutes(str(value)) if value else None


def check(draft: Draft, options: Options) -> Iterator[Finding]:
    target = target_minutes(draft, options)
    stats = measure(draft, options.rate, target)
    whole = Place(section="全文")
    yield Finding(
        "length", INFO,
        f"全文{stats.chars}字(不含标点),{stats.paragraphs}段,"
        f"按每分钟{stats.rate}字计约需{stats.minutes:.1f}分钟",
        place=whole,
    )
    if len(stats.parts) > 1:
        for part in stats.parts:
            point = part.first.part == "section"
            yield Finding(
                "section-time", INFO,
                f"{'' if point else part.name + ':'}{part.chars}字,"
                f"约{part.chars / stats.rate:.1f}分钟",
                part.name if point else "", part.first.place(),
            )
    for para in draft.paras:
        if para.kind in ("body", "lead") and (chars := count_chars(para.text)) > LONG_PARAGRAPH:
            yield Finding(
                "long-paragraph", INFO,
                f"这一段有{chars}字,约{chars / stats.rate:.1f}分钟一口气念完;真实讲话稿的段落很少"
                f"超过{LONG_PARAGRAPH}字,可考虑分段", para.text[:20], para.place())
    wanted = options.duration or draft.duration
    if wanted and target is None:
        yield Finding(
            "duration", WARNING, unreadable_duration(wanted),
            str(wanted), whole,
        )
    elif target is not None and stats.minutes > target * (1 + _OVER):
        excess = round((stats.minutes - target) * stats.rate)
        yield Finding(
            "duration", WARNING,
            f"预计讲{stats.minutes:.1f}分钟,超过目标{target:g}分钟,约需压缩{excess}字",
            place=whole,
        )
    elif target is not None and stats.minutes < target * (1 - _UNDER):
        yield Finding(
            "duration", INFO,
            f"预计讲{stats.minutes:.1f}分钟,比目标{target:g}分钟短不少,可酌情充实",
            place=whole,
        )


RULE = Rule("length", ("length", "section-time", "duration", "long-paragraph"), check)
