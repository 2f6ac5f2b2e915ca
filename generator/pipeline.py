"""The one path every face takes: input → speech tree → output bytes.

`render`, `batch`, `check`, the web page and users' scripts all go through here, so a speech
renders the same whichever of them produced it.  Nothing here prints or exits: results are
returned and problems raised as `SpeechgenError`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import Problem
from .formats import FORMATS, OutputFormat, get_format
from .model import Speech

if TYPE_CHECKING:
    from .layout import Layout

__all__ = ["FORMATS", "Rendered", "load_profile", "load_speech", "load_speech_text", "render",
           "render_pdfs", "resolve_layout", "speech_from_mapping"]

PathLike = str | os.PathLike[str]


def load_speech(path: PathLike, *, template: str | None = None,
                template_dirs: Sequence[PathLike] = (),
                notes: list[Problem] | None = None) -> Speech:
    """An outline or a template's facts (.yaml file) as a speech tree; InputError on bad input.
    `notes` receives legal-but-probably-unmeant input, placed (a comma splitting a `[…]` list
    between Chinese characters)."""
    from .outline_io import load_document
    from .templating import build_speech

    data, locate, filename = load_document(Path(path), notes)
    return build_speech(data, locate, filename, template, _dirs(template_dirs))


def load_speech_text(text: str, *, filename: str = "<输入>", template: str | None = None,
                     template_dirs: Sequence[PathLike] = (),
                     notes: list[Problem] | None = None) -> Speech:
    """The same as `load_speech` for YAML held in a string (a form's text box, a script)."""
    from .outline_io import parse_document
    from .templating import build_speech

    data, locate = parse_document(text, filename, notes)
    return build_speech(data, locate, filename, template, _dirs(template_dirs))


def speech_from_mapping(data: Mapping[str, Any], *, template: str | None = None,
                        template_dirs: Sequence[PathLike] = ()) -> Speech:
    """A speech from plain Python data shaped like an outline or a template's facts.

    Problems carry the field path (`key_path`) but no file position: there is no file.
    """
    from .fields import no_locate
    from .templating import build_speech

    return build_speech(data, no_locate, None, template, _dirs(template_dirs))


def _dirs(template_dirs: Sequence[PathLike]) -> tuple[Path, ...]:
    return tuple(Path(d) for d in template_dirs)


def load_profile(path_or_text: PathLike, *, filename: str | None = None,
                 layout: str = "standard") -> Layout:
    """A house profile (本单位版式) over a built-in layout, from a file or from YAML text.

    A `Path` is always a file.  A `str` is the profile's YAML text when `filename` is given,
    or when it holds a line break or a colon and names no existing file; else a file name.
    """
    from .layout import load_layout, load_layout_text

    if isinstance(path_or_text, str) and (filename is not None or (
            ("\n" in path_or_text or ":" in path_or_text) and not Path(path_or_text).exists())):
        return load_layout_text(layout, path_or_text, filename or "<版式>")
    return load_layout(layout, Path(path_or_text))


def resolve_layout(layout: str = "standard", profile: Any = None) -> Layout:
    """A layout by name with a profile laid over it; a profile may already be a Layout."""
    from .layout import Layout, load_layout

    if isinstance(profile, Layout):
        return profile
    return load_layout(layout, Path(profile) if profile is not None else None)


class Rendered(NamedTuple):
    """A speech in one format: the bytes a file gets, and what a download needs."""

    data: bytes
    format: str
    suffix: str
    media_type: str
    warnings: tuple[str, ...] = ()


def _writer(spec: OutputFormat) -> Callable[..., bytes]:
    assert spec.writer is not None
    module, name = spec.writer.split(":")
    return getattr(import_module(module), name)  # type: ignore[no-any-return]


def _page_warnings(layout: Layout | None) -> list[str]:
    """A house profile whose page holds fewer lines than it asks for (layout_rules)."""
    if layout is None:
        return []
    from .layout_rules import page_warnings

    return page_warnings(layout)


def render(speech: Speech, fmt: str = "docx", *, layout: str = "standard",
           profile: Any = None) -> Rendered:
    """The speech in `fmt` (see FORMATS).  `profile`: a profile file's path or a loaded
    Layout (YAML text: use `load_profile` first).  PDF goes through LibreOffice and raises
    a Chinese SpeechgenError when it is not installed."""
    spec = get_format(fmt)
    if spec.writer is None:
        return render_pdfs([speech], layout=layout, profile=profile)[0]
    chosen = resolve_layout(layout, profile) if spec.uses_layout else None
    warnings = _page_warnings(chosen)
    data = _writer(spec)(speech, chosen, warnings.append)
    return Rendered(data, spec.name, spec.suffix, spec.media_type, tuple(warnings))


def render_pdfs(speeches: Sequence[Speech], *, layout: str = "standard",
                profile: Any = None) -> list[Rendered]:
    """Several speeches as PDF in one LibreOffice run.

    Starting LibreOffice costs seconds, converting a page milliseconds, so many speeches share
    one start.  The DOCX files it converts live in a private temporary folder.
    """
    from .pdf import convert_to_pdf

    spec = get_format("pdf")
    chosen = resolve_layout(layout, profile)
    docx = _writer(get_format("docx"))
    with tempfile.TemporaryDirectory(prefix="speechgen-") as tmp:
        staged = []
        warnings: list[list[str]] = []
        for index, speech in enumerate(speeches):
            notes = _page_warnings(chosen)
            path = Path(tmp) / f"{index}.docx"
            path.write_bytes(docx(speech, chosen, notes.append))
            staged.append(path)
            warnings.append(notes)
        pdfs = convert_to_pdf(staged, Path(tmp))
        return [Rendered(pdf.read_bytes(), spec.name, spec.suffix, spec.media_type, tuple(notes))
                for pdf, notes in zip(pdfs, warnings, strict=True)]

