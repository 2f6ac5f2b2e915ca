"""The rule list and the two entry points: ``run_checks`` for any draft, ``content_findings``
for ``speechgen render``, which warns about an outline before laying it out."""

from __future__ import annotations

from ..model import Speech
from . import (
    announced,
    dates,
    doubled,
    length,
    page_layout,
    placeholders,
    punctuation,
    sequence,
    spoken_lists,
    structure,
)
from .draft import Draft
from .finding import INFO, Finding
from .from_speech import speech_draft
from .rule import DEFAULT_RATE, Options, Rule

#: In report order: what must be filled in first, then structure, wording, length, layout.
RULES: list[Rule] = [
    placeholders.RULE,
    announced.RULE,
    sequence.RULE,
    spoken_lists.RULE,
    structure.RULE,
    punctuation.RULE,
    doubled.RULE,
    dates.RULE,
    length.RULE,
    page_layout.RULE,
]


def run_checks(doc: Draft, options: Options | None = None) -> list[Finding]:
    """Every finding of every rule, in rule order and reading order within a rule.

    The layout rule finds something only in a Word draft checked against ``options.layout``.
    """
    options = options or Options()
    return [finding for rule in RULES for finding in rule.run(doc, options)]


def content_findings(speech: Speech, *, rate: int = DEFAULT_RATE) -> list[Finding]:
    """Errors and warnings about an outline's words, for render to print before laying out:
    no length notes (render is not a review) and no layout (render makes the layout)."""
    draft, options = speech_draft(speech), Options(rate=rate)
    return [
        finding
        for rule in RULES if rule.content
        for finding in rule.run(draft, options)
        if finding.severity != INFO
    ]
