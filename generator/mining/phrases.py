"""The phrase bank: stock phrases of the genre, found in mined speeches, by role and slot.

A template's optional glue (the announcement, "主要体现在以下几个方面：", the problems frame, the
response to earlier speakers, the sign-off) can be taken from here instead of the template's
own default, so a writer can pick the wording an office prefers.  A phrase is kept only when it
is pure convention: each slot's pattern cuts out the conventional frame, and a phrase is dropped
if it holds a placeholder or a silent deletion (CORPUS §a3), a digit, a quotation, a title in
《》 or a named body (市委, 全县, …同志) — those are facts of the source speech, and a template
must never carry one speech's facts into another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import yaml

from ..lexicon import COUNT_OBJECTS, COUNT_UNITS, alternation
from ..model import Speech
from ..numerals import COUNT
from .annotate import DELETIONS, PLACEHOLDERS
from .pipeline import MinedSpeech


@dataclass(frozen=True)
class Slot:
    """One place in a speech where convention supplies the words."""

    key: str
    label: str
    part: str  # opening, sections, closing, signoff
    pattern: re.Pattern[str]


SLOTS: tuple[Slot, ...] = (
    Slot("purpose", "会议任务引语", "opening",
         re.compile(r"(?:这次|今天的?)?会议的主要任务是")),
    Slot("earlier_response", "对前面讲话的回应", "opening",
         re.compile(r"(?<=，)(?:都?讲得(?:都|也)?很好|我完全(?:同意|赞同))(?=[，。！])")),
    Slot("announcement", "宣布讲几点", "opening",
         re.compile(rf"下面，?我(?:重点|简要)?(?:讲|谈|说){COUNT}{alternation(COUNT_UNITS)}"
                    rf"(?:的?{alternation(COUNT_OBJECTS)})?(?:，供大家参考)?[。：]")),
    Slot("review_intro", "成绩引语", "sections",
         re.compile(r"主要(?:体现|表现)在(?:以下|如下)?几个方面[：。]")),
    Slot("causes", "成绩原因引语", "sections",
         re.compile(r"这些成绩的取得，是")),
    Slot("problems_intro", "问题引语", "sections",
         re.compile(r"在(?:充分)?肯定成绩的同时，[^。：；]{0,40}?(?:看到|认识到)[^。：；]{0,30}?[：。]")),
    Slot("problems_close", "问题收束", "sections",
         re.compile(r"(?:对于)?这些问题，[^。]{4,40}?(?:解决|克服|改进)[^。]{0,10}?。")),
    Slot("tasks_intro", "任务引语", "sections",
         re.compile(r"(?:具体来讲|具体来说|具体讲)，[^。：]{0,30}?以下几个[^。：]{0,12}[：。]")),
    Slot("guarantee", "保障套话", "sections",
         re.compile(r"事业成败，关键在人。|加强领导是关键，建好队伍是保证|"
                    r"切实加强领导，明确工作职责，转变工作作风，狠抓工作落实。")),
    Slot("closing_appeal", "结尾号召", "closing",
         re.compile(r"(?<=，)(?:[\u4e00-\u9fff]{4}、){1,3}[\u4e00-\u9fff]{4}(?=[，。！])")),
    Slot("signoff", "结束语", "signoff",
         re.compile(r"^(?:我的讲话完了，)?谢谢(?:大家|各位)[！。]$|^最后，祝大家[^。！]{2,20}！")),
)


#: A phrase holding any of these carries a fact of its source speech, not convention.
_FACTS = re.compile(
    r"[0-9０-９%％]|[“”《》「」]"
    r"|(?:全|我|本)[省市县区乡镇村国]|[省市县区乡镇村](?:委|政府|人大|政协)|党中央|同志"
)


def _clean(text: str) -> bool:
    if _FACTS.search(text):
        return False
    if any(pattern.search(text) for _, pattern in PLACEHOLDERS):
        return False
    return not any(pattern.search(text) for pattern in DELETIONS) and not text.startswith("，")


def _parts(speech: Speech) -> dict[str, list[str]]:
    sections = [p for _, s in speech.walk() for p in s.paragraphs]
    return {"opening": speech.opening, "sections": sections, "closing": speech.closing,
            "signoff": speech.signoff}


#: Speeches whose genre is not a meeting speech lend no phrases (a notice, a UN address…),
#: nor a copy, nor a page read only loosely ("unsure": its opening and closing are guesses).
_FOREIGN_GENRES = (
    "genre_notice", "genre_report", "genre_foreign", "genre_personal", "genre_host", "duplicate",
    "unsure",
)


def find_phrases(mined: Iterable[MinedSpeech]) -> Iterator[tuple[Slot, str, MinedSpeech]]:
    """Every clean slot phrase, in corpus order (file, speech, paragraph, position)."""
    for item in mined:
        if any(flag.code in _FOREIGN_GENRES for flag in item.speech.flags):
            continue
        parts = _parts(item.speech)
        for slot in SLOTS:
            for paragraph in parts[slot.part]:
                for match in slot.pattern.finditer(paragraph):
                    if _clean(match[0]):
                        yield slot, match[0], item


def build_bank(mined: Iterable[MinedSpeech]) -> dict[str, dict]:
    """slot → {label, phrases: [{text, source: {file, speech, title}, count}]}, first seen first."""
    bank: dict[str, dict] = {s.key: {"label": s.label, "phrases": []} for s in SLOTS}
    seen: dict[tuple[str, str], dict] = {}
    for slot, text, item in find_phrases(mined):
        entry = seen.get((slot.key, text))
        if entry is not None:
            entry["count"] += 1
            continue
        source = item.speech.source or {}
        entry = {"text": text, "source": {"file": source.get("file", ""), "speech": item.id,
                                          "title": item.speech.title}, "count": 1}
        seen[(slot.key, text)] = entry
        bank[slot.key]["phrases"].append(entry)
    return {key: value for key, value in bank.items() if value["phrases"]}


_HEADER = """\
# 套话库:由 speechgen phrases 从语料中提取,请勿手改(重新运行命令即可更新)。
# 每个位置(slot)下的套话按在语料中首次出现的顺序排列,带出处(文件、篇号、标题)和出现次数。
# 模板中“套话版本”(variant)写 N,即选用各位置的第 N 条;不写则用模板自带的说法。
"""


def dump_bank(bank: dict[str, dict]) -> str:
    return _HEADER + yaml.safe_dump(bank, allow_unicode=True, sort_keys=False, width=10**6)
