"""User-facing problems: where (file, line, column, field path) and what was expected.

Inputs collect every problem they find before giving up, so a user fixes a file in one pass.
The library raises `SpeechgenError` (or its `InputError`) and never prints; each face (the CLI,
the web page, a user's script) decides how to show the problems and which exit code to use.
"""

from __future__ import annotations

import errno
from typing import Any, NamedTuple

KeyPath = tuple[str | int, ...]


class Problem(NamedTuple):
    """One thing wrong with an input, located as precisely as the input allows.

    `path` is the display form a person reads (正文[2].小标题, 1-based, in the user's own
    spelling); `key_path` is the same place for a program: canonical field keys and 0-based
    list indices, so a form can put the message beside its widget.
    """

    message: str
    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    path: str | None = None  # field path such as 正文[2].小标题
    key_path: KeyPath = ()

    def __str__(self) -> str:
        place = ""
        if self.file:
            place = self.file
            if self.line is not None:
                place += f":{self.line}"
                if self.column is not None:
                    place += f":{self.column}"
        field_part = f"字段 {self.path}:" if self.path else ""
        return f"{place}: {field_part}{self.message}" if place else f"{field_part}{self.message}"

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: every field, plus `text`, the CLI's exact wording."""
        return {"message": self.message, "file": self.file, "line": self.line,
                "column": self.column, "key_path": list(self.key_path), "path": self.path,
                "text": str(self)}


_OS_REASONS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EISDIR: "这是一个文件夹,请写出文件名",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "这里是只读的,无法写入",
    errno.ENAMETOOLONG: "文件名或路径太长(系统限制一个文件名不超过 255 字节,约 85 个汉字);"
                        "请起一个短些的名字,或换一个层级浅些的文件夹",
    errno.EEXIST: "已经存在同名的文件",
    errno.ELOOP: "快捷方式(符号链接)绕回了自己,找不到真正的文件",
    errno.EBUSY: "文件正被其他程序占用,请先关闭它",
    errno.EMFILE: "同时打开的文件太多,请关掉一些程序后再试",
    errno.EIO: "读写出错(磁盘、U 盘或网络盘有故障)",
    errno.EFBIG: "文件太大,这个磁盘放不下",
    errno.EINVAL: "文件名或路径里有系统不允许的字符",
    errno.ENOTEMPTY: "文件夹不是空的",
    errno.ENXIO: "设备不存在或没有连接",
}
if hasattr(errno, "EDQUOT"):
    _OS_REASONS[errno.EDQUOT] = "超出了磁盘配额"


def did_you_mean(word: str, choices: list[str], cutoff: float = 0.5) -> str | None:
    """The choice closest to a mistyped word (difflib's ratio at least `cutoff`), or None.
    Every "是不是想写 …?" (field keys, template and layout names) is worded from this."""
    import difflib

    close = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    return close[0] if close else None


def suggestion(choice: str | None) -> str:
    """The sentence that offers a choice: 是不是想写 X?"""
    return f"是不是想写 {choice}?" if choice else ""


def os_reason(error: OSError) -> str:
    """The operating system's complaint in Chinese; for a rarer one, its own words after a
    Chinese lead, so a user still learns who complained (a symlink loop printed only "Too
    many levels of symbolic links": a tester who never saw the code)."""
    if error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    return f"操作系统报告错误({error.strerror or error})"


class SpeechgenError(Exception):
    """Anything the library refuses to do, with the problems and the exit code a face uses.

    Exit codes: 2 bad input or usage, 1 finished but something failed, 130 interrupted.
    """

    exit_code: int = 2

    def __init__(self, problems: list[Problem] | Problem | str,
                 exit_code: int | None = None) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        if exit_code is not None:
            self.exit_code = exit_code
        # In file order, so a user fixes them top to bottom; unplaced problems last.
        self.problems: list[Problem] = sorted(
            problems, key=lambda p: (p.line is None, p.line or 0))
        super().__init__("\n".join(str(p) for p in problems))

    def to_dict(self) -> dict[str, Any]:
        return {"exit_code": self.exit_code, "problems": [p.to_dict() for p in self.problems]}


class InputError(SpeechgenError):
    """Bad input: one or more problems, reported together, exit code 2."""

    exit_code = 2
