"""File names from cell values that are safe on Windows and Linux and never leave the folder.

A name is built from whatever a colleague typed into a cell (a title with a colon, a slash in
“党建/纪检”, a stray `..`, a cell that happens to say CON), and the same rules must hold on an
NTFS share opened in WPS and on a Linux desktop: no separators, no characters Windows refuses,
no reserved device names, no trailing dot or space, a length both systems accept, and no two
rows writing the same file (Windows compares names case-insensitively).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from .advice import advice
from .errors import InputError

# 255 bytes is the limit of a name on Linux; Windows counts 255 UTF-16 units, and a whole path
# over 260 characters still trips many programs.  120 bytes is 40 Chinese characters: room for
# the folder, "-12" and ".docx".
MAX_STEM_BYTES = 120
FALLBACK = "未命名"
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
_DOTS = re.compile(r"\.{2,}")
_UNDERSCORES = re.compile(r"_{2,}")
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{device}{n}" for device in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")
}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def safe_stem(text: str, max_bytes: int = MAX_STEM_BYTES) -> str:
    """A file name without extension that every supported system accepts as one plain file."""
    name = unicodedata.normalize("NFC", _SPACES.sub(" ", text))
    # Invisible format characters go: a right-to-left override in a title made a download
    # named "…\u202etxt.exe.docx" show as "….docx.exe.txt" (a tester, round 2).
    name = "".join(ch for ch in name if unicodedata.category(ch) != "Cf")
    name = _FORBIDDEN.sub("_", name)
    name = _UNDERSCORES.sub("_", _DOTS.sub(".", name))
    name = name.strip(" ._")
    name = _truncate(name, max_bytes).rstrip(" .")
    if not name:
        return FALLBACK
    if name.split(".")[0].rstrip(" ").upper() in _RESERVED:
        name = "_" + name  # CON.docx opens the console on Windows, whatever the extension
    return name


def windows_refusal(name: str) -> str | None:
    """Why a file or folder name a person typed cannot be one plain file on Windows (the
    reason, in Chinese, for a message), or None when it can.

    The same rules `safe_stem` applies to names built from cells, told instead of mended,
    since a typed name is the person's choice: CON.docx is the console there, 讲话稿:1.docx an
    NTFS stream of 讲话稿, and a trailing dot is dropped, so the file is not the one named (a
    tester, round 2: render, new and template-from took them all)."""
    if name in ("", ".", ".."):
        return None
    bad = _FORBIDDEN.search(name)
    if bad:
        shown = bad[0] if bad[0].isprintable() else f"U+{ord(bad[0]):04X}"
        return f"含有 Windows 文件名不允许的字符“{shown}”"
    if name[-1] in " .":
        return "以点或空格结尾,Windows 会把它去掉,写出的就不是这个名字"
    device = name.split(".")[0].rstrip(" ").upper()
    if device in _RESERVED:
        return f"{device} 是 Windows 保留的设备名,不能作文件名(加什么扩展名都一样)"
    return None


def _truncate(text: str, max_bytes: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    return encoded[:max_bytes].decode("utf-8", errors="ignore")


class UniqueNames:
    """Hands out names in row order; a repeated name gets -2, -3 … so no row overwrites another.

    Row order, not completion order, so a resumed batch gives every row the same name again.
    """

    def __init__(self, suffix: str) -> None:
        self.suffix = suffix
        self._taken: set[str] = set()

    def take(self, stem: str) -> str:
        candidate, number = stem, 1
        while candidate.casefold() in self._taken:
            number += 1
            tail = f"-{number}"
            candidate = _truncate(stem, MAX_STEM_BYTES - len(tail)).rstrip(" .") + tail
        self._taken.add(candidate.casefold())
        return candidate + self.suffix


def compile_name(pattern: str, lookup: Callable[[str], Callable[[object], str] | None],
                 available: Sequence[str]) -> Callable[[object], str]:
    """`{乡镇}-{会议名称}` as a function of a row; an unknown {name} is an error before any work.

    `lookup` turns a placeholder into a getter for one row, or None when nothing matches;
    `available` lists what the user could have written, for the message.
    """
    parts: list[str | Callable[[object], str]] = []
    position = 0
    unknown = []
    for match in _PLACEHOLDER.finditer(pattern):
        parts.append(pattern[position:match.start()])
        getter = lookup(match[1].strip())
        if getter is None:
            unknown.append(match[1])
        else:
            parts.append(getter)
        position = match.end()
    parts.append(pattern[position:])
    stray = [part for part in parts if isinstance(part, str) and ("{" in part or "}" in part)]
    if stray:
        raise InputError(f"{advice('name')}“{pattern}”中的花括号不成对:每个列名都要写成"
                         "{列名},例如 \"{乡镇}-{会议名称}\"")
    if unknown:
        names = "、".join(f"{{{name}}}" for name in available)
        strangers = "、".join(f"{{{u}}}" for u in unknown)
        raise InputError(f"{advice('name')}“{pattern}”中的 {strangers} 不是表中的列;可用:{names}")

    def name(row: object) -> str:
        return "".join(part if isinstance(part, str) else part(row) for part in parts)

    return name
