"""Regular expressions compiled when first used, and only for text that could match.

Compiling a character class over the CJK block costs 1–3 ms in CPython's ``re`` (it builds a
65,536-entry bitmap in Python code), and the content checks hold a dozen of them: compiled at
import they were ~25 ms of every `speechgen render`, whose speech usually holds none of the
characters they look for (issue 9).  A ``LazyPattern`` compiles on first use; given ``needs``,
it does not even do that for a text holding none of those characters, since every match of the
pattern must contain one of them (the author of the pattern vouches for that).  ``gate`` does
the same with a cheap regular expression (ASCII classes only, which compile in microseconds)
that must find something in any text the pattern can match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


class LazyPattern:
    """The parts of ``re.Pattern`` the project uses, compiled on first need."""

    __slots__ = ("_compiled", "_gate", "flags", "gate", "needs", "pattern")

    def __init__(self, pattern: str, flags: int = 0, needs: str = "", gate: str = "") -> None:
        self.pattern = pattern
        self.flags = flags
        self.needs = needs
        self.gate = gate
        self._compiled: re.Pattern[str] | None = None
        self._gate: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def could_match(self, text: str) -> bool:
        """False when ``text`` holds none of the characters every match needs, or the gate
        finds nothing in it."""
        # A plain loop: ``any()`` over a generator costs a frame per call, and the miner asks
        # this of every line for each of its rules.
        for ch in self.needs:
            if ch in text:
                break
        else:
            if self.needs:
                return False
        if self.gate:
            if self._gate is None:
                self._gate = re.compile(self.gate)
            return self._gate.search(text) is not None
        return True

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
