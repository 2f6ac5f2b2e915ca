"""Probe the miner with invented variants of the failure kinds that recurred across pools.

Run:  python bench/probe_shapes.py [--layout NAME|all] [--failures]
                                   [--half dev|held|both]

The real pools say which kinds of miss recur on sites never seen (docs/mining.md, "什么能迁移
到没见过的网站"); ``bench/shape_probes.yaml`` holds short pages, written for this bench, that
vary each kind's shape (where the site text sits, which mark ends the salutation, how a
heading meets its text).  Half of them (``half: dev``) may guide a rule; the other half
(``half: held``) is only scored, so its figure before and after a round says whether the
round's rules reach shapes they were not written for.

Each page is the probe's head over the common body (or the probe's own body); it is right
when the miner yields one speech whose title, salutation and top-level headings match what
the probe expects, compared as ``bench/score_mining.py`` compares them, and none of the
probe's ``furniture`` lines (nor, with ``repeated_title``, a line that only repeats the title)
reaches the speech's body.  Every probe can be laid out three ways (``--layout``): as
written, run into one line as Word- and PDF-derived pages are (as it is, mostly shorter
than 200 characters, or with sentences added so the line is as long as a real flattened
page, 240 characters at least: ``flat_long``), in traditional script, with half-width
marks (``halfwidth``), with paragraphs indented by two full-width spaces (``indented``) and
with a blank line after every line (``blank_lines``).
Printed: right per kind and half, and with ``--failures`` what each wrong probe gave.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_mining import (  # noqa: E402
    body,
    furniture_left,
    matched_in_order,
    norm,
    salutation_matches,
    title_matches,
)

from generator.mining.pipeline import mine_text  # noqa: E402
from generator.model import Speech  # noqa: E402

PROBES = Path(__file__).resolve().parent / "shape_probes.yaml"
DEFAULT_HEAD = "T\n同志们："
DEFAULT_SALUTATION = "同志们"


def page_of(probe: dict[str, Any], data: dict[str, Any]) -> str:
    head = str(probe.get("head", DEFAULT_HEAD)).replace("T", data["title"])
    return f"{head}\n{probe.get('body', data['body'])}"


def _traditional(text: str) -> str:
    import opencc  # the miner's own dependency for traditional pages

    converted: str = opencc.OpenCC("s2t").convert(text)
    return converted


def _simplified(speech: Speech) -> Speech:
    """The speech's texts in simplified script, to compare with the probe's simplified labels."""
    import opencc

    convert = opencc.OpenCC("t2s").convert
    speech.title = convert(speech.title)
    speech.salutation = convert(speech.salutation) if speech.salutation else None
    speech.opening = [convert(t) for t in speech.opening]
    speech.closing = [convert(t) for t in speech.closing]
    speech.signoff = [convert(t) for t in speech.signoff]
    for _, section in speech.walk():
        section.heading = convert(section.heading)
        section.paragraphs = [convert(t) for t in section.paragraphs]
    return speech


#: How a probe's page is laid out: as written; run into one line (a Word- or PDF-derived
#: page, lines parted by a space); in traditional script.
def _flat(page: str) -> str:
    return " ".join(line for line in page.splitlines() if line.strip()) + "\n"


#: Sentences added (as often as needed) before a page's last line for the long flattened
#: layout, so the line is as long as a real flattened page (past ``paragraphs.FLATTENED``).
PADDING = (
    "各地要结合实际细化工作方案，明确时间节点和责任人员，确保各项措施落到实处。"
    "有关部门要加强督促检查，对工作不力、推诿扯皮的要及时通报，情节严重的要严肃问责。"
)


#: A flattened page this long takes the miner's path for long flattened lines.
LONG_FLAT = 240


def _flat_long(page: str) -> str:
    lines = [line for line in page.splitlines() if line.strip()]
    padding = PADDING
    while len(_flat("\n".join([*lines, padding]))) < LONG_FLAT:
        padding += PADDING
    return _flat("\n".join([*lines[:-1], padding, lines[-1]]))


#: Half-width marks as some editors type them ("同志们:", "一是,").
_HALF_WIDTH = str.maketrans(
    {"：": ":", "，": ",", "！": "!", "？": "?", "；": ";", "（": "(", "）": ")"}
)


def _indented(page: str) -> str:
    return "\n".join("　　" + line if line.strip() else line for line in page.splitlines()) + "\n"


LAYOUTS = {
    "lines": lambda page: page,
    "flat": _flat,
    "flat_long": _flat_long,
    "traditional": _traditional,
    "halfwidth": lambda page: page.translate(_HALF_WIDTH),
    "indented": _indented,
    "blank_lines": lambda page: "\n\n".join(page.splitlines()) + "\n",
}


def problems(probe: dict[str, Any], data: dict[str, Any], layout: str = "lines") -> list[str]:
    """What the miner got wrong on one probe, in words; empty when it is right."""
    page = LAYOUTS[layout](page_of(probe, data))
    speeches = [m.speech for m in mine_text(page, "probe.txt").speeches]
    if len(speeches) != 1:
        return [f"篇数 {len(speeches)}"]
    speech = _simplified(speeches[0]) if layout == "traditional" else speeches[0]
    wrong = []
    title = probe.get("title", data["title"])
    if not title_matches(title, speech.title):
        wrong.append(f"标题 {speech.title!r}")
    salutation = probe.get("salutation", DEFAULT_SALUTATION)
    if not salutation_matches(salutation, speech.salutation):
        wrong.append(f"称呼 {speech.salutation!r}")
    wanted = [str(h) for h in probe.get("headings", data["headings"])]
    found = [s.heading for s in speech.sections]
    if matched_in_order(wanted, found) != len(wanted) or len(found) != len(wanted):
        wrong.append(f"一级标题 {found}")
    paragraphs = body(speech)
    furniture = [str(f) for f in probe.get("furniture", [])]
    if probe.get("repeated_title"):
        furniture.append(str(title))
        paragraphs = [p for p in paragraphs if p == norm(title)]  # the line itself, not a mention
    wrong.extend(f"杂项留下 {f!r}" for f in furniture if furniture_left(f, paragraphs))
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--failures", action="store_true", help="print what each wrong probe gave")
    parser.add_argument("--layout", choices=[*LAYOUTS, "all"], default="lines")
    parser.add_argument("--half", choices=["dev", "held", "both"], default="both",
                        help="which half's failures --failures prints")
    options = parser.parse_args()
    data = yaml.safe_load(PROBES.read_text(encoding="utf-8"))
    layouts = list(LAYOUTS) if options.layout == "all" else [options.layout]
    for layout in layouts:
        right: Counter[tuple[str, str]] = Counter()
        total: Counter[tuple[str, str]] = Counter()
        for number, probe in enumerate(data["probes"], 1):
            group = (probe["kind"], probe["half"])
            total[group] += 1
            wrong = problems(probe, data, layout)
            right[group] += not wrong
            shown = options.half in ("both", probe["half"])
            if wrong and options.failures and shown:
                head = str(probe.get("head", "")).replace("\n", "⏎")[:40]
                where = f"{number:>3} {probe['kind']:<18} {probe['half']:<5}"
                print(f"✗ {where} {head}  {'；'.join(wrong)}")
        print(f"\n版式 {layout}")
        print(f"{'类别':<18} {'dev':>7} {'held':>7}")
        for kind in dict.fromkeys(p["kind"] for p in data["probes"]):
            cells = [f"{right[kind, h]}/{total[kind, h]}" for h in ("dev", "held")]
            print(f"{kind:<20} {cells[0]:>7} {cells[1]:>7}")
        cells = [
            f"{sum(right[k] for k in right if k[1] == h)}/"
            f"{sum(total[k] for k in total if k[1] == h)}"
            for h in ("dev", "held")
        ]
        print(f"{'合计':<18} {cells[0]:>7} {cells[1]:>7}")

if __name__ == "__main__":
    main()
