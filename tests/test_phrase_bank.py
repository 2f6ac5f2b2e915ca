"""The phrase bank: every phrase is the corpus's own wording, clean, sourced, and selectable."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT, run_speechgen
from test_genre_templates import VARIANTS, scaffold_data, speech_from

from generator.mining.annotate import DELETIONS, PLACEHOLDERS
from generator.mining.normalise import fold
from generator.text_writer import render_text

CORPUS = ROOT.parent / "shared" / "corpus"
BANK = ROOT / "outlines" / "phrases.yaml"
#: The placeholder spellings of CORPUS.md §a3, beyond the miner's own patterns.
PLACEHOLDER_SPELLINGS = re.compile(r"20[xX]{2}|XX|xx|×|##|__|\*\*|~年|某某")


def bank() -> dict:
    return yaml.safe_load(BANK.read_text(encoding="utf-8"))


def phrases() -> list[tuple[str, dict]]:
    return [(slot, p) for slot, entry in bank().items() for p in entry["phrases"]]


def test_bank_covers_the_slots_templates_use():
    slots = bank()
    for slot in ("purpose", "earlier_response", "announcement", "review_intro", "problems_intro",
                 "problems_close", "guarantee", "closing_appeal", "signoff"):
        assert slots.get(slot, {}).get("phrases"), slot
    assert all(entry["label"] for entry in slots.values())


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_every_phrase_occurs_in_the_corpus_and_names_its_source():
    pages = {p.name: fold(p.read_text(encoding="utf-8")) for p in CORPUS.glob("*.txt")}
    for slot, phrase in phrases():
        source = phrase["source"]
        assert source["file"] in pages and re.match(r"^\d{3}-\d+$", source["speech"]), phrase
        assert fold(phrase["text"]) in pages[source["file"]], (slot, phrase["text"])


def test_no_phrase_holds_a_placeholder_or_a_cut_word():
    for slot, phrase in phrases():
        text = phrase["text"]
        assert not PLACEHOLDER_SPELLINGS.search(text), (slot, text)
        assert not any(p.search(text) for _, p in PLACEHOLDERS), (slot, text)
        assert not any(p.search(text) for p in DELETIONS), (slot, text)
        assert not re.search(r"[0-9“”《》]|同志|[省市县区乡镇]委", text), (slot, text)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_the_command_rebuilds_the_shipped_bank(tmp_path):
    out = tmp_path / "phrases.yaml"
    result = run_speechgen("phrases", *sorted(CORPUS.glob("*.txt")), "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == BANK.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_picks_bank_wording_and_is_stable(name):
    plain = render_text(speech_from(scaffold_data(name)))
    count = re.compile(r"[一二三四五六七八九十几两]+(?=点|个方面|个问题|层意思)")
    texts = {count.sub("N", p["text"]) for _, p in phrases()}  # announcements take the count
    changed = []
    for variant in (1, 2):
        chosen = scaffold_data(name) | {"套话版本": variant}
        first, second = render_text(speech_from(chosen)), render_text(speech_from(chosen))
        assert first == second
        new = set(first.split("\n\n")) - set(plain.split("\n\n"))
        assert all(any(text in count.sub("N", paragraph) for text in texts)
                   for paragraph in new), new
        changed += new
    assert changed


def test_variant_keeps_the_announced_count_right():
    data = scaffold_data("office-work") | {"套话版本": 3}
    speech = speech_from(data)
    assert "下面，我讲三个方面的问题。" in speech.opening[-1]
    assert len(speech.sections) == 3
    data["工作任务"] = data["工作任务"] * 3
    assert "下面，我讲五个方面的问题。" in speech_from(data).opening[-1]
