"""`speechgen check` as a user runs it: exit codes, the Chinese report, --json, --fix."""

from __future__ import annotations

import json
import re

import docx
import pytest
from conftest import EXAMPLES, assert_user_error, run_speechgen
from docx.shared import Pt
from helpers import write
from test_checks_rules import CLEAN

from generator.checks import run_checks
from generator.checks.load import load_draft
from generator.pipeline import load_speech

HAN = re.compile("[\u4e00-\u9fff]")
MESSY = (CLEAN.replace("（2025年1月5日）", "（2025年01月05日）")
         .replace("同志们：", "同志们:")
         .replace("总结去年工作，部署", "总结去年工作, 部署")
         .replace("（一）文稿服务", "(一)文稿服务")
         .replace("建好队伍。\n", "建好队伍.\n")
         .replace("多办实事", "多办XX实事"))


def test_clean_draft_exits_0(tmp_path):
    result = run_speechgen("check", write(tmp_path, "clean.txt", CLEAN))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "未发现问题" in result.stdout
    assert "全文" in result.stdout and "每分钟220字" in result.stdout


def test_errors_exit_1_with_a_chinese_list(tmp_path):
    result = run_speechgen("check", write(tmp_path, "messy.txt", MESSY))
    assert result.returncode == 1
    assert "错误  第12行第16字(二、)  “XX”  留有占位符“XX”" in result.stdout
    assert "[halfwidth-punct]" in result.stdout
    assert re.search(r"共有错误 1 处、警告 \d+ 处,其中 \d+ 处可用 --fix", result.stdout)


def test_warnings_alone_exit_0(tmp_path):
    result = run_speechgen("check", write(tmp_path, "w.txt", CLEAN.replace("同志们：", "同志们:")))
    assert result.returncode == 0
    assert "警告" in result.stdout


@pytest.mark.parametrize(("args", "fragment"), [
    (["missing.txt"], "找不到这个文件"),
    (["draft.pdf"], "不支持检查“.pdf”文件"),
    (["稿子"], "这是一个文件夹"),
    (["zero.docx"], "文件是空的(0 字节)"),
    (["draft.txt", "--fix"], "--fix 需要用 -o"),
    (["draft.txt", "--rate", "0"], "--rate"),
    (["draft.txt", "--duration", "一会儿"], "--duration:无法识别讲话时长“一会儿”"),
    (["draft.docx"], "不是有效的 Word 文档(.docx)"),
    (["draft.docx", "--layout", "poduim"], "podium"),
    (["draft.txt", "--layout", "big"], "没有名为“big”的版式"),  # any file (a tester)
    (["empty.txt"], "没有文字"),
    (["empty.docx"], "没有文字"),
])
@pytest.mark.foreign_docx
def test_bad_input_exits_2(tmp_path, args, fragment):
    write(tmp_path, "draft.txt", CLEAN)
    write(tmp_path, "empty.txt", "\n　\n")
    docx.Document().save(tmp_path / "empty.docx")
    write(tmp_path, "draft.pdf", "%PDF")
    (tmp_path / "稿子").mkdir()
    write(tmp_path, "zero.docx", "")
    if args[0] == "draft.docx":
        if "--layout" in args:
            docx.Document().save(tmp_path / "draft.docx")
        else:
            write(tmp_path, "draft.docx", "not a zip")
    result = run_speechgen("check", *args, cwd=tmp_path)
    assert_user_error(result, fragment)


def test_json_shape(tmp_path):
    result = run_speechgen("check", write(tmp_path, "messy.txt", MESSY), "--json",
                           "--rate", "250", "--duration", "1分钟")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert set(data) == {"file", "source", "summary", "stats", "findings"}
    assert data["source"] == "text"
    assert set(data["summary"]) == {"error", "warning", "info"}
    assert data["summary"]["error"] == 1
    assert data["stats"]["rate"] == 250 and data["stats"]["target_minutes"] == 1
    assert data["stats"]["parts"][0]["name"] == "开头"
    placeholder = next(f for f in data["findings"] if f["id"] == "placeholder")
    assert placeholder == {
        "id": "placeholder", "severity": "error", "message": placeholder["message"],
        "text": "XX", "section": "二、", "paragraph": 12, "line": 12, "column": 16,
        "fixable": False,
    }


def test_fix_round_trip_on_text(tmp_path):
    source = write(tmp_path, "messy.txt", MESSY)
    target = tmp_path / "fixed.txt"
    result = run_speechgen("check", source, "--fix", "-o", target)
    assert result.returncode == 1  # the placeholder needs a person
    assert "已修正" in result.stderr and str(target) in result.stderr
    assert "留有占位符“XX”" in result.stdout
    fixed = target.read_text(encoding="utf-8")
    assert HAN.findall(fixed) == HAN.findall(MESSY)
    assert fixed == CLEAN.replace("多办实事", "多办XX实事")
    assert source.read_text(encoding="utf-8") == MESSY
    left = {f.id for f in run_checks(load_draft(target))}
    assert not left & {"halfwidth-punct", "date-padding"}


@pytest.mark.parametrize("encoding, head", [
    ("gb18030", b""), ("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", None), ("utf-8", b"")])
def test_fix_keeps_the_draft_s_encoding(tmp_path, encoding, head):
    """A Notepad "ANSI" (GBK) draft came back as UTF-8, which older Notepad and WPS show
    garbled; a BOM was dropped; a "Unicode" (UTF-16) file became UTF-8 (a tester, round 2)."""
    source = tmp_path / "messy.txt"
    source.write_bytes(MESSY.replace("\n", "\r\n").encode(encoding))
    target = tmp_path / "fixed.txt"
    assert run_speechgen("check", source, "--fix", "-o", target).returncode == 1
    data = target.read_bytes()
    if head is not None:
        assert data.startswith(head) and (not head or not data[len(head):].startswith(head))
    fixed = data.decode(encoding)
    assert fixed == CLEAN.replace("多办实事", "多办XX实事").replace("\n", "\r\n")


def test_fix_keeps_outline_structure_and_comments(tmp_path):
    source = write(tmp_path, "outline.yaml", (
        "# 本单位提纲\n标题: 在全县工作会议上的讲话\n日期: 2025年1月5日\n称呼: '同志们:'\n"
        "开场:\n  - 这次会议很重要,下面,我讲一点意见.\n"
        "正文:\n  - 小标题: 提高站位\n    段落:\n      - \"要于2025年03月01日前完成(全面)排查!\"\n"
        "结尾:\n  - 同志们,让我们而努力奋斗!\n"))
    target = tmp_path / "fixed.yaml"
    result = run_speechgen("check", source, "--fix", "-o", target)
    assert result.returncode == 0, result.stdout + result.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# 本单位提纲\n标题: 在全县工作会议上的讲话\n")
    speech = load_speech(target)
    assert speech.salutation == "同志们："
    assert speech.opening == ["这次会议很重要，下面，我讲一点意见。"]
    assert speech.sections[0].paragraphs == ["要于2025年3月1日前完成（全面）排查！"]


def test_fix_keeps_docx_formatting(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph()
    first = paragraph.add_run("同志们")
    first.font.size = Pt(16)
    second = paragraph.add_run(",今天召开会议(2025年01月05日)")
    second.bold = True
    source = tmp_path / "draft.docx"
    document.save(source)
    target = tmp_path / "fixed.docx"
    run_speechgen("check", source, "--fix", "-o", target)
    runs = docx.Document(str(target)).paragraphs[0].runs
    assert [r.text for r in runs] == ["同志们", "，今天召开会议（2025年1月5日）"]
    assert runs[0].font.size == Pt(16) and runs[1].bold
    left = {f.id for f in run_checks(load_draft(target))}
    assert not left & {"halfwidth-punct", "date-padding"}


def test_fix_needs_the_same_format(tmp_path):
    result = run_speechgen("check", write(tmp_path, "a.txt", MESSY), "--fix", "-o",
                           tmp_path / "a.docx")
    assert_user_error(result, "格式相同")
    assert not (tmp_path / "a.docx").exists()


def test_examples_pass_the_command():
    for example in sorted(EXAMPLES.glob("*.yaml")):
        result = run_speechgen("check", example)
        assert result.returncode == 0, result.stdout
        assert "未发现问题" in result.stdout


def test_docx_layout_options_reach_the_check(tmp_path, speechgen):
    example = sorted(EXAMPLES.glob("*.yaml"))[0]
    podium = tmp_path / "podium.docx"
    assert speechgen("render", example, "-o", podium, "--layout", "大字版").returncode == 0
    assert speechgen("check", podium, "--layout", "podium").returncode == 0
    assert speechgen("check", podium, "--layout", "大字版").returncode == 0
    result = speechgen("check", podium)
    assert result.returncode == 1
    assert "[font-size]" in result.stdout and "应为“16磅”" in result.stdout
    profile = tmp_path / "大字.yaml"
    profile.write_text("body:\n  size: 小一\n", encoding="utf-8")
    result = speechgen("check", podium, "--layout", "podium", "--profile", profile)
    assert result.returncode == 1
    assert "正文的字号为“22磅”,应为“24磅”" in result.stdout


def test_long_lists_are_cut_in_the_human_report(tmp_path):
    many = CLEAN.replace("，", ",")
    result = run_speechgen("check", write(tmp_path, "many.txt", many))
    shown = result.stdout.count("[halfwidth-punct]")
    assert shown == 9  # eight findings and the line counting the rest
    total = many.count(",")
    assert f"……另有 {total - 8} 处同类问题 [halfwidth-punct],用 --json 可查看全部" in result.stdout
    data = json.loads(run_speechgen("check", tmp_path / "many.txt", "--json").stdout)
    assert sum(f["id"] == "halfwidth-punct" for f in data["findings"]) == total


OUTLINE_WITH_FAULTS = """\
模板: outline
标题: 在全县工作会议上的讲话
称呼: 同志们：
开场:
  - 今天召开会议,部署今年工作。
正文:
  - 小标题: 抓好落实
    段落:
      - 各乡镇要把XX工作抓紧抓实。
"""


def test_a_yaml_draft_s_findings_point_to_its_own_lines(tmp_path):
    """"第5段第3字" pointed into the rendered speech, not into 提纲.yaml (a tester, round 2): a
    finding whose text is in the file gets that line and column; glue's keeps its paragraph."""
    def findings(path):
        result = run_speechgen("check", path, "--json")
        assert result.returncode in (0, 1), result.stderr
        return json.loads(result.stdout)["findings"]

    source = write(tmp_path, "提纲.yaml", OUTLINE_WITH_FAULTS)
    placed = {f["id"]: (f["line"], f["column"]) for f in findings(source)
              if f["id"] in ("placeholder", "halfwidth-punct")}
    assert placed == {"placeholder": (9, 14), "halfwidth-punct": (5, 11)}
    facts = tmp_path / "资料.yaml"
    assert run_speechgen("new", "work-conference", "-o", facts).returncode == 0
    text = facts.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^会议任务: .*$", "会议任务: 总结XX年工作", text)
    facts.write_text(text, encoding="utf-8")
    found = next(f for f in findings(facts) if f["id"] == "placeholder")
    line = facts.read_text(encoding="utf-8").splitlines()[found["line"] - 1]
    assert line[found["column"] - 1:].startswith("XX") and "会议任务" in line


def test_a_title_broken_over_two_lines_is_quoted_on_one_report_line(tmp_path, speechgen):
    """A long title set on two lines in Word (a line break inside the paragraph) split its
    finding over two lines of the report (a tester): the break is shown as ↵."""
    outline = tmp_path / "提纲.yaml"
    outline.write_text("标题: 在全县深入学习贯彻党的二十届三中全会精神宣讲动员大会上的讲话\n"
                       "称呼: 同志们：\n开场: [今天召开大会。]\n"
                       "结尾: [同志们，让我们共同努力！]\n", encoding="utf-8")
    podium = tmp_path / "大字版.docx"
    assert speechgen("render", outline, "-o", podium, "--layout", "podium").returncode == 0
    result = speechgen("check", podium)
    title = [line for line in result.stdout.splitlines() if "(标题)" in line]
    assert title and all("↵" in line and line.endswith("]") for line in title), result.stdout


def test_the_report_lists_findings_in_reading_order(tmp_path):
    """A draft's line 7 (a placeholder) was listed before its line 4 (the count), by rule
    order (a tester): within errors, warnings and notes, findings follow the text."""
    draft = write(tmp_path, "稿.txt", "在全县会议上的讲话\n\n同志们：\n\n"
                  "今天召开会议。下面，我讲两点意见。\n\n首先，要提高认识。各单位要XX重视。\n\n"
                  "同志们，让我们共同努力！\n")
    result = run_speechgen("check", draft)
    errors = [line for line in result.stdout.splitlines() if line.startswith("错误")]
    lines = [int(re.search(r"第(\d+)行", line)[1]) for line in errors]
    assert len(lines) == 2 and lines == sorted(lines), result.stdout
