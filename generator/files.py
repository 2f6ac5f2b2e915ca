"""The one writer of output files: a failure never leaves a partial file behind.

Every output (DOCX, PDF, text, YAML, the batch's --report and --zip, mined outlines) is written
through `AtomicFile`, so the rules for outputs live here once: a temporary file in the target
folder renamed into place, the permissions a new file normally gets, and Chinese messages
(with the Word/WPS hint when a file open in either cannot be replaced).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from .errors import InputError, Problem, os_reason

# mkstemp creates files readable by their owner only; outputs should get the permissions any
# new file gets (the umask), or colleagues cannot open them on a shared folder.
_UMASK = os.umask(0)
os.umask(_UMASK)


class AtomicFile:
    """A file being written: `handle` takes the bytes, `commit()` puts it in place whole,
    `discard()` (or an exception inside `with`) removes every trace of it.

    The rename is atomic on one file system, so a reader (or an interrupted batch) sees
    either the old file, the complete new one, or nothing.  A failure names the file the user
    asked for, never the hidden temporary one.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.target = Path(path)
        if self.target.is_dir():
            raise InputError(Problem("这是一个文件夹,请写出要生成的文件名", str(self.target)))
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".part", dir=self.target.parent)
        except OSError as error:
            raise _cannot_write(error, self.target) from None
        self._tmp = Path(tmp)
        self.handle: BinaryIO = os.fdopen(fd, "wb")

    def commit(self) -> Path:
        try:
            self.handle.close()
            os.chmod(self._tmp, 0o666 & ~_UMASK)
            os.replace(self._tmp, self.target)
        except OSError as error:
            self.discard()
            raise _cannot_write(error, self.target) from None
        return self.target

    def discard(self) -> None:
        self.handle.close()
        self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to `path` through an AtomicFile; the path written."""
    with AtomicFile(path) as out:
        try:
            out.handle.write(data)
        except OSError as error:
            raise _cannot_write(error, out.target) from None
    return out.target


def _cannot_write(error: OSError, target: Path) -> InputError:
    """The failure in Chinese.  Replacing a file that Word or WPS holds open fails on Windows
    with a permission error, so an existing target refused that way gets the hint to close it
    (for every command, since every output goes through here)."""
    reason = os_reason(error)
    if isinstance(error, PermissionError) and target.exists():
        reason += "(这个文件是否正在 Word 或 WPS 中打开?关闭后重试)"
    return InputError(Problem(f"无法写入:{reason}", str(target)))
