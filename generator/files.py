"""Writing output files so that a failure never leaves a partial file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import InputError, Problem, os_reason

# mkstemp creates files readable by their owner only; outputs should get the permissions any
# new file gets (the umask), or colleagues cannot open them on a shared folder.
_UMASK = os.umask(0)
os.umask(_UMASK)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write to a temporary file in the target folder, then rename it into place.

    The rename is atomic on one file system, so a reader (or an interrupted batch) sees
    either the old file, the complete new one, or nothing.  A failure names the file the user
    asked for, never the hidden temporary one.
    """
    target = Path(path)
    if target.is_dir():
        raise InputError(Problem("这是一个文件夹,请写出要生成的文件名", str(target)))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".part", dir=target.parent)
    except OSError as error:
        raise _cannot_write(error, target) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, target)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise _cannot_write(error, target) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _cannot_write(error: OSError, target: Path) -> InputError:
    """The failure in Chinese.  Replacing a file that Word or WPS holds open fails on Windows
    with a permission error, so an existing target refused that way gets the hint to close it
    (for every command, since every output goes through here)."""
    reason = os_reason(error)
    if isinstance(error, PermissionError) and target.exists():
        reason += "(这个文件是否正在 Word 或 WPS 中打开?关闭后重试)"
    return InputError(Problem(f"无法写入:{reason}", str(target)))
