"""What counts as saying something twice: runs of characters shared between wordings.

Two wordings sharing a four-character run repeat a formula ("抓好落实"); glue sharing an
eight-character run with the user's own text repeats a clause of it.  Runs are counted in Chinese
characters only, never across a punctuation mark or a slot.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

#: Two wordings sharing a run of this many characters repeat a formula ("抓好落实").
FORMULA = 4


#: Glue sharing a run this long with the user's own text repeats a clause of it ("一件大事" is a
#: formula; "政治生活中的一件大事" said twice is a seam).  Six passed over "选举产生{org}新一届
#: 委员会" for a paragraph saying "选举产生新一届支部委员会", a term, not a clause.
CLAUSE = 8


@lru_cache(maxsize=2048)  # the stock's ~260 wordings, asked for again by every move of every
def grams(wording: str) -> frozenset[str]:  # render (a user's opening text passes through)
    """The formula-sized runs of a variant's own words (its slots are the facts, not glue)."""
    words = _own_words(wording)
    grams = runs(words, FORMULA)
    # 今天 opens a sentence or clause once in an opening, not three times ("今天由我…今天结合…
    # 今天，我就…": a blind reader, round 13; "按照…安排，今天由我…。…今天，我想围绕…", round
    # 14): two wordings opening a clause with it share a formula.  So do two verdicts opening
    # on 讲得 ("…讲得很全面，也很客观；…讲得很实在", in three drafts of cr11: a reviewer).
    openers = set(re.findall(r"(?:^|[。！？，])(今天|讲得)", words))
    return frozenset(grams | openers)


@lru_cache(maxsize=1024)
def _slots(wording: str) -> frozenset[str]:
    """The facts a wording is filled with: its slots, the leadership its {under} says and the
    default its {goal} falls back on."""
    names = set(re.findall(r"\{(\w+)\}", wording))
    return frozenset(names | ({"leadership"} if "under" in names else set())
                     | ({"default_goal"} if "goal" in names else set()))


def filled_by(wording: str, facts: Mapping[str, frozenset[str]]) -> frozenset[str]:
    return frozenset().union(*(facts[name] for name in _slots(wording) if name in facts))


#: How many characters of a heading's start make two headings read as one stem.
HEADING_START = 4


def headings(facts: Any) -> Iterator[str]:
    """Every heading the user gave, at any depth of the facts."""
    if isinstance(facts, Mapping):
        for key, value in facts.items():
            if key == "heading" and isinstance(value, str):
                yield value
            else:
                yield from headings(value)
    elif isinstance(facts, (list, tuple)):
        for value in facts:
            yield from headings(value)


def sentences(facts: Any) -> Iterator[str]:
    """Every text of the user's at any depth of the facts (a part's paragraphs, a point's
    heading, the agenda), short names and choices included: their formula-sized runs are what
    the glue must not say again."""
    if isinstance(facts, str):
        yield facts
    elif isinstance(facts, Mapping):
        for value in facts.values():
            yield from sentences(value)
    elif isinstance(facts, (list, tuple)):
        for value in facts:
            yield from sentences(value)


@lru_cache(maxsize=1024)
def _own_words(wording: str) -> str:
    """A wording without its slots: the glue's own words."""
    return re.sub(r"\{\w+\}", " ", wording)


@lru_cache(maxsize=1024)  # the stock's wordings, tried against the user's text by every move
def clauses(wording: str) -> frozenset[str]:
    """The clause-sized runs of a variant's own words."""
    return runs(_own_words(wording), CLAUSE)


def runs(text: str, size: int) -> frozenset[str]:
    """The runs of `size` Chinese characters in `text` (not across a mark or a slot)."""
    # Not re.split on [^\u4e00-\u9fff]: compiling that class costs ~1 ms of every render.
    runs = "".join(ch if "\u4e00" <= ch <= "\u9fff" else " " for ch in text).split()
    return frozenset(run[i:i + size] for run in runs for i in range(len(run) - size + 1))


def unpunctuated(text: str | None) -> str:
    return (text or "").strip().rstrip("。！？!?；;，,、：:")
