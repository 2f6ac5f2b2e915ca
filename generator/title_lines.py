"""Breaking a long title into balanced lines, as GB/T 9704 asks (梯形或菱形, 词意完整).

Left to Word, a 23-character title fills a first line of 20 and leaves 3 on the second; the
standard wants lines of similar length, each break between two words.  Where a break may fall:

* never inside a pair of 《》 “” （） ‘’ 「」, never inside a number with its unit (第3次, 2025年,
  十三届, 104周年) or a run of Latin letters and digits, never before closing or after opening
  punctuation, and never inside a fixed term (中国特色社会主义, 营商环境 …, the word list
  ``data/title_words.txt``);
* preferably where a word is known to end: at the edges of listed words, numbers, quotes and
  punctuation, and around the joining characters 在 暨 的 和 与 及 同, when the characters on
  both sides are covered by such pieces.  A stretch of characters nothing covers is kept whole
  with its neighbours unless no break fits otherwise.

Among the allowed breaks the lines closest to equal length win; a break before 暨 / 在 /
关于 / —— or after 的 gets a small bonus, the way offices break such titles.

A full segmenter was measured and not taken: jieba costs 0.25 s to import and 1.5–2.4 s to
build its dictionary in each process, against ~0.2 s for the whole of ``render``, and still
splits 中国特色社会主义 into three words.  The word list is read only when a title has to
break, and titles use a small, formulaic vocabulary.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from functools import cache
from itertools import pairwise

from .resources import package_file

_NO_LINE_START = set("，。、；：！？）》」』”’,.;:!?)]}…")
_NO_LINE_END = set("（《「『“‘([{—")  # a dash opens the subtitle part: ——在…
_PAIRS = {"《": "》", "“": "”", "（": "）", "‘": "’", "「": "」", "『": "』", "(": ")"}
_BREAK_BEFORE = ("暨", "在", "关于", "——")
_BREAK_AFTER = ("的",)
_JOINERS = set("在暨的和与及同")
_NATURAL_BONUS = 6.0
#: A title written in phrases parted by spaces ("凝心聚力 真抓实干 奋力开创…新局面") breaks at
#: a space, even a little less even: "围绕中心 服务大局 推动 / 全市办公室工作提质增效" cut
#: its third phrase (a new user's scaffold).  The space itself is dropped at the break.
_SPACE_BONUS = 8 * _NATURAL_BONUS
_SPACES = (" ", "\u3000")
_NUMERAL = "0-9０-９零〇一二三四五六七八九十百千万两"
#: A number and its unit (第3次, 2025年, 十三届, 104周年, 第二季度, 5.2%); a run of Latin
#: letters and digits; a dash or an ellipsis, which is one mark however many characters.
_UNBROKEN = (
    rf"第?[{_NUMERAL}]+(?:[.．][0-9０-９]+)?"
    r"(?:周年|季度|年度|年|月|日|次|届|个|项|条|批|轮|期|号|名|家|所|级|类|%|％|万|亿|倍|天|大)?"
    r"|[A-Za-z0-9]+|—+|…+")


@cache
def _words() -> tuple[str, ...]:
    """The word list, longest first (read on the first title that has to break)."""
    text = package_file("data", "title_words.txt").read_text("utf-8")
    words = {line.strip() for line in text.splitlines()
             if line.strip() and not line.startswith("#")}
    return tuple(sorted(words, key=len, reverse=True))


def _spans(title: str) -> list[tuple[int, int]]:
    """(start, end) of every stretch a line must not be broken inside."""
    spans = [m.span() for m in re.finditer(_UNBROKEN, title) if m.end() - m.start() > 1]
    for start, char in enumerate(title):
        closing = _PAIRS.get(char)
        if closing:
            end = title.find(closing, start + 1)
            if end > 0:
                spans.append((start, end + 1))
    for word in _words():
        start = title.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = title.find(word, start + 1)
    return spans


def _allowed(title: str) -> tuple[set[int], set[int]]:
    """Break positions (a break before ``title[i]``): at a known word end, and anywhere legal."""
    length = len(title)
    legal = {i for i in range(1, length)
             if title[i] not in _NO_LINE_START and title[i - 1] not in _NO_LINE_END
             and not (title[i - 1:i + 1].isascii() and title[i - 1:i + 1].isalnum())}
    known: set[int] = set()
    covered = [False] * length
    for start, end in _spans(title):
        legal -= set(range(start + 1, end))
        known.update((start, end))
        for i in range(start, end):
            covered[i] = True
    for i, char in enumerate(title):
        if char in _JOINERS or not char.isalnum():
            known.update((i, i + 1))
            covered[i] = True
    # Next to a stretch no word covers, where its words end is unknown (数字|经济 would split
    # 数字经济): such a stretch stays whole with its neighbours if a balanced break exists.
    known = {i for i in known if 0 < i < length and covered[i - 1] and covered[i]}
    return known & legal, legal


def _width(char: str) -> float:
    """Latin letters, digits and spaces take half the width of a Chinese character."""
    return 0.5 if char.isascii() else 1.0


def _bonus(text: str, i: int) -> float:
    if text[i - 1] in _SPACES:  # the writer's own break between the title's phrases
        return -_SPACE_BONUS
    if text.startswith(_BREAK_BEFORE, i) or text.endswith(_BREAK_AFTER, 0, i):
        return -_NATURAL_BONUS
    return 0.0


def _balanced(title: str, widths: list[float], max_chars: int,
              allowed: set[int]) -> list[str] | None:
    """The fewest lines that fit, breaking only at ``allowed``, each as near equal as can be."""
    total, length = widths[-1], len(title)
    breaks = sorted(allowed)
    break_widths = [widths[i] for i in breaks]
    for lines in range(math.ceil(total / max_chars), min(len(allowed), length) + 2):
        target = total / lines
        # best[k][i]: least cost of the first i characters as k lines; prev for the way back.
        best: list[dict[int, float]] = [{0: 0.0}]
        prev: list[dict[int, int]] = [{}]
        for k in range(1, lines + 1):
            row: dict[int, float] = {}
            back: dict[int, int] = {}
            # The k-th line can end only where k lines can hold what comes before and the
            # lines left can hold what comes after; and only starts within one line's width of
            # an end can reach it.  Looking at those alone keeps a title of thousands of
            # characters to milliseconds (all of them took 78 s at 4,000 characters: a tester
            # who never saw the code).
            ends = [length] if k == lines else breaks[
                bisect_left(break_widths, total - (lines - k) * max_chars):
                bisect_right(break_widths, k * max_chars)]
            starts = sorted(best[k - 1])
            reach = [widths[start] for start in starts]
            for end in ends:
                for start in starts[bisect_left(reach, widths[end] - max_chars):
                                    bisect_left(starts, end)]:
                    line = widths[end] - widths[start]  # ≤ max_chars: halves add exactly
                    value = best[k - 1][start] + (line - target) ** 2 + (
                        _bonus(title, end) if end < length else 0.0)
                    if end not in row or value < row[end]:
                        row[end], back[end] = value, start
            if not row:
                break  # no way on with this many lines
            best.append(row)
            prev.append(back)
        if len(best) > lines and length in best[lines]:
            cuts = [length]
            for k in range(lines, 0, -1):
                cuts.append(prev[k][cuts[-1]])
            cuts.reverse()
            return [title[a:b].strip(" \u3000") for a, b in pairwise(cuts)]
    return None


def balance_title(title: str, max_chars: int) -> list[str]:
    """The title as the fewest lines that fit ``max_chars``, each of similar length, broken
    between words (see the module docstring)."""
    widths = [0.0]
    for char in title:
        widths.append(widths[-1] + _width(char))
    if widths[-1] <= max_chars:
        return [title]
    known, legal = _allowed(title)
    for allowed in (known, legal):
        lines = _balanced(title, widths, max_chars, allowed)
        if lines is not None:
            return lines
    return [title]  # only when no break is allowed anywhere; Word then wraps as it can
