"""The public API (docs/api.md): the names a script or the web page imports from `generator`,
what they return, and that the library never prints."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLES, run_speechgen

import generator

CONTRACT = {
    "SpeechgenError", "InputError", "Problem", "Speech", "load_speech", "load_speech_text",
    "speech_from_mapping", "dump_outline", "FORMATS", "Rendered", "render", "load_profile",
    "CheckReport", "check", "fix", "MinedSpeech", "mine", "mine_text", "FieldInfo",
    "TemplateInfo", "list_templates", "BatchOptions", "RowResult", "run_batch",
}
EXAMPLE = EXAMPLES / "全市办公室工作会议.yaml"


def test_every_contract_name_is_importable_from_the_package() -> None:
    assert set(generator.__all__) == CONTRACT
    for name in CONTRACT:
        assert getattr(generator, name) is not None, name
    assert generator.FORMATS[:4] == ("docx", "txt", "md", "pdf")


def test_importing_the_package_loads_no_heavy_library() -> None:
    code = ("import sys, generator; heavy = [m for m in ('jinja2', 'docx', 'yaml', 'lxml', "
            "'openpyxl', 'rich', 'typer') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_render_returns_the_bytes_the_cli_writes(tmp_path: Path) -> None:
    speech = generator.load_speech(EXAMPLE)
    target = tmp_path / "out.docx"
    assert run_speechgen("render", EXAMPLE, "-o", target).returncode == 0
    rendered = generator.render(speech, "docx")
    assert rendered.data == target.read_bytes()
    assert (rendered.format, rendered.suffix) == ("docx", ".docx")
    assert rendered.media_type.endswith("wordprocessingml.document")
    text = run_speechgen("render", EXAMPLE, "-f", "txt").stdout
    assert generator.render(speech, "txt").data.decode("utf-8") == text


def test_load_speech_text_places_problems_like_the_cli() -> None:
    text = "标题: 在会上的讲话\n正文:\n  - 小标题: 一\n    段落: [好]\n  - 小标提: 二\n"
    with pytest.raises(generator.SpeechgenError) as caught:
        generator.load_speech_text(text, filename="会.yaml")
    problem = caught.value.problems[0]
    assert caught.value.exit_code == 2
    assert (problem.file, problem.line, problem.column) == ("会.yaml", 5, 5)
    assert "小标提" in problem.message and "小标题" in problem.message
    data = problem.to_dict()
    assert data["text"] == str(problem) and data["line"] == 5
    assert data["key_path"] == ["sections", 1, "小标提"] and data["path"] == "正文[2].小标提"
    assert caught.value.to_dict()["exit_code"] == 2
    assert set(data) == {"message", "file", "line", "column", "key_path", "path", "text"}


def test_speech_from_mapping_renders_a_docx() -> None:
    speech = generator.speech_from_mapping({
        "标题": "在全区工作会议上的讲话",
        "称呼": "同志们：",
        "正文": [{"小标题": "统一思想", "段落": ["要提高认识。"]}],
    })
    document = docx.Document(io.BytesIO(generator.render(speech).data))
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert texts[0] == "在全区工作会议上的讲话"
    assert "一、统一思想" in texts and "要提高认识。" in texts


def test_dump_outline_loads_back_equal() -> None:
    speech = generator.load_speech(EXAMPLES / "全区党建工作会议.yaml")  # an outline
    again = generator.load_speech_text(generator.dump_outline(speech))
    assert again == speech


def test_check_returns_findings_as_data(tmp_path: Path) -> None:
    draft = tmp_path / "稿.txt"
    draft.write_text("同志们:\n这次会议由XX主持,很重要。\n", encoding="utf-8")
    report = generator.check(draft)
    ids = {f.id for f in report.findings}
    assert "placeholder" in ids and "halfwidth-punct" in ids
    data = report.to_dict()
    assert data["summary"]["error"] == report.errors >= 1
    assert data["stats"]["chars"] > 0
    fixed = generator.fix(draft).decode("utf-8")
    assert "同志们：" in fixed and "主持，很重要" in fixed
    assert draft.read_text(encoding="utf-8").startswith("同志们:")  # the draft is untouched


def test_list_templates_declares_every_field_for_a_form() -> None:
    infos = {t.name: t for t in generator.list_templates()}
    assert "outline" in infos and "party-building" in infos
    party = infos["party-building"]
    assert party.label and party.when_to_use
    required = {f.key for f in party.fields if f.required}
    assert required and required <= {f.key for f in party.fields}
    assert all("key" in f and "children" in f for f in party.to_dict()["fields"])


def test_mine_text_reads_back_a_rendered_speech() -> None:
    speech = generator.load_speech(EXAMPLE)
    text = generator.render(speech, "txt").data.decode("utf-8")
    mined = generator.mine_text(text, name="稿.txt")
    assert len(mined) == 1
    assert mined[0].speech.title == speech.title
    assert [s.heading for s in mined[0].speech.sections] == [s.heading for s in speech.sections]
    assert mined[0].to_dict()["outline"]["title"] == speech.title
    assert mined[0].source == "稿.txt"


def test_run_batch_yields_rows_and_prints_nothing(tmp_path: Path, capsys) -> None:
    options = generator.BatchOptions(sheet=EXAMPLES / "各乡镇会议.csv",
                                     template="work-conference", output=tmp_path / "out",
                                     jobs=1)
    results = list(generator.run_batch(options))
    assert capsys.readouterr() == ("", "")
    assert [r.row for r in results] == sorted(r.row for r in results)
    written = [r for r in results if r.status == "written"]
    failed = [r for r in results if r.status == "failed"]
    assert written and failed  # the example sheet has one wrong row on purpose
    assert all(r.path is not None and r.path.is_file() for r in written)
    assert failed[0].problems and failed[0].to_dict()["problems"][0]["text"]
    with zipfile.ZipFile(written[0].path) as package:
        assert "word/document.xml" in package.namelist()


def test_the_example_in_docs_api_md_runs(tmp_path, monkeypatch, capsys) -> None:
    """The complete example of docs/api.md, exactly as a reader copies it."""
    text = (EXAMPLES.parent / "docs" / "api.md").read_text(encoding="utf-8")
    section = text[text.index("## 一个完整的例子"):]
    code = section[section.index("```python\n") + len("```python\n"):]
    code = code[:code.index("```")]
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "docs/api.md", "exec"), {"__name__": "__docs__"})
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith("application/vnd.openxmlformats") and printed[0].endswith("字节")
    assert printed[1] == "字段 正文[1].小标提:未知字段“小标提”,是不是想写 小标题(heading)?"


def test_readme_quick_api_example_runs(tmp_path, monkeypatch) -> None:
    text = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## 在 Python 中使用"):]
    code = section[section.index("```python\n") + len("```python\n"):]
    code = code[:code.index("```")]
    monkeypatch.chdir(EXAMPLES.parent)
    code = code.replace('open("讲话稿.docx"', f'open(r"{tmp_path / "讲话稿.docx"}"')
    exec(compile(code, "README.md", "exec"), {"__name__": "__readme__"})
    assert docx.Document(str(tmp_path / "讲话稿.docx")).paragraphs[0].text


def test_a_profile_as_text_or_file_reaches_the_docx(tmp_path) -> None:
    speech = generator.load_speech(EXAMPLES / "全区党建工作会议.yaml")
    layout = generator.load_profile("正文: {字体: 方正仿宋_GBK}")
    document = docx.Document(io.BytesIO(generator.render(speech, profile=layout).data))
    body = document.paragraphs[5].runs[-1]._r.rPr.rFonts
    assert body.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") \
        == "方正仿宋_GBK"
    path = tmp_path / "版式.yaml"
    path.write_text("正文:\n  字体: 方正仿宋_GBK\n", encoding="utf-8")
    assert generator.render(speech, profile=path).data == generator.render(
        speech, profile=layout).data


def test_check_takes_a_speech_tree() -> None:
    speech = generator.speech_from_mapping({"标题": "在会上的讲话", "开场": ["请XX同志讲话。"]})
    report = generator.check(speech, minutes=1)
    assert "placeholder" in {f.id for f in report.findings}
    assert report.file is None and report.to_dict()["stats"]["target_minutes"] == 1


def test_a_templated_speech_dumps_to_an_outline_that_loads_back_the_same_text():
    """The outline YAML a user downloads (web) or saves reads back as the finished text."""
    import generator as sg

    speech = sg.load_speech(EXAMPLES / "全县经济工作会议.yaml")
    assert speech.template != "outline"
    again = sg.load_speech_text(sg.dump_outline(speech))
    assert sg.render(again, "txt").data == sg.render(speech, "txt").data
