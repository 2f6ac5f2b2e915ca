"""Outline files in and out: YAML with positions for every value, and the canonical dump.

Reading keeps each value's line and column (from PyYAML's node marks, with the C parser when
it is there), so a problem three levels down an outline still names file:line:column and the
field path.  All problems are collected before reporting.  Writing produces the canonical
outline: English keys, in a fixed order, empty parts left out, so a mined speech and a
hand-written one look the same and render the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Problem
from .fields import Field, Locator, Validator
from .model import MAX_DEPTH, ROLE_NAMES, Flag, Section, Speech
from .numbering import SCHEME_ALIASES, SCHEMES

MAX_BYTES = 1_000_000  # a long speech outline is ~50 KB; anything near this is not an outline
MAX_NODES = 200_000  # guards against alias bombs that expand a small file into millions of nodes

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_YAML_HINTS = {
    "mapping values are not allowed here":
        "这里不能出现“: ”;若文字本身含有冒号加空格,请给整段文字加引号",
    "could not find expected ':'": "缺少“: ”,或上一行的引号没有配对",
    "did not find expected key": "缩进不一致,或列表项与字段混在同一层",
    "found character '\\t' that cannot start any token": "不能用 Tab 缩进,请改用空格",
    "found a tab character": "不能用 Tab 缩进,请改用空格",
    "found undefined alias": "引用了未定义的锚点(*名称)",
    "found unexpected end of stream": "文件在引号或括号配对之前就结束了",
    "found unknown escape character": "双引号内的反斜杠转义不合法,可改用单引号",
    "expected <block end>, but found": "缩进不一致",
    "while scanning a quoted scalar": "引号没有配对",
}


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """A user's text file as str: UTF-8 (with or without BOM) or GB18030 as Windows saves it."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if file.is_dir():
            raise InputError(Problem("这是一个文件夹,不是文件", str(file)))
        if size > max_bytes:
            raise InputError(Problem(
                f"文件过大({size / 1e6:.1f} MB),提纲文件不能超过 {max_bytes / 1e6:.0f} MB;"
                "请检查是否选错了文件", str(file)))
        raw = file.read_bytes()
    except FileNotFoundError:
        raise InputError(Problem("找不到这个文件,请检查路径和文件名", str(file))) from None
    except PermissionError:
        raise InputError(Problem("没有读取这个文件的权限", str(file))) from None
    if b"\x00" in raw:
        raise InputError(Problem("这不是文本文件(含有二进制内容),请提供 .yaml 提纲", str(file)))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes nearly anything without NUL bytes
        raise InputError(Problem("无法识别文件编码,请另存为 UTF-8", str(file)))
    if not text.strip():
        raise InputError(Problem("文件是空的", str(file)))
    return text


def parse_yaml(text: str, filename: str) -> tuple[Any, Locator]:
    """Plain data (every scalar as its source string, null as None) and where each value sits."""
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        detail = error.problem or ""
        hint = next((h for key, h in _YAML_HINTS.items() if detail.startswith(key)), "")
        message = f"YAML 格式错误:{hint or '无法解析'}({detail})"
        raise InputError(Problem(message, filename, mark and mark.line + 1,
                                 mark and mark.column + 1)) from None
    except yaml.YAMLError as error:
        raise InputError(Problem(f"YAML 格式错误:{error}", filename)) from None
    if len(nodes) > 1:
        raise InputError(Problem("一个文件只能有一份提纲(发现了多个以 --- 分隔的文档)", filename))
    if not nodes:
        raise InputError(Problem("文件里没有内容", filename))
    marks: dict[tuple, tuple[int, int]] = {}
    budget = [MAX_NODES]

    def convert(node: yaml.Node, path: tuple) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise InputError(Problem("提纲结构过于庞大(可能含有循环引用的锚点)", filename))
        marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = convert(key_node, path + ("\0key",))
                key = "" if key is None else str(key) if not isinstance(key, str) else key
                if key in out:
                    line = key_node.start_mark.line + 1
                    raise InputError(Problem(f"字段“{key}”重复出现", filename, line,
                                             key_node.start_mark.column + 1))
                marks[path + (key,)] = (key_node.start_mark.line + 1,
                                        key_node.start_mark.column + 1)
                out[key] = convert(value_node, path + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [convert(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.tag == "tag:yaml.org,2002:null":
            return None
        return node.value

    data = convert(nodes[0], ())

    def locate(path: tuple) -> tuple[int | None, int | None]:
        while path and path not in marks:
            path = path[:-1]
        return marks.get(path, (None, None))

    return data, locate


def parse_document(text: str, filename: str) -> tuple[Any, Locator]:
    """An outline or facts document held in a string: (data, locate)."""
    data, locate = parse_yaml(text, filename)
    if not isinstance(data, Mapping):
        raise InputError(Problem("提纲的最外层应为“字段: 值”的形式(例如 标题: …)", filename, 1, 1))
    return data, locate


def load_document(path: str | Path) -> tuple[Any, Locator, str]:
    """Read and parse one input file: (data, locate, the file name to show in messages)."""
    filename = str(path)
    data, locate = parse_document(read_text(path), filename)
    return data, locate, filename


# The outline format, declared like any template's fields.

_ROLE_CHOICES = {key: key for key in ROLE_NAMES} | {name: key for key, name in ROLE_NAMES.items()}
_SCHEME_CHOICES = {name: name for name in SCHEMES} | {
    alias: target for alias, target in SCHEME_ALIASES.items() if alias
}


def _section_fields(level: int) -> tuple[Field, ...]:
    fields = [
        Field("heading", "小标题", aliases=("标题",), help="这一部分的标题,不写序号"),
        Field("role", "类型", "choice", aliases=("作用",), choices=_ROLE_CHOICES,
              help="回顾、形势、任务、保障或其他"),
        Field("lead", "领起", "bool", help="是:标题领起第一段;否:标题单独成行"),
        Field("numbering", "编号", "choice", choices=_SCHEME_CHOICES,
              help="序号样式,如 一是、第一，;不写则按层级用 一、(一)1.(1)"),
        Field("paragraphs", "段落", "paragraphs", aliases=("内容", "正文"), help="一项一段"),
    ]
    if level < MAX_DEPTH:
        fields.append(Field("sections", "下级", "list", aliases=("小节", "分点"),
                            fields=_section_fields(level + 1), item="group",
                            help=f"第{level + 1}级小标题及内容"))
    return tuple(fields)


OUTLINE_FIELDS: tuple[Field, ...] = (
    Field("template", "模板", help="提纲用哪个模板生成;不写即按提纲原样排版(outline)"),
    Field("title", "标题", required=True, example="在全市办公室工作会议上的讲话"),
    Field("subtitle", "副标题", example="——在全市办公室工作会议上的讲话"),
    Field("speaker", "讲话人", example="市委常委、秘书长　李明"),
    Field("date", "日期", "date", aliases=("时间",), example="2025年1月5日"),
    Field("salutation", "称呼", example="同志们:"),
    Field("duration", "时长", help="计划讲话时长", example="15分钟"),
    Field("opening", "开场", "paragraphs", aliases=("开头", "开场白")),
    Field("sections", "正文", "list", aliases=("部分",), fields=_section_fields(1), item="group",
          help="各个部分(一、二、三……)"),
    Field("closing", "结尾", "paragraphs"),
    Field("signoff", "结束语", "paragraphs", aliases=("致谢",), example="谢谢大家!"),
    Field("source", "来源", "group", fields=(
        Field("file", "文件"), Field("index", "篇号"), Field("marker", "原标记"),
        Field("title", "原标题"),
    )),
    Field("flags", "标注", "list", item="group", fields=(
        Field("code", "代码", required=True), Field("message", "说明", required=True),
        Field("where", "位置"),
    )),
)


def _section(values: Mapping[str, Any]) -> Section:
    return Section(
        heading=values["heading"] or "",
        paragraphs=values["paragraphs"],
        sections=[_section(child) for child in values.get("sections", [])],
        role=values["role"],
        lead=values["lead"],
        numbering=values["numbering"],
    )


def speech_from_values(values: Mapping[str, Any]) -> Speech:
    """The tree from validated outline values (see OUTLINE_FIELDS)."""
    source = values["source"] or None
    return Speech(
        title=values["title"] or "",
        subtitle=values["subtitle"],
        speaker=values["speaker"],
        date=values["date"],
        salutation=values["salutation"],
        opening=values["opening"],
        sections=[_section(item) for item in values["sections"]],
        closing=values["closing"],
        signoff=values["signoff"],
        template=values["template"] or "outline",
        duration=values["duration"],
        source={k: v for k, v in source.items() if v} if source else None,
        flags=[Flag(f["code"], f["message"], f["where"]) for f in values["flags"]],
    )


def outline_from_data(data: Any, locate: Locator, filename: str | None) -> Speech:
    validator = Validator(filename, locate)
    values = validator.group(data, OUTLINE_FIELDS)
    if validator.problems:
        raise InputError(validator.problems)
    return speech_from_values(values)


def parse_outline(text: str, filename: str = "<提纲>") -> Speech:
    """An outline document (text) as a speech tree; InputError lists every problem found."""
    data, locate = parse_yaml(text, filename)
    return outline_from_data(data, locate, filename)


def load_outline(path: str | Path) -> Speech:
    data, locate, filename = load_document(path)
    return outline_from_data(data, locate, filename)


def _section_dict(section: Section) -> dict[str, Any]:
    out: dict[str, Any] = {"heading": section.heading}
    if section.role:
        out["role"] = section.role
    if section.lead is not None:
        out["lead"] = section.lead
    if section.numbering:
        out["numbering"] = section.numbering
    if section.paragraphs:
        out["paragraphs"] = list(section.paragraphs)
    if section.sections:
        out["sections"] = [_section_dict(child) for child in section.sections]
    return out


def speech_to_dict(speech: Speech) -> dict[str, Any]:
    """The canonical outline as plain data, keys in reading order, empty parts left out."""
    out: dict[str, Any] = {"template": speech.template, "title": speech.title}
    for key in ("subtitle", "speaker", "date", "salutation", "duration"):
        if value := getattr(speech, key):
            out[key] = value
    if speech.opening:
        out["opening"] = list(speech.opening)
    if speech.sections:
        out["sections"] = [_section_dict(section) for section in speech.sections]
    if speech.closing:
        out["closing"] = list(speech.closing)
    if speech.signoff:
        out["signoff"] = list(speech.signoff)
    if speech.source:
        out["source"] = dict(speech.source)
    if speech.flags:
        out["flags"] = [
            {k: v for k, v in (("code", f.code), ("message", f.message), ("where", f.where)) if v}
            for f in speech.flags
        ]
    return out


def dump_outline(speech: Speech) -> str:
    """The canonical outline YAML; loading it back gives the same tree."""
    return yaml.dump(speech_to_dict(speech), Dumper=_Dumper, allow_unicode=True,
                     sort_keys=False, width=10**6, default_flow_style=False)
