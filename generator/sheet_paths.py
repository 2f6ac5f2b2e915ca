"""Spreadsheet headers as paths into a template's facts, and values set along such paths.

A header names a field by its Chinese label, key or alias (会议名称, meeting); dots reach into
groups (工作回顾.总体评价); a number makes an item of a list (要求1, 工作任务2.小标题).  The
same paths place each value's problem, named the way the user wrote the header.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .fields import Field
from .sheets import cell_text

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


def _combine(old: Any, new: Any) -> Any:
    """Two cells feeding one value (a header merged over several columns): one line each."""
    return new if old is None else f"{cell_text(old)}\n{cell_text(new)}"


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
    """A date cell in a text field still reads as a date: 2025年1月5日, not 2025-01-05."""
    if spec.type != "date" and isinstance(value, (dt.date, dt.datetime)):
        return cell_text(value)
    return value


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


