"""Traditional-script pages: mined in simplified script, handed back in the page's characters.

Every rule of the miner is written once, in simplified characters (同志们, 讲话, 讲三点意见,
时间：…).  Pages from Hong Kong, Taiwan or converted mainland sites print 同志們, 講話, 時間; rather
than doubling every rule, such a page is converted character by character to simplified script
(OpenCC's ``t2s``), mined, and every text of the result is mapped back to the characters the
page printed.  The conversion keeps each line's length, so nothing is moved; where OpenCC would
change a line's length (a phrase rule), that line is converted one character at a time.

OpenCC costs about 30 ms to load (measured on the development machine), so it is loaded only
for a page that holds at least ``MIN_TRADITIONAL`` of the commonest traditional-only characters
(``GATE``); simplified pages never pay for it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from ..model import Section, Speech
from .normalise import fold

#: Frequent characters that only traditional script writes this way (們 個 這 會 說 …): a
#: cheap test for whether a page needs converting at all.  Not a conversion table.
GATE = frozenset(
    "們個這會說時為來對國發經與學於過後還現開關問題進區縣書記長員動機實業產東車門見頁讓麼當從應"
    "講話導領黨們議務結設術號處辦決統責條質廣闊幹華際義觀"
)
_GATE = re.compile("[" + "".join(sorted(GATE)) + "]")
#: A page with fewer of them than this is simplified text quoting a traditional word.
MIN_TRADITIONAL = 5


@cache
def _converter() -> Any:
    import opencc  # deferred: only traditional-script pages need it

    return opencc.OpenCC("t2s")


def _convert_line(line: str) -> str:
    converted: str = _converter().convert(line)
    if len(converted) == len(line):
        return converted
    return "".join(_converter().convert(ch) or ch for ch in line)


def needs_conversion(lines: list[str]) -> bool:
    """True when the page is written (mostly) in traditional script."""
    seen = 0
    for line in lines:
        seen += len(_GATE.findall(line))
        if seen >= MIN_TRADITIONAL:
            return True
    return False


@dataclass(frozen=True)
class Printed:
    """How to hand a mined text back in the characters the page printed.

    ``back`` maps each changed character to the one the page printed (the commoner one when
    it printed two that convert alike).  A page may mix scripts: a site's simplified chrome
    and title over a traditional speech.  ``simple`` holds (folded) the lines the page printed
    in simplified script and ``converted`` the simplified view of the others, so a text found
    only among the former (the title "…中秋节讲话" over a body writing 節) is left as printed."""

    back: dict[str, str]
    simple: str
    converted: str

    def text(self, value: str) -> str:
        key = fold(value)
        if key and key in self.simple and key not in self.converted:
            return value
        return value.translate(self._table)

    @cached_property
    def _table(self) -> dict[int, str]:
        return str.maketrans(self.back)


def to_simplified(lines: list[str]) -> tuple[list[str], Printed]:
    """The page in simplified script, and what hands its texts back (``Printed``).  The back
    map is read from the lines the page printed in traditional script only."""
    converted = [_convert_line(line) for line in lines]
    origins: dict[str, Counter[str]] = {}
    simple, changed = [], []
    for line, plain_line in zip(lines, converted, strict=True):
        for printed_row, plain_row in _rows(line, plain_line):
            if printed_row == plain_row:  # printed in simplified script: no say in the map
                simple.append(plain_row)
                continue
            changed.append(plain_row)
            for printed, plain in zip(printed_row, plain_row, strict=True):
                origins.setdefault(plain, Counter())[printed] += 1
    back = {}
    for plain, counter in origins.items():
        printed = counter.most_common(1)[0][0]
        if printed != plain:
            back[plain] = printed
    return converted, Printed(back, fold("\n".join(simple)), fold("\n".join(changed)))


def _rows(line: str, plain_line: str) -> list[tuple[str, str]]:
    """A line and its simplified view, cut into the rows a flattened page ran together with
    spaces ("首页 > … <title> <title> 各位鄉親： 值此…佳節…"), so the site's simplified rows
    stay apart from the speech's traditional ones; a changed line without spaces is one row.
    The conversion keeps the length, so both are cut at the same places."""
    if line == plain_line or " " not in line:
        return [(line, plain_line)]
    return [(m.group(), plain_line[m.start() : m.end()]) for m in _ROW.finditer(line)]


_ROW = re.compile(r"\S+")


def restore(speech: Speech, printed: Printed, keep: frozenset[str]) -> None:
    """Put the page's own characters back into every text of a mined speech.

    ``keep`` holds texts the miner wrote itself (the missing-title gap), left as they are."""

    def text(value: str) -> str:
        return value if value in keep else printed.text(value)

    def texts(values: list[str]) -> list[str]:
        return [text(v) for v in values]

    speech.title = text(speech.title)
    for name in ("subtitle", "speaker", "date", "salutation"):
        value = getattr(speech, name)
        if value is not None:
            setattr(speech, name, text(value))
    if speech.source:  # the page's marker and title lines; the file name is the user's
        speech.source = {
            key: text(value) if key in ("marker", "title") else value
            for key, value in speech.source.items()
        }
    speech.opening = texts(speech.opening)
    speech.closing = texts(speech.closing)
    speech.signoff = texts(speech.signoff)

    def sections(items: list[Section]) -> None:
        for section in items:
            section.heading = text(section.heading)
            section.paragraphs = texts(section.paragraphs)
            sections(section.sections)

    sections(speech.sections)
