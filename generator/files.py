"""Writing output files: the one place that decides whether a file may be written, and writes it
so that a failure never leaves a partial file behind.

The rules, the same for every command and every output (DOCX, PDF, txt, md, YAML, CSV, zip,
report):

1. Never onto an input of the same run (compared as files, not as spellings: a symlink, a
   hard link, `./a/../提纲.yaml` or 提纲.YAML on a case-insensitive disk are the same file).
2. Only a regular file is ever replaced: a device, a pipe or a socket never (writing `-o
   /dev/null` renamed a text file over the device).  An existing file is replaced only with
   --overwrite, except a DOCX still exactly as speechgen
   wrote it (stamp.py) and an empty file (nothing to lose).  A read-only file is never replaced.
3. A new name is taken exclusively, so two runs writing into one folder never both take it:
   the content goes to a temporary file beside the target, which then becomes the new name in
   one step that fails if the name exists (a hard link on POSIX, a rename on Windows, which
   never replaces there).  Where hard links do not exist (FAT32 and exFAT USB drives, some
   network shares) the name is claimed with an exclusive create (O_CREAT|O_EXCL, which those
   honour) and the temporary file renamed over the claim; only there can a power cut in the
   microseconds between the two leave an empty file, which a later run replaces.
4. A batch announces itself in its output folder while it runs (`claiming_run`) and passes
   `since`, the start of the earliest run still writing there: files changed after it may be
   another run's and are reported, never replaced, even with --overwrite.
5. A replaced file keeps its permissions; a new file gets what the umask gives any new file.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from .errors import InputError, Problem, os_reason

# mkstemp creates files readable by their owner only; outputs should get the permissions any
# new file gets (the umask), or colleagues cannot open them on a shared folder.
_UMASK = os.umask(0)
os.umask(_UMASK)
_NEW_MODE = 0o666 & ~_UMASK
#: Temporary files are named .~PID-xxxx.part, so a later run can tell a killed run's leftovers
#: (their process is gone) from the live temporaries of a run going on at the same time.
TEMP_PREFIX = ".~"
TEMP_SUFFIX = ".part"
_TEMP_PID = re.compile(r"^\.~(\d+)-.*\.part$")
_KEEP_BOTH = "要保留两份请用 -o 写到另一个文件名"
#: Said of a new file a folder refused: "imm/.~21048-run.part: 没有权限" left a tester with no
#: folder named and nothing to do.
_FOLDER_CLOSED = "(这个文件夹不允许写入:请用 -o 换一个文件夹,或去掉文件夹的只读属性)"
_OPEN_ELSEWHERE = "(这个文件是否正在 Word 或 WPS 中打开?关闭后重试)"

PathLike = str | os.PathLike[str]


class ExistingFile(InputError):
    """An output that already exists and may not be replaced (exit 2; a batch row reports it)."""


def same_input(target: Path, inputs: Iterable[PathLike]) -> Path | None:
    """The input of this run that `target` is (the same file on disk), or None.

    samefile compares device and inode (file index on Windows), which also catches symlinks,
    hard links and another spelling on a case-insensitive file system.  `a/../提纲.yaml` is
    also read with its `..` collapsed, as the folders written on the way would make it.
    """
    spellings = [target, Path(os.path.normpath(os.path.abspath(target)))]
    for spelling in spellings:
        if not spelling.exists():
            continue
        for source in inputs:
            try:
                if Path(source).is_file() and os.path.samefile(spelling, source):
                    return Path(source)
            except OSError:
                continue
    return None


def refuse_input(target: PathLike, inputs: Iterable[PathLike], option: str = "-o") -> None:
    """InputError when `target` is one of this run's inputs (the first rule, checked first);
    `option` is the one that named it (--report 表.csv was told to use -o, a tester)."""
    path = Path(target)
    source = same_input(path, inputs)
    if source is not None:
        also = "" if str(source) == str(path) else f"(与输入文件 {source} 是同一个文件)"
        raise InputError(Problem(f"这是本次运行的输入文件{also},不能把结果写在它上面,"
                                 f"输入文件未改动;请用 {option} 写到另一个文件名", str(path)))


def check_name(path: Path) -> None:
    """Raise InputError when the file's name, or a folder on its way that will be made for it,
    is not one Windows takes (see filenames.windows_refusal): the drafts go to Word and WPS on
    Windows, and "-o a/CON/b.docx" made a folder CON there (a tester).  Folders that exist
    already are the person's own and are not judged."""
    from .filenames import windows_refusal

    reason = windows_refusal(path.name)
    if reason:
        raise InputError(Problem(f"文件名“{path.name}”不能用:{reason};请换一个名字", str(path)))
    for folder in path.parents:
        if folder.exists():
            break
        if reason := windows_refusal(folder.name):
            raise InputError(Problem(f"文件夹名“{folder.name}”不能用:{reason};请换一个名字",
                                     str(path)))


def check_target(target: PathLike, *, overwrite: bool = False, inputs: Iterable[PathLike] = (),
                 since: float | None = None, keep_both: str = _KEEP_BOTH) -> None:
    """Raise InputError (ExistingFile for a file kept) unless `target` may be written now.

    `keep_both` is the advice on keeping both files, which depends on the command.
    """
    path = Path(target)
    if path.is_dir():
        raise InputError(Problem("这是一个文件夹,请写出要生成的文件名", str(path)))
    refuse_input(path, inputs)
    check_name(path)
    try:
        status = path.stat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise InputError(Problem(f"无法写入:{os_reason(error)}", str(path))) from None
    if not stat.S_ISREG(status.st_mode):  # /dev/null is empty: it was "nothing to lose"
        raise InputError(Problem("这不是普通文件(是设备、管道等特殊文件),不会替换它;请在 -o 后"
                                 "写一个文件名,要显示在屏幕上请去掉 -o", str(path)))
    if since is not None and status.st_mtime >= since:
        raise ExistingFile(Problem("这个文件是在同时进行的另一次批量生成运行期间写入的,可能属于它,"
                                   "未覆盖", str(path)))
    if not status.st_mode & 0o222:
        raise ExistingFile(Problem("文件已存在且设为只读,未覆盖;确要替换请先取消只读属性",
                                   str(path)))
    if overwrite or status.st_size == 0:
        return
    # Imported only for an existing file that may be kept: stamp loads hashlib (OpenSSL),
    # ~3.5 ms that a new file or --overwrite never needs (bench/bench_mine.py).
    from .stamp import is_untouched

    if is_untouched(path):
        return
    if path.suffix.lower() == ".docx":
        # A file with no record at all may be anybody's: "生成之后被改动过" was said of one
        # speechgen never wrote (a tester).
        from .stamp import recorded

        how = ("在 speechgen 生成之后被改动过(如在 Word 或 WPS 中编辑保存)" if recorded(path)
               else "不是 speechgen 原样生成的(可能是别的文件,或已在 Word、WPS 中另存改动过)")
        raise ExistingFile(Problem(f"文件已存在,{how},未覆盖;{keep_both},确定要替换请加 "
                                   "--overwrite", str(path)))
    raise ExistingFile(Problem(f"文件已存在,未覆盖;确定要替换请加 --overwrite,{keep_both}",
                               str(path)))


class AtomicFile:
    """An output being written: a temporary file beside the target, renamed over it on commit.

    `check_target` runs when it is opened (before any work is spent) and the new name is
    taken at commit.  Write to `handle`, then `commit()` or `discard()`; as a context manager
    it commits when the block ends and discards when it raises.
    """

    def __init__(self, target: PathLike, *, overwrite: bool = False,
                 inputs: Iterable[PathLike] = (), since: float | None = None,
                 keep_both: str = _KEEP_BOTH) -> None:
        # A name that is a symbolic link is written through, as an editor saves: replacing the
        # link with a file left its target stale and the link gone (a tester, round 1).
        self.target = Path(os.path.realpath(target)) if Path(target).is_symlink() else Path(target)
        self._overwrite, self._since, self._keep_both = overwrite, since, keep_both
        self._inputs = tuple(inputs)
        self._check()
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-",
                                       suffix=TEMP_SUFFIX, dir=self.target.parent)
        except OSError as error:
            raise self.failure(error) from None
        self._tmp = Path(tmp)
        self.handle: BinaryIO = os.fdopen(fd, "wb")

    def _check(self) -> None:
        check_target(self.target, overwrite=self._overwrite, inputs=self._inputs,
                     since=self._since, keep_both=self._keep_both)

    def failure(self, error: OSError, replacing: bool = False) -> InputError:
        """The InputError for `error` met writing this file, naming the file asked for."""
        hint = ((_OPEN_ELSEWHERE if replacing else _FOLDER_CLOSED)
                if isinstance(error, PermissionError) else "")
        return InputError(Problem(f"无法写入:{os_reason(error)}{hint}", str(self.target)))

    def commit(self) -> Path:
        """Check the rule again, then take the new name exclusively or replace the old file."""
        claimed = False
        try:
            self.handle.close()
            try:
                mode: int | None = self.target.stat().st_mode & 0o7777
            except FileNotFoundError:
                mode = None
            if mode is not None:
                # The rule again for the file now there: minutes may have passed since open
                # (a long batch's report), or another run may have written it meanwhile.
                self._check()
            os.chmod(self._tmp, _NEW_MODE if mode is None else mode)
            # A name that was free is taken exclusively: if another run took it since the
            # stat above, this fails instead of replacing that run's file.
            if mode is None and _create_exclusive(self._tmp, self.target):
                return self.target
            claimed = mode is None
            try:
                os.replace(self._tmp, self.target)
            except OSError as error:
                raise self.failure(error, replacing=not claimed) from None
        except OSError as error:
            self._abandon(claimed)
            raise self.failure(error) from None
        except BaseException:
            self._abandon(claimed)
            raise
        return self.target

    def discard(self) -> None:
        self._abandon(False)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        """Commit when the block ends normally, discard when it raises; an OSError met in
        the block (a full disk while writing a zip) is told naming this file."""
        if kind is None:
            self.commit()
            return
        self.discard()
        if isinstance(error, OSError):
            raise self.failure(error) from None

    def _abandon(self, claimed: bool) -> None:
        # Closing flushes what is buffered, and on a full disk that fails again: the
        # temporary must go all the same (a tester found .~…part files left, round 2).
        with suppress(OSError):
            self.handle.close()
        self._tmp.unlink(missing_ok=True)
        if claimed:  # our own empty claim: nothing of anyone's is in it
            self.target.unlink(missing_ok=True)


_TAKEN = "另一个程序(如同时运行的另一次批量生成)刚刚创建了同名文件,未覆盖"


def _create_exclusive(tmp: Path, target: Path) -> bool:
    """Give the finished `tmp` the new name `target` unless that name exists (ExistingFile).

    True when done; False when this file system has no hard links and `target` was claimed
    empty instead, for the caller to rename `tmp` over it.
    """
    try:
        if os.name == "nt":
            os.rename(tmp, target)  # never replaces on Windows, on NTFS and FAT alike
            return True
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise
        except OSError:  # no hard links here: claim the name, the caller renames over it
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, _NEW_MODE))
            return False
    except FileExistsError:
        raise ExistingFile(Problem(_TAKEN, str(target))) from None
    tmp.unlink(missing_ok=True)
    return True


def write_atomic(path: PathLike, data: bytes, *, overwrite: bool = False,
                 inputs: Iterable[PathLike] = (), since: float | None = None,
                 keep_both: str = _KEEP_BOTH) -> Path:
    """Write `data` to `path` under the rules above; InputError says why not, in Chinese.

    The rename is atomic on one file system, so a reader (or an interrupted batch) sees
    either the old file, the complete new one, or nothing.  A failure names the file the user
    asked for, never the hidden temporary one; a file open in Word or WPS on Windows (the
    rename is refused) gets the advice to close it.
    """
    (written,) = write_together([(Path(path), data)], overwrite=overwrite, inputs=inputs,
                                since=since, keep_both=keep_both)
    return written


def write_together(files: Sequence[tuple[Path, bytes]], *, overwrite: bool = False,
                   inputs: Iterable[PathLike] = (), since: float | None = None,
                   keep_both: str = _KEEP_BOTH) -> list[Path]:
    """Write several files as one (`write_atomic`'s rules for each): every one goes to a
    temporary file beside its target and is flushed there, and only when all are written in
    full are they renamed into place.  A failure leaves none of them, nor a folder made for
    them: a full disk left a template's template.yaml without its speech.j2, which made every
    template in the folder unreadable, and an empty folder after each failed try (a tester,
    round 2)."""
    inputs = tuple(inputs)
    made = _missing_folders([path.parent for path, _ in files])
    outputs: list[AtomicFile] = []
    try:
        for path, data in files:
            output = AtomicFile(path, overwrite=overwrite, inputs=inputs, since=since,
                                keep_both=keep_both)
            outputs.append(output)
            output.handle.write(data)
            output.handle.flush()  # a full disk says so now, before any file is replaced
    except OSError as error:
        _give_up(outputs, made)
        raise outputs[-1].failure(error) from None
    except BaseException:
        _give_up(outputs, made)
        raise
    return [output.commit() for output in outputs]


def _missing_folders(folders: Iterable[Path]) -> list[Path]:
    """The folders (and their missing parents) that do not exist yet, deepest first."""
    missing: set[Path] = set()
    for folder in folders:
        while not folder.exists() and folder != folder.parent:
            missing.add(folder)
            folder = folder.parent
    return sorted(missing, key=lambda folder: len(folder.parts), reverse=True)


def _give_up(outputs: Sequence[AtomicFile], made: Sequence[Path]) -> None:
    for output in outputs:
        output.discard()
    for folder in made:  # deepest first; one that holds anything stays
        with suppress(OSError):
            folder.rmdir()


@contextmanager
def claiming_run(folder: Path) -> Iterator[float]:
    """Announce a run writing into `folder` for as long as it lasts; yield its `since`.

    The announcement is a temporary file named for this process (so a killed run's is stale,
    see `stale_temporaries`) whose modification time is the run's start.  `since` is the start
    of the earliest run still writing into the folder, this one or another: every file changed
    after it may be that other run's, so check_target reports it instead of replacing it, even
    an untouched DOCX and even with --overwrite.  Files from runs that have ended are older and
    follow the ordinary rule.
    """
    marker = folder / f"{TEMP_PREFIX}{os.getpid()}-run{TEMP_SUFFIX}"
    try:
        marker.write_bytes(b"")
    except OSError as error:  # told as the folder, not as this file no one asked for
        hint = _FOLDER_CLOSED if isinstance(error, PermissionError) else ""
        raise InputError(Problem(f"无法在这个文件夹里写文件:{os_reason(error)}{hint}",
                                 str(folder))) from None
    since = marker.stat().st_mtime
    for other in folder.glob(f"{TEMP_PREFIX}*-run{TEMP_SUFFIX}"):
        try:
            if other != marker and not _stale(other, time.time()):
                since = min(since, other.stat().st_mtime)
        except OSError:
            continue
    try:
        yield since
    finally:
        marker.unlink(missing_ok=True)


def stale_temporaries(folder: Path) -> list[Path]:
    """Temporary files in `folder` left by runs that are gone (killed mid-write).

    A run still going on keeps its temporaries.  Where a process cannot be asked whether it
    is alive (Windows), a temporary counts as stale after an hour: a write takes milliseconds.
    """
    stale = []
    now = time.time()
    for path in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        try:
            if _stale(path, now):
                stale.append(path)
        except OSError:
            continue
    return stale


def _stale(path: Path, now: float) -> bool:
    match = _TEMP_PID.match(path.name)
    return match is None or not _alive(int(match[1]), path.stat().st_mtime, now)


def _alive(pid: int, mtime: float, now: float) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would terminate the process there
        return now - mtime < 3600
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    # A killed worker whose parent died too may stay a zombie until init reaps it: not alive.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")
