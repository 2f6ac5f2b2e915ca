"""Whole-process wall time of `speechgen check` on a 10,000-character draft (target < 0.3 s).

Run:  python bench/bench_check.py [--runs 20]
The draft is the test factory's speech grown to about 10,000 characters (字数), written as
.txt, .yaml outline and .docx (standard layout, so the layout check runs too).  Prints the
median and spread per format, the floor a bare `python -c pass` and `speechgen --version`
set on this machine, and the in-process time of the checks alone.  Asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from speech_factory import long_speech  # noqa: E402
from timing import summary, wall_ms  # noqa: E402

from generator.checks import Options, run_checks  # noqa: E402
from generator.checks.length import count_chars  # noqa: E402
from generator.checks.load import load_draft  # noqa: E402
from generator.docx_writer import render_docx  # noqa: E402
from generator.layout import load_layout  # noqa: E402
from generator.model import Speech  # noqa: E402
from generator.outline_io import dump_outline  # noqa: E402
from generator.text_writer import render_text  # noqa: E402

TARGET_CHARS = 10_000


def big_speech() -> Speech:
    """The factory speech with paragraphs repeated, point by point, until it has 10,000 字."""
    speech = long_speech()
    sections = [section for _level, section in speech.walk() if section.paragraphs]
    turn = 0
    while count_chars(render_text(speech)) < TARGET_CHARS:
        section = sections[turn % len(sections)]
        section.paragraphs.append(section.paragraphs[0])
        turn += 1
    return speech


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    speech = big_speech()
    speechgen = [sys.executable, "-m", "generator"]
    print(summary("python -c pass", wall_ms([sys.executable, "-c", "pass"], args.runs)))
    print(summary("speechgen --version", wall_ms([*speechgen, "--version"], args.runs)))
    with tempfile.TemporaryDirectory() as tmp:
        drafts = {
            "txt": Path(tmp) / "draft.txt",
            "yaml": Path(tmp) / "draft.yaml",
            "docx": Path(tmp) / "draft.docx",
        }
        drafts["txt"].write_text(render_text(speech), encoding="utf-8")
        drafts["yaml"].write_text(dump_outline(speech), encoding="utf-8")
        drafts["docx"].write_bytes(render_docx(speech, load_layout("standard")))
        chars = count_chars(render_text(speech))
        paragraphs = len(load_draft(drafts["txt"]).paras)
        print(f"draft: {chars} 字 (without punctuation), {paragraphs} paragraphs")
        for fmt, path in drafts.items():
            times = wall_ms([*speechgen, "check", str(path)], args.runs, check=False)
            print(summary(f"speechgen check .{fmt}", times))
        options = Options(layout=load_layout("standard"))
        for fmt, path in drafts.items():
            draft = load_draft(path)
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                run_checks(draft, options)
                times.append((time.perf_counter() - start) * 1000)
            load_times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                load_draft(path)
                load_times.append((time.perf_counter() - start) * 1000)
            print(summary(f"in-process load .{fmt}", load_times))
            print(summary(f"in-process run_checks .{fmt}", times))


if __name__ == "__main__":
    main()
