"""bench/blind_generated.py: the generated side of a blind reading, as the lead runs it."""

from __future__ import annotations

import re
import sys
from collections import Counter

import yaml
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import blind_generated


def test_forty_snippets_one_per_speech_mixed_as_the_real_side(tmp_path, capsys):
    assert blind_generated.main([str(tmp_path / "gen")]) == 0
    files = sorted((tmp_path / "gen").glob("*.txt"))
    assert len(files) == 40
    for path in files:
        text = path.read_text(encoding="utf-8").strip()
        assert 60 <= len(text) <= 300 and "\n" not in text, (path.name, text)
        assert text[-1] in "。！？：", (path.name, text)  # cut at a sentence's end
    sources = yaml.safe_load((tmp_path / "gen" / "sources.yaml").read_text(encoding="utf-8"))
    assert Counter(s["move"] for s in sources) == {"opening": 23, "transition": 13, "closing": 4}
    assert len({s["facts"] for s in sources}) == 40  # no two snippets from one speech
    facts = sorted((ROOT / "bench" / "blind_facts").glob("*.yaml"))
    templates = Counter(yaml.safe_load(p.read_text(encoding="utf-8"))["模板"] for p in facts)
    assert len(templates) == 7 and min(templates.values()) >= 6, templates
    assert re.search(r"结尾写法\(全部 \d+ 组事实\):", capsys.readouterr().out)


def test_fact_sets_share_no_organiser_or_speaker():
    seen: dict[str, str] = {}
    for path in sorted((ROOT / "bench" / "blind_facts").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in ("主办单位", "讲话人"):
            value = str(data.get(key, ""))
            assert value and value not in seen, (path.name, key, value, seen.get(value))
            seen[value] = path.name
