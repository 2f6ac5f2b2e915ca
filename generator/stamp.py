"""A DOCX's own record that it is still exactly as speechgen wrote it.

Writing 讲话稿.docx again after editing the outline is the everyday loop, and it must not ask
for --overwrite each time; a 讲话稿.docx a person has since edited in Word or WPS must never be
replaced.  So every DOCX speechgen writes carries a digest of its own parts in a custom document
property (docProps/custom.xml, named `speechgen-digest`), and a file is "untouched" when the
digest of the parts on disk still matches the one recorded.

Why a custom property and a digest over every other part:

- Custom properties are document metadata that Word and WPS keep on save and show under
  File → Properties → Custom (ECMA-376 Part 1 §22.3 "Custom File Properties"; Microsoft Learn,
  "Set a custom property in a word processing document").  Merely opening a file writes nothing
  into it (Word keeps its lock in a separate ~$ file), so an opened-but-not-saved draft still
  matches and is replaced silently.
- Saving rewrites the package: Word and WPS set `dcterms:modified`, `cp:lastModifiedBy` and
  `cp:revision` in docProps/core.xml on every save (ECMA-376 Part 2 §11, core properties) and
  re-serialise word/document.xml.  The digest covers core.xml and every other part except
  custom.xml itself, so any save, even one that changed no word, breaks the match; should an
  editor drop the property instead, the file counts as edited too.  Both failure directions are
  the safe one: at worst a file is kept and the user asked for --overwrite.

The digest is of the uncompressed parts by name, so it does not depend on how the zip was
compressed, and the same input still gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CUSTOM_PART = "docProps/custom.xml"
PROPERTY = "speechgen-digest"
#: Reading a file to compare digests stops beyond this many uncompressed bytes (a speech is a
#: few hundred kB; a bomb-shaped file simply counts as not ours).
MAX_READ_BYTES = 64 * 1024 * 1024
_VALUE = re.compile(rf'name="{PROPERTY}"><vt:lpwstr>([0-9a-f]{{64}})</vt:lpwstr>')


def part_digest(name: str, data: bytes) -> bytes:
    """One part's contribution: its name and content, so renaming a part changes the digest."""
    return hashlib.sha256(name.encode("utf-8") + b"\0" + data).digest()


def combine(part_digests: Iterable[tuple[str, bytes]]) -> str:
    """The package digest from (part name, part_digest) pairs, in name order."""
    total = hashlib.sha256()
    for _name, digest in sorted(part_digests):
        total.update(digest)
    return total.hexdigest()


def custom_xml(digest: str) -> str:
    """docProps/custom.xml holding the digest as a text property."""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
            'docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
            f'name="{PROPERTY}"><vt:lpwstr>{digest}</vt:lpwstr></property></Properties>')


def recorded(source: Path | bytes) -> str | None:
    """The digest speechgen recorded when it wrote this DOCX (a file, or its bytes), whether
    or not the file was edited since: Word and WPS keep custom properties on save.  None for
    anything else.  Two drafts with the same recorded digest were written as the same bytes,
    so an edited draft whose row gives that digest again was edited by a person, not left
    behind by an edit of the sheet."""
    import io
    import zipfile

    try:
        opened = io.BytesIO(source) if isinstance(source, bytes) else source
        with zipfile.ZipFile(opened) as package:
            if package.getinfo(CUSTOM_PART).file_size > MAX_READ_BYTES:
                return None
            return _recorded_in(package)
    except (KeyError, zipfile.BadZipFile, *_UNREADABLE):
        return None


def _recorded_in(package: Any) -> str | None:
    """The digest in an open package's custom properties, or None."""
    found = _VALUE.search(package.read(CUSTOM_PART).decode("utf-8", "replace"))
    return found[1] if found else None


#: What reading a damaged or hostile package raises, besides zipfile's own BadZipFile (zipfile
#: is imported only when a package is read).
_UNREADABLE = (OSError, zlib.error, ValueError, RuntimeError, EOFError, NotImplementedError)


def is_untouched(path: Path) -> bool:
    """True when `path` is a DOCX whose parts still match the digest speechgen recorded.

    Anything else (not a zip, no property, a changed part, a part too large) is False.
    """
    import zipfile  # only when a file is to be replaced: writing needs none of it (~1 ms)

    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            if sum(info.file_size for info in infos) > MAX_READ_BYTES:
                return False
            names = [info.filename for info in infos]
            if CUSTOM_PART not in names or len(set(names)) != len(names):
                return False
            digest = _recorded_in(package)
            if digest is None:
                return False
            parts = [(name, part_digest(name, package.read(name)))
                     for name in names if name != CUSTOM_PART]
    except (zipfile.BadZipFile, *_UNREADABLE):
        return False
    return combine(parts) == digest
