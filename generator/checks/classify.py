"""Kinds and places for the paragraphs of a typed draft (text or Word), read by eye's rules.

An outline knows what each paragraph is; a typed draft has to be read the way a reviewer
reads it: the title block on top, 同志们： on its own line, points recognised by their
markers, the appeal and 谢谢大家 at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..lexicon import (
    ADDRESS_WORDS,
    APPEAL_ENDS,
    APPEAL_STARTS,
    FOLLOW_UP,
    MODEST_REQUESTS,
    SIGNOFF_WORDS,
    SUMMING_UP,
    TITLE_ENDINGS,
    WISH_STARTS,
    alternation,
    called,
)
from ..schemes import BY_NAME
from .draft import Para, ParaFacts, RunFacts
from .markers import LIST_SCHEMES, Nesting, marker_at, split_heading

_DATE = re.compile(r"^[（(]?\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?[）)]?$")
_SALUTATION_WORDS = re.compile(alternation(ADDRESS_WORDS))
_SALUTATION = re.compile(r"^[^。！？!?]{1,24}[：:]$")
_SIGNOFF = re.compile(f"^{alternation(SIGNOFF_WORDS)}")
#: An appeal may open by calling on the hall first ("全体党员，让我们…", "各位领导、各位来宾，
#: 祝大家…"): a short address of its own, up to its comma.
_CALLED = "(?:[^，。！？；：]{1,16}，)?"
_APPEAL_START = re.compile(f"^{_CALLED}{alternation(APPEAL_STARTS)}")
#: Good wishes close a ceremony's speech as an appeal does ("…，祝大家新春愉快！").
_WISHES = re.compile(f"^{_CALLED}{alternation(WISH_STARTS)}")
#: Weaker cues: a point's only paragraph may also start this way.
_CLOSING_START = re.compile(f"^{alternation((*SUMMING_UP, *FOLLOW_UP, '最后'))}")
_CLOSING_END = re.compile(f"{alternation(APPEAL_ENDS)}[!！。]$")
#: "请同志们批评。": a request, not "开展批评和自我批评。", so 请 must come a few words before.
_MODEST_END = re.compile(f"请[^。！]{{0,6}}{alternation(MODEST_REQUESTS)}[!！。]$")
_FRONT_KINDS = ("title", "subtitle", "speaker", "date", "salutation")
_SENTENCE_PUNCT = re.compile(r"[。！？!?，,；;]")
_SENTENCE_END = re.compile(r"[。！？!?]")


@dataclass(frozen=True)
class Raw:
    """A non-empty paragraph as read: text, source line, indentation, outline level, runs."""

    text: str
    line: int | None = None
    indent: int = 0
    outline_level: int | None = None  # Word's 0-based outline level, None for body text
    implied: str = ""  # the marker a heading style implies where the text shows none
    hint: str | None = None  # the kind a Word paragraph style names (Title, Date, Signoff…)
    runs: tuple[RunFacts, ...] = ()
    facts: ParaFacts | None = None


def _front_matter(raws: list[Raw]) -> list[str]:
    """Kinds of the title block lines at the top, ending at the salutation or the first body."""
    kinds: list[str] = []
    for raw in raws:
        text = raw.text
        if raw.hint in _FRONT_KINDS:
            kinds.append(raw.hint)
            if raw.hint == "salutation":
                break
            continue
        if marker_at(text) or raw.hint or raw.outline_level is not None:
            break
        if _SALUTATION.match(text) and _SALUTATION_WORDS.search(text):
            kinds.append("salutation")
            break
        if _DATE.match(text):
            kinds.append("date")
        elif not kinds:
            if _SENTENCE_END.search(text) or len(text) > 60:
                break  # a first line that is a sentence: the draft has no title block
            kinds.append("title")  # titles may hold commas: 坚定信心，真抓实干，…
        elif text.startswith(("—", "--")):
            kinds.append("subtitle")
        elif len(text) <= 30 and not _SENTENCE_PUNCT.search(text):
            kinds.append("title" if _continues_title(kinds, raws, text) else "speaker")
        else:
            break
    return kinds


def _continues_title(kinds: list[str], raws: list[Raw], text: str) -> bool:
    """A long title broken over two lines: the first half does not end like a title, and the
    second is no "职务 姓名" byline (bylines are short or spaced)."""
    previous = raws[len(kinds) - 1].text
    return (
        kinds[-1] == "title"
        and not previous.endswith(TITLE_ENDINGS)
        and len(text) > 4
        and not re.search(r"\s", text)
    )


def _formatted_as_point(raw: Raw, kind: str, head: str) -> bool:
    """Whether a spoken-list item (一是…) is laid out as a point.  Plain text cannot say, but
    Word can: an outline level makes it a heading, and a first run holding exactly the
    heading in a font of its own makes it a lead paragraph, as the DOCX writer lays out
    sections numbered 一是."""
    if kind == "heading":
        return raw.outline_level is not None
    if kind != "lead" or len(raw.runs) < 2 or raw.runs[0].text.strip() != head:
        return False
    first, second = raw.runs[0], raw.runs[1]
    return (first.east_asia, first.size) != (second.east_asia, second.size)


def _closing_start(paras: list[Para]) -> int:
    """Index of the first paragraph of the closing: trailing sign-offs and appeal paragraphs.
    An appeal may call on the hall as the salutation did ("各位党员：" … "各位党员，春节快到了，
    …我相信…就一定能够…"), as the drafts do: check put such a close in the opening and said
    the speech had none (a fact writer)."""
    address = _called(paras)
    start = len(paras)
    for i in range(len(paras) - 1, -1, -1):
        para = paras[i]
        appeal = para.kind == "body" and bool(
            _APPEAL_START.match(para.text) or _WISHES.match(para.text)
            or _CLOSING_END.search(para.text)
            or (address and para.text.startswith(address)))
        weak = para.kind == "body" and bool(_CLOSING_START.match(para.text))
        if weak and not appeal and i and paras[i - 1].kind == "heading":
            break  # the only paragraph of the last point is its body, however it starts
        if weak and not appeal and _ends_list(paras[:i], para.text):
            break  # "首先，…其次，…最后，要…": the list's last item, not the closing (a tester)
        if para.kind == "signoff" or appeal or weak:
            start = i
        else:
            break
    return start


def _ends_list(before: list[Para], text: str) -> bool:
    """Whether `text` is the last item ("最后，要…") of the spoken list the paragraphs before it
    opened: the nearest paragraph opened by a marker is of a spoken scheme whose own last word
    it is."""
    marked = next((p for p in reversed(before) if p.scheme), None)
    if marked is None or marked.scheme not in LIST_SCHEMES:
        return False
    last = BY_NAME[marked.scheme].last
    return bool(last and re.match(last, text))


def _called(paras: list[Para]) -> str:
    """How the salutation calls the hall, as an appeal repeats it ("尊敬的各位党员：" →
    "各位党员，"); "" when there is no salutation or it is the common 同志们 (matched anyway)."""
    hall = called(next((p.text for p in paras if p.kind == "salutation"), ""))
    return f"{hall}，" if hall and "、" not in hall and len(hall) <= 8 else ""


def classify(raws: list[Raw]) -> list[Para]:
    """Typed paragraphs in reading order, with levels, sections and parts."""
    front = _front_matter(raws)
    paras: list[Para] = [
        Para(kind, raw.text, i + 1, part="front", line=raw.line, indent=raw.indent, runs=raw.runs,
             facts=raw.facts)
        for i, (kind, raw) in enumerate(zip(front, raws[: len(front)], strict=True))
    ]
    nesting = Nesting()
    seen_point = False
    for i, raw in enumerate(raws[len(front):], start=len(front)):
        text = raw.text
        marker = marker_at(text) or nesting.closing(text)
        kind, head = "body", ""
        if not marker and raw.implied:
            marker = marker_at(raw.implied + text)  # a heading style's point, numbered or not
            kind, head = "heading", text
        elif marker:
            kind, head = split_heading(text, marker)
            spoken = marker.scheme in LIST_SCHEMES or nesting.continues_spoken(marker)
            if spoken and not _formatted_as_point(raw, kind, head):
                kind, head = "body", ""
            elif kind == "body":
                marker = None
        if marker:
            level, _ = nesting.push(marker)
            if kind != "body":
                seen_point = True
                if not raw.implied and raw.outline_level is not None and raw.outline_level < 9:
                    level = raw.outline_level + 1
            marked: dict[str, Any] = {
                "marker": marker.text, "scheme": marker.scheme, "ordinal": marker.ordinal}
        else:
            level, marked = 0, {}
            if raw.hint == "signoff" or (len(text) <= 30 and _SIGNOFF.match(text)) or (
                    len(text) <= 40 and _MODEST_END.search(text)):
                kind = "signoff"
        paras.append(Para(
            kind, text, i + 1,
            part="section" if seen_point else "opening",
            level=level if kind in ("heading", "lead") else 0,
            head=head,
            section=nesting.path() if seen_point else "",
            line=raw.line, indent=raw.indent, runs=raw.runs, facts=raw.facts,
            implied=bool(raw.implied), **marked,
        ))
    closing = _closing_start(paras)
    return [
        p if i < closing or p.kind in ("heading", "lead") else _as_closing(p)
        for i, p in enumerate(paras)
    ]


def _as_closing(para: Para) -> Para:
    return Para(
        para.kind, para.text, para.index, part="closing", line=para.line, indent=para.indent,
        marker=para.marker, scheme=para.scheme, ordinal=para.ordinal, runs=para.runs,
        facts=para.facts,
    )
