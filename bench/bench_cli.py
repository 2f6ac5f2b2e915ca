"""Whole-process wall time of `speechgen render` on each example (target: ≤ 150 ms median).

Run:  python bench/bench_cli.py [--runs 30] [--speechgen PATH]
Prints the median and spread per example and output format, plus the floor a bare
`python -c pass` of the same interpreter sets, so the figures can be read against it.
Measure a plain install as a user has it (an editable install adds its import finder and
other .pth files to every start):

    python -m venv /tmp/v && /tmp/v/bin/pip install . && \
        python bench/bench_cli.py --speechgen /tmp/v/bin/speechgen
"""

from __future__ import annotations

import argparse
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

from timing import summary, wall_ms

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--speechgen", type=Path, help="the speechgen entry point to time")
    args = parser.parse_args()
    # The entry point pip installed, not a version manager's shell shim in front of it (pyenv's
    # adds ~100 ms of bash that a user of a plain Python install never pays).
    speechgen = args.speechgen or Path(sysconfig.get_path("scripts")) / "speechgen"
    if not speechgen.exists():
        found = shutil.which("speechgen")
        if not found:
            sys.exit("请先安装:pip install .")
        speechgen = Path(found)
    python = speechgen.parent / "python" if args.speechgen else Path(sys.executable)
    print(summary("python -c pass", wall_ms([str(python), "-c", "pass"], args.runs), 20))
    with tempfile.TemporaryDirectory() as tmp:
        for example in sorted((ROOT / "examples").glob("*.yaml")):
            for fmt in ("docx", "txt"):
                out = Path(tmp) / f"out.{fmt}"
                times = wall_ms([str(speechgen), "render", str(example), "-o", str(out)], args.runs)
                print(summary(f"{example.stem} {fmt}", times, 20))


if __name__ == "__main__":
    main()
