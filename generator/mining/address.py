"""How a speaker addresses the audience: the salutation line ("同志们：", "各位领导、同志们：").

Parsing needs it to find where the body starts, and paragraph rebuilding needs it so that a
salutation line is never glued onto the title above it.
"""

from __future__ import annotations

import re

from ..lazy_re import LazyPattern
from ..lexicon import ADDRESS_WORDS, alternation
from .normalise import unglossed

#: Times of day a greeting names ("下午好").
DAYTIME = "早上|上午|中午|下午|晚上"
#: Whom a greeting greets ("大家好", "各位下午好", "你们好").
GREETED = "大家|你们|各位"
#: A greeting after a fused salutation: "同志们：大家上午好！今天…".
LEADING_GREETING = re.compile(rf"^(({GREETED})({DAYTIME})?好|({DAYTIME})好)！")

SALUTATION = re.compile(f"{alternation(ADDRESS_WORDS)}[：，！]$")
#: Longest line that can be a salutation on its own; a longer one must open with a word of
#: address ("尊敬的市委、市政府等五大班子的领导、亲爱的姐妹们：" lists the guests).
SALUTATION_CHARS = 20
LONG_SALUTATION_CHARS = 48
ADDRESS_OPENING = ("尊敬的", "亲爱的", "各位")


#: "亲爱的医院全体干职工及病友：": whoever is addressed, a line that opens with a word of address
#: (尊敬的, 亲爱的, 各位, or 广大 as in "广大市民朋友：" of a broadcast address) and ends with a
#: colon after a word for people (…友 …事 …属 …员 …者), with no sentence in it, is the salutation;
#: "各位要注意以下几点：" is not.
#: The last character(s) of a word for people (各位同学, 各位同仁, 各位家长, 全体职工, 广大群众…),
#: kinship words among them, as a farm or a village greets those who come back ("尊敬的各位知青
#: 大哥大姐：", "兄弟姐妹们"); a contest's entrants ("各位选手", round 89).
PERSON_END = (
    "(?:们|友|事|属|宾|导|师|生|学|仁|长|士|胞|民|众|工|员|人|妹|姐|哥|弟|者|手|代表|同志|主任|主席|顾问|亲)"
)
#: A greeting fused to the address before its colon, without a comma ("各位来宾大家好：",
#: "各位女士你们好：", "各位同事下午好："): the whole line is the salutation.
FUSED_GREETING = "(?:(?:大家|你们)?(?:早上|上午|中午|下午|晚上)?好)"
#: Words a salutation may open with before naming whom it addresses.
ADDRESS_OPENERS = "尊敬的|亲爱的|各位|广大"
ADDRESSED = re.compile(
    rf"^(?:{ADDRESS_OPENERS})[^。！？；：]{{0,44}}{PERSON_END}{FUSED_GREETING}?：$"
)
#: An address the page cuts off before its colon ("尊敬的书", the excerpt's last words): no
#: title, though it is short and has no sentence mark.
CUT_ADDRESS = LazyPattern(r"^(?:尊敬的|亲爱的)[^。！？；：，]{0,20}$", needs="尊亲")


#: One addressee of a list: perhaps 尊敬的/亲爱的/各位, a few characters, a word for people
#: (教授 among them); or a guest called by a given name in Latin letters, as Hong Kong speakers
#: do ("谭某某教授、Fanny（罗某某）、刘部长、各位嘉宾：").
_ADDRESSEE = (
    rf"(?:(?:尊敬的|亲爱的|各位)?[^。！？；：，、\s]{{0,10}}?(?:{PERSON_END}|教授)"
    r"|[A-Z][a-z]{1,15})"
)
#: Several addressees with a greeting before the mark ("同志们、选手们，大家好：", "各位老师，
#: 亲爱的同仁们："): two or more addressees joined by 、/，/和, or one with 大家好 after it.  A
#: greeting may close on a full stop as on an exclamation mark ("各位党员同志，大家上午好。").
LISTED = re.compile(
    rf"^{_ADDRESSEE}(?:(?:[、，]|和|及){_ADDRESSEE})+(?:，?(?:大家|各位)?(?:上午|下午|晚上)?好)?[：！]$"
    rf"|^{_ADDRESSEE}(?:(?:[、，]|和|及){_ADDRESSEE})*，(?:大家|各位)(?:上午|下午|晚上)?好。$"
    rf"|^{_ADDRESSEE}，?(?:大家|各位)(?:上午|下午|晚上)?好[：！]$"
)


def _listed(line: str) -> bool:
    """A list of addressees with a plural address word (…们, 各位) or a greeting in it: "对学生、
    教师：" introducing a point is no salutation; "公司领导、各位兄弟姐妹：" is one."""
    return bool(LISTED.match(line)) and ("们" in line or "好" in line or "各位" in line)


#: A greeting that closes a list of addressees after its comma, or run straight onto a plural
#: addressee ("…的家属朋友们大家好："): one or two wishes joined by 、 ("大家好", "大家早安、大家
#: 好", "大家晚安"; 早安/午安/晚安 are how Taiwan and Hong Kong pages greet), then the line's
#: colon or exclamation mark.
_WISH = rf"(?:{GREETED})?(?:(?:{DAYTIME})?好|早安|午安|晚安)"
CLOSING_WISH = LazyPattern(rf"(?:，|(?<=们)){_WISH}(?:、{_WISH})?[：！]$")
#: The longest such line: a school's or a ministry's guests named one by one (56 characters on
#: the longest real page).
GREETED_LIST_CHARS = 80
#: The fewest commas in a greeted list that lost its closing mark: three addressees and the
#: greeting at the least.
UNMARKED_LIST_COMMAS = 3
#: Who an addressee is, in brackets after the address ("马主席（协会主席马某某）、…"): a press
#: office's note inside the salutation, no sentence of the speech.  A ministry's full name and
#: post run to 26 characters on a real page ("…驻某地特别行政区特派员公署特派员"); 30 leaves room.
_ADDRESSEE_NOTE = LazyPattern(r"（[^（）。！？：]{2,30}）")


def _greeted_list(line: str) -> bool:
    """Addressees named one by one, then a comma (or a plural …们) and the greeting that closes
    the line ("王理事长、陈主任委员、各位专家先进们，大家早安、大家好！", "…各位同仁，以及…在校
    生，大家晚安：", "…各位毕业生，还有…的家属朋友们大家好："): two or more pieces parted by
    、/，, the last ending with a word for people, a plural address (…们, 各位) among them, no
    sentence mark before the greeting."""
    wish = CLOSING_WISH.search(line)
    if wish is None:
        return False
    who = line[: wish.start()]
    return (
        re.search(r"[。！？；：]", who) is None
        and len(re.split(r"[、，]", who)) >= 2
        and re.search(rf"{PERSON_END}$", who) is not None
        and ("们" in who or "各位" in who)
    )


#: A greeting run straight onto the last of a list of addressees ("…各地的宗长族亲大家好："),
#: closing the line.
_FUSED_WISH = LazyPattern(rf"{_WISH}(?:、{_WISH})?[：！]$")
#: The fewest addressees, and the longest one, of a guest list read by ``_roll_call``.
ROLL_CALL_NAMES = 4
ROLL_CALL_NAME_CHARS = 30


def _roll_call(line: str) -> bool:
    """A roll call of the guests, however long, that opens with 尊敬的/亲爱的/各位 and closes
    with the greeting, with or without a comma before it ("尊敬的某某理事长、某某宗长、各位
    贵宾、…、以及来自海内外的宗长族亲大家好："): four addressees at least, parted by 、/，,
    none longer than ``ROLL_CALL_NAME_CHARS``, most of them ending with a word for people, no
    sentence mark anywhere.  (The patterns are those of ``_greeted_list``, compiled once for
    both by ``re``'s cache, and only for such a line.)"""
    wish = _FUSED_WISH.search(line)
    if wish is None or wish.group().startswith("好"):
        return False  # a bare 好 closes a sentence as well ("…都安排好！")
    who = line[: wish.start()]
    if re.search(r"[。！？；：]", who):
        return False
    names = re.split(r"[、，]", who)
    people = sum(re.search(rf"{PERSON_END}$", name) is not None for name in names)
    return (
        len(names) >= ROLL_CALL_NAMES
        and max(map(len, names)) <= ROLL_CALL_NAME_CHARS
        and 2 * people > len(names)
    )


#: The words a speech's thanks open with.
THANKS = ("谢谢", "感谢", "多谢", "謝謝", "感謝", "多謝")


def is_salutation(line: str) -> bool:
    """A line that addresses the audience, pinyin glosses and bracketed notes on who an
    addressee is aside ("公司领（lǐng）导、…：")."""
    line = unglossed(line)
    if line.startswith(THANKS):
        return False  # "谢谢各位！": the sign-off names its audience too, and is no address
    if "（" in line and line.endswith("："):
        line = _ADDRESSEE_NOTE.sub("", line)
    if _addresses(line):
        return True
    if line[-1:] == "，" and len(line) > 2:
        # The colon printed as a comma ("各位老师、亲爱的同学，" on a line of its own, round 45):
        # whatever addresses the audience with a colon does so with a comma.
        return is_salutation(line[:-1] + "：")
    if line[-1:] == "好" and line.count("，") >= UNMARKED_LIST_COMMAS:
        # The same list with its closing mark lost ("各位校长，各位来宾，各位老师，各位家长，
        # 大家好" on a blog): enough addressees make it one without the mark.
        return len(line) < GREETED_LIST_CHARS and _greeted_list(line + "！")
    if line[-1:] not in ("：", "！") or line[-2:-1] not in ("好", "安"):
        return False
    if len(line) <= GREETED_LIST_CHARS and "，" in line and _greeted_list(line):
        return True
    return line.startswith(ADDRESS_OPENING) and "、" in line and _roll_call(line)


def _addresses(line: str) -> bool:
    """A salutation by its length, its opening words and its address words."""
    if len(line) > SALUTATION_CHARS and not line.startswith(ADDRESS_OPENING):
        # A longer line must open with a word of address, or list the guests one by one
        # ("某某主任、某某副省长、某某市长，各位嘉宾，…的朋友们：").
        return len(line) <= LONG_SALUTATION_CHARS and line.count("、") >= 2 and _listed(line)
    limit = LONG_SALUTATION_CHARS if line.startswith(ADDRESS_OPENING) else SALUTATION_CHARS
    return len(line) <= limit and bool(
        SALUTATION.search(line) or ADDRESSED.match(line) or _listed(line)
    )
