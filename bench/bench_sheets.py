"""Reading speed of a batch sheet: speechgen's reader against openpyxl's own streaming read.

Usage: python bench/bench_sheets.py [--rows 1000] [--rounds 7]

The sheet is bench_batch.py's (N rows of a work-conference speech, dates formatted, text in a
shared-string table as Excel saves it, or inline as openpyxl writes it).  Timed as CPU time of
this process (a busy machine changes wall time far more), rounds interleaved:

- reference: openpyxl read-only `iter_rows(values_only=True)` over the sheet, the plain values
  with no number formats applied (what speechgen's reader was built on before it showed cells
  as Excel does);
- speechgen: `Workbook` + `SheetMapping(...).rows()`, every row mapped to facts, cells as Excel
  shows them, merges scanned, a CSV-free xlsx path.

Prints the median of each and their ratio; the whole-batch wall time (bench_batch.py) is this
reading time plus rendering and writing 1,000 DOCX, so the share of any change here in a batch
is (difference in ms) / (batch wall time).  Asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

from bench_batch import TEMPLATE, make_sheet  # noqa: E402
from xlsx_shared import with_shared_strings  # noqa: E402


def openpyxl_read(path: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return count


def speechgen_read(path: Path) -> int:
    from generator.sheet_map import SheetMapping
    from generator.sheets import Workbook
    from generator.templating import get_template

    with Workbook(path) as book:
        return sum(1 for _ in SheetMapping(book, get_template(TEMPLATE)).rows())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-sheets-") as tmp:
        shared, inline = Path(tmp) / "shared.xlsx", Path(tmp) / "inline.xlsx"
        make_sheet(shared, args.rows)
        with_shared_strings(shared)
        make_sheet(inline, args.rows)
        speechgen_read(shared)  # imports and template cache, as a second run finds them
        for label, path in (("shared strings", shared), ("inline strings", inline)):
            ours: list[float] = []
            theirs: list[float] = []
            for _ in range(args.rounds):
                for side, timings in ((openpyxl_read, theirs), (speechgen_read, ours)):
                    start = time.process_time()
                    side(path)
                    timings.append((time.process_time() - start) * 1000)
            mine, ref = statistics.median(ours), statistics.median(theirs)
            print(f"{args.rows} rows ({label}): speechgen reader {mine:7.1f} ms CPU, openpyxl "
                  f"values_only {ref:7.1f} ms, ratio {mine / ref:4.2f} (median of {args.rounds})")


if __name__ == "__main__":
    main()
