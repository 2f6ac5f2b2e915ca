"""Which generated snippets a blind reader caught: the glue's or the facts' (issue 14).

Usage: python bench/blind_breakdown.py KEY ANSWERS GENERATED_DIR [--facts DIR] [--glue 0.3]

A generated snippet is the glue speechgen writes around the facts a user typed; in the bench the
facts are invented by fact writers, so a reader who catches a snippet may be catching either.
This script measures, for each generated snippet of a reading (KEY: the reading's key from
`../shared/tools/blind_set.py make`; ANSWERS: the reader's answers; GENERATED_DIR: the folder
`bench/blind_generated.py` wrote, with its sources.yaml naming each snippet's fact set), the
share of its characters that are glue: not covered by any 6-character run of its fact set's
file (whitespace removed).  It prints each snippet's share, move and verdict, then how many the
reader called generated among the snippets at least `--glue` glue and among the rest, and the
same for the real side as a baseline (real snippets called generated).  Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
#: Length of a run of characters that marks text as the user's own (a fact) when the fact set
#: holds it: shorter runs (的工作, 各乡镇) are glue and facts alike.
RUN = 6


def glue_share(text: str, facts: str) -> float:
    """Share of `text`'s characters outside every RUN-character run that `facts` holds."""
    facts = re.sub(r"\s", "", facts)
    covered = [False] * len(text)
    for start in range(len(text) - RUN + 1):
        if text[start:start + RUN] in facts:
            covered[start:start + RUN] = [True] * RUN
    return 1 - sum(covered) / max(1, len(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("key", type=Path)
    parser.add_argument("answers", type=Path)
    parser.add_argument("generated", type=Path)
    parser.add_argument("--facts", type=Path, default=ROOT / "bench" / "blind_facts")
    parser.add_argument("--glue", type=float, default=0.3)
    args = parser.parse_args()
    key = json.loads(args.key.read_text("utf-8"))
    called = {a["id"]: a["label"] for a in json.loads(args.answers.read_text("utf-8"))}
    sources = {e["file"]: e for e in yaml.safe_load(
        (args.generated / "sources.yaml").read_text("utf-8"))}
    glue: list[bool] = []
    facts: list[bool] = []
    real: list[bool] = []
    for entry in key:
        caught = called.get(entry["id"]) == "program"
        if entry["kind"] == "real":
            real.append(caught)
            continue
        source = sources[entry["source"]]
        text = (args.generated / entry["source"]).read_text("utf-8").strip()
        facts_file = args.facts / f"{source['facts']}.yaml"
        share = glue_share(text, facts_file.read_text("utf-8"))
        (glue if share >= args.glue else facts).append(caught)
        print(f"{entry['id']}  {source['move']:<10} 套话占 {share:4.0%}  "
              f"{'认出' if caught else '未认出'}  {source['facts']}")
    print(f"\n套话占 {args.glue:.0%} 以上的生成片段:认出 {sum(glue)}/{len(glue)}")
    print(f"其余(多为用户事实)的生成片段:认出 {sum(facts)}/{len(facts)}")
    print(f"真实片段被说成生成的:{sum(real)}/{len(real)}")


if __name__ == "__main__":
    main()
