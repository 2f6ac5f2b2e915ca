"""The phrase bank as templates see it: `phrase(slot, variant, default)` in every template.

Variant 0 (the field left out) keeps the template's own wording, so adding the bank changed no
existing output; variant N picks the N-th phrase of the slot (wrapping round), so the same input
always gives the same text.  The bank is data shipped with the package (outlines/phrases.yaml),
rebuilt from the corpus by `speechgen phrases`.
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from .lexicon import COUNT_UNITS, alternation
from .numerals import COUNT, spoken
from .resources import outlines_dir

_COUNT = re.compile(f"{COUNT}(?={alternation(COUNT_UNITS)})")


@cache
def load_bank() -> dict[str, list[str]]:
    """slot → phrase texts; an absent bank file means every template keeps its own wording."""
    resource = outlines_dir() / "phrases.yaml"
    if not resource.is_file():
        return {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(resource.read_text(encoding="utf-8"), Loader=loader) or {}
    return {slot: [p["text"] for p in entry.get("phrases", [])] for slot, entry in data.items()}


def phrase(slot: str, variant: int | None, default: str, count: int | None = None) -> str:
    """The glue for one slot: the template's default, or the bank's variant-th phrase."""
    # Variant 0 never reads the bank: parsing it is a few ms of every render that uses none.
    texts = load_bank().get(slot, []) if variant else []
    text = texts[(int(variant) - 1) % len(texts)] if variant and texts else default
    if count is not None:
        text = _COUNT.sub(spoken(int(count)), text, count=1)
    return text
