"""The catalogue of bad and odd inputs: every case is a user's mistake the tool must answer well.

Each file in tests/catalogue/ holds a list of cases, grouped by the kind of fault they guard
(crashes, lost work, wrong output, messages, first run).  A case lays out its input files in an
empty folder, runs the command there (in process, through the console script's own entry,
`cli.run`, which tests/test_reading.py shows gives what a fresh process gives), and asserts what
a user sees:

- the exit code (2 for bad input or usage, 1 for a finished run with failures, 130 interrupted);
- a Chinese message holding every expected fragment (file, line, field, what was expected),
  and no traceback or English library text;
- every input byte-identical afterwards (sha256 before and after), no partial or temporary file
  left behind, and the paths the case names as `absent` not created.

Case fields (YAML):
  name: short-id                    # unique across the catalogue
  files: {NAME: CONTENT}            # CONTENT: a string (UTF-8 text) or a mapping, see _materialise
  argv: [render, 提纲.yaml, ...]     # speechgen's arguments, run with the case folder as cwd
  exit: 2
  stderr: [片段, ...]                # each must appear in stderr
  absent: [out.docx]                # must not exist after the run
  present: [讲话稿.docx]              # must exist after the run (a file written where asked)
  stdout: [...]                     # optional fragments expected on stdout
  not_stderr: [...]                 # fragments that must NOT appear (a false "missing", a
  not_stdout: [...]                 #   message blaming the wrong file, an evaluated template)
"""

from __future__ import annotations

import base64
import hashlib
import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import run_speechgen

CATALOGUE = Path(__file__).parent / "catalogue"

# Words that only reach a user when a library's own English error leaks through.
ENGLISH_LEAKS = ("Traceback", "Error:", "Exception", "Errno", "No such file", "is not a",
                 "not found", "Invalid value", "Usage:")


def _cases() -> list[Any]:
    cases = []
    for path in sorted(CATALOGUE.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            # a .docx input that is not built as a document is a damaged file on purpose
            foreign = any(name.endswith(".docx") and not (isinstance(content, dict)
                                                          and "docx" in content)
                          for name, content in (case.get("files") or {}).items())
            marks = [pytest.mark.foreign_docx] if foreign else []
            cases.append(pytest.param(case, id=f"{path.stem}:{case['name']}", marks=marks))
    return cases


def _xlsx(rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _materialise(content: Any) -> bytes:
    """The bytes of one input file.

    A string is UTF-8 text.  A mapping takes one of: {text, encoding} (text in that encoding,
    e.g. gb18030 or utf-16 with its BOM), {base64}, {repeat, times, prefix, suffix} (a long or
    deeply nested text), {xlsx: rows} (built with openpyxl), {docx: paragraphs} (python-docx).
    """
    if isinstance(content, str):
        return content.encode("utf-8")
    if "text" in content:
        return content["text"].encode(content.get("encoding", "utf-8"))
    if "base64" in content:
        return base64.b64decode(content["base64"])
    if "repeat" in content:
        body = content["repeat"] * content["times"]
        return (content.get("prefix", "") + body + content.get("suffix", "")).encode("utf-8")
    if "xlsx" in content:
        return _xlsx(content["xlsx"])
    if "docx" in content:
        return _docx(content["docx"])
    raise ValueError(f"unknown content form: {sorted(content)}")


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", _cases())
def test_bad_input_is_answered_and_nothing_is_lost(case: dict[str, Any], tmp_path: Path) -> None:
    for name, content in (case.get("files") or {}).items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_materialise(content))
    before = _digests(tmp_path)

    result = run_speechgen(*case["argv"], cwd=tmp_path)

    assert result.returncode == case["exit"], (result.stdout, result.stderr)
    shown = result.stdout + result.stderr
    for leak in ENGLISH_LEAKS:
        assert leak not in shown, (leak, shown)
    if case["exit"] != 0:
        assert "错误" in result.stderr or "已中断" in result.stderr, result.stderr
    for fragment in case.get("stderr", []):
        assert fragment in result.stderr, (fragment, result.stderr)
    for fragment in case.get("stdout", []):
        assert fragment in result.stdout, (fragment, result.stdout)
    for fragment in case.get("not_stderr", []):
        assert fragment not in result.stderr, (fragment, result.stderr)
    for fragment in case.get("not_stdout", []):
        assert fragment not in result.stdout, (fragment, result.stdout)
    after = _digests(tmp_path)
    for name, digest in before.items():
        assert after.get(name) == digest, f"输入文件 {name} 被改动或删除"
    for name in case.get("absent", []):
        assert not (tmp_path / name).exists(), f"不应生成 {name}"
    for name in case.get("present", []):
        assert (tmp_path / name).is_file(), f"应生成 {name}"
    # the writer's temporaries (files.py: .~PID-xxxx.part) and LibreOffice's lock files
    leftovers = [n for n in after if n not in before
                 and (Path(n).name.startswith((".~", "~$", ".~lock")) or n.endswith(".part"))]
    assert not leftovers, leftovers
