"""Usage mistakes (a mistyped option or command, a missing argument) told in Chinese.

The command-line parser words its errors in English; a user who mistypes `--fromat` should
read what went wrong in the language of the rest of the tool.  The parser's messages have a
stable shape, so each known shape maps to a Chinese sentence; anything else is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .errors import did_you_mean, suggestion
from .lazy_re import LazyPattern

try:  # typer ≥ 0.26 carries its own copy of click
    from typer._click.exceptions import NoArgsIsHelpError, UsageError
except ImportError:  # pragma: no cover - older typer uses click itself
    from click.exceptions import NoArgsIsHelpError, UsageError  # type: ignore[import-not-found, no-redef, assignment, unused-ignore]

__all__ = ["NoArgsIsHelpError", "UsageError", "explain"]

def _value(text: str) -> str:
    if match := re.match(r"'(.*)' is not a valid (?:int|integer)", text):
        return f"“{match[1]}”不是整数"
    if match := re.match(r"(\S+) is not in the range (.+?)\.?$", text):
        bounds = match[2].replace("x>=", "不小于 ").replace("x<=", "不大于 ")
        return f"“{match[1]}”超出范围,应{bounds}"
    return text


def _argument(error: UsageError, name: str) -> str:
    """A missing argument by what it is (its help text), not its English parameter name."""
    param = getattr(error, "param", None)
    described = getattr(param, "help", None)
    return f"缺少参数:{described.rstrip('。')}。" if described else f"缺少参数 {name}。"


#: (shape of the parser's message, its Chinese wording); compiled only when a usage error
#: happens, not on every run (~0.5 ms).
_SHAPES: list[tuple[LazyPattern, Callable[[re.Match[str]], str]]] = [
    (LazyPattern(r"No such option: (\S+)(?:.*?(?:Did you mean|Possible options:) ([^?)]+))?",
                re.S),
     lambda m: f"没有选项 {m[1]}。{suggestion(_closest(m[1], m[2]))}"),
    (LazyPattern(r"No such command '(.+?)'\.(?:\s+Did you mean '(.+?)'\?)?", re.S),
     lambda m: f"没有命令“{m[1]}”。{suggestion(m[2])}"),
    (LazyPattern(r"Missing option '(.+?)'"), lambda m: f"缺少选项 {m[1]}。"),
    (LazyPattern(r"Option '(.+?)' requires an argument"),
     lambda m: f"选项 {m[1]} 后面要写一个值。"),
    (LazyPattern(r"Invalid value for (.+?): (.+)", re.S),
     lambda m: f"选项 {m[1]} 的取值不对:{_value(m[2])}。"),
    (LazyPattern(r"Got unexpected extra arguments? ?(?:\(s\))? \((.+)\)"),
     lambda m: f"多出了参数:{m[1]}。"),
]


def _closest(typed: str, offered: str | None) -> str | None:
    """The parser's nearest option: it lists several alphabetically ("--layout, --output" for
    --ouput, a tester), so the closest of them is named, not the first."""
    choices = [choice.strip() for choice in (offered or "").split(",") if choice.strip()]
    return did_you_mean(typed, choices, cutoff=0)


def explain(error: UsageError) -> str:
    """The error in Chinese, with where to look for the right usage."""
    message = error.format_message().strip()
    missing = re.match(r"Missing argument '(.+?)'", message)
    for pattern, wording in [] if missing else _SHAPES:
        if match := pattern.match(message):
            text = wording(match)
            break
    else:
        text = _argument(error, missing[1]) if missing else f"用法有误:{message}。"
    command = error.ctx.command_path if error.ctx else "speechgen"
    return f"{text}运行 {command} -h 查看用法。"
