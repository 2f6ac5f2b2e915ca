"""The one reader: every file a user names is read the same way and every YAML mistake is
told in Chinese at the line where it is, whichever loader (C or pure Python) PyYAML uses."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml
from helpers import EXAMPLES, assert_user_error, cli, docx_text, process, write

import generator
from generator import yaml_reader
from generator.errors import InputError

GOOD = "标题: 在全县大会上的讲话\n称呼: 同志们：\n开场:\n  - 同志们好。\n"


@pytest.fixture(params=["C", "pure"])
def loader(request, monkeypatch):
    """Each YAML test runs with the C loader (when PyYAML has it) and the pure-Python one."""
    if request.param == "C":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("PyYAML built without libyaml")
        monkeypatch.setattr(yaml_reader, "_Loader", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(yaml_reader, "_Loader", yaml.SafeLoader)
    return request.param


@pytest.mark.parametrize(("text", "line", "fragments"), [
    ("标题: a\n开场:\n\t- 同志们好。\n", 3, ["Tab", "空格"]),
    ("标题: a\n开场:\n  - x\n\t- y\n", 4, ["Tab"]),
    ("标题：在全县大会上的讲话\n称呼: 同志们\n", 1, ["“标题”后面是全角冒号", "标题: …"]),
    ("标题: a\n称呼：同志们\n开场:\n  - x\n", 2, ["“称呼”后面是全角冒号"]),
    ("标题: a\n正文:\n  - 小标题：统一思想\n    段落: [x]\n", 3, ["“小标题”后面是全角冒号"]),
    ("标题:在全县大会上的讲话\n称呼: 同志们\n", 1, ["“标题:”后面缺少空格"]),
    ("标题: a\n称呼:同志们\n开场:\n  - x\n", 2, ["“称呼:”后面缺少空格"]),
    ("标题: 关于: 什么的讲话\n称呼: 同志们\n", 1, ["值中含有“: ”", "引号"]),
    ("标题: a\n称呼: 各位党员同志:\n开场: [x]\n", 2, ["以半角冒号“:”结尾", "各位党员同志："]),
    ("标题: a\n  称呼: b\n", 2, ["缩进不一致"]),
    ("标题: a\n开场:\n  - 同志们：\n  小标题: x\n", 4, ["缩进不一致"]),  # not the 同志们：
    ("标题: a\n正文:\n  - 小标题: 一\n      段落: [x]\n", 4, ["缩进不一致"]),
    # a list item's next field is indented under its "- ": the error is the "%" (a tester)
    ("标题: a\n正文:\n  - 小标题: 一\n    段落: [要{% if 1 %}x]\n", 4, ["4:12", "%"]),
    ("标题: \"在全县大会上的讲话\n称呼: x\n", 1, ["引号没有配对"]),
    # paired quotes, a Windows path inside: an escape, not an unclosed quote (a tester)
    ("标题: a\n开场: [\"材料见D:\\材料\\总结.docx\"]\n", 2, ["反斜杠", "单引号"]),
])
def test_yaml_mistakes_are_named_at_their_line(tmp_path, loader, text, line, fragments):
    path = write(tmp_path, "提纲.yaml", text)
    result = cli("render", path, "-f", "txt")
    assert_user_error(result, f"{path}:{line}:", "YAML 格式错误", *fragments)
    assert result.stdout == ""


def test_a_colon_inside_a_paragraph_is_not_a_mistake(tmp_path, loader):
    text = "标题: 在大会上的讲话\n开场:\n  - 同志们：大家好\n  - 我讲三点意见：\n"
    result = cli("render", write(tmp_path, "提纲.yaml", text), "-f", "txt")
    assert result.returncode == 0, result.stderr
    assert "同志们：大家好" in result.stdout


@pytest.mark.parametrize(("text", "fragment"), [
    ("标题: a\n开场: " + "[" * 5000 + "]" * 5000 + "\n", "嵌套层数过多"),
    ("标题: a\n开场: " + "[" * 100 + "]" * 100 + "\n", "嵌套层数过多"),
    ("标题: a\n开场: &x [*x]\n", "引用了自己"),
    ("标题: a\n正文: &x {下级: *x}\n", "引用了自己"),
])
def test_deep_and_self_referring_yaml_is_refused_without_a_traceback(tmp_path, loader, text,
                                                                      fragment):
    result = cli("render", write(tmp_path, "提纲.yaml", text), "-f", "txt")
    assert_user_error(result, "提纲.yaml", fragment)


@pytest.mark.parametrize("line", ["\u3000- 小标题: 甲", "\u3000\u3000段落: [要抓落实。]"])
def test_a_full_width_space_typed_as_indentation_is_named_at_its_line(tmp_path, line):
    """"　- 小标题: 甲" typed with the Chinese input method was told as an unknown field
    "- 小标题", did-you-mean 标题 (a tester); full-width spaces inside a paragraph stay."""
    path = write(tmp_path, "提纲.yaml", "标题: 在全县大会上的讲话\n称呼: 同志们：\n正文:\n"
                 "  - 小标题: 乙\n" + line + "\n")
    assert_user_error(cli("render", path, "-f", "txt"), "提纲.yaml:5:1", "全角空格", "半角空格")
    text = write(tmp_path, "段落.yaml", GOOD + "  - |\n    \u3000\u3000要求：抓好落实。\n")
    result = cli("render", text, "-f", "txt")
    assert result.returncode == 0, result.stderr
    assert "要求：抓好落实。" in result.stdout


def test_a_line_pasted_in_another_encoding_is_named(tmp_path):
    """A UTF-8 outline with one GBK line was refused with no line to look at (a tester)."""
    path = tmp_path / "提纲.yaml"
    path.write_bytes(GOOD.encode("utf-8") + "  - 这一行是从旧文件粘贴来的。\n".encode("gbk")
                     + "  - 最后一行。\n".encode())
    assert_user_error(cli("render", path, "-f", "txt"), f"{path}:5:", "不是 UTF-8")


@pytest.mark.parametrize(("command", "name", "expected"), [
    ("render", "提纲.yaml", "YAML 提纲"), ("mine", "页面.txt", ".txt"), ("check", "稿.txt", ""),
])
@pytest.mark.parametrize("head", [b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"])
def test_binary_file_without_nul_bytes_is_called_binary(tmp_path, command, name, expected,
                                                        head):
    """Random bytes with no NUL, or a .docx renamed to text, were told they had an odd
    encoding at line 1 or a control character at column 3 (a tester)."""
    import random

    rng = random.Random(7)
    noise = bytes(rng.choice(range(1, 256)) for _ in range(3000))
    path = tmp_path / name
    path.write_bytes(head + noise)
    if command == "mine" and head == b"PK\x03\x04":  # mine reads .docx, so it says which
        assert_user_error(cli(command, path), name, "Word 文档", "已损坏")
    elif head:  # a package says what it is (a .docx opened as an outline, a tester)
        assert_user_error(cli(command, path), name, "这是 Word、Excel 或 WPS 文件", expected)
    else:
        assert_user_error(cli(command, path), name, "不是文本文件", "二进制", expected)


def test_text_with_word_breaks_and_one_stray_control_is_still_text(tmp_path):
    """Word's line and page breaks copy as \v and \f; one control character pasted in stays
    a message at its own line, not a refusal of the whole file."""
    path = tmp_path / "稿.txt"
    path.write_text("同志们:\n今天开会。\v\f\n" * 40 + "最后\x03一行。\n", encoding="utf-8")
    result = cli("check", path)
    assert "二进制" not in result.stderr
    path = write(tmp_path, "提纲.yaml", GOOD + "  - 第二\x03段。\n")
    assert_user_error(cli("render", path, "-f", "txt"), "提纲.yaml:5", "控制字符")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_outline_in_every_encoding_windows_saves(tmp_path, encoding):
    path = write(tmp_path, "提纲.yaml", GOOD, encoding)
    result = cli("render", path, "-f", "txt")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("在全县大会上的讲话\n")


def test_utf16_text_draft_is_checked_not_called_binary(tmp_path):
    path = write(tmp_path, "稿.txt", "同志们:\n今天开会。\n", "utf-16")
    result = cli("check", path)
    assert "二进制" not in result.stderr
    assert "halfwidth-punct" in result.stdout


def test_utf16_page_is_mined(tmp_path):
    source = cli("render", EXAMPLES / "全区党建工作会议.yaml", "-f", "txt").stdout
    path = write(tmp_path, "页面.txt", source, "utf-16")
    result = cli("mine", path)
    assert result.returncode == 0, result.stderr
    assert "title: 在全区机关党建工作会议上的讲话" in result.stdout


@pytest.mark.parametrize(("name", "command"), [
    ("讲话稿.docx", "check"), ("页面.docx", "mine"),
])
@pytest.mark.foreign_docx
def test_not_a_zip_is_told_in_chinese(tmp_path, name, command):
    path = write(tmp_path, name, "这其实是一个文本文件")
    result = cli(command, path)
    assert_user_error(result, name, "不是有效的 Word 文档(.docx)")
    assert "not a zip file" not in result.stderr and "Package not found" not in result.stderr


def _bomb(path: Path) -> Path:
    """A .docx whose document part inflates to 70 MB from well under 1 MB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b" " * 1_000_000
            for _ in range(70):
                member.write(chunk)
    assert path.stat().st_size < 1_000_000
    return path


@pytest.mark.parametrize("command", ["check", "mine"])
@pytest.mark.foreign_docx
def test_a_docx_that_inflates_far_beyond_its_size_is_refused(tmp_path, command):
    path = _bomb(tmp_path / "讲话稿.docx")
    assert_user_error(cli(command, path), "讲话稿.docx", "解压后", "上限")


def test_profile_map_and_template_yaml_errors_are_chinese(tmp_path):
    outline = write(tmp_path, "提纲.yaml", GOOD)
    profile = write(tmp_path, "版式.yaml", "正文：\n  字体: 仿宋\n")
    assert_user_error(cli("render", outline, "--profile", profile, "-o", tmp_path / "a.docx"),
                      "版式.yaml:1:", "全角冒号")
    sheet = write(tmp_path, "表.csv", "会议名称,工作任务\n全县会议,抓落实\n")
    mapping = write(tmp_path, "对照.yaml", "会议:会议名称\n任务: 工作任务\n")
    assert_user_error(cli("batch", sheet, "-t", "work-conference", "--map", mapping,
                          "-o", tmp_path / "out"), "对照.yaml:1:", "缺少空格")
    folder = tmp_path / "模板" / "mine"
    folder.mkdir(parents=True)
    write(folder, "template.yaml", "name: mine\ntitle: 我的\nfields:\n\t- key: a\n")
    write(folder, "speech.j2", "title: x\n")
    listed = cli("templates", "--template-dir", tmp_path / "模板")  # the others still listed
    assert listed.returncode == 1 and "Traceback" not in listed.stderr
    assert "template.yaml:4:" in listed.stderr and "Tab" in listed.stderr
    assert "work-conference" in listed.stdout


@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_a_wrong_file_given_as_the_profile_is_refused_and_quoted_short(tmp_path, fmt):
    """A CSV given as --profile was quoted whole in the message, and with -f txt not read at
    all: exit 0 (a tester).  It is refused whatever the format, its text cut short."""
    names = "序号,姓名,单位\n" + "".join(f"{n},同志{n},县委办\n" for n in range(1, 40))
    profile = write(tmp_path, "名单.csv", names)
    out = tmp_path / f"稿.{fmt}"
    result = cli("render", EXAMPLES / "全区党建工作会议.yaml", "--profile", profile, "-o", out)
    assert_user_error(result, "名单.csv:1:1", "应为字段组", "……")
    assert "同志39" not in result.stderr and len(result.stderr) < 200
    assert not out.exists()


def test_a_wrong_choice_a_repeated_field_and_a_group_for_paragraphs_say_what_to_do(tmp_path):
    """A wrong 编号 listed some 60 spellings, a repeated 标题 gave no advice, and 段落 given
    as a group said "(每项一段)…(一项一段)" (a tester)."""
    head = "标题: 在全县大会上的讲话\n称呼: 同志们：\n正文:\n  - 小标题: 甲\n"
    wrong = cli("render", write(tmp_path, "编号.yaml", head + "    编号: (一\n"), "-f", "txt")
    assert_user_error(wrong, "编号.yaml:5:5", "“(一”不是可选值;是不是想写 (一)?", "一是、")
    assert wrong.stderr.count("第一层意思") == 1 and len(wrong.stderr) < 300
    again = cli("render", write(tmp_path, "重复.yaml", head + "标题: 又一个\n"), "-f", "txt")
    assert_user_error(again, "重复.yaml:5:1", "重复出现(第 1 行已写过);请删去其中一处")
    group = cli("render", write(tmp_path, "段落.yaml", head + "    段落: {要点: 一}\n"),
                "-f", "txt")
    assert_user_error(group, "段落.yaml:5:5", "应为段落列表,实际是字段组")
    assert group.stderr.count("一段") == 1


def test_every_reader_words_a_missing_file_and_a_folder_the_same(tmp_path):
    missing = tmp_path / "没有"
    runs = [cli("render", missing.with_suffix(".yaml")), cli("check", missing.with_suffix(".txt")),
            cli("mine", missing.with_suffix(".txt")),
            cli("batch", missing.with_suffix(".csv"), "-t", "work-conference"),
            cli("render", EXAMPLES / "全区党建工作会议.yaml", "--profile",
                missing.with_suffix(".yaml"), "-o", tmp_path / "a.docx")]
    for result in runs:
        assert_user_error(result, "找不到这个文件,请检查路径和文件名")
    assert not (tmp_path / "a.docx").exists()


@pytest.mark.foreign_docx
def test_replacing_a_file_open_in_word_gets_the_hint_from_every_command(tmp_path, monkeypatch):
    """On Windows, replacing a file Word holds open fails with a permission error."""
    import generator.files

    target = tmp_path / "讲话稿.docx"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(generator.files.os, "replace", locked)
    result = cli("render", EXAMPLES / "全区党建工作会议.yaml", "-o", target, "--overwrite")
    assert_user_error(result, "讲话稿.docx", "是否正在 Word 或 WPS 中打开")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["讲话稿.docx"]  # no temporary file left


def test_in_process_and_real_process_show_the_same_error(tmp_path):
    path = write(tmp_path, "提纲.yaml", "标题：在大会上的讲话\n")
    inside, outside = cli("render", path), process("render", path)
    assert (inside.returncode, inside.stderr) == (outside.returncode, outside.stderr)
    assert outside.returncode == 2


def test_debug_shows_the_traceback_only_when_asked(tmp_path):
    path = write(tmp_path, "提纲.yaml", "讲话人: x\n")
    assert "Traceback" not in process("render", path).stderr
    result = process("--debug", "render", path)
    assert result.returncode == 2 and "Traceback" in result.stderr  # the same exit code
    assert "InputError" in result.stderr and "错误:" in result.stderr


def test_yaml_reader_gives_the_same_data_with_either_loader(loader):
    data, locate = yaml_reader.parse(GOOD, "提纲.yaml")
    assert data["开场"] == ["同志们好。"] and locate(("开场", 0)) == (4, 5)
    with pytest.raises(InputError):
        yaml_reader.parse("a: 1\na: 2\n", "x.yaml")


def test_docx_text_helper_reads_what_render_wrote(tmp_path):
    out = tmp_path / "a.docx"
    assert cli("render", EXAMPLES / "全区党建工作会议.yaml", "-o", out).returncode == 0
    assert docx_text(out)[0] == "在全区机关党建工作会议上的讲话"


def test_report_and_zip_get_the_permissions_of_any_new_file(tmp_path):
    """They go through the one writer too: not the 0600 of a private temporary file."""
    import os

    umask = os.umask(0o022)
    os.umask(umask)
    report, archive = tmp_path / "报告.csv", tmp_path / "全部.zip"
    result = cli("batch", EXAMPLES / "各乡镇会议.csv", "-t", "work-conference", "-o",
                 tmp_path / "out", "-j", "1", "--report", report, "--zip", archive)
    assert result.returncode == 1, result.stderr  # the example sheet has one bad row
    for path in (report, archive, next((tmp_path / "out").iterdir())):
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask, path
    assert not list(tmp_path.glob(".~*"))


def test_a_fifth_heading_level_is_named_as_such(tmp_path):
    text = "标题: a\n正文:\n" + "".join(
        f"{'    ' * level}  - 小标题: 第{level + 1}级\n{'    ' * level}    下级:\n"
        for level in range(4)) + f"{'    ' * 4}  - 小标题: 第5级\n"
    result = cli("render", write(tmp_path, "提纲.yaml", text), "-f", "txt")
    assert_user_error(result, "最多 4 级", "第 5 级")
    assert "未知字段" not in result.stderr


def test_four_heading_levels_are_fine(tmp_path):
    text = "标题: a\n正文:\n" + "".join(
        f"{'    ' * level}  - 小标题: 第{level + 1}级\n{'    ' * level}    下级:\n"
        for level in range(3)) + f"{'    ' * 3}  - 小标题: 第4级\n{'    ' * 3}    段落: [好。]\n"
    result = cli("render", write(tmp_path, "提纲.yaml", text), "-f", "txt")
    assert result.returncode == 0, result.stderr
    assert "（1）第4级。好。" in result.stdout


def test_a_wrongly_typed_title_is_not_also_called_missing(tmp_path):
    result = cli("render", write(tmp_path, "提纲.yaml", "标题: [甲, 乙]\n"), "-f", "txt")
    assert_user_error(result, "字段 标题:应为一段文字")
    assert "缺少必填字段" not in result.stderr


def test_margins_wider_than_the_paper_are_refused(tmp_path):
    profile = write(tmp_path, "版式.yaml", "页边距:\n  左: 120\n  右: 100\n")
    out = tmp_path / "a.docx"
    result = cli("render", EXAMPLES / "全区党建工作会议.yaml", "--profile", profile, "-o", out)
    assert_user_error(result, "版式.yaml", "页边距超出纸张", "220 毫米")
    assert not out.exists()


def test_profile_problems_carry_canonical_key_paths():
    try:
        text = "正文:\n  字号: 十号\n一级标题:\n  szie: 三号\n"
        generator.load_profile(text, filename="版式.yaml")
    except generator.SpeechgenError as error:
        places = {p.key_path: (p.line, p.path) for p in error.problems}
    else:
        raise AssertionError("a bad profile was accepted")
    assert places == {("body", "size"): (2, "正文.字号"),
                      ("heading1", "szie"): (4, "一级标题.szie")}


@pytest.mark.parametrize(("body", "fragments"), [
    ("{% for i in range(10000000) %}| {{ i }}\n{% endfor %}", ["循环过大", "100000"]),
    ("title: 甲\n\n| {{ nosuch }}\n", ["speech.j2:3:", "未声明的变量 nosuch"]),
    ("title: {% if %}\n", ["模板语法错误", "speech.j2:1"]),
    ("{{ ''.__class__.__mro__ }}\n", ["受保护的内部属性"]),
    # a tester, round 4: tracebacks, exit 1; no line; a wrong diagnosis; an empty draft, exit 0
    ("title: 甲\n| {{ '甲' + 1 }}\n", ["speech.j2:2:", "表达式运行出错(TypeError"]),
    ("title: 甲\n| {{ 1 // 0 }}\n", ["speech.j2:2:", "ZeroDivisionError"]),
    ("title: 甲\n| {{ [1, 2][5] }}\n", ["speech.j2:2:", "不存在的第 5 项"]),
    ("title: 甲\n| {{ '甲'|shout }}\n", ["speech.j2:2:", "不存在的过滤器“shout”"]),
    ("title: 甲\n{% include 'nothere.j2' %}\n", ["speech.j2:2:", "“nothere.j2”不存在"]),
    ("title: 甲\n| {{ glue.say('无此环节') }}\n", ["speech.j2:2:", "没有名为“无此环节”的环节"]),
    ("title: 甲\n{% if true %}\n@@ 这是什么\n{% endif %}\n", ["speech.j2:3:", "第 2 行无法识别",
                                                             "[opening]"]),
    ("{% if false %}x{% endif %}\n", ["没有输出任何内容"]),
    ("| 只有一段。\n", ["没有标题", "title:"]),
])
def test_template_errors_are_chinese_with_detail_only_under_debug(tmp_path, body, fragments):
    folder = tmp_path / "模板" / "mine"
    folder.mkdir(parents=True)
    write(folder, "template.yaml", "name: mine\ntitle: 我的\nfields: []\n")
    write(folder, "speech.j2", body)
    facts = write(tmp_path, "资料.yaml", "模板: mine\n")
    result = cli("render", facts, "--template-dir", tmp_path / "模板", "-o", tmp_path / "稿.txt")
    assert_user_error(result, *fragments)
    assert not (tmp_path / "稿.txt").exists()
    assert not any(word in result.stderr for word in ("undefined", "unsafe", "Range too big"))
    assert "Traceback" in cli("--debug", "render", facts, "--template-dir", tmp_path / "模板",
                              "-f", "txt").stderr


@pytest.mark.parametrize(("fields", "fragments"), [
    ("  - {key: a, label: 甲}\n  - {key: a, label: 乙}\n", ["第2项(a)", "key“a”已被"]),
    ("  - {key: a, label: 甲}\n  - {key: b, label: 甲}\n", ["第2项(b)", "label“甲”已被"]),
    ("  - {key: a, label: 甲, type: datum}\n", ["type“datum”", "是不是想写 date?", "choice"]),
    ("  - {key: a, label: 甲, requird: true}\n", ["不认识的属性“requird”", "是不是想写 required?"]),
    ("  - {key: 会议, label: 甲}\n", ["第1项(会议)", "key 只能用英文字母"]),
    ("  - {key: a, label: 甲, required_when: [kind]}\n", ["第1项(a)", "required_when 应写成"]),
    ("  - key: a\n    label: 甲\n    label: 乙\n", ["template.yaml:7:5", "“label”重复出现"]),
])
def test_a_template_declaration_mistake_names_the_field_and_what_to_write(tmp_path, fields,
                                                                         fragments):
    """"key 或 type 不合法" with the file twice, a Python list of unknown attributes, and a
    field or label declared twice taken silently (a tester, round 4)."""
    folder = tmp_path / "模板" / "mine"
    folder.mkdir(parents=True)
    write(folder, "template.yaml", "name: mine\ntitle: 我的\ndescription: 试\nfields:\n"
                                   + fields)
    write(folder, "speech.j2", "title: 在全县大会上的讲话\n")
    result = cli("render", write(tmp_path, "资料.yaml", "模板: mine\n"), "--template-dir",
                 tmp_path / "模板", "-f", "txt")
    assert_user_error(result, "template.yaml", *fragments)
    assert result.stderr.count("template.yaml") == 1 and "['" not in result.stderr


def test_a_template_folder_given_as_the_template_dir_says_to_give_its_parent(tmp_path):
    """--template-dir 模板/mine (the template itself) was told "没有名为“mine”的模板" (a tester)."""
    folder = tmp_path / "模板" / "mine"
    folder.mkdir(parents=True)
    write(folder, "template.yaml", "name: mine\ntitle: 我的\nfields: []\n")
    write(folder, "speech.j2", "title: 在全县大会上的讲话\n")
    result = cli("render", write(tmp_path, "资料.yaml", "模板: mine\n"), "--template-dir", folder,
                 "-f", "txt")
    assert_user_error(result, "本身就是一个模板", f"上一级文件夹:{tmp_path / '模板'}")


def test_an_empty_list_item_is_refused_and_no_template_prints_none(tmp_path):
    """"- {}" among the points rendered "二、None" (a tester): the empty item is told at its
    line; an optional fact a template prints unguarded is empty text, never "None"."""
    outline = write(tmp_path, "提纲.yaml", GOOD.replace("开场:\n  - 同志们好。\n", "")
                    + "正文:\n  - 小标题: 甲\n  - {}\n")
    assert_user_error(cli("render", outline, "-f", "txt"), "提纲.yaml:5:5", "正文[2]",
                      "这一项什么也没写")
    folder = tmp_path / "模板" / "mine"
    folder.mkdir(parents=True)
    write(folder, "template.yaml", "name: mine\ntitle: 我的\nfields:\n  - key: note\n"
                                   "    label: 备注\n")
    write(folder, "speech.j2", "title: 在全县大会上的讲话\n[opening]\n| 同志们好。{{ note }}\n")
    result = cli("render", write(tmp_path, "资料.yaml", "模板: mine\n"), "--template-dir",
                 tmp_path / "模板", "-f", "txt")
    assert result.returncode == 0, result.stderr
    assert "同志们好。\n" in result.stdout and "None" not in result.stdout


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-16"])
def test_a_template_saved_by_notepad_in_any_encoding_renders(tmp_path, encoding):
    """speech.j2 saved as "ANSI" (GBK) ended in a UnicodeDecodeError traceback, and as "UTF-8
    with BOM" had its first line refused (a tester): it is read as every user file is."""
    folder = tmp_path / "模板" / "mine"
    folder.mkdir(parents=True)
    write(folder, "template.yaml", "name: mine\ntitle: 我的\nfields: []\n")
    write(folder, "speech.j2", "title: 在全县大会上的讲话\n[opening]\n| 同志们好。\n", encoding)
    facts = write(tmp_path, "资料.yaml", "模板: mine\n")
    result = cli("render", facts, "--template-dir", tmp_path / "模板", "-f", "txt")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("在全县大会上的讲话\n") and "同志们好。" in result.stdout


def test_a_half_width_comma_splitting_a_flow_list_between_chinese_is_pointed_out(tmp_path,
                                                                                  loader):
    text = "标题: 在会上的讲话\n称呼: 同志们：\n开场: [一年来,全区上下团结奋斗, 取得新成绩]\n"
    path = write(tmp_path, "提纲.yaml", text)
    loose = cli("render", path, "-f", "txt")
    assert loose.returncode == 0
    assert f"提示:{path}:3:9: 方括号列表中“一年来,全区上下团结”处的半角逗号" in loose.stderr
    assert loose.stderr.count("半角逗号") == 1  # "…奋斗, 取得…": a comma and a space, a list
    strict = cli("render", path, "-f", "txt", "--strict")
    assert strict.returncode == 1 and "半角逗号" in strict.stderr and strict.stdout == ""


def test_word_lock_files_are_skipped_in_folders_and_named_when_given(tmp_path):
    source = cli("render", EXAMPLES / "全区党建工作会议.yaml", "-o", tmp_path / "讲话稿.docx")
    assert source.returncode == 0
    (tmp_path / "~$讲话稿.docx").write_bytes(b"\x0cWang Wei" + b"\x00" * 150)  # as Word leaves it
    mined = cli("mine", tmp_path)
    assert mined.returncode == 0, mined.stderr
    assert "~$" not in mined.stderr and "在全区机关党建工作会议上的讲话" in mined.stdout
    for command in ("check", "mine"):
        assert_user_error(cli(command, tmp_path / "~$讲话稿.docx"), "锁定文件", "“讲话稿.docx”")
    # Word writes ~$ over the first two characters of a longer name: the file is 去年…, and
    # "的讲话 2024（定稿）.docx", which a tester was sent to look for, does not exist
    (tmp_path / "讲话稿.docx").rename(tmp_path / "去年的讲话 2024（定稿）.docx")
    (tmp_path / "~$的讲话 2024（定稿）.docx").write_bytes(b"\x0cWang Wei" + b"\x00" * 150)
    assert_user_error(cli("check", tmp_path / "~$的讲话 2024（定稿）.docx"), "锁定文件",
                      "请改用“去年的讲话 2024（定稿）.docx”")


@pytest.mark.parametrize("name", ["去年的讲话.docx", "讲话.pdf", "讲话.WPS"])
@pytest.mark.foreign_docx
def test_a_finished_speech_given_to_render_is_pointed_to_mine(tmp_path, name):
    """"render 去年的讲话.docx" said only that the file was not text (a new user): it names the
    command that turns a speech into an outline, and writes nothing; for a PDF or a WPS file,
    which `mine` refuses too, what to save it as first (a tester, round 2)."""
    path = write(tmp_path, name, "在全县工作会议上的讲话")
    out = tmp_path / "稿.docx"
    result = cli("render", path, "-o", out)
    if name.endswith(".docx"):
        assert_user_error(result, name, "不是提纲", f"speechgen mine {name}")
    else:
        assert_user_error(result, name, "不是提纲", "另存为 .docx")
        assert "speechgen mine" not in result.stderr
    assert not out.exists()


def test_a_date_that_does_not_exist_is_told_what_a_date_is(tmp_path):
    path = write(tmp_path, "提纲.yaml", "标题: 讲话\n日期: 2025-13-40\n")
    assert_user_error(cli("render", path, "-f", "txt"), "提纲.yaml:2",
                      "“2025-13-40”不是真实存在的日期", "月份为1—12", "2025年1月5日")


def test_facts_without_their_template_line_are_told_to_add_it(tmp_path):
    """A template's facts with the "模板:" line left out were read as an outline, and each fact
    was told only that it is an unknown field (a new user): the first message names the line to
    add, and the template the facts fit when only one does."""
    path = write(tmp_path, "资料.yaml", "会议名称: 全县防汛工作会议\n专项工作: 防汛抗旱\n")
    result = cli("render", path, "-f", "txt")
    assert_user_error(result, "资料.yaml:1:1", "没有“模板:”这一行", "“模板: special-deployment”")
    assert result.stderr.index("模板: special-deployment") < result.stderr.index("未知字段")


def test_one_encoding_rule_whether_read_whole_or_in_chunks():
    """The CSV reader checks a large sheet chunk by chunk with the same rule the outline reader
    applies to a whole file: a character split between two chunks is still UTF-8, one GBK
    byte pair anywhere makes the file GB18030, a NUL past the first chunk is still binary."""
    from generator.reading import decode, encoding_of

    text = "序号,会议名称\n" + "1,全县安全生产工作会议\n" * 40
    data = text.encode("utf-8")
    for size in (1, 2, 5, 7, len(data)):  # every cut, including inside a character
        chunks = [data[i:i + size] for i in range(0, len(data), size)]
        assert encoding_of(chunks, "表.csv") == "utf-8"
    gbk = text.encode("gbk")
    assert encoding_of([gbk[:9], gbk[9:]], "表.csv") == "gb18030"
    assert decode(gbk, "表.csv") == text
    assert encoding_of([b"\xef\xbb\xbf" + data], "表.csv") == "utf-8-sig"
    with pytest.raises(InputError, match="二进制"):
        encoding_of([data, b"PK\x03\x04\x00\x00"], "表.csv", "表格")


def test_more_points_at_a_level_than_numerals_write_is_told_not_a_traceback(tmp_path):
    """10,000 sub-points ended in ValueError from the numerals (a tester who never saw the
    code): the list is refused where it is read, at its line, before anything is written."""
    points = "".join(f"      - 小标题: 第{n}项\n" for n in range(10_000))
    source = write(tmp_path, "提纲.yaml", "标题: 在全县工作会议上的讲话\n称呼: 同志们：\n"
                   "正文:\n  - 小标题: 总结工作\n    下级:\n" + points)
    result = cli("render", source, "-f", "txt", "-o", tmp_path / "讲话稿.txt")
    assert_user_error(result, "提纲.yaml:5:", "最多 9999 项", "10000 项")
    assert not (tmp_path / "讲话稿.txt").exists()


def test_a_big5_file_is_read_as_big5_not_as_garbled_gbk(tmp_path):
    """A traditional-script page saved as Big5 (Windows "ANSI" in Taiwan or Hong Kong) decoded as
    GB18030 into "郡竒蕾穦某量杠": `mine` found no speech and `check` counted 0 characters."""
    from generator.reading import decode

    page = ("在全縣黨建工作會議上的講話\n\n同志們：\n\n今天，我們召開全縣黨建工作會議，"
            "主要任務是總結去年的工作，部署今年的重點任務。下面，我講三點意見。\n\n"
            "一、提高認識\n\n要提高認識。\n\n"
            "二、狠抓落實\n\n要狠抓落實。\n\n同志們，讓我們團結一心，為完成全年任務而努力奮鬥！\n")
    source = write(tmp_path, "頁面.txt", page, encoding="cp950")
    assert decode(source.read_bytes(), "頁面.txt") == page
    result = cli("mine", source)
    assert result.returncode == 0, result.stderr
    assert "在全縣黨建工作會議上的講話" in result.stdout and "提高認識" in result.stdout
    simplified = "在全县党建工作会议上的讲话\n同志们：\n今天召开会议，部署工作。\n"
    assert decode(simplified.encode("gbk"), "页面.txt") == simplified  # GBK stays GBK


@pytest.mark.skipif(not hasattr(__import__("os"), "symlink") or __import__("sys").platform
                    == "win32", reason="POSIX symlinks")
def test_a_link_that_points_at_itself_is_told_in_chinese(tmp_path):
    """"无法读取这个文件:Too many levels of symbolic links" (a tester who never saw the code)."""
    (tmp_path / "甲.yaml").symlink_to(tmp_path / "乙.yaml")
    (tmp_path / "乙.yaml").symlink_to(tmp_path / "甲.yaml")
    result = cli("render", tmp_path / "甲.yaml", "-f", "txt")
    assert_user_error(result, "甲.yaml", "绕回了自己")
    assert "Too many" not in result.stderr


@pytest.mark.parametrize(("text", "line", "column", "code"), [
    ("标题: 在全县大会上的讲话\n称呼: 同志们\x1b[31m\n", 2, 8, "U+001B"),
    ("标\x07题: 在全县大会上的讲话\n", 1, 2, "U+0007"),
])
def test_a_control_character_is_named_at_its_place(tmp_path, loader, text, line, column, code):
    """"YAML 格式错误:无法解析" with no line for a BEL pasted into a field (a tester who never
    saw the code); the C loader counts in bytes, the Python one in characters."""
    source = write(tmp_path, "提纲.yaml", text)
    result = cli("render", source, "-f", "txt")
    assert_user_error(result, f"提纲.yaml:{line}:{column}:", "控制字符", code)


def test_a_zip_that_is_no_workbook_and_a_file_given_as_template_folder_are_told_plainly(
        tmp_path):
    fake = tmp_path / "表.xlsx"
    with zipfile.ZipFile(fake, "w") as package:
        package.writestr("说明.txt", "不是工作簿")
    result = cli("batch", fake, "-t", "work-conference", "--check")
    assert_user_error(result, "表.xlsx", "不是 Excel 工作簿", "另存为")
    assert "Content_Types" not in result.stderr and "archive" not in result.stderr
    outline = write(tmp_path, "提纲.yaml", GOOD)
    result = cli("render", outline, "--template-dir", outline, "-f", "txt")
    assert_user_error(result, "这是一个文件,不是模板目录", "文件夹")


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # an old binary Office file's first sector


@pytest.mark.foreign_docx
def test_old_and_locked_office_files_are_named_for_what_they_are(tmp_path):
    """A tester (round 2): a .doc renamed .docx was "damaged or another file"; ~$表.xlsx a
    damaged workbook; template-from on a .doc advised `mine`, which refuses a .doc."""
    renamed = tmp_path / "去年的讲话.docx"
    renamed.write_bytes(OLE)
    for command in (("check", renamed), ("mine", renamed)):
        assert_user_error(cli(*command), "旧版 Word", "另存为")
    lock = tmp_path / "~$表.xlsx"
    lock.write_bytes(b"\x06\x00\xe5\x90\x8d" + bytes(160))
    assert_user_error(cli("batch", lock, "-t", "work-conference", "-o", tmp_path / "out"),
                      "锁定文件", "“表.xlsx”")
    old = tmp_path / "去年的讲话.doc"
    old.write_bytes(OLE)
    result = cli("template-from", old, "-n", "去年", "-o", tmp_path / "模板")
    assert_user_error(result, "另存为 .docx")
    assert "speechgen mine" not in result.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "模板").exists()
