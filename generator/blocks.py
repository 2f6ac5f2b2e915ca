"""The speech tree flattened into the blocks a reader sees, in order.

Every writer (text, Markdown, DOCX) and every check walks the same blocks, so a heading's
marker, a lead sentence's full stop or the date's brackets are decided in one place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from .model import Section, Speech
from .numbering import lead_text, numbered


class Block(NamedTuple):
    """One paragraph of output.

    kind: title, subtitle, speaker, date, salutation, body, heading (a heading on its own line),
    lead (a paragraph opened by its heading: ``head`` is the heading part, in the heading font),
    signoff.  ``level`` is 1–4 for heading and lead, 0 otherwise.  ``part`` says where a body
    paragraph sits (opening, section, closing) so checks can place what they find.
    """

    kind: str
    text: str
    level: int = 0
    head: str = ""
    part: str = ""


def byline(speaker: str) -> str:
    """The speaker's line with one full-width space between post and name ("县委书记　王明"),
    as the examples and every scaffold print it, however the user or the page spaced them: a
    half-width space typed on a Western keyboard, several, or the full-width one `mine` reads
    as a half-width space."""
    return "\u3000".join(speaker.split())


def blocks(speech: Speech) -> Iterator[Block]:
    if speech.title:
        yield Block("title", speech.title)
    if speech.subtitle:
        yield Block("subtitle", speech.subtitle)
    if speech.speaker:
        yield Block("speaker", byline(speech.speaker))
    if speech.date:
        yield Block("date", f"（{speech.date}）")
    if speech.salutation:
        yield Block("salutation", speech.salutation)
    for paragraph in speech.opening:
        yield Block("body", paragraph, part="opening")
    open_sections: list[tuple[int, Section]] = []  # sections whose closing is still to come
    for item in numbered(speech):
        while open_sections and open_sections[-1][0] >= item.level:
            yield from _closing(open_sections.pop()[1])
        open_sections.append((item.level, item.section))
        section = item.section
        paragraphs = section.paragraphs
        if item.lead and not item.marker:
            # a run-in heading with no number is a sentence of its paragraph (a lone 首先's,
            # a 无 scheme's): set in the heading's face it read as body text in the wrong font,
            # and `check` told our own draft so (a tester)
            yield Block("body", lead_text(section.heading) + paragraphs[0], part="section")
            paragraphs = paragraphs[1:]
        elif item.lead:
            head = item.marker + lead_text(section.heading)
            yield Block("lead", head + paragraphs[0], item.level, head, part="section")
            paragraphs = paragraphs[1:]
        elif item.marker or section.heading:
            yield Block("heading", item.marker + section.heading, item.level, part="section")
        for paragraph in paragraphs:
            yield Block("body", paragraph, part="section")
    while open_sections:
        yield from _closing(open_sections.pop()[1])
    for paragraph in speech.closing:
        yield Block("body", paragraph, part="closing")
    for line in speech.signoff:
        yield Block("signoff", line, part="closing")


def _closing(section: Section) -> Iterator[Block]:
    """A section's own closing paragraphs, after the last of its sub-points."""
    for paragraph in section.closing:
        yield Block("body", paragraph, part="section")
