"""One table of numbering schemes: every scheme the miner can emit renders, loads back as an
outline ``numbering`` and is recognised by ``speechgen check`` in the DOCX it renders to."""

from __future__ import annotations

import pytest

from generator.checks import run_checks
from generator.checks.load import load_draft
from generator.checks.markers import marker_at
from generator.docx_writer import render_docx
from generator.layout import load_layout
from generator.mining.headings.schemes import SCHEMES as MINER_RULES
from generator.mining.headings.schemes import match_at
from generator.mining.pipeline import mine_text
from generator.model import Section, Speech
from generator.outline_io import dump_outline, parse_outline
from generator.schemes import SCHEMES, canonical_scheme, marker
from generator.text_writer import render_text

MINED = sorted({rule.name for rule in MINER_RULES})
#: 一方面 has a second item and no third: 另一方面 is said once.
ITEMS = {"一方面，": 2}
FILLERS = ("加强组织领导", "完善工作机制", "强化督促检查", "严明工作纪律", "营造良好氛围")


def speech_numbered(scheme: str) -> Speech:
    """A speech whose second-level points are numbered with ``scheme`` under 一、 (under （一）
    when the points are 一、 themselves: typed text cannot nest a scheme inside itself)."""
    parent = "（一）" if scheme == "一、" else None
    items = [
        Section(heading=f"{FILLERS[i]}。", paragraphs=[f"要{FILLERS[i]}，确保各项任务落到实处。"],
                numbering=scheme)
        for i in range(ITEMS.get(scheme, 4))
    ]
    return Speech(
        title="在全县重点工作推进会议上的讲话", salutation="同志们：",
        opening=["下面，我讲两点意见。"],
        sections=[
            Section(heading="统一思想，提高认识", paragraphs=["这项工作十分重要。"],
                    numbering=parent),
            Section(heading="突出重点，狠抓落实", sections=items, numbering=parent),
        ],
        closing=["同志们，让我们团结一心，为完成全年目标任务而努力奋斗！"],
    )


def test_the_miner_emits_every_recognisable_scheme_and_nothing_else():
    assert set(MINED) == {s.name for s in SCHEMES if s.pattern}


@pytest.mark.parametrize("scheme", MINED)
def test_a_mined_scheme_loads_back_renders_and_is_recognised_by_check(scheme, tmp_path):
    speech = parse_outline(dump_outline(speech_numbered(scheme)))
    assert [s.numbering for s in speech.sections[1].sections] == [scheme] * ITEMS.get(scheme, 4)

    table = next(s for s in SCHEMES if s.name == scheme)
    text = render_text(speech)
    count = ITEMS.get(scheme, 4)
    # the last of four or more closes the list where the scheme does (首先…再次，最后，)
    markers = [marker(table.name, n, count) for n in range(1, count + 1)]
    for said in markers:
        assert f"\n{said}" in text or f"　　{said}" in text, (said, text)

    path = tmp_path / "speech.docx"
    path.write_bytes(render_docx(speech, load_layout("standard")))
    draft = load_draft(path)
    points = [p for p in draft.paras if p.marker and p.level == 2]
    assert [p.marker.rstrip("，,") for p in points] == [m.rstrip("，") for m in markers]
    assert [p.ordinal for p in points] == list(range(1, len(markers) + 1))
    findings = [f.id for f in run_checks(draft) if f.id.startswith("numbering")]
    assert findings == []


@pytest.mark.parametrize("scheme", [s for s in SCHEMES if s.pattern], ids=lambda s: s.name)
def test_renderer_miner_and_check_agree_on_each_marker(scheme):
    """What the renderer writes for items 1-5, the miner and the checks read back as the same
    scheme and number (首先 reads 第四 as the 第一， scheme continuing it)."""
    for n in range(1, 3 if scheme.name == "一方面，" else 6):
        line = scheme.render(n) + "加强组织领导，确保任务落实。"
        mined = match_at(line)
        checked = marker_at(line)
        assert mined is not None and checked is not None, line
        expected = scheme.continued_as if n > 3 and scheme.continued_as else scheme.name
        assert (mined.scheme.name, mined.ordinal) == (expected, n)
        assert (checked.scheme, checked.ordinal) == (expected, n)


@pytest.mark.parametrize(("spelling", "name"), [
    (alias, scheme.name) for scheme in SCHEMES for alias in scheme.aliases if alias
])
def test_every_alias_names_its_scheme_in_an_outline(spelling, name):
    assert canonical_scheme(spelling) == name
    outline = ("标题: 在全县工作会议上的讲话\n正文:\n  - 小标题: 抓好落实\n"
               f"    编号: '{spelling}'\n    段落: [要抓好落实。]\n")
    assert parse_outline(outline).sections[0].numbering == name


@pytest.mark.parametrize("scheme", MINED)
def test_a_page_numbered_in_a_scheme_is_mined_with_it_and_renders_the_same_markers(scheme):
    table = next(s for s in SCHEMES if s.name == scheme)
    count = ITEMS.get(scheme, 3)
    points = "".join(
        f"{table.render(n)}{FILLERS[n - 1]}。各地各部门要{FILLERS[n - 1]}，确保各项任务落到实处。\n"
        for n in range(1, count + 1)
    )
    page = ("在全县重点工作推进会议上的讲话\n同志们：\n今天召开会议，主要任务是部署全年工作。\n"
            + points + "同志们，让我们团结一心，为完成全年目标任务而努力奋斗！\n")
    speech = mine_text(page).speeches[0].speech
    assert [s.numbering for s in speech.sections] == [scheme] * count
    reloaded = parse_outline(dump_outline(speech))
    text = render_text(reloaded)
    assert all(table.render(n) + FILLERS[n - 1] in text for n in range(1, count + 1)), text


def test_a_list_of_five_or_more_is_counted_not_opened_by_first_then_next():
    """"首先…其次…再次…第四…最后" mixed two series in a lecture of five points (a reviewer,
    cr10): four are 首先，其次，再次，最后，; five or more are 第一，…第五，."""
    assert [marker("首先，", n, 4) for n in range(1, 5)] == ["首先，", "其次，", "再次，", "最后，"]
    assert [marker("首先，", n, 5) for n in range(1, 6)] == [
        "第一，", "第二，", "第三，", "第四，", "第五，"]
    assert [marker("首先，", n, 3) for n in range(1, 4)] == ["首先，", "其次，", "再次，"]
