"""Plain-text and Markdown previews of a speech tree.

The text preview is what a writer pastes into a chat or reads aloud to check the flow: one
paragraph a line, headings with their computed markers, nothing else.  The Markdown preview
adds heading levels so the outline shows in any Markdown viewer.
"""

from __future__ import annotations

import re

from .blocks import blocks
from .model import Speech

# A paragraph that starts like "1." or "#" would turn into a list or heading in Markdown.
_MARKDOWN_SYNTAX = re.compile(r"^(\d+)\.|^([#>*+-])")


def render_text(speech: Speech) -> str:
    """One block a line, a blank line between blocks, as offices paste drafts."""
    return "\n\n".join(block.text for block in blocks(speech)) + "\n"


def render_markdown(speech: Speech) -> str:
    """Title as #, level-k headings as #(k+1), the lines under the title centred."""
    out = []
    for block in blocks(speech):
        text = block.text
        if block.kind == "title":
            out.append(f"# {text}")
        elif block.kind == "heading":
            out.append("#" * (block.level + 1) + " " + text)
        elif block.kind in ("subtitle", "speaker", "date"):
            out.append(f'<p align="center">{text}</p>')
        else:
            out.append(_MARKDOWN_SYNTAX.sub(lambda m: f"{m[1]}\\." if m[1] else f"\\{m[2]}", text))
    return "\n\n".join(out) + "\n"
