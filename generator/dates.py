"""Dates as offices write them: 2025年1月5日, never zero-padded.

Users type dates every way there is (2025-01-05, 2025/1/5, 2025.1.5, 二〇二五年一月五日, an
Excel serial number from a spreadsheet cell); all of them come out in the one official form.
"""

from __future__ import annotations

import datetime as dt

from .lazy_re import LazyPattern
from .numerals import NUMERAL_CHARS, ORDINAL, from_chinese

_NUMERIC = LazyPattern(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?)?\s*月?$")
_COMPACT = LazyPattern(r"^(\d{4})(\d{2})(\d{2})$")
_CHINESE = LazyPattern(
    rf"^([〇零{NUMERAL_CHARS[:9]}]{{4}})年({ORDINAL})月(?:({ORDINAL})日)?$"
)
_EXCEL_EPOCH = dt.date(1899, 12, 30)


class DateError(ValueError):
    """A value that looks like no date, or names a day that does not exist."""


def _chinese_year(text: str) -> int:
    return int("".join(str(from_chinese(ch)) for ch in text))


def parse_date(value: object) -> tuple[int, int, int | None]:
    """(year, month, day or None) from a date, datetime, Excel serial or any common spelling."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.year, value.month, value.day
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel's range: 1900-01-01 … 9999-12-31
            day = _EXCEL_EPOCH + dt.timedelta(days=int(value))
            return day.year, day.month, day.day
        raise DateError(f"{value} 不是有效的日期")
    text = str(value).strip().strip("()（）")
    if match := _NUMERIC.match(text) or _COMPACT.match(text):
        year, month, day = int(match[1]), int(match[2]), match[3] and int(match[3])
    elif match := _CHINESE.match(text):
        year, month = _chinese_year(match[1]), from_chinese(match[2]) or 0
        day = match[3] and from_chinese(match[3])
    else:
        raise DateError(f"“{text}”不是可识别的日期,请写成 2025年1月5日 或 2025-01-05")
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        raise DateError(f"“{text}”不是真实存在的日期") from None
    return year, month, day or None


def format_date(value: object) -> str:
    """The official spelling: 2025年1月5日 (or 2025年1月 when no day is given)."""
    year, month, day = parse_date(value)
    return f"{year}年{month}月{day}日" if day else f"{year}年{month}月"
