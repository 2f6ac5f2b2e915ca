"""The Word layout against a profile (generator.layout): paper, margins, fonts, sizes, bold,
alignment, first-line indent, line spacing, and the East Asian hint of runs.

Drafts travel between offices as .docx, and the usual slip is a document that never got the
official format: Letter paper, Word's margins, Calibri and 宋体 at 11 pt.  Formatting is read
after style inheritance (``docx_styles``), so a paragraph that inherits 仿宋 from its style
passes and one that only looks right in one viewer does not.  Findings are grouped by what is
wrong, so a default document gives a handful of lines, not one per paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..fonts import fallback_font, lacks
from ..lazy_re import LazyPattern
from .draft import KIND_NAMES, Draft, Para, RunFacts
from .finding import ERROR, WARNING, Finding, Place
from .rule import Options, Rule

if TYPE_CHECKING:
    from ..fonts import Fallback
    from ..layout import Layout, TextStyle

_PAPERS = {(210, 297): "A4", (215.9, 279.4): "Letter", (297, 420): "A3", (176, 250): "B5",
           (182, 257): "B5(JIS)", (215.9, 355.6): "Legal"}
_MM_TOLERANCE = 0.6
_PT_TOLERANCE = 0.26
_LEVEL_NAMES = ("一级标题", "二级标题", "三级标题", "四级标题")
_CJK = LazyPattern(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]")
_LATIN = LazyPattern(r"[A-Za-z0-9]")
_MARGINS = (("top", "上"), ("bottom", "下"), ("left", "左"), ("right", "右"))
#: Characters Chinese and Latin text share: without w:hint="eastAsia" Word draws them in the
#: run's Latin font (ECMA-376 Part 1, §17.3.2.26 rFonts, attribute hint), so “ ” — … come
#: out in Times New Roman, narrow and off the grid.
SHARED_MARKS = LazyPattern("[“”‘’—…·]")
_ALIGN_NAMES = {"left": "左对齐", "center": "居中", "right": "右对齐", "justify": "两端对齐"}
_INDENT_TOLERANCE = 0.1  # characters


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
    return KIND_NAMES.get(para.kind, "正文")


def _same_font(actual: str | None, expected: str) -> bool:
    """Font names compare without case and spaces: "Times New Roman" = "TimesNewRoman"."""
    def key(name: str) -> str:
        return name.replace(" ", "").lower()

    return actual is not None and key(actual) == key(expected)


def _rare_fallback(run: RunFacts, style: TextStyle, fallback: Fallback) -> bool:
    """Whether the run holds only characters the style's font lacks, each set in the font the
    writer falls back to (``generator.fonts``): 喆 in 仿宋 inside 仿宋_GB2312 text is right."""
    chars = [char for char in run.text if not char.isspace()]
    return bool(chars) and all(
        lacks(style.font, char) and _same_font(run.east_asia,
                                               fallback_font(style.font, char, fallback))
        for char in chars)


def _problems(run: RunFacts, style: TextStyle,
              fallback: Fallback) -> list[tuple[str, str, str]]:
    """(id, property name, actual) for each way ``run`` differs from ``style``."""
    out = []
    if (_CJK.search(run.text) and not _same_font(run.east_asia, style.font)
            and not _rare_fallback(run, style, fallback)):
        out.append(("font-east-asian", "中文字体", run.east_asia or "未指定"))
    if _LATIN.search(run.text) and not _same_font(run.latin, style.latin):
        out.append(("font-latin", "西文字体", run.latin or "未指定"))
    if run.size is None or abs(run.size - style.size) > _PT_TOLERANCE:
        out.append(("font-size", "字号", f"{run.size:g}磅" if run.size else "未指定"))
    if run.bold != style.bold:
        out.append(("font-bold", "加粗", "加粗" if run.bold else "不加粗"))
    shared = SHARED_MARKS.search(run.text)
    if shared and not run.hinted and not _same_font(run.latin, style.font):
        out.append(("font-hint", f"标点“{shared[0]}”的字体",
                    f"{run.latin or '西文字体'}(缺少 w:hint=\"eastAsia\")"))
    return out


def _fonts(draft: Draft, layout: Layout) -> Iterator[Finding]:
    """One finding per (what, kind of paragraph, actual value), at its first occurrence."""
    groups: dict[tuple[str, str, str], list[tuple[Para, RunFacts, str, str]]] = {}
    for para in draft.paras:
        kinds = [(_kind_name(para), layout.style(para.kind, para.level))]
        if para.kind == "lead":  # the heading run takes its level's font, the rest the body's
            kinds.append((KIND_NAMES["body"], layout.style("body")))
        for index, run in enumerate(para.runs):
            # Judge a run of a lead paragraph by whichever part it resembles more; on a tie the
            # first run is the heading's and a later one the body's (a body run in the wrong
            # 仿宋 was told "二级标题…应为楷体").
            ordered = kinds if index == 0 else kinds[::-1]
            problems, (kind, style) = min(
                ((_problems(run, style, layout.fallback), (kind, style))
                 for kind, style in ordered),
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
    if rule_id in ("font-east-asian", "font-hint"):
        return style.font
    if rule_id == "font-latin":
        return style.latin
    if rule_id == "font-bold":
        return "加粗" if style.bold else "不加粗"
    return f"{style.size:g}磅"


def _paragraph_problems(para: Para, layout: Layout) -> Iterator[tuple[str, str, str, str]]:
    """(id, property, actual, expected) for the paragraph's alignment, indent and spacing.
    A lead paragraph is laid out as the body (its heading is only its first run)."""
    facts = para.facts
    if facts is None:
        return
    style = layout.style("body" if para.kind == "lead" else para.kind, para.level)
    if facts.align != style.align:
        yield ("alignment", "对齐方式", _ALIGN_NAMES.get(facts.align, facts.align),
               _ALIGN_NAMES[style.align])
    indent = facts.first_line_chars or 0.0
    if abs(indent - style.indent) > _INDENT_TOLERANCE:
        yield ("indent", "首行缩进", f"{indent:g}字", f"{style.indent:g}字")
    pitch = layout.line_pitch_twips
    if facts.line_rule != "exact" or facts.line is None or abs(facts.line - pitch) > 1:
        if facts.line_rule == "exact" and facts.line is not None:
            actual = f"固定值{facts.line / 20:g}磅"
        elif facts.line_rule == "atLeast" and facts.line is not None:
            actual = f"最小值{facts.line / 20:g}磅"
        else:
            actual = f"{(facts.line or 240) / 240:g}倍行距"
        yield ("line-spacing", "行距", actual, f"固定值{pitch / 20:g}磅")


def _paragraphs(draft: Draft, layout: Layout) -> Iterator[Finding]:
    """One finding per (what, kind of paragraph, actual value), at its first occurrence."""
    groups: dict[tuple[str, str, str], list[tuple[Para, str, str]]] = {}
    for para in draft.paras:
        for rule_id, prop, actual, expected in _paragraph_problems(para, layout):
            groups.setdefault((rule_id, _kind_name(para), actual), []).append(
                (para, prop, expected))
    for (rule_id, kind, actual), hits in groups.items():
        para, prop, expected = hits[0]
        count = f"(共{len(hits)}段)" if len(hits) > 1 else ""
        yield Finding(rule_id, ERROR, f"{kind}的{prop}为“{actual}”,应为“{expected}”{count}",
                      para.text.strip()[:20], para.place())


def _layout_findings(draft: Draft, layout: Layout) -> list[Finding]:
    return [*_pages(draft, layout), *_fonts(draft, layout), *_paragraphs(draft, layout)]


#: Another built-in layout fits "much better" when it leaves at most this share of the
#: findings: a 大字版 checked as the standard one drew 20 errors and no word of --layout
#: podium (a tester), while a standard draft with a wrong font or two fits neither better.
_OTHER_FITS = 0.25


def check(draft: Draft, options: Options) -> Iterator[Finding]:
    """Only Word files have a layout to check; outlines and text get theirs from the writer.
    When another built-in layout fits the file far better, the writer is told which."""
    if options.layout is None or draft.source != "docx":
        return
    found = _layout_findings(draft, options.layout)
    yield from found
    from ..layout import LAYOUT_TITLES, built_in_layouts, load_layout

    if not found or options.layout.name not in built_in_layouts():
        return  # a house profile is the office's own choice, not a layout to be told of
    for name in built_in_layouts():
        if name == options.layout.name:
            continue
        other = len(_layout_findings(draft, load_layout(name)))
        if other <= len(found) * _OTHER_FITS:
            title = LAYOUT_TITLES.get(name, name)
            checked = LAYOUT_TITLES.get(options.layout.name, options.layout.name)
            yield Finding(
                "layout-other", WARNING,
                f"这份文件的排版更像{title}(按{title}检查只有 {other} 处不符,按{checked}有"
                f" {len(found)} 处);若本来就是{title},请按{title}再检查(命令行加"
                f" --layout {name},网页上在“版式”中选{title})", "",
                Place(section="全文"))


RULE = Rule(
    "layout", ("page-size", "page-margin", "font-east-asian", "font-latin", "font-size",
               "font-bold", "font-hint", "alignment", "indent", "line-spacing", "layout-other"),
    check, content=False,
)
