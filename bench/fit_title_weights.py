"""Fit and justify the title chooser's weights (``parse.TITLE_WEIGHTS``) over every labelled
pool of real pages, and say how well weights fitted on some pools choose on a pool never used.

Run:  python bench/fit_title_weights.py --pages DIR [--pools mining-dev,mining-dev2,...]
      (DIR defaults to $SPEECHGEN_PAGES; docs/mining.md says how to gather the pages.)

Each page of the pools is mined once while every head's candidate title lines are recorded
with their evidence (``parse.title_candidates``).  A candidate is right when the title it
would give the speech (``parse.title_if_chosen``) equals the hand label, compared as the
scorer compares titles (bench/score_mining.py; both sides simplified and without pinyin
glosses, since the chooser reads a traditional page through its simplified view).  Weights
then decide which candidate wins (the best sum, the nearest to the salutation of equals), so
the accuracy of any weights is computed without mining again.

Printed:

* how often each piece of evidence sits on a right and on a wrong candidate;
* per pool: speeches whose head has candidates, how many of them have a right one at all
  ("reachable"), right with the weights in the code, and right with weights fitted on the
  OTHER pools only (leave one pool out: the figure for a pool never seen), once fitted for
  the count right alone and once also for the count right by evidence, position aside;
* the weights fitted on all pools, where they differ from the weights in the code.

Fitting is a coordinate search over integer weights from -3 to 3, started from the weights in
the code: a weight changes only when that chooses more speeches right, and among equal
counts the weights nearest the code's win, so an unneeded change is never made.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_mining import DATA, ENVIRONMENT, bare, pair_speeches  # noqa: E402

from generator.mining import parse  # noqa: E402
from generator.mining.pipeline import mine_text  # noqa: E402
from generator.mining.script import to_simplified  # noqa: E402

POOLS = [
    "mining-dev",
    "mining-dev2",
    "mining-dev3",
    "mining-dev4",
    "mining-dev5",
    "mining-dev6",
    "mining-dev7",
]
#: Integer weights tried for each piece of evidence.
WEIGHT_RANGE = range(-3, 4)
#: A pinyin gloss after a character, once NFKC has made its brackets ASCII: "會(huì)".
_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}\)")


def key(text: str | None) -> str:
    """A title as the fit compares it: simplified, NFKC, no glosses, no spaces or end marks."""
    if text is None:
        return bare(parse.MISSING_TITLE)
    simple = to_simplified([text])[0][0]
    return bare(_GLOSS.sub("", unicodedata.normalize("NFKC", simple)))


@dataclass(frozen=True)
class Head:
    """One labelled speech's head: its candidates, and which of them give the right title."""

    pool: str
    page: str
    candidates: list[parse.TitleCandidate]
    right: list[bool]


def record(text: str, name: str) -> list[tuple[list[str], list[parse.TitleCandidate]]]:
    """Mine one page, keeping each head's lines and candidates, in page order."""
    calls: list[tuple[list[str], list[parse.TitleCandidate]]] = []
    original = parse.title_candidates

    def recording(lines: list[str], end: int, addressed: bool) -> list[parse.TitleCandidate]:
        found = original(lines, end, addressed)
        calls.append((list(lines), found))
        return found

    parse.title_candidates = recording  # type: ignore[assignment]
    try:
        mined = mine_text(text, name)
    finally:
        parse.title_candidates = original  # type: ignore[assignment]
    return calls[-len(mined.speeches) :] if mined.speeches else []


def gather(pages: Path, pools: list[str]) -> tuple[list[Head], list[str]]:
    """Every labelled speech's head in the pools, and the pages that could not be used."""
    manifest = yaml.safe_load((DATA / "manifest.yaml").read_text(encoding="utf-8"))
    heads: list[Head] = []
    skipped: list[str] = []
    for entry in manifest:
        if entry["pool"] not in pools:
            continue
        page = pages / f"{entry['id']}.txt"
        if not page.is_file() or hashlib.sha256(page.read_bytes()).hexdigest() != entry["sha256"]:
            skipped.append(entry["id"])
            continue
        label: dict[str, Any] = yaml.safe_load(
            (DATA / "labels" / f"{entry['id']}.yaml").read_text(encoding="utf-8")
        )
        wanted = label.get("speeches") or []
        text = page.read_text(encoding="utf-8")
        calls = record(text, page.name)
        mined = mine_text(text, page.name).speeches
        if len(calls) != len(mined):
            skipped.append(entry["id"])
            continue
        for i, j in pair_speeches(wanted, [m.speech for m in mined]):
            lines, candidates = calls[j]
            if not candidates:
                continue
            want = key(wanted[i].get("title"))
            right = [key(parse.title_if_chosen(lines, c)) == want for c in candidates]
            heads.append(Head(entry["pool"], entry["id"], candidates, right))
    return heads, skipped


def chosen(head: Head, weights: dict[str, int]) -> int:
    """The index of the candidate the weights choose: the best sum, the last of equals."""
    scores = [parse.weigh(c, weights) for c in head.candidates]
    best = max(scores)
    return max(k for k, s in enumerate(scores) if s == best)


def right(heads: list[Head], weights: dict[str, int]) -> int:
    return sum(head.right[chosen(head, weights)] for head in heads)


def clear(heads: list[Head], weights: dict[str, int]) -> int:
    """Heads where a right candidate outscores every wrong one, position aside: right by the
    evidence, not by being nearest to the salutation."""
    count = 0
    for head in heads:
        scores = [parse.weigh(c, weights) for c in head.candidates]
        good = [s for s, ok in zip(scores, head.right, strict=True) if ok]
        bad = [s for s, ok in zip(scores, head.right, strict=True) if not ok]
        count += bool(good) and (not bad or max(good) > max(bad))
    return count


def fit(heads: list[Head], start: dict[str, int], evidence_first: bool) -> dict[str, int]:
    """Coordinate search from ``start``: most speeches right, then (with ``evidence_first``)
    most right by the evidence alone (``clear``), then least change from ``start``."""
    weights = dict(start)

    def merit(w: dict[str, int]) -> tuple[int, int, int]:
        change = -sum(abs(w[n] - start[n]) for n in w)
        return right(heads, w), clear(heads, w) if evidence_first else 0, change

    improved = True
    while improved:
        improved = False
        for name in weights:
            best = merit(weights)
            for value in WEIGHT_RANGE:
                trial = {**weights, name: value}
                if merit(trial) > best:
                    weights, best, improved = trial, merit(trial), True
    return weights


def evidence_table(heads: list[Head]) -> None:
    print("证据        在对的候选上  在错的候选上")
    pairs = [(c, ok) for h in heads for c, ok in zip(h.candidates, h.right, strict=True)]
    for name in parse.TITLE_WEIGHTS:
        on_right = sum(name in c.evidence and ok for c, ok in pairs)
        on_wrong = sum(name in c.evidence and not ok for c, ok in pairs)
        print(f"  {name:<14} {on_right:>6} {on_wrong:>12}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=os.environ.get(ENVIRONMENT))
    parser.add_argument("--pools", default=",".join(POOLS))
    options = parser.parse_args()
    if options.pages is None or not options.pages.is_dir():
        sys.exit(f"请用 --pages 指定页面文件夹,或设置环境变量 {ENVIRONMENT}。")
    pools = options.pools.split(",")
    heads, skipped = gather(options.pages, pools)
    if skipped:
        print(f"未用的页面(缺页面、sha256 不符或篇数对不上):{', '.join(skipped)}")
    current = dict(parse.TITLE_WEIGHTS)
    evidence_table(heads)
    print("\n池            有候选  可选对  代码权重  留一池拟合  留一池拟合(另求证据分开)")
    totals = [0, 0, 0, 0, 0]
    for pool in pools:
        held = [h for h in heads if h.pool == pool]
        rest = [h for h in heads if h.pool != pool]
        plain, strict = fit(rest, current, False), fit(rest, current, True)
        row = [
            len(held),
            sum(any(h.right) for h in held),
            right(held, current),
            right(held, plain),
            right(held, strict),
        ]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        changed = {n: v for n, v in strict.items() if v != current[n]}
        print(
            f"  {pool:<12} {row[0]:>5} {row[1]:>7} {row[2]:>8} {row[3]:>10} {row[4]:>10}"
            f"   {changed or ''}"
        )
    print(
        f"  {'合计':<11} {totals[0]:>5} {totals[1]:>7} {totals[2]:>8} {totals[3]:>10}"
        f" {totals[4]:>10}"
    )
    print(f"\n代码权重:选对 {right(heads, current)}/{len(heads)},"
          f"其中不靠位置、凭证据分开的 {clear(heads, current)}")
    for evidence_first in (False, True):
        fitted = fit(heads, current, evidence_first)
        how = "另求证据分开" if evidence_first else "只求选对"
        print(f"全部池拟合({how}):选对 {right(heads, fitted)},凭证据分开 {clear(heads, fitted)};"
              f"与代码不同的权重 {({n: v for n, v in fitted.items() if v != current[n]}) or '无'}")

if __name__ == "__main__":
    main()
