"""Whole-process `speechgen render` of the longest example against a minimal docxtpl script.

Run:  python bench/bench_cli.py [--pairs 15] [--speechgen PATH]

The example is the templated one (not ``模板: outline``) whose rendered text is the longest
(character count of `render -f txt`).  The reference does the least a user could write for the
same speech: a script that loads the speech's paragraphs — the lines of `render -f txt` — as a
YAML list with PyYAML's C loader, renders them into a .docx template made from python-docx's
default template holding ``{%p for p in paras %}`` / ``{{ p }}`` / ``{%p endfor %}`` with
docxtpl, and saves.  Both run as fresh processes of the same interpreter, interleaved in pairs
(which one goes first alternates), so a busy machine slows both alike; the figure is the median
of the per-pair ratios speechgen / reference (issue 9: target ≤ 0.8, stretch ≤ 0.6), for
wall time and for CPU time.

What is measured is an installed package as a user has it, not the editable checkout (an
editable install adds its import finder to every start).  Without ``--speechgen`` the script
builds a throw-away venv and installs the checkout into it, non-editable, with docxtpl
(``pip install ".[bench]"``, from the configured package index); ``--speechgen`` points at the
entry point of an existing install whose interpreter also has docxtpl.
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

REFERENCE = '''\
import sys

import yaml
from docxtpl import DocxTemplate

with open(sys.argv[1], encoding="utf-8") as source:
    paras = yaml.load(source, Loader=yaml.CLoader)
document = DocxTemplate(sys.argv[2])
document.render({"paras": paras})
document.save(sys.argv[3])
'''

MAKE_TEMPLATE = '''\
import sys

from docx import Document

document = Document()
for line in ("{%p for p in paras %}", "{{ p }}", "{%p endfor %}"):
    document.add_paragraph(line)
document.save(sys.argv[1])
'''


def run(command: list[str]) -> tuple[float, float]:
    """(wall, CPU) milliseconds of one run of ``command``; a failed run stops the bench.

    CPU time (user + system of the child) is reported beside wall time because on a shared
    machine the wall clock also counts the time the process waited for a core.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def templated(example: Path) -> bool:
    """Whether an example names a template other than ``outline`` (its top-level key)."""
    for line in example.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(":")
        if key.strip() in ("template", "模板"):
            return value.strip() != "outline"
    return False


def rendered_text(speechgen: Path, example: Path) -> str:
    done = subprocess.run([str(speechgen), "render", str(example), "-f", "txt"],
                          capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def longest_example(python: Path) -> Path:
    """The templated example whose rendered text has the most characters."""
    speechgen = python.parent / "speechgen"
    examples = [e for e in sorted((ROOT / "examples").glob("*.yaml")) if templated(e)]
    return max(examples, key=lambda e: len(rendered_text(speechgen, e)))


def install(tmp: Path) -> Path:
    """A fresh venv with the checkout installed non-editable; returns its speechgen entry point."""
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                    "--disable-pip-version-check", f"{ROOT}[bench]"], check=True)
    return venv / "bin" / "speechgen"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=15)
    parser.add_argument("--speechgen", type=Path, help="the installed entry point to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        speechgen = args.speechgen or install(tmp)
        python = speechgen.parent / "python"
        example = longest_example(python)
        text = rendered_text(speechgen, example)
        paras = [line for line in text.splitlines() if line.strip()]
        # A YAML list of strings, as PyYAML itself would write it (allow_unicode keeps it Chinese).
        subprocess.run([str(python), "-c",
                        "import sys, yaml; yaml.dump(sys.argv[2:], open(sys.argv[1], 'w', "
                        "encoding='utf-8'), allow_unicode=True)", str(tmp / "paras.yaml"), *paras],
                       check=True)
        (tmp / "reference.py").write_text(REFERENCE, encoding="utf-8")
        (tmp / "make_template.py").write_text(MAKE_TEMPLATE, encoding="utf-8")
        subprocess.run([str(python), str(tmp / "make_template.py"), str(tmp / "template.docx")],
                       check=True)
        ours = [str(speechgen), "render", str(example), "-o", str(tmp / "speechgen.docx")]
        theirs = [str(python), str(tmp / "reference.py"), str(tmp / "paras.yaml"),
                  str(tmp / "template.docx"), str(tmp / "reference.docx")]
        run(ours), run(theirs)  # warm the file cache for both
        pairs: list[tuple[tuple[float, float], tuple[float, float]]] = []
        for index in range(args.pairs):
            if index % 2:
                theirs_ms = run(theirs)
                ours_ms = run(ours)
            else:
                ours_ms = run(ours)
                theirs_ms = run(theirs)
            pairs.append((ours_ms, theirs_ms))
    print(f"example: {example.name} ({len(text)} characters, {len(paras)} paragraphs)")
    print(f"speechgen: {speechgen}")
    for column, name in ((0, "wall"), (1, "CPU")):
        ours_col = [o[column] for o, _ in pairs]
        theirs_col = [t[column] for _, t in pairs]
        ratios = [o / t for o, t in zip(ours_col, theirs_col, strict=True)]
        print(f"{name:<4} speechgen render {statistics.median(ours_col):6.1f} ms, "
              f"docxtpl reference {statistics.median(theirs_col):6.1f} ms (medians); "
              f"ratio median {statistics.median(ratios):.2f} "
              f"(min {min(ratios):.2f}, max {max(ratios):.2f}, {len(pairs)} pairs)")


if __name__ == "__main__":
    main()
