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
from functools import cache
from typing import Any

from ..model import Section, Speech

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


def to_simplified(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """The page in simplified script, and the map from each changed character back to the one
    the page printed (the commoner one when the page printed two that convert alike)."""
    converted = [_convert_line(line) for line in lines]
    origins: dict[str, Counter[str]] = {}
    for line, simple in zip(lines, converted, strict=True):
        for printed, plain in zip(line, simple, strict=True):
            origins.setdefault(plain, Counter())[printed] += 1
    back = {}
    for plain, counter in origins.items():
        printed = counter.most_common(1)[0][0]
        if printed != plain:
            back[plain] = printed
    return converted, back


def restore(speech: Speech, back: dict[str, str], keep: frozenset[str]) -> None:
    """Put the page's own characters back into every text of a mined speech.

    ``keep`` holds texts the miner wrote itself (the missing-title gap), left as they are."""
    table = str.maketrans(back)

    def text(value: str) -> str:
        return value if value in keep else value.translate(table)

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
