"""The one registry of output formats: name, suffix, media type, text or binary, writer.

`render`, `batch` and the CLI's help all read this table, so adding a format (the web page's
HTML preview, say) is one entry here plus its writer.  Writers are named as "module:function"
and imported only when used: the DOCX writer's imports are not needed for a text preview.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OutputFormat:
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


def format_names(allowed: tuple[str, ...] = FORMATS) -> str:
    """The choices as help text shows them: docx、txt、md、pdf."""
    return "、".join(allowed)
