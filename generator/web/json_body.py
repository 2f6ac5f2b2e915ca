"""A JSON request body read as strictly, and explained as plainly, as the CLI reads YAML.

Python's `json` module answers in English ("Expecting property name enclosed in double
quotes"), recurses once per nesting level (100,000 `[` raise RecursionError), accepts `NaN`
and `Infinity` although RFC 8259 has no such values, and reads `1e999` as infinity.  The
page promises Chinese answers with a line and column and never a 500, so:
- nesting deeper than the YAML reader allows (`yaml_reader.MAX_DEPTH`) is refused, by a scan
  that does not recurse, before `json` sees the text, in the YAML reader's words;
- `json`'s messages are put into Chinese, keeping its line and column;
- `NaN`, `Infinity` and `-Infinity` are refused at their place (a script's missing value,
  e.g. pandas' empty cell, must not become the title "nan");
- a number beyond a float's range stays the text that was typed, as the YAML reader keeps
  every value's source text: a title `1e999` reads "1e999", a number field says
  “应为 0 或更大的整数,实际是“1e999””, never "inf".
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from ..errors import InputError, Problem
from ..yaml_reader import MAX_DEPTH

#: json's messages (CPython 3.10–3.13, by their opening words) in Chinese.
_HINTS = (
    ("Expecting value", "这里缺少值,或值的写法不对:文字要加半角双引号,真假写 true/false,"
                        "空值写 null"),
    ("Expecting property name", "这里应为加半角双引号的字段名(如 \"标题\");最后一项后面不能有逗号"),
    ("Expecting ':'", "字段名后面缺少半角冒号“:”"),
    ("Expecting ','", "两项之间缺少半角逗号“,”,或括号没有配对"),
    ("Illegal trailing comma", "最后一项后面不能有逗号"),
    ("Extra data", "内容在这里之前已经完整结束,后面多出了文字(一次只能提交一个 JSON 对象)"),
    ("Unterminated string", "从这里开始的双引号直到末尾都没有结束"),
    ("Invalid control character", "双引号内不能直接换行或含有控制字符,换行请写作 \\n"),
    ("Invalid \\uXXXX", "\\u 后面应为四位十六进制数字"),
    ("Invalid \\escape", "双引号内的反斜杠转义不合法,反斜杠本身要写作 \\\\"),
)

#: A JSON string (skipped: brackets and words inside it are text) or a token we look for.
_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_BRACKETS = re.compile(rf"{_STRING}|[\[{{\]}}]")
_CONSTANTS = re.compile(rf"{_STRING}|-?Infinity|NaN")


class _NotANumber(ValueError):
    """Raised from inside json's scanner for NaN/Infinity; located afterwards."""


def _refuse_constant(name: str) -> Any:
    raise _NotANumber(name)


def _number(text: str) -> float | str:
    """A JSON number as a float, or beyond a float's range (1e999) as the text typed."""
    number = float(text)
    return number if math.isfinite(number) else text


def _place(text: str, offset: int) -> tuple[int, int]:
    """(line, column), both 1-based and counted in characters, of an offset in the text."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _too_deep(text: str) -> int | None:
    """The offset of the first bracket that opens level MAX_DEPTH + 1, else None."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        token = match[0]
        if token in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif token in ("]", "}"):
            depth -= 1
    return None


def read_json(text: str, filename: str) -> Any:
    """Plain data from a JSON text; InputError in Chinese, with line and column, when the
    text is not JSON, nests too deep or holds NaN/Infinity."""
    if (deep := _too_deep(text)) is not None:
        raise InputError(Problem(f"JSON 格式有误:嵌套层数过多(超过 {MAX_DEPTH} 层),请检查括号",
                                 filename, *_place(text, deep)))
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_number)
    except _NotANumber as error:
        name = str(error)
        found = next((m.start() for m in _CONSTANTS.finditer(text) if m[0] == name), None)
        raise InputError(Problem(
            f"JSON 格式有误:{name} 不是 JSON 的值(JSON 只有有限的数字);没有值请写 null,"
            "要写这几个字母请加半角双引号", filename,
            *(_place(text, found) if found is not None else (None, None)))) from None
    except json.JSONDecodeError as error:
        hint = next((h for opening, h in _HINTS if error.msg.startswith(opening)), "无法解析")
        raise InputError(Problem(f"JSON 格式有误:{hint}", filename, error.lineno,
                                 error.colno)) from None
