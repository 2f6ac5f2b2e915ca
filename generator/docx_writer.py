"""The speech tree laid out as a DOCX per GB/T 9704-2012 (or any layout profile).

Speed and reproducibility shape this module.  Everything that depends only on the layout —
styles, settings, footers, font table, relationships, and the XML that opens each kind of
paragraph — is built and deflated once per layout and cached; a render only joins strings for
``word/document.xml`` and appends it to the cached zip.  Formatting is written explicitly on
every paragraph and run as well as in the styles, because several checkers and converters do
not resolve style inheritance.  Fixed timestamps, properties and ids give the same bytes for
the same input.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache
from string import Template
from typing import NamedTuple

from .blocks import Block, blocks
from .fonts import charset, facts, fallback_fonts, rare_runs
from .layout import MM_PER_PT, TWIPS_PER_MM, Layout, TextStyle
from .model import Speech
from .resources import package_file
from .stamp import CUSTOM_PART, combine, custom_xml, part_digest
from .title_lines import balance_title
from .zip_package import Member, Package, deflate

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

#: Block kind → paragraph style id in styles.xml.
_STYLE_IDS = {
    "title": "Title", "subtitle": "Subtitle", "speaker": "Speaker", "date": "Date",
    "salutation": "Salutation", "body": "Normal", "signoff": "Signoff",
    "heading1": "Heading1", "heading2": "Heading2", "heading3": "Heading3", "heading4": "Heading4",
}
_LEVELS = {f"heading{n}": n for n in range(1, 5)}
_TITLE_BLOCK = frozenset(("title", "subtitle", "speaker", "date"))
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}
_KIND_NAMES = {
    "title": "标题", "subtitle": "副标题", "speaker": "讲话人", "date": "日期",
    "salutation": "称呼", "body": "正文", "heading": "小标题", "lead": "小标题段落",
    "signoff": "结束语",
}

# Characters XML 1.0 forbids (C0 controls other than tab/newline/CR, lone surrogates, FFFE/F).
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_T_OPEN = '<w:t xml:space="preserve">'
_T_CLOSE = "</w:t>"
_RUN_BREAK = {"\n": f"{_T_CLOSE}<w:br/>{_T_OPEN}", "\t": f"{_T_CLOSE}<w:tab/>{_T_OPEN}"}
_CLOSE = "</w:t></w:r></w:p>"
#: Hanging punctuation, written out although it is the default.  ISO/IEC 29500-1 §17.3.1.21:
#: omitting overflowPunct "sets its value to true", so Word (and any reader that follows the
#: standard) lays the paragraph out exactly as without it: a full-width mark after a full line
#: hangs in the margin.  LibreOffice 7.4 does not: with the element omitted it drops such a
#: mark from justified lines altogether (25 marks in the nine examples' PDFs); with it written
#: out it keeps the mark, carrying the last character down with it.
_OVERFLOW_PUNCT = '<w:overflowPunct w:val="1"/>'


def _part(name: str) -> str:
    return package_file("docx_parts", name).read_text(encoding="utf-8")


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape(text: str) -> str:
    """Text for inside a run's w:t: escaped, line breaks and tabs as their own elements."""
    text = _xml_text(text)
    if "\n" in text or "\t" in text or "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = re.sub("[\n\t]", lambda m: _RUN_BREAK[m[0]], text)
    return text


def _rpr(style: TextStyle, spacing: int) -> str:
    """Run properties in schema order: fonts, bold, character spacing, size."""
    latin = _attr(style.latin)
    fonts = (f'<w:rFonts w:ascii="{latin}" w:eastAsia="{_attr(style.font)}" w:hAnsi="{latin}" '
             f'w:cs="{latin}" w:hint="eastAsia"/>')
    bold = "<w:b/><w:bCs/>" if style.bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    space = f'<w:spacing w:val="{spacing}"/>' if spacing else ""
    half_points = round(style.size * 2)
    return f'{fonts}{bold}{space}<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def _ppr(style: TextStyle, layout: Layout, before: int, level: int) -> str:
    """Paragraph properties without pStyle and rPr, in schema order.

    Type larger than the body's (the title) does not snap to the line grid: LibreOffice would
    give each of its lines two grid rows; the exact line spacing keeps it on the pitch anyway.
    A heading keeps with the next paragraph and keeps its own lines together, so no page ends
    on a heading or on half of one.  Widow control follows the layout's grid: off for GB/T
    9704's 22 lines on every page, on for the 大字版, where a lead paragraph's first line
    alone at a page foot split "（四）坚持推动党建和业务深度融｜合。" across the turn (a tester).
    """
    keep = "<w:keepNext/><w:keepLines/>" if level else ""
    widows = '<w:widowControl/>' if layout.grid.widow_control else '<w:widowControl w:val="0"/>'
    snap = '<w:snapToGrid w:val="0"/>' if style.size > layout.body.size else ""
    chars = round(style.indent * 100)
    first = round(style.indent * style.size * 20)
    outline = f'<w:outlineLvl w:val="{level - 1}"/>' if level else ""
    return (f'{keep}{widows}{_OVERFLOW_PUNCT}<w:autoSpaceDE w:val="0"/>'
            f'<w:autoSpaceDN w:val="0"/>{snap}<w:spacing w:before="{before}" w:after="0" '
            f'w:line="{layout.line_pitch_twips}" w:lineRule="exact"/><w:ind '
            f'w:firstLineChars="{chars}" w:firstLine="{first}"/><w:jc w:val="{_JC[style.align]}"/>'
            f'{outline}')


class _Compiled(NamedTuple):
    """Everything about a layout that does not depend on the speech."""

    package: Package
    digests: tuple[tuple[str, bytes], ...]  # the fixed parts' stamp.part_digest
    core: Template
    head: str
    tail: str
    opens: dict[tuple[str, bool], str]  # (paragraph key, after title block) → XML up to text
    lead_mid: str  # XML between a lead paragraph's heading run and its body run
    title_chars: int
    runs: dict[str, tuple[str, str]]  # style key → (run properties, East Asian font)


def _paragraph_start(style_id: str, ppr: str, mark_rpr: str, run_rpr: str) -> str:
    """A paragraph's XML up to its first text: properties on the paragraph, mark and run."""
    return (f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{ppr}<w:rPr>{mark_rpr}</w:rPr></w:pPr>'
            f"<w:r><w:rPr>{run_rpr}</w:rPr>{_T_OPEN}")


def _twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def _section_properties(layout: Layout) -> str:
    """Page size, margins, footers and the line grid; the footer sits ``gap`` below the 版心."""
    page, margins = layout.page_number, layout.margins
    footer = _twips(margins.bottom - page.gap - page.size * MM_PER_PT)
    return (
        '<w:sectPr><w:footerReference w:type="even" r:id="rId5"/>'
        '<w:footerReference w:type="default" r:id="rId4"/>'
        f'<w:pgSz w:w="{_twips(layout.paper.width)}" w:h="{_twips(layout.paper.height)}"/>'
        f'<w:pgMar w:top="{_twips(margins.top)}" w:right="{_twips(margins.right)}" '
        f'w:bottom="{_twips(margins.bottom)}" w:left="{_twips(margins.left)}" '
        f'w:header="851" w:footer="{footer}" w:gutter="0"/>'
        '<w:pgNumType w:start="1"/><w:cols w:space="425"/>'
        f'<w:docGrid w:type="lines" w:linePitch="{layout.line_pitch_twips}"/></w:sectPr>')


def _number_rpr(layout: Layout) -> str:
    page = layout.page_number
    return _rpr(TextStyle(page.font, page.latin, page.size, False, "left", 0), 0)


def _footers(layout: Layout) -> list[tuple[str, str]]:
    """Odd pages: number on the right; even pages: on the left; one character in from the edge."""
    page = layout.page_number
    before, after = page.format.split("{page}")
    footers = []
    for name, side, sample in (("word/footer1.xml", "right", "1"),
                               ("word/footer2.xml", "left", "2")):
        indent = (f'<w:ind w:{side}Chars="{round(page.indent * 100)}" '
                  f'w:{side}="{round(page.indent * page.size * 20)}" w:firstLineChars="0" '
                  'w:firstLine="0"/>')
        footers.append((name, Template(_part("footer.xml")).substitute(
            line=round(page.size * 20), indent=indent, align=side, rpr=_number_rpr(layout),
            before=_escape(before), after=_escape(after), sample=sample)))
    return footers


def _styles(layout: Layout, rprs: dict[str, str]) -> str:
    page = layout.page_number
    values = {
        "default_rpr": rprs["body"],
        "footer_ppr": (f'<w:snapToGrid w:val="0"/><w:spacing w:line="{round(page.size * 20)}" '
                       'w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/>'),
        "footer_rpr": _number_rpr(layout),
    }
    for key in _STYLE_IDS:
        values[f"{key}_ppr"] = _ppr(getattr(layout, key), layout, 0, _LEVELS.get(key, 0))
        values[f"{key}_rpr"] = rprs[key]
    return Template(_part("styles.xml")).substitute(values)


def _font_entry(name: str) -> str:
    """One w:font in schema order: altName, panose1, charset, family, pitch, sig."""
    known = facts(name)
    alt = f'<w:altName w:val="{_attr(known.alt)}"/>' if known.alt else ""
    panose = f'<w:panose1 w:val="{known.panose}"/>' if known.panose else ""
    sig = ""
    if known.sig:
        usb0, usb1, usb2, usb3, csb0, csb1 = known.sig
        sig = (f'<w:sig w:usb0="{usb0}" w:usb1="{usb1}" w:usb2="{usb2}" w:usb3="{usb3}" '
               f'w:csb0="{csb0}" w:csb1="{csb1}"/>')
    return (f'<w:font w:name="{_attr(name)}">{alt}{panose}'
            f'<w:charset w:val="{"00" if name.isascii() else "86"}"/>'
            f'<w:family w:val="{known.family}"/><w:pitch w:val="{known.pitch}"/>{sig}</w:font>')


def _font_table(layout: Layout) -> str:
    """Every font the layout names or may fall back to, with what Word needs to substitute it
    when it is missing (``generator.fonts``); Chinese names carry the GB2312 charset (86)."""
    styles = [getattr(layout, key) for key in _STYLE_IDS] + [layout.page_number]
    names = dict.fromkeys(name for style in styles for name in (style.font, style.latin))
    for name in list(names):
        if charset(name) is not None:
            names.update(dict.fromkeys(fallback_fonts(name, layout.fallback)))
    return Template(_part("font_table.xml")).substitute(
        fonts="".join(_font_entry(name) for name in names))


@lru_cache(maxsize=8)
def _compile(layout: Layout) -> _Compiled:
    pitch = layout.line_pitch_twips
    spacing = layout.char_spacing_twentieths
    rprs = {key: _rpr(getattr(layout, key), spacing) for key in _STYLE_IDS}
    opens: dict[tuple[str, bool], str] = {}
    for after_title in (False, True):
        before = pitch * layout.grid.title_gap if after_title else 0
        for key, style_id in _STYLE_IDS.items():
            ppr = _ppr(getattr(layout, key), layout, before, _LEVELS.get(key, 0))
            opens[key, after_title] = _paragraph_start(style_id, ppr, rprs[key], rprs[key])
        # A lead paragraph is a body paragraph whose first run takes its heading's font.
        body_ppr = _ppr(layout.body, layout, before, 0)
        for key, level in _LEVELS.items():
            opens[f"lead{level}", after_title] = _paragraph_start(
                "Normal", body_ppr, rprs["body"], rprs[key])
    fixed = [
        ("[Content_Types].xml", _part("content_types.xml")),
        ("_rels/.rels", _part("package_rels.xml")),
        ("docProps/app.xml", _part("app.xml")),
        ("word/_rels/document.xml.rels", _part("document_rels.xml")),
        ("word/styles.xml", _styles(layout, rprs)),
        ("word/settings.xml", Template(_part("settings.xml")).substitute(
            tab_stop=round(layout.body.size * 40))),
        ("word/fontTable.xml", _font_table(layout)),
        *_footers(layout),
    ]
    title_width = layout.text_width_pt / (layout.title.size + spacing / 20)
    return _Compiled(
        package=Package([deflate(name, text.encode("utf-8"), 9) for name, text in fixed]),
        digests=tuple((name, part_digest(name, text.encode("utf-8"))) for name, text in fixed),
        core=Template(_part("core.xml")),
        head=('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              f'<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>'),
        tail=f"{_section_properties(layout)}</w:body></w:document>",
        opens=opens,
        lead_mid=f"{_T_CLOSE}</w:r><w:r><w:rPr>{rprs['body']}</w:rPr>{_T_OPEN}",
        title_chars=max(1, math.floor(title_width)),
        runs={key: (rprs[key], getattr(layout, key).font) for key in _STYLE_IDS},
    )


def _clean(text: str, index: int, block: Block, warn: Callable[[str], None] | None) -> str:
    """Drop characters XML 1.0 forbids; Word refuses to open a file that contains them."""
    if not _INVALID.search(text):
        return text
    if warn is not None:
        where = f"第 {index} 段({_KIND_NAMES[block.kind]}“{_INVALID.sub('', block.text)[:12]}…”)"
        for match in _INVALID.finditer(text):
            warn(f"{where}含有 Word 文档不允许的不可见字符 U+{ord(match[0]):04X},已删除")
    return _INVALID.sub("", text)


class _RareCharacters:
    """Runs for the characters a run's font lacks (``generator.fonts``), and what was done."""

    def __init__(self, compiled: _Compiled, layout: Layout) -> None:
        self.runs = compiled.runs
        self.fallback = layout.fallback
        self.used: dict[tuple[str, str], dict[str, int]] = {}  # (font, fallback) → char counts

    def text(self, text: str, key: str) -> str:
        """Escaped run text; a character the font lacks closes the run, sits in a run of its
        own in the fallback font, and the run reopens with its own properties."""
        rpr, font = self.runs[key]
        pieces = rare_runs(text, font, self.fallback)
        if len(pieces) == 1 and pieces[0][1] is None:
            return _escape(text)
        reopen = f"{_T_CLOSE}</w:r><w:r><w:rPr>{rpr}</w:rPr>{_T_OPEN}"
        out = []
        for piece, other in pieces:
            if other is None:
                out.append(_escape(piece))
                continue
            counts = self.used.setdefault((font, other), {})
            for char in piece:
                counts[char] = counts.get(char, 0) + 1
            swapped = rpr.replace(f'w:eastAsia="{_attr(font)}"', f'w:eastAsia="{_attr(other)}"')
            out.append(f"{_T_CLOSE}</w:r><w:r><w:rPr>{swapped}</w:rPr>{_T_OPEN}"
                       f"{_escape(piece)}{reopen}")
        return "".join(out)

    def report(self, warn: Callable[[str], None]) -> None:
        for (font, other), counts in self.used.items():
            chars = "".join(f"“{char}”" for char in counts)
            warn(f"{chars}不在{font}的字库中(共 {sum(counts.values())} 处),已逐字改用{other}排印;"
                 f"打印前请确认电脑装有{other},或在版式文件的 fallback(生僻字)中指定字体")


def render_docx(speech: Speech, layout: Layout,
                warn: Callable[[str], None] | None = None) -> bytes:
    """The speech as DOCX bytes; every paragraph comes from ``blocks()`` like the text writer.

    ``warn`` receives a Chinese message for each character that had to be removed, and one for
    each font whose missing characters were set in a fallback font.
    """
    compiled = _compile(layout)
    opens = compiled.opens
    rare = _RareCharacters(compiled, layout)
    out = [compiled.head]
    seen_title = False
    for index, block in enumerate(blocks(speech), 1):
        kind = block.kind
        # The first paragraph after the title block opens with a blank line (title_gap).
        after_title = False
        if kind in _TITLE_BLOCK:
            seen_title = True
        else:
            after_title, seen_title = seen_title, False
        if kind == "lead":
            head = _clean(block.head, index, block, warn)
            rest = _clean(block.text[len(block.head):], index, block, warn)
            out += (opens[f"lead{block.level}", after_title],
                    rare.text(head, f"heading{block.level}"),
                    compiled.lead_mid, rare.text(rest, "body"), _CLOSE)
        else:
            key = f"heading{block.level}" if kind == "heading" else kind
            text = _clean(block.text, index, block, warn)
            if kind == "title" and "\n" not in text:
                text = "\n".join(balance_title(text, compiled.title_chars))
            out += (opens[key, after_title], rare.text(text, key), _CLOSE)
    out.append(compiled.tail)
    if warn is not None:
        rare.report(warn)
    # Level 1 deflates the document four times faster than the default for ~800 more bytes;
    # the fixed parts were compressed once, at level 9.
    document = "".join(out).encode("utf-8")
    core = compiled.core.substitute(title=_xml_text(_INVALID.sub("", speech.title))).encode("utf-8")
    # The record that this file is as speechgen wrote it (stamp.py): a digest of every part.
    digest = combine([*compiled.digests, ("word/document.xml", part_digest("word/document.xml",
                      document)), ("docProps/core.xml", part_digest("docProps/core.xml", core))])
    members: list[Member] = [deflate("word/document.xml", document, 1),
                             deflate("docProps/core.xml", core, 1),
                             deflate(CUSTOM_PART, custom_xml(digest).encode("utf-8"), 1)]
    return compiled.package.build(members)
