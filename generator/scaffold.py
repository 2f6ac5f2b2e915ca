"""`speechgen new` and `speechgen templates`: a template's fields as text a user reads.

The scaffold is the template's own declaration turned into a starting file: Chinese keys,
each field's help as a comment above it, and the declared examples as values, so the file
validates and renders as it is and the user edits facts in place.  A field with no example is
left as a commented line to show that it exists without inventing a fact for it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import yaml

from .fields import TYPE_NAMES, Field, choice_spellings, example_text
from .templating import BUILTIN_DIR, Template

_INDENT = "  "


def _scalar(value: Any) -> str:
    """A value as one YAML flow scalar, quoted only when YAML needs it."""
    text = yaml.safe_dump(value, allow_unicode=True, width=10**6, default_flow_style=True)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _comment(spec: Field) -> str:
    parts = ["必填" if spec.required else "选填", TYPE_NAMES.get(spec.type, spec.type)]
    if spec.choices:  # "# 选填。选项" said neither the options nor the default (a tester)
        parts[-1] += ":" + " / ".join(choice_spellings(spec))
        if spec.default not in (None, ""):
            parts.append(f"不写时为“{spec.default}”")
    if spec.help:
        parts.append(spec.help)
    return "# " + "。".join(parts)


def _has_example(spec: Field) -> bool:
    """Whether a field, or anything under it, has an example to fill the scaffold with."""
    if spec.example not in (None, "", []):
        return True
    return any(_has_example(child) for child in spec.fields)


def _field_lines(spec: Field, depth: int, value: Any = None) -> Iterator[str]:
    """The field's comment and its value: `value` (an item of its list's example) or its own
    example, or a commented line when it has neither."""
    pad = _INDENT * depth
    yield pad + _comment(spec)
    example = spec.example if value is None else value
    if example not in (None, "", []):
        yield from _value_lines(spec, example, depth)
    elif spec.fields and _has_example(spec):
        yield f"{pad}{spec.label}:"
        if spec.type == "group":
            yield from _group_lines(spec.fields, depth + 1)
        else:
            yield from _list_item(_group_lines(spec.fields, depth + 2), depth + 1)
    else:
        yield f"{pad}# {spec.label}:"


def _value_lines(spec: Field, value: Any, depth: int) -> Iterator[str]:
    pad = _INDENT * depth
    if isinstance(value, list):
        yield f"{pad}{spec.label}:"
        for number, item in enumerate(value):
            if isinstance(item, dict):
                # The first item shows every field's comment, as a field's own example does.
                lines = (_group_lines(spec.fields, depth + 2, item) if number == 0
                         else _example_group(item, spec.fields, depth + 2))
                yield from _list_item(lines, depth + 1)
            else:
                yield f"{pad}{_INDENT}- {_scalar(item)}"
    elif isinstance(value, dict):
        yield f"{pad}{spec.label}:"
        yield from _example_group(value, spec.fields, depth + 1)
    else:
        yield f"{pad}{spec.label}: {_scalar(value)}"


def _example_group(value: dict, fields: Sequence[Field], depth: int) -> list[str]:
    """A group example written under the Chinese labels of the fields it uses."""
    by_name = {name: f for f in fields for name in f.names}
    lines: list[str] = []
    for key, item in value.items():
        spec = by_name.get(str(key))
        if spec is None:  # an example key the declaration does not know: keep it as written
            spec = Field(str(key), str(key))
        lines.extend(_value_lines(spec, item, depth))
    return lines


def _group_lines(fields: Sequence[Field], depth: int, values: dict | None = None) -> list[str]:
    lines: list[str] = []
    for spec in fields:
        if spec.offered:
            lines.extend(_field_lines(spec, depth, (values or {}).get(spec.key)))
    return lines


def _list_item(lines: list[str], depth: int) -> Iterator[str]:
    """One list item: "- " goes on its first value line, comments before it stay above it."""
    first = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
    pad = _INDENT * depth
    for line in lines[:first]:
        yield pad + line.lstrip()
    yield f"{pad}- {lines[first].lstrip()}"
    yield from lines[first + 1:]


def quoted(path: str) -> str:
    """A path as a command line takes it on Windows and Linux alike: in double quotes when it
    holds a space."""
    return f'"{path}"' if " " in path else path


def scaffold(template: Template) -> str:
    """A commented outline for `template`, filled with its declared examples.  A template of the
    user's own names its folder in the render command: without `--template-dir` the command
    the scaffold printed failed with "没有名为…的模板" (a new user, from a clean clone)."""
    own = "" if template.folder.is_relative_to(BUILTIN_DIR) else \
        f" --template-dir {quoted(template.folder.parent.as_posix())}"
    head = [
        f"# {template.title}({template.name})",
        f"# 何时使用:{template.description}",
        "# 按提示改写各项内容;以“#”开头的行是说明或未填写的选填项,去掉“#”即可启用。",
        f"# 生成讲话稿:speechgen render 本文件.yaml{own} -o 讲话稿.docx",
        "",
        f"模板: {template.name}",
    ]
    body = _group_lines([f for f in template.fields if f.key != "template"], 0)
    return "\n".join(head) + "\n" + "\n".join(body) + "\n"


def template_list(available: Sequence[Template]) -> str:
    """`speechgen templates`: one block per template — name, Chinese name, when to use it."""
    out = []
    for template in available:
        out.append(f"{template.name}　{template.title}")
        if template.description:
            out.append(f"    {template.description}")
    out.append("")
    out.append("查看字段:speechgen templates show 模板名")
    out.append("生成提纲:speechgen new 模板名 -o 提纲.yaml")
    return "\n".join(out) + "\n"


def _describe_lines(fields: Sequence[Field], depth: int) -> Iterator[str]:
    pad = "    " * depth
    for spec in (f for f in fields if f.offered):
        kind = TYPE_NAMES.get(spec.type, spec.type)
        need = "必填" if spec.required else "选填"
        yield f"{pad}{spec.key}　{spec.label}　[{kind}]　{need}"
        if spec.choices:
            yield f"{pad}    可选:{' / '.join(choice_spellings(spec))}"
        if spec.help:
            yield f"{pad}    说明:{spec.help}"
        if spec.example not in (None, "", []):
            yield f"{pad}    例如:{example_text(spec.example)}"
        yield from _describe_lines(spec.fields, depth + 1)


def template_fields(template: Template) -> str:
    """`speechgen templates show NAME`: every field, nested fields indented under their group."""
    head = [f"{template.title}({template.name})"]
    if template.description:
        head.append(f"何时使用:{template.description}")
    head += ["", "字段(键　中文名　[类型]　必填/选填;提纲里中文名和键都可以用):"]
    body = _describe_lines([f for f in template.fields if f.key != "template"], 1)
    return "\n".join([*head, *body]) + "\n"
