"""Reading pages: plain text in whatever encoding the site used, a saved web page, or Word.

Scraped pages arrive as UTF-8 (with or without BOM) or GB18030 (Windows 简体 saves); Word
documents keep automatic numbering outside the text, so it is rebuilt here and the miner sees
"一、" exactly as a reader of the document does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import reading
from ..errors import InputError, Problem
from ..word_numbering import ListLabels

#: A page of speeches is well under 1 MB; 20 MB is certainly not one.
MAX_BYTES = reading.MAX_PAGE


#: Formats people will try, with what to do instead.
UNSUPPORTED = {
    ".doc": "不支持旧版 Word(.doc),请在 Word 或 WPS 中另存为 .docx 后再提取。",
    ".wps": "不支持 WPS 文档(.wps),请另存为 .docx 后再提取。",
    ".pdf": "不支持 PDF,请先复制文字保存为 .txt,或另存为 .docx 后再提取。",
}


@dataclass
class Source:
    """A page as physical lines (1-based numbering is index + 1)."""

    name: str
    lines: list[str]


def decode(data: bytes, name: str) -> str:
    """The page's text (see reading.decode); an empty page is refused."""
    text = reading.decode(data, name, ".txt、.html 或 .docx")
    if not text.strip():
        raise InputError(Problem("文件是空的,没有可提取的讲话稿。", name))
    return text


def read_source(path: str | Path) -> Source:
    """Read a .txt, .html or .docx page, refusing empty, binary and oversized files."""
    path = Path(path)
    name = str(path)
    hint = UNSUPPORTED.get(path.suffix.lower())
    if hint and path.is_file():
        raise InputError(Problem(hint, name))
    data = reading.read_bytes(path, MAX_BYTES)
    if path.suffix.lower() == ".docx" or data[:2] == b"PK":
        return Source(name, _docx_lines(path))
    text = decode(data, name)
    if path.suffix.lower() in (".htm", ".html") or text.lstrip()[:15].lower().startswith(
        ("<!doctype html", "<html")
    ):
        from .html_text import html_lines  # html.parser: only for saved web pages

        return Source(name, html_lines(text))
    return Source(name, text.splitlines())


def _docx_lines(path: Path) -> list[str]:
    """Paragraph texts, with automatic list numbers written out as the reader sees them."""
    document = reading.open_docx(path)
    labels = ListLabels(document)
    lines: list[str] = []
    for paragraph in reading.docx_paragraphs(document):
        text = reading.paragraph_text(paragraph._p)
        if text.strip():
            text = labels.label(paragraph._p) + text
        lines.append(text)
    return lines
