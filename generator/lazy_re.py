"""Regular expressions compiled when first used, and only for text that could match.

Compiling a character class over the CJK block costs 1–3 ms in CPython's ``re`` (it builds a
65,536-entry bitmap in Python code), and the content checks hold a dozen of them: compiled at
import they were ~25 ms of every `speechgen render`, whose speech usually holds none of the
characters they look for (issue 9).  A ``LazyPattern`` compiles on first use; given ``needs``,
it does not even do that for a text holding none of those characters, since every match of the
pattern must contain one of them (the author of the pattern vouches for that).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


class LazyPattern:
    """The parts of ``re.Pattern`` the project uses, compiled on first need."""

    __slots__ = ("_compiled", "flags", "needs", "pattern")

    def __init__(self, pattern: str, flags: int = 0, needs: str = "") -> None:
        self.pattern = pattern
        self.flags = flags
        self.needs = needs
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def could_match(self, text: str) -> bool:
        """False when ``text`` holds none of the characters every match needs."""
        return not self.needs or any(ch in text for ch in self.needs)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(text, pos) if self.could_match(text) else None

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.match(text, pos) if self.could_match(text) else None

    def fullmatch(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, pos) if self.could_match(text) else None

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos) if self.could_match(text) else iter(())

    def findall(self, text: str, pos: int = 0) -> list[str]:
        return self.compiled.findall(text, pos) if self.could_match(text) else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.compiled.sub(repl, text, count) if self.could_match(text) else text

    def split(self, text: str, maxsplit: int = 0) -> list[str | None]:
        return self.compiled.split(text, maxsplit) if self.could_match(text) else [text]
