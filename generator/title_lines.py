"""Breaking a long title into balanced lines, as GB/T 9704 asks (梯形或菱形, 词意完整).

Left to Word, a 23-character title fills a first line of 20 and leaves 3 on the second; the
standard wants lines of similar length that do not split a word.  Without a dictionary a word
boundary cannot be known, so breaks are scored: near-equal lines are best, a few places are
natural (before 暨 / 在 / 关于 / ——, after 的), and some are never allowed (inside a run of
Latin letters or digits, before closing or after opening punctuation).
"""

from __future__ import annotations

import math
from itertools import pairwise

_NO_LINE_START = set("，。、；：！？）》」』”’,.;:!?)]}…—")
_NO_LINE_END = set("（《「『“‘([{")
_BREAK_BEFORE = ("暨", "在", "关于", "——")
_BREAK_AFTER = ("的",)
_NATURAL_BONUS = 6.0


def _width(char: str) -> float:
    """Latin letters, digits and spaces take half the width of a Chinese character."""
    return 0.5 if char.isascii() else 1.0


def _break_cost(text: str, i: int) -> float | None:
    """The cost of breaking before ``text[i]``, or None where a break is not allowed."""
    left, right = text[i - 1], text[i]
    if right in _NO_LINE_START or left in _NO_LINE_END:
        return None
    if left.isascii() and right.isascii() and left.isalnum() and right.isalnum():
        return None
    if text.startswith(_BREAK_BEFORE, i) or text.endswith(_BREAK_AFTER, 0, i):
        return -_NATURAL_BONUS
    return 0.0


def balance_title(title: str, max_chars: int) -> list[str]:
    """The title as the fewest lines that fit ``max_chars``, each of similar length."""
    widths = [0.0]
    for char in title:
        widths.append(widths[-1] + _width(char))
    total = widths[-1]
    if total <= max_chars:
        return [title]
    length = len(title)
    costs = {i: _break_cost(title, i) for i in range(1, length)}
    for lines in range(math.ceil(total / max_chars), length + 1):
        target = total / lines
        # best[k][i]: least cost of the first i characters as k lines; prev for the way back.
        best: list[dict[int, float]] = [{0: 0.0}]
        prev: list[dict[int, int]] = [{}]
        for k in range(1, lines + 1):
            row: dict[int, float] = {}
            back: dict[int, int] = {}
            ends = [length] if k == lines else [i for i in range(1, length)
                                                 if costs[i] is not None]
            for end in ends:
                for start, cost in best[k - 1].items():
                    line = widths[end] - widths[start]
                    if start >= end or line > max_chars:
                        continue
                    value = cost + (line - target) ** 2 + (costs.get(end) or 0.0)
                    if end not in row or value < row[end]:
                        row[end], back[end] = value, start
            best.append(row)
            prev.append(back)
        if length in best[lines]:
            cuts = [length]
            for k in range(lines, 0, -1):
                cuts.append(prev[k][cuts[-1]])
            cuts.reverse()
            return [title[a:b] for a, b in pairwise(cuts)]
    return [title]  # only when no break is allowed anywhere; Word then wraps as it can
