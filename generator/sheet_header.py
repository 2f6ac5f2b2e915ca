"""Finding the header of a sheet laid out for people: title lines above it, cells merged
across columns or over two rows, blank and unlabelled columns, renames from `--map`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .advice import advice
from .errors import InputError, Problem
from .fields import Field
from .sheet_paths import Target, expected_columns, normalise, resolve
from .sheets import Row, Table, cell_text

HEADER_SEARCH_ROWS = 10  # title lines above a header are common; a header is never lower down


@dataclass(frozen=True)
class Column:
    index: int  # 0-based position in the row
    header: str
    target: Target | None
    ignored: bool = False  # mapped to nothing on purpose (--map 备注: )


@dataclass
class Header:
    rows: tuple[int, ...]
    columns: list[Column]

    @property
    def columns_by_index(self) -> dict[int, Column]:
        return {column.index: column for column in self.columns}


def merged_header(table: Table, first: Row, second: Row | None) -> tuple[list[str], bool]:
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


def map_columns(texts: list[str], fields: Sequence[Field],
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
                renames: Mapping[str, str | None]) -> tuple[Header, list[Row]]:
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
        texts, two_rows = merged_header(table, row, following)
        columns = map_columns(texts, fields, renames, table.label)
        if any(column.target for column in columns):
            used = 2 if two_rows else 1
            rows = tuple(r[0] for r in ahead[position: position + used])
            return Header(rows, columns), ahead[position + used:]
    top = "、".join(filter(None, (cell_text(v) for v in ahead[0][1])))
    raise InputError(Problem(
        f"找不到表头:前 {len(ahead)} 行中没有一列能对应模板的字段(第 {ahead[0][0]} 行是“{top}”)。"
        f"表头(第一行)应写这些列名:{'、'.join(expected_columns(fields))};"
        + advice("map"), table.label))


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
    if len(tied) > 1:
        raise InputError(Problem(f"表头同样符合这些模板:{'、'.join(sorted(tied))};"
                                 + advice("template-tied", name=sorted(tied)[0]), filename))
    return candidates[scored[0][1]]
