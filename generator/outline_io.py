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

from . import reading, yaml_reader
from .advice import advice
from .errors import InputError, Problem
from .fields import Field, Locator, Validator
from .model import MAX_DEPTH, ROLE_NAMES, Flag, Section, Speech
from .schemes import SPELLINGS

#: What an outline file is called when it cannot be read (the CLI and the page alike).
OUTLINE_FILE = "YAML 提纲(.yaml)"

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def parse_document(text: str, filename: str,
                   notes: list[Problem] | None = None) -> tuple[Any, Locator]:
    """An outline or facts document held in a string: (data, locate); `notes` receives what
    is probably a slip (yaml_reader.parse)."""
    data, locate = yaml_reader.parse(text, filename, notes=notes)
    if not isinstance(data, Mapping):
        if (found := yaml_reader.mistake(text)) is not None:
            raise InputError(Problem(found.message, filename, found.line, found.column))
        raise InputError(Problem("提纲的最外层应为“字段: 值”的形式(例如 标题: …)", filename, 1, 1))
    return data, locate


#: Files that hold a finished speech, not an outline: "render 去年的讲话.docx" said only that the
#: file was not text (a new user, from a clean clone).
_DRAFTS = (".docx", ".doc", ".wps", ".pdf", ".html", ".htm")


def load_document(path: str | Path,
                  notes: list[Problem] | None = None) -> tuple[Any, Locator, str]:
    """Read and parse one input file: (data, locate, the file name to show in messages)."""
    filename = str(path)
    suffix = Path(path).suffix.lower()
    if suffix in _DRAFTS:  # last year's speech given where an outline goes
        from .mining.sources import UNSUPPORTED

        if suffix in UNSUPPORTED:  # mine refuses these too: say what to save it as first
            raise InputError(Problem(f"这是讲话稿文件,不是提纲。{UNSUPPORTED[suffix]}", filename))
        raise InputError(Problem(
            f"这是讲话稿文件,不是提纲;请先提取成提纲:speechgen mine {Path(path).name} -o 提纲.yaml,"
            "改好后再生成", filename))
    data, locate = parse_document(read_outline(path), filename, notes)
    return data, locate, filename


def read_outline(path: str | Path) -> str:
    """An outline file's text, read as `render` reads it (size cap, encodings, refusals); for
    `check`, which also places its findings at the file's lines."""
    return reading.read_text(path, reading.MAX_OUTLINE, OUTLINE_FILE)


# The outline format, declared like any template's fields.

_ROLE_CHOICES = {key: key for key in ROLE_NAMES} | {name: key for key, name in ROLE_NAMES.items()}
_SCHEME_CHOICES = {spelling: name for spelling, name in SPELLINGS.items() if spelling}


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
    fields.append(Field("closing", "段末", "paragraphs", aliases=("小结",),
                        help="写在各小项之后、属于这一部分本身的段落(如“各乡镇要举一反三……”)"))
    if level < MAX_DEPTH:
        fields.append(Field("sections", "下级", "list", aliases=("小节", "分点"),
                            fields=_section_fields(level + 1), item="group",
                            help=f"第{level + 1}级小标题及内容"))
    else:
        fields.append(Field("sections", "下级", "refused", aliases=("小节", "分点"), help=(
            f"小标题最多 {MAX_DEPTH} 级(一、(一)1.(1)),这里是第 {MAX_DEPTH + 1} 级;"
            "请把这一级写成上一级的段落,或把上面几级合并")))
    return tuple(fields)


OUTLINE_FIELDS: tuple[Field, ...] = (
    Field("template", "模板", help="提纲用哪个模板生成;不写即按提纲原样排版(outline)"),
    Field("title", "标题", required=True, example="围绕中心 服务大局 推动全市办公室工作提质增效"),
    Field("subtitle", "副标题", example="——在全市办公室工作会议上的讲话"),
    Field("speaker", "讲话人", example="市委常委、秘书长　李明"),
    Field("date", "日期", "date", aliases=("时间",), example="2025年1月5日"),
    Field("salutation", "称呼", example="同志们："),
    Field("duration", "时长", help="计划讲话时长", example="15分钟"),
    Field("opening", "开场", "paragraphs", aliases=("开头", "开场白"),
          example=["今天召开全市办公室工作会议，主要任务是总结去年工作，部署今年任务。"]),
    Field("sections", "正文", "list", aliases=("部分",), fields=_section_fields(1), item="group",
          help="各个部分(一、二、三……)"),
    Field("closing", "结尾", "paragraphs",
          example=["同志们，让我们振奋精神、扎实工作，为推动全市办公室工作再上新台阶而努力奋斗！"]),
    Field("signoff", "结束语", "paragraphs", aliases=("致谢",), example="谢谢大家！"),
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
        sections=[_section(child) for child in values.get("sections") or []],
        role=values["role"],
        lead=values["lead"],
        numbering=values["numbering"],
        closing=values.get("closing") or [],
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
        raise InputError([*_missing_template(data, filename), *validator.problems])
    return speech_from_values(values)


def _missing_template(data: Any, filename: str | None) -> list[Problem]:
    """A template's facts without their "模板:" line are read as an outline, and each fact was
    told only that it is an unknown field (a new user): name the template they fit best."""
    if not isinstance(data, Mapping) or any(key in data for key in ("模板", "template")):
        return []
    from .templating import templates  # only on a failed outline: templating imports this module

    outline = {name for spec in OUTLINE_FIELDS for name in spec.names}
    foreign = [str(key) for key in data if str(key) not in outline]
    fits = {name: sum(any(key in spec.names for spec in template.fields) for key in foreign)
            for name, template in templates().items() if not template.is_outline}
    most = max(fits.values(), default=0)
    best = [name for name, count in fits.items() if count == most]
    if not most:
        return []
    line = f"“模板: {best[0]}”" if len(best) == 1 else f"“模板: 模板名”(可选 {'、'.join(best)})"
    return [Problem(f"提纲里没有“模板:”这一行,所以按原样排版(outline)读取;“{foreign[0]}”等是"
                    f"模板的字段,若要用模板生成,{advice('template-line', line=line)}",
                    filename, 1, 1)]


def parse_outline(text: str, filename: str = "<提纲>") -> Speech:
    """An outline document (text) as a speech tree; InputError lists every problem found."""
    data, locate = parse_document(text, filename)
    return outline_from_data(data, locate, filename)


def load_outline(path: str | Path) -> Speech:
    data, locate, filename = load_document(path)
    _refuse_other_documents(data, locate, filename)
    return outline_from_data(data, locate, filename)


def _refuse_other_documents(data: Any, locate: Locator, filename: str | None) -> None:
    """Say what a file is when it is a template's facts or its declaration, not an outline:
    read as an outline, every one of its fields would be listed as unknown (and the title as
    missing), which tells a writer nothing about what to give instead."""
    if not isinstance(data, Mapping):
        return
    for key in ("模板", "template"):
        name = data.get(key)
        if isinstance(name, str) and name.strip() not in ("", "outline"):
            line, column = locate((key,))
            raise InputError(Problem(
                f"这是模板“{name.strip()}”的资料文件,不是提纲;这里需要提纲(模板: outline)。"
                f"可先用 speechgen render 生成讲话稿,再用 speechgen mine 讲话稿.docx 提取提纲",
                filename, line, column, key))
    if "fields" in data and ("name" in data or "description" in data):
        raise InputError(Problem("这是模板声明文件(template.yaml),不是提纲;这里需要提纲"
                                 "(模板: outline),可用 speechgen new outline 生成样例", filename))


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
    if section.closing:
        out["closing"] = list(section.closing)
    return out


def speech_to_dict(speech: Speech) -> dict[str, Any]:
    """The canonical outline as plain data, keys in reading order, empty parts left out.

    It is always an outline (`template: outline`), whichever template produced the tree: the
    tree is the finished text, and naming the producing template would make the file read back
    as that template's facts.
    """
    out: dict[str, Any] = {"template": "outline", "title": speech.title}
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
