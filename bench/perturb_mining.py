"""How `speechgen mine` holds up when the same page is laid out differently (round 45, issue 13).

Run:  python bench/perturb_mining.py --pages /work/pages/raw [--pool POOL ...] [--only NAME ...]
      [--show NAME]   (no --pool: every pool in the manifest that has pages in DIR)

Every labelled page of the pools is laid out again by each of a set of small perturbations
(below), mined in process and scored with bench/score_mining.py's own comparison
(`score_page`).  Each perturbation is one small function, seeded from the page's name, so a
run is repeatable.  None removes or changes a word of the speech: they change the layout
(line breaks, blank lines, punctuation width, a heading run into its body), or add a line or a
phrase the labels do not count as speech, and then add it to the page's furniture list, so a
miner that lets it into the body is told.  A perturbation that finds nothing to change on a
page (no labelled salutation line, say) leaves it as it is; the "changed" column counts the
pages it did change.

Printed per perturbation: the figures over all pages, and how many (page, figure) pairs got
worse than on the unperturbed page ("worse": fewer right for pages/titles/salutations/recall,
a lower ratio for precision, more furniture lines left).  ``--show NAME`` lists the pages a
perturbation made worse, with score_mining's problems, for reading.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from score_mining import DATA, FIGURES, Tally, bare, norm, score_page  # noqa: E402

Label = dict[str, Any]
#: A perturbation: (text, label, rng) → (new text, new label); it returns the text unchanged
#: when the page has nothing it applies to.
Perturbation = Callable[[str, Label, random.Random], tuple[str, Label]]

_HALF = str.maketrans("，：；！？（）", ",:;!?()")
_FULL = str.maketrans(",:;!?()", "，：；！？（）")


# ---------------------------------------------------------------------------- locating lines


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _salutations(lines: list[str], label: Label) -> list[tuple[int, str]]:
    """(row, first line of the salutation, bare) for each labelled salutation, in page order (each
    row found once)."""
    found, start = [], 0
    for speech in label.get("speeches") or []:
        wanted = bare(str(speech.get("salutation") or "").split("\n")[0])
        if not wanted:
            continue
        for i in range(start, len(lines)):
            if norm(lines[i]).startswith(wanted):
                found.append((i, wanted))
                start = i + 1
                break
    return found


def _salutation_rows(lines: list[str], label: Label) -> list[int]:
    return [row for row, _ in _salutations(lines, label)]


def _title_rows(lines: list[str], label: Label) -> list[int]:
    """Row of each labelled title printed on a line of its own above its salutation."""
    rows, start = [], 0
    salutations = _salutation_rows(lines, label)
    for speech in label.get("speeches") or []:
        wanted = bare(speech.get("title"))
        if not wanted:
            continue
        below = next((s for s in salutations if s > start), len(lines))
        found = [i for i in range(start, below) if bare(lines[i]) == wanted]
        if found:
            rows.append(found[-1])
            start = found[-1] + 1
    return rows


def _heading_rows(lines: list[str], label: Label) -> list[int]:
    """Rows whose whole text is a labelled top-level heading (with its marker)."""
    wanted = set()
    for speech in label.get("speeches") or []:
        for heading in speech.get("top_level") or []:
            text = bare(str(heading.get("marker") or "") + str(heading.get("text") or ""))
            if len(text) >= 4:
                wanted.add(text)
    return [i for i, line in enumerate(lines) if bare(line) in wanted]


def _with_furniture(label: Label, *added: str) -> Label:
    new = copy.deepcopy(label)
    new["furniture"] = list(new.get("furniture") or []) + list(added)
    return new


# ---------------------------------------------------------------------------- perturbations


def flatten(text: str, label: Label, rng: random.Random) -> tuple[str, Label]:
    """The whole page on one line, paragraphs parted by a space (a phone's copy)."""
    return " ".join(line.strip() for line in _lines(text) if line.strip()), label


def flatten_tight(text: str, label: Label, rng: random.Random) -> tuple[str, Label]:
    """The whole page on one line with nothing between paragraphs."""
    return "".join(line.strip() for line in _lines(text) if line.strip()), label


def hard_wrap(text: str, label: Label, rng: random.Random) -> tuple[str, Label]:
    """Below the first salutation, every line cut every 30–40 characters (a PDF's text layer)."""
    lines = _lines(text)
    rows = _salutation_rows(lines, label)
    start = rows[0] + 1 if rows else 0
    width = rng.randint(30, 40)
    out = lines[:start]
    for line in lines[start:]:
        line = line.strip()
        if not line:
            continue  # a PDF's text layer has no blank lines between paragraphs
        out.extend(line[i:i + width] for i in range(0, len(line), width))
    return "\n".join(out), label


def no_blanks(text: str, label: Label, rng: random.Random) -> tuple[str, Label]:
    """Blank lines removed."""
    return "\n".join(line for line in _lines(text) if line.strip()), label


def double_spaced(text: str, label: Label, rng: random.Random) -> tuple[str, Label]:
    """A blank line after every line (and blank runs doubled)."""
    return "\n\n".join(_lines(text)), label


def meta_line(text: str, label: Label, rng: random.Random) -> tuple[str, Label]:
    """A site's date / source / editor / view-count line between title and salutation."""
    lines = _lines(text)
    rows = _salutation_rows(lines, label)
    if not rows:
        return text, label
    day = f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    meta = rng.choice([
        f"发布时间：{day}",
        f"{day} 来源：文秘资料网 编辑：李某",
        f"来源：本站原创　作者：佚名　{day}",
        f"浏览次数：{rng.randint(120, 9999)}次",
        f"{day}　阅读：{rng.randint(120, 9999)}　字号：大 中 小",
    ])
    titles = _title_rows(lines, label)
    at = titles[0] + 1 if titles and titles[0] < rows[0] else rows[0]
    return "\n".join(lines[:at] + [meta] + lines[at:]), _with_furniture(label, meta)


def breadcrumb(text: str, label: Label, rng: random.Random) -> tuple[str, Label]:
    """A breadcrumb printed before the title on its line."""
    lines = _lines(text)
    rows = _title_rows(lines, label)
    if not rows:
        return text, label
    crumb = rng.choice(["首页 > 讲话稿 > 领导讲话 > ", "当前位置：首页>范文>致辞讲话>",
                        "您的位置：网站首页 » 讲话发言 » "])
    row = rows[0]
    lines[row] = crumb + lines[row].strip()
    return "\n".join(lines), _with_furniture(label, crumb.strip())


def lead_in(text: str, label: Label, rng: random.Random) -> tuple[str, Label]:
    """A site's lead-in sentence before the salutation, on the salutation's line."""
    lines = _lines(text)
    rows = _salutation_rows(lines, label)
    if not rows:
        return text, label
    sentence = rng.choice([
        "以下是本站为大家整理的讲话稿，供参考。",
        "下面是小编收集整理的领导讲话，欢迎阅读。",
        "以下是网友分享的发言材料，仅供参考。",
    ])
    row = rows[0]
    lines[row] = sentence + lines[row].strip()
    return "\n".join(lines), _with_furniture(label, sentence)


def comma_salutation(text: str, label: Label, rng: random.Random) -> tuple[str, Label]:
    """The salutation's colon printed as a comma."""
    lines = _lines(text)
    changed = False
    for row, wanted in _salutations(lines, label):
        line, seen, cut = lines[row], "", None
        for i, char in enumerate(line):  # the mark right after the salutation's last character
            seen = norm(seen + char)
            if len(seen) >= len(wanted):
                cut = i + 1
                break
        if cut is not None and cut < len(line) and line[cut] in "：:":
            lines[row] = line[:cut] + "，" + line[cut + 1:]
            changed = True
    return ("\n".join(lines), label) if changed else (text, label)


def half_width(text: str, label: Label, rng: random.Random) -> tuple[str, Label]:
    """Full-width punctuation printed half-width."""
    return text.translate(_HALF), label


def full_width(text: str, label: Label, rng: random.Random) -> tuple[str, Label]:
    """Half-width punctuation printed full-width (not inside numbers: "1.5", "2023.10")."""
    return re.sub(r"(?<!\d)[,:;!?()](?!\d)", lambda m: m.group().translate(_FULL), text), label


def heading_run_on(text: str, label: Label, rng: random.Random) -> tuple[str, Label]:
    """Each top-level heading on a line of its own joined to its next line with one space."""
    lines = _lines(text)
    rows = set(_heading_rows(lines, label))
    if not rows:
        return text, label
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if i in rows and j < len(lines) and j not in rows:  # two headings in a row: left as is
            out.append(lines[i].strip() + " " + lines[j].strip())
            i = j + 1
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out), label


PERTURBATIONS: dict[str, Perturbation] = {
    "flatten": flatten,
    "flatten_tight": flatten_tight,
    "hard_wrap": hard_wrap,
    "no_blanks": no_blanks,
    "double_spaced": double_spaced,
    "meta_line": meta_line,
    "breadcrumb": breadcrumb,
    "lead_in": lead_in,
    "comma_salutation": comma_salutation,
    "half_width": half_width,
    "full_width": full_width,
    "heading_run_on": heading_run_on,
}


# ---------------------------------------------------------------------------- scoring


def _worse(key: str, before: Tally, after: Tally) -> bool:
    (r0, t0), (r1, t1) = before.get(key), after.get(key)
    if key == "furniture":
        return r1 > r0
    if key == "precision":
        return r1 * max(t0, 1) < r0 * max(t1, 1) if (t0 or t1) else False
    return r1 < r0


KEYS = [key for key, _ in FIGURES] + ["furniture"]


def load(pages: Path, data: Path, pools: list[str]) -> list[tuple[str, str, Label]]:
    manifest = yaml.safe_load((data / "manifest.yaml").read_text(encoding="utf-8"))
    found = []
    for entry in manifest:
        if pools and entry["pool"] not in pools:
            continue
        page, label_file = pages / f"{entry['id']}.txt", data / "labels" / f"{entry['id']}.yaml"
        if not page.is_file() or not label_file.is_file():
            continue
        raw = page.read_bytes()
        if hashlib.sha256(raw).hexdigest() != entry["sha256"]:
            continue
        label = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        found.append((entry["id"], raw.decode("utf-8"), label))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, required=True)
    parser.add_argument("--pool", action="append", default=[])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--only", action="append", default=[], choices=sorted(PERTURBATIONS))
    parser.add_argument("--show", choices=sorted(PERTURBATIONS))
    options = parser.parse_args()
    pages = load(options.pages, options.data, options.pool)
    base: dict[str, Tally] = {}
    total = Tally()
    for name, text, label in pages:
        base[name] = score_page(text, f"{name}.txt", label)[0]
        total.merge(base[name])
    names = options.only or ([options.show] if options.show else list(PERTURBATIONS))
    short = {"pages": "split", "titles": "title", "salutations": "salut", "recall": "recall",
             "precision": "prec", "furniture": "furn"}
    print(f"{len(pages)} pages")
    head = f"{'perturbation':<17}{'changed':>8}" + "".join(f"{short[k]:>9}" for k in KEYS[:-1])
    print(head + f"{'furn':>6}  worse: " + " ".join(short[k] for k in KEYS) + "  all")
    print(_row("none", len(pages), total, None))
    for pname in names:
        perturb = PERTURBATIONS[pname]
        tally, worse, changed = Tally(), dict.fromkeys(KEYS, 0), 0
        for name, text, label in pages:
            new_text, new_label = perturb(text, label, random.Random(f"{name}:{pname}"))
            problems: list[str] = []
            if new_text == text and new_label is label:
                after = base[name]
            else:
                changed += 1
                after, problems = score_page(new_text, f"{name}.txt", new_label)
            tally.merge(after)
            bad = [key for key in KEYS if _worse(key, base[name], after)]
            for key in bad:
                worse[key] += 1
            if options.show and bad:
                print(f"  {name} worse: {', '.join(bad)}")
                for problem in problems:
                    print(f"      {problem}")
        print(_row(pname, changed, tally, worse))


def _row(name: str, changed: int, tally: Tally, worse: dict[str, int] | None) -> str:
    cells = "".join(f"{_pct(*tally.get(k)):>9}" for k in KEYS[:-1])
    line = f"{name:<17}{changed:>8}{cells}{tally.get('furniture')[0]:>6}"
    if worse is not None:
        line += "  " + " ".join(f"{worse[k]:>3}" for k in KEYS) + f"  {sum(worse.values()):>4}"
    return line


def _pct(right: int, total: int) -> str:
    return f"{100 * right / total:.1f}%" if total else "—"


if __name__ == "__main__":
    main()
