"""Every call the web page makes into the library, in one place, through its public API.

The page must produce exactly what the CLI produces (downloads are byte-identical to
`speechgen render`), so nothing here lays out, numbers or checks a speech: each function hands
the user's input to the same public function the CLI calls (`generator.render`, `check`, `fix`,
`mine`, `run_batch` …) and shapes the result as plain data for JSON.  Errors stay the library's
`SpeechgenError`, with its Chinese messages and places; app.py turns them into 4xx answers.
"""

from __future__ import annotations

import zipfile
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import generator as sg

from .. import reading
from ..errors import InputError, Problem, SpeechgenError, os_reason
from ..filenames import safe_stem
from ..html_writer import STYLESHEET
from ..layout import PROFILE_FILE, built_in_layouts
from ..model import Speech
from ..outline_io import OUTLINE_FILE
from ..sheet_map import MAP_FILE
from .json_body import read_json

#: What the routes use of the library besides the functions below: the error types they turn
#: into answers, the file-name rule of downloads, the preview's stylesheet.
__all__ = ["MAP_FILE", "OUTLINE_FILE", "PROFILE_FILE", "PROFILE_NAME", "STYLESHEET", "InputError",
           "Problem", "SpeechgenError", "os_reason", "safe_stem"]

#: What a house profile given as text (not a file) is called in messages.
PROFILE_NAME = "本单位版式.yaml"
#: What a download may ask for: the library's formats, plus "yaml" (the input to load back).
DOWNLOAD_FORMATS = ("docx", "pdf", "txt", "md", "yaml")
LAYOUTS = built_in_layouts()
YAML_MEDIA_TYPE = "application/yaml; charset=utf-8"
ZIP_MEDIA_TYPE = "application/zip"
FIX_MEDIA_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".txt": "text/plain; charset=utf-8",
    ".yaml": YAML_MEDIA_TYPE,
    ".yml": YAML_MEDIA_TYPE,
}


def problem_dict(problem: Problem) -> dict[str, Any]:
    """One problem for the page: its parts for placing it, and the CLI's exact line."""
    return problem.to_dict()


def templates() -> list[dict[str, Any]]:
    """Each template with the field declarations the form is generated from.

    A choice declares every accepted spelling (换届选举, 选举, election → election); the form
    offers one entry per meaning, under its first spelling, in `options`."""
    from ..templating import get_template

    out = []
    for info in sg.list_templates():
        data = info.to_dict()
        _add_options(data["fields"], get_template(info.name).fields)
        out.append(data)
    return out


def _add_options(fields: list[dict[str, Any]], specs: Any) -> None:
    by_key = {spec.key: spec for spec in specs}
    for field in fields:
        spec = by_key.get(field["key"])
        if spec is None:
            continue
        if field["type"] == "choice":
            field["options"] = list(_offered(spec).values())
        _add_options(field["children"], spec.fields)


def _offered(spec: Any) -> dict[str, str]:
    """The entry the form's list offers for each value of a choice: its first spelling."""
    first: dict[str, str] = {}
    for spelling, value in spec.choices.items():
        first.setdefault(value, spelling)
    return first


def _is_json(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower() == "application/json"


def _decode(body: bytes, filename: str) -> str:
    """A request body read as the CLI reads an outline file: same cap, encodings, refusals."""
    return reading.text_of(body, filename, reading.MAX_OUTLINE, OUTLINE_FILE)


def body_data(body: bytes, content_type: str, filename: str = "<输入>") -> Any:
    """A JSON body as plain data (a form's values); InputError in Chinese, with its line and
    column, when it is not JSON, nests too deep or holds NaN (json_body.py)."""
    return read_json(_decode(body, filename), filename)


def parse_body(body: bytes, content_type: str, filename: str = "<输入>") -> Speech:
    """An outline or template facts, as YAML text or a JSON object, → the speech tree."""
    if _is_json(content_type):
        data = body_data(body, content_type, filename)
        if not isinstance(data, Mapping):
            raise InputError(Problem("提纲的最外层应为“字段: 值”的形式", filename))
        return sg.speech_from_mapping(data)
    return sg.load_speech_text(_decode(body, filename), filename=filename)


def preview(speech: Speech) -> dict[str, Any]:
    """The draft as HTML (the HTML writer's fragment) and plain text (the txt format), the
    check findings and the length, for the page."""
    from ..html_writer import render_html

    report = sg.check(speech).to_dict()
    return {
        "html": render_html(speech),
        "text": sg.render(speech, "txt").data.decode("utf-8"),
        "findings": report["findings"],
        "summary": report["summary"],
        "stats": report["stats"],
        "points": len(speech.sections),
    }


@dataclass(frozen=True)
class Download:
    data: bytes
    suffix: str
    media_type: str
    warnings: tuple[str, ...] = ()


def profile_layout(text: str | None, layout: str, name: str = PROFILE_NAME) -> Any:
    """A house profile's YAML text over `layout`, as `render --profile` reads a file; its
    messages name the file as `name` (the uploaded file's own, when there is one)."""
    if not text:
        return None
    return sg.load_profile(text, filename=name, layout=layout)


def render(speech: Speech, fmt: str, layout: str, profile_text: str | None,
           profile_name: str = PROFILE_NAME) -> Download:
    """The file `speechgen render -f FMT --layout LAYOUT --profile PROFILE` writes; a bad
    profile is told under `profile_name` (the uploaded file's own)."""
    profile = profile_layout(profile_text, layout, profile_name)
    rendered = sg.render(speech, fmt, layout=layout, profile=profile)
    return Download(rendered.data, rendered.suffix, rendered.media_type, rendered.warnings)


def saved_input(speech: Speech, body: bytes, content_type: str) -> bytes:
    """What to save to continue later: an outline as its canonical YAML, template facts as
    the facts themselves (already validated by building `speech`)."""
    if speech.template == "outline" or not _is_json(content_type):
        return sg.dump_outline(speech).encode("utf-8") if speech.template == "outline" \
            else body
    data = body_data(body, content_type)
    return yaml.safe_dump(dict(data), allow_unicode=True, sort_keys=False).encode("utf-8")


def uploaded_text(raw: bytes, filename: str, what: str) -> str:
    """An uploaded YAML file (outline, profile, column map) as text, read exactly as the CLI
    reads that file from disk: same size cap, encodings (GBK, UTF-16 …) and refusals."""
    allow_empty = what != OUTLINE_FILE  # an empty profile or map changes nothing
    return reading.text_of(raw, filename, reading.MAX_OUTLINE, what, allow_empty)


def load_saved(raw: bytes, filename: str) -> dict[str, Any]:
    """A saved outline or facts file, checked as `render` checks it, as data for the editor:
    an outline as its canonical tree, facts under their canonical keys (aliases resolved)."""
    from ..fields import Validator
    from ..outline_io import parse_document, speech_to_dict
    from ..templating import get_template

    text = uploaded_text(raw, filename, OUTLINE_FILE)
    speech = sg.load_speech_text(text, filename=filename)
    if speech.template == "outline":
        return {"template": "outline", "data": speech_to_dict(speech)}
    data, locate = parse_document(text, filename)
    fields = get_template(speech.template).fields
    values = Validator(filename, locate).group(data, fields)
    return {"template": speech.template, "data": _pruned(_as_chosen(values, fields))}


def _as_chosen(values: Any, fields: Any) -> Any:
    """Checked values with each choice said as the editor's list offers it: 编号方式 "首先，"
    (the value) is the list's "首先" (a saved lecture reopened showed "不是可选值", a tester)."""
    if not isinstance(values, Mapping):
        return values
    out = dict(values)
    for spec in fields:
        value = out.get(spec.key)
        if spec.type == "choice" and isinstance(value, str):
            out[spec.key] = _offered(spec).get(value, value)
        elif spec.type == "group":
            out[spec.key] = _as_chosen(value, spec.fields)
        elif spec.type == "list" and spec.item == "group" and isinstance(value, list):
            out[spec.key] = [_as_chosen(item, spec.fields) for item in value]
    return out


def _pruned(value: Any) -> Any:
    """Values without the empty defaults the validator fills in for absent fields."""
    if isinstance(value, Mapping):
        out = {k: _pruned(v) for k, v in value.items() if k != "template"}
        return {k: v for k, v in out.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_pruned(v) for v in value]
    return value


def pdf_available() -> bool:
    from ..pdf import find_soffice

    return find_soffice() is not None


def check_profile(text: str, name: str = PROFILE_NAME) -> list[str]:
    """Reads a house profile as `render --profile` would, so a bad one fails at upload, its
    problems under the uploaded file's name (版式.yaml:1:1 was told as 本单位版式.yaml:1:1: a
    tester, round 2).  Returns what `render --profile` warns of it (a line pitch that leaves
    fewer lines on a page: the page said only "已启用", a tester)."""
    from ..layout_rules import page_warnings

    return page_warnings(profile_layout(text, "standard", name))


def mine(path: Path) -> list[dict[str, Any]]:
    """Every speech found in an uploaded page or document, as an outline to edit."""
    return [
        {**found.to_dict(), "title": found.speech.title, "sections": len(found.speech.sections),
         "source": path.name}
        for found in sg.mine([path])
    ]


def check(path: Path, layout: str = "standard", profile_text: str | None = None,
          profile_name: str = PROFILE_NAME) -> dict[str, Any]:
    """What `speechgen check --json --layout LAYOUT --profile PROFILE` reports for an uploaded
    draft (under its own name); `profile_text` is a house profile's YAML text, told under
    `profile_name`."""
    profile = profile_layout(profile_text, layout, profile_name)
    return {**sg.check(path, layout=layout, profile=profile).to_dict(), "file": path.name}


def fix(path: Path) -> bytes:
    """What `speechgen check --fix -o` writes for an uploaded draft."""
    return bytes(sg.fix(path))


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


def _options(request: BatchRequest, check_only: bool) -> Any:
    folder = request.output.parent
    return sg.BatchOptions(
        sheet=request.sheet, output=request.output, template=request.template,
        sheet_name=request.sheet_name, mapping=request.mapping, name=request.name,
        layout=request.layout, profile=request.profile, jobs=1, overwrite=True,
        check_only=check_only,
        zip=None if check_only else folder / f"{request.sheet.stem}.zip",
        report=None if check_only else folder / "报告.csv")


def _row(result: Any, filename: str) -> dict[str, Any]:
    from ..batch_report import describe, status_key

    data = result.to_dict()
    data["status"] = status_key(result)
    data["path"] = None  # the private folder is nobody's business
    for problem, shown in zip(result.problems, data["problems"], strict=True):
        shown["text"] = describe(problem, filename)  # 工作任务!B8 小标题:…, as the CLI says
    return data


@dataclass
class BatchCheck:
    """The per-row check of a sheet and what the column map needs."""

    template: str
    template_label: str
    sheets: list[str]
    columns: list[dict[str, Any]]
    fields: list[str]
    notes: list[str]
    rows: list[dict[str, Any]]


def batch_check(request: BatchRequest) -> BatchCheck:
    """`speechgen batch --check`: every row's problems before anything is generated."""
    from ..sheet_map import expected_columns

    run = sg.run_batch(_options(request, True))
    batch = run.batch
    try:
        # the sheet read by default first (the page offers it as 默认): a hidden sheet before
        # it was listed first while another was used (a tester)
        main = batch.book.main_sheet
        sheets = [main, *(name for name in batch.book.sheet_names if name != main)]
        info = (batch.template.name, batch.template.title, sheets,
                [{"header": c.header, "used": c.target is not None or c.ignored}
                 for c in batch.mapping.columns],
                [name.rstrip("*") for name in expected_columns(batch.template.fields)
                 if "(" not in name])
        rows = [_row(result, batch.book.filename) for result in run]
        return BatchCheck(*info, notes=run.notes, rows=rows)
    finally:
        run.close()


def sheet_columns(request: BatchRequest) -> dict[str, Any]:
    """What the column map needs when the sheet as a whole was refused (a required column
    missing, no header found): the first non-empty row's texts and the chosen template's
    column names, so the user can say which header is which field."""
    from ..sheet_map import expected_columns
    from ..sheets import Workbook, cell_text
    from ..templating import get_template

    template = get_template(request.template or "")
    book = Workbook(request.sheet)
    try:
        headers: list[str] = []
        for _, cells in book.table(request.sheet_name).rows:
            headers = [cell_text(cell) for cell in cells]
            if any(headers):
                break
        return {
            "template": template.name, "template_label": template.title,
            "sheets": list(book.sheet_names),
            "columns": [{"header": h, "used": False} for h in headers if h],
            "fields": [name.rstrip("*") for name in expected_columns(template.fields)
                       if "(" not in name],
        }
    finally:
        book.close()


def batch_generate(request: BatchRequest) -> Generator[dict[str, Any], None, Path]:
    """`speechgen batch --zip --report`: each row's outcome as it finishes, then the archive
    (the files, plus the report added to it) as the generator's return value."""
    run = sg.run_batch(_options(request, False))
    filename = run.batch.book.filename
    for result in run:
        yield _row(result, filename)
    if run.zip_path is None:  # no row written: an archive of the report alone
        run.zip_path = request.output.parent / f"{request.sheet.stem}.zip"
        zipfile.ZipFile(run.zip_path, "w").close()
    if run.report_path is not None:
        with zipfile.ZipFile(run.zip_path, "a") as archive:
            archive.write(run.report_path, run.report_path.name)
    return run.zip_path
