"""How widely the glue's wordings spread over many offices (issue 14: "no single tell applies to
more than a tenth" of the snippets a blind reader sees).

Usage: python bench/glue_spread.py [--facts DIR] [--offices 12] [--top 12] [--show MOVE]

Each fact set in DIR (default bench/blind_facts: 42 invented meetings over the seven genre
templates) is rendered as given and again under `--offices` other organisers' names (the
organiser is one of the facts that choose the glue, with the level, the meeting kind and the
template), so every template is read through a few hundred drafts.  For each move the script
prints the wordings used, how many drafts used the move, and the share of the commonest
wording: a move whose commonest wording opens more than a tenth of the drafts of one kind is
one a reader of a shuffled batch will see repeated.  Then the same for the fact sets as given
(the batch a blind reading is cut from).  `--show MOVE` then lists every wording of that move
with how many drafts used it: a reader sees families ("…，主要任务是" in many frames), not
single wordings.  Deterministic; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from generator.glue import wording as glue  # noqa: E402
from generator.pipeline import load_speech  # noqa: E402

#: Invented organisers' first words (no real body is meant); joined to each set's own
#: organiser's last characters they keep its level (县委, 镇党委, 公司党委 …).
_PREFIXES = ("东坪", "石门", "青溪", "龙泉", "北川", "桂林坊", "安平", "西岭", "长宁", "白马",
             "清水", "云台", "新河", "柳塘", "金鸡", "望江", "黄土岭", "三湾", "南塘", "凤鸣")

#: (move, role) → wording chosen, per draft.
Record = dict[tuple[str, str], str]


def _recording() -> list[Record]:
    """Wrap Glue.say so every chosen wording is noted under the draft being rendered."""
    drafts: list[Record] = []
    said = glue.Glue.say

    def say(self: glue.Glue, move: str, role: str | None = None, *args: Any,
            **kwargs: Any) -> str:
        before = set(self._said)
        text = said(self, move, role, *args, **kwargs)
        own = {variant.text for variant in self.stock.moves.get(move, ())}
        for chosen in (self._said - before) & own:
            drafts[-1].setdefault((move, role or ""), chosen)
        return text

    glue.Glue.say = say  # type: ignore[method-assign]
    return drafts


def _renamed(path: Path, prefix: str, tmp: Path) -> Path | None:
    """The fact set under another organiser's name (its level word kept), or None when it
    names none."""
    text = path.read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("主办单位:"):
            organiser = line.split(":", 1)[1].strip()
            tail = organiser[-3:] if len(organiser) > 3 else organiser[-2:]
            out = tmp / f"{prefix}-{path.name}"
            out.write_text(text.replace(line, f"主办单位: {prefix}{tail}"), "utf-8")
            return out
    return None


def _show(move: str, drafts: list[tuple[str, Record]]) -> None:
    counts = Counter(text for _, record in drafts for (name, _), text in record.items()
                     if name == move)
    print(f"\n-- {move}: {sum(counts.values())} 份稿子用到")
    for text, n in counts.most_common():
        print(f"{n:>5} {n / len(drafts):>5.0%}  {text}")


def _report(title: str, drafts: list[tuple[str, Record]], top: int) -> None:
    print(f"\n== {title}: {len(drafts)} 份稿子")
    by_move: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    kinds: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for kind, record in drafts:
        for key, text in record.items():
            by_move[key][text] += 1
            kinds[key][kind] += 1
    rows = []
    for key, counts in by_move.items():
        used = sum(counts.values())
        text, most = counts.most_common(1)[0]
        rows.append((most / len(drafts), key, len(counts), used, most, text))
    rows.sort(key=lambda row: row[0], reverse=True)
    print(f"{'环节':24} {'说法数':>4} {'用到':>5} {'最多一种':>6} {'占全部稿子':>8}  最常用的说法")
    for share, (move, role), distinct, used, most, text in rows[:top]:
        name = move + (f"/{role}" if role else "")
        print(f"{name:24} {distinct:>6} {used:>6} {most:>8} {share:>10.0%}  {text[:40]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--facts", type=Path, default=ROOT / "bench" / "blind_facts")
    parser.add_argument("--offices", type=int, default=12)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--show", metavar="MOVE", help="every wording of this move, counted")
    args = parser.parse_args()
    recorded = _recording()
    given: list[tuple[str, Record]] = []
    spread: list[tuple[str, Record]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(args.facts.glob("*.yaml")):
            for n, prefix in enumerate(("",) + _PREFIXES[:args.offices]):
                source = path if not prefix else _renamed(path, prefix, Path(tmp))
                if source is None:
                    continue
                recorded.append({})
                load_speech(source)
                (given if n == 0 else spread).append((path.stem[:2], recorded[-1]))
    _report("原样的事实", given, args.top)
    _report(f"每套事实换 {args.offices} 个主办单位", spread, args.top)
    if args.show:
        _show(args.show, spread)


if __name__ == "__main__":
    main()
