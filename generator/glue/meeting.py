"""What a meeting's name says: its organiser's level, its kind, its subject, its season.

The glue is chosen by facts the user does not retype: "全县2025年经济工作会议" is a county's
(各乡镇、各部门), a work conference, about 经济, at the year's start.  Each reader here takes the
name (and the task or date where the name is silent) and gives None, or the neutral default, when
it cannot tell: the glue then keeps to wording that needs no such fact.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from ..lazy_re import LazyPattern
from ..lexicon import alternation
from .stock import load_stock

_SEASON_WORDS = (
    ("年中", re.compile(r"上半年|下半年|半年|年中|三季度|二季度")),
    ("年末", re.compile(r"年终|岁末|全年工作总结|(?<!秋)冬季")),  # 秋冬季: from October
    ("年初", re.compile(r"年初|新春|春节|开年|(?:部署|安排)(?:今年|20\d\d年)"
                        r"|20\d\d年(?!度?总结)[^，。]{0,20}工作会议")),
)


def level_of(name: str) -> str | None:
    """The organiser's level read from a meeting or body name (全县… → 县), or None."""
    for level in load_stock().levels:
        if re.search(level["match"], name or ""):
            return str(level["level"])
    return None


def kind_of(template: str, meeting: str, facts: Mapping[str, Any]) -> str:
    """The meeting kind: what the template is for, else what the meeting's name says."""
    fixed = {"commendation": "commendation", "party-lecture": "lecture"}
    if template in fixed:
        return fixed[template]
    if template == "election-or-founding":
        return "founding" if facts.get("kind") == "founding" else "election"
    if template == "special-deployment" and facts.get("incident"):
        return "emergency"
    for kind in load_stock().kinds:
        if kind["match"] and re.search(kind["match"], meeting or ""):
            return str(kind["kind"])
    return "deployment" if template == "special-deployment" else "work"


#: A year as dates and meeting names write it: 2015年.
_YEAR = re.compile(r"(?:19|20)\d\d(?=年)")


def year_of(*texts: str) -> int | None:
    """The year a speech was given, from the first text that names one (its date, then its
    meeting's name), or None: only a wording's era is judged by it ("新的征程上" is said from
    2021), never its season, so a typo fixed in a date's day or month never moves the glue."""
    for text in texts:
        if found := _YEAR.search(text):
            return int(found[0])
    return None


def season_of(*texts: str | None) -> str | None:
    """年初 / 年中 / 年末 from the meeting's name or task, never from the date (see module)."""
    joined = " ".join(t for t in texts if t)
    for season, pattern in _SEASON_WORDS:
        if pattern.search(joined):
            return season
    return None


#: Bodies whose own meeting is about all their work, and whose name their own leader does not
#: say before the work ("恒远能源集团办公室系统" → 办公室系统; "人民医院工作中…").
INSTITUTIONS = ("公司", "集团", "有限公司", "有限责任公司", "股份有限公司", "集团有限公司",
                 "中专", "职校", "中学", "小学", "学校", "学院", "大学", "医院",
                 "卫生院", "银行", "分行", "支行", "信用社", "农商行", "法院", "检察院")


#: What a meeting's name says around its subject: 全县 / 2025年 before, 工作会议 after.
#: (\w, not [\u4e00-\u9fff]: in a meeting's name they match the same words, and the CJK range
#: costs ~1.5 ms to compile on every render.)
_AROUND_SUBJECT = (
    # a time of year is when, not what: "岁末年初安全生产工作" named the work with its season
    # (a tester); first, so that "2025年全县…" loses its area too ("全县经济工作", review 8)
    re.compile(r"20\d\d年度?|上半年|下半年|年中|年度|第[一二三四五六七八九十]+季度|岁末年初|年初|年末"
               r"|春节期间|节前|汛前|汛期|秋冬季|冬春季?|[春夏秋冬]季|期末|期中|开学"),
    # the area, or the area's party committee that holds the meeting ("市委政法工作会议": the
    # work is 政法, "市委政法工作任重道远" named the committee, craft review 8)
    re.compile(r"^(?:全(?:省|市|县|区|镇|乡|街道|公司|校)|\w{2,3}[省市县区镇乡](?![委直级])"
               r"|(?:\w{2,3})?[省市县区镇乡]委(?=\w{2})|[省市县区镇乡](?![委直])(?=\w{4}))"),
    # the gathering's own word, with what it does (…工作总结会: "安全生产工作总结会工作中" was
    # said three times, a fact writer)
    re.compile(r"(?:工作|总结表彰|表彰|总结|部署|推进|调度|现场|座谈|分析|动员|紧急|誓师|启动"
               r"|培训|交流|观摩|讲评|通报|汇报)*(?:大会|会议|会)$"),
    re.compile(r"工作$"),
    # the organiser's own name before its work ("恒远能源集团办公室系统", "职业中专技能大赛"):
    # its own leader names the work, not the firm
    re.compile(rf"^\w{{0,10}}?{alternation(INSTITUTIONS)}(?=\w{{2}})"),
)


#: What leaves no usable subject: a joint meeting, a name in quotes, an occasion (成立, 换届)
#: or the people honoured (优秀…, 先进…) rather than a line of work.
_NO_SUBJECT = re.compile(r"[暨、“”]|成立$|换届|选举|优秀|先进|十佳|最美|考评|考核|评比"
                         # an institution's own yearly meeting is about all its work: "人民医院
                         # 工作中还存在…" named the hospital where the work was meant
                         rf"|{alternation((*INSTITUTIONS, '局', '厅'))}$|大赛|比赛|竞赛"
                         # a festival is when, not a line of work: "教师节工作任务艰巨"
                         # (craft review 8)
                         r"|节$")


#: Gatherings whose name holds no line of work however it is cut: a congress, a report of duty,
#: a training class, a warning-education rally, a lecture, the cadres of three levels ("第十二次
#: 代表工作", "…书记履行基层党建工作水平", "全面提升警示教育工作水平", "党的群众路线专题党课
#: 工作", fact copiers; "2025年的三级干部工作，成绩值得肯定", a reviewer, cr11).
#: The gathering of a township's cadres of township, village and group: its general meeting.
_CADRES_OF_THREE_LEVELS = "三级干部"
_NO_WORK_GATHERING = re.compile(r"代表大会|党代会|团代会|述职|培训班|轮训班|研讨班|开班"
                                rf"|警示教育大会|党课|{_CADRES_OF_THREE_LEVELS}")


#: The verb a meeting's name ends on (…部署会, …推进会议, …表彰大会).
MEETING_VERB = re.compile(
    r"(部署|推进|动员|调度|分析|总结|表彰|培训|座谈|交流|选举)(?:大)?会(?:议)?$")


#: What kind of gathering a meeting's name ends on: 表彰大会, 主题党日, 座谈会…
#: (Compiled when a closing first asks: only some closings name the occasion.)
_OCCASION = LazyPattern(
    r"(?:主题党日|专题党课|党课|(?:表彰|成立|总结|工作|党员|代表|动员|部署|推进|座谈|培训|调度"
    r"|现场|分析|警示教育|交流|冬训)?(?:大会|会议|会))$")


#: The act an approver's name may end on, and the 经 it may start with, which the wordings say
#: themselves ("经…同意召开的").
_APPROVAL = re.compile(r"^经(?=\w{2})|(?:研究)?(?:同意|批准|决定)(?:召开)?的?$")


def approver(text: str) -> str:
    """Who approved the meeting, without the act the wording says around it: "省委领导同志
    同意" in "经…研究同意召开" read "同意研究同意" (craft review 6), and "市委主要领导同意召开
    的", written to follow the field's "这次…是经", read "经…同意召开的同意，今天召开" (a fact
    writer, cr10)."""
    return _APPROVAL.sub("", text.strip()) or text


#: A body's term in its name ("石桥村第十二届村民委员会").
_TERM = re.compile(r"第[一二三四五六七八九十百零〇\d]+届")


def this_body(name: str) -> str:
    """A body as the wordings name it across its terms: "石桥村第十二届村民委员会" →
    "石桥村村民委员会" ("…第十二届村民委员会新一届班子" said the term twice, craft review 6)."""
    return _TERM.sub("", name) or name


def occasion_of(meeting: str) -> str:
    """The meeting called by its kind (全县2024年度招商引资和项目建设表彰大会 → 表彰大会), as a
    closing names it: "以这次表彰大会为契机" — the whole name pasted in was a reader's tell
    (round 4).  会议 when the name ends on no kind of gathering."""
    found = _OCCASION.search(meeting or "")
    word = found[0] if found else ""
    return word if len(word) >= 2 else "会议"


@lru_cache(maxsize=256)  # asked by `general` and `subject_of` for the same name each render
def _core(meeting: str) -> str:
    """The meeting's name without what it says around its subject (``_AROUND_SUBJECT``)."""
    core = meeting
    for pattern in _AROUND_SUBJECT:
        core = pattern.sub("", core)
    return core


def general(meeting: str) -> bool:
    """Whether the meeting is its organiser's general one, its name nothing but the area, the
    year and the gathering ("全县2025年工作会议", "全县2024年度总结表彰大会"): only there is all of
    "改革发展稳定" at stake; "今年全县改革发展稳定的任务十分繁重" closed a township's meeting on
    village collective income and a county's on industry (a reviewer, cr10)."""
    core = _core(meeting or "")
    return not core or core == _CADRES_OF_THREE_LEVELS  # a township's 三级干部大会: all its work


def subject_of(meeting: str) -> str | None:
    """The work a meeting is about, read from its name (全县2025年经济工作会议 → 经济), or None
    when the name says nothing usable (the glue then keeps to wording that needs no subject)."""
    subject = _core(meeting or "")
    cut = subject.rfind("工作")
    if cut > 0 and len(subject) - cut <= 6 and not re.search("[和与及]", subject[cut:]):
        subject = subject[:cut]  # "…工作推近会", "…工作会义": a gathering's word, misspelt
    usable = (2 <= len(subject) <= 14 and not _NO_SUBJECT.search(subject)
              and not _NO_WORK_GATHERING.search(meeting or ""))
    return subject if usable else None


#: The time a review's own first words say it covers ("去年以来，全县…", "近三年来…").
_REVIEW_PERIOD = re.compile(r"^(?:20\d\d年(?:以来)?|今年以来|去年以来|近年来|近几年来?"
                            r"|近[两三四五]年来?|上半年|前三季度|一年来|过去一年|[这过]五年来?"
                            r"|过去一学年|一学年来|本学年|上学年|[上本]学期)")


def review_period(intro: str) -> str | None:
    """The period the user's review opens on, for the heading over it: "一、过去一年的工作，值得
    充分肯定" over "去年以来，全县经济运行…" (craft review 5) named two spans of time."""
    found = _REVIEW_PERIOD.match(intro.strip())
    return found[0] if found else None


def period_of(purpose: str, season: str | None) -> str:
    """The time a review covers: the year the meeting's task sums up (总结2024年… → 2024年),
    else 今年以来 at mid-year, 今年 at the year's end, else 过去一年."""
    year = re.search(r"总结(20\d\d)年", purpose) or re.search(r"(20\d\d)年", purpose)
    if year:
        return f"{year[1]}年"
    if re.search(r"总结(?:近年来)?去年", purpose):
        return "去年"
    return {"年中": "今年以来", "年末": "今年"}.get(season or "", "过去一年")
