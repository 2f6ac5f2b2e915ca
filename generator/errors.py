"""User-facing problems: where (file, line, column, field path) and what was expected.

Inputs collect every problem they find before giving up, so a user fixes a file in one pass;
the CLI prints them and exits 2.  Nothing here is ever shown as a traceback.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as the input allows."""

    message: str
    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    path: str | None = None  # field path such as 正文[2].小标题

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


_OS_REASONS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EISDIR: "这是一个文件夹,请写出文件名",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "这里是只读的,无法写入",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EEXIST: "已经存在同名的文件",
}


def os_reason(error: OSError) -> str:
    """The operating system's complaint in Chinese (its own words for rarer ones)."""
    return _OS_REASONS.get(error.errno or 0, error.strerror or str(error))


class InputError(Exception):
    """Bad input: one or more problems, reported together, exit code 2."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        # In file order, so a user fixes them top to bottom; unplaced problems last.
        self.problems = sorted(problems, key=lambda p: (p.line is None, p.line or 0))
        super().__init__("\n".join(str(p) for p in problems))
