"""What a check reports: one problem, where it is, the words as they stand, what to do.

A finding quotes the offending text exactly so the user can search for it in Word, and names
the place the way the user sees the draft: the section marker path and paragraph number, or
the line of a text file.
"""

from __future__ import annotations

from typing import NamedTuple

ERROR = "error"
WARNING = "warning"
INFO = "info"

#: Severity names as the human report prints them.
SEVERITY_NAMES: dict[str, str] = {ERROR: "错误", WARNING: "警告", INFO: "提示"}


class Place(NamedTuple):
    """Where a finding sits.

    ``paragraph`` counts the non-empty paragraphs of the draft from 1 (what a reader counts on
    paper); ``line`` is the source line of a text draft; ``section`` is the marker path of the
    enclosing point ("二、（一）") or the part name ("开头", "结尾", "标题") outside the points;
    ``column`` is the 1-based character offset of the quote inside the paragraph.
    """

    paragraph: int | None = None
    line: int | None = None
    section: str = ""
    column: int | None = None

    def describe(self) -> str:
        """The place in Chinese, most precise handle first."""
        parts = []
        if self.line is not None:
            parts.append(f"第{self.line}行")
        elif self.paragraph is not None:
            parts.append(f"第{self.paragraph}段")
        if self.column is not None:
            parts.append(f"第{self.column}字")
        where = "".join(parts)
        if self.section:
            return f"{where}({self.section})" if where else self.section
        return where or "全文"


class Finding(NamedTuple):
    """One problem.  ``text`` is the offending text exactly as it stands in the draft."""

    id: str
    severity: str
    message: str
    text: str = ""
    place: Place = Place()
    fixable: bool = False

    def __str__(self) -> str:
        """One line for a command to print after its own prefix (提示：/错误：)."""
        quote = f"“{self.text}”" if self.text else ""
        return f"{self.place.describe()} {quote}{self.message} [{self.id}]"

    def as_dict(self) -> dict[str, object]:
        """The JSON shape: flat, stable keys, ``None`` where a place part does not apply."""
        return {
            "id": self.id,
            "severity": self.severity,
            "message": self.message,
            "text": self.text,
            "section": self.place.section,
            "paragraph": self.place.paragraph,
            "line": self.place.line,
            "column": self.place.column,
            "fixable": self.fixable,
        }
