"""Reading pages: plain text in whatever encoding the site used, a saved web page, or Word.

Scraped pages arrive as UTF-8 (with or without BOM) or GB18030 (Windows 简体 saves); Word
documents keep automatic numbering outside the text, so it is rebuilt here and the miner sees
"一、" exactly as a reader of the document does.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import takewhile
from pathlib import Path
from typing import Any

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
    if path.suffix.lower() == ".docx":
        # Bounded by what its parts inflate to (reading.check_zip), as `check` bounds it, not
        # by the file's size: photos make a speech's .docx large, and `mine` refused at 20 MB
        # a .docx that `check` read (a tester, round 2).
        return Source(name, _docx_lines(path))
    data = reading.read_bytes(path, MAX_BYTES)
    if data[:2] == b"PK":
        return Source(name, _docx_lines(path))
    text = decode(data, name)
    if path.suffix.lower() in (".htm", ".html") or text.lstrip()[:15].lower().startswith(
        ("<!doctype html", "<html")
    ):
        from .html_text import html_lines  # html.parser: only for saved web pages

        return Source(name, html_lines(text))
    return Source(name, text.splitlines())


def _docx_lines(path: Path) -> list[str]:
    """Paragraph texts, with automatic list numbers written out as the reader sees them; a
    data table's row is one line (see `_data_cells`)."""
    from docx.oxml.ns import qn

    document = reading.open_docx(path)
    labels = ListLabels(document)
    paragraphs = reading.docx_paragraphs(document)
    # each paragraph's text as the reader sees it, Word's automatic number included; labels
    # are counted in document order, so every paragraph is read once, here
    texts = {}
    for paragraph in paragraphs:
        text = reading.paragraph_text(paragraph._p)
        texts[paragraph._p] = labels.label(paragraph._p) + text if text.strip() else text
    numbers = _heading_numbers(document, texts)
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
    return lines


def _heading_numbers(document: Any, texts: dict[Any, str]) -> dict[Any, str]:
    """Markers for headings that Word's heading styles (outline levels) make and no typed
    number shows: "抓好安全生产" in 标题 1 is the speech's 一、 (a tester's last-year speech,
    three 标题 1 and two 标题 2 without numbers, was mined as opening and body text).

    The outline levels in use, shallowest first, take the genre's levels 一、 (一) 1. (1)
    (`schemes.LEVEL_SCHEMES`), but for a level whose one heading stands in the head, before
    any paragraph ends a sentence or a salutation: that is the title in 标题 1 over sections
    in 标题 2.  A lone 标题 1 after the opening is a speech's one point ("下面，我讲一点意
    见"), which had been mined as opening text (a tester).  Every heading counts, typed-numbered or not, so a typed
    "一、" in 标题 1 keeps its 标题 2 under it; only unnumbered ones are given their marker.
    `texts` are the paragraphs' texts in order, automatic numbers included: a heading Word
    numbers itself is numbered already ("一、一、提高认识" came of it, a tester)."""
    from ..checks.docx_styles import StyleChain
    from ..checks.markers import marker_at
    from ..schemes import LEVEL_SCHEMES, marker

    chain = StyleChain(document)
    headings = []
    for element, text in texts.items():
        level = chain.outline_level(element)
        if level is not None and text.strip():
            headings.append((element, level, marker_at(text.strip()) is None))
    head = set(takewhile(lambda element: not texts[element].rstrip().endswith(_HEAD_ENDS),
                         texts))
    titles = {level for element, level, _ in headings if element in head}
    used = [level for level in sorted({h[1] for h in headings})
            if level not in titles or sum(h[1] == level for h in headings) > 1]
    schemes = dict(zip(used, LEVEL_SCHEMES, strict=False))
    counts: dict[int, int] = {}
    out = {}
    for element, level, bare in headings:
        if level not in schemes:
            continue
        counts = {deeper: n for deeper, n in counts.items() if deeper <= level}
        counts[level] = counts.get(level, 0) + 1
        if bare:
            out[element] = marker(schemes[level], counts[level])
    return out


#: A paragraph ending so closes a document's head (title, speaker, date): a sentence, or the
#: salutation's colon.
_HEAD_ENDS = ("。", "！", "？", "：", ":")
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
