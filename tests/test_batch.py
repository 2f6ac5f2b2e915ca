"""`speechgen batch`: what a user with a colleague's spreadsheet sees on disk and on screen."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLES, ROOT, assert_user_error, run_speechgen
from helpers import cut_power_during_batch, write_xlsx
from helpers import docx_text as docx_paragraphs
from openpyxl import Workbook
from xlsx_shared import with_shared_strings

from generator.filenames import MAX_STEM_BYTES, UniqueNames, safe_stem
from generator.sheets import Workbook as Sheets

WORK = "work-conference"

def docx_joined(path: Path) -> str:
    return "\n".join(docx_paragraphs(path))


def make_sheets_module():
    spec = importlib.util.spec_from_file_location("make_sheets", EXAMPLES / "make_sheets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_report(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


# The examples: a realistic xlsx (title line, two-row merged header, second sheets) and a CSV.

def test_xlsx_example_one_docx_per_good_row_and_the_bad_row_reported(tmp_path: Path) -> None:
    sheet = tmp_path / "各乡镇会议.xlsx"
    make_sheets_module().make_xlsx(sheet)
    out = tmp_path / "out"
    result = run_speechgen("batch", sheet, "-t", WORK, "-o", out, "--name", "{乡镇}-{会议名称}",
                           "--report", tmp_path / "报告.csv", "-j", "2")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{town}-{town}2025年经济工作会议.docx"
                           for town in ("城关镇", "青山镇", "柳溪乡", "白沙镇"))
    text = docx_joined(out / "城关镇-城关镇2025年经济工作会议.docx")
    assert "在城关镇2025年经济工作会议上的讲话" in text
    assert "（2025年1月6日）" in text  # a real Excel date cell
    # 前面讲话: one item a line in one cell (the template's own wording around them may change).
    assert re.search("刚才，镇长刘卫东同志作了政府工作报告[^。]*[，；]"
                     "会议表彰了2024年度先进集体和先进个人", text)
    # 存在问题1/2, the two cells of the town's own row
    assert ("一是项目建设后劲还不够足，全年新开工亿元以上项目仅2个；"
            "二是一些干部担当作为的劲头还不够强。") in text
    assert "二、坚持项目为王，推动经济发展提质增效" in text  # from the 工作任务 sheet
    assert "（二）着力壮大特色产业。" in text  # a continuation row of a merged task
    assert "（二）切实转变工作作风。" in text  # from the 保障措施.小项 sheet
    assert re.search(r"我(?:再)?(?:讲|强调)四(?:点|个方面)", text)  # four parts announced
    # The bad row: Excel row 5 (title line, two header rows, then 城关镇 on row 4).
    assert "第 5 行未生成" in result.stderr
    assert "E5 日期:“2025年2月30日”不是真实存在的日期" in result.stderr
    assert "工作任务!B8 小标题:缺少必填字段" in result.stderr
    report = read_report(tmp_path / "报告.csv")
    failed = [r for r in report if r["状态"] == "失败"]
    assert {(r["行号"], r["工作表"], r["单元格"], r["字段"]) for r in failed} == {
        ("5", "会议", "E5", "日期"), ("5", "工作任务", "B8", "小标题")}  # main sheet named too
    assert [r["行号"] for r in report if r["状态"] == "已生成"] == ["4", "6", "7", "8"]
    assert "批量生成结果" in result.stdout and "失败" in result.stdout


def test_a_sheet_saved_by_excel_reads_like_the_same_sheet_from_openpyxl(tmp_path: Path) -> None:
    """Excel and WPS keep text in a shared-string table (held on disk here, not in memory)."""
    inline, shared = tmp_path / "inline.xlsx", tmp_path / "shared.xlsx"
    make_sheets_module().make_xlsx(inline)
    make_sheets_module().make_xlsx(shared)
    with_shared_strings(shared)
    with zipfile.ZipFile(shared) as archive:
        assert "xl/sharedStrings.xml" in archive.namelist()
    with Sheets(inline) as a, Sheets(shared) as b:
        for name in a.sheet_names:
            assert list(a.table(name).rows) == list(b.table(name).rows)
    outputs = []
    for sheet in (inline, shared):
        out = tmp_path / sheet.stem
        result = run_speechgen("batch", sheet, "-t", WORK, "-o", out)
        assert result.returncode == 1
        outputs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 4


def test_second_sheet_rows_join_by_key_and_strays_are_named(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["乡镇", "会议名称"])
    book.active.append(["城关镇", "城关镇工作会议"])
    book.active.append(["河西乡", "河西乡工作会议"])
    tasks = book.create_sheet("工作任务")
    tasks.append(["乡镇", "小标题", "小项.小标题"])
    tasks.append(["河西乡", "抓党建", "抓班子"])
    tasks.append([None, None, "带队伍"])
    tasks.append(["河西乡", "抓项目", None])
    tasks.append(["城关镇", "抓发展", None])
    tasks.append(["东山镇", "抓安全", None])
    book.save(tmp_path / "t.xlsx")
    result = run_speechgen("batch", tmp_path / "t.xlsx", "-t", WORK, "-f", "txt",
                           "-o", tmp_path / "out", "--name", "{乡镇}")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "out" / "河西乡.txt").read_text(encoding="utf-8")
    assert "一、抓党建\n\n（一）抓班子\n\n（二）带队伍\n\n二、抓项目" in text
    assert "一、抓发展" in (tmp_path / "out" / "城关镇.txt").read_text(encoding="utf-8")
    assert "工作表“工作任务”第 6 行起乡镇为“东山镇”的 1 项在主表中没有对应的行" in result.stderr


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_in_every_encoding_excel_saves(tmp_path: Path, encoding: str) -> None:
    sheet = tmp_path / "会议.csv"
    rows = [
        ["会议名称", "讲话人", "日期", "前面讲话", "工作任务1.小标题", "工作任务2.小标题"],
        ["全县农业农村工作会议", "县长　李明", "2025/1/5", "王强同志作了报告\n会议表彰了先进",
         "抓好粮食生产", "推进乡村振兴"],
        ["全县教育工作会议", "副县长　赵敏", "2025年13月1日", "", "办好人民满意的教育", ""],
        ["全县卫生健康工作会议", "", "2025-02-03", "", "深化医改", ""],
    ]
    with sheet.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    out = tmp_path / "out"
    result = run_speechgen("batch", sheet, "-t", WORK, "-o", out, "-j", "1")
    assert result.returncode == 1, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "0002-全县农业农村工作会议.docx", "0004-全县卫生健康工作会议.docx"]
    text = docx_joined(out / "0002-全县农业农村工作会议.docx")
    assert "（2025年1月5日）" in text
    assert re.search("刚才，王强同志作了报告[^。]*[，；]会议表彰了先进", text)
    assert "一、抓好粮食生产" in text and "二、推进乡村振兴" in text
    assert "（2025年2月3日）" in docx_joined(out / "0004-全县卫生健康工作会议.docx")
    assert "第 3 行未生成" in result.stderr and "C3 日期" in result.stderr


def test_csv_example_reports_the_row_without_a_meeting_name(tmp_path: Path) -> None:
    result = run_speechgen("batch", EXAMPLES / "各乡镇会议.csv", "-t", WORK, "-o", tmp_path)
    assert result.returncode == 1
    assert "第 4 行未生成" in result.stderr and "B4 会议名称:缺少必填字段" in result.stderr
    assert len(list(tmp_path.glob("*.docx"))) == 4


def test_excel_cells_come_out_typed_as_the_template_declares(tmp_path: Path, tiny: Path) -> None:
    sheet = write_xlsx(tmp_path / "t.xlsx", [
        ["名称", "日期", "人数", "要求1", "要求2", "", ""],
        ["甲", dt.datetime(2025, 1, 5), 12.0, "守纪律", "讲规矩", None, None],
        ["乙", 45662, 3, "一行一条\n第二条", None, None, None],  # an unformatted date serial
    ])
    result = run_speechgen("batch", sheet, "-t", "tiny", "--template-dir", tiny, "-f", "txt",
                           "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    first = (tmp_path / "out" / "0002-甲.txt").read_text(encoding="utf-8")
    assert "日期2025年1月5日,人数12。" in first
    assert "要求:守纪律\n\n要求:讲规矩" in first
    second = (tmp_path / "out" / "0003-乙.txt").read_text(encoding="utf-8")
    assert "日期2025年1月5日,人数3。" in second
    assert "要求:一行一条\n\n要求:第二条" in second


def test_headers_as_people_write_them(tmp_path: Path, tiny: Path) -> None:
    sheet = write_xlsx(tmp_path / "t.xlsx", [
        ["名称*", "日期（如2025-01-05）", "count", "要求 1", "要求（2）"],
        ["甲", "2025-01-05", 7, "一", "二"],
    ])
    result = run_speechgen("batch", sheet, "-t", "tiny", "--template-dir", tiny, "-f", "txt",
                           "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "未使用" not in result.stderr
    text = (tmp_path / "out" / "0002-甲.txt").read_text(encoding="utf-8")
    assert "日期2025年1月5日,人数7。" in text and "要求:一\n\n要求:二" in text


def test_sheet_option_picks_the_sheet(tmp_path: Path, tiny: Path) -> None:
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["请在“名单”表中填写"])
    book.create_sheet("名单").append(["名称"])
    book["名单"].append(["乙"])
    book.save(tmp_path / "t.xlsx")
    args = ("batch", tmp_path / "t.xlsx", "-t", "tiny", "--template-dir", tiny, "-f", "txt",
            "-o", tmp_path / "out")
    assert_user_error(run_speechgen(*args), "找不到表头")
    assert run_speechgen(*args, "--sheet", "名单").returncode == 0
    assert_user_error(run_speechgen(*args, "--sheet", "名册"), "没有名为“名册”的工作表", "名单")


def test_a_mapping_file_renames_columns_and_ignores_others(tmp_path: Path, tiny: Path) -> None:
    sheet = write_xlsx(tmp_path / "t.xlsx", [["单位", "开会日子", "备注"], ["丙", "2025-3-1", "x"]])
    mapping = tmp_path / "map.yaml"
    mapping.write_text("单位: 名称\n开会日子: 日期\n备注:\n", encoding="utf-8")
    result = run_speechgen("batch", sheet, "-t", "tiny", "--template-dir", tiny, "-f", "txt",
                           "--map", mapping, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "日期2025年3月1日" in (tmp_path / "out" / "0002-丙.txt").read_text(encoding="utf-8")
    assert "未使用" not in result.stderr


# File names from cells.

@pytest.mark.parametrize("cell, expected", [
    ("../../etc/x", "etc_x"),
    ("CON", "_CON"),
    ("con.txt", "_con.txt"),
    ("a/b", "a_b"),
    ('评:价<1>|"?*', "评_价_1"),
    ("结尾有点. ", "结尾有点"),
    ("", "未命名"),
    ("..", "未命名"),
    ("讲话\u202etxt.exe", "讲话txt.exe"),  # a right-to-left override would show it as exe.txt
])
def test_safe_stem(cell: str, expected: str) -> None:
    assert safe_stem(cell) == expected


def test_long_names_are_cut_on_a_character_boundary() -> None:
    stem = safe_stem("讲" * 300)
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert stem == "讲" * (MAX_STEM_BYTES // 3)
    names = UniqueNames(".docx")
    assert names.take(stem) == stem + ".docx"
    second = names.take(stem)
    assert second.endswith("-2.docx") and len(second[:-5].encode()) <= MAX_STEM_BYTES


def test_unsafe_and_equal_names_stay_in_the_output_folder(tmp_path: Path, tiny: Path) -> None:
    cells = ["../../etc/x", "CON", "a/b", "名" * 300, "同名", "同名", "同名"]
    sheet = write_xlsx(tmp_path / "t.xlsx", [["名称"], *([c] for c in cells)])
    out = tmp_path / "deep" / "out"
    result = run_speechgen("batch", sheet, "-t", "tiny", "--template-dir", tiny, "-f", "txt",
                           "--name", "{名称}", "-o", out)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["etc_x.txt", "_CON.txt", "a_b.txt", "名" * 40 + ".txt",
                            "同名.txt", "同名-2.txt", "同名-3.txt"])
    assert not (tmp_path / "etc").exists() and not (tmp_path / "deep" / "etc").exists()
    assert "关于../../etc/x的讲话" in (out / "etc_x.txt").read_text(encoding="utf-8")


def test_an_unknown_name_placeholder_is_refused_before_any_work(tmp_path: Path,
                                                                tiny: Path) -> None:
    sheet = write_xlsx(tmp_path / "t.xlsx", [["名称"], ["甲"]])
    result = run_speechgen("batch", sheet, "-t", "tiny", "--template-dir", tiny,
                           "--name", "{乡镇}", "-o", tmp_path / "out")
    assert_user_error(result, "{乡镇}", "{名称}")
    assert not (tmp_path / "out").exists()


def test_an_output_that_is_a_file_is_refused_as_not_a_folder(tmp_path: Path, tiny: Path) -> None:
    """-o notadir.txt said only "已经存在同名的文件" (a tester): batch writes a folder."""
    sheet = write_xlsx(tmp_path / "t.xlsx", [["名称"], ["甲"]])
    taken = tmp_path / "notadir.txt"
    taken.write_text("别人的文件", encoding="utf-8")
    result = run_speechgen("batch", sheet, "-t", "tiny", "--template-dir", tiny, "-o", taken)
    assert_user_error(result, "notadir.txt", "不是文件夹", "-o 要写一个文件夹")
    assert taken.read_text(encoding="utf-8") == "别人的文件"


# Existing files, --resume, --overwrite, --zip.

def test_existing_files_are_kept_unless_overwrite(tmp_path: Path, tiny: Path) -> None:
    sheet = write_xlsx(tmp_path / "t.xlsx", [["名称"], ["甲"], ["乙"]])
    out = tmp_path / "out"
    args = ("batch", sheet, "-t", "tiny", "--template-dir", tiny, "-f", "txt", "-o", out)
    assert run_speechgen(*args).returncode == 0
    (out / "0002-甲.txt").write_text("我改过的稿子", encoding="utf-8")
    again = run_speechgen(*args)
    assert again.returncode == 1
    assert "文件已存在,未覆盖" in again.stderr
    assert "有 2 行的文件已存在,没有覆盖" in again.stdout  # a text file records no stamp
    assert "修改表格" not in again.stdout  # the table is not at fault (a tester)
    assert (out / "0002-甲.txt").read_text(encoding="utf-8") == "我改过的稿子"
    resumed = run_speechgen(*args, "--resume")  # the other row is as the sheet gives it
    assert resumed.returncode == 1 and "已跳过" in resumed.stdout
    assert "不是 speechgen 生成时的原样" in resumed.stderr
    assert (out / "0002-甲.txt").read_text(encoding="utf-8") == "我改过的稿子"
    assert run_speechgen(*args, "--overwrite").returncode == 0
    assert "关于甲的讲话" in (out / "0002-甲.txt").read_text(encoding="utf-8")


def test_resume_after_a_row_was_inserted_names_the_files_no_row_names_now(
        tmp_path: Path, tiny: Path) -> None:
    """File names carry the row number: a row inserted above renames every later row's draft,
    and resume left the old ones beside the new without a word (a tester, round 2)."""
    out = tmp_path / "out"
    args = ("-t", "tiny", "--template-dir", tiny, "-o", out)
    sheet = write_xlsx(tmp_path / "t.xlsx", [["名称"], ["甲"], ["乙"]])
    assert run_speechgen("batch", sheet, *args).returncode == 0
    write_xlsx(sheet, [["名称"], ["丙"], ["甲"], ["乙"]])
    resumed = run_speechgen("batch", sheet, *args, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "2 个 speechgen 生成的文件不对应表格现在的任何一行" in resumed.stderr
    assert "0002-甲.docx、0003-乙.docx" in resumed.stderr
    assert (out / "0002-甲.docx").exists()  # told, never deleted
    again = run_speechgen("batch", sheet, *args, "--resume")
    assert "不对应" in again.stderr  # still there, still told
    fresh = run_speechgen("batch", sheet, *args[:-1], tmp_path / "new", "--resume")
    assert "不对应" not in fresh.stderr


def test_resume_after_a_row_was_deleted_says_which_old_draft_holds_her_edits(
        tmp_path: Path, tiny: Path) -> None:
    """A row deleted above an edited draft renames that row's file: resume wrote a fresh one
    without her edits and listed the edited old one among untouched ones (a tester, round 3).
    The edited one is named apart, and left as it is."""
    import docx

    out = tmp_path / "out"
    args = ("-t", "tiny", "--template-dir", tiny, "-o", out)
    sheet = write_xlsx(tmp_path / "t.xlsx", [["名称"], ["甲"], ["乙"], ["丙"]])
    assert run_speechgen("batch", sheet, *args).returncode == 0
    edited = docx.Document(str(out / "0004-丙.docx"))
    edited.add_paragraph("书记亲笔加的一段。")
    edited.save(str(out / "0004-丙.docx"))
    write_xlsx(sheet, [["名称"], ["甲"], ["丙"]])
    resumed = run_speechgen("batch", sheet, *args, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "不对应表格现在的任何一行" in resumed.stderr
    assert "0003-乙.docx、0004-丙.docx" in resumed.stderr
    assert re.search(r"其中 1 个生成后在 Word/WPS 中改过.*:0004-丙\.docx\n", resumed.stderr), \
        resumed.stderr
    assert "书记亲笔加的一段。" in docx_paragraphs(out / "0004-丙.docx")
    assert "书记亲笔加的一段。" not in docx_paragraphs(out / "0003-丙.docx")


def test_zip_bundles_the_outputs(tmp_path: Path) -> None:
    bundle = tmp_path / "全部.zip"
    result = run_speechgen("batch", EXAMPLES / "各乡镇会议.csv", "-t", WORK,
                           "-o", tmp_path / "out", "--zip", bundle, "--report",
                           tmp_path / "r.json")
    assert result.returncode == 1
    with zipfile.ZipFile(bundle) as archive:
        assert sorted(archive.namelist()) == sorted(p.name for p in (tmp_path / "out").iterdir())
        first = archive.namelist()[0]
        assert archive.read(first) == (tmp_path / "out" / first).read_bytes()
    records = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [r["status"] for r in records] == ["ok", "ok", "failed", "ok", "ok"]
    assert records[2]["problems"][0]["cell"] == "B4"


def test_resume_rewrites_its_report_and_zip_and_keeps_an_edited_draft(tmp_path: Path,
                                                                       tiny: Path) -> None:
    """A tester followed the tool's own "加 --resume" advice, was refused because the run's zip
    existed, added --overwrite as told, and lost a hand-edited draft (round 2)."""
    sheet = write_xlsx(tmp_path / "t.xlsx", [["名称"], ["甲"], ["乙"]])
    out = tmp_path / "out"
    args = ("batch", sheet, "-t", "tiny", "--template-dir", tiny, "-f", "txt", "-o", out,
            "--zip", tmp_path / "全部.zip", "--report", tmp_path / "报告.json")
    assert run_speechgen(*args).returncode == 0
    (out / "0002-甲.txt").write_text("领导亲笔修改", encoding="utf-8")
    resumed = run_speechgen(*args, "--resume")
    assert resumed.returncode == 1, resumed.stderr
    assert (out / "0002-甲.txt").read_text(encoding="utf-8") == "领导亲笔修改"
    records = json.loads((tmp_path / "报告.json").read_text(encoding="utf-8"))
    assert [r["status"] for r in records] == ["exists", "skipped"]  # the edit kept, and said
    with zipfile.ZipFile(tmp_path / "全部.zip") as archive:
        assert archive.read("0002-甲.txt").decode("utf-8") == "领导亲笔修改"


# Interruption: nothing partial, and --resume gives what an uninterrupted run gives.

def big_sheet(path: Path, rows: int) -> Path:
    module = make_sheets_module()
    book = Workbook()
    sheet = book.active
    sheet.append(["会议名称", "讲话人", "日期", "会议任务", "前面讲话", "工作任务1.小标题",
                  "工作任务1.小项1.小标题", "工作任务1.小项1.段落", "工作任务2.小标题"])
    (heading, _intro, items), (second, _i, _items) = module.TASKS
    for number in range(1, rows + 1):
        sheet.append([f"第{number}次工作会议", "书记　张三", dt.date(2025, 1, 1 + number % 28),
                      "总结工作,部署任务", "王强同志作了报告", heading, items[0][0], items[0][1],
                      second])
    book.save(path)
    return path


def test_killed_batch_leaves_no_partial_docx_and_resume_completes_it(tmp_path: Path) -> None:
    sheet = big_sheet(tmp_path / "大表.xlsx", 3000)
    reference = tmp_path / "reference"
    assert run_speechgen("batch", sheet, "-t", WORK, "-o", reference).returncode == 0
    out = tmp_path / "out"
    cut_power_during_batch(sheet, out, "-t", WORK)
    written = sorted(out.glob("*.docx"))
    assert 0 < len(written) < 3000, "the batch finished before it could be interrupted"
    for path in written:  # every DOCX present is whole
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
    docx.Document(str(written[-1]))
    resumed = run_speechgen("batch", sheet, "-t", WORK, "-o", out, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "已跳过" in resumed.stdout
    assert not list(out.glob(".~*"))  # leftovers of the killed writes are cleaned up
    expected = {p.name: p.read_bytes() for p in reference.iterdir()}
    assert {p.name: p.read_bytes() for p in out.iterdir()} == expected


def test_ctrl_c_stops_cleanly(tmp_path: Path) -> None:
    sheet = big_sheet(tmp_path / "大表.xlsx", 3000)
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "generator", "batch", str(sheet), "-t", WORK,
                                "-o", str(out), "-j", "2"], cwd=ROOT, start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               encoding="utf-8")
    while process.poll() is None and len(list(out.glob("*.docx"))) < 100:
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl+C reaches the whole foreground group
    _stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in stderr and "--resume" in stderr
    assert not list(out.glob(".~*"))


# Sheets that cannot be used at all: exit 2 and a message.

def test_empty_sheet(tmp_path: Path) -> None:
    sheet = write_xlsx(tmp_path / "空.xlsx", [])
    assert_user_error(run_speechgen("batch", sheet, "-t", WORK), "工作表是空的")


def test_sheet_without_header(tmp_path: Path) -> None:
    sheet = write_xlsx(tmp_path / "t.xlsx", [["全县工作会议", "李明", "2025-01-05"]] * 3)
    assert_user_error(run_speechgen("batch", sheet, "-t", WORK), "找不到表头", "会议名称*")


def test_header_that_maps_to_nothing_lists_the_expected_columns(tmp_path: Path) -> None:
    sheet = tmp_path / "t.csv"
    sheet.write_text("甲,乙,丙\n1,2,3\n", encoding="utf-8")
    assert_user_error(run_speechgen("batch", sheet, "-t", WORK), "找不到表头", "会议名称*",
                      "讲话人", "工作任务")


def test_header_missing_a_required_column(tmp_path: Path) -> None:
    sheet = tmp_path / "t.csv"
    sheet.write_text("会议名称,讲话人\n全县工作会议,李明\n", encoding="utf-8")
    assert_user_error(run_speechgen("batch", sheet, "-t", WORK),
                      "必填的列表“工作任务”在 CSV 中要写成编号列:"
                      "工作任务1.小标题、工作任务1.小项1.小标题、工作任务2.小标题")


def test_a_row_left_with_a_placeholder_is_told_as_render_tells_it(tmp_path: Path) -> None:
    """"北岸镇工作会议 XX" was 检查通过 / 已生成 and its draft then failed `check` (a tester):
    each row gets what render warns of its outline, on screen and in the report."""
    import openpyxl

    book = openpyxl.load_workbook(EXAMPLES / "各乡镇会议.xlsx")
    sheet = book["会议"]
    sheet["C4"] = f"{sheet['C4'].value}XX"
    book.save(tmp_path / "表.xlsx")
    result = run_speechgen("batch", tmp_path / "表.xlsx", "-t", WORK, "--check",
                           "--report", tmp_path / "r.csv")
    assert re.search(r"提示:第 4 行:.*留有占位符“XX”", result.stderr), result.stderr
    assert "第 6 行:" not in result.stderr  # only the row that has one
    row4 = [r for r in read_report(tmp_path / "r.csv") if r["行号"] == "4"]
    assert row4 and "占位符" in row4[0]["问题"], row4


def test_a_line_break_in_a_one_line_cell_is_joined_and_told(tmp_path: Path) -> None:
    """Alt+Enter in the 会议名称 cell was joined into one line without a word (a tester): the
    draft has it on one line and the row says so, naming the cell; other rows say nothing."""
    import openpyxl

    book = openpyxl.load_workbook(EXAMPLES / "各乡镇会议.xlsx")
    book["会议"]["C4"] = "城关镇2025年\n经济工作会议"
    book.save(tmp_path / "表.xlsx")
    result = run_speechgen("batch", tmp_path / "表.xlsx", "-t", WORK, "-o", tmp_path / "out",
                           "--report", tmp_path / "r.csv", "--name", "{会议名称}")
    assert "提示:第 4 行:C4(会议名称)单元格里有换行" in result.stderr, result.stderr
    # the file is named as the draft reads, not "城关镇2025年 经济工作会议.docx"
    assert (tmp_path / "out" / "城关镇2025年经济工作会议.docx").exists()
    assert "换行" not in result.stderr.replace("C4(会议名称)单元格里有换行", "")
    draft = "\n".join(docx_paragraphs(tmp_path / "out" / "城关镇2025年经济工作会议.docx"))
    assert "城关镇2025年经济工作会议" in draft
    row4 = [r for r in read_report(tmp_path / "r.csv") if r["行号"] == "4"]
    assert row4 and "已把各行接成一行" in row4[0]["问题"], row4
    # and so is the default name, row number and title (a tester)
    run_speechgen("batch", tmp_path / "表.xlsx", "-t", WORK, "-o", tmp_path / "默认")
    assert [p.name for p in (tmp_path / "默认").glob("0004-*")] == [
        "0004-城关镇2025年经济工作会议.docx"]


def test_hidden_rows_and_columns_are_read_and_told(tmp_path: Path) -> None:
    """A row hidden as "已取消" and a hidden 讲话人 column were used without a word (a
    tester): they are still read (hiding is not deleting), and each is told."""
    import openpyxl

    book = openpyxl.load_workbook(EXAMPLES / "各乡镇会议.xlsx")
    book["会议"].row_dimensions[6].hidden = True
    book["会议"].column_dimensions["D"].hidden = True
    book.save(tmp_path / "表.xlsx")
    result = run_speechgen("batch", tmp_path / "表.xlsx", "-t", WORK, "-o", tmp_path / "out",
                           "-f", "txt")
    assert "提示:D 列(讲话人)在表格里是隐藏的" in result.stderr, result.stderr
    assert "提示:第 6 行:这一行在表格里是隐藏的,已照常生成" in result.stderr
    assert result.stderr.count("这一行在表格里是隐藏的") == 1
    assert len(list((tmp_path / "out").glob("0006-*.txt"))) == 1  # generated all the same
    checked = run_speechgen("batch", tmp_path / "表.xlsx", "-t", WORK, "--check")
    assert "这一行在表格里是隐藏的,生成时也会照常生成" in checked.stderr  # nothing generated yet


def test_missing_and_non_spreadsheet_files(tmp_path: Path) -> None:
    assert_user_error(run_speechgen("batch", tmp_path / "没有.xlsx", "-t", WORK), "找不到这个文件")
    fake = tmp_path / "假的.xlsx"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert_user_error(run_speechgen("batch", fake, "-t", WORK), "已损坏或不是 Excel 工作簿")
    empty = tmp_path / "空的.xlsx"  # 0 bytes: said so, not "已损坏" (a tester)
    empty.write_bytes(b"")
    assert_user_error(run_speechgen("batch", empty, "-t", WORK), "空的.xlsx", "文件是空的")
    old = tmp_path / "旧版.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    assert_user_error(run_speechgen("batch", old, "-t", WORK), "另存为")
    binary = tmp_path / "图片.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert_user_error(run_speechgen("batch", binary, "-t", WORK), "二进制内容", ".xlsx 或 .csv")


def test_without_template_the_header_decides_or_asks(tmp_path: Path, tiny: Path) -> None:
    sheet = write_xlsx(tmp_path / "t.xlsx", [["名称", "人数"], ["甲", 3]])
    result = run_speechgen("batch", sheet, "--template-dir", tiny, "-f", "txt",
                           "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    ambiguous = run_speechgen("batch", EXAMPLES / "各乡镇会议.xlsx", "-o", tmp_path / "x")
    assert_user_error(ambiguous, "请用 -t 指定")


# A long sheet streams: 50,000 rows checked, the bad one named by its row.

def test_fifty_thousand_rows_stream_through_check(tmp_path: Path, tiny: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("会议")
    sheet.append(["名称", "日期", "人数"])
    for number in range(1, 50_001):
        sheet.append([f"会{number}", "2025-01-05" if number != 49_990 else "2025-02-30", number])
    path = tmp_path / "五万行.xlsx"
    book.save(path)
    result = run_speechgen("batch", path, "-t", "tiny", "--template-dir", tiny, "--check",
                           "--report", tmp_path / "r.csv")
    assert result.returncode == 1, result.stderr
    assert "第 49991 行未生成" in result.stderr
    report = read_report(tmp_path / "r.csv")
    assert len(report) == 50_000
    assert [r["单元格"] for r in report if r["状态"] == "失败"] == ["B49991"]
    assert not (tmp_path / "五万行").exists()


def test_a_check_only_run_refuses_a_bad_profile_as_generating_would(tmp_path: Path) -> None:
    """--check passed every row over a profile that generating then refused (a tester): the
    profile is read first, once, whichever the run."""
    profile = tmp_path / "本单位.yaml"
    profile.write_text("grid:\n  widow_control: maybe\n", encoding="utf-8")
    result = run_speechgen("batch", EXAMPLES / "各乡镇会议.csv", "-t", WORK, "--check",
                           "--profile", profile)
    assert_user_error(result, str(profile), "widow_control", "true/false")


def test_a_misspelt_list_column_is_named_beside_the_missing_list(tmp_path, speechgen):
    """A CSV with 工作任务1.小标题 for special-deployment's 整治任务 was told only that 整治任务
    must be numbered columns (tester 11): the columns that reach no field are named too."""
    sheet = tmp_path / "名单.csv"
    sheet.write_text("会议名称,专项工作,讲话人,日期,工作任务1.小标题,工作任务1.引言\n"
                     "全县防汛会议,防汛,县长 王明,2025年7月1日,抓好巡查,要巡查。\n",
                     encoding="utf-8")
    result = speechgen("batch", sheet, "-t", "special-deployment", "-o", tmp_path / "out")
    assert_user_error(result, "名单.csv:1", "整治任务1.小标题", "工作任务1.小标题、工作任务1.引言")
    assert not (tmp_path / "out").exists()
