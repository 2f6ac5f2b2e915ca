"""Template debris a leader must never see: placeholders, unrendered template code, empty pairs.

Drafts start from old speeches and templates, whose anonymised names (×××, XX, 20xx), marks
for later (【待核实】) and empty brackets survive into the copy a leader reads aloud.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .draft import Draft
from .finding import ERROR, Finding
from .rule import Options, Rule

_CJK = r"\u4e00-\u9fff"

_PLACEHOLDER = re.compile(
    "|".join((
        r"[12]\d[xX]{2}",  # 20xx年
        r"(?<![A-Za-z])(?:X{2,}|x{2,})(?![A-Za-z])",  # XX同志, xx社区
        rf"(?<=[{_CJK}])[XＸ](?=[{_CJK}])(?!光|射线)",  # X月X日, 省委书记X同志; not X光
        r"[×✕]{2,}",  # ×××同志
        rf"(?<=[{_CJK}])×(?=[{_CJK}])",
        r"[*＊]{2,}",
        r"[#＃]{2,}",
        r"[_＿]{2,}",
        r"[【\[〔]待[^】\]〕]{1,8}[】\]〕]",  # 【待核实】【待补充】
        r"[○〇]{2,}(?=[年月日])",
    ))
)
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{\{|\{%|\}\}|%\}")
_EMPTY_PAIR = re.compile(r"（\s*）|\(\s*\)|【\s*】|\[\s*\]|“\s*”|‘\s*’|《\s*》|〔\s*〕|「\s*」")


def check(draft: Draft, options: Options) -> Iterator[Finding]:
    """Every occurrence is reported: each one is a spot the user must visit."""
    for para in draft.paras:
        text = para.text
        for match in _PLACEHOLDER.finditer(text):
            yield Finding(
                "placeholder", ERROR,
                f"留有占位符“{match[0]}”,请换成实际内容后再送审",
                match[0], para.place(match.start()),
            )
        for match in _TEMPLATE.finditer(text):
            yield Finding(
                "template-syntax", ERROR,
                "留有未渲染的模板代码,请检查模板字段是否都已填写",
                match[0], para.place(match.start()),
            )
        for match in _EMPTY_PAIR.finditer(text):
            yield Finding(
                "empty-brackets", ERROR,
                f"“{match[0]}”中间是空的,可能漏填了内容",
                match[0], para.place(match.start()),
            )


RULE = Rule("placeholders", ("placeholder", "template-syntax", "empty-brackets"), check)
