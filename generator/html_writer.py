"""An HTML fragment of a speech tree: the web page's preview, one more writer of the same blocks.

The preview is not a second renderer: it walks `blocks()` like the text, Markdown and DOCX
writers, so its numbering, lead sentences and "下面，我讲N点意见" are the ones the DOCX holds.
Each paragraph carries ``data-para``, the 1-based paragraph number the checks use in their
places (`checks/from_speech.py` numbers the same non-empty blocks), so the page can link a
finding to the paragraph it is about.  Styling is left to the page's stylesheet: classes name
the block kinds and heading levels, never fonts, so the fragment stays a function of the tree.
"""

from __future__ import annotations

from functools import cache
from html import escape
from pathlib import Path

from .blocks import Block, blocks
from .model import Speech

_CLASS = {
    "title": "sg-title",
    "subtitle": "sg-subtitle",
    "speaker": "sg-speaker",
    "date": "sg-date",
    "salutation": "sg-salutation",
    "body": "sg-body",
    "signoff": "sg-signoff",
}


def _paragraph(block: Block, number: int) -> str:
    if block.kind == "lead":
        rest = block.text[len(block.head):]
        inner = f'<span class="sg-h{block.level}">{escape(block.head)}</span>{escape(rest)}'
        css = f"sg-lead sg-lead{block.level}"
    elif block.kind == "heading":
        inner, css = escape(block.text), f"sg-heading sg-h{block.level}"
    else:
        inner, css = escape(block.text), _CLASS.get(block.kind, "sg-body")
    return f'<p class="{css}" data-para="{number}">{inner}</p>'


def render_html(speech: Speech) -> str:
    """The speech as a `<div class="sg-page">` of paragraphs; user text is always escaped."""
    out = ['<div class="sg-page">']
    number = 0
    for block in blocks(speech):
        if not block.text.strip():
            continue
        number += 1
        out.append(_paragraph(block, number))
    out.append("</div>")
    return "\n".join(out) + "\n"


STYLESHEET = Path(__file__).resolve().parent / "html_parts" / "speech.css"


@cache
def stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


def render_html_page(speech: Speech) -> str:
    """A whole page (`speechgen render -f html`): the fragment with its stylesheet, UTF-8."""
    title = escape(speech.title or "讲话稿")
    return (f'<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n<style>\nbody {{ background: #f3f4f6; margin: 0; "
            f"padding: 24px 0; }}\n{stylesheet()}</style>\n</head>\n<body>\n"
            f'<div class="paper">\n{render_html(speech)}</div>\n</body>\n</html>\n')
