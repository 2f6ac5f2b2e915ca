"""A batch's per-row report (`--report 报告.csv|.json`) and how a row's problem is placed.

The report is streamed to a temporary file beside its target as rows finish and renamed into
place at the end (files.AtomicFile), so an interrupted batch leaves no half report.  The
console (cli_batch.py) words rows the same way through `describe`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from .batch import RowResult
from .errors import Problem
from .files import AtomicFile

#: A row's outcome as the console and the CSV report name it.
STATUS_NAMES = {
    "written": "已生成",
    "checked": "检查通过",
    "skipped": "已跳过(已有)",
    "exists": "未覆盖(文件已存在)",
    "failed": "失败",
}
#: The JSON report's status codes (kept from before the library had RowResult).
_JSON_STATUS = {"written": "ok", "checked": "checked", "skipped": "skipped", "failed": "failed"}


def status_key(result: RowResult) -> str:
    """The display status: a failure that only kept an existing file is "exists"."""
    return "exists" if result.existed else result.status


def sheet_and_cell(problem: Problem, filename: str, main_sheet: str = "") -> tuple[str, str]:
    """(sheet, A1-style cell) of a problem placed by SheetValidator, blank when unplaced.
    A main-sheet cell is labelled by the file alone; `main_sheet` names its sheet."""
    from .sheets import column_letter

    label = problem.file or ""
    sheet = label[len(filename) + 1:-1] if label.startswith(filename + "[") else ""
    if not sheet and label == filename and problem.line is not None:
        sheet = main_sheet
    if problem.line is None:
        return sheet, ""
    if problem.column is None:
        return sheet, f"第{problem.line}行"
    return sheet, f"{column_letter(problem.column)}{problem.line}"


def describe(problem: Problem, filename: str) -> str:
    """A row's problem as one line: 工作任务!B8 小标题:…"""
    sheet, cell = sheet_and_cell(problem, filename)
    where = f"{sheet}!{cell}" if sheet and cell else cell
    name = f"{problem.path}" if problem.path else ""
    head = " ".join(part for part in (where, name) if part)
    return f"{head}:{problem.message}" if head else problem.message


class Report:
    """--report as CSV (opens in Excel: UTF-8 with BOM) or JSON, streamed to a temp file."""

    COLUMNS = ("行号", "状态", "输出文件", "工作表", "单元格", "字段", "问题")

    def __init__(self, path: Path, filename: str, *, overwrite: bool = False,
                 inputs: Sequence[Path] = (), main_sheet: str = "") -> None:
        self.path = path
        self.filename = filename
        # the 工作表 column names the main sheet too: blank, it left a tester whose first
        # sheet was hidden unsure which sheet E6 was on (round 3)
        self.main_sheet = main_sheet
        self.json = path.suffix.lower() == ".json"
        self._file = AtomicFile(path, overwrite=overwrite, inputs=inputs,
                                keep_both="要保留两份请另写一个文件名")
        encoding = "utf-8" if self.json else "utf-8-sig"
        self._handle = io.TextIOWrapper(self._file.handle, encoding=encoding, newline="")
        self._first = True
        if self.json:
            self._handle.write("[\n")
        else:
            self._csv = csv.writer(self._handle)
            self._csv.writerow(self.COLUMNS)

    def add(self, result: RowResult) -> None:
        try:
            self._add(result)
        except OSError as error:  # a full disk, told naming the report
            raise self._file.failure(error) from None

    def _add(self, result: RowResult) -> None:
        shown = status_key(result)
        if self.json:
            record = {"row": result.row,
                      "status": "exists" if result.existed else _JSON_STATUS[result.status],
                      "file": result.name, "problems": [self._problem(p) for p in result.problems],
                      "notes": result.notes}
            self._handle.write(("" if self._first else ",\n")
                               + json.dumps(record, ensure_ascii=False))
            self._first = False
            return
        status = STATUS_NAMES[shown]
        if not result.problems:  # a row written with a leftover XX is still told of it
            self._csv.writerow((result.row, status, result.name or "", "", "", "",
                                "；".join(f"提示:{note}" for note in result.notes)))
        for problem in result.problems:
            item = self._problem(problem)
            self._csv.writerow((result.row, status, result.name or "", item["sheet"],
                                item["cell"], item["field"], item["message"]))

    def _problem(self, problem: Problem) -> dict[str, str]:
        sheet, cell = sheet_and_cell(problem, self.filename, self.main_sheet)
        return {"sheet": sheet, "cell": cell, "field": problem.path or "",
                "message": problem.message}

    def finish(self) -> Path:
        try:
            if self.json:
                self._handle.write("\n]\n")
            self._handle.flush()
        except OSError as error:
            raise self._file.failure(error) from None
        self._handle.detach()  # the AtomicFile owns the binary handle and closes it
        return self._file.commit()

    def discard(self) -> None:
        with suppress(OSError):  # detaching flushes, which a full disk refuses again
            self._handle.detach()
        self._file.discard()
