"""Score `speechgen mine` against hand-labelled real pages (issue 13).

Run:  python bench/score_mining.py --pages DIR [--pool POOL] [--quiet]
      (POOL: mining-dev (default), mining-dev2, mining-dev3, mining-dev4,
      mining-dev5, mining-dev6, mining-dev7, mining-dev8, mining-dev9, mining-dev10,
      mining-dev11, mining-dev12, mining-dev13, mining-dev14, mining-dev15,
      mining-dev16, mining-dev17, mining-dev18, mining-dev19, mining-dev20, mining-dev21,
      mining-dev22, mining-dev23, mining-dev24, mining-dev25, mining-dev26, mining-dev27,
      mining-dev28, mining-dev29, mining-dev30, mining-dev31, mining-dev32, mining-dev33,
      mining-dev34, mining-dev35, mining-dev36, mining-dev37, mining-dev38,
      mining-phrase-a,
      mining-phrase-b; the mining-phrase pools are 40 pages each of the phrase-stock pool
      labelled for the miner, blind, and named apart so that the stock's attestation, which
      reads those pages already, does not count them twice)
      (DIR defaults to $SPEECHGEN_PAGES; it holds the stored texts ``mNNN.txt``.)

The pages are third-party text and stay outside the repository; ``bench/mining_pages/``
holds what is needed to judge them: ``manifest.yaml`` (id, address, site, pool, sha256 of the
stored text) and ``labels/mNNN.yaml`` (written by hand before the miner ran on the page).
docs/mining.md says how to gather the pages again from the manifest.  A page whose text does
not match its sha256 is reported and left out, since its labels describe other text.

Figures, per page and over the pool:

* pages split right: the miner yields as many speeches as the labels list;
* titles and salutations right, per labelled speech;
* top-level headings: recall (labelled headings found) and precision (found headings that
  are labelled);
* furniture lines left: labelled furniture lines that reach a mined speech's body (opening,
  headings, paragraphs, closing, sign-off).

Comparison rule.  Texts are compared after NFKC (one width for letters, digits and
punctuation) with all whitespace removed, so a column-wrap space or a half-width colon is no
difference.  Titles must then be equal (a label of null wants the miner's "no title"
placeholder).  A salutation is compared without its final mark (：，！) with the mined
salutation's first line (a greeting such as 大家好 on a line of its own is allowed) or with all
its lines joined (a last line that is such a greeting left out).  A found heading matches a
labelled one when it is equal once a final mark is dropped, or when one is a prefix of the
other and the difference is at most a fifth of the label (a heading cut one clause early or
late); an empty labelled heading (a part printed as a bare numeral) matches only an empty
found one; each heading matches at most once, in order.
Speeches are paired in page order by the best alignment of their titles, so one missed speech
does not shift every later one.  A furniture line of six or more characters counts when it
occurs anywhere in a body paragraph; a shorter one ("目录", a date) only when a paragraph is
that line, or starts or ends with it (a number not as part of a longer number: the page
number "19" is not the start of "1958年").
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.mining.parse import MISSING_TITLE  # noqa: E402
from generator.mining.pipeline import mine_text  # noqa: E402
from generator.model import Speech  # noqa: E402

DATA = ROOT / "bench" / "mining_pages"
ENVIRONMENT = "SPEECHGEN_PAGES"
#: Final marks a label or a mined text may or may not carry.
MARKS = ":,!;.。、"
#: A found heading this much shorter or longer than the label, as a prefix of it, still counts.
PREFIX_SLACK = 0.2
#: A greeting on a line of its own, which a mined salutation may end with (after NFKC).
GREETING_LINE = re.compile(r"^(?:大家|各位|你们)?\w{0,2}好[!。]$")
#: Furniture lines shorter than this must fill, start or end a paragraph to count.
SHORT_FURNITURE = 6


def norm(text: str | None) -> str:
    """One width, no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def bare(text: str | None) -> str:
    return norm(text).rstrip(MARKS)


def heading_matches(label: str, found: str) -> bool:
    a, b = bare(label), bare(found)
    if not a or not b:
        # a part printed as a bare numeral has no heading text (dev29 m2710): empty matches empty
        return a == b
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and len(long_) - len(short) <= PREFIX_SLACK * len(a)


def salutation_matches(label: str | None, found: str | None) -> bool:
    if label is None or found is None:
        return label is None and found is None
    lines = found.split("\n")
    if len(lines) > 2 and GREETING_LINE.match(norm(lines[-1])):
        lines = lines[:-1]  # guests named over rows, then "大家晚上好！" on a line of its own
    return bare(label) in (bare(lines[0]), bare("".join(lines)))


def title_matches(label: str | None, found: str) -> bool:
    if label is None:
        return found == MISSING_TITLE
    return bare(label) == bare(found)


def body(speech: Speech) -> list[str]:
    texts = list(speech.opening)
    for _, section in speech.walk():
        texts.append(section.heading)
        texts.extend(section.paragraphs)
    return [norm(t) for t in texts + list(speech.closing) + list(speech.signoff)]


def furniture_left(line: str, paragraphs: list[str]) -> bool:
    key = norm(line)
    if not key:
        return False
    if len(key) >= SHORT_FURNITURE:
        return any(key in p for p in paragraphs)
    return any(
        p == key
        or (p.startswith(key) and not _same_run(key[-1], p[len(key)]))
        or (p.endswith(key) and not _same_run(p[-len(key) - 1], key[0]))
        for p in paragraphs
    )


def _same_run(a: str, b: str) -> bool:
    """Two digits side by side: a page number "19" is not the start of "1958年"."""
    return a.isdigit() and b.isdigit()


def matched_in_order(labels: list[str], found: list[str]) -> int:
    """Most pairs (label, found) that match, each used once, both in order (an LCS)."""
    rows = [[0] * (len(found) + 1) for _ in range(len(labels) + 1)]
    for i, a in enumerate(labels, 1):
        for j, b in enumerate(found, 1):
            hit = rows[i - 1][j - 1] + 1 if heading_matches(a, b) else 0
            rows[i][j] = max(rows[i - 1][j], rows[i][j - 1], hit)
    return rows[-1][-1]


def pair_speeches(labels: list[dict[str, Any]], mined: list[Speech]) -> list[tuple[int, int]]:
    """(label index, mined index) pairs in order, maximising title similarity (then count)."""
    n, m = len(labels), len(mined)
    best = [[(0.0, 0)] * (m + 1) for _ in range(n + 1)]
    step: list[list[str]] = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            options: list[tuple[tuple[float, int], str]] = []
            if i:
                options.append((best[i - 1][j], "label"))
            if j:
                options.append((best[i][j - 1], "mined"))
            if i and j:
                similar = SequenceMatcher(
                    None, bare(labels[i - 1].get("title")), bare(mined[j - 1].title)
                ).ratio()
                score, count = best[i - 1][j - 1]
                options.append(((score + similar, count + 1), "pair"))
            if options:
                best[i][j], step[i][j] = max(options, key=lambda o: o[0])
    pairs = []
    i, j = n, m
    while i or j:
        move = step[i][j]
        if move == "pair":
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif move == "label":
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


@dataclass
class Tally:
    """Right and total counts per figure."""

    counts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, name: str, right: int, total: int) -> None:
        pair = self.counts.setdefault(name, [0, 0])
        pair[0] += right
        pair[1] += total

    def merge(self, other: Tally) -> None:
        for name, (right, total) in other.counts.items():
            self.add(name, right, total)

    def get(self, name: str) -> tuple[int, int]:
        right, total = self.counts.get(name, [0, 0])
        return right, total


FIGURES = [
    ("pages", "页面分篇正确"),
    ("titles", "标题"),
    ("salutations", "称呼"),
    ("recall", "一级标题召回"),
    ("precision", "一级标题精确"),
]


def score_page(text: str, name: str, label: dict[str, Any]) -> tuple[Tally, list[str]]:
    """The page's figures and what went wrong, in words."""
    tally, problems = Tally(), []
    speeches = [m.speech for m in mine_text(text, name).speeches] if text.strip() else []
    wanted = label.get("speeches") or []
    tally.add("pages", len(speeches) == len(wanted), 1)
    if len(speeches) != len(wanted):
        problems.append(f"篇数 {len(speeches)},应为 {len(wanted)}")
    pairs = pair_speeches(wanted, speeches)
    paired_labels = {i for i, _ in pairs}
    paired_mined = {j for _, j in pairs}
    for i, j in pairs:
        want, got = wanted[i], speeches[j]
        ok = title_matches(want.get("title"), got.title)
        tally.add("titles", ok, 1)
        if not ok:
            problems.append(f"标题 {got.title!r},应为 {want.get('title')!r}")
        ok = salutation_matches(want.get("salutation"), got.salutation)
        tally.add("salutations", ok, 1)
        if not ok:
            problems.append(f"称呼 {got.salutation!r},应为 {want.get('salutation')!r}")
        heads = [str(h["text"]) for h in want.get("top_level") or []]
        found = [s.heading for s in got.sections]
        hits = matched_in_order(heads, found)
        tally.add("recall", hits, len(heads))
        tally.add("precision", hits, len(found))
        if hits < len(heads) or hits < len(found):
            problems.append(f"一级标题 找到 {found},应为 {heads}")
    for i, want in enumerate(wanted):
        if i not in paired_labels:
            tally.add("titles", 0, 1)
            tally.add("salutations", 0, 1)
            tally.add("recall", 0, len(want.get("top_level") or []))
    for j, got in enumerate(speeches):
        if j not in paired_mined:
            tally.add("precision", 0, len(got.sections))
    paragraphs = [p for s in speeches for p in body(s)]
    left = [line for line in label.get("furniture") or [] if furniture_left(str(line), paragraphs)]
    tally.add("furniture", len(left), len(label.get("furniture") or []))
    problems.extend(f"杂项留在正文:{line!r}" for line in left)
    return tally, problems


def percent(right: int, total: int) -> str:
    return f"{right}/{total} {100 * right / total:5.1f}%" if total else f"{right}/{total}   —"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=os.environ.get(ENVIRONMENT))
    parser.add_argument("--pool", default="mining-dev")
    parser.add_argument("--data", type=Path, default=DATA, help="manifest.yaml and labels/")
    parser.add_argument("--quiet", action="store_true", help="only the overall figures")
    options = parser.parse_args()
    if options.pages is None:
        sys.exit(f"请用 --pages 指定页面文件夹,或设置环境变量 {ENVIRONMENT}。"
                 "页面的收集方法见 docs/mining.md。")
    if not options.pages.is_dir():
        sys.exit(f"找不到页面文件夹:{options.pages}")
    manifest = yaml.safe_load((options.data / "manifest.yaml").read_text(encoding="utf-8"))
    entries = [e for e in manifest if e["pool"] == options.pool]
    total, missing, mismatched = Tally(), [], []
    for entry in entries:
        page = options.pages / f"{entry['id']}.txt"
        label_file = options.data / "labels" / f"{entry['id']}.yaml"
        if not page.is_file() or not label_file.is_file():
            missing.append(entry["id"])
            continue
        data = page.read_bytes()
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            mismatched.append(entry["id"])
            continue
        label = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        tally, problems = score_page(data.decode("utf-8"), page.name, label)
        total.merge(tally)
        if not options.quiet:
            figures = "  ".join(
                f"{name} {tally.get(key)[0]}/{tally.get(key)[1]}" for key, name in FIGURES[1:]
            )
            left = tally.get("furniture")[0]
            mark = "✓" if not problems else "✗"
            print(f"{mark} {entry['id']} {entry['site']:<22} {figures}  杂项留下 {left}")
            for problem in problems:
                print(f"      {problem}")
    scored = len(entries) - len(missing) - len(mismatched)
    print(f"\n{options.pool}:{scored} 个页面(清单 {len(entries)} 个)")
    if missing:
        print(f"  缺页面或标注,未计:{', '.join(missing)}")
    if mismatched:
        print(f"  sha256 与清单不符,未计:{', '.join(mismatched)}")
    for key, name in FIGURES:
        print(f"  {name:<10} {percent(*total.get(key))}")
    left, lines = total.get("furniture")
    print(f"  {'杂项留在正文':<8} {left} 行(标注杂项共 {lines} 行)")


if __name__ == "__main__":
    main()
