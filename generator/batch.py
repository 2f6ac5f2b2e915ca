"""`speechgen batch`: one speech per spreadsheet row, in parallel, past bad rows, resumable.

The people running this have a sheet from a colleague with a few hundred rows and some mistakes
in it.  So: every good row is generated even when others are wrong; a wrong row is named by the
row number Excel shows, the cell and its header; nothing half-written is ever left where a
document is expected; running again with --resume finishes an interrupted batch with the same
names and the same bytes.  Rows are read, rendered and written as a stream with a bounded
number in flight, so memory does not grow with the sheet (only the list of names taken does).
"""

from __future__ import annotations

import os
import shutil
import signal
import zipfile
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .errors import InputError, Problem, os_reason
from .fields import join_lines
from .filenames import UniqueNames, compile_name, safe_stem
from .formats import BATCH_FORMATS, get_format
from .sheet_header import choose_template
from .sheet_map import RowFacts, SheetMapping, SheetValidator, read_mapping
from .sheet_paths import normalise, resolve
from .sheets import Workbook, cell_text, column_letter
from .templating import get_template, templates

CHUNK_ROWS = 8  # rows per task: enough to amortise the hand-over, small enough to balance
IN_FLIGHT_PER_WORKER = 4
_ROW_NAMES = ("行号", "row")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass
class BatchOptions:
    """Everything a batch was asked to do (`speechgen batch`'s options, by name)."""

    sheet: Path
    output: Path | None = None  # default: a folder beside the sheet, named like it
    template: str | None = None  # default: the template the header fits best
    sheet_name: str | None = None
    mapping: Path | None = None
    name: str | None = None
    format: str = "docx"
    layout: str = "standard"
    profile: Path | None = None
    jobs: int | None = None  # None or 0: one process per core
    overwrite: bool = False
    resume: bool = False
    check_only: bool = False
    zip: Path | None = None
    report: Path | None = None
    template_dirs: tuple[Path, ...] = ()


@dataclass
class RowResult:
    """What became of one row: `status` is written, skipped (--resume: the file already holds
    what the row gives), failed or checked (--check); `existed` marks a failure that is only a
    file kept (it exists and may not be replaced)."""

    row: int
    name: str | None
    path: Path | None
    status: str
    problems: list[Problem] = field(default_factory=list)
    existed: bool = False
    notes: list[str] = field(default_factory=list)  # what render would warn of (XX left…)

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "name": self.name,
                "path": str(self.path) if self.path else None, "status": self.status,
                "existed": self.existed, "problems": [p.to_dict() for p in self.problems],
                "notes": self.notes}


def _result(row: int, status: str, target: str | None = None,
            problems: list[Problem] | None = None, existed: bool = False) -> RowResult:
    path = Path(target) if target else None
    return RowResult(row, path.name if path else None, path, status, problems or [], existed)


@dataclass(frozen=True)
class _Job:
    row: int
    data: dict[str, Any]
    places: dict
    target: str | None  # None in --check mode
    overwrite: bool
    resume: bool = False
    since: float | None = None  # the run's start: files changed after it are another run's
    inputs: tuple[Path, ...] = ()  # the sheet, --map and --profile: never written onto
    notes: tuple[str, ...] = ()  # told of the row whatever it gives (hidden in Excel…)


@dataclass(frozen=True)
class _WorkerConfig:
    template: str
    template_dirs: tuple[Path, ...]
    fmt: str
    layout: str
    profile: Path | None
    columns: dict  # main-sheet cells by path, for messages (SheetMapping.cell_columns)


_config: _WorkerConfig | None = None


def _init_worker(config: _WorkerConfig) -> None:
    """Workers leave Ctrl+C to the main process, which lets their current rows finish."""
    global _config
    _config = config
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_chunk(jobs: list[_Job]) -> list[RowResult]:
    return [_run_row(job) for job in jobs]


def _run_row(job: _Job) -> RowResult:
    """One row: validate, build, render, write atomically.  Every failure becomes a result."""
    assert _config is not None
    from .checks import content_findings
    from .pipeline import render
    from .templating import speech_from_values

    try:
        template = get_template(_config.template, _config.template_dirs)
        validator = SheetValidator(places=job.places, columns=_config.columns,
                                   fields=template.fields)
        values = validator.group(job.data, template.fields)
        chosen = values.get("template")
        if chosen and str(chosen).strip() != template.name:
            validator.problem(("template",), "", f"本次批量生成使用模板 {template.name},这一行"
                              f"却写了“{chosen}”;不同模板的行请分成不同的表")
        if validator.problems:
            return _result(job.row, "failed", problems=validator.problems)
        speech = speech_from_values(template, values, _config.template_dirs)
        speech.template = template.name
        # what render warns of the same outline (a leftover XX…): a row with "北岸镇工作会议
        # XX" was 检查通过 and its draft then failed `check` (a tester)
        notes = [*job.notes, *validator.notes,
                 *(str(finding) for finding in content_findings(speech))]
        if job.target is None:
            result = _result(job.row, "checked")
        else:
            result = _write_row(job, job.target, lambda: render(
                speech, _config.fmt, layout=_config.layout, profile=_config.profile).data)
        result.notes = notes
        return result
    except InputError as error:
        return _result(job.row, "failed", problems=error.problems)
    except OSError as error:
        return _result(job.row, "failed", problems=[
            Problem(f"无法写入文件:{os_reason(error)}", job.target)])
    except Exception as error:  # a writer or template bug must not stop the other rows
        return _result(job.row, "failed", problems=[Problem(
            f"生成时出错({type(error).__name__}: {error}),请把此行和模板发给维护者")])


#: The note of a row hidden in Excel: it is generated like any other (hiding is not deleting),
#: but a person who hid "乙镇(已取消)" did not expect a draft for it (a tester).
_HIDDEN_ROW = "这一行在表格里是隐藏的,{}照常生成;不需要这一行的讲话稿就把这一行删去"

_KEEP_BOTH = "要保留两份请用 -o 写到另一个文件夹,要跳过已生成的行请加 --resume"


def _write_row(job: _Job, target_name: str, make: Callable[[], bytes]) -> RowResult:
    """Write one row's file under files.py's rules; a file that must stay is reported.

    --resume keeps a file that already holds exactly what the row gives now, or that a person
    edited after speechgen wrote it from the row as it still is (that row is done); it
    regenerates one whose row was edited since, if speechgen's own stamp shows nobody edited
    the file: the result is then what a one-shot run gives.  A file edited by a person whose
    row has changed since is kept and reported.
    """
    from .files import ExistingFile, check_target, write_atomic

    target = Path(target_name)
    try:
        if not job.resume:  # refused before the work of rendering
            check_target(target, overwrite=job.overwrite, inputs=job.inputs, since=job.since,
                         keep_both=_KEEP_BOTH)
        data = make()
        if job.resume and (_holds(target, data) or _edited_alone(target, data)):
            return _result(job.row, "skipped", target_name)
        try:
            write_atomic(target, data, overwrite=job.overwrite, inputs=job.inputs,
                         since=job.since, keep_both=_KEEP_BOTH)
        except ExistingFile as error:
            if job.resume and target.exists():
                # a .docx carries speechgen's stamp, so its edit is known; a text file's is not
                docx = target.suffix.lower() == ".docx"
                edited = ("在 Word/WPS 中改过,或不是 speechgen 写的" if docx
                          else "可能被人改过;文本格式记不下是谁写的")
                raise ExistingFile(Problem(
                    f"文件已存在,未覆盖:它与这一行现在生成的内容不同,又不是 speechgen 生成时的原样"
                    f"({edited});确定要按表格重新生成请加 --overwrite", str(target))) from error
            raise
    except ExistingFile as error:
        return _result(job.row, "failed", target_name, error.problems, existed=True)
    return _result(job.row, "written", target_name)


def _edited_alone(path: Path, data: bytes) -> bool:
    """Whether the draft at `path` was written from the very row that gives `data` and edited
    by a person since: it is that row's draft, done, not a file in the way.  It was reported as
    not generated on every --resume, with advice to edit the sheet that could not help (a
    tester, round 2).  DOCX only: a text file records nothing."""
    from .stamp import recorded

    if path.suffix.lower() != ".docx" or not path.is_file():
        return False
    mine = recorded(data)
    return mine is not None and recorded(path) == mine


def _holds(path: Path, data: bytes) -> bool:
    """Whether the file at `path` is byte for byte `data` (what the row gives now)."""
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


class Stray(NamedTuple):
    """A draft speechgen wrote that no row names now, and whether a person edited it since."""

    name: str
    edited: bool


class Batch:
    """A prepared batch: the sheet mapped and the names compiled, ready to run.

    Everything that can make the whole sheet unusable is checked here, before any row is
    generated, and raised as InputError (exit 2).
    """

    def __init__(self, options: BatchOptions) -> None:
        spec = get_format(options.format, BATCH_FORMATS, "批量生成格式")
        self._page_notes: list[str] = []
        if spec.uses_layout:
            from .layout_rules import page_warnings
            from .pipeline import resolve_layout

            # a bad profile: one message, not N, before any row (a check-only run passed every
            # row over a profile that generating would then refuse, a tester); a page short of
            # lines: one note
            self._page_notes = page_warnings(resolve_layout(options.layout, options.profile))
        self.options = options
        self.book = Workbook(options.sheet)
        try:
            self.template = (get_template(options.template, options.template_dirs)
                             if options.template else
                             choose_template(lambda: self.book.table(options.sheet_name),
                                             templates(options.template_dirs), self.book.filename))
            renames = read_mapping(options.mapping) if options.mapping else None
            self.mapping = SheetMapping(self.book, self.template, options.sheet_name, renames)
            self._name_columns: set[int] = set()
            self.name_of = self._compile_name(options.name)
        except BaseException:
            self.book.close()
            raise
        self.output = options.output or options.sheet.with_suffix("")
        self.suffix = spec.suffix
        self.started: float | None = None  # set by run(): see files.claiming_run
        self.inputs = tuple(p for p in (options.sheet, options.mapping, options.profile) if p)
        try:
            self._check_extras()
        except BaseException:
            self.book.close()
            raise

    def _check_extras(self) -> None:
        """-o: a folder, not a file.  --zip and --report: the right extension, not an input,
        not an existing file (unless --overwrite): refused before any row is generated.
        --resume finishes the batch whose report and archive these are, so it writes them anew:
        refusing them sent a tester to --overwrite, which then replaced a row's hand-edited
        draft (round 2)."""
        from .files import check_target, refuse_input

        options = self.options
        if not options.check_only and self.output.exists() and not self.output.is_dir():
            # "已经存在同名的文件" from mkdir left a tester guessing (-o notadir.txt)
            raise InputError(Problem("这是一个文件,不是文件夹;batch 的 -o 要写一个文件夹,"
                                     "每行的讲话稿都写在里面", str(self.output)))
        for path, suffixes, what in ((options.zip, (".zip",), "--zip 压缩包"),
                                     (options.report, (".csv", ".json"), "--report 报告")):
            if path is None or (what.startswith("--zip") and options.check_only):
                continue
            refuse_input(path, self.inputs, what.split(" ")[0])
            if path.suffix.lower() not in suffixes:
                raise InputError(Problem(
                    f"{what}的文件名应以 {' 或 '.join(suffixes)} 结尾(按扩展名决定格式),"
                    f"而不是“{path.suffix or '(无扩展名)'}”", str(path)))
            check_target(path, overwrite=options.overwrite or options.resume,
                         inputs=self.inputs, keep_both="要保留两份请另写一个文件名")

    @property
    def notes(self) -> list[str]:
        """Things worth one line before the run: a page that holds fewer lines than the
        profile asks for, columns and sheets that feed nothing."""
        out = list(self._page_notes)
        unused = [h for i, h in self._unused_columns() if i not in self._name_columns]
        if unused:
            out.append(f"这些列不对应模板 {self.template.name} 的字段,未使用:{'、'.join(unused)}")
        if self.mapping.ignored_sheets:
            out.append(f"这些工作表不对应任何字段,未使用:{'、'.join(self.mapping.ignored_sheets)}")
        hidden = self.mapping.table.hidden_columns
        if shown := [f"{column_letter(c.index + 1)} 列({c.header})"
                     for c in self.mapping.columns if c.target and c.index + 1 in hidden]:
            out.append(f"{'、'.join(shown)}在表格里是隐藏的,照常读取了;不该用的列请删去")
        return out

    def _unused_columns(self) -> list[tuple[int, str]]:
        unused = set(self.mapping.unused)
        return [(c.index, c.header) for c in self.mapping.columns if c.header in unused]

    def _compile_name(self, pattern: str | None) -> Callable[[RowFacts], str]:
        if pattern is None:
            return self._default_name
        columns = self.mapping.columns
        by_header = {normalise(c.header): c.index for c in columns}

        def lookup(placeholder: str) -> Callable[[Any], str] | None:
            if normalise(placeholder) in _ROW_NAMES:
                return lambda facts: str(facts.row)
            index = by_header.get(normalise(placeholder))
            if index is None:
                target = resolve(placeholder, self.template.fields)
                index = next((c.index for c in columns
                              if target and c.target and c.target.path == target.path), None)
            if index is None:
                return None
            self._name_columns.add(index)
            return lambda facts: _cell(facts.cells, index)

        available = ["行号", *(c.header for c in columns)]
        return compile_name(pattern, lookup, available)

    def _default_name(self, facts: RowFacts) -> str:
        """Row number and title; without a title column, the first required text (会议名称)."""
        title = facts.data.get("title")
        if not title:
            first = next((f for f in self.template.fields
                          if f.required and f.type == "text"), None)
            title = facts.data.get(first.key) if first else None
        return f"{facts.row:04d}-{join_lines(cell_text(title))}" if title else f"{facts.row:04d}"

    def jobs(self, results: list[RowResult], names: UniqueNames) -> Iterator[_Job]:
        """Row jobs in sheet order; rows already done (--resume) go straight to `results`."""
        options = self.options
        hidden = self.mapping.table.hidden_rows
        # "照常生成了" was said by a --check that generated nothing (a tester)
        hidden_note = (_HIDDEN_ROW.format("生成时也会" if options.check_only else "已"),)
        for facts in self.mapping.rows():
            target = None
            if not options.check_only:
                target = str(self.output / names.take(safe_stem(self.name_of(facts))))
            yield _Job(facts.row, facts.data, facts.places, target, options.overwrite,
                       options.resume, self.started, self.inputs,
                       hidden_note if facts.row in hidden else ())

    def run(self, jobs: int) -> Iterator[RowResult]:
        """Results in sheet order while at most a few chunks per worker are in flight.

        While it runs, the batch announces itself in the output folder (files.claiming_run), so
        that a second batch started meanwhile treats every file this one writes as taken.
        """
        if self.options.check_only:
            yield from self._run(jobs)
            return
        from .files import claiming_run, stale_temporaries

        self.output.mkdir(parents=True, exist_ok=True)
        for stale in stale_temporaries(self.output):  # a killed run's, never a live run's
            stale.unlink(missing_ok=True)
        with claiming_run(self.output) as since:
            self.started = since
            yield from self._run(jobs)

    def _run(self, jobs: int) -> Iterator[RowResult]:
        config = _WorkerConfig(self.template.name, self.options.template_dirs, self.options.format,
                               self.options.layout, self.options.profile,
                               self.mapping.cell_columns)
        names = UniqueNames(self.suffix)
        ready: list[RowResult] = []
        chunks = _chunks(self.jobs(ready, names), CHUNK_ROWS)
        if jobs <= 1:
            global _config
            _config = config
            for chunk in chunks:
                yield from _in_order(_drain(ready), _run_chunk(chunk))
            yield from _drain(ready)
            return
        with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(config,)) as pool:
            pending: deque[tuple[list[RowResult], Future]] = deque()
            try:
                for chunk in chunks:
                    pending.append((_drain(ready), pool.submit(_run_chunk, chunk)))
                    while len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                        before, future = pending.popleft()
                        yield from _in_order(before, future.result())
                while pending:
                    before, future = pending.popleft()
                    yield from _in_order(before, future.result())
                yield from _drain(ready)
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise

    def write_zip(self, names: Sequence[str]) -> Path:
        """All outputs of this batch in one archive, written aside and renamed into place."""
        from .files import AtomicFile

        target = self.options.zip
        assert target is not None
        overwrite = self.options.overwrite or self.options.resume  # this batch's own archive
        with AtomicFile(target, overwrite=overwrite, inputs=self.inputs) as out, \
                zipfile.ZipFile(out.handle, "w") as archive:
            for name in names:
                info = zipfile.ZipInfo(name, _ZIP_TIME)
                # A DOCX is already compressed; storing it is faster and no larger.
                info.compress_type = (zipfile.ZIP_STORED if self.options.format == "docx"
                                      else zipfile.ZIP_DEFLATED)
                info.external_attr = 0o644 << 16
                with (self.output / name).open("rb") as source, archive.open(info, "w") as dest:
                    shutil.copyfileobj(source, dest)
        return out.target

    def close(self) -> None:
        self.book.close()


def _cell(cells: tuple, index: int) -> str:
    """A cell as a file name part: lines joined as the draft joins a one-line field's (an
    Alt+Enter in 会议名称 named the file "…2025年 经济工作会议" while its title read whole, a
    tester)."""
    return join_lines(cell_text(cells[index])) if index < len(cells) else ""


def _chunks(items: Iterable[_Job], size: int) -> Iterator[list[_Job]]:
    chunk: list[_Job] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _drain(ready: list[RowResult]) -> list[RowResult]:
    out = ready[:]
    ready.clear()
    return out


def _in_order(skipped: list[RowResult], done: list[RowResult]) -> list[RowResult]:
    """Rows skipped while a chunk was gathered interleave with its rows: sheet order again."""
    return sorted(skipped + done, key=lambda result: result.row)


def default_jobs() -> int:
    """One process per core this process may use; Windows allows at most 61 workers."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # Windows, macOS
        cores = os.cpu_count() or 1
    return min(cores, 61)


class BatchRun(Iterator[RowResult]):
    """A running batch: iterate for the rows' results in sheet order.

    Everything that makes the whole sheet unusable was raised (as InputError) by `run_batch`
    before the first row.  When the last row is through, the --report and --zip files are
    written (`report_path`, `zip_path`); if the iteration stops early, neither is left behind.
    """

    def __init__(self, options: BatchOptions) -> None:
        self.options = options
        self.batch = Batch(options)
        self.zip_path: Path | None = None
        self.report_path: Path | None = None
        self.outputs: list[str] = []
        self._named: set[str] = set()  # every row's file name, whatever became of it
        self._rows: Generator[RowResult, None, None] = self._generate()

    @property
    def output(self) -> Path:
        """The folder the files go into."""
        return self.batch.output

    @property
    def notes(self) -> list[str]:
        """Columns and sheets that feed nothing: worth a line before the run."""
        return self.batch.notes

    @property
    def total(self) -> int | None:
        """How many data rows the sheet says it has (None when it does not say)."""
        hint = self.batch.mapping.table.size_hint
        return hint - self.batch.mapping.header_rows[-1] if hint else None

    def unmatched(self) -> list[str]:
        """Notes about sub-sheet rows no main row claimed (complete after the last row)."""
        return list(self.batch.mapping.unmatched())

    def strays(self) -> list[Stray]:
        """After a --resume, the drafts in the output folder that speechgen wrote (its stamp
        is in them) and that no row of the sheet names now, sorted: a row inserted or
        deleted, or a title changed, renames every later row's file, and the old ones stayed
        beside the new without a word (a tester, round 2).  They are told, never deleted, and
        those a person edited since are told apart: a row deleted above an edited draft gave
        it a new name, and the edits were only in the old file, listed among untouched ones
        (a tester, round 3).  Complete after the last row."""
        from .stamp import is_untouched, recorded

        if not self.options.resume or self.options.check_only:
            return []
        suffix = "." + self.options.format
        return [Stray(path.name, not is_untouched(path))
                for path in sorted(self.output.iterdir(), key=lambda path: path.name)
                if path.suffix.lower() == suffix and path.name not in self._named
                and path.is_file() and recorded(path) is not None]

    def __next__(self) -> RowResult:
        return next(self._rows)

    def close(self) -> None:
        """Stop early: the sheet is closed, no report or zip is written."""
        self._rows.close()
        self.batch.close()

    def _generate(self) -> Generator[RowResult, None, None]:
        from .batch_report import Report

        options = self.options
        table = self.batch.mapping.table
        report = Report(options.report, self.batch.book.filename,
                        overwrite=options.overwrite or options.resume,  # this batch's own
                        inputs=self.batch.inputs,
                        main_sheet="" if table.csv else table.name) if options.report else None
        jobs = min(options.jobs, 61) if options.jobs else default_jobs()
        try:
            for result in self.batch.run(jobs):
                if result.name:
                    self._named.add(result.name)
                # resuming, a row's kept draft is the one a person edited: the archive has it
                edited = options.resume and result.existed
                if (result.status in ("written", "skipped") or edited) and result.name:
                    self.outputs.append(result.name)
                if report:
                    report.add(result)
                yield result
            if options.zip and not options.check_only:
                self.zip_path = self.batch.write_zip(self.outputs)
            if report:
                self.report_path = report.finish()
                report = None
        finally:
            if report:
                report.discard()
            self.batch.close()


def run_batch(options: BatchOptions) -> BatchRun:
    """Prepare a batch (InputError, exit 2, when the sheet or the options are unusable) and
    return the iterator of its rows' results; nothing is printed."""
    return BatchRun(options)
