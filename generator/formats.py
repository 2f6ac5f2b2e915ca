"""The one registry of output formats: name, suffix, media type, text or binary, writer.

`render`, `batch` and the CLI's help all read this table, so adding a format (the web page's
HTML preview, say) is one entry here plus its writer.  Writers are named as "module:function"
and imported only when used: the DOCX writer's imports are not needed for a text preview.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import NamedTuple


class OutputFormat(NamedTuple):
    """One output format.  `writer` is "module:function" with the signature
    (speech, layout, warn) -> bytes; None for formats made from another one (PDF from DOCX).
    `per_file`: can be made one speech at a time without an external program (batch can)."""

    name: str
    label: str  # what help and messages call it
    suffix: str
    media_type: str
    binary: bool
    writer: str | None
    per_file: bool = True
    uses_layout: bool = True  # a text preview ignores the layout, so a bad profile is not read


REGISTRY: dict[str, OutputFormat] = {
    spec.name: spec for spec in (
        OutputFormat("docx", "Word 文档(GB/T 9704 版式)", ".docx",
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     True, "generator.writers:docx_bytes"),
        OutputFormat("txt", "纯文本", ".txt", "text/plain; charset=utf-8", False,
                     "generator.writers:text_bytes", uses_layout=False),
        OutputFormat("md", "Markdown", ".md", "text/markdown; charset=utf-8", False,
                     "generator.writers:markdown_bytes", uses_layout=False),
        OutputFormat("pdf", "PDF(需要 LibreOffice)", ".pdf", "application/pdf", True, None,
                     per_file=False),
        # The web page's preview writer; as a file, a page any browser opens.
        OutputFormat("html", "网页(HTML)", ".html", "text/html; charset=utf-8", False,
                     "generator.writers:html_bytes", uses_layout=False),
    )
}

FORMATS: tuple[str, ...] = tuple(REGISTRY)
#: What `batch` can write: formats made one file at a time by a writer of our own.
BATCH_FORMATS: tuple[str, ...] = tuple(name for name, spec in REGISTRY.items()
                                       if spec.per_file)


def get_format(name: str, allowed: tuple[str, ...] = FORMATS,
               what: str = "输出格式") -> OutputFormat:
    """The format called `name`; InputError naming the choices otherwise."""
    from .errors import InputError

    if name not in allowed:
        raise InputError(f"不支持的{what}“{name}”,可选:{'、'.join(allowed)}")
    return REGISTRY[name]


def output_placement() -> str:
    """Where `render` puts each format when no -o is given, as help says it: a binary next to
    its input, text on the screen (the help had listed txt/md and left html out, a new user's
    trial)."""
    files = "/".join(n for n, spec in REGISTRY.items() if spec.binary)
    screen = "/".join(n for n, spec in REGISTRY.items() if not spec.binary)
    return f"{files} 存在输入文件旁,{screen} 显示在屏幕上"


def format_names(allowed: tuple[str, ...] = FORMATS) -> str:
    """The choices as help text shows them: docx、txt、md、pdf."""
    return "、".join(allowed)


def format_for_suffix(suffix: str, allowed: tuple[str, ...] = FORMATS) -> str | None:
    """The format a file extension (".DOCX", ".md") names, None when none of `allowed` does."""
    return next((name for name in allowed if REGISTRY[name].suffix == suffix.lower()), None)


def choose_format(fmt: str, output: PurePath | None, allowed: tuple[str, ...] = FORMATS) -> str:
    """The output format from --format and the output file's extension.

    Without --format the extension decides (a .txt gets text, never DOCX bytes); when both are
    given they must agree; a file name without an extension takes --format, or DOCX.
    InputError says which disagrees.
    """
    from .errors import InputError, Problem

    suffix = output.suffix if output is not None else ""
    named = format_for_suffix(suffix, allowed) if suffix else None
    if fmt:
        spec = get_format(fmt, allowed)
        if suffix and named != spec.name:
            raise InputError(Problem(
                f"输出格式 --format {spec.name} 与文件扩展名“{suffix}”不符;{spec.label}文件应以"
                f" {spec.suffix} 结尾:请改文件名,或去掉 --format 让扩展名决定", str(output)))
        return spec.name
    if suffix and named is None:
        choices = "、".join(REGISTRY[name].suffix for name in allowed)
        raise InputError(Problem(f"无法由扩展名“{suffix}”确定输出格式,可用的扩展名:{choices}"
                                 "(或用 --format 指定格式)", str(output)))
    return named or "docx"
