"""Draft checks (`speechgen check`): what a careful 办公室 reviewer looks for before a draft
goes to the leader — leftover placeholders, counts that no longer match, broken numbering,
a missing frame, punctuation, length and speaking time, and the Word layout.

Each rule lives in its own module and is listed in ``pipeline.RULES``.
"""

from .draft import Draft, Para
from .finding import ERROR, INFO, WARNING, Finding, Place
from .pipeline import content_findings, run_checks
from .rule import DEFAULT_RATE, Options

__all__ = [
    "DEFAULT_RATE",
    "ERROR",
    "INFO",
    "WARNING",
    "Draft",
    "Finding",
    "Options",
    "Para",
    "Place",
    "content_findings",
    "run_checks",
]
