"""The printed page, through a real LibreOffice PDF: 22 lines of 28 characters, numbered pages."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES
from speech_factory import TITLE, grid_speech, long_speech

from generator import pdf
from generator.blocks import blocks
from generator.docx_writer import render_docx
from generator.errors import InputError
from generator.layout import load_layout
from generator.pipeline import load_speech

TOOLS = ("soffice", "pdftotext", "pdfinfo", "pdffonts")
needs_tools = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS),
    reason="需要 LibreOffice(soffice)和 poppler-utils(pdftotext、pdfinfo、pdffonts)",
)
PAGE_NUMBER = re.compile(r"^\s*—\s*(\d+)\s*—\s*$")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    """Three speeches converted in one LibreOffice run, as the CLI does for a batch."""
    folder = tmp_path_factory.mktemp("pdf")
    sources = {
        "long": (long_speech(), load_layout()),
        "grid": (grid_speech(), load_layout()),
        "podium": (grid_speech(), load_layout("podium")),
        "podium-example": (load_speech(EXAMPLES / "全区党建工作会议.yaml"), load_layout("podium")),
    }
    files = []
    for name, (speech, layout) in sources.items():
        path = folder / f"{name}.docx"
        path.write_bytes(render_docx(speech, layout))
        files.append(path)
    out = folder / "out"
    made = pdf.convert_to_pdf(files, out)
    assert made == [out / f"{name}.pdf" for name in sources]
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.pdf" for name in sources)
    return dict(zip(sources, made, strict=True))


def pages(path: Path, mode: str = "-layout") -> list[str]:
    text = subprocess.run(["pdftotext", mode, str(path), "-"], capture_output=True, check=True,
                          text=True).stdout
    return text.split("\f")[:-1]


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True,
                          text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])


def text_lines(page: str) -> list[str]:
    """The page's printed lines without the page number, spaces removed."""
    return [line.replace(" ", "") for line in page.splitlines()
            if line.strip() and not PAGE_NUMBER.match(line)]


@needs_tools
def test_full_page_holds_22_lines_of_28_characters(pdfs):
    page = pages(pdfs["grid"])[1]
    lines = text_lines(page)
    assert len(lines) == 22
    # Each paragraph is 110 characters: 26 after the two-character indent, then 3 × 28.
    assert [len(line) for line in lines] == [28] * 3 + [26, 28, 28, 28] * 4 + [26, 28, 28]


@needs_tools
def test_page_count_and_page_numbers(pdfs):
    # Title, speaker, date, a blank line and the salutation take 5 lines; 30 paragraphs × 4
    # lines make 125 lines, which is 6 pages of 22 lines.
    assert page_count(pdfs["grid"]) == 6
    for path in pdfs.values():
        raw = pages(path, "-raw")
        assert len(raw) == page_count(path)
        for number, page in enumerate(raw, 1):
            assert f"— {number} —" in page


@needs_tools
def test_long_speech_text_holds_title_and_every_heading_in_order(pdfs):
    text = re.sub(r"\s", "", "".join(pages(pdfs["long"])))
    assert text.startswith(TITLE)
    position = 0
    for block in blocks(long_speech()):
        if block.kind in ("heading", "lead"):
            heading = block.head or block.text
            found = text.find(heading, position)
            assert found >= 0, heading
            position = found
    assert 8 <= page_count(pdfs["long"]) <= 10


@needs_tools
def test_podium_pages_hold_fewer_larger_lines(pdfs):
    counts = [len(text_lines(page)) for page in pages(pdfs["podium"])]
    assert max(counts) == 15
    widths = {len(line) for page in pages(pdfs["podium"])[1:-1] for line in text_lines(page)}
    assert max(widths) == 20
    assert page_count(pdfs["podium"]) > page_count(pdfs["grid"])


@needs_tools
@pytest.mark.parametrize("name", ["long", "podium-example"])
def test_no_heading_is_split_across_a_page_turn(pdfs, name):
    """The 大字版 of an example turned the page inside "（四）坚持推动党建和业务深度融｜合。",
    the first line of a lead paragraph alone at the page foot (a tester): a leader reading
    aloud must find every heading whole on one page."""
    printed = ["".join(text_lines(page)) for page in pages(pdfs[name])]
    speech = long_speech() if name == "long" else load_speech(EXAMPLES / "全区党建工作会议.yaml")
    heads = [block.head or block.text for block in blocks(speech)
             if block.kind in ("heading", "lead")]
    assert len(printed) > 3 and len(heads) > 8
    split = [head for head in heads if not any(head in page for page in printed)]
    assert split == []


@needs_tools
def test_gbt_font_names_print_in_their_free_substitutes(pdfs):
    fonts = subprocess.run(["pdffonts", str(pdfs["long"])], capture_output=True, check=True,
                           text=True).stdout
    assert "Kai" in fonts  # 楷体_GB2312 (speaker, date, level-2 headings) in a Kai face
    assert "NotoSerifCJK" in fonts and "NotoSansCJK" in fonts  # 仿宋/宋体 and 黑体


def test_missing_libreoffice_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    docx = tmp_path / "讲话.docx"
    docx.write_bytes(b"")
    with pytest.raises(InputError) as caught:
        pdf.convert_to_pdf([docx], tmp_path)
    message = str(caught.value)
    assert "apt-get install libreoffice-writer-nogui" in message
    assert "Windows" in message and "LibreOffice" in message


@pytest.mark.foreign_docx
def test_same_name_from_two_folders_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "find_soffice", lambda: "/nonexistent/soffice")
    files = []
    for folder in ("甲", "乙"):
        (tmp_path / folder).mkdir()
        files.append(tmp_path / folder / "讲话.docx")
        files[-1].write_bytes(b"PK")
    with pytest.raises(InputError, match="同名"):
        pdf.convert_to_pdf(files, tmp_path / "out")


@pytest.mark.foreign_docx
@pytest.mark.skipif(sys.platform == "win32", reason="用 shell 脚本模拟卡住的 soffice")
def test_a_hung_conversion_is_stopped_at_the_timeout(monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30\n")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(fake))
    docx = tmp_path / "讲话.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(InputError, match=r"超过 0\.5 秒"):
        pdf.convert_to_pdf([docx], tmp_path / "out", timeout=0.5)
    assert list((tmp_path / "out").iterdir()) == []
