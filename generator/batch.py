"""`speechgen batch`: one speech per spreadsheet row, in parallel, past bad rows, resumable.

The people running this have a sheet from a colleague with a few hundred rows and some mistakes
in it.  So: every good row is generated even when others are wrong; a wrong row is named by the
row number Excel shows, the cell and its header; nothing half-written is ever left where a
document is expected; running again with --resume finishes an interrupted batch with the same
names and the same bytes.  Rows are read, rendered and written as a stream with a bounded
number in flight, so memory does not grow with the sheet (only the list of names taken does).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import tempfile
import time
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, Problem
from .filenames import UniqueNames, compile_name, safe_stem
from .sheet_map import RowFacts, SheetMapping, SheetValidator, header_score, normalise, resolve
from .sheets import Workbook, cell_text
from .templating import Template, get_template, templates

FORMATS = ("docx", "txt", "md")
CHUNK_ROWS = 8  # rows per task: enough to amortise the hand-over, small enough to balance
IN_FLIGHT_PER_WORKER = 4
STATUS_NAMES = {
    "ok": "已生成",
    "checked": "检查通过",
    "skipped": "已跳过(已有)",
    "exists": "未覆盖(文件已存在)",
    "failed": "失败",
}
_ROW_NAMES = ("行号", "row")
_TEMP_GLOB = ".~*.part"  # what files.write_atomic leaves behind when killed mid-write
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Options:
    """Everything `speechgen batch` was asked to do."""

    source: Path
    output: Path | None = None
    template: str | None = None
    template_dirs: tuple[Path, ...] = ()
    sheet: str | None = None
    mapping: Path | None = None
    name: str | None = None
    fmt: str = "docx"
    layout: str = "standard"
    profile: Path | None = None
    jobs: int = 0  # 0: one per core
    resume: bool = False
    overwrite: bool = False
    zip_path: Path | None = None
    report: Path | None = None
    check: bool = False


@dataclass
class RowResult:
    row: int
    status: str
    file: str | None = None
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class _Job:
    row: int
    data: dict[str, Any]
    places: dict
    target: str | None  # None in --check mode
    overwrite: bool


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
    from .outline_io import speech_from_values
    from .pipeline import render_bytes
    from .templating import speech_from_facts

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
            return RowResult(job.row, "failed", problems=validator.problems)
        if template.is_outline:
            speech = speech_from_values(values)
            speech.template = template.name
        else:
            speech = speech_from_facts(template, values, _config.template_dirs)
        if job.target is None:
            return RowResult(job.row, "checked")
        target = Path(job.target)
        if not job.overwrite and target.exists():
            return RowResult(job.row, "exists", target.name, [Problem(
                "文件已存在,未覆盖(要覆盖请加 --overwrite,要跳过已生成的行请加 --resume)",
                str(target))])
        from .files import write_atomic

        write_atomic(target, render_bytes(speech, _config.fmt, _config.layout, _config.profile))
        return RowResult(job.row, "ok", target.name)
    except InputError as error:
        return RowResult(job.row, "failed", problems=error.problems)
    except OSError as error:
        reason = error.strerror or str(error)
        if isinstance(error, PermissionError):
            reason += "(这个文件是否正在 Word 或 WPS 中打开?关闭后重试)"
        return RowResult(job.row, "failed", problems=[Problem(f"无法写入文件:{reason}",
                                                              job.target)])
    except Exception as error:  # a writer or template bug must not stop the other rows
        return RowResult(job.row, "failed", problems=[Problem(
            f"生成时出错({type(error).__name__}: {error}),请把此行和模板发给维护者")])


def _complete(path: Path, fmt: str) -> bool:
    """An earlier run's output, whole: writes are atomic, and a DOCX must end its zip."""
    try:
        size = path.stat().st_size
        if fmt != "docx":
            return size > 0
        with path.open("rb") as handle:
            handle.seek(max(0, size - 22))
            return handle.read(4) == b"PK\x05\x06"
    except OSError:
        return False


def read_mapping(path: Path) -> dict[str, str | None]:
    """--map: `表头: 字段` lines; an empty value ignores that column or sheet."""
    import yaml

    from .outline_io import read_text

    try:
        data = yaml.safe_load(read_text(path))
    except yaml.YAMLError as error:
        raise InputError(Problem(f"映射文件格式错误:{error}", str(path))) from None
    if not isinstance(data, dict) or not all(
            isinstance(v, (str, type(None))) for v in data.values()):
        raise InputError(Problem("映射文件应为“表头: 字段”的形式,每行一项,例如  会议: 会议名称",
                                 str(path)))
    return {str(k): (str(v).strip() or None) if v is not None else None for k, v in data.items()}


def choose_template(book: Workbook, options: Options) -> Template:
    """The template named, or the one whose fields the header names most clearly."""
    if options.template:
        return get_template(options.template, options.template_dirs)
    scored = sorted(((header_score(book.table(options.sheet), t.fields), name)
                     for name, t in templates(options.template_dirs).items()), reverse=True)
    if not scored or scored[0][0] == 0:
        raise InputError(Problem("表头中没有一列能对应任何模板的字段;请用 -t 指定模板"
                                 "(speechgen templates 可查看模板及其列名)", book.filename))
    tied = [name for score, name in scored if score == scored[0][0]]
    if len(tied) > 1:
        raise InputError(Problem(f"表头同样符合这些模板:{'、'.join(sorted(tied))};"
                                 "请用 -t 指定其中一个,例如 -t " + sorted(tied)[0], book.filename))
    return get_template(scored[0][1], options.template_dirs)


class Batch:
    """A prepared batch: the sheet mapped and the names compiled, ready to run.

    Everything that can make the whole sheet unusable is checked here, before any row is
    generated, and raised as InputError (exit 2).
    """

    def __init__(self, options: Options) -> None:
        if options.fmt not in FORMATS:
            raise InputError(f"批量生成不支持格式“{options.fmt}”,可选:{'、'.join(FORMATS)}")
        self._page_notes: list[str] = []
        if options.fmt == "docx" and not options.check:
            from .layout import load_layout
            from .layout_rules import page_warnings

            # a bad profile is one message, not N; a page short of lines is one note
            self._page_notes = page_warnings(load_layout(options.layout, options.profile))
        self.options = options
        self.book = Workbook(options.source)
        try:
            self.template = choose_template(self.book, options)
            renames = read_mapping(options.mapping) if options.mapping else None
            self.mapping = SheetMapping(self.book, self.template, options.sheet, renames)
            self._name_columns: set[int] = set()
            self.name_of = self._compile_name(options.name)
        except BaseException:
            self.book.close()
            raise
        self.output = options.output or options.source.with_suffix("")
        self.suffix = "." + options.fmt

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
        return f"{facts.row:04d}-{cell_text(title)}" if title else f"{facts.row:04d}"

    def jobs(self, results: list[RowResult], names: UniqueNames) -> Iterator[_Job]:
        """Row jobs in sheet order; rows already done (--resume) go straight to `results`."""
        options = self.options
        for facts in self.mapping.rows():
            target = None
            overwrite = options.overwrite
            if not options.check:
                path = self.output / names.take(safe_stem(self.name_of(facts)))
                if options.resume and path.exists():
                    if _complete(path, options.fmt):
                        results.append(RowResult(facts.row, "skipped", path.name))
                        continue
                    overwrite = True  # not ours to keep: a broken file under our name
                target = str(path)
            yield _Job(facts.row, facts.data, facts.places, target, overwrite)

    def run(self, jobs: int) -> Iterator[RowResult]:
        """Results in sheet order while at most a few chunks per worker are in flight."""
        if not self.options.check:
            self.output.mkdir(parents=True, exist_ok=True)
            for stale in self.output.glob(_TEMP_GLOB):
                stale.unlink(missing_ok=True)
        config = _WorkerConfig(self.template.name, self.options.template_dirs, self.options.fmt,
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
        target = self.options.zip_path
        assert target is not None
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".part", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle, zipfile.ZipFile(handle, "w") as archive:
                for name in names:
                    info = zipfile.ZipInfo(name, _ZIP_TIME)
                    # A DOCX is already compressed; storing it is faster and no larger.
                    info.compress_type = (zipfile.ZIP_STORED if self.options.fmt == "docx"
                                          else zipfile.ZIP_DEFLATED)
                    info.external_attr = 0o644 << 16
                    with (self.output / name).open("rb") as source, archive.open(info, "w") as out:
                        shutil.copyfileobj(source, out)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target

    def close(self) -> None:
        self.book.close()


def _cell(cells: tuple, index: int) -> str:
    return cell_text(cells[index]) if index < len(cells) else ""


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


# Reporting: what the user reads on screen and in --report.

def sheet_and_cell(problem: Problem, filename: str) -> tuple[str, str]:
    """(sheet, A1-style cell) of a problem placed by SheetValidator, blank when unplaced."""
    from .sheets import column_letter

    label = problem.file or ""
    sheet = label[len(filename) + 1:-1] if label.startswith(filename + "[") else ""
    if problem.line is None:
        return sheet, ""
    if problem.column is None:
        return sheet, f"第{problem.line}行"
    return sheet, f"{column_letter(problem.column)}{problem.line}"


def describe(problem: Problem, filename: str) -> str:
    sheet, cell = sheet_and_cell(problem, filename)
    where = f"{sheet}!{cell}" if sheet and cell else cell
    name = f"{problem.path}" if problem.path else ""
    head = " ".join(part for part in (where, name) if part)
    return f"{head}:{problem.message}" if head else problem.message


class Report:
    """--report as CSV (opens in Excel: UTF-8 with BOM) or JSON, streamed to a temp file."""

    COLUMNS = ("行号", "状态", "输出文件", "工作表", "单元格", "字段", "问题")

    def __init__(self, path: Path, filename: str) -> None:
        self.path = path
        self.filename = filename
        self.json = path.suffix.lower() == ".json"
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(prefix=".~", suffix=".part", dir=path.parent)
        encoding = "utf-8" if self.json else "utf-8-sig"
        # Open across add() calls and closed by finish() or discard(): no `with` fits.
        self._handle = open(fd, "w", encoding=encoding, newline="")  # noqa: SIM115
        self._first = True
        if self.json:
            self._handle.write("[\n")
        else:
            self._csv = csv.writer(self._handle)
            self._csv.writerow(self.COLUMNS)

    def add(self, result: RowResult) -> None:
        if self.json:
            record = {"row": result.row, "status": result.status, "file": result.file,
                      "problems": [self._problem(p) for p in result.problems]}
            self._handle.write(("" if self._first else ",\n")
                               + json.dumps(record, ensure_ascii=False))
            self._first = False
            return
        status = STATUS_NAMES[result.status]
        if not result.problems:
            self._csv.writerow((result.row, status, result.file or "", "", "", "", ""))
        for problem in result.problems:
            item = self._problem(problem)
            self._csv.writerow((result.row, status, result.file or "", item["sheet"],
                                item["cell"], item["field"], item["message"]))

    def _problem(self, problem: Problem) -> dict[str, str]:
        sheet, cell = sheet_and_cell(problem, self.filename)
        return {"sheet": sheet, "cell": cell, "field": problem.path or "",
                "message": problem.message}

    def finish(self) -> Path:
        if self.json:
            self._handle.write("\n]\n")
        self._handle.close()
        os.replace(self._tmp, self.path)
        return self.path

    def discard(self) -> None:
        self._handle.close()
        Path(self._tmp).unlink(missing_ok=True)


@dataclass
class Summary:
    rows: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUS_NAMES, 0))
    outputs: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return self.counts["failed"] + self.counts["exists"]


MAX_ROWS_SHOWN = 30


def run(options: Options) -> int:
    """The whole command with its screen output; returns the exit code (InputError → caller)."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
    from rich.table import Table
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.0f} 份/秒" if speed else "")

    class CountColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            done = int(task.completed)
            return Text(f"{done}/{int(task.total)} 行" if task.total else f"{done} 行")

    err = Console(stderr=True, highlight=False)
    out = Console(highlight=False)
    started = time.monotonic()
    batch = Batch(options)
    report = Report(options.report, batch.book.filename) if options.report else None
    summary = Summary()
    shown = 0
    try:
        for note in batch.notes:
            err.print(f"提示:{note}", markup=False)
        hint = batch.mapping.table.size_hint
        total = hint - batch.mapping.header_rows[-1] if hint else None
        jobs = min(options.jobs, 61) if options.jobs else default_jobs()
        verb = "检查" if options.check else "生成"
        progress = Progress(
            TextColumn(f"{verb}中"), BarColumn(), CountColumn(),
            TextColumn("失败 {task.fields[failed]}"), RateColumn(), TimeElapsedColumn(),
            console=err, disable=not err.is_terminal, transient=True)
        with progress:
            task = progress.add_task(verb, total=total, failed=0)
            for result in batch.run(jobs):
                summary.rows += 1
                summary.counts[result.status] += 1
                if result.status in ("ok", "skipped"):
                    summary.outputs.append(result.file or "")
                if report:
                    report.add(result)
                if result.status in ("failed", "exists"):
                    shown += 1
                    if shown <= MAX_ROWS_SHOWN:
                        _print_failure(progress.console, result, batch.book.filename)
                    elif shown == MAX_ROWS_SHOWN + 1:
                        progress.console.print("……失败的行较多,其余不再逐条显示"
                                               "(用 --report 报告.csv 查看全部)", markup=False)
                progress.update(task, advance=1, failed=summary.failed)
        for note in batch.mapping.unmatched():
            err.print(f"提示:{note}", markup=False)
        zipped = batch.write_zip(summary.outputs) if options.zip_path and not options.check \
            else None
        written = report.finish() if report else None
        report = None
    except KeyboardInterrupt:
        if report:
            report.discard()
        err.print(f"已中断:{summary.rows} 行已处理,已生成的文件完整可用;"
                  "加 --resume 重新运行即可从中断处继续。", markup=False)
        return 130
    finally:
        if report:
            report.discard()
        batch.close()
    table = Table(title=f"批量{verb}结果", show_header=True)
    table.add_column("项目")
    table.add_column("数量", justify="right")
    table.add_row("数据行", str(summary.rows))
    for status, name in STATUS_NAMES.items():
        if summary.counts[status] or (status in ("ok", "failed") and not options.check):
            table.add_row(name, str(summary.counts[status]))
    table.add_row("用时", f"{time.monotonic() - started:.1f} 秒")
    out.print(table)
    if not options.check:
        out.print(f"输出文件夹:{batch.output}", markup=False)
    if zipped:
        out.print(f"压缩包:{zipped}", markup=False)
    if written:
        out.print(f"报告:{written}", markup=False)
    if summary.rows == 0:
        out.print("表中只有表头,没有数据行。", markup=False)
    if summary.failed:
        out.print(f"有 {summary.failed} 行未生成,请按上面的提示修改表格后重新运行"
                  "(加 --resume 只处理未生成的行)。", markup=False)
        return 1
    return 0


def _print_failure(console: Any, result: RowResult, filename: str) -> None:
    verb = "未覆盖" if result.status == "exists" else "未生成"
    name = f"({result.file})" if result.file else ""
    console.print(f"第 {result.row} 行{verb}{name}:", markup=False, soft_wrap=True)
    for problem in result.problems:
        console.print(f"  {describe(problem, filename)}", markup=False, soft_wrap=True)

