"""Whatever a cell holds, a sheet gives speeches or Chinese messages, never a traceback.

Hypothesis draws cell values (numbers of any size, dates, times, text with control characters
and Excel escapes, formulas, error-like and NaN-like text) and number format codes (real ones
and random strings), writes them as .xlsx and .csv, and runs each sheet through the reader, the
column mapping, the row validation and the writers, as `speechgen batch` does.  Bounded by a
number of examples, never by time: a busy machine makes time limits flaky.  Set
SPEECHGEN_EXAMPLES (say 2000) to search deeper than the suite's default.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sheet_files import tiny_template

from generator import cell_format
from generator.errors import Problem, SpeechgenError
from generator.pipeline import render
from generator.sheet_map import SheetMapping, SheetValidator
from generator.sheets import CellIssue, Shown
from generator.sheets import Workbook as Sheets
from generator.templating import get_template, speech_from_values

HEADER = ["名称", "日期", "人数", "说明", "要求"]
CHINESE = re.compile(r"[\u4e00-\u9fff]")
EXAMPLES = int(os.environ.get("SPEECHGEN_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

FORMATS = st.one_of(
    st.sampled_from([
        "General", "0", "0.00", "#,##0", "#,##0.00", "0%", "0.0%", "0.00E+00", "# ?/?",
        "yyyy/m/d", 'yyyy"年"m"月"d"日"', '[DBNum1][$-804]yyyy"年"m"月"d"日"', "[DBNum2]0",
        '[DBNum1]G/通用格式', "h:mm", '上午/下午h"时"mm"分"', "[h]:mm:ss", "mmm-yy", "dddd",
        "aaaa", 'e"年"m"月"', "@", ";;;", '"固定文字"', "[Red]0.00;[Blue]-0.00", "[>100]0;0.0",
        "000000", "#,##0,,", "0.0%%", '0.0"万元"', "yyyy-mm-dd hh:mm:ss", "mmss.0",
    ]),
    st.text(max_size=12).filter(lambda code: not ILLEGAL_CHARACTERS_RE.search(code)),
)
ESCAPES = st.builds(lambda code: f"_x{code:04X}_", st.one_of(
    st.integers(0, 0x7F), st.integers(0xD800, 0xDFFF), st.integers(0xFFF0, 0xFFFF)))
SPECIAL = st.sampled_from([
    "_x000D_\n", "NaN", "nan", "inf", "-0", "#N/A", "#DIV/0!", "1e400", "20250105",
    "2025-02-30", "  ", "\u3000", "=1/0", "=A1", "=0.1+0.2", '=IF(1,"",1)', "=", "_x",
])
TEXT = st.text(max_size=40).map(lambda text: ILLEGAL_CHARACTERS_RE.sub("", text))
CELLS = st.one_of(
    st.none(), TEXT, SPECIAL, ESCAPES, st.booleans(),
    st.integers(min_value=-(10 ** 20), max_value=10 ** 20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(9999, 12, 31)),
    st.dates(min_value=dt.date(1900, 1, 1)), st.times(),
    st.lists(st.one_of(TEXT, ESCAPES, SPECIAL), max_size=4).map("".join),
)
ROWS = st.lists(st.lists(st.tuples(CELLS, FORMATS), min_size=1, max_size=len(HEADER) + 1),
                min_size=1, max_size=4)


@pytest.fixture(scope="module")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_template(tmp_path_factory.mktemp("templates"))


def assert_chinese(problems: list[Problem]) -> None:
    for problem in problems:
        assert CHINESE.search(problem.message), problem


def run_sheet(path: Path, template_dir: Path, fmt: str) -> int:
    """The batch pipeline in this process: rows → facts → checked values → document bytes."""
    template = get_template("tiny", (template_dir,))
    written = 0
    try:
        with Sheets(path) as book:
            mapping = SheetMapping(book, template)
            for facts in mapping.rows():
                for cell in facts.cells:
                    assert cell is None or isinstance(
                        cell, (str, int, float, bool, dt.date, Shown, CellIssue)), cell
                validator = SheetValidator(places=facts.places, columns=mapping.cell_columns,
                                           fields=template.fields)
                values = validator.group(facts.data, template.fields)
                if validator.problems:
                    assert_chinese(validator.problems)
                    continue
                try:
                    speech = speech_from_values(template, values, (template_dir,))
                    assert render(speech, fmt).data
                    written += 1
                except SpeechgenError as error:
                    assert_chinese(error.problems)
    except SpeechgenError as error:
        assert_chinese(error.problems)
    return written


@SETTINGS
@given(rows=ROWS, shared=st.booleans())
def test_any_xlsx_cells_give_speeches_or_chinese_messages(tmp_path: Path, template_dir: Path,
                                                           rows, shared: bool) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for number, row in enumerate(rows, 2):
        for column, (value, code) in enumerate(row, 1):
            cell = sheet.cell(number, column)
            try:
                cell.value = value
            except (ValueError, TypeError):  # openpyxl refuses it: Excel could not hold it
                continue
            cell.number_format = code
    path = tmp_path / "t.xlsx"
    book.save(path)
    if shared:
        from xlsx_shared import with_shared_strings

        with_shared_strings(path)
    run_sheet(path, template_dir, "docx")


@SETTINGS
@given(rows=st.lists(st.lists(st.one_of(TEXT, SPECIAL, st.text(max_size=20)), max_size=7),
                     max_size=5),
       quoted=st.booleans(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_any_csv_cells_give_speeches_or_chinese_messages(tmp_path: Path, template_dir: Path,
                                                          rows, quoted: bool,
                                                          encoding: str) -> None:
    path = tmp_path / "t.csv"
    with path.open("w", encoding=encoding, errors="replace", newline="") as handle:
        if quoted:  # as a program writes it: every value well quoted
            csv.writer(handle).writerows([HEADER, *rows])
        else:  # as a person types it: commas and quotes as they come
            handle.write("\n".join(",".join(row) for row in [HEADER, *rows]))
    run_sheet(path, template_dir, "txt")


@SETTINGS
@given(data=st.binary(max_size=400))
def test_any_bytes_named_csv_give_a_chinese_message_or_rows(tmp_path: Path, template_dir: Path,
                                                            data: bytes) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes("名称,说明\n".encode() + data)
    run_sheet(path, template_dir, "txt")


@settings(max_examples=EXAMPLES * 8, deadline=None)
@given(value=st.one_of(st.integers(min_value=-(10 ** 30), max_value=10 ** 30),
                       st.floats(allow_nan=False, allow_infinity=False)),
       code=FORMATS)
def test_every_format_code_shows_a_number_as_text(value, code: str) -> None:
    fmt = cell_format.parse(code)
    shown = cell_format.show_number(value, fmt)
    assert isinstance(shown, str)
    if fmt.is_general:
        assert len(shown.lstrip("-")) <= 11  # General never shows more than 11 characters
    moment = dt.datetime(2025, 1, 5, 14, 30)
    assert isinstance(cell_format.show_moment(moment, fmt), str) if fmt.sections else True
