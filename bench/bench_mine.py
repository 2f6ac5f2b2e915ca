"""Speed of `speechgen mine` on the shared corpus (target: whole process < 1 s of one core).

Run:  python bench/bench_mine.py [--runs 10] [--corpus ../shared/corpus]
Prints (1) the whole-process wall and CPU time of `speechgen mine CORPUS/*.txt -o TMP`, next to
the floor a bare `python -c pass` sets; (2) the in-process time of mining the corpus text (its
30 units, cleaned, under 篇N: markers) repeated 1 to 50 times on one page, with the time per
copy, so growth can be read as linear (a constant per-copy cost) or not.  Asserts nothing.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.mining.pipeline import mine_lines, mine_path  # noqa: E402


def _process(args: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user+sys of the child) seconds per run."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def _show(label: str, values: list[float]) -> None:
    print(f"  {label:<34} 中位 {statistics.median(values) * 1000:7.1f} ms"
          f"  (最快 {min(values) * 1000:.1f},最慢 {max(values) * 1000:.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    options = parser.parse_args()
    pages = sorted(options.corpus.glob("*.txt"))
    if not pages:
        sys.exit(f"没有找到语料:{options.corpus}")
    chars = sum(len(p.read_text(encoding="utf-8")) for p in pages)
    print(f"语料:{len(pages)} 个页面,{chars} 字符")

    print("整个进程(speechgen mine 全部页面 -o 临时目录):")
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "generator", "mine", *map(str, pages), "-o", tmp]
        walls, cpus = _process(command, options.runs)
        floor, _ = _process([sys.executable, "-c", "pass"], options.runs)
    _show("speechgen mine 墙钟时间", walls)
    _show("speechgen mine CPU 时间", cpus)
    _show("python -c pass 墙钟时间", floor)

    print("进程内(语料的 30 篇接成一页,重复 N 次后挖掘;重复的篇目会被标为重复):")
    units = [m.unit for p in pages for m in mine_path(p).speeches]
    lines = []
    for k in range(50):
        for n, unit in enumerate(units, 1):
            lines.append(f"篇{k * len(units) + n}:{unit.marker_title}")
            lines.extend(text for _, text in unit.lines)
    per_copy = len(lines) // 50
    base = None
    for copies in (1, 2, 5, 10, 25, 50):
        times = []
        for _ in range(max(1, options.runs // 2)):
            start = time.perf_counter()
            page = mine_lines(lines[: per_copy * copies], "corpus.txt")
            times.append(time.perf_counter() - start)
        best = min(times)
        base = base or best
        print(f"  ×{copies:<3} {len(page.speeches):5d} 篇 {best * 1000:8.1f} ms"
              f"  每份 {best / copies * 1000:6.1f} ms  相对 ×1 的倍数 {best / base:5.1f}")


if __name__ == "__main__":
    main()
