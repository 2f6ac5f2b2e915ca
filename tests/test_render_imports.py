"""`speechgen render` imports only what rendering needs (issue 9: start-up is most of a render).

Run in a fresh process, since this test session has imported everything; asserts module names,
never times (the time is `bench/bench_cli.py`'s business).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import EXAMPLES

#: Top-level packages render must not import: the console pretty-printer, the spreadsheet and
#: Word readers (render writes its DOCX from strings), the web server stack, and pydantic (which
#: typer ≥ 0.29 imports on every command).
FORBIDDEN = ("rich", "openpyxl", "lxml", "docx", "pydantic", "starlette", "uvicorn", "flask",
             "waitress")
#: Parts of speechgen render never uses: the miner and the Word-draft readers of `check`.
FORBIDDEN_OWN = ("generator.mining", "generator.checks.from_docx", "generator.checks.docx_styles")

#: The console entry point (what `speechgen` runs), reporting what the run left behind from an
#: exit hook: the entry point ends the process itself once the hooks have run (console.py).
RUN = """
import atexit, gc, json, sys
from generator.console import main

@atexit.register
def report():
    print(json.dumps({"modules": sorted(sys.modules), "collector": gc.isenabled()}))

sys.argv = ["speechgen", *sys.argv[1:]]
main()
"""


def console_run(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True,
                          encoding="utf-8")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def modules_after_render(*args: str) -> list[str]:
    return console_run("render", *args)["modules"]


@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_render_leaves_unneeded_modules_unimported(fmt, tmp_path):
    example = EXAMPLES / "全市办公室工作会议.yaml"  # the templated example bench_cli.py times
    modules = modules_after_render(str(example), "-o", str(tmp_path / f"out.{fmt}"))
    assert (tmp_path / f"out.{fmt}").stat().st_size > 1000
    assert "jinja2" in modules  # it did render a template
    top = {name.split(".")[0] for name in modules}
    assert sorted(top & set(FORBIDDEN)) == []
    assert [m for m in modules if m.startswith(FORBIDDEN_OWN)] == []


def test_commands_that_grow_with_their_input_run_with_the_garbage_collector(tmp_path):
    """Start-up runs without the cyclic collector (console.py); a batch or a mining run of a
    thousand files must not, or its memory would only grow."""
    page = tmp_path / "page.txt"
    page.write_text("在全县安全生产工作会议上的讲话\n同志们：\n今天召开会议。\n"
                    "一、提高认识\n要高度重视。\n二、压实责任\n要落实到人。\n", encoding="utf-8")
    mined = console_run("mine", str(page), "-o", str(tmp_path / "out"))
    assert mined["collector"] is True
    assert list((tmp_path / "out").glob("*.yaml"))
