"""The console entry point (`speechgen`, `python -m generator`): the CLI in a fresh process.

A command-line run is short, and two things the interpreter does by default cost it a fifth
of its time (bench/bench_cli.py against the same render, 15 interleaved runs each):

* the cyclic garbage collector, walking the hundreds of thousands of objects typer, Jinja and
  PyYAML allocate while importing, for cycles that do not exist yet: switched off before
  anything is imported (~10 ms of a ~150 ms `speechgen render`).  Commands whose work grows
  with their input (batch, mine, phrases, serve) switch it back on (`cli.LONG_RUNNING`).
* interpreter shutdown, freeing those objects one by one (~17 ms).  Once the command has
  returned, every file it wrote is committed and closed (files.AtomicFile), so the process
  runs the exit hooks, flushes its two streams and ends (`os._exit`).  It shuts down the
  ordinary way when a thread other than the main one is still running or a stream cannot be
  flushed (a closed pipe), so nothing a hook or a buffer holds is lost.

A request to stop from outside — `kill` (SIGTERM), a closed terminal (SIGHUP), Ctrl+Break
on Windows (SIGBREAK) — is taken as Ctrl+C, so the command stops the way it does then: no
temporary file left, the batch's "已中断" and --resume advice, exit code 130.  By default those
signals end the process at once, and a killed batch left its `.~…-run.part` claim behind (a
tester who never saw the code).

Tests and scripts calling `cli.run` in process keep the normal interpreter: this module is
the only place any of this is changed.
"""

import atexit
import gc
import os
import signal
import sys
import threading


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    gc.disable()
    for name in ("SIGTERM", "SIGHUP", "SIGBREAK"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupt)
    from .cli import main as run_cli

    try:
        run_cli()
        code: str | int | None = 0
    except SystemExit as done:
        code = done.code
    _exit(code)


def _exit(code: str | int | None) -> None:
    """End the process with `code` as `sys.exit` would, without tearing the interpreter down."""
    if threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # sys.exit("message") prints it and exits with 1
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code or 0)
