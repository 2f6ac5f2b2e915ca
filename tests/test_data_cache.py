"""The package's large YAML data (the move stock) is read from a cached copy between runs; the
copy never outlives an edit of the file, and a damaged copy is replaced, not trusted."""

from __future__ import annotations

import pytest

from generator.data_cache import load_data


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("SPEECHGEN_CACHE_DIR", str(folder))
    return folder


def test_a_second_load_reads_the_cached_copy(tmp_path, cache):
    data = tmp_path / "moves.yaml"
    data.write_text("moves:\n  opening:\n    variants:\n      - text: 下面，我讲几点意见。\n",
                    encoding="utf-8")
    first = load_data(data)
    assert len(list(cache.glob("data-*.marshal"))) == 1
    assert load_data(data) == first == {"moves": {"opening": {"variants": [
        {"text": "下面，我讲几点意见。"}]}}}


def test_an_edited_file_is_parsed_again(tmp_path, cache):
    data = tmp_path / "moves.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    assert load_data(data) == {"a": 1}
    data.write_text("a: 2\n", encoding="utf-8")
    assert load_data(data) == {"a": 2}


def test_a_damaged_copy_is_replaced(tmp_path, cache):
    data = tmp_path / "moves.yaml"
    data.write_text("a: [1, 2]\n", encoding="utf-8")
    load_data(data)
    (copy,) = cache.glob("data-*.marshal")
    copy.write_bytes(b"\x00garbage")
    assert load_data(data) == {"a": [1, 2]}
    assert load_data(data) == {"a": [1, 2]}


def test_without_a_cache_folder_the_file_is_parsed(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("SPEECHGEN_CACHE_DIR", str(blocked / "cache"))  # cannot be created
    data = tmp_path / "moves.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    assert load_data(data) == {"a": 1}


def _wordings(data):
    return {move: [v["text"] for v in entry["variants"]] for move, entry in data["moves"].items()}


def _first_wording(data):
    return {move: entry["variants"][0]["text"] for move, entry in data["moves"].items()}


def test_a_view_is_cached_as_kept_and_never_mixed_with_another(tmp_path, cache):
    """The render keeps the wordings, not their attestation records; a second view of the
    same file gets its own copy."""
    data = tmp_path / "moves.yaml"
    data.write_text("moves:\n  opening:\n    variants:\n      - text: 下面，我讲几点意见。\n"
                    "        sources: [{site: a.example}, {site: b.example}]\n"
                    "      - text: 下面，我讲三点意见。\n", encoding="utf-8")
    kept = {"opening": ["下面，我讲几点意见。", "下面，我讲三点意见。"]}
    assert load_data(data, view=_wordings) == kept
    assert load_data(data, view=_wordings) == kept  # from the copy
    assert load_data(data, view=_first_wording) == {"opening": "下面，我讲几点意见。"}
    assert load_data(data)["moves"]["opening"]["variants"][0]["sources"][1] == {
        "site": "b.example"}
    assert len(list(cache.glob("data-*.marshal"))) == 3
