"""`speechgen batch` on the console: a progress bar while rows run, failed rows as they come,
a summary table at the end.  The work itself is the library's `run_batch`."""

from __future__ import annotations

import sys
import time
from typing import Any

from .batch import BatchOptions, RowResult, run_batch
from .batch_report import STATUS_NAMES, describe, status_key

#: Failed rows printed one by one; beyond this the report file has them all.
MAX_ROWS_SHOWN = 30


def run(options: BatchOptions) -> int:
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
    rows = run_batch(options)
    filename = rows.batch.book.filename
    counts = dict.fromkeys(STATUS_NAMES, 0)
    total_rows = 0
    failed = noted = kept = 0
    verb = "检查" if options.check_only else "生成"
    try:
        for note in rows.notes:
            err.print(f"提示:{note}", markup=False)
        progress = Progress(
            TextColumn(f"{verb}中"), BarColumn(), CountColumn(),
            TextColumn("失败 {task.fields[failed]}"), RateColumn(), TimeElapsedColumn(),
            console=err, disable=not err.is_terminal, transient=True)
        with progress:
            task = progress.add_task(verb, total=rows.total, failed=0)
            for result in rows:
                total_rows += 1
                counts[status_key(result)] += 1
                if result.status == "failed":
                    failed += 1
                    kept += result.existed
                    if failed <= MAX_ROWS_SHOWN:
                        _print_failure(progress.console, result, filename)
                    elif failed == MAX_ROWS_SHOWN + 1:
                        progress.console.print("……失败的行较多,其余不再逐条显示"
                                               "(用 --report 报告.csv 查看全部)", markup=False)
                if result.notes:
                    noted += 1
                    if noted <= MAX_ROWS_SHOWN:
                        for note in result.notes:
                            progress.console.print(f"提示:第 {result.row} 行:{note}",
                                                   markup=False, soft_wrap=True)
                    elif noted == MAX_ROWS_SHOWN + 1:
                        progress.console.print("……有提示的行较多,其余不再逐条显示"
                                               "(用 --report 报告.csv 查看全部)", markup=False)
                progress.update(task, advance=1, failed=failed)
        for note in rows.unmatched():
            err.print(f"提示:{note}", markup=False)
        if strays := rows.strays():
            names = [stray.name for stray in strays]
            err.print(f"提示:输出文件夹里有 {len(strays)} 个 speechgen 生成的文件不对应表格现在的"
                      f"任何一行(插入、删除了行或改了名称后,文件名随之变了),未删除,请核对:"
                      f"{_listed(names)}", markup=False, soft_wrap=True)
            if edited := [stray.name for stray in strays if stray.edited]:
                err.print(f"提示:其中 {len(edited)} 个生成后在 Word/WPS 中改过,这些修改不在"
                          f"按表格新生成的文件里,请把需要的内容移过去:{_listed(edited)}",
                          markup=False, soft_wrap=True)
    except KeyboardInterrupt:
        rows.close()
        # "至少": rows the workers finished but had not reported yet are on disk too (a
        # tester counted 3,423 files after "3376 行已处理").  Written past the rich console,
        # whose print the interrupt may have cut in the middle of a row's note (a CI run lost
        # this line so).
        sys.stderr.write(f"已中断:至少 {total_rows} 行已处理,已生成的文件完整可用;"
                         "加 --resume 重新运行即可从中断处继续。\n")
        sys.stderr.flush()
        return 130
    finally:
        rows.close()
    table = Table(title=f"批量{verb}结果", show_header=True)
    table.add_column("项目")
    table.add_column("数量", justify="right")
    table.add_row("数据行", str(total_rows))
    for status, name in STATUS_NAMES.items():
        if counts[status] or (status in ("written", "failed") and not options.check_only):
            table.add_row(name, str(counts[status]))
    table.add_row("用时", f"{time.monotonic() - started:.1f} 秒")
    out.print(table)
    if not options.check_only:
        out.print(f"输出文件夹:{rows.output}", markup=False)
    if rows.zip_path:
        out.print(f"压缩包:{rows.zip_path}", markup=False)
    if rows.report_path:
        out.print(f"报告:{rows.report_path}", markup=False)
    if total_rows == 0:
        out.print("表中只有表头,没有数据行。", markup=False)
    # advice that fits the cause: a kept file is no fault of the table, and a run already
    # resumed needs no "加 --resume" (a tester was told both, round 3)
    if failed - kept:
        again = "再运行同一命令" if options.resume else "重新运行(加 --resume 只处理未生成的行)"
        out.print(f"有 {failed - kept} 行未生成,请按上面的提示修改表格后{again}。", markup=False)
    if kept:
        out.print(f"有 {kept} 行的文件已存在,没有覆盖(原因见上面的提示);表格没有问题。",
                  markup=False)
    return 1 if failed else 0


def _print_failure(console: Any, result: RowResult, filename: str) -> None:
    verb = "未覆盖" if result.existed else "未生成"
    name = f"({result.name})" if result.name else ""
    console.print(f"第 {result.row} 行{verb}{name}:", markup=False, soft_wrap=True)
    for problem in result.problems:
        console.print(f"  {describe(problem, filename)}", markup=False, soft_wrap=True)


def _listed(names: list[str]) -> str:
    """File names one after another, the first MAX_ROWS_SHOWN of them."""
    return "、".join(names[:MAX_ROWS_SHOWN]) + ("……" if len(names) > MAX_ROWS_SHOWN else "")
