"""Spreadsheet files the way Excel, WPS and other programs leave them, built in the tests.

openpyxl builds the workbooks; what it cannot write is patched into the saved XML: a formula's
saved result (openpyxl writes formulas without one), an error value, and the Chinese-locale
built-in date formats that Excel and WPS store by number only.  An encrypted .xlsx and an old
.xls are OLE compound files, which openpyxl cannot make and olefile (not a dependency) would
only read, so `ole_file` lays one out by hand.
"""

from __future__ import annotations

import re
import struct
import zipfile
from pathlib import Path

from openpyxl import Workbook

TINY_YAML = """\
name: tiny
title: 测试模板
fields:
  - {key: name, label: 名称, required: true}
  - {key: day, label: 日期, type: date}
  - {key: count, label: 人数, type: number}
  - {key: note, label: 说明}
  - {key: asks, label: 要求, type: list}
"""
TINY_J2 = """\
{% extends "base.j2" %}
{% block header %}
title: 关于{{ name }}的讲话
{% endblock %}
{% block opening %}
| 日期{{ day or "未定" }},人数{{ count if count is not none else "未定" }}。
| 说明:{{ note or "无" }}。
{% for ask in asks %}
| 要求:{{ ask }}
{% endfor %}
{% endblock %}
{% block signoff %}{% endblock %}
"""


def tiny_template(folder: Path) -> Path:
    """A template of five fields, one of each kind a cell can feed; returns --template-dir."""
    (folder / "tiny").mkdir(parents=True)
    (folder / "tiny" / "template.yaml").write_text(TINY_YAML, encoding="utf-8")
    (folder / "tiny" / "speech.j2").write_text(TINY_J2, encoding="utf-8")
    return folder


def write_xlsx(path: Path, rows: list[list], formats: dict[str, str] | None = None) -> Path:
    """Rows into the first sheet; `formats` gives cells (B2) their number format code."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    for ref, code in (formats or {}).items():
        book.active[ref].number_format = code
    book.save(path)
    return path


def _rewrite(path: Path, name: str, change) -> None:
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts[name] = change(parts[name].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for part, data in parts.items():
            target.writestr(part, data)


def save_results(path: Path, results: dict[str, str]) -> None:
    """Give formula cells the result Excel saves with them (`<v>`), as after a save in Excel."""
    def change(xml: str) -> str:
        for ref, value in results.items():
            xml, count = re.subn(rf'(<c r="{ref}"[^>]*>)(<f>.*?</f>)<v\s*(?:/>|></v>)',
                                 rf"\g<1>\g<2><v>{value}</v>", xml)
            assert count == 1, ref
        return xml
    _rewrite(path, "xl/worksheets/sheet1.xml", change)


def error_value(path: Path, ref: str, error: str) -> None:
    """Turn a cell into a formula whose saved result is an error (#DIV/0!, #N/A)."""
    def change(xml: str) -> str:
        xml, count = re.subn(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)',
                             f'<c r="{ref}" t="e"><f>1/0</f><v>{error}</v></c>', xml)
        assert count == 1, ref
        return xml
    _rewrite(path, "xl/worksheets/sheet1.xml", change)


def builtin_format(path: Path, code: str, number: int) -> None:
    """Store a format the way a Chinese Excel or WPS does: by its built-in number, no code."""
    def change(xml: str) -> str:
        escaped = code.replace('"', "&quot;")
        match = re.search(rf'<numFmt numFmtId="(\d+)" formatCode="{re.escape(escaped)}"\s*/>', xml)
        assert match, xml
        xml = xml.replace(match[0], "")
        return xml.replace(f'numFmtId="{match[1]}"', f'numFmtId="{number}"')
    _rewrite(path, "xl/styles.xml", change)


# OLE compound files (MS-CFB, version 3: 512-byte sectors).

_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def _entry(name: str, kind: int, child: int = _FREE, right: int = _FREE) -> bytes:
    """A 128-byte directory entry: name, type (5 root, 2 stream), tree links, empty content."""
    encoded = (name + "\0").encode("utf-16-le")
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", _FREE, right, child) + bytes(16 + 4 + 16)
            + struct.pack("<IQ", _END, 0))


def ole_file(path: Path, streams: list[str]) -> Path:
    """A minimal compound file holding empty streams with these names.

    Sector 0 is the allocation table, sector 1 the directory (root entry and up to three
    streams, chained as right siblings); the header lists sector 0 as the only FAT sector.
    An encrypted .xlsx holds EncryptionInfo and EncryptedPackage, an .xls a Workbook stream.
    """
    assert len(streams) <= 3
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0))
    header += struct.pack("<I", 0) + struct.pack("<I", _FREE) * 108
    assert len(header) == 512
    fat = struct.pack("<II", _FAT, _END) + struct.pack("<I", _FREE) * 126
    entries = [_entry("Root Entry", 5, child=1 if streams else _FREE)]
    for index, name in enumerate(streams, 1):
        entries.append(_entry(name, 2, right=index + 1 if index < len(streams) else _FREE))
    directory = b"".join(entries).ljust(512, b"\0")
    path.write_bytes(header + fat + directory)
    return path
