"""What a message tells the user to do, worded for the face they are using.

A problem found deep in the library (a sheet's header names no template, a template failed)
ends with advice.  On the command line the advice is a flag (`-t`, `--map`); on the page
(`speechgen serve`) the same remedy is a control the page offers, and a flag there would only
confuse.  Each remedy is written here once for both faces; the web app reads every request
(and its batch thread) under `page_face()`, everything else gets the command line's wording.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

#: (command line, page) per remedy; `{name}` is filled in by `advice`.
_REMEDIES: dict[str, tuple[str, str]] = {
    "map": ("列名不同时可用 --map 映射文件对应",
            "列名不同时,可在选定模板后于下方“列名对应”中为每一列选择对应的字段"),
    "template": ("请用 -t 指定模板(speechgen templates 可查看模板及其列名)",
                 "请在“模板”中选定一个模板"),
    "template-tied": ("请用 -t 指定其中一个,例如 -t {name}",
                      "请在“模板”中选定其中一个"),
    "template-line": ("请在开头加一行{line},speechgen templates 可查看各模板的用途",
                      "请在开头加一行{line},或在“模板”中选定一个模板"),
    "debug": ("(加 --debug 查看详情)", ""),
    # Not a remedy but the name of what the user typed the pattern into.
    "name": ("文件名格式 --name ", "文件名格式"),
}

_ON_PAGE: ContextVar[bool] = ContextVar("speechgen_on_page", default=False)


def advice(remedy: str, **values: str) -> str:
    """The remedy's wording for the face now reading (the command line unless `page_face`)."""
    wording = _REMEDIES[remedy][1 if _ON_PAGE.get() else 0]
    return wording.format(**values)


@contextmanager
def page_face() -> Iterator[None]:
    """Word every remedy for the page while the block runs (this thread, this context)."""
    token = _ON_PAGE.set(True)
    try:
        yield
    finally:
        _ON_PAGE.reset(token)
