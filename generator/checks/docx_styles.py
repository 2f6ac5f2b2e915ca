"""Effective run formatting of a Word file, the way Word resolves it.

A run's font and size may be set on the run, on its character style, on the paragraph's
style or any style that one is based on, in the document defaults, or only as a theme font.
A checker that reads just the run (as python-docx's ``run.font`` does) calls a default
document "no font set" and misses that it is Calibri/宋体 11 pt; this module walks the whole
chain: run → character style chain → paragraph style chain → docDefaults → theme.
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from .draft import ParaFacts, RunFacts

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
#: Word's size when nothing in the chain sets one (w:sz absent everywhere): 10 pt.
_WORD_DEFAULT_SIZE = 10.0


#: Language tag of ``w:themeFontLang/@w:eastAsia`` → the theme's script entry Word uses.
_SCRIPTS = {"zh-CN": "Hans", "zh-SG": "Hans", "zh-TW": "Hant", "zh-HK": "Hant",
            "zh-MO": "Hant", "ja-JP": "Jpan", "ko-KR": "Hang"}


def _east_asian_language(document: Document) -> str | None:
    """The document's East Asian theme language (settings ``w:themeFontLang``)."""
    element = document.settings.element.find(f"{_W}themeFontLang")
    return element.get(f"{_W}eastAsia") if element is not None else None


def _theme_fonts(document: Document) -> dict[str, str]:
    """Theme slot → typeface.  An empty ``ea`` entry means "the font of the document's East
    Asian language": python-docx's own template says ja-JP, so Word shows ＭＳ 明朝 there,
    not 宋体.  Without a language the Chinese (Hans) entry is taken."""
    script = _SCRIPTS.get(_east_asian_language(document) or "", "Hans")
    fonts: dict[str, str] = {}
    for rel in document.part.rels.values():
        if rel.reltype != RT.THEME or rel.is_external:
            continue
        root = etree.fromstring(rel.target_part.blob)
        for slot in ("major", "minor"):
            font = root.find(f".//{_A}{slot}Font")
            if font is None:
                continue
            latin = font.find(f"{_A}latin")
            ea = font.find(f"{_A}ea")
            by_script = font.find(f"{_A}font[@script='{script}']")
            if latin is not None and latin.get("typeface"):
                fonts[f"{slot}HAnsi"] = fonts[f"{slot}Ascii"] = latin.get("typeface")
            ea_face = ea.get("typeface") if ea is not None else ""
            if not ea_face and by_script is not None:
                ea_face = by_script.get("typeface")
            if ea_face:
                fonts[f"{slot}EastAsia"] = ea_face
    return fonts


_JC = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
       "both": "justify", "distribute": "justify"}


def _on(element: etree._Element | None) -> bool | None:
    """An on/off property (w:b …): None when absent."""
    if element is None:
        return None
    return element.get(f"{_W}val", "true") not in ("0", "false", "off")


class StyleChain:
    """Looks up run properties through the style inheritance of one document."""

    def __init__(self, document: Document) -> None:
        root = document.styles.element
        self._styles = {s.get(f"{_W}styleId"): s for s in root.iterfind(f"{_W}style")}
        self._default_para = next(
            (s.get(f"{_W}styleId") for s in self._styles.values()
             if s.get(f"{_W}type") == "paragraph" and s.get(f"{_W}default") in ("1", "true")),
            None,
        )
        self._defaults = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        self._para_defaults = root.find(f"{_W}docDefaults/{_W}pPrDefault/{_W}pPr")
        self._theme = _theme_fonts(document)

    def _chain(self, style_id: str | None, tag: str) -> list[etree._Element]:
        """The ``tag`` property elements of a style and every style it is based on."""
        out: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            props = style.find(f"{_W}{tag}")
            if props is not None:
                out.append(props)
            based = style.find(f"{_W}basedOn")
            style_id = based.get(f"{_W}val") if based is not None else None
        return out

    def _font(self, levels: list[etree._Element], slot: str) -> str | None:
        """A font slot (eastAsia / ascii) from the first level whose rFonts sets it; a theme
        attribute on the same element wins over the plain name, as in Word."""
        for rpr in levels:
            fonts = rpr.find(f"{_W}rFonts")
            if fonts is None:
                continue
            theme = fonts.get(f"{_W}{slot}Theme")
            if theme:
                return self._theme.get(theme)
            name = fonts.get(f"{_W}{slot}")
            if name:
                return name
        return None

    @staticmethod
    def _size(levels: list[etree._Element]) -> float:
        for rpr in levels:
            size = rpr.find(f"{_W}sz")
            if size is not None and size.get(f"{_W}val"):
                return int(size.get(f"{_W}val")) / 2
        return _WORD_DEFAULT_SIZE

    def paragraph_style(self, paragraph: etree._Element) -> str | None:
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        return style.get(f"{_W}val") if style is not None else self._default_para

    def outline_level(self, paragraph: etree._Element) -> int | None:
        """Word's outline level (0 = level 1), None for body text (level 9 or unset)."""
        direct = paragraph.find(f"{_W}pPr")
        levels = ([direct] if direct is not None else []) + self._chain(
            self.paragraph_style(paragraph), "pPr")
        for ppr in levels:
            element = ppr.find(f"{_W}outlineLvl")
            if element is not None and element.get(f"{_W}val", "").isdigit():
                value = int(element.get(f"{_W}val"))
                return value if value < 9 else None
        return None

    def run(self, paragraph: etree._Element, run: etree._Element, text: str) -> RunFacts:
        direct = run.find(f"{_W}rPr")
        levels = [direct] if direct is not None else []
        run_style = direct.find(f"{_W}rStyle") if direct is not None else None
        if run_style is not None:
            levels += self._chain(run_style.get(f"{_W}val"), "rPr")
        levels += self._chain(self.paragraph_style(paragraph), "rPr")
        if self._defaults is not None:
            levels.append(self._defaults)
        bold = next((value for rpr in levels
                     if (value := _on(rpr.find(f"{_W}b"))) is not None), False)
        hint = next((fonts.get(f"{_W}hint") for rpr in levels
                     if (fonts := rpr.find(f"{_W}rFonts")) is not None
                     and fonts.get(f"{_W}hint")), None)
        return RunFacts(
            text, self._font(levels, "eastAsia"), self._font(levels, "ascii"), self._size(levels),
            bold=bold, hinted=hint == "eastAsia",
        )

    def paragraph(self, paragraph: etree._Element) -> ParaFacts:
        """Alignment, first-line indent and line spacing after the style chain, as Word has
        them: each property (and each attribute of w:ind and w:spacing) from the nearest level
        that sets it.  Character units (firstLineChars) win over twips (firstLine)."""
        direct = paragraph.find(f"{_W}pPr")
        levels = ([direct] if direct is not None else []) + self._chain(
            self.paragraph_style(paragraph), "pPr")
        if self._para_defaults is not None:
            levels.append(self._para_defaults)

        def attribute(tag: str, name: str) -> str | None:
            for ppr in levels:
                element = ppr.find(f"{_W}{tag}")
                if element is not None and element.get(f"{_W}{name}") is not None:
                    return element.get(f"{_W}{name}")
            return None

        align = attribute("jc", "val") or "left"
        chars = attribute("ind", "firstLineChars")
        hanging = attribute("ind", "hanging")
        first = attribute("ind", "firstLine")
        size = self._size([rpr for ppr in levels if (rpr := ppr.find(f"{_W}rPr")) is not None]
                          + self._chain(self.paragraph_style(paragraph), "rPr")
                          + ([self._defaults] if self._defaults is not None else []))
        if chars is not None:
            indent: float | None = int(chars) / 100
        elif hanging is not None:
            indent = -int(hanging) / 20 / size
        elif first is not None:
            indent = int(first) / 20 / size
        else:
            indent = 0.0
        line = attribute("spacing", "line")
        return ParaFacts(
            _JC.get(align, align), indent,
            int(line) if line and line.lstrip("-").isdigit() else None,
            attribute("spacing", "lineRule") or "auto",
        )
