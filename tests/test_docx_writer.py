"""The DOCX a user opens: page, fonts, sizes, indents, numbering, footers (read by python-docx)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from speech_factory import TITLE, long_speech

from generator.blocks import blocks
from generator.docx_writer import render_docx
from generator.errors import InputError
from generator.layout import load_layout
from generator.model import Section, Speech

STANDARD = load_layout()
PODIUM = load_layout("podium")

# What GB/T 9704 asks of each kind of paragraph: East Asian font, size (pt), alignment.
EXPECTED = {
    "title": ("方正小标宋简体", 22, WD_ALIGN_PARAGRAPH.CENTER),
    "speaker": ("楷体_GB2312", 16, WD_ALIGN_PARAGRAPH.CENTER),
    "date": ("楷体_GB2312", 16, WD_ALIGN_PARAGRAPH.CENTER),
    "salutation": ("仿宋_GB2312", 16, WD_ALIGN_PARAGRAPH.LEFT),
    "body": ("仿宋_GB2312", 16, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "heading1": ("黑体", 16, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "heading2": ("楷体_GB2312", 16, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "heading3": ("仿宋_GB2312", 16, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "heading4": ("仿宋_GB2312", 16, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "signoff": ("仿宋_GB2312", 16, WD_ALIGN_PARAGRAPH.JUSTIFY),
}


def open_docx(data: bytes):
    return Document(io.BytesIO(data))


def fonts(run) -> tuple[str, str, str]:
    r_fonts = run._r.rPr.rFonts
    return r_fonts.get(qn("w:eastAsia")), r_fonts.get(qn("w:ascii")), r_fonts.get(qn("w:hint"))


def key(block) -> str:
    return f"heading{block.level}" if block.kind in ("heading", "lead") else block.kind


@pytest.fixture(scope="module")
def speech() -> Speech:
    return long_speech()


@pytest.fixture(scope="module")
def doc(speech):
    return open_docx(render_docx(speech, STANDARD))


@pytest.fixture(scope="module")
def pairs(speech, doc):
    """Each document paragraph with the block it came from (same count, same order)."""
    block_list = list(blocks(speech))
    assert len(doc.paragraphs) == len(block_list)
    return list(zip(block_list, doc.paragraphs, strict=True))


def test_factory_speech_is_long_and_deep(speech):
    chars = sum(len(block.text) for block in blocks(speech))
    assert chars >= 4800
    assert len(list(blocks(speech))) >= 45
    assert max(level for level, _ in speech.walk()) == 4


def test_a4_with_gbt_9704_margins(doc):
    section = doc.sections[0]
    for actual, expected in [(section.page_width, 210), (section.page_height, 297),
                             (section.top_margin, 37), (section.bottom_margin, 35),
                             (section.left_margin, 28), (section.right_margin, 26)]:
        assert actual.mm == pytest.approx(expected, abs=0.05)


def test_line_grid_of_22_lines_and_condensed_characters(doc, pairs):
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"  # not linesAndChars, which breaks LibreOffice
    assert grid.get(qn("w:linePitch")) == "579"
    for _block, paragraph in pairs:
        spacing = paragraph._p.pPr.find(qn("w:spacing"))
        assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == ("579", "exact")
        for run in paragraph.runs:
            assert run._r.rPr.find(qn("w:spacing")).get(qn("w:val")) == "-5"


def test_fonts_and_sizes_per_kind(pairs):
    seen = set()
    for block, paragraph in pairs:
        east_asian, size, _align = EXPECTED[key(block)]
        run = paragraph.runs[0]
        assert fonts(run) == (east_asian, "Times New Roman", "eastAsia"), block.text
        assert run.font.size == Pt(size), block.text
        seen.add(key(block))
    assert seen == set(EXPECTED)


def test_lead_heading_in_level_font_and_rest_in_body_font(pairs):
    leads = [(block, paragraph) for block, paragraph in pairs if block.kind == "lead"]
    assert {block.level for block, _ in leads} == {2, 3, 4}
    for block, paragraph in leads:
        head, rest = paragraph.runs
        assert head.text == block.head and head.text.endswith("。")
        assert fonts(head)[0] == EXPECTED[f"heading{block.level}"][0]
        assert fonts(rest)[0] == "仿宋_GB2312"
        assert paragraph.style.name == "Normal"
    example = next(p for b, p in leads if b.head.startswith("（一）经济运行"))
    assert fonts(example.runs[0])[0] == "楷体_GB2312"


def test_indent_and_alignment(pairs):
    for block, paragraph in pairs:
        assert paragraph.alignment == EXPECTED[key(block)][2], block.text
        indent = paragraph._p.pPr.find(qn("w:ind"))
        if block.kind in ("title", "speaker", "date", "salutation"):
            assert indent.get(qn("w:firstLineChars")) == "0"
            assert not paragraph.paragraph_format.first_line_indent
        else:
            assert indent.get(qn("w:firstLineChars")) == "200"
            assert indent.get(qn("w:firstLine")) == "640"
            assert paragraph.paragraph_format.first_line_indent == Pt(32)


def test_numbering_is_consecutive_and_restarts_per_parent(speech, pairs):
    sequences = {1: "一二三四五六", 2: "一二三四五六", 3: "123456", 4: "123456"}
    shapes = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）"}
    expected = []

    def walk(sections, level):
        for n, section in enumerate(sections):
            expected.append(shapes[level].format(sequences[level][n]) + section.heading)
            walk(section.sections, level + 1)

    walk(speech.sections, 1)
    headings = [paragraph.runs[0].text for block, paragraph in pairs
                if block.kind in ("heading", "lead")]
    assert [h.rstrip("。") for h in headings] == expected
    assert headings[:3] == ["一、2024年工作回顾", "（一）经济运行稳中向好。",
                            "（二）改革开放持续深化。"]


def test_every_input_paragraph_present_in_order(speech, doc):
    text = "\n".join(paragraph.text for paragraph in doc.paragraphs)
    inputs = [*speech.opening]
    for _level, section in speech.walk():
        inputs += section.paragraphs
    inputs += [*speech.closing, *speech.signoff]
    position = 0
    for paragraph in inputs:
        found = text.find(paragraph, position)
        assert found >= 0, paragraph
        position = found + len(paragraph)
    assert doc.paragraphs[0].text.replace("\n", "") == TITLE
    assert doc.paragraphs[-1].text == "谢谢大家！"


def test_headings_carry_outline_levels_for_the_navigation_pane(pairs):
    for block, paragraph in pairs:
        levels = paragraph._p.xpath("./w:pPr/w:outlineLvl/@w:val")
        if block.kind == "heading":
            assert levels == [str(block.level - 1)]
            assert paragraph.style.name == f"Heading {block.level}"
            assert paragraph.paragraph_format.keep_with_next  # never stranded at a page foot
            assert paragraph.paragraph_format.keep_together  # nor half of a two-line one
        else:
            assert levels == []


def test_long_title_breaks_into_balanced_lines(doc):
    lines = doc.paragraphs[0].text.split("\n")
    assert lines == ["在全市2025年经济工作会议", "暨优化营商环境推进大会上的讲话"]


def test_short_title_stays_on_one_line():
    data = render_docx(Speech(title="在全市党建工作会议上的讲话", opening=["正文。"]), STANDARD)
    assert open_docx(data).paragraphs[0].text == "在全市党建工作会议上的讲话"


def test_blank_line_between_title_block_and_salutation(pairs):
    befores = {block.kind: paragraph._p.pPr.find(qn("w:spacing")).get(qn("w:before"))
               for block, paragraph in reversed(pairs)}
    assert befores["salutation"] == "579"
    assert befores["title"] == befores["date"] == befores["body"] == "0"


def footer_xml(doc, even: bool):
    section = doc.sections[0]
    return (section.even_page_footer if even else section.footer).paragraphs[0]


def test_page_numbers_in_odd_and_even_footers(doc):
    assert doc.settings.odd_and_even_pages_header_footer
    odd, even = footer_xml(doc, False), footer_xml(doc, True)
    assert odd.text == "— 1 —" and even.text == "— 2 —"
    for paragraph in (odd, even):
        assert paragraph._p.xpath(".//w:instrText")[0].text.strip() == "PAGE"
        assert {fonts(run)[0] for run in paragraph.runs} == {"宋体"}
        assert {run.font.size for run in paragraph.runs} == {Pt(14)}
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert odd.paragraph_format.right_indent == Pt(14)  # one character in from the edge
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert even.paragraph_format.left_indent == Pt(14)


def test_same_input_same_bytes(speech):
    first = render_docx(speech, STANDARD)
    render_docx(Speech(title="别的讲话"), PODIUM)
    assert render_docx(long_speech(), load_layout()) == first
    for info in zipfile.ZipFile(io.BytesIO(first)).infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
    assert open_docx(first).core_properties.title == TITLE


def test_every_part_is_well_formed_xml_in_a_sound_zip(speech):
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(render_docx(speech, PODIUM))) as package:
        assert package.testzip() is None  # every CRC matches
        names = package.namelist()
        assert names[0] == "[Content_Types].xml"
        for name in names:
            etree.fromstring(package.read(name))  # Word refuses a file with a broken part
    assert {"word/fontTable.xml", "docProps/app.xml", "word/footer2.xml"} <= set(names)


# ECMA-376 sequences (the part this writer uses): Word reports "unreadable content" when
# children of these elements come out of order.
SCHEMA_ORDER = {
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "widowControl", "numPr",
            "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
            "autoSpaceDN", "snapToGrid", "spacing", "ind", "jc", "outlineLvl", "rPr"],
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "color", "spacing", "kern", "sz", "szCs", "u",
            "lang"],
    "sectPr": ["headerReference", "footerReference", "pgSz", "pgMar", "pgNumType", "cols",
               "titlePg", "docGrid"],
    "style": ["name", "basedOn", "next", "link", "uiPriority", "semiHidden", "unhideWhenUsed",
              "qFormat", "pPr", "rPr"],
    "settings": ["zoom", "defaultTabStop", "evenAndOddHeaders", "characterSpacingControl",
                 "compat", "themeFontLang", "decimalSymbol", "listSeparator"],
}


def test_children_in_schema_order(speech):
    from lxml import etree

    checked = set()
    with zipfile.ZipFile(io.BytesIO(render_docx(speech, STANDARD))) as package:
        for name in ("word/document.xml", "word/styles.xml", "word/settings.xml",
                     "word/footer1.xml", "word/footer2.xml"):
            for element in etree.fromstring(package.read(name)).iter():
                parent = etree.QName(element).localname
                if parent == "r":  # run content may mix freely, but its properties come first
                    assert element.find(qn("w:rPr")) is element[0]
                if parent not in SCHEMA_ORDER:
                    continue
                order = SCHEMA_ORDER[parent]
                children = [etree.QName(child).localname for child in element]
                assert all(child in order for child in children), (name, parent, children)
                positions = [order.index(child) for child in children]
                assert positions == sorted(positions), (name, parent, children)
                checked.add(parent)
    assert checked == set(SCHEMA_ORDER)


def test_invalid_xml_characters_removed_with_a_warning():
    warnings: list[str] = []
    speech = Speech(title="标题", opening=["第一句\x07话。", "换\x0b行\x00。"])
    doc = open_docx(render_docx(speech, STANDARD, warnings.append))
    assert [p.text for p in doc.paragraphs[1:]] == ["第一句话。", "换行。"]
    assert len(warnings) == 3
    assert "U+0007" in warnings[0] and "已删除" in warnings[0] and "第一句话" in warnings[0]
    assert "U+000B" in warnings[1] and "U+0000" in warnings[2]


def test_markup_characters_survive_as_text():
    speech = Speech(title="A&B<C>", opening=["R&D 投入 <5%> 时 \"需\" 'x'"])
    doc = open_docx(render_docx(speech, STANDARD))
    assert [p.text for p in doc.paragraphs] == ["A&B<C>", "R&D 投入 <5%> 时 \"需\" 'x'"]


def test_podium_is_larger_and_looser_as_documented():
    speech = long_speech()
    doc = open_docx(render_docx(speech, PODIUM))
    sizes = {}
    for block, paragraph in zip(blocks(speech), doc.paragraphs, strict=True):
        sizes.setdefault(key(block), (paragraph.runs[0].font.size, paragraph.runs[0].bold))
    assert sizes["body"] == (Pt(22), False)  # 二号
    assert sizes["title"] == (Pt(26), False)  # 一号
    assert sizes["heading1"] == (Pt(24), True)  # 小一, bold
    assert sizes["heading3"] == (Pt(22), True)
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    assert int(grid.get(qn("w:linePitch"))) == 850  # 15 lines a page instead of 22
    assert PODIUM.grid.chars_per_line == 20 < STANDARD.grid.chars_per_line


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "我们单位.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_profile_overrides_font_line_pitch_and_level3_bold(tmp_path):
    profile = write(tmp_path, "正文:\n  字体: 方正仿宋_GBK\ngrid:\n  line_pitch: 29pt\n"
                              "heading3:\n  bold: true\nmargins:\n  left: 2.8cm\n")
    layout = load_layout("standard", profile)
    speech = long_speech()
    doc = open_docx(render_docx(speech, layout))
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "580"
    for block, paragraph in zip(blocks(speech), doc.paragraphs, strict=True):
        if block.kind == "body":
            assert fonts(paragraph.runs[-1])[0] == "方正仿宋_GBK"
        if block.kind == "heading" and block.level == 3:
            assert paragraph.runs[0].bold is True
        if block.kind == "heading" and block.level == 1:
            assert paragraph.runs[0].bold is False and fonts(paragraph.runs[0])[0] == "黑体"
    assert fonts(doc.paragraphs[0].runs[0])[0] == "方正小标宋简体"  # not overridden
    assert doc.sections[0].left_margin.mm == pytest.approx(28, abs=0.05)


def test_a_profile_body_font_reaches_every_line_set_in_the_body_face(tmp_path):
    """README's own profile changed only 正文: the salutation, the sign-off and the 1. and (1)
    headings stayed 仿宋_GB2312, two faces within one line of a lead paragraph (a tester).
    An element the profile names keeps its own setting."""
    speech = long_speech()
    faces = {}
    for name, text in (("body", "正文:\n  字体: 方正仿宋_GBK\n"),
                       ("both", "正文:\n  字体: 方正仿宋_GBK\n称呼:\n  字体: 仿宋_GB2312\n")):
        doc = open_docx(render_docx(speech, load_layout("standard", write(tmp_path, text))))
        faces[name] = {(block.kind, block.level): {fonts(run)[0] for run in paragraph.runs}
                       for block, paragraph in zip(blocks(speech), doc.paragraphs, strict=True)}
    body = faces["body"]
    for key in (("salutation", 0), ("signoff", 0), ("heading", 3), ("lead", 3), ("lead", 4)):
        assert body[key] == {"方正仿宋_GBK"}, key  # a lead paragraph: heading run and body run
    assert body["lead", 2] == {"楷体_GB2312", "方正仿宋_GBK"}
    assert body["heading", 1] == {"黑体"} and body["title", 0] == {"方正小标宋简体"}
    assert faces["both"]["salutation", 0] == {"仿宋_GB2312"}
    assert faces["both"]["signoff", 0] == {"方正仿宋_GBK"}


def test_the_podium_keeps_a_paragraph_first_line_off_a_page_foot():
    """Widow control: on for the 大字版 (a heading run into its paragraph was split across a
    page turn), off for GB/T 9704's 22 lines on every page."""
    for layout, on in ((PODIUM, True), (STANDARD, False)):
        doc = open_docx(render_docx(long_speech(), layout))
        assert {p.paragraph_format.widow_control for p in doc.paragraphs} == {on}


@pytest.mark.parametrize(("text", "line", "path", "hint"), [
    ("body:\n  font: 仿宋\nbdy:\n  size: 三号\n", 3, "bdy", "是不是想写 正文(body)"),
    ("body:\n  szie: 三号\n", 2, "body.szie", "是不是想写 字号(size)"),
    ("grid:\n  lines_per_pag: 22\n", 2, "grid.lines_per_pag", "lines_per_page"),
])
def test_unknown_profile_key_names_line_and_suggests(tmp_path, text, line, path, hint):
    with pytest.raises(InputError) as caught:
        load_layout("standard", write(tmp_path, text))
    (problem,) = caught.value.problems
    assert (problem.line, problem.path) == (line, path)
    assert problem.file.endswith("我们单位.yaml")
    assert hint in problem.message


@pytest.mark.parametrize(("text", "path", "expected"), [
    ("body:\n  size: 十号\n", "body.size", "字号名称(如 三号、小二)或磅值"),
    ("margins:\n  top: 宽一点\n", "margins.top", "长度(毫米)"),
    ("title:\n  align: middle\n", "title.align", "left/center/right/justify"),
    ("grid:\n  lines_per_page: 0\n", "grid.lines_per_page", "每页行数"),
    ("page_number:\n  format: 第1页\n", "page_number.format", "{page}"),
])
def test_bad_profile_value_says_what_was_expected(tmp_path, text, path, expected):
    with pytest.raises(InputError) as caught:
        load_layout("standard", write(tmp_path, text))
    (problem,) = caught.value.problems
    assert (problem.line, problem.path) == (2, path)
    assert expected in problem.message


def test_every_problem_in_a_profile_reported_at_once(tmp_path):
    with pytest.raises(InputError) as caught:
        load_layout("standard", write(tmp_path, "body:\n  size: 99号\n  bold: 也许\nfoo: 1\n"))
    assert [p.line for p in caught.value.problems] == [2, 3, 4]


def test_unknown_layout_name_and_missing_profile_file(tmp_path):
    with pytest.raises(InputError, match="podium"):
        load_layout("podum")
    with pytest.raises(InputError, match=r"是不是想写 大字版.*podium\(大字版\)"):
        load_layout("大子版")
    with pytest.raises(InputError, match="找不到这个文件"):
        load_layout("standard", tmp_path / "没有.yaml")


@pytest.mark.parametrize(("asked", "name"), [
    ("大字版", "podium"), ("大字", "podium"), ("标准版", "standard"), ("标准", "standard"),
    (" 大字版", "podium"), ("PODIUM", "podium"), ("ｐｏｄｉｕｍ", "podium")])  # pasted, typed
def test_a_layout_may_be_named_by_its_title(asked, name):
    """A user who reads "大字版" in the docs and on the page types it (a tester)."""
    assert load_layout(asked) == load_layout(name)


def test_sizes_by_chinese_name_or_points(tmp_path):
    layout = load_layout("standard", write(tmp_path, "body: {size: 小二}\ntitle: {size: 23pt}\n"
                                                     "heading1: {size: 15}\n"))
    assert (layout.body.size, layout.title.size, layout.heading1.size) == (18, 23, 15)


def test_speech_without_title_block_has_no_leading_blank_line():
    speech = Speech(sections=[Section(heading="总体要求", paragraphs=["正文。"])])
    doc = open_docx(render_docx(speech, STANDARD))
    assert [p.text for p in doc.paragraphs] == ["一、总体要求", "正文。"]
    assert doc.paragraphs[0]._p.pPr.find(qn("w:spacing")).get(qn("w:before")) == "0"


def test_line_breaks_inside_a_paragraph_become_breaks():
    doc = open_docx(render_docx(Speech(title="上行\n下行", opening=["甲\t乙"]), STANDARD))
    assert doc.paragraphs[0].text == "上行\n下行"
    assert doc.paragraphs[1].text == "甲\t乙"
    assert re.search("<w:br/>", doc.paragraphs[0]._p.xml)


def test_subtitle_centred_in_kai_under_the_title():
    speech = Speech(title="坚定信心 真抓实干", subtitle="——在全市经济工作会议上的讲话",
                    speaker="王五", salutation="同志们：")
    doc = open_docx(render_docx(speech, STANDARD))
    subtitle = doc.paragraphs[1]
    assert subtitle.text == "——在全市经济工作会议上的讲话"
    assert fonts(subtitle.runs[0])[0] == "楷体_GB2312"
    assert subtitle.runs[0].font.size == Pt(16)
    assert subtitle.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_profile_keys_in_chinese_as_listed_in_the_standard_profile(tmp_path):
    profile = write(tmp_path, "页边距:\n  上: 3.5cm\n一级标题:\n  字号: 小二\n  加粗: 是\n"
                              "页码:\n  格式: \"- {page} -\"\n版心网格:\n  每页行数: 23\n")
    layout = load_layout("standard", profile)
    assert layout.margins.top == 35
    assert (layout.heading1.size, layout.heading1.bold) == (18, True)
    assert layout.page_number.format == "- {page} -"
    assert layout.line_pitch_twips == 559  # (297 − 35 − 35) mm = 12869 twips over 23 lines


def test_widow_control_is_switched_on_as_the_readme_says_it(tmp_path):
    """README speaks of "开孤行控制"; a tester wrote 孤行控制: 开 and was refused."""
    for word, on in (("开", True), ("关", False), ("是", True)):
        profile = write(tmp_path, f"版心网格:\n  孤行控制: {word}\n")
        doc = open_docx(render_docx(long_speech(), load_layout("standard", profile)))
        assert {p.paragraph_format.widow_control for p in doc.paragraphs} == {on}, word


@pytest.mark.parametrize("key", ["字体", "字号", "font"])
def test_a_key_every_element_has_written_at_the_top_is_not_given_one_home(tmp_path, key):
    """"字体: 方正仿宋_GBK" at a profile's top was told it belongs under 标题 (a tester): the
    first element with that key; a user following it changes the title, not the body."""
    with pytest.raises(InputError, match=r"各有这个字段.*如“正文:”之下") as caught:
        load_layout("standard", write(tmp_path, f"{key}: 方正仿宋_GBK\n"))
    assert "它是 标题" not in str(caught.value)


@pytest.mark.parametrize(("text", "home"), [
    ("孤行控制: 开\n", "“版心网格:”之下"),
    ("widow_control: true\n", "“版心网格:”之下"),
])
def test_a_key_written_a_level_too_high_is_told_where_it_belongs(tmp_path, text, home):
    """A profile with 孤行控制 at its top was shown the top level's sixteen keys and no word of
    版心网格 (a tester)."""
    with pytest.raises(InputError, match=f"它是 版心网格\\(grid\\) 里的字段,应缩进写在{home}"):
        load_layout("standard", write(tmp_path, text))
