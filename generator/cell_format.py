"""A number in a spreadsheet cell written the way Excel or WPS shows it, from its number format.

A cell holds a bare number (0.085, 45662, 0.30000000000000004) and a format code that says how
Excel shows it (8.5%, 2025年1月5日, 0.3).  A colleague reads the shown text, so a speech must
print that, not the stored number.  No maintained Python library renders Excel format codes
(openpyxl only stores them), so this module covers the formats office sheets use:

- General (Excel's `General`, WPS's `G/通用格式`): at most 11 characters, the decimal point
  counting as one; larger integers in scientific notation (123456789012 → 1.23457E+11), as
  Microsoft's KB 65903 describes;
- digit placeholders `0 # ?`, a fixed number of decimals, thousands separators `,`, scaling by a
  trailing comma, percent `%`, scientific `E+`, literal text ("万元", \\x), sections for
  negative and zero values, currency brackets `[$¥-804]`, colours and `_x`/`*x` padding ignored;
- dates and times: y m d h s, `e` (the year in Chinese locales), `aaa`/`aaaa` (Chinese weekday),
  `上午/下午` and AM/PM, elapsed `[h]`, the Chinese-locale built-in formats 27–36 and 50–58
  (stored by number only, with no code in the file: ECMA-376 Part 1 §18.8.30, zh-cn);
- `[DBNum1]` / `[DBNum2]`: digits as Chinese numerals (二〇二五年一月五日, 壹佰贰拾叁).

Anything else (fractions, conditions such as [>100]) is written with at most 15 significant
digits, the precision Excel itself keeps.  Rounding is half away from zero, as Excel's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import lru_cache

from .numerals import to_chinese

# Built-in format ids whose code a Chinese-locale Excel or WPS shows differently from the
# en-US codes openpyxl knows, or does not write into the file at all.
BUILTIN_ZH = {
    5: '"¥"#,##0;"¥"\\-#,##0',
    6: '"¥"#,##0;[Red]"¥"\\-#,##0',
    7: '"¥"#,##0.00;"¥"\\-#,##0.00',
    8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
    14: "yyyy/m/d",
    22: "yyyy/m/d h:mm",
    27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy",
    31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"',
    34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
    50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"',
    54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"',
    57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
}
GENERAL = "General"
_GENERAL_WIDTH = 11  # characters General shows, the decimal point included (KB 65903)
_DATE_LETTERS = frozenset("ymdhse")
_AMPM = ("上午/下午", "AM/PM", "am/pm", "A/P", "a/p")
_WEEKDAYS = "一二三四五六日"
_DBNUM2 = str.maketrans("零一二三四五六七八九十百千万亿", "零壹贰叁肆伍陆柒捌玖拾佰仟萬億")
_FIFTEEN = Context(prec=15, rounding=ROUND_HALF_UP)
# Room for every digit of a double written out in full (1.8e308) and any number of decimals.
_WIDE = Context(prec=1000, rounding=ROUND_HALF_UP, Emax=100000, Emin=-100000)
_CONDITION = re.compile(r"^[<>=]")
_ELAPSED = re.compile(r"^(h+|m+|s+)$", re.I)


@dataclass(frozen=True)
class _Section:
    """One `;`-separated part of a format code, split into literal text and placeholders."""

    tokens: tuple[tuple[str, str], ...]  # (kind, text): lit, num, date, text, general
    dbnum: int = 0
    conditional: bool = False


@dataclass(frozen=True)
class Format:
    """A parsed format code: up to four sections (positive; negative; zero; text)."""

    code: str
    sections: tuple[_Section, ...]
    is_date: bool  # shows a calendar date (a serial number of days)
    is_time: bool  # shows a time of day only

    @property
    def is_general(self) -> bool:
        return self.code == GENERAL


def format_code(number_format_id: int, custom: dict[int, str]) -> str:
    """The code of a style's number format: the workbook's own, else the zh-CN built-in one."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    if number_format_id in custom:
        return custom[number_format_id]
    return BUILTIN_ZH.get(number_format_id) or BUILTIN_FORMATS.get(number_format_id, GENERAL)


@lru_cache(maxsize=512)
def parse(code: str) -> Format:
    """A format code as sections of tokens; cached, a workbook uses a handful of codes."""
    code = code or GENERAL
    if code.lower() in ("general", "g/通用格式", "@"):
        return Format(GENERAL, (), False, False)
    sections = tuple(_section(part) for part in _split(code, ";"))
    first = sections[0].tokens if sections else ()
    kinds = [text.lower()[0] for kind, text in first if kind == "date"]
    is_date = any(letter in "ydea" for letter in kinds) or (
        "m" in kinds and "h" not in kinds and "s" not in kinds)
    is_time = not is_date and any(kind == "date" for kind, _ in first)
    return Format(code, sections, is_date, is_time)


def _split(code: str, separator: str) -> list[str]:
    """Split on `separator` outside quotes, brackets and backslash escapes."""
    parts: list[str] = []
    current: list[str] = []
    quoted = bracket = escaped = False
    for char in code:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif not quoted and char in "[]":
            bracket = char == "["
        elif char == separator and not quoted and not bracket:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _section(text: str) -> _Section:
    tokens: list[tuple[str, str]] = []
    dbnum, conditional = 0, False
    index = 0
    while index < len(text):
        char = text[index]
        rest = text[index:]
        if char == '"':
            end = text.find('"', index + 1)
            end = len(text) if end < 0 else end
            tokens.append(("lit", text[index + 1:end]))
            index = end + 1
        elif char == "\\" and index + 1 < len(text):
            tokens.append(("lit", text[index + 1]))
            index += 2
        elif char in "_*":
            index += 2  # padding to a character's width, or a fill: nothing a reader sees
        elif char == "[":
            end = text.find("]", index)
            end = len(text) if end < 0 else end
            inner = text[index + 1:end]
            if inner.upper().startswith("DBNUM"):
                dbnum = int(inner[5:6] or 1) if inner[5:6].isdigit() else 1
            elif inner.startswith("$"):
                symbol = inner[1:].split("-")[0]
                if symbol:
                    tokens.append(("lit", symbol))
            elif _ELAPSED.match(inner):
                tokens.append(("date", f"[{inner.lower()}]"))
            elif _CONDITION.match(inner):
                conditional = True
            index = end + 1  # colours and locales change nothing in the text
        elif rest.lower().startswith("g/通用格式"):
            tokens.append(("general", ""))
            index += len("g/通用格式")
        elif rest.lower().startswith("general"):
            tokens.append(("general", ""))
            index += len("general")
        elif any(rest.startswith(mark) for mark in _AMPM):
            mark = next(mark for mark in _AMPM if rest.startswith(mark))
            tokens.append(("ampm", mark))
            index += len(mark)
        elif char.lower() in _DATE_LETTERS and not (char == "E" and rest[1:2] in ("+", "-")):
            run = len(rest) - len(rest.lstrip(char.lower() + char.upper()))
            tokens.append(("date", rest[:run].lower()))
            index += run
        elif char.lower() == "a" and rest[:3].lower() == "aaa":
            run = 4 if rest[:4].lower() == "aaaa" else 3
            tokens.append(("date", "a" * run))
            index += run
        elif char == "%":
            tokens.append(("pct", "%"))
            index += 1
        elif char in "0#?.," or (char == "E" and rest[1:2] in ("+", "-")):
            if char == "E":
                tokens.append(("num", rest[:2]))
                index += 2
            else:
                tokens.append(("num", char))
                index += 1
        elif char == "@":
            tokens.append(("text", "@"))
            index += 1
        elif char == "/" and tokens and tokens[-1][0] == "num":
            conditional = True  # a fraction: shown with 15 significant digits instead
            index += 1
        else:
            tokens.append(("lit", char))
            index += 1
    return _Section(tuple(_merge_literals(tokens)), dbnum, conditional)


def _merge_literals(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for kind, text in tokens:
        if kind == "lit" and out and out[-1][0] == "lit":
            out[-1] = ("lit", out[-1][1] + text)
        else:
            out.append((kind, text))
    return out


# Numbers.

def show_number(value: float | int, fmt: Format) -> str:
    """A number as the format shows it (never a date: see `show_moment`)."""
    if fmt.is_general or not fmt.sections:
        return general(value)
    section, value = _pick(fmt.sections, value)
    if section is None or section.conditional:
        return fifteen(value)
    if not any(kind in ("num", "general") for kind, _ in section.tokens):
        return _literal_only(section, value)
    if any(kind == "general" for kind, _ in section.tokens):
        body = general(abs(value))
        text = "".join(body if kind == "general" else text if kind == "lit" else ""
                       for kind, text in section.tokens)
        return _dbnum(("-" if value < 0 else "") + text, section.dbnum)
    return _dbnum(_placeholders(section, value), section.dbnum)


def _pick(sections: tuple[_Section, ...], value: float | int) -> tuple[_Section | None, float]:
    """The section for a value; a negative section shows the magnitude (its own sign, if any)."""
    numeric = [s for s in sections[:3]]
    if value < 0 and len(numeric) >= 2:
        return numeric[1], -value
    if value == 0 and len(numeric) >= 3:
        return numeric[2], value
    return numeric[0], value


def _literal_only(section: _Section, value: float | int) -> str:
    """A section of literal text only (`"-"` for zero in accounting formats)."""
    text = "".join(text for kind, text in section.tokens if kind in ("lit", "pct"))
    return text or fifteen(value)


def _placeholders(section: _Section, value: float | int) -> str:
    tokens = section.tokens
    num_positions = [i for i, (kind, _) in enumerate(tokens) if kind == "num"]
    first, last = num_positions[0], num_positions[-1]
    pattern = "".join(text for kind, text in tokens[first:last + 1] if kind == "num")
    exponent = re.search(r"E[+-]", pattern)
    mantissa = pattern[:exponent.start()] if exponent else pattern
    percents = sum(1 for kind, _ in tokens if kind == "pct")
    integer, _, decimals = mantissa.partition(".")
    scale = len(integer) - len(integer.rstrip(","))
    integer = integer.rstrip(",")
    grouped = "," in integer
    min_int = integer.count("0")
    places = min(sum(1 for c in decimals if c in "0#?"), 30)  # Excel allows 30 decimals
    required = decimals.count("0")
    number = _decimal(value) * (Decimal(100) ** percents) / (Decimal(1000) ** scale)
    if exponent:
        digits = pattern[exponent.end():].count("0") or 1
        body = _scientific(number, max(1, min_int), places, required, digits,
                           pattern[exponent.start() + 1])
    else:
        body = _fixed(number, min_int, places, required, grouped)
    before = "".join(t for k, t in tokens[:first] if k in ("lit", "pct"))
    after = "".join(t for k, t in tokens[last + 1:] if k in ("lit", "pct"))
    between = "".join(t for k, t in tokens[first:last + 1] if k in ("lit", "pct"))
    return before + body + between + after


def _fixed(number: Decimal, min_int: int, places: int, required: int, grouped: bool) -> str:
    rounded = number.quantize(Decimal(1).scaleb(-places), context=_WIDE)
    sign = "-" if rounded < 0 else ""
    text = f"{abs(rounded):f}"
    whole, _, fraction = text.partition(".")
    fraction = fraction.ljust(places, "0")[:places]
    keep = len(fraction.rstrip("0"))
    fraction = fraction[:max(required, keep)]
    whole = whole.lstrip("0")
    whole = whole.rjust(min_int, "0") if min_int else whole
    if grouped and whole:
        whole = f"{int(whole):,}".rjust(len(whole), "0") if len(whole) > 3 else whole
    if not whole and not fraction:
        whole = "0"
    return sign + whole + ("." + fraction if fraction else "")


def _scientific(number: Decimal, int_digits: int, places: int, required: int, exp_digits: int,
                exp_sign: str) -> str:
    power = 0 if number == 0 else number.copy_abs().adjusted() - (int_digits - 1)
    mantissa = number.scaleb(-power)
    body = _fixed(mantissa, int_digits, places, required, False)
    if body.lstrip("-").startswith(str(10 ** int_digits)):  # 9.99 rounded up to 10.0
        power += 1
        body = _fixed(number.scaleb(-power), int_digits, places, required, False)
    sign = "-" if power < 0 else ("+" if exp_sign == "+" else "")
    return f"{body}E{sign}{abs(power):0{exp_digits}d}"


def _decimal(value: float | int) -> Decimal:
    """The number as Excel keeps it: at most 15 significant digits."""
    return _FIFTEEN.create_decimal(value)


def general(value: float | int) -> str:
    """Excel's General format in a wide column: 11 characters at most, else scientific."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    number = _decimal(value)
    if number == 0:
        return "0"
    sign = "-" if number < 0 else ""
    number = abs(number)
    digits = number.adjusted() + 1  # digits before the decimal point (≤ 0 for 0.00x)
    if digits > _GENERAL_WIDTH or number < Decimal("1e-9"):
        return sign + _general_scientific(number)
    # The decimal point takes one of the 11 characters only when decimals are shown: an
    # 11-digit integer (a mobile number) is shown whole, and rounding that carries into a 12th
    # digit (99999999999.6) goes to scientific notation.
    places = max(_GENERAL_WIDTH - 1 - max(digits, 1), 0)
    rounded = number.quantize(Decimal(1).scaleb(-places), context=_WIDE)
    if rounded == 0:
        return sign + _general_scientific(number)
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if len(text) > _GENERAL_WIDTH:
        return sign + _general_scientific(number)
    return sign + text


def _general_scientific(number: Decimal) -> str:
    power = number.adjusted()
    exponent = f"E{'-' if power < 0 else '+'}{abs(power):02d}"
    room = _GENERAL_WIDTH - len(exponent) - 2  # "d." before the decimals
    mantissa = number.scaleb(-power).quantize(Decimal(1).scaleb(-room), context=_WIDE)
    if mantissa >= 10:
        return _general_scientific(mantissa.scaleb(power))
    text = f"{mantissa:f}".rstrip("0").rstrip(".")
    return text + exponent


def fifteen(value: float | int) -> str:
    """A number with at most 15 significant digits, without an exponent while that is short."""
    number = _decimal(value).normalize()
    if number == 0:
        return "0"
    if -10 < number.adjusted() < 16:
        return f"{number:f}"
    return f"{number:E}"


# Dates and times.

def show_moment(moment: dt.datetime, fmt: Format) -> str:
    """A date and time as the format shows it: 2025年1月5日, 二〇二五年一月五日, 下午2时30分."""
    section = fmt.sections[0]
    tokens = section.tokens
    twelve = any(kind == "ampm" for kind, _ in tokens)
    kinds = [text for kind, text in tokens if kind == "date"]
    out = []
    date_index = -1
    for kind, text in tokens:
        if kind == "lit":
            out.append(text)
            continue
        if kind == "ampm":
            out.append(_ampm(text, moment.hour))
            continue
        if kind != "date":
            continue
        date_index += 1
        before = kinds[date_index - 1] if date_index else ""
        after = kinds[date_index + 1] if date_index + 1 < len(kinds) else ""
        minute = text[0] == "m" and (before.startswith(("h", "[h")) or after.startswith("s"))
        out.append(_part(text, moment, twelve, minute, section.dbnum))
    return "".join(out)


def _ampm(mark: str, hour: int) -> str:
    morning = hour < 12
    if mark == "上午/下午":
        return "上午" if morning else "下午"
    first, second = mark.split("/")
    return first if morning else second


def _part(token: str, moment: dt.datetime, twelve: bool, minute: bool, dbnum: int) -> str:
    letter, width = token[0], len(token)
    if token.startswith("["):  # elapsed hours/minutes/seconds since day 0
        return str(moment.hour)  # [h] beyond 24 hours does not occur in speech facts
    if letter in "ye":
        year = moment.year if width != 2 or letter == "e" else moment.year % 100
        text = f"{year:02d}" if width == 2 and letter == "y" else str(year)
        return _year_dbnum(text, dbnum)
    if letter == "m" and not minute:
        if width >= 3:
            return moment.strftime("%B" if width == 4 else "%b")[: 1 if width == 5 else None]
        return _pad(moment.month, width, dbnum)
    if letter == "d":
        if width >= 3:
            return moment.strftime("%A" if width >= 4 else "%a")
        return _pad(moment.day, width, dbnum)
    if letter == "a":
        day = _WEEKDAYS[moment.weekday()]
        return "星期" + day if width == 4 else day
    if letter == "h":
        hour = moment.hour % 12 or 12 if twelve else moment.hour
        return _pad(hour, width, dbnum)
    if letter == "m":
        return _pad(moment.minute, width, dbnum)
    if letter == "s":
        return _pad(moment.second, width, dbnum)
    return token


def _pad(number: int, width: int, dbnum: int) -> str:
    if dbnum:
        return _chinese(number, dbnum)
    return f"{number:0{min(width, 2)}d}"


def _year_dbnum(text: str, dbnum: int) -> str:
    """A year digit by digit, the way dates are written: 二〇二五."""
    if not dbnum:
        return text
    digits = "〇一二三四五六七八九" if dbnum == 1 else "零壹贰叁肆伍陆柒捌玖"
    return "".join(digits[int(d)] for d in text)


def _chinese(number: int, dbnum: int) -> str:
    """A whole number in Chinese numerals, in groups of four digits: 万, 亿, 万亿."""
    groups = []
    while True:
        number, group = divmod(number, 10000)
        groups.append(group)
        if not number:
            break
    out = ""
    for position in range(len(groups) - 1, -1, -1):
        group = groups[position]
        if group == 0:
            continue
        if out and (group < 1000 or groups[position + 1] == 0):
            out += "零"
        out += to_chinese(group) + ("", "万", "亿", "万亿")[min(position, 3)]
    text = out or "零"
    return text.translate(_DBNUM2) if dbnum == 2 else text


def _dbnum(text: str, dbnum: int) -> str:
    """Digits of a shown number as Chinese numerals: 123 → 一百二十三, 1.5 → 一.五."""
    if not dbnum:
        return text

    def whole(match: re.Match[str]) -> str:
        return _chinese(int(match[0].replace(",", "")), dbnum)

    def fraction(match: re.Match[str]) -> str:
        digits = "〇一二三四五六七八九" if dbnum == 1 else "零壹贰叁肆伍陆柒捌玖"
        return "." + "".join(digits[int(d)] for d in match[1])

    text = re.sub(r"\.(\d+)", fraction, text)
    return re.sub(r"\d[\d,]*", whole, text)


def serial_to_datetime(serial: float, epoch: dt.datetime) -> dt.datetime:
    """A serial day number as a datetime, with Excel's phantom 1900-02-29 accounted for."""
    from openpyxl.utils.datetime import from_excel

    moment = from_excel(serial, epoch)
    if isinstance(moment, dt.time):  # a serial below 1: the time of day 0
        return dt.datetime.combine(epoch.date(), moment)
    return moment
