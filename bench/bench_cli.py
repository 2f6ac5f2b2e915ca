"""Whole-process wall time of `speechgen render` on each example (target: ≤ 150 ms median).

Run:  python bench/bench_cli.py [--runs 30]
Prints the median and spread per example and output format, plus the floor a bare
`python -c pass` sets on this machine, so the figures can be read against it.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wall_ms(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    speechgen = shutil.which("speechgen")
    if not speechgen:
        sys.exit("请先安装:pip install .")
    floor = statistics.median(wall_ms([sys.executable, "-c", "pass"], args.runs))
    print(f"python -c pass: {floor:.1f} ms median")
    with tempfile.TemporaryDirectory() as tmp:
        for example in sorted((ROOT / "examples").glob("*.yaml")):
            for fmt in ("docx", "txt"):
                out = Path(tmp) / f"out.{fmt}"
                times = wall_ms([speechgen, "render", str(example), "-o", str(out)], args.runs)
                print(f"{example.stem:<14} {fmt:<5} median {statistics.median(times):6.1f} ms"
                      f"  min {min(times):6.1f}  max {max(times):6.1f}  (runs {args.runs})")


if __name__ == "__main__":
    main()
