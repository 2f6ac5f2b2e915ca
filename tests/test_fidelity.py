"""What is printed is what was written: every example, in every layout and an office profile,
prints through LibreOffice with not one character lost, and every DOCX passes openxml-audit."""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLES
from docx_audit import assert_valid_docx

from generator import pdf
from generator.docx_writer import render_docx
from generator.layout import load_layout
from generator.model import Speech
from generator.pipeline import load_speech

SPEECHES = sorted(EXAMPLES.glob("*.yaml"))
#: An office's house style: other fonts, a 28 pt line, bold level-3 headings.
PROFILE = "正文:\n  字体: 方正仿宋_GBK\ngrid:\n  line_pitch: 28pt\n三级标题:\n  bold: true\n"
needs_tools = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="需要 LibreOffice(soffice)和 poppler-utils(pdftotext)",
)
PAGE_NUMBER = re.compile(r"^\s*—\s*\d+\s*—\s*$", re.M)


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, Path]:
    """Every example laid out as standard, podium and standard + the office profile."""
    folder = tmp_path_factory.mktemp("fidelity")
    profile = folder / "本单位.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    layouts = {"standard": load_layout(), "podium": load_layout("podium"),
               "profile": load_layout("standard", profile)}
    files = {}
    for name, layout in layouts.items():
        for source in SPEECHES:
            path = folder / f"{source.stem}-{name}.docx"
            path.write_bytes(render_docx(load_speech(source), layout))
            files[path.stem] = path
    return files


def docx_text(path: Path) -> str:
    return re.sub(r"\s", "", "".join(p.text for p in docx.Document(str(path)).paragraphs))


def pdf_text(path: Path) -> str:
    raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                         check=True, text=True).stdout
    return re.sub(r"\s", "", PAGE_NUMBER.sub("", raw))


def lost_characters(written: str, printed: str) -> list[str]:
    """Each character of ``written`` missing from ``printed``, with the text before it."""
    matcher = difflib.SequenceMatcher(None, written, printed, autojunk=False)
    return [f"{written[max(0, i1 - 8):i1]}[{written[i1:i2]}]"
            for op, i1, i2, _j1, _j2 in matcher.get_opcodes() if op in ("delete", "replace")]


def test_every_example_in_every_layout_passes_openxml_audit(documents):
    assert len(documents) == 3 * len(SPEECHES) >= 27
    assert_valid_docx(*documents.values(), app_warnings=True)


@needs_tools
def test_no_character_is_lost_in_any_pdf(documents, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf")
    made = pdf.convert_to_pdf(list(documents.values()), out)
    assert len(made) == len(documents)
    lost = {}
    for path in made:
        written, printed = docx_text(documents[path.stem]), pdf_text(path)
        assert len(written) > 2000
        if written != printed:
            lost[path.stem] = lost_characters(written, printed) or [printed[:40]]
    assert lost == {}


@needs_tools
def test_a_mark_after_a_full_line_is_printed(tmp_path):
    """The case LibreOffice dropped: a full-width 、 right after a line of 28 characters."""
    first = "刚才，市委办公室副主任王海峰同志通报了上半年度全市党"  # after a 2-character indent
    line = "委系统信息、督查工作情况，清河县委办公室、江北区委办公室"
    assert (len(first), len(line)) == (26, 28)
    text = first + line + "、市委政策研究室作了交流发言。"
    speech = Speech(title="测试", salutation="同志们：", opening=[text])
    path = tmp_path / "hang.docx"
    path.write_bytes(render_docx(speech, load_layout()))
    (printed,) = pdf.convert_to_pdf([path], tmp_path)
    assert "江北区委办公室、市委政策研究室" in pdf_text(printed)
