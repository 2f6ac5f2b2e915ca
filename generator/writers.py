"""The writers the format registry names: a speech tree and a layout in, bytes out."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .layout import Layout
    from .model import Speech

Warn = Callable[[str], None]


def docx_bytes(speech: Speech, layout: Layout, warn: Warn | None = None) -> bytes:
    from .docx_writer import render_docx

    return render_docx(speech, layout, warn)


def text_bytes(speech: Speech, layout: Layout | None, warn: Warn | None = None) -> bytes:
    from .text_writer import render_text

    return render_text(speech).encode("utf-8")


def markdown_bytes(speech: Speech, layout: Layout | None, warn: Warn | None = None) -> bytes:
    from .text_writer import render_markdown

    return render_markdown(speech).encode("utf-8")


def html_bytes(speech: Speech, layout: Layout | None, warn: Warn | None = None) -> bytes:
    from .html_writer import render_html_page

    return render_html_page(speech).encode("utf-8")
