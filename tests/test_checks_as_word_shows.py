"""`check` judges a document as Word shows it: theme fonts by the document's language, the
East Asian hint of runs, Word's automatic numbering, full-width digits, half-width marks after
numbers, and bold, alignment, indent and line spacing.  Each fault has a document or text
built to show it, and every --fix output is checked again and found clean."""

from __future__ import annotations

import json

import docx
from conftest import EXAMPLES, run_speechgen
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm
from test_checks_rules import CLEAN

from generator.checks import INFO, Options, run_checks
from generator.checks.load import load_draft
from generator.docx_writer import render_docx
from generator.layout import load_layout
from generator.pipeline import load_speech

OFFICE = EXAMPLES / "全市办公室工作会议.yaml"
#: A draft quoting names (“第一议题”): quotes are where Word needs the East Asian font hint.
QUOTING = EXAMPLES / "全市党委秘书长工作会议.yaml"


def findings(path, layout=None) -> list:
    return [f for f in run_checks(load_draft(path), Options(layout=layout or load_layout()))
            if f.severity != INFO]


def ids(path, layout=None) -> set[str]:
    return {f.id for f in findings(path, layout)}


def check_json(path, *args) -> dict:
    result = run_speechgen("check", path, "--json", *args)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def fix_and_recheck(source, target) -> dict:
    result = run_speechgen("check", source, "--fix", "-o", target)
    assert result.returncode in (0, 1), result.stderr
    return check_json(target)


def our_docx(tmp_path, name="speech.docx", example=OFFICE):
    path = tmp_path / name
    path.write_bytes(render_docx(load_speech(example), load_layout()))
    return path


# --- theme fonts resolve by the document's East Asian language --------------------------------

def song_profile(tmp_path):
    profile = tmp_path / "宋体.yaml"
    profile.write_text("正文:\n  字体: 宋体\n", encoding="utf-8")
    return load_layout("standard", profile)


def themed_document(path, language: str | None):
    """python-docx's template: body text in the theme's minor East Asian font."""
    document = docx.Document()
    for text in ("在全市办公室工作会议上的讲话", "同志们：", "下面，我讲一点意见。",
                 "一、提高站位", "要提高政治站位。", "同志们，让我们为开创新局面而努力奋斗！"):
        document.add_paragraph(text)
    lang = document.settings.element.find(qn("w:themeFontLang"))
    if language is None:
        lang.getparent().remove(lang)
    else:
        lang.set(qn("w:eastAsia"), language)
    document.save(path)
    return path


def test_a_japanese_theme_language_shows_ms_mincho_not_songti(tmp_path):
    layout = song_profile(tmp_path)
    japanese = themed_document(tmp_path / "ja.docx", "ja-JP")  # python-docx's own setting
    body = [f for f in findings(japanese, layout)
            if f.id == "font-east-asian" and f.message.startswith("正文")]
    assert body and "“ＭＳ 明朝”" in body[0].message and "“宋体”" in body[0].message
    chinese = themed_document(tmp_path / "zh.docx", "zh-CN")
    assert not [f for f in findings(chinese, layout)
                if f.id == "font-east-asian" and f.message.startswith("正文")]


# --- the East Asian hint ----------------------------------------------------------------------

def test_a_run_without_the_east_asian_hint_is_caught_and_fixed(tmp_path):
    path = our_docx(tmp_path, example=QUOTING)
    document = docx.Document(str(path))
    # the hint goes from the styles and from the runs holding quotes: as a converter writes it
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        fonts.attrib.pop(qn("w:hint"), None)
    stripped = 0
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if "“" in run.text:
                del run._r.find(qn("w:rPr")).find(qn("w:rFonts")).attrib[qn("w:hint")]
                stripped += 1
    assert stripped
    document.save(str(path))
    hint = [f for f in findings(path) if f.id == "font-hint"]
    assert len(hint) == 1 and "Times New Roman" in hint[0].message
    assert "“仿宋_GB2312”" in hint[0].message
    fixed = fix_and_recheck(path, tmp_path / "fixed.docx")
    assert [f["id"] for f in fixed["findings"] if f["severity"] != "info"] == []
    assert ids(our_docx(tmp_path, "ours.docx", QUOTING)) == set()  # our own output has the hint


# --- Word's automatic numbering ---------------------------------------------------------------

def numbered_document(path):
    """一、二、三、 drawn by Word from numbering.xml, not typed: three points announced."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    document.add_paragraph("在全市办公室工作会议上的讲话")
    document.add_paragraph("同志们：")
    document.add_paragraph("这次会议的主要任务是部署今年工作。下面，我讲三点意见。")
    for heading, body in (("提高政治站位", "要自觉在大局下思考和行动。"),
                          ("改进工作作风", "要深入基层，多办实事。"),
                          ("加强队伍建设", "要配强班子，建好队伍。")):
        paragraph = document.add_paragraph(heading)
        num_pr = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", "0"), ("w:numId", "90")):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            num_pr.append(child)
        paragraph._p.get_or_add_pPr().append(num_pr)
        document.add_paragraph(body)
    document.add_paragraph("同志们，让我们为开创办公室工作新局面而努力奋斗！")
    document.save(path)
    return path


def test_word_numbering_counts_as_the_points_the_reader_sees(tmp_path):
    path = numbered_document(tmp_path / "numbered.docx")
    draft = load_draft(path)
    headings = [(p.text, p.level) for p in draft.paras if p.kind == "heading"]
    assert headings == [("一、提高政治站位", 1), ("二、改进工作作风", 1), ("三、加强队伍建设", 1)]
    report = check_json(path)
    assert not [f for f in report["findings"] if f["id"] == "announced-count"]
    from generator.mining.pipeline import mine_path

    mined = mine_path(path).speeches[0].speech
    assert [s.heading for s in mined.sections] == ["提高政治站位", "改进工作作风", "加强队伍建设"]


# --- digits and marks around them ---------------------------------------------------------------

def test_full_width_digits_and_letters_are_reported_and_fixed(tmp_path):
    text = CLEAN.replace("全年起草各类文稿326篇", "全年ＧＤＰ增长５．２％，起草文稿３２６篇")
    source = tmp_path / "稿.txt"
    source.write_text(text, encoding="utf-8")
    report = check_json(source)
    found = [f["text"] for f in report["findings"] if f["id"] == "fullwidth-alnum"]
    assert found == ["ＧＤＰ", "５．２％", "３２６"]
    fixed = fix_and_recheck(source, tmp_path / "修正.txt")
    assert not [f for f in fixed["findings"] if f["id"] == "fullwidth-alnum"]
    assert "全年GDP增长5.2%，起草文稿326篇" in (tmp_path / "修正.txt").read_text("utf-8")


def test_half_width_marks_after_numbers_are_reported_and_fixed(tmp_path):
    text = (CLEAN.replace("质量稳步提高。", "总量增长5.2%,质量稳步提高。")
            .replace("被采用“重要信息”45条。", "采用比例为3:1.")
            .replace("多办实事。", "上午10:30出发,访问www.gov.cn,多办实事。"))
    source = tmp_path / "稿.txt"
    source.write_text(text, encoding="utf-8")
    report = check_json(source)
    marks = [f["text"] for f in report["findings"] if f["id"] == "halfwidth-punct"]
    assert marks == [",", ".", ",", ","]
    fixed = fix_and_recheck(source, tmp_path / "修正.txt")
    assert not [f for f in fixed["findings"] if f["id"] == "halfwidth-punct"]
    out = (tmp_path / "修正.txt").read_text("utf-8")
    assert "总量增长5.2%，质量稳步提高。" in out and "采用比例为3:1。" in out
    assert "上午10:30出发，访问www.gov.cn，多办实事。" in out  # decimal, time, address kept


# --- bold, alignment, indent, line spacing ------------------------------------------------------

def test_bold_alignment_indent_and_line_spacing_are_checked(tmp_path):
    path = our_docx(tmp_path)
    document = docx.Document(str(path))
    body = next(p for p in document.paragraphs if p.style.style_id == "Normal"
                and len(p.text) > 40)
    ppr = body._p.find(qn("w:pPr"))
    ppr.find(qn("w:jc")).set(qn("w:val"), "left")
    ppr.find(qn("w:ind")).set(qn("w:firstLineChars"), "0")
    ppr.find(qn("w:spacing")).set(qn("w:lineRule"), "auto")
    ppr.find(qn("w:spacing")).set(qn("w:line"), "360")
    for run in body.runs:
        run.font.bold = True
    document.sections[0].left_margin = Mm(28)
    document.save(str(path))
    found = {f.id: f.message for f in findings(path)}
    assert set(found) == {"alignment", "indent", "line-spacing", "font-bold"}
    assert found["alignment"] == "正文的对齐方式为“左对齐”,应为“两端对齐”"
    assert found["indent"] == "正文的首行缩进为“0字”,应为“2字”"
    assert found["line-spacing"] == "正文的行距为“1.5倍行距”,应为“固定值28.95磅”"
    assert found["font-bold"] == "正文的加粗为“加粗”,应为“不加粗”"


def test_a_profile_with_bold_level_3_headings_is_what_check_expects(tmp_path):
    profile = tmp_path / "本单位.yaml"
    profile.write_text("三级标题:\n  加粗: 是\n", encoding="utf-8")
    path = tmp_path / "bold.docx"
    path.write_bytes(render_docx(load_speech(EXAMPLES / "全区党建工作会议.yaml"),
                                 load_layout("standard", profile)))
    assert ids(path, load_layout("standard", profile)) == set()
    assert "font-bold" in ids(path)  # against GB/T 9704's unbolded level 3
