"""Shared test helpers: run the command as a user would (in process or as a real process),
assert a user error, read a DOCX's text, write small input files."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TEMPLATES = ROOT / "templates"


@dataclass
class Result:
    """What a user sees of one run: exit code, standard output, standard error."""

    returncode: int
    stdout: str
    stderr: str


def cli(*args: str | Path, cwd: Path | None = None, timeout: float = 120) -> Result:
    """`speechgen ARGS` in this process: typer's CliRunner isolates stdin, stdout and stderr
    (UTF-8 text streams over bytes, as a terminal gives), and the arguments go through the same
    entry as the console script (`cli.run`, which also words usage mistakes), so the exit code,
    stdout and stderr are what a user gets.  An exception that escapes (only with --debug) is
    printed as Python prints it, with exit code 1.  `timeout` is accepted for symmetry with
    `process` and not enforced."""
    from typer.testing import CliRunner

    from generator.cli import run

    with contextlib.ExitStack() as stack:
        if cwd is not None:
            stack.enter_context(contextlib.chdir(cwd))
        out, err, _ = stack.enter_context(CliRunner().isolation())
        try:
            code = run([str(arg) for arg in args])
        except SystemExit as exit_:  # an eager option such as --version exits
            code = exit_.code if isinstance(exit_.code, int) else 0
        except Exception:
            traceback.print_exc()  # to the isolated stderr, as the interpreter would
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
        return Result(code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))


def process(*args: str | Path, cwd: Path | None = None, timeout: float = 120,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`speechgen ARGS` in a fresh process: for what only a process shows (exit codes set by
    the interpreter, stream encodings, signals, start-up)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=timeout,
        env=None if env is None else {**os.environ, **env},
    )


def assert_user_error(result: Result | subprocess.CompletedProcess[str], *fragments: str) -> None:
    """Exit 2, a Chinese message holding every fragment, and no traceback."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "错误" in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


def docx_text(path: Path | bytes) -> list[str]:
    """The non-empty paragraph texts of a DOCX file (or its bytes), read with python-docx."""
    source = io.BytesIO(path) if isinstance(path, bytes) else str(path)
    return [p.text for p in docx.Document(source).paragraphs if p.text.strip()]


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """A small input file, written in the encoding a user's editor would use."""
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list]) -> Path:
    """A workbook with one sheet holding `rows`, saved by openpyxl as Excel would."""
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def cut_power_during_batch(sheet: Path, out: Path, *args: str | Path, after: int = 100) -> None:
    """`speechgen batch SHEET ARGS -o OUT -j 2` in its own process group, killed with SIGKILL
    (the command and its workers, as a power cut would) once `after` DOCX files are in OUT, or
    when it ends first."""
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "batch", str(sheet), *map(str, args), "-o", str(out),
         "-j", "2"], cwd=ROOT, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while process.poll() is None and len(list(out.glob("*.docx"))) < after:
            time.sleep(0.01)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
