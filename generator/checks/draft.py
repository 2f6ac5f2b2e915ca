"""The neutral view every check reads: a draft as located, typed paragraphs.

Drafts come as outlines (a Speech), plain text or Word files.  Rather than teach every rule
three inputs, each input is turned into the same list of paragraphs with the kinds of
``generator.blocks`` (title, subtitle, speaker, date, salutation, body, heading, lead, signoff),
the part they belong to and their place; a Word file adds the formatting it resolved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .finding import Place

#: Kinds a listener hears; the title block is printed but not read out.
SPOKEN_KINDS = frozenset({"salutation", "body", "heading", "lead", "signoff"})

#: Part names as the report prints them, for paragraphs outside any numbered point.
PART_NAMES: dict[str, str] = {"front": "标题", "opening": "开头", "section": "", "closing": "结尾"}
#: A paragraph's kind as a person names it: the front matter is not all 标题 (a placeholder in
#: the speaker line was placed in "(标题)", a tester).
KIND_NAMES: dict[str, str] = {
    "title": "标题", "subtitle": "副标题", "speaker": "讲话人", "date": "日期",
    "salutation": "称呼", "body": "正文", "signoff": "结束语",
}


class RunFacts(NamedTuple):
    """Resolved formatting of one run of a Word paragraph (after style inheritance).

    ``hinted``: the run's fonts carry ``w:hint="eastAsia"``, without which Word draws the
    characters Chinese and Latin share (“ ” ‘ ’ — …) in the Latin font.
    """

    text: str
    east_asia: str | None
    latin: str | None
    size: float | None  # points
    bold: bool = False
    hinted: bool = True


class ParaFacts(NamedTuple):
    """Resolved layout of one Word paragraph: alignment (left, center, right, justify), first
    line indent in characters, and line spacing (twips, with its rule: exact, atLeast, auto)."""

    align: str = "left"
    first_line_chars: float | None = None
    line: int | None = None
    line_rule: str = "auto"


class PageFacts(NamedTuple):
    """Paper and margins of one Word section, in millimetres (None: not set in the file)."""

    width: float | None
    height: float | None
    top: float | None
    bottom: float | None
    left: float | None
    right: float | None


class Para(NamedTuple):
    """One paragraph of a draft.

    ``marker`` is the literal numbering at its start ("二、", "（三）", "一是") and ``ordinal``
    its value, both only for drafts whose numbering is text; ``scheme`` names the marker shape.
    ``section`` is the marker path of the point the paragraph belongs to.  ``head`` is the
    heading part of a lead paragraph.
    """

    kind: str
    text: str
    #: 1-based paragraph number; shadows tuple.index, which nothing calls on a Para.
    index: int  # type: ignore[assignment]
    part: str = "section"
    level: int = 0
    head: str = ""
    section: str = ""
    line: int | None = None
    marker: str = ""
    scheme: str = ""
    ordinal: int = 0
    indent: int = 0  # characters of indentation stripped before ``text`` (for columns)
    runs: tuple[RunFacts, ...] = ()
    facts: ParaFacts | None = None  # Word drafts only
    #: A Word heading whose ``marker`` its heading style implies: the text shows no number.
    implied: bool = False

    @property
    def where(self) -> str:
        """The section path, or the part's name outside the numbered points."""
        if self.kind == "salutation" or self.part == "front":
            return KIND_NAMES.get(self.kind, PART_NAMES["front"])
        return self.section or PART_NAMES.get(self.part, "")

    def place(self, start: int | None = None) -> Place:
        """Where character ``start`` of the text is, as a user finds it in the source."""
        column = None if start is None else self.indent + start + 1
        return Place(self.index, self.line, self.where, column)


class Draft(NamedTuple):
    """A draft to check.  ``literal_numbering`` is true when markers were typed by a person
    (text and Word drafts), so their sequence can be wrong; an outline's are computed."""

    paras: list[Para]  # paras[i].index == i + 1
    source: str  # "outline", "text" or "docx"
    literal_numbering: bool = False
    duration: str | None = None
    pages: Sequence[PageFacts] = ()
    yaml_text: str | None = None  # a YAML draft's own text: findings are placed at its lines
    #: Text printed on the page beside the speech, as (where, text): a Word file's headers,
    #: footers and footnotes ("页眉", "页脚", "脚注").  Placeholders there reach paper too.
    margins: Sequence[tuple[str, str]] = ()
