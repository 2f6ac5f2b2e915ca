"""The console entry point ends the process early (console.py: no garbage collector at
start-up, no interpreter teardown at exit); what a user gets must be exactly what the
in-process run gives: every byte of output, the exit code, the message and the file."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES
from helpers import assert_user_error, cli, process

EXAMPLE = EXAMPLES / "全市办公室工作会议.yaml"
#: Streams buffered as a user's are (a pipe is block-buffered), whatever this shell sets.
BUFFERED = {"PYTHONUNBUFFERED": ""}


def test_a_preview_on_stdout_is_complete(tmp_path):
    """Output written to a pipe is flushed before the process ends: not one line is lost,
    even the short previews a pipe's buffer holds back."""
    short = []
    for n, place in enumerate(("东山乡", "西河镇"), 1):
        short.append(tmp_path / f"{n}.yaml")
        short[-1].write_text(f"标题: 在{place}防汛工作会议上的讲话\n称呼: 同志们：\n"
                             f"开头: [今天召开{place}防汛工作会议。]\n", encoding="utf-8")
    for args in (("render", EXAMPLE, "-f", "txt"), ("render", *short, "-f", "txt")):
        run = process(*args, env=BUFFERED)
        assert run.returncode == 0, run.stderr
        assert run.stdout == cli(*args).stdout
    assert "西河镇防汛工作会议" in run.stdout


def test_a_written_file_is_whole_and_announced(tmp_path):
    target = tmp_path / "讲话.docx"
    run = process("render", EXAMPLE, "-o", target, env=BUFFERED)
    assert run.returncode == 0, run.stderr
    assert "已生成" in run.stderr
    again = tmp_path / "again.docx"
    assert cli("render", EXAMPLE, "-o", again).returncode == 0
    assert target.read_bytes() == again.read_bytes()  # byte-identical output, closed and whole


@pytest.mark.parametrize(("text", "code"), [
    ("标题: 在XX会议上的讲话\n称呼: 同志们：\n开头: [今天召开XX会议。]\n", 1),
    ("标题: [没有闭合\n", 2),
])
def test_exit_codes_and_messages_survive_the_early_exit(tmp_path, text, code):
    source = tmp_path / "提纲.yaml"
    source.write_text(text, encoding="utf-8")
    run = process("render", source, "--strict", "-f", "txt", "-o", tmp_path / "out.txt",
                  env=BUFFERED)
    assert run.returncode == code
    assert "错误" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "out.txt").exists()
    if code == 2:
        assert_user_error(run, "提纲.yaml")
