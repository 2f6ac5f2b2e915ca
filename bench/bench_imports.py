"""Where `speechgen render`'s start-up goes: `python -X importtime`, summed by package.

Run:  python bench/bench_imports.py [--runs 9] [--python PATH] [--top 15]
Renders the longest example (a templated one) to DOCX `--runs` times with `-X importtime`
and prints, per group of modules (typer/click, rich, jinja2, yaml, the checks, …), the median
of the summed self times in milliseconds, then the slowest single modules.  Import times are
read against each other, not as absolute figures: they grow with the machine's load.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--python", type=Path, default=Path(sys.executable),
                        help="the interpreter that has speechgen installed")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    example = longest_example(args.python)
    grouped: dict[str, list[float]] = defaultdict(list)
    modules: dict[str, list[float]] = defaultdict(list)
    totals: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):
            done = subprocess.run(
                [str(args.python), "-X", "importtime", "-m", "generator", "render", str(example),
                 "-o", str(Path(tmp) / "out.docx")],
                capture_output=True, text=True, check=True)
            times = parse(done.stderr)
            sums: dict[str, float] = defaultdict(float)
            for name, ms in times.items():
                sums[group_of(name)] += ms
                modules[name].append(ms)
            for group in {g for _, g in GROUPS} | {"stdlib and other"}:
                grouped[group].append(sums.get(group, 0.0))
            totals.append(sum(times.values()))
    print(f"{example.name}: {len(modules)} modules imported, "
          f"import total median {statistics.median(totals):.1f} ms over {args.runs} runs")
    for group, values in sorted(grouped.items(), key=lambda kv: -statistics.median(kv[1])):
        if statistics.median(values) > 0:
            print(f"  {group:<22} {statistics.median(values):6.1f} ms")
    print("slowest modules (self time, median):")
    slowest = sorted(modules.items(), key=lambda kv: -statistics.median(kv[1]))[: args.top]
    for name, values in slowest:
        print(f"  {name:<40} {statistics.median(values):6.1f} ms")


if __name__ == "__main__":
    main()
