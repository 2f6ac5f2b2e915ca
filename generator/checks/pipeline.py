"""The rule list and the two entry points: ``run_checks`` for any draft, ``content_findings``
for ``speechgen render``, which warns about an outline before laying it out."""

from __future__ import annotations

from ..model import Speech
from . import announced, dates, length, placeholders, punctuation, sequence, structure
from .draft import Draft
from .finding import INFO, Finding
from .from_speech import speech_draft
from .rule import DEFAULT_RATE, Options, Rule

#: In report order: what must be filled in first, then structure, wording, length, layout.
RULES: list[Rule] = [
    placeholders.RULE,
    announced.RULE,
    sequence.RULE,
    structure.RULE,
    punctuation.RULE,
    dates.RULE,
    length.RULE,
]


def _layout_rule() -> Rule:
    """Imported on demand: only Word drafts need it."""
    from . import page_layout

    return page_layout.RULE


def run_checks(doc: Draft, options: Options | None = None) -> list[Finding]:
    """Every finding of every rule, in rule order and reading order within a rule.

    The layout rule runs when the draft is a Word file and ``options.layout`` names a profile.
    """
    options = options or Options()
    rules = list(RULES)
    if doc.source == "docx" and options.layout is not None:
        rules.append(_layout_rule())
    return [finding for rule in rules for finding in rule.run(doc, options)]


def content_findings(speech: Speech, *, rate: int = DEFAULT_RATE) -> list[Finding]:
    """Errors and warnings about an outline's words (no notes, no layout), for render to print."""
    findings = run_checks(speech_draft(speech), Options(rate=rate))
    return [f for f in findings if f.severity != INFO]
