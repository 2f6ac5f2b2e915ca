"""Site noise as data: header, footer, between-speech and in-text patterns.

Aggregator pages wrap the speeches in their own furniture.  Each rule is one line here; a new
site's noise is a new line, never a new branch in the code.  Patterns see normalised lines
(full-width punctuation, trimmed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lazy_re import LazyPattern
from ..lexicon import TITLE_END, alternation
from ..numerals import NUMERAL_CHARS
from .address import is_salutation


@dataclass(frozen=True)
class NoiseRule:
    """kind: header (drop the line), footer (the page's content ends here), paywall (the
    page's content ends here and the speech is cut off: a preview), between (drop the line),
    pagination (drop the line; the text before it continues on another page, so it is cut off
    here), inline (cut the match out of text), label (cut the match from the line's start: a
    field label or a button caption glued to the text).

    The pattern is compiled the first time a line needs it (line rules are first tried all at
    once, ``_ANCHORED``, so most are never compiled on a clean page), and a rule given the
    characters every match holds (``needs``) is not even searched on a line without one: a
    plain ``in`` test costs a tenth of a regex search that cannot start with a literal."""

    kind: str
    pattern: LazyPattern


#: Navigation button captions a copy-paste picks up as text: alone on a line they are dropped,
#: glued before a title ("返回在…的讲话") they are cut off (see ``NAV_LABEL``).  Longer
#: captions come first so that 返回首页 is not read as 返回 + 首页….
NAV_BUTTON = (
    r"(返回(首页|主页|列表|目录|顶部|上一页|上级|栏目)?|上一页|下一页|打印本页|打印此文|打印本文|"
    r"关闭窗口|关闭本页|收藏本页|收藏本文)"
)
#: A navigation caption glued to the start of a line.
NAV_LABEL = re.compile(rf"^{NAV_BUTTON}\s*")
#: Words a bracketed site button starts with ([下载该文章], 【会员注册】, [收藏本文]).
_BUTTON_WORDS = r"(下载|会员|注册|登录|收藏|打印|复制|分享|举报|加入收藏)"
#: "来源县委在…大会上讲话同志们：…": a source label glued, without its colon, to a repeat of the
#: page's title, with the speech run on behind it.  Group ``title`` is the repeated title.
SOURCE_GLUED = re.compile(
    rf"^来源(?!：)\s*(?P<title>[^。！？，：\s]{{4,50}}?{TITLE_END})\s*"
)


#: A "key：value" meta field of a page's header, the value running to the next space.
_META_FIELD = (r"(时间|日期|发布时间|更新时间|发布日期|来源|文章来源|作者|责任编辑|编辑|"
               r"浏览次数|点击|阅读|栏目|分类)：\s*[^\s。，！？]*")
#: A caption a page prints before a summary of the article ("内容简介：", "摘要：", "导读：").
_SUMMARY_CAPTION = "(?:内容简介|内容摘要|内容提要|文章简介|简介|摘要|导读|导语)"
#: What follows such a caption when it is the speech and not a summary: the speech's address,
#: by its opening word or its 们, ended by a colon within a few words ("同志们：", "各位村支书：").
_ADDRESS_AHEAD = r"\s*(?:尊敬的|亲爱的|各位|同志们|[^。！？，：\s]{1,12}们)[^。！？：]{0,30}?："
#: A summary row is the speech itself when its caption is followed by the speech's address
#: ("摘要：各位村组长：…"): the header rule does not apply (tested only on lines it matched,
#: so the pattern stays out of the union of anchored rules).
_CAPTIONED_ADDRESS = LazyPattern(
    rf"^(?:【{_SUMMARY_CAPTION}】|{_SUMMARY_CAPTION}：){_ADDRESS_AHEAD}", needs="简摘提导"
)
#: A site's summary of the article above it, behind its caption ("【摘要】：…", "导读：…").
_SUMMARY_ROW = r"^(【(导语|导读|摘要|内容提要)】|(导语|导读|摘要|内容提要)：)"
#: A speech's address anywhere in a line ("…的讲话同志们：", "尊敬的…："): a summary row that
#: holds one may be the page run into one line behind the caption.
_ADDRESS_IN = LazyPattern(r"尊敬的|亲爱的|[^。！？，：\s]{1,12}们[，：]", needs="尊亲们")
#: What a site counts under an article, and a count as it prints it (1352, 2.3万, 1.9W).
_COUNTED = "(?:评论|阅读|浏览|点击|点赞|收藏|分享|转发|下载)"
_COUNT = r"\d+(?:\.\d+)?[万wWkK]?"
#: A date and optional time as page headers print them: 2014-2-20 18：25：14.
_DATE_TIME = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}[:：]\d{2}([:：]\d{2})?)?"
_CLOCK = r"\d{1,2}[:：]\d{2}([:：]\d{2})?"
#: A line longer than this that holds sentences is a flattened article, not a header row,
#: even when it starts like one: its leading meta fields are cut (label rule), not the line.
FLATTENED_CHARS = 120


def _rules(kind: str, *patterns: str | tuple[str, str] | tuple[str, str, str]) -> list[NoiseRule]:
    """Rules of one kind; a pattern given as (source, needs) carries its character gate, and
    as (source, needs, gate) a small regex tried before it on a line that has those."""
    return [
        NoiseRule(
            kind,
            LazyPattern(p)
            if isinstance(p, str)
            else LazyPattern(p[0], needs=p[1], gate=p[2] if len(p) > 2 else ""),
        )
        for p in patterns
    ]


#: The top-level domains of the sites' addresses the rules below know.
_TLDS = (".com", ".cn", ".net", ".org", ".cc", ".top", ".vip", ".info")
#: A site address's end: its top-level domain, then no more of the address.
_TLD_END = rf"\.(?:{'|'.join(t[1:] for t in _TLDS)})(?![a-z0-9.])"

#: A lesson plan's field captions, perhaps letter-spaced ("授 课 人"), and the one whose
#: value is the lecture itself.
_PLAN_FIELD = (
    r"(?:备\s*课|授\s*课|教\s*学)\s*(?:时\s*间|人|对\s*象|地\s*点|目\s*的|目\s*标|要\s*点"
    r"|内\s*容|重\s*点|难\s*点|方\s*法|过\s*程|准\s*备)"
)
_PLAN_TEXT = r"(?:授课|教学|讲授)(?:内容|过程)"

#: A mirrored account article's plea under the text ("长按二维码…即可关注“某某”", the
#: account's slogans below it: pool mining-dev26): the page ends there.
_FOLLOW_PROMPT = r"^长按(识别)?(图片|图中)?二维码[^。！？]{0,16}关注"
_FOLLOW_PROMPT_RE = re.compile(_FOLLOW_PROMPT)


RULES: list[NoiseRule] = [
    *_rules(
        "header",
        r"^\|? ?收藏本文",
        r"^简介：",
        # An e-book site's caption for one part of a book ("…文选合集：某某-第80部分").
        r"^[^。！？，]{2,40}[-－—]第\d{1,4}部分$",
        # A site's note on what it prints, alone on a line above the text ("（讲话节选）"): the
        # page's caption, never the speech's title.
        r"^（[^（）。！？，]{0,4}(节选|摘录|摘编)）$",
        # Plugin and browser notices ("此页面上的内容需要较新版本的 Adobe Flash Player").
        (r"(?i)(flash\s*player|adobe\s*reader|浏览器版本|需要较新版本|请安装.{0,10}插件|"
         r"启用\s*javascript)", "fFaAjJ浏较插"),
        _SUMMARY_ROW,
        r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?(\s|$)",  # a date-time row
        r"^(作者|来源|发布时间|浏览次数|点击)：",
        r"^(所属)?(栏目|分类|类别|频道)：",
        # "当前位置：", "您现在所在的位置：首页": the caption of a breadcrumb, however worded.
        r"^[您你现在当前所处的]{0,6}位置：",
        # An accessibility skip link copied as text ("Skip to main content", "跳到主要内容").
        r"^([Ss]kip\s+([Tt]o|[Nn]avigation)\b[A-Za-z\s]{0,30}|跳转?到主要内容|跳过导航)$",
        r"^[^\s。，！？]{2,12}( ?[>›»] ?[^>›»。！？]{2,30}){2,}$",  # 首页 > 公文 > 讲话
        # A breadcrumb wrapped over lines: every piece ends in its arrow ("热点 >栏目 >").
        r"^([^\s。，！？>›»]{1,12}\s*[>›»]\s*)+$",
        r"^([^\s。，！？]{2,12}\s+)?(首页|主页) ?[>›»]",  # 某某网 首页 > 讲话稿 > …
        # One category and the article's title: "讲话致辞 > 在…的讲话".
        r"^[^\s。，！？>›»]{2,12}\s*[>›»]\s*[^>›»。！？]{4,60}$",
        # CSS text of a Word-to-HTML export ("p.MsoNormal{margin：0cm；font-family：宋体}").
        r"(?i)^([a-z.#@*][\w.#@*,： >-]{0,80}\{|(mso-|font-|margin|line-height|text-indent)"
        r"[a-z-]*\s*[:：])",
        r"^\d{1,2}-\d{1,2}\s+[^\s。，！？]{2,16}$",  # "10-28 某某素材库": a date and the site
        # "党课讲稿系列（三）": the site's series of texts ("…推出惠民政策系列" is a point).
        r"^[^。，！？]{0,16}(讲稿|讲话|范文|党课|材料|文章|专题)系列"
        rf"(之[{NUMERAL_CHARS}\d]+|（[{NUMERAL_CHARS}\d]+）)?$",
        r"^字号[：:]?\s*[大中小]",
        r"^(【?(打印|关闭|收藏)(本页|窗口)?】? ?){2,}$",
        r"^(责任编辑|文章来源|来源|编辑|审核|供稿|录入)：",
        r"^【?字体：",
        r"^分享到",
        r"^(扫一扫|扫描二维码)",
        r"^(阅读|浏览|点击)(次数|量)?：\s*\d+",
        # "发布时间：2024-…", "内容发布更新时间 ： 2024/5/4 …": a short field name ending in
        # 时间/日期 (or "最后更新："), a date after its colon; perhaps after the article's
        # category and a space ("会议发言范文 发布时间：2010/9/7").
        r"^(?:[^\s。，！？：]{2,8}\s+)?[^\s。，！？：]{0,8}(时间|日期|更新)\s*：\s*\d{4}[-/.年]",
        r"^本文由.{0,24}(整理|提供|发布|上传|编辑|收集)",
        r"^(返回(顶部|首页|列表|目录)\s*)+$",
        r"^(本文)?(标签|TAGS?|Tags?|关键词|关键字)：.{0,60}$",
        r"^(【[^【】]{1,6}】\s*){2,}$",  # 【打印】【关闭】【收藏】 button rows
        r"^【(打印|关闭|收藏)(此文|本文|本页|窗口)?】$",
        (r"(扫码|二维码)", "扫维"),  # only when the line is short and not a sentence: see classify
        r"^[>›»<«]+$",  # a lone breadcrumb arrow left over from the page's navigation
        # A navigation cell, its separator after it ("演讲稿 |"), and a links box's caption
        # ("推荐访问"): the page's menu, never a title's second half.
        r"^[^\s。，！？|｜]{1,6}\s*[|｜]$",
        r"^(推荐|相关|热门)(访问|链接|网站|站点)：?$",
        r"^(网站|网页)?(首页|主页)$",  # the menu's first link, alone on its line
        # 返回 / 打印本页 / 关闭窗口 buttons (a lone 上一页 is pagination: the text is cut there).
        rf"^(?!上一页|下一页){NAV_BUTTON}(\s*{NAV_BUTTON})*$",
        rf"^(\s*[\[【]{_BUTTON_WORDS}[^\[\]【】]{{0,4}}[\]】])+$",  # [下载该文章] [会员注册]
    ),
    *_rules(
        "footer",
        r"^下载.*(word格式文档|\.docx?)$",
        r"^将本文档下载到",
        r"^(声明：)?本文内容由",  # "本文内容由互联网用户自发贡献，该文观点仅代表…"
        r"^相关范文推荐$",
        # A plea to follow the site's account for more ("关注某某微信可获取更多资讯…").
        r"^关注[^。！？]{0,12}(微信|公众号)[^。！？]{0,6}(获取|了解|查看|阅读)(更多|最新)",
        _FOLLOW_PROMPT,  # the same under a mirrored account article ("长按二维码…关注")
        r"^猜你喜欢$",
        # A government portal's feedback box under the text ("此页面有问题吗？" / "本页内容对您
        # 有帮助吗？" / "提交"): a question about the page, never the speaker's.
        r"^(?:此|本|这个?|该)(?:页面?|网页|篇?文章)(?:内容|信息)?(?:是否)?"
        r"(?:有问题|有错误|有帮助|对[你您]有(?:帮助|用)|有用)吗?？?$",
        r"^推荐度",
        r"^点击下载",
        r"^欢迎下载DOC格式",
        r"^(相关|热门|推荐|猜你)(文章|阅读|范文|推荐|喜欢)：?$",
        r"^免责声明",
        (r"(Copyright|©)", "C©"),
        r"^(上一篇|下一篇)：",
        r"^版权(声明|所有)",
        # A blog's comment box under the post, its count first ("1 则留言：").
        r"^\d+\s*(则|条|个)(留言|评论|回应)：?$",
        r"^(网友评论|发表评论|我要评论|评论列表|最新评论|用户评论|全部评论|精彩评论|热门评论|读者评论)",
        # The comment box's caption with its count, perhaps behind the article's title
        # ("…的讲话的评论3条评论", "留言与评论（共有 条评论）").
        # (Searched only on lines holding 评: not anchored with ^, it stays out of the union
        # of anchored rules, where its free start would be tried on every line.)
        (r"\A[^。！？]{0,60}评论\s*[（(]?\s*(共有?)?\s*\d*\s*条评论", "评"),
        # A block of recommended items under the text, by its caption alone; a news portal
        # names it by what it lists ("新闻推荐", "热点推荐", "图片推荐": set-aside 23).
        r"^(为你|为您|好文|精品|本周|今日|编辑|新闻|热点|图片)推荐：?$",
        r"^(猜你|你可能)(喜欢|还喜欢|感兴趣)：?$",
        r"^(上一篇|下一篇)\s*[^。！？]{2,}$",
        # A forum post's attachment box after the text ("附件列表", "相关附件"): the post ends.
        r"^(附件列表|附件下载|相关附件|下载附件)：?$",
        # A list's caption, or several in a row ("其他相关文章： 最新增加文章："): the page ends.
        r"^(?:(其他|其它)?(相关|热门|推荐|最新|精彩|延伸|更多)(增加|发布|更新)?"
        r"(文章|阅读|范文|推荐|内容|专题|资料)(推荐|列表)?：?\s*)+$",
    ),
    *_rules(
        "paywall",
        r"^(预览|试读|免费阅读|试看)(已)?结束",
        # "因篇幅问题不能全部显示，请点此查看更多": the site shows only the start of the text.
        (r"(篇幅|字数|内容)[^。！？]{0,6}(不能|无法|未能|未)(全部|完整|全文)?(显示|展示|展开)",
         "幅数容"),
        # "（想阅读全部图文内容，您需要先登陆！）": reading on needs an account.
        r"^[（(【]?[^。！？]{0,12}(阅读|查看|浏览|下载)(全部|全文|完整|剩余|更多)"
        r"[^。！？]{0,24}(登录|登陆|注册|会员|付费|充值)",
        # The same note where the stored copy ends before its last words ("（阅读全部图文内容，
        # 您需要").
        r"^[（(【]?[^。！？]{0,12}(阅读|查看|浏览|下载)(全部|全文|完整|剩余|更多)[^。！？]{0,12}"
        r"，\s*(您|你)?(需要|需|请先|请|须)$",
        r"^（(未完|全文未完)",
        r"^未完待续",
        r"全文共\d+字",
        r"当前(显示|仅显示)\d+字",
        r"^(剩余|余下|还有)\d*.{0,4}(字|内容).{0,8}(阅读|查看|下载|解锁)",
        r"^(阅读|查看|展开|下载)(全文|完整版|剩余)",
        r"^(还剩|剩余).{0,8}(未读|继续阅读)",
        r"继续阅读$",
        r"^(全文)?阅读已结束",
        r"^(会员|VIP)(登录|专享|下载|免费)[^。！？]*$",
        r"^(登录|注册).{0,10}(查看|下载|阅读)(全文|完整)",
        # 请先登录 / 登录后查看 / 登录后下载: the rest of the text is behind the site's login.
        r"^(请先|请|需要|您需)?(登录|登陆|注册)(后|以后)?(才能|方可|即可|可)?"
        r"(查看|下载|阅读|浏览|复制|继续)?(全文|本文|完整版|更多)?[！。]?$",
        # A box that hides the rest from visitors: its caption ("隐藏内容") and its note ("此处
        # 内容需要权限查看", "以下内容需要积分才能阅读").
        r"^隐藏(的)?内容：?$",
        # The note that stands for the hidden rest ("全文已隐藏", "（剩余部分已被隐藏）").
        r"^[（(【]?(全文|正文|剩余|余下|其余)(部分|内容)?已?被?隐藏",
        r"^(此处|以下|剩余|该|本文)?(部分)?内容[^。！？]{0,6}(权限|积分|金币|会员|付费)[^。！？]{0,6}"
        r"(查看|阅读|可见|浏览)",
    ),
    *_rules(
        "between",
        r"^看过.*的人还看了：?$",
        # A page number on a line of its own, bare or dashed ("19", "- 1 -", "—2—", "3/12"),
        # as PDF and Word exports print it: the text goes on.
        r"^([-－—]\s*)?\d{1,3}(\s*[-－—])?$",
        # An article's id printed alone under the text ("149027", the number in its address):
        # five digits or more, no year and no page number, never a line of a speech.
        r"^\d{5,10}$",
        r"^\d{1,3}\s*/\s*\d{1,3}$",
        # An e-book reader's notices around each part of a book: how to turn its pages by the
        # keyboard ("按键盘上方向键 ← 或 → 可快速上下翻页…"), and a bookmark prompt ("未阅读完？
        # 加入书签已便下次继续阅读！").
        (r"^按键盘上?的?方向键", "键"),
        (r"^[—\-\s]*(未阅读完？?)?加入书签", "书"),
        # A document library's file row of counts only ("4 页 999+", "10 页 31.89KB"): pages,
        # views capped with a plus, the file's size; two at least.
        r"^(?:(?:\d+(?:\.\d+)?\s*(?:页|KB|MB|K|M|字)|\d+\+)\s*){2,}$",
        # An image's file name where the page showed the picture ("2.jpg", "IMG_0123.JPG"):
        # a government article page's photos lost in the copy, alone on their lines (pool
        # mining-setaside22), never words of the speech; the text goes on.
        (r"(?i)^[\w\-（）()]{1,40}\.(?:jpe?g|png|gif|bmp|webp)$", ".",
         r"(?i)\.(?:jpe?g|png|gif|bmp|webp)$"),
        # The same lost picture when its server answered with an error page: the page's text
        # printed where the image stood, its status line ("404 Not Found", "403 Forbidden",
        # "502 Bad Gateway") and the server's name under it ("nginx", "openresty/1.19",
        # "Apache"), in a newspaper's e-paper page above and under the headline (pool
        # mining-dev27); never words of a Chinese speech, the text goes on.
        (r"^(?:HTTP/[\d.]+\s+)?[45]\d\d\s+(?:[A-Z][a-z]+\s?){1,4}$", "45"),
        (r"(?i)^(?:nginx|openresty|tengine|apache|microsoft-iis)(?:/[\d.]+)?(?:\s*\([^()]*\))?$",
         "nNoOtTaAmM"),
        # A news page's advertising slot, its label printed once or twice ("广告 广告").
        r"^广告(\s*广告)?$",
        # A news photo's caption, known by its credit at the line's end ("…握手。（图/某某新闻）",
        # "（图取自某某脸书）"): the photo sits between the speech's paragraphs.
        (r"[（(](?:图|图片|照片)\s*(?:[/／：]|取自|来源)[^（）()。！？]{1,24}[）)]$", "图片照"),
        # A photo's caption known by its label at the line's start ("封面图片：某某教授（某某
        # 大学）", "配图：…", "图片说明：…"): a reprinted article's cover picture lost in the copy,
        # its caption the first line of the page (pool mining-dev25), never a title nor the
        # speech's words; at most one sentence follows the label.
        (r"^(?:封面|题|配|首|头|上|下|左|右)?(?:图|图片|照片)(?:说明)?[：:]"
         r"[^。！？]{2,60}[。]?$", "图照"),
        # The same credit as a handle ("…上致辞（@某某日报）"), perhaps with a converted page's
        # pinyin glosses inside ("（@某某日（rì）报）").
        (r"[（(][@＠](?:[^（）()。！？]|（[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}）){1,40}[）)]$",
         "@＠"),
        # A document viewer's controls: the page counter ("/ 12", "3 / 12" above) and its
        # full-screen button.
        r"^/\s*\d{1,4}$",
        r"^第\s+\d{1,4}\s+页$",  # the viewer's page mark, spaced ("第 2 页"): the text goes on
        r"^(全屏|退出全屏)(查看|阅读|浏览|显示|预览)?$",
        # A copy handler's address line, which some sites insert mid-text ("本文地址：https://…"):
        # the line goes, the speech goes on.
        r"^(本文|原文)(网址|链接|地址)：",
        # A library's note where it hides part of the text from non-members ("此处隐藏4810个字。
        # VIP会员可见", "---此处隐藏2200字，下载后查看---"): the visible end follows.
        r"^[-—\s]*此处(已)?(隐藏|省略)\d+个?字[^。！？]{0,24}[。！]?[^。！？]{0,16}$",
        # The site's claim to the text, a sentence of its own wherever it stands ("本文为原创
        # 文章，转载请注明出处。", "声明：本文系本网原创稿件，未经授权不得转载。"): the line goes.
        r"^(声明：|版权声明：)?(本文|本篇|此文|本站|本网)[^。！？]{0,16}原创[^。！？]{0,12}"
        r"(转载|复制|使用)[^。！？]{0,12}[。！]?$",
        # A link to another article between paragraphs: "推荐阅读：2023年…讲话稿".
        r"^(推荐|相关|延伸|热门|拓展|精彩)(阅读|文章|范文|推荐|访问|链接|浏览)：[^。！？]{2,40}$",
        r"^(相关|延伸)阅读：?$",
        # A news photo's caption between the paragraphs, closed by its credit ("…挥手致意。
        # 新华社记者 某某某/摄", "（本报记者 某某 摄）"): the site's, the speech goes on.
        (r"(?:记者|摄影|通讯员)\s*[^\W\d_a-zA-Z]{2,4}(?:\s*[、，]\s*[^\W\d_a-zA-Z]{2,4})*"
         r"\s*[/／]?\s*摄[）]?$", "摄", "摄）?$"),
        # A row of the site's counters ("阅读 1352 评论 6", "点赞3 收藏1", "评论0", "12条评论"):
        # a count stands by each word, in brackets or after a colon or not.
        rf"^(?:(?:{_COUNTED}(?:量|数|次数)?\s*[：]?\s*[（(]?{_COUNT}[)）]?\s*(?:次|条|人)?"
        rf"|{_COUNT}\s*(?:次|条|人)?{_COUNTED})\s*)+$",
        # A teaser snippet ("同志们:今天的会议……......"), and a line of nothing but ellipses,
        # three pairs or more, that a preview prints where it cuts the text or a copy sets
        # between paragraphs ("………………………………", set-aside 23): a writer's ellipsis is one
        # pair ("……", a presiding script's line for a report not printed), and stays.
        (r"\.{6}$|^…{6,}$", ".…"),
        # A paragraph wholly in brackets is a note on the text, not the speaker's words: an
        # editor's comment on an annotated sample ("（标题采用下定义的手法，…）"), a site's
        # disclaimer.  Stage directions ("（掌声）") are shorter; a dated note in the head
        # ("（2011年11月3日 根据录音整理）") and a bracketed subtitle ending in 讲话 stay.
        rf"^（(?![^（）]*{TITLE_END}）)[^（）\d]{{12,}}）。?$",
    ),
    *_rules(
        "pagination",
        r"^(\[\d+\])+下一页$",
        r"^(上一页|下一页|第\d+页|共\d+页)( |$)",
        # "本页共2页，当前第1页 上一页 1 2 下一页": the pager's count, then perhaps its links.
        r"^(本页|本文|全文)?共\s*\d+\s*页\s*[，]?\s*(当前|现在)(是|为)?第\s*\d+\s*页",
        r"^(\d+ ){2,}\d+$",
    ),
    *_rules(
        "inline",
        r"本文来自\S{0,4}之音网",
        r"公务员之家版权所有",
        r"爱思范文(网)?\d*",
        (r"(更多|本文)(精彩)?内容(请)?(访问|来自)\S{0,12}(网|\.com|\.cn)", "内"),
        r"`",
        (r"[（【](本文)?来源[：]?[^（）【】]{0,16}(网|\.com|\.cn|本站)[）】]", "源"),
        # A bracketed note on where the text came from or what it may be used for: "（本文来源于
        # 网络，仅供学习参考）", "【转载请注明出处】", "（如有侵权请联系删除）".
        (r"[（【\[](本文|文章|此文)?(来源|来自|转载|摘自|选自|整理自|如有侵权|版权归)"
         r"[^（）【】\[\]]{0,30}[）】\]]", "（【["),
        (r"[（【\[][^（）【】\[\]]{0,20}(仅供(学习|参考|阅读|交流)|侵权|侵删)[^（）【】\[\]]{0,20}[）】\]]",
         "供侵"),
        # A template's note to whoever fills it in, where a name or a figure goes ("（一个…的
        # 名字加职务，你可以前后对照进行准确替换）", "（请根据本单位实际修改）"): it speaks to the
        # reader, never the audience.
        # (Gated by the word right before a closing bracket: the speeches' own 修改 is not.)
        (r"[（(][^（）()]{0,30}(?:你|您|请|可)[^（）()]{0,16}(?:替换|修改|改写|填写|填入)"
         r"[^（）()]{0,12}[）)]", "替修改填", r"(?:替换|修改|改写|填写|填入)[^（）()]{0,12}[）)]"),
        # A training company's name in brackets, set off by a space at a line's end: the
        # watermark of a hard-wrapped PDF, on a heading's or a paragraph's line ("…的重要
        # 性和紧迫感 (某某教育)", pool mining-phrase-a).  The speech's own brackets close a
        # clause without a space before them, or hold more than a name.
        (r"\s+[（(][^（）()\s，。、；：]{2,4}(?:教育|培训)[）)]$", "教培"),
        # Bracketed buttons in a meta row or after a title: [下载该文章] [会员注册] 【收藏本文】.
        (rf"\s*[\[【]{_BUTTON_WORDS}[^\[\]【】]{{0,4}}[\]】]", "[【"),
    ),
    *_rules(
        "inline",
        (r"\s*[|｜]+\s*$", "|｜"),  # a menu separator left at a text line's end ("本轮…… |")
        # A preview's cut mark: three ASCII dots ending a line where a forum, a list or a
        # library shortens the post, after a space, a clause mark or mid-word ("人的生命对于
        # 其它任 ...", "长期以来，...", "也是一次临战动员会..."); a writer's ellipsis is "……".
        (r"\s*(?<![.…])\.{3}$", "."),
        # HTML comments, Word's conditional comments ("<!--[if gte mso 9]>…<![endif]-->") and
        # tags, namespaced ones too ("<w:WordDocument>"), left in the text.
        (r"<[!！]--.*?--[>＞]|<[!！]\[[^\]]{0,40}\][>＞]", "<"),
        (r"</?[a-zA-Z][a-zA-Z0-9]*([:：][a-zA-Z0-9]+)?(\s[^<>]{0,200})?/?>", "<"),
        (r"^/?[a-zA-Z][a-zA-Z0-9]{0,8}>\s*", ">"),  # a tag's tail whose "<" the copy lost
        # Style sheets of a Word- or office-to-HTML export run into the text ("@page { size：
        # 8.27in …} p.cjk { font-family：…}"): a selector and a brace block of property：value.
        (r"(?i)[@.#a-z*][a-z0-9_.#@,：>\s*-]{0,60}?\{[^{}]{0,600}?[a-z-]+\s*：[^{}]{0,600}?\}\s*",
         "{"),
        # A content system's unfilled template tags ("[标签：标题]", "{dede：field.title/}")
        # and its markers where paid text begins ("##paidbegin##").
        (r"(?:[\[{](标签|字段|field|dede)：[^\[\]{}]{1,30}[\]}]|##[A-Za-z_]{3,24}##)\s*", "[{#"),
        (r"\s*第\s*\d+\s*页\s*共\s*\d+\s*页\s*", "页"),  # a PDF's page footer run into the text
        # A paper archive's note on the text run on after its title, to its full stop
        # ("<title>，本文主要内容关键词为：…论文，此文献不代表本站观点，…阅读下载。").
        (r"\s*，\s*本文(?:的)?(?:主要内容)?(?:关键词|关键字)(?:为|是)?：[^。！？]*[。！？]?\s*",
         "键", "本文[^，。]{0,6}关键"),
        # Where the text was left out, one rule (one gate) for three marks: the copier's, set
        # off by ellipses ("具有重要 ……略…… 系列实际问题"; a speaker's own ellipsis holds no
        # 略); a site's note where it cut the text ("……（某网省略264字，正式会员可完整阅读）……");
        # a library's note inside a line, where the hidden part began mid-paragraph ("…要对照
        # ……此处隐藏3185个字…… 要把…", "……此处隐藏5232字，下载文档可见……", "（此处隐藏800字）").
        # The note goes, the text around it stays.
        (r"\s*[…\.]{2,}\s*[（(]?(?:此处|以下|中间|部分)?(?:内容)?省?略[)）]?\s*[…\.]{2,}\s*"
         r"|[…\.]*（[^。！？]{0,60}?省略\d+字[^。！？]{0,30}?）[…\.]*"
         r"|\s*[…—\-.]*\s*(?P<open>[（【\[])?此处已?(?:隐藏|省略)了?\d+个?字"
         r"(?:，[^。！？…—.\s）】\]]{1,12})?(?(open)[）】\]])[…—\-.]*\s*", "隐略"),
    ),
    *_rules(
        "label",
        r"^(文章标题|本文标题|文章题目|标题|题目|正文|文章正文|全文)：\s*",
        # The same captions as a record table's cell, the value behind bars ("文章名称 | ： | …").
        (r"^(文章名称|文章标题|文章题目|标题|题目|篇名)\s*\|\s*：\s*\|\s*", "|"),
        # One rule (one try per line) for the captions of a record or a plan: a document
        # library's item number glued before the text ("编号：541193579县委…"); a journal
        # database's record fields, the value after spaces ("文献题名 在…的讲话", "文摘内容
        # 今天，…": the caption goes, the title or the text stays); a lesson plan's fields
        # over a party lecture ("备课时间：", "授 课 人：", "教学目的：…", "授课要点：一、…；
        # 二、…。"), run into one line or not: the plan's, not words the lecturer speaks, up
        # to the field that holds the lecture ("授课内容：").
        (r"^(?:编号：\s*[A-Za-z]{0,6}\d{5,14}\s*|(?:文献题名|题名|篇名|文摘内容|文摘)\s+(?=\S)"
         rf"|{_PLAN_FIELD}\s*：(?:.*{_PLAN_TEXT}\s*：\s*|.*$))", "编名摘备授教"),
        # A summary's caption the page printed before the speech itself, which opens with its
        # address ("内容简介：同志们：这次会议…", "摘要：各位村支书：…").
        (rf"^{_SUMMARY_CAPTION}：\s*(?={_ADDRESS_AHEAD})", "简摘提导"),
        # The same captions in brackets ("【正文】", "[全文]"), alone or before the text.
        r"^[【\[［〔](文章标题|本文标题|文章题目|标题|题目|正文|文章正文|全文|内容)[】\]］〕]\s*",
        # Button captions that the copy-paste picked up in front of the text.
        r"^(正文复制|一键复制|复制全文|复制本文|复制内容|复制文章|下载全文|全文下载|下载本文|"
        r"下载文档|打印本文|收藏本文|加入收藏|立即下载|免费下载)\s*",
        # Meta fields and buttons leading a flattened one-line article ("时间：2014-2-20
        # 18：25：14 [下载该文章] 来源：某网 在…的讲话 同志们：…"): cut, the speech kept.
        rf"^(({_META_FIELD}|{_DATE_TIME}|{_CLOCK}|[\[【]{_BUTTON_WORDS}[^\[\]【】]{{0,4}}[\]】])\s*)+",
        # The links to the articles before and after, leading such a line.
        (r"^((上一篇|下一篇)：\s*[^\s。！？]{0,60}\s+)+", "篇"),
    ),
    # A site's name and slogan ending in its address, run into a speech's title or its address
    # ("某某之家—资源每日更新www.example.com在…的讲话同志们：…"); tried only on a line that
    # holds an address (an ASCII gate: decimals such as "7.2万亩" pass no further).
    NoiseRule("label", LazyPattern(
        r"^[^\s。！？，：]{0,30}?(?:https?://)?(?:www\.)?[a-z0-9-]{2,}(?:\.[a-z0-9-]+)*"
        rf"{_TLD_END}\s*(?=[^。！？，\s]{{4,60}}?{TITLE_END}|{_ADDRESS_AHEAD})",
        needs=".", gate=rf"[a-z0-9]{_TLD_END}",
    )),
]

#: A site's greeting to its visitor, printed as the page's first line ("欢迎您来到某某学校（某某
#:中心）！", "欢迎光临某某局！"; a school site in pool mining-dev24).  Its exclamation mark
#: made it the page's first sentence, so a speech without an address lost its title into the
#: opening.  Applied to the page's first content line only (``split.clean_lines``): a speaker
#: welcomes the audience under a title or an address, never above them; and a name with 的 in
#: it describes a place ("欢迎来到美丽的…"), as a speaker does, not a site naming itself.
SITE_WELCOME = LazyPattern(
    r"^欢迎[您你]?(?:访问|来到|光临|莅临|进入)[^。！？，；：的\s]{2,60}[！。]?$", needs="欢"
)

#: Page-title count hints: "(共含18篇)", "(推荐18篇)", "[大全5篇]", "(5篇模版)", "(实用22篇)";
#: a word before the count may be any short one, but not 第 ("（第二篇）" is an ordinal).
COUNT_HINT = re.compile(
    rf"[（\[【](?!第)[\u4e00-\u9fff]{{0,4}}?(\d+|[{NUMERAL_CHARS}]+)篇(?:模版|材料|范文|通用)?[）\]】]"
)


#: Site vocabulary as (weight, pattern): how surely a word marks a line as the site's own
#: (navigation, downloads, accounts, contact, ads) rather than the speaker's.  Each pattern
#: counts once per line.
SITE_WORDS: list[tuple[int, re.Pattern[str]]] = [
    (weight, re.compile(pattern))
    for weight, pattern in [
        (3, r"(?i)[a-z0-9-]{2,}\.(com|cn|net|org|cc|top|vip|info)\b"),  # a domain name
        (3, r"(?i)https?://|www\."),
        (3, r"(?i)©|copyright"),
        (3, r"[👉👈☞☜➤\U0001F300-\U0001FAFF]"),  # pointing hands and other emoji
        (2, r"(?i)客服|(vx|微信|qq|QQ)[：号]|公众号|订阅号|服务号|视频号"),
        (2, r"仅供(学习|参考|阅读)|请勿(他用|转载|商用)|侵权|免责"),
        (2, r"预览|全文共|当前显示|未完|未读|阅读全文|查看全文|继续阅读|小编"),
        (2, r"会员|登录|登陆|注册|VIP|付费|充值|金币|扣费"),
        (2, r"当前位置|上一篇|下一篇|返回首页|网站地图"),
        (2, r"扫码|二维码|扫一扫|关注.{0,6}公众号|更多精彩"),
        # A document's file facts: "文档格式：docx 页数：5页 大小：20KB"; and a sharing
        # site's notices on the file it hosts, which it calls 本文档 ("1、本文档共5页，可阅读
        # 全部内容。" "2、本文档由网友投稿…", numbered under the title, pool mining-dev30): a
        # speaker names his paper 本文件 or 这份材料, not the site's word for an upload.
        (2, r"(?i)页数：|大小：|格式：|本文档|\b(docx?|pdf|wps)\b|\d\s*[KM]B\b"),
        (2, r"欢迎(访问|来到|光临|浏览)|温馨提示|投稿|友情链接|支付|付款"),
        (1, r"下载|复制|打印|收藏|分享|举报|评论|文档|字体|字号|关闭|账户|解压"),
        (1, r"搜索|关键词|栏目|首页|频道|专题|导航|链接|手机版|电脑版"),
        (1, r"点击|浏览|阅读量|热度|推荐|相关|点赞"),
        (1, r"联系|代笔|定制|咨询"),
        # An app or shortcut prompt ("安装后可在桌面快捷访问"); weak words alone, so a point
        # on installing chargers keeps its line.
        (1, r"安装|桌面|快捷|客户端|插件|(?i:(?<![a-z])app(?![a-z]))"),
        (1, r"本站|本网|网站|全网|范文|文库|素材|大全|整理|来源|作者|编辑|发布"),
        # A line that is just a site's or an account's name ("公文素材库", "某某文秘网",
        # "微信订阅号").
        (2, r"^[^\s，。！？]{2,10}(网|站|文库|之家|素材库|资料库|订阅号|公众号)$"),
    ]
]
#: Separators of menus, breadcrumbs and meta rows.
_SEPARATORS = re.compile(r"[|｜>›»]")
_SENTENCE_END = re.compile(r"[。！？…]")
#: A speech's own title line: its site words are part of the occasion, not furniture.
_TITLE_END = re.compile(
    rf"{TITLE_END}(范文|大全|精选|模板)?"
    rf"\s*([（\[【][^（）\[\]【】]{{1,10}}[）\]】])?(篇[{NUMERAL_CHARS}\d]{{1,3}}|\d{{1,2}})?"
    # A file name's extension, and an HTML page title's trail of categories and site name:
    # "….docx", "…的讲话_讲话稿_某某范文网".
    r"(\.(docx?|DOCX?|wps|pdf|PDF|txt))?((_|｜|\||\s?[-－]\s?)[^_｜|。！？，]{1,20})*$"
)
#: A meta row run onto a title: "在…的讲话 发布时间：2024-01-12 浏览：23".
META_TAIL = re.compile(
    r"\s+((发布时间|发布|时间|日期|来源|作者|浏览|阅读|点击|栏目|标签|分类|字号|字体)："
    # A blog's row: the time in brackets, then its buttons and tags ("（2024-05-10 09：12：33）
    # 转载▼ 标签：…").
    r"|（\d{4}-\d{1,2}-\d{1,2}(\s+\d{1,2}[:：]\d{2}([:：]\d{2})?)?）).*$"
)
#: Score from which a line is furniture: at the page's edges (before the speech begins, after
#: its last sentence) and between speech lines (short lines only).
FURNITURE_EDGE = 3
FURNITURE_MID = 5

#: Rules in this set match a word, not a shape: they apply only to short non-sentences.
_WORD_RULES = {r"(扫码|二维码)"}
#: Longest line a paywall note can be; it ends the page's content, so be sure.
PAYWALL_CHARS = 60
#: Longest line a word rule (and the furniture score) may remove in mid-text.
SHORT_LINE = 40


def _named(index: int, source: str) -> str:
    """A rule's pattern as a named alternative ``r<index>`` of a union (its global flag, if
    any, scoped to it)."""
    body = f"(?i:{source[4:]})" if source.startswith("(?i)") else source
    return f"(?P<r{index}>{body})"


#: Line rules (positions in ``RULES``), anchored at the line's start or not.
_LINE_RULES = [k for k, r in enumerate(RULES) if r.kind not in ("inline", "label")]
_FLOATING = [k for k in _LINE_RULES if not RULES[k].pattern.pattern.startswith("^")]
#: All anchored line rules as one pattern: tried at one position, it tells in one step that
#: most lines are none of them, and which rule (the first in order) a noise line is.
_ANCHORED = re.compile(
    "|".join(_named(k, RULES[k].pattern.pattern) for k in _LINE_RULES if k not in _FLOATING)
)


def _skipped(rule: NoiseRule, line: str) -> bool:
    """A rule that does not apply to this line for its shape, whatever it matches.  A line
    that names the QR code to ask for a follow (``_FOLLOW_PROMPT``) ends the page as a footer
    rather than being dropped alone."""
    if rule.pattern.pattern in _WORD_RULES and (
        not _non_sentence(line) or _FOLLOW_PROMPT_RE.match(line)
    ):
        return True
    if rule.kind == "paywall" and len(line) > PAYWALL_CHARS:
        return True  # a paragraph of the speech, however it starts
    if rule.kind == "header" and _CAPTIONED_ADDRESS.match(line):
        return True
    # A whole article on one line behind its meta fields is not a header row; nor, behind the
    # site's links to the articles before and after it ("上一篇：… 下一篇：… <title> 同志们：…"),
    # a footer row, when its paragraphs show as sentence ends before spaces (a long disclaimer
    # is one paragraph).
    if _non_sentence(line) or (
        len(line) <= FLATTENED_CHARS and len(_FLATTENED_BREAK.findall(line)) < FLATTENED_BREAKS
    ):
        return False  # a short page run into one line shows as its paragraph breaks
    if (
        rule.pattern.pattern == _SUMMARY_ROW
        and not _FLATTENED_BREAK.search(line)
        and not _ADDRESS_IN.search(line)
    ):
        # A site's summary box run into one long paragraph ("【摘要】：<the title><the first
        # sentences of the text>", dev31 m2902): no paragraph breaks and no address, so not a
        # page flattened behind the caption, however long.
        return False
    return rule.kind == "header" or (
        rule.kind == "footer" and len(_FLATTENED_BREAK.findall(line)) >= FLATTENED_BREAKS
    )


#: Paragraph breaks a flattening turned into spaces, and how many make a flattened article.
_FLATTENED_BREAK = re.compile(r"[。！？] +\S")
FLATTENED_BREAKS = 2


def classify(line: str) -> str | None:
    """The kind of noise a whole line is (that of the first rule in ``RULES`` that matches
    and applies), or None when it is content."""
    anchored = _ANCHORED.match(line)
    hits = [int(anchored.lastgroup[1:])] if anchored and anchored.lastgroup else []
    hits += [k for k in _FLOATING if RULES[k].pattern.search(line)]
    if not hits:
        return None
    first = RULES[min(hits)]
    if not _skipped(first, line):
        return first.kind
    for k in _LINE_RULES:  # the first hit does not apply: try every rule in order
        rule = RULES[k]
        if not _skipped(rule, line) and rule.pattern.search(line):
            return rule.kind
    return None


#: The words a site's lead-in opens with ("下面是…", "本文是由网友投稿的…").
LEAD_IN_WORDS = ("下面", "以下", "本文", "本篇")
#: The site's lead-in sentence ("下面是小编为大家整理的…，供大家参考。"), at a line's start or
#: after the site's blurb; the speech may follow on the same line ("…供参考。同志们：…").  It
#: names the site or its editor as the gatherer and offers the text to the reader; a speaker's
#: "下面我讲三点意见，供大家参考。" names no gatherer and speaks as 我.
#: A periodical's editor leads in the same way, at the line's start only: "本期刊发某某、某某
#: 六位委员的发言。" (dev31 m2914, a CPPCC journal's page over the first speaker's row): this
#: issue or page (the gatherer) prints (the offer) the speeches below.
ISSUE_WORDS = ("本期", "本版", "本刊")
LEAD_IN = re.compile(
    rf"(?:^|(?<=[。！？ ])){alternation(LEAD_IN_WORDS)}[^。！？我]{{0,80}}?"
    r"(小编|本站|本网|网友|编者|编写|投稿|为大家|为您|给大家)[^。！？我]{0,80}?"
    r"(参考|阅读|借鉴|收藏|欢迎|帮助|分享|供)[^。！？]*[。！？]\s*"
    rf"|^{alternation(ISSUE_WORDS)}(?:刊发|刊登|刊载|选登|摘登|编发)[^。！？我]{{0,80}}?"
    r"(?:发言|讲话|致辞)(?:摘要|摘编|摘登)?[。！？]\s*"
)


def strip_lead_in(line: str) -> str:
    """The line after the site's lead-in sentence, and without the blurb before it; the line
    itself when it holds no lead-in."""
    if not any(word in line for word in LEAD_IN_WORDS + ISSUE_WORDS):
        return line  # the lead-in's first word: a cheap test before the search
    match = LEAD_IN.search(line)
    return line[match.end() :] if match else line


#: The text a site's lead-in or blurb offers, by name: "…为你整理了多篇相关的《<title>》，…",
#: "下面是编写整理的 <title>，欢迎大家阅读。".  Only a name ending like a speech's title, closed
#: by 》 or a comma, is read (a collection's "…讲话稿范文（精选5篇）" is not).
OFFERED = LazyPattern(
    rf"整理(?:了|的)[^《》。！？，]{{0,8}}?《?\s*([^《》。！？，：]{{6,60}}?{TITLE_END})\s*[》，]",
    needs="整",
)


def offered_title(line: str) -> tuple[str, int]:
    """The title a site's lead-in names for the text it offers and where the lead-in's naming
    starts in the line, or ("", -1)."""
    found = OFFERED.search(line) if "整理" in line else None
    return (found.group(1).strip(), found.start()) if found else ("", -1)


#: A site's address, the anchor of a document library's running header.
_ADDRESS = LazyPattern(
    rf"(?:www\.)?[a-z0-9-]{{2,}}(?:{'|'.join(re.escape(t) for t in _TLDS)})(?![a-z0-9])"
)
#: A running header is at least this long (an address printed twice in a blurb is not one),
#: and only a line this long is a document run into one line (page breaks, samples).
RUNNING_HEADER_CHARS = 20
PAGED_LINE_CHARS = 200
_CLAUSE_END = LazyPattern(r"(?<=[，。！？；])")


def strip_running_header(line: str) -> str:
    """A flattened document without the site's running header and footer it printed at every
    page break, mid-word as often as not ("…消防救援工<footer><header>作难度…"): the longest
    text around a site's address that the line prints twice is the header, cut wherever it
    stands; where it follows text, the footer before it goes too (``_footer_start``)."""
    if len(line) < PAGED_LINE_CHARS or "." not in line or not any(t in line for t in _TLDS):
        return line  # cheap tests first: most long lines are paragraphs with no address
    for found in _ADDRESS.finditer(line):
        address, start, end = found.group(), found.start(), found.end()
        again = line.find(address, end)
        if again < 0:
            continue
        left = 0
        while start - left > 0 and again - left > end and (
            line[start - left - 1] == line[again - left - 1]
        ):
            left += 1
        right = 0
        while again + len(address) + right < len(line) and end + right < again - left and (
            line[end + right] == line[again + len(address) + right]
        ):
            right += 1
        header = line[start - left : end + right]
        if len(header) < RUNNING_HEADER_CHARS:
            continue
        pieces = line.split(header)
        kept = [pieces[0]]
        for piece in pieces[1:]:
            kept[-1] = kept[-1][: _footer_start(kept[-1])]
            kept.append(piece)
        return "".join(kept)
    return line


def _footer_start(before: str) -> int:
    """Where a page's footer starts in the text before a running header: back over the
    clauses that hold site words, as long as the last one is furniture on its own
    (accounts, addresses); in the first of them, at its first site word.  No footer: the end."""
    clauses = [c for c in _CLAUSE_END.split(before) if c]
    if not clauses or furniture_score(clauses[-1]) < FURNITURE_EDGE:
        return len(before)
    at = start = len(before)
    for clause in reversed(clauses):
        if not furniture_score(clause):
            break
        at -= len(clause)
        first = min(
            (m.start() for _, pattern in SITE_WORDS if (m := pattern.search(clause))),
            default=0,
        )
        start = at + first
    return start


_LABELS = [r for r in RULES if r.kind == "label"]
_INLINE = [r for r in RULES if r.kind == "inline"]


def strip_label(line: str) -> str:
    """The line without a field label or button caption glued to its start."""
    for rule in _LABELS:
        line = rule.pattern.sub("", line, count=1)
    return line


def strip_inline(line: str) -> str:
    """Cut watermarks out of a content line."""
    for rule in _INLINE:
        line = rule.pattern.sub("", line)
    return line


def _non_sentence(line: str) -> bool:
    """No sentence-final punctuation anywhere: a caption, menu or meta row, not a sentence."""
    return not _SENTENCE_END.search(line)


def furniture_score(line: str) -> int:
    """How much a line looks like site furniture: its distinct site words, weighted, plus a
    point each for a non-sentence shape and for menu separators.  A line shaped like a speech
    title counts only the strong words (weight 2 and up), since a 网站 or 专题 meeting's title
    names them."""
    title = bool(_TITLE_END.search(META_TAIL.sub("", line)))
    score = 0
    for weight, pattern in SITE_WORDS:
        if title and weight < 2:
            continue
        score += weight * len({m.group() for m in pattern.finditer(line)})
    if not score:
        return 0
    if _non_sentence(line) and not title:
        score += 1
    if _SEPARATORS.search(line):
        score += 1
        # A bar of five pieces or more parted by vertical bars is a menu or a keyword bar,
        # whatever mark a mangled piece holds ("…秘？一区…" read as a question): a second
        # point (a spam keyword bar heading a copied speech, pool mining-dev27).
        if line.count("|") + line.count("｜") >= BAR_SEPARATORS:
            score += 1
    return score


#: Vertical bars that make a line a bar of links or keywords (five pieces).
BAR_SEPARATORS = 4


#: Longest line that can be furniture at the page's edges: a site's notice or blurb sentence
#: runs to about 100 characters; a longer line is the speech's (or a flattened page's) text.
EDGE_CHARS = 160


def is_furniture(line: str, edge: bool) -> bool:
    """Site furniture by score: at an edge of the page a line of at most ``EDGE_CHARS``, in
    mid-text a short line that is not a sentence (a speaker who mentions 网站 and 下载 in a
    sentence keeps it).  Position, length and punctuation are tested first, so only lines
    they leave possible are scored (the score is most of the furniture pass's cost).  A line
    that addresses the audience is the speech's, whatever words it holds ("各位理事、各位会员：":
    会员 is a site word too); it is tested last, on the few lines the score marks."""
    if edge:
        marked = len(line) <= EDGE_CHARS and furniture_score(line) >= FURNITURE_EDGE
        # A short page run into one line: paragraphs parted by spaces after their sentence
        # ends make it an article, whatever site row it opens with.
        marked = marked and not _titled_piece(line) and len(
            _FLATTENED_BREAK.findall(line)) < FLATTENED_BREAKS
    else:
        short = len(line) <= SHORT_LINE and _non_sentence(line)
        marked = short and furniture_score(line) >= FURNITURE_MID
    return marked and not is_salutation(line)


#: The shortest piece of a line taken for a speech's title among the site's pieces; the title
#: may be a document's file name ("在…的讲话.doc 下载本文").
TITLE_PIECE_CHARS = 8
_TITLE_PIECE = re.compile(rf"{TITLE_END}(\.(docx?|DOCX?|wps|pdf|PDF|txt))?$")


def _titled_piece(line: str) -> bool:
    """A line whose pieces, parted by spaces, hold exactly one speech title that is no
    furniture on its own ("公文资料网 首页 讲话稿 在…的讲话 阅读（1024）"; "在…会员代表大会上的
    讲话 （摘要） 某某会会长 某某"): the page's title row, whose site pieces the title cleaner
    cuts, not a row of furniture to drop whole."""
    pieces = line.split()
    titles = [p for p in pieces if len(p) >= TITLE_PIECE_CHARS and _TITLE_PIECE.search(p)]
    return len(pieces) > 1 and len(titles) == 1 and furniture_score(titles[0]) < FURNITURE_EDGE


#: Breadcrumbs (首页 > 公文范文 > 领导讲话范文) and meta fields (栏目:领导讲话范文) name the
#: site's categories; a line that is just one of those names is a menu entry or category
#: caption, never the speech.
CRUMB = re.compile(r"[>›»]")
CATEGORY_CHARS = 10
_FIELD = re.compile(r"(?:栏目|分类|类别|频道)：\s*([^|｜\s]+)")


def navigation_terms(lines: list[str]) -> set[str]:
    """Category names the page's breadcrumbs and meta fields mention."""
    terms: set[str] = set()
    for line in lines:
        if CRUMB.search(line) and _non_sentence(line):
            parts = CRUMB.split(re.sub(r"^[^：]{0,8}：", "", line))
            if crumb_title(line):
                parts = parts[:-1]  # the article's title the crumbs lead to, kept (round 45)
            if len(parts) >= 2:
                terms.update(p.strip() for p in parts)
        terms.update(m.group(1) for m in _FIELD.finditer(line))
    # The last crumb may be the article's own title; category names are short and plain.
    return {t for t in terms if 2 <= len(t) <= CATEGORY_CHARS and not re.search("[在的上]", t)}


#: The last crumb of a breadcrumb line may be the article's title (首页 > 讲话 > 在…的讲话;
#: 首页 > 讲话稿 > 院长新春致辞).
_TITLE_CRUMB = re.compile(rf"^.{{4,50}}{TITLE_END}$")
#: A last crumb longer than any category name, with no site words and no colon, is the
#: article's title whatever it ends with ("首页 > 讲话稿 > 深化改革 突破创新 …" glued on one
#: row by a page copied without its line breaks, round 45).
CRUMB_TITLE_CHARS = CATEGORY_CHARS + 1


def crumb_title(line: str) -> str | None:
    """The article title a breadcrumb line ends with, if it ends with one.  The title may
    end on one "！" or "？" (a headline's: "…发言：把青春写在…田野上！") and may be a speech
    title, a colon and its theme ("在…上的讲话：扣好…第一粒扣子", round 47): before the colon
    it is a title by its own genre word, so the colon is the title's, not a site field's."""
    if not CRUMB.search(line):
        return None
    *path, last = CRUMB.split(line)
    last = last.strip()
    if not _non_sentence("".join(path)) or not _non_sentence(last[:-1] + last[-1:].strip("！？")):
        return None
    if _TITLE_CRUMB.match(last):
        return last
    colon = last.find("：")
    if colon > 0 and _TITLE_CRUMB.match(last[:colon]) and furniture_score(last) < FURNITURE_EDGE:
        return last
    from .captions import COMPILATION  # captions reads this module's COUNT_HINT

    plain = len(last) >= CRUMB_TITLE_CHARS and not re.search("[：:|｜]", last)
    named = plain and not COMPILATION.search(last)  # a collection's name is no one's title
    return last if named and furniture_score(last) < FURNITURE_EDGE else None
