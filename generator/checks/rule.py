"""A check rule and the options every rule may read.

Rules run in a fixed order, like markdown-it-py's rule lists: each is a small function of
(draft, options) in its own module, registered by name in ``pipeline.RULES``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from .draft import Draft
from .finding import Finding

if TYPE_CHECKING:
    from ..layout import Layout

#: Characters a leader reads aloud per minute.  Read speeches run slower than conversation
#: (about 250–300) and news reading: 220 字/分钟 is the usual planning figure in offices.
DEFAULT_RATE = 220


class Options(NamedTuple):
    """What a user can tune.  ``layout`` is the profile a Word draft is checked against (None:
    no layout check); ``duration`` overrides the outline's target ("15分钟")."""

    rate: int = DEFAULT_RATE
    layout: Layout | None = None
    duration: str | None = None


class Rule(NamedTuple):
    """One check.  ``content`` rules look at the words; the others at the Word formatting."""

    name: str
    ids: tuple[str, ...]
    run: Callable[[Draft, Options], Iterable[Finding]]
    content: bool = True
