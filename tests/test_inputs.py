"""Every class of bad input: exit 2, a Chinese message naming the place, nothing on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import EXAMPLES, assert_user_error
from test_genre_templates import GENRES, scaffold_data, speech_from

from generator.errors import InputError
from generator.outline_io import dump_outline, load_outline, parse_outline
from generator.text_writer import render_text

GOOD = """\
标题: 在全市办公室工作会议上的讲话
讲话人: 李明
日期: 2025-01-05
称呼: 同志们：
开场:
  - 这次会议的主要任务是总结工作、部署任务。
正文:
  - 小标题: 肯定成绩
    类型: 回顾
    段落:
      - 一年来，各项工作取得明显成效。
    下级:
      - 小标题: 文秘工作严谨规范
        段落: [全年起草文稿三百余篇。]
结尾:
  - 同志们，让我们为开创工作新局面而努力奋斗！
结束语: 谢谢大家！
"""


def write(tmp_path: Path, text: str, name: str = "提纲.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_chinese_and_english_keys_give_the_same_tree(tmp_path):
    chinese = load_outline(write(tmp_path, GOOD))
    english = parse_outline(dump_outline(chinese))
    assert english == chinese
    assert chinese.date == "2025年1月5日"
    assert chinese.sections[0].role == "review"
    assert chinese.sections[0].sections[0].heading == "文秘工作严谨规范"
    assert "title: 在全市办公室工作会议上的讲话" in dump_outline(chinese)


def test_a_single_string_of_lines_is_one_paragraph_a_line(tmp_path):
    speech = load_outline(write(tmp_path, "标题: 讲话\n开场: |\n  第一段。\n\n  第二段。\n"))
    assert speech.opening == ["第一段。", "第二段。"]


def test_all_problems_are_reported_at_once_in_file_order(tmp_path):
    path = write(tmp_path, "讲话人: [甲, 乙]\n日期: 2025-02-30\n正文:\n  - 段洛: x\n")
    with pytest.raises(InputError) as caught:
        load_outline(path)
    lines = [str(p) for p in caught.value.problems]
    assert len(lines) == 4
    first_line = sorted(lines[:2])  # both sit on line 1
    assert "缺少必填字段 标题(title)" in first_line[0]
    assert first_line[1].startswith(f"{path}:1:1: 字段 讲话人") and "列表" in first_line[1]
    assert "2025-02-30" in lines[2] and ":2:" in lines[2]
    assert ":4:5: 字段 正文[1].段洛" in lines[3] and "段落(paragraphs)" in lines[3]


@pytest.mark.parametrize(("text", "fragments"), [
    ("标题: a\n开场: [x\n", ["YAML 格式错误", ":2:5:", "没有配对"]),
    ("标题: a\n\t讲话人: b\n", ["YAML 格式错误", "Tab"]),
    # a hidden name typed with * or & (a fact copier): "无法解析" said nothing of quoting it
    ("标题: a\n讲话人: *同志\n", ["YAML 格式错误", ":2:", "“*”或“&”", "加引号"]),
    ("标题: a\n讲话人: &同志\n", ["YAML 格式错误", ":2:", "“*”或“&”", "加引号"]),
    ("标题: a\n讲话人: *abc\n", ["YAML 格式错误", ":2:", "“*”或“&”", "加引号"]),
    ("标题: [1, 2]\n", ["字段 标题", "应为一段文字"]),
    ("讲话人: 李明\n", ["缺少必填字段 标题(title)"]),
    ("标题: a\n讲话仁: b\n", [":2:1", "讲话仁", "是不是想写 讲话人(speaker)"]),
    ("标题: a\ntemplate: work-conferense\n", ["work-conferense", "是不是想写 work-conference"]),
    ("标题: a\n标题: b\n", [":2:1", "重复"]),
    ("- 标题: a\n", ["最外层"]),
    ("标题: a\n---\n标题: b\n", ["多个"]),
    ("", ["文件是空的"]),
    ("   \n\n", ["文件是空的"]),
])
def test_bad_outline_gives_exit_2_and_names_the_place(tmp_path, speechgen, text, fragments):
    path = write(tmp_path, text)
    out = tmp_path / "讲话稿.docx"
    result = speechgen("render", path, "-o", out)
    assert_user_error(result, str(path), *fragments)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left either


def test_paragraphs_written_under_a_task_are_its_text(tmp_path, speechgen):
    """段落, as every sub-point writes it, under a task with no sub-points was refused ("是不是
    想写 引言"): four of a fact writer's seven outlines stopped on it.  It is the task's 引言."""
    path = write(tmp_path, "模板: work-conference\n会议名称: 全县文旅工作会议\n工作任务:\n"
                           "- 小标题: 做强文旅产业\n  段落:\n  - 要抓好景区提档升级。\n"
                           "- 小标题: 办好节会活动\n  段落:\n  - 要办好油菜花节。\n")
    result = speechgen("render", path, "-f", "txt")
    assert result.returncode == 0, result.stderr
    assert "做强文旅产业\n\n要抓好景区提档升级。" in result.stdout


@pytest.mark.parametrize("template", GENRES)
def test_every_part_takes_its_text_as_段落_too(template):
    """Three templates' parts still refused 段落 where their label is 引言 (a second fact
    writer): every template's scaffold, its 引言 written 段落, gives the same speech.  So does
    a review's 总体评价, a part's opening paragraphs under another name (a tester)."""
    data = scaffold_data(template)

    def renamed(value):
        if isinstance(value, dict):
            return {("段落" if key in ("引言", "总体评价") else key): renamed(item)
                    for key, item in value.items()}
        if isinstance(value, list):
            return [renamed(item) for item in value]
        return value

    if template in ("party-building", "special-deployment", "office-work"):  # the three named
        assert renamed(data) != data
    assert render_text(speech_from(renamed(data))) == render_text(speech_from(data))


def test_missing_file_directory_and_binary_file(tmp_path, speechgen):
    assert_user_error(speechgen("render", tmp_path / "没有.yaml"), "找不到这个文件")
    assert_user_error(speechgen("render", tmp_path), "文件夹")
    binary = tmp_path / "图片.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert_user_error(speechgen("render", binary), "不是文本文件")


def test_a_4mb_input_is_refused_before_parsing(tmp_path, speechgen):
    big = tmp_path / "大文件.yaml"
    big.write_text("标题: a\n开场:\n" + "  - 这是一段很长的文字。\n" * 150_000, encoding="utf-8")
    assert big.stat().st_size > 4_000_000
    assert_user_error(speechgen("render", big, "-f", "txt"), "文件过大")


def test_gbk_file_from_windows_notepad_is_read(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("标题: 在全县大会上的讲话\n开场: [同志们好。]\n".encode("gbk"))
    assert load_outline(path).title == "在全县大会上的讲话"


def test_alias_bomb_is_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, "
              f"*a{i-1}, *a{i-1}, *a{i-1}]" for i in range(1, 8)]
    with pytest.raises(InputError, match="过于庞大"):
        load_outline(write(tmp_path, "\n".join(lines) + "\n"))


def test_debug_shows_the_traceback(tmp_path, speechgen):
    result = speechgen("--debug", "render", write(tmp_path, "讲话人: x\n"))
    assert result.returncode != 0
    assert "Traceback" in result.stderr
    # typed after the subcommand it is a usage error: told where it goes, no traceback (a
    # tester got typer's)
    misplaced = speechgen("render", write(tmp_path, GOOD), "--debug")
    assert_user_error(misplaced, "没有选项 --debug", "要写在子命令之前")


def test_usage_errors_exit_2_with_a_chinese_message(speechgen, tmp_path):
    path = write(tmp_path, GOOD)
    assert_user_error(speechgen("render", path, "-f", "odt"), "不支持的输出格式")
    assert_user_error(speechgen("render", path, "--fromat", "txt"),
                      "没有选项 --fromat", "是不是想写 --format", "speechgen render -h")
    assert_user_error(speechgen("rendr", path), "没有命令“rendr”", "是不是想写 render")
    for typo in ("--ouput", "--outptu"):  # the parser offers "--layout, --output" in that order
        assert_user_error(speechgen("render", path, typo, "x.docx"), "是不是想写 --output")
    assert_user_error(speechgen("render"), "缺少参数")
    assert_user_error(speechgen("render", path, "-o"), "-o 后面要写一个值")
    assert_user_error(speechgen("check", path, path), "多出了参数")
    for result in (speechgen("render", path, "--fromat", "txt"), speechgen("rendr")):
        assert "No such" not in result.stderr


def test_help_and_version_exit_0(speechgen):
    assert speechgen("--version").stdout.startswith("speechgen ")
    for args in ((), ("-h",), ("render", "-h")):
        result = speechgen(*args)
        assert result.returncode == 0 and "render" in result.stdout


def test_outputs_get_ordinary_file_permissions(tmp_path, speechgen):
    import os
    import stat

    out = tmp_path / "讲话稿.txt"
    assert speechgen("render", write(tmp_path, GOOD), "-o", out).returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_unwritable_outputs_name_the_file_asked_for(tmp_path, speechgen):
    source = write(tmp_path, GOOD)
    blocker = tmp_path / "普通文件"
    blocker.write_text("x", encoding="utf-8")
    result = speechgen("render", source, "-o", blocker / "讲话稿.docx")
    assert_user_error(result, str(blocker / "讲话稿.docx"), "无法写入")
    assert ".part" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["提纲.yaml", "普通文件"]


@pytest.mark.parametrize("typed", ["稿件" + os.sep, "已有", "v1.2", "第2.0版" + os.sep])
def test_an_output_folder_gets_the_draft_inside_it(tmp_path, speechgen, typed):
    """"-o 讲话稿/" wrote 讲话稿.docx beside the folder it named (a tester): a name ending in a
    separator, or a folder that exists, is where the draft goes, under the outline's name, as
    with several inputs, a dot in its name or not ("-o v1.2" was refused as a file, a
    tester).  A name ending in / that is a file is refused."""
    source = write(tmp_path, GOOD)
    (tmp_path / "已有").mkdir()
    (tmp_path / "v1.2").mkdir()
    result = speechgen("render", source, "-f", "txt", "-o", f"{tmp_path}{os.sep}{typed}")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / typed.rstrip(os.sep)
    assert [p.name for p in folder.iterdir()] == ["提纲.txt"]
    assert not (tmp_path / (folder.name + ".txt")).exists()
    assert_user_error(speechgen("render", source, "-o", f"{source}{os.sep}"), "是文件")


def test_usage_mistakes_name_the_argument_and_range_in_chinese(speechgen, tmp_path):
    assert_user_error(speechgen("render"), "缺少参数:提纲或模板资料文件")
    result = speechgen("batch", tmp_path / "表.csv", "-j", "-1")
    assert_user_error(result, "“-1”超出范围,应不小于 0")
    assert "is not in the range" not in result.stderr


@pytest.mark.parametrize("version", ["-5", "1.5"])
def test_a_phrasing_version_is_a_whole_number_from_zero(speechgen, tmp_path, version):
    """套话版本 -5 rendered a draft (a tester): a version is 0, 1, 2…, told as such, at its line."""
    text = (EXAMPLES / "全市办公室工作会议.yaml").read_text(encoding="utf-8")
    path = write(tmp_path, f"套话版本: {version}\n" + text.replace("套话版本:", "# 套话版本:"))
    result = speechgen("render", path, "-o", tmp_path / "稿.docx")
    assert_user_error(result, "提纲.yaml:1", "套话版本", "应为 0 或更大的整数", version)
    assert not (tmp_path / "稿.docx").exists()


def test_a_part_of_the_review_written_at_the_top_is_told_where_it_belongs(tmp_path, speechgen):
    path = write(tmp_path, "模板: work-conference\n会议名称: 全县会议\n存在问题: [短板不少]\n"
                           "工作任务:\n- 小标题: 抓落实\n")
    result = speechgen("render", path, "-f", "txt")
    assert_user_error(result, "未知字段“存在问题”:它是 工作回顾(review) 里的字段,"
                              "应缩进写在“工作回顾:”之下")


def test_an_error_in_a_list_written_as_its_one_item_is_placed_at_its_line(tmp_path, speechgen):
    """"正文:" then "  字题: …" (a profile passed as an outline) was told at 1:1, the 正文 line:
    a list may be written as its one item, and its fields are found under the key itself."""
    path = write(tmp_path, "标题: 在全县大会上的讲话\n正文:\n  小标题: 抓落实\n"
                           "  字题: 方正仿宋_GBK\n")
    assert_user_error(speechgen("render", path, "-f", "txt"), f"{path}:4:3:", "未知字段“字题”")


def test_a_group_written_as_text_is_shown_the_form_to_write(tmp_path, speechgen):
    """"小项: [稳面积, 提单产]" was told "应为字段组(键: 值)" and not what to write (a tester)."""
    path = write(tmp_path, "模板: work-conference\n会议名称: 全县会议\n工作任务:\n"
                           "  - 小标题: 抓粮食\n    小项: [稳面积, 提单产]\n")
    assert_user_error(speechgen("render", path, "-f", "txt"), "如“小标题: 稳面积”",
                      "如“小标题: 提单产”")


SLIPS = "模板: special-deployment\n会议名称: 全县防汛紧急会议\n专项工作: 防汛\n讲话人: 县长　王明\n"


def test_one_field_written_under_both_its_names_is_told_by_both(tmp_path, speechgen):
    """"引言(intro) 重复出现" when the user wrote 段落 and 引言 once each (a fact writer): the
    message names both names as written and says they are one field."""
    path = write(tmp_path, SLIPS + "整治任务:\n  - 小标题: 抓好巡查\n    引言: [要巡查。]\n"
                                   "    段落: [要值守。]\n")
    assert_user_error(speechgen("render", path, "-f", "txt", "-o", tmp_path / "x.txt"),
                      ":8:5", "“引言”和“段落”是同一个字段")
    assert not (tmp_path / "x.txt").exists()


def test_a_misspelt_required_field_is_told_once(tmp_path, speechgen):
    """"缺少必填字段 整治任务" and "未知字段“工作任务”,是不是想写 整治任务" for one slip (a fact
    writer): the unknown name's message says it all."""
    path = write(tmp_path, SLIPS + "工作任务:\n  - 小标题: 抓好巡查\n    引言: [要巡查。]\n")
    result = speechgen("render", path, "-f", "txt", "-o", tmp_path / "x.txt")
    assert_user_error(result, ":5:1", "未知字段“工作任务”", "是不是想写 整治任务")
    assert "缺少必填字段 整治任务" not in result.stderr


@pytest.mark.parametrize("name", ["前面讲话", "前面议程"])
@pytest.mark.parametrize("template", ["commendation", "election-or-founding", "office-work",
                                      "party-building", "party-lecture", "special-deployment",
                                      "work-conference"])
def test_every_genre_template_takes_the_earlier_items_by_either_name(template, name):
    """"前面讲话" in a party lecture was told "是不是想写 讲话人" (a fact writer); commendation
    called the field 前面议程 and the others 前面讲话."""
    scaffold = scaffold_data(template)
    for key in ("前面讲话", "前面议程", "议程"):
        scaffold.pop(key, None)
    scaffold[name] = ["县委副书记王强同志宣读了县委的决定"]
    text = render_text(speech_from(scaffold))
    assert "刚才，县委副书记王强同志宣读了县委的决定" in text, text


@pytest.mark.parametrize(("text", "told", "not_told"), [
    # "主要要求" in a party lecture was told "是不是想写 组织要求" and "缺少必填字段 主要内容"
    # (tester 11): as near to both, it is the required one nobody wrote, told once
    ("模板: party-lecture\n会议名称: 专题党课\n讲话人: 局党组书记　王明\n党课主题: 严守纪律规矩\n"
     "主要要求:\n  - 小标题: 要把纪律挺在前面\n    段落: [财政干部要守住底线。]\n",
     (":5:1", "未知字段“主要要求”", "是不是想写 主要内容"), "缺少必填字段"),
    # "前面讲话[1]:段落应为一段文字,实际是字段组" for an entry written 谁/类型 (tester 11): the
    # message says where an entry of those keys belongs
    ("模板: work-conference\n会议名称: 全县经济工作会议\n讲话人: 县长　王明\n前面讲话:\n"
     "  - 谁: 县发改局\n    类型: 工作报告\n工作任务:\n"
     "  - 小标题: 抓项目\n    引言: [要抓项目。]\n",
     (":5:5", "前面讲话[1]", "请写在“议程”下"), "段落应为"),
])
def test_a_slip_is_told_as_what_was_meant(tmp_path, speechgen, text, told, not_told):
    result = speechgen("render", write(tmp_path, text), "-f", "txt", "-o", tmp_path / "x.txt")
    assert_user_error(result, *told)
    assert not_told not in result.stderr
