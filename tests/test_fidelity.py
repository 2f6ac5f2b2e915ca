"""What is printed is what was written: every example, in every layout and an office profile,
prints through LibreOffice with not one character lost, and every DOCX passes openxml-audit."""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
import zipfile
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


RARE = """标题: 在表彰王喆同志暨𠮷祥村工作会议上的讲话
讲话人: 市委书记　李堃
称呼: 同志们：
开场:
  - 朱镕基同志说过，䶮字很少见。喆、堃都是人名用字。
正文:
  - 小标题: 学习王喆同志
    段落: [王喆同志……]
结尾: [同志们，让我们而努力奋斗！]
结束语: 谢谢大家！
"""


def east_asian_runs(path: Path) -> list[tuple[str, str]]:
    """(text, East Asian font) of every run in the body, in order."""
    from docx.oxml.ns import qn

    out = []
    for paragraph in docx.Document(str(path)).paragraphs:
        for run in paragraph.runs:
            fonts = run._r.find(qn("w:rPr")).find(qn("w:rFonts"))
            out.append((run.text, fonts.get(qn("w:eastAsia"))))
    return out


def test_characters_the_gb2312_fonts_lack_are_set_in_a_font_that_has_them(tmp_path, speechgen):
    source = tmp_path / "生僻字.yaml"
    source.write_text(RARE, encoding="utf-8")
    out = tmp_path / "生僻字.docx"
    result = speechgen("render", source, "-o", out)
    assert result.returncode == 0, result.stderr
    runs = east_asian_runs(out)
    fonts: dict[str, set[str]] = {}
    for text, font in runs:
        for char in text:
            fonts.setdefault(char, set()).add(font)
    # the title's 方正小标宋简体 falls back to 宋体, the body's 仿宋_GB2312 to 仿宋; 黑体 has it
    assert fonts["喆"] == {"宋体", "仿宋", "黑体"}
    assert fonts["镕"] == {"仿宋"} and fonts["堃"] == {"楷体", "仿宋"}
    assert fonts["䶮"] == {"宋体"}  # CJK Extension A: not in GBK, 宋体 (GB 18030) has it
    assert fonts["𠮷"] == {"SimSun-ExtB"}
    assert fonts["同"] == {"方正小标宋简体", "仿宋_GB2312", "黑体"}
    text = "".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "朱镕基同志说过，䶮字很少见。喆、堃都是人名用字。" in text  # nothing lost or moved
    assert "“镕”“喆”“堃”不在仿宋_GB2312的字库中(共 4 处),已逐字改用仿宋排印" in result.stderr
    assert "“𠮷”不在方正小标宋简体的字库中" in result.stderr and "SimSun-ExtB" in result.stderr
    checked = speechgen("check", out, "--json")  # the fallback runs are what check expects
    assert not [f for f in json.loads(checked.stdout)["findings"] if f["id"].startswith("font")]


def test_the_fallback_font_is_the_profiles_to_choose(tmp_path, speechgen):
    source = tmp_path / "生僻字.yaml"
    source.write_text(RARE, encoding="utf-8")
    profile = tmp_path / "本单位.yaml"
    profile.write_text("生僻字:\n  字体: 方正仿宋_GBK\n  扩展字体: 花园明朝B\n", encoding="utf-8")
    out = tmp_path / "生僻字.docx"
    result = speechgen("render", source, "--profile", profile, "-o", out)
    assert result.returncode == 0, result.stderr
    fonts = {char: font for text, font in east_asian_runs(out) for char in text}
    assert (fonts["喆"], fonts["䶮"], fonts["𠮷"]) == ("方正仿宋_GBK", "方正仿宋_GBK", "花园明朝B")
    assert "已逐字改用方正仿宋_GBK排印" in result.stderr


@needs_tools
def test_rare_characters_print(tmp_path, speechgen):
    source = tmp_path / "生僻字.yaml"
    source.write_text(RARE, encoding="utf-8")
    result = speechgen("render", source, "--format", "pdf", "-o", tmp_path / "生僻字.pdf")
    assert result.returncode == 0, result.stderr
    printed = pdf_text(tmp_path / "生僻字.pdf")
    assert "朱镕基同志说过，䶮字很少见。喆、堃都是人名用字。" in printed
    assert "𠮷祥村" in printed


def test_font_table_names_alternates_panose_and_signatures(documents):
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(documents[f"{SPEECHES[0].stem}-standard"]) as package:
        table = etree.fromstring(package.read("word/fontTable.xml"))
        footers = [package.read(f"word/footer{n}.xml").decode() for n in (1, 2)]
    fonts = {font.get(f"{w}name"): font for font in table}
    alternates = {name: font.find(f"{w}altName").get(f"{w}val")
                  for name, font in fonts.items() if font.find(f"{w}altName") is not None}
    assert alternates["仿宋_GB2312"] == "仿宋" and alternates["楷体_GB2312"] == "楷体"
    assert alternates["方正小标宋简体"] == "宋体" and alternates["黑体"] == "SimHei"
    for name in ("仿宋_GB2312", "楷体_GB2312", "方正小标宋简体", "黑体", "宋体", "Times New Roman"):
        assert fonts[name].find(f"{w}panose1") is not None, name
        assert fonts[name].find(f"{w}sig") is not None, name
    assert {"仿宋", "楷体", "SimSun-ExtB"} <= set(fonts)  # the fallbacks for rare characters
    for footer in footers:
        assert 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"' \
            in footer


@pytest.mark.parametrize("pitch", ["29pt", "29.2pt", "29.45pt"])
def test_a_pitch_that_leaves_21_lines_is_kept_and_the_user_told_how_to_get_22(
        tmp_path, speechgen, pitch):
    profile = tmp_path / "本单位.yaml"
    profile.write_text(f"grid:\n  line_pitch: {pitch}\n", encoding="utf-8")
    out = tmp_path / "讲话.docx"
    result = speechgen("render", SPEECHES[0], "--profile", profile, "-o", out)
    assert result.returncode == 0, result.stderr
    assert f"行距 {pitch[:-2]} 磅时每页只能排 21 行,少于设定的 22 行" in result.stderr
    assert "标准版加本单位版式“本单位”:行距" in result.stderr  # not its name "standard+本单位"
    assert "可把行距改为 28.95 磅或更小" in result.stderr
    with zipfile.ZipFile(out) as package:  # the office's value, not a silent correction
        assert f'w:line="{round(float(pitch[:-2]) * 20)}"' in package.read(
            "word/document.xml").decode()
    bottom = re.search(r"下边距由 35 毫米改为 ([\d.]+) 毫米", result.stderr)[1]
    profile.write_text(f"grid:\n  line_pitch: {pitch}\nmargins:\n  bottom: {bottom}\n",
                       encoding="utf-8")
    again = speechgen("render", SPEECHES[0], "--profile", profile, "-o", out)
    assert again.returncode == 0 and "每页只能排" not in again.stderr  # the advice works


def test_the_library_returns_the_short_page_warning_and_the_cli_says_it_once(tmp_path,
                                                                             speechgen):
    """The web page shows what render() returns, so the warning is the library's, not the CLI's."""
    import generator as sg

    profile = tmp_path / "本单位.yaml"
    profile.write_text("grid:\n  line_pitch: 29pt\n", encoding="utf-8")
    speech = sg.load_speech(SPEECHES[0])
    for fmt in ("docx", "txt"):
        said = [w for w in sg.render(speech, fmt, profile=profile).warnings if "每页只能排" in w]
        assert len(said) == (fmt == "docx"), (fmt, said)
    result = speechgen("render", SPEECHES[0], SPEECHES[1], "--profile", profile,
                       "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("每页只能排 21 行") == 1


def test_the_gbt_pitch_gives_no_warning(tmp_path, speechgen):
    result = speechgen("render", SPEECHES[0], "-o", tmp_path / "讲话.docx")
    assert result.returncode == 0 and "每页只能排" not in result.stderr


@pytest.mark.parametrize(("profile", "fragment"), [
    ('正文:\n  字体: "仿宋\\x07GB2312"\n', "U+0007"),
    ('页码:\n  格式: "—\\x0b{page} —"\n', "U+000B"),
    ("正文:\n  字体: Founder FangSong Simplified Chinese GBK\n", "Word 最多只认 31 个"),
])
def test_a_profile_that_would_break_the_file_is_refused(tmp_path, speechgen, profile,
                                                          fragment):
    from conftest import assert_user_error

    path = tmp_path / "本单位.yaml"
    path.write_text(profile, encoding="utf-8")
    out = tmp_path / "讲话.docx"
    result = speechgen("render", SPEECHES[0], "--profile", path, "-o", out)
    assert_user_error(result, "本单位.yaml", fragment)
    assert not out.exists()


def test_a_batch_with_a_short_page_says_so_once_and_its_files_pass_the_audit(tmp_path,
                                                                              speechgen):
    profile = tmp_path / "本单位.yaml"
    profile.write_text("grid:\n  line_pitch: 29pt\n", encoding="utf-8")
    out = tmp_path / "out"
    result = speechgen("batch", EXAMPLES / "各乡镇会议.csv", "-t", "work-conference", "-o", out,
                       "--profile", profile, "-j", "1")
    assert result.returncode == 1, result.stderr  # the example's one bad row
    assert result.stderr.count("每页只能排 21 行") == 1
    written = sorted(out.glob("*.docx"))
    assert len(written) >= 2
    assert_valid_docx(*written, app_warnings=True)
