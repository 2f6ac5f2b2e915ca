"""Checks on outlines (the Speech tree): what ``speechgen render`` warns about, and the
examples, which must raise no false alarm."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES
from speech_factory import long_speech

from generator.checks import ERROR, INFO, WARNING, Options, content_findings, run_checks
from generator.checks.from_speech import speech_draft
from generator.checks.load import load_draft, text_draft
from generator.docx_writer import render_docx
from generator.layout import load_layout
from generator.model import Section, Speech
from generator.pipeline import load_speech
from generator.text_writer import render_text


def speech(**changes) -> Speech:
    base = {
        "title": "在全县安全生产工作会议上的讲话",
        "date": "2025年3月2日",
        "salutation": "同志们：",
        "opening": ["这次会议的主要任务是部署全年安全生产工作。下面，我讲两点意见。"],
        "sections": [
            Section(heading="认清形势", paragraphs=["当前，安全生产形势总体平稳。"]),
            Section(heading="压实责任", paragraphs=["要层层压实责任。"], sections=[
                Section(heading="压实属地责任", paragraphs=["各乡镇要守土有责。"]),
                Section(heading="压实部门责任", paragraphs=["各部门要履职尽责。"]),
            ]),
        ],
        "closing": ["同志们，让我们守牢底线，为全县高质量发展创造良好环境而努力奋斗！"],
        "signoff": ["谢谢大家！"],
        "duration": "10分钟",
    }
    return Speech(**(base | changes))


def test_clean_outline_gives_render_nothing_to_say():
    assert content_findings(speech()) == []


def test_render_gets_errors_and_warnings_but_no_notes():
    found = content_findings(speech(opening=["下面，我讲三点意见。"], salutation=None))
    assert {(f.id, f.severity) for f in found} == {
        ("announced-count", ERROR), ("no-salutation", WARNING)}
    assert all(f.severity != INFO for f in found)


def test_placeholder_in_an_outline_is_placed_by_its_point():
    sections = speech().sections
    sections[1].sections[1].paragraphs = ["各部门要于X月底前完成排查。"]
    found = content_findings(speech(sections=sections))
    assert [(f.id, f.text, f.place.section) for f in found] == [
        ("placeholder", "X", "二、（二）")]


def test_a_placeholder_in_the_front_matter_is_placed_by_its_line_kind():
    """A placeholder in the speaker line was placed in "(标题)" (a tester)."""
    found = content_findings(speech(speaker="县委书记　张XX"))
    assert [(f.id, f.place.section) for f in found] == [("placeholder", "讲话人")]


def test_empty_point_and_heading_without_text():
    sections = [Section(heading="认清形势"), Section(heading="", paragraphs=["要压实责任。"]),
                Section(heading="压实责任", paragraphs=["要层层压实责任。"])]
    found = content_findings(speech(sections=sections, opening=["下面，我讲三点意见。"]))
    assert [(f.id, f.text) for f in found] == [("empty-section", "一、认清形势"),
                                               ("empty-heading", "二、")]


def test_heading_typed_with_its_number_is_numbered_twice():
    sections = speech().sections
    sections[0].heading = "一、认清形势"
    found = content_findings(speech(sections=sections))
    assert [(f.id, f.text, f.place.section) for f in found] == [
        ("doubled-marker", "一、一、", "一、")]


def test_computed_numbering_is_never_reported():
    found = run_checks(speech_draft(long_speech()))
    assert not [f for f in found if f.id.startswith("numbering")]


def test_long_speech_fixture_is_clean():
    assert content_findings(long_speech()) == []


def test_outline_duration_is_the_target():
    found = content_findings(speech(duration="1分钟", opening=["下面，我讲两点意见。" * 30]))
    assert [f.id for f in found] == ["duration"]
    assert "超过目标1分钟" in found[0].message


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_raise_no_false_alarm(example: Path):
    found = run_checks(load_draft(example))
    assert [(f.id, f.text, f.message) for f in found if f.severity != INFO] == []


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
@pytest.mark.parametrize("layout", ["standard", "podium"])
def test_examples_as_text_and_word_read_like_the_outline(example: Path, layout: str, tmp_path):
    speech = load_speech(example)
    outline = [(p.kind, p.level, p.part) for p in speech_draft(speech).paras]
    text = text_draft(render_text(speech))
    word_file = tmp_path / "speech.docx"
    word_file.write_bytes(render_docx(speech, load_layout(layout)))
    word = load_draft(word_file)
    for draft in (text, word):
        assert [(p.kind, p.level, p.part) for p in draft.paras] == outline
        found = run_checks(draft, Options(layout=load_layout(layout)))
        assert [(f.id, f.text, f.message) for f in found if f.severity != INFO] == []


def test_there_are_examples_to_check():
    assert list(EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize(("styles", "told"), [
    (("一是", None), True),          # 一是甲 then 一、乙: two counts (a tester)
    (("一是", "一是"), False),
    (("首先，", "第一，"), False),    # 首先，其次，再次，第四，… is one list
    ((None, None), False),
])
def test_parts_of_one_level_in_different_numbering_styles_are_told(styles, told):
    parts = [Section(heading=name, paragraphs=[f"{name}的内容。"], numbering=style)
             for name, style in zip(("甲部分", "乙部分", "丙部分", "丁部分"),
                                    (*styles, *styles), strict=True)]
    found = [f for f in content_findings(speech(sections=parts)) if f.id == "numbering-mixed"]
    assert bool(found) is told and all(f.severity == WARNING for f in found)
