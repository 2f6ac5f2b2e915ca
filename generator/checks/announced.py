"""The count a speech announces ("下面，我讲三点意见") against the points it really makes.

Points get added and cut while a draft is revised, and the announcement in the opening is
the sentence nobody re-reads.  "提几点要求" names no number and is fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lazy_re import LazyPattern
from ..lexicon import COUNT_UNITS, alternation, announced_number, announcement
from ..numerals import NUMBER, spoken
from ..schemes import BY_NAME
from .draft import Draft, Para
from .finding import ERROR, WARNING, Finding
from .markers import LIST_SCHEMES, marker_at
from .rule import Options, Rule

#: In the opening: a speaking verb, then the count (CORPUS e1.11); 几 names no number.  The
#: short window quotes the nearest verb ("强调三点", not "做好…工作强调三点").
_OPENING = LazyPattern(announcement(rf"{NUMBER}|[0-9０-９]{{1,2}}", window=8))
#: Inside a point, only an explicit "以下/下面/如下" announces its sub-points.
_SECTION = LazyPattern(
    rf"(?:以下|下面|如下)[^。！？；]{{0,4}}?(?P<count>{NUMBER})(?P<unit>{alternation(COUNT_UNITS)})"
)


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _announcement(paras: list[Para], pattern: LazyPattern) -> tuple[Para, re.Match[str]] | None:
    """The last announcement: earlier sentences may count other things."""
    found = None
    for para in paras:
        for match in pattern.finditer(para.text):
            found = (para, match)
    return found


def _finding(para: Para, match: re.Match[str], real: int) -> Finding | None:
    """"一点/一项" is no count: "讲一点意见" means "say a few words", "抓好一项工作" one task.
    A count in digits ("讲2点意见", which a hand-made template wrote, a tester) is counted too,
    and told to be said in words, as every speech of the corpus says it."""
    count = match["count"].translate(_FULL_WIDTH_DIGITS)
    announced = announced_number(count)
    if count.isdigit() and (announced is None or announced == real):
        return Finding(
            "announced-count", WARNING,
            f"宣布的点数写成了数字“{match['count']}{match['unit']}”;讲话稿里写作"
            f"“{spoken(int(count))}{match['unit']}”", match[0], para.place(match.start()))
    if announced is None or announced == real:
        return None
    return Finding(
        "announced-count", ERROR,
        f"宣布了“{match['count']}{match['unit']}”,"
        f"下面实际有{real}个{'' if real else '编号的'}要点,请核对",
        match[0], para.place(match.start()),
    )


def _spoken_points(paras: list[Para]) -> int:
    """How many paragraphs after the announcement open with the items of one spoken list
    (首先，… 其次，… 最后，…; 一是… 二是…), in sequence: a short speech with no numbered
    heading makes its announced points so ("下面，我讲两点意见。" then "首先，要…" and "其次，要…"
    as paragraphs), and counting none of them called every such speech wrong (a tester)."""
    family, count, last = "", 0, ""
    for para in paras:
        found = marker_at(para.text)
        if found and (found.scheme in LIST_SCHEMES or family):
            scheme = BY_NAME[found.scheme]
            if (not family and found.ordinal == 1) or (
                    scheme.family == family and found.ordinal == count + 1):
                family, count = scheme.family, found.ordinal
                last = last or scheme.last
                # the list may go on inside the paragraph: "一是…；二是…；三是…。" (a tester)
                for piece in _CLAUSE_BREAK.split(para.text)[1:]:
                    item = marker_at(piece.lstrip())
                    if item and BY_NAME[item.scheme].family == family and (
                            item.ordinal == count + 1):
                        count = item.ordinal
                continue
        if count and last and re.match(last, para.text):
            return count + 1
    return count


#: Where an inline list item may begin: after a sentence or clause break.
_CLAUSE_BREAK = re.compile(r"(?<=[。；;！？：:，,])")


def check(draft: Draft, options: Options) -> Iterator[Finding]:
    """The opening's announcement against the top-level points, and each point's "以下三个方面"
    against its direct sub-points.  With no numbered point at all, the points are the
    paragraphs a spoken list opens after the announcement (`_spoken_points`)."""
    opening = [p for p in draft.paras if p.part == "opening" and p.kind == "body"]
    points = [p for p in draft.paras if p.kind in ("heading", "lead")]
    if (found := _announcement(opening, _OPENING)) is not None:
        real = sum(p.level == 1 for p in points)
        if not real:
            after = [p for p in draft.paras[found[0].index:]  # index is 1-based
                     if p.kind == "body" and p.part != "front"]
            real = _spoken_points(after)
        finding = _finding(*found, real)
        if finding:
            yield finding
    for point in points:
        children = 0
        intro: list[Para] = []
        for para in draft.paras[point.index:]:
            if para.kind in ("heading", "lead"):
                if para.level <= point.level:
                    break
                children += para.level == point.level + 1
            elif not children and para.kind == "body" and para.part == "section":
                intro.append(para)
        if point.kind == "lead":
            intro.insert(0, point)
        if children and (found := _announcement(intro, _SECTION)) is not None:
            finding = _finding(*found, children)
            if finding:
                yield finding


RULE = Rule("announced-count", ("announced-count",), check)
