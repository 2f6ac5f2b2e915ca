"""The genre's shared words, written once: count announcements, title endings, the address to
the audience, closing cues and placeholders.

The miner reads them in scraped pages, the checks in drafts, templates and the phrase bank
write them; each rule composes its own pattern from these lists (how far it looks, what must
follow) but never spells the words again, so a word added here reaches every rule (issue 9).
Numbering schemes live in ``generator.schemes``, the Chinese-numeral class in
``generator.numerals``.  Sources: CORPUS.md §a3 (placeholders), §b1–b5 and §e1.11 (the frame).
"""

from __future__ import annotations

from .numerals import COUNT, from_chinese


def alternation(words: tuple[str, ...]) -> str:
    """A non-capturing regex group matching any of ``words``, longest first (so 讲话稿 is not
    cut to 讲话)."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


# --- Count announcements: "下面，我讲三点意见" (CORPUS §e1.11) ---------------------------------

#: Verbs a speaker announces the count with: 讲三点 / 再强调四点 / 提出三项要求 / 抓好三个方面;
#: 我有 for what the speaker brings ("我有两点切身感受："; a bare 有 counts reasons, "主要有三
#: 方面考虑：", not points).
ANNOUNCE_VERBS = ("讲", "谈", "说", "提", "强调", "发表", "提出", "明确", "做好", "抓好", "把握",
                  "我有")
#: Measure words points are counted in: 三点, 四个方面, 两个问题, 三层意思, 五项.
#: 三句话 and 三件事 too ("最后，我再强调三句话。"), as pages print them (issue 13); 四个词 for
#: points that are one word each ("我想说四个词：…").
COUNT_UNITS = ("点", "个方面", "方面", "个问题", "层意思", "个部分", "个重点", "项", "句话", "件事",
               "个关键词", "个词")
#: What the count is of, when said: 三点意见, 四个方面的要求, 几点希望; 几点考虑 as a speaker
#: offers his thoughts ("具体讲，有以下这么几点考虑：" over a lone "第一，", pool
#: mining-setaside22).
COUNT_OBJECTS = ("意见", "要求", "看法", "想法", "建议", "体会", "工作", "问题", "希望", "期望",
                 "感受", "切身感受", "切身体会", "考虑")


def announcement(count: str = COUNT, window: int = 10) -> str:
    """A verb, at most ``window`` characters of the same clause, the count (group ``count``)
    and its unit (group ``unit``): "讲以下三点", "强调这么四个方面"; or the count first, as
    the ground the speaker talks from, with the verb after it ("从三个方面谈点看法")."""
    verbs = alternation(ANNOUNCE_VERBS)
    return (rf"(?:{verbs}[^。！？；：]{{0,{window}}}?|(?P<ground>从))"
            rf"(?P<count>{count})(?P<unit>{alternation(COUNT_UNITS)})"
            rf"(?(ground)[^。！？；：，]{{0,4}}?{verbs}[^。！？；：，]{{0,2}}?)")


def announced_number(count: str) -> int | None:
    """The count an announcement names, None when it names none: 几 is open and 一点 is no
    count ("讲一点意见" means "say a few words")."""
    number = from_chinese(count)
    return number if number is not None and number >= 2 else None


# --- Who speaks: "县委书记 王某某" -------------------------------------------------------------

#: Offices a speaker's byline names before the speaker's name (a regex group).  委员长 before
#: 委员: "…常务委员会副委员长某某某" names a chair, not a member followed by a name "长某某".
OFFICES = (
    "(部长|书记|主任|市长|县长|区长|局长|主席|秘书长|厅长|镇长|乡长|校长|院长|委员长|委员|理事长|"
    "处长|省长|总理|董事长|总经理|会长|行长)"
)


# --- Titles: "在全市工作会议上的讲话" --------------------------------------------------------

#: Bodies elected or founded that are no party organisation: a 村民委员会's voters are no 党员,
#: and "今天召开党员大会…全体党员政治生活中的一件大事" at a villagers' election (craft review 6)
#: or a youth league's congress (a fact copier) named the wrong hall; nor is a people's congress
#: ("选进县乡两级人民代表大会新一届班子", craft review 9).
NON_PARTY_BODIES = ("村民委员会", "居民委员会", "村委会", "居委会", "工会", "共青团", "团委",
                    "团支部", "团总支", "协会", "商会", "学会", "联合会", "理事会",
                    "业主委员会", "股份经济合作社", "合作社", "人民代表大会", "人大")


#: Festivals, the people each honours, and the words that name those people, greeted at a
#: meeting held for it ("向全县广大教师致以节日的问候": five commendations for 教师节, 三八 and
#: 五一 greeted nobody, craft review 9) unless the user's thanked are named by the words
#: already ("全市广大教职员工" at 教师节 is they).  Festivals of everyone (春节, 国庆, 元旦)
#: honour no group.
FESTIVAL_PEOPLE = (
    ("教师节", "广大教师和教育工作者", "教师|教职|教育工作者|老师|园丁"),
    ("三八|妇女节", "广大妇女同胞", "妇女|女同胞|女职工|姐妹"),
    ("五一|劳动节", "广大劳动者", "劳动者|劳模|职工|工人|建设者"),
    ("护士节", "广大护理工作者", "护士|护理"),
    ("医师节", "广大医务工作者", "医师|医生|医务|医护"),
    ("记者节", "广大新闻工作者", "记者|新闻工作者|新闻战线"),
    ("五四|青年节", "广大青年朋友", "青年|团员"),
    ("重阳节", "广大老同志", "老同志|老年|老干部|离退休"),
)


#: The genre words a speech's title ends with.
#: Each kind named with 词 is as often written with 辞 (开幕辞, 欢迎辞, 答谢辞: the older spelling
#: Hong Kong and Taiwan schools keep), so both spellings are listed.
_CI_KINDS = ("主持词", "开幕词", "闭幕词", "致词", "贺词", "欢迎词", "答谢词", "祝酒词")
TITLE_WORDS = (
    "讲话", "讲稿", "发言", "致辞", "党课", "报告", "演讲", "动员",
    *_CI_KINDS,
    *(w.replace("词", "辞") for w in _CI_KINDS if w != "致词"),
)
#: What offices and sites add behind them: 讲话稿, 发言材料, 讲话提纲, 讲话要点, 致词全文.
TITLE_SUFFIXES = ("稿", "材料", "提纲", "要点", "全文")
#: Every ending a title may have, for ``str.endswith``.
TITLE_ENDINGS = TITLE_WORDS + tuple(w + s for w in TITLE_WORDS for s in TITLE_SUFFIXES)
#: The same as a regex fragment (no capturing group).
TITLE_END = f"{alternation(TITLE_WORDS)}{alternation(TITLE_SUFFIXES)}?"


# --- The address to the audience: "同志们：", "各位领导、各位来宾：" ---------------------------

#: Words a salutation ends with before its colon; 们 covers 同志们, 朋友们, 同学们, ….
ADDRESS_WORDS = ("女士们、先生们", "同志们", "朋友们", "同学们", "女士们", "先生们", "老师们",
                 "各党支部", "同志", "代表", "来宾", "嘉宾", "领导", "委员", "阁下", "首脑",
                 "支部", "先生", "女士", "各位", "们")
#: The plural addresses to a whole audience (同志们, 同学们, 女士们、先生们): the ones a speaker
#: may follow with a comma or a greeting instead of a colon ("同志们，今年…", "同志们下午好，").
GROUP_ADDRESS = tuple(w for w in ADDRESS_WORDS if w.endswith("们") and w != "们")
#: Whom "各位…" names in an address by standing ("各位代表：", "尊敬的各位领导、各位来宾："):
#: found run into a flattened head where no 同志们 stands (round 46); a contest's 各位选手
#: (round 89).
STANDING_ADDRESS = ("代表", "委员", "领导", "来宾", "嘉宾", "同志", "同仁", "老师", "家长", "选手")
#: The usual address, which also opens the closing appeal.
COMRADES = "同志们"


def called(salutation: str) -> str:
    """The hall as a salutation calls it, as an appeal repeats it: without its mark and the
    honorific before it ("尊敬的各位党员：" → "各位党员")."""
    return salutation.strip().rstrip("：:，,！!").removeprefix("尊敬的").removeprefix("亲爱的")


# --- Problems and points -------------------------------------------------------------------

#: Words that open a clause on some of a group ("有的乡镇…", "少数干部…"): a list whose every
#: item opens on one is already divided, and reads run on ("有的…；一些…；少数…"), not numbered.
DISTRIBUTIVE = ("有的", "有些", "一些", "部分", "少数", "个别", "还有的", "还有一些")


# --- The close: the appeal, the summing-up and the sign-off ---------------------------------

#: How the closing appeal opens: "同志们，…", "让我们…".
APPEAL_STARTS = (COMRADES, "让我们")
#: Words that open a summing-up: "总之，…", "以上，…".
SUMMING_UP = ("总之", "总而言之", "以上")
#: How the request for after the meeting opens, just before the appeal: "会后，请各单位…"
#: (the request field).
FOLLOW_UP = ("会后",)
#: Words the appeal ends on: "…而努力奋斗！", "…开创新局面！".
APPEAL_ENDS = ("奋斗", "贡献", "成功", "效果", "胜利", "新局面", "新篇章", "新成绩", "新胜利")
#: The sign-off: "谢谢大家！", "我的讲话完了。", "我就讲这些。", "最后，祝大家工作顺利！",
#: "最后，预祝大会圆满成功！" (an election's or a ceremony's: 4 sites of the stored pages).
SIGNOFF_WORDS = ("我的讲话完了", "讲话完了", "我就讲这些", "我就讲到这里", "我就讲这么多",
                 "谢谢大家", "谢谢各位", "谢谢", "最后，祝大家", "最后，祝各位", "祝大家", "祝各位",
                 "最后，预祝", "预祝", "衷心的感谢", "表示感谢")
#: The sign-offs that wish the hall well: a 团拜会 or a ceremony closes on them, with no appeal
#: ("最后，祝大家新春愉快、阖家幸福！"); thanks or "我就讲这些" close nothing.
WISH_STARTS = ("最后，祝", "最后，预祝", "祝", "预祝")
#: What a modest close asks for, last in the speech: "…不妥之处请大家批评指正。",
#: "…讲得不对的地方，请同志们批评。" (the modest_close field's wordings).
MODEST_REQUESTS = ("批评指正", "批评", "指正")


# --- Placeholders a draft must not keep (CORPUS §a3) -----------------------------------------

_HAN = "\u4e00-\u9fff"

#: (name, pattern, in drafts, needs): tokens anonymised or unfinished text leaves behind.  The
#: third column says whether ``speechgen check`` reports it: a space between two Chinese
#: characters marks a word a site cut out of a scraped page, but in a draft it is a typing
#: slip, not a gap.  The last column holds the characters one of which every match contains,
#: so a text without any of them is not searched at all.
PLACEHOLDERS: tuple[tuple[str, str, bool, str], ...] = (
    ("20xx", r"[12]\d[xX]{2}", True, "xX"),  # 20xx年
    ("XX", r"(?<![A-Za-z0-9])X{2,}(?![A-Za-z])", True, "X"),  # XX同志
    ("xx", r"(?<![A-Za-z0-9])x{2,}(?![A-Za-z])", True, "x"),  # xx社区
    ("X", rf"(?<=[{_HAN}，、])[XＸ](?=[{_HAN}%，、])(?!光|射线)", True, "XＸ"),  # X月X日; not X光
    ("×", rf"[×✕]{{2,}}|(?<=[{_HAN}，、])[×✕](?=[{_HAN}])", True, "×✕"),  # ×××同志, 书记×同志
    ("*", rf"[*＊]{{2,}}|(?<=[{_HAN}])[*＊](?=[{_HAN}])", True, "*＊"),  # a word starred out
    ("##", r"[#＃]{2,}", True, "#＃"),
    ("__", r"[_＿]{2,}", True, "_＿"),
    ("【待】", r"[【\[〔]待[^】\]〕]{1,8}[】\]〕]", True, "【[〔"),  # 【待核实】【待补充】
    ("○○", r"[○〇]{2,}(?=[年月日])", True, "○〇"),
    # 某某局、某某同志 left to fill in; not 张某某, a name anonymised on purpose (a surname
    # alone before it, at the start or after punctuation)
    ("某某", rf"(?<![^{_HAN}][{_HAN}])(?<!^[{_HAN}])某某", True, "某"),
    ("~年", r"~年", False, "~"),
    ("空格", rf"(?<=[{_HAN}]) (?=[{_HAN}])", False, " "),
)
#: Every placeholder a draft is checked for holds one of these characters.
DRAFT_PLACEHOLDER_CHARS = "".join(
    dict.fromkeys("".join(needs for _, _, in_drafts, needs in PLACEHOLDERS if in_drafts))
)
