"""Dates with zero padding (2025年01月05日): GB/T 9704 writes 2025年1月5日.

Zero-padded dates come from spreadsheets and date pickers; ``fix_dates`` strips the zeros,
which changes no digit that carries a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lazy_re import LazyPattern
from .draft import Draft
from .finding import WARNING, Finding
from .rule import Options, Rule

_DATE = LazyPattern(r"(?<!\d)(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?", needs="月")


def _padded(match: re.Match[str]) -> bool:
    return any(part and len(part) == 2 and part[0] == "0" for part in (match[2], match[3]))


def _unpadded(match: re.Match[str]) -> str:
    year = f"{match[1]}年" if match[1] else ""
    day = f"{int(match[3])}日" if match[3] else ""
    return f"{year}{int(match[2])}月{day}"


def fix_dates(text: str) -> str:
    """``text`` with the zeros of padded months and days removed."""
    return _DATE.sub(lambda m: _unpadded(m) if _padded(m) else m[0], text)


def check(draft: Draft, options: Options) -> Iterator[Finding]:
    for para in draft.paras:
        for match in _DATE.finditer(para.text):
            if _padded(match):
                yield Finding(
                    "date-padding", WARNING,
                    f"日期不应补零,应写作“{_unpadded(match)}”",
                    match[0], para.place(match.start()), fixable=True,
                )


RULE = Rule("dates", ("date-padding",), check)
