"""Typed numbering that skips, repeats or starts over (一、二、四、 / 1. 2. 2. / 1、2、3、1、2、).

Only typed drafts can get this wrong: an outline's numbers are computed from its tree.
Every list is checked at every level, spoken lists (一是、二是) included.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..schemes import marker
from .draft import Draft, Para
from .finding import ERROR, WARNING, Finding
from .markers import LIST_SCHEMES, Marker, Nesting, marker_at
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


#: Styles one list runs through: 首先，其次，再次，第四，… (the corpus's 001-6 and 001-10).
_ONE_LIST = {"第一，": "首先，"}


def _mixed(draft: Draft) -> Iterator[Finding]:
    """An outline whose parts of one level carry different styles (一、 beside 一是): each
    style is counted on its own, so the draft reads 一、… then 一是… with no word (a tester).
    The writer numbers an outline; only this choice of the user's can go wrong."""
    groups: dict[tuple[str, int], list[tuple[Para, Marker]]] = {}
    labels: list[str] = []
    for para in draft.paras:
        if para.kind not in ("heading", "lead") or not para.level:
            continue
        marker = marker_at(para.text)
        if marker is None:
            continue
        del labels[para.level - 1:]
        groups.setdefault(("".join(labels), para.level), []).append((para, marker))
        labels.append(marker.text)
    for items in groups.values():
        first = items[0][1].scheme
        odd = next(((para, marker) for para, marker in items
                    if _ONE_LIST.get(marker.scheme, marker.scheme)
                    != _ONE_LIST.get(first, first)), None)
        if odd is not None:
            para, marker = odd
            yield Finding(
                "numbering-mixed", WARNING,
                f"同一层的各部分编号样式不同(“{_number(first, 1)}”和“{_number(marker.scheme, 1)}”),"
                "会分别计数;请给这一层的每一项写同一种编号,或都不写", marker.text, para.place(0))


def check(draft: Draft, options: Options) -> Iterator[Finding]:
    if not draft.literal_numbering:
        yield from _mixed(draft)
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
    "numbering", ("numbering-gap", "numbering-repeat", "numbering-restart", "numbering-mixed"),
    check,
)
