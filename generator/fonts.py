"""What a DOCX says about each font it names, and which font sets a character a font lacks.

Two facts about Chinese office fonts shape this module.

* The GB/T 9704 faces are often missing.  仿宋_GB2312 and 楷体_GB2312 shipped with Windows
  up to XP; newer Windows has 仿宋 and 楷体 instead, and 方正小标宋简体 comes only with a
  Founder licence.  Word and WPS pick a substitute from the font table (``word/fontTable.xml``):
  the alternate name (``w:altName``), the PANOSE class and the Unicode/code-page signature
  (``w:sig``).  Documents Word and WPS make carry all three; one that gives only the charset
  leaves the substitute to chance.  The values below are those Word and WPS write for these
  fonts (read from documents they saved); unknown fonts get an alternate name by family
  (仿宋, 楷体, 黑体, 宋体) when their name says it.
* A font named ``…_GB2312`` or Founder's ``…简体`` holds the 6,763 characters of GB 2312 and
  nothing else: 喆 堃 镕 (common in names), 䶮 (CJK Extension A) or 𠮷 (Extension B) print
  as empty boxes or in whatever face the system substitutes.  Offices set such a character
  in a font that has it, character by character.  ``rare_runs`` does the same per run: a
  character outside the run font's character set goes into a run of its own in the fallback
  font (the profile's ``fallback.font``, or by default the full-charset face of the same
  family: 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体), and a character
  beyond the Basic Multilingual Plane in ``fallback.supplementary`` (SimSun-ExtB, shipped
  with Windows since Vista).  Fonts whose character set cannot be told from the name are
  trusted to hold everything.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from .han import is_han


class Fallback(NamedTuple):
    """Fonts for characters the paragraph's East Asian font lacks (profile section fallback).
    (Named tuples, not dataclasses: a dataclass costs ~0.5 ms to create at every start.)"""

    font: str  # "auto": the same family's full-charset face; else this font for every style
    supplementary: str  # characters beyond U+FFFF (CJK Extension B and later)


class FontFacts(NamedTuple):
    """One font-table entry: what Word needs to substitute the font sensibly."""

    alt: str | None
    panose: str | None
    family: str
    pitch: str
    sig: tuple[str, str, str, str, str, str] | None  # usb0–usb3, csb0, csb1


_GB2312_SIG = ("00000001", "080E0000", "00000000", "00000000", "00040000", "00000000")
_WIN_CJK_SIG = ("800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000")

#: Font-table entries as Word and WPS write them for the fonts the built-in layouts name.
FONT_FACTS: dict[str, FontFacts] = {
    "仿宋_GB2312": FontFacts("仿宋", "02010609030101010101", "modern", "fixed", _GB2312_SIG),
    "楷体_GB2312": FontFacts("楷体", "02010609030101010101", "modern", "fixed", _GB2312_SIG),
    "方正小标宋简体": FontFacts("宋体", "03000509000000000000", "auto", "default", _GB2312_SIG),
    "黑体": FontFacts("SimHei", "02010609060101010101", "modern", "fixed", _WIN_CJK_SIG),
    "仿宋": FontFacts("FangSong", "02010609060101010101", "modern", "fixed", _WIN_CJK_SIG),
    "楷体": FontFacts("KaiTi", "02010609060101010101", "modern", "fixed", _WIN_CJK_SIG),
    "宋体": FontFacts("SimSun", "02010600030101010101", "auto", "variable",
                    ("00000003", "288F0000", "00000006", "00000000", "00040001", "00000000")),
    "Times New Roman": FontFacts(
        None, "02020603050405020304", "roman", "variable",
        ("E0002EFF", "C000785B", "00000009", "00000000", "000001FF", "00000000")),
}

#: Family words in a font's name → the face of that family every Chinese Windows has.
_FAMILIES = (("仿宋", "仿宋"), ("楷", "楷体"), ("黑", "黑体"), ("宋", "宋体"))
#: Faces whose name does not say their character set but which hold all of GBK.
_GBK_FACES = frozenset(("宋体", "黑体", "仿宋", "楷体", "微软雅黑", "SimSun", "SimHei",
                        "FangSong", "KaiTi", "Microsoft YaHei", "新宋体", "NSimSun"))
#: Fonts that also hold CJK Extension A (SimSun's GB 18030 coverage).
_EXT_A_FACES = frozenset(("宋体", "SimSun", "新宋体", "NSimSun"))


def family_face(name: str) -> str | None:
    """The system face of the family a Chinese font's name names (方正仿宋_GBK → 仿宋)."""
    for word, face in _FAMILIES:
        if word in name and name != face:
            return face
    return None


def facts(name: str) -> FontFacts:
    """The font-table entry of a font: known values, else an alternate name by family."""
    known = FONT_FACTS.get(name)
    if known is not None:
        return known
    if name.isascii():
        return FontFacts(None, None, "auto", "variable", None)
    return FontFacts(family_face(name), None, "auto", "variable", None)


@cache
def charset(name: str) -> str | None:
    """The codec whose repertoire the font holds, or None when the name does not say."""
    if name.endswith("_GB2312") or (name.startswith("方正") and name.endswith("简体")):
        return "gb2312"
    if name.endswith("_GBK") or name in _GBK_FACES:
        return "gbk"
    return None


@cache
def lacks(font: str, char: str) -> bool:
    """Whether ``font`` has no glyph for the ideograph ``char`` (by its character set)."""
    codec = charset(font)
    if codec is None or not is_han(char):
        return False
    if ord(char) > 0xFFFF:
        return True
    if 0x3400 <= ord(char) <= 0x4DBF:
        return font not in _EXT_A_FACES
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return True
    return False


def fallback_font(font: str, char: str, fallback: Fallback) -> str:
    """The font a character ``font`` lacks is set in (see the module docstring)."""
    if ord(char) > 0xFFFF:
        return fallback.supplementary
    if fallback.font != "auto":
        return fallback.font
    face = family_face(font) or "宋体"
    return face if not lacks(face, char) else "宋体"


def fallback_fonts(font: str, fallback: Fallback) -> list[str]:
    """Every font a character ``font`` lacks may be set in, for the font table."""
    first = fallback.font if fallback.font != "auto" else family_face(font) or "宋体"
    return list(dict.fromkeys((first, "宋体", fallback.supplementary)))


def rare_runs(text: str, font: str, fallback: Fallback) -> list[tuple[str, str | None]]:
    """``text`` cut into (piece, fallback font or None for the run's own font) pieces."""
    codec = charset(font)
    if codec is None:
        return [(text, None)]
    try:
        text.encode(codec)  # the common case: every character in the set, decided in C
        return [(text, None)]
    except UnicodeEncodeError:
        pass
    pieces: list[tuple[str, str | None]] = []
    for char in text:
        chosen = fallback_font(font, char, fallback) if lacks(font, char) else None
        if pieces and pieces[-1][1] == chosen:
            pieces[-1] = (pieces[-1][0] + char, chosen)
        else:
            pieces.append((char, chosen))
    return pieces
