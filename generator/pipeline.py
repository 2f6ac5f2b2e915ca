"""The one path every command takes: input file → speech tree → output bytes.

`render`, `batch` and `check` all go through here, so a speech renders the same whichever
command produced it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import InputError
from .files import write_atomic
from .model import Speech
from .outline_io import load_document
from .templating import build_speech

FORMATS = ("docx", "txt", "md", "pdf")


def load_speech(path: str | Path, template: str | None = None,
                template_dirs: Sequence[Path] = ()) -> Speech:
    """An outline or a template's facts (YAML) as a speech tree; InputError on bad input."""
    data, locate, filename = load_document(path)
    return build_speech(data, locate, filename, template, template_dirs)


def render_bytes(speech: Speech, fmt: str, layout: str = "standard",
                 profile: str | Path | None = None,
                 warn: Callable[[str], None] | None = None) -> bytes:
    """The speech in one format.  PDF is not made here: it needs a DOCX on disk first."""
    if fmt == "docx":
        from .docx_writer import render_docx
        from .layout import load_layout

        return render_docx(speech, load_layout(layout, profile), warn)
    if fmt == "txt":
        from .text_writer import render_text

        return render_text(speech).encode("utf-8")
    if fmt == "md":
        from .text_writer import render_markdown

        return render_markdown(speech).encode("utf-8")
    raise InputError(f"不支持的输出格式“{fmt}”,可选:{'、'.join(FORMATS)}")


def write_pdfs(jobs: Sequence[tuple[Speech, Path]], layout: str = "standard",
               profile: str | Path | None = None,
               warn: Callable[[str], None] | None = None) -> list[Path]:
    """Lay each speech out as DOCX and print them all to PDF in one LibreOffice run.

    Starting LibreOffice costs seconds, converting a page milliseconds, so many files share one
    start.  Each PDF is moved into place atomically once the whole run has succeeded.
    """
    from .pdf import convert_to_pdf

    with tempfile.TemporaryDirectory(prefix="speechgen-") as tmp:
        staged = [
            write_atomic(Path(tmp) / f"{index}.docx", render_bytes(speech, "docx", layout,
                                                                   profile, warn))
            for index, (speech, _) in enumerate(jobs)
        ]
        pdfs = convert_to_pdf(staged, Path(tmp))
        return [write_atomic(target, pdf.read_bytes())
                for (_, target), pdf in zip(jobs, pdfs, strict=True)]
