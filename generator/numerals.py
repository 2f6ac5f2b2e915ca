"""Chinese numerals, both ways: 12 ↔ 十二.

Speech numbering and counts ("下面,我讲三点意见") are written in Chinese numerals, and the miner
has to read them back; one module keeps the two directions consistent.
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"

#: The characters a speech's ordinals and counts are written with (一 … 十 and their compounds
#: 十一 … 九十九); the regular-expression fragments below are built from it, and every rule that
#: reads a numeral uses one of them, so the class is written once.
NUMERAL_CHARS = "一二三四五六七八九十"
#: Digits as numbering and figures are typed: ASCII, and full-width as a Chinese input method
#: or a scraped page gives them ("１、").  ``\d`` in the patterns accepts both.
DIGIT_CHARS = "0123456789０１２３４５６７８９"
#: An ordinal as numbering writes it: 一 … 九十九 (at most three characters).
ORDINAL = f"[{NUMERAL_CHARS}]{{1,3}}"
#: A count as a speaker says it: 两点, 三个方面, and 几点 (a count left open).
COUNT = f"[{NUMERAL_CHARS}两几]+"
#: A count that names a number (几 excluded): what a check can compare with the real count.
NUMBER = f"[{NUMERAL_CHARS}两]+"
_UNITS = ((1000, "千"), (100, "百"), (10, "十"))
_VALUE = {ch: i for i, ch in enumerate(DIGITS)} | {"两": 2, "〇": 0}


#: The largest number `to_chinese` writes, so the most points a level can number.
MAX_NUMBER = 9999


def to_chinese(n: int) -> str:
    """Write 0 ≤ n ≤ MAX_NUMBER the way a speech does: 10 → 十, 11 → 十一, 20 → 二十, 105 →
    一百零五.  ValueError beyond: inputs are held to MAX_NUMBER items a list where they are read."""
    if not 0 <= n <= MAX_NUMBER:
        raise ValueError(f"只能写 0 到 {MAX_NUMBER} 的中文数字,收到 {n}")
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n - 10] if n > 10 else "")
    out = []
    pending_zero = False
    for value, unit in _UNITS:
        digit, n = divmod(n, value)
        if digit:
            if pending_zero:
                out.append("零")
                pending_zero = False
            out.append(DIGITS[digit] + unit)
        elif out:
            pending_zero = True
    if n:
        if pending_zero:
            out.append("零")
        out.append(DIGITS[n])
    return "".join(out)


def spoken(number: int) -> str:
    """A count as said before a measure word: 两点, 两列, 三个方面 (二 is a digit, not a count)."""
    return "两" if number == 2 else to_chinese(number)


def announced(number: int) -> str:
    """A count of parts as a speech announces it: the number up to four, 几 from five ("下面，
    我讲几点意见").  Of 178 announcements in the stored real pages and the corpus, 65 say 几点 and
    112 a number, only 5 of those five or more (五点, 五个方面, 六个方面); a blind reader of
    complete speeches named "谈六点意见" a tell (issue 14, round 16)."""
    return "几" if number >= 5 else spoken(number)


_DIGITS = frozenset(DIGIT_CHARS)


def from_chinese(text: str) -> int | None:
    """Read a Chinese numeral (一 … 九千九百九十九, 两, 〇) or digits, ASCII or full-width as a
    Chinese input method types them (１２); None if neither."""
    if not text:
        return None
    if all(ch in _DIGITS for ch in text):
        return int(text)
    total = 0
    current = None
    for ch in text:
        if ch in "零〇" and total and current is None:  # 一百零一: the zero only fills a gap
            continue
        if ch in _VALUE:
            if current is not None:  # two digits in a row: 一二 is not a numeral
                return None
            current = _VALUE[ch]
        elif ch in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[ch]
            total += (1 if current is None else current) * unit
            current = None
        else:
            return None
    return total + (current or 0)
