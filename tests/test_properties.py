"""Property tests of the one reader: whatever bytes or YAML a user hands over, the answer is
a speech or a Chinese SpeechgenError (exit 2), never a traceback.  Bounded by example counts,
never by time, so a busy machine cannot make them flake."""

from __future__ import annotations

import yaml
from helpers import cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import generator

SETTINGS = settings(max_examples=100, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

KEYS = st.sampled_from(["标题", "title", "正文", "sections", "小标题", "段落", "下级", "开场",
                        "日期", "template", "模板", "领起", "编号", "类型", "结尾", "x"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                    st.text(max_size=20), st.sampled_from(["2025-01-05", "是", "outline",
                                                           "work-conference", "一是"]))
TREES = st.recursive(SCALARS, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=5)), max_leaves=25)


def _speech_or_error(call) -> None:
    try:
        speech = call()
    except generator.SpeechgenError as error:
        assert error.exit_code == 2
        assert error.problems and all(p.message for p in error.problems)
        return
    assert isinstance(speech, generator.Speech)


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_as_an_outline_file(tmp_path, data):
    path = tmp_path / "提纲.yaml"
    path.write_bytes(data)
    result = cli("render", path, "-f", "txt")
    assert result.returncode in (0, 2), result.stderr
    assert "Traceback" not in result.stderr
    if result.returncode == 2:
        assert result.stderr.startswith("错误:")


@SETTINGS
@given(TREES)
def test_any_yaml_structure_loads_or_is_refused_in_chinese(tree):
    text = yaml.safe_dump(tree, allow_unicode=True)
    _speech_or_error(lambda: generator.load_speech_text(text))


@SETTINGS
@given(st.dictionaries(KEYS, TREES, max_size=6))
def test_any_mapping_loads_or_is_refused_in_chinese(mapping):
    _speech_or_error(lambda: generator.speech_from_mapping(mapping))


@SETTINGS
@given(st.text(max_size=300))
def test_any_text_as_a_profile(tmp_path, text):
    try:
        generator.load_profile(text, filename="版式.yaml")
    except generator.SpeechgenError as error:
        assert error.problems
