"""The draft view of a Word file: paragraph text, the kind its style names, its outline level,
and the resolved formatting of every run, for the words checks and the layout check alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..reading import docx_paragraphs, open_docx, paragraph_text, run_elements, run_text
from ..word_headings import heading_markers, texts_as_read
from .classify import Raw, classify
from .docx_styles import StyleChain
from .draft import Draft, PageFacts

if TYPE_CHECKING:
    from docx.shared import Length

_INDENT = " \t\u3000\xa0"

#: Paragraph style ids (ours and Word's built-ins) that say what a paragraph is.
STYLE_KINDS: dict[str, str] = {
    "Title": "title", "Subtitle": "subtitle", "Speaker": "speaker", "Date": "date",
    "Salutation": "salutation", "Signoff": "signoff",
}


def _mm(length: Length | None) -> float | None:
    return None if length is None else round(length.mm, 1)


def docx_draft(path: Path) -> Draft:
    document = open_docx(path)
    chain = StyleChain(document)
    paragraphs = docx_paragraphs(document)
    texts = texts_as_read(document, paragraphs)  # Word's automatic numbers written out
    implied = heading_markers(document, texts, chain)
    raws: list[Raw] = []
    for paragraph in paragraphs:
        element = paragraph._p
        full = texts[element]
        text = full.strip(_INDENT)
        if not text:
            continue
        style = chain.paragraph_style(element)
        runs = ((run, run_text(run)) for run in run_elements(element))
        raws.append(Raw(
            text,
            indent=len(full) - len(full.lstrip(_INDENT)),
            outline_level=chain.outline_level(element),
            implied=implied.get(element, ""),
            hint=STYLE_KINDS.get(style or ""),
            runs=tuple(chain.run(element, run, t) for run, t in runs if t.strip()),
            facts=chain.paragraph(element),
        ))
    pages = [
        PageFacts(_mm(s.page_width), _mm(s.page_height), _mm(s.top_margin),
                  _mm(s.bottom_margin), _mm(s.left_margin), _mm(s.right_margin))
        for s in document.sections
    ]
    return Draft(classify(raws), "docx", literal_numbering=True, pages=pages,
                 margins=tuple(_margins(document)))


#: The parts beside the body a printed page shows, by relationship type (ECMA-376 Part 1,
#: §17.10 headers and footers, §17.11 footnotes and endnotes).
_MARGIN_PARTS = {"/header": "页眉", "/footer": "页脚", "/footnotes": "脚注", "/endnotes": "尾注"}


def _margins(document: Any) -> Iterator[tuple[str, str]]:
    """(where, text) of each non-empty paragraph of the headers, footers and notes."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import parse_xml  # python-docx's parser: no entities, no network

    for rel in document.part.rels.values():
        where = next((name for kind, name in _MARGIN_PARTS.items()
                      if rel.reltype.endswith(kind)), None)
        if where is None or rel.is_external:
            continue
        root = parse_xml(rel.target_part.blob)
        for paragraph in root.iter(qn("w:p")):
            if text := paragraph_text(paragraph).strip():
                yield where, text
