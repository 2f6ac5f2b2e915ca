"""One genre lexicon: the checks and the miner read the same words, so a placeholder, a title
ending or a count announcement is found by both or by neither."""

from __future__ import annotations

import pytest

from generator.checks import run_checks
from generator.checks.load import text_draft
from generator.mining.annotate import announced
from generator.mining.pipeline import mine_text

DRAFT = """在全县安全生产工作会议上的讲话
同志们：
今天召开会议，主要任务是部署安全生产工作。下面，我讲两点意见。
一、提高认识
{body}
二、狠抓落实
各地各部门要压实责任，确保各项措施落到实处。
同志们，让我们共同努力，为全县安全生产形势持续稳定而努力奋斗！
"""


def mined_flags(body: str) -> str:
    page = DRAFT.format(body=body)
    speech = mine_text(page).speeches[0].speech
    return " ".join(flag.message for flag in speech.flags if flag.code == "placeholder")


@pytest.mark.parametrize("token", [
    "20xx年", "XX同志", "xx社区", "省委书记X同志", "×××同志", "书记×同志", "**", "##", "__",
    "【待核实】", "○○年",
])
def test_a_placeholder_is_reported_by_check_and_flagged_by_the_miner(token):
    body = f"今年以来，{token}带领大家做了大量工作，成效明显。"
    findings = run_checks(text_draft(DRAFT.format(body=body)))
    quoted = [f.text for f in findings if f.id == "placeholder"]
    assert quoted and all(q in token for q in quoted), (token, quoted)
    assert "含占位符" in mined_flags(body)


def test_ordinary_text_has_no_placeholder_for_either():
    body = "今年以来，全县上下做了大量工作，X光机等设备全部更新，成效明显。"
    assert not [f for f in run_checks(text_draft(DRAFT.format(body=body)))
                if f.id == "placeholder"]
    assert mined_flags(body) == ""


@pytest.mark.parametrize(("sentence", "number"), [
    ("下面，我讲三点意见。", 3),
    ("下面，我再强调四个方面的要求。", 4),
    ("借此机会，我提出两个问题，供大家思考。", 2),
    ("下面，我讲几点意见。", None),
    ("我先讲一点意见。", None),
])
def test_check_and_miner_read_the_same_announced_count(sentence, number):
    assert announced([sentence]) == number
    draft = DRAFT.format(body="这项工作十分重要。").replace("下面，我讲两点意见。", sentence)
    counts = [f for f in run_checks(text_draft(draft)) if f.id == "announced-count"]
    # The draft has two points: a named count other than two is reported, 几 and 一 never.
    assert bool(counts) == (number is not None and number != 2)
