"""The Jinja sandbox a template runs in, with caps on the work one render may do.

jinja2's sandbox refuses a single `range()` over 100 000 items (jinja2.sandbox.MAX_RANGE) but
not loops nested inside each other (1 000 × 1 000 × 1 000 ran for hours) nor `"字" * 10**9`
(a gigabyte of text): a custom template from a colleague must not hang a writer's computer.
Imported only when a template is rendered (jinja2 costs ~50 ms to import).
"""

from __future__ import annotations

from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range

# Items all range() calls of one render may create together: the built-in templates use a few
# dozen; a million is far beyond any speech and still well under a second.
MAX_LOOP_ITEMS = 1_000_000
# Characters (or list items) one `*` may make, and the largest exponent `**` may take.
MAX_PRODUCT = 1_000_000
MAX_EXPONENT = 1_000


class TooMuchWork(OverflowError):
    """A template asked for more work than the caps above; the message is for the writer."""


class RangeBudget:
    """`range()` for one render, counting every item the render's loops create."""

    def __init__(self) -> None:
        self.left = MAX_LOOP_ITEMS

    def __call__(self, *args: int) -> range:
        items = safe_range(*args)  # raises OverflowError past MAX_RANGE for one call
        self.left -= len(items)
        if self.left < 0:
            raise TooMuchWork(f"模板中的循环过大:各层循环合计超过 {MAX_LOOP_ITEMS} 次,已停止")
        return items


class BudgetedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with `*` and `**` capped (see MAX_PRODUCT, MAX_EXPONENT)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (isinstance(seq, str | list | tuple) and isinstance(times, int)
                        and len(seq) * times > MAX_PRODUCT):
                    raise TooMuchWork(f"模板中的重复(*)过大:结果超过 {MAX_PRODUCT} 个字,已停止")
        if (operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT
                and isinstance(left, int | float) and abs(left) > 1):
            raise TooMuchWork(f"模板中的乘方(**)过大:指数超过 {MAX_EXPONENT},已停止")
        return super().call_binop(context, operator, left, right)
