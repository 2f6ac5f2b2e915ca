"""Spoken lists said inside paragraphs: 一是…二是…三是…, 一要…二要….

A writer who cuts a point or moves a sentence leaves "一是…三是…" or a lone "一是" behind,
and inside a paragraph no numbering rule sees it: a draft with "一要抓好落实；二要强化督导；
四要严肃问责。" and one with "一是要提高站位。" and no 二是 both passed `check` (a tester,
round 4).  The genre never says a lone 一是 (CORPUS §c3: spoken lists run 一是…二是…).

A list is read over one top-level point, so one that goes on in the next paragraph ("二是…"
opening it) or whose items are sub-points of their own is one list.  Only the counting forms
一是/一要 and 第一，(with its comma) are read: 第一 is also an adjective (第一时间, 第一书记)
and 首先 often stands alone.
Over the 538 stored pages the rule speaks only on excerpts cut mid-list (38 findings, all on
pages flagged truncated) and on two of the 30 corpus speeches, one a 一要…三要 whose 二要 the
page lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from ..lazy_re import LazyPattern
from ..numerals import from_chinese, to_chinese
from .draft import Draft, Para
from .finding import WARNING, Finding
from .rule import Options, Rule

#: 一是 / 二要 opening a clause: at the text's start or after a clause break, never inside a
#: word (统一要求, 唯一是).
_ITEM = LazyPattern(
    r"(?:^|(?<=[。；;！？：:，,、\s]))(?:([一二三四五六七八九十])(是|要)|第([一二三四五六七八九十])[，,])",
    needs="是要第")


def _item(match: re.Match[str]) -> tuple[str, int | None]:
    """(the item's form with {} for its number, its number): 一是 → ("{}是", 1), 第二， →
    ("第{}，", 2)."""
    if match[3]:
        return "第{}，", from_chinese(match[3])
    return "{}" + match[2], from_chinese(match[1])


def _points(draft: Draft) -> Iterator[list[Para]]:
    """The spoken paragraphs of each top-level point (the opening and the closing count as
    points), headings included: a list's items may be its sub-points' own markers."""
    group: list[Para] = []
    for para in draft.paras:
        if (para.kind in ("heading", "lead") and para.level <= 1) or (
                group and group[-1].part != para.part):
            if group:
                yield group
            group = []
        if para.kind in ("body", "lead", "heading"):
            group.append(para)
    if group:
        yield group


def check(draft: Draft, options: Options) -> Iterator[Finding]:
    for paras in _points(draft):
        items: dict[str, list[tuple[int, Para, int]]] = {}
        for para in paras:
            for match in _ITEM.finditer(para.text):
                form, number = _item(match)
                if match.start() == 0 and para.level == 1 and para.kind in ("heading", "lead"):
                    continue  # a top-level point's own marker: its list is the speech's points
                if number:
                    items.setdefault(form, []).append((number, para, match.start()))
        for form, said in items.items():
            def say(n: int, form: str = form) -> str:
                return form.format(to_chinese(n))

            numbers = [number for number, _, _ in said]
            _, para, start = said[0]
            if numbers == [1]:
                yield Finding(
                    "lone-first", WARNING,
                    f"只有“{say(1)}”,后面没有“{say(2)}”;只讲一层意思时去掉“{say(1)}”,"
                    f"否则请补上后面几层", say(1), para.place(start))
                continue
            for (before, _, _), (number, para, start) in pairwise(said):
                if number > before + 1 and not (start == 0 and para.marker):
                    # (one opening its paragraph is a marker: the numbering rule tells it)
                    missing = "、".join(say(k) for k in range(before + 1, number))
                    yield Finding(
                        "spoken-gap", WARNING, f"缺少{missing}(上一层是“{say(before)}”)",
                        say(number), para.place(start))


RULE = Rule("spoken-lists", ("lone-first", "spoken-gap"), check)
