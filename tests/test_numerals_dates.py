"""Chinese numerals and dates come out as an office writes them."""

import datetime as dt

import pytest

from generator.dates import DateError, format_date
from generator.numerals import from_chinese, to_chinese


@pytest.mark.parametrize(("n", "text"), [
    (1, "一"), (2, "二"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"),
    (21, "二十一"), (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"),
    (1000, "一千"), (1005, "一千零五"), (2025, "二千零二十五"),
])
def test_to_chinese(n, text):
    assert to_chinese(n) == text


def test_from_chinese_reads_back_every_number_it_writes():
    for n in range(1, 10000):
        assert from_chinese(to_chinese(n)) == n


@pytest.mark.parametrize("text", ["", "一二", "abc", "十x"])
def test_from_chinese_rejects_non_numerals(text):
    assert from_chinese(text) is None


@pytest.mark.parametrize("value", [
    "2025-01-05", "2025/1/5", "2025.1.5", "2025年1月5日", "2025年01月05日", "20250105",
    "二〇二五年一月五日", "（2025年1月5日）", dt.date(2025, 1, 5), dt.datetime(2025, 1, 5, 9, 30),
    45662, 45662.0,
])
def test_dates_in_any_common_form_come_out_official(value):
    assert format_date(value) == "2025年1月5日"


def test_month_only():
    assert format_date("2025-3") == "2025年3月"


@pytest.mark.parametrize("value", ["2025-02-30", "明天", "2025-13-01", -3])
def test_impossible_dates_are_refused_with_a_chinese_message(value):
    with pytest.raises(DateError, match="日期"):
        format_date(value)
