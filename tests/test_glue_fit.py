"""Glue fitted to the meeting it is said at: faults three fact writers named in round 9 (issue
14), each tried over several 套话版本 so that no wording of the stock escapes the rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from test_genre_templates import scaffold_data, speech_from

from generator.text_writer import render_text

VERSIONS = range(8)


def closings(data: dict) -> list[str]:
    return ["".join(speech_from(data | {"套话版本": v}).closing) for v in VERSIONS]


@pytest.mark.parametrize("hall", ["各位党员", "各位党员同志"])  # one address with 同志 too
def test_the_closing_calls_on_whom_the_salutation_called(hall):
    data = scaffold_data("party-lecture") | {"称呼": f"{hall}："}
    for closing in closings(data):
        assert not closing.startswith("同志们，"), closing
    assert any(c.startswith(f"{hall}，") for c in closings(data))
    plain = scaffold_data("party-lecture") | {"称呼": "同志们："}
    assert any(c.startswith("同志们，") for c in closings(plain))
    several = scaffold_data("party-lecture") | {"称呼": "各位领导、同志们："}
    assert not any(c.startswith("各位领导") for c in closings(several))


@pytest.mark.parametrize("template", ["election-or-founding", "party-lecture"])
def test_no_year_of_heavy_tasks_at_an_election_a_founding_or_a_lecture(template):
    """"今年县青年企业家协会工作的任务十分繁重" said of an association founded that day;
    "党员教育工作正处在爬坡过坎的关键阶段" at a clinic's party lecture."""
    for meeting in ("枫林村党支部换届选举党员大会", "县青年企业家协会成立大会", "专题党课"):
        data = scaffold_data(template) | {"会议名称": meeting}
        data.pop("结尾形势", None)  # the stock's own wording is on trial
        for closing in closings(data):
            assert not re.search(r"任务十分繁重|任务艰巨|爬坡过坎|困难和挑战", closing), closing


@pytest.mark.parametrize("template", ["work-conference", "special-deployment", "commendation"])
def test_a_leader_deploying_work_does_not_offer_it_for_reference(template):
    """"下面，我再讲两点意见，供大家参考" from a county secretary at a mobilisation meeting."""
    for version in VERSIONS:
        opening = "".join(speech_from(scaffold_data(template) | {"套话版本": version}).opening)
        assert "供大家参考" not in opening, opening


def test_a_review_without_problems_is_not_headed_as_having_them():
    data = scaffold_data("work-conference")
    data["工作回顾"].pop("存在问题", None)
    for version in VERSIONS:
        text = render_text(speech_from(data | {"套话版本": version}))
        first = next(line for line in text.split("\n") if line.startswith("一、"))
        assert "问题" not in first, first


def test_a_year_end_meeting_does_not_look_ahead_to_the_years_tasks():
    data = scaffold_data("work-conference") | {"会议名称": "全区城市管理工作年终总结会议",
                                               "时段": "年末"}
    data.pop("奋斗目标", None)
    for closing in closings(data):
        assert "完成全年" not in closing, closing


def test_an_agenda_item_about_concrete_work_is_not_doubly_concrete():
    data = scaffold_data("work-conference") | {"议程": [
        {"谁": "市水利局", "类型": "部署", "内容": "汛前准备具体工作"}]}
    data.pop("前面讲话", None)
    data.pop("前面议程", None)
    opening = "".join(speech_from(data).opening)
    assert "市水利局对汛前准备具体工作作了部署" in opening, opening


def test_a_body_s_own_head_speaks_for_it_rather_than_as_its_envoy():
    """"我受街道党工委的委托" said by the 街道党工委's own secretary."""
    data = scaffold_data("election-or-founding") | {
        "会议名称": "南关街道商会党支部成立大会", "委托方": "南关街道党工委",
        "讲话人": "南关街道党工委书记　周明"}
    texts = ["".join(speech_from(data | {"套话版本": v}).opening) for v in VERSIONS]
    assert not any("受南关街道党工委的委托" in t for t in texts), texts
    assert any("代表南关街道党工委" in t for t in texts), texts


def test_a_county_organs_meeting_addresses_the_county_organs():
    """"各乡镇、各部门要切实加强领导…" at a 全县机关党建工作会议, whose audience is the county's
    own departments (a fact writer, round 9)."""
    data = scaffold_data("party-building") | {"会议名称": "全县机关党建工作会议"}
    data.pop("主办层级", None)
    texts = [render_text(speech_from(data | {"套话版本": v})) for v in VERSIONS]
    assert not any("各乡镇" in t for t in texts)
    assert any("县直各部门、各单位" in t for t in texts)


def opening_of(data: dict, version: int) -> str:
    return "".join(speech_from(data | {"套话版本": version}).opening)


def test_an_envoy_is_told_apart_from_a_head_by_the_whole_title():
    """"团县委书记" does not lead 县委: "受县委的委托" stays hers to say (a fact writer)."""
    data = scaffold_data("election-or-founding") | {
        "会议名称": "县青年企业家协会成立大会", "委托方": "县委", "讲话人": "团县委书记　陈琳"}
    assert any("受县委的委托" in opening_of(data, v) for v in VERSIONS)
    deputy = data | {"委托方": "镇党委", "讲话人": "镇党委副书记　赵平"}  # a deputy is an envoy
    assert any("受镇党委的委托" in opening_of(deputy, v) for v in VERSIONS)


def test_a_decision_read_out_is_not_answered_with_a_notices_word():
    """"镇长宣读了表彰决定，我完全同意，请…举一反三" (a fact writer, cm4)."""
    data = scaffold_data("commendation") | {"议程": [
        {"谁": "镇党委副书记", "类型": "通报", "内容": "各村综合考评结果"},
        {"谁": "镇长", "类型": "表彰决定"}]}
    data.pop("前面讲话", None)
    data.pop("前面议程", None)
    for version in VERSIONS:
        said = re.search(r"刚才，[^。]*。", opening_of(data, version))[0]
        assert not re.search(r"宣读了表彰决定[^。；]*(?:同意|举一反三|对照)", said), said


def test_pledges_are_not_answered_as_requirements():
    """"…作了表态发言，决心大…，大家要把这些要求落到实处" (two fact writers)."""
    data = scaffold_data("party-building") | {"议程": [
        {"谁": "县直机关工委书记", "类型": "工作报告"},
        {"谁": "县行政审批局、县人社局党组", "类型": "表态发言"}]}
    data.pop("前面讲话", None)
    data.pop("前面议程", None)
    for version in VERSIONS:
        assert "这些要求落到实处" not in opening_of(data, version)


def test_a_lecture_speaks_to_its_members_in_its_own_words():
    """"我想就在服务纳税人中…" (就在), "各社区、各部门要…" to one community's members, and the
    default "为在本职岗位上发挥好先锋模范作用作出…贡献" (fact writers, round 9)."""
    data = scaffold_data("party-lecture") | {"党课主题": "在服务群众中践行初心使命",
                                             "会议名称": "五里墩社区党委党员冬训大会"}
    for key in ("寄语", "结尾形势", "结尾"):
        data.pop(key, None)
    for version in VERSIONS:
        text = render_text(speech_from(data | {"套话版本": version}))
        assert "就在服务" not in text and "为在本职岗位" not in text, version
        assert "各社区、各部门" not in text, version


def test_an_emergency_closing_is_not_an_annual_meetings():
    """"新形势、新任务对…提出了新的更高要求" after a fatal accident (two fact writers)."""
    data = scaffold_data("special-deployment") | {"会议名称": "全县道路交通安全紧急会议"}
    data.pop("结尾形势", None)
    assert not any("新形势、新任务" in c for c in closings(data))


def test_a_theme_day_is_held_not_convened():
    """"今天我们在这里召开…主题党日" (a fact writer): one 举行 a 主题党日."""
    data = scaffold_data("party-lecture") | {"会议名称": "朱家湾村党支部主题党日"}
    for version in VERSIONS:
        assert not re.search(r"召开[^。]*主题党日", opening_of(data, version))


def test_an_ordinal_sets_the_scene_where_the_speech_opens():
    """"金秋九月，我们迎来了第41个教师节…" was moved after the deeds as if it stated figures."""
    data = scaffold_data("commendation") | {"开场背景": ["金秋九月，我们迎来了第41个教师节。"]}
    for version in VERSIONS:
        assert opening_of(data, version).startswith("金秋九月")


def test_an_offices_own_staff_part_is_headed_and_addressed_as_the_offices():
    """An office meeting's 队伍建设 part was headed "落实工作责任，确保…见到实效" and opened with
    "各乡镇、各部门要切实加强领导…"; its problems were put to "各部门" though they are the
    offices' own (four fact writers, round 9)."""
    data = scaffold_data("office-work") | {"系统名称": "党委办公室"}
    data["队伍建设"].pop("小标题", None)
    data["队伍建设"].pop("引言", None)
    for version in VERSIONS:
        speech = speech_from(data | {"套话版本": version})
        last = speech.sections[-1]
        assert "队伍" in last.heading or "自身建设" in last.heading, last.heading
        text = render_text(speech)
        assert "各乡镇、各部门" not in text and "各级党委办公室" in text, version


def test_standards_for_candidates_are_not_led_in_as_work_to_do():
    """"关键是要抓好以下几个方面：" before 政治素质要好 / 带富能力要强 at a branch election (a
    fact writer, round 9): an election's, a founding's or a lecture's sub-points are
    requirements."""
    data = scaffold_data("election-or-founding")
    point = data["主要要求"][0]
    point["段落"] = ["选什么样的人进班子，关系到今后几年的发展。"]
    point["小项"] = [{"小标题": "政治素质要好"}, {"小标题": "带富能力要强"}]
    for version in VERSIONS:
        text = render_text(speech_from(data | {"套话版本": version}))
        assert not re.search(r"抓好以下|以下几项工作", text), version


def test_the_offices_are_called_by_a_noun():
    """"请各级机要保密认真对照" lacked its noun (a blind reader, round 9)."""
    for system, called in (("党委办公室", "各级党委办公室"), ("机要保密", "各级机要保密部门")):
        data = scaffold_data("office-work") | {"系统名称": system}
        texts = [render_text(speech_from(data | {"套话版本": v})) for v in VERSIONS]
        assert any(called in t for t in texts), system
        if called.endswith("部门"):
            assert not any(re.search(f"各级{system}(?!部门)", t) for t in texts), system


def test_the_deeds_are_not_led_in_alike_by_every_office():
    """"他们当中，有的…；有的…" opened the deeds in all four commendation drafts of the bench
    (round 9): the lead varies with the organiser, like the rest of the glue."""
    data = scaffold_data("commendation")
    data.pop("感谢对象", None)
    leads = {re.search(r"！([^！，]*)，有的", opening_of(data | {"主办单位": f"第{n}县委"}, 0))[1]
             for n in range(8)}
    assert len(leads) > 1, leads


@pytest.mark.parametrize("organiser", [f"第{n}县委" for n in range(6)])
def test_deeds_that_name_their_doers_take_no_youde(organiser):
    """"这些先进典型，有的王磊同学在…获得一等奖" (a fact writer): a deed that names who did it
    follows the lead as it is; deeds that do not keep "有的…；有的…"."""
    data = scaffold_data("commendation") | {"主办单位": organiser, "先进事迹": [
        "王磊同学在省职业院校技能大赛中获得一等奖", "汽修专业指导教师马建军带队三年"]}
    opening = opening_of(data, 0)
    assert "王磊同学在省职业院校" in opening and "有的王磊" not in opening, opening
    assert "有的汽修" not in opening and "；汽修专业指导教师马建军带队三年" in opening, opening
    unnamed = opening_of(data | {"先进事迹": ["扎根乡村教育三十年", "在抗洪一线连续奋战"]}, 0)
    assert "有的扎根乡村教育三十年；有的在抗洪一线" in unnamed, unnamed
    # a bare name, a school, a list already divided, and a mixed list (a tester)
    for deeds, said in (
            (["王磊坚守山区教学点18年", "张敏带的毕业班连续3年位居前列"],
             "王磊坚守山区教学点18年；张敏带的"),
            (["县一中高考本科上线率全市第一", "实验小学获评省级文明校园"], "县一中高考"),
            (["有的坚守山区教学点18年", "有的获评省级优秀教师"],
             "有的坚守山区教学点18年；有的获评"),
            (["王磊老师坚守山区教学点18年", "带的毕业班连续3年位居前列"],
             "王磊老师坚守山区教学点18年；有的带的毕业班"),
            # a department or a team ("有的普惠金融部的…", reading g22's set)
            (["栾川路支行新增代发单位46家", "普惠金融部的客户经理团队半年走访小微企业2300多户"],
             "栾川路支行新增代发单位46家；普惠金融部的客户经理团队"),
            # a deed that opens on founding a unit is no unit's doing (a fact writer, cr10)
            (["把闲置的老粮站改造成茶叶加工厂", "牵头成立劳务合作社，组织村民务工"],
             "有的把闲置的老粮站改造成茶叶加工厂；有的牵头成立劳务合作社")):
        opening = opening_of(data | {"先进事迹": deeds}, 0)
        assert said in opening and "有的有的" not in opening and "有的王磊" not in opening, opening
        assert "有的县一中" not in opening and "有的实验小学" not in opening, opening
    alone = opening_of(data | {"先进事迹": ["欧阳晓明同志坚守山区教学点18年"]}, 0)
    assert "他们欧阳" not in alone and "欧阳晓明同志坚守" in alone, alone


@pytest.mark.parametrize("organiser", [f"第{n}交通运输厅" for n in range(8)])
def test_the_year_is_not_characterised_against_the_users_own_words(organiser):
    """"今年是…承上启下的一年，开局十分重要" after the user's own "今年是“十五五”开局之年"
    (a fact writer): the glue does not say what the year is when the user has."""
    data = scaffold_data("party-building") | {
        "主办单位": organiser, "会议名称": "全省交通运输系统2026年党建工作会议", "时段": "年初",
        "开场背景": ["今年是“十五五”开局之年，全省交通重点项目投资计划312亿元。"]}
    for version in VERSIONS:
        text = render_text(speech_from(data | {"套话版本": version}))
        assert "承上启下" not in text, text


def test_a_founding_is_closed_on_its_body_by_its_short_name_not_as_an_election():
    """"做好石门村金穗粮食种植专业合作社工作" and "组织上对大家寄予厚望" to farmers founding a
    cooperative (a fact writer): the body by the kind its name ends with; the trust of 组织上
    is said to the elected."""
    data = scaffold_data("election-or-founding") | {
        "大会类型": "成立", "会议名称": "石门村金穗粮食种植专业合作社成立大会",
        "组织名称": "石门村金穗粮食种植专业合作社"}
    for key in ("结尾", "结尾形势"):
        data.pop(key, None)
    for version in VERSIONS:
        closing = render_text(speech_from(data | {"套话版本": version})).split("\n\n")[-2:]
        said = "".join(closing)
        assert "寄予厚望" not in said and "做好石门村" not in said, said


def test_a_background_that_convenes_the_meeting_is_not_followed_by_a_second_convening():
    """"…市委、市政府隆重召开大会，表彰…" (the user's background) then "召开这次会议，主要目的
    是…" (round 9, a new purpose wording): the meeting is convened once."""
    data = scaffold_data("commendation") | {
        "开场背景": ["在第41个教师节到来之际，市委、市政府隆重召开大会，表彰优秀教师。"]}
    for version in VERSIONS:
        assert opening_of(data, version).count("召开") == 1, version


def test_a_lecture_theme_said_as_a_sentence_is_quoted():
    """"下面，我围绕党员在工地上要有个党员的样子，和大家交流…" read as a clause pasted into a form
    (two blind readers, final reading); a theme that names a line of work needs no marks."""
    data = scaffold_data("party-lecture")
    for key in ("寄语", "结尾形势", "结尾"):
        data.pop(key, None)
    for version in VERSIONS:
        said = opening_of(data | {"党课主题": "党员在工地上要有个党员的样子"}, version)
        assert "党员在工地上要有个党员的样子" not in said.replace("“党员在工地上要有个党员的样子”",
                                                               ""), said
        plain = opening_of(data | {"党课主题": "加强机关作风建设"}, version)
        assert "“加强机关作风建设”" not in plain.replace("主题是“加强机关作风建设”", ""), plain


@pytest.mark.parametrize(("template", "body", "head", "other"), [
    ("party-building", "县委", "县委书记　吴建平", "县委副书记　王明"),
    ("commendation", "公司董事会", "公司董事长　林国栋", "公司总经理　周平"),
    # one of two posts heads it (a fact writer's group secretary and chairman)
    ("party-building", "集团党委", "集团党委书记、董事长　孙立平", "集团党委副书记、总经理　倪红"),
    # the body called short, by its unit's last character (a fact writer's 厅党组书记)
    ("party-building", "厅党组", "省交通运输厅党组书记、厅长　严志远", "省交通运输厅副厅长　梁东"),
])
def test_a_leader_does_not_praise_his_own_bodys_leadership(template, body, head, other):
    """"在县委的坚强领导下" in the county secretary's own closing, "在公司董事会的坚强领导下" in
    the chairman's (fact writers, round 9); a deputy or another officer still says it."""
    data = scaffold_data(template) | {"领导核心": body}
    data.pop("结尾", None)
    said = f"在{body}的坚强领导下"
    for speaker, says in ((head, False), (other, True)):
        texts = [render_text(speech_from(data | {"讲话人": speaker, "套话版本": v}))
                 for v in VERSIONS]
        assert any(said in t for t in texts) is says, speaker


def test_an_education_meeting_addresses_its_bureaus_and_schools():
    """"各县（市、区）、各部门要高度重视" at a city's education-system meeting (a fact writer)."""
    data = scaffold_data("party-building") | {"会议名称": "全市教育系统党的建设工作会议"}
    data.pop("主办层级", None)
    texts = [render_text(speech_from(data | {"套话版本": v})) for v in VERSIONS]
    assert not any("各县（市、区）、各部门" in t for t in texts)
    assert any("各县（市、区）教育部门、各学校" in t for t in texts)


_SITUATION = ("心中有数", "及时", "全面", "认清形势")
_FAULTS = ("警钟", "举一反三", "整改")


@pytest.mark.parametrize(("about", "fits", "misfits"), [
    ("各村综合考评结果", _SITUATION, _FAULTS),
    ("今年汛期气候趋势预测", _SITUATION, _FAULTS),
    ("耕地保护督察发现的问题", (*_FAULTS, "对照", "问题", "及时"), ("心中有数", "认清形势")),
    # an incident's causes: "讲得很全面，也很客观，大家要认清形势" (craft review 5)
    ("“3·16”山火的起火原因和扑救情况", (*_FAULTS, "对照", "问题", "及时"), ("认清形势", "客观")),
])
@pytest.mark.parametrize("kind", ["通报", "情况通报"])
def test_a_notice_is_answered_by_what_it_notified(kind, about, fits, misfits):
    """"…通报了综合考评结果，给大家敲响了警钟" at an awards meeting, "通报了汛期气候趋势预测…
    请各部门举一反三" (a blind reader, round 10): results and forecasts are not faults found."""
    data = scaffold_data("work-conference") | {"议程": [
        {"谁": "县农业农村局", "类型": kind, "内容": about},
        {"谁": "县长", "类型": "部署", "内容": "今年重点工作"}]}
    data.pop("前面讲话", None)
    data.pop("前面议程", None)
    for version in VERSIONS:
        said = re.search(r"刚才，[^。]*。", opening_of(data, version))[0]
        assert not any(word in said for word in misfits), said
    answered = [re.search(r"刚才，[^。]*。", opening_of(data, v))[0] for v in VERSIONS]
    assert all(any(word in said for word in fits) or said.endswith("部署。")
               for said in answered), answered
    assert any(any(word in said for word in fits) for said in answered), answered


@pytest.mark.parametrize("theme", ["党员在工地上要有个党员的样子", "农村党员怎样在产业发展中带好头",
                                   "如何当好群众的贴心人"])
def test_a_theme_said_as_a_sentence_or_a_question_is_quoted(theme):
    """"下面，我想就农村党员怎样在产业发展中带好头讲两个方面的内容" reads as a clause pasted
    in: a theme that is a sentence of its own, or a question, is quoted where it is named."""
    data = scaffold_data("party-lecture") | {"党课主题": theme}
    openings = [opening_of(data, version) for version in VERSIONS]
    assert any(theme in opening for opening in openings)
    for opening in openings:
        assert opening.count(theme) == opening.count(f"“{theme}”"), opening


def test_a_theme_with_its_own_de_is_quoted_before_the_headings_de():
    """"深刻认识守好乡村群众的健康门的重要意义" (的…的): the theme is quoted instead."""
    data = scaffold_data("party-lecture") | {"党课主题": "守好乡村群众的健康门"}
    heads = [s.heading for v in VERSIONS for s in speech_from(data | {"套话版本": v}).sections]
    said = [h for h in heads if "守好乡村群众的健康门" in h]
    assert said, heads
    assert all("“守好乡村群众的健康门”的" in h or not h.endswith("的重要意义") for h in said), said


@pytest.mark.parametrize("template", ["party-lecture", "work-conference", "commendation"])
def test_the_glue_does_not_echo_the_users_opening_words(template):
    """"…今天结合项目实际，和大家一起学习探讨。今天这堂党课…我和大家一起交流…": the user's own
    opening sentence counts as said, and 今天 opens at most two sentences or clauses (blind
    readers, rounds 13 and 14)."""
    data = scaffold_data(template) | {"开场背景": ["今天结合工作实际，和大家一起学习探讨。"]}
    for version in range(12):
        opening = opening_of(data, version)
        assert opening.count("和大家一起") == 1, opening
        assert len(re.findall(r"(?:^|[。！？，])今天", opening)) <= 2, opening


def test_a_lecture_opens_with_today_once_in_the_glue():
    """"按照…安排，今天由我和大家一起上一次党课。…今天，我想围绕…" (a blind reader, round 14):
    today is said once by the glue, however the convening and the announcement fall."""
    data = scaffold_data("party-lecture") | {"会议名称": "县税务局专题党课",
                                             "召开依据": "局党委年度党建工作安排"}
    data.pop("开场背景", None)
    for version in range(12):
        opening = opening_of(data, version)
        assert len(re.findall(r"(?:^|[。！？，])今天", opening)) <= 1, opening


def test_only_a_developing_economy_climbs_a_slope():
    """"党建工作正处在爬坡过坎的关键阶段" (a pairs reader, round 15): the image is the economy's
    or a reform's, not every line of work's."""
    def slopes(meeting: str) -> list[str]:
        data = scaffold_data("work-conference") | {"会议名称": meeting}
        data.pop("结尾形势", None)
        return [c for v in range(16) for c in closings(data | {"主办单位": f"县委{v}"})
                if "爬坡过坎" in c]
    assert not slopes("全县党建工作会议")
    assert slopes("全县经济工作会议")


def test_taking_the_occasion_needs_an_occasion_taken():
    """"召开这次…会议，主要目的是…。借此机会，我讲三点意见。" (two readers of a names-masked
    reading): 借此机会 follows something that happened at the meeting, not the purpose alone."""
    data = scaffold_data("office-work")
    for key in ("前面讲话", "前面议程", "议程"):
        data.pop(key, None)
    bare = [opening_of(data | {"主办单位": f"县政府办{n}"}, v) for n in range(6) for v in VERSIONS]
    assert not any("借此机会，我" in opening for opening in bare)
    heard = data | {"前面讲话": ["县委办副主任作了工作报告"]}
    assert any("借此机会，我" in opening_of(heard | {"主办单位": f"县政府办{n}"}, v)
               for n in range(6) for v in VERSIONS)


@pytest.mark.parametrize(("meeting", "speaker", "spoken"), [
    ("岔河镇2025年工作会议", "镇党委书记　何青松", "全镇2025年工作会议"),
    ("永宁县安全生产工作会议", "县委副书记、县长　钟立", "全县安全生产工作会议"),
    ("河口镇党委扩大会议", "镇党委书记　何青松", "镇党委扩大会议"),
    ("恒通包装材料有限公司2024年度工作会议", "公司董事长　陈国华", "公司2024年度工作会议"),
    # the firm's whole name, not the first 集团 in it: "市交通投资" was cut and "有限公司" kept
    ("市交通投资集团有限公司2024年度党建工作述职评议会", "集团党委书记、董事长　吕文涛",
     "集团2024年度党建工作述职评议会"),
    ("远航物流股份有限公司年中工作会议", "公司总经理　何平", "公司年中工作会议"),
])
def test_the_organisers_own_leader_calls_it_by_its_level_not_its_name(meeting, speaker, spoken):
    """"今天，我们召开岔河镇2025年工作会议" from the town's own secretary: real openings say
    全镇, 全县, 公司 (49 of 112 "召开…" in the stored real pages, none a real place's name);
    blind readers called three such bench drafts machine-made (round 17).  The title keeps
    the name as given."""
    data = scaffold_data("work-conference") | {"会议名称": meeting, "讲话人": speaker}
    for field in ("批准召开", "标题", "副标题"):
        data.pop(field, None)
    speeches = [speech_from(data | {"套话版本": version}) for version in VERSIONS]
    openings = ["".join(speech.opening) for speech in speeches]
    assert not any(meeting in opening for opening in openings), openings
    assert any(spoken in opening for opening in openings), openings
    assert all(meeting in speech.title for speech in speeches)


@pytest.mark.parametrize(("meeting", "speaker"), [
    ("永宁县安全生产工作会议", "市委常委、副市长　秦岭"),  # a guest from the city
    ("永宁县安全生产工作会议", "县应急管理局局长　马骏"),  # a department, not the county's own
    ("江源市东城中学2025年工作会议", "市教育局局长　许文"),  # another body after the place
    ("智慧城市建设推进会", "市委书记　林涛"),  # 城市 is no place's name
    ("五一社区党建工作会议", "社区党委书记　方圆"),  # nor is 社区 a 区
])
def test_a_guest_or_another_body_keeps_the_meetings_name(meeting, speaker):
    data = scaffold_data("work-conference") | {"会议名称": meeting, "讲话人": speaker}
    data.pop("批准召开", None)
    openings = ["".join(speech_from(data | {"套话版本": v}).opening) for v in VERSIONS]
    assert any(meeting in opening for opening in openings), openings
    assert not any(re.search(r"召开(?:这次)?全[省市区县镇乡]", o) for o in openings), openings


def test_a_theme_opening_with_a_preposition_is_quoted_after_就():
    """"我就以高质量党建引领教育强市建设谈三点意见" read 就以…; quoted it reads as a title."""
    data = scaffold_data("party-building") | {"讲话主题": "以高质量党建引领教育强市建设"}
    openings = ["".join(speech_from(data | {"套话版本": v}).opening) for v in VERSIONS]
    assert not any("就以" in opening or "围绕以" in opening for opening in openings), openings
    assert any("“以高质量党建引领教育强市建设”" in opening for opening in openings), openings


def test_no_sentence_of_glue_says_the_same_run_three_times():
    """"各级政府系统办公室要…把政府系统办公室工作的各项任务逐项落实到位，以实际行动开创政府系统
    办公室工作新局面": the organiser in three slots of one closing (a blind reader, round 18).
    Another wording is taken when the filled one would say a five-character run thrice."""
    data = scaffold_data("office-work") | {"会议名称": "全县政府系统办公室工作会议",
                                           "系统名称": "政府系统办公室"}
    for version in VERSIONS:
        closing = "".join(speech_from(data | {"套话版本": version}).closing)
        for sentence in re.split(r"[。！？；]", closing):
            assert sentence.count("政府系统办公室") < 3, closing


def test_a_background_that_convenes_the_meeting_loses_no_fact():
    """"县委决定召开这次会议" in the background made every wording of the purpose that names who
    approved the meeting give way (it convenes again), and with it the purpose itself: the
    会议任务 and the 批准召开 the user wrote were both missing.  Keeping the facts comes first."""
    data = scaffold_data("work-conference") | {
        "开场背景": ["今年是关键一年。县委决定召开这次会议，就是要统一思想。"],
        "批准召开": "县委、县政府"}
    for version in VERSIONS:
        opening = "".join(speech_from(data | {"套话版本": version}).opening)
        assert data["会议任务"] in opening and data["批准召开"] in opening, opening


def test_a_lecture_convened_by_its_background_says_so_once_and_keeps_its_arrangement():
    """"按照…安排，今天由我和大家一起上一次党课。在…之际，我们在这里举行专题党课" (round 13): the
    arrangement goes before the user's own convening sentence instead."""
    data = scaffold_data("party-lecture") | {
        "召开依据": "局党委今年的党建工作安排",
        "开场背景": ["七一前夕，我们在这里举行专题党课，共同重温党的光辉历程。"]}
    data.pop("问候语", None)
    for version in VERSIONS:
        opening = "".join(speech_from(data | {"套话版本": version}).opening)
        assert "按照局党委今年的党建工作安排，七一前夕，我们在这里举行专题党课" in opening, opening
        assert opening.count("局党委今年的党建工作安排") == 1, opening
        assert not re.search(r"召开|上一次党课|讲一堂党课", opening), opening

@pytest.mark.parametrize("arrangement", [None, "公司党委年度党员教育计划"])
def test_a_lecture_whose_background_sets_out_to_study_with_the_members_is_not_convened_again(
        arrangement):
    """"今天，我给大家讲一次党课，与同志们共同交流。…今天结合项目实际，和大家一起学习探讨"
    (a blind reader's seam, reading r26): the background's own sentence stands for the
    convening, and an arrangement given goes before it."""
    data = scaffold_data("party-lecture") | {
        "开场背景": ["当前任务重、节点紧。今天结合车间实际，与同志们一道学习交流。"]}
    data.pop("召开依据", None)
    if arrangement:
        data["召开依据"] = arrangement
    for version in VERSIONS:
        opening = "".join(speech_from(data | {"套话版本": version}).opening)
        assert not re.search(r"[讲上]一[次堂]党课", opening), opening
        assert len(re.findall(r"(?:^|[。！？，])今天", opening)) == 1, opening
        if arrangement:
            assert f"按照{arrangement}，今天结合车间实际" in opening, opening
            assert opening.count(arrangement) == 1, opening



def _purposes(data: dict) -> list[str]:
    """The sentence saying what the meeting is for, under each 套话版本."""
    out = []
    for version in VERSIONS:
        opening = "".join(speech_from(data | {"套话版本": version}).opening)
        out.append(next(s for s in re.split(r"(?<=[。！])", opening) if "是" in s and
                        re.search(r"主要(?:任务|目的)?(?:是|就是)|目的就是|就是要", s)))
    return out


COUNTY = {"会议名称": "全县2025年经济工作会议", "主办单位": "中共云岭县委",
          "会议任务": "总结2024年全县经济工作，部署2025年重点任务，确保全年目标任务圆满完成"}


def test_a_county_meeting_s_purpose_calls_on_the_county_in_some_drafts_not_all():
    """A short purpose is said as the writer says it: with 动员全县上下… (39% of 104 real purpose
    sentences) before what it is for; the organiser and the 套话版本 decide, never the title."""
    purposes = _purposes(scaffold_data("work-conference") | COUNTY)
    called = [p for p in purposes if "全县上下" in p]
    assert called and len(called) < len(purposes), purposes
    for purpose in called:  # inside the purpose, before its 确保 clause
        assert re.search(r"部署2025年重点任务，动员全县上下[^，。]+，确保全年目标任务圆满完成。",
                         purpose), purpose
    retitled = scaffold_data("work-conference") | COUNTY | {"标题": "另一个标题",
                                                           "日期": "2025年2月1日"}
    assert _purposes(retitled) == purposes


@pytest.mark.parametrize("change", [
    {"会议任务": "总结2024年工作，动员全县上下真抓实干"},  # it calls on them itself
    {"会议任务": "总结2024年工作，推动全县上下形成合力"},  # it names them itself
    {"会议任务": "深入贯彻落实中央和省委、市委经济工作会议精神，全面总结2024年全县经济工作，"
                 "客观分析当前面临的形势，安排部署2025年全县经济工作的目标任务和重点举措"},
    # (a full sentence already)
    {"会议名称": "全县政府系统办公室工作会议"},  # a sector's staff, not the county
    {"会议名称": "云岭县供电公司2025年工作会议", "主办单位": "云岭县供电公司",
     "主办层级": "企业"},  # a firm
])
def test_no_call_where_the_purpose_or_the_meeting_has_no_room_for_one(change):
    purposes = _purposes(scaffold_data("work-conference") | COUNTY | change)
    called = (r"动员\w{1,6}上下统一思想|上下进一步统一思想|上下坚定信心|上下迅速行动起来"
              r"|广大干部(?:群众)?比学赶超")
    assert not any(re.search(called, p) for p in purposes), purposes


def test_an_emergency_calls_to_act_and_a_commendation_to_emulate():
    emergency = _purposes(scaffold_data("special-deployment") | {
        "会议名称": "全县道路交通安全紧急会议", "主办单位": "云岭县道安委",
        "会议目的": "通报近期事故情况，部署道路交通安全集中整治"})
    assert any("全县上下" in p for p in emergency), emergency
    assert not any("坚定信心、齐心协力" in p for p in emergency), emergency
    commendation = _purposes(scaffold_data("commendation") | {
        "会议名称": "全县2024年度招商引资表彰大会", "主办单位": "中共云岭县委",
        "会议任务": "总结2024年招商引资工作，表彰先进"})
    called = [p for p in commendation if "激励全县" in p or "营造学习先进" in p]
    assert called and not any("动员全县上下" in p for p in commendation), commendation


def _announcement(data: dict) -> str:
    opening = "".join(speech_from(data).opening)
    return next(s for s in re.split(r"(?<=[。！])", opening)
                if re.search(r"[讲谈调][两三四五六七八九几](?:点|个)", s))


PLACES = (
    "云岭", "石门", "柳溪", "青川", "白水", "龙泉", "桃源", "安平", "东岗", "北屯",
    "南陵", "西湖", "金沙", "玉屏", "凤台", "鹤山", "梅林", "竹溪", "松阳", "枫桥",
    "杏花", "桂阳", "兰溪", "荷塘", "柏林", "桐柏", "樟树", "榆林", "槐荫", "栗园",
)


def test_announcements_come_as_often_as_in_real_speeches():
    """Of the 29 announcements in the phrase-stock pool's speeches, "下面，我讲N点意见" and its
    like are 7 and "我想讲N个方面的意见" none; the drafts of thirty counties' offices must not turn
    that round (it was 3 and 9 of the 42 bench drafts, and two blind readers named the rare one
    repeated, reading o5)."""
    said = [_announcement(scaffold_data("work-conference") | {
        "主办单位": f"中共{place}县委", "会议名称": f"全县{place}2025年工作会议"})
        for place in PLACES]
    plain = sum(bool(re.fullmatch(r"下面，我讲\w{1,2}点意见。", s)) for s in said)
    rare = sum(s.startswith(("我想讲", "我重点讲")) for s in said)
    assert plain >= len(said) // 3 and rare <= len(said) // 5, said  # were 2 and 11 of 30


def test_each_wording_version_says_the_announcement_another_way():
    said = {_announcement(scaffold_data("work-conference") | {"套话版本": v}) for v in range(4)}
    assert len(said) >= 3, said


@pytest.mark.parametrize("kind", ["换届选举", "成立大会"])
@pytest.mark.parametrize("guests", ["莅临大会的各位领导、来宾", "亲临大会的各位领导和来宾"])
def test_guests_are_welcomed_in_more_than_one_wording_and_come_only_once(kind, guests):
    """"同时，向…表示热烈的欢迎！" was written into the template: every election and founding
    with guests said it alike (two blind readers set two such openings side by side, o6).  And
    guests already said to have come (莅临、出席、亲临: "对亲临大会的…的到来", craft review 9)
    are not welcomed on their arrival again."""
    openings = [speech_from(scaffold_data("election-or-founding") | {
        "大会类型": kind, "致谢对象": guests, "主办单位": f"第{n}街道党工委"}).opening[0]
        for n in range(16)]
    assert all(guests in opening for opening in openings)
    welcomes = {re.search(r"[。！]([^。！]*" + guests + r"[^。！]*！)", o)[1] for o in openings}
    assert len(welcomes) >= 2, welcomes
    assert not any("的到来" in welcome for welcome in welcomes), welcomes


def test_a_meeting_left_unnamed_is_not_convened_by_we_today():
    """"今天，我们召开这次会议，主要任务是总结…" (a 总结会议 whose purpose starts 总结, the name
    left out as a tautology) reads as a form with its blank unfilled: two blind readers named it
    (o6); the purpose then opens 这次会议的主要任务是 / 召开这次会议，主要目的是 / 今天的会议."""
    data = scaffold_data("work-conference") | {
        "会议名称": "全区2024年城市管理工作总结会议",
        "会议任务": "总结2024年全区城市管理工作，研究部署2025年城市管理重点任务"}
    data.pop("批准召开", None)
    data.pop("决定召开", None)
    for n in range(16):
        opening = speech_from(data | {"主办单位": f"第{n}工作组"}).opening[0]
        assert "总结2024年全区城市管理工作" in opening
        convened = re.search(r"今天[，]?(?:我们)?(?:在这里)?(?:隆重)?召开这次会议", opening)
        assert not convened, opening


def test_a_township_named_xiang_is_not_called_zhen():
    """The 乡镇 level's area word is 全镇; a meeting of 全乡… rallied "动员全镇上下" (the emergency
    scaffold, once its example became a 乡's flood meeting)."""
    for meeting in ("全乡防汛抢险紧急会议", "石门乡党建工作会议"):
        for template in ("special-deployment", "work-conference"):
            data = scaffold_data(template) | {"会议名称": meeting}
            data.pop("主办单位", None)
            texts = [render_text(speech_from(data | {"套话版本": v})) for v in VERSIONS]
            assert not any("全镇" in text for text in texts), meeting
            assert any(text.count("全乡") > text.count(meeting) for text in texts), meeting


@pytest.mark.parametrize("template", ["office-work", "party-building", "work-conference"])
def test_only_a_territory_is_rallied_as_a_whole(template):
    """"有全市上下的共同努力" closed the 秘书长 example, a meeting of the city's office staff (a
    blind reader, g3): 全市上下 is a territory's whole people, said neither at an office
    system's meeting nor at a 机关's."""
    meeting = {"office-work": "全市党委秘书长工作会议", "party-building": "全县机关党建工作会议",
               "work-conference": "全市政府系统办公室工作会议"}[template]
    for n in range(12):
        data = scaffold_data(template) | {"会议名称": meeting, "主办单位": f"第{n}办公室"}
        for version in range(4):
            speech = speech_from(data | {"套话版本": version})
            glue = [p for p in speech.opening + speech.closing
                    if p not in data.get("开场背景", ())]  # the user's own words may say it
            assert not re.search(r"全[市县区]上下", "".join(glue)), glue


def test_a_year_of_work_is_not_said_to_be_short_of_time():
    """"做好今年的党建工作，时间紧、任务重" closed a January conference on the year's party
    building (a blind reader, g3): real speeches say 时间紧、任务重 of a task with a deadline (an
    election, a project push, 春运), not of a year's work at its start."""
    data = scaffold_data("party-building") | {"日期": "2025年1月20日"}
    data.pop("结尾形势", None)
    for n in range(24):
        text = render_text(speech_from(data | {"主办单位": f"第{n}工作组"}))
        assert "时间紧、任务重" not in text, text


def test_an_office_meetings_review_is_not_credited_to_the_cadres_and_masses():
    """"这些成绩，凝聚着全市干部群众的心血和汗水" led the review of a city's office-staff meeting
    (a pairs reader, pairs9): the whole territory's people are no sector's audience."""
    from pathlib import Path

    import yaml

    example = Path(__file__).parent.parent / "examples" / "全市办公室工作会议.yaml"
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    for version in VERSIONS:
        text = render_text(speech_from(data | {"套话版本": version}))
        assert "干部群众的心血" not in text and "干部群众中的" not in text, text


def test_a_body_that_convened_the_meeting_is_not_said_to_have_decided_it_today():
    """"今天，县委、县政府决定召开全县安全生产紧急会议" read as if the decision were taken this
    morning (a new user's trial): the decision is said without 今天, or the meeting is."""
    data = scaffold_data("special-deployment")
    for version in VERSIONS:
        for n in range(6):
            opening = opening_of(data | {"主办单位": f"第{n}乡党委"}, version)
            assert not re.search(r"今天，[^。，]{0,20}决定召开", opening), opening


def test_a_pledge_is_not_answered_as_if_it_had_taught_something():
    """"…作了表态发言，听了很受启发" (a new user's trial): a pledge is answered on its resolve, not
    on what the listener learnt from it."""
    pledge = "市财政局、市税务局党组负责同志作了表态发言"
    data = scaffold_data("party-building") | {"前面讲话": [pledge]}
    data.pop("对前面讲话的评价", None)
    for version in VERSIONS:
        for n in range(6):
            opening = opening_of(data | {"主办单位": f"第{n}市直机关工委"}, version)
            assert "表态发言" in opening and "启发" not in opening, opening


def test_achievements_are_not_the_sweat_of_a_leadership():
    """"这些成绩，凝聚着县委、县政府的坚强领导和全镇干部群众的共同努力的心血和汗水" — the
    field's own hint asks for such a phrase, and only people shed sweat (a fact writer)."""
    data = scaffold_data("work-conference") | {
        "工作回顾": scaffold_data("work-conference")["工作回顾"]
        | {"成绩原因": "县委、县政府的坚强领导和全镇干部群众的共同努力"}}
    for version in VERSIONS:
        text = render_text(speech_from(data | {"套话版本": version}))
        assert "县委、县政府的坚强领导和全镇干部群众的共同努力" in text
        assert "凝聚着县委" not in text, version
        # nor "是…的坚强领导和…的共同努力的结果" (three reviewers, cr10)
        assert not re.search(r"的[^，。的]{2,10}的结果", text), text


def agenda_only(name: str, entries: list[dict], **facts: str) -> dict:
    """The template's scaffold with these structured agenda items and none of its free-text
    ones."""
    data = scaffold_data(name) | facts | {"议程": entries}
    for key in ("前面议程", "前面讲话"):
        data.pop(key, None)
    return data


def agenda_reply(data: dict, version: int) -> str:
    return re.search(r"刚才，[^。]*。", opening_of(data, version))[0]


@pytest.mark.parametrize("reply", ["庞思远同志的报告，对今年的目标任务作了全面部署，我完全同意",
                                   "县长所作的报告实事求是"])
def test_a_response_that_names_its_item_is_a_sentence_of_its_own(reply):
    """"…3家企业负责人作了交流发言，庞思远同志的报告，对今年的目标任务作了全面部署…" ran the
    user's verdict on the report onto the last item (a fact writer, cr10)."""
    data = scaffold_data("work-conference") | {"对前面讲话的评价": reply}
    opening = opening_of(data, 0)
    assert f"。{reply}。" in opening, opening
    short = opening_of(data | {"对前面讲话的评价": "讲得都很好，我完全同意"}, 0)
    assert "，讲得都很好，我完全同意。" in short, short


def test_the_commended_speaking_are_not_praised_as_an_exchange_of_experience():
    """"两位受表彰的基层医生代表作了发言，各有特色、各有亮点" answered award-winners as if they
    had traded methods (a fact writer); they move the hall to learn from them."""
    data = scaffold_data("commendation") | {"前面议程": [
        "省卫生健康委主任宣读了表彰决定", "两位受表彰的基层医生代表作了发言"]}
    data.pop("议程", None)
    replies = [agenda_reply(data, v) for v in VERSIONS]
    for said in replies:
        assert not re.search("各有特色|取长补短|学习借鉴|有做法|受启发", said), said
    assert any("很受鼓舞" in said or "学习" in said for said in replies), replies


def test_every_kind_of_item_heard_is_answered_when_items_are_weighed_one_by_one():
    """A report, a notice of assessment results and an exchange of experience: no wording
    answers all three, so the exchange, left without a word, got none at all (a fact writer)."""
    data = scaffold_data("party-building") | {"议程": [
        {"谁": "集团党委副书记倪红", "类型": "工作报告"},
        {"谁": "集团党委组织部", "类型": "通报", "内容": "基层党组织书记述职评议考核结果"},
        {"谁": "3家单位党委", "类型": "交流发言"}]}
    data.pop("前面讲话", None)
    data.pop("前面议程", None)
    for version in range(24):
        said = agenda_reply(data, version)
        last = said.split("交流发言")[-1]
        if "；" in said:  # weighed one by one: a word on the exchange, or one after it
            assert last.startswith("，") and len(last) > 4, said


def test_an_accident_notified_is_not_praised_for_its_accuracy():
    """"通报了…燃气闪爆事故的初步调查情况，情况实事求是，问题很有针对性" (a fact writer)."""
    data = scaffold_data("special-deployment") | {"议程": [
        {"谁": "县应急管理局", "类型": "通报", "内容": "滨河路餐馆燃气闪爆事故的初步调查情况"},
        {"谁": "县住房城乡建设局", "类型": "部署", "内容": "城镇燃气安全专项排查整治工作"}]}
    data.pop("前面讲话", None)
    data.pop("前面议程", None)
    replies = [agenda_reply(data, v) for v in VERSIONS]
    for said in replies:
        assert not re.search("实事求是|针对性|讲清了原因|学习领会", said), said
    assert any(re.search("警钟|举一反三|对照", said) for said in replies), replies


def test_only_a_fatal_accident_teaches_a_painful_lesson():
    """"总结惨痛教训" over a gas flash that injured three (a fact writer): 惨痛 speaks of deaths."""
    data = scaffold_data("special-deployment")
    headings = {}
    for outcome in ("造成3人受伤", "造成2人死亡、3人受伤"):
        facts = data | {"事件经过": [f"11月20日，城区一家餐馆发生燃气闪爆事故，{outcome}。"]}
        headings[outcome] = {line for v in range(12) for line in
                             render_text(speech_from(facts | {"套话版本": v})).splitlines()
                             if line.startswith("一、")}
    assert not any("惨痛" in h for h in headings["造成3人受伤"]), headings
    assert any("惨痛" in h for h in headings["造成2人死亡、3人受伤"]), headings


def test_a_colleague_named_on_the_agenda_is_called_comrade():
    """"集团党委副书记倪红作了工作报告" sounded curt (a fact writer): a post and a name are
    "…倪红同志"; a body, a bare post and a name already called 同志 stay as written."""
    data = scaffold_data("party-building") | {"议程": [
        {"谁": "集团党委副书记倪红", "类型": "工作报告"},
        {"谁": "县长王伟同志", "类型": "讲话"},
        {"谁": "副县长　李平", "类型": "部署", "内容": "春耕生产"},
        {"谁": "县长助理", "类型": "部署", "内容": "重点工作"},
        {"谁": "集团党委组织部", "类型": "通报", "内容": "考核结果"}]}
    data.pop("前面讲话", None)
    data.pop("前面议程", None)
    said = agenda_reply(data, 0)
    assert "集团党委副书记倪红同志作了工作报告" in said, said
    assert "县长王伟同志作了" in said and "同志同志" not in said, said
    assert "县长助理对重点工作作了" in said and "集团党委组织部通报了" in said, said
    assert "副县长李平同志对春耕生产作了" in said, said  # a byline's space joins the sentence


def test_an_item_of_no_listed_kind_is_told_as_done():
    """"刚才，…；新党员入党宣誓。" read as a headline, "徐蕾同志宣读学校…的批复" lacked its 了
    (a fact writer)."""
    data = scaffold_data("commendation") | {"议程": [
        {"谁": "学院党委书记徐蕾同志", "类型": "其他", "内容": "宣读学校校友总会的批复"},
        {"谁": "新党员", "类型": "其他", "内容": "入党宣誓"},
        {"谁": "全体党员", "类型": "其他", "内容": "重温了入党誓词"},
        {"谁": "县长王伟", "类型": "其他", "内容": "为受表彰的先进颁了奖"},
        {"谁": "县教育局", "类型": "其他", "内容": "上半年工作情况"}]}
    data.pop("前面议程", None)
    said = agenda_reply(data, 0)
    assert "徐蕾同志宣读了学校校友总会的批复" in said, said
    assert "新党员进行了入党宣誓" in said and "全体党员重温了入党誓词" in said, said
    # its own 了 or a shape the rules do not know stays as the user wrote it (a tester)
    assert "县长王伟同志为受表彰的先进颁了奖" in said and "进行了上半年" not in said, said


def test_speakers_of_one_kind_in_a_row_are_one_clause():
    """"李华同志作了发言；王强同志作了发言" (a tester): as the hall heard it, one clause."""
    data = scaffold_data("commendation") | {"议程": [
        {"谁": "县委副书记张明", "类型": "表彰决定"},
        {"谁": "城关镇党委书记李华", "类型": "先进代表发言"},
        {"谁": "县扶贫办主任王强", "类型": "先进代表发言"},
        {"谁": "县教育局", "类型": "交流发言", "内容": "控辍保学"},
        {"谁": "县卫健局", "类型": "交流发言", "内容": "健康帮扶"}]}
    data.pop("前面议程", None)
    data.pop("前面讲话", None)
    said = agenda_reply(data, 0)
    assert "李华同志、县扶贫办主任王强同志作了" in said and said.count("李华") == 1, said
    # each says on what: each keeps its topic, the act said once (craft review 7 read three
    # "…作了交流发言" in a row as a form)
    assert "县教育局就控辍保学，县卫健局就健康帮扶作了交流发言" in said, said


@pytest.mark.parametrize(("speaker", "who", "important"), [
    ("县长　王伟", "常务副县长李平", False),  # a deputy's speech is no 重要讲话 of his head's
    ("县委书记　吴建平", "县委常委、组织部部长刘强", False),
    ("县长　王伟", "市委副书记张明", True),  # a higher level's deputy
    ("常务副县长　李平", "县长王伟", True),
    (None, "常务副县长李平", True),  # rank unknown: as before
])
def test_a_speech_is_important_only_from_above(speaker, who, important):
    """"刚才，常务副县长…作了重要讲话" said by the county head of his own deputy (a fact
    writer): 重要讲话 is said of a superior's speech."""
    data = scaffold_data("work-conference") | {"议程": [{"谁": who, "类型": "讲话"}]}
    for key in ("前面议程", "前面讲话", "讲话人"):
        data.pop(key, None)
    if speaker:
        data["讲话人"] = speaker
    said = agenda_reply(data, 0)
    assert ("作了重要讲话" in said) == important and "作了讲话" in said.replace("重要", ""), said
    # and a deputy's remarks are not studied ("…作了讲话，我们要认真学习领会", a tester)
    for version in VERSIONS:
        said = agenda_reply(data, version)
        assert important or "学习领会" not in said, said


@pytest.mark.parametrize("organiser", [f"第{n}县政府" for n in range(8)])
def test_work_laid_out_is_not_answered_as_problems_found(organiser):
    """Two 部署 items answered "认真对照，举一反三" (a tester): that answers a notice of
    problems, not a deployment."""
    data = scaffold_data("work-conference") | {"主办单位": organiser, "议程": [
        {"谁": "副县长李平", "类型": "部署", "内容": "春耕生产"},
        {"谁": "副县长赵敏", "类型": "部署", "内容": "森林防火"}]}
    for key in ("前面议程", "前面讲话", "讲话人"):
        data.pop(key, None)
    for version in VERSIONS:
        said = agenda_reply(data, version)
        assert "举一反三" not in said and "对照检查" not in said, said


@pytest.mark.parametrize("organiser", ["青石镇人民政府", "县应急管理局", "沙湾镇党委", "市水利局"])
def test_a_notice_of_problems_is_always_answered(organiser):
    """"…通报了排查发现的问题；" passed without a word while the exchange after it had one (a
    fact writer): of all the items, a notice of problems is the one the hall must act on."""
    data = agenda_only("work-conference", [
        {"谁": "副镇长周立平", "类型": "工作报告"},
        {"谁": "镇应急管理办公室", "类型": "通报", "内容": "隐患大排查发现的问题"},
        {"谁": "桂花村党支部书记", "类型": "交流发言"},
        {"谁": "镇烟花爆竹经营户代表", "类型": "表态发言"}], 主办单位=organiser)
    for version in VERSIONS:
        said = agenda_reply(data, version)
        assert said.split("发现的问题")[1].startswith("，"), said  # a word of its own


@pytest.mark.parametrize(("heading", "said"), [
    ("已列入清单的隐患限期整改", "已列入清单的隐患限期整改。"),  # not "要已列入…" (a fact writer)
    ("提升应急处置能力", "要提升应急处置能力。"),
    # a field and its new result has no verb: not "要智慧消防新突破" (a real page's facts)
    ("智慧消防新突破", "智慧消防要实现新突破。"),
    ("基层应急治理新局面", "基层应急治理要开创新局面。"),
    ("取得隐患整治新成效", "要取得隐患整治新成效。"),  # its verb is there already
    ("希望大家放眼全局", "希望大家放眼全局。"),  # asks already: not "要希望…"
    # no order however said (craft review 8): a sentence with 是, a quoted topic first, what a
    # lecture explains
    ("双拥工作是根基", "双拥工作是根基。"),
    ("“两学一做”，关键在于学好党章", "“两学一做”，关键在于学好党章。"),
    ("廉政的内涵和历史沿革", "廉政的内涵和历史沿革。"),
    ("概述", "概述。"),
    ("坚持实事求是", "要坚持实事求是。"),  # 是 in an order's object
    # a thing done, where a lecture begins, a subject with the result it reached (fact copiers)
    ("群众路线写进了党章", "群众路线写进了党章。"),
    ("从老墙根的故事说起", "从老墙根的故事说起。"),
    ("全市基层党建工作取得明显成效", "全市基层党建工作取得明显成效。"),
])
def test_a_lone_sub_point_is_said_as_an_order_only_when_it_reads_as_one(heading, said):
    data = scaffold_data("special-deployment")
    task = {"小标题": "立即开展堤防隐患排查", "段落": ["对全县堤防逐段排查。"],
            "小项": [{"小标题": heading, "段落": ["能立即整改的立即整改。"]}]}
    text = render_text(speech_from(data | {"整治任务": [task]}))
    assert "\n" + said + "能立即整改的立即整改。" in text, text


def test_an_item_of_no_listed_kind_must_say_what_was_done(tmp_path):
    """"县人社局发了言" for a 其他 item with no 内容 invented what was done (a tester): the
    outline is refused at the item, as a missing field is."""
    from conftest import assert_user_error, run_speechgen

    data = scaffold_data("commendation") | {"议程": [{"谁": "县人社局", "类型": "其他"}]}
    path = tmp_path / "表彰.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert_user_error(run_speechgen("render", path, "-f", "txt"), "议程[1].内容",
                      "类型为“其他”时,缺少必填字段 内容(about)")


def test_a_pledge_is_not_followed_by_a_request_meant_for_an_earlier_item():
    """"…作了表态发言，表了决心，也拿出了具体措施，请大家结合实际，认真抓好贯彻落实" answered
    the dean's speech after an alumnus's pledge (a fact writer)."""
    data = scaffold_data("election-or-founding") | {"议程": [
        {"谁": "学院党委书记徐蕾同志", "类型": "其他", "内容": "宣读了校友总会的批复"},
        {"谁": "学院院长杜明远教授", "类型": "讲话"},
        {"谁": "首任分会会长龚建平先生", "类型": "表态发言"}]}
    data.pop("前面议程", None)
    data.pop("前面讲话", None)
    for organiser in ("江城大学化学化工学院", *(f"第{n}工作组" for n in range(12))):
        said = agenda_reply(data | {"主办单位": organiser}, 0)
        after = said.split("表态发言")[-1]
        assert not re.search("贯彻落实|学习领会|举一反三", after), said


def test_a_gathering_the_background_has_convened_is_not_convened_again():
    """"…之际，我们在这里隆重集会。" then "今天，我们隆重召开…大会" (a fact writer)."""
    data = scaffold_data("commendation") | {
        "开场背景": ["在中国共产党成立104周年即将到来之际，我们在这里隆重集会。"]}
    for version in VERSIONS:
        opening = opening_of(data, version)
        assert "隆重集会" in opening and not re.search("召开|举行", opening), opening


def test_a_lone_point_in_a_spoken_scheme_goes_unnumbered():
    """"首先，党员要带头遵守村规民约。" with no 其次 after it (a fact writer): one point in a
    spoken scheme goes without its first word; two keep 首先 … 其次."""
    data = scaffold_data("party-lecture") | {"编号方式": "首先"}
    data.pop("重要意义", None)
    point = {"小标题": "党员要带头遵守村规民约", "段落": ["婚事酒席不超过20桌。"]}
    one = render_text(speech_from(data | {"主要内容": [point]}))
    assert "党员要带头遵守村规民约。婚事酒席" in one and "首先，党员要" not in one, one
    other = point | {"小标题": "党员要带头劝导"}
    two = render_text(speech_from(data | {"主要内容": [point, other]}))
    assert "首先，党员要带头遵守村规民约。" in two and "其次，党员要带头劝导。" in two, two


def test_an_emergencys_last_part_does_not_promise_what_its_point_says():
    """"五、严格落实责任，对失职失责的严肃追责问责" over "（二）严肃追责问责。" (a fact writer)."""
    data = scaffold_data("special-deployment")
    points = [{"小标题": "压实属地责任", "段落": ["各地要落实属地管理责任。"]},
              {"小标题": "严肃追责问责", "段落": ["对整改不到位的，严肃追究责任。"]}]
    text = render_text(speech_from(data | {"责任保障": {"小项": points}}))
    heading = next(line for line in text.splitlines() if line.startswith("三、"))
    assert "问责" not in heading, heading
    plain = render_text(speech_from(data | {"责任保障": {"小项": points[:1]}}))
    assert "三、严格落实责任，对失职失责的严肃追责问责" in plain
    # said in a point's text, not its heading: "追责" three times in four lines (a fact writer)
    inside = [{"小标题": "严格责任追究", "段落": ["该追责的坚决追责。"]}]
    text = render_text(speech_from(data | {"责任保障": {"小项": inside}}))
    heading = next(line for line in text.splitlines() if line.startswith("三、"))
    assert "追责" not in heading, heading


@pytest.mark.parametrize("organiser", [f"第{n}防汛指挥部" for n in range(10)])
def test_an_emergency_is_closed_on_orders_not_hopes(organiser):
    """"希望各乡镇、各部门迅速行动" the day after a dike breach (a fact writer): an emergency's
    closing orders (要…), it does not hope."""
    data = scaffold_data("special-deployment") | {"主办单位": organiser}
    data.pop("结尾", None)
    for version in VERSIONS:
        closing = render_text(speech_from(data | {"套话版本": version})).strip().split("\n\n")[-1]
        assert closing.startswith("同志们") and "希望" not in closing, closing


@pytest.mark.parametrize("organiser", [f"第{n}镇人民政府" for n in range(6)])
def test_a_year_with_a_death_is_not_fully_affirmed(organiser):
    """"一、2025年的工作，值得充分肯定" over a year in which one man died at work (a fact
    writer): the review is headed as a balance, not as praise."""
    data = scaffold_data("work-conference") | {
        "主办单位": organiser, "会议名称": "青石镇2025年安全生产工作总结会",
        "工作回顾": {"总体评价": ["全年发生生产安全事故2起、死亡1人，同比下降50%。"],
                 "主要成绩": [{"小标题": "隐患排查更加扎实"}]}}
    for version in VERSIONS:
        heading = re.search(r"\n一、(.*)\n", render_text(speech_from(data | {"套话版本": version})))
        assert heading and not re.search("充分肯定|值得肯定|明显成效", heading[1]), heading


@pytest.mark.parametrize("organiser", [f"第{n}镇人民政府" for n in range(8)])
def test_safety_work_is_no_glorious_mission(organiser):
    """"做好安全生产工作，使命光荣，责任重大" (a fact writer): 使命光荣 is said of a cause,
    not of keeping people from harm."""
    data = scaffold_data("work-conference") | {
        "主办单位": organiser, "会议名称": "青石镇2025年安全生产工作总结会"}
    data.pop("结尾形势", None)
    for version in VERSIONS:
        text = render_text(speech_from(data | {"套话版本": version}))
        assert "使命光荣" not in text, text.strip().split("\n\n")[-1]


@pytest.mark.parametrize("organiser", [f"第{n}职业中专" for n in range(6)])
def test_an_item_of_no_listed_kind_last_does_not_silence_the_ones_before(organiser):
    """"…王磊同学作了发言；全体师生观看了…纪录片。" answered neither the decision nor the
    speech (a fact writer): the last item a word can be said of has its word."""
    data = agenda_only("commendation", [
        {"谁": "副校长刘海波", "类型": "表彰决定"},
        {"谁": "机电专业学生代表王磊同学", "类型": "先进代表发言"},
        {"谁": "全体与会师生", "类型": "其他", "内容": "观看了学校技能大赛备赛纪录片"}],
        主办单位=organiser)
    for version in VERSIONS:
        said = agenda_reply(data, version)
        assert not re.search(r"王磊同学作了发言；", said), said


@pytest.mark.parametrize("organiser", [f"第{n}县委" for n in range(8)])
def test_the_closing_does_not_restate_or_misplace_the_years_burden(organiser):
    """An outlook the user's own words already said ("…的任务依然繁重" then "今年…工作的任务十分
    繁重") or one of another field ("形势逼人，时不我待" is development's urgency, not party
    building's) is not the stock's to say."""
    data = scaffold_data("party-building") | {"主办单位": organiser}
    data.pop("结尾形势", None)
    heavy = data | {"开场背景": ["今年的任务依然繁重。"]}
    for version in VERSIONS:
        closing = render_text(speech_from(data | {"套话版本": version})).strip().split("\n\n")[-1]
        assert "形势逼人" not in closing, closing
        closing = render_text(speech_from(heavy | {"套话版本": version})).strip().split("\n\n")[-1]
        assert "任务十分繁重" not in closing, closing


@pytest.mark.parametrize(("heading", "paragraph", "said"), [
    ("稳面积", "要稳面积。", "\n要稳面积。\n"),  # not "要稳面积。要稳面积。" (a tester)
    ("稳面积", "要稳住播种面积，确保不减。", "\n要稳住播种面积，确保不减。\n"),
    ("加强组织领导", "要加强领导。", "\n要加强组织领导。要加强领导。\n"),  # a word of it is new
])
def test_a_lone_point_whose_paragraph_says_its_heading_again_is_said_once(heading, paragraph,
                                                                          said):
    data = scaffold_data("work-conference")
    task = {"小标题": "抓好粮食生产", "引言": ["今年要把粮食生产摆在首位。"],
            "小项": [{"小标题": heading, "段落": [paragraph]}]}
    text = render_text(speech_from(data | {"工作任务": [task]}))
    assert said in text, text


GOAL_LABELS = {"commendation": "奋斗目标", "election-or-founding": "结尾目标",
               "office-work": "奋斗目标", "party-building": "奋斗目标", "party-lecture": "寄语",
               "special-deployment": "工作目标", "work-conference": "奋斗目标"}


@pytest.mark.parametrize("signoff", [None, "最后，祝大家新春愉快！", "谢谢大家！"])
def test_a_modest_close_that_thanks_the_hall_is_the_last_word(signoff):
    """"我就讲这些，谢谢大家。最后，祝大家工作顺利、万事如意！" wished after thanking (a reviewer,
    cr10): a wish goes before the thanks, and thanks are said once."""
    data = scaffold_data("commendation") | {"自谦结语": "我就讲这些，谢谢大家。"}
    data.pop("结束语", None)
    if signoff:
        data["结束语"] = signoff
    for version in VERSIONS:
        for n in range(4):
            speech = speech_from(data | {"套话版本": version, "主办单位": f"第{n}县委"})
            end = [*speech.closing, *speech.signoff]
            assert end[-1].startswith("我就讲这些") or end[-1] == signoff == "谢谢大家！", end
            if signoff != "谢谢大家！":
                assert "".join(end).count("谢谢") == 1, end


@pytest.mark.parametrize("template", sorted(GOAL_LABELS))
@pytest.mark.parametrize("goal", ["为集团高质量发展提供坚强保证", "做一名让群众信得过的共产党员",
                                  "在项目一线当好先锋", "今冬明春不发生较大森林火灾"])
@pytest.mark.parametrize("modest", [False, True])
def test_a_goal_said_as_a_clause_is_kept_and_reads(template, goal, modest):
    """A goal the user wrote as a 为 clause or as being someone (craft review 5): "为为集团…
    提供坚强保证作出新的更大贡献", "为做一名…作出贡献", and, with a modest close, a lecture
    whose closings all said 为{goal}…贡献 dropped its 寄语 altogether."""
    data = scaffold_data(template) | {GOAL_LABELS[template]: goal}
    data.pop("结尾", None)
    if modest:
        data["自谦结语"] = "以上讲的，供大家参考。"
    else:
        data.pop("自谦结语", None)
    for version in VERSIONS:
        text = "".join(speech_from(data | {"套话版本": version}).closing)
        assert goal in text, text  # the user's words, whole
        assert "为为" not in text, text
        given = r"为(?:做一名|在项目|今冬明春).{0,20}(?:作出|贡献|打下|奠定)"
        assert not re.search(given, text), text
        # one member, not ensured, nor reached by units or a whole "we" (tester 11)
        many = r"确保做一名|能够做一名|各\w{1,6}、各\w{1,6}[^。]*做一名|让我们[^。]*做一名"
        assert not re.search(many, text), text


def test_not_every_earlier_item_has_its_own_verdict():
    """"刚才，A作了工作报告，既总结了成绩…；B通报了…，给大家敲响了警钟；C、D作了交流发言，听了
    很受启发" — a verdict after each item was the one wording a blind reader of reading g21
    named against generated snippets (6 of 32); real openings answer the items together five
    times in six (25 of 30 "刚才…" openings of the phrase-stock pool), and one weighing them
    one by one leaves some without a word."""
    data = scaffold_data("work-conference")
    for key in ("前面讲话", "前面议程", "议程"):
        data.pop(key, None)
    data["议程"] = [{"谁": "县委副书记王强", "类型": "工作报告"},
                  {"谁": "县纪委", "类型": "通报", "内容": "安全生产检查中发现的问题"},
                  {"谁": "城关镇", "类型": "交流发言", "内容": "招商引资"},
                  {"谁": "县财政局", "类型": "表态发言"}]
    replies = [agenda_reply(data | {"主办单位": f"县政府{n}"}, v)
               for n in range(12) for v in VERSIONS]
    ends = ("作了工作报告", "发现的问题", "作了交流发言", "作了表态发言")
    after = ("县纪委", "城关镇", "县财政局", "。")
    for said in replies:  # a word after an item: not the next item, not the sentence's end
        weighed = [end for end, nxt in zip(ends, after, strict=True)
                   if re.search(f"{end}(?!。|[；，]?{nxt})", said)]
        assert len(weighed) < len(ends), said
        assert "发现的问题，" in said or "讲得都很好" in said, said  # the notice is answered


def test_a_theme_said_as_a_sentence_is_not_joined_as_a_noun():
    """"下面，我结合从思想上入党，和大家一起谈四点体会", "从讲政治的高度认识从思想上入党的重要
    意义" (craft review 5): a theme that opens with 从 is quoted or named, never 结合'd or put
    after a wording's own 从."""
    data = scaffold_data("party-lecture") | {"党课主题": "从思想上入党"}
    for n in range(6):
        for version in VERSIONS:
            text = render_text(speech_from(data | {"主办单位": f"学院党委{n}",
                                                   "套话版本": version}))
            assert "结合从" not in text and "结合“从" not in text, text
            assert not re.search(r"从[^。，]{0,12}从思想上入党", text), text


@pytest.mark.parametrize("point", ["加强组织领导", "落实工作责任", "锤炼过硬作风"])
def test_the_guarantee_heading_does_not_say_what_its_point_says(point):
    """"六、加强组织领导，确保各项任务落地见效 … 要加强组织领导。" (craft review 5): the stock's
    heading over the user's points leaves their words to them, and is never left empty."""
    data = scaffold_data("work-conference") | {"保障措施": {
        "小项": [{"小标题": point, "段落": ["各单位要把这项工作纳入重要议事日程。"]}]}}
    for n in range(4):
        for version in VERSIONS:
            speech = speech_from(data | {"主办单位": f"县政府{n}", "套话版本": version})
            part = next(s for s in speech.sections if s.role == "guarantee")
            assert part.heading, render_text(speech)
            assert point[-4:] not in part.heading and point[:2] not in part.heading, part.heading


@pytest.mark.parametrize("meeting", ["全市深化医药卫生体制改革工作推进会", "全县安全生产工作会议"])
def test_the_glue_names_a_long_subject_twice_at_most(meeting):
    """"深化医药卫生体制改革工作" seven times in a speech of 900 characters (craft review 5): the
    glue names a long subject twice at most and a short one three times, headings included;
    the title and the user's own text are the user's."""
    data = scaffold_data("work-conference") | {"会议名称": meeting}
    subject = "深化医药卫生体制改革" if "医" in meeting else "安全生产"
    for n in range(4):
        for version in VERSIONS:
            speech = speech_from(data | {"主办单位": f"市政府{n}", "套话版本": version})
            text = render_text(speech)
            own = "\n".join(str(v) for v in data.values())
            glue_said = text.count(subject) - own.count(subject) - speech.title.count(subject)
            glue_said -= "".join(speech.opening).count(meeting)  # the meeting named in full
            assert glue_said <= (2 if len(subject) >= 6 else 3), text


BLIND_FACTS = sorted((Path(__file__).parent.parent / "bench" / "blind_facts").glob("*.yaml"))


@pytest.mark.parametrize("path", BLIND_FACTS, ids=lambda p: p.stem)
def test_no_part_is_left_without_a_heading(path):
    """"五、" alone (craft review 5's office meeting): once the subject was worn out, the stock's
    staff heading had no wording without it; a heading names it once more rather than none."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for version in range(4):
        speech = speech_from(data | {"套话版本": version})
        stack = list(speech.sections)
        while stack:
            section = stack.pop()
            assert section.heading.strip(), (path.name, render_text(speech))
            stack.extend(section.sections)


@pytest.mark.parametrize(("opening", "period"), [
    ("去年以来，全县经济运行稳中有进。", "去年以来"),
    ("上半年，全市医改工作取得积极进展。", "上半年"),
    ("近三年来，全省统计系统办公室工作有了长足进步。", "近三年来"),
])
def test_the_review_heading_names_the_span_its_review_opens_on(opening, period):
    """"一、过去一年的工作，值得充分肯定" over "去年以来，…" (craft review 5): the stock's heading
    names the span of time the user's own review names."""
    data = scaffold_data("work-conference")
    data["工作回顾"] = {"总体评价": [opening], "主要成绩": [
        {"小标题": "项目建设提速", "段落": ["新开工项目42个。"]}]}
    data.pop("时段", None)
    for version in VERSIONS:
        speech = speech_from(data | {"套话版本": version})
        review = next(s for s in speech.sections if s.role == "review")
        named = re.search(r"过去一年|20\d\d年|今年", review.heading)
        assert not named or period in review.heading, review.heading


def test_a_commendation_of_workers_does_not_call_on_cadres_alone():
    """"激励全县广大干部比学赶超" at a county's 劳动模范 awards (craft review 5): the hall is
    cadres and the public alike."""
    data = scaffold_data("commendation") | {"会议名称": "全县劳动模范和先进工作者表彰大会"}
    for opening in commendation_openings(data, "县总工会", 8):
        assert "广大干部比学赶超" not in opening, opening


def commendation_openings(data: dict, organiser: str, offices: int) -> list[str]:
    """The opening under each of `offices` organisers and every 套话版本."""
    return ["".join(speech_from(data | {"主办单位": f"{organiser}{n}", "套话版本": v}).opening)
            for n in range(offices) for v in VERSIONS]


def test_a_commendation_read_out_as_a_notice_is_a_commendation():
    """"会议宣读了表彰通报，大家要认清形势，增强工作的紧迫感" (reading g22's set): a 表彰通报 is
    read as a commendation, not as a briefing on the situation."""
    data = scaffold_data("commendation")
    for key in ("前面讲话", "前面议程", "议程"):
        data.pop(key, None)
    data["前面议程"] = ["副行长宋佳音同志通报了劳动竞赛考核结果", "会议宣读了表彰通报"]
    for n in range(6):
        for version in VERSIONS:
            said = agenda_reply(data | {"主办单位": f"分行{n}"}, version)
            assert "认清形势" not in said.split("表彰通报")[1], said


def test_three_items_weighed_one_by_one_have_two_words_among_them():
    """"…作了工作报告，既总结了成绩，也分析了问题，很有针对性；…通报了…问题，给大家敲响了警钟；
    …作了交流发言，听了很受启发" (reading g21: a verdict after each of three items)."""
    data = scaffold_data("work-conference")
    for key in ("前面讲话", "前面议程", "议程"):
        data.pop(key, None)
    data["议程"] = [{"谁": "乡长韩建军", "类型": "工作报告"},
                  {"谁": "乡纪委", "类型": "通报", "内容": "村级“三资”检查中发现的问题"},
                  {"谁": "大滩村、沙沟门村", "类型": "交流发言"}]
    ends, after = ("作了工作报告", "发现的问题", "作了交流发言"), ("乡纪委", "大滩村", "。")
    for n in range(12):
        for version in VERSIONS:
            said = agenda_reply(data | {"主办单位": f"乡政府{n}"}, version)
            words = [end for end, nxt in zip(ends, after, strict=True)
                     if re.search(f"{end}(?!。|[；，]?{nxt})", said)]
            assert len(words) <= 2, said


@pytest.mark.parametrize(("earlier", "misfit"), [
    (["村党支部书记作了工作报告"], "都"),  # one speaker is not praised as several (tester 11)
    (["县消防救援大队通报了12日夜间城东仓库起火的情况"], "我完全同意"),  # nor a fire agreed to
])
def test_the_reply_fits_how_many_spoke_and_what_was_notified(earlier, misfit):
    for template in ("election-or-founding", "special-deployment", "work-conference"):
        data = scaffold_data(template)
        for key in ("前面讲话", "前面议程", "议程"):
            data.pop(key, None)
        data["前面讲话"] = earlier
        for n in range(4):
            for version in VERSIONS:
                said = agenda_reply(data | {"主办单位": f"单位{n}"}, version)
                assert misfit not in said.split(earlier[0][-6:])[1], said


def test_a_villagers_election_is_no_party_members_meeting():
    """"石桥村第十二届村民委员会今天召开党员大会…全体党员政治生活中的一件大事" (craft review 6;
    a youth league's congress the same, a fact copier): a body that is no party organisation
    is elected by its voters, named once with no term twice, and a member of the town's
    committee speaks 受…委托."""
    data = scaffold_data("election-or-founding") | {
        "大会类型": "换届选举", "组织名称": "石桥村第十二届村民委员会",
        "会议名称": "石桥村第十二届村民委员会换届选举大会", "委托方": "镇党委、镇政府",
        "讲话人": "镇党委委员、人大主席　黎少华", "称呼": "各位选民、乡亲们：",
        "主要要求": [
            {"小标题": "要依法投好手中这一票", "段落": ["每一位选民都要凭选民证领取选票。"]},
            {"小标题": "要严守选举纪律", "段落": ["不准代写、不准拉票。"]}]}
    for key in ("前面讲话", "重要意义", "讲话主题", "纪律要求"):
        data.pop(key, None)
    for n in range(4):
        for version in VERSIONS:
            text = render_text(speech_from(data | {"主办单位": f"镇政府{n}", "套话版本": version}))
            assert "党员大会" not in text and "全体党员" not in text, text
            assert "对党高度负责" not in text and "组织上对大家寄予厚望" not in text, text
            assert "届村民委员会新一届" not in text and "委员会新一届委员会" not in text, text
            assert "代表镇党委、镇政府" not in text, text
            assert "，。" not in text, text


@pytest.mark.parametrize("written", ["省委领导同志同意", "省委领导同志同意召开的",
                                     "经省委领导同志批准"])
def test_the_approver_is_not_said_to_approve_twice(written):
    """"是经省委领导同志同意研究同意召开的" (craft review 6: the field's help invites 同意);
    "经市委主要领导同意召开的同意，今天召开…" (a fact writer, cr10, completing "这次…是经")."""
    data = scaffold_data("office-work") | {"批准召开": written}
    for n in range(6):
        for version in VERSIONS:
            opening = opening_of(data | {"主办单位": f"省委办公厅{n}"}, version)
            doubled = re.search("同意研究|同意同意|召开的同意|批准同意|经经", opening)
            assert not doubled, opening
            assert "省委领导同志" in opening, opening


def test_a_decision_read_out_is_named_as_a_decision():
    """"集团公司党委宣读了2024—2025年度优秀共产党员和先进基层党组织" (craft review 6): the
    commendation's 内容 names the honoured; what is read out is the decision on them."""
    data = scaffold_data("party-lecture")
    data["议程"] = [{"谁": "集团公司党委", "类型": "表彰决定",
                   "内容": "2024—2025年度优秀共产党员和先进基层党组织"}]
    text = render_text(speech_from(data))
    assert "宣读了关于表彰2024—2025年度优秀共产党员和先进基层党组织的决定" in text, text


def test_small_seams_of_craft_review_6_and_the_fact_copiers():
    """Four wordings that did not fit what they were filled with."""
    # a speaker who spoke for someone: not "就代表团中央…" (a fact copier)
    data = scaffold_data("election-or-founding")
    data["议程"] = [{"谁": "陆昊书记", "类型": "讲话", "内容": "代表团中央"}]
    text = render_text(speech_from(data))
    assert "陆昊书记代表团中央作了重要讲话" in text and "就代表" not in text, text
    # a topic with its own preposition: not "几位同志就结合自身…" (craft review 8)
    data["议程"] = [{"谁": "几位同志", "类型": "交流发言", "内容": "结合自身教学工作的体会"}]
    text = render_text(speech_from(data))
    assert "几位同志结合自身教学工作的体会作了交流发言" in text and "就结合" not in text, text
    # a theme holding quotes is quoted with single quotes inside (a fact copier)
    lecture = scaffold_data("party-lecture") | {"党课主题": "践行“三严三实”，严以修身"}
    for version in VERSIONS:
        said = render_text(speech_from(lecture | {"套话版本": version}))
        assert "“践行“" not in said and "“践行‘三严三实’，严以修身”" in said, said
    # a 部署会 whose task says 部署 again is "这次会议" (craft review 6)
    deploy = scaffold_data("special-deployment") | {
        "会议名称": "全镇秋冬季森林防火工作部署会",
        "会议目的": "深刻汲取火灾教训，部署秋冬季森林防火工作"}
    for version in VERSIONS:
        opening = "".join(speech_from(deploy | {"套话版本": version}).opening)
        assert "森林防火工作部署会，主要" not in opening, opening
    # a review of the school year is headed as one (craft review 6)
    school = scaffold_data("commendation")
    school["成绩回顾"] = {"总体评价": ["过去一学年，学院教学科研工作取得新进展。"]}
    for version in VERSIONS:
        speech = speech_from(school | {"套话版本": version})
        review = next((s for s in speech.sections if s.role == "review"), None)
        assert review is None or "过去一年" not in review.heading, review.heading


def test_more_seams_the_real_facts_showed():
    """Three wordings the fact copiers' real facts showed (reading g23's set)."""
    # a lone point of a lesson is a fact, not an order: not "要煤矿安全生产形势严峻"
    data = scaffold_data("special-deployment")
    data["汲取教训"] = {"小项": [{"小标题": "煤矿安全生产形势严峻",
                                  "段落": ["今年以来全市发生煤矿死亡事故4起。"]}]}
    text = render_text(speech_from(data))
    assert "\n煤矿安全生产形势严峻。今年以来" in text and "要煤矿" not in text, text
    # a decision whose 内容 says 宣读 itself: "宣读了宣读了《…》"
    data = scaffold_data("commendation")
    data["议程"] = [{"谁": "曾文同志", "类型": "表彰决定",
                   "内容": "宣读了《县委关于表彰先进的决定》"}]
    text = render_text(speech_from(data))
    assert "曾文同志宣读了《县委关于表彰先进的决定》" in text and "宣读了宣读" not in text, text
    # "这次2019年全区信访工作会议是经…同意召开的"
    data = scaffold_data("office-work") | {"会议名称": "2019年全区信访工作会议",
                                           "批准召开": "区委常委会"}
    for version in VERSIONS:
        opening = opening_of(data, version)
        assert "这次2019年" not in opening, opening


def test_problems_an_inspection_found_are_acted_on_not_alarmed_at():
    """"通报了上半年机关党建督查发现的问题，给大家敲响了警钟" (craft review 6): 警钟 is for an
    accident, a case, a warning; problems an inspection found are checked against and put right."""
    data = scaffold_data("party-building")
    for key in ("前面讲话", "前面议程", "议程"):
        data.pop(key, None)
    data["前面讲话"] = ["市直机关工委通报了上半年机关党建督查发现的问题"]
    for n in range(6):
        for version in VERSIONS:
            said = agenda_reply(data | {"主办单位": f"市直机关工委{n}"}, version)
            assert "警钟" not in said, said
    data["前面讲话"] = ["县应急管理局通报了一起煤矿透水事故"]
    assert any("警钟" in agenda_reply(data | {"主办单位": f"县委{n}"}, v)
               for n in range(6) for v in VERSIONS)


def test_a_deputy_after_his_superior_endorses_the_superiors_speech():
    """"……县长杜志远同志作了重要讲话，对做好下一步工作提出了明确要求。" from the 常务副县长 who
    speaks after him (craft review 6): a superior's speech is endorsed."""
    data = scaffold_data("work-conference") | {"讲话人": "县委常委、常务副县长　覃海波"}
    for key in ("前面讲话", "前面议程", "议程"):
        data.pop(key, None)
    data["议程"] = [{"谁": "县财政局局长", "类型": "工作报告"},
                  {"谁": "县审计局", "类型": "通报", "内容": "审计发现的问题"},
                  {"谁": "县长杜志远", "类型": "讲话"}]
    for n in range(6):
        for version in VERSIONS:
            said = agenda_reply(data | {"主办单位": f"县政府{n}"}, version)
            after = said.split("作了重要讲话")[1]
            assert re.search("赞同|同意|领会|贯彻落实", after), said


def test_a_holiday_meeting_greets_the_holiday():
    """A Teachers' Day commendation thanked the staff "致以崇高的敬意" with no word of the
    day (craft review 6): on a holiday the thanks carry its greeting."""
    data = scaffold_data("commendation") | {"会议名称": "江澜师范学院庆祝第41个教师节暨表彰大会",
                                            "感谢对象": "全院教职员工"}
    for opening in commendation_openings(data, "学院", 4):
        assert "敬意" not in opening or "节日的问候" in opening, opening


def test_deeds_that_all_name_their_doers_follow_the_congratulation_as_among_them():
    """"这些先进典型中，化学与材料学院陈国栋教授带领团队…" read as a sentence with no verb to
    two craft reviewers (5, 6): after the congratulation, deeds that each name who did them
    are "其中，…；…"."""
    data = scaffold_data("commendation") | {"先进事迹": [
        "化学与材料学院陈国栋教授带领团队攻克低温锂电池电解液难题",
        "外国语学院罗晓燕副教授连续12年担任班主任"]}
    for n in range(4):
        for version in VERSIONS:
            opening = opening_of(data | {"主办单位": f"学院{n}"}, version)
            assert "这些先进典型中，化学" not in opening, opening
            assert "化学与材料学院陈国栋教授带领团队" in opening, opening


def test_a_closing_does_not_name_its_subject_three_times():
    """"同志们，今年政府办公室工作的任务十分繁重。希望各级政府办公室…为开创政府办公室工作新局面
    而不懈努力。" (a blind reader, g23): three namings across the closing's two sentences."""
    data = scaffold_data("office-work") | {"会议名称": "全市政府办公室主任会议",
                                           "系统名称": "政府办公室"}
    for key in ("结尾", "结尾形势", "奋斗目标"):
        data.pop(key, None)
    for n in range(6):
        for version in VERSIONS:
            closing = "".join(speech_from(data | {"主办单位": f"市政府办{n}",
                                                  "套话版本": version}).closing)
            assert closing.count("政府办公室") < 3, closing


def test_the_glue_gives_way_to_the_speakers_own_word_and_to_a_death():
    """Craft review 7: "…作了重要讲话，讲得很好，我完全赞同。" then the speaker's own "刚才书衡
    书记的讲话站位高、要求实，我完全赞同"; "三公司总经理作了表态发言，决心大、信心足、措施实"
    at the company where a worker had just died; "召开这次全县纪念五四运动107周年暨…大会，主要
    目的是纪念五四运动107周年"."""
    data = scaffold_data("work-conference") | {
        "我的看法": "刚才书衡书记的讲话站位高、要求实，我完全赞同。"}
    for key in ("前面讲话", "前面议程", "议程"):
        data.pop(key, None)
    data["议程"] = [{"谁": "市委书记陈书衡", "类型": "讲话"}]
    for version in VERSIONS:
        opening = opening_of(data, version)
        assert opening.count("赞同") == 1 and opening.count("同意") == 0, opening
    emergency = scaffold_data("special-deployment")
    emergency["事件经过"] = ["11月9日，三公司一名工人从12层高处坠落，经抢救无效死亡。"]
    emergency["议程"] = [{"谁": "三公司总经理", "类型": "表态发言"}]
    for version in VERSIONS:
        said = "".join(speech_from(emergency | {"套话版本": version}).opening)
        assert "信心足" not in said and "表了决心" not in said, said
    youth = scaffold_data("commendation") | {
        "会议名称": "全县纪念五四运动107周年暨优秀青年表彰大会",
        "会议任务": "纪念五四运动107周年，表彰“十佳青年”"}
    for version in VERSIONS:
        opening = opening_of(youth, version)
        assert opening.count("纪念五四运动107周年") == 1, opening


def test_speakers_of_one_kind_in_a_row_each_on_a_topic_are_one_clause():
    """"清河区就土地托管服务作了交流发言；桃源镇就村级集体经济发展作了交流发言" (craft review
    7): the act is said once for speakers of one kind in a row."""
    data = scaffold_data("work-conference")
    for key in ("前面讲话", "前面议程", "议程"):
        data.pop(key, None)
    data["议程"] = [{"谁": "清河区", "类型": "交流发言", "内容": "土地托管服务"},
                  {"谁": "桃源镇", "类型": "交流发言", "内容": "村级集体经济发展"}]
    for version in VERSIONS:
        said = agenda_reply(data, version)
        assert said.count("作了交流发言") == 1, said
        assert "清河区就土地托管服务" in said and "桃源镇就村级集体经济发展" in said, said


def test_one_speakers_items_in_a_row_name_him_once():
    """"刚才，有关负责同志传达了…；有关负责同志通报了…；有关负责同志宣读了…；有关负责同志作了工作
    报告" (craft review 8, a real page's agenda): the speaker is named once, every item kept."""
    data = agenda_only("work-conference", [
        {"谁": "有关负责同志", "类型": "其他", "内容": "传达了省信访工作会议精神"},
        {"谁": "有关负责同志", "类型": "通报", "内容": "2022年度全市信访工作考核情况"},
        {"谁": "有关负责同志", "类型": "工作报告"},
        {"谁": "市信访局局长", "类型": "交流发言"}])
    for version in VERSIONS:
        said = agenda_reply(data, version)
        assert said.count("有关负责同志") == 1, said
        for fact in ("传达了省信访工作会议精神", "2022年度全市信访工作考核情况", "工作报告",
                     "市信访局局长"):
            assert fact in said, said


def test_after_the_vote_the_hall_is_not_asked_to_vote_well():
    """"刚才，大会选举产生了新一届工会委员会" and then "希望大家…把群众公认、办事公道的人选进新一届
    …，保证这次选举顺利进行" (craft review 8): once an earlier item says the vote is over, the
    election closes as a founding does, on the new body's work, and still closes."""
    data = scaffold_data("election-or-founding") | {
        "前面讲话": ["大会选举产生了新一届工会委员会和经费审查委员会"]}
    data.pop("议程", None)
    data.pop("结尾", None)
    for version in VERSIONS:
        speech = speech_from(data | {"套话版本": version})
        closing = "".join(speech.closing)
        assert closing, render_text(speech)
        assert not re.search("一票|选举顺利|选进|行使民主权利|换届纪律|风清气正的大会",
                             closing), closing
        # nor opened as if the vote were to come ("今天召开的…，要选举产生…", a reviewer, cr11)
        opening = "".join(speech.opening)
        assert "要选举产生" not in opening, opening
    before = scaffold_data("election-or-founding")
    closings = ["".join(speech_from(before | {"套话版本": v}).closing) for v in VERSIONS]
    assert any(re.search("一票|选举顺利|选进|换届纪律", c) for c in closings), closings


def test_a_hall_of_pupils_is_not_closed_on_as_cadres():
    """"今年全校改革发展稳定的任务十分繁重。希望各处室、各年级凝聚起干事创业的强大力量" said to
    高二 pupils at their mid-term awards (craft review 8): where the salutation calls 同学们 and
    no 同志, the closing leaves out the units, the year's tasks and the cadres' words."""
    data = scaffold_data("commendation") | {
        "会议名称": "高二年级期中考试表彰会", "称呼": "各位老师、同学们：", "主办层级": "中小学",
        "表彰对象": "期中考试成绩优异的同学"}
    for key in ("奋斗目标", "结尾", "形势展望"):
        data.pop(key, None)
    for version in VERSIONS:
        closing = "".join(speech_from(data | {"套话版本": version}).closing)
        assert closing, version
        assert not re.search("各处室|各年级|改革发展稳定|干事创业|目标任务|更大贡献",
                             closing), closing


def test_a_wording_of_a_later_era_is_not_said_in_an_earlier_year():
    """"新的征程上，党员教育工作大有可为" closing a 党课 of 2015 (craft review 8): the wording
    is said from 2021; the year comes from the date, the same for any day of it."""
    data = scaffold_data("party-lecture")
    data.pop("结尾形势", None)
    early = [render_text(speech_from(data | {"套话版本": v, "日期": "2015年6月16日"}))
             for v in range(12)]
    assert not any("征程" in text for text in early)
    late = [render_text(speech_from(data | {"套话版本": v, "日期": "2025年6月16日",
                                             "主办单位": f"第{n}支部"}))
            for v in range(12) for n in range(4)]
    assert any("新的征程上" in text for text in late)


def test_a_relay_of_a_higher_meeting_is_not_praised_as_a_speech():
    """"有关同志传达了全市…电视电话会议精神，讲得很全面、很具体" (craft review 8): what was relayed
    is not the relayer's speech; the relay has no word of praise of its own."""
    data = scaffold_data("special-deployment") | {"前面讲话": [
        "有关同志传达了全市森林草原防灭火电视电话会议精神", "县应急管理局通报了近期火情"]}
    data.pop("议程", None)
    for version in VERSIONS:
        said = agenda_reply(data, version)
        assert not re.search("精神，(?:讲得|提出了|安排得|对做好)", said), said


def test_a_heading_ending_on_a_quote_is_still_closed():
    """"牢牢把握“十二个坚持”第一条是…" (a fact copier): a closing quote ends a sentence only
    after an end mark."""
    from generator.templating import sentence

    assert sentence("牢牢把握“十二个坚持”") == "牢牢把握“十二个坚持”。"
    assert sentence("他说：“要抓落实。”") == "他说：“要抓落实。”"


def test_a_special_deployments_default_goal_has_its_verb():
    """"就一定能够安全生产和消防安全各项工作任务落到实处" (a fact copier) had no verb."""
    data = scaffold_data("special-deployment")
    for key in ("结尾", "工作目标", "结尾形势", "事件经过", "会议目的"):  # a deployment, not an
        data.pop(key, None)  # emergency; no aim of its own to close on
    data |= {"会议名称": "全镇安全生产和消防安全工作会议", "专项工作": "安全生产和消防安全"}
    closings = ["".join(speech_from(data | {"套话版本": version}).closing)
                for version in range(12)]
    assert any("各项工作任务落到实处" in closing for closing in closings), closings
    for closing in closings:
        assert not re.search("(?:能够|为)[^确，。]{2,30}各项工作任务落到实处", closing), closing


def test_a_class_is_not_convened_as_a_meeting():
    """"召开全镇新任村支部委员能力提升班" (a fact copier): a class is held, not 召开."""
    data = scaffold_data("party-lecture") | {"会议名称": "全镇新任村支部委员能力提升班"}
    for version in VERSIONS:
        text = render_text(speech_from(data | {"套话版本": version}))
        assert "召开全镇新任村支部委员能力提升班" not in text, text


def test_a_commendations_call_on_the_area_has_more_than_one_wording():
    """"激励全市广大干部群众比学赶超" after every commendation's purpose, a blind reader's tell in
    two of 30 snippets (g25) and no fit for 外来女员工: the call has a second attested wording."""
    data = scaffold_data("commendation") | {"会议任务": "表彰优秀外来女员工", "主办层级": "市",
                                            "会议名称": "全市优秀外来女员工表彰会"}
    for key in ("开场背景", "前面议程", "议程"):
        data.pop(key, None)
    openings = {opening_of(data | {"主办单位": body}, 0)
                for body in ("市总工会", "市妇联", "市人社局", "市政府", "市文明办", "市工商联")}
    calls = {call for call in ("比学赶超", "营造学习先进的浓厚氛围")
             if any(call in opening for opening in openings)}
    assert len(calls) == 2, openings


def test_a_safety_formula_closes_only_a_safety_or_stability_meeting():
    """"守土有责、守土尽责", "克服麻痹思想和侥幸心理", "时刻绷紧这根弦" closing a 作风整顿 and an
    环境卫生整治 meeting (craft review 9): they are said of safety and stability."""
    data = scaffold_data("special-deployment")
    for key in ("结尾", "工作目标", "结尾形势", "事件经过", "会议目的"):
        data.pop(key, None)
    formulas = "守土有责|麻痹思想|绷紧这根弦"
    for meeting, work in (("全县环境卫生整治工作推进会", "环境卫生整治"),
                          ("全市机关作风整顿动员大会", "机关作风整顿")):
        closings = ["".join(speech_from(data | {"会议名称": meeting, "专项工作": work,
                                                "套话版本": v}).closing) for v in range(12)]
        assert not any(re.search(formulas, c) for c in closings), closings
    safe = data | {"会议名称": "全县安全生产工作会议", "专项工作": "安全生产"}
    safety = ["".join(speech_from(safe | {"套话版本": v}).closing) for v in range(12)]
    assert any(re.search(formulas, c) for c in safety), safety


def test_a_festivals_people_are_greeted_at_its_meeting():
    """Commendations held for 教师节, 三八 and 五一 greeted nobody when the user named no one to
    thank (craft review 9): the festival's own people are greeted; no festival, no greeting."""
    data = scaffold_data("commendation")
    for key in ("感谢对象", "开场背景"):
        data.pop(key, None)
    for meeting, people in (("全县庆祝第41个教师节表彰大会", "全县广大教师和教育工作者"),
                            ("全市庆祝“三八”国际妇女节表彰大会", "全市广大妇女同胞")):
        opening = opening_of(data | {"会议名称": meeting, "主办层级": meeting[1]}, 0)
        assert f"{people}致以节日的问候" in opening, opening
    plain = opening_of(data | {"会议名称": "全县招商引资工作表彰大会"}, 0)
    assert "节日" not in plain, plain


def test_an_items_topic_that_says_its_own_act_is_not_given_the_act_again():
    """"晓中同志代表市委作机关作风整顿动员报告作了工作报告" (craft review 9): a topic that says
    the item's act is said as done."""
    data = agenda_only("work-conference", [
        {"谁": "晓中同志", "类型": "工作报告", "内容": "代表市委作机关作风整顿动员报告"}])
    said = agenda_reply(data, 0)
    assert "晓中同志代表市委作了机关作风整顿动员报告" in said, said
    assert "报告作了" not in said, said


def test_a_glue_heading_does_not_begin_as_a_users_heading_beside_it():
    """"二、大力弘扬先进典型的可贵精神" beside the user's "三、大力弘扬劳模精神…" (craft review 9):
    two parts on one stem; the glue's heading begins otherwise while another wording fits."""
    data = scaffold_data("commendation") | {"会议名称": "全市劳动模范和先进集体表彰大会"}
    data["学习先进"] = {"段落": ["劳模身上有许多值得学习的品质。"]}
    data["工作任务"] = [{"小标题": "大力弘扬劳模精神、劳动精神，汇聚振兴发展正能量",
                        "引言": ["要在全社会营造尊重劳动的氛围。"]}]
    for version in range(12):
        headings = [s.heading for s in speech_from(data | {"套话版本": version}).sections]
        starts = [h[:4] for h in headings]
        assert len(starts) == len(set(starts)), headings


def test_the_commended_are_not_exhorted_before_the_speaker_congratulates_them():
    """"刚才，…三位同志作了发言，希望受到表彰的同志戒骄戒躁、再接再厉" and then "在此，…表示
    热烈的祝贺" (craft review 9): exhorted before congratulated."""
    data = scaffold_data("commendation") | {
        "前面议程": ["雷方、赵翠娟、张昂三位受表彰的同志作了发言"]}
    data.pop("议程", None)
    for version in range(12):
        opening = opening_of(data, version)
        said = re.search(r"刚才，[^。！]*[。！]", opening)[0]
        assert "受到表彰的同志" not in said, opening


def test_a_peoples_congress_election_is_no_party_bodys():
    """"把政治素质好、群众公认的同志选进县乡两级人民代表大会新一届班子" (craft review 9): a
    people's congress is no party body; its election is not the party members' affair."""
    data = scaffold_data("election-or-founding") | {
        "会议名称": "县乡两级人民代表大会换届选举大会", "组织名称": "县乡两级人民代表大会"}
    for version in range(8):
        text = render_text(speech_from(data | {"套话版本": version}))
        assert "政治素质好、群众公认的同志选进" not in text, text  # (the scaffold's own text
        assert "党员政治生活" not in text, text  # says 政治素质好、群众基础好…)


def test_a_closing_with_no_goal_given_names_the_purposes_own_aim():
    """"圆满完成全年各项目标任务" closed 12 of 41 drafts from real pages' facts whatever they
    were for (craft review 9): a purpose that ends on its aim (…，确保全区安全度汛) gives the
    closing its goal, and no wording makes it a season's start ("为确保…开好局")."""
    data = scaffold_data("work-conference") | {
        "会议名称": "全区防汛工作会议", "会议任务": "安排部署今年全区防汛工作，确保全区安全度汛"}
    for key in ("结尾", "奋斗目标", "工作目标", "结尾形势"):
        data.pop(key, None)
    closings = ["".join(speech_from(data | {"套话版本": v}).closing) for v in range(12)]
    assert all("确保全区安全度汛" in c for c in closings), closings
    assert not any("全年各项目标任务" in c or "开好局" in c for c in closings), closings


def test_responses_that_repeat_the_item_or_judge_a_congress_report_are_not_said():
    """Three responses of cr10's reviewer: "作了表态发言，表了决心…" (表 twice), "通报了…情况，
    情况通报得很及时" (情况 twice), and at an election "作了工作报告，既总结了成绩，也分析了
    问题，很有针对性" (the delegates judge the report by their vote, not the higher body's man)."""
    for version in VERSIONS:
        for n in range(6):
            pledge = agenda_only("party-building", [
                {"谁": "各镇党委书记", "类型": "表态发言"}], 主办单位=f"第{n}县委")
            assert "表了决心" not in opening_of(pledge, version)
            notice = scaffold_data("work-conference") | {
                "主办单位": f"第{n}区医保局", "前面讲话": ["副局长通报了上半年重点工作进展情况"]}
            notice.pop("对前面讲话的评价", None)
            assert "情况，情况" not in opening_of(notice, version)
            congress = agenda_only("election-or-founding", [
                {"谁": "上届党委书记", "类型": "工作报告"}], 主办单位=f"第{n}街道党工委")
            reply = agenda_reply(congress, version)
            assert re.fullmatch(r"刚才，[^，。]*作了工作报告。", reply), reply


def test_an_agenda_items_topic_may_be_written_as_what_it_is_about():
    """"关于" for 内容 was rejected as an unknown field (a fact writer, cr11: the field's help says
    "写关于什么"): it is the field's other name."""
    data = agenda_only("party-building", [{"谁": "县委组织部部长", "类型": "讲话",
                                           "关于": "机关党建重点任务"}])
    assert "就机关党建重点任务作了" in opening_of(data, 0)


@pytest.mark.parametrize("item", ["学校党委书记、校长廖启航同志作了讲话",
                                  "街道党工委书记晏立春同志作了动员讲话"])
def test_a_second_speaker_agrees_with_the_first_speech(item):
    """"…廖启航同志作了讲话，请大家认真抓好贯彻落实" and "…作了动员讲话。我重点讲两点" (three
    reviewers, cr10–cr12): speaking after the first speech, the speaker agrees with it."""
    data = scaffold_data("party-building") | {"前面讲话": [item], "讲话次序": "后讲"}
    data.pop("对前面讲话的评价", None)
    data.pop("议程", None)
    for version in VERSIONS:
        for n in range(4):
            reply = agenda_reply(data | {"主办单位": f"第{n}中学党委"}, version)
            assert re.search("同意|赞同", reply), reply


def test_a_report_of_conditions_is_not_praised_for_finding_causes():
    """"通报了入梅以来的雨情水情…，找准了问题，也讲清了原因" (three reviewers, cr10–cr12): the
    praise for finding causes answers what an inspection found, not a report of conditions."""
    rain = scaffold_data("special-deployment") | {"前面讲话": [
        "街道应急办通报了入梅以来的雨情水情和各社区隐患排查情况"]}
    rain.pop("议程", None)
    found = rain | {"前面讲话": ["县纪委通报了专项督查发现的情况"]}
    for version in VERSIONS:
        for n in range(4):
            assert "讲清了原因" not in agenda_reply(rain | {"主办单位": f"第{n}街道"}, version)
    assert any("讲清了原因" in agenda_reply(found | {"主办单位": f"第{n}县委"}, version)
               for version in VERSIONS for n in range(8))
