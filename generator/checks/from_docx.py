"""The draft view of a Word file: paragraph text, the kind its style names, its outline level,
and the resolved formatting of every run, for the words checks and the layout check alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from ..reading import open_docx
from ..word_numbering import ListLabels
from .classify import Raw, classify
from .docx_styles import StyleChain
from .draft import Draft, PageFacts

if TYPE_CHECKING:
    from docx.shared import Length

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_INDENT = " \t\u3000\xa0"

#: Paragraph style ids (ours and Word's built-ins) that say what a paragraph is.
STYLE_KINDS: dict[str, str] = {
    "Title": "title", "Subtitle": "subtitle", "Speaker": "speaker", "Date": "date",
    "Salutation": "salutation", "Signoff": "signoff",
}


def run_elements(paragraph: etree._Element) -> Iterator[etree._Element]:
    """The runs of a paragraph in reading order, those inside hyperlinks included."""
    for child in paragraph:
        if child.tag == f"{_W}r":
            yield child
        elif child.tag == f"{_W}hyperlink":
            yield from child.iterchildren(f"{_W}r")


def run_text(run: etree._Element) -> str:
    parts = []
    for child in run:
        if child.tag == f"{_W}t":
            parts.append(child.text or "")
        elif child.tag == f"{_W}tab":
            parts.append("\t")
        elif child.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def _mm(length: Length | None) -> float | None:
    return None if length is None else round(length.mm, 1)


def docx_draft(path: Path) -> Draft:
    document = open_docx(path)
    chain = StyleChain(document)
    labels = ListLabels(document)
    raws: list[Raw] = []
    for paragraph in document.paragraphs:
        element = paragraph._p
        runs = [(run, run_text(run)) for run in run_elements(element)]
        full = "".join(text for _, text in runs)
        if full.strip(_INDENT):
            full = labels.label(element) + full  # Word's automatic number, as the reader sees
        text = full.strip(_INDENT)
        if not text:
            continue
        style = chain.paragraph_style(element)
        raws.append(Raw(
            text,
            indent=len(full) - len(full.lstrip(_INDENT)),
            outline_level=chain.outline_level(element),
            hint=STYLE_KINDS.get(style or ""),
            runs=tuple(chain.run(element, run, t) for run, t in runs if t.strip()),
            facts=chain.paragraph(element),
        ))
    pages = [
        PageFacts(_mm(s.page_width), _mm(s.page_height), _mm(s.top_margin),
                  _mm(s.bottom_margin), _mm(s.left_margin), _mm(s.right_margin))
        for s in document.sections
    ]
    return Draft(classify(raws), "docx", literal_numbering=True, pages=pages)
