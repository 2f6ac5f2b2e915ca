"""Finding the header of a sheet laid out for people: title lines above it, cells merged
across columns or over two rows, blank and unlabelled columns, renames from `--map`.

A header merged across columns gives each of them its text: several columns of a list (要求
over three columns) are its items, one line each.  A field that takes one value cannot take
two columns, merged or repeated, and a group (工作回顾) or a list of groups (工作任务) cannot
fit in one column; both are refused with the forms that work, before any row is read, so a
row's cells are never silently joined or dropped."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .advice import advice
from .errors import InputError, Problem
from .fields import Field
from .numerals import spoken
from .sheet_paths import (
    MANY_VALUES,
    Path,
    Target,
    expected_columns,
    group_forms,
    group_named,
    header_path,
    normalise,
    resolve,
    too_many_for_a_column,
)
from .sheets import Merge, Row, Table, cell_text, column_letter

HEADER_SEARCH_ROWS = 10  # title lines above a header are common; a header is never lower down


@dataclass(frozen=True)
class Column:
    index: int  # 0-based position in the row
    header: str
    target: Target | None
    ignored: bool = False  # mapped to nothing on purpose (--map 备注: )
    merge: Merge | None = None  # the header cell merged across this column and others


@dataclass
class Header:
    rows: tuple[int, ...]
    columns: list[Column]

    @property
    def columns_by_index(self) -> dict[int, Column]:
        return {column.index: column for column in self.columns}


def merged_header(table: Table, first: Row, second: Row | None
                  ) -> tuple[list[str], bool, dict[int, Merge]]:
    """Header texts with merged cells read as they look; True if it spans two rows; and the
    merge across columns that each 0-based column's text came from."""
    number, cells = first
    texts = [cell_text(value) for value in cells]
    merges = [m for m in table.merges() if m.first_row == number]
    across: dict[int, Merge] = {}
    for merge in merges:
        if merge.last_column > merge.first_column and merge.first_column <= len(texts):
            texts += [""] * (merge.last_column - len(texts))  # merged up to the last column
            top = texts[merge.first_column - 1]
            for column in range(merge.first_column - 1, merge.last_column):
                texts[column] = top
                across[column] = merge
    two_rows = second is not None and second[0] == number + 1 and any(
        m.last_row > number for m in merges)
    if two_rows and second is not None:
        below = [cell_text(value) for value in second[1]]
        below += [""] * (len(texts) - len(below))
        texts += [""] * (len(below) - len(texts))
        texts = [".".join(dict.fromkeys(t for t in (top, sub) if t))
                 for top, sub in zip(texts, below, strict=True)]
    return texts, two_rows, across


class Renames(dict[str, "str | None"]):
    """--map's renames, 表头 → 字段 (None: ignore the column or sheet), with where each line
    was written (file, line), so a rename the template cannot take is told at its line in the
    map file, not against the sheet (a tester)."""

    def __init__(self, items: Mapping[str, str | None] | None = None,
                 places: Mapping[str, tuple[str, int | None]] | None = None) -> None:
        super().__init__(items or {})
        self.places = dict(places or {})

    def place(self, key: str, otherwise: str) -> tuple[str, int | None]:
        return self.places.get(key, (otherwise, None))


def map_columns(texts: list[str], fields: Sequence[Field],
                renames: Renames, where: str,
                across: Mapping[int, Merge] | None = None) -> list[Column]:
    columns = []
    for index, header in enumerate(texts):
        if not header:
            continue  # trailing blank columns and unlabelled ones carry nothing
        key = normalise(header)
        if key in renames:
            wanted = renames[key]
            target = resolve(wanted, fields) if wanted else None
            if wanted and target is None and (named := group_named(wanted, fields)):
                raise InputError(Problem(
                    f"映射文件把列“{header}”对应到“{wanted}”,但"
                    f"{too_many_for_a_column(named[0], named[1])};" + group_forms(
                        named[0], named[1], csv=False, own_sheet=not named[2],
                        rows_are_items=False), *renames.place(key, where)))
            if wanted and target is None:
                raise InputError(Problem(
                    f"映射文件把列“{header}”对应到“{wanted}”,但模板没有这个字段;"
                    f"可用的列名:{'、'.join(expected_columns(fields))}",
                    *renames.place(key, where)))
        else:
            target = resolve(header, fields)
        columns.append(Column(index, header, target, key in renames and not renames[key],
                              (across or {}).get(index)))
    return columns


def find_header(table: Table, fields: Sequence[Field], renames: Renames,
                rows_are_items: bool = False) -> tuple[Header, list[Row]]:
    """The header: the first of the top rows that names at least one field.

    Returns the header and the rows read ahead that are data, so the sheet is read once.
    `rows_are_items`: a second sheet, one list item a row, where 小项.小标题 needs no number.
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
        texts, two_rows, across = merged_header(table, row, following)
        columns = map_columns(texts, fields, renames, table.label, across)
        if any(column.target for column in columns):
            used = 2 if two_rows else 1
            rows = tuple(r[0] for r in ahead[position: position + used])
            check_columns(table, rows[0], columns, fields, rows_are_items)
            return Header(rows, columns), ahead[position + used:]
    top = "、".join(filter(None, (cell_text(v) for v in ahead[0][1])))
    # which sheet was read, and any hidden one that was not: a colleague's hidden main sheet
    # left a tester reading "第 1 行是“序号、小标题…”" with no sheet named
    sheet = "" if table.csv else f"(读的是工作表“{table.name}”)"
    hidden = "".join(f"工作表“{name}”是隐藏的,没有读;要用它请加 --sheet {name}。"
                     for name in table.hidden)
    raise InputError(Problem(
        f"找不到表头{sheet}:前 {len(ahead)} 行中没有一列能对应模板的字段(第 {ahead[0][0]} 行是"
        f"“{top}”)。{hidden}表头(第一行)应写这些列名:{'、'.join(expected_columns(fields))};"
        + advice("map"), table.label))


def check_columns(table: Table, row: int, columns: Sequence[Column], fields: Sequence[Field],
                  rows_are_items: bool) -> None:
    """Refuse what would silently join or drop cells: two columns for a one-value field (a
    merged header, a repeated name) and a group or list of groups written as one column or
    without its item number."""
    sheet = "" if table.csv else f"工作表“{table.name}”中,"
    problems: list[Problem] = []
    one_value: dict[Path, list[Column]] = {}
    unnumbered: dict[Path, list[Column]] = {}
    whole: dict[str, tuple[Field, bool, list[Column]]] = {}  # 工作任务 (or 工作任务1) as a column
    for column in columns:
        target = column.target
        if target is None:
            named = None if column.ignored else group_named(column.header, fields)
            if named is not None:
                whole.setdefault(named[1], (named[0], named[2], []))[2].append(column)
            continue
        if target.stacked is not None and not rows_are_items:
            unnumbered.setdefault(target.path[: target.stacked], []).append(column)
        if target.field.type not in MANY_VALUES:
            one_value.setdefault(target.path, []).append(column)
    for name, (spec, numbered, same) in whole.items():
        headers = "、".join(f"“{c.header}”" for c in same)
        problems.append(Problem(
            f"{sheet}列{headers}({_cells(same, row)}):{too_many_for_a_column(spec, name)};"
            + group_forms(spec, name, csv=table.csv, own_sheet=not numbered,
                          rows_are_items=rows_are_items), table.label, row))
    for within, same in unnumbered.items():
        name, listed = header_path(within, fields)
        assert listed is not None  # a stacked path always passes through a list of groups
        headers = "、".join(f"“{c.header}”" for c in same)
        problems.append(Problem(
            f"{sheet}列{headers}({_cells(same, row)})没有写明是“{name}”的第几项;" + group_forms(
                listed, name, csv=table.csv,
                own_sheet=not any(isinstance(step, int) for step in within),
                rows_are_items=False), table.label, row))
    for path, same in one_value.items():
        if len(same) > 1 and not any(path[: len(w)] == w for w in unnumbered):  # said above
            problems.append(_doubled(sheet, header_path(path, fields)[0], same, row,
                                     table.label))
    if problems:
        raise InputError(problems)


def _cells(columns: Sequence[Column], row: int) -> str:
    return "、".join(f"{column_letter(c.index + 1)}{row}" for c in columns)


def _doubled(sheet: str, name: str, same: Sequence[Column], row: int, label: str) -> Problem:
    """Two columns feeding a field that takes one value: said, not joined into one line."""
    merge = same[0].merge
    count = spoken(len(same))
    if merge is not None and all(c.merge == merge for c in same):
        first = f"{column_letter(merge.first_column)}{merge.first_row}"
        last = f"{column_letter(merge.last_column)}{merge.last_row}"
        return Problem(
            f"{sheet}{name}只能填一个值,表头合并了 {first}:{last} {count}列,每行的{count}个值"
            f"会被连成一个;请取消合并,只在 {column_letter(same[0].index + 1)} 列填写{name}"
            "(另一列如要保留,请另写列名)", label, row)
    headers = "、".join(dict.fromkeys(f"“{c.header}”" for c in same))
    return Problem(f"{sheet}表头中 {_cells(same, row)} {count}列({headers})都对应“{name}”,"
                   "它只能填一个值;请删去或改名多余的列", label, row)


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


def choose_template(table: Callable[[], Table], candidates: Mapping[str, Any],
                    filename: str) -> Any:
    """The template whose fields the header names most clearly (`candidates` by name);
    InputError when none fits or several fit equally.  `table` opens the sheet afresh for
    each candidate: its rows are a stream, read once."""
    scored = sorted(((header_score(table(), t.fields), name) for name, t in candidates.items()),
                    reverse=True)
    if not scored or scored[0][0] == 0:
        raise InputError(Problem(f"表头中没有一列能对应任何模板的字段;{advice('template')}",
                                 filename))
    tied = [name for score, name in scored if score == scored[0][0]]
    if len(tied) > 1:  # by the title the page's list shows, and the name -t takes (a tester)
        shown = "、".join(f"{getattr(candidates[name], 'title', name)}({name})"
                         for name in sorted(tied))
        raise InputError(Problem(f"表头同样符合这些模板:{shown};"
                                 + advice("template-tied", name=sorted(tied)[0]), filename))
    return candidates[scored[0][1]]
