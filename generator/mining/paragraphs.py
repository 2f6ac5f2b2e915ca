"""Rebuild paragraphs from hard-wrapped lines (CORPUS rule e1.6).

Pages copied from PDFs or narrow columns break lines mid-sentence ("进|一步", "县|(区)").  A line
joins the one before it only when that line does not end a sentence, is not a heading on its own,
and the new line does not start with a numbering marker, so headings and lists survive.
"""

from __future__ import annotations

from .headings.detect import is_standalone_heading, starts_with_marker

#: A line ending in one of these closes its paragraph.
TERMINALS = ("。", "！", "？", "”", "…", "：", "」", "』")

#: Wrapped lines fill the page width; a short unterminated line (主席先生，) is a line of its own.
MIN_WRAPPED = 16
#: A line opening with an address to the audience starts a paragraph even after a cut-off line.
FRESH_START = ("同志们，", "同志们！", "让我们")


def join_wrapped(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Paragraphs as (first line number, text)."""
    out: list[tuple[int, str]] = []
    for number, text in lines:
        if out:
            previous = out[-1][1]
            if (
                len(previous) >= MIN_WRAPPED
                and not previous.endswith(TERMINALS)
                and not is_standalone_heading(previous)
                and not starts_with_marker(text)
                and not text.startswith(FRESH_START)
            ):
                out[-1] = (out[-1][0], previous + text)
                continue
        out.append((number, text))
    return out
