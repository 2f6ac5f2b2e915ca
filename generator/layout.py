"""Layout profiles: every number the DOCX writer lays a speech out with, kept as data.

Offices disagree on details (方正仿宋_GBK or 仿宋_GB2312, a 28 or 29 pt line), so nothing
about the page lives in the writer: a built-in profile (``standard`` = GB/T 9704-2012,
``podium`` = 大字版) supplies every value and a user's YAML file overrides any of them.
Profile files are checked like outlines: every problem names file:line:column, the key path
and what was expected, and an unknown key gets a did-you-mean.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Problem

#: Chinese type sizes (字号) in points.
SIZE_NAMES: dict[str, float] = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16,
    "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9, "六号": 7.5, "小六": 6.5,
    "七号": 5.5, "八号": 5,
}

BUILT_IN = ("standard", "podium")

MM_PER_PT = 25.4 / 72
TWIPS_PER_MM = 1440 / 25.4


@dataclass(frozen=True)
class Paper:
    width: float  # mm
    height: float  # mm


@dataclass(frozen=True)
class Margins:
    top: float  # mm
    bottom: float
    left: float
    right: float


@dataclass(frozen=True)
class Grid:
    """The 版心 grid.  ``None`` pitch/spacing means: derive them from the counts."""

    lines_per_page: int
    chars_per_line: int
    line_pitch: float | None  # pt, exact line spacing
    char_spacing: float | None  # pt added to (or taken from) every character
    title_gap: int  # blank lines between the title block and the salutation


@dataclass(frozen=True)
class TextStyle:
    """How one kind of paragraph looks."""

    font: str  # East Asian font (w:eastAsia)
    latin: str  # Latin letters and digits (w:ascii, w:hAnsi)
    size: float  # pt
    bold: bool
    align: str  # left, center, right, justify
    indent: float  # first-line indent in characters


@dataclass(frozen=True)
class PageNumber:
    format: str  # "— {page} —"
    font: str
    latin: str
    size: float  # pt
    gap: float  # mm between the 版心 and the top of the number
    indent: float  # characters in from the outer edge (right on odd pages, left on even)


@dataclass(frozen=True)
class Layout:
    """Every value of the GB/T 9704 layout table, for one profile."""

    name: str
    paper: Paper
    margins: Margins
    grid: Grid
    title: TextStyle
    subtitle: TextStyle
    speaker: TextStyle
    date: TextStyle
    salutation: TextStyle
    body: TextStyle
    heading1: TextStyle
    heading2: TextStyle
    heading3: TextStyle
    heading4: TextStyle
    signoff: TextStyle
    page_number: PageNumber

    def style(self, kind: str, level: int = 0) -> TextStyle:
        """The style of a block kind; ``heading`` and ``lead`` heads take their level's style."""
        if kind in ("heading", "lead"):
            return getattr(self, f"heading{min(max(level, 1), 4)}")
        return getattr(self, kind)

    @property
    def level3_bold(self) -> bool:
        return self.heading3.bold

    @property
    def text_width_pt(self) -> float:
        width = self.paper.width - self.margins.left - self.margins.right
        return width / MM_PER_PT

    @property
    def text_height_pt(self) -> float:
        return (self.paper.height - self.margins.top - self.margins.bottom) / MM_PER_PT

    @property
    def line_pitch_twips(self) -> int:
        """Exact line spacing; derived pitches round down so the last line still fits."""
        if self.grid.line_pitch is not None:
            return round(self.grid.line_pitch * 20)
        return math.floor(self.text_height_pt * 20 / self.grid.lines_per_page)

    @property
    def char_spacing_twentieths(self) -> int:
        """Character spacing (w:spacing) in 1/20 pt; derived spacing rounds down to fit."""
        if self.grid.char_spacing is not None:
            return round(self.grid.char_spacing * 20)
        per_char = self.text_width_pt / self.grid.chars_per_line - self.body.size
        return math.floor(per_char * 20)


# --- value parsers: each returns the typed value or raises ValueError(what was expected) ----

_NUMBER = r"([+-]?\d+(?:\.\d+)?)"
_ALIGNMENTS = {
    "left": "left", "center": "center", "right": "right", "justify": "justify",
    "左": "left", "左对齐": "left", "居左": "left", "居中": "center", "中": "center",
    "右": "right", "右对齐": "right", "居右": "right", "两端对齐": "justify",
}
_AUTO = ("auto", "自动")


def _number(value: Any, units: dict[str, float], expected: str) -> float:
    if isinstance(value, bool):
        raise ValueError(expected)
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        match = re.fullmatch(_NUMBER + r"\s*([^\d\s]*)", value.strip())
        if match and match[2].lower() in units:
            return float(match[1]) * units[match[2].lower()]
    raise ValueError(expected)


def parse_length(value: Any) -> float:
    """Millimetres: 37, 37mm, 3.7cm, 37毫米."""
    expected = "应为长度(毫米),如 37、37mm、3.7cm"
    mm = _number(value, {"": 1, "mm": 1, "毫米": 1, "cm": 10, "厘米": 10}, expected)
    if not 0 <= mm <= 1000:
        raise ValueError(expected + ",且在 0 到 1000 毫米之间")
    return mm


def parse_paper_length(value: Any) -> float:
    mm = parse_length(value)
    if mm < 50:
        raise ValueError("纸张宽、高应不小于 50 毫米")
    return mm


def _points(value: Any, expected: str) -> float:
    return _number(value, {"": 1, "pt": 1, "磅": 1}, expected)


def parse_size(value: Any) -> float:
    """A type size: a Chinese size name (三号, 小二) or points (16, 16pt, 16磅)."""
    expected = "应为字号名称(如 三号、小二)或磅值(如 16pt、16)"
    if isinstance(value, str) and value.strip() in SIZE_NAMES:
        return SIZE_NAMES[value.strip()]
    pt = _points(value, expected)
    if not 4 <= pt <= 100 or (pt * 2) != int(pt * 2):
        raise ValueError(expected + ",磅值在 4 到 100 之间且为 0.5 的整数倍")
    return pt


def parse_pitch(value: Any) -> float | None:
    """Exact line spacing in points, or auto: the 版心 height over the lines per page."""
    expected = "应为行距磅值(如 29pt、28.95)或 auto(由每页行数推算)"
    if isinstance(value, str) and value.strip().lower() in _AUTO:
        return None
    pt = _points(value, expected)
    if not 6 <= pt <= 200:
        raise ValueError(expected + ",磅值在 6 到 200 之间")
    return pt


def parse_spacing(value: Any) -> float | None:
    """Character spacing in points (negative condenses), or auto: fit chars_per_line."""
    expected = "应为字间距磅值(如 -0.25pt、0)或 auto(由每行字数推算)"
    if isinstance(value, str) and value.strip().lower() in _AUTO:
        return None
    pt = _points(value, expected)
    if not -10 <= pt <= 10:
        raise ValueError(expected + ",磅值在 -10 到 10 之间")
    return pt


def _count(value: Any, low: int, high: int, expected: str) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{expected}(整数 {low} 到 {high})")
    return value


def parse_lines(value: Any) -> int:
    return _count(value, 1, 100, "应为每页行数")


def parse_chars(value: Any) -> int:
    return _count(value, 1, 100, "应为每行字数")


def parse_gap(value: Any) -> int:
    return _count(value, 0, 5, "应为空行数")


def parse_font(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 60:
        raise ValueError("应为字体名称,如 仿宋_GB2312、方正仿宋_GBK、Times New Roman")
    return value.strip()


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip() in ("是", "否"):
        return value.strip() == "是"
    raise ValueError("应为 true/false(是/否)")


def parse_align(value: Any) -> str:
    if isinstance(value, str) and value.strip().lower() in _ALIGNMENTS:
        return _ALIGNMENTS[value.strip().lower()]
    raise ValueError("应为对齐方式:left/center/right/justify(左对齐、居中、右对齐、两端对齐)")


def parse_indent(value: Any) -> float:
    """First-line or edge indent in characters: 2, 2字."""
    expected = "应为缩进字数,如 2 或 2字"
    chars = _number(value, {"": 1, "字": 1, "chars": 1}, expected)
    if not 0 <= chars <= 10:
        raise ValueError(expected + "(0 到 10 字)")
    return chars


def parse_page_format(value: Any) -> str:
    if not isinstance(value, str) or value.count("{page}") != 1 or len(value) > 40:
        raise ValueError("应为页码格式,含一个 {page},如 “— {page} —”")
    return value


# --- the schema: YAML key → (Chinese label, parser), grouped by section ----------------------

Parser = Callable[[Any], Any]

_STYLE_FIELDS: dict[str, tuple[str, Parser]] = {
    "font": ("字体", parse_font),
    "latin": ("西文字体", parse_font),
    "size": ("字号", parse_size),
    "bold": ("加粗", parse_bool),
    "align": ("对齐", parse_align),
    "indent": ("首行缩进", parse_indent),
}

_SECTIONS: dict[str, tuple[str, type, dict[str, tuple[str, Parser]]]] = {
    "paper": ("纸张", Paper, {"width": ("宽", parse_paper_length),
                              "height": ("高", parse_paper_length)}),
    "margins": ("页边距", Margins, {"top": ("上", parse_length), "bottom": ("下", parse_length),
                                    "left": ("左", parse_length), "right": ("右", parse_length)}),
    "grid": ("版心网格", Grid, {
        "lines_per_page": ("每页行数", parse_lines),
        "chars_per_line": ("每行字数", parse_chars),
        "line_pitch": ("行距", parse_pitch),
        "char_spacing": ("字间距", parse_spacing),
        "title_gap": ("标题后空行", parse_gap),
    }),
    "title": ("标题", TextStyle, _STYLE_FIELDS),
    "subtitle": ("副标题", TextStyle, _STYLE_FIELDS),
    "speaker": ("讲话人", TextStyle, _STYLE_FIELDS),
    "date": ("日期", TextStyle, _STYLE_FIELDS),
    "salutation": ("称呼", TextStyle, _STYLE_FIELDS),
    "body": ("正文", TextStyle, _STYLE_FIELDS),
    "heading1": ("一级标题", TextStyle, _STYLE_FIELDS),
    "heading2": ("二级标题", TextStyle, _STYLE_FIELDS),
    "heading3": ("三级标题", TextStyle, _STYLE_FIELDS),
    "heading4": ("四级标题", TextStyle, _STYLE_FIELDS),
    "signoff": ("结束语", TextStyle, _STYLE_FIELDS),
    "page_number": ("页码", PageNumber, {
        "format": ("格式", parse_page_format),
        "font": ("字体", parse_font),
        "latin": ("西文字体", parse_font),
        "size": ("字号", parse_size),
        "gap": ("距版心", parse_length),
        "indent": ("空字", parse_indent),
    }),
}


# --- reading profile files --------------------------------------------------------------------

Values = dict[str, dict[str, Any]]


def _names(schema: dict[str, tuple]) -> dict[str, str]:
    """Accepted spelling → key: every key, and its Chinese label as an alias."""
    return {key: key for key in schema} | {entry[0]: key for key, entry in schema.items()}


def _did_you_mean(word: str, schema: dict[str, tuple]) -> str:
    names = _names(schema)
    close = difflib.get_close_matches(word, list(names), n=1, cutoff=0.5)
    if close:
        key = names[close[0]]
        return f",是不是想写 {key}({schema[key][0]})?"
    known = "、".join(f"{key}({entry[0]})" for key, entry in schema.items())
    return f"。此处可用的设置项:{known}"


def _scalar(node: yaml.Node) -> Any:
    """A scalar as YAML types it (16 → int, true → bool), so 16 and 16pt both read as sizes."""
    return yaml.constructor.SafeConstructor().construct_object(node)


class _Reader:
    """Walks one profile's node tree, collecting every problem before reporting."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node, path: str, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(message, self.filename, mark.line + 1, mark.column + 1, path))

    def mapping(self, node: yaml.Node, path: str, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
        if isinstance(node, yaml.MappingNode):
            return node.value
        if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            self.problem(node, path, f"应为{what}(键: 值 的形式)")
        return []

    def read(self, root: yaml.Node) -> Values:
        values: Values = {}
        for key_node, value_node in self.mapping(root, "", "版式设置"):
            word = str(key_node.value).strip()
            section = _names(_SECTIONS).get(word)
            if section is None:
                self.problem(key_node, word, f"未知设置项“{word}”" + _did_you_mean(word, _SECTIONS))
                continue
            if section in values:
                self.problem(key_node, section, f"设置项 {section} 重复出现")
                continue
            label, _cls, fields = _SECTIONS[section]
            values[section] = self.section(value_node, section, label, fields)
        return values

    def section(self, node: yaml.Node, section: str, label: str,
                fields: dict[str, tuple[str, Parser]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in self.mapping(node, section, f"{label}的设置"):
            word = str(key_node.value).strip()
            key = _names(fields).get(word)
            path = f"{section}.{key or word}"
            if key is None:
                self.problem(key_node, path, f"未知设置项“{word}”" + _did_you_mean(word, fields))
                continue
            if key in out:
                self.problem(key_node, path, f"设置项 {path} 重复出现")
                continue
            if not isinstance(value_node, yaml.ScalarNode):
                self.problem(value_node, path, f"{fields[key][0]}应为单个值")
                continue
            value = _scalar(value_node)
            try:
                out[key] = fields[key][1](value)
            except ValueError as error:
                self.problem(value_node, path, f"“{value_node.value}”不合适:{error}")
        return out


def _read(text: str, filename: str) -> Values:
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise InputError(Problem(f"YAML 格式错误:{error.problem or error}", filename,
                                 line, column)) from None
    except yaml.YAMLError as error:
        raise InputError(Problem(f"YAML 格式错误:{error}", filename)) from None
    if root is None:
        return {}
    reader = _Reader(filename)
    values = reader.read(root)
    if reader.problems:
        raise InputError(reader.problems)
    return values


@cache
def _built_in(name: str) -> Values:
    path = resources.files("generator") / "layouts" / f"{name}.yaml"
    return _read(path.read_text(encoding="utf-8"), f"{name}.yaml")


def _build(name: str, values: Values) -> Layout:
    parts: dict[str, Any] = {"name": name}
    for section, (_label, cls, _fields) in _SECTIONS.items():
        parts[section] = cls(**values[section])
    return Layout(**parts)


def load_layout(name: str = "standard", profile: str | Path | None = None) -> Layout:
    """A built-in profile by name, with a user's YAML profile file laid over it.

    The profile may set any subset of keys (English or their Chinese labels); what it leaves
    out keeps the built-in value.  Problems raise InputError with file, line and key path.
    """
    if name not in BUILT_IN:
        close = difflib.get_close_matches(name, BUILT_IN, n=1, cutoff=0.4)
        hint = f"是不是想写 {close[0]}?" if close else ""
        raise InputError(f"没有名为“{name}”的版式。{hint}可用的版式:{'、'.join(BUILT_IN)}")
    values = {section: dict(keys) for section, keys in _built_in(name).items()}
    if profile is None:
        return _build(name, values)
    path = Path(profile)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(Problem("找不到版式文件,请检查路径和文件名", str(path))) from None
    except UnicodeDecodeError:
        raise InputError(Problem("版式文件应为 UTF-8 编码的 YAML", str(path))) from None
    except OSError as error:
        raise InputError(Problem(f"无法读取版式文件:{error.strerror}", str(path))) from None
    return load_layout_text(name, text, str(path))


def load_layout_text(name: str, text: str, filename: str) -> Layout:
    """A built-in layout with a profile given as YAML text laid over it."""
    load_layout(name)  # an unknown layout name is reported before the profile is read
    values = {section: dict(keys) for section, keys in _built_in(name).items()}
    for section, keys in _read(text, filename).items():
        values[section].update(keys)
    return _build(f"{name}+{Path(filename).stem}", values)
