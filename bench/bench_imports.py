"""Where `speechgen render`'s start-up goes: `python -X importtime`, summed by package.

Run:  python bench/bench_imports.py [--runs 9] [--python PATH ...] [--top 15]
Renders the longest example (a templated one) to DOCX `--runs` times with `-X importtime`
and prints, per group of modules (typer/click, rich, jinja2, yaml, the checks, …), the median
of the summed self times in milliseconds, then the slowest single modules.  Several
interpreters (say, a venv with the old release and one with the new) are run interleaved and
shown side by side.  Import times are wall times: read them against each other, not as
absolute figures, since they grow with the machine's load.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from bench_cli import longest_example

#: Module-name prefixes → the group a module's self time is counted in; first match wins.
GROUPS: tuple[tuple[str, str], ...] = (
    ("typer", "typer + click"),
    ("click", "typer + click"),
    ("rich", "rich"),
    ("pygments", "rich"),
    ("markdown_it", "rich"),
    ("shellingham", "typer + click"),
    ("jinja2", "jinja2 + markupsafe"),
    ("markupsafe", "jinja2 + markupsafe"),
    ("yaml", "yaml"),
    ("_yaml", "yaml"),
    ("docx", "python-docx + lxml"),
    ("lxml", "python-docx + lxml"),
    ("openpyxl", "openpyxl"),
    ("generator.checks", "generator.checks"),
    ("generator.mining", "generator.mining"),
    ("generator.cli", "generator.cli"),
    ("generator", "generator (other)"),
)


def group_of(module: str) -> str:
    for prefix, group in GROUPS:
        if module == prefix or module.startswith(prefix + "."):
            return group
    return "stdlib and other"


def parse(stderr: str) -> dict[str, float]:
    """Self time per module in ms from one `-X importtime` report."""
    times: dict[str, float] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _, name = line.removeprefix("import time:").split("|")
        times[name.strip()] = times.get(name.strip(), 0.0) + int(self_us) / 1000
    return times


def report(python: Path, example: Path, tmp: Path) -> dict[str, float]:
    """Self time per module of one render, in ms."""
    # The installed entry point, run from a scratch folder: ``-m generator`` from the checkout
    # would import the source tree instead of the installed package.
    done = subprocess.run(
        [str(python), "-X", "importtime", str(python.parent / "speechgen"), "render",
         str(example), "-o", str(tmp / "out.docx")],
        capture_output=True, text=True, check=True, cwd=tmp)
    return parse(done.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--python", type=Path, nargs="+", default=[Path(sys.executable)],
                        help="interpreters that have speechgen installed")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    pythons: list[Path] = args.python
    example = longest_example(pythons[0])
    groups = list(dict.fromkeys(g for _, g in GROUPS)) + ["stdlib and other"]
    grouped = [{g: [] for g in groups} for _ in pythons]
    modules: list[dict[str, list[float]]] = [defaultdict(list) for _ in pythons]
    totals: list[list[float]] = [[] for _ in pythons]
    counts: list[int] = [0 for _ in pythons]
    with tempfile.TemporaryDirectory() as name:
        for _ in range(args.runs):
            for i, python in enumerate(pythons):
                times = report(python, example, Path(name))
                sums: dict[str, float] = defaultdict(float)
                for module, ms in times.items():
                    sums[group_of(module)] += ms
                    modules[i][module].append(ms)
                for group in groups:
                    grouped[i][group].append(sums[group])
                totals[i].append(sum(times.values()))
                counts[i] = len(times)

    def median(values: list[float]) -> float:
        return statistics.median(values) if values else 0.0

    print(f"{example.name}, {args.runs} runs each, medians in ms")
    width = 12
    print(f"  {'':<24}" + "".join(f"{f'#{i + 1}':>{width}}" for i in range(len(pythons))))
    print(f"  {'modules imported':<24}" + "".join(f"{c:>{width}}" for c in counts))
    print(f"  {'import total':<24}" + "".join(f"{median(t):>{width}.1f}" for t in totals))
    order = sorted(groups, key=lambda g: -median(grouped[0][g]))
    for group in order:
        print(f"  {group:<24}" + "".join(f"{median(g[group]):>{width}.1f}" for g in grouped))
    for i, python in enumerate(pythons):
        print(f"#{i + 1} {python}: slowest modules (self time)")
        slowest = sorted(modules[i].items(), key=lambda kv: -median(kv[1]))[: args.top]
        for module, values in slowest:
            print(f"  {module:<40} {median(values):6.1f}")


if __name__ == "__main__":
    main()
