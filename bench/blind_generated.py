"""Generated snippets for a blind reading (issue 14): openings, transitions and closings cut from
every genre template rendered from varied invented facts, one snippet a .txt file.

Usage: python bench/blind_generated.py OUT_DIR [--count 40] [--facts DIR] [--mix PATH [--real DIR]]

The facts are bench/blind_facts/*.yaml: invented meetings, at least six per template, each with
its own organiser, level, kind and place (no name or place shared between two sets).  `--facts`
may name another folder: fact sets copied from real speeches' openings (kept outside the
repository, like the pages) leave the glue as the only thing a reader can judge (reading rf1:
readers decided most bench snippets on the invented facts, not the glue).  Each set
gives at most one snippet, so no two snippets come from one speech.  The moves are mixed as the
real side of the reading is: `--mix` names the real snippets' record (a YAML list of entries with
a `move`: opening / transition / closing, as /work/pages/blind/real_sources.yaml is); without
it the mix is 30 : 16 : 5, the real side's of round 3.  A snippet is one move's first paragraph
(a closing: its last), 60–300 characters, cut at a sentence's end, as the real ones are; with
`--real` its length is drawn from the real side's lengths for the same move.
`../shared/tools/blind_set.py make REAL OUT_DIR SET` then shuffles both sides into a reading
set.  Deterministic: the same facts give the same files.
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
from generator.model import Section, Speech  # noqa: E402
from generator.pipeline import load_speech  # noqa: E402

MOVES = ("opening", "transition", "closing")
#: The real side's mix in round 3 (51 snippets from 27 sites): openings, transitions, closings.
DEFAULT_MIX = {"opening": 30, "transition": 16, "closing": 5}
SHORTEST, LONGEST = 60, 300
MIN_SETS = 6
_SENTENCE_END = re.compile(r"(?<=[。！？])")


def _digest(*keys: str) -> int:
    return int.from_bytes(hashlib.sha256("\x1f".join(keys).encode()).digest()[:8], "big")


def fit(paragraphs: list[str], target: int = LONGEST) -> str | None:
    """The move's first paragraph, the next ones joined on only while the text is shorter than
    SHORTEST, then cut at the sentence end nearest `target` characters (never past LONGEST);
    None when the move gives fewer than SHORTEST characters.

    One paragraph, because that is how the real side was cut: each of the 23 real openings of
    the genre-matched pool (real23o) stops where the opening's next move begins (a "刚才…"
    recap 7 times, the announcement 4, the first heading 4, another move 8), although that
    next sentence would have fitted in 300 characters.  A generated snippet that ran on into
    its recap and announcement (13 of 23 in reading o4, against 4 of 23 real) was told apart by
    its shape, not its writing.  The paragraphs run on without a line break, as the real side's
    text does (the reading's snippet tool refuses a line break)."""
    text = ""
    for paragraph in paragraphs:
        text += paragraph
        if len(text) >= SHORTEST:
            break
    ends = [m.end() for m in _SENTENCE_END.finditer(text) if SHORTEST <= m.end() <= LONGEST]
    if not ends:
        return None
    return text[:min(ends, key=lambda end: (abs(end - target), end))]


def tail(paragraphs: list[str], target: int = LONGEST) -> str | None:
    """The move's last paragraph, earlier ones joined on only while shorter than SHORTEST, then
    cut at the sentence start nearest `target` characters before its end: a real closing is
    "the final paragraph(s) before any sign-off", so it ends where the speech does."""
    text = ""
    for paragraph in reversed(paragraphs):
        text = paragraph + text
        if len(text) >= SHORTEST:
            break
    starts = [start for m in _SENTENCE_END.finditer(text)
              if SHORTEST <= len(text) - (start := m.end()) <= LONGEST]
    if len(text) <= LONGEST and len(text) >= SHORTEST:
        starts.append(0)
    if not starts:
        return None
    return text[min(starts, key=lambda start: (abs(len(text) - start - target), start)):]


def _lead(section: Section) -> list[str]:
    """The paragraphs a part opens with after its heading: its own, or when it opens straight
    into its first sub-point, that sub-point's (its heading left out, as on the real side)."""
    if section.paragraphs or not section.sections:
        return section.paragraphs
    return _lead(section.sections[0])


def candidates(speech: Speech, key: str, lengths: dict[str, list[int]] | None = None
               ) -> dict[str, str]:
    """The speech's opening, one of its transitions (how a part begins after its heading) and
    its closing (before the sign-off), each as a snippet; a move the speech cannot give is left
    out.  The heading stays out because no real snippet holds one: in round 3 a heading run
    into its body was the readers' commonest reason (14 of 40), a tell of the cut, not of the
    writing.  Each move's length is drawn from `lengths` (the real side's snippet lengths for
    that move), so that both sides are as long as each other move by move; without it, from
    150–300 characters."""
    def target(move: str) -> int:
        pool = sorted((lengths or {}).get(move, [])) or list(range(150, LONGEST + 1))
        return pool[_digest(key, move, "length") % len(pool)]

    found: dict[str, str] = {}
    if opening := fit(speech.opening, target("opening")):
        found["opening"] = opening
    turns = [t for section in speech.sections if (t := fit(_lead(section), target("transition")))]
    if turns:
        found["transition"] = turns[_digest(key, "transition") % len(turns)]
    if closing := tail(speech.closing, target("closing")):
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
    parser.add_argument("--min-sets", type=int, default=MIN_SETS,
                        help="fact sets each template must have (a smaller pool of real "
                             "pages' facts may hold five)")
    parser.add_argument("--mix", type=Path)
    parser.add_argument("--real", type=Path,
                        help="the real side's snippet folder (the files --mix lists): each "
                             "move's lengths are drawn from it")
    args = parser.parse_args(argv)
    mix = Counter(DEFAULT_MIX)
    lengths: dict[str, list[int]] = {}
    if args.mix:
        record = yaml.safe_load(args.mix.read_text("utf-8"))
        mix = Counter(str(e["move"]) for e in record)
        if args.real:
            for entry in record:
                text = (args.real / entry["file"]).read_text("utf-8").strip()
                lengths.setdefault(str(entry["move"]), []).append(len(text))
    sets, speeches = [], []
    for path in sorted(args.facts.glob("*.yaml")):
        try:
            speech = load_speech(path)
        except InputError as error:
            print(f"{path.name}: {error}", file=sys.stderr)
            return 2
        speeches.append(speech)
        sets.append((path.stem, speech.template, candidates(speech, path.stem, lengths)))
    per_template = Counter(template for _, template, _ in sets)
    short = {t: n for t, n in per_template.items() if n < args.min_sets}
    if short:
        print(f"每个模板至少要有 {args.min_sets} 组事实:{short}", file=sys.stderr)
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
