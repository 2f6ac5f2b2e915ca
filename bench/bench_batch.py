"""Batch speed and memory: an .xlsx of N rows → N DOCX, against a docxtpl loop on the same rows.

Usage: python bench/bench_batch.py [--rows 1000] [--big 5000] [--jobs N] [--skip-docxtpl]

Each row holds the facts of a work-conference speech of about 5,000 characters (lists one item
a line, tasks as numbered columns).  `speechgen batch` runs as a user runs it, in a fresh process
(start-up, reading the sheet, workers, writing files), and its wall time and peak resident memory
are measured for N rows and for the bigger sheet, to show memory stays flat as rows grow.  Peak
memory is the largest resident size of any one process of the run (the main process or a worker),
from getrusage in a wrapper process.  The sheet is measured both as Excel and WPS save it (text in
a shared-string table, which openpyxl alone would hold in memory; speechgen keeps it in a temp
file) and as openpyxl writes it (inline strings).
The docxtpl side is the loop a user would write: read the rows with openpyxl, build each speech
through speechgen's own template (the same text), render it with docxtpl into a template made
from speechgen's own DOCX (the same styles) and save the file, one row after another.  Prints
figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

from bench_render import block_key, docxtpl_template  # noqa: E402
from xlsx_shared import with_shared_strings  # noqa: E402

TEMPLATE = "work-conference"
PARAGRAPH = ("各级各部门要坚持以人民为中心的发展思想，把改善民生作为工作的出发点和落脚点，"
             "聚焦群众急难愁盼问题，一件事情接着一件事情办，一年接着一年干，切实把好事办好、"
             "把实事办实，不断增强人民群众的获得感、幸福感、安全感。")  # 90 characters
TASKS, ITEMS = 3, 3
_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": code, "wall": wall, "peak_kb": peak}))
"""


def header() -> list[str]:
    columns = ["会议名称", "讲话人", "日期", "会议任务", "前面讲话", "工作回顾.总体评价",
               "工作回顾.存在问题1", "工作回顾.存在问题2", "形势分析.小标题", "形势分析.段落"]
    for task in range(1, TASKS + 1):
        columns += [f"工作任务{task}.小标题", f"工作任务{task}.引言"]
        for item in range(1, ITEMS + 1):
            columns += [f"工作任务{task}.小项{item}.小标题", f"工作任务{task}.小项{item}.段落"]
    return columns


def row(number: int) -> list[object]:
    """Facts of one speech; every text differs from row to row, as in a real sheet."""
    text = f"第{number}号文件要求，{PARAGRAPH}"
    paragraphs = "\n".join([text] * 3)
    values: list[object] = [
        f"第{number}次全市工作会议", "市委书记　李明", dt.date(2025, 1, 1 + number % 28),
        "总结过去一年工作，分析当前形势，部署今年重点任务", "王强同志作了工作报告\n会议表彰了先进",
        "\n".join([text] * 5), "服务的主动性还不够强", "有的信息报送不够及时",
        "认清形势，把握大局，进一步增强做好工作的责任感和紧迫感", "\n".join([text] * 6),
    ]
    for task in range(1, TASKS + 1):
        values += [f"突出重点，狠抓落实，全面完成第{task}项任务", f"{text}\n{text}"]
        for item in range(1, ITEMS + 1):
            values += [f"着力抓好第{task}.{item}项工作", paragraphs]
    return values


def make_sheet(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("会议")
    sheet.append(header())
    for number in range(1, rows + 1):
        sheet.append(row(number))
    book.save(path)


def run_batch(sheet: Path, out: Path, jobs: int | None) -> dict:
    command = [sys.executable, "-m", "generator", "batch", str(sheet), "-t", TEMPLATE,
               "-o", str(out), "--overwrite"]
    if jobs:
        command += ["-j", str(jobs)]
    result = subprocess.run([sys.executable, "-c", _WRAPPER, *command], capture_output=True,
                            text=True, cwd=ROOT, check=True)
    return json.loads(result.stdout)


def docxtpl_loop(sheet: Path, out: Path) -> float:
    """The same rows, the same text and styles, one docxtpl render after another."""
    from docxtpl import DocxTemplate

    from generator.blocks import blocks
    from generator.layout import load_layout
    from generator.sheet_map import SheetMapping
    from generator.sheets import Workbook
    from generator.templating import build_speech, get_template

    start = time.perf_counter()
    layout = load_layout()
    template = get_template(TEMPLATE)
    out.mkdir(parents=True, exist_ok=True)
    prototype = None
    with Workbook(sheet) as book:
        for facts in SheetMapping(book, template).rows():
            speech = build_speech(facts.data, lambda _p: (None, None), None, TEMPLATE)
            if prototype is None:
                prototype = docxtpl_template(speech, layout)
            context = {"blocks": [{"key": block_key(b), "text": b.text, "head": b.head,
                                   "rest": b.text[len(b.head):]} for b in blocks(speech)]}
            document = DocxTemplate(io.BytesIO(prototype))
            document.render(context)
            document.save(out / f"{facts.row:04d}.docx")
    return time.perf_counter() - start


def speech_size(sheet: Path) -> tuple[int, int]:
    from generator.blocks import blocks
    from generator.sheet_map import SheetMapping
    from generator.sheets import Workbook
    from generator.templating import build_speech, get_template

    with Workbook(sheet) as book:
        facts = next(SheetMapping(book, get_template(TEMPLATE)).rows())
    speech = build_speech(facts.data, lambda _p: (None, None), None, TEMPLATE)
    parts = list(blocks(speech))
    return sum(len(b.text) for b in parts), len(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--big", type=int, default=5000, help="rows of the memory comparison")
    parser.add_argument("--jobs", type=int, default=0, help="-j for speechgen (0: all cores)")
    parser.add_argument("--skip-docxtpl", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        folder = Path(tmp)
        inline, small, big = folder / "inline.xlsx", folder / "small.xlsx", folder / "big.xlsx"
        inline_big = folder / "inline-big.xlsx"
        make_sheet(inline, args.rows)
        make_sheet(inline_big, args.big)
        make_sheet(small, args.rows)
        with_shared_strings(small)
        make_sheet(big, args.big)
        with_shared_strings(big)
        chars, paragraphs = speech_size(small)
        print(f"speech per row: {chars} characters, {paragraphs} paragraphs; {args.rows} rows: "
              f"{small.stat().st_size / 1e6:.1f} MB with shared strings (as Excel/WPS save), "
              f"{inline.stat().st_size / 1e6:.1f} MB with openpyxl's inline strings")
        run_batch(small, folder / "warm", args.jobs)  # page cache and .pyc, as on a second run
        runs = [("shared strings", args.rows, run_batch(small, folder / "a", args.jobs)),
                ("shared strings", args.big, run_batch(big, folder / "b", args.jobs)),
                ("inline strings", args.rows, run_batch(inline, folder / "i", args.jobs)),
                ("inline strings", args.big, run_batch(inline_big, folder / "j", args.jobs))]
        count = len(list((folder / "a").glob("*.docx")))
        print(f"DOCX written for {args.rows} rows: {count}")
        for kind, rows, run in runs:
            print(f"speechgen batch {rows:>6} rows ({kind}): {run['wall']:6.2f} s wall, "
                  f"{rows / run['wall']:5.0f} rows/s, peak RSS {run['peak_kb'] / 1024:5.1f} MB "
                  f"(exit {run['code']})")
        if not args.skip_docxtpl:
            theirs = docxtpl_loop(small, folder / "c")
            print(f"docxtpl loop    {args.rows:>6} rows (shared strings): {theirs:6.2f} s wall "
                  "(in-process, start-up not counted)")
            print(f"ratio docxtpl / speechgen batch: {theirs / runs[0][2]['wall']:5.1f} x")

if __name__ == "__main__":
    main()
