"""Spreadsheet columns → a template's declared fields, and each row → facts with cell positions.

The sheet a colleague sends is laid out for people, not programs: a title line above the header,
a header merged over two rows, 要求1 要求2 in separate columns, a 备注 column nobody asked for.
The mapping reads it the way a person would, from the template's declarations alone, so every
template (built-in or user-made) works without configuration:

- a header names a field by its Chinese label, key or alias (会议名称, meeting); `--map` renames;
- `工作回顾.总体评价` (or a header merged over 总体评价 and 成绩原因) reaches into a group;
- `要求1`, `要求2` are items of a list; one cell may also hold one item per line; a header merged
  over several columns makes them all items of one list;
- a list of groups (工作任务) is another sheet named after the field, one row per item, joined
  to the main sheet by a column both sheets share (序号, 乡镇 …) or by 行号; inside that sheet a
  nested list (小项.小标题) takes one row per element: a row whose key cell and item cells are
  blank (or merged from above) continues the item above, any other row starts a new item.
  In the main sheet the same list can be written as numbered columns: 工作任务1.小标题,
  工作任务1.小项2.小标题 …

Every value keeps the cell it came from, so a problem names sheet, Excel row, column and header.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import InputError, Problem
from .fields import Field, Validator
from .sheet_header import Column, Renames, find_header
from .sheet_paths import (
    Path,
    assign,
    csv_list_hint,
    expected_columns,
    group_forms,
    group_kind,
    is_group_list,
    key_path_text,
    label_path,
    normalise,
    resolve,
    typed,
)
from .sheets import CellIssue, Cells, Row, Table, Workbook, column_letter, join_key
from .templating import Template

ROW_NUMBER_NAMES = ("行号", "主表行号", "row")
#: What a column map is called when it cannot be read (the CLI and the page alike).
MAP_FILE = "列名映射文件(.yaml)"


@dataclass(frozen=True)
class Place:
    """Where a value came from, as the user sees it."""

    label: str  # file name, with [sheet] for a second sheet
    row: int
    column: int | None = None
    header: str | None = None

    def cell(self) -> str:
        return f"{column_letter(self.column)}{self.row}" if self.column else f"第{self.row}行"


@dataclass
class RowFacts:
    """One main-sheet row as facts for a template, with the place of every value."""

    row: int
    data: dict[str, Any]
    places: dict[Path, Place]
    cells: Cells


@dataclass
class _SubSheet:
    """A second sheet holding a list of groups, loaded whole and joined by key."""

    name: str
    list_path: Path
    join_column: int | None  # main-sheet column holding the key; None = Excel row number
    join_header: str
    items: dict[str, list[tuple[dict, dict[Path, Place]]]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)


class SheetMapping:
    """The main sheet's columns and the second sheets, ready to turn rows into facts."""

    def __init__(self, book: Workbook, template: Template, sheet: str | None = None,
                 renames: Mapping[str, str | None] | None = None) -> None:
        self.template = template
        self.csv = book.is_csv
        given = renames if isinstance(renames, Renames) else Renames(renames or {})
        self.renames = Renames({normalise(k): v for k, v in given.items()},
                               {normalise(k): at for k, at in given.places.items()})
        self.table = book.table(sheet)
        header, self._ahead = find_header(self.table, template.fields, self.renames)
        self.header_rows = header.rows
        self.columns = header.columns
        self.subs: list[_SubSheet] = []
        self.ignored_sheets: list[str] = []
        self.stray: list[str] = []  # the first main-sheet cells with content under no header
        self.stray_count = 0
        self.merged_across: list[str] = []  # data cells merged over two fields' columns
        for name in book.sheet_names:
            if name != self.table.name:
                self._load_sub(book.table(name, fill_merged=False))
        self._check_required()

    @property
    def unused(self) -> list[str]:
        """Headers that reach no field: shown once, so a misspelt column does not go unseen."""
        joins = {sub.join_column for sub in self.subs}
        return [c.header for c in self.columns
                if c.target is None and not c.ignored and c.index not in joins]

    def _check_required(self) -> None:
        provided = {c.target.path[0] for c in self.columns if c.target}
        provided |= {sub.list_path[0] for sub in self.subs}
        missing = [spec for spec in self.template.fields
                   if spec.required and spec.key not in provided]
        # a misspelt column is named beside what is missing ("工作任务1.小标题" for 整治任务:
        # only the missing list was told, a tester)
        unused = self.unused
        stray = (f"。表中这些列对不上任何字段(是否写错了名称?):{'、'.join(unused[:6])}"
                 + ("……" if len(unused) > 6 else "")) if missing and unused else ""
        if self.csv and any(is_group_list(spec) for spec in missing):
            raise InputError(Problem(csv_list_hint(missing) + stray, self.table.label,
                                     self.header_rows[0]))
        if missing:
            names = "、".join(spec.label for spec in missing)
            # A list of groups gets its forms; the full list of columns only helps a plain field.
            hints = [f"{group_kind(spec, spec.label)};"
                     + group_forms(spec, spec.label, csv=False, own_sheet=True,
                                   rows_are_items=False)
                     for spec in missing if is_group_list(spec)]
            if len(hints) < len(missing):
                hints.append(f"表头可用的列名:{'、'.join(expected_columns(self.template.fields))}")
            raise InputError(Problem(f"表头缺少必填的列:{names}。" + "。".join(hints) + stray,
                                     self.table.label, self.header_rows[0]))

    def _load_sub(self, table: Table) -> None:
        renamed = self.renames.get(normalise(table.name), table.name)
        target = resolve(renamed, self.template.fields, whole_list=True) if renamed else None
        if target is None:
            self.ignored_sheets.append(table.name)
            return
        header, ahead = find_header(table, target.field.fields, self.renames, True)
        join_index, join_column = self._join(header.columns, table)
        sub = _SubSheet(table.name, target.path, join_column,
                        header.columns_by_index[join_index].header)
        current: dict[str, tuple[dict, dict[Path, Place]]] = {}
        key = ""
        for number, cells in _chain(ahead, table.rows):
            value = cells[join_index] if join_index < len(cells) else None
            keyed = value is not None  # a blank (or merged) key continues the item above
            key = join_key(value) if keyed else key
            own: list[tuple[Column, Any]] = []
            stacked: list[tuple[Column, Any]] = []
            for column in header.columns:
                value = cells[column.index] if column.index < len(cells) else None
                if column.target is None or value is None:
                    continue
                (stacked if column.target.stacked is not None else own).append((column, value))
            if not own and not stacked:
                continue
            if own or keyed or key not in current:
                item: tuple[dict, dict[Path, Place]] = ({}, {(): Place(table.label, number)})
                for column in header.columns:  # so a blank required cell is named exactly
                    if column.target is not None and column.target.stacked is None:
                        item[1][column.target.path] = Place(table.label, number,
                                                            column.index + 1, column.header)
                current[key] = item
                sub.items.setdefault(key, []).append(item)
            data, places = current[key]
            fresh: dict[Path, int] = {}  # each row adds one element to each nested list
            for column, value in own + stacked:
                target = column.target
                assert target is not None  # own and stacked hold mapped columns only
                path = target.path
                if target.stacked is not None:
                    prefix = path[: target.stacked]
                    index = fresh.setdefault(prefix, _length(data, prefix))
                    path = (*prefix, index, *path[target.stacked + 1:])
                assign(data, path, typed(value, target.field))
                places.setdefault(path, Place(table.label, number, column.index + 1,
                                              column.header))
        self.subs.append(sub)

    def _join(self, columns: list[Column], table: Table) -> tuple[int, int | None]:
        """The sub-sheet column naming the main row: one both sheets have, or 行号."""
        main = {normalise(c.header): c.index for c in self.columns}
        for column in columns:
            if column.target is None and normalise(column.header) in main:
                return column.index, main[normalise(column.header)]
        for column in columns:
            if column.target is None and normalise(column.header) in ROW_NUMBER_NAMES:
                return column.index, None
        shared = "、".join(c.header for c in self.columns if c.target is None) or "序号"
        raise InputError(Problem(
            f"工作表“{table.name}”需要一列指明每行属于主表的哪一行:加一列“行号”(填主表中的"
            f"行号),或加一列与主表同名的列(如 {shared})", table.label))

    @property
    def cell_columns(self) -> dict[Path, tuple[int, str]]:
        """Main-sheet cells by path, (column, header): the same for every row, sent once."""
        out: dict[Path, tuple[int, str]] = {}
        for column in self.columns:
            if column.target is not None:
                out.setdefault(column.target.path, (column.index + 1, column.header))
        return out

    def rows(self) -> Iterator[RowFacts]:
        """Each data row of the main sheet as facts; blank rows were already skipped."""
        mapped = [(c.index, c.target.path, c.target.field) for c in self.columns if c.target]
        labelled = {c.index for c in self.columns}
        limit = max(labelled, default=-1) + 1  # cells from here on have no header
        gaps = [i for i in range(limit) if i not in labelled]  # unlabelled columns between
        self._note_merged_across({c.index: c.header for c in self.columns if c.target})
        for number, cells in _chain(self._ahead, self.table.rows):
            data: dict[str, Any] = {}
            places: dict[Path, Place] = {(): Place(self.table.label, number)}
            width = len(cells)
            if gaps or width > limit:
                self._note_stray(number, cells, gaps, limit)
            for index, path, spec in mapped:
                value = cells[index] if index < width else None
                if value is not None:
                    assign(data, path, typed(value, spec))
            for sub in self.subs:
                key_value = number if sub.join_column is None else (
                    cells[sub.join_column] if sub.join_column < width else None)
                key = join_key(key_value)
                sub.used.add(key)
                for item, item_places in sub.items.get(key, ()):
                    self._attach(data, places, sub.list_path, item, item_places)
            yield RowFacts(number, data, places, cells)

    def _note_merged_across(self, headers: dict[int, str]) -> None:
        """Data cells merged across the columns of two fields: only the first keeps its value,
        so the others go empty without a word (D4:E4 over 讲话人 and 日期 lost the date, a
        tester).  Header merges are refused in `check_columns`; these are said as notes."""
        last_header = self.header_rows[-1]
        for merge in self.table.merges():
            if merge.first_row <= last_header or merge.last_column == merge.first_column:
                continue
            names = list(dict.fromkeys(headers[i] for i in range(merge.first_column - 1,
                                                                  merge.last_column)
                                       if i in headers))
            if len(names) > 1:
                self.merged_across.append(
                    f"{column_letter(merge.first_column)}{merge.first_row}:"
                    f"{column_letter(merge.last_column)}{merge.last_row}"
                    f"(合并了“{'”“'.join(names)}”,只有“{names[0]}”有值)")

    def _note_stray(self, number: int, cells: Cells, gaps: list[int], limit: int) -> None:
        """Cells with content under no header: counted, the first ten named (H5)."""
        for index in [*gaps, *range(limit, len(cells))]:
            if index < len(cells) and cells[index] is not None:
                self.stray_count += 1
                if len(self.stray) < 10:
                    self.stray.append(f"{column_letter(index + 1)}{number}")

    def unmatched(self) -> list[str]:
        """Second-sheet rows no main row claimed, after `rows()`: said, never silently lost."""
        out = []
        for sub in self.subs:
            for key, items in sub.items.items():
                if key not in sub.used:
                    first = items[0][1][()]
                    out.append(f"工作表“{sub.name}”第 {first.row} 行起{sub.join_header}为"
                               f"“{key}”的 {len(items)} 项在主表中没有对应的行,未使用")
        if self.merged_across:
            out.append("这些单元格跨两个字段的列合并了,其余字段当作没填:"
                       + "、".join(self.merged_across) + ";请取消合并,把值分别填进各列")
        if self.stray:
            shown = "、".join(self.stray) + ("……" if self.stray_count > len(self.stray) else "")
            out.append(f"这些单元格有内容,但所在的列没有表头,未使用:{shown}"
                       f"(共 {self.stray_count} 个);要用到它们,请在表头写上列名")
        return out

    @staticmethod
    def _attach(data: dict, places: dict[Path, Place], list_path: Path, item: dict,
                item_places: dict[Path, Place]) -> None:
        node: Any = data
        for step in list_path[:-1]:
            node = node.setdefault(step, {})
        items = node.setdefault(list_path[-1], [])
        if not isinstance(items, list):  # the main sheet filled it as text: report, not crash
            return
        base = (*list_path, len(items))
        items.append(item)
        for path, place in item_places.items():
            places[base + path] = place


def _length(data: dict, path: Path) -> int:
    node: Any = data
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return 0
    return len(node) if isinstance(node, list) else 0


@dataclass
class SheetValidator(Validator):
    """Problems placed at the cell a value came from, named by that cell's header.

    `places` holds the row itself and any second-sheet cells; `columns` the main-sheet cells,
    which are the same for every row.
    """

    places: dict[Path, Place] = field(default_factory=dict)
    columns: Mapping[Path, tuple[int, str]] = field(default_factory=dict)
    fields: Sequence[Field] = ()
    notes: list[str] = field(default_factory=list)  # what was taken, but not as written

    def problem(self, path: Path, shown: str, message: str, keys: Path | None = None) -> None:
        place = self._exact(path)
        if place is not None and place.header:
            name = place.header
        else:
            spelled = key_path_text(path)
            suffix = shown[len(spelled):] if shown.startswith(spelled) else ""
            name = (label_path(path, self.fields) + suffix).lstrip(".")
            # A required field left blank: point at its (empty) cell when it has a column.
            child = self._child(path, suffix.lstrip("."))
            place = self._exact(child) if child else None
            if place is not None:
                name = place.header or name
            else:
                place = self.place(path)
        self.problems.append(Problem(message, place.label, place.row, place.column,
                                     name or None, path if keys is None else keys))

    def value(self, data: Any, spec: Field, path: Path, shown: str) -> Any:
        """A cell the reader could not use (a formula without a result …) is named at its cell."""
        if isinstance(data, CellIssue):
            self.problem(path, shown, data.message)
            return data.message  # never rendered (the row failed), and not "missing" again
        if spec.type == "text" and isinstance(data, str) and len(data.strip().splitlines()) > 1:
            # Alt+Enter in a one-line field: joined, as a wrapped title should be, but a second
            # paragraph typed there would vanish into the first unseen (a tester)
            place = self.place(path)
            self.notes.append(f"{place.cell()}({place.header or shown})单元格里有换行,"
                              "这一项只写一行,已把各行接成一行")
        return super().value(data, spec, path, shown)

    def _exact(self, path: Path) -> Place | None:
        if path in self.places:
            return self.places[path]
        if path in self.columns:
            row = self.places[()]
            column, header = self.columns[path]
            return Place(row.label, row.row, column, header)
        return None

    def _child(self, path: Path, label: str) -> Path | None:
        current: Sequence[Field] = self.fields
        for step in path:
            if isinstance(step, str):
                spec = next((f for f in current if f.key == step), None)
                current = spec.fields if spec else ()
        spec = next((f for f in current if f.label == label), None)
        return (*path, spec.key) if spec else None

    def place(self, path: Path) -> Place:
        while (place := self._exact(path)) is None:
            path = path[:-1]
        return place


def _chain(first: list[Row], rest: Iterator[Row]) -> Iterator[Row]:
    yield from first
    yield from rest


def read_mapping(path: str | os.PathLike[str]) -> Renames:
    """--map: `表头: 字段` lines; an empty value ignores that column or sheet."""
    from . import reading, yaml_reader

    text = reading.read_text(path, reading.MAX_OUTLINE, MAP_FILE)
    data, locate = yaml_reader.parse(text, str(path))
    if not isinstance(data, dict):
        raise InputError(Problem("映射文件应为“表头: 字段”的形式,每行一项,例如  会议: 会议名称",
                                 str(path), 1, 1))
    problems = [Problem("这一项应为“表头: 字段”,字段写一个名称(留空表示忽略该列)",
                        str(path), *locate((key,)), str(key))
                for key, value in data.items() if not isinstance(value, (str, type(None)))]
    if problems:
        raise InputError(problems)
    return Renames({str(k): (str(v).strip() or None) if v is not None else None
                    for k, v in data.items()},
                   {str(k): (str(path), locate((k,))[0]) for k in data})
