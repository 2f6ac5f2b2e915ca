"""A header that would join or drop a row's cells is refused with the forms that work.

Each test is a sheet a new user built in Excel (here with openpyxl): a header merged across two
columns over a field that takes one value (the row's two cells used to be joined into the
title and the file name), a 工作任务 column holding one task a line, a two-row header with
工作任务 merged over 小标题 and 引言 (both used to be reported as "表头缺少必填的列"), and
the forms the messages recommend, which must then work.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import assert_user_error, run_speechgen
from openpyxl import Workbook

WORK = "work-conference"


def batch(sheet: Path, out: Path, *extra: str):
    return run_speechgen("batch", sheet, "-t", WORK, "-f", "txt", "-o", out, *extra)


def speeches(out: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.txt"))}


def assert_refused(book: Workbook, folder: Path, *words: str) -> str:
    """The sheet is refused with a message holding `words`, exit 2, and nothing written; the
    message is returned."""
    book.save(folder / "t.xlsx")
    result = batch(folder / "t.xlsx", folder / "out")
    assert_user_error(result, *words)
    assert not (folder / "out").exists()
    return result.stderr


def tasks_sheet(book: Workbook, key: str, value: object) -> None:
    """A second sheet 工作任务 joined by `key`, one task, so only the main sheet is at fault."""
    tasks = book.create_sheet("工作任务")
    tasks.append([key, "小标题", "引言"])
    tasks.append([value, "抓好农业生产", "要抓好春耕。"])


# A field that takes one value, given two columns.

def test_a_one_value_field_merged_across_two_columns_is_refused(tmp_path: Path) -> None:
    """The user's sheet: a title line, 会议名称 merged over B2:C2, two names in each row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "会议"
    sheet.append(["青山镇会议资料表"])
    sheet.append(["序号", "会议名称", None, "讲话人"])
    sheet.merge_cells("B2:C2")
    sheet.append([1, "青山镇农业工作会议", "青山镇二月会议", "王志刚"])
    tasks_sheet(book, "序号", 1)
    book.save(tmp_path / "会议.xlsx")
    result = batch(tmp_path / "会议.xlsx", tmp_path / "out")
    assert_user_error(result, "会议.xlsx:2:", "工作表“会议”", "会议名称只能填一个值",
                      "表头合并了 B2:C2 两列", "请取消合并")
    assert not (tmp_path / "out").exists()


def test_a_merge_at_the_end_of_the_header_row_is_read_as_merged(tmp_path: Path) -> None:
    """Merged up to the last column (nothing to its right) is still a merge: refused too."""
    book = Workbook()
    book.active.append(["会议名称", "讲话人", "日期", None, None])
    book.active.merge_cells("C1:E1")
    book.active.append(["全县工作会议", "李明", "2025年1月5日", "2025年1月6日", None])
    tasks_sheet(book, "行号", 2)
    assert_refused(book, tmp_path, "日期只能填一个值", "表头合并了 C1:E1 三列")


def test_a_merged_one_value_header_on_the_task_sheet_is_refused_there(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["会议名称", "讲话人"])
    book.active.append(["全县工作会议", "李明"])
    tasks = book.create_sheet("工作任务")
    tasks.append(["行号", "小标题", None, "引言"])
    tasks.merge_cells("B1:C1")
    tasks.append([2, "抓好农业生产", "抓好春耕", "要抓好春耕。"])
    assert_refused(book, tmp_path, "t.xlsx[工作任务]:1:", "工作表“工作任务”中,小标题只能填一个值",
                      "表头合并了 B1:C1 两列")


def test_a_list_field_merged_across_columns_still_takes_each_as_an_item(tmp_path: Path) -> None:
    """A merged header is the supported way to give a list several columns: kept working."""
    book = Workbook()
    book.active.append(["会议名称", "讲话人", "前面讲话", None])
    book.active.merge_cells("C1:D1")
    book.active.append(["全县工作会议", "李明", "王强同志作了工作报告", "会议表彰了先进集体"])
    tasks_sheet(book, "行号", 2)
    book.save(tmp_path / "t.xlsx")
    result = batch(tmp_path / "t.xlsx", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    text = speeches(tmp_path / "out")["0002-全县工作会议"]
    opening = next(line for line in text.splitlines() if line.startswith("刚才"))
    assert "王强同志作了工作报告" in opening and "会议表彰了先进集体" in opening
    assert "工作报告会议表彰" not in opening and "工作报告 会议表彰" not in opening


# A list of groups (工作任务) or a group (工作回顾) written as one column.

def test_a_task_column_with_one_task_a_line_is_told_the_forms(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["会议名称", "讲话人", "工作任务"])
    book.active.append(["全县工作会议", "李明", "抓好农业生产\n抓好民生实事"])
    told = assert_refused(book, tmp_path, "列“工作任务”(C1)", "每一项是一组内容(小标题、引言",
                          "一列放不下", "编号列 工作任务1.小标题", "单独一张名为“工作任务”的工作表")
    assert "表头缺少" not in told and "表头可用的列名" not in told


def test_numbered_task_columns_without_their_parts_get_one_message(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["会议名称", "讲话人", "工作任务1", "工作任务2"])
    book.active.append(["全县工作会议", "李明", "抓好农业生产", "抓好民生实事"])
    book.save(tmp_path / "t.xlsx")
    result = batch(tmp_path / "t.xlsx", tmp_path / "out")
    assert_user_error(result, "列“工作任务1”、“工作任务2”(C1、D1)", "一列放不下",
                      "上一行合并写“工作任务1”“工作任务2”……,下一行写 小标题、引言")
    assert result.stderr.count("错误") == 1 and "工作任务11" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_two_row_header_with_tasks_unnumbered_is_told_the_forms(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["会议名称", "讲话人", "工作任务", None])
    sheet.append([None, None, "小标题", "引言"])
    for ref in ("A1:A2", "B1:B2", "C1:D1"):
        sheet.merge_cells(ref)
    sheet.append(["全县工作会议", "李明", "抓好农业生产", "要抓好春耕。"])
    book.save(tmp_path / "t.xlsx")
    result = batch(tmp_path / "t.xlsx", tmp_path / "out")
    assert_user_error(result, "“工作任务.小标题”、“工作任务.引言”(C1、D1)",
                      "没有写明是“工作任务”的第几项", "上一行合并写“工作任务1”“工作任务2”")
    assert "表头缺少" not in result.stderr
    assert result.stderr.count("错误") == 1  # one message for the list, not one per column
    assert not (tmp_path / "out").exists()


def test_the_numbered_two_row_header_the_message_recommends_works(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["会议名称", "讲话人", "工作任务1", None, "工作任务2", None])
    sheet.append([None, None, "小标题", "引言", "小标题", "引言"])
    for ref in ("A1:A2", "B1:B2", "C1:D1", "E1:F1"):
        sheet.merge_cells(ref)
    sheet.append(["全县工作会议", "李明", "抓好农业生产", "要抓好春耕。", "抓好民生实事",
                  "要办好实事。"])
    book.save(tmp_path / "t.xlsx")
    result = batch(tmp_path / "t.xlsx", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    text = speeches(tmp_path / "out")["0003-全县工作会议"]
    assert "一、抓好农业生产\n\n要抓好春耕。" in text and "二、抓好民生实事\n\n要办好实事。" in text


@pytest.mark.parametrize(("header", "row", "words"), [
    (["会议名称", "讲话人", "meeting"], ["全县工作会议", "李明", "全县二月会议"],
     ("A1、C1 两列", "都对应“会议名称”", "只能填一个值")),  # one value, two columns
    (["会议名称", "讲话人", "工作回顾"], ["全县工作会议", "李明", "一年来成绩显著"],
     ("列“工作回顾”(C1)", "“工作回顾”是一组内容", "工作回顾.总体评价")),  # a group, one column
])
def test_a_header_column_the_field_cannot_take_is_refused(tmp_path: Path, header, row,
                                                          words) -> None:
    book = Workbook()
    book.active.append(header)
    book.active.append(row)
    tasks_sheet(book, "行号", 2)
    book.save(tmp_path / "t.xlsx")
    result = batch(tmp_path / "t.xlsx", tmp_path / "out")
    assert_user_error(result, *words)


def test_a_nested_list_on_the_task_sheet_is_told_its_forms(tmp_path: Path) -> None:
    """On the 工作任务 sheet, a bare 小项 column: 小项.小标题 columns, one 小项 a row."""
    book = Workbook()
    book.active.append(["会议名称", "讲话人"])
    book.active.append(["全县工作会议", "李明"])
    tasks = book.create_sheet("工作任务")
    tasks.append(["行号", "小标题", "小项"])
    tasks.append([2, "抓好农业生产", "抓春耕\n抓夏管"])
    book.save(tmp_path / "t.xlsx")
    result = batch(tmp_path / "t.xlsx", tmp_path / "out")
    assert_user_error(result, "t.xlsx[工作任务]", "列“小项”(C1)",
                      "小项.小标题、小项.段落 列,每行一项")
    assert "单独一张名为“小项”" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_column_mapped_to_the_task_list_is_told_the_forms(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["会议名称", "讲话人", "重点任务"])
    book.active.append(["全县工作会议", "李明", "抓好农业生产"])
    book.save(tmp_path / "t.xlsx")
    mapping = tmp_path / "对照.yaml"
    mapping.write_text("重点任务: 工作任务\n", encoding="utf-8")
    result = batch(tmp_path / "t.xlsx", tmp_path / "out", "--map", mapping)
    assert_user_error(result, "把列“重点任务”对应到“工作任务”", "一列放不下", "工作任务1.小标题")
    assert "模板没有这个字段" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_rename_the_template_cannot_take_is_told_at_its_line_in_the_map(tmp_path: Path) -> None:
    """The map file's mistake was told against the sheet, with no line (a tester)."""
    book = Workbook()
    book.active.append(["会议名称", "讲话人"])
    book.active.append(["全县工作会议", "李明"])
    book.save(tmp_path / "t.xlsx")
    mapping = tmp_path / "对照.yaml"
    mapping.write_text("会议名称: 会议名称\n讲话人: 讲话的人\n", encoding="utf-8")
    result = batch(tmp_path / "t.xlsx", tmp_path / "out", "--map", mapping)
    assert_user_error(result, f"{mapping}:2:", "“讲话人”对应到“讲话的人”", "模板没有这个字段")
    assert not (tmp_path / "out").exists()


def test_a_missing_task_list_gets_its_forms_not_every_column_name(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["会议名称", "讲话人"])
    book.active.append(["全县工作会议", "李明"])
    book.save(tmp_path / "t.xlsx")
    result = batch(tmp_path / "t.xlsx", tmp_path / "out")
    assert_user_error(result, "表头缺少必填的列:工作任务。", "编号列 工作任务1.小标题",
                      "单独一张名为“工作任务”的工作表")
    assert "副标题" not in result.stderr  # the 40 other column names are no help here


def test_a_csv_task_column_is_told_the_csv_forms(tmp_path: Path) -> None:
    sheet = tmp_path / "t.csv"
    sheet.write_text("会议名称,讲话人,工作任务\n全县工作会议,李明,抓发展\n", encoding="utf-8")
    result = batch(sheet, tmp_path / "out")
    assert_user_error(result, "列“工作任务”(C1)", "编号列 工作任务1.小标题", "另存为 .xlsx")
    assert "工作表“" not in result.stderr and "单独一张名为" not in result.stderr
