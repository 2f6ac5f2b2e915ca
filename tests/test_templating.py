"""Templates turn facts into a speech: counts agree, optional parts vanish, values stay data."""

from __future__ import annotations

import re

import pytest
import yaml

from generator.blocks import blocks
from generator.errors import InputError
from generator.fields import Validator
from generator.glue.stock import load_stock
from generator.lexicon import announcement
from generator.markup import RUN_ON, parse_markup
from generator.numerals import from_chinese
from generator.templating import build_speech, enumerate_points, sentence
from generator.text_writer import render_text


def speech_from(data: dict):
    return build_speech(data, lambda path: (None, None), "资料.yaml")


def minimal(**extra) -> dict:
    data = {"template": "work-conference", "会议名称": "全县经济工作会议",
            "工作任务": [{"小标题": "抓项目、扩投资，夯实发展基础"}]}
    data.update(extra)
    return data


def announced(speech) -> int | str | None:
    """The count the opening announces, read as `speechgen check` reads it, "几" when the
    announcement names none (讲几点意见), None when nothing is announced."""
    text = render_text(speech)
    match = re.search(announcement(), text)
    if not match:
        return None
    return "几" if match["count"] == "几" else from_chinese(match["count"])


def spoken_count(parts: int) -> int | str | None:
    """What the announcement should say for `parts` parts: the number up to four, 几 from five
    (real announcements name five or more in 5 of 178; 几点 in 65); nothing for one part
    ("讲一点意见" is in none of the stored pages, a reader named it in g25)."""
    if parts == 1:
        return None
    return parts if parts < 5 else "几"


@pytest.mark.parametrize("tasks", range(1, 8))
@pytest.mark.parametrize("with_review_and_guarantee", [False, True])
def test_announced_count_equals_the_real_number_of_points(tasks, with_review_and_guarantee):
    extra = {"工作任务": [{"小标题": f"第{n}项重点任务"} for n in range(tasks)]}
    if with_review_and_guarantee:
        extra |= {"工作回顾": {"总体评价": ["一年来，全县经济稳中向好。"]},
                  "保障措施": {"引言": ["各级各部门要切实加强领导。"]}}
    speech = speech_from(minimal(**extra))
    assert len(speech.sections) == tasks + 2 * with_review_and_guarantee
    assert announced(speech) == spoken_count(len(speech.sections))


def test_left_out_optional_parts_leave_no_trace():
    text = render_text(speech_from(minimal()))
    for debris in ("刚才", "主要体现在", "这些成绩", "在肯定成绩的同时", "祝贺", "同意召开",
                   "None", "方面：\n", "，。", "的结果的结果"):
        assert debris not in text, debris
    kinds = [b.kind for b in blocks(speech_from(minimal()))]
    assert kinds.count("heading") == 1
    opening = speech_from(minimal()).opening
    assert len(opening) == 1 and announced(speech_from(minimal())) is None, opening
    # The closing appeal ends the speech; "谢谢大家！" is not attested twice, so never added.
    last = text.rstrip().split("\n\n")[-1]
    assert "谢谢大家" not in text and last.endswith(("！", "。")), last


def test_review_with_problems_reads_as_the_genre_does():
    speech = speech_from(minimal(工作回顾={
        "主要成绩": [{"小标题": "经济运行稳中有进", "段落": ["全年地区生产总值增长6.1%。"]},
                     {"小标题": "民生保障有力有效", "段落": ["新增城镇就业5200人。"]}],
        "成绩原因": "县委坚强领导和全县上下共同努力的结果",
        "存在问题": ["产业结构还不够优", "项目储备不足。"]}))
    text = render_text(speech)
    assert "主要体现在" not in text  # no overall judgement to hang the lead-in on
    heading = speech.sections[0].heading  # the stock's review heading, none given
    shapes = [re.sub(r"\\\{\w+\\\}", ".+", re.escape(v.text))
              for v in load_stock().moves["review_heading"]]
    assert any(re.fullmatch(shape, heading) for shape in shapes), heading
    assert f"一、{heading}\n\n（一）经济运行稳中有进。" in text
    assert "县委坚强领导和全县上下共同努力" in text and "的结果的结果" not in text
    assert "：一是产业结构还不够优；二是项目储备不足。" in text
    assert [s.role for s in speech.sections] == ["review", "tasks"]
    # causes and problems close the review itself, after its last achievement
    review = speech.sections[0]
    assert review.sections[-1].paragraphs == ["新增城镇就业5200人。"]
    assert len(review.closing) == 2 and "一是产业结构" in review.closing[1]
    paragraphs = text.split("\n\n")
    after = paragraphs.index("（二）民生保障有力有效。新增城镇就业5200人。")
    assert paragraphs[after + 1:after + 3] == review.closing


ENUM_TEMPLATE = """\
name: enum
title: 列举测试
fields:
  - {key: asks, label: 要求, type: list}
"""
ENUM_SPEECH = """\
{% extends "base.j2" %}
{% block header %}
title: 列举测试
{% endblock %}
{% block opening %}
| 具体要求是：{{ asks|enum }}
{% endblock %}
{% block signoff %}{% endblock %}
"""


@pytest.mark.parametrize(("asks", "expected"), [
    (["加强学习"], "具体要求是：加强学习。"),
    (["加强学习", "改进作风；"], "具体要求是：一是加强学习；二是改进作风。"),
])
def test_a_list_of_one_takes_no_enumeration_marker(tmp_path, asks, expected):
    folder = tmp_path / "enum"
    folder.mkdir()
    (folder / "template.yaml").write_text(ENUM_TEMPLATE, encoding="utf-8")
    (folder / "speech.j2").write_text(ENUM_SPEECH, encoding="utf-8")
    speech = build_speech({"template": "enum", "要求": asks}, lambda path: (None, None),
                          "资料.yaml", extra_dirs=[tmp_path])
    assert expected in render_text(speech)


def test_user_values_are_data_never_code(tmp_path):
    speech = speech_from(minimal(会议任务="{{ 7*7 }}{% raw %}", 工作任务=[
        {"小标题": "{{ ''.__class__ }}", "引言": ["# 不是标题", "| 也不是", "[closing]"]},
        {"小标题": "{% if true %}", "引言": ["{{ x }}"]}]))
    text = render_text(speech)
    assert re.search(r"是\{\{ 7\*7 \}\}\{% raw %\}[，。]", text), text
    assert "一、{{ ''.__class__ }}" in text and "二、{% if true %}" in text
    assert "\n# 不是标题\n" in text and "\n| 也不是\n" in text and "\n[closing]\n" in text
    assert "49" not in text


def test_outline_template_adds_nothing():
    data = {"标题": "讲话", "开场": ["同志们好。"], "正文": [{"小标题": "甲", "段落": ["乙。"]}]}
    assert render_text(speech_from(data)) == "讲话\n\n同志们好。\n\n一、甲\n\n乙。\n"


def test_missing_required_fact_is_named():
    with pytest.raises(InputError, match=r"缺少必填字段 会议名称\(meeting\)"):
        speech_from({"template": "work-conference", "工作任务": [{"小标题": "甲"}]})
    with pytest.raises(InputError, match=r"工作任务\[1\]\.小标题.*缺少必填字段 小标题"):
        speech_from(minimal(工作任务=[{"引言": ["只有引言"]}]))


def test_filters():
    points = enumerate_points(["思想认识不到位。", "", "作风不够实；"])
    assert points == "一是思想认识不到位；二是作风不够实。"
    assert enumerate_points(["加强学习", "改进作风"], "要") == "一要加强学习；二要改进作风。"
    # one item promises no second: no 一是, but a verb other than the copula stays
    assert enumerate_points(["加强学习；"], "要") == "要加强学习。"
    assert enumerate_points(["作风不够实"]) == "作风不够实。"


def test_items_each_on_some_of_a_group_run_on_without_numbers():
    """"有的乡镇…；少数村…" is divided by its own words: numbered "一是有的…二是少数…" it read as
    the program's one problem list in every draft (pairs6).  A list with one plain item keeps
    its numbers."""
    some = ["有的乡镇很少研究党建", "少数村集体收入偏低；", "一些企业党组织活动少"]
    assert enumerate_points(some) == (
        "有的乡镇很少研究党建；少数村集体收入偏低；一些企业党组织活动少。"
    )
    mixed = some[:2] + ["组织生活质量不高"]
    assert enumerate_points(mixed).startswith("一是有的乡镇")
    assert enumerate_points(some, "要").startswith("一要有的")
    assert sentence("总结工作，") == "总结工作。"
    assert sentence("真的吗？") == "真的吗？"


def test_markup_nesting_roles_and_schemes():
    speech = parse_markup(
        "title: 讲话\n[opening]\n| 开头，\n+ 接着。\n# {review} 回顾\n## {line,一是} 小点\n| 段\n"
        "### 细点\n# {guarantee} 保障\n[closing]\n| 结尾\n", "t")
    assert speech.opening == ["开头，接着。"]
    # after a paragraph with no end mark the words go on as a new sentence (a tester)
    assert parse_markup("title: 讲话\n[opening]\n| 由×××同志\n+ 下面，我讲一点意见。\n",
                        "t").opening == ["由×××同志。下面，我讲一点意见。"]
    review, guarantee = speech.sections
    assert (review.role, guarantee.role) == ("review", "guarantee")
    point = review.sections[0]
    assert (point.lead, point.numbering, point.sections[0].heading) == (False, "一是", "细点")
    assert speech.closing == ["结尾"]


def test_a_soft_continuation_runs_on_only_in_a_short_paragraph():
    short, long = "今天召开会议。", "今" * (RUN_ON - 5)
    joined = parse_markup(f"[opening]\n| {short}\n~ 刚才，县长讲了。\n", "t")
    assert joined.opening == [short + "刚才，县长讲了。"]
    kept = parse_markup(f"[opening]\n| {long}\n~ 刚才，县长讲了。\n", "t")
    assert kept.opening == [long, "刚才，县长讲了。"]


def test_scaffold_keys_validate_with_chinese_labels():
    data = yaml.safe_load("会议名称: 甲\n工作任务:\n  - 小标题: 乙\n")
    from generator.templating import get_template

    validator = Validator()
    values = validator.group(data, get_template("work-conference").fields)
    assert not validator.problems
    assert values["meeting"] == "甲" and values["tasks"][0]["heading"] == "乙"
