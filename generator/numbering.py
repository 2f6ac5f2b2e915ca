"""Section markers computed from the tree: 一、 (一) 1. (1) and the spoken schemes.

GB/T 9704 fixes the official sequence 一、 → (一) → 1. → (1) by level; speeches also number
points 第一, / 一是 / 一要 / 首先…, and a mined outline keeps that choice in
``Section.numbering``.  A scheme is named by how its first item looks ("一是", "第一，").
The ordinal is the section's place in the run of siblings that share its scheme, so a list
that changes scheme midway (1、…4、 then 第一,…第四,) restarts as the speaker did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .model import Section, Speech
from .numerals import to_chinese

#: The default marker shape for each level (GB/T 9704-2012, 7.3.3).
LEVEL_SCHEMES: tuple[str, ...] = ("一、", "（一）", "1.", "（1）")

_SEQUENCE_WORDS = ("首先，", "其次，", "再次，")


def _sequence_word(n: int) -> str:
    return _SEQUENCE_WORDS[n - 1] if n <= len(_SEQUENCE_WORDS) else f"第{to_chinese(n)}，"


#: scheme name → marker for ordinal n.  Adding a scheme touches this table only.
SCHEMES: dict[str, Callable[[int], str]] = {
    "一、": lambda n: f"{to_chinese(n)}、",
    "（一）": lambda n: f"（{to_chinese(n)}）",
    "1.": lambda n: f"{n}.",
    "（1）": lambda n: f"（{n}）",
    "1、": lambda n: f"{n}、",
    "第一，": lambda n: f"第{to_chinese(n)}，",
    "第一、": lambda n: f"第{to_chinese(n)}、",
    "一是": lambda n: f"{to_chinese(n)}是",
    "一要": lambda n: f"{to_chinese(n)}要",
    "第一要": lambda n: f"第{to_chinese(n)}要",
    "首先，": _sequence_word,
    "第一层意思，": lambda n: f"第{to_chinese(n)}层意思，",
    "第一个方面，": lambda n: f"第{to_chinese(n)}个方面，",
    "第一点，": lambda n: f"第{to_chinese(n)}点，",
    "一方面，": lambda n: "一方面，" if n == 1 else "另一方面，",
    "无": lambda n: "",
}

#: Spellings users and the miner write for the same schemes.
SCHEME_ALIASES: dict[str, str] = {
    "(一)": "（一）",
    "(1)": "（1）",
    "1．": "1.",
    "第一,": "第一，",
    "首先,": "首先，",
    "首先": "首先，",
    "第一": "第一，",
    "第一层意思,": "第一层意思，",
    "第一层意思": "第一层意思，",
    "第一个方面,": "第一个方面，",
    "第一个方面": "第一个方面，",
    "第一点,": "第一点，",
    "第一点": "第一点，",
    "一方面,": "一方面，",
    "一方面": "一方面，",
    "none": "无",
    "": "无",
}


def canonical_scheme(name: str) -> str | None:
    """The table key for a scheme as a user or the miner spelled it, or None if unknown."""
    name = SCHEME_ALIASES.get(name.strip(), name.strip())
    return name if name in SCHEMES else None


def scheme_of(section: Section, level: int) -> str:
    """The scheme a section is numbered with: its own, else its level's GB/T 9704 default."""
    if section.numbering:
        return canonical_scheme(section.numbering) or LEVEL_SCHEMES[min(level, 4) - 1]
    return LEVEL_SCHEMES[min(level, 4) - 1]


@dataclass(frozen=True)
class Numbered:
    """A section as a writer sees it: its level, its literal marker and whether it leads."""

    level: int
    marker: str
    section: Section
    lead: bool


def default_lead(section: Section, level: int) -> bool:
    """Level 1 headings stand alone; deeper ones open their first paragraph when it exists."""
    if section.lead is not None:
        return section.lead and bool(section.paragraphs)
    return level > 1 and bool(section.paragraphs) and not section.sections


def numbered(speech: Speech) -> Iterator[Numbered]:
    """Every section in reading order with the marker a reader sees before its heading."""

    def visit(sections: list[Section], level: int) -> Iterator[Numbered]:
        previous: str | None = None
        ordinal = 0
        for section in sections:
            scheme = scheme_of(section, level)
            ordinal = ordinal + 1 if scheme == previous else 1
            previous = scheme
            yield Numbered(level, SCHEMES[scheme](ordinal), section, default_lead(section, level))
            yield from visit(section.sections, level + 1)

    yield from visit(speech.sections, 1)


def lead_text(heading: str) -> str:
    """A heading that opens its paragraph ends as a sentence: add 。 unless it already ends."""
    return heading if heading.endswith(("。", "！", "？", "!", "?", "：", ":")) else heading + "。"
