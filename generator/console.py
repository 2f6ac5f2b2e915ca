"""The console entry point (`speechgen`, `python -m generator`): the CLI in a fresh process.

A command-line run is short, and its start-up allocates hundreds of thousands of objects while
importing typer, Jinja and PyYAML; the cyclic garbage collector walks them again and again for
cycles that do not exist yet.  It is switched off before anything is imported, which saves
~10 ms of a ~150 ms `speechgen render` (bench/bench_cli.py, 15 interleaved runs, 6%).  Commands
whose work grows with their input (batch, mine, phrases, serve) switch it back on when they
start (`cli.LONG_RUNNING`), so memory stays bounded there.  Tests and scripts calling
`cli.run` in process keep their collector: this module is the only place it is turned off.
"""

import gc


def main() -> None:
    gc.disable()
    from .cli import main as run_cli

    run_cli()
