"""Reading pages: plain text in whatever encoding the site used, a saved web page, or Word.

Scraped pages arrive as UTF-8 (with or without BOM) or GB18030 (Windows 简体 saves); Word
documents keep automatic numbering outside the text, so it is rebuilt here and the miner sees
"一、" exactly as a reader of the document does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import reading
from ..errors import InputError, Problem
from ..word_headings import heading_markers, texts_as_read

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
    tables: int = 0  # a Word file's data tables, each row written as one line


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
    if path.suffix.lower() == ".docx":
        # Bounded by what its parts inflate to (reading.check_zip), as `check` bounds it, not
        # by the file's size: photos make a speech's .docx large, and `mine` refused at 20 MB
        # a .docx that `check` read (a tester, round 2).
        return Source(name, *_docx_lines(path))
    data = reading.read_bytes(path, MAX_BYTES)
    if data[:2] == b"PK":
        return Source(name, *_docx_lines(path))
    text = decode(data, name)
    if path.suffix.lower() in (".htm", ".html") or text.lstrip()[:15].lower().startswith(
        ("<!doctype html", "<html")
    ):
        from .html_text import html_lines  # html.parser: only for saved web pages

        return Source(name, html_lines(text))
    return Source(name, text.splitlines())


def _docx_lines(path: Path) -> tuple[list[str], int]:
    """Paragraph texts, with automatic list numbers written out as the reader sees them, and
    how many data tables there were: a data table's row is one line (see `_data_cells`)."""
    from docx.oxml.ns import qn

    document = reading.open_docx(path)
    paragraphs = reading.docx_paragraphs(document)
    texts = texts_as_read(document, paragraphs)
    numbers = heading_markers(document, texts)
    lines: list[str] = []
    rows: dict[Any, list[str] | None] = {}  # each table row met, its cells' texts when data
    for paragraph in paragraphs:
        row = next(paragraph._p.iterancestors(qn("w:tr")), None)
        if row is not None:
            if row not in rows:
                rows[row] = cells = _data_cells(row)
                if cells is not None:
                    lines.append(DATA_CELL_GAP.join(cells))
            if rows[row] is not None:
                continue
        lines.append(numbers.get(paragraph._p, "") + texts[paragraph._p])
    tables = {row.getparent() for row, cells in rows.items() if cells is not None}
    return lines, len(tables)


#: Between a data row's cells on its line: a full-width space, as a typist spaces columns.
DATA_CELL_GAP = "\u3000"
#: A cell longer than this holds prose, not a datum.
DATA_CELL_CHARS = 40


def _data_cells(row: Any) -> list[str] | None:
    """The texts of a table row's (w:tr) cells when the row is data: two cells or more with
    words, each a single short paragraph ("任务名称 | 责任单位 | 完成时限"); None otherwise.
    Decided once a row, whichever of its paragraphs comes first.  A data table read one cell
    a line gave a point nine one-word paragraphs (a tester, round 2); a page saved from HTML
    keeps its whole speech in a layout table, whose cells hold prose or one column and stay
    read paragraph by paragraph."""
    from docx.oxml.ns import qn

    texts = []
    for cell in row.iterchildren(qn("w:tc")):
        words = [t for p in cell.iter(qn("w:p")) if (t := reading.paragraph_text(p).strip())]
        if len(words) > 1:
            return None
        texts.append(words[0] if words else "")
    if sum(bool(t) for t in texts) < 2 or any(len(t) > DATA_CELL_CHARS for t in texts):
        return None
    return texts
