"""Sharing worked-out character classes (generator/re_charsets.py) leaves every compiled
pattern exactly as Python's own compiler makes it, so the miner matches what it matched."""

from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest

from generator.lazy_re import LazyPattern
from generator.mining import mine_path
from generator.re_charsets import compiler, shared

#: Pages committed with the tests: the shared corpus beside the repository is not on every
#: machine, and without it this test crashed instead of running (a tester, the README's test
#: command on a fresh clone).
PAGES = Path(__file__).resolve().parent / "fixtures" / "mining_pages"
COMPILER = compiler()
pytestmark = pytest.mark.skipif(COMPILER is None, reason="this Python's re compiler is unknown")


def _miner_patterns() -> list[tuple[str, int]]:
    """Every pattern source the miner's modules hold, compiled or lazy, after a page is mined
    (so the lazy ones a page needs exist too)."""
    for page in sorted(PAGES.glob("*.txt"))[:40]:
        mine_path(page)
    found: set[tuple[str, int]] = set()
    for obj in gc.get_objects():
        if isinstance(obj, re.Pattern | LazyPattern) and isinstance(obj.pattern, str):
            found.add((obj.pattern, int(obj.flags) & ~int(re.UNICODE)))
    return sorted(found)


def _programs(patterns: list[tuple[str, int]], optimize: object) -> list[list[int]]:
    """The compiled program (the code list ``_sre`` runs) of each pattern, the compiler's
    class optimiser set to ``optimize`` meanwhile."""
    assert COMPILER is not None
    parser = getattr(COMPILER, "_parser", None) or COMPILER.sre_parse
    installed = COMPILER._optimize_charset
    COMPILER._optimize_charset = optimize
    try:
        return [COMPILER._code(parser.parse(source, flags), flags) for source, flags in patterns]
    finally:
        COMPILER._optimize_charset = installed


def test_importing_the_miner_shares_classes():
    assert hasattr(COMPILER._optimize_charset, "original")


def test_every_miner_pattern_compiles_to_the_same_program():
    patterns = _miner_patterns()
    assert len(patterns) > 300  # the miner's rules, not a handful
    assert any(flags & re.IGNORECASE for _, flags in patterns)  # the unshared path is covered
    original = COMPILER._optimize_charset.original
    fresh = shared(original)
    expected = _programs(patterns, original)
    assert _programs(patterns, fresh) == expected
    assert _programs(patterns, fresh) == expected  # again, every class now answered from memory


def test_repeated_classes_are_worked_out_once():
    original = COMPILER._optimize_charset.original
    calls: list[object] = []

    def counting(charset, iscased=None, fixup=None, fixes=None):
        calls.append(charset)
        return original(charset, iscased, fixup, fixes)

    patterns = [("[^。！？]{2,8}讲话", 0), ("^[^。！？]+$", 0), ("(?:[^。！？]|你)好", 0)]
    expected = _programs(patterns, original)
    assert _programs(patterns, shared(counting)) == expected
    assert len(calls) < len(patterns)  # [^。！？] once, however many patterns hold it
