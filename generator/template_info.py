"""Templates described for a form: every field with what a widget needs to show and check it.

`speechgen templates show` prints the same declarations; the web page builds its forms from
these objects, so a field declared in a template's `template.yaml` appears everywhere at once.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .fields import TYPE_NAMES, Field


@dataclass
class FieldInfo:
    """One field: `key` is the canonical key a mapping uses (and `Problem.key_path` names),
    `label` the Chinese name, `type` one of fields.TYPES; `item` says what a list holds
    (text or group, whose fields are `children`)."""

    key: str
    label: str
    type: str
    required: bool
    help: str
    example: Any
    choices: list[str] = field(default_factory=list)
    children: list[FieldInfo] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    item: str | None = None
    type_label: str = ""
    #: Required only when sibling fields hold these values: {"kind": "其他"}.
    required_when: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, spec: Field) -> FieldInfo:
        return cls(spec.key, spec.label, spec.type, spec.required, spec.help, spec.example,
                   list(dict.fromkeys(spec.choices)),
                   [cls.of(child) for child in spec.fields if child.offered],
                   list(spec.aliases), spec.item if spec.type == "list" else None,
                   TYPE_NAMES.get(spec.type, spec.type), dict(spec.required_when))

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "type": self.type,
                "type_label": self.type_label, "required": self.required,
                "required_when": dict(self.required_when), "help": self.help,
                "example": self.example, "choices": list(self.choices),
                "aliases": list(self.aliases), "item": self.item,
                "children": [child.to_dict() for child in self.children]}


@dataclass
class TemplateInfo:
    """A template as `speechgen templates` lists it, with its fields (the `template` choice
    itself left out: a form picks the template by its name)."""

    name: str
    label: str
    when_to_use: str
    fields: list[FieldInfo]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "label": self.label, "when_to_use": self.when_to_use,
                "fields": [f.to_dict() for f in self.fields]}


def template_info(template: Any) -> TemplateInfo:
    return TemplateInfo(template.name, template.title, template.description,
                        [FieldInfo.of(spec) for spec in template.fields
                         if spec.key != "template" and spec.offered])


def list_templates(template_dirs: Sequence[str | os.PathLike[str]] = ()) -> list[TemplateInfo]:
    """Every available template, built-ins first overridden by `template_dirs` ones."""
    from .templating import templates

    found = templates(tuple(Path(d) for d in template_dirs))
    return [template_info(t) for t in found.values()]
