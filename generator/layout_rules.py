"""Checks of a layout profile's values beyond their type: what Word can store, and whether the
page holds what the profile promises.

Kept apart from ``layout`` (which reads and types the values) so that the rules can grow
without touching the schema.  Two kinds of result:

* refusals (``ValueError`` from the value checks, reported by the loader with file, line and
  key): a control character in a font name or page-number format makes XML that no program
  opens (XML 1.0 forbids U+0000–U+001F but tab, newline and CR), and Word keeps at most 31
  characters of a font name (LOGFONT's LF_FACESIZE is 32 including the terminating NUL;
  the ECMA-376 schema itself allows any string);
* warnings (``page_warnings``): an office's exact line pitch that leaves fewer lines on a page
  than ``lines_per_page`` — 22 × 29 pt is 638 pt, the 225 mm 版心 of GB/T 9704 is 637.8 pt —
  is its choice to make, so nothing is changed silently: the user is told how many lines the
  page will hold and which pitch or margin would give the number asked for.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .layout import Layout

#: Word's longest font name (LF_FACESIZE − 1).
MAX_FONT_NAME = 31

_TWIPS_PER_MM = 1440 / 25.4


def check_text(value: str) -> str:
    """``value`` unless it holds a character XML cannot carry."""
    bad = next((char for char in value if char < " " or char == "\x7f"
                or "\ud800" <= char <= "\udfff" or char in "\ufffe\uffff"), None)
    if bad is not None:
        raise ValueError(f"含有不可见的控制字符 U+{ord(bad):04X},写入后 Word 无法打开文件;"
                         "请删去(检查是否误写了 \\x07、\\t 之类的转义)")
    return value


def check_font_name(value: str) -> str:
    """A font name Word can store: printable and at most 31 characters."""
    check_text(value)
    if len(value) > MAX_FONT_NAME:
        raise ValueError(f"字体名称有 {len(value)} 个字符,Word 最多只认 {MAX_FONT_NAME} 个;"
                         "请写字体的正式名称,如 方正仿宋_GBK")
    return value


def _mm(twips: float) -> float:
    return twips / _TWIPS_PER_MM


def page_warnings(layout: Layout) -> list[str]:
    """Messages for a page that holds fewer lines than the profile asks for."""
    wanted = layout.grid.lines_per_page
    pitch = layout.line_pitch_twips
    # The writer rounds every margin to whole twips; Word fits a line while it ends inside.
    height = (round(layout.paper.height * _TWIPS_PER_MM) - round(layout.margins.top * _TWIPS_PER_MM)
              - round(layout.margins.bottom * _TWIPS_PER_MM))
    fits = height // pitch
    if fits >= wanted:
        return []
    needed = wanted * pitch - height
    best_pitch = math.floor(height / wanted) / 20
    bottom = math.floor((layout.margins.bottom - _mm(needed)) * 10) / 10
    return [
        f"{layout.shown}:行距 {pitch / 20:g} 磅时每页只能排 {fits} 行,少于设定的 {wanted} 行"
        f"(版心高 {_mm(height):.1f} 毫米,{wanted} 行需要 {_mm(wanted * pitch):.1f} 毫米)。"
        f"要排 {wanted} 行,可把行距改为 {best_pitch:g} 磅或更小,"
        f"或把下边距由 {layout.margins.bottom:g} 毫米改为 {bottom:g} 毫米;"
        f"不改则按每页 {fits} 行排版"
    ]
