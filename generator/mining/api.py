"""The miner as library functions: pages (files or text) in, speeches with their notes out."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Speech


@dataclass
class MinedSpeech:
    """One mined speech: the tree, where it came from (file, and the speech id on the page:
    002-2 is the second speech of page 002) and the codes of its flags (see `speech.flags`
    for their messages)."""

    speech: Speech
    source: str
    flags: list[str] = field(default_factory=list)
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The id, the source, the flag codes and the canonical outline (as `mine -f json`)."""
        from ..outline_io import speech_to_dict

        return {"id": self.id, "source": self.source, "flags": list(self.flags),
                "outline": speech_to_dict(self.speech)}


def _public(mined: Any, source: str) -> MinedSpeech:
    codes = list(dict.fromkeys(flag.code for flag in mined.speech.flags))
    return MinedSpeech(mined.speech, source, codes, mined.id)


def mine(paths: Sequence[str | os.PathLike[str]]) -> list[MinedSpeech]:
    """Mine files (.txt, .html, .docx) and folders of them, in the order given.

    A file that cannot be read raises InputError naming it (and every other such file); the
    CLI's `mine`, which goes on past such files, uses `export.mine_files`.
    """
    from .export import mine_files

    result = mine_files([Path(p) for p in paths])
    if result.problems:
        raise InputError(result.problems)
    return [_public(m, page.file) for page in result.pages for m in page.speeches]


def mine_text(text: str, *, name: str = "<文本>", html: bool = False) -> list[MinedSpeech]:
    """Mine a page held in a string; `html=True` reads it as a saved web page."""
    from .html_text import html_lines
    from .pipeline import mine_lines

    if not text.strip():
        from ..errors import Problem

        raise InputError(Problem("内容是空的,没有可提取的讲话稿。", name))
    lines = html_lines(text) if html else text.splitlines()
    page = mine_lines(lines, name)
    return [_public(m, name) for m in page.speeches]
