"""The phrase bank: every phrase is the corpus's own wording, clean, sourced, and selectable."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT, run_speechgen

from generator.mining import mine_text
from generator.mining.annotate import DELETIONS, PLACEHOLDERS
from generator.mining.normalise import fold
from generator.mining.phrases import find_phrases

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


def test_a_page_read_loosely_lends_no_phrases():
    """A speech the miner could only take by reading the whole page loosely (flag unsure) has
    a guessed opening and closing: its announcement is not offered as the bank's wording,
    though the same speech read the usual way would lend it.  A site's sentence over a footer
    word in its menu ends the regular reading before the speech begins."""
    page = ROOT / "tests" / "fixtures" / "mining_pages" / "r7_footer_caption_above_speech.txt"
    blurb = (
        "本站收录的讲话稿均来自网友投稿，仅供学习交流使用，"
        "如有侵权请联系我们删除，谢谢您的支持与理解。\n"
    )
    mined = mine_text(blurb + page.read_text(encoding="utf-8"), page.name).speeches
    speech = mined[0].speech
    assert [f.code for f in speech.flags] == ["unsure"]
    assert list(find_phrases(mined)) == []
    speech.flags = []
    assert [text for _, text, _ in find_phrases(mined)] == ["下面，我讲两点意见。"]
