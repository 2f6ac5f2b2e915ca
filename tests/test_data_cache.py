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
