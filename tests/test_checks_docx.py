"""Word drafts: the layout check against our own output and against Word's defaults, with
formatting resolved through style inheritance, and the words checks on .docx text."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt
from speech_factory import long_speech

from generator.checks import INFO, Options, run_checks
from generator.checks.from_speech import speech_draft
from generator.checks.load import load_draft
from generator.docx_writer import render_docx
from generator.layout import load_layout
from generator.model import Section, Speech

LAYOUT_IDS = {"page-size", "page-margin", "font-east-asian", "font-latin", "font-size",
              "alignment", "indent", "line-spacing"}


def check_docx(path: Path, layout: str = "standard") -> list:
    draft = load_draft(path)
    return [f for f in run_checks(draft, Options(layout=load_layout(layout)))
            if f.severity != INFO]


@pytest.mark.parametrize("layout", ["standard", "podium"])
def test_our_own_output_passes(tmp_path, layout):
    path = tmp_path / "speech.docx"
    path.write_bytes(render_docx(long_speech(), load_layout(layout)))
    assert [(f.id, f.message) for f in check_docx(path, layout)] == []


def test_standard_output_is_not_podium(tmp_path):
    path = tmp_path / "speech.docx"
    path.write_bytes(render_docx(long_speech(), load_layout("standard")))
    found = check_docx(path, "podium")
    body = next(f for f in found if f.id == "font-size" and f.message.startswith("正文"))
    assert "“16磅”" in body.message and "“22磅”" in body.message
    # and the file is told which layout it fits: a 大字版 checked as the standard one drew 20
    # errors and no word of --layout podium (a tester)
    hint = [f for f in found if f.id == "layout-other"]
    assert len(hint) == 1 and "更像标准版" in hint[0].message, hint
    assert "--layout standard" in hint[0].message


def test_a_draft_with_a_slip_or_two_is_not_sent_to_another_layout(tmp_path):
    document = default_document(tmp_path / "draft.docx")
    assert not [f for f in check_docx(document) if f.id == "layout-other"]
    assert not [f for f in check_docx(document, "podium") if f.id == "layout-other"]


def spoken_speech() -> Speech:
    """Points numbered the spoken way (一是 leading its paragraph, 第一， on its own line)."""
    return Speech(
        title="在全县工作会议上的讲话", salutation="同志们：", opening=["下面，我讲两点意见。"],
        sections=[
            Section(heading="认清形势", paragraphs=["形势很好。"], sections=[
                Section(heading="看到成绩", numbering="一是", paragraphs=["成绩很大。"]),
                Section(heading="看到不足", numbering="一是", paragraphs=["不足明显。"])]),
            Section(heading="明确任务", sections=[
                Section(heading="抓项目", numbering="第一，", lead=False, paragraphs=["要抓。"]),
                Section(heading="促消费", numbering="第一，", lead=False, paragraphs=["要促。"])]),
        ],
        closing=["同志们，让我们为全县发展而努力奋斗！"],
    )


@pytest.mark.parametrize("make", [long_speech, spoken_speech])
def test_docx_reads_back_as_the_outline_reads(tmp_path, make):
    path = tmp_path / "speech.docx"
    speech = make()
    path.write_bytes(render_docx(speech, load_layout("standard")))
    outline = [(p.kind, p.level, p.part) for p in speech_draft(speech).paras]
    word = [(p.kind, p.level, p.part) for p in load_draft(path).paras]
    assert word == outline
    assert check_docx(path) == []


def default_document(path: Path) -> Path:
    """What python-docx writes with no formatting: Letter, 1-inch margins, theme fonts, 11 pt."""
    document = docx.Document()
    for text in ("在全市办公室工作会议上的讲话", "同志们：", "下面，我讲一点意见。",
                 "一、提高站位", "要提高政治站位，Word 2025版。",
                 "同志们，让我们为开创新局面而努力奋斗！"):
        document.add_paragraph(text)
    document.save(path)
    return path


def test_default_python_docx_document_is_caught(tmp_path):
    found = check_docx(default_document(tmp_path / "default.docx"))
    by_id = {}
    for finding in found:
        by_id.setdefault(finding.id, []).append(finding)
    assert set(by_id) == LAYOUT_IDS
    assert "Letter" in by_id["page-size"][0].message and "A4" in by_id["page-size"][0].message
    assert "上 25.4(应为 37)" in by_id["page-margin"][0].message
    body_font = next(f for f in by_id["font-east-asian"] if f.message.startswith("正文"))
    # python-docx's theme leaves the East Asian minor font to the language, and its settings
    # say ja-JP: Word shows ＭＳ 明朝, not 宋体
    assert "“ＭＳ 明朝”" in body_font.message and "“仿宋_GB2312”" in body_font.message
    assert "共3段" in body_font.message  # opening, point body and closing
    assert (body_font.text, body_font.place.paragraph) == ("下面，我讲一点意见。", 3)
    assert by_id["page-size"][0].place.section == "页面设置"
    latin = by_id["font-latin"][0]
    assert latin.text == "要提高政治站位，Word 2025版。"
    assert "Cambria" in latin.message and "Times New Roman" in latin.message
    assert any("“11磅”" in f.message for f in by_id["font-size"])


def official_by_inheritance(path: Path) -> Path:
    """An A4 document whose formatting lives only in docDefaults and styles (basedOn chain),
    never on runs: the layout check must resolve it as Word does."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    styles = document.styles.element
    defaults = styles.find(".//{*}rPrDefault/{*}rPr")
    defaults.getparent().replace(defaults, parse_xml(
        f'<w:rPr {nsdecls("w")}><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
        'w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>'))
    normal = document.styles["Normal"].element.get_or_add_pPr()
    for xml in ('w:spacing w:line="579" w:lineRule="exact"',  # schema order: spacing, ind, jc
                'w:ind w:firstLineChars="200" w:firstLine="640"', 'w:jc w:val="both"'):
        tag, attributes = xml.split(" ", 1)
        normal.append(parse_xml(f'<{tag} {nsdecls("w")} {attributes}/>'))
    heading = document.styles.add_style("Point", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = document.styles["Normal"]
    heading.element.get_or_add_pPr().append(
        parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="0"/>'))
    heading.element.get_or_add_rPr().append(
        parse_xml(f'<w:rFonts {nsdecls("w")} w:eastAsia="黑体"/>'))
    point_one = document.styles.add_style("PointOne", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    point_one.base_style = heading  # inherits 黑体 and the outline level through basedOn
    title = document.add_paragraph("在全市办公室工作会议上的讲话")
    run = title.runs[0]
    run.font.size = Pt(22)
    run._r.get_or_add_rPr().append(parse_xml(
        f'<w:rFonts {nsdecls("w")} w:eastAsia="方正小标宋简体"/>'))
    salutation = document.add_paragraph("同志们：")
    for paragraph, align in ((title, "center"), (salutation, "left")):
        # firstLineChars, not python-docx's firstLine: Word lets the style's character
        # indent win over a direct indent in twips
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:ind {nsdecls("w")} w:firstLineChars="0" w:firstLine="0"/>'))
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:jc {nsdecls("w")} w:val="{align}"/>'))
    document.add_paragraph("下面，我讲一点意见。")
    document.add_paragraph("一、提高站位", style="PointOne")
    document.add_paragraph("要提高政治站位，落实2025年任务。")
    document.add_paragraph("同志们，让我们为开创新局面而努力奋斗！")
    document.save(path)
    return path


@pytest.mark.foreign_docx
def test_formatting_inherited_from_styles_and_defaults_passes(tmp_path):
    path = official_by_inheritance(tmp_path / "inherited.docx")
    draft = load_draft(path)
    assert [(p.kind, p.level) for p in draft.paras][3] == ("heading", 1)
    assert check_docx(path) == []


@pytest.mark.foreign_docx
def test_inherited_wrong_font_is_caught(tmp_path):
    path = official_by_inheritance(tmp_path / "inherited.docx")
    document = docx.Document(str(path))
    fonts = document.styles["Point"].element.rPr.find("{*}rFonts")
    fonts.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "宋体")
    document.save(path)
    found = check_docx(path)
    assert [(f.id, f.text) for f in found] == [("font-east-asian", "一、提高站位")]
    assert "一级标题的中文字体为“宋体”,应为“黑体”" in found[0].message


def test_words_checks_run_on_docx_text(tmp_path):
    document = docx.Document()
    for text in ("在全市办公室工作会议上的讲话", "同志们：", "下面，我讲两点意见。",
                 "一、提高站位", "要于XX月前完成。", "三、改进作风", "要改进作风。",
                 "同志们，让我们为开创新局面而努力奋斗！"):
        document.add_paragraph(text)
    path = tmp_path / "draft.docx"
    document.save(path)
    found = {(f.id, f.text, f.place.paragraph) for f in run_checks(load_draft(path))}
    assert ("placeholder", "XX", 5) in found
    assert ("numbering-gap", "三、", 6) in found


def test_points_in_word_heading_styles_are_counted_and_told_they_show_no_number(tmp_path):
    """Three parts in 标题 1 without typed numbers: `check` found "0个编号的要点" against the
    three announced, exit 1, and told the headings to be 仿宋 body text, while `mine` read the
    same file right (a tester).  They are the points 一、二、三、, checked as headings, and the
    writer is told the printed page shows no number."""
    document = docx.Document()
    for text in ("在全县工作会议上的讲话", "同志们：", "这次会议很重要。下面，我讲三点意见。"):
        document.add_paragraph(text)
    for heading in ("统一思想", "突出重点", "强化保障"):
        document.add_heading(heading, 1)
        document.add_paragraph(f"要{heading}，抓好落实。")
    document.add_paragraph("同志们，让我们团结一心，为实现目标而努力奋斗！")
    path = tmp_path / "标题样式.docx"
    document.save(path)
    findings = run_checks(load_draft(path), Options(layout=load_layout("standard")))
    assert not [f for f in findings if f.id == "announced-count"]
    told = [(f.text, f.place.paragraph) for f in findings if f.id == "unnumbered-heading"]
    assert told == [("统一思想", 4), ("突出重点", 6), ("强化保障", 8)]
    assert "“二、”" in next(f.message for f in findings if f.text == "突出重点"
                             and f.id == "unnumbered-heading")
    fonts = {(f.text, f.message[:4]) for f in findings if f.id == "font-east-asian"}
    assert ("统一思想", "一级标题") in fonts  # checked as a heading (黑体), not as body text


def test_a_placeholder_in_a_header_or_a_footnote_is_found(tmp_path):
    """"XX县委办公室" in the header and "第XX页" in a footnote print on paper and passed check
    (a tester); our own output's page numbers are no placeholder."""
    document = docx.Document()
    for text in ("在全县工作会议上的讲话", "同志们：", "今天开会。", "同志们，让我们共同努力！"):
        document.add_paragraph(text)
    document.sections[0].header.paragraphs[0].text = "XX县委办公室"
    document.sections[0].footer.paragraphs[0].text = "第 1 页"
    path = tmp_path / "页眉.docx"
    document.save(path)
    found = [(f.place.section, f.text) for f in run_checks(load_draft(path))
             if f.id == "placeholder"]
    assert found == [("页眉", "XX")]
    ours = tmp_path / "ours.docx"
    ours.write_bytes(render_docx(long_speech(), load_layout("standard")))
    assert not [f for f in run_checks(load_draft(ours)) if f.id == "placeholder"]


def test_half_width_punctuation_in_a_header_is_told_and_left_to_word(tmp_path):
    """A header printed "县委办公室(印发)" with English brackets and passed check (a tester);
    --fix edits only the speech, so the message says where to change it."""
    document = docx.Document()
    for text in ("在全县工作会议上的讲话", "同志们：", "今天开会。", "同志们，让我们共同努力！"):
        document.add_paragraph(text)
    document.sections[0].header.paragraphs[0].text = "县委办公室(印发)"
    path = tmp_path / "页眉.docx"
    document.save(path)
    (found,) = [f for f in run_checks(load_draft(path)) if f.id == "halfwidth-punct"]
    assert (found.place.section, found.text, found.fixable) == ("页眉", "(印发)", False)
    assert "“（印发）”" in found.message and "Word" in found.message
    ours = tmp_path / "ours.docx"
    ours.write_bytes(render_docx(long_speech(), load_layout("standard")))
    assert not [f for f in run_checks(load_draft(ours)) if f.id == "halfwidth-punct"]


def test_office_profile_overrides_the_expected_fonts(tmp_path):
    profile = tmp_path / "本单位.yaml"
    profile.write_text("body:\n  font: 方正仿宋_GBK\n", encoding="utf-8")
    standard = tmp_path / "standard.docx"
    standard.write_bytes(render_docx(long_speech(), load_layout("standard")))
    office = tmp_path / "office.docx"
    office.write_bytes(render_docx(long_speech(), load_layout("standard", profile)))
    layout = load_layout("standard", profile)
    assert [f for f in run_checks(load_draft(office), Options(layout=layout))
            if f.severity != INFO] == []
    found = [f for f in run_checks(load_draft(standard), Options(layout=layout))
             if f.severity != INFO]
    assert {f.id for f in found} == {"font-east-asian"}
    # the body's face carries to the salutation, the sign-off and the 1. (1) headings, as the
    # profile renders them; a lead paragraph's body run is the body's, not its heading's
    assert [f.message.split("的")[0] for f in found] == [
        "称呼", "正文", "三级标题", "四级标题", "结束语"]
    assert all("“仿宋_GB2312”,应为“方正仿宋_GBK”" in f.message for f in found)


@pytest.mark.parametrize("numbering", ["首先", "第一"])
def test_a_lone_run_in_point_without_its_number_passes_our_own_check(tmp_path, numbering):
    """A lecture of one point numbered 首先 lost its 首先 (a lone one is a seam), and the run-in
    heading, still in 黑体 inside a body paragraph, made our own Word file fail check with
    "正文的中文字体为“黑体”" (a tester): it is set as the body now."""
    from test_genre_templates import speech_from

    data = {"模板": "party-lecture", "会议名称": "县财政局机关党支部专题党课",
            "党课主题": "严守纪律规矩", "编号方式": numbering,
            "主要内容": [{"小标题": "要把政治纪律挺在前面", "段落": ["对党忠诚要体现在执行上。"]}]}
    path = tmp_path / "党课.docx"
    path.write_bytes(render_docx(speech_from(data), load_layout("standard")))
    checked = run_checks(load_draft(path), Options(layout=load_layout("standard")))
    assert [(f.id, f.message) for f in checked if f.severity != INFO] == []
    text = "".join(p.text for p in docx.Document(path).paragraphs)
    assert "要把政治纪律挺在前面。对党忠诚" in text


def test_a_heading_with_its_text_after_a_line_break_is_no_empty_section(tmp_path):
    """"一、提高认识" then Shift+Enter and its text, in one Word paragraph, was told "这一部分只有
    标题,下面没有内容" (a tester): the line break ends the heading as a full stop would."""
    document = docx.Document()
    document.add_paragraph("同志们：")
    document.add_paragraph("今天召开会议。下面，我讲两点意见。")
    points = (("一、提高认识", "各单位要高度重视。"), ("二、狠抓落实", "各部门要明确责任。"))
    for heading, text in points:
        paragraph = document.add_paragraph(heading)
        paragraph.add_run().add_break()
        paragraph.add_run(text)
    document.add_paragraph("同志们，让我们共同努力！")
    path = tmp_path / "稿.docx"
    document.save(str(path))
    found = {f.id for f in run_checks(load_draft(path))}
    assert "empty-section" not in found and "announced-count" not in found, found
