"""The small line format Jinja templates write, parsed into the speech tree.

Templates make text, not layout: they emit one directive a line and the parser builds the tree.
Every line starts with its directive, and user values never hold a line break (fields.py
joins them), so a user's text can never be mistaken for structure.

    title: 在全市办公室工作会议上的讲话      header lines: title subtitle speaker date salutation
    [opening]                                parts: [opening] [closing] [signoff]
    | 这次会议的主要任务是,                  a paragraph in the current part or section
    + 总结去年工作,部署今年任务。            continues the previous paragraph (optional clauses;
                                             after a paragraph with no end mark, a sentence)
    ~ 刚才,…讲得都很好。                     continues it while the two stay within RUN_ON
                                             characters, else opens a new paragraph
    # {review} 一年来的主要工作               a level-1 section, optional {role,lead|line,scheme}
    ## 文秘工作严谨规范                       a level-2 section under it (up to ####)
    = 各乡镇要举一反三……                      closes the open level-1 section after its
                                             sub-points (== for level 2, …)

Blank lines are ignored.  An empty paragraph, or a section with no heading and no content,
disappears, so an optional part the user left out leaves no trace.
"""

from __future__ import annotations

import re
import unicodedata

from .model import MAX_DEPTH, ROLES, Section, Speech
from .schemes import canonical_scheme

#: The longest opening paragraph a "~" line runs on in, in characters: 25 of the 29 real
#: openings that begin with their purpose (the development corpus and the stored pages, mined)
#: keep their first paragraph within 300, and the 11 that say the earlier items or the
#: announcement in that same paragraph run 141–262 characters, with one of 406.
RUN_ON = 300

#: What a line the format does not know is told, with the forms it does know (a template
#: author was told only "无法识别", a tester).
_UNKNOWN_LINE = ("无法识别(每行应以 title: speaker: date: salutation: 等表头、| + ~ # = 或"
                 " [opening] [closing] [signoff] 开头)")
_HEADER_KEYS = ("title", "subtitle", "speaker", "date", "salutation", "duration")
_SECTION = re.compile(rf"^(#{{1,{MAX_DEPTH}}})\s*(?:\{{([^}}]*)\}})?\s*(.*)$")


class MarkupError(ValueError):
    """The template produced a line the format does not know: a bug in the template."""

    def __init__(self, line_number: int, line: str, reason: str) -> None:
        super().__init__(f"模板输出第 {line_number} 行{reason}:{line[:60]}")
        self.line = line


def _apply_options(section: Section, options: str, line_number: int, line: str) -> None:
    for option in filter(None, (o.strip() for o in options.split(","))):
        if option in ROLES:
            section.role = option
        elif option in ("lead", "line"):
            section.lead = option == "lead"
        elif scheme := canonical_scheme(option):
            section.numbering = scheme
        else:
            raise MarkupError(line_number, line, f"的选项“{option}”无法识别")


def _joined(before: str, after: str) -> str:
    """A paragraph continued ("+", "~"): when it ends on no punctuation at all, the words after
    begin a sentence of their own and it gets its stop.  A user's paragraph typed without one
    ("…讲话.docx", "…×××同志") read "…×××同志下面，我讲一点意见。" (a tester); glue that goes
    on with a clause ends on its own comma or colon ("主要任务是，" + "总结…")."""
    if before and after and not unicodedata.category(before[-1]).startswith("P"):
        return f"{before}。{after}"
    return before + after


def parse_markup(text: str, template: str) -> Speech:
    speech = Speech(template=template)
    stack: list[Section] = []  # the open section at each level
    part: list[str] = speech.opening
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        head = line[0]
        if head == "|":
            part.append(line[1:].strip())
        elif head == "+":
            if not part:
                part.append("")
            part[-1] = _joined(part[-1], line[1:].strip())
        elif head == "~":
            said = line[1:].strip()
            if part and len(part[-1]) + len(said) <= RUN_ON:
                part[-1] = _joined(part[-1], said)
            else:
                part.append(said)
        elif head == "#":
            match = _SECTION.match(line)
            if not match:
                raise MarkupError(number, line, f"的标题层级超过 {MAX_DEPTH} 级")
            level = len(match[1])
            if level > len(stack) + 1:
                raise MarkupError(number, line, "的标题跳过了上一级")
            section = Section(heading=match[3].strip())
            _apply_options(section, match[2] or "", number, line)
            siblings = stack[level - 2].sections if level > 1 else speech.sections
            siblings.append(section)
            del stack[level - 1:]
            stack.append(section)
            part = section.paragraphs
        elif head == "=":
            level = len(line) - len(line.lstrip("="))
            if level > len(stack):
                raise MarkupError(number, line, "的段末段落没有所属的标题")
            part = stack[level - 1].closing
            part.append(line[level:].strip())
        elif line in ("[opening]", "[closing]", "[signoff]"):
            stack.clear()
            part = getattr(speech, line[1:-1])
        elif (key := line.partition(":")[0].strip()) in _HEADER_KEYS:
            setattr(speech, key, line.partition(":")[2].strip() or None)
        else:
            raise MarkupError(number, line, _UNKNOWN_LINE)
    _drop_empty(speech)
    return speech


def _prune(sections: list[Section]) -> list[Section]:
    kept = []
    for section in sections:
        section.paragraphs = [p for p in section.paragraphs if p]
        section.closing = [p for p in section.closing if p]
        section.sections = _prune(section.sections)
        if section.heading or section.paragraphs or section.sections or section.closing:
            kept.append(section)
    return kept


def _drop_empty(speech: Speech) -> None:
    for name in ("opening", "closing", "signoff"):
        setattr(speech, name, [p for p in getattr(speech, name) if p])
    speech.sections = _prune(speech.sections)
