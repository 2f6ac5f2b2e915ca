"""Reading a user's file: one set of limits, one way to guess the encoding, one wording.

Every input a user names (outline, draft, page, spreadsheet head, profile, `--map` file,
template declaration, Word document) is opened through here, so a missing file, a folder, a
locked file, a binary file or a file far too large is told the same way whichever command
met it.  Text comes as Windows and Word save it: UTF-8 with or without BOM, GB18030 (GBK is a
subset) and UTF-16 with BOM (Notepad's "Unicode").  Zip-based documents (.docx, .xlsx) are
checked before they are opened: no member may inflate beyond a cap, so a small crafted file
cannot take gigabytes of memory.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable, Iterator
from contextlib import suppress
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, Problem

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

#: Size caps in bytes, by what the file should be.  A long speech outline is ~50 KB, a page of
#: speeches ~200 KB; anything near these caps is the wrong file.
MAX_OUTLINE = 1_000_000
MAX_DRAFT = 5_000_000
MAX_PAGE = 20_000_000
#: A spreadsheet is streamed row by row, so its cap is about disk, not memory.
MAX_SHEET = 2_000_000_000
#: A zip member read (word/document.xml, styles, an image): a 300-page speech's document.xml
#: is ~3 MB, a photo ~10 MB.  A 2 MB crafted .docx inflated past 4 GB before this cap.
MAX_ZIP_MEMBER = 64_000_000
MAX_ZIP_TOTAL = 256_000_000

_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f}".removesuffix(".0")


def too_big(size: int, limit: int) -> str:
    return (f"文件过大({_megabytes(size)} MB),超过 {_megabytes(limit)} MB 的上限;"
            "请检查是否选错了文件")


def read_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    """The file's bytes; InputError worded for people when it cannot or should not be read."""
    return read_head(path, None, limit)


def read_head(path: str | os.PathLike[str], count: int | None, limit: int) -> bytes:
    """The first `count` bytes (all when None) of a file no larger than `limit`."""
    file = Path(path)
    name = str(file)
    try:
        if file.is_dir():
            raise InputError(Problem("这是一个文件夹,不是文件", name))
        size = file.stat().st_size
        if size > limit:
            raise InputError(Problem(too_big(size, limit), name))
        with file.open("rb") as handle:
            return handle.read() if count is None else handle.read(count)
    except FileNotFoundError:
        raise InputError(Problem("找不到这个文件,请检查路径和文件名", name)) from None
    except PermissionError:
        raise InputError(Problem("没有读取这个文件的权限(是否正在其他程序中打开?)",
                                 name)) from None
    except OSError as error:
        from .errors import os_reason

        raise InputError(Problem(f"无法读取这个文件:{os_reason(error)}", name)) from None


def binary_file(name: str, expected: str, head: bytes = b"") -> InputError:
    """The refusal of a binary file where text was expected, naming what was expected and,
    for a Word or Excel package, what it is: a .docx given where an outline was expected was
    only "not a text file" (a tester)."""
    what = ("这是 Word、Excel 或 WPS 文件,不是文本文件" if head.startswith(_PACKAGES)
            else "这不是文本文件(含有二进制内容)")
    return InputError(Problem(f"{what},请提供 {expected}", name))


def text_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark announces, None without one."""
    return next((encoding for bom, encoding in _BOMS if head.startswith(bom)), None)


def encoding_of(chunks: Iterable[bytes], name: str, expected: str = "文本文件") -> str:
    """The codec a user's text is in: a byte-order mark decides (Excel's "Unicode 文本" is
    UTF-16 with one); else UTF-8 when every byte decodes as UTF-8, else GB18030 (a superset
    of GBK, what Chinese Windows saves as "ANSI"), or Big5 (cp950) when the start reads as
    ordinary Chinese only that way.  NUL bytes without a mark, or a start that reads as
    `looks_binary`, mean a binary file (a picture, a .doc renamed) and are refused, naming
    what was expected.  `chunks`
    are read in turn, so a large CSV is checked without being held whole."""
    return _sniff(chunks, name, expected, keep=False)[0]


def _sniff(chunks: Iterable[bytes], name: str, expected: str,
           keep: bool) -> tuple[str, str | None]:
    """(codec, text): the text is what the UTF-8 check decoded, kept when `keep` asks, so a
    file held whole is not decoded twice (0.85 ms of every mining run over the corpus)."""
    stream = iter(chunks)
    first = next(stream, b"")
    announced = text_encoding(first[:4])
    if announced is not None:
        return announced, None
    if looks_binary(first[:_SNIFF]):
        raise binary_file(name, expected, first[:8])
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    parts: list[str] | None = [] if keep else None
    for chunk in chain((first,), stream):
        if b"\x00" in chunk:
            raise binary_file(name, expected)
        if utf8:
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError:
                utf8, parts = False, None
                continue
            if parts is not None:
                parts.append(text)
    if utf8:
        try:
            decoder.decode(b"", final=True)
            return "utf-8", None if parts is None else "".join(parts)
        except UnicodeDecodeError:
            pass
    return ("cp950" if _reads_as_big5(first) else "gb18030"), None


#: How much of a file's start `looks_binary` reads.
_SNIFF = 65_536
#: The first bytes of the pre-2007 binary formats (.doc, .xls, .wps, .et): an OLE2 compound file.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Zip (.docx, .xlsx) and OLE2 packages: binary whatever bytes follow.
_PACKAGES = (b"PK\x03\x04", OLE_MAGIC)
#: C0 control bytes no text editor writes.  Left out: tab, line feed, carriage return, the
#: vertical tab and form feed Word's line and page breaks become when copied, the DOS end-of-
#: file mark (0x1A) and escape (0x1B, colour codes in a pasted log).
_CONTROL = frozenset(range(0x01, 0x09)) | frozenset(range(0x0E, 0x1A)) | {0x1C, 0x1D, 0x1E, 0x1F}


def looks_binary(head: bytes) -> bool:
    """Whether a file's start is a package or carries control bytes no text has: at least 8
    and 1% of the bytes.  Random bytes hold ~8.6% of them (22 of 256 values) and often no NUL
    at all; such a file was told it had an odd encoding at line 1 (a tester).  One stray
    control character pasted into an outline stays a YAML message at its own line."""
    if head.startswith(_PACKAGES):
        return True
    count = sum(head.count(byte) for byte in _CONTROL)  # bytes.count: C speed on 64 KB
    return count >= 8 and count * 100 >= len(head)


#: Characters written alike in simplified and traditional script and common in any speech: a
#: text read in its own encoding is full of them, one read in the other is not.
_COMMON = frozenset("的一是在不了有人我大中上和要以作工同志年全提高加好委重之其地主力新建")


def _common_share(head: bytes, encoding: str) -> int | None:
    """How many common characters `head` holds read as `encoding`; None when it cannot be
    read so (a character cut at the chunk's end is not a fault)."""
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(head)
    except UnicodeDecodeError:
        return None
    return sum(char in _COMMON for char in text)


def _reads_as_big5(head: bytes) -> bool:
    """Whether a file that is not UTF-8 is Big5 (a Taiwan or Hong Kong page, a traditional-
    script document saved on Windows as "ANSI"), not GB18030: both decode almost any bytes, so
    the one whose reading is ordinary Chinese wins.  GB18030 read a Big5 page as "郡竒蕾穦某量杠"
    and the page was silently empty (a tester who never saw the code)."""
    big5 = _common_share(head, "cp950")
    return big5 is not None and big5 >= 3 and big5 > 2 * (_common_share(head, "gb18030") or 0)


def decode(raw: bytes, name: str, expected: str = "文本文件") -> str:
    """Text from bytes in the codec `encoding_of` finds (its refusals apply)."""
    encoding, text = _sniff((raw,), name, expected, keep=True)
    if text is not None:
        return text
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        if text_encoding(raw[:4]) is None:  # bytes that are neither UTF-8 nor GB18030
            raise InputError(Problem(
                "无法识别文件编码:从这一行起的文字不是 UTF-8(多半是从别的文件粘贴来的);"
                "请重新输入这一行,或把整个文件另存为 UTF-8", name, odd_line(raw))) from None
        raise InputError(Problem("文件开头标明了编码,但内容无法按该编码读取;"
                                 "请另存为 UTF-8", name)) from None


def odd_line(raw: bytes) -> int:
    """The line (1-based) to look at in a text whose bytes no one encoding reads: the first
    that is not UTF-8 when most lines with Chinese in them are UTF-8 (one line pasted in from
    a GBK file), else the first GB18030 cannot read.  A file saved as UTF-8 with one GBK line
    was refused with no line to look at (a tester)."""
    lines = raw.split(b"\n")
    wide = [(number, line) for number, line in enumerate(lines, 1) if not line.isascii()]
    utf8 = [number for number, line in wide if _reads(line, "utf-8")]
    odd = "utf-8" if len(utf8) * 2 >= len(wide) else "gb18030"
    return next((number for number, line in wide if not _reads(line, odd)), 1)


def _reads(line: bytes, encoding: str) -> bool:
    try:
        line.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def read_text(path: str | os.PathLike[str], limit: int, expected: str = "文本文件",
              allow_empty: bool = False) -> str:
    """A user's text file as str (see `decode`); a file with nothing but blanks is refused."""
    return text_of(read_bytes(path, limit), str(path), limit, expected, allow_empty)


def text_of(raw: bytes, name: str, limit: int, expected: str = "文本文件",
            allow_empty: bool = False) -> str:
    """The bytes of a file already in memory (a web upload) read as `read_text` reads a file
    on disk: the same size cap, encodings and refusals, so the page and the CLI agree."""
    if len(raw) > limit:
        raise InputError(Problem(too_big(len(raw), limit), name))
    text = decode(raw, name, expected)
    if not allow_empty and not text.strip():
        raise InputError(Problem("文件是空的", name))
    return text



def refuse_lock_file(path: str | os.PathLike[str]) -> None:
    """Refuse Word's, Excel's or WPS's `~$` lock file, naming the document it stands for:
    ~$表.xlsx was called a damaged workbook (a tester, round 2)."""
    if is_lock_file(path) and Path(path).is_file():
        raise InputError(Problem(f"这是 Word、Excel 或 WPS 打开文件时留下的锁定文件,不是文件本身;"
                                 f"请改用{_locked_original(Path(path))}", str(path)))


def _locked_original(lock: Path) -> str:
    """The document a lock file stands for, as a user should be told it.  Word writes "~$"
    before a short name but over the first two characters of a longer one: ~$的讲话.docx
    stands for 去年的讲话.docx, and the file "的讲话.docx" a tester was sent to look for does
    not exist.  The folder is asked; when it cannot say, the name's known end is given."""
    rest = lock.name[2:]
    with suppress(OSError):
        for candidate in sorted(lock.parent.iterdir()):
            if candidate != lock and not is_lock_file(candidate) and (
                    candidate.name == rest or candidate.name[2:] == rest):
                return f"“{candidate.name}”"
    return f"名字以“{rest}”结尾、不带 ~$ 的那个文件"


def is_lock_file(path: str | os.PathLike[str]) -> bool:
    """Word, WPS and Excel leave `~$名称.docx` beside a file they have open: not a document."""
    return Path(path).name.startswith("~$")


def check_zip(path: str | os.PathLike[str], what: str = "Word 文档(.docx)") -> None:
    """Refuse a file that is not a zip package, or whose members inflate beyond the caps.

    Python's zipfile reads no more than a member's declared size, so checking the declared
    sizes bounds what any later reader (python-docx, openpyxl) inflates.
    """
    import zipfile  # only for .docx and .xlsx; kept off the path of a YAML outline

    name = str(path)
    refuse_lock_file(path)
    if what.startswith("Word"):
        with suppress(OSError), open(path, "rb") as handle:
            if handle.read(len(OLE_MAGIC)) == OLE_MAGIC:
                raise InputError(Problem(
                    "这是旧版 Word(.doc)或 WPS(.wps)格式的文件,只是扩展名写成了 .docx;"
                    "请在 Word 或 WPS 中打开它,另存为“Word 文档(*.docx)”后再试", name))
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except FileNotFoundError:
        raise InputError(Problem("找不到这个文件,请检查路径和文件名", name)) from None
    except IsADirectoryError:
        raise InputError(Problem("这是一个文件夹,不是文件", name)) from None
    except PermissionError:
        raise InputError(Problem("没有读取这个文件的权限(是否正在其他程序中打开?)",
                                 name)) from None
    except (zipfile.BadZipFile, OSError, ValueError):
        empty = Path(path).is_file() and Path(path).stat().st_size == 0  # not "damaged" (a tester)
        raise InputError(Problem(f"文件是空的(0 字节),不是有效的 {what}" if empty else
                                 f"这不是有效的 {what}:文件已损坏,或是改了扩展名的其他文件",
                                 name)) from None
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > MAX_ZIP_MEMBER or total > MAX_ZIP_TOTAL:
            size = member.file_size if member.file_size > MAX_ZIP_MEMBER else total
            limit = MAX_ZIP_MEMBER if member.file_size > MAX_ZIP_MEMBER else MAX_ZIP_TOTAL
            raise InputError(Problem(
                f"{what}中的内容解压后达 {_megabytes(size)} MB,超过 {_megabytes(limit)} MB 的"
                "上限;文件可能已损坏或是特意构造的压缩包,未读取", name))


def open_docx(path: str | os.PathLike[str]) -> Document:
    """python-docx's Document after `check_zip`, with a Chinese message for a damaged file."""
    import docx

    check_zip(path)
    try:
        return docx.Document(str(path))
    except Exception:  # python-docx raises zip, XML and key errors for damaged files alike
        raise InputError(Problem("无法读取这个 Word 文件(不是 .docx 格式,或文件已损坏)",
                                 str(path))) from None


def docx_paragraphs(document: Document) -> list[Paragraph]:
    """Every body paragraph in reading order: those inside table cells (nested too), block
    content controls and text boxes included, a text box's after the paragraph it is anchored
    in.

    `Document.paragraphs` lists only top-level ones, yet LibreOffice's HTML→DOCX puts a whole
    web page's speech inside a table, so `mine` and `check` would find nothing; and a heading
    typed into a text box vanished without a word (a tester, round 2).  A text box is stored
    twice, as DrawingML and as a VML copy under mc:Fallback for old readers: the copy is left
    out."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    w_p = qn("w:p")
    body = document.element.body
    return [Paragraph(element, document._body) for element in body.iter(w_p)
            if not any(a.tag == _MC_FALLBACK for a in element.iterancestors())]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: Inline wrappers whose runs are the paragraph's own words, as Word shows them: a tracked
#: insertion or move (ECMA-376 §17.13.5), a smart tag (§17.5.1.9, older Word's date and number
#: tags), an inline content control (§17.5.2), a simple field's result (§17.16.19), custom XML,
#: a hyperlink, a bidirectional wrapper.  python-docx's `Paragraph.text` reads none of them
#: but the hyperlink, so "全年立项督办事项[插入]312件" read "全年立项督办事项件" (a tester,
#: round 2).  Tracked deletions (w:del, w:moveFrom) are not among them: Word shows their words
#: struck out, as gone, and the text read is the text with every revision accepted.
_RUN_CONTAINERS = frozenset(_W + tag for tag in (
    "ins", "moveTo", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml", "hyperlink",
    "dir", "bdo"))


def run_elements(paragraph: Any) -> Iterator[Any]:
    """The runs (w:r elements) of a paragraph element in reading order, those inside the
    wrappers above included, at any depth."""
    for child in paragraph:
        if child.tag == _W + "r":
            yield child
        elif child.tag in _RUN_CONTAINERS:
            yield from run_elements(child)


def run_text(run: Any) -> str:
    """A run's text: w:t, tabs as \t, breaks as \n (w:delText, a deleted run's, is not)."""
    parts = []
    for child in run:
        if child.tag == _W + "t":
            parts.append(child.text or "")
        elif child.tag == _W + "tab":
            parts.append("\t")
        elif child.tag in (_W + "br", _W + "cr"):
            parts.append("\n")
    return "".join(parts)


def paragraph_text(paragraph: Any) -> str:
    """A paragraph element's text as Word shows it with every revision accepted."""
    return "".join(run_text(run) for run in run_elements(paragraph))
