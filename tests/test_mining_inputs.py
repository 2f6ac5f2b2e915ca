"""`speechgen mine` as a user runs it: bad input, output files, and pages unlike the corpus.

The synthetic pages use another site's furniture, suffix markers (…讲话篇一), a single speech
with no marker, GB18030 and BOM encodings, hard-wrapped lines and Word input, so the rules are
checked for generality rather than for the three development pages.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
import yaml
from conftest import assert_user_error, run_speechgen
from helpers import write as _write

from generator.mining import mine_path, mine_text
from generator.outline_io import parse_outline
from generator.text_writer import render_text

SPEECH = """在全县教育工作会议上的讲话
县委副书记 王明
（2023年3月1日）
同志们：
这次会议的主要任务是，总结去年全县教育工作，部署今年任务。刚才，李局长作了工作报告，我完全同意。下面，我讲三点意见。
一、充分肯定成绩，进一步坚定办好人民满意教育的信心
过去一年，全县教育系统攻坚克难，各项工作取得明显成效。一是办学条件持续改善，新建校舍十二所。二是教育质量稳步提升，中考成绩位居全市前列。三是教师队伍不断壮大，新招聘教师二百名。
二、突出工作重点，扎实推进教育事业高质量发展
（一）抓好学前教育。要扩大普惠性资源，今年新增公办幼儿园五所。
（二）抓好义务教育。要推进城乡一体化，缩小校际差距。
（三）抓好职业教育。要深化产教融合，服务县域产业。
三、强化组织保障，确保各项任务落到实处
各级党委政府要切实加强领导，把教育摆在优先发展的位置，落实经费保障，关心教师成长。
同志们，教育事业功在当代、利在千秋。让我们团结一心，锐意进取，为办好人民满意的教育而努力奋斗！
谢谢大家！
"""

OTHER_SITE = """当前位置：首页 > 范文大全 > 讲话稿
发布时间：2023-05-06
在乡镇安全生产工作会议上的讲话篇一
同志们：
今天召开会议，主要是部署近期安全生产工作。下面，我讲两点意见。
一、认清形势，增强做好安全生产工作的责任感
近期，周边地区接连发生安全事故，教训深刻，我们必须高度警惕，切实把安全生产放在首位。
二、突出重点，扎实开展安全隐患排查整治
首先，要抓好道路交通安全。要加强重点路段巡查，严查超载超速。其次，要抓好消防安全。要对人员密集场所逐一检查。
同志们，安全生产责任重于泰山。让我们以高度负责的精神，确保全镇安全形势持续稳定！
在乡镇安全生产工作会议上的讲话篇二
各位领导、同志们：
这次会议是经镇党委研究决定召开的，主要任务是安排部署今年的防汛工作。借此机会，我讲三个方面的意见。
第一个方面，要提高认识。防汛工作事关群众生命财产安全，各村各单位必须高度重视，决不能掉以轻心。
第二个方面，要落实责任。镇村干部要分片包干，做到责任到人、措施到位、检查到点。
第三个方面，要加强值守。汛期实行二十四小时值班制度，确保信息畅通、反应迅速。
同志们，防汛工作任务艰巨。希望大家齐心协力，为夺取今年防汛工作的全面胜利作出新的贡献！
上一篇：在全镇春耕生产动员会上的讲话
下一篇：在全镇干部大会上的讲话
本文链接：https://example.com/fanwen/12345.html
相关文章：
在全县安全生产工作会议上的讲话
在全市防汛工作会议上的讲话
在全镇消防工作会议上的讲话
"""


# ---- bad input -----------------------------------------------------------------------------

def test_empty_file(speechgen, tmp_path: Path) -> None:
    assert_user_error(speechgen("mine", _write(tmp_path, "empty.txt", "  \n\n")), "空")


def test_binary_file(speechgen, tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert_user_error(speechgen("mine", path), "二进制")


def test_page_without_a_speech(speechgen, tmp_path: Path) -> None:
    page = "首页\n发布时间：2023-05-06\n上一篇：某某\n下一篇：某某\n"
    assert_user_error(speechgen("mine", _write(tmp_path, "links.txt", page)),
                      "links.txt: 没有找到讲话稿")  # the file named: an empty .docx was not


@pytest.mark.parametrize("title_level", [None, 1])
def test_word_heading_styles_without_typed_numbers_are_the_points(speechgen, tmp_path: Path,
                                                                  title_level) -> None:
    """Last year's speech with its parts in 标题 1/标题 2 and no typed 一、 was mined as opening
    and body text (a tester).  The levels used more than once are the points; a title in
    标题 1 over parts in 标题 2 is not one of them."""
    document = docx.Document()
    top, sub = (1, 2) if title_level is None else (2, 3)
    if title_level is None:
        document.add_paragraph("在全县安全生产工作会议上的讲话")
    else:
        document.add_heading("在全县安全生产工作会议上的讲话", title_level)
    document.add_paragraph("同志们：")
    document.add_paragraph("今天召开会议，部署安全生产工作。下面，我讲三点意见。")
    document.add_heading("提高认识，增强责任感", top)
    document.add_paragraph("安全生产事关群众生命财产安全。")
    document.add_heading("突出重点，抓好隐患排查", top)
    for heading in ("抓好道路交通安全", "抓好建筑施工安全"):
        document.add_heading(heading, sub)
        document.add_paragraph("要压实责任，逐项整改。")
    document.add_heading("强化保障，落实责任", top)
    document.add_paragraph("要加强督查问责。")
    document.save(tmp_path / "去年的讲话.docx")
    result = speechgen("mine", tmp_path / "去年的讲话.docx", "-o", tmp_path / "提纲.yaml")
    assert result.returncode == 0, result.stderr
    outline = yaml.safe_load((tmp_path / "提纲.yaml").read_text(encoding="utf-8"))
    assert [s["heading"] for s in outline["sections"]] == [
        "提高认识，增强责任感", "突出重点，抓好隐患排查", "强化保障，落实责任"]
    assert [s["heading"] for s in outline["sections"][1]["sections"]] == [
        "抓好道路交通安全", "抓好建筑施工安全"]
    assert outline["title"] == "在全县安全生产工作会议上的讲话"


@pytest.mark.parametrize("title_in_heading", [False, True])
def test_a_lone_word_heading_after_the_opening_is_the_one_point(tmp_path: Path,
                                                                title_in_heading: bool) -> None:
    """"下面，我讲一点意见。" then one 标题 1: the heading went into the opening as text (a
    tester).  A lone 标题 1 in the head, above the salutation, is still the title."""
    document = docx.Document()
    if title_in_heading:
        document.add_heading("在全县工作会议上的讲话", 1)
    else:
        document.add_paragraph("在全县工作会议上的讲话")
    for line in ("同志们：", "下面，我讲一点意见。"):
        document.add_paragraph(line)
    document.add_heading("抓好经济工作", 2 if title_in_heading else 1)
    document.add_paragraph("要抓项目、稳增长。")
    document.add_paragraph("同志们，让我们共同努力！")
    document.save(tmp_path / "一点意见.docx")
    speech = mine_path(tmp_path / "一点意见.docx").speeches[0].speech
    assert speech.title == "在全县工作会议上的讲话"
    assert speech.opening == ["下面，我讲一点意见。"]
    assert [(s.numbering, s.heading) for s in speech.sections] == [("一、", "抓好经济工作")]


def test_headings_word_numbers_itself_are_numbered_once(speechgen, tmp_path: Path) -> None:
    """Headings in 标题 1/标题 2 with Word's own 一、/（一） numbering came out "一、一、提高认识"
    and "（一）（一）…" once rendered (a tester): the number Word shows is the heading's one."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>' for i, text in enumerate(("%1、", "（%2）")))
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {w} w:abstractNumId="77">{levels}'
                                  "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {w} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))

    def numbered(text: str, level: int) -> None:
        heading = document.add_heading(text, level + 1)
        heading._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>'))

    for line in ("在全县安全生产工作会议上的讲话", "同志们：", "下面，我讲两点意见。"):
        document.add_paragraph(line)
    for top in ("提高认识", "压实责任"):
        numbered(top, 0)
        for sub in ("抓好排查", "抓好整改"):
            numbered(top + sub, 1)
            document.add_paragraph(f"要{top}，{sub}。")
    document.add_paragraph("同志们，安全生产责任重于泰山！")
    document.save(tmp_path / "自动编号.docx")
    mined = speechgen("mine", tmp_path / "自动编号.docx", "-o", tmp_path / "提纲.yaml")
    assert mined.returncode == 0, mined.stderr
    result = speechgen("render", tmp_path / "提纲.yaml", "-f", "txt")
    assert result.returncode == 0, result.stderr
    for line in ("一、提高认识", "（二）提高认识抓好整改", "二、压实责任",
                 "（一）压实责任抓好排查"):
        assert f"\n{line}\n" in result.stdout, result.stdout
    assert "一、一、" not in result.stdout and "（一）（一）" not in result.stdout
    assert "doubled-marker" not in result.stderr


def test_an_empty_docx_is_named(speechgen, tmp_path: Path) -> None:
    docx.Document().save(tmp_path / "去年的稿子.docx")
    result = speechgen("mine", tmp_path / "去年的稿子.docx", "-o", tmp_path / "提纲")
    assert_user_error(result, "去年的稿子.docx", "没有找到讲话稿")
    assert not (tmp_path / "提纲").exists()


def test_oversized_file(speechgen, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)
    assert_user_error(speechgen("mine", path), "文件过大")


def test_missing_file(speechgen, tmp_path: Path) -> None:
    assert_user_error(speechgen("mine", tmp_path / "nope.txt"), "找不到")


def test_one_file_for_many_speeches(speechgen, tmp_path: Path) -> None:
    page = _write(tmp_path, "site.txt", OTHER_SITE)
    assert_user_error(speechgen("mine", page, "-o", tmp_path / "one.yaml"), "目录")


def test_unknown_format(speechgen, tmp_path: Path) -> None:
    page = _write(tmp_path, "speech.txt", SPEECH)
    assert_user_error(speechgen("mine", page, "--format", "xml"), "xml")


def test_one_bad_file_among_good_ones_exits_1(speechgen, tmp_path: Path) -> None:
    good = _write(tmp_path, "speech.txt", SPEECH)
    bad = _write(tmp_path, "empty.txt", "")
    result = speechgen("mine", good, bad)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "空" in result.stderr
    assert parse_outline(result.stdout).title == "在全县教育工作会议上的讲话"


# ---- outputs -------------------------------------------------------------------------------

def test_directory_output_has_outlines_and_an_index(speechgen, tmp_path: Path) -> None:
    page = _write(tmp_path, "site_page.txt", OTHER_SITE)
    out = tmp_path / "out"
    result = speechgen("mine", page, "-o", out)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["index.csv", "site-1.yaml", "site-2.yaml"]
    index = (out / "index.csv").read_text(encoding="utf-8-sig").splitlines()
    assert index[0].startswith("文件,编号,篇目,标题")
    assert "在乡镇安全生产工作会议上的讲话" in index[1]
    speech = parse_outline((out / "site-2.yaml").read_text(encoding="utf-8"))
    assert [s.numbering for s in speech.sections] == ["第一个方面，"] * 3


def test_single_file_output_renders(speechgen, tmp_path: Path) -> None:
    page = _write(tmp_path, "speech.txt", SPEECH)
    target = tmp_path / "speech.yaml"
    assert speechgen("mine", page, "-o", target).returncode == 0
    rendered = speechgen("render", target, "--format", "txt")
    assert rendered.returncode == 0, rendered.stderr
    assert "二、突出工作重点，扎实推进教育事业高质量发展" in rendered.stdout
    assert "（二）抓好义务教育。要推进城乡一体化" in rendered.stdout


def test_json_and_stats(speechgen, tmp_path: Path) -> None:
    page = _write(tmp_path, "site.txt", OTHER_SITE)
    data = json.loads(speechgen("mine", page, "--format", "json").stdout)
    assert [d["id"] for d in data] == ["site-1", "site-2"]
    table = speechgen("mine", page, "--stats").stdout
    assert "篇数" in table and "2" in table and "编号方式" in table


# ---- pages unlike the corpus ---------------------------------------------------------------

def test_single_speech_page_without_marker() -> None:
    page = mine_text(SPEECH, "single.txt")
    assert len(page.speeches) == 1
    speech = page.speeches[0].speech
    assert speech.title == "在全县教育工作会议上的讲话"
    assert speech.speaker == "县委副书记 王明"
    assert speech.date == "2023年3月1日"
    assert speech.salutation == "同志们："
    assert speech.opening[0].startswith("这次会议的主要任务是")
    assert [s.heading[:4] for s in speech.sections] == ["充分肯定", "突出工作", "强化组织"]
    assert len(speech.sections[0].sections) == 3  # inline 一是…三是 divide a section with no items
    items = [s.heading for s in speech.sections[1].sections]
    assert items == ["抓好学前教育", "抓好义务教育", "抓好职业教育"]
    assert speech.closing[0].startswith("同志们，教育事业")
    assert speech.signoff == ["谢谢大家！"]
    assert not {f.code for f in speech.flags} & {"truncated", "count_mismatch"}


_MEETING = ("在全县安全生产工作会议上的讲话\n同志们：\n今天召开会议，{line}\n一、提高认识\n"
            "要高度重视安全生产工作。\n二、压实责任\n要落实到人。\n谢谢大家！\n")


@pytest.mark.parametrize(("line", "genre"), [
    ("我当选为主任，深感责任重大。", "genre_personal"),
    ("请大家发表感言。", None),  # 感言 mid-line: a speech asking for them
    ("会议由县长主持。", None),  # 主持 in a sentence: a chaired meeting, no host's script
    ("特此通知", "genre_notice"),
])
def test_genre_cues(line: str, genre: str | None) -> None:
    """The genre a page's wording gives away, and words near a cue that give none."""
    codes = {f.code for f in mine_text(_MEETING.format(line=line)).speeches[0].speech.flags}
    assert {c for c in codes if c.startswith("genre")} == ({genre} if genre else set())


def test_host_script_is_flagged() -> None:
    page = mine_text("全县安全生产工作会议主持词\n同志们：\n主持人：现在开会。\n一、听取汇报\n"
                     "请大家认真听取。\n二、部署工作\n请县长讲话。\n谢谢大家！\n")
    assert "genre_host" in {f.code for f in page.speeches[0].speech.flags}


def test_other_site_with_suffix_markers() -> None:
    page = mine_text(OTHER_SITE, "site.txt")
    assert [m.speech.title for m in page.speeches] == ["在乡镇安全生产工作会议上的讲话"] * 2
    first, second = (m.speech for m in page.speeches)
    assert first.sections[1].sections[1].heading == "要抓好消防安全"
    assert second.salutation == "各位领导、同志们："
    assert len(second.sections) == 3
    for m in page.speeches:
        text = render_text(m.speech)
        for noise in ("当前位置", "发布时间", "上一篇", "本文链接", "相关文章", "全市防汛"):
            assert noise not in text


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig"])
def test_encodings_and_crlf(tmp_path: Path, encoding: str) -> None:
    path = _write(tmp_path, "speech.txt", SPEECH.replace("\n", "\r\n"), encoding)
    speech = mine_path(path).speeches[0].speech
    assert speech.title == "在全县教育工作会议上的讲话"
    assert len(speech.sections) == 3


def test_hard_wrapped_page_and_half_width_punctuation() -> None:
    lines = []
    for line in SPEECH.splitlines():
        body = line.replace("，", ",").replace("：", ":").replace("（", "(").replace("）", ")")
        if len(body) > 30 and not body.startswith(("一、", "二、", "三、")):
            lines.extend(body[i : i + 30] for i in range(0, len(body), 30))
        else:
            lines.append(body)
    speech = mine_text("\n".join(lines), "wrapped.txt").speeches[0].speech
    assert len(speech.opening) == 1
    assert len(speech.sections[1].sections) == 3
    assert speech.closing[0].endswith("努力奋斗！")


def test_page_count_hint_is_checked() -> None:
    marker = "第{}篇:在会议上的讲话\n"
    text = "在会议上的讲话(共3篇)\n" + marker.format("一") + SPEECH + marker.format("二") + SPEECH
    page = mine_text(text, "hint.txt")
    assert len(page.speeches) == 2
    assert any("3" in w and "2" in w for w in page.warnings)


def test_word_document(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in SPEECH.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "speech.docx"
    document.save(str(path))
    speech = mine_path(path).speeches[0].speech
    assert speech.title == "在全县教育工作会议上的讲话"
    assert len(speech.sections) == 3


@pytest.mark.parametrize("typed", [False, True])
def test_a_table_of_figures_keeps_its_rows_and_the_paragraph_after_it(tmp_path: Path,
                                                                      typed: bool) -> None:
    """A Word table's rows ran into one another and into the paragraph after it
    ("GDP 215.6亿元 5.8%财政收入…成绩来之不易…") and went so into the redrafted speech (a
    tester); the same rows typed with full-width spaces in a text page are lines of their own."""
    rows = [["指标", "2023年", "增长"], ["地区生产总值", "215.6亿元", "5.8%"],
            ["一般公共预算收入", "12.3亿元", "7.1%"]]
    head = ["在全县经济工作会议上的讲话", "同志们：", "下面，我讲一点意见。", "一、抓好经济工作"]
    tail = ["成绩来之不易，这是全县上下共同奋斗的结果。", "同志们，让我们共同努力！"]
    if typed:
        lines = head + ["\u3000".join(row) for row in rows] + tail
        speech = mine_text("\n".join(lines), "page.txt").speeches[0].speech
    else:
        document = docx.Document()
        for line in head:
            document.add_paragraph(line)
        table = document.add_table(rows=3, cols=3)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        for line in tail:
            document.add_paragraph(line)
        document.save(tmp_path / "去年.docx")
        page = mine_path(tmp_path / "去年.docx")
        speech = page.speeches[0].speech
        # and told: a flattened table had been taken for the text (a tester)
        assert [f.code for f in speech.flags if f.code == "table"] == ["table"]
        assert any("1 个表格已按行转成文字" in w for w in page.warnings)
    assert speech.sections[0].paragraphs == [" ".join(row) for row in rows] + [tail[0]]
    # the cells' spacing is no blanked-out word ("含占位符:空格×1" on every Word table)
    assert not [flag for flag in speech.flags if flag.code == "placeholder"], speech.flags


def test_outline_round_trips_through_yaml() -> None:
    from generator.outline_io import dump_outline

    speech = mine_text(SPEECH, "single.txt").speeches[0].speech
    again = parse_outline(dump_outline(speech))
    assert render_text(again) == render_text(speech)
    assert yaml.safe_load(dump_outline(speech))["sections"][1]["sections"][0]["lead"] is True


PRECIS = """在全市政协工作会议上的讲话范文（精选3篇）
当前位置：首页 > 讲话稿
责任编辑：小王
范文一：在全市政协工作会议上的讲话
市委书记 张三
二〇二三年三月一日
各位委员：
今天召开全市政协工作会议，主要任务是总结去年工作，部署今年任务。下面，我讲三点意见。
一．充分认识新时代人民政协工作的重要意义
人民政协是具有中国特色的制度安排，是社会主义协商民主的重要渠道和专门协商机构。
二．突出重点，扎实做好今年政协各项工作
第一点，要围绕中心建言资政。各级政协组织要紧扣全市中心工作，深入调查研究，提出务实管用的意见。
第二点，要凝聚共识画好同心圆。要广泛团结各界人士，汇聚推动发展的强大合力。
最后一点，要加强自身建设。要提高履职能力，改进工作作风，树立政协良好形象。
三．加强党的领导，为政协工作提供坚强保证
各级党委要把政协工作纳入重要议事日程，定期听取汇报，及时研究解决政协工作中的重大问题。
同志们，让我们更加紧密地团结起来，为全面建设社会主义现代化国家作出新的更大贡献！
范文二：在政协工作会议上的讲话（摘要）
各位代表：
这次会议是在全市上下奋力推进高质量发展的关键时期召开的一次重要会议。下面，我讲两点意见。
首先，要提高政治站位。政协工作是党的工作的重要组成部分，必须坚持党的全面领导，确保正确政治方向。
其次，要提升履职实效。要聚焦群众急难愁盼问题，协商议政、民主监督，切实推动解决实际问题。
各位代表，做好新时代政协工作使命光荣、责任重大，希望大家同心协力，为全市发展作出更大贡献！
免责声明：本站文章均来自网络。
"""


def test_another_site_with_numbered_sample_markers_and_spoken_ordinals() -> None:
    page = mine_text(PRECIS, "precis.txt")
    assert any("3" in w and "2" in w for w in page.warnings)  # the title promised 3
    first, second = (m.speech for m in page.speeches)
    assert (first.speaker, first.date) == ("市委书记 张三", "二〇二三年三月一日")
    assert first.salutation == "各位委员："
    assert [s.numbering for s in first.sections] == ["一、"] * 3  # 一． read as 一、
    assert [s.heading for s in first.sections[1].sections][2] == "要加强自身建设"  # 最后一点
    assert second.title == "在政协工作会议上的讲话（摘要）"
    assert second.salutation == "各位代表："
    assert [s.heading for s in second.sections] == ["要提高政治站位", "要提升履职实效"]
    assert second.closing[0].startswith("各位代表，做好")
    for m in page.speeches:
        assert "免责声明" not in render_text(m.speech) and "责任编辑" not in render_text(m.speech)


def test_word_automatic_numbering_is_read_as_the_reader_sees_it(tmp_path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    style = document.styles["List Number"].element.find(qn("w:pPr")).find(qn("w:numPr"))
    num_id = style.find(qn("w:numId")).get(qn("w:val"))
    for line in SPEECH.splitlines()[:5]:
        document.add_paragraph(line)
    for text in ("要扩大普惠性资源，今年新增公办幼儿园五所。", "要推进城乡一体化，缩小校际差距。"):
        paragraph = document.add_paragraph(text)
        num_pr = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", "0"), ("w:numId", num_id)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            num_pr.append(child)
        paragraph._p.get_or_add_pPr().append(num_pr)
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    speech = mine_path(path).speeches[0].speech
    assert [s.numbering for s in speech.sections] == ["1."] * 2
    assert speech.sections[1].heading == "要推进城乡一体化，缩小校际差距"


def test_thanks_numbered_with_sequence_words_stay_in_the_opening() -> None:
    page = """在全县表彰大会上的讲话
同志们：
首先，我代表县委、县政府，向受到表彰的先进集体和先进个人表示热烈祝贺！
其次，向辛勤工作在各条战线上的同志们表示衷心感谢！下面，我讲两点意见。
一、充分肯定成绩
过去一年，全县上下团结奋斗，各项事业取得新的进展。
二、扎实做好今年工作
今年要重点抓好项目建设、乡村振兴和民生保障三项工作，确保完成全年目标任务。
同志们，让我们团结一心，为全县高质量发展作出新的更大贡献！
"""
    speech = mine_text(page, "thanks.txt").speeches[0].speech
    assert len(speech.opening) == 2
    assert [s.heading for s in speech.sections] == ["充分肯定成绩", "扎实做好今年工作"]


def test_page_that_lost_its_line_breaks() -> None:
    flat = " ".join(SPEECH.splitlines()[:2]) + " " + "".join(SPEECH.splitlines()[2:])
    speech = mine_text(flat, "flat.txt").speeches[0].speech
    assert speech.title == "在全县教育工作会议上的讲话"
    assert (speech.speaker, speech.date) == ("县委副书记 王明", "2023年3月1日")
    assert speech.salutation == "同志们："
    assert [s.heading[:4] for s in speech.sections] == ["充分肯定", "突出工作", "强化组织"]
    assert speech.closing[0].startswith("让我们团结一心")


def test_teasers_without_a_header_are_not_part_of_the_last_speech() -> None:
    teasers = [
        "    在全县办公室工作会议上的讲话",
        "    同志们:今天上午,县委、县政府召开这次会议,请乡镇和县直部门的同志参加......",
        "    在全市办公室工作会议上的讲话",
        "    同志们:这次全市办公室工作会议,是市委、市政府决定召开的一次重要会议......",
        "    在办公室工作会议上的讲话",
        "    市委办公室召开全市党委办公室工作会议很有必要......",
    ]
    page = mine_text(SPEECH + "\n".join(teasers), "teasers.txt")
    assert len(page.speeches) == 1
    assert page.speeches[0].speech.signoff == ["谢谢大家！"]


def test_a_folder_stands_for_its_pages(speechgen, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    _write(pages, "a.txt", SPEECH)
    _write(pages, "b.txt", OTHER_SITE)
    _write(pages, "notes.md", "# 不是网页")
    data = json.loads(speechgen("mine", pages, "--format", "json").stdout)
    assert [d["id"] for d in data] == ["a-1", "b-1", "b-2"]


def test_old_word_and_pdf_get_advice(speechgen, tmp_path: Path) -> None:
    for name in ("old.doc", "scan.pdf"):
        path = tmp_path / name
        path.write_bytes(b"%PDF-1.4 something")
        assert_user_error(speechgen("mine", path), "另存为")


def test_saved_web_page(tmp_path: Path) -> None:
    body = "".join(f"<p>{line}</p>\n" for line in SPEECH.splitlines())
    page = (
        "<!DOCTYPE html><html><head><title>讲话稿</title><style>p{margin:0}</style>"
        "<script>var x = '同志们：';</script></head><body>"
        "<div class='nav'>当前位置：首页 &gt; 讲话稿</div>"
        f"<div class='content'>\n{body}</div><div>上一篇：某某</div></body></html>"
    )
    path = _write(tmp_path, "page.html", page)
    speech = mine_path(path).speeches[0].speech
    assert speech.title == "在全县教育工作会议上的讲话"
    assert len(speech.sections) == 3 and speech.signoff == ["谢谢大家！"]


def test_numbered_line_that_fills_the_wrap_width_is_joined() -> None:
    text = SPEECH.replace(
        "一是办学条件持续改善，新建校舍十二所。",
        "\n一是办学条件持续改善，全县新建和改扩建校舍十二所，配齐了实验室和图书室。\n",
    )
    lines = []
    for line in text.splitlines():
        if len(line) > 20 and not line.startswith(("一、", "二、", "三、")):
            lines.extend(line[i : i + 20] for i in range(0, len(line), 20))
        else:
            lines.append(line)
    speech = mine_text("\n".join(lines), "wrapped20.txt").speeches[0].speech
    first = speech.sections[0].sections[0]
    # a statement with nothing under it keeps its stop
    assert first.heading == "办学条件持续改善，全县新建和改扩建校舍十二所，配齐了实验室和图书室。"


def test_a_word_list_of_full_sentences_keeps_its_stops_and_is_no_empty_point(
        speechgen, tmp_path: Path) -> None:
    """Figures typed as a Word numbered list (List Number) under a heading became sub-headings
    with their 。 dropped, and render called each an empty point (a tester); a sub-heading
    with its text under it is still printed without a stop."""
    document = docx.Document()
    for line in ("在全县经济工作会议上的讲话", "同志们：", "下面，我讲两点意见。"):
        document.add_paragraph(line)
    document.add_heading("回顾去年工作", 1)
    document.add_paragraph("去年主要指标完成良好：")
    figures = ("全年地区生产总值完成215.6亿元，同比增长5.8%。",
               "城乡居民收入分别增长5.2%和7.4%。")
    for text in figures:
        document.add_paragraph(text, style="List Number")
    document.add_heading("抓好今年工作", 1)
    document.add_heading("抓项目，稳增长。", 2)
    document.add_paragraph("要抓项目、稳增长。")
    document.add_heading("抓改革，增活力。", 2)
    document.add_paragraph("要抓改革、增活力。")
    document.add_paragraph("同志们，让我们共同努力！")
    document.save(tmp_path / "去年.docx")
    assert speechgen("mine", tmp_path / "去年.docx", "-o", tmp_path / "提纲.yaml").returncode == 0
    result = speechgen("render", tmp_path / "提纲.yaml", "-f", "txt")
    assert result.returncode == 0, result.stderr
    for number, text in enumerate(figures, 1):
        assert f"\n{number}.{text}\n" in result.stdout, result.stdout
    assert "\n（一）抓项目，稳增长\n" in result.stdout
    assert "empty-section" not in result.stderr


def test_a_speech_too_long_for_render_is_said_when_mined(tmp_path: Path) -> None:
    """A 12 MB page mined into a 12.6 MB outline, which render then refused (a tester, round
    2): the size is told at once."""
    paragraph = "各乡镇要认真落实今年的各项工作任务" * 20 + "。"
    page = _write(tmp_path, "长.txt", "在全县工作会议上的讲话\n同志们：\n"
                  + "\n".join([paragraph] * 1000))
    result = run_speechgen("mine", page, "-o", tmp_path / "长.yaml")
    assert result.returncode == 0, result.stderr
    assert "超过 render 读取提纲的上限" in result.stderr
    small = _write(tmp_path, "短.txt", "在全县工作会议上的讲话\n同志们：\n" + paragraph)
    assert "上限" not in run_speechgen("mine", small, "-o", tmp_path / "短.yaml").stderr


@pytest.mark.foreign_docx  # a made-up part, not a real photo: not for the output validator
def test_a_docx_is_bounded_by_its_parts_not_its_size(tmp_path: Path) -> None:
    """mine refused at 20 MB a .docx (photos make them large) that check read (a tester, round
    2): both now bound a .docx by what its parts inflate to."""
    import os
    import zipfile

    import docx

    document = docx.Document()
    for text in ("在全县工作会议上的讲话", "同志们：", "今天召开会议，部署今年的工作。"):
        document.add_paragraph(text)
    path = tmp_path / "带照片的讲话.docx"
    document.save(str(path))
    with zipfile.ZipFile(path, "a") as package:  # a photo's worth of bytes that do not shrink
        package.writestr(zipfile.ZipInfo("word/media/photo.bin"), os.urandom(21_000_000))
    assert path.stat().st_size > 20_000_000
    result = run_speechgen("mine", path, "-o", tmp_path / "提纲.yaml")
    assert result.returncode == 0, result.stderr
    assert run_speechgen("check", path).returncode in (0, 1)


def test_a_two_column_table_is_no_blanked_out_word(tmp_path) -> None:
    """"指标 数值" / "粮食产量 23万吨" from a two-column Word table was flagged
    "含占位符:空格×1" (a tester): a line of short cells and no clause mark is a table's row."""
    document = docx.Document()
    for line in ["在全县农业工作会议上的讲话", "同志们：", "今年粮食生产喜获丰收。"]:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([["指标", "数值"], ["粮食产量", "23万吨"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("同志们，让我们共同努力！")
    document.save(tmp_path / "去年.docx")
    speech = mine_path(tmp_path / "去年.docx").speeches[0].speech
    assert not [flag for flag in speech.flags if flag.code == "placeholder"], speech.flags
    blank = mine_text("同志们：\n今年全县召开 会议，部署工作。\n同志们，让我们共同努力！\n",
                      "page.txt").speeches[0].speech
    assert [flag.code for flag in blank.flags if flag.code == "placeholder"] == ["placeholder"]


def test_speechgens_own_list_of_five_is_read_back_unmixed(tmp_path: Path) -> None:
    """首先，其次，再次，第四，最后，— how speechgen writes a 首先 list of five — was mined back
    flagged "同一列表混用编号:第四，" (tester 11): 第四 is the list's own continuation."""
    outline = tmp_path / "党课.yaml"
    points = "".join(f"  - 小标题: 要抓好第{n}项工作\n    段落: [这是第{n}项的内容。]\n"
                     for n in range(1, 6))
    outline.write_text("模板: party-lecture\n会议名称: 专题党课\n讲话人: 局党组书记　王明\n"
                       "党课主题: 严守纪律规矩\n编号方式: 首先\n主要内容:\n" + points,
                       encoding="utf-8")
    assert run_speechgen("render", outline, "-o", tmp_path / "党课.docx").returncode == 0
    mined = mine_path(tmp_path / "党课.docx").speeches[0].speech
    codes = {flag.code for flag in mined.flags}
    assert "numbering_mixed" not in codes, codes
    assert len([s for s in mined.sections if "第" in s.heading]) == 5
