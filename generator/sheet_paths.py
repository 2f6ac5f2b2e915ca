"""Spreadsheet headers as paths into a template's facts, and values set along such paths.

A header names a field by its Chinese label, key or alias (会议名称, meeting); dots reach into
groups (工作回顾.总体评价); a number makes an item of a list (要求1, 工作任务2.小标题).  The
same paths place each value's problem, named the way the user wrote the header.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .fields import Field
from .sheets import CellIssue, cell_text, typed_value

Path = tuple[str | int, ...]
_INDEXED = re.compile(r"^(.*?)[\s_\-]*[(\[]?(\d{1,3})[)\]]?$")
_REQUIRED_MARK = re.compile(r"(\*|\(必填\))$")
_NOTE = re.compile(r"\(.*\)$")


@dataclass(frozen=True)
class Target:
    """A column's destination: a path into the facts and the field that receives the value."""

    path: Path
    field: Field
    stacked: int | None = None  # position in path of a list index that each row advances


def normalise(name: str) -> str:
    """How a header is compared: full-width folded, spaces and required marks (*, 必填) ignored."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(name))).casefold()
    return _REQUIRED_MARK.sub("", text)


MANY_VALUES = ("list", "paragraphs")  # field types whose cells add up, one line each


def is_group_list(spec: Field) -> bool:
    return spec.type == "list" and spec.item == "group"


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
        elif is_group_list(spec):
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
        elif is_group_list(spec):
            out.append(f"{name}(编号列 {numbered_columns(spec, prefix)[0]}……,"
                       f"或单独一张名为“{name}”的工作表)")
        else:
            out.append(name + ("*" if spec.required and not prefix else ""))
    return out


def numbered_columns(spec: Field, prefix: str = "") -> list[str]:
    """The first numbered columns of a list of groups: 工作任务1.小标题、工作任务1.小项1.小标题、
    工作任务2.小标题 (one set of columns per item, numbered from 1)."""
    name = f"{prefix}{spec.label}"
    sub = spec.fields[0].label if spec.fields else "小标题"
    columns = [f"{name}1.{sub}", f"{name}2.{sub}"]
    nested = next((f for f in spec.fields if is_group_list(f)), None)
    if nested is not None:
        inner = nested.fields[0].label if nested.fields else "小标题"
        columns.insert(1, f"{name}1.{nested.label}1.{inner}")
    return columns


def _parts(spec: Field) -> str:
    """A group's own fields as a user reads them: 小标题、引言、小项……"""
    labels = [f.label for f in spec.fields if f.key != "template"]
    return "、".join(labels[:4]) + ("……" if len(labels) > 4 else "")


def group_named(text: str, fields: Sequence[Field]) -> tuple[Field, str, bool] | None:
    """The group or list of groups a header names by itself (工作任务, 工作回顾, 工作任务1.小项).

    Such a field holds several values, so no one column can carry it.  Returns the field, its
    name as the header spells it with labels (工作任务1.小项), and whether a list item was
    numbered on the way there (then a second sheet cannot hold it).
    """
    segments = [s for s in normalise(text).split(".") if s]
    names: list[str] = []
    numbered = False
    current: Sequence[Field] = fields
    for position, segment in enumerate(segments):
        spec, index = _find(segment, current)
        if spec is None or spec.type not in ("group", "list"):
            return None
        if position == len(segments) - 1:  # named whole: 工作任务1 alone is still 工作任务
            if spec.type == "group" or is_group_list(spec):
                return spec, ".".join([*names, spec.label]), numbered
            return None
        names.append(spec.label + ("" if index is None else str(index + 1)))
        if spec.type == "list" and not is_group_list(spec):
            return None
        numbered = numbered or index is not None
        current = spec.fields
    return None


def header_path(path: Path, fields: Sequence[Field]) -> tuple[str, Field | None]:
    """A path spelled the way a header writes it (工作任务1.小项), and the field it ends at."""
    names: list[str] = []
    spec: Field | None = None
    current: Sequence[Field] = fields
    for step in path:
        if isinstance(step, int):
            names[-1] += str(step + 1)
            continue
        spec = next((f for f in current if f.key == step), None)
        names.append(spec.label if spec else step)
        current = spec.fields if spec else ()
    return ".".join(names), spec


def group_kind(spec: Field, name: str) -> str:
    """What a group or list of groups named `name` holds: “工作任务”的每一项是一组内容(…)."""
    what = "是一组内容" if spec.type == "group" else "的每一项是一组内容"
    return f"“{name}”{what}({_parts(spec)})"


def too_many_for_a_column(spec: Field, name: str) -> str:
    """Why a group or list of groups named `name` cannot be one column."""
    return group_kind(spec, name) + ",一列放不下"


def group_forms(spec: Field, name: str, *, csv: bool, own_sheet: bool, rows_are_items: bool
                ) -> str:
    """How a sheet must write a group or a list of groups named `name`: 请…, for a message.

    `own_sheet`: it may also go on a sheet named after it; `rows_are_items`: the sheet being
    read is already such a sheet, so `name.小标题` columns take one element a row.
    """
    subs = [f.label for f in spec.fields][:2]
    if spec.type == "group":
        return (f"请分列写成 {'、'.join(f'{name}.{s}' for s in subs)}……(两行表头时,上一行合并写"
                f"“{name}”,下一行写 {'、'.join(subs)}……)")
    prefix = name[: len(name) - len(spec.label)] if name.endswith(spec.label) else ""
    forms = [f"写成编号列 {'、'.join(numbered_columns(spec, prefix))}……(每项一组列,编号从 1 起;"
             f"两行表头时,上一行合并写“{name}1”“{name}2”……,下一行写 {'、'.join(subs)})"]
    if rows_are_items:
        forms.append(f"写成 {'、'.join(f'{name}.{s}' for s in subs)} 列,每行一项")
    elif own_sheet and not csv:
        forms.append(f"放在单独一张名为“{name}”的工作表中,每项一行")
    text = "请" + ",或".join(forms)
    if csv and own_sheet:
        text += ";CSV 只有一张表,也可以另存为 .xlsx,把它放在以字段名命名的第二个工作表中"
    return text


def csv_list_hint(missing: Sequence[Field]) -> str:
    """How a list of groups is written in a CSV, which has no second sheet to hold it."""
    parts = []
    for spec in missing:
        if is_group_list(spec):
            parts.append(f"必填的列表“{spec.label}”在 CSV 中要写成编号列:"
                         f"{'、'.join(numbered_columns(spec))}……(每项一组列,编号从 1 起)")
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


def assign(data: dict, path: Path, value: Any) -> None:
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


def typed(value: Any, spec: Field) -> Any:
    """A cell as the field takes it: the shown text (8.5%) or the stored value (a date)."""
    return typed_value(value, spec.type)


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


def key_path_text(path: Path) -> str:
    """A path the way Validator spells it from the keys, to tell its suffix apart."""
    out = ""
    for step in path:
        out = out + f"[{step + 1}]" if isinstance(step, int) else (f"{out}.{step}" if out else step)
    return out


