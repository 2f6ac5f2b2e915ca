"""Spreadsheets as rows of plain values: .xlsx streamed, .csv in whatever encoding it came in.

Colleagues hand over sheets saved by Excel or WPS on Windows: .xlsx with real dates and numbers,
or .csv in GBK, GB18030, UTF-8 with or without a BOM, separated by commas, tabs or semicolons.
Both are read one row at a time so a sheet of any length costs the same memory, and every row
keeps the number Excel shows next to it, because that is the number a user looks for when a
message names a row.  Merged cells are reported as ranges (xlsx only) so that a header merged
across columns or rows can be read the way it looks.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
import tempfile
import zipfile
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

from .dates import format_date
from .errors import InputError, Problem

Cells = tuple[Any, ...]
Row = tuple[int, Cells]  # (row number as Excel shows it, cell values)

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # .xls / .et / .doc: the pre-2007 binary formats
_DELIMITERS = ",\t;|"
_CHUNK = 1 << 20
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")


@dataclass(frozen=True)
class Merge:
    """A merged range, 1-based and inclusive; only its top-left cell holds the value."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int


@dataclass
class Table:
    """One sheet: its name as messages show it, and a one-pass iterator over its rows."""

    name: str
    label: str  # 各乡镇会议.xlsx, or 各乡镇会议.xlsx[工作任务] for a second sheet
    rows: Iterator[Row]
    size_hint: int | None = None  # the last row number the file declares, if it declares one
    _merges: Any = field(default=None, repr=False)  # called lazily: a second pass over the file
    _merged: list[Merge] | None = field(default=None, repr=False)

    def merges(self) -> list[Merge]:
        """Merged ranges, read once and only if a header has gaps: it costs a pass over the file."""
        if self._merged is None:
            self._merged = self._merges() if self._merges else []
        return self._merged


def cell_value(value: Any) -> Any:
    """A cell as the value a user meant: 12 not 12.0, a date not midnight, blank as None."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        return text or None
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return value


def cell_text(value: Any) -> str:
    """A cell as text for file names and join keys: dates the official way, numbers plain."""
    if value is None:
        return ""
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
        self.path = Path(path)
        self.filename = self.path.name
        head = _head(self.path)
        self._book: Any = None
        self._strings: SpilledStrings | None = None
        if head.startswith(_ZIP_MAGIC):
            from .reading import check_zip

            check_zip(self.path, "Excel 工作簿(.xlsx)")
            self._book, self._strings = _open_xlsx(self.path)
        elif head.startswith(_OLE_MAGIC):
            raise InputError(Problem("这是旧版 Excel(.xls)或 WPS(.et)格式,请在 Excel 或 WPS 中"
                                     "“另存为”Excel 工作簿(.xlsx)或 CSV 后再试", str(self.path)))
        elif self.path.suffix.lower() in (".xlsx", ".xlsm"):
            raise InputError(Problem("文件已损坏或不是 Excel 工作簿(.xlsx)", str(self.path)))
        else:
            self._encoding = _detect_encoding(self.path)

    @property
    def sheet_names(self) -> list[str]:
        return list(self._book.sheetnames) if self._book else [self.path.stem]

    def table(self, sheet: str | None = None) -> Table:
        """The named sheet, or the first one: the sheet a colleague fills in comes first."""
        names = self.sheet_names
        name = names[0] if sheet is None else sheet
        if name not in names:
            raise InputError(Problem(f"没有名为“{sheet}”的工作表,表中的工作表有:{'、'.join(names)}",
                                     str(self.path)))
        if self._book is None:
            return Table(name, self.filename, self._csv_rows())
        worksheet = self._book[name]
        size = worksheet.max_row
        # The declared dimension is sometimes wrong (some tools write A1); read every row.
        worksheet.reset_dimensions()
        label = self.filename if name == names[0] else f"{self.filename}[{name}]"
        return Table(name, label, _xlsx_rows(worksheet), size,
                     lambda: _xlsx_merges(worksheet))

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
        with self.path.open(encoding=self._encoding, newline="") as handle:
            sample = handle.read(64 * 1024)
            handle.seek(0)
            reader = csv.reader(handle, delimiter=_sniff_delimiter(sample))
            try:
                for number, raw in enumerate(reader, 1):
                    cells = tuple(cell_value(value) for value in raw)
                    if any(value is not None for value in cells):
                        yield number, cells
            except csv.Error as error:
                raise InputError(Problem(f"CSV 格式有误({error}),请检查引号是否配对",
                                         self.filename, reader.line_num)) from None


def _head(path: Path) -> bytes:
    """The first bytes, which tell .xlsx from .xls from CSV; read through the one reader's
    checks (missing, folder, permission) with a spreadsheet's size cap."""
    from .reading import MAX_SHEET, read_head

    return read_head(path, 8, MAX_SHEET)


def _open_xlsx(path: Path) -> tuple[Any, SpilledStrings | None]:
    # Imported here: openpyxl costs ~150 ms and a CSV batch does not need it.
    from openpyxl.reader.excel import SHARED_STRINGS, ExcelReader

    spilled: list[SpilledStrings] = []

    class Reader(ExcelReader):
        """openpyxl's reader with the shared-string table kept on disk, not in memory."""

        def read_strings(self) -> None:
            part = self.package.find(SHARED_STRINGS)
            if part is not None:
                with self.archive.open(part.PartName[1:]) as source:
                    self.shared_strings = SpilledStrings(source)
                    spilled.append(self.shared_strings)

    try:
        reader = Reader(path, read_only=True, data_only=True)
        reader.read()
        return reader.wb, (spilled[0] if spilled else None)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        for table in spilled:
            table.close()
        raise InputError(Problem(f"无法读取这个 Excel 文件,文件可能已损坏或不是 .xlsx({error})",
                                 str(path))) from None
    except Exception as error:  # openpyxl raises its own kinds for damaged parts
        for table in spilled:
            table.close()
        raise InputError(Problem(f"无法读取这个 Excel 文件({type(error).__name__}: {error})",
                                 str(path))) from None


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
                # As openpyxl's own reader does: text of all runs, Excel's _x005F_ escape undone.
                data = Text.from_tree(element).content.replace("x005F_", "").encode("utf-8")
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


def _xlsx_rows(worksheet: Any) -> Iterator[Row]:
    for number, raw in enumerate(worksheet.iter_rows(values_only=True), 1):
        cells = tuple(cell_value(value) for value in raw)
        if any(value is not None for value in cells):
            yield number, cells


def _xlsx_merges(worksheet: Any) -> list[Merge]:
    """Merged ranges, which read-only openpyxl skips: one streaming pass over the sheet XML."""
    out = []
    with worksheet._get_source() as source:
        for _event, element in iterparse(source):
            if element.tag == f"{_MAIN_NS}mergeCell":
                first, _, last = element.get("ref", "").partition(":")
                start, end = _CELL_REF.match(first), _CELL_REF.match(last or first)
                if start and end:
                    out.append(Merge(int(start[2]), _column_number(start[1]),
                                     int(end[2]), _column_number(end[1])))
            elif element.tag == f"{_MAIN_NS}row":
                element.clear()  # keeps memory flat on long sheets
    return out


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _detect_encoding(path: Path) -> str:
    from .reading import binary_file, text_encoding

    """UTF-8 (BOM or not) if the whole file decodes as UTF-8, otherwise GB18030 (⊃ GBK)."""
    with path.open("rb") as handle:
        first = handle.read(_CHUNK)
        announced = text_encoding(first[:4])
        if announced is not None:
            return announced  # Excel's "Unicode 文本" is UTF-16 with a BOM
        if b"\x00" in first:
            raise binary_file(str(path), "表格(.xlsx 或 .csv)")
        decoder = codecs.getincrementaldecoder("utf-8")()
        chunk = first
        try:
            while chunk:
                decoder.decode(chunk)
                chunk = handle.read(_CHUNK)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "gb18030"
    return "utf-8-sig" if first.startswith(codecs.BOM_UTF8) else "utf-8"


def _sniff_delimiter(sample: str) -> str:
    """The separator that splits the header line most often; Chinese headers have no commas."""
    first = next((line for line in sample.splitlines() if line.strip()), "")
    counts = {delimiter: first.count(delimiter) for delimiter in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
