"""`mine` and `check` read a speech that sits inside a Word table.

LibreOffice's HTML→DOCX conversion of a saved web page puts the whole article in a table cell;
reading only top-level paragraphs found nothing there (issue 10).
"""

from __future__ import annotations

from pathlib import Path

import docx
import yaml
from conftest import run_speechgen

SPEECH = ["在全县安全生产工作会议上的讲话", "同志们：",
          "今天召开全县安全生产工作会议，主要任务是部署今年的安全生产工作。",
          "一、充分认识安全生产的重要性", "安全生产事关人民群众生命财产安全。",
          "二、突出重点抓好整治", "要扎实开展隐患排查XX行动,确保不留死角。",
          "同志们，让我们共同努力，奋力开创安全生产工作新局面！"]


def _speech_in_a_table(path: Path) -> Path:
    """The speech in one cell of a one-cell table inside the outer cell of another table,
    as converters nest layout tables."""
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1).cell(0, 0)
    outer.paragraphs[0].text = "来源:某县人民政府网"
    cell = outer.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = SPEECH[0]
    for text in SPEECH[1:]:
        cell.add_paragraph(text)
    document.save(str(path))
    return path


def test_mine_reads_a_speech_inside_a_table(tmp_path: Path) -> None:
    source = _speech_in_a_table(tmp_path / "网页.docx")
    result = run_speechgen("mine", str(source))
    assert result.returncode == 0, result.stderr
    outline = yaml.safe_load(result.stdout)
    assert outline["title"] == SPEECH[0]
    assert [s["heading"] for s in outline["sections"]] == ["充分认识安全生产的重要性",
                                                          "突出重点抓好整治"]


def test_check_finds_a_placeholder_inside_a_table(tmp_path: Path) -> None:
    draft = _speech_in_a_table(tmp_path / "讲话稿.docx")
    result = run_speechgen("check", str(draft))
    assert "留有占位符“XX”" in result.stdout + result.stderr


def test_check_fix_mends_punctuation_inside_a_table(tmp_path: Path) -> None:
    draft = _speech_in_a_table(tmp_path / "讲话稿.docx")
    fixed = tmp_path / "改后.docx"
    run_speechgen("check", "--fix", "-o", str(fixed), str(draft))
    texts = [p.text for t in docx.Document(str(fixed)).tables
             for p in t.cell(0, 0).tables[0].cell(0, 0).paragraphs]
    assert "要扎实开展隐患排查XX行动，确保不留死角。" in texts
