"""Every call the web page makes into the library, in one place.

The page must produce exactly what the CLI produces (the downloads are byte-identical to
`speechgen render`), so nothing here lays out, numbers or checks a speech: each function
hands the user's input to the same library function the CLI calls and shapes the result as
plain data for JSON.  Errors stay the library's `InputError`, with its Chinese messages and
places; app.py turns them into 4xx answers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError, Problem
from ..model import Speech

#: Output formats a download may ask for; "yaml" is the outline or the facts to load back.
DOWNLOAD_FORMATS = ("docx", "pdf", "txt", "md", "yaml")
LAYOUTS = ("standard", "podium")


def problem_dict(problem: Problem) -> dict[str, Any]:
    """One problem for the page: its parts for placing it, and the CLI's exact line."""
    return {
        "message": problem.message,
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "key_path": list(getattr(problem, "key_path", ()) or ()),
        "path": problem.path,
        "text": str(problem),
    }


def templates() -> list[dict[str, Any]]:
    """Each built-in template with the field declarations the form is generated from."""
    from ..templating import templates as registry

    return [
        {"name": t.name, "label": t.title, "when_to_use": t.description,
         "fields": [_field(f) for f in t.fields if f.key != "template"]}
        for t in registry().values()
    ]


def _field(spec: Any) -> dict[str, Any]:
    return {
        "key": spec.key, "label": spec.label, "type": spec.type, "item": spec.item,
        "required": spec.required, "help": spec.help, "example": spec.example,
        "choices": list(dict.fromkeys(spec.choices.values())),
        "children": [_field(child) for child in spec.fields],
    }


def parse_body(body: bytes, content_type: str, filename: str = "<输入>") -> Speech:
    """An outline or template facts as YAML text or a JSON object → the speech tree."""
    from ..outline_io import parse_yaml
    from ..templating import build_speech

    text = _decode(body, filename)
    if content_type.split(";")[0].strip().lower() == "application/json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(Problem(f"JSON 格式有误:{error.msg}", filename, error.lineno,
                                     error.colno)) from None
        return build_speech(data, lambda path: (None, None), filename)
    data, locate = parse_yaml(text, filename)
    return build_speech(data, locate, filename)


def _decode(body: bytes, filename: str) -> str:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(Problem("内容不是 UTF-8 编码的文字", filename)) from None
    if not text.strip():
        raise InputError(Problem("内容是空的", filename))
    return text


def preview(speech: Speech) -> dict[str, Any]:
    """The draft as HTML and plain text, the check findings and the length, for the page."""
    from ..checks.from_speech import speech_draft
    from ..checks.length import measure, target_minutes
    from ..checks.pipeline import run_checks
    from ..checks.rule import Options
    from ..html_writer import render_html
    from ..text_writer import render_text

    draft = speech_draft(speech)
    options = Options()
    findings = run_checks(draft, options)
    stats = measure(draft, options.rate, target_minutes(draft, options))
    return {
        "html": render_html(speech),
        "text": render_text(speech),
        "findings": [f.as_dict() for f in findings],
        "stats": stats.as_dict(),
        "points": len(speech.sections),
    }


@dataclass(frozen=True)
class Download:
    data: bytes
    suffix: str
    media_type: str
    warnings: tuple[str, ...] = ()


MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "txt": "text/plain; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "yaml": "application/yaml; charset=utf-8",
    "zip": "application/zip",
}


def render(speech: Speech, fmt: str, layout: str, profile: Path | None,
           workdir: Path) -> Download:
    """The file `speechgen render -f FMT --layout LAYOUT --profile PROFILE` writes."""
    from ..pipeline import render_bytes, write_pdfs

    warnings: list[str] = []
    if fmt == "pdf":
        target = workdir / "render.pdf"
        write_pdfs([(speech, target)], layout, profile, warnings.append)
        data = target.read_bytes()
        target.unlink()
    else:
        data = render_bytes(speech, fmt, layout, profile, warnings.append)
    return Download(data, "." + fmt, MEDIA_TYPES[fmt], tuple(warnings))


def outline_yaml(speech: Speech, data: Any) -> bytes:
    """What to save to continue later: an outline as its canonical YAML, template facts as
    the facts themselves (already validated by building `speech`)."""
    from ..outline_io import dump_outline

    if speech.template == "outline" or not isinstance(data, Mapping):
        return dump_outline(speech).encode("utf-8")
    return yaml.safe_dump(dict(data), allow_unicode=True, sort_keys=False).encode("utf-8")


def load_saved(text: str, filename: str) -> dict[str, Any]:
    """A saved outline or facts file, checked as `render` checks it, as data for the editor:
    an outline as its canonical tree, facts under their canonical keys (aliases resolved)."""
    from ..fields import Validator
    from ..outline_io import parse_yaml, speech_to_dict
    from ..templating import get_template

    speech = parse_body(text.encode("utf-8"), "application/yaml", filename)
    if speech.template == "outline":
        return {"template": "outline", "data": speech_to_dict(speech)}
    data, locate = parse_yaml(text, filename)
    values = Validator(filename, locate).group(data, get_template(speech.template).fields)
    return {"template": speech.template, "data": _pruned(values)}


def _pruned(value: Any) -> Any:
    """Values without the empty defaults the validator fills in for absent fields."""
    if isinstance(value, Mapping):
        out = {k: _pruned(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_pruned(v) for v in value]
    return value


def body_data(body: bytes, content_type: str) -> Any:
    """The input as plain data (for saving template facts back as YAML)."""
    text = body.decode("utf-8-sig")
    if content_type.split(";")[0].strip().lower() == "application/json":
        return json.loads(text)
    return yaml.safe_load(text)


def pdf_available() -> bool:
    from ..pdf import find_soffice

    return find_soffice() is not None


def load_profile(path: Path) -> None:
    """Reads a house profile as `render --profile` would, so a bad one fails at upload."""
    from ..layout import load_layout

    load_layout("standard", path)


def mine(path: Path) -> list[dict[str, Any]]:
    """Every speech found in an uploaded page or document, as an outline to edit."""
    from ..mining.export import mine_files
    from ..outline_io import dump_outline, speech_to_dict

    result = mine_files([path])
    return [
        {"title": m.speech.title, "outline": speech_to_dict(m.speech),
         "yaml": dump_outline(m.speech), "sections": len(m.speech.sections),
         "flags": [f.message for f in m.speech.flags]}
        for m in result.speeches
    ]


def check(path: Path) -> dict[str, Any]:
    """What `speechgen check --json` reports for an uploaded draft."""
    from ..checks.command import run_check

    outcome = run_check(path, json_output=True)
    return dict(json.loads(outcome.report))


def fix(path: Path, workdir: Path) -> bytes:
    """What `speechgen check --fix -o` writes for an uploaded draft."""
    from ..checks.fix import write_fixed

    target = workdir / ("fixed" + path.suffix)
    write_fixed(path, target)
    data = target.read_bytes()
    target.unlink()
    return data


@dataclass(frozen=True)
class BatchRequest:
    """What the batch page asks for; files are already saved in the private folder."""

    sheet: Path
    output: Path
    template: str | None = None
    sheet_name: str | None = None
    mapping: Path | None = None
    name: str | None = None
    layout: str = "standard"
    profile: Path | None = None
    report: Path | None = None


def _batch_options(request: BatchRequest, check_only: bool) -> Any:
    from ..batch import Options

    return Options(source=request.sheet, output=request.output, template=request.template,
                   sheet=request.sheet_name, mapping=request.mapping, name=request.name,
                   layout=request.layout, profile=request.profile, jobs=1,
                   overwrite=True, check=check_only, report=request.report)


def batch_outline(request: BatchRequest) -> dict[str, Any]:
    """The chosen template, the sheets and each column's field: what the column map shows."""
    from ..batch import Batch
    from ..sheet_map import expected_columns

    batch = Batch(_batch_options(request, True))
    try:
        return {
            "template": batch.template.name,
            "template_label": batch.template.title,
            "sheets": batch.book.sheet_names,
            "columns": [{"header": c.header, "used": c.target is not None or c.ignored}
                        for c in batch.mapping.columns],
            "fields": [name.rstrip("*") for name in expected_columns(batch.template.fields)
                       if "(" not in name],
            "notes": batch.notes,
        }
    finally:
        batch.close()


def batch_rows(request: BatchRequest, check_only: bool) -> Iterator[dict[str, Any]]:
    """Each row's outcome as `speechgen batch` (or `batch --check`) decides it, in order."""
    from ..batch import Batch, Report, describe

    batch = Batch(_batch_options(request, check_only))
    report = Report(request.report, batch.book.filename) if request.report else None
    filename = batch.book.filename
    try:
        for result in batch.run(1):
            if report:
                report.add(result)
            yield {"row": result.row, "status": result.status, "file": result.file,
                   "problems": [{**problem_dict(p), "text": describe(p, filename)}
                                for p in result.problems]}
        if report:
            report.finish()
            report = None
    finally:
        if report:
            report.discard()
        batch.close()
