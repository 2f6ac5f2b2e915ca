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


@pytest.mark.parametrize("argv", [["-h"], ["-h", "render"], ["--help", "batch"]],
                         ids=lambda argv: " ".join(argv))
def test_a_command_list_names_every_command(argv: list[str]) -> None:
    """A run naming a command builds only that command (cli._tree_for); root help asked for
    before the name still lists them all."""
    shown = cli(*argv).stdout
    assert "命令:" in shown
    for name in COMMANDS:
        assert f"  {name} " in shown, name


@pytest.mark.parametrize("name", COMMANDS)
def test_a_command_built_alone_has_its_whole_help(name: str) -> None:
    """The one-command tree a run builds gives the same help as the whole tree would."""
    from generator.cli_help import localise

    whole = localise(typer.main.get_command(app))
    command = whole.commands[name]
    expected = command.get_help(typer.Context(command, info_name=name,
                                              help_option_names=["-h", "--help"]))
    alone = cli(name, "-h").stdout
    body = expected.split("\n", 1)[1]  # the usage line names the parent as well

    def words(text: str) -> str:  # wrapping follows the terminal's width
        return "".join(text.split())

    assert words(body) in words(alone), (body, alone)


def test_render_help_says_where_every_format_goes_without_an_output():
    """The -o help listed docx/pdf and txt/md and left html out (a new user's trial): each
    format is named, beside the input or on the screen, as render really places it."""
    from generator.formats import FORMATS

    shown = " ".join(cli("render", "-h").stdout.split())
    place = shown[shown.index("不写时"):shown.index("显示在屏幕上")]
    for name in FORMATS:
        assert name in place, (name, place)
