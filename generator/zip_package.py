"""A minimal zip writer for DOCX packages whose leading members never change.

zipfile recompresses every member and stamps the current time on each render; here the
unchanging parts of a package are deflated once, their local headers and central-directory
records are laid out once, and each render only deflates and appends the few parts that
differ.  Timestamps are fixed (1980-01-01 00:00, the zip epoch), so the same parts always give
the same bytes.
"""

from __future__ import annotations

import struct
import zlib
from typing import NamedTuple

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_VERSION = 20  # 2.0: deflate
_DEFLATE = 8
_TIME = 0
_DATE = (1 << 5) | 1  # 1980-01-01


class Member(NamedTuple):
    """One deflated part: its name, CRC and sizes are all the headers need."""

    name: bytes
    crc: int
    size: int
    data: bytes


def deflate(name: str, raw: bytes, level: int) -> Member:
    """Compress a part as a zip member (raw deflate stream, no zlib header)."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    data = compressor.compress(raw) + compressor.flush()
    return Member(name.encode("ascii"), zlib.crc32(raw), len(raw), data)


def _local(member: Member) -> bytes:
    return _LOCAL.pack(0x04034B50, _VERSION, 0, _DEFLATE, _TIME, _DATE, member.crc,
                       len(member.data), member.size, len(member.name), 0) + member.name


def _central(member: Member, offset: int) -> bytes:
    return _CENTRAL.pack(0x02014B50, _VERSION, _VERSION, 0, _DEFLATE, _TIME, _DATE, member.crc,
                         len(member.data), member.size, len(member.name), 0, 0, 0, 0, 0,
                         offset) + member.name


class Package:
    """Fixed leading members laid out once; ``build`` appends the members of one render."""

    def __init__(self, fixed: list[Member]) -> None:
        body: list[bytes] = []
        central: list[bytes] = []
        offset = 0
        for member in fixed:
            central.append(_central(member, offset))
            header = _local(member)
            body += (header, member.data)
            offset += len(header) + len(member.data)
        self._body = b"".join(body)
        self._central = b"".join(central)
        self._count = len(fixed)

    def build(self, tail: list[Member]) -> bytes:
        body = [self._body]
        central = [self._central]
        offset = len(self._body)
        for member in tail:
            central.append(_central(member, offset))
            header = _local(member)
            body += (header, member.data)
            offset += len(header) + len(member.data)
        directory = b"".join(central)
        count = self._count + len(tail)
        end = _END.pack(0x06054B50, 0, 0, count, count, len(directory), offset, 0)
        return b"".join(body) + directory + end
