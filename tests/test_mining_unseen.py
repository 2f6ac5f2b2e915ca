"""The miner on page shapes from sites it was not developed on.

Every page here is written for this test (invented facts, 公文 style) in a shape seen on
other aggregator sites: slogans with domain names, search hints, category captions, meta rows,
breadcrumbs, paywalls, contact ads, copy buttons glued to the title, field labels, salutations
run into the first paragraph or broken over two lines, a text printed twice, navigation and
"related articles" lists.  Each test checks the speech count, title, salutation, every
top-level heading, and that no furniture line reached the speech body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from generator.mining import mine_text
from generator.mining.normalise import normalise_line
from generator.model import Speech
from generator.text_writer import render_text

#: Words that never belong inside a mined speech body on these pages.
FURNITURE_WORDS = re.compile(
    r"(?i)\.com|\.cn\b|www|https?:|©|copyright|预览|全文共|当前显示|未完|客服|VX|👉|当前位置|"
    r"您的位置|栏目|上一篇|下一篇|扫码|二维码|打印|关闭窗口|本文由|阅读量|浏览次数|关键词搜索|"
    r"会员|登录|TAGS|返回顶部|相关文章|热门推荐|文章标题|正文复制|提示信息|字号"
)


@dataclass
class Expect:
    """What a page must mine to, per speech."""

    title: str
    salutation: bool
    headings: list[str]
    flags: tuple[str, ...] = ()


def _body(speech: Speech) -> list[str]:
    texts = list(speech.opening)
    for _, section in speech.walk():
        texts.append(section.heading)
        texts.extend(section.paragraphs)
    return texts + list(speech.closing) + list(speech.signoff)


def check(page: str, expected: list[Expect], furniture: list[str]) -> list[Speech]:
    """Mine the page and assert count, title, salutation, headings and a clean body."""
    speeches = [m.speech for m in mine_text(page, "page.txt").speeches]
    assert len(speeches) == len(expected)
    for speech, want in zip(speeches, expected, strict=True):
        assert speech.title == want.title
        assert bool(speech.salutation) == want.salutation, speech.salutation
        assert [s.heading for s in speech.sections] == want.headings
        body = _body(speech)
        for text in body:
            assert not FURNITURE_WORDS.search(text), text
            for line in furniture:
                assert normalise_line(line) not in text, (line, text)
        if speech.salutation:
            assert not any(text.startswith(speech.salutation) for text in body)
        codes = {f.code for f in speech.flags}
        assert set(want.flags) <= codes, codes
    return speeches


# ---- a slogan with a domain, search hint, category, breadcrumbs, meta row, paywall ---------

SLOGAN_PAGE = """文秘家园 wenmijy.com ,汇集讲话致辞、总结计划等文稿下载。仅供学习,请勿他用!
输入多个关键词搜索,用空格隔开

机关党建范文

当前位置: 首页 > 机关党建 > 机关党建范文

县委组织部“两学一做”常态化推进会讲话

发布:2024-03-18|栏目:机关党建范文|阅读:|

县委组织部“两学一做”常态化推进会讲话

同志们:

今天召开这次推进会,主要是总结前一阶段学习教育情况,安排下一步工作。刚才,三个支部作了交流发言,讲得都很实在。下面,我讲三点意见。

一、提高站位,深刻认识常态化推进的重要意义

学习教育开展以来,部机关各支部认真落实规定动作,全年组织集中学习二十四次,党员参学率达到百分之九十八。

二、突出重点,扎实抓好各项措施落地

（一）抓实学习。各支部要坚持每月一次主题党日,把学习内容与业务工作结合起来。

（二）抓实整改。对查摆出的十七个问题,要建立台账、逐项销号。

三、压实责任,确保学习教育取得实效

会员登录后可下载全文,查看更多内容

文秘家园 wenmijy.com ,汇集讲话致辞、总结计划等文稿下载。仅供学习,请勿他用! | 客服微信:wmjy2024

Copyright © 2019-2024 文秘家园 WenMiJY.Com
"""


def test_slogan_breadcrumbs_meta_and_paywall() -> None:
    (speech,) = check(
        SLOGAN_PAGE,
        [
            Expect(
                "县委组织部“两学一做”常态化推进会讲话",
                True,
                [
                    "提高站位，深刻认识常态化推进的重要意义",
                    "突出重点，扎实抓好各项措施落地",
                    "压实责任，确保学习教育取得实效",
                ],
                ("truncated",),
            )
        ],
        ["输入多个关键词搜索,用空格隔开", "机关党建范文"],
    )
    assert speech.opening[0].startswith("今天召开这次推进会")


# ---- a copy button line, a salutation run into the text, the whole text printed twice -----

_TWICE = """在全区河长制工作推进会上的讲话
同志们:这次会议是区委、区政府研究决定召开的,主要任务是总结去年河长制工作,部署今年治水任务。去年全区十二条河道水质全部达到考核要求,成绩来之不易。
刚才,区水利局通报了河湖巡查情况,三个街道作了表态发言,我都同意。
下面,我讲两点意见。
一、坚持问题导向,集中整治河道突出问题
今年要完成八个入河排污口整治,清理河道垃圾和违章搭建,做到发现一处、整改一处。
二、坚持长效管理,落实各级河长巡河责任
区级河长每季度巡河不少于一次,街道级河长每月不少于一次,村级河长每周不少于一次。
同志们,治水工作久久为功。让我们以更加务实的作风,为建设美丽宜居城区作出新的贡献!
"""
TWICE_PAGE = "正文复制\n" + _TWICE + _TWICE


def test_copy_button_fused_salutation_and_text_printed_twice() -> None:
    (speech,) = check(
        TWICE_PAGE,
        [
            Expect(
                "在全区河长制工作推进会上的讲话",
                True,
                ["坚持问题导向，集中整治河道突出问题", "坚持长效管理，落实各级河长巡河责任"],
                ("repeated",),
            )
        ],
        [],
    )
    assert speech.salutation == "同志们："
    assert speech.opening[0].startswith("这次会议是区委、区政府研究决定召开的")
    assert len(speech.opening) == 3  # the opening is not doubled
    assert speech.closing and speech.closing[0].startswith("同志们，治水工作久久为功")


def test_copy_button_glued_to_the_title() -> None:
    page = "正文复制" + _TWICE
    (speech,) = check(
        page,
        [
            Expect(
                "在全区河长制工作推进会上的讲话",
                True,
                ["坚持问题导向，集中整治河道突出问题", "坚持长效管理，落实各级河长巡河责任"],
            )
        ],
        [],
    )
    assert "repeated" not in {f.code for f in speech.flags}


# ---- a title label, a salutation over two lines, a 主持词, a truncation note ---------------

HOST_PAGE = """在全县老干部迎春座谈会上的主持词
文章标题:在全县老干部迎春座谈会上的主持词
各位老领导、各位
老同志:
辞旧迎新之际,县委、县政府在这里召开老干部迎春座谈会,向全县离退休老同志致以新春的祝福。出席今天座谈会的有县级老领导十八位,各乡镇老干部代表二十六位。
今天座谈会的议程有三项。一是通报全县一年来的经济社会发展情况;二是请老同志们发言;三是县委书记讲话。
(未完,全文共1320字,当前显示268字)
(请认真阅读下面的提示信息)
"""


def test_title_label_broken_salutation_and_truncation_note() -> None:
    (speech,) = check(
        HOST_PAGE,
        [Expect("在全县老干部迎春座谈会上的主持词", True, [], ("truncated", "genre_host"))],
        [],
    )
    assert speech.salutation == "各位老领导、各位老同志："
    assert speech.opening[0].startswith("辞旧迎新之际")
    assert len(speech.opening) == 2


# ---- no title, a preview that ends in "......", contact ads with emoji -------------------

PREVIEW_PAGE = """同志们:
金秋十月,县妇联在这里举办“最美家庭”故事分享会。这是落实县委家庭家教家风建设部署的具体行动。首先,我代表县委,向受到表彰的二十户“最美家庭”表示热烈的祝贺!
有一句老话叫“家和万事兴”,道出了家庭和睦对于个人和社会的重要。
今天,县妇联以“好家风伴我成长”为主题举办分享会,目的是进一步弘扬中华民族传统家庭美德。希望各级妇联组织进一步发挥桥梁纽带作用,切......
预览结束,免费获取全文或定制代写此类文章!
请点击👉 wx2024abc 👈联系客服老师
请点击👉 wx2024abc 👈联系客服老师
"""


def test_untitled_preview_with_emoji_contact_lines() -> None:
    (speech,) = check(
        PREVIEW_PAGE,
        [Expect("（标题待补）", True, [], ("truncated", "no_title"))],
        [],
    )
    assert len(speech.opening) == 3  # the last, cut-off line is the speech's, not a teaser
    assert speech.opening[-1].endswith("切......")


# ---- other furniture: position line, source/author/views, buttons, navigation, lists ------

NAV_PAGE = """您的位置：首页 > 讲话致辞 > 开幕致辞
在第五届乡村振兴产业博览会开幕式上的致辞
来源：本站原创  作者：佚名  浏览次数：2361
发布时间：2024年5月20日
字号：大 中 小
各位来宾，同志们：
五月的田野生机勃勃，第五届乡村振兴产业博览会今天隆重开幕。在此，我代表市委、市政府，向出席开幕式的各位来宾表示热烈的欢迎！
本届博览会共有三百二十家企业参展，展示农产品和加工品一千二百多种。借此机会，我讲三点希望。
一是希望参展企业抓住机遇，拓展销售渠道。要利用网站、直播等新平台，让更多优质农产品走向全国。
二是希望各县区加强对接，促成更多合作项目。
三是希望有关部门搞好服务，确保博览会安全有序。
最后，预祝本届博览会取得圆满成功！
谢谢大家！
本文由办公文秘网整理发布，转载请注明出处
【打印本页】【关闭窗口】
扫码关注公众号获取更多范文
上一篇：在全市农业农村工作会议上的讲话
下一篇：在春季植树造林动员会上的讲话
相关文章
在全县乡村振兴推进会上的讲话
在农民丰收节庆祝大会上的致辞
返回顶部
"""


def test_navigation_source_lines_and_related_lists() -> None:
    (speech,) = check(
        NAV_PAGE,
        [
            Expect(
                "在第五届乡村振兴产业博览会开幕式上的致辞",
                True,
                [
                    "希望参展企业抓住机遇，拓展销售渠道",
                    "希望各县区加强对接，促成更多合作项目",
                    "希望有关部门搞好服务，确保博览会安全有序",
                ],
            )
        ],
        ["在全县乡村振兴推进会上的讲话"],
    )
    assert speech.signoff == ["谢谢大家！"]
    # a sentence that mentions 网站 is the speaker's, not furniture
    assert any("利用网站、直播等新平台" in t for t in _body(speech))


# ---- site words inside real speech lines stay -----------------------------------------------

WORDS_IN_SPEECH = """在全市政务公开工作会议上的讲话
同志们：
这次会议的主要任务是，总结去年政务公开工作，部署今年重点任务。下面，我讲两个问题。
一、肯定成绩，政务公开水平稳步提升
去年，市政府门户网站发布政策文件四百余件，群众可在网上点击查阅、免费下载办事指南，在线咨询答复率达到百分之百。
二、加强政府网站和政务新媒体建设，扩大公开实效
要完善网站栏目设置，方便群众搜索查询；要开通扫码评价，让群众对办事服务打分。
同志们，政务公开是建设法治政府的重要内容。让我们共同努力，为建设人民满意的服务型政府作出新的贡献！
"""


def test_site_words_in_real_sentences_are_kept() -> None:
    speeches = [m.speech for m in mine_text(WORDS_IN_SPEECH, "page.txt").speeches]
    assert len(speeches) == 1
    speech = speeches[0]
    assert speech.title == "在全市政务公开工作会议上的讲话"
    assert [s.heading for s in speech.sections] == [
        "肯定成绩，政务公开水平稳步提升",
        "加强政府网站和政务新媒体建设，扩大公开实效",
    ]
    text = "\n".join(_body(speech))
    assert "免费下载办事指南" in text and "开通扫码评价" in text


# ---- a speech (发言) after a meta line, with views count, tags and a recommendation list ---

TAGS_PAGE = """首页 › 发言稿 › 表态发言
在全市优化营商环境大会上的表态发言
阅读量：1876
时间：2023-09-07 10:21
尊敬的各位领导，同志们：
按照会议安排，我代表市市场监管局作表态发言。今年以来，我局新登记市场主体一万三千户，同比增长百分之十二。
下一步，我们将重点做好以下工作：
一要持续深化商事制度改革，推行企业开办一日办结。
二要加强公平竞争审查，清理妨碍统一市场的规定。
三要提升监管效能，推行“综合查一次”。
我们将以此次大会为契机，为全市营商环境持续优化作出新的贡献！
TAGS：表态发言 营商环境
推荐阅读：
在全市招商引资大会上的表态发言
在全市作风建设大会上的表态发言
在全市安全生产大会上的表态发言
"""


def test_statement_with_views_tags_and_recommendations() -> None:
    check(
        TAGS_PAGE,
        [
            Expect(
                "在全市优化营商环境大会上的表态发言",
                True,
                [
                    "持续深化商事制度改革，推行企业开办一日办结",
                    "加强公平竞争审查，清理妨碍统一市场的规定",
                    "提升监管效能，推行“综合查一次”",
                ],
            )
        ],
        ["在全市招商引资大会上的表态发言", "首页 › 发言稿 › 表态发言"],
    )


@pytest.mark.parametrize(
    "line",
    [
        "同志们：今天召开全县春耕生产会议，主要任务是安排部署春耕备耕工作。",
        "各位代表：现在，我代表县人民政府向大会报告工作，请予审议。",
    ],
)
def test_fused_salutation_is_split(line: str) -> None:
    page = f"在全县春季工作会议上的讲话\n{line}\n要抓好各项工作落实，确保取得实效。\n谢谢大家！\n"
    (mined,) = mine_text(page, "page.txt").speeches
    salutation, rest = line.split("：", 1)
    assert mined.speech.salutation == salutation + "："
    assert mined.speech.opening[0] == rest


# ---- an HTML page title, a title only in the breadcrumbs, a category caption, 导语 --------

HTML_TITLE_PAGE = """在全镇秋冬季森林防火工作会议上的讲话_领导讲话_乡镇公文网
首页 > 领导讲话 > 在全镇秋冬季森林防火工作会议上的讲话
领导讲话
2024-10-08 09:30  佚名
【导语】下面是本站整理的森林防火会议讲话,欢迎阅读参考。
同志们：
进入秋冬季以来，全镇天干物燥，森林火险等级持续偏高，防火形势十分严峻。今天召开会议，就是要动员全镇上下立即行动起来。下面，我讲两点意见。
一、压紧压实责任，做到守土有责
镇村两级要实行网格化管理，每片山林都要明确责任人，确保不留死角。
二、管住野外火源，做到防患未然
要在进山路口设立检查点，严禁携带火种进山，对违规用火行为依法严肃处理。
同志们，森林防火责任重大。让我们齐心协力，确保全镇不发生森林火灾，为平安建设作出新的贡献！
还剩2页未读，继续阅读
🔥热门推荐：森林防火讲话稿10篇
"""


def test_html_title_breadcrumb_title_and_category() -> None:
    check(
        HTML_TITLE_PAGE,
        [
            Expect(
                "在全镇秋冬季森林防火工作会议上的讲话",
                True,
                ["压紧压实责任，做到守土有责", "管住野外火源，做到防患未然"],
            )
        ],
        ["领导讲话", "【导语】下面是本站整理的森林防火会议讲话,欢迎阅读参考。"],
    )


def test_title_only_in_the_breadcrumbs() -> None:
    lines = HTML_TITLE_PAGE.splitlines()
    page = "\n".join(lines[1:2] + lines[3:])  # no page title, no category caption
    (speech,) = check(
        page,
        [
            Expect(
                "在全镇秋冬季森林防火工作会议上的讲话",
                True,
                ["压紧压实责任，做到守土有责", "管住野外火源，做到防患未然"],
            )
        ],
        [],
    )
    assert speech.opening[0].startswith("进入秋冬季以来")


# ---- two speeches under 【篇一】 markers, buttons after the title, rows of site links -------

TWO_PAGE = """社区工作讲话稿(精选2篇) [复制链接]
收藏 | 分享 | 举报
【篇一】在社区网格员培训班开班仪式上的讲话
同志们：
今天，街道在这里举办社区网格员培训班，全街道八十六名网格员参加培训。下面，我讲两点意见。
一、明确职责定位
网格员是联系群众的最后一公里，要做到底数清、情况明，第一时间发现和上报问题。
二、提升履职本领
大家要珍惜培训机会，认真学习政策法规和信息系统操作，努力成为群众的贴心人。
同志们，让我们以这次培训为新起点，为建设平安和谐社区作出新的贡献！
点赞(12) 评论(3)
【篇二】在社区志愿服务总结表彰会上的讲话
各位志愿者、同志们：
今天，我们在这里召开社区志愿服务总结表彰会，表彰过去一年涌现出的优秀志愿者。下面，我讲两点意见。
一、充分肯定志愿服务取得的成绩
一年来，社区志愿者累计服务时长超过一万二千小时，开展助老、助学、环保等活动三百余场。
二、推动志愿服务常态化
要完善志愿服务积分兑换制度，吸引更多居民加入志愿者队伍。
谢谢大家！
网友评论
这篇讲话写得很实在，收藏了。
"""


def test_two_speeches_with_bracket_markers_and_link_rows() -> None:
    speeches = check(
        TWO_PAGE,
        [
            Expect(
                "在社区网格员培训班开班仪式上的讲话", True, ["明确职责定位", "提升履职本领"]
            ),
            Expect(
                "在社区志愿服务总结表彰会上的讲话",
                True,
                ["充分肯定志愿服务取得的成绩", "推动志愿服务常态化"],
            ),
        ],
        ["点赞(12) 评论(3)", "收藏 | 分享 | 举报", "这篇讲话写得很实在，收藏了。"],
    )
    assert speeches[1].signoff == ["谢谢大家！"]


# ---- lines that start like furniture but are the speaker's ----------------------------------

GUARDS_PAGE = """在县总工会第五次会员代表大会上的讲话
县委副书记 刘强
同志们：
县总工会第五次会员代表大会今天开幕了。这次大会的主要任务是，选举产生新一届委员会。下面，我讲两点意见。
一、充分肯定五年来工会工作的成绩
五年来，全县新建基层工会二百一十个，会员人数增加到六万八千人。
会员免费体检、困难职工帮扶等实事项目全部兑现，职工群众的获得感不断增强。
二、奋力书写工会工作的新篇章
下一篇章，需要我们一起来书写。各级工会要团结动员广大职工建功新时代。
同志们，让我们紧密团结在党的周围，为全县经济社会发展作出新的更大贡献！
"""


def test_speech_lines_that_start_like_furniture_are_kept() -> None:
    (mined,) = mine_text(GUARDS_PAGE, "page.txt").speeches
    speech = mined.speech
    assert speech.title == "在县总工会第五次会员代表大会上的讲话"
    assert speech.speaker == "县委副书记 刘强"
    assert speech.salutation == "同志们："
    assert [s.heading for s in speech.sections] == [
        "充分肯定五年来工会工作的成绩",
        "奋力书写工会工作的新篇章",
    ]
    text = "\n".join(_body(speech))
    assert "会员免费体检" in text and "下一篇章，需要我们一起来书写" in text
    assert speech.closing and "truncated" not in {f.code for f in speech.flags}


# ---- a notice with a sentence, a category field, a button row, a source watermark ---------

NOTICE_PAGE = """温馨提示：本站所有文章均来自网友投稿，仅供学习参考。
分类：讲话稿
[ 字体：大 中 小 ] [ 打印 ] [ 关闭 ]
在全市食品安全工作会议上的讲话_讲话稿_某某范文网
同志们：这次会议的主要任务是，总结去年食品安全工作，部署今年任务。下面，我讲三点意见。（来源：某某范文网）
一、认清形势，增强做好食品安全工作的紧迫感
去年，全市共抽检食品样品一万二千批次，合格率达到百分之九十八点五。
二、突出重点，扎实推进食品安全治理
要抓好校园食品安全，落实学校负责人陪餐制度。
三、强化保障，确保各项任务落到实处
各级政府要把食品安全纳入考核，确保责任到位。
同志们，食品安全关系千家万户。让我们共同努力，为保障人民群众饮食安全作出新的贡献！
为你推荐
在全县食品安全工作会议上的讲话
在全市市场监管工作会议上的讲话
"""


def test_site_notice_category_field_and_source_watermark() -> None:
    (speech,) = check(
        NOTICE_PAGE,
        [
            Expect(
                "在全市食品安全工作会议上的讲话",
                True,
                [
                    "认清形势，增强做好食品安全工作的紧迫感",
                    "突出重点，扎实推进食品安全治理",
                    "强化保障，确保各项任务落到实处",
                ],
            )
        ],
        [
            "温馨提示：本站所有文章均来自网友投稿，仅供学习参考。",
            "为你推荐",
            "（来源：某某范文网）",
        ],
    )
    assert speech.opening[0].endswith("下面，我讲三点意见。")


# ---- a category glued in front of the title, a meta row glued behind it ---------------------

GLUED_PAGE = """当前位置：首页 > 公文写作 > 讲话稿范文
讲话稿范文在全县秋季开学工作会议上的讲话 发布时间：2024-08-28 浏览：35
同志们：
新学期即将开始，今天召开全县秋季开学工作会议，主要任务是安排部署开学各项准备工作。下面，我讲两点意见。
一、抓好校园安全
开学前要对全县一百二十所学校开展一次安全大检查，重点排查校舍、消防和食堂安全。
二、抓好教学秩序
各校要按课程方案开齐开足课程，确保开学第一天就进入正常教学状态。
谢谢大家！
"""


def test_category_and_meta_glued_to_the_title() -> None:
    (speech,) = check(
        GLUED_PAGE,
        [Expect("在全县秋季开学工作会议上的讲话", True, ["抓好校园安全", "抓好教学秩序"])],
        ["讲话稿范文"],
    )
    assert speech.signoff == ["谢谢大家！"]


def test_fused_salutation_with_a_greeting() -> None:
    page = (
        "在全市统计工作会议上的讲话\n各位领导、同志们：大家上午好！今天召开全市统计工作会议，"
        "主要任务是部署第五次经济普查工作。\n要确保普查数据真实准确。\n谢谢大家！\n"
    )
    (mined,) = mine_text(page, "page.txt").speeches
    assert mined.speech.salutation == "各位领导、同志们：\n大家上午好！"
    assert mined.speech.opening[0].startswith("今天召开全市统计工作会议")


# ---- a whole article flattened onto one line, parts separated by single spaces -------------

FLAT_SPACED_PAGE = (
    "在全县农田水利冬修工作推进会上的讲话|会议讲话\n\n内容预览:\n\n"
    "在全县农田水利冬修工作推进会上的讲话 同志们: "
    "当前,秋收秋种已经基本结束,全县农田水利冬修进入集中施工的关键阶段,县委、县政府召开"
    "这次推进会,主要是总结前段工作,查找存在的问题,动员各乡镇、各部门鼓足干劲,确保今冬"
    "明春水利建设任务全面完成。 刚才,县水利局通报了各乡镇冬修进度,三个乡镇作了交流发言,"
    "讲得都很具体,请大家会后认真对照,抓好落实。下面,我就推进冬修工作,再强调三点意见: "
    "一要压实责任,加快进度。今冬明春全县计划新修塘坝四十座,清淤沟渠一百二十公里,任务"
    "已经分解到各乡镇。各乡镇主要负责同志要亲自上手,倒排工期,挂图作战,对进度滞后的项目"
    "要逐一分析原因,拿出过硬措施。县督查室每半月通报一次进度,对连续两次排名靠后的乡镇……"
    " 施……\n"
)


def test_flattened_page_with_spaces_between_paragraphs() -> None:
    (speech,) = check(
        FLAT_SPACED_PAGE,
        [
            Expect(
                "在全县农田水利冬修工作推进会上的讲话",
                True,
                ["压实责任，加快进度"],
                ("truncated",),
            )
        ],
        ["内容预览:", "会议讲话"],
    )
    assert speech.salutation == "同志们："
    assert speech.sections[0].numbering == "一要"
    assert [p[:4] for p in speech.opening] == ["当前，秋", "刚才，县"]
    assert speech.opening[-1].endswith("再强调三点意见：")


FLAT_UNSPACED_PAGE = (
    "在全市安全生产工作会议上的讲话\n"
    "在全市安全生产工作会议上的讲话同志们:这次会议的主要任务是,通报一季度全市安全生产形势,"
    "部署当前和今后一个时期的安全生产工作。一季度全市未发生较大以上生产安全事故,但一般事故"
    "仍有反弹,形势不容乐观。下面,我讲三点意见。一要盯紧重点行业,全面排查整治隐患。建筑施工、"
    "危化品、道路运输三个行业要各自开展一次拉网式排查,做到不留死角、不留盲区。二要落实企业"
    "主体责任,把安全投入落到实处。企业主要负责人是安全生产第一责任人,要亲自组织隐患排查,"
    "保证安全投入足额到位。三要强化执法检查,坚决打击非法违法行为。应急管理部门要加大暗查暗访"
    "力度,对屡查屡犯的企业依法从重处罚,并向社会公开曝光。谢谢大家!\n"
)


def test_flattened_page_without_spaces() -> None:
    (speech,) = check(
        FLAT_UNSPACED_PAGE,
        [
            Expect(
                "在全市安全生产工作会议上的讲话",
                True,
                [
                    "盯紧重点行业，全面排查整治隐患",
                    "落实企业主体责任，把安全投入落到实处",
                    "强化执法检查，坚决打击非法违法行为",
                ],
            )
        ],
        [],
    )
    assert speech.opening[-1].endswith("下面，我讲三点意见。")
    assert speech.salutation == "同志们："
    assert speech.signoff == ["谢谢大家！"]


# ---- a 返回 button over the title, a button meta row, the body glued to a source label ------

SOURCE_GLUED_PAGE = """返回
县长在全县农村人居环境整治推进会上的讲话

县长在全县农村人居环境整治推进会上的讲话

时间:2023-5-12 09:15:40  [下载该文章]  [会员注册]
来源县长在农村人居环境整治推进会上讲话同志们:今天,县政府在这里召开全县农村人居环境整治推进会,\
主要任务是:总结前一阶段整治成效,部署下一步重点工作,刚才,农业农村局对各乡镇整治情况作了通报,\
我都同意。下面,我讲几点意见。(一)要统一思想,提高认识,切实增强整治工作的责任感。农村人居环境\
整治是实施乡村振兴战略的第一场硬仗,事关群众切身利益。各乡镇、各部门要把这项工作摆上重要位置,\
主要负责同志亲自抓、负总责。一是整治工作是满足群众对美好生活向往的迫切需要。近年来,全县农村\
面貌发生了很大变化,但垃圾乱堆、污水乱排、厕所简陋等问题在一些村庄依然存在,群众反映比较强烈。\
各乡镇要以这次推进会为契机,对照问题清单逐村过筛,确保整改到位...
请先登录

>

相关推荐
"""


def test_back_button_source_label_and_login_prompt() -> None:
    (speech,) = check(
        SOURCE_GLUED_PAGE,
        [
            Expect(
                "县长在全县农村人居环境整治推进会上的讲话",
                True,
                ["要统一思想，提高认识，切实增强整治工作的责任感"],
                ("truncated",),
            )
        ],
        ["返回", "来源", ">", "相关推荐", "[下载该文章]", "请先登录"],
    )
    assert speech.opening[0].startswith("今天，县政府在这里召开")
    assert speech.opening[-1].endswith("下面，我讲几点意见。")
    assert speech.sections[0].lead


def test_source_label_with_the_only_title() -> None:
    """Without a title line above, the title glued to 来源 is the speech's title."""
    page = SOURCE_GLUED_PAGE.split("[会员注册]\n", 1)[1]
    (mined,) = mine_text(page, "page.txt").speeches
    assert mined.speech.title == "县长在农村人居环境整治推进会上讲话"
    assert mined.speech.salutation == "同志们："


# ---- navigation buttons glued to the title, lone arrows, login prompts, button rows ---------

BUTTONS_PAGE = """返回首页在全区秋季征兵工作会议上的讲话 [收藏本文]
[下载该文章] [会员注册]
打印本页 关闭窗口
»
同志们:
今天召开全区秋季征兵工作会议,主要是贯彻落实市征兵工作会议精神,安排部署今年秋季征兵工作。
一、提高政治站位,扎实完成征兵任务
今年我区承担的征兵任务比去年有所增加,各街道要层层分解任务,确保按时保质完成。
二、严格标准程序,确保兵员质量
体检、政审、走访调查各环节要严格把关,对弄虚作假的坚决一票否决。
同志们,征兵工作是一项光荣的政治任务。让我们以更加扎实的作风,为部队输送更多优秀兵员作出新的贡献!
登录后下载
"""


def test_navigation_buttons_glued_to_the_title() -> None:
    (speech,) = check(
        BUTTONS_PAGE,
        [
            Expect(
                "在全区秋季征兵工作会议上的讲话",
                True,
                ["提高政治站位，扎实完成征兵任务", "严格标准程序，确保兵员质量"],
                ("truncated",),
            )
        ],
        ["返回首页", "[收藏本文]", "[下载该文章]", "打印本页 关闭窗口", "»", "登录后下载"],
    )
    assert speech.closing and speech.closing[0].startswith("同志们，征兵工作")


def test_speech_sentences_about_returning_and_sources_are_kept() -> None:
    page = (
        "在全县返乡创业工作座谈会上的讲话\n同志们:\n"
        "返回家乡创业的青年越来越多,这是全县发展的好势头。\n"
        "来源广泛的创业资金要用好管好,确保发挥效益。\n谢谢大家!\n"
    )
    (mined,) = mine_text(page, "page.txt").speeches
    assert mined.speech.title == "在全县返乡创业工作座谈会上的讲话"
    assert mined.speech.opening[0].startswith("返回家乡创业")
    assert mined.speech.opening[1].startswith("来源广泛")


SHORT_GLUED_PAGE = """返回首页
在全县秋粮收购工作会议上的讲话
来源在全县秋粮收购工作会议上的讲话同志们:当前,全县秋粮收购进入高峰期,各乡镇要抓紧组织收购,\
确保农民售粮不难。下面,我讲几点意见。(一)加强组织领导,压实工作责任。各乡镇要成立工作专班,\
主要负责同志亲自调度,每周报告一次收购进度...
登录后查看全文
»
"""


def test_short_flattened_page_keeps_its_first_point() -> None:
    (speech,) = check(
        SHORT_GLUED_PAGE,
        [
            Expect(
                "在全县秋粮收购工作会议上的讲话",
                True,
                ["加强组织领导，压实工作责任"],
                ("truncated",),
            )
        ],
        ["返回首页", "来源", "登录后查看全文", "»"],
    )
    assert speech.opening == [
        "当前，全县秋粮收购进入高峰期，各乡镇要抓紧组织收购，确保农民售粮不难。下面，我讲几点意见。"
    ]


def test_inline_list_after_the_announcement_in_an_ordinary_paragraph_stays_in_the_opening() -> None:
    page = (
        "在全镇春季植树造林动员会上的讲话\n同志们:\n"
        "今天召开全镇春季植树造林动员会,我讲三点意见:一是思想上要高度重视,把植树造林作为"
        "改善生态的大事来抓;二是措施上要落细落实,苗木、地块、人员要提前到位;三是质量上要"
        "严格把关,确保栽一棵活一棵。\n"
        "今年全镇计划新造林一千二百亩,任务已经分解到各村。\n谢谢大家!\n"
    )
    (mined,) = mine_text(page, "page.txt").speeches
    assert mined.speech.sections == []
    assert mined.speech.opening[0].startswith("今天召开全镇春季植树造林动员会")


# ---- a whole article on one line behind its meta fields -------------------------------------

FLAT_WITH_META = (
    "时间：2014-2-20 18:25:14  [下载该文章]  [会员注册] 在全县安全生产工作会议上的讲话 同志们："
    "今天召开全县安全生产工作会议，主要任务是分析当前形势，部署下一阶段工作。刚才，李县长通报了"
    "上半年全县安全生产情况，我完全同意。下面，我讲两点意见。一、充分认识做好安全生产工作的重要性。"
    "安全生产事关人民群众生命财产安全，各级各部门必须高度重视。二、突出重点，扎实开展隐患排查整治。"
    "要对全县矿山、道路交通、危化品等重点行业开展拉网式排查。同志们，让我们以更加扎实的作风，"
    "为全县经济社会发展创造良好的安全环境而努力奋斗！谢谢大家！\n"
)


def test_flattened_article_behind_meta_fields_is_kept_and_the_fields_cut():
    page = mine_text(FLAT_WITH_META, "flat.txt")
    (mined,) = page.speeches
    speech = mined.speech
    assert speech.title == "在全县安全生产工作会议上的讲话"
    assert speech.salutation == "同志们："
    assert [s.heading for s in speech.sections] == [
        "充分认识做好安全生产工作的重要性", "突出重点，扎实开展隐患排查整治"]
    assert speech.opening[0].startswith("今天召开全县安全生产工作会议")
    assert speech.signoff == ["谢谢大家！"]
    text = render_text(speech)
    for furniture in ("时间", "18:25", "下载该文章", "会员注册"):
        assert furniture not in text


# ---- forum anti-copy "jammer" text; a title that does not end in 讲话 ------------------------

JAMMER_PAGE = (
    "在全镇秋季防火工作部署会上的动员4 h@ s% ]2 z! k6 q; c\n"
    "同志们:\n"
    "3 x# M7 ^( p! d; 2 w) K0 e& r\n"
    "今天召开全镇秋季防火工作部署会,主要任务是安排部署今冬明春森林防火工作。下面,我讲两点意见。\n"
    "一、提高认识,切实增强防火工作的责任感\n"
    "7 b$ y2 V@ 0 q# k. E) T! u各村要把防火工作摆上重要议事日程,主要负责同志亲自抓。\n"
    "二、突出重点,扎实做好火源管控\n"
    "要严格野外用火审批,加强重点时段巡查。9 t& H! 2 q8 ~* c; R# d\n"
    "同志们,让我们共同努力,确保全镇不发生森林火灾!\n"
)


def test_jammer_text_is_dropped_and_the_line_over_the_salutation_is_the_title():
    (mined,) = mine_text(JAMMER_PAGE, "jammer.txt").speeches
    speech = mined.speech
    assert speech.title == "在全镇秋季防火工作部署会上的动员"
    assert speech.salutation == "同志们："
    assert [s.heading for s in speech.sections] == [
        "提高认识，切实增强防火工作的责任感", "突出重点，扎实做好火源管控"]
    text = render_text(speech)
    assert not re.search(r"[$@#^~&*]|[A-Za-z]\d|\d[A-Za-z]", text), text
    assert "各村要把防火工作摆上重要议事日程" in text and "加强重点时段巡查。" in text


def test_spaced_acronyms_and_numbers_are_not_jammer_text():
    page = ("在全县数字化工作会议上的讲话\n同志们:\n"
            "我们要用好 A B C D E F 六类数据,推进 5G 基站建设,目标是 1 2 3 4 5 6 步走。\n")
    (mined,) = mine_text(page, "plain.txt").speeches
    assert "A B C D E F 六类数据" in mined.speech.opening[0]
    assert "1 2 3 4 5 6 步走" in mined.speech.opening[0]
