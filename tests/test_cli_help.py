"""Every command's help reads in Chinese, frame words and value placeholders included."""

from __future__ import annotations

import pytest
import typer
from helpers import cli

from generator.cli import app

COMMANDS = sorted(typer.main.get_command(app).commands)  # grows with the CLI
ENGLISH = ("Usage:", "Options", "Arguments", "Commands", "Show this message", "[default",
           "[required]", "<str>", "<path>", "<int", "<text>", "TEXT", "PATH", "INTEGER",
           "[OPTIONS]", "COMMAND")


@pytest.mark.parametrize("argv", [["-h"], *([name, "-h"] for name in COMMANDS)],
                         ids=lambda argv: " ".join(argv))
def test_help_has_no_english_frame_words(argv: list[str]) -> None:
    result = cli(*argv)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("用法:speechgen"), result.stdout
    assert "显示本帮助并退出" in result.stdout
    for word in ENGLISH:
        assert word not in result.stdout, (word, result.stdout)


def test_a_command_list_names_every_command() -> None:
    shown = cli("-h").stdout
    assert "命令:" in shown
    for name in COMMANDS:
        assert f"  {name} " in shown, name
