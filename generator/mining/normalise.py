"""Character-level clean-up applied to every line before any rule looks at it.

Scraped pages mix half-width and full-width punctuation in Chinese text and carry invisible
private-use characters; rules are written once, against full-width text, after this pass.
"""

from __future__ import annotations

import re

from ..numerals import ORDINAL

# Private-use characters (e.g. U+E004 at paragraph ends) and zero-width marks are invisible
# and defeat endswith("。") checks.
_INVISIBLE = re.compile("[\ue000-\uf8ff\u200b-\u200d\u2060\ufeff]")
_SPACES = re.compile("[\u00a0\u3000\t]")

# Half-width punctuation becomes full-width unless it sits between two digits (1,000 / 9:30),
# where it is part of a number.
_HALF = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}

# "1 、" → "1、": a space inside a marker is a typing slip, not text.
_MARKER_GAP = re.compile(rf"^(\d{{1,2}}|{ORDINAL})\s+([、.．])")


_HALF_TABLE = str.maketrans(_HALF)
#: "1,000" and "9:30": half-width marks between two ASCII digits stay as they are.
_NUMBER_MARK = re.compile(r"(?<=[0-9])[,:](?=[0-9])")
_KEEP = {",": "\x00", ":": "\x01"}
_RESTORE = str.maketrans({"\x00": ",", "\x01": ":"})


def _widen(text: str) -> str:
    """Half-width punctuation made full-width, except inside numbers (one table lookup per
    character; the numbers are set aside first)."""
    if _NUMBER_MARK.search(text):
        return _NUMBER_MARK.sub(lambda m: _KEEP[m.group()], text).translate(_HALF_TABLE).translate(
            _RESTORE
        )
    return text.translate(_HALF_TABLE)


#: Anti-copy "jammer" text that forum software scatters through a post ("9 Y8 f3 E5 k. p. Q8
#: f$ Y) |. D#"): six or more tokens of one to three printable ASCII characters separated by
#: single spaces, glued to the text or on a line of their own.  Ordinary text never has such a
#: run; the symbol requirement (below) spares a spaced-out acronym or number list.
_JAMMER = re.compile(r"(?:[!-~]{1,3} ){5,}[!-~]{1,3}")
_JAMMER_SYMBOL = re.compile(r"[^0-9A-Za-z ]")


def _drop_jammer(match: re.Match[str]) -> str:
    return "" if _JAMMER_SYMBOL.search(match.group()) else match.group()


def normalise_line(line: str) -> str:
    """One physical line, trimmed, with invisible characters and jammer text gone and
    punctuation full-width."""
    line = _INVISIBLE.sub("", line)
    line = _SPACES.sub(" ", line)
    line = _JAMMER.sub(_drop_jammer, line).strip()
    line = _widen(line)
    return _MARKER_GAP.sub(r"\1\2", line)


def fold(text: str) -> str:
    """A comparison key: no whitespace, one width per punctuation mark."""
    text = text.translate(_HALF_TABLE)
    return re.sub(r"\s+", "", text)
