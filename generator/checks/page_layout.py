"""The Word layout against a profile (generator.layout): paper, margins, fonts and sizes.

Drafts travel between offices as .docx, and the usual slip is a document that never got the
official format: Letter paper, Word's margins, Calibri and 宋体 at 11 pt.  Formatting is read
after style inheritance (``docx_styles``), so a paragraph that inherits 仿宋 from its style
passes and one that only looks right in one viewer does not.  Findings are grouped by what is
wrong, so a default document gives a handful of lines, not one per paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..lazy_re import LazyPattern
from .draft import Draft, Para, RunFacts
from .finding import ERROR, Finding, Place
from .rule import Options, Rule

if TYPE_CHECKING:
    from ..layout import Layout, TextStyle

_PAPERS = {(210, 297): "A4", (215.9, 279.4): "Letter", (297, 420): "A3", (176, 250): "B5",
           (182, 257): "B5(JIS)", (215.9, 355.6): "Legal"}
_MM_TOLERANCE = 0.6
_PT_TOLERANCE = 0.26
_KIND_NAMES = {
    "title": "标题", "subtitle": "副标题", "speaker": "讲话人", "date": "日期",
    "salutation": "称呼", "body": "正文", "signoff": "结束语",
}
_LEVEL_NAMES = ("一级标题", "二级标题", "三级标题", "四级标题")
_CJK = LazyPattern(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]")
_LATIN = LazyPattern(r"[A-Za-z0-9]")
_MARGINS = (("top", "上"), ("bottom", "下"), ("left", "左"), ("right", "右"))


def _paper_name(width: float, height: float) -> str:
    for (w, h), name in _PAPERS.items():
        if abs(w - width) < _MM_TOLERANCE and abs(h - height) < _MM_TOLERANCE:
            return f"{name}({width:g}×{height:g}毫米)"
    return f"{width:g}×{height:g}毫米"


def _pages(draft: Draft, layout: Layout) -> Iterator[Finding]:
    paper, margins = layout.paper, layout.margins
    for number, page in enumerate(draft.pages, 1):
        where = Place(section=f"第{number}节" if len(draft.pages) > 1 else "页面设置")
        if page.width is None or page.height is None:
            yield Finding("page-size", ERROR, "没有设置纸张大小,应为 "
                          + _paper_name(paper.width, paper.height), place=where)
        elif (abs(page.width - paper.width) > _MM_TOLERANCE
              or abs(page.height - paper.height) > _MM_TOLERANCE):
            actual = _paper_name(page.width, page.height)
            yield Finding(
                "page-size", ERROR,
                f"纸张为{actual},应为{_paper_name(paper.width, paper.height)}",
                actual, where,
            )
        wrong = []
        for key, name in _MARGINS:
            actual, expected = getattr(page, key), getattr(margins, key)
            if actual is None or abs(actual - expected) > _MM_TOLERANCE:
                shown = "未设置" if actual is None else f"{actual:g}"
                wrong.append(f"{name} {shown}(应为 {expected:g})")
        if wrong:
            yield Finding(
                "page-margin", ERROR, "页边距不符(毫米):" + ",".join(wrong), place=where
            )


def _kind_name(para: Para) -> str:
    if para.kind in ("heading", "lead"):
        return _LEVEL_NAMES[min(max(para.level, 1), 4) - 1]
    return _KIND_NAMES.get(para.kind, "正文")


def _same_font(actual: str | None, expected: str) -> bool:
    """Font names compare without case and spaces: "Times New Roman" = "TimesNewRoman"."""
    def key(name: str) -> str:
        return name.replace(" ", "").lower()

    return actual is not None and key(actual) == key(expected)


def _problems(run: RunFacts, style: TextStyle) -> list[tuple[str, str, str]]:
    """(id, property name, actual) for each way ``run`` differs from ``style``."""
    out = []
    if _CJK.search(run.text) and not _same_font(run.east_asia, style.font):
        out.append(("font-east-asian", "中文字体", run.east_asia or "未指定"))
    if _LATIN.search(run.text) and not _same_font(run.latin, style.latin):
        out.append(("font-latin", "西文字体", run.latin or "未指定"))
    if run.size is None or abs(run.size - style.size) > _PT_TOLERANCE:
        out.append(("font-size", "字号", f"{run.size:g}磅" if run.size else "未指定"))
    return out


def _fonts(draft: Draft, layout: Layout) -> Iterator[Finding]:
    """One finding per (what, kind of paragraph, actual value), at its first occurrence."""
    groups: dict[tuple[str, str, str], list[tuple[Para, RunFacts, str, str]]] = {}
    for para in draft.paras:
        kinds = [(_kind_name(para), layout.style(para.kind, para.level))]
        if para.kind == "lead":  # the heading run takes its level's font, the rest the body's
            kinds.append((_KIND_NAMES["body"], layout.style("body")))
        for run in para.runs:
            # Judge a run of a lead paragraph by whichever part it resembles more.
            problems, (kind, style) = min(
                ((_problems(run, style), (kind, style)) for kind, style in kinds),
                key=lambda pair: len(pair[0]),
            )
            for rule_id, prop, actual in problems:
                groups.setdefault((rule_id, kind, actual), []).append(
                    (para, run, prop, _expected(style, rule_id)))
    for (rule_id, kind, actual), hits in groups.items():
        para, run, prop, expected = hits[0]
        paragraphs = len({p.index for p, *_ in hits})
        count = f"(共{paragraphs}段)" if paragraphs > 1 else ""
        yield Finding(
            rule_id, ERROR, f"{kind}的{prop}为“{actual}”,应为“{expected}”{count}",
            run.text.strip()[:20], para.place(),
        )


def _expected(style: TextStyle, rule_id: str) -> str:
    if rule_id == "font-east-asian":
        return style.font
    if rule_id == "font-latin":
        return style.latin
    return f"{style.size:g}磅"


def check(draft: Draft, options: Options) -> Iterator[Finding]:
    """Only Word files have a layout to check; outlines and text get theirs from the writer."""
    if options.layout is None or draft.source != "docx":
        return
    yield from _pages(draft, options.layout)
    yield from _fonts(draft, options.layout)


RULE = Rule(
    "layout", ("page-size", "page-margin", "font-east-asian", "font-latin", "font-size"),
    check, content=False,
)
