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

import itertools
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import InputError, Problem
from .fields import Field, Validator
from .sheets import (
    CellIssue,
    Cells,
    Row,
    Table,
    Workbook,
    cell_text,
    column_letter,
    join_key,
    typed_value,
)
from .templating import Template

Path = tuple[str | int, ...]
HEADER_SEARCH_ROWS = 10  # title lines above a header are common; a header is never lower down
ROW_NUMBER_NAMES = ("行号", "主表行号", "row")
_INDEXED = re.compile(r"^(.*?)[\s_\-]*[(\[]?(\d{1,3})[)\]]?$")
_REQUIRED_MARK = re.compile(r"(\*|\(必填\))$")
_NOTE = re.compile(r"\(.*\)$")


@dataclass(frozen=True)
class Place:
    """Where a value came from, as the user sees it."""

    label: str  # file name, with [sheet] for a second sheet
    row: int
    column: int | None = None
    header: str | None = None

    def cell(self) -> str:
        return f"{column_letter(self.column)}{self.row}" if self.column else f"第{self.row}行"


@dataclass(frozen=True)
class Target:
    """A column's destination: a path into the facts and the field that receives the value."""

    path: Path
    field: Field
    stacked: int | None = None  # position in path of a list index that each row advances


@dataclass(frozen=True)
class Column:
    index: int  # 0-based position in the row
    header: str
    target: Target | None
    ignored: bool = False  # mapped to nothing on purpose (--map 备注: )


@dataclass
class RowFacts:
    """One main-sheet row as facts for a template, with the place of every value."""

    row: int
    data: dict[str, Any]
    places: dict[Path, Place]
    cells: Cells


def normalise(name: str) -> str:
    """How a header is compared: full-width folded, spaces and required marks (*, 必填) ignored."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(name))).casefold()
    return _REQUIRED_MARK.sub("", text)


def _names(fields: Sequence[Field]) -> dict[str, Field]:
    return {normalise(name): spec for spec in fields for name in spec.names}


def _find(segment: str, fields: Sequence[Field]) -> tuple[Field | None, int | None]:
    by_name = _names(fields)
    for candidate in (segment, _NOTE.sub("", segment)):
        if candidate in by_name:
            return by_name[candidate], None
    match = _INDEXED.match(segment)
    if match and match[1] in by_name and int(match[2]) > 0:
        spec = by_name[match[1]]
        if spec.type in ("list", "paragraphs"):
            return spec, int(match[2]) - 1
    return None, None


def resolve(text: str, fields: Sequence[Field], whole_list: bool = False) -> Target | None:
    """A header (or a sheet name, with whole_list) as a path into the facts, or None.

    A list of groups named without a number (工作任务.小标题) gets index 0 and is marked
    `stacked`: on a sheet of its own each row is a new element.
    """
    segments = [s for s in normalise(text).split(".") if s]
    path: list[str | int] = []
    stacked = None
    current: Sequence[Field] = fields
    for position, segment in enumerate(segments):
        last = position == len(segments) - 1
        spec, index = _find(segment, current)
        if spec is None:
            return None
        path.append(spec.key)
        if spec.type == "group":
            if index is not None or last:
                return None
            current = spec.fields
        elif spec.type == "list" and spec.item == "group":
            if last:
                return Target(tuple(path), spec) if whole_list and index is None else None
            if index is None:
                stacked, index = len(path), 0
            path.append(index)
            current = spec.fields
        elif whole_list or not last:
            return None
        elif spec.type in ("list", "paragraphs"):
            pass  # 要求1, 要求2: cells become lines of one value, split one item a line
        elif index is not None:
            return None
        if last:
            return Target(tuple(path), spec, stacked)
    return None


def expected_columns(fields: Sequence[Field], prefix: str = "") -> list[str]:
    """Column names a user can write, for the message when a header maps to nothing."""
    out = []
    for spec in fields:
        if spec.key == "template":
            continue
        name = f"{prefix}{spec.label}"
        if spec.type == "group":
            out += expected_columns(spec.fields, f"{name}.")
        elif spec.type == "list" and spec.item == "group":
            out.append(f"{name}(单独一张名为“{name}”的工作表)")
        else:
            out.append(name + ("*" if spec.required and not prefix else ""))
    return out


def csv_list_hint(missing: Sequence[Field]) -> str:
    """How a list of groups is written in a CSV, which has no second sheet to hold it."""
    parts = []
    for spec in missing:
        if spec.type == "list" and spec.item == "group":
            sub = spec.fields[0].label if spec.fields else "小标题"
            nested = next((f for f in spec.fields if f.type == "list" and f.item == "group"), None)
            columns = [f"{spec.label}1.{sub}", f"{spec.label}2.{sub}"]
            if nested is not None:
                inner = nested.fields[0].label if nested.fields else "小标题"
                columns.insert(1, f"{spec.label}1.{nested.label}1.{inner}")
            parts.append(f"必填的列表“{spec.label}”在 CSV 中要写成编号列:{'、'.join(columns)}……"
                         f"(每项一组列,编号从 1 起)")
        else:
            parts.append(f"缺少必填的列:{spec.label}")
    return ("CSV 只有一张表,放不下单独的列表工作表;" + ";".join(parts)
            + "。也可以另存为 .xlsx,把列表放在以字段名命名的第二个工作表中")


def _combine(old: Any, new: Any) -> Any:
    """Two cells feeding one value (a header merged over several columns): one line each."""
    if old is None or isinstance(new, CellIssue):
        return new
    return old if isinstance(old, CellIssue) else f"{cell_text(old)}\n{cell_text(new)}"


def _get(node: Any, step: str | int) -> Any:
    if isinstance(step, int):
        return node[step] if step < len(node) else None
    return node.get(step)


def _put(node: Any, step: str | int, value: Any) -> None:
    if isinstance(step, int):
        node.extend([None] * (step + 1 - len(node)))
    node[step] = value


def _assign(data: dict, path: Path, value: Any) -> None:
    """Set a value deep in the facts, making the groups and lists on the way."""
    if len(path) == 1:  # most columns: a top-level field
        key = path[0]
        old = data.get(key)
        data[key] = value if old is None else _combine(old, value)
        return
    node: Any = data
    for step, following in itertools.pairwise(path):
        child = _get(node, step)
        if isinstance(following, int) and not isinstance(child, list):
            child = [] if child is None else [child]  # a cell of lines, then 要求2, 要求3
        elif isinstance(following, str) and not isinstance(child, dict):
            child = {}
        _put(node, step, child)
        node = child
    _put(node, path[-1], _combine(_get(node, path[-1]), value))


def _typed(value: Any, spec: Field) -> Any:
    """A cell as the field takes it: the shown text (8.5%) or the stored value (a date)."""
    return typed_value(value, spec.type)


@dataclass
class _Header:
    rows: tuple[int, ...]
    columns: list[Column]

    @property
    def columns_by_index(self) -> dict[int, Column]:
        return {column.index: column for column in self.columns}


def _merged_header(table: Table, first: Row, second: Row | None) -> tuple[list[str], bool]:
    """Header texts with merged cells read as they look; True if it spans two rows."""
    number, cells = first
    texts = [cell_text(value) for value in cells]
    if not any(not t for t in texts[: max(i for i, t in enumerate(texts) if t) + 1]):
        return texts, False  # no gaps: nothing merged across columns
    merges = table.merges()
    for merge in merges:
        if merge.first_row == number and merge.first_column <= len(texts):
            top = texts[merge.first_column - 1]
            for column in range(merge.first_column, min(merge.last_column, len(texts))):
                texts[column] = top
    two_rows = second is not None and second[0] == number + 1 and any(
        m.first_row == number and m.last_row > number for m in merges)
    if two_rows and second is not None:
        below = [cell_text(value) for value in second[1]]
        below += [""] * (len(texts) - len(below))
        texts += [""] * (len(below) - len(texts))
        texts = [".".join(dict.fromkeys(t for t in (top, sub) if t))
                 for top, sub in zip(texts, below, strict=True)]
    return texts, two_rows


def _map_columns(texts: list[str], fields: Sequence[Field],
                 renames: Mapping[str, str | None], where: str) -> list[Column]:
    columns = []
    for index, header in enumerate(texts):
        if not header:
            continue  # trailing blank columns and unlabelled ones carry nothing
        key = normalise(header)
        if key in renames:
            wanted = renames[key]
            target = resolve(wanted, fields) if wanted else None
            if wanted and target is None:
                raise InputError(Problem(
                    f"映射文件把列“{header}”对应到“{wanted}”,但模板没有这个字段;"
                    f"可用的列名:{'、'.join(expected_columns(fields))}", where))
        else:
            target = resolve(header, fields)
        columns.append(Column(index, header, target, key in renames and not renames[key]))
    return columns


def find_header(table: Table, fields: Sequence[Field],
                renames: Mapping[str, str | None]) -> tuple[_Header, list[Row]]:
    """The header: the first of the top rows that names at least one field.

    Returns the header and the rows read ahead that are data, so the sheet is read once.
    """
    ahead: list[Row] = []
    for row in table.rows:
        ahead.append(row)
        if len(ahead) > HEADER_SEARCH_ROWS:
            break
    if not ahead:
        raise InputError(Problem("工作表是空的,没有表头也没有数据", table.label))
    for position, row in enumerate(ahead):
        following = ahead[position + 1] if position + 1 < len(ahead) else None
        texts, two_rows = _merged_header(table, row, following)
        columns = _map_columns(texts, fields, renames, table.label)
        if any(column.target for column in columns):
            used = 2 if two_rows else 1
            rows = tuple(r[0] for r in ahead[position: position + used])
            return _Header(rows, columns), ahead[position + used:]
    top = "、".join(filter(None, (cell_text(v) for v in ahead[0][1])))
    raise InputError(Problem(
        f"找不到表头:前 {len(ahead)} 行中没有一列能对应模板的字段(第 {ahead[0][0]} 行是“{top}”)。"
        f"表头(第一行)应写这些列名:{'、'.join(expected_columns(fields))};"
        "列名不同时可用 --map 映射文件对应", table.label))


def header_score(table: Table, fields: Sequence[Field]) -> int:
    """How many columns of the top rows a template recognises, to choose a template."""
    best = 0
    for count, (_number, cells) in enumerate(table.rows):
        if count >= HEADER_SEARCH_ROWS:
            break
        texts = [cell_text(value) for value in cells]
        best = max(best, sum(1 for t in texts if t and normalise(t) != "模板"
                             and resolve(t, fields)))
    return best


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
        self.renames = {normalise(k): v for k, v in (renames or {}).items()}
        self.table = book.table(sheet)
        header, self._ahead = find_header(self.table, template.fields, self.renames)
        self.header_rows = header.rows
        self.columns = header.columns
        self.subs: list[_SubSheet] = []
        self.ignored_sheets: list[str] = []
        self.stray: list[str] = []  # the first main-sheet cells with content under no header
        self.stray_count = 0
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
        if self.csv and any(spec.type == "list" and spec.item == "group" for spec in missing):
            raise InputError(Problem(csv_list_hint(missing), self.table.label,
                                     self.header_rows[0]))
        if missing:
            names = "、".join(spec.label for spec in missing)
            raise InputError(Problem(
                f"表头缺少必填的列:{names}。表头可用的列名:"
                f"{'、'.join(expected_columns(self.template.fields))}", self.table.label,
                self.header_rows[0]))

    def _load_sub(self, table: Table) -> None:
        renamed = self.renames.get(normalise(table.name), table.name)
        target = resolve(renamed, self.template.fields, whole_list=True) if renamed else None
        if target is None:
            self.ignored_sheets.append(table.name)
            return
        header, ahead = find_header(table, target.field.fields, self.renames)
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
                path = target.path
                if target.stacked is not None:
                    prefix = path[: target.stacked]
                    index = fresh.setdefault(prefix, _length(data, prefix))
                    path = (*prefix, index, *path[target.stacked + 1:])
                _assign(data, path, _typed(value, target.field))
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
        for number, cells in _chain(self._ahead, self.table.rows):
            data: dict[str, Any] = {}
            places: dict[Path, Place] = {(): Place(self.table.label, number)}
            width = len(cells)
            for index in (i for i in range(width) if cells[i] is not None and i not in labelled):
                self.stray_count += 1
                if len(self.stray) < 10:
                    self.stray.append(f"{column_letter(index + 1)}{number}")
            for index, path, spec in mapped:
                value = cells[index] if index < width else None
                if value is not None:
                    _assign(data, path, _typed(value, spec))
            for sub in self.subs:
                key_value = number if sub.join_column is None else (
                    cells[sub.join_column] if sub.join_column < width else None)
                key = join_key(key_value)
                sub.used.add(key)
                for item, item_places in sub.items.get(key, ()):
                    self._attach(data, places, sub.list_path, item, item_places)
            yield RowFacts(number, data, places, cells)

    def unmatched(self) -> list[str]:
        """Second-sheet rows no main row claimed, after `rows()`: said, never silently lost."""
        out = []
        for sub in self.subs:
            for key, items in sub.items.items():
                if key not in sub.used:
                    first = items[0][1][()]
                    out.append(f"工作表“{sub.name}”第 {first.row} 行起{sub.join_header}为"
                               f"“{key}”的 {len(items)} 项在主表中没有对应的行,未使用")
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


def label_path(path: Path, fields: Sequence[Field]) -> str:
    """A path as a user reads it: 工作任务[2].小标题."""
    out = ""
    current: Sequence[Field] = fields
    for step in path:
        if isinstance(step, int):
            out += f"[{step + 1}]"
            continue
        spec = next((f for f in current if f.key == step), None)
        name = spec.label if spec else step
        out = f"{out}.{name}" if out else name
        current = spec.fields if spec else ()
    return out


def _key_path(path: Path) -> str:
    """A path the way Validator spells it from the keys, to tell its suffix apart."""
    out = ""
    for step in path:
        out = out + f"[{step + 1}]" if isinstance(step, int) else (f"{out}.{step}" if out else step)
    return out


@dataclass
class SheetValidator(Validator):
    """Problems placed at the cell a value came from, named by that cell's header.

    `places` holds the row itself and any second-sheet cells; `columns` the main-sheet cells,
    which are the same for every row.
    """

    places: dict[Path, Place] = field(default_factory=dict)
    columns: Mapping[Path, tuple[int, str]] = field(default_factory=dict)
    fields: Sequence[Field] = ()

    def problem(self, path: Path, shown: str, message: str) -> None:
        place = self._exact(path)
        if place is not None and place.header:
            name = place.header
        else:
            suffix = shown[len(_key_path(path)):] if shown.startswith(_key_path(path)) else ""
            name = (label_path(path, self.fields) + suffix).lstrip(".")
            # A required field left blank: point at its (empty) cell when it has a column.
            child = self._child(path, suffix.lstrip("."))
            place = self._exact(child) if child else None
            if place is not None:
                name = place.header or name
            else:
                place = self.place(path)
        self.problems.append(Problem(message, place.label, place.row, place.column,
                                     name or None))

    def value(self, data: Any, spec: Field, path: Path, shown: str) -> Any:
        """A cell the reader could not use (a formula without a result …) is named at its cell."""
        if isinstance(data, CellIssue):
            self.problem(path, shown, data.message)
            return data.message  # never rendered (the row failed), and not "missing" again
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
