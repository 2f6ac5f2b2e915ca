"""The speech tree: the one model every input produces and every writer consumes.

A speech is a title block, an opening, numbered sections nested up to four levels, a closing
and a sign-off.  Numbering is *not* stored as text: a section records only the shape of its
marker (``numbering``), and writers compute the ordinal from the section's position, so the
numbers are always consecutive however the tree was edited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

MAX_DEPTH = 4

#: Rhetorical roles of a top-level section, in the order the genre puts them.
ROLES: tuple[str, ...] = ("review", "situation", "tasks", "guarantee", "other")

#: Chinese names of the roles, for messages and as accepted input aliases.
ROLE_NAMES: dict[str, str] = {
    "review": "回顾",
    "situation": "形势",
    "tasks": "任务",
    "guarantee": "保障",
    "other": "其他",
}


@dataclass
class Section:
    """One numbered point: a heading, its paragraphs and its sub-points.

    ``closing`` holds the paragraphs that close the section itself after its sub-points
    ("各乡镇、各部门要举一反三……"), so they never read as part of the last point.
    ``lead`` decides whether the heading stands on its own line (``False``) or opens the first
    paragraph as in "(一)文秘工作严谨规范。各级党委办公室…" (``True``); ``None`` means the
    writer's default for the level (own line at level 1, leading below).
    """

    heading: str = ""
    paragraphs: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    role: str | None = None
    lead: bool | None = None
    numbering: str | None = None
    closing: list[str] = field(default_factory=list)


class Flag(NamedTuple):
    """An annotation left by the miner or a check; never part of the speech text."""

    code: str
    message: str
    where: str | None = None


@dataclass
class Speech:
    """A whole speech.  ``template`` names the template that produced or will produce it."""

    title: str = ""
    subtitle: str | None = None
    speaker: str | None = None
    date: str | None = None
    salutation: str | None = None
    opening: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    signoff: list[str] = field(default_factory=list)
    template: str = "outline"
    duration: str | None = None
    source: dict[str, str] | None = None
    flags: list[Flag] = field(default_factory=list)

    def walk(self) -> list[tuple[int, Section]]:
        """Every section with its level (1-based), in reading order."""
        out: list[tuple[int, Section]] = []

        def visit(sections: list[Section], level: int) -> None:
            for section in sections:
                out.append((level, section))
                visit(section.sections, level + 1)

        visit(self.sections, 1)
        return out
