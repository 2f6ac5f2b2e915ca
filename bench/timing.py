"""Whole-process timing shared by the bench scripts: run a command N times, report the spread.

The scripts run as `python bench/NAME.py`, so this module sits beside them on sys.path.
"""

from __future__ import annotations

import statistics
import subprocess
import time


def wall_ms(command: list[str], runs: int, check: bool = True) -> list[float]:
    """Wall time of each of `runs` runs of `command`, in milliseconds.

    `check=False` for commands whose exit code is part of what they report (`speechgen check`
    exits 1 when the draft has errors).
    """
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=check)
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(label: str, times: list[float], width: int = 28) -> str:
    """One report line: median, fastest and slowest run."""
    return (f"{label:<{width}} median {statistics.median(times):6.1f} ms  min {min(times):6.1f}"
            f"  max {max(times):6.1f}  (runs {len(times)})")
