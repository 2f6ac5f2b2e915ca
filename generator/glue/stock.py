"""The stock of attested wordings (outlines/moves.yaml), as a render reads it.

Per move, the variants and the situations each fits; beside them the tables the glue reads
facts by: the organiser's levels and their words, the meeting kinds, the agenda item kinds and
their phrases, the words naming honoured groups, the verbs that make a meeting's sort.  Every
variant is there because `generator.mining.moves` found two independent sources for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, NamedTuple

from ..data_cache import load_data
from ..resources import outlines_dir


class Variant(NamedTuple):
    text: str
    when: Mapping[str, Any]
    weight: int = 1  # how many turns of the choice it takes: no sign-off is the common case
    family: str = ""  # wordings a reader hears as one formula share one turn of the choice


class Stock(NamedTuple):
    levels: tuple[Mapping[str, Any], ...]
    kinds: tuple[Mapping[str, str], ...]
    agenda: tuple[Mapping[str, str], ...]
    agenda_phrases: Mapping[str, list[str]]
    moves: Mapping[str, tuple[Variant, ...]]
    honoured: Mapping[str, str]  # regexes: words naming honoured groups / honoured people
    once: frozenset[str]  # moves said at most once a speech (a lead-in before every part reads
    #                       as a formula)
    sorts: tuple[Mapping[str, str], ...]  # verbs of a purpose → the sort of meeting they make


def _wordings(data: Any) -> Any:
    """moves.yaml as a render reads it: each variant without its attestation records (`attest`,
    `sources`: ~80% of the file's values, read only by the stock's builder and its tests)."""
    for entry in ((data or {}).get("moves") or {}).values():
        for variant in entry.get("variants", []):
            variant.pop("attest", None)
            variant.pop("sources", None)
    return data


@cache
def load_stock() -> Stock:
    """The shipped stock; a variant is there only if moves.py found two sources for it."""
    data = load_data(outlines_dir() / "moves.yaml", view=_wordings) or {}
    moves = {
        move: tuple(Variant(str(v["text"]), v.get("when") or {}, int(v.get("weight") or 1),
                            str(v.get("family") or ""))
                    for v in entry.get("variants", []))
        for move, entry in (data.get("moves") or {}).items()
    }
    once = frozenset(move for move, entry in (data.get("moves") or {}).items()
                     if entry.get("once"))
    return Stock(tuple(data.get("levels", ())), tuple(data.get("kinds", ())),
                 tuple(data.get("agenda", ())), data.get("agenda_phrases", {}), moves,
                 data.get("honoured", {}), once, tuple(data.get("sorts", ())))
