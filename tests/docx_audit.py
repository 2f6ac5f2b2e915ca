"""The one gate every DOCX a test writes goes through.

openxml-audit is a pure-Python port of Microsoft's Open XML SDK validator; with its
Microsoft 365 rules it reports what Word's own validator reports.  ``strict=False`` drops its
extra rule that a document must have a theme part: Word does not require one, and this
project leaves it out on purpose (WPS warns about theme fonts it lacks).

What counts as an error is what the SDK calls one: openxml-audit reports a misplaced element
as a *warning* of the SDK class (the SDK itself: an error), so every finding of the SDK and
package classes counts, whatever its severity.  Its own "app compatibility" warnings (Word
repair heuristics the SDK does not have, such as python-docx's stale stylesWithEffects part in
a re-saved draft) are reported only with ``app_warnings=True``.  The validator does not parse
every part (the font table, for one), so every XML part must also be well-formed.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

#: Files audited in this test session (printed in pytest's summary by conftest).
AUDITED: list[str] = []


@cache
def _validator():
    from openxml_audit import FileFormat, OpenXmlValidator

    return OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, strict=False)


def audit_docx(source: Path | bytes, scratch: Path | None = None,
               app_warnings: bool = False) -> list[str]:
    """Every error in a DOCX file (or its bytes), as "part: description"; [] when sound."""
    if isinstance(source, bytes):
        if scratch is None:
            raise ValueError("bytes need a scratch folder to be written to")
        path = scratch / "audited.docx"
        path.write_bytes(source)
        data = source
    else:
        path, data = Path(source), Path(source).read_bytes()
    AUDITED.append(str(source)[-60:] if not isinstance(source, bytes) else "<bytes>")
    problems = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                try:
                    etree.fromstring(package.read(name))
                except etree.XMLSyntaxError as error:
                    problems.append(f"{name}: not well-formed XML: {error}")
    from openxml_audit import ValidationSeverity

    result = _validator().validate(str(path))
    problems += [
        f"{error.part_uri}: {error.severity.value}: {error.description}"
        for error in result.errors
        if app_warnings or error.severity == ValidationSeverity.ERROR
        or not error.source_class.value.endswith("app_compat")
    ]
    return problems


def assert_valid_docx(*sources: Path | bytes, scratch: Path | None = None,
                      app_warnings: bool = False) -> None:
    """Fail with every problem of every file named."""
    found = {str(source)[-80:] if not isinstance(source, bytes) else f"<bytes {i}>":
             audit_docx(source, scratch, app_warnings) for i, source in enumerate(sources)}
    bad = {name: problems for name, problems in found.items() if problems}
    assert not bad, bad
