"""Speed of `speechgen mine` on the shared corpus (target: whole process ≤ 0.35 s, issue 13).

Run:  python bench/bench_mine.py [--runs 10] [--corpus ../shared/corpus] [--other DIR]
Prints (1) the whole-process wall and CPU time of `speechgen mine CORPUS/*.txt -o TMP`, next to
the floor a bare `python -c pass` sets, the two run in turn (interleaved) so a busy machine
slows both alike, and their ratio; with ``--other DIR`` (another checkout of the project, e.g.
an older commit unpacked with `git archive`) its miner runs in the same rounds, so before and
after are compared as ratios to the same floor; (2) the in-process time of mining the corpus
text (its 30 units, cleaned, under 篇N: markers) repeated 1 to 50 times on one page, with the
time per copy, so growth can be read as linear (a constant per-copy cost) or not; (3) the
same for 50 to 1,000 paragraphs of 1,000 characters without an end mark.  Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
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

#: A command, and the checkout it runs from (its own directory first on sys.path) or None.
Command = tuple[list[str], Path | None]


#: The children keep bytecode caches as an installed package does; with
#: PYTHONDONTWRITEBYTECODE set (some shells set it) every run would compile the sources again.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _once(args: list[str], root: Path | None) -> tuple[float, float]:
    """Wall and CPU (user+sys of the child) seconds of one run."""
    env = {**_ENV, "PYTHONPATH": str(root)} if root else _ENV
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, env=env, cwd=root)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _interleaved(
    commands: dict[str, Command], runs: int
) -> dict[str, tuple[list[float], list[float]]]:
    """Each command once per round, in turn, for ``runs`` rounds: wall and CPU lists."""
    out: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in commands}
    for _ in range(runs):
        for name, (args, root) in commands.items():
            wall, cpu = _once(args, root)
            out[name][0].append(wall)
            out[name][1].append(cpu)
    return out


def _show(label: str, values: list[float]) -> None:
    print(f"  {label:<34} 中位 {statistics.median(values) * 1000:7.1f} ms"
          f"  (最快 {min(values) * 1000:.1f},最慢 {max(values) * 1000:.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--other", type=Path, help="another checkout to time in the same rounds")
    options = parser.parse_args()
    pages = sorted(p.resolve() for p in options.corpus.glob("*.txt"))
    if not pages:
        sys.exit(f"没有找到语料:{options.corpus}")
    chars = sum(len(p.read_text(encoding="utf-8")) for p in pages)
    print(f"语料:{len(pages)} 个页面,{chars} 字符")

    print("整个进程(speechgen mine 全部页面 -o 临时目录,与 python -c pass 轮流运行):")
    with tempfile.TemporaryDirectory() as tmp:
        # Every round writes the same files again; mine refuses that without --overwrite.
        mine = [sys.executable, "-m", "generator", "mine", *map(str, pages), "-o", tmp,
                "--overwrite"]
        commands: dict[str, Command] = {
            "本目录": (mine, ROOT),
            "floor": ([sys.executable, "-c", "pass"], None),
        }
        if options.other:
            commands[f"{options.other}"] = (mine, options.other.resolve())
        results = _interleaved(commands, options.runs)
    floor = statistics.median(results["floor"][0])
    _show("python -c pass 墙钟时间", results["floor"][0])
    for name, (walls, cpus) in results.items():
        if name == "floor":
            continue
        _show(f"mine [{name}] 墙钟时间", walls)
        _show(f"mine [{name}] CPU 时间", cpus)
        print(f"  mine [{name}] / python -c pass(墙钟中位数之比)= "
              f"{statistics.median(walls) / floor:.2f}")

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

    print("进程内(N 段各 1,000 字、没有句末标点的正文,如从表格或 PDF 粘贴来的):")
    _unpunctuated(options.runs)


def _unpunctuated(runs: int) -> None:
    """Growth with paragraphs that never end a sentence: three rules looked back over every
    earlier line (or rescanned a line from every start) for each line, so 50 such paragraphs
    took 23 s and 1,000 more than 200 s (a tester, round 2).  Linear now: the time per
    paragraph stays flat."""
    words = "的一是在不了有人我大中上和要以作工同志年全提高加好委重之其地主力新建发展经济社会"
    paragraph = "".join(words[(i * 7) % len(words)] for i in range(1000))
    base = None
    for count in (50, 200, 1000):
        lines = ["在全县工作会议上的讲话", "同志们：", *[paragraph] * count]
        times = []
        for _ in range(max(1, runs // 5)):
            start = time.perf_counter()
            mine_lines(lines, "unpunctuated.txt")
            times.append(time.perf_counter() - start)
        best = min(times)
        base = base or best / count
        print(f"  {count:>5} 段 {best * 1000:9.1f} ms  每段 {best / count * 1000:6.2f} ms"
              f"  相对 50 段的每段倍数 {best / count / base:5.1f}")


if __name__ == "__main__":
    main()
