"""Typed numbering that skips, repeats or starts over (一、二、四、 / 1. 2. 2. / 1、2、3、1、2、).

Only typed drafts can get this wrong: an outline's numbers are computed from its tree.
Every list is checked at every level, spoken lists (一是、二是) included.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..numbering import SCHEMES
from .draft import Draft, Para
from .finding import ERROR, WARNING, Finding
from .markers import Marker, Nesting
from .rule import Options, Rule


def _number(scheme: str, n: int) -> str:
    """The n-th marker of the scheme, as the user would type it: "（二）", "3."."""
    return SCHEMES[scheme](n).rstrip("，")


def _judge(para: Para, previous: int) -> Finding | None:
    n, scheme = para.ordinal, para.scheme
    expected = previous + 1
    if n == expected:
        return None
    place, text = para.place(0), para.marker
    if previous and n == 1:
        return Finding(
            "numbering-restart", WARNING,
            f"编号重新从{_number(scheme, 1)}开始（上一项是{_number(scheme, previous)}），"
            "如是新的一组请确认层次，否则请接着编号",
            text, place,
        )
    if n <= previous:
        return Finding(
            "numbering-repeat", ERROR,
            f"编号重复或倒退：上一项已是{_number(scheme, previous)}，这里应为"
            f"{_number(scheme, expected)}",
            text, place,
        )
    missing = "、".join(_number(scheme, k) for k in range(expected, n))
    return Finding(
        "numbering-gap", ERROR,
        f"编号跳过了{missing}，这里应为{_number(scheme, expected)}",
        text, place,
    )


def check(draft: Draft, options: Options) -> Iterator[Finding]:
    if not draft.literal_numbering:
        return
    nesting = Nesting()
    # After a restart, the number the item should have had, per level: when the next item
    # continues that count (一、一、三、), the restart was a typo and is reported once.
    should_have: dict[int, int] = {}
    for para in draft.paras:
        if not para.marker:
            continue
        level, previous = nesting.push(Marker(para.scheme, para.marker, para.ordinal))
        for deeper in [k for k in should_have if k > level]:
            del should_have[deeper]
        if should_have.pop(level, None) == para.ordinal - 1:
            continue
        finding = _judge(para, previous)
        if finding:
            if finding.id == "numbering-restart":
                should_have[level] = previous + 1
            yield finding


RULE = Rule(
    "numbering", ("numbering-gap", "numbering-repeat", "numbering-restart"), check
)
