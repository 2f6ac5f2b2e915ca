"""``--fix``: the repairs that need no judgement, written to a new file atomically.

Only a few things are mechanical: the width of ``, : ; ( ) ! ? .`` between Chinese characters
or after a number, full-width digits and letters, the zeros of padded dates, and (in Word
files) the East Asian hint of runs holding “ ” — ….  Everything else (a placeholder, a wrong
count) needs a person and is reported after the fix.  Each format is edited in place rather
than regenerated, so a fixed .docx keeps its formatting and a fixed outline its comments and
layout.
"""

from __future__ import annotations

import difflib
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, Problem
from ..files import check_target, refuse_input, write_atomic
from .dates import fix_dates
from .load import DRAFT_FILE
from .punctuation import CJK, fix_alnum, fix_widths

if TYPE_CHECKING:
    from lxml import etree

_HAN = re.compile(f"[{CJK}]")


def fix_text(text: str) -> str:
    """One line or paragraph, repaired."""
    return fix_dates(fix_widths(fix_alnum(text)))


def _fix_lines(text: str) -> str:
    """Line by line, so a line's end counts as the end of its paragraph; endings are kept."""
    out = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        out.append(fix_text(body) + line[len(body):])
    return "".join(out)


def _fix_yaml(text: str, name: str) -> str:
    """Only inside value scalars (never keys, quotes or indicators), from the end backwards
    so earlier offsets stay valid."""
    import yaml

    from ..yaml_reader import compose

    root = compose(text, name)
    spans: list[tuple[int, int]] = []

    def visit(node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            for _key, value in node.value:
                visit(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                visit(item)
        elif isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
            start, end = node.start_mark.index, node.end_mark.index
            if node.style in ('"', "'"):
                start, end = start + 1, end - 1
            spans.append((start, end))

    if root is not None:
        visit(root)
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + _fix_lines(text[start:end]) + text[end:]
    return text


def _fix_docx(path: Path) -> bytes:
    """Each paragraph's text is fixed as a whole (a mark and its neighbours may sit in
    different runs) and the edits are mapped back onto the ``w:t`` elements that held the
    characters, so every run keeps its formatting."""
    from ..reading import docx_paragraphs, open_docx, run_elements

    document = open_docx(path)
    w_t = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
    for paragraph in docx_paragraphs(document):
        owners: list[tuple[etree._Element, str]] = []  # (w:t element, character)
        for run in run_elements(paragraph._p):
            for element in run.iter(w_t):
                owners += [(element, ch) for ch in element.text or ""]
        full = "".join(ch for _, ch in owners)
        fixed = fix_text(full)
        if fixed == full:
            continue
        pieces: dict[etree._Element, list[str]] = {}
        for element, _ in owners:
            pieces.setdefault(element, [])
        matcher = difflib.SequenceMatcher(None, full, fixed, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
                for k in range(i2 - i1):
                    pieces[owners[i1 + k][0]].append(fixed[j1 + k])
            elif op in ("replace", "insert"):
                anchor = owners[i1][0] if i1 < len(owners) else owners[-1][0]
                pieces[anchor].append(fixed[j1:j2])
        for element, chars in pieces.items():
            element.text = "".join(chars)
        written = "".join(element.text or "" for element in pieces)
        if written != fixed:  # pragma: no cover - a bug guard, like the one for text files
            raise InputError(Problem("自动修正未能逐字对应,已放弃修正,原文件未改动",
                                     str(path)))
    _hint_shared_marks(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _hint_shared_marks(document: Any) -> None:
    """Give every run holding “ ” ‘ ’ — … the East Asian hint, so Word draws these marks in
    the run's Chinese font rather than its Latin one (the ``font-hint`` finding)."""
    from docx.oxml.ns import qn

    from ..reading import docx_paragraphs, run_elements, run_text
    from .page_layout import SHARED_MARKS

    for paragraph in docx_paragraphs(document):
        for run in run_elements(paragraph._p):
            if SHARED_MARKS.search(run_text(run)):
                fonts = run.get_or_add_rPr().get_or_add_rFonts()  # type: ignore[attr-defined]
                fonts.set(qn("w:hint"), "eastAsia")


def fixed_bytes(source: Path) -> bytes:
    """The repaired draft, same format; the Chinese characters must come out exactly as they
    went in, or InputError."""
    suffix = source.suffix.lower()
    if suffix == ".docx":
        return _fix_docx(source)
    from ..reading import MAX_DRAFT, encoding_of, read_bytes, text_of

    raw = read_bytes(source, MAX_DRAFT)  # once: for the text, and for its encoding below
    text = text_of(raw, str(source), MAX_DRAFT, DRAFT_FILE, allow_empty=True)
    fixed = _fix_yaml(text, str(source)) if suffix in (".yaml", ".yml") else _fix_lines(text)
    if _HAN.findall(fixed) != _HAN.findall(text):  # pragma: no cover - a bug guard
        raise InputError(Problem("自动修正会改动汉字,已放弃修正,原文件未改动", str(source)))
    # In the file's own encoding, byte-order mark and all: a Notepad "ANSI" (GBK) draft came
    # back as UTF-8, which older Notepad and WPS show garbled (a tester, round 2).  The fixes
    # only change the width of marks, digits and letters, which every one of these encodes.
    encoding = encoding_of((raw,), str(source))
    return fixed.encode(encoding)


def write_fixed(source: Path, target: Path, *, overwrite: bool = False,
                inputs: Sequence[Path] = ()) -> None:
    """Fix ``source`` into ``target`` (same format); never onto the source itself."""
    inputs = [source, *inputs]
    refuse_input(target, inputs)
    suffix = source.suffix.lower()
    if target.suffix.lower() != suffix:
        raise InputError(Problem(f"修正后的文件应与原文件格式相同({suffix})", str(target)))
    check_target(target, overwrite=overwrite, inputs=inputs)
    write_atomic(target, fixed_bytes(source), overwrite=overwrite, inputs=inputs)
