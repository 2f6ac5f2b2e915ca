"""The draft view of an outline: the blocks every writer prints, each placed by its point."""

from __future__ import annotations

from ..blocks import blocks
from ..model import Speech
from .draft import Draft, Para
from .markers import marker_at


def _label(text: str) -> str:
    """The marker that names a point in a place ("二、"), or the start of an unnumbered heading."""
    marker = marker_at(text)
    if marker:
        return marker.text
    return text[:8] + ("…" if len(text) > 8 else "")


def speech_draft(speech: Speech) -> Draft:
    """Numbering here is computed by the writer, so only its wording can be wrong, not its
    sequence: ``literal_numbering`` stays false."""
    paras: list[Para] = []
    path: list[str] = []
    for block in blocks(speech):
        if not block.text.strip():
            continue
        if block.kind in ("heading", "lead"):
            path = [*path[: block.level - 1], _label(block.text)]
        paras.append(Para(
            block.kind, block.text, len(paras) + 1,
            part=block.part or "front",
            level=block.level,
            head=block.head,
            section="".join(path) if block.part == "section" else "",
        ))
    return Draft(paras, "outline", duration=speech.duration)
