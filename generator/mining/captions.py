"""A collection's name and its samples' captions: what splitting and parsing both judge.

Sample pages ("…讲话稿（18篇）") head a collection with its name and caption each sample with
that name and a number ("…讲话稿篇1", "…材料（一）", "…致辞【篇2】").  Such a caption names the
collection, not the speech under it; the speech has a title of its own only when the caption
names a particular occasion ("在…会议上的讲话篇4") that is not the collection's name as well.
Comparisons read the gloss-free text (``normalise.unglossed``): converted pages gloss one copy
of a name with pinyin and not the other.
"""

from __future__ import annotations

import re

from ..numerals import NUMERAL_CHARS
from .boilerplate import COUNT_HINT
from .normalise import fold, unglossed

_N = rf"[\d{NUMERAL_CHARS}]"
#: A collection's header: a count of samples, in brackets or bare, at its end or its start
#: ("…讲稿（2篇）", "…讲话稿5篇", "…讲话稿多篇", "…发言三则", "…讲话两篇", "精选10篇…"), or a
#: word for a compilation ("…讲话汇编", "…致辞合集"): above a speech's title, never half of
#: it, and never the title of one speech in it.
COMPILATION = re.compile(
    rf"(?:汇编|合集|选编|汇总|大全|精选|多篇|[（\[【][^）\]】]{{0,4}}{_N}+篇[^）\]】]{{0,4}}[）\]】]"
    rf"|(?<![第篇则\d{NUMERAL_CHARS}])(?:{_N}+|两)[篇则])$|^(?:精选|最新|优秀)?{_N}+篇"
)
#: A collection's sample number before a title, after its "目录" perhaps ("第1篇 <title>",
#: "目录第1篇 <title>", "篇1：<title>"; round 77): a regex fragment, read at a flattened line's
#: start (paragraphs) and at a title's (parse.TITLE_NOISE).
LEADING_SAMPLE = (r"(?:目[录錄]\s*)?"
                  r"(?:第[一二三四五六七八九十\d]{1,3}篇|篇[一二三四五六七八九十\d]{1,3})"
                  r"(?:[：:]\s*|\s+)")
#: A sample's number after a title: "篇1", "【篇2】", "第三篇" (stripped from a title too).
SAMPLE_MARK = rf"(?:[（\[【]?篇{_N}+[）\]】]?|第{_N}+篇)"
CAPTIONED = re.compile(rf"{SAMPLE_MARK}$")
#: The same, or a number in brackets or bare ("…讲话材料（一）", "…讲话【二】", "…讲话稿范文1";
#: read only after a title word), which marks a sample where the name before it is the
#: collection's or a kind of speech, and numbers an occasion's title otherwise.  A bare
#: Chinese numeral counts only after a closing bracket or 范文 ("【…范文】一", "…范文二"),
#: where it cannot end a title's own words.
SAMPLE_NUMBER = re.compile(
    rf"\s*(?:[（\[【]?篇{_N}+[）\]】]?|第{_N}+篇|[（【\[]{_N}{{1,2}}[）】\]]"
    rf"|(?<![\d{NUMERAL_CHARS}])\d{{1,2}}|(?:(?<=[】\]])|(?<=范文))[{NUMERAL_CHARS}]{{1,2}})$"
)
#: A sample caption's name in brackets ("【城建环保范文】一"): read without them.
_BRACKETED = re.compile(r"^【([^【】]{2,30})】$")


def caption_stem(text: str) -> str:
    """A caption's name without the brackets a site put round it."""
    bracketed = _BRACKETED.match(text.strip())
    return bracketed.group(1) if bracketed else text
#: A news report's headline over the speech it reports ("某某在…大会上发表重要讲话", "某某发表
#: …电视动员讲话"): the site's line naming who spoke, not the speech's own title, so the speech
#: under it has none.  A speech's title names the occasion, never the act of delivering it.
#: The headline may end in a note on how much of the text follows ("（全文，未删节）",
#: "（摘要）") and a colon handing over to it (a forum repost, dev29 m2711).  Or the headline
#: quotes what the speaker said and tells how the hall took it ("…会，校长讲话：“<saying>”全体
#: 老师都沉默了！", dev32 m3008): the speaker and a bare 讲话 (no 的: a title says "…的讲话"),
#: a colon, the quote, then a short exclaimed reaction.  Or a caption naming the speaker by
#: his posts, two or more parted by 、 or ，, then his name and a bare 讲话 ("…党组副书记、
#: 副厅长，…领导小组副组长某某某讲话" under a report's lead-in, dev33 m3108; a post ends in
#: 长, 书记, 主任, 主席, 委员, 指挥 or 经理, and a name ends in no word for a body or an event,
#: as "董事长茶话会讲话" does): who speaks, no title.  Or a company news page's headline
#: reporting the meeting itself ("某集团召开…动员大会", "某公司举行…推进会", dev36 m3403): who
#: holds what meeting, no word for a speech; a speech's title says "在…会上" or "…会讲话".
REPORTED = re.compile(
    r"发表[^。！？，：]{0,40}(讲话|致辞|演讲|贺词)(（(全文|摘要|节选|实录|未删节|，)+）)?：?$"
    r"|(?<!的)(讲话|致辞|发言)：“[^“”]{2,30}”[^。！？，：“”]{2,20}！$"
    r"|[、，][^。！？：“”—]{0,40}(长|书记|主任|主席|委员|指挥|经理)"
    r"[\u4e00-\u9fff]{2,3}(?<![会班室组处科部局办站所队团院校节赛课])(同志)?(讲话|致辞|发言)$"
    r"|^[^在。！？，：“”\s]{2,20}(召开|举行|举办)[^。！？，：“”\s]{2,40}(会|会议|大会)$"
)
#: A particular occasion: "在…会议讲话", "关于…", "校长在…典礼上", "在…之际".
OCCASION = re.compile(r"^(?:在|关于)|在[^，。！？]{2,40}?(?:上|中|之际|期间)")
#: A count word after a collection's name without brackets: "…讲话稿多篇", "…致辞5篇".
_BARE_COUNT = re.compile(rf"(多|{_N}+)篇$")
_YEAR = re.compile(r"^(19|20)\d{2}年")
#: A sample caption this long or longer may be the collection's name with its head cut off.
COLLECTION_TAIL = 6


def names_occasion(text: str) -> bool:
    """Does a title name a particular occasion, not only a kind of speech?"""
    return bool(OCCASION.search(unglossed(text)))


def collection_name(header: str) -> str:
    """The name a collection gives all its samples: its header without glosses, the count
    ("（六篇）", "（专业18篇）", "多篇") or the year it leads with, as a comparison key."""
    name = _BARE_COUNT.sub("", COUNT_HINT.sub("", unglossed(header)).strip())
    return fold(_YEAR.sub("", name))


def names_collection(title: str, collection: str) -> bool:
    """A sample caption's name that only repeats the collection's name (a key from
    ``collection_name``): equal to it, or its tail (sites cut a long caption from the front:
    "学校长开学致辞秋期篇一" under "2023年中学校长开学致辞秋期（六篇）")."""
    title = fold(_YEAR.sub("", unglossed(title).strip()))
    if not title or not collection:
        return False
    return title == collection or (len(title) >= COLLECTION_TAIL and collection.endswith(title))
