"""The `speechgen` command: parse arguments, call the library, print messages, set exit codes.

Exit codes: 0 done, 1 finished but something failed (a batch row, a check error), 2 bad input
or usage.  A traceback appears only with --debug; every other failure is a Chinese message
naming the file, line and field.  Heavy libraries are imported inside the commands that need
them, so `speechgen --version` and `--help` stay fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .errors import InputError

app = typer.Typer(
    name="speechgen",
    help="讲话稿生成工具:由提纲(YAML)或表格按模板生成讲话稿,输出 GB/T 9704-2012 版式的 DOCX。",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"speechgen {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本号并退出。")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="出错时显示完整的 Python 调用栈(排查问题用)。")] = False,
) -> None:
    """讲话稿生成工具。"""


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a message to stderr and return the Exit to raise (`raise fail(...)`)."""
    typer.echo(f"错误:{message}", err=True)
    return typer.Exit(code)


def warn(message: str) -> None:
    typer.echo(f"提示:{message}", err=True)


def report_written(path: Path) -> None:
    typer.echo(f"已生成:{path}", err=True)


def main() -> None:
    """Console entry point: turns InputError and OS errors into messages and exit code 2."""
    debug = "--debug" in sys.argv[1:]
    try:
        app(prog_name="speechgen")
    except InputError as error:
        if debug:
            raise
        for problem in error.problems:
            typer.echo(f"错误:{problem}", err=True)
        sys.exit(2)
    except OSError as error:
        if debug:
            raise
        name = getattr(error, "filename", None)
        reason = error.strerror or str(error)
        typer.echo(f"错误:{name + ': ' if name else ''}{reason}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("已中断。", err=True)
        sys.exit(130)
