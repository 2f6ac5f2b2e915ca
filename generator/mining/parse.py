"""One unit's lines → a Speech: title block, opening, sections, closing, sign-off.

The pre-body lines come in a fixed order (CORPUS e1.5): own title (possibly wrapped over two
lines), subtitle, byline, date, salutation lines, greeting.  The closing is found from the end:
sign-off lines (谢谢大家!), then paragraphs that open or end like an appeal.  What lies between
is handed to the heading tree builder.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..han import in_basic_block
from ..lazy_re import LazyPattern
from ..lexicon import (
    ADDRESS_WORDS,
    APPEAL_ENDS,
    APPEAL_STARTS,
    GROUP_ADDRESS,
    OFFICES,
    SIGNOFF_WORDS,
    SUMMING_UP,
    TITLE_END,
    TITLE_ENDINGS,
    alternation,
)
from ..model import Speech
from ..numerals import NUMERAL_CHARS
from .address import (
    ADDRESS_OPENERS,
    ADDRESS_OPENING,
    CUT_ADDRESS,
    DAYTIME,
    GREETED,
    LEADING_GREETING,
    LONG_SALUTATION_CHARS,
    PERSON_END,
    is_salutation,
)
from .boilerplate import (
    COUNT_HINT,
    CRUMB,
    META_TAIL,
    TITLE_PIECE_CHARS,
    furniture_score,
    is_furniture,
)
from .captions import (
    CAPTIONED,
    COMPILATION,
    LEADING_SAMPLE,
    REPORTED,
    SAMPLE_MARK,
    SAMPLE_NUMBER,
    caption_stem,
    collection_name,
    names_collection,
    names_occasion,
)
from .headings.detect import split_swallowed, starts_with_marker
from .headings.tree import CUT_ENDINGS, PART_NAME, Note, build_outline
from .normalise import unglossed
from .paragraphs import (
    COLUMN_BEFORE_TITLE,
    LOST_AT_START,
    MIN_WRAPPED,
    NEARLY_FULL,
    TERMINALS,
    join_numbered_chunks,
    join_wrapped,
    printed_lengths,
    unflatten,
    unflatten_rejoined,
    wrap_width,
)
from .split import SPEAKER_ROW, SUB_SPEECH, Unit

#: A speech needs a title to be rendered; a page without one gets this visible gap.
MISSING_TITLE = "（标题待补）"
#: The last characters of the title endings (话 稿 言 辞 …), for a fixed-width look-behind.
_TITLE_LAST = "".join(sorted({w[-1] for w in TITLE_ENDINGS}))

#: A site's category label before a title: a genre or category word with at most six characters
#: before it ("党课讲稿", "领导讲话", "讲话致辞"), or a site's praise word ("最新", "精选").
_CATEGORY = (
    rf"(?:(?![在关])[^\s：:|｜。，—\-【】\[\]]{{0,6}}?(?:{TITLE_END}|范文|材料|文稿|公文|素材)"
    r"|最新|精选|优秀|热门|推荐|经典)"
)
#: What parts a site's category label from the title: a bar, an arrow, a dash or two.  A colon
#: is left out: "专题党课：主题" is a talk's own title (the genre, then its theme).
_SEPARATOR = r"[|｜>＞]|--|——|－－|-|—|－"
#: A title whose start is printed twice, glued ("党建工作党建工作推进会上的讲话", or the whole
#: title twice, perhaps with a file's caption word between: "…讲话全文…讲话", "…正文…"): one
#: copy of the repeated part is the title's.
DOUBLED = re.compile(r"^(\S{2,30}?)\s*(?:全文|正文|原文|讲话稿|讲稿|文稿|范文)?\s*(?=\1)")
#: A speaker's byline glued after the title word, the name perhaps letter-spaced
#: ("…工作报告市城管局党组书记、局长  杜  宇"): who speaks, not part of the title.
TITLE_BYLINE = re.compile(
    rf"^(?P<title>.{{4,60}}?{TITLE_END})\s*"
    rf"(?P<office>(?:(?!{TITLE_END})[^\s。，！？]){{0,20}}?{OFFICES})"
    r"(?P<name>(?:\s*[^\W\d_a-zA-Z]){2,3})$"
)
#: Aggregator decorations on titles: a doubled start, year prefix, count hints, 范文, site
#: suffix 篇N.
TITLE_NOISE: list[re.Pattern[str] | LazyPattern] = [
    # A page's own row glued before the title when its line breaks were lost (a flattened
    # copy): the end of a "you are here" trail ("当前位置：首页", "… > 正文", a "首页" or
    # "正文" that no separator follows), a preview's or a download's label ("全文2492字内容
    # 预览：", "下载此文档", "详细内容"), a skip link ("跳至主要内容").  Run first, so the rules
    # below see the title's own start ("…正文习近平：在…", "详细内容1951年11月1日在…").
    LazyPattern(
        r"^(?:(?:[^。！？，]{0,30}?位置\s*[：:][^。！？，]{0,40}?)?(?:首页|首頁|正文)"
        r"(?!\s*(?:[>›»/|｜＞]|$))"
        r"|(?:全文\s*\d+\s*字)?(?:全文|文章|内容|在线)?预览[：:]?|下载此文档|详细内容"
        r"|跳(?:至|到|过|過)(?:主要[内內]容|导航|導航))\s*(?=[^\s>›»]\S{5})",
        needs="首頁正览档详跳",
    ),
    # A site's field glued before an occasion title ("来源：某某会在…上的讲话"), the menu's
    # words and bars before it ("原创|范文|素材|在…"), a page's number ("24在…"): the title
    # opens at its 在.
    re.compile(
        r"^(?:(?:来源|來源|网站|網站|出处|出處|栏目|欄目)[：:]\s*[^\s：:。，！？]{1,12}?"
        r"|(?:[^|｜\s。，！？]{1,8}[|｜])+|[|｜]|\d{1,3})\s*(?=在\S{4,}?(?:上|时|時)的)"
    ),
    # A document's marks glued before the title: an attachment's caption ("附件", "附件2："),
    # a page or sequence mark ("1-", "第1页").  A count in the title ("1-2月…") is no mark.
    # A document's code ("B3637", a library's item number) and a colon or comma left over
    # from a cut label ("：运动会欢迎词") go the same way.
    # Round 77: a collection's sample number before the title, after its "目录" perhaps
    # ("第1篇 <title>", "目录第1篇 <title>", "篇1：<title>"): the collection's, not the title's.
    re.compile(rf"^{LEADING_SAMPLE}(?=[^\d\s]\S{{5}})"),
    re.compile(
        r"^(?:附件\s*[\d一二三四五六七八九十]{0,2}\s*[：:]?|\d{1,3}\s*[-－—]|第\s*\d{1,3}\s*页"
        r"|[A-Za-z]{1,3}\d{2,8}|[：:，、])"
        r"\s*(?=[^\d\s]\S{5})"
    ),
    # Round 70: a site's column name printed twice before a whole occasion title, once as
    # the trail's last step and once as the article's label ("电子报电子报于信汇在…上的讲话",
    # "营商营商市长在…", "经济发改经济发改在…"): both copies are the site's.  A doubled start
    # that the rest of the title needs ("党建工作党建工作推进会上的讲话") has no 在…上的 after
    # it, and a doubled office or 同志 ("县委书记县委书记在…") is left to DOUBLED below.
    re.compile(
        rf"^((?:(?!{OFFICES}|同志)[^\s\d。，！？：:|｜>＞在]){{2,8}}?)\1"
        r"(?=[^\s。，！？在]{0,12}?在[^\s。，！？]{4,}?(?:上|时|時)的)"
    ),
    DOUBLED,
    # A footnote's mark after the title word ("…时的讲话*", a collected-works volume whose note
    # on the occasion is at the page's foot): the book's apparatus, not the title.
    re.compile(rf"(?<=[{_TITLE_LAST}])\s?[*＊※]{{1,2}}$"),
    # An HTML page title's trail: "在…的讲话_领导讲话_某某网", "在…的讲话 - 某某网".
    re.compile(r"(\s*(_|｜|\||\s[-－]\s)[^_｜|。！？]{1,20})+$"),
    # The same with a bare hyphen after the title word ("在…的讲话-某某范文网"), or only the
    # separator left where the site's name was cut off ("…的讲话_").
    re.compile(rf"(?<=[{_TITLE_LAST}])([-－][^-－。！？，\s]{{1,20}})+$"),
    # A file name's extension, perhaps with the library's name after it ("….docx - 某某文档").
    re.compile(r"(?i)\.(docx?|wps|pdf|txt)(\s*([-－_|｜]|\s)\s*[^。！？]{0,20})?$"),
    re.compile(r"\s*[-－_|｜]+$"),
    META_TAIL,
    # A publication date printed after the title: "在…的讲话 2023-05-06", "…的讲话 2023年5月6日",
    # or the day it was given, in brackets: "在…的讲话（2008年2月5日）".
    re.compile(r"\s+\d{4}([-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月(\d{1,2}日)?)$"),
    re.compile(r"\s*（\s*\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?\s*）$"),
    # A paged site's page mark after the title ("…文艺官（第1页）", "… （第2页）"): the page's
    # place in the article, not the title's (the leading "第1页" is cut above).
    re.compile(r"\s*（\s*第\s*\d{1,3}\s*页\s*）$"),
    # A site's category before the title, by its shape: a short label in brackets ("【精选】在…",
    # "[领导讲话]关于…"), with the colon that may hand over from it to the title (a sample's
    # number after a reprinted collection name, "<name>【篇一】：在…", dev31 m2901: the colon
    # rule above has run, so the label takes its own colon); a short label and a separator
    # before an occasion title ("讲话稿：在…", "领导讲话 | 在…"); a genre or category word,
    # perhaps printed twice, before a separator or an occasion title ("党课讲稿--主题",
    # "讲话致辞 讲话致辞 在…", "最新：在…").
    re.compile(r"^[【\[［〔][^】\]］〕\d]{1,8}[】\]］〕]\s*[：:]?\s*(?=\S{6})"),
    re.compile(r"^[^\s：|｜。，]{2,8}(：|\s*[|｜])\s*(?=在|关于)"),
    re.compile(
        rf"^(?:{_CATEGORY}\s*)+(?:(?:{_SEPARATOR})\s*(?=\S{{6}})|[：:]?\s*(?=在|关于))"
    ),
    # Round 88: a site's link captions glued before the title when nothing parted the rows
    # ("查看原文其他<title>", "相关推荐<title>"), and its share button before a title that
    # names an occasion ("分享市长在…会议上的讲话"; "分享交流会…" may be the title's own).
    LazyPattern(
        r"^[-•·]?\s*(?:(?:查看原文|阅读原文|閱讀原文|相[关關](?:（[a-zü\u00e0-\u01dc]+）)?推[荐薦]"
        r"|热门推荐|熱門推薦)(?:其他|其它)?|分享(?=[^\s。！？；，在]{1,12}在\S{4,}?[上时時]))"
        r"\s*(?=[^\s。！？；，]{6})",
        needs="查阅閱相关關热熱分",
    ),
    # Buttons after the title: "在…的讲话 [复制链接]", "在…的讲话 收藏 打印".
    re.compile(r"((\s+|[\[【])(复制链接|复制全文|复制|打印|收藏|分享|下载)[\]】]?)+$"),
    # The year, or the whole day, the talk was given, before its occasion ("2022年度在…",
    # "1951年11月1日在…上的讲话").
    re.compile(r"^(19|20)\d{2}年(?:度|\d{1,2}月(?:\d{1,2}日)?)?(?=在|关于|全)"),
    # A bare genre word and a colon before the theme ("党课：牢记…", "讲话：…"): the site's
    # category.  With a word of its own before it ("专题党课：…") it is the talk's own title.
    LazyPattern(rf"^(?:{TITLE_END})：\s*(?=[^\s：]{{6}})", needs="："),
    # A count of samples ("（3篇）") or a sample's number ("篇2", "【篇1】") after the title.
    COUNT_HINT,
    CAPTIONED,
    # A site's tag after the title, bare or in brackets: "范文", "（精选）", "【最新】", " 精品";
    # a note on the languages the site offers the text in.
    re.compile(
        r"\s*(?:[（【\[](精选|精品|范文|最新|通用|推荐|热门|优秀|大全|模板|范本|合集)[）】\]]"
        r"|[（(]全文[）)]|范文|范本|模板|精选|精品|(?:(?:19|20)\d{2}年)?最新版?"
        # A press office's note on the languages it offers the text in ("…致辞全文（只有中文）").
        r"|（(?:只有|仅有|只提供|仅提供)?(?:中文|英文|中英文)(?:版本?)?）"
        # and the day it issued the text on ("…致辞全文（十月四日）", "（3月8日）").
        r"|（(?:(?:19|20)\d{2}年)?[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日）)$"
    ),
    # A news agency's dateline before the title: "某某社北京1月8日电/在…的讲话".
    re.compile(r"^[^\s/／]{2,10}?\d{1,2}月\d{1,2}日电\s*[/／]?\s*"),
    # A site's category tag after the title word: "…的讲话（党政办公室）", "…（学校—高校）".
    # A date, and a note on the text itself (（摘要） （节选） （送审稿）), stay.
    re.compile(
        r"(?<=讲话|讲稿|发言|致辞|党课|报告|演讲)\s*"
        r"（(?![^（）]*(摘|节|选[编登读录]|全文|提纲|稿|草案))[\u4e00-\u9fff](?:[—－、]?[\u4e00-\u9fff]){1,8}）$"
    ),
    # A site's category glued after the occasion title: "在…会议上的讲话经济工作".  The tail
    # ends in a category noun; a note on the text (提纲, 摘要, 全文) is no such word.  Pinyin
    # glosses some pages print after characters ("經（jīng）濟（jì）") may sit inside it.
    re.compile(
        r"(?<=上的讲话|上的致辞|上的发言|上的講話|上的致辭|上的發言)(?!材料$)"
        r"(?:[\u4e00-\u9fff]|[（(][a-zA-Z\u00c0-\u01ff]{1,8}[）)]){0,4}(工作|建设|建設|管理|党建|黨建|材料|文稿|公文|范文|範文|心得|"
        r"致辞|致辭|讲话|講話|发言|發言|总结|總結)$"
    ),
    # A site's genre category glued after the title word, itself a kind of speech ("…的电视
    # 讲话公众演讲", "…的讲话领导致辞"): one title never names two kinds of what is said.
    # (Chinese characters as a word class without digits or ASCII letters: a range over the
    # CJK block compiles ~6× slower, 0.9 against 0.14 ms, at every start of the miner.)
    re.compile(r"(?<=讲话|发言|致辞)[^\W\d_a-zA-Z]{2,4}(演讲|讲话|发言|致辞)$"),
    re.compile(r"[：:]$"),
]
BYLINE = re.compile(rf"^\S*{OFFICES}\s+\S{{2,4}}$")
#: The same with the name run onto the office (which names its body: 县委书记, 工委书记)
#: and perhaps the date after it ("机关工委书记某某某 2012年8月28日"): who speaks and when,
#: never the speech's title.
SPEAKER_LINE = re.compile(
    rf"^(?P<who>\S{{1,16}}?{OFFICES}[\u4e00-\u9fff]{{2,3}})"
    r"(?:\s+(?P<date>\d{4}年\d{1,2}月\d{1,2}日))?$"
)


#: A byline naming only the office ("武进区区长", "县委书记"): who speaks, never a title.
OFFICE_LINE = re.compile(rf"^\S{{0,12}}{OFFICES}$")


def _speaker_line(text: str) -> re.Match[str] | None:
    """A byline with the name glued to the office, not a title that names an office
    ("县委书记讲话", "副校长寄语" end in a word for what is said, "全市局长培训班" in a body or
    an event, not a name)."""
    match = SPEAKER_LINE.match(text)
    who = match.group("who") if match else ""
    return None if not match or who.endswith(TITLE_ENDINGS) or who[-1] in _NOT_NAME_END else match


#: Last characters of what follows an office without being a name: words for what is said
#: (寄语, 致词, 贺信) and for bodies and events (培训班, 座谈会, 办公室).
_NOT_NAME_END = frozenset("语词辞言信稿话书班会室组处科部局办站所队团院校节赛课")
#: The mark a newspaper sets before the speaker's name over the text ("□某某某", "■ 某某某":
#: set-aside 23, a paper's e-edition): the name is the speaker, never the title.
BYLINE_MARKS = "□■◇◆○●◎"
#: The speaker's name in brackets on a line of its own ("[王某某]"), as news pages print it,
#: or after one of the ``BYLINE_MARKS``; a sample's number in brackets ("【範例一】", "【样文
#: 三】": a book of model speeches, set-aside 23) names no one.
_SAMPLE_TAG = rf"[\[【［]\S{{0,2}}[例文篇稿][{NUMERAL_CHARS}\d]{{1,2}}[\]】］]"
SPEAKER_TAG = re.compile(
    rf"^(?:(?!{_SAMPLE_TAG})[\[【［]\S{{2,4}}[\]】］]|[{BYLINE_MARKS}]\s?[\u4e00-\u9fff]{{2,4}})$"
)
#: The sample's number alone: no title either.
SAMPLE_TAG = re.compile(rf"^{_SAMPLE_TAG}$")
#: A bare name on the line under the title ("王某某"), as published speeches print the speaker.
NAME_LINE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def _is_name(text: str) -> bool:
    """A line that can only be a person's name: two to four characters, no title word, no
    site word, no address."""
    return (
        bool(NAME_LINE.match(text))
        and not text.endswith(TITLE_ENDINGS)
        and not is_salutation(text)
        and not furniture_score(text)
        and not CAPTION.match(text)
    )


def _lone_speaker(text: str) -> bool:
    """The whole head of an untitled, unaddressed speech is a bare three-character name
    ("某某某" over "今天，我们在这里…": a news page that printed the speaker's line and not
    the title, pool mining-dev27): the speaker, not the title.  Three characters only, the
    commonest length of a name: a motto of four ("不忘初心") or a word of two alone over its
    text stays the title (no page of the labelled pools has a title of five characters or
    fewer).  ``_is_name`` already keeps out title words, salutations and site words."""
    return len(text) == 3 and _is_name(text)


_CN_DIGITS = f"\\d〇○零{NUMERAL_CHARS}"
#: A line that is only a date, perhaps in brackets, with a blank left for the day or digits
#: mixed ("（二00九年三月   日）"): when the speech was given, never its title.
DATE = re.compile(
    rf"^[（(]?\s*[{_CN_DIGITS}]{{2,4}}\s*年\s*[{_CN_DIGITS}]{{1,3}}\s*月"
    rf"(?:\s*[{_CN_DIGITS}]{{0,3}}\s*日)?\s*[）)]?$"
)
#: A salutation run into the first paragraph ("同志们：这次会议…", or with a space between:
#: "各位领导： 大家下午好！…"): the address, up to its colon; one opening with a word of
#: ``ADDRESS_OPENERS`` (尊敬的, 广大…) may list many guests.
LEADING_SALUTATION = re.compile(
    rf"^((?:(?:{ADDRESS_OPENERS})[^。！？：]{{0,40}}?(?:{PERSON_END}|{alternation(ADDRESS_WORDS)})"
    rf"|[^。！？：]{{0,16}}?{alternation(ADDRESS_WORDS)})：)"
    r"\s*(?=\S)"
)
#: When a greeting wishes the audience well: a time of day, or a day and its festival ("新年好",
#: "教师节好"; a pinyin gloss a page prints after a character may sit in it: "节（jié）好").
_GREETING_TIME = r"(?:上午|下午|晚上|早上|新年|节日|[\u4e00-\u9fff]{1,4}节(?:（[a-zà-ǜ]{1,6}）)?)"
#: The same with a comma, or fused with a greeting ("同志们，今年…", "同志们下午好，…"), perhaps
#: after other addressees ("各位领导、同志们，…", "各位领导、老师们、同学们教师节好！"): only
#: taken as the salutation where the head of the speech ends.  Any plural 各位…们, perhaps
#: with whose they are ("市府的各位同仁们大家好，我是…"), is one when 大家好 follows it; any
#: 各位… is one when a comma and 大家好 follow ("各位乡亲，大家晚上好，…": the greeting opens
#: the body).  Before the plural that ends it, a plural without an address word may stand
#: ("全县同胞们，同志们，朋友们！", one's own "我们/咱们" excepted).
COMMA_SALUTATION = re.compile(
    rf"^((?:(?:(?:尊敬的|亲爱的|各位)[^。！？：，、]{{1,12}}|{alternation(ADDRESS_WORDS)}"
    rf"|[^\W\d_a-zA-Z]{{1,5}}(?<![我你他她它咱])们)[、，])*"
    rf"(?:(?:各位|亲爱的)?{alternation(GROUP_ADDRESS)}"
    rf"|(?:[^\W\d_a-zA-Z]{{1,8}}的)?各位[^\W\d_a-zA-Z]{{1,6}}?们(?=大家)"
    rf"|各位[^\W\d_a-zA-Z]{{1,6}}?(?=，大家{_GREETING_TIME}?好[，！]))"
    rf"(?P<greeting>(?:大家)?{_GREETING_TIME}?好)?[，！])"
    r"\s*(?=\S|$)"
)
#: A title run into the opening sentence, no salutation between: "…调度会上的讲话刚才各组汇报
#:了工作情况。"; the sentence opens with a word a speech's first sentence opens with.  A
#: document library may print the title twice there (header and title): one copy is kept.
TITLED_OPENING = re.compile(
    rf"^([^，。！？：]{{4,60}}?{TITLE_END})\s*(?:\1\s*)?"
    r"(?=(?:刚才|今天|这次|首先|当前|近年来|近期|根据|按照|为了)[^。！？]{4,}[。！？，])"
)
#: The same after a title naming its occasion in full ("在…会议上的讲话", "…大会上的致辞"),
#: whatever the opening's first word ("…上的讲话春节刚过，…"): such a title is complete, and
#: the words that would carry the phrase on ("…上的讲话精神", "…上的讲话中") or a site's note
#: on the text ("…上的讲话文稿", "…上的讲话稿") are not an opening, nor is a colon: the title's
#: headline follows it (``_colon_headline``).  Only a line longer than a
#: title is tried, and the pattern compiled for it (~1 ms).
OCCASION_OPENING = LazyPattern(
    rf"^([^，。！？：]{{4,60}}?上的{TITLE_END})\s*(?:\1\s*)?"
    r"(?!精神|中|时|里|的|和|及|与|要求|指出|强调|稿|文稿|材料|提纲|要点|全文|范文|摘要|：)"
    r"(?=[^。！？；，]{2,}[，。！？])",
    needs="上",
)
#: The same title closed by a full stop, a report's first words after it ("---校长在…大会上的
#: 讲话。在这秋高气爽的…"), on the head's first lines: the title, then the report.
TITLE_SENTENCE = LazyPattern(
    rf"^[-—－]*\s*([^，。！？：；]{{4,60}}?上的{TITLE_END})。(?=\S)", needs="上"
)
#: A site's tag glued after a title word ("…讲话范文", "…讲话模板"); the title cleaner cuts it.
_SITE_TAG = "范文|范本|模板|模版|精选|精品"
#: A site's word for a sample it prints: a name ending in one and numbered ("城建环保范文一",
#: "【党建范文】（二）") captions a sample of a category, like a kind of speech numbered.
_SAMPLE_WORDS = ("范文", "范本", "模板", "样本", "例文")
#: A title run into its salutation: "…表彰大会上的讲话尊敬的各位…同志们：…", perhaps framed
#: by the page's brackets ("【…的讲话】各位校长、同志们："; the brackets are not the title's)
#: or followed by the site's tag ("…讲话范文尊敬的各位领导…："); the speaker and the day may
#: stand between title and address ("…的讲话王建华（2024年10月18日）各位领导，…："): a row
#: of their own (``meta``).  A document library's copy counter glued after the title word
#: ("…的讲话3尊敬的…", "…发言稿12各位…"; a preview, pool mining-dev30) is the file's name, not
#: the title's: dropped.
TITLED_SALUTATION = re.compile(
    r"^(?:[【\[［〔](?=[^】\]］〕]{4,100}[】\]］〕]))?"
    rf"(.{{4,100}}?{TITLE_END}(?:{_SITE_TAG})?)(?:\d{{1,2}}(?=\D))?[】\]］〕]?\s*"
    r"(?P<meta>[^\s。，！？：（）]{0,6}（[^（）]{4,20}）)?\s*"
    rf"(?={ADDRESS_OPENERS}|同志们)"
)
#: A title (with whatever the site glued to it) and, after its last space, the rest of the
#: line, which may be the address ("…的讲话 各位志愿者：", "…的讲话 - 某某网 同志们：", a
#: flattened page's head).
SPACED_SALUTATION = re.compile(r"^(.{4,100}?)\s+(\S{2,40})$")
#: A greeting after a fused salutation: "同志们：大家上午好！今天…".
#: A salutation broken over two lines ("各位领导、各位" / "同志："): a first piece this short,
#: joined with the next line, may form one.
SALUTATION_PIECE = 12
BROKEN_PIECE = re.compile(r"^(尊敬的|亲爱的|各位)|(、|，|和|及|各位|尊敬的|亲爱的)$")
#: A longer first piece (up to ``LONG_PIECE`` characters) when both its ends show it is an
#: address cut inside its list: it opens with an address opener and stops on a list mark or
#: an opener with nobody after it ("尊敬的…主任、各位来宾、各位" / "教练员、…：", a PDF's
#: column wrapping a guest list).
LONG_PIECE = 40
_CUT_LIST = re.compile(rf"^(?:{ADDRESS_OPENERS}).*(?:、|，|和|及|各位|尊敬的|亲爱的)$")
#: "主题句——在…会议上的讲话": a theme title with the occasion as subtitle.
SUBTITLE = re.compile(rf"^([^。！？；]{{4,40}}?)\s*(——.{{4,50}}?{TITLE_END})$")
#: A greeting on its own line under the address: "大家上午好！", or as Hong Kong and Taiwan
#: speakers greet, "各位早安！", "大家午安。".
GREETING = re.compile(rf"^({GREETED})?(?:({DAYTIME})?好|[早午晚]安)[！。]$")
#: The same after the address and a comma, closing the line ("亲爱的同学们，你们好！"): a line of
#: its own.  Before a colon it stays in the address ("同志们、队员们，大家好：").
TRAILING_GREETING = re.compile(rf"(?<=，)({GREETED})?({DAYTIME})?好[！。]$")

SIGNOFF = re.compile(alternation(SIGNOFF_WORDS))
CLOSING_STARTS = re.compile(
    rf"^({alternation(APPEAL_STARTS + SUMMING_UP)}|此时此刻|现在，从|诸位阁下|朋友们|最后，祝|"
    r"各位代表|(关于.{0,20})?我就讲(这些|这么多|到这里))"
)
CLOSING_ENDS = re.compile(rf"({alternation(APPEAL_ENDS)}|迎接.{{2,30}})[！。]$")


@dataclass
class Parsed:
    """A speech and what the parser noticed on the way."""

    speech: Speech
    notes: list[Note] = field(default_factory=list)
    body: list[str] = field(default_factory=list)


#: A whole title in brackets, alone or with a page heading after it ("【在…的讲话】在…的讲话"):
#: the bracketed line is the speech's own, what follows is the site's.
BRACKETED_TITLE = re.compile(
    rf"^[【\[［〔]([^】\]］〕]{{4,60}}?{TITLE_END})[】\]］〕](?:\s*\S|$)"
)


def _site_pieces_off(text: str) -> str:
    """A title without the pieces a space parts from it at either end that carry site words
    ("范文网 首页 讲话稿 在…的讲话", "在…的讲话 【打印】 【关闭】", "… 阅读(352) 评论(0)"), nor
    the symbols a page frames it with ("★ … ★").  A piece before the title that names only a
    kind of speech ("讲话稿"), or a breadcrumb's separator ("首页 > 讲话稿 > …"), goes with the
    site's pieces before it.  Whatever the pieces'
    words, the title proper is the piece that ends like a title, so a title with a space in it
    keeps both halves unless one half is the site's."""
    text = text.strip()
    while text and unicodedata.category(text[0]) == "So":
        text = text[1:].lstrip()
    while text and unicodedata.category(text[-1]) == "So":
        text = text[:-1].rstrip()
    pieces = text.split()
    if len(pieces) < 2:
        return text
    core = max((k for k, p in enumerate(pieces) if _TITLE_TAIL.search(p)), default=None)
    if core is None:
        return text
    site = next(
        (k for k, p in enumerate(pieces) if not (furniture_score(p) or _SEPARATOR_PIECE.match(p))),
        core,
    )  # "当前位置： 首页 …": the path's caption and first step
    if core > site and all(_COLUMN_PIECE.match(p) for p in pieces[site:core]):
        glued = None if core - site >= COLUMN_PATH else COLUMN_BEFORE_TITLE.match(pieces[core])
        if core - site >= COLUMN_PATH or glued:  # "统战报道 领导讲话 <title>": columns' names
            pieces = [pieces[core][glued.end() if glued else 0 :], *pieces[core + 1 :]]
            core = 0  # ("统战报道 领导讲话<title>": its last step glued on, nothing between)
    start, end = 0, len(pieces)
    while start < core and (
        furniture_score(pieces[start])
        or _bare_kind(pieces[start])
        or _SEPARATOR_PIECE.match(pieces[start])
        or _FIELD_PIECE.match(pieces[start])
    ):
        start += 1
    while end - 1 > core and (furniture_score(pieces[end - 1]) or _COUNTER.match(pieces[end - 1])):
        end -= 1
    if start and not any(
        furniture_score(p) or _SEPARATOR_PIECE.match(p) or _FIELD_PIECE.match(p)
        for p in pieces[:start]
    ):
        start = 0  # a kind of speech alone before the title: left to the category rules
    return " ".join(pieces[start:end])


#: Round 88: a site column's name, a path's step ("统战报道", "领导讲话", "学习园地"): a few
#: characters and a column's word for news, notices or the speeches it holds.
_COLUMN_PIECE = LazyPattern(
    r"^[^\W\d_a-zA-Z]{0,6}(?:新闻|新聞|资讯|資訊|动态|動態|要闻|要聞|报道|報道|论坛|論壇|公告"
    r"|园地|園地|讲话|講話|致辞|致辭|文章|范文|文献|文獻|资料|資料)$"
)
#: The fewest column names spaced before the title that make a path printed with spaces for
#: its separators ("当前位置： 首页 统战报道 领导讲话 <title>" once its caption and 首页 are
#: cut); one alone may be the title's own first half ("新春致辞 <theme>"), unless the path's
#: last step is glued to an occasion's title after it (``COLUMN_BEFORE_TITLE``, round 81:
#: "统战报道 领导讲话<title>" when nothing parted the rows).
COLUMN_PATH = 2


#: Round 88: a piece of the site's field row before the title's piece: a date or a clock time,
#: a field's name before it perhaps ("2017-04-29", "时间：2021-10-13", "08:23:59"), a bare
#: count ("248", views; not a year: "副市长在 2024 年…" is spaced so), a tag ("#教师节", after
#: a "标签：" field): "<title> 2017-04-29 发言稿 同志们：" leaves "2017-04-29 发言稿" before
#: the address, the date and the column's kind of speech, no title.
_FIELD_PIECE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,4}[：:])?(?:\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
    r"|\d{1,2}:\d{2}(?::\d{2})?)$|^(?!(?:19|20)\d\d$)\d{1,6}$|^#[^\s#]{1,12}$"
)
#: A piece that is only a menu's or breadcrumb's separator ("首页 > 讲话稿 > <title>"); a dash
#: is left out, since "—— 在…的讲话" is a subtitle's.
_SEPARATOR_PIECE = re.compile(r"^[>›»|｜/／]+$")
#: A piece that ends like a speech title (…讲话, …致辞).
_TITLE_TAIL = re.compile(rf"{TITLE_END}$")
#: A site's counter after a title: a short word and a number ("阅读（352）", "点击：126次").
_COUNTER = LazyPattern(r"^[\u4e00-\u9fff]{2,4}(?:[（(]\d+[)）]|[：:]\d+次?)$")


def clean_title(text: str) -> str:
    """A title without the aggregator's decorations."""
    text = _site_pieces_off(text)
    if bracketed := BRACKETED_TITLE.match(text):
        text = bracketed.group(1)
    if byline := TITLE_BYLINE.match(text):
        text = byline.group("title")
    for pattern in TITLE_NOISE:
        text = pattern.sub("", text).strip()
    return text.replace("、 ", "、")


def _is_title(text: str) -> bool:
    """A short unpunctuated line ending like a speech title (…讲话, …致辞), annotations aside;
    short once the site's row behind it is cut ("…的讲话 （2024-05-10 09：12：33） 转载▼
    标签：…", a blog's title row)."""
    if text.startswith("——") or re.search(r"[。！？；]", text) or starts_with_marker(text):
        return False
    cleaned = clean_title(text) if len(text) > 50 else ""
    return (
        (len(text) <= 50 or (META_TAIL.search(text) is not None and len(cleaned) <= 50))
        and not COMPILATION.search(text)
        and re.sub(r"（[^（）]{1,8}）$", "", cleaned or clean_title(text)).endswith(TITLE_ENDINGS)
    )


def _pre_body(speech: Speech, lines: list[str], fallback_title: str) -> tuple[int, str]:
    """Fill title, subtitle, speaker, date and salutation; return the first body line and the
    text that followed a salutation on its own line (the start of the first paragraph).

    The head of a unit runs down to the salutation (or, without one, to the first sentence);
    its title is the last title line in it, and the page's own lines above the title (plugin
    notices, repeated page headings, category captions) and the meta lines between title and
    salutation (a date, a site name) are left out."""
    i = 0
    title = ""
    sub = SUB_SPEECH.match(lines[0]) if lines else None
    end, addressed = _head(lines)
    if sub and not names_occasion(sub.group(1)):
        i = 1  # "优秀致辞（二）": a sample's caption; the speech's title, if any, is its marker's
    elif sub:
        title, i = sub.group(1), 1
    elif not addressed and end == 1 and _lone_speaker(unglossed(lines[0])):
        speech.speaker, i, fallback_title = lines[0], 1, ""  # a name alone over the text
    elif (choice := _choose_title(lines, end, addressed)) is not None and choice.caption:
        i, fallback_title = choice.at + 1, ""  # one sample of a collection: no title of its own
    elif choice is not None:
        title, subtitle, i = title_at(lines, choice.at)
        speech.subtitle = subtitle or speech.subtitle
    while title and i < len(lines) and clean_title(lines[i]) == clean_title(title):
        i += 1  # the page repeats its title above the speech
    if title and i < len(lines) and _is_name(lines[i]):
        speech.speaker, i = lines[i], i + 1
    if not title and (
        not _candidate(key := unglossed(fallback_title))
        or _STUDIED.search(key) is not None
        or (addressed and end == 0 and lines and fallback_title == lines[0])
    ):
        fallback_title = ""  # a compilation's header, a byline, a caption, the address: no title
    if title and not speech.speaker and (byline := TITLE_BYLINE.match(title)):
        speech.speaker = f"{byline.group('office')} {''.join(byline.group('name').split())}"
    speech.title = clean_title(title or fallback_title) or MISSING_TITLE
    salutation: list[str] = []
    rest = ""
    while i < len(lines):
        text = lines[i]
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if not salutation and addressed and i == end and (stop := _guest_list_end(lines, i)):
            salutation.extend(lines[i:stop])
            i = stop
            continue
        if not salutation and text.startswith("——") and len(unglossed(text)) <= 60:
            speech.subtitle = text  # measured without pinyin glosses, as ``_subtitled``
            if following and _subtitle_wrapped(text) and len(unglossed(text + following)) <= 60:
                speech.subtitle, i = text + following, i + 1
        elif not salutation and (
            BYLINE.match(text) or SPEAKER_TAG.match(text) or OFFICE_LINE.match(text)
        ):
            speech.speaker = text.lstrip(BYLINE_MARKS).strip()
        elif not salutation and i < end and not speech.subtitle and _english_title(text):
            speech.subtitle = text  # "Speech by …" under the English headline taken as title
        elif not salutation and (byline := _speaker_line(text)):
            speech.speaker, speech.date = byline.group("who"), byline.group("date")
        elif not salutation and DATE.match(text):
            speech.date = "".join(text.strip("（）()").split())
        elif is_salutation(text) or (
            salutation and (GREETING.match(text) or text in BARE_GREETINGS)
        ) or (
            not salutation and addressed and i == end and _placed_salutation(text, comma=True)
        ) or (
            addressed
            and i >= end
            and (
                (len(text) <= ADDRESSEE_ROW_CHARS and ADDRESSEE_ROW.match(text))
                or _CUT_ROW.match(text)
            )
            and not (following and _broken_salutation(text, following))
        ):
            if not salutation and (start := _rows_before_address(text)):
                text = text[start:]  # "篇1 各位嘉宾…：", "<office><name> 各位代表："
            closing = TRAILING_GREETING.search(text)
            salutation.extend((text[: closing.start()], closing.group()) if closing else [text])
        elif following and _broken_salutation(text, following):
            joined = LEADING_SALUTATION.match(text + following)
            head = joined.group(1) if joined else text + following
            salutation.append(head)
            rest = (text + following)[len(head) :].lstrip()
            i += 2
            break
        elif not salutation and (
            fused := LEADING_SALUTATION.match(text)
            or (
                COMMA_SALUTATION.match(text) or _opened_address(text)
                if i == end and addressed
                else None
            )
        ):
            head = fused.group(1)
            greeting = fused.groupdict().get("greeting")
            if greeting and len(greeting) > 1:  # 同学们教师节好！: address, then greeting
                salutation.append(head[: fused.start("greeting")])
                head = head[fused.start("greeting") :]
            salutation.append(head)
            rest = text[fused.end() :]
            i += 1
            break
        elif not salutation and i == end and addressed and (comma := _comma_fused(text)):
            salutation.append(text[:comma])  # "各位老师，大家好！…": the comma stood for a colon
            rest = text[comma:].lstrip()
            i += 1
            break
        elif not salutation and i < end:
            pass  # a meta line between the title and the salutation: the site's, not the speech's
        else:
            break
        i += 1
    if rest and (greeting := LEADING_GREETING.match(rest)):
        salutation.append(greeting.group())  # 同志们：大家上午好！今天…
        rest = rest[greeting.end() :].lstrip()  # "…：你们好！ 今年…": the space was a break
    # A title's closing bracket left before the address ("…的讲话】各位同仁、同志们：") is the
    # title's frame, not the address's.
    speech.salutation = "\n".join(salutation).lstrip("】]］〕") or None
    return i, rest


#: A byline: an office and the speaker's name ("最高人民法院院长某某某").
_OFFICE_NAME = LazyPattern(rf"^[\u4e00-\u9fff]{{0,16}}?{OFFICES}[\u4e00-\u9fff]{{2,3}}$")


def _head_row(piece: str) -> bool:
    """A piece of a head line that is a row of the head of its own, never an addressee: a
    sample's number, a byline, a speaker's name, the day."""
    return bool(
        BARE_SAMPLE.fullmatch(piece)
        or BYLINE.match(piece)
        or SPEAKER_TAG.match(piece)
        or OFFICE_LINE.match(piece)
        or _OFFICE_NAME.match(piece)
        or _speaker_line(piece)
        or DATE.match(piece)
        or (_is_name(piece) and not is_salutation(f"{piece}："))
    )


def _rows_before_address(text: str) -> int:
    """Round 72: where the address starts in a salutation line that a flattened or wrapped
    copy ran the head's last rows into, parted by single spaces ("篇1 各位嘉宾，同志们：",
    "<office><name> 各位代表：", "<name> （<day>） <addressees>："): after the leading pieces
    that are rows of their own (``_head_row``) while what follows still reads as an address;
    0 for any other line (an address with spaces in its list stays: "某会的各位理事 各位来宾：")."""
    start = 0
    for row in _ROW_BREAK.split(text)[:-1]:
        if not _head_row(row):
            break
        start = len(text) - len(text[start + len(row) :].lstrip())
    while start and not (is_salutation(text[start:]) or _placed_salutation(text[start:])):
        start = text.rfind(" ", 0, start - 1) + 1  # give the last row back to the address
    return start


#: A speaker's name set on a line of its own over a title that starts with the occasion
#: ("张某某同志" / "在…上的讲话", the name perhaps letter-spaced): the title's first words, as
#: pages print it whole ("张某某同志在…上的讲话").
NAME_OVER_TITLE = LazyPattern(r"^[\u4e00-\u9fff]{2,4}同志$", needs="志")


def title_at(lines: list[str], at: int) -> tuple[str, str, int]:
    """The title that starts at line ``at`` (a theme with its "——在…的讲话" on one line, or a
    title wrapped over two lines, read whole), the subtitle on its line if any, and the line
    after it."""
    theme = SUBTITLE.match(lines[at])
    if theme:  # 主题句——在…会议上的讲话 on one line
        head, occasion = theme.group(1), theme.group(2)
        glued = occasion.lstrip("—")
        if head.startswith(glued) and len(head) > len(glued) + 3:
            head = head[len(glued) :]  # "在…的讲话主题——在…的讲话": a file's name glued before
        return head, occasion, at + 1
    if at + 1 < len(lines) and (
        _wrapped_title(lines[at], lines[at + 1], _subtitled(lines, at + 1))
        or _printed_whole(lines, at)
    ):
        title, after = lines[at] + lines[at + 1], at + 2
    elif at + 1 < len(lines) and _theme_pair(lines, at):
        title, after = f"{lines[at].strip()} {lines[at + 1].strip()}", at + 2
    else:
        title, after = lines[at], at + 1
    if at and title.startswith("在") and NAME_OVER_TITLE.match(lines[at - 1]):
        title = lines[at - 1] + title  # "某某同志" / "在…上的致辞": one title set on two lines
    number = SAMPLE_NUMBER.search(title)
    if number and _is_title(title[: number.start()]):
        title = title[: number.start()]  # "在…会上的讲话（一）": an occasion's sample number
    return title, "", after


#: One addressee on a row of its own over the rest of the address, with no mark after it
#: ("同乡会的各位理事" / "各侨团的各位领导" / "校长、老师、同学们："): an address opener, or a
#: body's 各位, then a word for people.
ADDRESSEE_ROW = LazyPattern(
    rf"^(?:{ADDRESS_OPENERS}|[^\s\W\d_a-zA-Z]{{1,8}}的各位)[^。，！？；：、\s]{{0,10}}{PERSON_END}$",
    needs="尊亲各广",
)
#: The longest such row (the pattern's own bound), a cheap test before it.
ADDRESSEE_ROW_CHARS = 24
#: A greeting on a line of its own under a salutation ("大家晚上好！", "大家新年好！").
_OWN_GREETING = LazyPattern(
    rf"^(?:{GREETED})?(?:{DAYTIME}|新年|新春)?好[！。]$", needs="好"
)
#: The fewest rows of a guest list printed one guest a row over the greeting.
GUEST_ROWS = 3
#: The longest such row ("宗乡会馆联合总会 会长 某某某先生", "各位…董事、…理事、…董事").
GUEST_ROW_CHARS = 40
_GUEST_ROW_END = re.compile(rf"{PERSON_END}[，：、]?$")


def _guest_rows(lines: list[str], greeting: int) -> int:
    """Where a guest list printed over rows right above a greeting line starts (``greeting``
    itself when there is none): Singapore and Hong Kong pages name the guests one a row, with
    no mark, a comma or a list's 、 after each ("…会馆 会长 某某博士" / "各位同僚" / "各位来宾，" /
    "大家晚上好！").  A row is short, has no sentence mark and opens with 各位 or ends with a
    word for people; one row wholly in Latin letters, no digits, may head the list ("Guest of
    Honour, …").  The last row must end with a word for people and at least ``GUEST_ROWS`` rows
    name Chinese guests, so a title or a date over a greeting never reads as one."""
    if not (0 < greeting < len(lines) and _OWN_GREETING.match(lines[greeting])):
        return greeting
    if not _GUEST_ROW_END.search(lines[greeting - 1]):
        return greeting
    start = greeting
    while start:
        row = lines[start - 1]
        if len(row) > GUEST_ROW_CHARS or re.search(r"[。！？；.!?;]|：.", row):
            break
        if not _has_han(row):
            if greeting - start >= GUEST_ROWS and not any(c.isdigit() for c in row):
                start -= 1  # an English row heads the list (a date's digits never do)
            break  # nothing above a Latin row belongs to the list
        if not (row.startswith("各位") or _GUEST_ROW_END.search(row)) or _is_title(row):
            break
        start -= 1
    return start if greeting - start >= GUEST_ROWS else greeting


#: A row of an address broken mid-list, its list mark kept at the row's end ("尊敬的…主席某某
#: 先生、", "来自…的领导们、"), however the row opens: a word for people before the mark; a
#: title never ends so.
_CUT_ROW = LazyPattern(
    rf"^[^。！？；：，\s]{{1,{GUEST_ROW_CHARS}}}?{PERSON_END}[、，]$", needs="、，"
)


def _rows_above(lines: list[str], k: int) -> int:
    """Where an address found at line ``k`` starts when rows of addressees print it over
    several lines ("某某会的各位理事" / "校长、老师、同学们：": one address), a row perhaps
    ending on the list's mark and opening with no address word ("尊敬的…先生、" / "来自…的
    领导们、" / "各位理事、乡亲们，", a Singapore minister's address in four rows, pool
    mining-dev25)."""
    while k and (ADDRESSEE_ROW.match(lines[k - 1]) or _CUT_ROW.match(lines[k - 1])):
        k -= 1
    return k


def _guests_over(lines: list[str], k: int) -> int:
    """Where the address found at line ``k`` starts when it is the last row or two of a guest
    list over a greeting line ("各位外交使节" / "各位来宾，" / "大家晚上好！")."""
    for greeting in (k + 1, k + 2):
        if greeting < len(lines) and _OWN_GREETING.match(lines[greeting]):
            return min(k, _guest_rows(lines, greeting))
    return k


def _guest_list_end(lines: list[str], at: int) -> int:
    """The greeting line under a guest list of rows starting at ``at`` (``_guest_rows``), or 0."""
    for k in range(at + GUEST_ROWS, min(len(lines), at + HEAD_LINES)):
        if _OWN_GREETING.match(lines[k]):
            return k if _guest_rows(lines, k) == at else 0
    return 0


#: How far down a unit its head can reach: title, meta rows, a lead-in, site lines, salutation.
HEAD_LINES = 12
#: Lines with a sentence end over an address this many or more, on a hard-wrapped page (a
#: book's or a PDF's text, not a news report's lead in long lines): the page starts inside
#: the speech and the address is a vocative in its text ("同志们：目前，…" in its last part).
BODY_ABOVE = 3
#: An address by its words right over the first sentence ends a head this long (a government
#: site's banner of a dozen lines, its headline, date and section over the speech).
FAR_HEAD_LINES = 24
_SENTENCE_MARK = re.compile(r"[。！？；]")


def opens_with_salutation(text: str) -> bool:
    """A line that is, or opens with, an address to the audience."""
    return is_salutation(text) or bool(LEADING_SALUTATION.match(text))


def _head(lines: list[str]) -> tuple[int, bool]:
    """Where the head of a unit ends: (index of the salutation, True), or without one
    (index of the first sentence or numbered point, False)."""
    sentences = clauses = 0
    for k, text in enumerate(lines[:HEAD_LINES]):
        if starts_with_marker(text):
            break
        following = lines[k + 1] if k + 1 < len(lines) else ""
        if opens_with_salutation(text) or (following and _broken_salutation(text, following)):
            if sentences >= BODY_ABOVE and wrap_width([(0, line) for line in lines]):
                break  # "同志们：…" under wrapped lines of the speech's text: a vocative in it
            return _guests_over(lines, _rows_above(lines, k)), True
        if (
            not sentences
            and (COMMA_SALUTATION.match(text) or _opened_address(text) or _comma_fused(text))
            # Round 64: not under lines of a hard-wrapped text with clauses and no sentence end
            # yet ("…的落" / "实，加强煤" / "矿事故应急救援管理， 深入…"): a clause, not an address.
            and not (clauses >= BODY_ABOVE and wrap_width([(0, line) for line in lines]))
        ):
            return k, True  # "同志们，今年…" first under the title: an address with a comma
        sentences += bool(_SENTENCE_MARK.search(text))
        clauses += "，" in text
    last = len(lines) - 1  # an address the excerpt cuts off ends the head as a sentence would
    first = next(
        (
            k
            for k, t in enumerate(lines)
            if _SENTENCE_MARK.search(t)
            or starts_with_marker(t)
            or PART_NAME.match(t)  # "引言" right under the title block: the text's first part
            or (k == last and CUT_ADDRESS.match(t))
        ),
        len(lines),
    )
    first = _issued_start(lines, _wrapped_start(lines, first))
    if 0 < first < len(lines) and lines[first - 1] in BARE_GREETINGS:
        first -= 1  # "下午好" that lost its mark opens the text as "下午好！" would
    if 2 < first <= HEAD_LINES and lines[first - 1] in lines[: first - 1]:
        first -= 1  # the title printed again under the address ("各位老师，同学" / <title>)
    if first <= FAR_HEAD_LINES and (guests := _guest_rows(lines, first)) < first:
        return guests, True  # guests named a row each over "大家晚上好！"
    if (1 < first <= HEAD_LINES and _placed_salutation(lines[first - 1], comma=True)) or (
        HEAD_LINES < first <= FAR_HEAD_LINES and is_salutation(lines[first - 1])
    ):  # an address right over the first sentence, under a government site's long banner
        return _rows_above(lines, first - 1), True
    if first == 1 and _greeted_first_line(lines):
        return 0, True
    return first, False


def _greeted_first_line(lines: list[str]) -> bool:
    """The page's first line a list of addressees that lost its colon, a greeting on the line
    under it ("尊敬的各位老师，各位家长，亲爱的同学们" / "大家下午好！", a resource site's
    untitled page in set-aside 23): the address, not the title; the greeting tells it from a
    title that happens to end with a word for people.  One addressee opened by a word of
    address (``ADDRESSEE_ROW``: "尊敬的家长朋友" / "你们好！", a kindergarten's page in pool
    mining-dev26) is one as well: no title opens with 尊敬的 or 亲爱的 and greets under it."""
    key = "".join(unglossed(lines[0]).split())
    return (
        len(lines) > 1
        and (
            _unmarked_list(key)
            or (len(key) <= ADDRESSEE_ROW_CHARS and ADDRESSEE_ROW.match(key) is not None)
        )
        and (GREETING.match(lines[1]) is not None or LEADING_GREETING.match(lines[1]) is not None)
    )


#: A greeting on a line of its own that lost its mark ("下午好", "大家好"): the first words of
#: the text, as the greeting with its mark would be.
BARE_GREETINGS = frozenset(
    f"{who}{time}好" for who in ("", *GREETED.split("|")) for time in ("", *DAYTIME.split("|"))
) - {"好"}


#: How many lines under the first sentence a speech's own title block may stand when a notice
#: issuing the speech is printed over it (the notice's text, its issuer, its date).
NOTICE_LINES = 6


def _issued_start(lines: list[str], first: int) -> int:
    """Where a speech without an address starts when the notice that issues it comes first
    ("现将…同志的讲话印发给你们…" / issuer / date / <title> / "——某某在…上的讲话" / date /
    text): the first sentence under its title block, the title a line that holds no sentence
    right over a "——" subtitle naming the kind of speech (``_subtitled``); else ``first``.
    Only lines opening with the dash are looked at."""
    for k in range(first + 1, min(len(lines), first + NOTICE_LINES + 1)):
        if not lines[k].startswith("——"):
            continue
        if not (_subtitled(lines, k - 1) and _title_shaped(lines[k - 1])):
            return first
        start = k + 1
        while start < len(lines) and not _SENTENCE_MARK.search(lines[start]):
            start += 1
        return start
    return first


def _wrapped_start(lines: list[str], first: int) -> int:
    """Where the text starts when the lines over the first sentence (``first``) are pieces of
    it, hard-wrapped: each holds a clause break, ends unterminated and fills the page's wrap
    width ("…思想，学习生产知识、军事" / "知识和…活动。"), on a page that starts in the middle of
    a speech, with no title and no address.  The cheap tests first; the width once."""
    width: int | None = None
    while 0 < first < len(lines) and _may_be_piece(lines[first - 1], lines[first]):
        if width is None:
            width = wrap_width([(0, line) for line in lines]) or 0
        if not width * NEARLY_FULL <= len(lines[first - 1]) <= width:
            break
        first -= 1
    return first


def _may_be_piece(text: str, following: str) -> bool:
    """A line that may be a wrapped sentence's first piece, by its own characters."""
    return "，" in text and not text.endswith(TERMINALS) and not starts_with_marker(following)


#: An address opened by a word of address and closed by a colon, run into the first sentence
#: ("各位村支书：秋收已经过半，…。"), whatever word it uses for the audience.
_OPENED_ADDRESS = re.compile(
    rf"^((?:{ADDRESS_OPENERS})[^。！？：，；\s\d]{{1,14}}：)\s*(?=\S[^。！？]{{4,}}[，。！？])"
)


#: An address whose colon a comma took, run on into its greeting or, after a space (where
#: the line broke), into the first sentence ("各位老师，大家好！…", "各位校长、园长，同志们，大家
#: 下午好。…", "各位亲爱的市民， 爆竹一声…"): a comma so followed ends the address when the words
#: before it, with a colon, are one by their words (``is_salutation``) or by their shape
#: (``_placed_salutation``).  Within the line's first ``COMMA_FUSED_CHARS`` characters.
_COMMA_BREAK = re.compile(rf"，(?=\s*(?:{GREETED})?(?:{DAYTIME})?好[！，。]|\s+\S)")
COMMA_FUSED_CHARS = 60


def _comma_fused(text: str) -> int:
    """Where such an address ends (after its comma) on a line it opens, or 0."""
    if "，" not in text[:COMMA_FUSED_CHARS]:
        return 0
    for found in _COMMA_BREAK.finditer(text, 0, COMMA_FUSED_CHARS):
        address = text[: found.start()]
        if _LATIN.search(address) or address.endswith(("好", "安")):
            return 0  # English prose ("Speech by …, Minister …"); a greeting ("大家晚安，大家好！")
        if is_salutation(address + "：") or _placed_salutation(address + "："):
            return found.end()
    return 0


_LATIN = re.compile("[A-Za-z]")


def _opened_address(text: str) -> re.Match[str] | None:
    """Such an address, when it has the shape of one read by its place (``_placed_salutation``:
    no field name, caption or site word)."""
    found = _OPENED_ADDRESS.match(text)
    return found if found and _placed_salutation(found.group(1)) else None


#: The longest line read as a salutation by its place alone.
PLACED_SALUTATION_CHARS = 24
#: Field names a page prints with a colon before a value on the next line: a meta row ("授课人：",
#: "主讲人：", "作者：", "摘要：").
_FIELD_WORDS = (
    r"(?:(?!各位|亲爱的|尊敬的|广大)[^、]{1,2}人|"
    r"[^、]{0,4}(?:作者|编辑|来源|出处|时间|日期|地点|摘要|"
    r"关键词|标签|主题|内容|题目|标题|提纲|背景|附件|说明|备注|原文|译文|引言|导语|前言|"
    r"编者按|按语|题记|附记))"
)
_FIELD_NAME = LazyPattern(rf"^{_FIELD_WORDS}：$")
#: The same field names in a book's square brackets before their value on the same line
#: ("【致辞人】某某委", "【致辞背景】…动员大会致辞", "【时间】…": a book of model speeches in
#: set-aside 23): the book's apparatus, never the title, nor half of one wrapped over two rows.
_BRACKETED_FIELD = LazyPattern(
    rf"^【(?:{_FIELD_WORDS.replace('[^、]', '[^、】]')})】\S", needs="【"
)

#: A document database's field rows over the text, each name glued to its value with no colon
#: ("发文机关某某院", "时效性现行有效", "施行日期2017年…": a law library's page of a work report,
#: pool mining-dev27): the library's record, never the title.  The names are those of such
#: records: the issuing body, the document number, the dates and the document's validity.
_GLUED_FIELD = LazyPattern(
    r"^(?:(?:发文|颁布|公布|发布|施行|实施|生效|失效)(?:机关|单位|字号|日期)|时效性|效力(?:级别|等级))"
    r"(?!：)\S{2,24}$"
)


#: Round 59: a news photo's credit opening a head row ("本报记者某某摄□某某", "记者某某、某某摄
#: …"): a flattened page's caption, run on into the speaker's name under it (real page m2209
#: under flatten_tight), never the title.  A title never opens with who took the picture.
_CREDIT_LEAD = LazyPattern(
    r"^(?:新华社|本报|本台|本刊|特约)?(?:记者|摄影|通讯员)\s*[^\W\d_a-zA-Z]{2,4}"
    r"(?:\s*[、，]\s*[^\W\d_a-zA-Z]{2,4})*\s*[/／]?\s*摄",
    needs="摄",
)

#: One of several addressees a comma parts: it opens with a word of address or ends with a
#: word for people ("尊敬的王院长", "各位专家", "老师们"); "今天，我讲三点意见：" has neither.
_ADDRESSEE_PIECE = re.compile(rf"^(?:{ADDRESS_OPENERS}|全体|在座的)|(?:{PERSON_END})$")


#: An addressee that ends with a word for people ("各位领导", "同学们"; not a bare "各位").
_PERSON_PIECE = LazyPattern(rf"(?:{PERSON_END})$")


def _unmarked_list(key: str) -> bool:
    """Addressees listed without a closing mark ("各位领导、老师们、同学们"): two or more pieces
    parted by 、 or ，, each ending with a word for people, one of them plural (…们, 各位)."""
    pieces = re.split(r"[、，]", key)
    return (
        len(key) <= PLACED_SALUTATION_CHARS
        and len(pieces) >= 2
        and all(_PERSON_PIECE.search(p) for p in pieces)
        and ("们" in key or "各位" in key)
        and not re.search(r"[。！？；：\d]", key)
    )


#: A line about the text, not to the audience: it names a kind of speech ("市长讲话：") or
#: announces what follows ("讲话全文如下：").
_ABOUT_THE_TEXT = LazyPattern(rf"{TITLE_END}|如下：$")


#: The fewest groups of addressees a comma parts in a long placed salutation, and its longest.
LISTED_GROUPS = 3
LISTED_GROUPS_CHARS = 80


def _listed_groups(key: str) -> bool:
    """A long line addressing several groups by their place, with no address word ("驻地各部队、
    武警官兵，民兵预备役人员，离退休干部以及全市烈军属："): three or more groups parted by
    commas, each ending with a word for people, no sentence, digit, title word or site word."""
    groups = key[:-1].split("，")
    return (
        len(key) <= LISTED_GROUPS_CHARS
        and len(groups) >= LISTED_GROUPS
        and not re.search(r"[。！？；\d]", key)
        and all(_PERSON_PIECE.search(g) for g in groups)
        and not _ABOUT_THE_TEXT.search(key)
        and not furniture_score(key)
    )


def _placed_salutation(text: str, comma: bool = False) -> bool:
    """A line that addresses the audience by its place, whatever words it uses ("全体参训学员：",
    "诸位同仁：", "各位街坊邻居："): it is the last head line, under the title and right above
    the first sentence of the body, short, ending in a colon, with no sentence, digit or site
    word in it, and not a byline, a caption or a field name waiting for its value; addressees
    a comma parts must each look like one ("尊敬的王院长，各位专家：").  A list of addressees
    may have lost its colon altogether (``_unmarked_list``).  With ``comma``, the colon may be
    printed as a comma ("各位嘉宾，各位选手，", round 47): a head line that ends on a comma
    right over the first sentence is no title nor meta row, which never end so."""
    key = "".join(unglossed(text).split())
    if not key.endswith("：") and _unmarked_list(key):
        return True
    if comma and key.endswith("，") and len(key) > 2:
        key = key[:-1] + "："
    if len(key) > PLACED_SALUTATION_CHARS:
        return key.endswith("：") and _listed_groups(key)
    return (
        len(key) > 2
        and key.endswith("：")
        and not re.search(r"[。！？；\d]", key)
        and ("，" not in key or all(_ADDRESSEE_PIECE.search(p) for p in key[:-1].split("，")))
        and not starts_with_marker(key)
        and not _FIELD_NAME.search(key)
        and not _ABOUT_THE_TEXT.search(key)
        and not CAPTION.match(key)
        and not BYLINE.match(key)
        and not OFFICE_LINE.match(key[:-1])
        and not furniture_score(key)
    )


#: A single space between two non-spaces: where a flattened head had a line break (a wider
#: space stays inside its row: "县委副书记  刘建国").
_ROW_BREAK = re.compile(r"(?<=\S) (?=\S)")


def _head_rows(head: str) -> list[str]:
    """The rows of a head run into one line before its address: the whole head when it is a
    title with whatever the site glued to it; else its pieces parted by single spaces when
    one of them is a title (title, speaker, date, subtitle: "…的讲话 刘建国") or the first
    is a site path ending in its separator (over a collection's name and a sample number);
    else none."""
    if _is_title(clean_title(head)):
        return [head]
    return _spaced_rows(head)


def _spaced_rows(head: str) -> list[str]:
    """A head line's rows parted at single spaces when one is a title or a subtitle ("——某某
    在…上的发言", under a headline that names no genre), or a byline ("——<日期>在…会议上
    <…副委员长某某某>", a page printed from its subtitle), or the first is a site path; else
    none."""
    rows = _crumb_kept(row for row in _ROW_BREAK.split(head) if row.strip())
    if len(rows) > 1 and (
        CRUMB.match(rows[0][-1])
        or any(_is_title(clean_title(row.lstrip("—"))) or _speaker_line(row) for row in rows)
    ):
        return rows
    return []


def _rows_over_title(text: str) -> list[str]:
    """The rows of a flattened head line whose last row is the title, with the site's rows
    above it ("资料获取须知： 1、…需扣除相应金币… 2、…解压… <title>"), parted at single spaces
    and the site's rows dropped as they would be on lines of their own, numbered rows with
    them; [] for a line that is a title itself, has no title row last or no site row above
    it (a title printed with a space inside it: "提高认识 严格标准 …——在…的讲话")."""
    if " " not in text or _is_title(text):
        return []
    rows = _spaced_rows(text)
    if not rows or not _is_title(clean_title(rows[-1])):
        return []
    kept = [row for row in rows[:-1] if not is_furniture(row, edge=True)]
    if len(kept) == len(rows) - 1:
        return []
    # The site's numbered notes go together: a note with fewer site words than the first
    # ("2、获取后请及时解压") is no point of a speech that has not begun.
    return [*(row for row in kept if not starts_with_marker(row)), rows[-1]]


def _crumb_kept(rows: Iterable[str]) -> list[str]:
    """Rows with a breadcrumb's pieces back on one row: a site path parted by ">" has single
    spaces inside it too ("您的位置：某某网 > 致辞 >开学典礼 >"), and its pieces one by one
    would each pass for a head line ("致辞" for a title).  The crumb runs to its last
    separator (>, › or »)."""
    rows = list(rows)
    last = max((k for k, row in enumerate(rows) if CRUMB.search(row)), default=-1)
    return [" ".join(rows[: last + 1]), *rows[last + 1 :]] if last > 0 else rows


#: A note in brackets after a title, on a row of its own once parted ("（摘要）", a date).
_NOTE_PIECE = re.compile(r"^[（(][^（）()]{1,20}[)）]$")


def _meta_piece(text: str) -> bool:
    """A piece of a head line that is a meta row's: a note or date in brackets, a date, an
    office with a name, an office alone, or a bare name."""
    return bool(
        _NOTE_PIECE.match(text)
        or DATE.match(text)
        or BYLINE.match(text)
        or OFFICE_LINE.match(text)
        or _OFFICE_PIECE.match(text)
        or _is_name(text)
    )


#: An office of any body, by its last word ("省慈善总会会长", "县政协副主席").
_OFFICE_PIECE = LazyPattern(r"^[^\s，。：]{1,14}(?:长|书记|主任|主席|委员|理事)$")


#: Longest caption run before an address on a flattened line ("【安全生产范文】一").
CAPTION_BEFORE_ADDRESS = 20


def _captioned_salutation(before: str, address: str) -> bool:
    """A line that is a short caption with no sentence in it, a space and an address that is
    one by its words ("【…范文】一 同志们：", "篇1 各位老人、各位来宾："): a flattened page's
    sample caption over the speech's address.  An addressee before the space ("各位领导
    同志们：", "尊敬的各位来宾 女士们、先生们：") makes the line one address."""
    return (
        len(before) <= CAPTION_BEFORE_ADDRESS
        and not _SENTENCE_MARK.search(before)
        and not _ADDRESSEE_PIECE.search(before)
        and is_salutation(address)
    )


def _title_with_meta(text: str) -> list[str]:
    """The rows of a head line that runs a title and its meta rows together, parted by single
    spaces ("在…的讲话 （摘要） 省某某会会长 某某某 （2009年4月30日）"): the title first, then
    only meta pieces; [] for any other line."""
    rows = [row for row in _ROW_BREAK.split(text) if row.strip()]
    if len(rows) < 2 or not _is_title(clean_title(rows[0])):
        return []
    return rows if all(_meta_piece(row) for row in rows[1:]) else []


#: A head line longer than any title that runs titles together ("<page title>发言稿与<other
#: title>发言稿<the document's title>发言文稿", a site's page title glued onto the document's):
#: each title ending inside it, with its note ("（送审稿）"), that no phrase carries on from
#: ("…讲话精神", "…讲话中", "…动员大会").
GLUED_TITLE_END = LazyPattern(
    rf"{TITLE_END}(?:{_SITE_TAG}|文稿)?(?:（[^（）]{{1,8}}）)?"
    r"(?!精神|中|时|里|的|和|及|要求|指出|强调|大?会|部署)"
)
#: The longest title; a longer head line with no sentence in it is looked at for glued titles.
GLUED_TITLES_CHARS = 50


def _glued_titles(text: str, longer_than: int = GLUED_TITLES_CHARS) -> list[str]:
    """The head line parted before its last title when it runs several together, the last one
    naming an occasion: [earlier titles, last title]; [] for any other line.  Only a line
    longer than ``longer_than`` is looked at (any other may be one long title), unless its
    end is known to be a title's."""
    if _SENTENCE_MARK.search(text):
        return []
    short = len(text) <= longer_than
    for end in reversed([m.end() for m in GLUED_TITLE_END.finditer(text)]):
        last = text[end:].lstrip("与和及 ")
        if len(last) < TITLE_PIECE_CHARS:
            continue  # the line's own ending ("…的发言文稿")
        if short and not (
            _OCCASION_TITLE.match(last) and len(text[:end]) >= TITLE_PIECE_CHARS
        ):
            break
        if len(last) <= GLUED_TITLES_CHARS and names_occasion(last) and _is_title(last):
            return [text[:end], *_dated_title_rows(last)]
        break
    return []


#: A whole occasion title, "在…上的讲话" ("在…时的致辞"): glued after another title on a short
#: line (a flattened head, "…会议讲话在区…会议上的讲话"), it is a title of its own.
_OCCASION_TITLE = LazyPattern(rf"^在[^在\s]{{4,40}}?(?:上|时|時)的[^\s]{{0,4}}?{TITLE_END}$")


#: A document's date before its title, placeholders allowed ("201X/X/XX", "2019年5月6日"), and
#: its speaker after it ("xxx同志讲话", "张某某同志"), glued on a Word file's head line.
_GLUED_DATE = LazyPattern(
    rf"(?:^|(?<=[{_TITLE_LAST}]))(?:19|20)[\dXx×]{{2}}(?:[/.\-年][\dXx×]{{1,2}}){{2}}日?",
    needs="12",
)
_GLUED_SPEAKER = LazyPattern(
    rf"(?<=[{_TITLE_LAST}])((?:[Xx×]{{2,3}}|[^\W\d_a-zA-Z]{{2,3}})同志)(?:讲话)?$", needs="同"
)


def _dated_title_rows(text: str) -> list[str]:
    """A glued title's rows: what stands before its date (a file's name), its date, the title
    itself, its speaker, each found."""
    date = _GLUED_DATE.search(text)
    rows = [r for r in (text[: date.start()], date.group()) if r] if date else []
    text = text[date.end() :] if date else text
    speaker = _GLUED_SPEAKER.search(text)
    if speaker and names_occasion(text[: speaker.start()]):
        return [*rows, text[: speaker.start()], speaker.group(1)]  # the name: who speaks
    return [*rows, text]


#: A title, then who gave it and when in brackets, glued onto the text with no address
#: between ("…的讲话提纲王某〔2022年8月16日〕区委、区政府…": a document library's tag page
#: flattened to one line, another document's title glued before it, pool mining-setaside22):
#: the title (group 1, perhaps several run together), the byline row (``meta``), the opening.
DATED_OPENING = LazyPattern(
    rf"^([^，。！？：]{{4,100}}?{TITLE_END})\s*"
    r"(?P<meta>[^\W\d_a-zA-Z]{0,4}[（〔【\[][^（）〔〕【】\[\]]{0,12}?\d{1,4}年"
    r"[^（）〔〕【】\[\]]{0,10}[）〕】\]])\s*(?=[^。！？]{4,}[，。！？])",
    needs="年",
)


#: A byline with the salutation run onto the speaker's name ("…常务委员会主任 李某各位代表：",
#: a print-derived page that lost the break after the name): the office, a space, a name of two
#: or three characters (where the match ends), then the address, which must read as one.
BYLINE_SALUTATION = LazyPattern(
    rf"^(\S{{0,30}}?{OFFICES}\s+[\u4e00-\u9fff]{{2,3}}?)(?=(?:{ADDRESS_OPENERS}|同志们)\S*：$)",
    needs="：",
)


def _byline_salutation(text: str) -> int | None:
    """Where the address starts in a byline with the salutation run onto it, or None."""
    found = BYLINE_SALUTATION.match(text)
    return found.end() if found and is_salutation(text[found.end() :]) else None


#: Where an address may open inside the line above the one it was cut onto.
_ADDRESS_OPENER = LazyPattern(rf"(?:{ADDRESS_OPENERS})", needs="尊亲各广")
#: The longest piece of an address a wrap leaves on the next line ("爱的同仁们：").
CUT_ADDRESS_TAIL = 30
#: Marks a line of the head ends with when it is a row of its own, not cut by a wrap.
_ROW_END = ("。", "！", "？", "：", "，", "、", "；", "）", "”", "…")


def _rejoin_cut_address(lines: list[tuple[int, str]]) -> None:
    """An address a hard wrap cut across two lines of the head (round 49: a PDF's text layer,
    a narrow column): "…的讲话尊敬的各位劳动模范、优秀工作者、亲爱" / "的同志们：大家好！…",
    "…齐心启新程！各位老师，亲" / "爱的同仁们：".  The line below opens with the address's
    tail up to its colon, itself no address's start; the line above runs on without a mark
    and holds an address word from which the two pieces read as one address; it is no short
    row (a roll call prints one addressee to a row, unmarked, and a wrap fills its lines).
    The address is made whole on the upper line, as a head run into its address is printed
    ("…的讲话尊敬的…同志们："), and read as such a line is; the rest stays below."""
    for k in range(1, min(len(lines), HEAD_LINES)):
        above, text = lines[k - 1][1], lines[k][1]
        colon = text.find("：", 0, CUT_ADDRESS_TAIL)
        if (
            colon < 1
            or len(above) < MIN_WRAPPED  # a short row ("各侨团的各位领导" / "校长、…："): no wrap
            or above.endswith(_ROW_END)
            or text.startswith(ADDRESS_OPENING)
        ):
            continue
        tail = text[: colon + 1]
        if any(mark in tail for mark in "。！？；"):
            continue
        for opener in _ADDRESS_OPENER.finditer(above, max(0, len(above) - LONG_SALUTATION_CHARS)):
            cut = above[opener.start() :]
            address = cut + tail
            if is_salutation(address):
                rest = text[colon + 1 :].lstrip()
                rows = [(lines[k][0], rest)] if rest else []
                lines[k - 1 : k + 1] = [(lines[k - 1][0], above + tail), *rows]
                return


#: Round 74: the longest tail of a head's row (a title, a byline's name, a date) a hard wrap
#: carried onto the address's line ("…印台区委常委、副区长" / "王九鸣同志们：…").
CUT_ROW_TAIL = 16
#: Where the address may start after that tail: a word that opens an address, or the
#: audience's own word ("同志们：").
_ADDRESS_AFTER_TAIL = LazyPattern(
    rf"(?:{ADDRESS_OPENERS}|(?:{alternation(GROUP_ADDRESS)})[：，、])"
)


def _rejoin_cut_head_row(lines: list[tuple[int, str]]) -> None:
    """A row of the head a hard wrap cut across two lines, its tail run into the address on the
    next ("…在全区招商引资工作推进会上的讲话陕西省…副区长" / "王九鸣同志们：今天下午…",
    "…（根据录音整理）刘" / "和平同志们：…"): a page whose wrap started above its address cuts
    the title, the speaker's byline or the date wherever the width falls.  The line below opens
    with a short piece (no sentence end, no colon) and then an address up to its colon; the
    line above runs on without a mark or a title's last word (a title printed whole is a row of
    its own: "…誓师大会上讲话" / "尊敬各位校领导，…：" keeps its address whole), fills the page's
    wrap width and holds no word an address opens with (that is a cut address,
    ``_rejoin_cut_address``).  The piece goes back onto the line above; the address and what
    follows stay below, as a page prints them (round 74)."""
    width: int | None = None
    for k in range(1, min(len(lines), HEAD_LINES)):
        (above_number, above), (number, text) = lines[k - 1], lines[k]
        colon = text.find("：", 0, CUT_ROW_TAIL + CUT_ADDRESS_TAIL)
        if (
            colon < 2
            or number == above_number
            or above.endswith(_ROW_END)
            or _TITLE_TAIL.search(above)
            or text.startswith(ADDRESS_OPENING)
            or _ADDRESS_OPENER.search(above, max(0, len(above) - LONG_SALUTATION_CHARS))
        ):
            continue
        found = _ADDRESS_AFTER_TAIL.search(text, 1)
        if not found or found.start() > min(colon - 1, CUT_ROW_TAIL):
            continue
        tail, address = text[: found.start()], text[found.start() : colon + 1]
        if any(mark in tail for mark in "。！？；：，、") or not is_salutation(address):
            continue
        if width is None:
            width = wrap_width(lines) or 0
        if width and len(above) + (LOST_AT_START if k == 1 else 0) >= width - 1:
            address_row = (number, text[found.start() :])
            lines[k - 1 : k + 1] = [(above_number, above + tail.rstrip()), address_row]
        return


#: Round 64: the longest tail of a title a hard wrap carried onto the address's line.
CUT_TITLE_TAIL = 12
_CUT_TITLE_PIECE = LazyPattern(rf"^[^\s。！？，、；：]{{1,{CUT_TITLE_TAIL}}}?{TITLE_END}$")


def _rejoin_cut_title(lines: list[tuple[int, str]]) -> None:
    """A title a hard wrap cut across two lines of the head, its tail run into the address on
    the second ("…期中考试表" / "彰会上的讲话各位老师、同学们：今天，…"), once the address is
    split from it (``_split_titled_salutation``): the tail, a short piece ending in a title's
    word with the address next on its own printed line, goes back onto the line above, which
    runs on without a mark and fills the page's wrap width (counted as ``printed_lengths``
    does, with the characters a copy may have taken from the first line).  A line that ends in
    a title's word itself is a title of its own, and stays."""
    width: int | None = None
    for k in range(1, min(len(lines) - 1, HEAD_LINES)):
        (number, text), (above_number, above) = lines[k], lines[k - 1]
        if (
            number == above_number
            or lines[k + 1][0] != number
            or not _CUT_TITLE_PIECE.match(text)
            or above.endswith(_ROW_END)
            or _TITLE_TAIL.search(above)
            or not opens_with_salutation(lines[k + 1][1])
        ):
            continue
        if width is None:
            width = wrap_width(lines) or 0
        printed = len(above) + (LOST_AT_START if k == 1 else 0)
        if width and printed >= width - 1:
            lines[k - 1 : k + 1] = [(above_number, above + text)]
        return


#: A site's field glued to the address on a page flattened with nothing between its rows
#: (round 49): a date, a clock time, a count ("2012-04-14同志们：", "690同志们：", "1.39W同志们：").
#: No word of the speech is in it: a number that counts the audience ("2012届…同学们：") runs
#: into a word, not an address; a number and a dot may be a point's marker ("2.…"), left be.
_FIELD_BEFORE_ADDRESS = LazyPattern(
    r"^(?!\d{1,2}\.\D)(?:\d|[.\-:/：]|[Ww万])+"
    r"(?=(?:尊敬的|亲爱的|各位|同志们|同志們)[^。！？；]{0,40}：)"
)


#: A title run into the site's field after it on the same flattened row ("…的讲话2024-12-12",
#: "…的讲话来源：中国气象报社"): the title ends in its genre word, the field opens with a
#: date or a field's label.
_TITLE_BEFORE_FIELD = LazyPattern(
    rf"^([^。！？，：\s]{{4,60}}?{TITLE_END})"
    r"(?=\d{4}[-./年]\d|(?:来源|作者|发布时间|发布日期|更新时间|时间|日期|浏览次数|点击数)：)"
)


#: The longest field row split off a title: a longer rest is a flattened page's text.
FIELD_ROW_CHARS = 40


def _split_field_before_address(lines: list[tuple[int, str]]) -> None:
    """The site's fields run into the head's rows on a page flattened with nothing between
    them: a field before the address (``_FIELD_BEFORE_ADDRESS``) and a field after a title
    (``_TITLE_BEFORE_FIELD``) are rows of their own, so the address and the title read as
    they would on rows of their own.  Only above the address."""
    k = 0
    while k < min(len(lines), HEAD_LINES):
        number, text = lines[k]
        k += 1
        titled = _TITLE_BEFORE_FIELD.match(text)
        if titled and len(text) - titled.end() <= FIELD_ROW_CHARS:
            lines[k - 1 : k] = [(number, titled.group(1)), (number, text[titled.end() :])]
            k += 1
            continue
        field = _FIELD_BEFORE_ADDRESS.match(text)
        if field and field.group()[0].isdigit():
            lines[k - 1 : k] = [(number, field.group()), (number, text[field.end() :])]
            return
        if is_salutation(text) or _SENTENCE_MARK.search(text):
            return


def _split_titled_salutation(lines: list[tuple[int, str]]) -> None:
    """"…的讲话尊敬的各位…同志们：…" (or "…的讲话  同志们：" ending the line, or any address
    a space parts from the title and ends the line: "…的讲话 各位志愿者：") in the head: the
    title and the address, two lines; and
    "…的讲话刚才各组汇报了…。" on a line with no sentence above it: the title and the
    opening."""
    head = True  # no sentence above: still the page's head
    for k, (number, text) in enumerate(lines[:HEAD_LINES]):
        if head and " " in text and (rows := _title_with_meta(text) or _rows_over_title(text)):
            lines[k : k + 1] = [(number, row) for row in rows]
            continue
        if head and (rows := _glued_titles(text)):
            lines[k : k + 1] = [(number, row) for row in rows]
            continue
        if head and (named := _byline_salutation(text)) is not None:
            lines[k : k + 1] = [(number, text[:named]), (number, text[named:])]
            return
        if (glued := _reprinted_with_salutation(lines[:k], text)) is not None:
            lines[k : k + 1] = [(number, text[:glued]), (number, text[glued:])]
            return
        match = TITLED_SALUTATION.match(text)
        rest = text[match.end() :] if match else ""
        spaced = SPACED_SALUTATION.match(text) if head or " " in text else None
        address = spaced.group(2) if spaced else ""
        pieces = _head_rows(spaced.group(1)) if spaced and head else []
        if not pieces and spaced and head and _rows_over_address(spaced.group(1), address):
            # The rows stay one line, as a byline and its date do ("…局长 某某某 2023年9月28日").
            opens = k + 1 < len(lines) and _opens_body(lines[k + 1][1])
            pieces = [spaced.group(1)] if opens else []
        if pieces and (
            is_salutation(address)
            or _placed_salutation(address)
            or COMMA_SALUTATION.match(address)
        ):  # "…的讲话 各位志愿者：": the address by its shape and its place under the title
            lines[k : k + 1] = [(number, piece) for piece in [*pieces, address]]
            return
        if spaced and _captioned_salutation(spaced.group(1), address):
            # "【…范文】一 同志们：", "篇1 各位老人、各位来宾：" under a site's blurb: the
            # sample's caption and the address, two lines.
            lines[k : k + 1] = [(number, spaced.group(1)), (number, address)]
            return
        if head and len(text) > TITLE_CHARS and (dated := DATED_OPENING.match(text)):
            rows = _glued_titles(dated.group(1), 0) or [dated.group(1)]
            rest = text[dated.end() :]
            lines[k : k + 1] = [(number, row) for row in [*rows, dated.group("meta"), rest]]
            return
        opening = None
        if head:
            opening = TITLED_OPENING.match(text) or (
                (OCCASION_OPENING.match(text) or TITLE_SENTENCE.match(text))
                if len(text) > TITLE_CHARS
                else None
            )
        head = head and not _SENTENCE_MARK.search(text)
        if match and (
            is_salutation(rest) or LEADING_SALUTATION.match(rest) or COMMA_SALUTATION.match(rest)
        ):
            meta = [match.group("meta")] if match.group("meta") else []
            # A flattened head before the title ("下载说明： 1、… 2、… <title>同志们：…").
            title = match.group(1)
            rows = _rows_over_title(title) or [title]
            lines[k : k + 1] = [(number, row) for row in [*rows, *meta, rest]]
            return
        if opening:
            title = opening.group(1)
            # "<file's name><date><title><speaker>今天…": a Word file's head on one line
            rows = _glued_titles(title) or _dated_title_rows(title)
            lines[k : k + 1] = [(number, row) for row in [*rows, text[opening.end() :]]]
            return


#: Round 72: what ends a head row that may belong to the address it stands before ("尊敬的
#: 各位领导 各位来宾：", an address with a space in its list; "在座的 同志们："): the row then
#: is no row of its own.
_ADDRESS_ROW_END = ("、", "，", ",", "的", "们", "我")


#: A genre word: rows holding one hold a title (a site's teaser may print the title, the day and
#: the address over the first words of the text: "<title>（2019年3月31日） 同志们： <first words>",
#: and the page's own head follows), which ``_head_rows`` reads.
_GENRE_WORD = LazyPattern(TITLE_END)


#: An address's opening word: rows holding one may be the address's first addressees,
#: printed with a space before the last ("尊敬的各位专家 同志们：").
_OPENER_IN_ROWS = LazyPattern(ADDRESS_OPENERS)


def _rows_over_address(rows: str, address: str) -> bool:
    """Round 72: the head's rows under the title run into one line before the address, none of
    them a title (a byline, the speaker's name, the day in brackets, a site's fields:
    "某公司总经理 某某 （2022年7月5日） 各位嘉宾，各位选手：", "…局长 某某某 2023年9月28日 主任、
    各位副主任、各位委员：")
    — a page whose rows were flattened with a space between them.  The address ends in a
    colon and reads as one by its words (or by its place, its first addressee by its words);
    the rows hold no sentence, no genre word and no address opener; the row before it is no
    addressee itself nor ends like the first part of one."""
    last = _ROW_BREAK.split(rows)[-1].strip()
    first = address.split("，")[0].removesuffix("：")
    return (
        address.endswith("：")
        and (
            is_salutation(address)
            or (_placed_salutation(address) and is_salutation(f"{first}："))
        )
        and not _SENTENCE_MARK.search(rows)
        and not _GENRE_WORD.search(rows)
        and not _OPENER_IN_ROWS.search(rows)
        and bool(last)
        and not last.endswith(_ADDRESS_ROW_END)
        and not is_salutation(f"{last}：")
    )


def _opens_body(text: str) -> bool:
    """Whether a line under a head row reads as the body's first line or the greeting that
    opens it (a sentence mark in it, or "大家好！")."""
    return bool(_SENTENCE_MARK.search(text) or GREETING.match(text) or "，" in text)


#: A line printed again in the head is long enough not to recur by chance.
REPRINT_CHARS = 8


#: A sample's number alone on its line ("篇一", "【篇2】", "第三篇").
BARE_SAMPLE = re.compile(SAMPLE_MARK)
#: A sample's caption run on after a reprinted collection header: "…讲话篇1", "…致辞第二篇".
GLUED_CAPTION = LazyPattern(rf"^[^。！？，：]{{2,40}}?{TITLE_END}\s*{SAMPLE_MARK}\s*")


def _reprinted_with_salutation(above: list[tuple[int, str]], text: str) -> int | None:
    """Where the salutation starts in a line that prints a line above it again with the
    salutation glued on ("<headline>各位老师，亲爱的同仁们："), whatever the headline's
    punctuation, perhaps with a sample's caption between them ("<collection header>
    <name>篇1尊敬的老师们，早上好！…": the caption stays in the head, so the speech is
    untitled); None for any other line."""
    for _, earlier in above:
        if len(earlier) >= REPRINT_CHARS and text.startswith(earlier) and text != earlier:
            rest = text[len(earlier) :].lstrip()
            captioned = GLUED_CAPTION.match(rest)
            if captioned:
                rest = rest[captioned.end() :]
            if (
                is_salutation(rest)
                or LEADING_SALUTATION.match(rest)
                or (captioned and COMMA_SALUTATION.match(rest))
            ):
                return len(text) - len(rest)
    return None


_DATE_LIKE = re.compile(r"\d{1,4}[-/.年]\d{1,2}")
#: Longest line taken as a title without ending like one (…讲话).
TITLE_CHARS = 40
#: Captions of a page's parts, never a speech's title ("目录", "提纲：", "正文").
CAPTION = re.compile(
    r"^[-•·\s]*(?:(?:目\s*录|目次|提纲|正文|全文|内容|摘要|导读|简介|"
    r"(?:资源|文档|内容|文章|作品|论文|全文|部分){1,3}(?:描述|介绍|简介|详情|预览|阅读))"
    r"[/／、\s]*)+[：]?[….。\s]*$"
)


#: A headline may close on one question or exclamation mark ("我们为什么要学习党史？").
_HEADLINE_MARK = ("？", "！")


def _title_shaped(text: str) -> bool:
    """A line that could be a title not ending in 讲话: short, no sentence (a headline's one
    closing ？ or ！ aside), not a byline, a date, a salutation, a greeting (with its mark or,
    as a page that opens on it prints it, without: "大家下午好" heading a later page of a speech
    split over several, pool mining-setaside22), a subtitle, a numbered point or a dated meta
    line."""
    return (
        len(text) <= TITLE_CHARS
        and _has_han(text)
        and not _SENTENCE_MARK.search(text[:-1] if text.endswith(_HEADLINE_MARK) else text)
        and not GREETING.match(text)
        and text not in BARE_GREETINGS
        and not text.endswith(("，", "："))
        and not text.startswith("——")
        and not is_salutation(text)
        and not starts_with_marker(text)
        and not BYLINE.match(text)
        and not _speaker_line(text)
        and not OFFICE_LINE.match(text)
        and not SPEAKER_TAG.match(text)
        and not SAMPLE_TAG.match(text)
        and not DATE.match(text)
        and not _DATE_LIKE.search(text)
        and not CAPTION.match(text)
        and not COMPILATION.search(text)
    )


def _has_han(text: str) -> bool:
    """Whether a line holds a Chinese character: a head line without one ("Chang", a photo's
    caption or a signature in Latin letters) is not shaped like a Chinese speech's title; an
    English headline is told by its own words (``ENGLISH_TITLE``).  Compared, not matched: a
    regex class of the whole CJK block took 1.4 ms to compile at every start."""
    return any(map(in_basic_block, text))


def _candidate(text: str) -> bool:
    """A line that may title a speech at all: ending like a title, or shaped like one, and not
    a book's bracketed field row nor a document database's glued one."""
    return (
        (_is_title(text) or _title_shaped(text))
        and not _BRACKETED_FIELD.search(text)
        and not _GLUED_FIELD.search(text)
    )


#: What each piece of evidence about a head line is worth as the title; the line with the
#: highest sum wins, the nearest to the salutation of equals.  One table, fitted and justified
#: over every labelled pool by ``bench/fit_title_weights.py`` (it prints each pool's accuracy
#: with the weights fitted on the other pools).  The evidence (``title_candidates``):
#:
#: * ``kind``: the line (or the sample caption's stem, or the "——在…的讲话" line under it)
#:   names a kind of speech (讲话, 致辞, …): it outweighs position, since a page heading above
#:   a bare headline is the site's;
#: * ``bare_kind``: it names only a kind, with at most ``BARE_KIND_CHARS`` characters before the
#:   word ("领导讲话", "讲话稿"): a site's label more often than a title;
#: * ``printed_twice``: the line right over the salutation was printed higher up as well: the
#:   page's heading and the speech's title at once;
#: * ``decorated``: its first words are printed twice before the rest ("党建工作党建工作推进会
#:   上的讲话"): a category tag on a shortened name;
#: * ``occasion``: it names a particular occasion (在…会上, 关于…);
#: * ``first``: the unit's first line, where sites print their own page heading;
#: * ``site``: it holds a site word (``boilerplate.SITE_WORDS``);
#: * ``headline``: it closes on one ？ or ！;
#: * ``long``: longer than ``LONG_TITLE`` characters once cleaned;
#: * ``nearest``: no other candidate between it and the salutation (or first sentence);
#: * ``repeated``: the same text stands on another line of the unit, above or below;
#: * ``dated``: it holds a year or a date.
TITLE_WEIGHTS: dict[str, int] = {
    "kind": 2,
    "bare_kind": -1,
    "printed_twice": 1,
    "decorated": -2,
    "occasion": 0,
    "first": 0,
    "site": 0,
    "headline": 0,
    "long": 0,
    "nearest": 0,
    "repeated": 0,
    "dated": 0,
}
#: A line that names only a kind of speech has at most this many characters before the word.
BARE_KIND_CHARS = 2
#: The longest headline taken as the title for being printed twice over the salutation.
HEADLINE_CHARS = 60
#: A cleaned title longer than this is "long" (a headline, or a title with site text glued on).
LONG_TITLE = 30


@dataclass(frozen=True)
class TitleChoice:
    """The head line that titles a unit; ``caption`` when it is a sample's caption (the
    collection's name, or a kind of speech, with a number), so the speech has no title."""

    at: int
    caption: bool


@dataclass(frozen=True)
class TitleCandidate:
    """A head line that may title its unit, with the evidence weighed by ``TITLE_WEIGHTS``."""

    at: int
    caption: bool
    evidence: frozenset[str]


#: A government page's English headline over a speech given in Chinese ("Speech by Minister
#: … at the …", "Opening Remarks by …"): it names the kind of text as 讲话 would.
ENGLISH_TITLE = LazyPattern(
    r"^(?:[A-Z][\w'’-]*\s+){0,3}(?:Speech|Address|Remarks|Statement|Message)\s+(?:by|at|of)\s+"
    r"[A-Z](?:[^。！？；，]|，(?= )){4,200}$",
    needs="SARM",
)
#: A name that carries a speech word on into what is learned from it ("在…会议上的讲话精神"): the
#: topic of a collection of study texts, which a sample's caption repeats, never a speech's
#: own title.
_STUDIED = LazyPattern(rf"{TITLE_END}精神$", needs="精")


#: The same headline naming the speaker and the occasion, no genre word ("DPM … at the …
#: Board Installation Ceremony"): the occasion's last word says it is an event spoken at.
ENGLISH_OCCASION = LazyPattern(
    r"^(?:[A-Z][\w'’.-]*\s+){1,6}at\s+the\s+(?:[\w'’.-]+\s+){1,12}"
    r"(?:Ceremony|Dinner|Luncheon|Reception|Gala|Conference|Forum|Summit|Celebrations?|"
    r"Festival|Launch|Opening|Anniversary|Convocation|Commencement)$"
)


def _english_title(key: str) -> bool:
    """Such a headline; the cheap test first: it opens with an ASCII capital."""
    return "A" <= key[:1] <= "Z" and (
        ENGLISH_TITLE.match(key) is not None
        or (" at the " in key and ENGLISH_OCCASION.match(key) is not None)
    )


#: The words of a headline in Latin letters, fewest and most.
HEADLINE_WORDS = (4, 25)


def _english_headline(keys: list[str], k: int) -> bool:
    """Line ``k`` a headline in Latin letters right over such a line, written as a sentence
    ("Spirit of contributing back to society plays a part…" / "Speech by Ms …, Minister for …
    at …", a Singapore ministry's page in pool mining-dev25): the speech's own title, the
    line under it its subtitle, as a Chinese theme has "——在…上的讲话" under it.  Most words
    after the first open in lower case: a site's or a ministry's name in title case over the
    line ("Ministry of Culture, Community and Youth") is no headline."""
    key = keys[k]
    if not ("A" <= key[:1] <= "Z" and k + 1 < len(keys) and _english_title(keys[k + 1])):
        return False
    words = key.split()
    return (
        HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1]
        and not _has_han(key)
        and not _SENTENCE_MARK.search(key)
        and not key.endswith(".")
        and not _english_title(key)
        and 2 * sum(w[:1].islower() for w in words[1:]) > len(words) - 1
    )


#: How a line that introduces the text below opens ("以下是…的致辞全文：", "下面是…讲话："); with
#: its closing colon it hands over to the speech and is no title, though it names the speech.
_INTRODUCTION = ("以下是", "以下为", "下面是", "下面为")


def title_candidates(lines: list[str], end: int, addressed: bool) -> list[TitleCandidate]:
    """The lines of a head ending at ``end`` (the salutation, or the first sentence) that may
    title it, top down, each with its evidence measured on its gloss-free text.

    A collection's header is never a candidate (``COMPILATION``: a count, 汇编, 合集).  A
    caption (``captions``) gives the speech no title: a news headline reporting the speech
    (``REPORTED``: 某某发表…讲话); a line that only repeats the collection's name, above it
    with a count, above a bare sample number ("篇一") the line sits under, or with a sample
    number after it; a kind of speech with a number ("老员工年会讲话稿 篇1")."""
    keys = [unglossed(t) for t in lines[:end]]
    # A sample's bare number on a line of its own ("篇一"): a name under it that the page
    # printed above it already is the collection's, repeated as the sample's caption.
    marked = next((j for j, a in enumerate(keys) if BARE_SAMPLE.fullmatch(a)), None)
    found: list[TitleCandidate] = []
    previous = -2  # the last candidate line: a bare name right under it is the speaker
    for k, key in enumerate(keys):
        if key.endswith("：") and key.startswith(_INTRODUCTION):
            continue  # "以下是…的致辞全文：": a press office's line that introduces the text
        if _BRACKETED_FIELD.search(key) or SPEAKER_ROW.search(key) or _GLUED_FIELD.search(key):
            continue  # "【致辞背景】…大会致辞", "主讲人：某某": a field row, not the speech's title
        if _CREDIT_LEAD.search(key):
            continue  # "本报记者某某摄□某某": a photo's credit and the speaker, no title
        if k and keys[k - 1].startswith("——") and _subtitle_wrapped(keys[k - 1]):
            continue  # the second half of a wrapped subtitle names the occasion, not the title
        number = SAMPLE_NUMBER.search(key)
        stem = caption_stem(key[: number.start()]) if number else ""
        caption = False
        evidence = set()
        if stem and (_is_title(stem) or stem.endswith(_SAMPLE_WORDS)):
            evidence.add("kind")
            caption = not names_occasion(stem) or any(
                names_collection(stem, collection_name(a)) for a in keys[:k]
            )
        elif k and _english_title(key) and _english_headline(keys, k - 1):
            continue  # "Speech by …" under its headline: the subtitle, not the title
        elif _is_title(key) or SUBTITLE.match(key) or _english_title(key) or (
            _english_headline(keys, k) or _colon_headline(key, keys)
        ):
            # or "主题——在…的讲话" on one line, or a government page's English headline, or
            # "在…的讲话：<headline>！"
            evidence.add("kind")
            if _bare_kind(key):
                evidence.add("bare_kind")
            under_mark = marked is not None and marked < k and key in keys[:marked]
            caption = bool(REPORTED.search(key)) or under_mark or any(
                COMPILATION.search(a) and names_collection(clean_title(key), collection_name(a))
                for a in keys[:k]
            )
        elif _title_shaped(key) and not (previous == k - 1 and _is_name(key)):
            if _subtitled(lines, k):
                evidence.add("kind")
            if addressed and _reprinted(keys, k, end):
                evidence.add("printed_twice")
            caption = bool(REPORTED.search(key))  # a report's headline, however it reads
        elif addressed and _reprinted(keys, k, end):
            evidence.add("printed_twice")
            caption = bool(REPORTED.search(key))
        else:
            continue
        previous = k
        if number and COMPILATION.search(key[: number.start()]):
            # "…致辞（汇总16篇）篇一": a collection's header with a sample's number, the caption
            # a flattened page leaves over one sample (round 59, m415), as "…（汇总16篇）" alone
            # is never a title.
            caption = True
        if _decorated(key):
            evidence.add("decorated")
        if names_occasion(key):
            evidence.add("occasion")
        if k == 0:
            evidence.add("first")
        if furniture_score(key):
            evidence.add("site")
        if key.endswith(_HEADLINE_MARK):
            evidence.add("headline")
        if len(clean_title(key)) > LONG_TITLE:
            evidence.add("long")
        if lines.count(lines[k]) > 1:
            evidence.add("repeated")
        if _YEAR_OR_DATE.search(key):
            evidence.add("dated")
        found.append(TitleCandidate(k, caption, frozenset(evidence)))
    if found:
        last = found[-1]
        found[-1] = TitleCandidate(last.at, last.caption, last.evidence | {"nearest"})
    return found


#: A year or a date in a head line ("2024年", "20XX年", "5月6日").
_YEAR_OR_DATE = re.compile(r"(?:19|20)[\dXx×]{2}年|\d{1,2}月\d{1,2}日")


def weigh(candidate: TitleCandidate, weights: dict[str, int]) -> int:
    """A candidate's worth as the title: the sum of its evidence's weights."""
    return sum(weights[name] for name in candidate.evidence)


def _choose_title(
    lines: list[str], end: int, addressed: bool, weights: dict[str, int] = TITLE_WEIGHTS
) -> TitleChoice | None:
    """The title line of a head ending at ``end``: the best-weighed candidate, the nearest to
    the salutation of equals; a title wrapped over two lines is read from its first."""
    best: tuple[int, TitleCandidate] | None = None
    for candidate in title_candidates(lines, end, addressed):
        score = weigh(candidate, weights)
        if best is None or score >= best[0]:
            best = (score, candidate)
    return None if best is None else _resolve(lines, best[1])


def _resolve(lines: list[str], candidate: TitleCandidate) -> TitleChoice:
    """Where the chosen candidate's title starts: a line above when it is a wrapped title's
    second half."""
    at, caption = candidate.at, candidate.caption
    headline = bool(at) and _subtitled(lines, at)
    if at and not caption and (
        ((headline or _is_title(unglossed(lines[at])))
        and _wrapped_title(lines[at - 1], lines[at], headline))
        or _theme_pair(lines, at - 1)
        or _printed_whole(lines, at - 1)
    ):
        at -= 1
    return TitleChoice(at, caption)


def title_if_chosen(lines: list[str], candidate: TitleCandidate) -> str:
    """The title a speech gets when ``candidate`` wins: how ``bench/fit_title_weights.py``
    judges every candidate against a page's label, not only the one chosen."""
    choice = _resolve(lines, candidate)
    if choice.caption:
        return MISSING_TITLE
    return clean_title(title_at(lines, choice.at)[0]) or MISSING_TITLE


def _colon_headline(text: str, keys: list[str]) -> bool:
    """A title printed with a headline after a colon, longer than a title alone: "校长在…会议上
    的讲话：一所学校…，中层干部必须“…”！" (a document-sharing page's preview, pool mining-dev28).
    The part before the colon is a title naming its occasion (``_is_title``, ``names_occasion``:
    "党课讲稿：…" is a site's category before a headline); the headline after it is one
    clause run, closing at most on one ？ or ！ as a headline does, and the whole is at most
    ``HEADLINE_CHARS``.  A field row ("文件名称：…") has no title before its colon.  When the
    head also prints the part before the colon as a line of its own (``keys``), the page has
    shown its title alone: the colon line is a news site's headline built on it ("…大会上的
    贺词：妇女是推动…的伟大力量", phrase-a c214), not a longer title."""
    if len(text) > HEADLINE_CHARS or "：" not in text:
        return False
    head, _, rest = text.partition("：")
    rest = rest[:-1] if rest.endswith(_HEADLINE_MARK) else rest
    return (
        len(rest) >= 4
        and not _SENTENCE_MARK.search(rest)
        and _is_title(head)
        and names_occasion(head)
        and head not in keys
    )


def _bare_kind(text: str) -> bool:
    """A title that names no more than a kind of speech and who gives it ("领导讲话")."""
    clean = clean_title(text)
    ending = max((w for w in TITLE_ENDINGS if clean.endswith(w)), key=len, default="")
    return len(clean) - len(ending) <= BARE_KIND_CHARS and not names_occasion(clean)


def _decorated(text: str) -> bool:
    """A line whose first words are printed twice before the rest: a site's category tag on a
    shortened name, not a title printed twice whole."""
    doubled = DOUBLED.match(text)
    return doubled is not None and len(text) > doubled.end() + len(doubled.group(1))


def _subtitled(lines: list[str], k: int) -> bool:
    """A headline with its occasion under it ("——在…的讲话"): the speech's own title block.
    Judged on the gloss-free text: a converted page's pinyin glosses ("…工作报（bào）告")
    lengthen the subtitle past a title's size."""
    following = unglossed(lines[k + 1]) if k + 1 < len(lines) else ""
    if following.startswith("——") and k + 2 < len(lines) and _subtitle_wrapped(following):
        following += unglossed(lines[k + 2])  # "——某某在…，" / "…上的讲话"
    return following.startswith("——") and _is_title(following.lstrip("—"))


def _subtitle_wrapped(text: str) -> bool:
    """A "——…" subtitle broken at a comma, its kind of speech on the next line."""
    return text.endswith("，")


def _reprinted(keys: list[str], k: int, end: int) -> bool:
    """The line right over the salutation printed higher up as well: the page's heading and
    the speech's own title line, even a headline with commas and an exclamation mark
    ("…部署会上，校长讲话：精心谋开局，齐心启新程！")."""
    text = keys[k]
    return (
        k == end - 1
        and len(text) <= HEADLINE_CHARS
        and "。" not in text
        and not is_salutation(text)
        and text in keys[:k]
    )


#: The first half of a wrapped title fills most of a narrow column.
WRAPPED_PIECE = 10


#: A line ending in a separator is a page title whose site name was cut off ("…讲话整理-"),
#: never the first half of a wrapped title; nor is a breadcrumb's path ("首页 > 讲话 >", round 55).
_TRAILING_SEPARATOR = ("-", "－", "_", "|", "｜", "—", ">", "›", "»", "/", "／")


#: A title line that names its speaker by office and name before the genre ("某某商会主席
#: 张某某先生致辞"): a whole title by itself.
_SPEAKER_TITLE = LazyPattern(rf"{OFFICES}[^\W\d_a-zA-Z]{{2,4}}(?:先生|女士|同志)?{TITLE_END}$")


def _dated_occasion(first: str, second: str) -> bool:
    """An occasion line opening with its year ("2017丁酉年新春团拜") over a title that names
    its speaker ("…主席某某某先生致辞"): a heading over the title, not its first half."""
    return (
        first[:4].isdigit()
        and "年" in first[4:8]  # 2017年, 2017丁酉年
        and _SPEAKER_TITLE.search(second) is not None
    )


#: One name printed twice on a line ("某某个人网站 某某个人网站": a site's logo text and its
#: name): the site's heading, never the first half of a wrapped title (dev31 m2911).
_TWICE_PRINTED = re.compile(r"^(\S{2,20})\s+\1$")


def _wrapped_title(first: str, second: str, headline: bool = False) -> bool:
    """A title broken over two lines: the first not ending like a title, the second not
    starting like one ("在…") nor printed inside the first already (a file's caption
    "…讲话全文" over the title "…讲话" is the same title twice), both together a title.  A
    headline over its subtitle ("——某某在…上的发言") names no genre: its first line must
    end where no phrase ends ("…以饱满的工作激情和" / "必胜的信心，迎评“三甲”").
    Judged on the gloss-free text: pinyin glosses lengthen a line past a title's size."""
    first, second = unglossed(first), unglossed(second)
    return (
        WRAPPED_PIECE <= len(first) <= TITLE_CHARS
        and not first.endswith(_TRAILING_SEPARATOR)
        and not _TWICE_PRINTED.match(first)
        and not _is_title(first)
        and _title_shaped(first)
        and not clean_title(second).startswith(("在", "关于", "——"))
        and clean_title(second) not in first
        and (_is_title(first + second) or (headline and first.endswith(CUT_ENDINGS)))
        and not _dated_occasion(first, second)
    )


def _printed_whole(lines: list[str], k: int) -> bool:
    """Lines ``k`` and ``k + 1`` are a title wrapped over two lines that the page printed whole
    on one line higher up ("在…工作会议上的总结讲话" as the article's heading, then "在第五次全国
    地方志" / "工作会议上的总结讲话" over the speech, dev34 m3201): the page's own proof of the
    wrap, so the upper half may be shorter than ``WRAPPED_PIECE`` ("在春季水利").  The upper
    half alone is no title; the two together are one."""
    if not 0 < k < len(lines) - 1:
        return False
    first, second = unglossed(lines[k]).strip(), unglossed(lines[k + 1]).strip()
    joined = first + second
    return (
        bool(first)
        and bool(second)
        and not _is_title(first)
        and _is_title(joined)
        and any("".join(unglossed(a).split()) == joined for a in lines[:k])
    )


#: The length of a theme's half, in characters: a phrase of two four-character words at the
#: least ("齐心协力 团结奋斗"), a line of a narrow column at the most.
THEME_HALF_MIN, THEME_HALF_MAX = 8, 24
#: The upper half may be one four-character phrase when the title block's subtitle is under
#: the lower ("勇猛精进" / "打造…而不懈奋斗" / "——在…的讲话").
MOTTO_CHARS = 4
#: What a theme's half holds besides Chinese characters: the space between its words, quotes.
_THEME_MARKS = frozenset(" “”‘’")


def _theme_half(text: str, longest: int = THEME_HALF_MAX) -> bool:
    """A line that may be half of a two-line theme: Chinese characters only (a space, quotes),
    no title word, not an occasion ("在…") nor a name, shaped like a title, at most
    ``longest`` characters.  Compared char by char before any pattern (see ``_has_han``)."""
    return (
        THEME_HALF_MIN <= len(text) <= longest
        and all(in_basic_block(c) or c in _THEME_MARKS for c in text)
        and not text.startswith(("在", "关于"))
        and not _is_title(text)
        and not _is_name(text)
        and _title_shaped(text)
    )


def _motto(text: str) -> bool:
    """A four-character phrase ("勇猛精进"): the upper half of a theme only right over a
    theme line that has its occasion under it ("——在…的讲话"), where a line so short could
    otherwise be a name or a category."""
    return (
        len(text) == MOTTO_CHARS
        and all(in_basic_block(c) for c in text)
        and not _is_title(text)
        and not furniture_score(text)
    )


#: The upper half of a theme that sets the scene ("在实现中国梦的伟大进程中" / "奋力开拓…的前景",
#: "在…的第一线上"): 在, a phrase, a place word closing it; no word of a meeting or a ceremony
#: (that is an occasion: "在全县工作会议上" / "的讲话" is a wrapped title, read as one already).
_FRAME_HALF = LazyPattern(r"^在[^\s\W\d_a-zA-Z“”]{4,22}(?:中|上|下|里)$", needs="在")
_MEETING_WORD = re.compile(r"会|典礼|仪式|论坛|活动|节|班|式")


def _framed_half(text: str) -> bool:
    """The upper half of a theme printed over two lines that opens with 在 and sets the scene
    (``_FRAME_HALF``), not an occasion."""
    return _FRAME_HALF.match(text) is not None and not _MEETING_WORD.search(text)


def _closed_block(lines: list[str], k: int) -> bool:
    """Line ``k`` closes a title block: a "——…" subtitle under it, or a date line or the
    speaker's name (then perhaps a date) under it, as a speech's printed head sets them."""
    if _subtitled(lines, k):
        return True
    under = [unglossed(a).strip() for a in lines[k + 1 : k + 3]]
    return bool(under) and (
        DATE.match(under[0]) is not None
        or (_is_name(under[0]) and len(under) > 1 and DATE.match(under[1]) is not None)
    )


def _theme_pair(lines: list[str], k: int) -> bool:
    """Lines ``k`` and ``k + 1``: a theme set on two lines, each a phrase of its own ("齐心协力
    团结奋斗" / "努力开创…新局面", "积极创建…基地" / "丰富…的内涵").  Neither names a kind of
    speech, so the wrapped title's test (the two together end like a title) never joins them;
    read as one title, the halves parted by a space as pages print such a theme on one line.
    A lower half the page printed higher up already is the title whole, under the page's
    headline or a series caption ("…专题讲座第二讲") over it, not a half.  With the title
    block's subtitle under it ("——在…上的工作报告"), the lower half may run as long as any
    title (``TITLE_CHARS``): a university's report titled over two lines, the lower of 26
    characters ("奋力推进… 国内知名的…建设", pool mining-dev25).  The upper half may set the
    scene with 在 (``_framed_half``: "在实现中国梦的伟大进程中" / "奋力开拓…的前景", as GB/T 9704
    and PDF copies set a long title, pool mining-dev38) when the block closes under the lower
    half (``_closed_block``: a subtitle, a date, the speaker and a date)."""
    first, second = unglossed(lines[k]).strip(), unglossed(lines[k + 1]).strip()
    return (
        first != second
        and (
            _theme_half(first)
            or (_motto(first) and _subtitled(lines, k + 1))
            or (_framed_half(first) and _closed_block(lines, k + 1))
        )
        and (
            _theme_half(second)
            or (_subtitled(lines, k + 1) and _theme_half(second, TITLE_CHARS))
        )
        and all(unglossed(line).strip() != second for line in lines[:k])
    )


def _broken_salutation(text: str, following: str) -> bool:
    """A short unpunctuated piece that forms a salutation only with the next line."""
    if len(text) > SALUTATION_PIECE and not (len(text) <= LONG_PIECE and _CUT_LIST.match(text)):
        return False
    if re.search(r"[。！？：]", text):
        return False
    if not BROKEN_PIECE.search(text):
        return False  # "市委副书记" over "同志们：" is a byline, not half an address
    joined = text + following
    if is_salutation(joined):
        return True
    fused = LEADING_SALUTATION.match(joined)
    return fused is not None and len(fused.group(1)) > len(text)


def _closing(paragraphs: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(body, closing, sign-off) from the end of the paragraphs."""
    end = len(paragraphs)
    while end > 1 and len(paragraphs[end - 1]) <= 40 and SIGNOFF.search(paragraphs[end - 1]):
        end -= 1
    signoff = paragraphs[end:]
    start, gap = end, 0
    for k in range(end - 1, 0, -1):
        text = paragraphs[k]
        if starts_with_marker(text):
            break
        if CLOSING_STARTS.match(text) or CLOSING_ENDS.search(text):
            start, gap = k, 0
        elif gap or (start == end and not signoff):
            break  # one plain paragraph may sit inside an appeal or before the thanks, no more
        else:
            gap = 1
    closing = paragraphs[start:end]
    body = paragraphs[:start]
    if not closing and body:
        last = body[-1]
        cut = max(last.rfind("。同志们，"), last.rfind("。让我们"))
        if cut > 0:
            body[-1], closing = last[: cut + 1], [last[cut + 1 :]]
    return body, closing, signoff


#: A compilation's item caption before a repeated heading: "第一篇：", "篇一：".
_ITEM_CAPTION = re.compile(r"^(第[一二三四五六七八九十\d]+篇|篇[一二三四五六七八九十\d]+)[：:]\s*")


def _drop_repeated_heads(lines: list[tuple[int, str]]) -> None:
    """"第一篇：<a line above><the speech's title>" in the head: the line above repeated (a
    document's file name) with the speech's own title run into it; the title is what is left.
    Only where what is left ends like a title."""
    for k in range(1, min(HEAD_LINES, len(lines))):
        number, text = lines[k]
        text = _ITEM_CAPTION.sub("", text)
        for _, above in lines[:k]:
            rest = text[len(above) :].strip()
            if len(above) >= 8 and text.startswith(above) and rest and _is_title(rest):
                lines[k] = (number, rest)
                break


def _running_header(text: str, speech: Speech) -> bool:
    """The speech's title printed again between paragraphs: a Word or PDF page's running
    header.  Only a line holding the title is cleaned and compared (cleaning costs ~25
    regex passes)."""
    title = speech.title
    return (
        title != MISSING_TITLE
        and title in text
        and len(text) <= TITLE_CHARS + len(title)
        and clean_title(text) == title
    )


#: The speaker naming the talk's title in the opening: "今天我讲话的题目是：做时间的主人。",
#: "我发言的题目是《…》。"
NAMED_TITLE = LazyPattern(
    r"(?:讲话|发言|演讲|报告|讲|说)的?题目(?:是|叫)[：]?\s*[《“]?([^。！？《》“”：]{2,30}?)[》”]?[。！？]",
    needs="题",
)
#: How many opening paragraphs may name the title.
NAMING_PARAGRAPHS = 3


def _named_title(opening: list[str], head: list[str]) -> str:
    """The title the speaker names in the opening when the page's head prints it too (in a
    line that may hold the site's column as well: "国旗下讲话 | 做时间的主人"); "" otherwise.
    The speaker's own words settle which piece of such a line is the title."""
    for text in opening:
        found = NAMED_TITLE.search(text)
        if found and any(found.group(1) in line for line in head):
            return found.group(1)
    return ""


def _head_rows_reprinted(head: list[str]) -> set[str]:
    """The head's rows a page may print again between paragraphs, where they are its running
    header, not the speech ("<collection>（精选18篇）" under the address): long enough not to
    recur by chance and holding no sentence or clause mark, so a salutation or a sentence of
    the head never counts."""
    return {t for t in head if len(t) >= REPRINT_CHARS and not _HEAD_ROW_MARK.search(t)}


_HEAD_ROW_MARK = re.compile(r"[。！？；：，]")


#: A heading set letter-spaced for show ("开  幕  词"): single characters parted by blanks.
LETTER_SPACED = re.compile(r"^[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]){1,7}$")


def _close_letter_spacing(lines: list[tuple[int, str]]) -> None:
    """A letter-spaced line in the head read as the word it spells, so that "开  幕  词" under
    the occasion's line completes its title."""
    for k, (number, text) in enumerate(lines[:HEAD_LINES]):
        if LETTER_SPACED.match(text):
            lines[k] = (number, "".join(text.split()))


#: The speaker named in a title block's dash subtitle by office and name, then 同志
#: ("——某某党委书记某某某同志讲…专题党课", "——县委副书记某某某同志在…上的讲话").
_SUBTITLE_SPEAKER = LazyPattern(rf"{OFFICES}([\u4e00-\u9fff]{{2,3}}?)同志", needs="同志")


def _report_lead(paragraphs: list[str], head: list[str]) -> int:
    """How many of the body's first paragraphs are an editor's lead about the speech, not the
    speech: each names the speaker the title block's dash subtitle names, by name and 同志
    ("为…，某某某同志以“…”为题讲了一堂专题党课。" / "某某某同志出席会议并讲话，…"), a
    speaker never naming himself so.  Pool mining-dev24 (a school site's lecture page): the
    lead stood between the lecture's title block and its text with no handover line
    ("全文如下", which ``split._drop_report`` keys on), and read as the lecture's opening.
    Only on a speech without an address (the address ends the head below such a lead), and
    never the whole body."""
    names = {
        found.group(2)
        for line in head
        if line.startswith("——") and (found := _SUBTITLE_SPEAKER.search(line)) is not None
    }
    if not names:
        return 0
    count = 0
    while count < len(paragraphs) - 1 and any(
        f"{name}同志" in paragraphs[count] for name in names
    ):
        count += 1
    return count


#: A news report's lead paragraph at the top of a body with no address: the date, the meeting
#: held, who attended ("12月23日上午，…动员大会在…召开。…负责人参加会议。"), a company news
#: page's report that turns into the manager's speech (pool mining-dev36 m3403).  The
#: reporter's voice throughout: no 我, no quotation.
_NEWS_LEAD = LazyPattern(
    r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚)?，[^。！？我“”]*(?:召开|举行|举办)。"
    r"[^。！？我“”]*(?:参加|出席)了?(?:会议|大会|活动)。$",
    needs="月",
)
#: The reporter's bridge under such a lead into the points of the speech ("马总结合…要求，就…讲
#: 了三方面的意见。", "…提出了两点要求。"): one sentence telling what the speaker went on to say.
_NEWS_BRIDGE = LazyPattern(
    rf"^[^。！？我“”]{{2,50}}(?:讲了|提出了|谈了)[\d两{NUMERAL_CHARS}]+个?(?:方面|点|条)的?(?:意见|要求|看法|建议)。$",
    needs="讲提谈",
)
#: How many paragraphs under a news lead the bridge is looked for in.
NEWS_BRIDGE_SPAN = 3


def _news_lead(paragraphs: list[str]) -> tuple[list[str], str]:
    """The body without a news report's lead (``_NEWS_LEAD``) as its first paragraph, and the
    reporter's bridge (``_NEWS_BRIDGE``) a few paragraphs under it ("" when there is none).
    The bridge stays in the body until the outline is built, since its count ("三方面")
    announces the points, and is then left out of the opening.  The paragraph between, where
    the report hands over to the speaker ("会上，…作动员讲话。他说，…今天我们…"), is the
    speech's opening.  Only on a speech without an address, never the whole body."""
    if len(paragraphs) < 3 or not _NEWS_LEAD.search(paragraphs[0]):
        return paragraphs, ""
    rest = paragraphs[1:]
    near = rest[: min(NEWS_BRIDGE_SPAN, len(rest) - 1)]
    bridge = next((text for text in near if _NEWS_BRIDGE.search(text)), "")
    return rest, bridge


def parse_unit(unit: Unit) -> Parsed:
    """The speech in a unit, with the body paragraphs as the page gave them."""
    speech = Speech()
    numbered_lines = unflatten(join_numbered_chunks(unit.lines))
    _close_letter_spacing(numbered_lines)
    printed = printed_lengths(numbered_lines)  # before the head's pieces move between lines
    for number, cut in unit.inline_cuts.items():
        if number in printed:
            printed[number] += cut  # a marker cut from inside the printed line filled it too
    _rejoin_cut_address(numbered_lines)
    _rejoin_cut_head_row(numbered_lines)
    _split_field_before_address(numbered_lines)
    _split_titled_salutation(numbered_lines)
    _rejoin_cut_title(numbered_lines)
    _drop_repeated_heads(numbered_lines)
    lines = [text for _, text in numbered_lines]
    # A marker that is a bare date ("（2026年1月17日）") leaves the page's title to stand in.
    marker = "" if DATE.match(unit.marker_title) else unit.marker_title
    first, rest = _pre_body(speech, lines, marker or unit.page_title)
    reprints = _head_rows_reprinted(lines[:first])
    body_lines = [
        (n, t)
        for n, t in numbered_lines[first:]
        if t not in reprints and not _running_header(t, speech)
    ]
    if rest:
        body_lines.insert(0, (numbered_lines[first - 1][0], rest))
    joined = join_wrapped(body_lines, printed)
    paragraphs = [text for _, text in unflatten_rejoined(body_lines, joined)]
    bridge = ""
    if not speech.salutation:
        paragraphs = paragraphs[_report_lead(paragraphs, lines[:first]) :]
        paragraphs, bridge = _news_lead(paragraphs)
    body, closing, signoff = _closing(paragraphs)
    outline = build_outline(split_swallowed(body), complete=bool(signoff))
    if named := _named_title(outline.opening[:NAMING_PARAGRAPHS], lines[:first]):
        speech.title = named
    speech.opening = [text for text in outline.opening if not bridge or text != bridge]
    speech.sections = outline.sections
    speech.closing = closing
    speech.signoff = signoff
    return Parsed(speech, outline.notes, paragraphs)
