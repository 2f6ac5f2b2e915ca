"""Fields declared as data, and values checked against them.

One declaration (key, Chinese label, type, required, default, help, example) drives
validation messages, `speechgen templates show`, `speechgen new` scaffolds and the mapping of
spreadsheet columns.  The outline format itself is declared the same way, so an outline and a
template's facts are checked by one piece of code and fail with the same kind of message.

Values arrive as plain Python data (from YAML or spreadsheet cells) together with a `locate`
function that says where a value sits in the user's file, so every problem names its place.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, NamedTuple

from .dates import DateError, format_date
from .errors import Problem, did_you_mean, suggestion
from .numerals import MAX_NUMBER

Path = tuple[str | int, ...]
Locator = Callable[[Path], tuple[int | None, int | None]]

TYPES = ("text", "paragraphs", "date", "number", "bool", "choice", "group", "list")
TYPE_NAMES = {
    "text": "文字",
    "paragraphs": "段落列表(一行一段)",
    "date": "日期",
    "number": "整数",
    "bool": "是/否",
    "choice": "选项",
    "group": "字段组",
    "list": "列表",
    "value": "取值",
}
#: The one yes/no vocabulary (fields and layout profiles), compared lower-case; 开/关 as the
#: README speaks of a switch ("开孤行控制"; a tester wrote 孤行控制: 开 and was refused).
TRUE_WORDS = frozenset({"true", "yes", "y", "on", "是", "对", "1", "开"})
FALSE_WORDS = frozenset({"false", "no", "n", "off", "否", "不", "0", "关"})


class Field(NamedTuple):
    """One declared input: what it is called, what it holds, and how to explain it to a user."""

    key: str
    label: str
    type: str = "text"
    required: bool = False
    default: Any = None
    help: str = ""
    example: Any = None
    aliases: tuple[str, ...] = ()
    choices: Mapping[str, str] = MappingProxyType({})  # accepted spelling → value
    fields: tuple[Field, ...] = ()  # for group, and for a list of groups
    item: str = "text"  # for list: "text" or "group"
    #: For type "value" (declared in code, e.g. layout profiles): the scalar as written → the
    #: typed value, or ValueError saying what was expected.
    parse: Callable[[Any], Any] | None = None
    #: Required only when sibling fields hold these values (key → value): an agenda item of
    #: type 其他 says nothing of what was done unless its 内容 does, and the glue would have to
    #: invent it ("县人社局发了言", a tester).
    required_when: Mapping[str, str] = MappingProxyType({})

    @property
    def offered(self) -> bool:
        """Whether scaffolds, `templates show` and forms offer it (a "refused" key is only
        recognised, to say why it is not allowed there)."""
        return self.type != "refused"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.key, self.label, *self.aliases)

    def describe(self) -> str:
        """How a message names this field: 中文名(key)."""
        return f"{self.label}({self.key})" if self.label != self.key else self.key


def no_locate(path: Path) -> tuple[int | None, int | None]:
    """The locator of data that did not come from a file: no line, no column."""
    return None, None


@dataclass
class Validator:
    """Checks a value tree against fields, collecting every problem instead of stopping."""

    file: str | None = None
    locate: Locator = no_locate
    problems: list[Problem] = field(default_factory=list)
    root: Sequence[Field] = ()  # the top-level fields, to name a place by canonical keys

    def problem(self, path: Path, shown: str, message: str, keys: Path | None = None) -> None:
        """Record a problem at `path` (the data's own keys, for the file position); `keys` is
        the same place in canonical keys, worked out from `path` when not given."""
        line, column = self.locate(path)
        self.problems.append(Problem(message, self.file, line, column, shown or None,
                                     self.canonical(path) if keys is None else keys))

    def canonical(self, path: Path) -> Path:
        """`path` with each key as the field's canonical key (正文 → sections); a key no field
        declares stays as written."""
        out: list[str | int] = []
        current: Sequence[Field] = self.root
        for step in path:
            if isinstance(step, int):
                out.append(step)
                continue
            name = str(step).strip()
            spec = next((f for f in current if name in f.names), None)
            out.append(spec.key if spec else name)
            current = spec.fields if spec else ()
        return tuple(out)

    def group(self, data: Any, fields: Sequence[Field], path: Path = (), shown: str = "") -> dict:
        """Validate a mapping; unknown keys get a did-you-mean, missing required ones are named."""
        if not path and not self.root:
            self.root = fields
        if data is None:
            data = {}
        if not isinstance(data, Mapping):
            # what to write instead, in the user's own words: "小项: [稳面积]" is told
            # "如 小标题: 稳面积" (a tester was shown the rule and not the form)
            # (not for a whole file that is no mapping: a CSV given as a profile)
            first = next((f for f in fields if f.required), fields[0] if fields else None)
            if not path or first is None:
                example = ""
            elif first.type == "text" and isinstance(data, str) and len(data) <= 40:
                example = f";如“{first.label}: {data}”"
            else:
                example = ";可写的字段:" + "、".join(f.describe() for f in fields[:6])
            self.problem(path, shown, f"应为字段组(键: 值),实际是{_kind(data)}{example}")
            return {}
        by_name = {name: f for f in fields for name in f.names}
        result: dict[str, Any] = {}
        written: dict[str, str] = {}  # field key → the name the user wrote it under
        wrong: set[str] = set()
        for raw_key, value in data.items():
            key = str(raw_key).strip()
            child_shown = f"{shown}.{key}" if shown else key
            spec = by_name.get(key)
            if spec is None:
                meant = _meant(key, fields, data)
                self.problem(path + (raw_key,), child_shown, _unknown(key, fields, meant))
                if meant is not None and meant.key not in written:
                    wrong.add(meant.key)  # "工作任务" for 整治任务: told once, not "missing" too
                continue
            if spec.key in result:
                before_name = written[spec.key]
                # "段落" after "引言" at a point's level: one field by two names (a fact writer
                # was told "引言 重复出现" and had written 引言 once)
                same = (f"“{before_name}”和“{key}”是同一个字段 {spec.describe()},"
                        if before_name != key else f"{spec.describe()} 重复出现;")
                self.problem(path + (raw_key,), child_shown, f"{same}请删去其中一处")
                continue
            written[spec.key] = key
            before = len(self.problems)
            result[spec.key] = self.value(value, spec, path + (raw_key,), child_shown)
            if len(self.problems) > before:
                wrong.add(spec.key)  # told what is wrong with it; not "missing" as well
        for spec in fields:
            if result.get(spec.key) in (None, "", [], {}):
                when = _required_when(spec, fields, result)
                if (spec.required or when) and spec.key not in wrong:
                    where = f"{shown}.{spec.label}" if shown else spec.label
                    self.problem(path, where, f"{when}缺少必填字段 {spec.describe()}"
                                 + _hint(spec), (*self.canonical(path), spec.key))
                result[spec.key] = _empty(spec)
        return result

    def value(self, data: Any, spec: Field, path: Path, shown: str) -> Any:
        if (data is None or data == "") and spec.type not in ("value", "refused"):
            return _empty(spec)
        converter = getattr(self, f"_{spec.type}")
        return converter(data, spec, path, shown)

    def _text(self, data: Any, spec: Field, path: Path, shown: str) -> str | None:
        if isinstance(data, (Mapping, list)):
            self.problem(path, shown, f"应为一段文字,实际是{_kind(data)}" + _hint(spec))
            return None
        return join_lines(_scalar_text(data))

    def _home_of(self, item: Any) -> str:
        """Where an entry written as a group belongs when a list of groups at the top takes
        its keys: "前面讲话: - 谁: …  类型: …" is an 议程 entry (a tester was told only
        "段落应为一段文字")."""
        if not isinstance(item, Mapping):
            return ""
        keys = {str(key).strip() for key in item}
        home = next((f for f in self.root if f.type == "list" and f.item == "group"
                     and keys & {name for child in f.fields for name in child.names}), None)
        return f";按项写明{'、'.join(sorted(keys))}的,请写在“{home.label}”下" if home else ""

    def _paragraphs(self, data: Any, spec: Field, path: Path, shown: str) -> list[str]:
        if isinstance(data, Mapping):
            self.problem(path, shown, "应为段落列表,实际是字段组" + _hint(spec))
            return []
        if not isinstance(data, list):
            return split_lines(_scalar_text(data))
        out = []
        for index, item in enumerate(data):
            if isinstance(item, (Mapping, list)):
                what = "段落" if spec.type == "paragraphs" else "每一项"
                self.problem(path + (index,), f"{shown}[{index + 1}]",
                             f"{what}应为一段文字,实际是{_kind(item)}" + self._home_of(item))
            elif item is not None and (text := join_lines(_scalar_text(item))):
                out.append(text)
        return out

    def _date(self, data: Any, spec: Field, path: Path, shown: str) -> str | None:
        try:
            return format_date(data)
        except DateError as error:
            self.problem(path, shown, str(error))
            return None

    def _number(self, data: Any, spec: Field, path: Path, shown: str) -> int | None:
        text = _scalar_text(data)
        try:
            number = float(text)
            if number == int(number) >= 0:  # a count or a version: 套话版本 -5 was taken (a tester)
                return int(number)
        except (ValueError, OverflowError):
            pass
        self.problem(path, shown, f"应为 0 或更大的整数,实际是“{text}”")
        return None

    def _bool(self, data: Any, spec: Field, path: Path, shown: str) -> bool | None:
        text = _scalar_text(data).lower()
        if text in TRUE_WORDS:
            return True
        if text in FALSE_WORDS:
            return False
        self.problem(path, shown, f"应为 是/否(true/false),实际是“{text}”")
        return None

    def _choice(self, data: Any, spec: Field, path: Path, shown: str) -> str | None:
        text = _scalar_text(data)
        if text in spec.choices:
            return spec.choices[text]
        if text in spec.choices.values():  # the value itself, as an outline saved by the
            return text                    # page writes it ("首先，" for 首先, a tester)
        close = did_you_mean(text, list(spec.choices))
        self.problem(path, shown, f"“{text}”不是可选值;" + suggestion(close)
                     + f"可选:{'、'.join(choice_spellings(spec))}")
        return None

    def _value(self, data: Any, spec: Field, path: Path, shown: str) -> Any:
        """A setting parsed by its own parser (a length with units, a type size name…)."""
        assert spec.parse is not None
        if isinstance(data, (Mapping, list)):
            self.problem(path, shown, f"{spec.label}应为单个值,实际是{_kind(data)}")
            return None
        if data is None or data == "":
            self.problem(path, shown, f"{spec.label}没有写取值;不需要修改就删去这一行")
            return None
        try:
            return spec.parse(data)
        except ValueError as error:
            self.problem(path, shown, f"“{data}”不合适:{error}")
            return None

    def _refused(self, data: Any, spec: Field, path: Path, shown: str) -> None:
        """A key that is known but not allowed here (a fifth heading level): its help says why."""
        self.problem(path, shown, spec.help)

    def _group(self, data: Any, spec: Field, path: Path, shown: str) -> dict:
        return self.group(data, spec.fields, path, shown)

    def _list(self, data: Any, spec: Field, path: Path, shown: str) -> list:
        if spec.item == "text":
            return self._paragraphs(data, spec, path, shown)
        if isinstance(data, Mapping):
            data = [data]  # one item written without the leading "-"
        if not isinstance(data, list):
            self.problem(path, shown, f"应为列表(每项以“- ”开头),实际是{_kind(data)}" + _hint(spec))
            return []
        if len(data) > MAX_NUMBER:  # numbered 一、… (一)…: the numerals stop there
            self.problem(path, shown, f"最多 {MAX_NUMBER} 项(编号最大写到九千九百九十九),"
                                      f"这里有 {len(data)} 项")
            return []
        items = []
        for index, item in enumerate(data):
            if item is None:
                continue
            where = f"{shown}[{index + 1}]"
            before = len(self.problems)
            group = self.group(item, spec.fields, path + (index,), where)
            if isinstance(item, Mapping) and not any(group.values()) and \
                    len(self.problems) == before:
                # "- {}" rendered "二、None" (a tester): an item with nothing in it is a slip
                self.problem(path + (index,), where,
                             "这一项什么也没写;请填上内容,不需要就删去这一项")
            items.append(group)
        return items


def choice_spellings(spec: Field) -> list[str]:
    """One spelling for each value a choice takes, the shortest, as a user is shown them:
    every accepted spelling of 编号 (第一，/第一,/第一、…) made a list of some 60 (a tester)."""
    spellings: dict[str, str] = {}
    for spelling, value in spec.choices.items():
        if value not in spellings or len(spelling) < len(spellings[value]):
            spellings[value] = spelling
    return list(spellings.values())


def join_lines(text: str) -> str:
    """One line from a value the user broke over several: Chinese joins without a space."""
    parts = [part.strip() for part in text.splitlines() if part.strip()]
    if len(parts) < 2:
        return parts[0] if parts else ""
    out = parts[0]
    for part in parts[1:]:
        ascii_edge = out[-1].isascii() and part[0].isascii()
        out += (" " if ascii_edge else "") + part
    return out


def split_lines(text: str) -> list[str]:
    """A list from one block of text or one spreadsheet cell: one item a line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _empty(spec: Field) -> Any:
    if spec.default is not None:
        return spec.default
    return [] if spec.type in ("paragraphs", "list") else {} if spec.type == "group" else None


#: A value quoted in a message is cut to this many characters: a CSV given as a profile was
#: quoted whole (a tester).
QUOTED = 30


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "字段组"
    if isinstance(value, list):
        return "列表"
    text = str(value)
    return f"“{text[:QUOTED]}……”" if len(text) > QUOTED else f"“{text}”"


def example_text(value: Any) -> str:
    """A declared example as a user reads it in a hint: a list joined with ;, a list of groups
    by each item's first text (its heading), not a dump of the items."""
    if isinstance(value, list):
        return ";".join(next((str(v) for v in item.values() if isinstance(v, str)), "…")
                        if isinstance(item, Mapping) else str(item) for item in value)
    return str(value)


def _required_when(spec: Field, fields: Sequence[Field], result: Mapping[str, Any]) -> str:
    """"类型为“其他”时," when the siblings' values make `spec` required, else ""."""
    if not spec.required_when or any(result.get(key) != value
                                      for key, value in spec.required_when.items()):
        return ""
    labels = {f.key: f.label for f in fields}
    said = "、".join(f"{labels.get(key, key)}为“{value}”"
                    for key, value in spec.required_when.items())
    return f"{said}时,"


def _hint(spec: Field) -> str:
    parts = []
    if spec.help:
        parts.append(spec.help)
    if spec.example not in (None, "", []):
        parts.append(f"例如:{example_text(spec.example)}")
    return f"({';'.join(parts)})" if parts else ""


#: What other levels call their paragraphs: written where this level has none of that name,
#: they mean its first field of paragraphs ("段落" under a task item meant its 引言, and the
#: closest spelling offered 段末, a new user's trial).
_PARAGRAPHS_WORDS = ("段落", "正文", "paragraphs")


def _meant(key: str, fields: Sequence[Field], written: Iterable[str] = ()) -> Field | None:
    """The field an unknown key most likely meant: the paragraphs field for a word that means
    paragraphs, else a required field not written that is as near as any ("主要要求" is
    主要内容, missing, before 组织要求, a tester), else the nearest name."""
    names = [name for f in fields for name in f.names]
    target = next((f for f in fields if f.type == "paragraphs"), None) \
        if key in _PARAGRAPHS_WORDS else None
    if target is None and (close := did_you_mean(key, names)):
        target = next(f for f in fields if close in f.names)
        nearest = difflib.SequenceMatcher(None, key, close).ratio()
        given = {str(name).strip() for name in written}
        missing = [f for f in fields if f.required and not given & set(f.names)]
        target = next((f for f in missing for name in f.names
                       if difflib.SequenceMatcher(None, key, name).ratio() >= nearest), target)
    return target


def _unknown(key: str, fields: Sequence[Field], target: Field | None) -> str:
    """What an unknown key is told: the field it most likely meant (`_meant`), else where the
    key belongs or the fields this level takes."""
    if target is not None:
        return f"未知字段“{key}”,{suggestion(target.describe())}"
    # a key of a group one level down, written a level too high ("孤行控制: 开" at a profile's
    # top, where it belongs under 版心网格; a tester was shown the top level's list alone)
    homes = [f for f in fields if any(key in child.names for child in f.fields)]
    if len(homes) == 1:
        home = homes[0]
        where = (f"“{home.label}:”下的每一项里(以“- ”开头)" if home.type == "list"
                 else f"“{home.label}:”之下")
        return f"未知字段“{key}”:它是 {home.describe()} 里的字段,应缩进写在{where}"
    if homes:  # 字体 at a profile's top: every element has one (not "标题里的", a tester)
        named = "、".join(h.label for h in homes[:4]) + ("等" if len(homes) > 4 else "")
        example = next((h for h in homes if h.key == "body"), homes[0])
        return (f"未知字段“{key}”:{named}各有这个字段,应缩进写在要改的那一项之下,"
                f"如“{example.label}:”之下")
    known = "、".join(f.describe() for f in fields)
    return f"未知字段“{key}”。此处可用的字段:{known}"


_FIELD_KEYS = {"key", "label", "type", "required", "required_when", "default", "help",
               "example", "aliases", "choices", "fields", "item"}
_KEY_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def fields_from_data(items: Any, source: str = "fields") -> tuple[Field, ...]:
    """Field declarations from a template's YAML; a broken declaration is the template's bug,
    raised as ValueError saying which field (`source` is its place: fields, fields 第2项.fields)
    and what to write.  A template author was told "key 或 type 不合法" with the file twice and
    a Python list of unknown attributes, and two fields of one key or label were taken (a
    tester, round 4)."""
    if not isinstance(items, list):
        raise ValueError(f"{source} 应为列表(每个字段以“- key: …”开头)")
    out = []
    keys: set[str] = set()
    labels: set[str] = set()
    for index, raw in enumerate(items, 1):
        where = f"{source} 第{index}项"
        if not isinstance(raw, Mapping) or not raw.get("key") or not raw.get("label"):
            raise ValueError(f"{where}:每个字段都要写 key(英文键)和 label(中文名)")
        key, label = str(raw["key"]), str(raw["label"])
        where = f"{where}({key})"
        for unknown in sorted(set(map(str, raw)) - _FIELD_KEYS):
            close = did_you_mean(unknown, sorted(_FIELD_KEYS))
            raise ValueError(f"{where}:不认识的属性“{unknown}”;{suggestion(close)}"
                             f"可用的属性:{'、'.join(sorted(_FIELD_KEYS))}")
        if not _KEY_PATTERN.match(key):
            raise ValueError(f"{where}:key 只能用英文字母、数字和下划线,且不以数字开头"
                             f"(中文名写在 label 里,提纲里两种都能用)")
        kind = raw.get("type", "text")
        if kind not in TYPES:
            close = did_you_mean(str(kind), list(TYPES))
            raise ValueError(f"{where}:type“{kind}”不是可用的类型;{suggestion(close)}"
                             f"可用的类型:{'、'.join(TYPES)}")
        if key in keys or label in labels:
            twice = f"key“{key}”" if key in keys else f"label“{label}”"
            raise ValueError(f"{where}:{twice}已被前面的字段用过;"
                             "每个字段的 key 和 label 都不能重复")
        keys.add(key)
        labels.add(label)
        required_when = raw.get("required_when") or {}
        if not isinstance(required_when, Mapping):
            raise ValueError(f"{where}:required_when 应写成“同组字段: 取值”,如 "
                             "required_when: {kind: 其他}")
        choices = raw.get("choices") or {}
        if isinstance(choices, list):
            choices = {str(c): str(c) for c in choices}
        out.append(
            Field(
                key=str(raw["key"]),
                label=str(raw["label"]),
                type=kind,
                required=bool(raw.get("required", False)),
                default=raw.get("default"),
                help=str(raw.get("help", "")),
                example=raw.get("example"),
                aliases=tuple(str(a) for a in raw.get("aliases", ())),
                choices={str(k): str(v) for k, v in choices.items()},
                fields=fields_from_data(raw["fields"], f"{where}.fields")
                if raw.get("fields") else (),
                item="group" if raw.get("fields") else str(raw.get("item", "text")),
                required_when={str(k): str(v) for k, v in required_when.items()},
            )
        )
    return tuple(out)
