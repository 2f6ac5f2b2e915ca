"""Corpus figures for `speechgen mine --stats`: what a template author wants to know.

How many speeches, which role sequences and numbering schemes occur, how long the parts are;
the same figures CORPUS.md reports by hand, recomputed for any set of pages.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from statistics import median

from ..model import ROLE_NAMES, Speech
from .annotate import body_text


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _row(label: str, value: object) -> str:
    """A label padded by display width (a Chinese character takes two columns)."""
    return f"  {label}{' ' * max(2, 22 - _width(label))}{value}"


def _spread(values: list[int]) -> str:
    """min, median, max in one cell."""
    if not values:
        return "—"
    return f"最少 {min(values)},中位 {median(values):g},最多 {max(values)}"


def stats_table(speeches: list[Speech]) -> str:
    """A plain-text table in Chinese."""
    roles = Counter(
        " ".join(ROLE_NAMES.get(s.role or "other", "其他") for s in sp.sections) or "(无一级标题)"
        for sp in speeches
    )
    top_schemes = Counter(
        (sp.sections[0].numbering or "无") if sp.sections else "无" for sp in speeches
    )
    all_schemes = Counter(
        (level, section.numbering or "无") for sp in speeches for level, section in sp.walk()
    )
    flags = Counter(flag.code for sp in speeches for flag in sp.flags)
    chars = [len(body_text(sp).replace("\n", "")) for sp in speeches]
    lines = ["讲话稿统计", _row("篇数", len(speeches))]
    lines.append(_row("正文字数", _spread(chars)))
    lines.append(_row("一级标题数", _spread([len(sp.sections) for sp in speeches])))
    lines.append(
        _row("二级条目数", _spread([sum(len(s.sections) for s in sp.sections) for sp in speeches]))
    )
    lines.append(_row("开头段落数", _spread([len(sp.opening) for sp in speeches])))
    lines.append(_row("有称呼", sum(1 for sp in speeches if sp.salutation)))
    lines.append(_row("有结束语", sum(1 for sp in speeches if sp.closing)))
    lines.append("一级标题的角色顺序(篇数)")
    lines.extend(_row(seq, n) for seq, n in roles.most_common())
    lines.append("一级标题编号方式(篇数)")
    lines.extend(_row(scheme, n) for scheme, n in top_schemes.most_common())
    lines.append("各级编号方式(条数)")
    lines.extend(
        _row(f"{level}级 {scheme}", n) for (level, scheme), n in sorted(all_schemes.items())
    )
    lines.append("提示标记(篇次)")
    lines.extend(_row(code, n) for code, n in flags.most_common())
    return "\n".join(lines) + "\n"
