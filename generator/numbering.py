"""Section markers computed from the tree: 一、 (一) 1. (1) and the spoken schemes.

GB/T 9704 fixes the official sequence 一、 → (一) → 1. → (1) by level; speeches also number
points 第一, / 一是 / 一要 / 首先…, and a mined outline keeps that choice in
``Section.numbering`` (the schemes are declared in ``generator.schemes``).  The ordinal is the
section's place in the run of siblings that share its scheme, so a list that changes scheme
midway (1、…4、 then 第一,…第四,) restarts as the speaker did.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from .model import Section, Speech
from .schemes import BY_NAME, LEVEL_SCHEMES, canonical_scheme, marker


def scheme_of(section: Section, level: int) -> str:
    """The scheme a section is numbered with: its own, else its level's GB/T 9704 default."""
    if section.numbering:
        return canonical_scheme(section.numbering) or LEVEL_SCHEMES[min(level, 4) - 1]
    return LEVEL_SCHEMES[min(level, 4) - 1]


#: Schemes whose lone item is no point of its own (首先, 一是, 第一).
_WEAK = frozenset(name for name, scheme in BY_NAME.items() if not scheme.strong)


class Numbered(NamedTuple):
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
    """Every section in reading order with the marker a reader sees before its heading.  A
    lone item of a weak scheme (首先, 一是, 第一: ``Scheme.strong`` is false) that opens its
    paragraph has none: a lone "首先，" or "一是" is a seam the genre does not leave, where a
    lone 一、 heads its point."""

    def visit(sections: list[Section], level: int) -> Iterator[Numbered]:
        schemes = [scheme_of(section, level) for section in sections]
        # "首先，党员要…" with no 其次 after it (a fact writer): a weak scheme's lone item
        alone = {scheme for scheme in schemes if scheme in _WEAK and schemes.count(scheme) == 1}
        previous: str | None = None
        ordinal = 0
        for section, scheme in zip(sections, schemes, strict=True):
            ordinal = ordinal + 1 if scheme == previous else 1
            previous = scheme
            lead = default_lead(section, level)
            said = "" if lead and scheme in alone else marker(scheme, ordinal,
                                                                  schemes.count(scheme))
            yield Numbered(level, said, section, lead)
            yield from visit(section.sections, level + 1)

    yield from visit(speech.sections, 1)


def lead_text(heading: str) -> str:
    """A heading that opens its paragraph ends as a sentence: add 。 unless it already ends
    (a mined heading that is a run-on sentence's first clause keeps its comma and reads on)."""
    ends = ("。", "！", "？", "!", "?", "：", ":", "，")
    return heading if heading.endswith(ends) else heading + "。"
