"""speechgen: drafts Chinese meeting speeches (讲话稿) from outlines and templates, offline.

The public API (see docs/api.md) is importable from here.  Each name is loaded from its module
on first use, so `import generator` stays cheap: the CLI's start-up and a script that only
needs `load_speech` do not pay for Jinja, python-docx or the checks.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Public name → the module that defines it.
_EXPORTS: dict[str, str] = {
    "SpeechgenError": "generator.errors",
    "InputError": "generator.errors",
    "Problem": "generator.errors",
    "Speech": "generator.model",
    "load_speech": "generator.pipeline",
    "load_speech_text": "generator.pipeline",
    "speech_from_mapping": "generator.pipeline",
    "render": "generator.pipeline",
    "Rendered": "generator.pipeline",
    "load_profile": "generator.pipeline",
    "dump_outline": "generator.outline_io",
    "FORMATS": "generator.formats",
    "CheckReport": "generator.checks.command",
    "check": "generator.checks.command",
    "fix": "generator.checks.command",
    "MinedSpeech": "generator.mining.api",
    "mine": "generator.mining.api",
    "mine_text": "generator.mining.api",
    "FieldInfo": "generator.template_info",
    "TemplateInfo": "generator.template_info",
    "list_templates": "generator.template_info",
    "BatchOptions": "generator.batch",
    "RowResult": "generator.batch",
    "run_batch": "generator.batch",
}

__all__ = [
    "FORMATS",
    "BatchOptions",
    "CheckReport",
    "FieldInfo",
    "InputError",
    "MinedSpeech",
    "Problem",
    "Rendered",
    "RowResult",
    "Speech",
    "SpeechgenError",
    "TemplateInfo",
    "check",
    "dump_outline",
    "fix",
    "list_templates",
    "load_profile",
    "load_speech",
    "load_speech_text",
    "mine",
    "mine_text",
    "render",
    "run_batch",
    "speech_from_mapping",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'generator' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


if TYPE_CHECKING:  # what type checkers and editors see; nothing is imported at run time
    from .batch import BatchOptions, RowResult, run_batch
    from .checks.command import CheckReport, check, fix
    from .errors import InputError, Problem, SpeechgenError
    from .formats import FORMATS
    from .mining.api import MinedSpeech, mine, mine_text
    from .model import Speech
    from .outline_io import dump_outline
    from .pipeline import (
        Rendered,
        load_profile,
        load_speech,
        load_speech_text,
        render,
        speech_from_mapping,
    )
    from .template_info import FieldInfo, TemplateInfo, list_templates
