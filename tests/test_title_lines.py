"""Long titles break into lines of similar length without splitting numbers or punctuation."""

from __future__ import annotations

from itertools import pairwise

import pytest

from generator.title_lines import balance_title


def test_short_title_is_one_line():
    assert balance_title("在全市党建工作会议上的讲话", 20) == ["在全市党建工作会议上的讲话"]


def test_long_title_lines_are_balanced_and_break_before_ji():
    title = "在全市深入学习贯彻党的二十届三中全会精神暨推进全面从严治党工作会议上的讲话"
    assert balance_title(title, 20) == ["在全市深入学习贯彻党的二十届三中全会精神",
                                        "暨推进全面从严治党工作会议上的讲话"]


@pytest.mark.parametrize("title", [
    "在2025年全市经济工作会议暨优化营商环境大会上的讲话",
    "关于进一步加强和改进新时代机关党的建设工作的若干意见（征求意见稿）的说明",
    "在中国共产党某某市第十三届委员会第八次全体会议第二次会议上的讲话",
    "坚定信心、真抓实干，奋力谱写中国式现代化建设新篇章——在全市领导干部大会上的讲话",
])
def test_lines_fit_are_even_and_never_split_numbers_or_punctuation(title):
    lines = balance_title(title, 20)
    assert "".join(lines) == title
    assert len(lines) >= 2
    widths = [sum(0.5 if c.isascii() else 1 for c in line) for line in lines]
    assert max(widths) <= 20
    assert max(widths) - min(widths) <= 4
    for before, after in pairwise(lines):
        assert after[0] not in "，、。）》”—"
        assert before[-1] not in "（《“"
        assert not (before[-1].isdigit() and after[0].isdigit())
