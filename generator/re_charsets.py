"""Character classes that CPython's regular-expression compiler works out once per process.

``re`` compiles patterns in Python code, and a character class holding anything beyond Latin-1
(every class of Chinese punctuation or numerals, ``[^。！？]``, ``[一二三四五六七八九十]``) is
turned into a 65,536-entry map, cut into 256 chunks and packed (``_optimize_charset`` in
``re._compiler``, ``sre_compile`` before 3.11): 0.1–0.25 ms a class, ~0.8 ms for the CJK block
``[一-鿿]``, which it fills one code point at a time.  The miner's ~400 patterns hold about
1,100 classes, most of them copies of a few dozen (``[^。！？]`` 30 times, the CJK block 13
times), and spent ~60 ms of each `speechgen mine` run building the same maps again.

``share_charsets`` makes the compiler keep each class it has worked out and hand the same result
back for an identical class.  For a case-sensitive pattern (called without ``fixup``) the
function's result depends on nothing but the class's items, and its callers only read what it
returns, so every compiled program is exactly what it would have been
(tests/test_re_charsets.py compares them); case-insensitive classes are left to the original.
Where the compiler has no such function (another Python), nothing changes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

#: The modules that hold the compiler, newest first (``sre_compile`` warns when imported on
#: 3.11 and later, so it is only tried where ``re._compiler`` does not exist).
_COMPILERS = ("re._compiler", "sre_compile")


def compiler() -> ModuleType | None:
    """The module of this Python's regular-expression compiler, or None if it is not known."""
    for name in _COMPILERS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if callable(getattr(module, "_optimize_charset", None)):
            return module
    return None


def shared(optimize: Callable[..., Any]) -> Callable[..., Any]:
    """``optimize`` (the compiler's ``_optimize_charset``) answering an identical
    case-sensitive class from what it worked out before."""
    seen: dict[tuple[Any, ...], Any] = {}

    def optimize_once(charset: Any, iscased: Any = None, fixup: Any = None,
                      fixes: Any = None) -> Any:
        if fixup is not None:
            return optimize(charset, iscased, fixup, fixes)
        key = tuple(charset)  # items are (opcode, int | (low, high) | None | category)
        found = seen.get(key)
        if found is None:
            found = seen[key] = optimize(charset, iscased, fixup, fixes)
        return found

    optimize_once.original = optimize  # type: ignore[attr-defined]
    return optimize_once


def share_charsets() -> None:
    """Make this process's regular-expression compiler work out each distinct class once
    (idempotent)."""
    module = compiler()
    if module is None:
        return
    optimize = module._optimize_charset  # type: ignore[attr-defined]  # private, found above
    if not hasattr(optimize, "original"):
        module._optimize_charset = shared(optimize)  # type: ignore[attr-defined]
