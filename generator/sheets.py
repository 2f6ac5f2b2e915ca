"""Spreadsheets as rows of plain values: .xlsx streamed, .csv in whatever encoding it came in.

Colleagues hand over sheets saved by Excel or WPS on Windows: .xlsx with real dates and numbers,
or .csv in GBK, GB18030, UTF-8 with or without a BOM, separated by commas, tabs or semicolons.
Both are read one row at a time so a sheet of any length costs the same memory, and every row
keeps the number Excel shows next to it, because that is the number a user looks for when a
message names a row.  Merged cells are reported as ranges (xlsx only) so that a header merged
across columns or rows can be read the way it looks, and a data cell merged down several rows
reaches each of them.

A cell comes out as the user sees it in Excel or WPS: a formatted number as `Shown` (the stored
number and the text Excel shows, 8.5% not 0.085; see cell_format.py), Excel's `_x000D_` escapes
decoded, control characters dropped.  A cell that cannot be used as it stands (a formula with no
saved result, an error value, a number typed into a date cell) comes out as a `CellIssue`, which
the row's validation reports at that cell, so the other rows still run.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
import tempfile
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple
from xml.etree.ElementTree import iterparse

from . import cell_format
from .dates import compact_date, format_date
from .errors import InputError, Problem

Cells = tuple[Any, ...]
Row = tuple[int, Cells]  # (row number as Excel shows it, cell values)

_ZIP_MAGIC = b"PK\x03\x04"
_DELIMITERS = ",\t;|"
_CHUNK = 1 << 20
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")
_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+\d+)(?::([A-Z]+\d+))?"')
_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\s(?=[^>]*?\bhidden="(?:1|true)")[^>]*?\br="(\d+)"')
_HIDDEN_COLUMNS = re.compile(
    rb'<(?:\w+:)?col\s(?=[^>]*?\bhidden="(?:1|true)")[^>]*?\bmin="(\d+)"[^>]*?\bmax="(\d+)"')
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")  # ECMA-376 Part 1 §22.9.2.19 (ST_Xstring)
# C0 controls but tab, line feed and carriage return, and the two non-characters: none of them
# may stand in a DOCX (XML 1.0), and none is ever meant to be read.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_FIRST_REAL_DATE = dt.date(1990, 1, 1)  # earlier dates in a date cell are typed-in numbers
_ENCRYPTED_STREAMS = {"EncryptedPackage", "EncryptionInfo"}
_LIST_SHOWN = 20  # bad CSV rows named in one message


@dataclass(frozen=True)
class Merge:
    """A merged range, 1-based and inclusive; only its top-left cell holds the value."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int


@dataclass(frozen=True, slots=True)
class Shown:
    """A number cell as Excel shows it: `value` is what it holds, `text` what a person reads.

    A number or date field takes the value (so 12,345 still counts as 12345); a text field
    takes the text (8.5%, 二〇二五年一月五日).
    """

    value: Any  # int, float, dt.date or dt.datetime
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class CellIssue:
    """A cell whose content cannot be used as it stands; `message` says why and how to fix it."""

    message: str

    def __str__(self) -> str:
        return ""


@dataclass
class Table:
    """One sheet: its name as messages show it, and a one-pass iterator over its rows."""

    name: str
    label: str  # 各乡镇会议.xlsx, or 各乡镇会议.xlsx[工作任务] for a second sheet
    rows: Iterator[Row]
    size_hint: int | None = None  # the last row number the file declares, if it declares one
    csv: bool = False  # a CSV's one sheet has no name of its own to show in a message
    _merged: list[Merge] = field(default_factory=list, repr=False)
    hidden: tuple[str, ...] = ()  # the workbook's hidden sheets, passed over for this one
    #: Rows and columns (1-based) hidden in Excel: read as any other, but a person who hid
    #: "乙镇(已取消)" did not expect a draft for it, so they are told (a tester).
    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()

    def merges(self) -> list[Merge]:
        """Merged ranges (none in a CSV), read before the rows."""
        return self._merged


def cell_value(value: Any) -> Any:
    """A cell as the value a user meant: 12 not 12.0, a date not midnight, blank as None."""
    if value is None:
        return None
    if isinstance(value, str):
        if _CONTROL.search(value):
            value = _CONTROL.sub("", value)
        return value.strip() or None
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return value


def typed_value(value: Any, field_type: str) -> Any:
    """A cell as the value a field of `field_type` takes (a fields.TYPES name).

    Number, date and yes/no fields take what the cell holds; any other field the text Excel
    shows.  A date cell without a format of its own reads as a date: 2025年1月5日.
    """
    if isinstance(value, Shown):
        return value.value if field_type in ("number", "date", "bool") else value.text
    if field_type != "date" and isinstance(value, (dt.date, dt.datetime)):
        return cell_text(value)
    return value


def clean_text(text: str) -> str | None:
    """A text cell's content: Excel's _xHHHH_ escapes decoded, control characters dropped."""
    if "_x" in text:
        text = _ESCAPE.sub(lambda match: chr(int(match[1], 16)), text)
        if _SURROGATE.search(text):  # _xD83D__xDE00_: a pair joins, a lone half becomes �
            text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return text.strip() or None


def join_key(value: Any) -> str:
    """A cell as the key joining a second sheet to the main one: what it holds, not its look.

    序号 shown as 001 on one sheet and 1 on the other is the same row.
    """
    return cell_text(value.value if isinstance(value, Shown) else value)


def cell_text(value: Any) -> str:
    """A cell as text for file names and join keys: dates the official way, numbers plain."""
    if value is None:
        return ""
    if isinstance(value, (Shown, CellIssue)):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return format_date(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def column_letter(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Workbook:
    """An open spreadsheet file; `table()` gives the main sheet, `tables()` all of them."""

    def __init__(self, path: str | Path) -> None:
        from .reading import OLE_MAGIC, refuse_lock_file

        self.path = Path(path)
        self.filename = self.path.name
        refuse_lock_file(self.path)
        head = _head(self.path)
        self._book: Any = None
        self._strings: SpilledStrings | None = None
        self._layouts: dict[str, _Layout] = {}
        self._csv_checked = False
        if head.startswith(_ZIP_MAGIC):
            from .reading import check_zip

            check_zip(self.path, "Excel 工作簿(.xlsx)")
            self._book, self._strings = _open_xlsx(self.path)
            self._cells = _XlsxCells(self._book, self.filename)
        elif head.startswith(OLE_MAGIC):
            if _ENCRYPTED_STREAMS & _ole_stream_names(self.path):
                raise InputError(Problem(
                    "这个 Excel 文件设置了打开密码(已加密),无法读取;请在 Excel 或 WPS 中打开它,"
                    "去掉密码(Excel:文件 → 信息 → 保护工作簿 → 用密码进行加密,清空密码;"
                    "WPS:文件 → 文档加密 → 密码加密,清空密码)后保存,再试", str(self.path)))
            raise InputError(Problem("这是旧版 Excel(.xls)或 WPS(.et)格式,请在 Excel 或 WPS 中"
                                     "“另存为”Excel 工作簿(.xlsx)或 CSV 后再试", str(self.path)))
        elif self.path.suffix.lower() in (".xlsx", ".xlsm"):
            raise InputError(Problem("文件是空的(0 字节),不是 Excel 工作簿" if not head else
                                     "文件已损坏或不是 Excel 工作簿(.xlsx)", str(self.path)))
        else:
            self._encoding = _detect_encoding(self.path)

    @property
    def is_csv(self) -> bool:
        """A CSV holds one sheet: a list of groups has to be written as numbered columns."""
        return self._book is None

    @property
    def sheet_names(self) -> list[str]:
        """Worksheets only: a chart sheet has no cells."""
        if self._book is None:
            return [self.path.stem]
        return [worksheet.title for worksheet in self._book.worksheets]

    @property
    def main_sheet(self) -> str:
        """The first sheet a person sees: hidden sheets (lookup lists, old copies) are skipped."""
        if self._book is None:
            return self.path.stem
        visible = [ws.title for ws in self._book.worksheets if ws.sheet_state == "visible"]
        return visible[0] if visible else self.sheet_names[0]

    def table(self, sheet: str | None = None, fill_merged: bool = True) -> Table:
        """The named sheet, or the first visible one: the sheet a colleague fills in.

        With `fill_merged` a value merged down several rows reaches each of them; a second
        sheet of list items reads a merged cell as "same item as above" instead, so it asks
        for the cells as stored.
        """
        names = self.sheet_names
        if not names:
            raise InputError(Problem("工作簿中没有可以填写的工作表(只有图表)", str(self.path)))
        name = self.main_sheet if sheet is None else sheet
        if name not in names:
            raise InputError(Problem(f"没有名为“{sheet}”的工作表,表中的工作表有:{'、'.join(names)}",
                                     str(self.path)))
        if self._book is None:
            return Table(name, self.filename, self._csv_rows(), csv=True)
        worksheet = self._book[name]
        size = worksheet.max_row
        label = self.filename if name == self.main_sheet else f"{self.filename}[{name}]"
        if name not in self._layouts:  # one pass over the sheet, however often it is opened
            self._layouts[name] = _xlsx_layout(worksheet)
        merges, hidden_rows, hidden_columns = self._layouts[name]
        rows = self._cells.rows(worksheet)
        if fill_merged and any(m.last_row > m.first_row for m in merges):
            rows = _fill_merged(rows, merges)
        hidden = tuple(ws.title for ws in self._book.worksheets if ws.sheet_state != "visible")
        return Table(name, label, rows, size, _merged=merges, hidden=hidden,
                     hidden_rows=hidden_rows, hidden_columns=hidden_columns)

    def close(self) -> None:
        if self._book is not None:
            self._book.close()
        if self._strings is not None:
            self._strings.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _csv_rows(self) -> Iterator[Row]:
        try:
            with self.path.open(encoding=self._encoding, newline="") as handle:
                sample = handle.read(64 * 1024)
                delimiter = _sniff_delimiter(sample)
                if not self._csv_checked:  # once, however often the sheet is opened
                    handle.seek(0)
                    _check_csv(handle, delimiter, self.filename)
                    self._csv_checked = True
                handle.seek(0)
                reader = csv.reader(handle, delimiter=delimiter)
                for number, raw in enumerate(reader, 1):
                    cells = tuple(cell_value(value) for value in raw)
                    if any(value is not None for value in cells):
                        yield number, cells
        except UnicodeDecodeError:
            from .reading import odd_line

            raise InputError(Problem(
                "文件中有既不是 UTF-8 也不是 GBK/GB18030 的字节,无法识别编码(从这一行起);"
                "请改正这一行,或在 Excel 或 WPS 中另存为“CSV UTF-8(逗号分隔)”后再试", self.filename,
                odd_line(self.path.read_bytes()))) from None


def _check_csv(handle: Any, delimiter: str, filename: str) -> None:
    """Refuse a CSV whose rows do not line up, before any row is used.

    Two mistakes shift values into the wrong fields without a word: a value with a half-width
    comma that was not put in quotes (the row gets more cells than the header), and a quote
    that is opened and never closed (the rows after it become one cell).  A CSV is read twice
    for this; it costs a few milliseconds a thousand rows.
    """
    reader = csv.reader(handle, delimiter=delimiter, strict=True)
    width: int | None = None
    problems: list[Problem] = []
    start = 1
    try:
        for raw in reader:
            if width is None:
                if sum(1 for value in raw if value.strip()) >= 2:
                    width = len(raw)  # the header: a title line above it has one cell
            elif len(raw) > width and any(value.strip() for value in raw[width:]):
                extra = [value.strip() for value in raw[width:] if value.strip()]
                shown = "、".join(f"“{value[:20]}”" for value in extra[:3])
                problems.append(Problem(
                    f"这一行有 {len(raw)} 个值,比表头的 {width} 列多,多出的是 {shown}"
                    f"{'等' if len(extra) > 3 else ''};多半是某个值里有半角逗号却没加引号,"
                    "后面的值都错了位。请把含逗号的值用英文双引号括起来(如 \"甲,乙\"),"
                    "或改用全角逗号“，”", filename, start))
            elif width and reader.line_num > start and _swallowed(raw, delimiter, width):
                raise csv.Error("swallowed rows")
            start = reader.line_num + 1
    except csv.Error as error:
        if "field limit" in str(error):  # a cell beyond what Excel itself holds (32,767)
            raise InputError(Problem(
                f"从这一行起的一个单元格超过 {csv.field_size_limit():,} 个字,比 Excel 一个单元格"
                "能放的(32,767 个字)还多;若不是有意写这么长,多半是英文双引号(\")没有配对,"
                "把后面的行并进了这个单元格;确要这么长请分成几个单元格", filename, start)) from None
        handle.seek(0)
        line = _quote_opened(handle, delimiter, start)
        raise InputError(Problem(
            "这一行的英文双引号(\")没有配对,它后面的行都被当成了同一个单元格的内容;"
            "请删去这个引号或在值的末尾补上引号(值中本身的引号要写成两个 \"\")", filename,
            line)) from None
    if problems:
        more = len(problems) - _LIST_SHOWN
        if more > 0:
            problems = [*problems[:_LIST_SHOWN], Problem(f"……另有 {more} 行同样多出了值",
                                                         filename)]
        raise InputError(problems)


def _swallowed(raw: list[str], delimiter: str, width: int) -> bool:
    """A quoted cell holding two or more lines that look like whole rows (exactly as many
    separators as the header): a stray quote closed far too late, and cleanly enough that the
    CSV parser did not notice.  Narrow sheets are left alone: a cell of amounts (1,000,000)
    would look like rows there."""
    if width < 3:
        return False
    need = 2 * (width - 1)  # counting first is cheap: most multi-line cells have no separator
    return any(sum(1 for line in value.splitlines()[1:] if line.count(delimiter) == width - 1)
               >= 2 for value in raw if value.count(delimiter) >= need and "\n" in value)


def _quote_opened(handle: Any, delimiter: str, start: int) -> int:
    """The line where the quote left open in the record starting at `start` was opened."""
    inside, opened = False, start
    for number, line in enumerate(handle, 1):
        if number < start:
            continue
        previous = delimiter  # a line starts a field only outside quotes
        index = 0
        while index < len(line):
            char = line[index]
            if inside:
                if char == '"':
                    if line[index + 1:index + 2] == '"':
                        index += 1
                    else:
                        inside = False
            elif char == '"' and previous in (delimiter, "\n", "\r"):
                inside, opened = True, number
            previous = char
            index += 1
        if not inside and number > opened:
            break
    return opened


def _head(path: Path) -> bytes:
    """The first bytes, which tell .xlsx from .xls from CSV; read through the one reader's
    checks (missing, folder, permission) with a spreadsheet's size cap."""
    from .reading import MAX_SHEET, read_head

    return read_head(path, 8, MAX_SHEET)


def _open_xlsx(path: Path) -> tuple[Any, SpilledStrings | None]:
    # Imported here: openpyxl costs ~150 ms and a CSV batch does not need it.
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS

    spilled: list[SpilledStrings] = []

    class Reader(ExcelReader):
        """openpyxl's reader with the shared-string table kept on disk, not in memory."""

        def read_strings(self) -> None:
            part = self.package.find(SHARED_STRINGS)
            if part is not None:
                with self.archive.open(part.PartName[1:]) as source:
                    table = SpilledStrings(source)
                    spilled.append(table)
                    # openpyxl only indexes it: a Sequence[str] on disk stands in for its list
                    self.shared_strings = table  # type: ignore[assignment]

    try:
        reader = Reader(path, read_only=True, data_only=True)
        reader.read()
        return reader.wb, (spilled[0] if spilled else None)
    except Exception:  # a bad zip, a missing part, or openpyxl's own kinds for damaged parts
        for table in spilled:
            table.close()
        raise InputError(Problem(_DAMAGED, str(path))) from None


class SpilledStrings(Sequence[str]):
    """An .xlsx shared-string table in a temporary file, looked up by index.

    Excel and WPS store every distinct text of a workbook once, in one part that cells refer to
    by number; openpyxl keeps that whole table in memory even in read-only mode, so memory grows
    with the text of the sheet (about 10 KB a row for a sheet of full speeches).  Here it is
    written out once and read back by offset, so a long sheet costs 8 bytes a text in memory.
    """

    def __init__(self, source: Any) -> None:
        from openpyxl.cell.text import Text

        # Lives as long as the workbook and is closed with it: no `with` fits.
        self._file = tempfile.TemporaryFile(prefix="speechgen-strings-")  # noqa: SIM115
        self._offsets = array("Q", [0])
        root = None
        for event, element in iterparse(source, events=("start", "end")):
            if root is None:
                root = element
            if event == "end" and element.tag == f"{_MAIN_NS}si":
                # The text of all runs, cleaned once here rather than at every cell using it.
                text = Text.from_tree(element)
                data = (clean_text(text.content if text else "") or "").encode("utf-8")
                self._file.write(data)
                self._offsets.append(self._offsets[-1] + len(data))
                root.clear()  # drops the finished entry: memory stays flat
        self._file.flush()

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        start, end = self._offsets[index], self._offsets[index + 1]
        # seek and read, not mmap: mapped pages would count as this process's memory.
        self._file.seek(start)
        return self._file.read(end - start).decode("utf-8")

    def close(self) -> None:
        self._file.close()


class _XlsxCells:
    """Rows of a workbook's sheets as values a person sees, from openpyxl's streaming parser.

    openpyxl's own read-only rows turn a date-formatted number into a datetime (2025 typed into
    a date cell becomes 1905-07-17), drop a formula's missing result without a word and keep
    every other number bare.  Here each number meets its cell's format code (openpyxl's
    number_format, looked up once per style), and a formula cell without a saved result is
    told apart from an empty one.
    """

    def __init__(self, book: Any, filename: str) -> None:
        from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE

        self._filename = filename
        custom = {index: code for index, code in enumerate(book._number_formats,
                                                            BUILTIN_FORMATS_MAX_SIZE)}
        self._epoch = book.epoch
        self._formats: list[cell_format.Format | None] = []
        for style in book._cell_styles:
            fmt = cell_format.parse(cell_format.format_code(style.numFmtId, custom))
            self._formats.append(None if fmt.is_general else fmt)

    def rows(self, worksheet: Any) -> Iterator[Row]:
        from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

        class Parser(WorkSheetParser):
            """openpyxl's parser, numbers left bare and a formula without a result marked."""

            col_counter: int  # openpyxl's own: the column of a cell written without r="A1"

            def parse_cell(self, element: Any) -> dict[str, Any]:
                counter = self.col_counter
                try:
                    cell: dict[str, Any] = super().parse_cell(element)
                except (ValueError, IndexError, OverflowError):  # <v>nan</v>, a bad string index
                    self.col_counter = counter
                    for child in list(element):
                        element.remove(child)
                    element.set("t", "n")
                    cell = super().parse_cell(element)
                    cell["data_type"] = "invalid"
                    cell["value"] = ""
                    return cell
                # No result: no <v>, or an empty one where only a text result may be empty
                # (openpyxl writes <v></v>; Excel writes t="str" for a formula giving "").
                if cell["value"] is None and (formula := element.find(FORMULA_TAG)) is not None \
                        and (element.get("t") != "str" or element.find(VALUE_TAG) is None):
                    cell["data_type"] = "formula"
                    cell["value"] = formula.text or ""
                elif cell["data_type"] == "s" and element.get("t") in ("inlineStr", "str"):
                    cell["data_type"] = "inline"  # not yet cleaned, unlike a shared string
                return cell

        convert = self.convert
        number = 0
        with worksheet._get_source() as source:
            parser = Parser(source, worksheet._shared_strings, data_only=True,
                            epoch=self._epoch)
            try:
                for number, raw in parser.parse():
                    if not raw:
                        continue
                    values: list[Any] = [None] * max(cell["column"] for cell in raw)
                    for cell in raw:
                        values[cell["column"] - 1] = convert(cell)
                    if any(value is not None for value in values):
                        yield number, tuple(values)
            except (ValueError, IndexError, KeyError, TypeError, SyntaxError) as error:
                # openpyxl's parser on a part no spreadsheet program would write
                raise InputError(Problem(
                    f"工作表“{worksheet.title}”第 {number + 1} 行附近的内容已损坏,无法读取"
                    f"({type(error).__name__});请在 Excel 或 WPS 中打开并另存后再试",
                    self._filename)) from None

    def convert(self, cell: dict[str, Any]) -> Any:
        value, kind = cell["value"], cell["data_type"]
        if value is None:
            return None
        if kind == "s":  # from the shared-string table, cleaned when it was spilled
            return value or None
        if kind == "inline":
            return clean_text(value)
        if kind == "n":
            return self._number(value, cell["style_id"])
        if kind == "b":
            return value
        if kind == "e":
            return CellIssue(f"单元格的公式结果是错误值 {value},在 Excel 中也显示为 {value};"
                             "请改正公式,或直接填写内容")
        if kind == "invalid":
            return CellIssue("单元格的内容无法识别(文件中的值已损坏),请重新填写这个单元格")
        if kind == "formula":
            return CellIssue(f"单元格是公式(={value[:40]}),但文件里没有保存它的计算结果"
                             "(程序生成的表格常见);请用 Excel 或 WPS 打开这个文件并保存一次,"
                             "再重新运行")
        if kind == "d" and isinstance(value, dt.datetime):  # an ISO date cell (t="d")
            fmt = self._format(cell["style_id"])
            text = cell_format.show_moment(value, fmt) if fmt and fmt.is_date else None
            day = value.date() if value.time() == dt.time() else value
            return Shown(day, text or format_date(value))
        return cell_value(value)

    def _format(self, style_id: int) -> cell_format.Format | None:
        return self._formats[style_id] if 0 <= style_id < len(self._formats) else None

    def _number(self, value: int | float, style_id: int) -> Any:
        fmt = self._format(style_id)
        if (isinstance(value, float) and not math.isfinite(value)) or (
                isinstance(value, int) and abs(value) >= 10 ** 308):  # beyond a double: 1e309
            return CellIssue("单元格中的数字超出了 Excel 能表示的范围,请重新填写")
        if fmt is None:  # General
            if isinstance(value, int) and abs(value) < 10 ** 11:
                return value
            if isinstance(value, float) and value.is_integer() and abs(value) < 1e11:
                return int(value)
            return Shown(_plain(value), cell_format.general(value))
        if fmt.is_date or fmt.is_time:
            return self._moment(value, fmt)
        text = cell_format.show_number(value, fmt)
        plain = _plain(value)
        return plain if text == str(plain) else Shown(plain, text)

    def _moment(self, serial: int | float, fmt: cell_format.Format) -> Any:
        shown = int(serial) if float(serial).is_integer() else serial
        if fmt.is_date and (day := compact_date(serial)) is not None:
            moment = dt.datetime.combine(day, dt.time())
            return Shown(day, cell_format.show_moment(moment, fmt))
        try:
            moment = cell_format.serial_to_datetime(serial, self._epoch)
        except (OverflowError, ValueError):
            return CellIssue(f"单元格设成了日期格式,填的却是数字 {shown},已超出日期的范围"
                             "(Excel 中显示为 ####);请直接填写日期,如 2025年1月5日")
        if fmt.is_time:
            return cell_format.show_moment(moment, fmt)
        if moment.date() < _FIRST_REAL_DATE:
            seen = f"{moment.year}年{moment.month}月{moment.day}日"
            return CellIssue(
                f"单元格设成了日期格式,填的却是数字 {shown}(Excel 把它显示为 {seen});"
                "请直接填写日期,如 2025年1月5日;如果要的是数字或文字,请把单元格格式改为"
                "“常规”或“文本”后重新填写")
        day = moment.date() if moment.time() == dt.time() else moment
        return Shown(day, cell_format.show_moment(moment, fmt))


def _plain(value: int | float) -> int | float:
    """A number with Excel's 15 significant digits, whole numbers as int."""
    if isinstance(value, int) and abs(value) < 10 ** 15:
        return value
    number = float(f"{value:.15g}")
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


def _fill_merged(rows: Iterator[Row], merges: list[Merge]) -> Iterator[Row]:
    """Each row covered by a vertically merged cell gets that cell's value, as it looks."""
    starting: dict[int, list[Merge]] = {}
    for merge in merges:
        if merge.last_row > merge.first_row:
            starting.setdefault(merge.first_row, []).append(merge)
    active: list[tuple[Merge, Any]] = []
    for number, cells in rows:
        active = [(m, v) for m, v in active if m.last_row >= number]
        if active:
            filled = list(cells)
            for merge, value in active:
                column = merge.first_column - 1
                filled += [None] * (column + 1 - len(filled))
                if filled[column] is None:
                    filled[column] = value
            cells = tuple(filled)
        for merge in starting.get(number, ()):
            column = merge.first_column - 1
            value = cells[column] if column < len(cells) else None
            if value is not None:
                active.append((merge, value))
        yield number, cells


class _Layout(NamedTuple):
    merges: list[Merge]
    hidden_rows: frozenset[int]
    hidden_columns: frozenset[int]


def _xlsx_layout(worksheet: Any) -> _Layout:
    """Merged ranges and hidden rows and columns, which read-only openpyxl skips.

    Merges stand after the rows in the sheet's XML, and the rows need them first, so the part
    is scanned once as bytes (about ten times faster than parsing it) before the rows are read.
    A hidden row or column carries hidden="1" on its <row> or <col> (ECMA-376 Part 1,
    §18.3.1.73 and §18.3.1.13).
    """
    out = []
    rows: set[int] = set()
    columns: set[int] = set()
    tail = b""
    with worksheet._get_source() as source:
        while chunk := source.read(_CHUNK):
            data = tail + chunk
            if b"hidden=" in data:
                for match in _HIDDEN_ROW.finditer(data):
                    rows.add(int(match[1]))
                for match in _HIDDEN_COLUMNS.finditer(data):
                    columns.update(range(int(match[1]), int(match[2]) + 1))
            if b"mergeCell" in data or b"hidden=" in data:
                for match in _MERGE_REF.finditer(data):
                    first, last = match[1].decode(), (match[2] or match[1]).decode()
                    start, end = _CELL_REF.match(first), _CELL_REF.match(last)
                    if start and end:
                        out.append(Merge(int(start[2]), _column_number(start[1]),
                                         int(end[2]), _column_number(end[1])))
                cut = data.rfind(b"<")
                tail = data[cut:] if cut >= 0 and b">" not in data[cut:] else b""
            else:
                tail = data[-64:]
    return _Layout(sorted(set(out), key=lambda m: (m.first_row, m.first_column)),
                   frozenset(rows), frozenset(columns))


def _ole_stream_names(path: Path) -> set[str]:
    """Names in an OLE compound file's directory (MS-CFB); empty if it cannot be read.

    An .xlsx with an opening password is such a file holding EncryptedPackage and
    EncryptionInfo; an old .xls holds Workbook.  Only the directory is read: the header, the
    sectors of the allocation table and the directory's own chain, each bounded by the size.
    """
    import struct

    try:
        with path.open("rb") as handle:
            header = handle.read(512)
            shift = struct.unpack_from("<H", header, 30)[0]
            if shift not in (9, 12):
                return set()
            size = 1 << shift
            count = handle.seek(0, 2) // size  # sectors in the file, an upper bound on chains

            def sector(number: int) -> bytes:
                handle.seek((number + 1) * size)
                return handle.read(size)

            fat_sectors = [n for n in struct.unpack_from("<109I", header, 76) if n < count]
            difat = struct.unpack_from("<I", header, 68)[0]
            for _ in range(count):
                if difat >= count:
                    break
                entries = struct.unpack(f"<{size // 4}I", sector(difat))
                fat_sectors += [n for n in entries[:-1] if n < count]
                difat = entries[-1]
            fat: list[int] = []
            for number in fat_sectors[:count]:
                fat += struct.unpack(f"<{size // 4}I", sector(number))
            names: set[str] = set()
            current = struct.unpack_from("<I", header, 48)[0]
            for _ in range(count):
                if current >= min(count, len(fat)):
                    break
                data = sector(current)
                for offset in range(0, len(data) - 127, 128):
                    length = struct.unpack_from("<H", data, offset + 64)[0]
                    if 2 <= length <= 64:
                        names.add(data[offset:offset + length - 2].decode("utf-16-le", "replace"))
                current = fat[current]
            return names
    except (OSError, struct.error):
        return set()


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


#: openpyxl's own words ("There is no item named '[Content_Types].xml' in the archive") told a
#: user nothing (a tester who never saw the code).
_DAMAGED = ("无法读取这个 Excel 文件:文件已损坏,或不是 Excel 工作簿(.xlsx);请在 Excel 或 WPS 中"
            "打开它,另存为“Excel 工作簿(*.xlsx)”后再试")


def _detect_encoding(path: Path) -> str:
    """The CSV's codec by the one rule for a user's text (`reading.encoding_of`), read in
    chunks so a large sheet is never held whole."""
    from .reading import encoding_of

    with path.open("rb") as handle:
        return encoding_of(iter(lambda: handle.read(_CHUNK), b""), str(path),
                           "表格(.xlsx 或 .csv)")


def _sniff_delimiter(sample: str) -> str:
    """The separator that splits the header line most often; Chinese headers have no commas."""
    first = next((line for line in sample.splitlines() if line.strip()), "")
    counts = {delimiter: first.count(delimiter) for delimiter in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
