"""Template debris a leader must never see: placeholders, unrendered template code, empty pairs.

Drafts start from old speeches and templates, whose anonymised names (×××, XX, 20xx), marks
for later (【待核实】) and empty brackets survive into the copy a leader reads aloud.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..lazy_re import LazyPattern
from ..lexicon import DRAFT_PLACEHOLDER_CHARS, PLACEHOLDERS
from .draft import Draft
from .finding import ERROR, Finding, Place
from .rule import Options, Rule

#: Every placeholder of the shared table a draft is checked for, as one alternation.
_PLACEHOLDER = LazyPattern(
    "|".join(pattern for _, pattern, in_drafts, _ in PLACEHOLDERS if in_drafts),
    needs=DRAFT_PLACEHOLDER_CHARS,
)
_TEMPLATE = LazyPattern(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{\{|\{%|\}\}|%\}", needs="{}")
_EMPTY_PAIR = LazyPattern(r"（\s*）|\(\s*\)|【\s*】|\[\s*\]|“\s*”|‘\s*’|《\s*》|〔\s*〕|「\s*」",
                          needs="（(【[“‘《〔「")


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
    for where, text in draft.margins:  # "XX县委办公室" in a header was never seen (a tester)
        for match in _PLACEHOLDER.finditer(text):
            yield Finding(
                "placeholder", ERROR,
                f"{where}里留有占位符“{match[0]}”,请换成实际内容后再送审",
                match[0], Place(section=where))


RULE = Rule("placeholders", ("placeholder", "template-syntax", "empty-brackets"), check)
