"""The command-line help in Chinese, down to its frame words.

typer marks its own help words for gettext ("default", "required", "Arguments", "Options",
"Commands") but ships no Chinese catalogue, and the copy of click inside it writes "Usage: ",
"[OPTIONS]", the value placeholders (<path>, <int range>) and the help option's own line in
English.  A user who reads `speechgen render -h` should meet one language, so the command tree
typer builds is walked once before it runs and those words are replaced.  Only wording changes:
options, parsing and exit codes are typer's.
"""

from __future__ import annotations

from typing import Any

import typer.core
from typer.core import TyperArgument

#: typer's gettext-marked words (typer/core.py), in the words the rest of the tool uses.
_WORDS = {
    "default: {default}": "默认:{default}",
    "required": "必填",
    "Arguments": "参数",
    "Options": "选项",
    "Commands": "命令",
    "(dynamic)": "(运行时决定)",
    "Aborted!": "已中断。",
    "env var: {var}": "环境变量:{var}",
}

#: The placeholder shown after an option, by the parameter type's name (click's ParamType.name).
_PLACEHOLDERS = {"path": "<路径>", "text": "<文字>", "str": "<文字>", "int": "<整数>",
                 "integer": "<整数>", "integer range": "<整数>", "int range": "<整数>",
                 "float": "<数字>", "float range": "<数字>", "boolean": "<是/否>"}

HELP_LINE = "显示本帮助并退出。"


def _translate(message: str) -> str:
    return _WORDS.get(message, message)


def _context_class(base: Any) -> Any:
    """The command's own context class, with a help formatter whose usage line says 用法."""
    if getattr(base, "localised", False):
        return base

    class Formatter(base.formatter_class):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, "用法:" if prefix is None else prefix)

    return type("Context", (base,), {"formatter_class": Formatter, "localised": True})


def _placeholder(param: Any) -> str | None:
    name = getattr(param.type, "name", "")
    if isinstance(param, TyperArgument):
        word = "文件" if name == "path" else _PLACEHOLDERS.get(name, "值").strip("<>")
        return word if param.nargs == 1 else f"{word}..."
    return _PLACEHOLDERS.get(name)


def localise(command: Any) -> Any:
    """The same command tree with its help worded in Chinese; returns `command`."""
    typer.core._ = _translate
    return _localise_tree(command)


def _localise_tree(command: Any) -> Any:
    command.context_class = _context_class(command.context_class)
    command.options_metavar = "[选项]"
    if hasattr(command, "commands"):  # a group
        command.subcommand_metavar = "命令 [参数]..."
        for sub in command.commands.values():
            _localise_tree(sub)
    for param in command.params:
        if param.metavar is None and not getattr(param, "is_flag", False):
            param.metavar = _placeholder(param)
    make_help_option = command.get_help_option

    def help_option(ctx: Any) -> Any:  # click builds the help option afresh for each context
        option = make_help_option(ctx)
        if option is not None:
            option.help = HELP_LINE
        return option

    command.get_help_option = help_option
    return command
