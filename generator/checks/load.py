"""Any draft file to the draft view: .yaml outlines and template facts, .txt, .docx."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError, Problem
from ..reading import MAX_DRAFT, read_text
from .classify import Raw, classify
from .draft import Draft

SUFFIXES = (".docx", ".yaml", ".yml", ".txt")
_INDENT = " \t\u3000\xa0\ufeff"


#: What a draft to check is, in messages about a file that is not one.
DRAFT_FILE = "讲话稿(.docx、.yaml 或 .txt)"


def read_draft_text(path: Path) -> str:
    """A text draft as Windows and Word save it (see reading.decode)."""
    return read_text(path, MAX_DRAFT, DRAFT_FILE, allow_empty=True)


def text_draft(text: str) -> Draft:
    """One paragraph a line, as Word's "save as plain text" writes; blank lines separate
    nothing and are skipped, but line numbers stay those of the file."""
    raws = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip(_INDENT)
        if stripped:
            raws.append(Raw(stripped, line=number, indent=len(line) - len(line.lstrip(_INDENT))))
    return Draft(classify(raws), "text", literal_numbering=True)


def check_suffix(path: Path) -> None:
    """InputError unless ``path`` names a kind of draft this package reads (a folder is said
    to be one, not an unsupported file "无扩展名", as a tester met it)."""
    if path.is_dir():
        raise InputError(Problem("这是一个文件夹,不是文件", str(path)))
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(Problem(
            f"不支持检查“{path.suffix or '无扩展名'}”文件,请提供 .docx、.yaml 或 .txt", str(path)
        ))


def load_draft(path: Path) -> Draft:
    """The draft in ``path``, by its suffix; InputError for what cannot be read, and for a
    file without a word in it (checking nothing would report a clean draft)."""
    check_suffix(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from .from_docx import docx_draft

        draft = docx_draft(path)
    elif suffix in (".yaml", ".yml"):
        from ..outline_io import read_outline
        from ..pipeline import load_speech_text
        from .from_speech import speech_draft

        text = read_outline(path)  # once: also where the findings stand in it
        draft = speech_draft(load_speech_text(text, filename=str(path)))._replace(yaml_text=text)
    else:
        draft = text_draft(read_draft_text(path))
    if not draft.paras:
        raise InputError(Problem("文件里没有文字", str(path)))
    return draft
