"""The genre's frame: 同志们：, points with something under them, and a closing appeal.

A missing salutation or appeal is what a leader notices first when reading a draft aloud;
an empty point, a bare "二、" or a doubled "一、一、" (a numbered heading pasted into an
outline, which numbers it again) is a gap left while restructuring.  A Word heading style with
no typed number is a point all the same (`word_headings`), but the printed page shows no
"一、": the writer is told, with the number it should have.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..lazy_re import LazyPattern
from ..lexicon import WISH_STARTS
from .draft import Draft, Para
from .finding import ERROR, WARNING, Finding
from .markers import marker_at
from .rule import Options, Rule

_EXCERPT = 20
_PUNCT = LazyPattern(r"[\s。！？!?：:；;，,、.．]+")


def _start(text: str) -> str:
    return text[:_EXCERPT]


def _heading_words(para: Para) -> str:
    """The heading without its marker and punctuation: empty means a bare marker."""
    text = para.head or para.text
    marker = marker_at(text)
    if marker:
        text = text[len(marker.text):]
    return _PUNCT.sub("", text)


#: A sub-point ending as a sentence does is a statement, whatever its length.
_ENDS = ("。", "！", "？")
#: A sub-point heading this long is a statement that stands alone (CORPUS §c3: "第一，…。"
#: lines), not a heading waiting for its paragraphs.
_STATEMENT = 30


def _is_empty(paras: list[Para], i: int) -> bool:
    """Nothing before the next point of the same or a higher level, the closing or the end."""
    level = paras[i].level
    text = (paras[i].head or paras[i].text).rstrip()
    if level >= 2 and (len(_heading_words(paras[i])) > _STATEMENT or text.endswith(_ENDS)):
        return False  # a numbered statement ("1.全年…增长5.8%。") has nothing under it
    for para in paras[i + 1:]:
        if para.part == "closing" or (para.kind in ("heading", "lead") and para.level <= level):
            return True
        if para.kind in ("body", "lead", "heading"):
            return False
    return True


def check(draft: Draft, options: Options) -> Iterator[Finding]:
    paras = draft.paras
    spoken = [p for p in paras if p.part != "front"]
    if not paras:
        return
    if not any(p.kind == "salutation" for p in paras):
        first = spoken[0] if spoken else paras[0]
        yield Finding(
            "no-salutation", WARNING, "没有称呼语(如“同志们：”),请在正文前补上",
            _start(first.text), first.place(),
        )
    closes = [p for p in paras if p.part == "closing"]
    if spoken and not any(p.kind == "body" or p.text.startswith(WISH_STARTS) for p in closes):
        last = spoken[-1]
        yield Finding(
            "no-closing", WARNING,
            "没有结尾号召(如“同志们，让我们……而努力奋斗！”),讲话显得戛然而止",
            last.text[-_EXCERPT:], last.place(max(0, len(last.text) - _EXCERPT)),
        )
    for i, para in enumerate(paras):
        if para.kind not in ("heading", "lead"):
            continue
        if not _heading_words(para):
            yield Finding(
                "empty-heading", ERROR, "这个标题只有序号,没有文字", para.head or para.text,
                para.place(),
            )
        marker = marker_at(para.text)
        again = marker and marker_at(para.text[len(marker.text):])
        if marker and again:
            yield Finding(
                "doubled-marker", ERROR,
                "序号重复:小标题里又写了一遍序号(提纲的小标题不写序号,由程序编号)",
                para.text[: len(marker.text) + len(again.text)], para.place(),
            )
        if para.implied:
            yield Finding(
                "unnumbered-heading", WARNING,
                f"这是用 Word 标题样式分出的第{para.level}级标题,但没有写出序号,打印出来看不到;"
                f"请在前面写上“{para.marker}”", para.text, para.place(),
            )
        if para.kind == "heading" and _is_empty(paras, i):
            yield Finding(
                "empty-section", ERROR, "这一部分只有标题,下面没有内容", para.text, para.place(),
            )


RULE = Rule(
    "structure",
    ("no-salutation", "no-closing", "empty-heading", "doubled-marker", "unnumbered-heading",
     "empty-section"),
    check,
)
