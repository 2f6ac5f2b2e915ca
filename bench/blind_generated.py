"""Generated snippets for a blind reading (issue 14): openings, transitions and closings cut from
every genre template rendered from varied invented facts, one snippet a .txt file.

Usage: python bench/blind_generated.py OUT_DIR [--count 40] [--facts DIR] [--mix PATH]

The facts are bench/blind_facts/*.yaml: invented meetings, at least six per template, each with
its own organiser, level, kind and place (no name or place shared between two sets).  Each set
gives at most one snippet, so no two snippets come from one speech.  The moves are mixed as the
real side of the reading is: `--mix` names the real snippets' record (a YAML list of entries with
a `move`: opening / transition / closing, as /work/pages/blind/real_sources.yaml is); without
it the mix is 30 : 16 : 5, the real side's of round 3.  A snippet is 60–300 characters, cut at a
sentence's end, as the real ones are.  `../shared/tools/blind_set.py make REAL OUT_DIR SET`
then shuffles both sides into a reading set.  Deterministic: the same facts give the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from generator.errors import InputError  # noqa: E402
from generator.model import Speech  # noqa: E402
from generator.pipeline import load_speech  # noqa: E402
from generator.text_writer import render_text  # noqa: E402

MOVES = ("opening", "transition", "closing")
#: The real side's mix in round 3 (51 snippets from 27 sites): openings, transitions, closings.
DEFAULT_MIX = {"opening": 30, "transition": 16, "closing": 5}
SHORTEST, LONGEST = 60, 300
MIN_SETS = 6
_SENTENCE_END = re.compile(r"(?<=[。！？])")


def _digest(*keys: str) -> int:
    return int.from_bytes(hashlib.sha256("\x1f".join(keys).encode()).digest()[:8], "big")


def fit(paragraphs: list[str], longest: int = LONGEST) -> str | None:
    """Whole paragraphs while they fit in `longest` characters, the next one cut at a sentence's
    end; None when the result is shorter than SHORTEST.  The paragraphs run on without a line
    break, as the real side's text does: its pages are stored as one line (the reading's
    snippet tool refuses a snippet with a line break), so a break would tell the sides apart."""
    taken: list[str] = []
    for paragraph in paragraphs:
        room = longest - sum(len(p) for p in taken)
        if len(paragraph) <= room:
            taken.append(paragraph)
            continue
        head = ""
        for sentence in _SENTENCE_END.split(paragraph):
            if len(head) + len(sentence) > room:
                break
            head += sentence
        if head:
            taken.append(head)
        break
    text = "".join(taken)
    return text if len(text) >= SHORTEST else None


def candidates(speech: Speech, key: str) -> dict[str, str]:
    """The speech's opening, one of its transitions (how a part begins after its heading, never
    running on into the next part or the closing) and its closing, each as a snippet; a move
    the speech cannot give is left out.  The heading stays out because no real snippet holds
    one: in round 3 a heading run into its body was the readers' commonest reason (14 of 40),
    a tell of the cut, not of the writing."""
    found: dict[str, str] = {}
    # Where a cut ends varies from speech to speech (150–300 characters), so that not every
    # opening runs on to its "下面，我讲…" nor every transition to a full part.
    longest = 150 + _digest(key, "length") % (LONGEST - 150 + 1)
    if opening := fit(speech.opening, longest):
        found["opening"] = opening
    paragraphs = [p for p in render_text(speech).split("\n\n") if p.strip()]
    body_end = len(paragraphs) - len(speech.closing) - len(speech.signoff)
    starts, at = [], 0
    for section in speech.sections:  # each part's heading, found in reading order
        at = next(i for i in range(at, body_end) if section.heading in paragraphs[i][:60])
        starts.append(at)
    turns = [t for i, end in zip(starts, [*starts[1:], body_end], strict=True)
             if (t := fit(paragraphs[i + 1:min(i + 4, end)], longest))]
    if turns:
        found["transition"] = turns[_digest(key, "transition") % len(turns)]
    if closing := fit([*speech.closing, *speech.signoff]):
        found["closing"] = closing
    return found


def closing_shape(closing: str) -> str:
    """Which of the stock's closing shapes (moves.yaml `shape`) a closing was written in, or
    "user" when the facts gave their own closing paragraphs."""
    stock = yaml.safe_load((ROOT / "outlines" / "moves.yaml").read_text("utf-8"))
    for variant in stock["moves"]["closing"]["variants"]:
        pattern = re.sub(r"\\\{\w+\\\}", ".*?", re.escape(variant["text"]))
        if re.match(pattern, closing):
            return str(variant.get("shape", "?"))
    return "user"


def quotas(count: int, mix: Counter[str]) -> dict[str, int]:
    """`count` snippets split as `mix` is, largest remainders first."""
    total = sum(mix[m] for m in MOVES)
    exact = {m: count * mix[m] / total for m in MOVES}
    share = {m: int(exact[m]) for m in MOVES}
    for m in sorted(MOVES, key=lambda m: exact[m] - share[m], reverse=True)[:count - sum(
            share.values())]:
        share[m] += 1
    return share


def choose(sets: list[tuple[str, str, dict[str, str]]], want: dict[str, int]
           ) -> list[tuple[str, str, str]]:
    """One snippet from each set, templates taken in turn, each set giving the move furthest
    behind its quota that it can give: (set name, move, text)."""
    by_template: dict[str, list[tuple[str, dict[str, str]]]] = {}
    for name, template, found in sets:
        by_template.setdefault(template, []).append((name, found))
    order = []
    for turn in range(max(len(v) for v in by_template.values())):
        order += [group[turn] for _, group in sorted(by_template.items()) if turn < len(group)]
    have: Counter[str] = Counter()
    chosen = []
    for name, found in order:
        open_moves = [m for m in MOVES if m in found and have[m] < want[m]]
        if not open_moves:
            continue
        move = max(open_moves, key=lambda m: (want[m] - have[m]) / want[m])
        have[move] += 1
        chosen.append((name, move, found[move]))
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--facts", type=Path, default=ROOT / "bench" / "blind_facts")
    parser.add_argument("--mix", type=Path)
    args = parser.parse_args(argv)
    mix = Counter(DEFAULT_MIX)
    if args.mix:
        mix = Counter(str(e["move"]) for e in yaml.safe_load(args.mix.read_text("utf-8")))
    sets, speeches = [], []
    for path in sorted(args.facts.glob("*.yaml")):
        try:
            speech = load_speech(path)
        except InputError as error:
            print(f"{path.name}: {error}", file=sys.stderr)
            return 2
        speeches.append(speech)
        sets.append((path.stem, speech.template, candidates(speech, path.stem)))
    per_template = Counter(template for _, template, _ in sets)
    short = {t: n for t, n in per_template.items() if n < MIN_SETS}
    if short:
        print(f"每个模板至少要有 {MIN_SETS} 组事实:{short}", file=sys.stderr)
        return 2
    want = quotas(args.count, mix)
    chosen = choose(sets, want)
    if len(chosen) < args.count:
        print(f"只切出 {len(chosen)} 段(要 {args.count} 段):事实组不够", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.txt"):
        old.unlink()
    for number, (_, _, text) in enumerate(chosen, 1):
        (args.out / f"{number:02d}.txt").write_text(text + "\n", encoding="utf-8")
    (args.out / "sources.yaml").write_text(yaml.safe_dump(
        [{"file": f"{n:02d}.txt", "facts": name, "move": move}
         for n, (name, move, _) in enumerate(chosen, 1)], allow_unicode=True, sort_keys=False),
        encoding="utf-8")
    made = Counter(move for _, move, _ in chosen)
    shapes = Counter(closing_shape(speech.closing[-1]) for speech in speeches if speech.closing)
    print(f"结尾写法(全部 {len(speeches)} 组事实):"
          + "、".join(f"{shape} {n}" for shape, n in shapes.most_common()))
    print(f"{len(chosen)} 段,来自 {len(sets)} 组事实、{len(per_template)} 个模板:"
          + "、".join(f"{m} {made[m]}" for m in MOVES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
