"""Layout profiles: every number the DOCX writer lays a speech out with, kept as data.

Offices disagree on details (方正仿宋_GBK or 仿宋_GB2312, a 28 or 29 pt line), so nothing
about the page lives in the writer: a built-in profile (``standard`` = GB/T 9704-2012,
``podium`` = 大字版) supplies every value and a user's YAML file overrides any of them.
The profile schema is declared as fields (LAYOUT_FIELDS) and checked by the same validator as
outlines: every problem names file:line:column, the key path and what was expected, and an
unknown key gets the same did-you-mean.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from . import reading, yaml_reader
from .errors import InputError, Problem, did_you_mean, suggestion
from .fields import FALSE_WORDS, TRUE_WORDS, Field, Validator
from .fonts import Fallback
from .layout_rules import check_font_name, check_text

#: Chinese type sizes (字号) in points.
SIZE_NAMES: dict[str, float] = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16,
    "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9, "六号": 7.5, "小六": 6.5,
    "七号": 5.5, "八号": 5,
}

MM_PER_PT = 25.4 / 72
TWIPS_PER_MM = 1440 / 25.4
#: What a house profile is called when it cannot be read (the CLI and the page alike).
PROFILE_FILE = "版式文件(.yaml)"


class Paper(NamedTuple):
    width: float  # mm
    height: float  # mm


class Margins(NamedTuple):
    top: float  # mm
    bottom: float
    left: float
    right: float


class Grid(NamedTuple):
    """The 版心 grid.  ``None`` pitch/spacing means: derive them from the counts."""

    lines_per_page: int
    chars_per_line: int
    line_pitch: float | None  # pt, exact line spacing
    char_spacing: float | None  # pt added to (or taken from) every character
    title_gap: int  # blank lines between the title block and the salutation
    widow_control: bool  # Word's 孤行控制: a paragraph's first or last line never alone on a page


class TextStyle(NamedTuple):
    """How one kind of paragraph looks."""

    font: str  # East Asian font (w:eastAsia)
    latin: str  # Latin letters and digits (w:ascii, w:hAnsi)
    size: float  # pt
    bold: bool
    align: str  # left, center, right, justify
    indent: float  # first-line indent in characters


class PageNumber(NamedTuple):
    format: str  # "— {page} —"
    font: str
    latin: str
    size: float  # pt
    gap: float  # mm between the 版心 and the top of the number
    indent: float  # characters in from the outer edge (right on odd pages, left on even)


class Layout(NamedTuple):
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
    fallback: Fallback

    @property
    def shown(self) -> str:
        """The layout as a person calls it: 大字版, or 标准版加本单位版式“办公室” for a profile
        laid over a built-in (its name "standard+办公室" was printed in a warning, a tester)."""
        base, _, profile = self.name.partition("+")
        title = LAYOUT_TITLES.get(base, base)
        return f"{title}加本单位版式“{profile}”" if profile else title

    def style(self, kind: str, level: int = 0) -> TextStyle:
        """The style of a block kind; ``heading`` and ``lead`` heads take their level's style."""
        if kind in ("heading", "lead"):
            return getattr(self, f"heading{min(max(level, 1), 4)}")
        return getattr(self, kind)

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
    if not isinstance(value, str) or not value.strip():
        raise ValueError("应为字体名称,如 仿宋_GB2312、方正仿宋_GBK、Times New Roman")
    return check_font_name(value.strip())


def parse_fallback(value: Any) -> str:
    """A font name, or auto: the full-charset face of each style's own family."""
    if isinstance(value, str) and value.strip().lower() in _AUTO:
        return "auto"
    return parse_font(value)


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in TRUE_WORDS or word in FALSE_WORDS:
        return word in TRUE_WORDS
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
    return check_text(value)


# --- the schema, declared as fields: YAML key, Chinese label, parser --------------------------

Parser = Callable[[Any], Any]


def _settings(*items: tuple[str, str, Parser]) -> tuple[Field, ...]:
    return tuple(Field(key, label, "value", parse=parser) for key, label, parser in items)


_STYLE_FIELDS = _settings(
    ("font", "字体", parse_font),
    ("latin", "西文字体", parse_font),
    ("size", "字号", parse_size),
    ("bold", "加粗", parse_bool),
    ("align", "对齐", parse_align),
    ("indent", "首行缩进", parse_indent),
)

#: Section key → the dataclass its values build.
_CLASSES: dict[str, type] = {"paper": Paper, "margins": Margins, "grid": Grid,
                             "page_number": PageNumber, "fallback": Fallback}

LAYOUT_FIELDS: tuple[Field, ...] = (
    Field("paper", "纸张", "group", fields=_settings(
        ("width", "宽", parse_paper_length), ("height", "高", parse_paper_length))),
    Field("margins", "页边距", "group", fields=_settings(
        ("top", "上", parse_length), ("bottom", "下", parse_length),
        ("left", "左", parse_length), ("right", "右", parse_length))),
    Field("grid", "版心网格", "group", fields=_settings(
        ("lines_per_page", "每页行数", parse_lines),
        ("chars_per_line", "每行字数", parse_chars),
        ("line_pitch", "行距", parse_pitch),
        ("char_spacing", "字间距", parse_spacing),
        ("title_gap", "标题后空行", parse_gap),
        ("widow_control", "孤行控制", parse_bool))),
    *(Field(key, label, "group", fields=_STYLE_FIELDS) for key, label in (
        ("title", "标题"), ("subtitle", "副标题"), ("speaker", "讲话人"), ("date", "日期"),
        ("salutation", "称呼"), ("body", "正文"), ("heading1", "一级标题"),
        ("heading2", "二级标题"), ("heading3", "三级标题"), ("heading4", "四级标题"),
        ("signoff", "结束语"))),
    Field("page_number", "页码", "group", fields=_settings(
        ("format", "格式", parse_page_format),
        ("font", "字体", parse_font),
        ("latin", "西文字体", parse_font),
        ("size", "字号", parse_size),
        ("gap", "距版心", parse_length),
        ("indent", "空字", parse_indent))),
    Field("fallback", "生僻字", "group", fields=_settings(
        ("font", "字体", parse_fallback),
        ("supplementary", "扩展字体", parse_font))),
)


# --- reading profile files --------------------------------------------------------------------

Values = dict[str, dict[str, Any]]


def _read(text: str, filename: str) -> Values:
    """The settings a profile text writes, by canonical section and key; every problem (an
    unknown key with its did-you-mean, a value that does not parse) reported at once."""
    data, locate = yaml_reader.parse(text, filename, allow_empty=True)
    if data is None:
        return {}
    validator = Validator(filename, locate)
    values = validator.group(data, LAYOUT_FIELDS)
    if validator.problems:
        raise InputError(validator.problems)
    written: Values = {}
    for raw_section, settings in data.items():
        (section,) = validator.canonical((raw_section,))
        for raw_key in settings or {}:
            key = validator.canonical((raw_section, raw_key))[-1]
            written.setdefault(str(section), {})[str(key)] = values[str(section)][key]
    return written


def _layouts_folder() -> Path:
    """generator/layouts/, found from this file: importlib.resources would pull zipfile and
    friends onto the render path for a folder that is always on disk."""
    return Path(__file__).resolve().parent / "layouts"


#: What people call the built-in layouts, for messages and file names.
LAYOUT_TITLES = {"standard": "标准版", "podium": "大字版"}


def layout_name(value: str) -> str:
    """The built-in layout `value` names: its own name in any case, or its title as the page
    and the docs print it, with or without 版 (大字版, 大字 → podium), spaces around it
    ignored: a user who reads "大字版" types it (a tester).  Any other value comes back
    stripped, for `load_layout` to refuse."""
    # " 大字版" pasted with its space, "ｐｏｄｉｕｍ" typed with the input method on (a tester)
    value = unicodedata.normalize("NFKC", value).strip()
    for name, title in LAYOUT_TITLES.items():
        if value.lower() == name or value in (title, title.removesuffix("版")):
            return name
    return value


def built_in_layouts() -> tuple[str, ...]:
    """The layouts shipped in generator/layouts/, `standard` (GB/T 9704) first."""
    names = sorted(entry.name.removesuffix(".yaml") for entry in _layouts_folder().iterdir()
                   if entry.name.endswith(".yaml"))
    return tuple(sorted(names, key=lambda name: name != "standard"))


@cache
def _built_in(name: str) -> Values:
    path = _layouts_folder() / f"{name}.yaml"
    return _read(path.read_text(encoding="utf-8"), f"{name}.yaml")


def _build(name: str, values: Values) -> Layout:
    parts: dict[str, Any] = {"name": name}
    for spec in LAYOUT_FIELDS:
        parts[spec.key] = _CLASSES.get(spec.key, TextStyle)(**values[spec.key])
    return Layout(**parts)


def known_layout(name: str) -> str:
    """The built-in layout `name` names (see `layout_name`); InputError naming the layouts,
    with a suggestion, when it names none.  The CLI and the web page tell it alike."""
    available = built_in_layouts()
    name = layout_name(name)
    if name not in available:
        titled = [f"{n}({LAYOUT_TITLES[n]})" if n in LAYOUT_TITLES else n for n in available]
        hint = suggestion(did_you_mean(name, [*available, *LAYOUT_TITLES.values()], cutoff=0.4))
        raise InputError(f"没有名为“{name}”的版式。{hint}可用的版式:{'、'.join(titled)}")
    return name


def load_layout(name: str = "standard", profile: str | Path | None = None) -> Layout:
    """A built-in profile by name, with a user's YAML profile file laid over it.

    The profile may set any subset of keys (English or their Chinese labels); what it leaves
    out keeps the built-in value.  Problems raise InputError with file, line and key path.
    """
    name = known_layout(name)
    if profile is None:
        return _build(name, _built_in(name))
    path = Path(profile)
    text = reading.read_text(path, reading.MAX_OUTLINE, PROFILE_FILE, allow_empty=True)
    return load_layout_text(name, text, str(path))


def load_layout_text(name: str, text: str, filename: str) -> Layout:
    """A built-in layout with a profile given as YAML text laid over it."""
    load_layout(name)  # an unknown layout name is reported before the profile is read
    built_in = _built_in(name)
    values = {section: dict(keys) for section, keys in built_in.items()}
    written = _read(text, filename)
    for section, keys in written.items():
        values[section].update(keys)
    _carry_body(built_in, written, values)
    layout = _build(f"{name}+{Path(filename).stem}", values)
    _check_geometry(layout, filename)
    return layout


#: What a profile's body setting carries to the lines the built-in layout sets like the body.
_CARRIED = ("font", "latin", "size")


def _carry_body(built_in: Values, written: Values, values: Values) -> None:
    """A profile's body font, Latin font or size also goes to every style the built-in layout
    sets the same as its body and the profile leaves alone: GB/T 9704 sets every element in
    3号仿宋 unless it says otherwise (§5.2.1), the third- and fourth-level headings too (§7.3.3),
    so the salutation, the sign-off and those headings are the body's face.
    An office on 方正仿宋_GBK that wrote only ``正文: {字体: 方正仿宋_GBK}`` got those lines in
    仿宋_GB2312, two faces within one line of a 1. point (a tester)."""
    for key in _CARRIED:
        if key not in written.get("body", {}):
            continue
        for spec in LAYOUT_FIELDS:
            section = spec.key
            if (_CLASSES.get(section, TextStyle) is TextStyle and section != "body"
                    and built_in[section][key] == built_in["body"][key]
                    and key not in written.get(section, {})):
                values[section][key] = values["body"][key]


#: The smallest 版心 (text block) side that still holds a line of large type, in mm.
MIN_TEXT_BLOCK_MM = 40


def _check_geometry(layout: Layout, filename: str) -> None:
    """Margins that leave (almost) no text block would give a file of blank pages: refused."""
    problems = []
    for side, paper, first, second, names in (
            ("宽", layout.paper.width, layout.margins.left, layout.margins.right, "左右"),
            ("高", layout.paper.height, layout.margins.top, layout.margins.bottom, "上下")):
        left = paper - first - second
        if left < MIN_TEXT_BLOCK_MM:
            problems.append(Problem(
                f"页边距超出纸张:纸{side} {paper:g} 毫米,{names}页边距合计 {first + second:g} 毫米,"
                f"版心只剩 {max(left, 0):g} 毫米(至少应有 {MIN_TEXT_BLOCK_MM} 毫米)",
                filename, path="margins", key_path=("margins",)))
    if problems:
        raise InputError(problems)
