"""Where a numbered point sits: a line of its own, leading its paragraph, or mid-paragraph.

A heading on its own line has no sentence end inside it (a final 。 is allowed); a leading
heading runs to the first sentence end and its paragraph continues; an inline point starts right
after a sentence end (。！？；：) inside a paragraph.  Headings fused with their body by a bad
copy are cut at a space or after a conventional heading ending.
"""

from __future__ import annotations

import re

from ...han import in_basic_block
from ...lazy_re import LazyPattern
from ...lexicon import COUNT_OBJECTS, COUNT_UNITS, alternation, announced_number, announcement
from ...numerals import NUMBER, NUMERAL_CHARS
from ..normalise import GLOSS, unglossed
from .schemes import INLINE_START, Marker, match_at

_SENTENCE_END = re.compile(r"[。！？]")

#: Words that end a top-level heading; used to cut a heading fused with its body
#: ("…能力和水平适应社会…").  Data: extend when a new corpus shows another ending.
HEADING_ENDINGS = (
    "水平",
    "保障",
    "信心",
    "紧迫感",
    "责任感",
    "使命感",
    "新功",
    "新成效",
    "动力",
    "力量",
    "氛围",
    "质量",
    "新突破",
    "新局面",
    "新台阶",
    "新成绩",
    "新贡献",
    "合力",
    "基础",
    "意识",
    # The object of a heading asking to see or feel something ("进一步提高对…重要性的认识",
    # "鼓起迎头赶上的斗志"): a noun that closes the task, as 意识 does.  Only after 的: bare,
    # 认识 is as often the verb that opens the task ("充分认识…的重要意义").
    "的认识",
    "的斗志",
)
#: Words an ending starts inside a heading, not ending it: 意识形态, 基础设施, 高质量发展, 保障性,
#: (的)认识论, (的)斗志昂扬; 基础 as the first half of a noun ("…在社区治理中的基础地位",
#: "基础作用", "基础性", "基础支撑", "基础条件", "基础建设").
COMPOUNDS = {
    "意识": ("形态",),
    "基础": ("设施", "地位", "作用", "性", "支撑", "条件", "建设"),
    "质量": ("发展",),
    "保障": ("性", "房"),
    "的认识": ("论", "上"),
    "的斗志": ("昂扬",),
    # 工作 as the first half of a noun ("…统战工作会议精神", "工作机制", "工作者"): the weak
    # ending (``WEAK_ENDINGS``) is then inside the heading's object, not at its end.
    "工作": ("会议", "者", "组", "队", "站", "室", "机制", "方针", "报告", "作风"),
}
#: A heading's commonest last word, too common inside headings to cut after unless the clause
#: it falls in runs on past a heading clause's size (``TASK_CLAUSE``): "统一思想，提高认识，
#: 高度重视…试点工作建立…制度是…的德政工程，…" holds the body's first sentence.
WEAK_ENDINGS = ("工作",)
#: The longest task clause of a 4+4+X heading: 26 characters in the labelled pools ("…，进一步
#: 增强做好村“两委”换届选举工作的责任感和使命感"), counted without pinyin glosses.
TASK_CLAUSE = 30
FUSED_MIN = 45
#: The two parallel phrases a 4+4+X heading opens with are of one length, four characters
#: ("统一思想，提高认识，…") to six ("提高政治站位，强化责任担当，…").
PARALLEL_MIN = 4
PARALLEL_MAX = 6
#: A shorter first sentence is cut after an ending only when this much of it is left to the
#: body: "…强化保障，提升服务质量水平" is one heading, not "…质量" and "水平".
FUSED_BODY = 10
#: A parallel heading's first sentence shorter than ``FUSED_MIN`` is cut after an ending only
#: when this much of it is left: the body's first words before the page broke off ("…紧迫感
#: 池州撤地设市…"), not a second ending of the heading's own ("…责任感使命感").
SHORT_BODY = 6
#: The verb phrase a two-clause heading opens with, when the clauses are of unequal length
#: ("深刻把握形势任务，树牢…意识"): four to eight characters.
LEAD_PHRASE_MIN = 4
LEAD_PHRASE_MAX = 8

#: The sentence that announces the points ("下面，我讲几点意见。", "再强调四点意见："): the
#: text right after it is the first point, even when the page lost the break before it or
#: was cut off before the second point.
#: The objects may come in pairs ("几点意见和建议", "三点要求、希望").
#: A 的 may join unit and object ("三个方面的问题", "三方面的工作").
_OBJECTS = f"的?{alternation(COUNT_OBJECTS)}(?:[和与及、]{alternation(COUNT_OBJECTS)})*"
#: A short courtesy may close the sentence ("讲几点意见，供大家参考。", "…，与大家共勉：").
_COURTESY = r"(?:，[^。！？：，]{2,8})?"
ANNOUNCEMENT = re.compile(f"{announcement()}(?:{_OBJECTS})?{_COURTESY}[。：]")
#: The same closing a paragraph whose mark the page lost ("…下面，我再讲五点意见" / "第一，…");
#: compiled on first need (about 1 ms), since most pages mark their announcement.
#: Only the paragraph's last characters are searched: an announcement is shorter.
UNMARKED_TAIL = 48
_ANNOUNCEMENT_UNMARKED = LazyPattern(f"{announcement()}(?:{_OBJECTS})?{_COURTESY}$")
#: The same anywhere in a flattened paragraph, its end left open: where it stops, a first
#: point's marker may follow with nothing between ("…我讲三个方面的意见一、…", round 68).
ANNOUNCEMENT_OPEN = LazyPattern(f"{announcement()}(?:{_OBJECTS})?")


def announces_points(text: str) -> bool:
    """True when the paragraph ends with an announcement of the points that follow, with its
    colon or full stop or, as the paragraph's last words, without; read without the pinyin
    glosses a page may print inside it ("我有两点（diǎn）切身感受：")."""
    text = unglossed(text).rstrip()
    if text.endswith(("。", "：")):
        return any(m.end() == len(text) for m in ANNOUNCEMENT.finditer(text))
    return _ANNOUNCEMENT_UNMARKED.search(text[-UNMARKED_TAIL:]) is not None


#: The unit an announcement counts in ("说四个词", "讲三层意思"), for ``announces_unit``.
_ANNOUNCED_UNIT = LazyPattern(announcement())
#: A count of a unit with no verb before it: the speaker may name the points first and say
#: what he does with them after a comma ("从守住初心、担起责任、干出实绩三个方面，和大家
#: 一起聊一聊"); not an ordinal (第二个方面).  Compiled on first need: only a marker that
#: names such a unit asks for it.
_COUNTED_UNIT = LazyPattern(
    f"(?<![第{NUMERAL_CHARS}两])(?P<count>{NUMBER})(?P<unit>{alternation(COUNT_UNITS)})"
)
#: The units of two characters or more (个方面, 个问题, 层意思): a marker naming one of them
#: ("第一个方面，") numbers that very unit; 点 is too common a character to tell.
_NAMED_UNITS = tuple(unit for unit in COUNT_UNITS if len(unit) > 1)


def announces_unit(text: str, marker: Marker) -> bool:
    """True when the paragraph announces a count of the very unit the marker names anywhere in
    it ("我想说四个词——…" before "第一个词，"), though more text follows the announcement.
    A number of that unit is enough, verb or not: a paragraph that counts the very unit the
    next one numbers from 第一 has announced it ("…三个方面，和大家一起探讨交流" / "第一个
    方面，…")."""
    if not any(unit in marker.text for unit in _NAMED_UNITS):
        return False
    return any(
        len(m.group("unit")) > 1 and m.group("unit") in marker.text
        for m in _ANNOUNCED_UNIT.finditer(text)
    ) or any(
        len(m.group("unit")) > 1
        and m.group("unit") in marker.text
        and announced_number(m.group("count")) is not None
        for m in _COUNTED_UNIT.finditer(text)
    )


def starts_with_marker(text: str) -> bool:
    """True when the text opens with any numbering marker."""
    return match_at(text) is not None


def is_standalone_heading(text: str) -> bool:
    """A marker followed by one short sentence at most: a heading line, never wrapped text."""
    marker = match_at(text)
    if marker is None:
        return False
    rest = text[marker.end :]
    inner = _SENTENCE_END.search(rest)
    return len(rest) <= 80 and (inner is None or inner.end() == len(rest))


def split_heading(rest: str) -> tuple[str, str]:
    """(heading, body) of the text after a marker; body is empty for a heading line."""
    rest = rest.lstrip()  # "一、 坚持…": a space after the marker is layout, not text
    end = _SENTENCE_END.search(rest)
    if end is None or end.end() == len(rest):
        return rest.rstrip("。"), ""
    head = rest[: end.end()]
    return head.rstrip("。"), rest[end.end() :]


#: "压实安全责任 近年来，我县…": a heading (four characters at least: "找准短板"), one space,
#: then its body's first sentence (which has a clause break).  A comma before the space means
#: the space is a wrap inside the heading.
SPACED_BODY = re.compile(r"^([^\s。！？]{3,80}?[^，、；：\s])\s+(?=\S[^。！？]{4,}[，。！？])")
#: "一、充分肯定…的显著成效，进一步增强做好卫生 健康工作的责任感、使命感 2023年是…": a hard-wrapped
#: (PDF) page flattened onto one line keeps its line breaks as spaces, and a heading of a full
#: printed line (``WRAPPED_HEAD_MIN`` characters at least) wrapped over two.  The space is a
#: wrap inside the heading when the piece after it, up to the next space, has no clause break,
#: digit or letter and either ends as a heading ends ("…责任感、使命感") or is the last character
#: or two of a word ("…加快转 变"); the body's sentence follows the next space.
WRAPPED_SPACED = re.compile(
    r"^([^\s。！？]{17,60}?[^，、；：\s]) ([^\s，。！？；：\dA-Za-z（(“]{1,24}?)\s+"
    r"(?=\S[^。！？]{4,}[，。！？])"
)
WRAPPED_HEAD_MIN = 18
#: The longest heading ``WRAPPED_SPACED`` joins (both lines).
WRAPPED_HEADING_CHARS = 60
#: The longest tail of a word wrapped onto the heading's second line with no ending of its own.
WRAPPED_TAIL = 2
#: What a heading asks to carry out, ending the second printed line of a wrapped heading
#: ("…的重要指示 和市委七届五次全会、六次全会精神", "…关于防汛救灾工 作的各项决策部署"): too
#: common inside a sentence ("…落实八项规定精神，持续…") to end a heading anywhere else, but
#: here the piece holds no clause break and the body's sentence follows the next space.
WRAPPED_ENDINGS = ("精神", "部署")


def _wrapped_spaced(text: str) -> tuple[str, str] | None:
    wrapped = WRAPPED_SPACED.match(text)
    if wrapped is None:
        return None
    first, tail = wrapped.group(1), wrapped.group(2)
    if len(first) < WRAPPED_HEAD_MIN or first.endswith(HEADING_ENDINGS + WEAK_ENDINGS):
        return None  # a short heading, or one that ends where the space is, is whole
    if not (len(tail) <= WRAPPED_TAIL or tail.endswith(HEADING_ENDINGS + WRAPPED_ENDINGS)):
        return None
    heading = first + tail
    if len(unglossed(heading)) > WRAPPED_HEADING_CHARS:
        return None
    return heading, text[wrapped.end() :]


#: The longest heading ``SPACED_BODY`` cuts, pinyin glosses aside ("统（tǒng）一思想，…"
#: counts as "统一思想，…": a glossed page's heading is no longer than a plain one's).
SPACED_HEADING_CHARS = 41
#: "二、突出重点行业（一）抓好…": a top-level heading that swallowed its first sub-heading; or
#: "一、紧盯目标，筑牢基础一要立足当前，迈步…": a heading of two clauses that swallowed a
#: first point opened by 一要/一是 which itself runs to a clause break (no blank anywhere: a
#: blank parts a heading from its body).
SWALLOWED = re.compile(
    r"^(\S{2,40}?[^，、；：（])(?=（[一1]）\S)"
    r"|^([^\s，。！？；：]{4,30}，[^\s，。！？；：]{4,30}?)(?=一[要是][^\s。！？；，]{2,}，)"
    # …or, a space between, its first sub-point of any strong scheme ("二、突出重点，确保实效
    # 1、内容要实。…", round 47): a copy that lost the line break under the heading.
    r"|^([^\s。！？]{2,40}?[^，、；：\s])(?=\s+(?:（[一1]）|[1１][、.．])\S)"
)


#: "统一思想，深化认识这次县乡人大换届选举，是…": a heading of parallel clauses run straight
#: into a body sentence that opens with a word only a sentence starts with (这次, 今年, 近年来…).
#: The heading must hold a comma, end in a full clause and leave a clause of its own behind.
#: Only words that rarely stand inside a heading as its object ("抓好当前工作", "推动我县发展"
#: keep 当前 and 我县 out of this list).
OPENERS = (
    "这次", "这轮", "这是", "近年来", "近几年", "长期以来", "一年来", "五年来", "随着",
    # A month may be a template's placeholder ("今年X月X日，我市…").
    rf"(今年|去年)(以来|[\dXx×]|上半年|下半年|[一二三四]季度|[{NUMERAL_CHARS}]+月)",
    # A point of view the body's first sentence takes ("从政策形势上看：", "从全省来看，"):
    # a heading names a task, and 看 with a colon or comma after it ends no heading.
    r"从[^，。！？：；]{2,12}看[：，]",
)
_OPENER = re.compile(
    r"^([^。！？，]{2,20}，[^。！？]{3,40}?[^。！？，、的了在对把和与及地得着是为])(?=(?:"
    + "|".join(OPENERS)
    + r")[^。！？]{4,}[，。！？])"
)


#: A body sentence's first words that only a sentence opens with, and that never end a heading:
#: a time set off by a comma ("2002年，", "20**年，", "今年以来，", "开学前，") or the first of
#: the speaker's 一是/二是 items.  A heading is short and names a task; what follows such an
#: opener runs on as a sentence.  Word-derived and PDF-wrapped pages lose the break before it
#: ("…取得的成效2002年，在…", "…的严峻形势一是各类事故…").
TIME_EVENTS = (
    "(?:开学|放假|开工|开会|会前|会后|节前|节后|年前|年后|入汛|汛期|汛前|入冬|入春|入夏|入秋|"
    "年初|年底|年末|月底|假期|春节|国庆|换届|疫情)"
)
#: The last words of a speaker who brings in a quotation ("习近平总书记指出，", "他强调，"):
#: the text before 指出 is then the body's own subject, never a heading's end.
SPEAKER_ENDINGS = (
    "书记", "書記", "主席", "总理", "總理", "同志", "中央", "会议", "會議", "报告", "報告", "讲话",
    "講話", "文件", "他", "她", "们", "們", "负责人", "领导人", "者", "部长", "省长",
    "市长",
    "县长", "区长", "镇长", "局长", "校长", "院长", "专家", "大家", "委员", "党员",
)
#: A counted span of time: 一年, 五年, 两个多月, 1个月, 三个季度, 十多天.
_SPAN = rf"[{NUMERAL_CHARS}两几半\d]+(?:个多?|多个?|多)?(?:年|月|季度|周|天)"
RUN_ON_OPENERS = (
    r"(?:19|20)(?:\d{2}|[*×Xx]{1,2})年(?:以来|来|上半年|下半年)?，",
    rf"(?:今年|去年|近年|近几年|多年|长期|[{NUMERAL_CHARS}]年)(?:以来|来)，",
    # The year itself, bare ("…政法工作去年，在市委的领导下…"): the sentence's time, after a
    # heading that may name the same year as its object.
    r"(?:今年|去年|上年)，",
    # An event that dates the sentence ("开学前，", "入汛以来，"); a free 2-3 character
    # stem would find "期到来前" inside "汛期到来前".
    rf"{TIME_EVENTS}(?:前|后|之初|期间|以来)，",
    # A span of time gone by, counted ("过去一年，", "过去的五年里，", "经过两个多月的前期
    # 准备，", "经过1个月的整治，"): a heading names a task and does not count time behind it.
    rf"过去的?{_SPAN}(?:里|中|来|间)?，",
    rf"经过(?:近|短短|整整)?{_SPAN}[^。！？，；]{{0,16}}，",
    r"一是[^。！？，；]{4}",
    # The first of a speaker's 首先/其次 items, or a sentence that appeals to what all know,
    # perhaps after the heading's own comma ("…的问题，众所周知，质量是…"): a heading never
    # ends with them.
    r"首先，",
    # The first of a speaker's numbered items ("…两个维度审视××未来发展第一，历史方位。"), as
    # 首先 (round 90); "安全第一，预防为主" and the like are a slogan's own, a heading's words.
    r"(?<!安全)(?<!质量)(?<!質量)(?<!生命)(?<!健康)(?:第一|其一)，",
    # A question the body opens by asking why the heading holds ("…必须警钟长鸣为什么说安全
    # 生产必须警钟长鸣？"): a heading does not end before 为什么; after 清、懂、讲、知… the
    # why is the heading's own object ("讲清为什么要…") (round 90).
    r"(?<![清楚白懂讲講说說知道问問想究弄])为什么(?:说|要)",
    r"，?(?:众所周知|大家都?知道|我们都?知道)，",
    # A speaker's aside on how the sentence is meant ("从本质上说，", "总的来看，", "客观地讲，",
    # "事实上，"): it comments on a statement to come, and a heading states none.
    r"，?(?:从(?:本质|根本|总体|全局|长远)上|总的来|总体来|一般来|具体来|客观地|坦率地|"
    r"实事求是地)(?:说|讲|看)，",
    r"，?(?:事实上|实际上|毫无疑问|应该说|可以说|换句话说|说到底)，",
    # The circumstance or purpose the body's first sentence is set in, a phrase ended by its
    # comma ("在省委高度重视…的大环境下，我市…", "为严肃换届纪律，…"): a heading names a task and
    # does not open a clause it leaves hanging at its end (round 85).
    r"在[^。！？；：]{2,40}?(?:形势|环境|背景)下，",
    # 为 opens a purpose with a verb of aim; after 成, 作, 认, 以… it is half a word or a
    # construction of the heading's own ("成为", "作为", "以人民为中心").
    r"(?<![成作认認因行视視称稱更较較最极極广廣以])为(?:了)?(?:严肃|确保|保证|推动|推进|加快|做好|抓好|"
    r"进一步|切实|全面|深入|更好地?)[^。！？；：，]{2,16}，",
    # A quotation brought in by a word of saying whose speaker the page dropped ("…正能量指出，
    # “劳动是…", "…恢复性增长指出，发展是…"): a heading's task is not followed by 指出; a named
    # speaker before it is the body's subject (``SPEAKER_ENDINGS``).
    # Not after a speaker's name: the match goes on to the opener that takes the name in
    # (round 92), where round 85 gave up the cut.
    "".join(f"(?<!{end})" for end in SPEAKER_ENDINGS) + r"(?:指出|强调)，",
    # The leader the body's first sentence quotes, named ("…的政治责任某某书记在讲话中深刻阐述
    # 了…", "…的短板习近平总书记强调，…"): a heading names a task, not who said what of it.  Only
    # 总书记 and a template's placeholder name (某某, XX) before the title: a real name's length
    # is not known, so where the heading ends would not be either (round 92).
    r"(?:习近平总书记|(?<!习近平)总书记|[某XＸ×]{2}(?:书记|省长|市长|县长|区长|主任|同志))"
    r"(?:在[^。！？，；：]{0,16}(?:讲话|报告|批示|指示)中)?"
    r"[^。！？，；：]{0,4}(?:指出|强调|阐述|要求)(?!的)",  # not "…总书记强调的…精神"
    # "这次" opening the body after a heading closed by its object ("…全会精神这次报告的主题是…"):
    # after a verb ("认识这次…", "开好这次会议") it is the heading's own object, so only after
    # these nouns, with the body's subject (报告, 会议…) and 的/是 following (round 92).
    r"(?<=精神|部署|要求)这次[^。！？，；：]{2,12}?(?:的|是)",
)
#: The body after such an opener runs on: this long at least, and past its first sentence
#: (or cut off before any).  One sentence ending the line is more likely the heading's own
#: second half ("…回顾2023年，谋划2024年工作，推动…再上新台阶。").
RUN_ON_BODY = 30


#: A body sentence this long (pinyin glosses aside) runs on even when it is the last of its
#: line: a heading's own second half is a clause of a few words, and a page flattened with
#: nothing between paragraphs reaches the heading one sentence at a time ("2018年工作回顾2018年，
#: 在校党委坚强领导下，…，事业不断迈上新台阶。").
RUN_ON_SENTENCE = 60


def _runs_on(body: str) -> bool:
    first = _SENTENCE_END.search(body)
    return len(body) >= RUN_ON_BODY and (
        first is None
        or first.end() < len(body.rstrip())
        or len(unglossed(body)) >= RUN_ON_SENTENCE
    )


#: The longest heading ``_RUN_ON`` cuts before such an opener (pinyin glosses aside): a clause
#: and a second of twenty, or the 4+4+X shape whose task clause runs longer ("发扬成绩，再鼓干劲，
#: 进一步坚定加快建设…的信心和决心近年来，…").
RUN_ON_HEAD_MAX = 52
_RUN_ON = re.compile(
    r"^([^。！？；：，]{4,30}(?:，[^。！？；：，]{2,20}|，[^。！？；：，]{2,16}，[^。！？；：，]{2,60})?"
    r"[^。！？，、；：的了在对把和与及地得着是为\s])"
    r"(?=(?:" + "|".join(RUN_ON_OPENERS) + r")[^。！？]{4,}[，。！？；])"
)


#: "认清形势，明确肩负的历史责任，我们正处在…", "认清形势，把握大局，坚定…的信心和决心，是我们
#: 迎接挑战…的关键": a page whose body paragraph opens on a comma (the words before it lost),
#: laid out with no break or only a space, runs the heading on into ", 我们…" / ", 是我们…".  A
#: heading of a four-character phrase and a task (4+X, or 4+4+X) names what to do; a clause
#: after it whose subject is the speaker's side (我们), or that says what the heading is for
#: (是我们…), is the body's.  The cut goes before the comma, as the page printed it (round 87).
#: The heading holds no 是, as ``_ours``'s: "…力量2018年是…的开局之年，也是我们…" is a body
#: sentence run on from a heading, its clause not a heading's.
_COMMA_SUBJECT = re.compile(
    r"^([^。！？；：，是\s]{4}，(?:[^。！？；：，是\s]{2,16}，)?[^。！？；：，是\s]{4,40}"
    r"[^。！？，、；：的了在对把和与及地得着是为\s])"
    r"(?=，(?:是|这是|這是)?我[们們])"
)


#: "提高思想认识：近年来，我县…": a short heading with no clause break, ended by a colon and run
#: on into its body's first sentence on the same line.  A colon after a word of saying, or
#: after "是…的", brings in a quotation ("是老同志常说的：…", "毛主席指出：…"): the whole
#: sentence is the point, not the words before the colon.
COLON_BODY = re.compile(r"^([^，。！？；：\s]{2,20}：)\s*(?=\S[^。！？]{4,}[，。！？；])")
QUOTING = re.compile(r"^是|(?:说|讲|道|指出|强调|提出|认为|表示|要求|告诫|所言|写道)过?的?：$")


def split_colon(text: str) -> tuple[str, str] | None:
    """(heading with its colon, body) for a point whose short heading a colon ends before its
    text goes on as a sentence ("一、提高思想认识：近年来，…。"), or None."""
    text = text.lstrip()
    found = COLON_BODY.match(text)
    if found is None or QUOTING.search(found.group(1)):
        return None
    body = text[found.end() :]
    if not _SENTENCE_END.search(body):
        return None  # "…怎么看：成效明显，问题不少" on its line: the heading's own second half
    if _spaced_second_half(found.group(1), body):
        return None
    return found.group(1), body


#: "一、从一块责任田说起：我们的干部，始终要把根扎在泥土里 上个月，我到…": on a phone's copy
#: (paragraphs parted by a space) the words after the colon run to a space with no sentence
#: end: they are the heading's own second half, and the space is where its line ended.
#: ``SPACED_BODY`` cuts there; the half is thirty characters at most, the whole heading no
#: longer than ``SPACED_HEADING_CHARS``.
_SPACED_HALF = re.compile(r"^([^\s。！？；：]{2,30}?)\s+(?=\S[^。！？]{4,}[，。！？])")
#: A half ending in these is cut short (a PDF's wrap, not a heading's end).
_HALF_CUT = ("，", "、", "的", "和", "或", "并", "把", "将", "被", "不", "是", "…")


def _spaced_second_half(head: str, body: str) -> bool:
    half = _SPACED_HALF.match(body)
    if half is None or half.group(1).endswith(_HALF_CUT):
        return False
    return len(unglossed(head + half.group(1))) <= SPACED_HEADING_CHARS


#: "把责任扛在肩上——去年以来，全区…。…": a short heading, a dash, then its body's first
#: sentence (a clause break in it) on the same line.  After a dash a heading may also name its
#: own second half ("守住一条底线——学生安全"), which holds no clause break.
DASH_BODY = LazyPattern(r"^([^，。！？；：—\s]{2,24})——(?=[^。！？，]{2,}，)", needs="—")


def split_dash(text: str) -> tuple[str, str] | None:
    """(heading, body) for a point whose short heading a dash parts from a body that runs on
    past its first sentence; None when only one sentence follows the dash (a heading's own
    second half: "抓重点——全力推进项目建设，确保全年目标实现。")."""
    text = text.lstrip()
    found = DASH_BODY.match(text)
    if found is None:
        return None
    body = text[found.end() :]
    first = _SENTENCE_END.search(body)
    if first is None or first.end() >= len(body.rstrip()):
        return None
    return found.group(1), body


#: The longest heading whose last word the body takes up again (``taken_up``).
TAKEN_UP_CHARS = 30


def taken_up(text: str) -> int:
    """Where a heading ends whose last word the body's first sentence takes up again as its
    subject, to say what it is ("凝聚共识、扩大共识共识，是团结奋斗的动力。": "共识，是…"):
    at the first two Chinese characters printed twice in a row right before "是" or "，是",
    with no clause break before them; 0 without one.  Compared character by character, no
    pattern: most headings hold a 是 somewhere."""
    at = text.find("是", 0, TAKEN_UP_CHARS + 6)
    while at > 0:
        end = at - 1 if text[at - 1] == "，" else at
        start = end - 4
        if (
            start >= 2
            and text[start : start + 2] == text[start + 2 : end]
            and all(map(in_basic_block, text[start:end]))
            and not any(c in "。！？，；： " for c in text[:start])
        ):
            return start + 2
        at = text.find("是", at + 1, TAKEN_UP_CHARS + 6)
    return _word_taken_up(text)


#: The sizes, longest first, of a heading's last words that the body takes up again whatever
#: follows them ("关于稳定问题稳定问题十分重要。"): a word this long printed twice in a row is
#: no heading's own wording (two-character repeats need the "是": "研究研究").  Seven and eight
#: characters: a task's whole object taken up ("…坚定不移地实施工业强省战略实施工业强省战略、
#: 加快…", a page copied with nothing between paragraphs).
TAKEN_UP_WORDS = (8, 7, 6, 5, 4, 3)


def _word_taken_up(text: str) -> int:
    """Where a heading ends whose last three to eight Chinese characters the body prints again
    right after it, in its first sentence and a sentence end after; 0 without one.  A comma
    may come before them ("“两学一做”，关键在于学好党章学好党章，首先…"), and one character of
    the heading before them is enough ("要讲政治讲政治，是…"): a word this long printed twice
    in a row is no heading's own wording wherever it stands.  One character compared before
    each slice: most positions fail there."""
    for start in range(1, min(len(text), TAKEN_UP_CHARS)):
        if text[start - 1] in "。！？；： ":
            return 0
        first = text[start]
        for size in TAKEN_UP_WORDS:
            end = start + size
            if (
                end >= CLOSED_HEAD_MIN
                and text[end : end + 1] == first
                and text[start:end] == text[end : end + size]
                and all(map(in_basic_block, text[start:end]))
                and _SENTENCE_END.search(text, end + size) is not None
            ):
                return end
    return 0


#: A heading asking to see the point of a task ("要充分认识…的重大意义", "深刻把握…的重要意义"):
#: a cognition verb, the task, 意义; run on without a mark into at least ``FUSED_BODY``
#: characters of body that are no part of it (not "…意义和作用", "…意义的认识").
_MEANING = LazyPattern(
    r"^(?:要|必须|进一步)?(?:充分|深刻|全面|正确|切实)?(?:认识|认清|把握|理解|领会|明确)到?"
    r"[^，。！？；：\s]{2,30}?意义(?=[^，。！？；：的和与及、\s])",
    needs="意",
)


#: Nouns that close a heading's task and never open its body: the point of the task ("…的重要性",
#: "…的重大意义"), a review's name ("2018年工作回顾"), a mission ("…新使命").  Data, as
#: ``HEADING_ENDINGS``; read by ``_closed_clause`` in any clause of the first sentence.
CLOSING_ENDINGS = (
    "重要性",
    "必要性",
    "紧迫性",
    "重要意义",
    "重大意义",
    "深远意义",
    "工作回顾",
    "简要回顾",
    "回顾总结",
    "使命",
    "使命感",
    "责任感",
    "紧迫感",
)
#: Words a closing ending starts inside a heading: "使命感", "使命担当", "使命任务", "…意义上".
_CLOSING_COMPOUNDS = ("感", "担当", "任务", "上", "和", "与", "及", "、", "的", "之", "所")
#: The shortest heading cut so: the task before the ending ("工作回顾" alone is a heading).
CLOSED_HEAD_MIN = 4
#: The longest heading cut so (pinyin glosses aside): a heading's first sentence is short.
CLOSED_HEAD_MAX = 60


def _closed_clause(text: str) -> tuple[str, str] | None:
    """(heading, body) for a heading run on without a break into its body past a closing
    noun (``CLOSING_ENDINGS``) inside one clause: "…认清做好机关党建工作的重要性全面推进党的
    建设是…" (a page copied with its paragraphs joined).  The clause must go on for at least
    ``FUSED_BODY`` characters after the noun, so a heading line ending with it is never cut."""
    first = _SENTENCE_END.search(text)
    sentence = text[: first.start()] if first else text
    best = None
    for ending in CLOSING_ENDINGS:
        at = sentence.find(ending)
        while at >= 0:
            cut = at + len(ending)
            clause = _BODY_CLAUSE_BREAK.search(sentence, cut)
            rest = (clause.start() if clause else len(sentence)) - cut
            if (
                cut >= CLOSED_HEAD_MIN
                and (rest >= FUSED_BODY or _lead_clause(sentence, at, clause, rest))
                and not sentence.startswith(_CLOSING_COMPOUNDS, cut)
                and len(unglossed(sentence[:cut])) <= CLOSED_HEAD_MAX
            ):
                best = cut if best is None else min(best, cut)
                break
            at = sentence.find(ending, at + 1)
    if best is None:
        return None
    # Endings printed one after another are the heading's own pair ("…的责任感紧迫感").
    while follow := next((e for e in CLOSING_ENDINGS if sentence.startswith(e, best)), None):
        best += len(follow)
    return text[:best], text[best:]


def _lead_clause(sentence: str, at: int, clause: re.Match[str] | None, rest: int) -> bool:
    """Whether the few characters after a closing noun that ends the last clause of a heading
    of several clauses are the body's own opening phrase, ended by its comma ("统一思想，增强…
    的责任感和紧迫感当前，我们面临…", "…，肩负起…的历史使命在党的十九大上，…"): the heading has
    a comma before the noun and the body's sentence goes on past the phrase."""
    return (
        rest >= LEAD_CLAUSE_MIN
        and clause is not None
        and sentence[clause.start()] == "，"
        and "，" in sentence[:at]
        and len(sentence) - clause.end() >= LEAD_CLAUSE_MIN * 2
    )


#: The shortest opening phrase of the body ``_lead_clause`` reads after a closing noun (当前，);
#: twice as much of the sentence must follow it ("多士则大业成，群贤则弘绩济。").
LEAD_CLAUSE_MIN = 2

_CLAUSE_BREAK = re.compile(r"[，；：、\s]")
#: Where the body's clause after a closing noun ends: a 、 further on lists the body's own
#: subjects ("…的重要意义加快重点镇、示范镇建设是…"); one right after the noun is the heading's
#: (``_CLOSING_COMPOUNDS``).
_BODY_CLAUSE_BREAK = re.compile(r"[，；：\s]")

#: The sizes, longest first, of a word of the heading that its body opens with again
#: (``_echoed``): "…推进教育强省建设教育是发展…" takes up 教育, "关于春耕生产工作春耕生产是…".
ECHO_WORDS = (4, 3, 2)
#: The longest heading cut so, and the shortest last clause it may end with: a clause of two or
#: three characters is a heading's own adverb or verb before the word it repeats ("提高认识，
#: 充分认识…": 充分 is no clause of a heading's).
ECHO_HEAD_MAX = 40
ECHO_CLAUSE_MIN = 4


def _echoed(text: str) -> tuple[str, str] | None:
    """(heading, body) for a heading run on without a break into a body whose first sentence
    opens with a word of the heading again, its subject ("不失时机地推进教育强省建设教育是发展
    科学技术和培养人才的基础，…", "深刻领会立忱同志工作报告的精神和内涵立忱同志的工作报告是…").
    The body's clause must run on for ``FUSED_BODY`` characters at least, so a heading line that
    repeats a word of its own ("以党建促发展，以发展强党建") is never cut.  The longest word
    taken up wins, then the first place; a two-character word only as the subject of its
    sentence (followed by 是 or 的).  A heading ends neither inside quotation marks nor on a
    word that leads on (的, 是, 和…), and holds no 是."""
    first = _SENTENCE_END.search(text)
    if first is None:
        return None  # a heading line, or a page cut off inside the body's first sentence
    sentence = text[: first.start()]
    cuts = []
    # A heading names a task; one that says what a thing is ("社区党支部应该是…的领导核心，是
    # 团结和带领…") is a sentence, and the word after it may be its object, not a new subject.
    said = sentence.find("是")
    last = len(sentence) - FUSED_BODY if said < 0 else min(said, len(sentence) - FUSED_BODY)
    for cut in range(CLOSED_HEAD_MIN, min(last, ECHO_HEAD_MAX) + 1):
        if not in_basic_block(sentence[cut - 1]) or sentence[cut - 1] in _LEADS_ON:
            continue
        if sentence.count("“", 0, cut) != sentence.count("”", 0, cut):
            continue
        clause_start = max(sentence.rfind(mark, 0, cut) for mark in "，；：、") + 1
        if cut - clause_start < ECHO_CLAUSE_MIN:
            continue
        clause = _CLAUSE_BREAK.search(sentence, cut)
        if (clause.start() if clause else len(sentence)) - cut >= FUSED_BODY:
            cuts.append(cut)
    for size in ECHO_WORDS:
        for cut in cuts:
            word = sentence[cut : cut + size]
            if (
                len(word) == size
                and all(in_basic_block(c) or c.isdigit() for c in word)
                and sum(map(in_basic_block, word)) >= 2
                and (size > 2 or sentence.startswith(("是", "的"), cut + size))
                and word in sentence[:cut]
            ):
                return text[:cut], text[cut:]
    return None


#: The sizes, longest first, of the subject a body's first sentence defines ("征兵工作是…",
#: "春运是…") right after a heading run on into it (``_defined``).
DEFINED_WORDS = (6, 5, 4, 3, 2)


def _defined(text: str) -> tuple[str, str] | None:
    """(heading, body) for a heading run on without a break into a body whose first sentence
    says what its subject is, the subject a new word that the body goes on to name again
    ("…确保为部队输送合格的兵员征兵工作是加强国防…的基础性工程，…征兵工作…", "要加强组织领导
    春运是一项…的工作，…春运期间…").  Where the subject starts is read from the body itself: the
    longest word before the sentence's first 是 that the text after that 是 repeats (a heading's
    last characters joined to the subject, "兵员征兵工作", are not repeated).  A heading line has
    no text after its own sentence to repeat a word in, so it is never cut; the heading holds no
    是 and ends as ``_echoed``'s do (no quotation left open, no word that leads on, a last clause
    of four characters).  Pinyin glosses are read past ("肯定成績（jī）構（gòu）建和諧社區（qū）
    是…": the subject is 構建和諧社區)."""
    first = _SENTENCE_END.search(text)
    if first is None:
        return None
    sentence = text[: first.start()]
    said = sentence.find("是")
    if said < CLOSED_HEAD_MIN + DEFINED_WORDS[-1]:
        return None
    clause = _CLAUSE_BREAK.search(sentence, said)
    after = unglossed(text[said + 1 :])
    sizes: dict[int, int] = {}  # subject size (glosses aside) → the cut before it
    for cut in range(said - 1, CLOSED_HEAD_MIN - 1, -1):
        if not in_basic_block(sentence[cut]):
            continue  # inside a gloss, or a mark
        subject = unglossed(sentence[cut:said])
        if len(subject) > DEFINED_WORDS[0]:
            break
        sizes.setdefault(len(subject), cut)
    for size in DEFINED_WORDS:
        cut = sizes.get(size, -1)
        subject = unglossed(sentence[cut:said])
        if cut < 0 or not all(map(in_basic_block, subject)) or subject not in after:
            continue
        heading = unglossed(sentence[:cut])
        if len(heading) < CLOSED_HEAD_MIN or len(heading) > ECHO_HEAD_MAX:
            return None
        if (clause.start() if clause else len(sentence)) - cut < FUSED_BODY:
            return None
        if not in_basic_block(heading[-1]) or heading[-1] in _LEADS_ON:
            return None
        if heading.count("“") != heading.count("”"):
            return None
        clause_start = max(heading.rfind(mark) for mark in "，；：、") + 1
        if len(heading) - clause_start < ECHO_CLAUSE_MIN:
            return None
        return text[:cut], text[cut:]
    return None


#: A heading's last character that leads on to more: it ends no heading.
_LEADS_ON = "的了在对把和与及地得着是为"

#: The speaker's own side named as a sentence's subject: 我们, or 我 with the unit the speaker
#: stands for (我市, 我县, 我镇, 我局, 我校…).  Data: extend when a page shows another unit.
OUR_UNITS = "们們市县縣区區镇鎮乡鄉省州局校院厂廠村"
_OURS = LazyPattern(f"我[{OUR_UNITS}]", needs="我")


def _ours(text: str) -> tuple[str, str] | None:
    """(heading, body) for a heading run on without a break into a body whose first
    sentence has the speaker's own side as its subject ("…切实抓好森林草原防灭火工作
    我市森林防火工作，总体来讲…", "…总结审计发展的客观规律我们整个国家的各项工作，
    都是在…", "安全生产要抓住重点我县涉安领域主要有…").  A heading names a task for the
    audience; where it names "our" county it is the object of a word just before
    ("对我市…", "当前我镇…", "这一年我们…"), so the clause before the cut must hold four
    characters at least and end on no word that leads on (对, 在, 把, 为…).  Of the places
    in one clause ("全面把握我市教育发展的新要求我局去年制定的…计划，") the last is the
    subject of the clause that runs on, the earlier one the heading's object.  The body
    must run on past its first sentence (``_runs_on``), so a heading line that names our
    county further on ("…发挥好地方志工作在我省振兴老工业基地…中的作用") is never cut,
    and the subject's sentence goes on in clauses: a heading typed with a full stop ends
    on its object ("如何对待我们伟大的人民解放军。这个问题…" is one heading).  The
    heading holds no sentence end and no 是."""
    places = [found.start() for found in _OURS.finditer(text)]
    while places:
        clause = _BODY_CLAUSE_BREAK.search(text, places[0])
        stop = clause.start() if clause else len(text)
        run = [cut for cut in places if cut < stop]
        places = places[len(run) :]
        for cut in reversed(run):
            heading = text[:cut]
            size = len(unglossed(heading))
            if size > ECHO_HEAD_MAX or _SENTENCE_END.search(heading) or "是" in heading:
                return None
            if size < CLOSED_HEAD_MIN or not in_basic_block(heading[-1]):
                continue
            if heading[-1] in _LEADS_ON or heading.count("“") != heading.count("”"):
                continue
            clause_start = max(heading.rfind(mark) for mark in "，；：、") + 1
            if len(unglossed(heading[clause_start:])) < ECHO_CLAUSE_MIN:
                continue
            body = text[cut:]
            first = _SENTENCE_END.search(body)
            in_clauses = clause is not None and (first is None or stop < cut + first.start())
            if in_clauses and _runs_on(body):
                return heading, body
            break  # the run's subject does not run on: no earlier place in it does
    return None


#: A body sentence's first words that no heading ends before, whatever the heading's shape (one
#: clause or several): the speaker turning to the audience ("同志们，"), the days just past
#: ("这几天"), a span dated from a year or from a congress ("自2012年…以来，", "党的十八大以来，"),
#: a conclusion drawn from what was seen ("从…可以看出，").  A heading names a task; none of these
#: is a task's object, unlike 这次 or 当前 ("充分认识这次换届的重大意义", "立足当前，…").
STRONG_OPENERS = (
    r"同志们[，！]",
    r"这(?:几|些)天|这段时间",
    r"自(?:19|20)\d{2}年[^。！？；]{0,40}?以来，",
    rf"(?:党的)?十[{NUMERAL_CHARS}]{{1,2}}大(?:召开)?以来，",
    r"(?:新中国成立|改革开放)以来，",
    r"从[^，。！？：；]{2,16}(?:可以)?看(?:出|到)?[：，]",
)
#: The longest heading ``_opened`` cuts (pinyin glosses aside).
OPENED_HEAD_MAX = 50
_OPENED = LazyPattern(
    r"^([^。！？；：\s]{3,80}?[^。！？，、；：\s的了在对把和与及地得着是为])(?=(?:"
    + "|".join(STRONG_OPENERS)
    + r")[^。！？]{4,}[，。！？])"
)


def _opened(text: str) -> tuple[str, str] | None:
    """(heading, body) for a heading run on without a break into a body sentence that opens
    with words only a sentence opens with (``STRONG_OPENERS``): "…深刻领会肩负的历史使命同志们，
    我们今天…", "当前我镇面临的形势这几天，…".  The body must run on past its first sentence
    (``_runs_on``), so a heading line is never cut."""
    found = _OPENED.match(text)
    if found is None or len(unglossed(found.group(1))) > OPENED_HEAD_MAX:
        return None
    if not _runs_on(text[found.end() :]):
        return None
    return found.group(1), text[found.end() :]


def split_fused(text: str) -> tuple[str, str] | None:
    """(heading, body) for a top-level heading run together with its body, or None.  On a
    pinyin-glossed page a cut the glossed text hides ("…以來（lái），", "…生態（tài）保護是
    我縣…": the glosses sit between the words the rules read) is looked for on the text
    without glosses and put back at the same place in the page's text (round 87)."""
    found = _split_fused_text(text)
    if found is None and (plain := unglossed(text)) != text:
        cut = _split_fused_text(plain)
        if cut is not None:
            return _glossed_cut(text, len(cut[0]))
    return found


def _glossed_cut(text: str, at: int) -> tuple[str, str]:
    """(heading, body) of a glossed text cut where its unglossed text is cut at ``at``: the
    gloss of the heading's last character stays with the heading."""
    plain = 0
    index = 0
    glosses = {hit.start(): hit.end() for hit in GLOSS.finditer(text)}
    while index < len(text) and plain < at:
        index += 1
        plain += 1
        index = glosses.get(index, index)
    return text[:index], text[index:]


def _split_fused_text(text: str) -> tuple[str, str] | None:
    # Words only a sentence opens with part a heading from its body before any other cue: a
    # space further on is the body's own ("…历史使命同志们，我们今天站立的起点，是 XX 镇…").
    found = _opened(text) or _split_fused(text)
    if found is None and "，" not in text[:CLOSED_HEAD_MIN]:
        found = _closed_clause(text)
    if found is None:
        found = _echoed(text)
    if found is None:
        found = _defined(text)
    if found is None and "我" in text:
        found = _ours(text)
    return found


def _split_fused(text: str) -> tuple[str, str] | None:
    if wrapped := _wrapped_spaced(text):
        return wrapped
    spaced = SPACED_BODY.match(text)
    if spaced and len(unglossed(spaced.group(1))) <= SPACED_HEADING_CHARS:
        return spaced.group(1), text[spaced.end() :]
    if doubled := taken_up(text):
        return text[:doubled], text[doubled:]
    run_on = _RUN_ON.match(text)
    if run_on and len(unglossed(run_on.group(1))) <= RUN_ON_HEAD_MAX and _runs_on(
        text[run_on.end() :]
    ):
        end = run_on.end() + text.startswith("，", run_on.end())  # the heading keeps its comma
        if not (
            text.startswith(("指出", "强调"), end) and run_on.group(1).endswith(SPEAKER_ENDINGS)
        ):
            return text[:end], text[end:]
    comma = _COMMA_SUBJECT.match(text)
    if comma and len(unglossed(comma.group(1))) <= RUN_ON_HEAD_MAX and _runs_on(
        text[comma.end() + 1 :]
    ):
        return comma.group(1), text[comma.end() :]
    if "意义" in text and (meaning := _MEANING.match(text)) and (
        len(text) - meaning.end() >= FUSED_BODY
    ):
        # "要充分认识…的重大意义城市是…": a heading that asks to see the point of the work
        # ends at 意义, its object named; what runs on is the body's first sentence.
        return meaning.group(), text[meaning.end() :]
    first = _SENTENCE_END.search(text)
    opener = _OPENER.match(text) if first else None
    # A one-sentence heading line ("…，深化认识这项工作的重要意义。") is not cut: the body
    # must go on after the first sentence, or hold a clause break of its own.
    if opener and first and (first.end() < len(text) or "，" in text[opener.end() :]):
        return opener.group(1), text[opener.end() :]
    sentence = text[: first.start()] if first else text
    clauses = sentence.split("，")
    first_two = [len(clause) for clause in clauses[:2]]
    parallel = len(clauses) > 2 and PARALLEL_MIN <= first_two[0] == first_two[1] <= PARALLEL_MAX
    offset = len(clauses[0]) + len(clauses[1]) + 2 if parallel else 0
    if len(sentence) < FUSED_MIN:
        if len(clauses) == 2 and len(clauses[0]) == 4:
            # "认清形势，切实增强工作责任感和紧迫感消防工作关系…。": a four-character phrase and
            # a task run on into the body's first sentence past the task's ending.
            return _cut_at_ending(text, sentence, len(clauses[0]) + 1, FUSED_BODY)
        if parallel:
            # "认清形势，坚定信心，进一步增强…紧迫感池州撤地设市…": a page cut short in the
            # body's first sentence, run on past the parallel heading's ending; what is left
            # ending as a heading does ("…以前所未有的紧迫感做好各项工作") is the heading's own.
            if sentence.rstrip("….").endswith(HEADING_ENDINGS + WEAK_ENDINGS):
                return None
            return _cut_at_ending(text, sentence, offset, SHORT_BODY)
        return None
    space = sentence.find(" ", 8)
    if space > 0:
        return sentence[:space], text[space + 1 :]
    if not parallel:
        # "深刻把握形势任务，树牢…的进取意识只有正视不足才能…，唯有…。": a verb phrase, then a
        # task run on into a body clause of its own past the task's ending.
        if len(clauses) > 2 and LEAD_PHRASE_MIN <= len(clauses[0]) <= LEAD_PHRASE_MAX:
            second = len(clauses[0]) + 1 + len(clauses[1])
            return _cut_at_ending(text, sentence[:second], len(clauses[0]) + 1, FUSED_BODY)
        return None  # else only the parallel 4+4+X (or 6+6+X) shape is cut without a separator
    cut = _cut_at_ending(text, sentence, offset, 1)
    if cut is None and len(unglossed(clauses[2])) > TASK_CLAUSE:
        cut = _cut_at_ending(text, sentence[: offset + len(clauses[2])], offset, FUSED_BODY,
                             WEAK_ENDINGS)
    return cut


def _cut_at_ending(
    text: str, sentence: str, offset: int, body: int, endings: tuple[str, ...] = HEADING_ENDINGS
) -> tuple[str, str] | None:
    """(heading, body) cut after the first heading ending (``HEADING_ENDINGS``) past
    ``offset`` in the text's first sentence that is no word's start ("责任感和紧迫感" runs on)
    and leaves at least ``body`` characters of the sentence to the body; None without one.
    Endings printed one after another are the heading's own pair ("…的责任感紧迫感"): the cut
    goes after the last of them, as long as some of the sentence is left to the body."""
    best = None
    for ending in endings:
        at = sentence.find(ending, offset)
        while at >= 0:
            cut = at + len(ending)
            if (
                cut <= len(sentence) - body
                and sentence[cut] not in "的和与、，"
                and not sentence.startswith(COMPOUNDS.get(ending, ()), cut)
            ):
                best = cut if best is None else min(best, cut)
                break
            at = sentence.find(ending, at + 1)
    if best is None:
        return None
    while follow := next(
        (e for e in endings if sentence.startswith(e, best) and best + len(e) < len(sentence)),
        None,
    ):
        best += len(follow)
    return text[:best], text[best:]


#: A numbered point (1、 一、 （一）) whose text runs on past this many characters (gloss-free)
#: before its first sentence end, through commas, is a sentence of the body: such a heading
#: names a task in a few words, and real ones with clauses stay under it ("统一思想，提高认识，
#: 切实增强…使命感").  After a word (首先，其次，) the point is a sentence by nature, and the
#: whole sentence is its heading.
RUN_ON_HEADING = 40
#: The first clause of such a sentence is the heading only when it is at least this long: a
#: shorter one (提高认识，… 站在发展新起点，…) is the first half of a parallel heading of two
#: task phrases whose body was run on without a break, and where the second half ends is
#: not known, so the point is left as it is.
RUN_ON_CLAUSE = 10


def split_run_on(rest: str) -> tuple[str, str] | None:
    """(heading, body) for a point that opens a run-on sentence ("1、各位老师要树立品牌意识，
    每个人都要…，大家要坚持…；…。努力…"): the heading is the first clause, comma kept so the
    paragraph reads on as it did; None for a heading line or a heading of heading size."""
    rest = rest.lstrip()
    heading, body = split_heading(rest)
    comma = heading.find("，")
    if not body or comma < RUN_ON_CLAUSE or len(unglossed(heading)) <= RUN_ON_HEADING:
        return None
    return rest[: comma + 1], rest[comma + 1 :]


def split_swallowed(paragraphs: list[str]) -> list[str]:
    """Paragraphs with a sub-heading swallowed by the heading before it put on a line of its
    own ("二、突出重点（一）抓好…" → "二、突出重点" / "（一）抓好…")."""
    out = []
    for text in paragraphs:
        marker = match_at(text)
        found = SWALLOWED.match(text[marker.end :]) if marker and marker.scheme.strong else None
        if marker and found:
            cut = marker.end + found.end()
            out.extend([text[:cut].rstrip(), text[cut:].lstrip()])
        else:
            out.append(text)
    return out


def markers_after_sentences(text: str, family: str) -> list[Marker]:
    """Markers of one family (any scheme, strong ones too) that open a point right after a
    sentence end: where "…我再强调三句话。一、…" hides the first point of a list."""
    found = []
    for end in _AFTER_SENTENCE.finditer(text):
        marker = match_at(text, end.end())
        if marker and marker.scheme.family == family:
            found.append(marker)
    return found


_AFTER_SENTENCE = LazyPattern(r"[。！？：]")


def inline_markers(text: str, start: int = 0) -> list[Marker]:
    """Markers of inline-capable schemes that open a point after a sentence or clause end."""
    found = []
    for hit in INLINE_START.finditer(text, max(start, 1)):
        marker = match_at(text, hit.start())
        if marker and marker.scheme.inline:
            found.append(marker)
    return found
