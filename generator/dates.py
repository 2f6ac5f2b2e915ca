"""Dates as offices write them: 2025年1月5日, never zero-padded.

Users type dates every way there is (2025-01-05, 2025/1/5, 2025.1.5, 20250105, 二〇二五年一月五日,
an Excel serial number from a spreadsheet cell); all of them come out in the one official form.
A serial number before 1990 is refused: in a speech's facts it is a year or a count typed where
a date belongs (2025 would be 1905年7月17日), never a date someone meant.
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
FIRST_SERIAL = 32874  # 1990-01-01 in Excel's 1900 date system
_LAST_SERIAL = 2958465  # 9999-12-31


class DateError(ValueError):
    """A value that looks like no date, or names a day that does not exist."""


def _chinese_year(text: str) -> int:
    return int("".join(str(from_chinese(ch)) for ch in text))


def compact_date(value: object) -> dt.date | None:
    """20250105 (a number or eight digits of text) as the day it spells, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    match = _COMPACT.match(str(value).strip()) if isinstance(value, (int, str)) else None
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


#: The years a speech's date can fall in: 0001-01-01 printed as "（1年1月1日）" (a tester who
#: never saw the code); a year outside is a digit dropped or added.
YEARS = range(1900, 2101)


def parse_date(value: object) -> tuple[int, int, int | None]:
    """(year, month, day or None) from a date, datetime, Excel serial or any common spelling;
    DateError for what is no date, a day that does not exist, or a year outside YEARS."""
    year, month, day = _parse_date(value)
    if year not in YEARS:
        raise DateError(f"年份 {year} 不像讲话的日期(应在 {YEARS.start}—{YEARS.stop - 1} 年之间),"
                        "请检查是否少写或多写了数字")
    return year, month, day


def _parse_date(value: object) -> tuple[int, int, int | None]:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.year, value.month, value.day
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if (spelled := compact_date(value)) is not None:
            return spelled.year, spelled.month, spelled.day
        shown = int(value) if isinstance(value, int) or value.is_integer() else value
        if 1 <= value <= _LAST_SERIAL:  # an Excel serial: days since 1899-12-30
            serial = _EXCEL_EPOCH + dt.timedelta(days=int(value))
            if value >= FIRST_SERIAL:
                return serial.year, serial.month, serial.day
            raise DateError(f"数字 {shown} 不是日期(当作 Excel 日期序号是 {serial.year}年"
                            f"{serial.month}月{serial.day}日);请写成 2025年1月5日、2025-01-05 "
                            "或 20250105")
        raise DateError(f"数字 {shown} 不是有效的日期,请写成 2025年1月5日、2025-01-05 或 20250105")
    text = str(value).strip().strip("()（）")
    if match := _NUMERIC.match(text) or _COMPACT.match(text):
        day: int | None = int(match[3]) if match[3] else None
        year, month = int(match[1]), int(match[2])
    elif match := _CHINESE.match(text):
        year, month = _chinese_year(match[1]), from_chinese(match[2]) or 0
        day = from_chinese(match[3]) if match[3] else None
    else:
        raise DateError(f"“{text}”不是可识别的日期,请写成 2025年1月5日 或 2025-01-05")
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        raise DateError(f"“{text}”不是真实存在的日期(月份为1—12,日不超过当月天数),"
                        "请写成 2025年1月5日 或 2025-01-05") from None
    return year, month, day or None


def format_date(value: object) -> str:
    """The official spelling: 2025年1月5日 (or 2025年1月 when no day is given)."""
    year, month, day = parse_date(value)
    return f"{year}年{month}月{day}日" if day else f"{year}年{month}月"
