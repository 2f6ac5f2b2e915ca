"""Spreadsheet cells reach the speech as the user sees them in Excel or WPS, or get a message.

Each test is one kind of fault found when sheets from real offices (and public bug reports of
spreadsheet tools) were replayed: values shifted by a stray comma or quote, numbers typed into
date cells, formats, escapes, merged cells, formulas without results, hidden and encrypted files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import assert_user_error, run_speechgen
from openpyxl import Workbook
from sheet_files import (
    builtin_format,
    error_value,
    ole_file,
    save_results,
    write_xlsx,
)
from xlsx_shared import with_shared_strings

from generator.sheets import Workbook as Sheets


def batch(sheet: Path, tiny: Path, out: Path, *extra: str):
    return run_speechgen("batch", sheet, "-t", "tiny", "--template-dir", tiny, "-f", "txt",
                         "-o", out, "-j", "2", *extra)  # two workers: cells cross processes


def speeches(out: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.txt"))}


# CSV rows that do not line up: refused before any speech is written, at the right line.

def test_a_csv_row_with_more_cells_than_the_header_is_named_not_shifted(tmp_path: Path,
                                                                         tiny: Path) -> None:
    sheet = tmp_path / "名单.csv"
    sheet.write_text("名称,日期,说明\n甲,2025-01-05,好\n乙,2025-01-06,一是学习,二是落实\n"
                     "丙,2025-01-07,三\n", encoding="utf-8")
    result = batch(sheet, tiny, tmp_path / "out")
    assert_user_error(result, "名单.csv:3:", "比表头的 3 列多", "“二是落实”", "引号")
    assert "改用全角逗号“\uff0c”" in result.stderr  # the mark it names, not the ASCII one
    assert not (tmp_path / "out").exists()


def test_a_csv_row_in_another_encoding_is_named(tmp_path: Path, tiny: Path) -> None:
    """One GBK row pasted into a UTF-8 CSV: refused at that row, not at the file."""
    sheet = tmp_path / "名单.csv"
    sheet.write_bytes("名称,日期\n甲,2025-01-05\n".encode() + "乙,2025-01-06\n".encode("gbk")
                      + "丙,2025-01-07\n".encode())
    result = batch(sheet, tiny, tmp_path / "out")
    assert_user_error(result, "名单.csv:3:", "无法识别编码")
    assert not (tmp_path / "out").exists()


def test_a_hidden_main_sheet_is_named_when_the_visible_one_has_no_header(tmp_path: Path,
                                                                         tiny: Path) -> None:
    """A colleague hid the main sheet: the sheet read and the hidden one are both named, with
    --sheet to use it (a tester read only "第 1 行是…" with no sheet named)."""
    book = Workbook()
    book.active.title = "会议"
    book.active.append(["名称"])
    book.active.append(["甲"])
    book.active.sheet_state = "hidden"
    book.create_sheet("说明").append(["怎样填写这张表"])
    book.active = 1
    book.save(tmp_path / "表.xlsx")
    result = batch(tmp_path / "表.xlsx", tiny, tmp_path / "out")
    assert_user_error(result, "找不到表头(读的是工作表“说明”)", "工作表“会议”是隐藏的",
                      "--sheet 会议")


def test_a_data_cell_merged_over_two_fields_is_said(tmp_path: Path, tiny: Path) -> None:
    """D4:E4 merged over 讲话人 and 日期 lost the date without a word (a tester)."""
    book = Workbook()
    for row in (["名称", "日期", "说明"], ["甲", "2025-01-05", "一"], ["乙", None, "二"]):
        book.active.append(row)
    book.active.merge_cells("A3:B3")
    book.save(tmp_path / "表.xlsx")
    result = batch(tmp_path / "表.xlsx", tiny, tmp_path / "out")
    said = result.stderr.replace("\n", "")  # the console wraps long lines
    assert "A3:B3(合并了“名称”“日期”,只有“名称”有值)" in said and "请取消合并" in said, said


def test_csv_rows_padded_as_excel_saves_them_are_not_extra(tmp_path: Path, tiny: Path) -> None:
    """Excel pads every row to the used width, and a note right of the header is blank-headed."""
    sheet = tmp_path / "名单.csv"
    sheet.write_text("名称,日期,说明,,\n甲,2025-01-05,\"好,很好\",,\n乙,2025-01-06,,,备注\n",
                     encoding="utf-8")
    result = batch(sheet, tiny, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "说明:好,很好。" in speeches(tmp_path / "out")["0002-甲"]


def test_xlsx_cells_under_no_header_are_named_not_dropped_silently(tmp_path: Path,
                                                                   tiny: Path) -> None:
    """In a workbook nothing shifts, but a value right of the header still reaches nothing."""
    sheet = write_xlsx(tmp_path / "t.xlsx", [
        ["名称", "说明", None],
        ["甲", "好", "补充一句"],
        ["乙", None, None, None, "又一句"],
    ])
    result = batch(sheet, tiny, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    said = "".join(result.stderr.split())  # the console wraps long notes
    assert "这些单元格有内容,但所在的列没有表头,未使用:C2、E3(共2个)" in said
    assert sorted(speeches(tmp_path / "out")) == ["0002-甲", "0003-乙"]


@pytest.mark.parametrize(("text", "line"), [
    # Never closed: the rest of the file would become one cell.
    ("名称,说明\n甲,好\n乙,\"没有配对\n丙,三\n丁,四\n", 3),
    # Closed much later by another stray quote: the rows between would vanish.
    ("名称,说明\n甲,好\n乙,\"多了引号\n丙,三\n丁,\"四\"x\n戊,五\n", 3),
    # Closed cleanly rows later (a value ending in a quote): the rows between look like rows.
    ("名称,日期,说明\n甲,2025-01-05,好\n乙,2025-01-06,\"多了引号\n丙,2025-01-07,三\n"
     "丁,2025-01-08,四\n戊,2025-01-09,5寸\"\n", 3),
    # A well-quoted multi-line cell before it does not move the place.
    ("名称,说明\n甲,\"第一行,\n第二行\"\n乙,好\n丙,\"没有配对,\n丁,四,\n戊,五,\n", 5),
])
def test_an_unclosed_quote_is_named_at_the_line_it_opens(tmp_path: Path, tiny: Path, text: str,
                                                         line: int) -> None:
    sheet = tmp_path / "名单.csv"
    sheet.write_text(text, encoding="utf-8")
    result = batch(sheet, tiny, tmp_path / "out")
    assert_user_error(result, f"名单.csv:{line}:", "双引号", "没有配对")
    assert not (tmp_path / "out").exists()


def test_a_cell_longer_than_any_sheet_holds_is_told_as_such(tmp_path: Path, tiny: Path) -> None:
    """A well-quoted cell of 131,100 characters was reported as a quote left open."""
    sheet = tmp_path / "名单.csv"
    sheet.write_text('名称,说明\n甲,"' + "长" * 131_100 + '"\n', encoding="utf-8")
    result = batch(sheet, tiny, tmp_path / "out")
    assert_user_error(result, "名单.csv:2:", "超过 131,072 个字", "32,767")
    assert not (tmp_path / "out").exists()


def test_multi_line_cells_with_commas_are_not_mistaken_for_a_broken_quote(tmp_path: Path,
                                                                          tiny: Path) -> None:
    sheet = tmp_path / "名单.csv"
    sheet.write_text('名称,要求,说明\n甲,"守纪律,讲规矩\n敢担当,善作为","投资1,000,000元\n'
                     '收入2,000,000元"\n乙,"一\n二",\n', encoding="utf-8")
    result = batch(sheet, tiny, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "要求:守纪律,讲规矩\n\n要求:敢担当,善作为" in speeches(tmp_path / "out")["0002-甲"]


# Dates: a number in a date cell is not a date in 1905; 20250105 is.

def test_numbers_typed_into_date_cells(tmp_path: Path, tiny: Path) -> None:
    sheet = write_xlsx(tmp_path / "t.xlsx", [
        ["名称", "日期", "说明"],
        ["甲", 2025, None],  # a year typed into a date cell: Excel shows 1905/7/17
        ["乙", 20250105, None],  # eight digits typed into a date cell: Excel shows ####
        ["丙", 20250106, None],  # the same in a General cell
        ["丁", "20250107", None],  # and as text
        ["戊", 0, dt.date(1905, 7, 17)],  # 0 in a date cell; a date cell in a text field
        ["己", 2025, None],  # a bare number (General) in a date field
    ], {"B2": "yyyy/m/d", "B3": "yyyy/m/d", "B6": "yyyy/m/d", "C6": "yyyy/m/d"})
    result = batch(sheet, tiny, tmp_path / "out")
    assert result.returncode == 1, result.stderr
    assert "B2 日期:单元格设成了日期格式,填的却是数字 2025(Excel 把它显示为 1905年7月17日)" \
        in result.stderr
    assert "B6 日期:单元格设成了日期格式,填的却是数字 0" in result.stderr
    assert "C6 说明:单元格设成了日期格式,填的却是数字 1905" not in result.stderr
    assert "C6 说明:" in result.stderr  # a serial before 1990 is refused in any field
    assert "B7 日期:数字 2025 不是日期(当作 Excel 日期序号是 1905年7月17日)" in result.stderr
    done = speeches(tmp_path / "out")
    assert sorted(done) == ["0003-乙", "0004-丙", "0005-丁"]
    assert "日期2025年1月5日," in done["0003-乙"]
    assert "日期2025年1月6日," in done["0004-丙"]
    assert "日期2025年1月7日," in done["0005-丁"]


# Values as Excel shows them.

SHOWN = [  # (stored value, format code, what Excel shows)
    (0.085, "0.0%", "8.5%"),
    (0.5, "0%", "50%"),
    (1234567, "#,##0", "1,234,567"),
    (1234.5, "#,##0.00", "1,234.50"),
    (-1234.5, "#,##0.00;-#,##0.00", "-1,234.50"),
    (3.5, "0.00", "3.50"),
    (2.675, "0.00", "2.68"),  # half away from zero, on the 15-digit value
    (12.0, "0", "12"),
    (12.5, '0.0"万元"', "12.5万元"),
    (1234.5, '"¥"#,##0.00', "¥1,234.50"),
    (3.14159265358979, "General", "3.141592654"),  # General: 11 characters
    (123456789012, "General", "1.23457E+11"),
    (13812345678, "General", "13812345678"),  # a mobile number: 11 digits, shown whole
    (99_999_999_995, "General", "99999999995"),
    (99999999999.6, "General", "1E+11"),  # rounding would need a 12th digit
    (12345678901.5, "General", "12345678902"),
    (123, "[DBNum1]0", "一百二十三"),
    (12345, "[DBNum1]G/通用格式", "一万二千三百四十五"),
    (dt.datetime(2025, 1, 5), 'yyyy"年"m"月"d"日"', "2025年1月5日"),
    (dt.datetime(2025, 10, 20), '[DBNum1][$-804]yyyy"年"m"月"d"日"', "二〇二五年十月二十日"),
    (dt.datetime(2025, 1, 5), "yyyy-mm-dd", "2025-01-05"),
    (dt.datetime(2025, 1, 5), "mm-dd-yy", "2025/1/5"),  # built-in 14, as a Chinese Excel shows
    (dt.datetime(2025, 1, 5), 'yyyy"年"m"月"d"日" aaaa', "2025年1月5日 星期日"),
    (dt.datetime(2025, 1, 5, 14, 30), '上午/下午h"时"mm"分"', "下午2时30分"),
    (dt.time(9, 5), "h:mm", "9:05"),
]


def test_numbers_and_dates_are_written_as_excel_shows_them(tmp_path: Path, tiny: Path) -> None:
    rows: list[list] = [["名称", "说明", "人数"]]
    formats = {}
    for number, (value, code, _shown) in enumerate(SHOWN, 2):
        rows.append([f"第{number}行", value, None])
        formats[f"B{number}"] = code
    formula_row = len(rows) + 1
    rows.append(["公式", "=0.1+0.2", "=1000+234"])  # results saved as Excel saves them
    formats[f"C{formula_row}"] = "#,##0"  # a number field takes the value, not 1,234
    sheet = write_xlsx(tmp_path / "t.xlsx", rows, formats)
    save_results(sheet, {f"B{formula_row}": "0.30000000000000004", f"C{formula_row}": "1234"})
    with_shared_strings(sheet)
    result = batch(sheet, tiny, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    done = speeches(tmp_path / "out")
    for number, (_value, code, shown) in enumerate(SHOWN, 2):
        assert f"说明:{shown}。" in done[f"{number:04d}-第{number}行"], (code, shown)
    assert "说明:0.3。" in done[f"{formula_row:04d}-公式"]
    assert "人数1234。" in done[f"{formula_row:04d}-公式"]


@pytest.mark.parametrize(("number", "code", "value", "shown"), [
    (31, 'yyyy"年"m"月"d"日"', dt.datetime(2025, 1, 5), "2025年1月5日"),
    (58, 'm"月"d"日"', dt.datetime(2025, 1, 5), "1月5日"),
    (57, 'yyyy"年"m"月"', dt.datetime(2025, 3, 1), "2025年3月"),
])
def test_chinese_builtin_date_formats_stored_by_number_only(tmp_path: Path, tiny: Path,
                                                            number: int, code: str,
                                                            value: dt.datetime,
                                                            shown: str) -> None:
    """WPS and a Chinese Excel store these by number only; without a code they read 45662."""
    sheet = write_xlsx(tmp_path / "t.xlsx", [["名称", "说明", "日期"], ["甲", value, value]],
                       {"B2": code, "C2": code})
    builtin_format(sheet, code, number)
    result = batch(sheet, tiny, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    text = speeches(tmp_path / "out")["0002-甲"]
    assert f"说明:{shown}。" in text
    assert f"日期{value.year}年{value.month}月{value.day}日," in text


# Excel's escapes and control characters.

def test_excel_escapes_are_decoded_not_printed(tmp_path: Path, tiny: Path) -> None:
    sheet = write_xlsx(tmp_path / "t.xlsx", [
        ["名称", "要求", "说明"],
        ["甲", "守纪律_x000D_\n讲规矩", "写作_x005F_x000D_原样,响铃_x0007_删去,对子_xD83D__xDE00_"],
    ])
    with_shared_strings(sheet)
    result = batch(sheet, tiny, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    text = speeches(tmp_path / "out")["0002-甲"]
    assert "要求:守纪律\n\n要求:讲规矩" in text
    assert "说明:写作_x000D_原样,响铃删去,对子\U0001F600。" in text
    assert "_x000D_\n" not in text and "\x07" not in text


# Merged cells.

def test_a_vertically_merged_data_cell_reaches_every_row(tmp_path: Path, tiny: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["乡镇", "名称", "说明"])
    sheet.append(["城关镇", "甲", "统一部署"])
    sheet.append([None, "乙", None])
    sheet.append([None, "丙", "单独说明"])
    sheet.append(["河西乡", "丁", None])
    sheet.merge_cells("A2:A4")
    sheet.merge_cells("C2:C3")
    book.save(tmp_path / "t.xlsx")
    result = batch(tmp_path / "t.xlsx", tiny, tmp_path / "out", "--name", "{乡镇}-{名称}")
    assert result.returncode == 0, result.stderr
    done = speeches(tmp_path / "out")
    assert sorted(done) == ["城关镇-丙", "城关镇-乙", "城关镇-甲", "河西乡-丁"]
    assert "说明:统一部署。" in done["城关镇-甲"] and "说明:统一部署。" in done["城关镇-乙"]
    assert "说明:单独说明。" in done["城关镇-丙"] and "说明:无。" in done["河西乡-丁"]


# Formulas.

def test_a_formula_without_a_saved_result_is_not_called_empty(tmp_path: Path,
                                                              tiny: Path) -> None:
    sheet = write_xlsx(tmp_path / "t.xlsx", [
        ["名称", "人数", "说明"],
        ["甲", "=10+2", "好"],  # written by a program: no result saved
        ["=\"乙\"&\"方\"", 3, None],
        ["丙", 4, "=1/0"],
        ["丁", 5, None],
    ])
    error_value(sheet, "C4", "#DIV/0!")
    result = batch(sheet, tiny, tmp_path / "out")
    assert result.returncode == 1, result.stderr
    assert "B2 人数:单元格是公式(=10+2),但文件里没有保存它的计算结果" in result.stderr
    assert "请用 Excel 或 WPS 打开这个文件并保存一次" in result.stderr
    assert "A3 名称:单元格是公式" in result.stderr
    assert "缺少必填字段" not in result.stderr
    assert "C4 说明:单元格的公式结果是错误值 #DIV/0!" in result.stderr
    assert sorted(speeches(tmp_path / "out")) == ["0005-丁"]


def test_a_formula_whose_saved_result_is_empty_text_is_blank(tmp_path: Path, tiny: Path) -> None:
    sheet = write_xlsx(tmp_path / "t.xlsx", [["名称", "说明"], ["甲", '=IF(1,"","x")']])
    # As Excel saves a formula giving "": a text result, present and empty.
    from sheet_files import _rewrite

    _rewrite(sheet, "xl/worksheets/sheet1.xml",
             lambda xml: xml.replace('<c r="B2">', '<c r="B2" t="str">'))
    result = batch(sheet, tiny, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "说明:无。" in speeches(tmp_path / "out")["0002-甲"]


# Which sheet, and which kind of file.

def test_a_hidden_first_sheet_is_not_read(tmp_path: Path, tiny: Path) -> None:
    book = Workbook()
    old = book.active
    old.title = "旧表"
    old.append(["名称", "说明"])
    old.append(["去年", "不要用"])
    old.sheet_state = "hidden"
    current = book.create_sheet("今年")
    current.append(["名称", "日期"])
    current.append(["甲", "2025-02-30"])
    current.append(["乙", "2025-01-05"])
    book.save(tmp_path / "t.xlsx")
    result = batch(tmp_path / "t.xlsx", tiny, tmp_path / "out")
    assert result.returncode == 1, result.stderr
    assert sorted(speeches(tmp_path / "out")) == ["0003-乙"]
    assert "B2 日期" in result.stderr and "今年!" not in result.stderr  # the main sheet
    chosen = batch(tmp_path / "t.xlsx", tiny, tmp_path / "old", "--sheet", "旧表")
    assert chosen.returncode == 0, chosen.stderr
    assert sorted(speeches(tmp_path / "old")) == ["0002-去年"]


def test_a_password_protected_xlsx_is_named_as_such(tmp_path: Path, tiny: Path) -> None:
    locked = ole_file(tmp_path / "加密.xlsx", ["EncryptionInfo", "EncryptedPackage"])
    result = batch(locked, tiny, tmp_path / "out")
    assert_user_error(result, "加密.xlsx", "设置了打开密码", "去掉密码")
    assert ".xls" not in result.stderr.replace("加密.xlsx", "")
    old = ole_file(tmp_path / "旧版.xls", ["Workbook", "SummaryInformation"])
    result = batch(old, tiny, tmp_path / "out")
    assert_user_error(result, "旧版 Excel(.xls)", "另存为")
    assert "密码" not in result.stderr


# A list of groups in a CSV.

def test_a_csv_is_told_how_to_write_a_list_of_groups(tmp_path: Path) -> None:
    sheet = tmp_path / "t.csv"
    sheet.write_text("会议名称,讲话人,工作任务\n全县工作会议,李明,抓发展\n", encoding="utf-8")
    result = run_speechgen("batch", sheet, "-t", "work-conference", "-o", tmp_path / "out")
    assert_user_error(result, "CSV", "编号列", "工作任务1.小标题", "工作任务1.小项1.小标题")
    assert "表头缺少必填的列" not in result.stderr


def test_an_xlsx_missing_the_list_still_gets_the_second_sheet_hint(tmp_path: Path) -> None:
    sheet = write_xlsx(tmp_path / "t.xlsx", [["会议名称", "讲话人"], ["全县工作会议", "李明"]])
    assert_user_error(run_speechgen("batch", sheet, "-t", "work-conference"),
                      "表头缺少必填的列:工作任务", "单独一张名为“工作任务”的工作表")


# The reader itself: what each cell comes out as.

def test_reader_keeps_the_stored_value_beside_the_shown_text(tmp_path: Path) -> None:
    sheet = write_xlsx(tmp_path / "t.xlsx", [["a", "b"], [0.085, 1234567]],
                       {"A2": "0.0%", "B2": "#,##0"})
    with Sheets(sheet) as book:
        rows = list(book.table().rows)
    percent, thousands = rows[1][1]
    assert (percent.value, percent.text) == (0.085, "8.5%")
    assert (thousands.value, thousands.text) == (1234567, "1,234,567")


def test_a_formatted_key_still_joins_the_second_sheet(tmp_path: Path) -> None:
    """序号 shown as 001 on the main sheet and typed as 1 on 工作任务 is the same row."""
    book = Workbook()
    book.active.append(["序号", "会议名称"])
    book.active.append([1, "城关镇工作会议"])
    book.active["A2"].number_format = "000"
    tasks = book.create_sheet("工作任务")
    tasks.append(["序号", "小标题"])
    tasks.append([1, "抓发展"])
    book.save(tmp_path / "t.xlsx")
    result = run_speechgen("batch", tmp_path / "t.xlsx", "-t", "work-conference", "-f", "txt",
                           "-o", tmp_path / "out", "--name", "{序号}-{会议名称}")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "out" / "001-城关镇工作会议.txt").read_text(encoding="utf-8")
    assert "一、抓发展" in text
    assert "没有对应的行" not in result.stderr
