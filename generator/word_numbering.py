"""The numbers Word draws in front of automatically numbered paragraphs.

A Word list keeps "一、" or "（二）" out of the paragraph's text: the paragraph (or its style)
names a list (``w:numPr``: ``numId`` and level), and ``word/numbering.xml`` says how that
level is counted and written (``numFmt``, ``lvlText`` such as "%1、", ``start``).  Anything
that reads a Word file the way its reader sees it — the miner, the checks — needs the number
written out, counted as Word counts: per list and level, a higher level restarting the lower
ones (ECMA-376 Part 1, §17.9).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .numerals import to_chinese

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_FORMATS: dict[str, Callable[[int], str]] = {
    "chineseCounting": to_chinese,
    "chineseCountingThousand": to_chinese,
    "chineseLegalSimplified": to_chinese,
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10],
    "decimal": str,
    "decimalFullWidth": str,
    "decimalEnclosedParen": lambda n: f"({n})",
    "decimalEnclosedCircle": lambda n: chr(0x245F + n) if 1 <= n <= 20 else str(n),
    "lowerLetter": lambda n: chr(ord("a") + (n - 1) % 26),
    "upperLetter": lambda n: chr(ord("A") + (n - 1) % 26),
}


def _val(element: Any) -> str | None:
    return None if element is None else element.get(f"{_W}val")


class ListLabels:
    """Call ``label`` on each paragraph in document order; it returns the number Word shows
    in front of it ("" for a paragraph outside any list)."""

    def __init__(self, document: Any) -> None:
        self._levels: dict[tuple[str, str], tuple[str, str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            abstract: dict[str, dict[str, tuple[str, str, int]]] = {}
            for node in root.iterfind(f"{_W}abstractNum"):
                levels = {}
                for lvl in node.iterfind(f"{_W}lvl"):
                    start = _val(lvl.find(f"{_W}start")) or "1"
                    levels[lvl.get(f"{_W}ilvl") or "0"] = (
                        _val(lvl.find(f"{_W}numFmt")) or "decimal",
                        _val(lvl.find(f"{_W}lvlText")) or "",
                        int(start) if start.isdigit() else 1)
                abstract[node.get(f"{_W}abstractNumId") or ""] = levels
            for num in root.iterfind(f"{_W}num"):
                ref = _val(num.find(f"{_W}abstractNumId")) or ""
                for ilvl, value in abstract.get(ref, {}).items():
                    self._levels[(num.get(f"{_W}numId") or "", ilvl)] = value
        self._styles = {s.get(f"{_W}styleId"): s
                        for s in document.styles.element.iterfind(f"{_W}style")}
        self._counters: dict[tuple[str, str], int] = {}

    def _num_pr(self, paragraph: Any) -> tuple[str | None, str | None]:
        """(numId, ilvl) from the paragraph, else from its style and the styles it is based on."""
        num_pr = paragraph.find(f"{_W}pPr/{_W}numPr")
        num_id, ilvl = (_val(num_pr.find(f"{_W}numId")), _val(num_pr.find(f"{_W}ilvl"))) \
            if num_pr is not None else (None, None)
        style = _val(paragraph.find(f"{_W}pPr/{_W}pStyle"))
        seen: set[str] = set()
        while num_id is None and style and style in self._styles and style not in seen:
            seen.add(style)
            node = self._styles[style]
            inherited = node.find(f"{_W}pPr/{_W}numPr")
            if inherited is not None:
                num_id = _val(inherited.find(f"{_W}numId"))
                ilvl = ilvl or _val(inherited.find(f"{_W}ilvl"))
            style = _val(node.find(f"{_W}basedOn"))
        return num_id, ilvl

    def label(self, paragraph: Any) -> str:
        num_id, ilvl = self._num_pr(paragraph)
        if num_id is None or num_id == "0":
            return ""
        ilvl = ilvl or "0"
        fmt, pattern, start = self._levels.get((num_id, ilvl),
                                               ("decimal", f"%{int(ilvl) + 1}.", 1))
        key = (num_id, ilvl)
        self._counters[key] = self._counters.get(key, start - 1) + 1
        for other in [k for k in self._counters if k[0] == num_id and int(k[1]) > int(ilvl)]:
            del self._counters[other]  # a higher item restarts the levels below it

        def number(match: re.Match[str]) -> str:
            level = str(int(match[1]) - 1)
            count = self._counters.get((num_id, level), 1)
            level_fmt = self._levels.get((num_id, level), (fmt, "", 1))[0]
            return _FORMATS.get(level_fmt, str)(count)

        return re.sub(r"%([1-9])", number, pattern)
