"""Levels by nesting: turn a run of paragraphs into the opening and a tree of sections.

A scheme has no fixed level (CORPUS §c2): the first scheme seen is level 1, a scheme first seen
inside a level-k point is level k+1, meeting a scheme already open closes back to its level, and
a new scheme after unnumbered text that followed a paragraph-leading point starts a sibling list.
Missing first items are looked for mid-paragraph (…。二是…), and a top-level section without
paragraph-initial points is divided at its inline list (一是…二是…).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from ...lazy_re import LazyPattern
from ...model import MAX_DEPTH, Section
from ...schemes import BY_NAME, ORDINAL_WORDS
from .detect import (
    announces_points,
    announces_unit,
    inline_markers,
    is_standalone_heading,
    markers_after_sentences,
    split_colon,
    split_dash,
    split_fused,
    split_heading,
    split_run_on,
)
from .schemes import Marker, match_at

#: Longest heading phrase after a lone "第一，" that is read as a point's heading line.
LONE_HEADING_CHARS = 30
#: Any punctuation in the phrase after the marker: a sentence, not a heading line.
_PUNCTUATED = re.compile(r"[，。！？；：、,.!?;:]")


def _lone_ordinal_heading(marker: Marker, text: str, closed: bool = False) -> bool:
    """"第一，要树立更强烈的危机感和紧迫感" as a paragraph of its own: a 第-ordinal and a short
    phrase with no punctuation at all is a heading line, even when the page is cut before its
    第二 (a 第一 that opens a sentence runs on past a comma or a full stop).  When ``closed``,
    the phrase may end on one full stop ("第四点，关于认识客观世界的问题。")."""
    rest = _phrase_before_text(text[marker.end :])
    if closed and rest.endswith("。"):
        rest = rest[:-1]
    return (
        marker.text.startswith("第")
        and 0 < len(rest) <= LONE_HEADING_CHARS
        and not _PUNCTUATED.search(rest)
    )


def _phrase_before_text(rest: str) -> str:
    """The phrase before a space when text follows it ("要树立…紧迫感 1994年总公司…，"): a
    heading line run on into its paragraph (round 47), the line break lost; else the rest."""
    head, space, body = rest.partition(" ")
    return head if space and _CLAUSE_MARK.search(body) else rest


def _runs_into_text(marker: Marker, text: str) -> bool:
    """A lone ordinal heading (``_lone_ordinal_heading``) whose paragraph follows on its line."""
    return _phrase_before_text(text[marker.end :]) != text[marker.end :]


@dataclass
class Note:
    """Something the annotator should flag: a code and a Chinese message."""

    code: str
    message: str


@dataclass
class _List:
    """An open list of sibling points."""

    level: int
    siblings: list[Section]
    items: list[Section] = field(default_factory=list)
    schemes: list[str] = field(default_factory=list)
    families: set[str] = field(default_factory=set)
    last: int = 0
    standalone: bool = False
    since: int = 0

    def accepts(self, marker: Marker) -> bool:
        """Same scheme, or the next number in a kindred scheme (首先… then 第三，)."""
        scheme = marker.scheme
        if scheme.name in self.schemes:
            return True
        if scheme.family in self.families:
            return scheme.continues or marker.ordinal == self.last + 1
        return False


@dataclass
class Outline:
    """What the tree builder found."""

    opening: list[str]
    sections: list[Section]
    notes: list[Note]


#: A point that names itself a saying, in quotes, and runs on into its comment ("第一项叮咛是
#: “多读书”，上了中学…", "…是「Stay hungry」翻译成中文是「求知若渴」良药苦口，…"): the heading ends
#: with the last quote of the clause.
QUOTED_HEADING = LazyPattern(
    r"^([^，。！？“”「」]{1,8}[是为][“「][^”」]{1,60}[”」]"
    r"(?:[^，。！？“”「」]{1,10}[“「][^”」]{1,60}[”」])?)[，]?(?=\S)",
    needs="”」",
)

#: The quote of such a heading opens within this many characters of the marker.
QUOTE_START = 10


def _quote_after_verb(rest: str) -> bool:
    """The cheap test before ``QUOTED_HEADING``: a quote opens early, right after 是 or 为."""
    opens = rest[:QUOTE_START]
    at = max(opens.find("“"), opens.find("「"))
    return at >= 2 and rest[at - 1] in "是为"


def make_section(marker: Marker, rest: str, level: int) -> Section:
    """A section from a marker and the text after it, cutting fused headings at level 1."""
    if level == 1 and _quote_after_verb(rest) and (quoted := QUOTED_HEADING.match(rest)):
        return Section(heading=quoted.group(1), paragraphs=[rest[quoted.end() :]], lead=True)
    heading, body = split_heading(rest)
    if level == 1 and (colon := split_colon(rest)):
        return Section(heading=colon[0], paragraphs=[colon[1]], lead=True)
    if level == 1 and (dashed := split_dash(rest)):
        return Section(heading=dashed[0], paragraphs=[dashed[1]], lead=False)
    if level == 1 and (fused := split_fused(rest)):
        return Section(heading=fused[0], paragraphs=[fused[1]], lead=False)
    if level == 1 and marker.scheme.strong and (run_on := split_run_on(rest)):
        return Section(heading=run_on[0], paragraphs=[run_on[1]], lead=True)
    if level >= 2 and not body and _STATEMENT.search(rest):
        # "1.全年地区生产总值完成215.6亿元，同比增长5.8%。": a numbered statement keeps its
        # end mark (taken off again by `build` if text follows it under the item); it lost
        # it, and render then called it an empty point (a tester's Word list of figures)
        heading = rest.strip()
    return Section(heading=heading, paragraphs=[body] if body else [], lead=bool(body))


#: A sub-point's whole text that is a sentence: clauses or a dozen characters, and a full
#: stop ("（一）加强领导。" is a heading typed with one; a question keeps its mark anyway).
_STATEMENT = LazyPattern(r"(?:[，；].*|.{12,})。\s*$", needs="。")


#: Last characters no heading ends with, only a phrase cut short: a 的 waiting for its noun,
#: a conjunction or a coverb waiting for its object, a 不 waiting for its verb, a 是 waiting
#: for what it equates ("…：乡村振兴不是"), an enumeration comma; or the preview's cut mark,
#: kept as "…" where a paywall line follows (``split.clean_lines``).
CUT_ENDINGS = ("的", "和", "或", "并", "把", "将", "被", "不", "是", "、", "…")


def _mid_clause(text: str, marker: Marker) -> bool:
    """An ordinal word (``ORDINAL_WORDS``) run into its clause ("首先我要…", "其次要表达…"),
    not set off by its own comma: a sentence's adverb.  After a comma it is no point's
    start ("作为校长，首先我要…"); opening a paragraph it starts a point only where an item
    before it was found."""
    if marker.text not in ORDINAL_WORDS:  # 一是, 第一, and any word set off by its comma
        return False
    return marker.start == 0 or text[marker.start - 1] == "，"


def _later_word(marker: Marker) -> bool:
    """"其次，" or "再次，" with no list open and no 首先 found before it: the opening's 首先
    ran into its clause ("首先要感谢…", prose), so its 其次 is the opening's next sentence.  The
    same for "第二项…" with no 第一项 (an agenda's items, not a speech's points)."""
    return (
        marker.ordinal is not None
        and marker.ordinal > 1
        and (marker.scheme.name == "第一项" or marker.text.rstrip("，,") in ORDINAL_WORDS)
    )


class _Builder:
    """One pass over the paragraphs with a stack of open lists, then the inline-list split.

    ``later`` and ``first_heading`` are looked up before the pass because whether "首先，" at a
    paragraph start is a point depends on what comes after it.
    """

    def __init__(self, paragraphs: list[str], complete: bool = False) -> None:
        self.paragraphs = paragraphs
        self.complete = complete
        self.opening: list[str] = []
        self.top: list[Section] = []
        self.stack: list[_List] = []
        self.lists: list[_List] = []
        self.notes: list[Note] = []
        self.last_text: list[str] = self.opening
        #: Each paragraph's own marker, looked up once for the passes below.
        self.markers = [match_at(text) for text in paragraphs]
        self.later = self._later_ordinals()
        self.previewed = _preview_list(paragraphs, self.markers)
        # The first heading line of its own with a strong marker (一、 (一) 1、…): the body
        # has begun.
        self.first_heading = next(
            (
                i
                for i, (text, marker) in enumerate(zip(paragraphs, self.markers, strict=True))
                if marker and marker.scheme.strong and is_standalone_heading(text)
            ),
            0,
        )

    def _later_ordinals(self) -> list[set[str]]:
        """For each paragraph, the families with a second or later item in it or after it."""
        out: list[set[str]] = [set() for _ in self.paragraphs]
        running: set[str] = set()
        for i in range(len(self.paragraphs) - 1, -1, -1):
            text = self.paragraphs[i]
            markers = inline_markers(text)
            start = self.markers[i]
            if start:
                markers.append(start)
            running |= {m.scheme.family for m in markers if m.ordinal and m.ordinal > 1}
            out[i] = set(running)
        return out

    def _accepted(self, i: int, marker: Marker | None) -> bool:
        """Is a paragraph-initial marker a point?  Weak words need a second item after them."""
        if marker is None:
            return False
        scheme = marker.scheme
        if scheme.continues:
            return any(scheme.family in lst.families for lst in self.stack)
        announced = (
            not self.stack
            and i > 0
            and (
                announces_points(self.paragraphs[i - 1])
                or announces_unit(self.paragraphs[i - 1], marker)
            )
        )
        if not scheme.strong and not self.stack and i < self.first_heading and not announced:
            return False  # "首先，我代表…" before the first 一、 heading is still the opening
        if not scheme.strong and marker.ordinal != 1 and not self.stack and not announced:
            # "三要形成合力。" alone on a page that starts mid-speech, no 一要/二要 above it and
            # no 四要 after: a point of a list the page does not show, at a level it does not
            # show either; one item is no list of the speech's divisions.  A 第-ordinal
            # standing as a heading line of its own with text under it is one, though
            # ("第四点，关于…的问题。" opening part 2 of a talk printed over several pages, pool
            # mining-setaside22): the point's own line, not a sentence of a sub-list.
            if _lone_ordinal_heading(marker, self.paragraphs[i], closed=True):
                return i + 1 < len(self.paragraphs)
            return i + 1 < len(self.later) and scheme.family in self.later[i + 1]
        if scheme.strong or marker.ordinal != 1:
            return True
        if announced and not self.complete:
            # "我讲四点意见：" then "一要…": the first point of a page cut short.  A speech that
            # runs on to its thanks was not cut: a lone 首先 in it opens a sentence.
            return True
        lone = _lone_ordinal_heading(marker, self.paragraphs[i])
        under = i + 1 < len(self.paragraphs) or _runs_into_text(marker, self.paragraphs[i])
        if lone and not self.stack and under:
            return True  # "第一，要树立…" on its own line, text under it: the page is cut
        return scheme.family in self.later[i]

    def _text(self, text: str) -> None:
        """An unnumbered paragraph belongs to the innermost open point (or the opening)."""
        if self.stack:
            self.stack[-1].items[-1].paragraphs.append(text)
            self.stack[-1].since += 1
            self.last_text = self.stack[-1].items[-1].paragraphs
        else:
            self.opening.append(text)
            self.last_text = self.opening

    def _add(self, lst: _List, marker: Marker, rest: str) -> Section:
        """Append a point to a list, noting gaps, restarts and mixed schemes as it goes."""
        ordinal = marker.ordinal if marker.ordinal is not None else lst.last + 1
        if lst.items:
            if ordinal <= lst.last:
                self.notes.append(Note("numbering_restart", f"编号重新开始:{marker.text}"))
            elif ordinal > lst.last + 1:
                self.notes.append(Note("numbering_gap", f"编号不连续:{marker.text}前缺少条目"))
        first = lst.schemes[0] if lst.schemes else marker.scheme.name
        # "第四，" after 首先，其次，再次， is the list's own continuation (Scheme.continued_as),
        # as speechgen writes a list of five (tester 11: its own draft was flagged mixed)
        continued = (first in BY_NAME and BY_NAME[first].continued_as == marker.scheme.name
                     and ordinal >= 4)  # "首先…第二，" is mixed indeed
        if marker.scheme.name != first and not continued:
            self.notes.append(Note("numbering_mixed", f"同一列表混用编号:{marker.text}"))
            if marker.text.endswith("要") and not first.endswith("要"):
                rest = "要" + rest  # 首先要…第三要…: keep the verb when rendered as 首先,…再次,
        section = make_section(marker, rest, lst.level)
        lst.items.append(section)
        lst.schemes.append(marker.scheme.name)
        lst.families.add(marker.scheme.family)
        lst.siblings.append(section)
        # A heading cut from the body run on after it (``lead`` false) stood on its own line
        # once: points under it nest, whatever text comes between.
        lst.last, lst.since, lst.standalone = ordinal, 0, not (section.paragraphs and section.lead)
        self.last_text = section.paragraphs
        return section

    def _continue_inline(self, lst: _List, section: Section) -> None:
        """Split the next items of the same list out of the item's own paragraph."""
        while section.paragraphs:
            body = section.paragraphs[-1]
            at_start = match_at(body)
            candidates = ([at_start] if at_start else []) + inline_markers(body)
            nxt = next(
                (m for m in candidates if lst.accepts(m) and m.ordinal == lst.last + 1),
                None,
            )
            if nxt is None or any(
                m.ordinal == 1 and m.start < nxt.start and m.scheme.family in lst.families
                for m in candidates
            ):
                return  # a list restarted at 一是 inside the point owns the numbers after it
            head = body[: nxt.start]
            if head:
                section.paragraphs[-1] = head
            else:
                section.paragraphs.pop()
                section.lead = bool(section.paragraphs)
            section = self._add(lst, nxt, body[nxt.end :])

    def _look_back(self, lst: _List, marker: Marker) -> None:
        """A list that starts at item n>1: find items n-1, n-2… in the previous paragraph."""
        if not self.last_text or not marker.ordinal or marker.ordinal < 2:
            return
        text = self.last_text[-1]
        found: list[Marker] = []
        want = marker.ordinal - 1
        candidates = inline_markers(text)
        if marker.scheme.strong and not candidates:
            # "…我再强调三句话。一、…" then "二、…": the first point after the announcement.
            candidates = [
                m for m in markers_after_sentences(text, marker.scheme.family)
                if announces_points(text[: m.start])
            ]
        for m in reversed(candidates):
            if m.scheme.family == marker.scheme.family and m.ordinal == want:
                if _mid_clause(text, m):
                    break
                found.insert(0, m)
                want -= 1
        if not found:
            return
        head = text[: found[0].start]
        if head:
            self.last_text[-1] = head
        else:
            self.last_text.pop()
        for k, m in enumerate(found):
            end = found[k + 1].start if k + 1 < len(found) else len(text)
            self._add(lst, m, text[m.end : end])

    def _new_list(self, marker: Marker) -> _List | None:
        """Open a list for an unseen scheme: a child of the current point if it follows it
        directly (or the point is a heading line), else a sibling list after plain text."""
        if not self.stack:
            level, siblings = 1, self.top
        else:
            current = self.stack[-1]
            if current.standalone or current.since == 0:
                level, siblings = current.level + 1, current.items[-1].sections
            else:
                self.stack.pop()
                level, siblings = current.level, current.siblings
        if level > MAX_DEPTH:
            return None
        lst = _List(level, siblings)
        self.lists.append(lst)
        self._look_back(lst, marker)
        return lst

    def build(self) -> Outline:
        """Walk the paragraphs once; numbering is set per list at the end, when each list's
        first item (possibly found by looking back) is known."""
        for i, text in enumerate(self.paragraphs):
            marker = None if i in self.previewed else self.markers[i]
            if not self._accepted(i, marker):
                self._text(text)
                continue
            assert marker is not None
            depth = self._depth(marker)
            if depth is not None and self._restarts_as_words(marker, text):
                depth = None  # "一是形式多。" after "二是…": a list inside that point
            if depth is not None:
                del self.stack[depth + 1 :]
                lst = self.stack[-1]
            else:
                new = self._new_list(marker)
                if new is None:
                    self._text(text)
                    continue
                lst = new
                if not lst.items and not self.stack and (
                    _mid_clause(text, marker) or _later_word(marker)
                ):
                    self.lists.remove(lst)  # "其次要表达…" with no 首先 before it: prose
                    self._text(text)
                    continue
                self.stack.append(lst)
                start = lst.last - len(lst.items) + 1 if lst.items else marker.ordinal
                if start and start > 1:
                    self.notes.append(
                        Note("numbering_gap", f"列表从第 {start} 项开始,前面的条目缺失")
                    )
            section = self._add(lst, marker, text[marker.end :])
            self._continue_inline(lst, section)
        self._drop_cut_heading()
        for section in self.top:
            if not section.sections:
                self._split_inline(section)
        for lst in self.lists:
            for section in lst.items:
                section.numbering = lst.schemes[0]
                if section.paragraphs or section.sections:
                    # a heading with text under it is printed without its stop (GB/T 9704
                    # headings on a line of their own); only a statement item keeps it
                    section.heading = section.heading.removesuffix("。")
        return Outline(self.opening, self.top, self.notes)

    def _drop_cut_heading(self) -> None:
        """A later top-level point whose heading the page's cut broke off mid-phrase ("二、…，树立
        抓好安全工作的" as the text's last line, nothing under it, no sign-off after it) is no
        point the page shows: its line stays as the page printed it, the last text of the point
        before.  The first point under an announcement stays a point (the page's one point)
        unless its own heading breaks off so ("我讲三点意见：" then "一是荣誉面前不"), or it is
        a point opened by a word with no mark after it (``_cut_sentence``): then the line is
        the opening's last.  The break-off needs no telling last character where the
        points before it in its list all ran their text on after the heading ("1、…意识，每个
        人都要…。" then "2、教师不仅仅要关"): a list written as paragraphs prints no heading
        alone on its line.  A point whose heading is empty (a bare numeral "二" as the text's
        last line, the part marker of round 33) was cut right after its number: with no
        heading and nothing under it, the page shows no point at all, and the numeral alone
        is no text to keep either."""
        if self.complete or not self.top or not self.paragraphs:
            return
        last, line = self.top[-1], self.paragraphs[-1]
        if last.paragraphs or last.sections or not line.endswith(last.heading):
            return
        lst = next(lst for lst in self.lists if lst.items and lst.items[-1] is last)
        run_in = len(self.top) > 1 and all(item.lead for item in lst.items[:-1])
        alone = len(lst.items) == 1  # the page's one point: cut in its first sentence?
        if not (
            not last.heading
            or last.heading.endswith(CUT_ENDINGS)
            or run_in
            or (alone and _cut_sentence(line))
        ):
            return
        lst.items.pop()
        lst.schemes.pop()
        del self.top[-1]
        if not last.heading:
            return
        if not self.top:
            self.opening.append(line)
            return
        before = self.top[-1]
        while before.sections:
            before = before.sections[-1]
        before.paragraphs.append(line)

    def _depth(self, marker: Marker) -> int | None:
        """The open list a point continues: the innermost with the next number, else the
        innermost that takes its scheme at all."""
        accepting = [d for d in range(len(self.stack) - 1, -1, -1) if self.stack[d].accepts(marker)]
        following = [d for d in accepting if marker.ordinal == self.stack[d].last + 1]
        best = following or accepting
        return best[0] if best else None

    def _restarts_as_words(self, marker: Marker, text: str) -> bool:
        """A list starting again at 1 right under a point of the same scheme, with items of a
        word or two ("一是形式多。…二是内容多。…"): lines of a list inside that point, not
        points of the speech (a point names a task in more words)."""
        if marker.ordinal != 1 or not self.stack:
            return False
        current = self.stack[-1]
        word = re.split(r"[。，；：！？]", text[marker.end :], maxsplit=1)[0]
        return (
            marker.scheme.family in current.families
            and current.last >= 2
            and current.since == 0
            and len(word) <= LIST_WORD_CHARS
        )

    def _split_inline(self, section: Section) -> None:
        """Divide a top-level section at an inline list 一是…二是… (at least two items)."""
        run = _inline_run(section.paragraphs)
        if not run:
            return
        lst = _List(2, section.sections)
        self.lists.append(lst)
        first_p, first = run[0]
        tail = section.paragraphs[first_p:]
        section.paragraphs = section.paragraphs[:first_p]
        head = tail[0][: first.start]
        if head:
            section.paragraphs.append(head)
        cuts = {(p - first_p, m.start): m for p, m in run}
        current: Section | None = None
        for p, text in enumerate(tail):
            points = sorted(pos for (q, pos) in cuts if q == p)
            if not points:
                if current is not None:
                    current.paragraphs.append(text)
                continue
            if points[0] > 0 and current is not None and p > 0:
                current.paragraphs.append(text[: points[0]])
            for k, pos in enumerate(points):
                m = cuts[(p, pos)]
                end = points[k + 1] if k + 1 < len(points) else len(text)
                current = self._add(lst, m, text[m.end : end])


def _preview_list(paragraphs: list[str], markers: list[Marker | None]) -> range:
    """The paragraphs of a list that names the points before they are taken up ("下边讲三个
    问题：" / "（一）…；" / "（二）…；" / "（三）…。" / "（一）…。<its text>"): two or more heading
    lines numbered 1, 2… of one scheme, each a line of its own, right before the same scheme
    starts again at 1.  They are the opening's, not points (each would be found twice)."""
    run: list[Marker] = []
    for i, (text, marker) in enumerate(zip(paragraphs, markers, strict=True)):
        if marker is None or marker.ordinal is None:
            run = []
            continue
        if run and marker.ordinal == 1 and marker.scheme is run[0].scheme and len(run) >= 2:
            return range(i - len(run), i)
        if marker.ordinal == len(run) + 1 and (not run or marker.scheme is run[0].scheme) and (
            is_standalone_heading(text)
        ):
            run.append(marker)
        else:
            run = [marker] if marker.ordinal == 1 and is_standalone_heading(text) else []
    return _clause_list(paragraphs, markers)


#: The longest item of an announced list of clauses (``_clause_list``).
CLAUSE_ITEM_CHARS = 60


def _clause_list(paragraphs: list[str], markers: list[Marker | None]) -> range:
    """An announced list printed a clause a line: a paragraph ending with "：" ("今天讲四个
    方面：", "今天会议有两项议程："), then two or more items numbered 1, 2… of one scheme on
    consecutive lines, each a single clause, every one but the last closed by "；" and the last
    by "。" or "；" (a lecture's preview of its parts, a presiding script's agenda: pool
    mining-dev26).  One sentence run over several lines, not the speech's divisions, even when
    the parts are not taken up again with the same numbers."""
    for i, text in enumerate(paragraphs[:-2]):
        first = markers[i + 1]
        if not text.endswith("：") or first is None or first.ordinal != 1:
            continue

        def item(k: int, close: str, first: Marker = first, i: int = i) -> bool:
            """Paragraph ``k`` the list's next item, one clause closed by ``close``."""
            marker = markers[k] if k < len(paragraphs) else None
            return (
                marker is not None
                and marker.scheme is first.scheme
                and marker.ordinal == k - i
                and len(paragraphs[k]) <= CLAUSE_ITEM_CHARS
                and not any(mark in paragraphs[k][:-1] for mark in "。！？；")
                and paragraphs[k].endswith(close)
            )

        end = i + 1
        while item(end, "；"):
            end += 1
        if end > i + 1 and item(end, "。"):
            return range(i + 1, end + 1)
        if _inline_clause_list(paragraphs[i + 1], first):
            return range(i + 1, i + 2)
    return range(0)


_AFTER_ITEM = re.compile(r"(?<=；)\s*")


def _inline_clause_list(text: str, first: Marker) -> bool:
    """The same announced list with its items run into one paragraph, as a copy that lost the
    line breaks prints it ("今天会议有两项议程：" / "1、表彰…，并颁奖； 2、…主题讲话。", round
    66): two or more items numbered in turn, each one clause, every one but the last closed by
    "；" and the last by "。"."""
    items = _AFTER_ITEM.split(text)
    if len(items) < 2:
        return False
    for k, piece in enumerate(items, start=1):
        marker = match_at(piece)
        close = "。" if k == len(items) else "；"
        if (
            marker is None
            or marker.scheme is not first.scheme
            or marker.ordinal != k
            or len(piece) > CLAUSE_ITEM_CHARS
            or any(mark in piece[:-1] for mark in "。！？；")
            or not piece.endswith(close)
        ):
            return False
    return True


def _cut_sentence(line: str) -> bool:
    """A point opened by a word (一是, 一要, 首先，) is a sentence by nature: as the page's
    last line and its list's only item, with no mark at all after the word, it is that
    sentence cut before its first clause ends ("一是希望同学们做一"), not a heading line (a
    strong 一、 may stand alone, and so may "第一，" with a short phrase)."""
    marker = match_at(line)
    return (
        marker is not None
        and not marker.scheme.strong
        and not _PUNCTUATED.search(line, marker.end)
        and not _lone_ordinal_heading(marker, line)  # "第一，<a short phrase>" may be one
    )


#: A point whose heading is at most this long, restarting a list under a point, is a list's
#: line (形式多, 内容多), not a point of the speech.
LIST_WORD_CHARS = 3
#: An inline item shorter than this is a word in a series (一要全,二要广), not a point.
MIN_INLINE_ITEM = 8


def _inline_run(paragraphs: list[str]) -> list[tuple[int, Marker]]:
    """The first inline list 1, 2, 3… of one family whose items are sentences, not words.

    None when the family starts again at 1 later on: then each list belongs to an unnumbered
    topic sentence, and the section is not divided by any of them."""
    found = [(p, m) for p, text in enumerate(paragraphs) for m in inline_markers(text)]
    for k, (_, first) in enumerate(found):
        if first.ordinal != 1:
            continue
        run = [found[k]]
        for p, m in found[k + 1 :]:
            same = m.scheme.family == first.scheme.family
            if same and m.ordinal == (run[-1][1].ordinal or 0) + 1:
                run.append((p, m))
        short = any(
            q == p and m.start - n.end < MIN_INLINE_ITEM for (p, n), (q, m) in pairwise(run)
        )
        if len(run) < 2 or short:
            continue
        again = any(
            m.ordinal == 1 and m.scheme.family == first.scheme.family and (p, m) not in run
            for p, m in found[k + 1 :]
        )
        # Lists restarting under unnumbered topics (组织部门…一是…; 宣传部门…一是…) divide
        # those topics, not the section.
        return [] if again else run
    return []


#: A heading without a number: a paragraph this short with no sentence end in it.
UNNUMBERED_CHARS = 30
_NOT_HEADING_END = ("，", "、", "：", "；", "。", "！", "？", "…", "”")


def _unnumbered(paragraphs: list[str], complete: bool = False) -> list[int]:
    """Positions of headings without numbers: two or more short unpunctuated paragraphs, each
    after a sentence end (or the announcement of the points, "提出三点要求：") and followed by a
    longer paragraph (or by the page's last, cut-off one), after an opening paragraph.  One is
    enough right under the announcement: the page cut off after its first point.  A part's
    conventional name (``PART_NAME``) is a heading on its own, wherever it stands, and so is a
    work report's part (``REPORT_PART``) in a report with no numbered points: the excerpt of a
    report to a congress cut off in its first part, "过去五年工作回顾" the only heading it
    shows (pool mining-dev26).  Parallel headings closed by a full stop are the same
    (``_parallel_sentences``)."""
    last = len(paragraphs) - 1
    found = [
        i
        for i in range(1, last)
        if 4 <= len(paragraphs[i]) <= UNNUMBERED_CHARS
        and not paragraphs[i].endswith(_NOT_HEADING_END)
        and not any(mark in paragraphs[i] for mark in "。！？；：")
        and (
            paragraphs[i - 1].endswith(_NOT_HEADING_END[3:])
            or (paragraphs[i - 1].endswith("：") and announces_points(paragraphs[i - 1]))
        )
        and (len(paragraphs[i + 1]) > UNNUMBERED_CHARS or i + 1 == last)
    ]
    if not (len(found) == 1 and announces_points(paragraphs[found[0] - 1])):
        found = found if len(found) >= 2 else []
    parts = [
        i
        for i in range(last)
        if (
            (len(paragraphs[i]) <= PART_NAME_CHARS and PART_NAME.match(paragraphs[i]))
            or _report_part(paragraphs[i])
        )
        and len(paragraphs[i + 1]) > UNNUMBERED_CHARS
    ]
    return sorted({*found, *parts, *_parallel_sentences(paragraphs, complete)})


#: Headings printed as sentences open with at least this many of the same characters.
PARALLEL_OPENING = 4


def _parallel_sentences(paragraphs: list[str], complete: bool) -> list[int]:
    """Positions of headings without numbers printed as sentences: "这一年我们…、…。" over a
    paragraph, and again "这一年我们…、…。" over the next (a county's New Year address, pool
    mining-dev28).  Each is one short sentence closed by "。" (``UNNUMBERED_CHARS`` without
    it; no other stop, colon or semicolon), after a sentence end and followed by a longer
    paragraph (the last may end a cut-off page: the excerpt stops under its heading), and
    two or more open with the same ``PARALLEL_OPENING`` characters: the parallel wording is
    what tells them from a short sentence of the text.  One right over another of the same
    wording heads nothing: a host's requests in a row ("请各位领导为…颁发证书。", "请各位领导
    为…披挂绶带。", pool mining-dev27) are the script's steps; but one right over a heading of
    a set that heads text is a heading whose text the page lost."""
    last = len(paragraphs) - 1
    groups: dict[str, list[int]] = {}
    bare: list[int] = []  # sentences of the shape right over another of the same wording
    for i in range(1, last + 1):
        text = paragraphs[i]
        if not (
            text.endswith("。")
            and PARALLEL_OPENING < len(text) <= UNNUMBERED_CHARS + 1
            and not any(mark in text[:-1] for mark in "。！？；：")
            and paragraphs[i - 1].endswith(_NOT_HEADING_END[3:])
        ):
            continue
        if i < last and paragraphs[i + 1].startswith(text[:PARALLEL_OPENING]):
            bare.append(i)
        if not (
            (
                i < last
                and len(paragraphs[i + 1]) > UNNUMBERED_CHARS
                and not paragraphs[i + 1].startswith(text[:PARALLEL_OPENING])
            )
            or (i == last and not complete)
        ):
            continue
        groups.setdefault(text[:PARALLEL_OPENING], []).append(i)
    found = {i for heads in groups.values() if len(heads) >= 2 for i in heads}
    # A heading whose text the page lost, right over the next heading of the set ("我将永葆
    # 忠诚之心。" over "我将永葆进取之心。" and its paragraph, a reposted pledge, pool
    # mining-dev33): one of the set all the same, when the one under it is.
    return sorted(found | {i for i in bare if i + 1 in found})


#: A part of a lecture or report named by its conventional name alone on its line ("概述",
#: "引言", "结束语"): a division heading however short, even the text's first paragraph, and
#: one is enough, for the page may be cut off under it (pool mining-dev24: a lecture's
#: "概述" the only heading its excerpt shows).  Followed by a paragraph of text, so a bare
#: word left over from the page is no heading.
PART_NAME = LazyPattern(r"^(?:概述|引言|前言|导言|序言|结语|结束语|小结)$")
PART_NAME_CHARS = 3


#: A work report's part named by its period and its kind of work, unnumbered on a line of its
#: own ("2021年工作回顾", "今年工作安排"): the report's main divisions, its numbered points under
#: them.  The period may be a term of several years ("过去五年工作回顾": a procuratorate's
#: report to a congress, pool mining-dev26), or a five-year plan's ("“十三五”时期的工作回顾");
#: the review may be called brief ("2009年工作简要回顾"; both a city's and a district's
#: report to its congress, pool mining-dev31).
REPORT_PART = LazyPattern(
    r"^(?:(?:19|20)\d{2}年度?|过去[一两二三四五六七八九十]?年|今年|明年"
    r"|“?十[一二三四五六七八九]?五”?(?:时期|期间))的?"
    r"(?:工作(?:简要)?回顾|工作安排|主要工作|重点工作|工作任务|工作部署|工作打算|工作思路)$",
    needs="工",
)
#: The longest such line ("“十三五”时期的工作简要回顾").
REPORT_PART_CHARS = 14


#: A work report's review part run on into the sentences around it with nothing between (a
#: copy flattened with nothing between paragraphs: "…请予审议。“十三五”时期的工作回顾“十三五”
#: 时期，是我市…"): after a sentence's end (or at the paragraph's start), the part's name, and
#: text that opens a sentence, not one that goes on ("…工作回顾中…", "…工作回顾，"), round 90.
#: Only the review: "今年工作任务十分繁重" is a sentence, "2009年工作简要回顾" none.
FUSED_REVIEW = LazyPattern(
    r"(?:^|(?<=[。！？]))((?:(?:19|20)\d{2}年度?|过去[一两二三四五六七八九十]?年"
    r"|“?十[一二三四五六七八九]?五”?(?:时期|期间))的?工作(?:简要)?回顾)"
    r"(?=[^，。、：；！？…的和与及是为在如起中总时会\s])",
    needs="回顾",
)


def _split_fused_reviews(paragraphs: list[str]) -> list[str]:
    """The paragraphs with a work report's review part run on into its text (``FUSED_REVIEW``)
    set on a line of its own between the sentences before it and its first paragraph."""
    out: list[str] = []
    for text in paragraphs:
        found = FUSED_REVIEW.search(text) if "回顾" in text else None
        if found is None:
            out.append(text)
            continue
        if found.start() > 0:
            out.append(text[: found.start()])
        out.extend([found.group(1), text[found.end() :]])
    return out


def _report_part(text: str) -> bool:
    """A line that is a work report's part (``REPORT_PART``); cheap tests before the pattern."""
    return len(text) <= REPORT_PART_CHARS and "工作" in text and bool(REPORT_PART.match(text))


def _report_parts(paragraphs: list[str], outline: Outline) -> list[int]:
    """Positions of a work report's unnumbered parts (``REPORT_PART``) when the first of them
    stands in the opening, above the first numbered point: the points nest under the parts.
    Cheap tests (length, 工作) before the pattern."""
    found = [i for i, text in enumerate(paragraphs) if _report_part(text)]
    return found if found and 0 < found[0] < len(outline.opening) else []


#: A dash point: a paragraph opening with a dash pair and a short phrase, then its comment
#: after a comma ("——守牢底线，就是…"), as some speeches print their main divisions.
DASH_POINT = re.compile(r"^[—－-]{2}\s*([^，,：:。；]{2,12})[，,：:](.+)$")


def _dash_points(paragraphs: list[str]) -> list[tuple[int, str, str]]:
    """Paragraphs opening with a dash point (position, heading, rest), when two or more do."""
    found = [
        (i, m.group(1).strip(), m.group(2).strip())
        for i, text in enumerate(paragraphs)
        if i > 0 and (m := DASH_POINT.match(text))
    ]
    return found if len(found) >= 2 else []


def _dash_outline(paragraphs: list[str], notes: list[Note]) -> Outline | None:
    """Top-level sections at dash points; None when the text has fewer than two."""
    points = _dash_points(paragraphs)
    if not points:
        return None
    sections = []
    for k, (at, heading, rest) in enumerate(points):
        end = points[k + 1][0] if k + 1 < len(points) else len(paragraphs)
        sections.append(
            Section(
                heading=heading,
                paragraphs=[rest, *paragraphs[at + 1 : end]],
                lead=True,
                numbering="无",
            )
        )
    return Outline(paragraphs[: points[0][0]], sections, notes)


#: A paragraph's own number: some governments number every paragraph of a speech for the
#: record ("1. 大家早上好！首先…", "2. …"), from the first one under the salutation on.
PARAGRAPH_NUMBER = LazyPattern(r"^(\d{1,2})[.．]\s*")
#: Fewer numbered paragraphs than this are not told from run-in points.
NUMBERED_PARAGRAPHS = 3
_SENTENCE_END = re.compile(r"[。！？]")


#: The longest greeting a page may print unnumbered over its numbered paragraphs ("大家新年好！").
GREETING_CHARS = 10
#: A numbered-paragraph text broken by its copy: one unnumbered paragraph to so many numbered.
LOOSE_PER_NUMBERED = 3


def _numbered_paragraphs(paragraphs: list[str]) -> bool:
    """Every paragraph of the text numbered 1., 2., 3., … in turn from the first, each with a
    sentence in it: numbers of paragraphs, not of points (a speech's points come after its
    opening, and a point's text runs on in paragraphs of its own).  A greeting on a line of its
    own may stand unnumbered over them ("大家新年好！" / "1. 今天是…"), or close the address a
    flattened copy ran on to it ("…女士们、先生们 大家新年好！", no sentence before it).

    A copy that broke a numbered paragraph in two (a space between its sentences read as a
    paragraph break, a PDF's wrap after a question mark, round 66) leaves an unnumbered
    sentence paragraph right after a numbered one: allowed, one to every
    ``LOOSE_PER_NUMBERED`` numbered paragraphs at most, never two in a row — a point's own
    paragraphs under numbered headings are at least as many as the points."""
    if paragraphs and paragraphs[0][-2:] in ("好！", "好。"):
        first = paragraphs[0]
        alone = PARAGRAPH_NUMBER.match(first) is None
        greeting = len(first) <= GREETING_CHARS or (
            alone and not _SENTENCE_END.search(first, 0, len(first) - 1)
        )
        paragraphs = paragraphs[greeting:]
    if len(paragraphs) < NUMBERED_PARAGRAPHS or not paragraphs[0].startswith("1"):
        return False  # the cheap test first: most texts open with no 1
    numbered, loose, after_numbered = 0, 0, False
    for text in paragraphs:
        if not _SENTENCE_END.search(text):
            return False
        number = PARAGRAPH_NUMBER.match(text)
        if number is None:
            if not after_numbered:
                return False
            loose, after_numbered = loose + 1, False
            continue
        numbered += 1
        if int(number.group(1)) != numbered:
            return False
        after_numbered = True
    return numbered >= NUMBERED_PARAGRAPHS and loose * LOOSE_PER_NUMBERED <= numbered


#: A heading printed with its first paragraph on its line, a space between ("2023年工作回顾
#: 2023年是…。", "俯下身子听民声 到街道工作的第一天，…", round 47: a copy that lost the line
#: break).  The heading is the shortest run of the line's space-parted pieces after which
#: the next piece reads as text (a clause mark in it): "虛懷若谷 和而不同 作為…，" keeps its
#: two four-character halves.  Only the line's first ``UNNUMBERED_CHARS`` + 1 characters.
_SPACE = re.compile(r"\s+")
_CLAUSE_MARK = re.compile(r"[，。！？；]")
_LATIN = re.compile(r"[A-Za-z]")


def _spaced_head(text: str) -> tuple[str, str] | None:
    """(heading, body) for a paragraph that opens with a heading-shaped phrase, a space and
    text; None for any other."""
    if not _SPACE.search(text, 0, UNNUMBERED_CHARS + 2):
        return None
    pieces = _SPACE.split(text)
    for k in range(1, len(pieces)):
        head = " ".join(pieces[:k])
        if len(head) > UNNUMBERED_CHARS + 1:
            return None
        if _CLAUSE_MARK.search(pieces[k]):
            body = " ".join(pieces[k:])
            bare = head.removesuffix("。")
            shaped = (
                len(bare) >= 4
                and not bare.endswith(_NOT_HEADING_END)
                and min(len(piece) for piece in pieces[: k + 1]) > 1  # letter-spaced "S A R S"
                and not _LATIN.search(head)
            )
            if shaped and not any(mark in bare for mark in "。！？；："):
                return head, body
            return None
    return None


def _split_spaced(paragraphs: list[str], keep: Callable[[str], bool]) -> list[str]:
    """The paragraphs with each spaced heading (``_spaced_head``) that ``keep`` accepts set on
    a line of its own over its body."""
    out: list[str] = []
    for text in paragraphs:
        spaced = _spaced_head(text)
        out.extend(spaced if spaced and keep(spaced[0]) else [text])
    return out


def _spaced_unnumbered(paragraphs: list[str], complete: bool) -> tuple[list[str], list[int]]:
    """Paragraphs and unnumbered headings (``_unnumbered``) when heading-shaped phrases run
    on into their paragraphs after a space are read as headings on lines of their own: only
    those that are then found as headings are split, and only when more are found so."""
    heads = _unnumbered(paragraphs, complete)
    if not any(_spaced_head(text) for text in paragraphs):
        return paragraphs, heads
    trial = _split_spaced(paragraphs, lambda head: True)
    found = {trial[i] for i in _unnumbered(trial, complete)}
    split = _split_spaced(paragraphs, lambda head: head in found)
    again = _unnumbered(split, complete)
    return (split, again) if len(again) > len(heads) else (paragraphs, heads)


def build_outline(paragraphs: list[str], complete: bool = False) -> Outline:
    """Opening paragraphs, top-level sections with their sub-points, and numbering notes;
    ``complete`` when the speech's sign-off follows them (the page was not cut short).

    A text without numbered points may still be divided by headings without numbers (short
    lines between paragraphs, as experience-sharing 发言 print them); their points, if any,
    nest under them.  A text whose every paragraph is numbered has no points
    (``_numbered_paragraphs``)."""
    if _numbered_paragraphs(paragraphs):
        return Outline(list(paragraphs), [], [])
    # A work report's part run on into its first paragraph ("2023年工作回顾 2023年是…"): the
    # part's name is exact enough to stand on its own line before the points are read.
    paragraphs = _split_spaced(paragraphs, _report_part)
    if not any(_report_part(text) for text in paragraphs):
        # Run on with nothing between, only when no part stands on a line of its own: a site's
        # summary that repeats the report's first lines is no second review (round 90).
        paragraphs = _split_fused_reviews(paragraphs)
    outline = _Builder(paragraphs, complete).build()
    if not outline.sections and (dashed := _dash_outline(paragraphs, outline.notes)):
        return dashed
    if outline.sections:
        heads = _report_parts(paragraphs, outline)
    else:
        paragraphs, heads = _spaced_unnumbered(paragraphs, complete)
    if not heads:
        return outline
    sections = []
    for k, at in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(paragraphs)
        inner = _Builder(paragraphs[at + 1 : end]).build()
        outline.notes.extend(inner.notes)
        sections.append(
            Section(
                heading=paragraphs[at].removesuffix("。"),  # a parallel sentence's stop
                paragraphs=inner.opening,
                sections=inner.sections,
                lead=False,
                numbering="无",
            )
        )
    return Outline(paragraphs[: heads[0]], sections, outline.notes)
