"""Typed numbering that skips, repeats or starts over (一、二、四、 / 1. 2. 2. / 1、2、3、1、2、).

Only typed drafts can get this wrong: an outline's numbers are computed from its tree.
Every list is checked at every level, spoken lists (一是、二是) included.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..schemes import marker
from .draft import Draft, Para
from .finding import ERROR, WARNING, Finding
from .markers import LIST_SCHEMES, Marker, Nesting
from .rule import Options, Rule


def _number(scheme: str, n: int) -> str:
    """The n-th marker of the scheme, as the user would type it: "（二）", "3."."""
    return marker(scheme, n).rstrip("，")


def _judge(para: Para, previous: int, said: str = "") -> Finding | None:
    """The finding for an item numbered ``para.ordinal`` after ``previous``.  ``said`` is the
    text before it in its point: for spoken lists (一是、二是), which often begin inline and
    go on at a paragraph's start, items said there are not missing, and restarts are normal."""
    n, scheme = para.ordinal, para.scheme
    expected = previous + 1
    if n == expected:
        return None
    spoken = scheme in LIST_SCHEMES
    place, text = para.place(0), para.marker
    if previous and n == 1:
        if spoken:
            return None
        return Finding(
            "numbering-restart", WARNING,
            f"编号重新从{_number(scheme, 1)}开始(上一项是{_number(scheme, previous)}),"
            "如是新的一组请确认层次,否则请接着编号",
            text, place,
        )
    if n <= previous:
        return Finding(
            "numbering-repeat", ERROR,
            f"编号重复或倒退:上一项已是{_number(scheme, previous)},这里应为"
            f"{_number(scheme, expected)}",
            text, place,
        )
    missing = [_number(scheme, k) for k in range(expected, n)]
    if spoken:
        missing = [marker for marker in missing if marker not in said]
        if not missing:
            return None
    before = f"上一项是{_number(scheme, previous)}" if previous else "这一组的第一项"
    return Finding(
        "numbering-gap", ERROR, f"编号缺少{'、'.join(missing)}({before})", text, place,
    )


def check(draft: Draft, options: Options) -> Iterator[Finding]:
    if not draft.literal_numbering:
        return
    nesting = Nesting()
    # After a restart, the number the item should have had, per level: when the next item
    # continues that count (一、一、三、), the restart was a typo and is reported once.
    should_have: dict[int, int] = {}
    said = ""  # text since the last point marker, where inline 一是…二是… may sit
    for para in draft.paras:
        if para.marker:
            level, previous = nesting.push(Marker(para.scheme, para.marker, para.ordinal))
            for deeper in [k for k in should_have if k > level]:
                del should_have[deeper]
            if should_have.pop(level, None) != para.ordinal - 1:
                finding = _judge(para, previous, said)
                if finding:
                    if finding.id == "numbering-restart":
                        should_have[level] = previous + 1
                    yield finding
            if para.scheme not in LIST_SCHEMES:
                said = ""
        said += para.text


RULE = Rule(
    "numbering", ("numbering-gap", "numbering-repeat", "numbering-restart"), check
)
