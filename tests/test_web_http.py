"""`speechgen serve` at the HTTP level: the contract of docs/web.md, guards first.

The Flask test client runs the real application in-process (no socket); the last tests start
the real command and talk to it over 127.0.0.1 as the page does.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import EXAMPLES, run_speechgen
from docx import Document

from generator.web.app import create_app
from generator.web.guards import MAX_BODY, cookie_name

PORT = 8765
TOKEN = "test-token-0123456789"
BASE = f"http://127.0.0.1:{PORT}"
AUTH = {"X-Speechgen-Token": TOKEN}
EXAMPLE = EXAMPLES / "全县党建工作会议.yaml"
SHEET = EXAMPLES / "各乡镇会议.xlsx"


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    folder = tmp_path / "private"
    folder.mkdir()
    return folder


@pytest.fixture
def quit_event() -> threading.Event:
    return threading.Event()


@pytest.fixture
def client(workdir: Path, quit_event: threading.Event):
    app = create_app(PORT, TOKEN, workdir, quit_event)
    return app.test_client()


def get(client, path: str, **kwargs):
    kwargs.setdefault("headers", AUTH)
    return client.get(path, base_url=BASE, **kwargs)


def post(client, path: str, **kwargs):
    kwargs.setdefault("headers", AUTH)
    return client.post(path, base_url=BASE, **kwargs)


def yaml_post(client, path: str, text: str, **kwargs):
    return post(client, path, data=text.encode("utf-8"), content_type="application/yaml",
                **kwargs)


def party_facts(**extra: object) -> dict:
    return {"template": "party-building", "meeting": "全县机关党建工作会议",
            "tasks": [{"heading": "抓好政治建设", "intro": ["各级党组织要把政治建设摆在首位。"]},
                      {"heading": "抓好基层组织建设", "intro": ["要推进基层党组织标准化建设。"]}],
            **extra}


# --- the guards ------------------------------------------------------------------------------

def test_without_token_every_route_is_refused_in_chinese(client):
    for path in ("/", "/api/templates", "/static/app.js"):
        response = client.get(path, base_url=BASE)
        assert response.status_code == 403
        assert "拒绝访问" in response.get_json()["error"]
    assert post(client, "/api/preview", headers={}, json=party_facts()).status_code == 403


def test_a_wrong_token_is_refused_in_query_cookie_and_header(client):
    assert client.get("/?token=wrong", base_url=BASE).status_code == 403
    assert get(client, "/api/templates", headers={"X-Speechgen-Token": "wrong"}).status_code \
        == 403
    client.set_cookie(cookie_name(PORT), "wrong", domain="127.0.0.1")
    assert client.get("/api/templates", base_url=BASE).status_code == 403


def test_the_token_in_the_url_becomes_a_cookie_named_with_the_port(client):
    response = client.get(f"/?token={TOKEN}", base_url=BASE)
    assert response.status_code == 303 and response.headers["Location"] == "/"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(f"speechgen_token_{PORT}={TOKEN}")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    page = client.get("/", base_url=BASE)  # the cookie alone now opens the page
    assert page.status_code == 200
    assert "讲话稿" in page.get_data(as_text=True)
    assert client.get("/api/templates", base_url=BASE).status_code == 200


def test_the_page_is_chinese_offline_and_warns_old_browsers_without_script(client):
    page = get(client, "/").get_data(as_text=True)
    assert '<html lang="zh-CN">' in page
    # Shown unless the script hides it: IE (mode) cannot run the script, so it sees this.
    notice = re.search(r'<div id="old-browser"([^>]*)>(.*?)</div>', page, re.S)
    assert notice and "hidden" not in notice[1] and "极速模式" in notice[2]
    assert re.search(r'<div id="app" hidden>', page)
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing fetched from elsewhere
    for asset in ("/static/app.js", "/static/app.css", "/static/speech.css"):
        response = get(client, asset)
        assert response.status_code == 200, asset
        assert "http://" not in response.get_data(as_text=True).replace(
            "http://127.0.0.1", "").replace("http://localhost", "")
    headers = get(client, "/").headers
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_another_servers_cookie_does_not_open_this_one(client):
    client.set_cookie(cookie_name(PORT + 1), TOKEN, domain="127.0.0.1")
    assert client.get("/api/templates", base_url=BASE).status_code == 403


def test_a_foreign_host_is_refused_even_with_the_token(client):
    for host in ("evil.example:8765", "127.0.0.1:9999", "localhost", "127.0.0.1"):
        response = client.get("/api/templates", base_url=f"http://{host}", headers=AUTH)
        assert response.status_code == 403, host
        assert "127.0.0.1" in response.get_json()["error"]
    ok = client.get("/api/templates", base_url=f"http://localhost:{PORT}", headers=AUTH)
    assert ok.status_code == 200


def test_a_post_from_another_origin_is_refused(client):
    for origin in ("http://evil.example", f"http://127.0.0.1:{PORT + 1}", "null"):
        response = post(client, "/api/preview", json=party_facts(),
                        headers={**AUTH, "Origin": origin})
        assert response.status_code == 403, origin
        assert "不是来自本工具的页面" in response.get_json()["error"]
    own = post(client, "/api/preview", json=party_facts(), headers={**AUTH, "Origin": BASE})
    assert own.status_code == 200


def test_state_changes_only_by_post(client, quit_event):
    for path in ("/api/quit", "/api/preview", "/api/render", "/api/batch", "/api/check"):
        response = get(client, path)
        assert response.status_code == 405, path
        assert "POST" in response.get_json()["error"]
    assert not quit_event.is_set()
    assert post(client, "/api/quit").status_code == 200
    assert quit_event.is_set()


def test_an_oversize_body_is_refused_with_413_in_chinese(client, workdir):
    response = post(client, "/api/check", data={"file": (io.BytesIO(b"x" * (MAX_BODY + 1)),
                                                          "稿子.txt")})
    assert response.status_code == 413
    assert "20 MB" in response.get_json()["error"]
    assert "上传的内容太大" in response.get_json()["error"]
    assert list(workdir.iterdir()) == []  # nothing of it was written


# --- templates and preview ---------------------------------------------------------------------

def test_templates_carry_labels_when_to_use_and_field_declarations(client):
    data = get(client, "/api/templates").get_json()
    by_name = {t["name"]: t for t in data}
    party = by_name["party-building"]
    assert party["label"] == "党建工作会议讲话"
    assert "党建" in party["when_to_use"]
    meeting = next(f for f in party["fields"] if f["key"] == "meeting")
    assert meeting["label"] == "会议名称" and meeting["required"] is True
    assert meeting["example"] == "全县机关党建工作会议"
    review = next(f for f in party["fields"] if f["key"] == "review")
    achievements = next(f for f in review["children"] if f["key"] == "achievements")
    assert achievements["type"] == "list"
    assert [c["label"] for c in achievements["children"]] == ["小标题", "段落"]
    assert "outline" in by_name
    kind = next(f for f in by_name["election-or-founding"]["fields"] if f["key"] == "kind")
    assert kind["options"] == ["换届选举", "成立大会"]  # one per meaning, no English spelling


def test_preview_of_yaml_shows_the_draft_with_the_real_count(client):
    response = yaml_post(client, "/api/preview", EXAMPLE.read_text(encoding="utf-8"))
    assert response.status_code == 200
    data = response.get_json()
    points = data["points"]
    assert points >= 2
    numeral = "一二三四五六七八九十"[points - 1]
    said = numeral if points < 5 else "几"  # five parts or more are announced as 几点
    assert f"{said}点意见" in data["text"] or f"{said}个方面" in data["text"]
    assert '<p class="sg-title" data-para="1">' in data["html"]
    assert "同志们" in data["html"]
    assert f"{numeral}、" in data["html"] and f"{numeral}、" in data["text"]
    assert data["stats"]["chars"] > 1000 and data["stats"]["minutes"] > 1
    assert isinstance(data["findings"], list)


def test_preview_text_is_what_render_txt_prints(client):
    data = yaml_post(client, "/api/preview", EXAMPLE.read_text(encoding="utf-8")).get_json()
    cli = run_speechgen("render", EXAMPLE, "-f", "txt")
    assert data["text"] == cli.stdout


def test_preview_findings_name_their_paragraph(client):
    facts = party_facts(purpose="XX")
    data = post(client, "/api/preview", json=facts).get_json()
    placeholder = [f for f in data["findings"] if "XX" in f["text"]]
    assert placeholder, data["findings"]
    number = placeholder[0]["paragraph"]
    assert re.search(rf'data-para="{number}">[^<]*XX', data["html"])


def test_bad_yaml_answers_400_with_its_line_as_the_cli_does(client, tmp_path):
    text = "template: party-building\nmeeting: 全县会议\n  speaker: 王宏\ndate: x\n"
    response = yaml_post(client, "/api/preview", text)
    assert response.status_code == 400
    problem = response.get_json()["problems"][0]
    assert problem["line"] == 3
    assert problem["text"].startswith("<输入>:3")
    source = tmp_path / "坏.yaml"
    source.write_text(text, encoding="utf-8")
    cli = run_speechgen("render", source, "-f", "txt")
    assert problem["text"].replace("<输入>", str(source)) in cli.stderr


def test_a_missing_required_field_is_named_as_the_cli_names_it(client, tmp_path):
    response = post(client, "/api/preview", json={"template": "party-building"})
    assert response.status_code == 400
    problem = response.get_json()["problems"][0]
    assert "缺少必填字段 会议名称(meeting)" in problem["message"]
    source = tmp_path / "缺字段.yaml"
    source.write_text("template: party-building\n", encoding="utf-8")
    cli = run_speechgen("render", source, "-f", "txt")
    assert problem["message"] in cli.stderr


def test_json_problems_carry_the_key_path_a_form_places_them_by(client):
    facts = {"template": "party-building", "tasks": [{"intro": ["要抓好落实。"]}],
             "date": "2025年2月30日"}
    problems = post(client, "/api/preview", json=facts).get_json()["problems"]
    by_path = {tuple(p["key_path"]): p["message"] for p in problems}
    assert "不是真实存在的日期" in by_path[("date",)]
    assert "缺少必填字段 小标题(heading)" in by_path[("tasks", 0, "heading")]
    assert "缺少必填字段 会议名称(meeting)" in by_path[("meeting",)]


def test_template_syntax_in_a_field_value_stays_literal(client):
    value = ("{{ ''.__class__.__mro__ }}{% for x in range(3) %}X{% endfor %}"
             "<script>alert(1)</script>")
    data = post(client, "/api/preview", json=party_facts(purpose=value)).get_json()
    assert "{{ ''.__class__.__mro__ }}" in data["text"]
    assert "{% for x in range(3) %}" in data["text"]
    assert "<script>" not in data["html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in data["html"]


# --- downloads ---------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["docx", "txt", "md"])
def test_render_is_byte_identical_to_the_cli(client, tmp_path, fmt):
    response = yaml_post(client, f"/api/render?format={fmt}&layout=standard",
                         EXAMPLE.read_text(encoding="utf-8"))
    assert response.status_code == 200
    target = tmp_path / f"cli.{fmt}"
    assert run_speechgen("render", EXAMPLE, "-o", target).returncode == 0
    assert response.data == target.read_bytes()


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="需要 LibreOffice(soffice)和 poppler-utils(pdftotext)")
def test_pdf_holds_the_text_and_pages_of_the_clis_pdf(client, tmp_path):
    assert get(client, "/api/status").get_json()["pdf"] is True
    response = yaml_post(client, "/api/render?format=pdf", EXAMPLE.read_text(encoding="utf-8"))
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    web = tmp_path / "web.pdf"
    web.write_bytes(response.data)
    cli = tmp_path / "cli.pdf"
    assert run_speechgen("render", EXAMPLE, "-o", cli).returncode == 0

    def pages(path: Path) -> list[str]:
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
        return text.split("\f")

    assert pages(web) == pages(cli)
    assert "党建工作会议上的讲话" in pages(web)[0]


@pytest.mark.parametrize("asked", ["podium", "大字版"])
def test_podium_docx_is_the_clis_podium_layout(client, tmp_path, asked):
    """By name or by the title the page and the docs print (a tester typed 大字版)."""
    response = yaml_post(client, f"/api/render?format=docx&layout={asked}",
                         EXAMPLE.read_text(encoding="utf-8"))
    target = tmp_path / "podium.docx"
    run_speechgen("render", EXAMPLE, "--layout", "podium", "-o", target)
    assert response.data == target.read_bytes()
    assert "%E5%A4%A7%E5%AD%97%E7%89%88" in response.headers["Content-Disposition"]  # 大字版


def test_the_outline_may_come_as_a_file_part_and_its_type_is_checked(client, tmp_path):
    """curl -F input=@提纲.yaml was told "文件是空的", and input_type text/html was read as
    YAML (a tester): a file part is read as the field is, an unknown type is refused."""
    text = EXAMPLE.read_text(encoding="utf-8")
    as_file = post(client, "/api/render?format=txt", data={
        "input": (io.BytesIO(text.encode("utf-8")), "提纲.yaml"), "input_type": "application/yaml"})
    as_field = post(client, "/api/render?format=txt", data={
        "input": text, "input_type": "application/yaml"})
    assert as_file.status_code == 200 and as_file.data == as_field.data
    wrong = post(client, "/api/render?format=txt", data={"input": text, "input_type": "text/html"})
    assert wrong.status_code == 400 and "input_type" in wrong.get_data(as_text=True)


def test_a_long_outline_posted_as_a_form_field_is_not_refused_as_too_big(client):
    """werkzeug keeps a form field under 500 KB: a 0.6 MB draft sent for download was told
    "不能超过 20 MB" (a tester).  The page's limit is the body's, for a field too."""
    text = EXAMPLE.read_text(encoding="utf-8") + "# " + "备注" * 100_000 + "\n"
    assert 510_000 < len(text.encode("utf-8")) < 1_000_000  # over werkzeug's, under ours
    response = post(client, "/api/render?format=txt", content_type="multipart/form-data",
                    data={"input": text, "input_type": "application/yaml"})  # as FormData
    assert response.status_code == 200, response.get_data(as_text=True)


def test_a_house_profile_sent_with_the_form_applies_like_render_profile(client, tmp_path):
    profile = "body:\n  font: 方正仿宋_GBK\n"
    text = EXAMPLE.read_text(encoding="utf-8")
    response = post(client, "/api/render?format=docx", data={
        "input": text, "input_type": "application/yaml", "profile": profile})
    assert response.status_code == 200
    profile_file = tmp_path / "本单位.yaml"
    profile_file.write_text(profile, encoding="utf-8")
    target = tmp_path / "cli.docx"
    run_speechgen("render", EXAMPLE, "--profile", profile_file, "-o", target)
    assert response.data == target.read_bytes()
    body = Document(io.BytesIO(response.data)).paragraphs
    assert any("方正仿宋_GBK" in p._p.xml for p in body)


def test_a_bad_house_profile_is_refused_at_upload(client):
    response = post(client, "/api/profile", data={"profile": "body:\n  size: 巨大\n"})
    assert response.status_code == 400
    assert "字号" in response.get_json()["error"] or "size" in response.get_json()["error"]
    assert post(client, "/api/profile", data={"profile": "body:\n  size: 三号\n"}).status_code \
        == 200
    uploaded = post(client, "/api/profile", data={
        "profile": (io.BytesIO("body:\n  size: 巨大\n".encode()), "版式.yaml")})
    assert uploaded.status_code == 400  # told under the uploaded file's own name
    assert "版式.yaml:" in uploaded.get_json()["error"]
    assert "本单位版式.yaml" not in uploaded.get_json()["error"]


def test_a_house_profile_is_warned_of_at_upload_as_render_warns_of_it(client, tmp_path):
    """A line pitch leaving fewer lines on a page: render --profile warns, the page said only
    "已启用" (a tester)."""
    text = "grid:\n  line_pitch: 29pt\n"
    answer = post(client, "/api/profile", data={
        "profile": (io.BytesIO(text.encode()), "版式.yaml")}).get_json()
    profile = tmp_path / "版式.yaml"
    profile.write_text(text, encoding="utf-8")
    cli = run_speechgen("render", EXAMPLE, "--profile", profile, "-o", tmp_path / "x.docx")
    assert answer["warnings"] and all(w in cli.stderr for w in answer["warnings"]), cli.stderr
    assert "每页只能排" in answer["warnings"][0]


def test_render_warnings_reach_the_page_in_a_header(client):
    response = post(client, "/api/render?format=docx", json=party_facts(purpose="部署\x07工作"))
    assert response.status_code == 200
    warning = unquote(response.headers["X-Speechgen-Warnings"])
    assert "不可见字符 U+0007,已删除" in warning


def test_download_names_are_chinese_per_rfc_5987(client):
    response = post(client, "/api/render?format=docx", json=party_facts())
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment; filename=\"")
    encoded = disposition.split("filename*=UTF-8''")[1]
    assert unquote(encoded) == "在全县机关党建工作会议上的讲话.docx"
    assert disposition.split('"')[1].isascii()


def test_saved_facts_load_back_into_the_same_speech(client):
    facts = party_facts(speaker="县委书记　王宏", purpose="部署今年工作")
    saved = post(client, "/api/render?format=yaml", json=facts)
    assert saved.headers["Content-Disposition"].endswith(".yaml")
    again = yaml_post(client, "/api/preview", saved.get_data(as_text=True)).get_json()
    assert again["text"] == post(client, "/api/preview", json=facts).get_json()["text"]


def test_a_saved_file_in_chinese_keys_opens_in_the_form_under_canonical_keys(client):
    response = post(client, "/api/load", data={"file": (EXAMPLE.open("rb"), EXAMPLE.name)})
    assert response.status_code == 200, response.get_json()
    loaded = response.get_json()
    assert loaded["template"] == "party-building"
    data = loaded["data"]
    assert data["meeting"] == "全县党建工作会议"  # 会议名称 in the file
    assert data["review"]["achievements"][0]["heading"] == "政治建设持续加强"
    assert "template" not in data and "模板" not in data
    # What the form sends back renders the same speech as the file.
    again = post(client, "/api/preview", json={"template": "party-building", **data}).get_json()
    assert again["text"] == run_speechgen("render", EXAMPLE, "-f", "txt").stdout


@pytest.mark.parametrize("spelled", ["首先", "首先，"])
def test_a_saved_choice_opens_as_the_form_offers_it(client, spelled):
    """A lecture saved with 编号方式 首先 came back as "首先，" (the value), which the form's list
    does not offer: the page said "不是可选值" and showed no preview (a tester).  Either
    spelling opens as the list's 首先, and the CLI renders both."""
    scaffold = run_speechgen("new", "party-lecture").stdout
    text = re.sub(r"(?m)^#? ?编号方式:.*$", f"编号方式: '{spelled}'", scaffold)
    response = post(client, "/api/load", data={"file": (io.BytesIO(text.encode()), "党课.yaml")})
    assert response.status_code == 200, response.get_json()
    data = response.get_json()["data"]
    assert data["numbering"] == "首先"
    shown = post(client, "/api/preview", json={"template": "party-lecture", **data}).get_json()
    assert "\n首先，" in shown["text"] and "\n其次，" in shown["text"]


def test_a_saved_outline_opens_in_the_outline_editor(client, tmp_path):
    outline = tmp_path / "提纲.yaml"
    speech = tmp_path / "讲话.docx"
    run_speechgen("render", EXAMPLES / "全县经济工作会议.yaml", "-o", speech)
    assert run_speechgen("mine", speech, "-o", outline).returncode == 0
    loaded = post(client, "/api/load", data={"file": (outline.open("rb"), outline.name)})
    data = loaded.get_json()
    assert data["template"] == "outline"
    assert data["data"]["title"] == "在全县经济工作会议上的讲话"
    text = run_speechgen("render", EXAMPLES / "全县经济工作会议.yaml", "-f", "txt").stdout
    points = re.findall(r"^[一二三四五六七八九十]+、", text, re.M)
    assert len(data["data"]["sections"]) == len(points) >= 3


def test_a_broken_saved_file_is_refused_with_its_line(client):
    text = "模板: party-building\n会议名称: [未闭合\n"
    response = post(client, "/api/load", data={"file": (io.BytesIO(text.encode()), "坏.yaml")})
    assert response.status_code == 400
    assert response.get_json()["problems"][0]["text"].startswith("坏.yaml:")


def test_unknown_format_is_a_chinese_400(client):
    response = post(client, "/api/render?format=exe", json=party_facts())
    assert response.status_code == 400
    assert "不支持的输出格式" in response.get_json()["error"]


# --- mine, check, batch --------------------------------------------------------------------------

def test_mine_an_uploaded_docx_finds_its_outline(client, tmp_path):
    docx = tmp_path / "去年的讲话.docx"
    run_speechgen("render", EXAMPLE, "-o", docx)
    response = post(client, "/api/mine", data={"file": (docx.open("rb"), docx.name)})
    assert response.status_code == 200
    speeches = response.get_json()["speeches"]
    assert len(speeches) == 1
    outline = speeches[0]["outline"]
    assert outline["title"] and len(outline["sections"]) >= 2
    assert outline["sections"][0]["heading"]


def test_mine_refuses_a_file_type_it_cannot_read(client):
    response = post(client, "/api/mine", data={"file": (io.BytesIO(b"MZ"), "程序.exe")})
    assert response.status_code == 400
    assert "不支持这种文件" in response.get_json()["error"]
    old = post(client, "/api/mine", data={"file": (io.BytesIO(b"\xd0\xcf"), "去年的讲话.doc")})
    assert old.status_code == 400 and "另存为 .docx" in old.get_json()["error"]  # as the CLI


def test_check_reports_what_check_json_reports_and_fix_repairs(client, tmp_path):
    draft = "在全县会议上的讲话\n\n同志们:\n\n今天我们召开会议,主要任务是XX。\n"
    source = tmp_path / "草稿.txt"
    source.write_text(draft, encoding="utf-8")
    response = post(client, "/api/check", data={"file": (io.BytesIO(draft.encode()), "草稿.txt")})
    web = response.get_json()
    cli = json.loads(run_speechgen("check", source, "--json").stdout)
    assert web["findings"] == cli["findings"] and web["stats"] == cli["stats"]
    fixed = post(client, "/api/fix", data={"file": (io.BytesIO(draft.encode()), "草稿.txt")})
    target = tmp_path / "fixed.txt"
    run_speechgen("check", source, "--fix", "-o", target)
    assert fixed.data == target.read_bytes()
    assert "，" in fixed.get_data(as_text=True)
    assert "%E5%B7%B2%E4%BF%AE%E6%AD%A3" in fixed.headers["Content-Disposition"]  # 已修正


def batch_form(**extra: object) -> dict:
    return {"sheet": (SHEET.open("rb"), SHEET.name), "template": "work-conference", **extra}


def test_batch_check_names_the_bad_row_and_its_cells(client):
    response = post(client, "/api/batch", data=batch_form(action="check"))
    assert response.status_code == 200, response.get_json()
    data = response.get_json()
    assert data["template"] == "work-conference"
    assert "job" not in data
    failed = [r for r in data["rows"] if r["status"] == "failed"]
    assert [r["row"] for r in failed] == [5]
    texts = [p["text"] for p in failed[0]["problems"]]
    assert any(t.startswith("E5 日期") and "2025年2月30日" in t for t in texts)
    assert sum(r["status"] != "failed" for r in data["rows"]) == 4
    assert "乡镇" in [c["header"] for c in data["columns"] if not c["used"]]


def test_batch_column_map_maps_a_header_the_template_does_not_know(client, tmp_path):
    text = (EXAMPLES / "各乡镇会议.csv").read_bytes().decode("gb18030")
    sheet = tmp_path / "会议.csv"
    sheet.write_text(text.replace("会议名称", "会议", 1), encoding="utf-8")

    def check(**extra: object) -> dict:
        form = {"sheet": (sheet.open("rb"), sheet.name), "template": "work-conference",
                "action": "check", **extra}
        return post(client, "/api/batch", data=form).get_json()

    unmapped = check()  # refused as a whole, as the CLI does, with what a column map needs
    assert unmapped["problems"][0]["text"].startswith("会议.csv:1: 表头缺少必填的列:会议名称")
    assert {"header": "会议", "used": False} in unmapped["columns"]
    assert "会议名称" in unmapped["fields"] and "讲话人" in unmapped["fields"]
    mapped = check(mapping='"会议": "会议名称"\n')
    assert {"header": "会议", "used": True} in mapped["columns"]
    failed = [r for r in mapped["rows"] if r["status"] == "failed"]
    assert len(mapped["rows"]) == 5 and len(failed) == 1  # only the row left blank there
    assert failed[0]["problems"][0]["text"].startswith("B4 会议:缺少必填字段 会议名称(meeting)")


def test_batch_without_a_template_reports_the_tie_like_the_cli(client):
    response = post(client, "/api/batch", data={"sheet": (SHEET.open("rb"), SHEET.name)})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error.startswith("各乡镇会议.xlsx: 表头同样符合这些模板:"), error
    assert error.endswith("请在“模板”中选定其中一个") and " -t" not in error
    assert "工作会议讲话(work-conference)" in error  # the name the page's list shows (a tester)


def test_batch_generates_a_zip_of_the_good_rows_and_the_report(client, tmp_path):
    data = post(client, "/api/batch", data=batch_form(action="generate",
                                                      name="{乡镇}-{会议名称}")).get_json()
    job = data["job"]
    for _ in range(300):
        progress = get(client, f"/api/batch/{job}").get_json()
        if progress["finished"]:
            break
        time.sleep(0.05)
    assert progress["finished"] and progress["done"] == progress["total"] == 5
    archive = zipfile.ZipFile(io.BytesIO(get(client, f"/api/batch/{job}/zip").data))
    names = sorted(archive.namelist())
    docx = [n for n in names if n.endswith(".docx")]
    assert len(docx) == 4 and all("-" in n and "经济工作会议" in n for n in docx)
    assert "报告.csv" in names
    report = archive.read("报告.csv").decode("utf-8-sig")
    assert "E5" in report
    first = Document(io.BytesIO(archive.read(docx[0])))
    assert "同志们" in "\n".join(p.text for p in first.paragraphs)


def test_an_unknown_batch_job_is_a_chinese_400(client):
    response = get(client, "/api/batch/nosuchjob")
    assert response.status_code == 400
    assert "没有这个批量任务" in response.get_json()["error"]


# --- the real command ----------------------------------------------------------------------------

def start_serve(*args: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--no-browser", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        env={**os.environ, "TMPDIR": os.environ.get("TMPDIR", "/tmp")})
    assert process.stdout is not None
    line = process.stdout.readline()
    return process, line


def request(url: str, method: str = "GET", headers: dict | None = None) -> tuple[int, bytes]:
    req = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_serve_prints_one_line_moves_to_a_free_port_and_quits_from_the_page(tmp_path):
    first, line = start_serve("--port", "18765")
    second = None
    try:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]+)", line)
        assert match, line
        port, token = int(match[1]), match[2]
        second, line2 = start_serve("--port", str(port))
        match2 = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]+)", line2)
        assert match2 and int(match2[1]) > port and match2[2] != token
        assert f"端口 {port} 已被占用" in line2
        status, _ = request(f"http://127.0.0.1:{port}/api/templates")
        assert status == 403
        status, body = request(f"http://127.0.0.1:{port}/api/templates",
                               headers={"X-Speechgen-Token": token})
        assert status == 200 and "党建" in body.decode("utf-8")
        status, _ = request(f"http://127.0.0.1:{port}/api/quit", "POST",
                            {"X-Speechgen-Token": token})
        assert status == 200
        assert first.wait(10) == 0
        assert "已退出" in first.stderr.read()  # type: ignore[union-attr]
    finally:
        for process in (first, second):
            if process and process.poll() is None:
                process.terminate()
                process.wait(10)


@pytest.mark.parametrize(("stop", "code", "said"), [
    (signal.SIGINT, 130, "已中断。"), (signal.SIGTERM, 0, "已退出")])
def test_ctrl_c_and_a_polite_kill_stop_the_server_and_remove_its_folder(tmp_path, stop, code,
                                                                         said):
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--no-browser", "--port", "18800"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
    try:
        assert "127.0.0.1" in process.stdout.readline()  # type: ignore[union-attr]
        assert list(tmp_path.glob("speechgen-web-*"))
        process.send_signal(stop)
        assert process.wait(10) == code
        assert said in process.stderr.read()  # type: ignore[union-attr]
        assert "Traceback" not in process.stderr.read()  # type: ignore[union-attr]
        assert not list(tmp_path.glob("speechgen-web-*"))
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_the_private_folder_is_removed_when_the_server_stops():
    from generator.web.server import start

    server = start(18900)
    folder = server.workdir
    assert folder.is_dir()
    (folder / "上传.txt").write_text("用户数据", encoding="utf-8")
    thread = threading.Thread(target=server.serve)
    thread.start()
    server.quit.set()
    thread.join(10)
    assert not folder.exists()


def test_render_never_imports_the_web_server(tmp_path):
    target = str(tmp_path / "a.docx")
    code = ("import sys\nfrom generator.cli import main\n"
            f"sys.argv = ['speechgen', 'render', {str(EXAMPLE)!r}, '-o', {target!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('flask', 'waitress', 'werkzeug', 'generator.web')"
            " if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr
    assert (tmp_path / "a.docx").exists()


# --- uploads are read as the CLI reads files (one reader: generator/reading.py) ------------------

@pytest.mark.parametrize("encoding", ["gbk", "utf-16", "utf-8-sig"])
def test_a_saved_file_in_gbk_or_utf16_opens_as_the_cli_reads_it(client, tmp_path, encoding):
    source = tmp_path / f"{encoding}.yaml"
    source.write_bytes(EXAMPLE.read_text(encoding="utf-8").encode(encoding))
    loaded = post(client, "/api/load", data={"file": (source.open("rb"), source.name)})
    assert loaded.status_code == 200, loaded.get_json()
    data = loaded.get_json()["data"]
    assert data["meeting"] == "全县党建工作会议"
    again = post(client, "/api/preview", json={"template": "party-building", **data}).get_json()
    assert again["text"] == run_speechgen("render", source, "-f", "txt").stdout


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_a_broken_gbk_or_utf16_file_is_refused_in_the_clis_words(client, tmp_path, encoding):
    # The user's report: a repeated field in a GBK file came back as 字段“��������”重复出现.
    text = "模板: party-building\n会议名称: 全县党建工作会议\n讲话人: 王宏\n会议名称: 又一次\n"
    source = tmp_path / "旧提纲.yaml"
    source.write_bytes(text.encode(encoding))
    web = post(client, "/api/load", data={"file": (source.open("rb"), source.name)})
    assert web.status_code == 400
    problem = web.get_json()["problems"][0]
    assert "会议名称" in problem["message"] and "\ufffd" not in problem["message"]
    assert problem["text"] == f"旧提纲.yaml:4:1: {problem['message']}"
    cli = run_speechgen("render", source, "-f", "txt")
    assert cli.returncode == 2 and f"旧提纲.yaml:4:1: {problem['message']}" in cli.stderr


def test_a_binary_file_opened_as_an_outline_is_refused_as_the_cli_refuses_it(client, tmp_path):
    source = tmp_path / "照片.yaml"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    web = post(client, "/api/load", data={"file": (source.open("rb"), source.name)})
    assert web.status_code == 400
    message = web.get_json()["problems"][0]["message"]
    assert message.startswith("这不是文本文件")
    assert message in run_speechgen("render", source, "-f", "txt").stderr


def test_a_yaml_body_in_gbk_previews_as_the_cli_renders_the_file(client, tmp_path):
    body = EXAMPLE.read_text(encoding="utf-8").encode("gbk")
    response = post(client, "/api/preview", data=body, content_type="application/yaml")
    assert response.status_code == 200, response.get_json()
    source = tmp_path / "gbk.yaml"
    source.write_bytes(body)
    assert response.get_json()["text"] == run_speechgen("render", source, "-f", "txt").stdout


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_a_gbk_or_utf16_house_profile_applies_like_render_profile(client, tmp_path, encoding):
    profile = tmp_path / "本单位.yaml"
    profile.write_bytes("# 本单位公文字体\nbody:\n  font: 方正仿宋_GBK\n".encode(encoding))
    answer = post(client, "/api/profile", data={"profile": (profile.open("rb"), profile.name)})
    assert answer.status_code == 200, answer.get_json()
    text = answer.get_json()["text"]  # what the page keeps and sends with each download
    assert "本单位公文字体" in text and "方正仿宋_GBK" in text
    web = post(client, "/api/render?format=docx", data={
        "input": EXAMPLE.read_text(encoding="utf-8"), "input_type": "application/yaml",
        "profile": (io.BytesIO(profile.read_bytes()), profile.name)})
    target = tmp_path / "cli.docx"
    assert run_speechgen("render", EXAMPLE, "--profile", profile, "-o", target).returncode == 0
    assert web.status_code == 200
    assert "方正仿宋_GBK" in Document(io.BytesIO(web.data)).element.xml
    assert "方正仿宋_GBK" in Document(str(target)).element.xml


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_check_and_mine_read_a_gbk_or_utf16_draft_as_the_cli_does(client, tmp_path, encoding):
    draft = ("在全县会议上的讲话\n\n同志们:\n\n今天召开会议,主要任务是XX。下面,我讲两点意见。\n\n"
             "一、提高认识\n\n要充分认识做好工作的重要意义。\n\n二、狠抓落实\n\n要把各项任务落到实处。\n")
    source = tmp_path / "草稿.txt"
    source.write_bytes(draft.encode(encoding))
    web = post(client, "/api/check", data={"file": (source.open("rb"), source.name)})
    assert web.status_code == 200, web.get_json()
    cli = json.loads(run_speechgen("check", source, "--json").stdout)
    assert web.get_json()["findings"] == cli["findings"]
    assert any(f["text"] == "XX" for f in cli["findings"])
    mined = post(client, "/api/mine", data={"file": (source.open("rb"), source.name)})
    assert mined.status_code == 200, mined.get_json()
    speech = mined.get_json()["speeches"][0]
    assert speech["title"] == "在全县会议上的讲话" and speech["sections"] == 2


def test_a_utf16_sheet_and_a_gbk_column_map_are_read_as_the_cli_reads_them(client, tmp_path):
    text = (EXAMPLES / "各乡镇会议.csv").read_bytes().decode("gb18030")
    sheet = tmp_path / "会议.csv"  # Excel's "Unicode 文本" is UTF-16 with a BOM
    sheet.write_bytes(text.replace("会议名称", "会议", 1).encode("utf-16"))
    mapping = tmp_path / "映射.yaml"
    mapping.write_bytes('"会议": "会议名称"\n'.encode("gbk"))
    form = {"sheet": (sheet.open("rb"), sheet.name), "template": "work-conference",
            "action": "check", "mapping": (mapping.open("rb"), mapping.name)}
    web = post(client, "/api/batch", data=form)
    assert web.status_code == 200, web.get_json()
    assert {"header": "会议", "used": True} in web.get_json()["columns"]
    rows = web.get_json()["rows"]
    assert len(rows) == 5 and sum(r["status"] == "failed" for r in rows) == 1
    cli = run_speechgen("batch", sheet, "-t", "work-conference", "--map", mapping, "--check",
                        "-o", tmp_path / "out")
    assert cli.returncode == 1, cli.stderr  # the same one bad row
    assert "第 4 行" in cli.stdout + cli.stderr or "B4" in cli.stdout + cli.stderr


# --- the page names its own controls, never the command line's flags -----------------------------

def test_check_findings_on_the_page_name_no_command_line_flag(client, tmp_path):
    draft = "在全县会议上的讲话\n\n同志们:\n\n今天是2025年03月05日,我们召开会议。\n"
    source = tmp_path / "草稿.txt"
    source.write_text(draft, encoding="utf-8")
    web = post(client, "/api/check", data={"file": (io.BytesIO(draft.encode()), "草稿.txt")})
    findings = web.get_json()["findings"]
    assert {"halfwidth-punct", "date-padding"} <= {f["id"] for f in findings if f["fixable"]}
    assert not [f["message"] for f in findings if "--" in f["message"]]
    # The form's preview checks the draft too, and the editor has no fix to offer at all.
    facts = party_facts(purpose="研究部署2025年03月05日以后的工作,推动落实")
    preview = post(client, "/api/preview", json=facts).get_json()
    assert any(f["id"] == "date-padding" for f in preview["findings"])
    assert not [f["message"] for f in preview["findings"] if "--" in f["message"]]
    # The command line still says which flag repairs them.
    human = run_speechgen("check", source).stdout
    assert re.search(r"日期不应补零,应写作“2025年3月5日”\(可用 --fix 修正\)", human), human


def test_batch_advice_names_the_pages_controls_and_the_cli_keeps_its_flags(client, tmp_path):
    sheet = tmp_path / "名单.csv"
    sheet.write_text("姓名,电话\n张三,123\n", encoding="utf-8")

    def page(**extra: object) -> str:
        response = post(client, "/api/batch",
                        data={"sheet": (sheet.open("rb"), sheet.name), "action": "check", **extra})
        assert response.status_code == 400
        return response.get_json()["error"]

    untemplated = page()
    assert "请在“模板”中选定一个模板" in untemplated and " -t" not in untemplated
    headerless = page(template="work-conference")
    assert "找不到表头" in headerless and "“列名对应”" in headerless
    assert "--map" not in headerless
    cli = run_speechgen("batch", sheet, "--check", "-o", tmp_path / "out")
    assert cli.returncode == 2 and "请用 -t 指定模板" in cli.stderr
    cli = run_speechgen("batch", sheet, "-t", "work-conference", "--check", "-o",
                        tmp_path / "out")
    assert cli.returncode == 2 and "--map" in cli.stderr


def test_a_bad_file_name_pattern_is_named_by_the_fields_label(client):
    response = post(client, "/api/batch", data=batch_form(action="check", name="{乡镇-{会议名称}"))
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error.startswith("文件名格式“{乡镇-{会议名称}”中的花括号不成对") and "--" not in error


# --- a browser opening an address itself gets a page, scripts keep JSON --------------------------

BROWSER_ACCEPT = ("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
                  "image/webp,image/apng,*/*;q=0.8")


def test_the_bare_address_in_a_browser_says_in_chinese_to_open_the_printed_one(client):
    for path in ("/", "/?token=an-old-one", "/api/templates"):
        response = client.get(path, base_url=BASE, headers={"Accept": BROWSER_ACCEPT})
        assert response.status_code == 403, path
        assert response.mimetype == "text/html"
        page = response.get_data(as_text=True)
        assert '<html lang="zh-CN">' in page and "拒绝访问" in page
        assert "讲话稿工具已启动" in page and "?token=" in page and "speechgen serve" in page
        assert '"error"' not in page
    foreign = client.get("/", base_url="http://192.168.1.5:8765",
                         headers={"Accept": BROWSER_ACCEPT})
    assert foreign.status_code == 403 and "127.0.0.1" in foreign.get_data(as_text=True)
    # Scripts and the page's own fetch() calls (Accept: */* or none) keep the JSON answer.
    for headers in ({}, {"Accept": "*/*"}, {"Accept": "application/json"}):
        response = client.get("/", base_url=BASE, headers=headers)
        assert response.status_code == 403
        assert response.get_json()["error"].startswith("拒绝访问:请使用启动时显示的网址")


def test_an_unknown_address_in_a_browser_is_a_page_with_the_way_home(client):
    response = get(client, "/没有这页", headers={**AUTH, "Accept": BROWSER_ACCEPT})
    assert response.status_code == 404 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "没有这个页面或接口" in page and '<a href="/">' in page
    assert get(client, "/没有这页").get_json()["error"] == "没有这个页面或接口。"


# --- malformed requests, sent to the real server (waitress in front of the app) ------------------

@pytest.fixture(scope="module")
def live():
    """`speechgen serve`'s own server (start + serve) in this process, on a real socket."""
    from generator.web.server import start

    server = start(18940)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    yield server
    server.quit.set()
    thread.join(10)


def test_waitress_s_queue_note_stays_out_of_the_console(live, caplog):
    """"Task queue depth is 21" reached the console window users see, in English, when thirty
    uploads came at once (a tester, round 2): waitress says it through this logger, and the
    server no longer lets it through to any handler; waitress's errors still pass."""
    import logging

    with caplog.at_level(logging.WARNING):
        logging.getLogger("waitress.queue").warning("Task queue depth is %d", 21)
        logging.getLogger("waitress").error("a real error still shows")
    said = [record.getMessage() for record in caplog.records]
    assert "Task queue depth is 21" not in said and "a real error still shows" in said


def live_send(server, method: str, path: str, body: bytes = b"",
              content_type: str = "application/json", **headers: str):
    """(status, headers, body text) of one request to the live server, with its token."""
    import http.client

    token = server.url.split("token=", 1)[1]
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers={
            "X-Speechgen-Token": token, "Content-Type": content_type, **headers})
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode("utf-8")
    finally:
        connection.close()


def live_json(server, path: str, text: str) -> tuple[int, dict]:
    status, _, body = live_send(server, "POST", path, text.encode("utf-8"))
    return status, json.loads(body)


def live_form(server, path: str, **fields: object) -> tuple[int, dict]:
    """A multipart POST; a field given as (bytes, name) is a file."""
    from werkzeug.datastructures import FileStorage
    from werkzeug.test import encode_multipart

    values = {key: FileStorage(io.BytesIO(value[0]), value[1]) if isinstance(value, tuple)
              else value for key, value in fields.items()}
    boundary, body = encode_multipart(values)
    status, _, text = live_send(server, "POST", path, body,
                                f"multipart/form-data; boundary={boundary}")
    return status, json.loads(text)


def raw_request(server, head: str) -> str:
    """Bytes as a broken client sends them (http.client refuses to), and the whole answer."""
    import socket

    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(head.replace("\n", "\r\n").encode("ascii"))
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer.decode("utf-8")


OUTLINE_JSON = '{{"标题": {title}, "正文": [{{"小标题": "抓好落实", "段落": ["要抓好落实。"]}}]}}'


@pytest.mark.parametrize("body, line, column", [
    ("[" * 100_000, 1, 65),
    ('{"标题": "会议",\n "正文": ' + "[" * 70 + "]" * 70 + "}", 2, 71),
])
def test_json_nested_too_deep_is_refused_as_the_yaml_reader_refuses_it(live, body, line, column):
    status, answer = live_json(live, "/api/preview", body)
    assert status == 400, answer
    problem = answer["problems"][0]
    assert problem["message"] == "JSON 格式有误:嵌套层数过多(超过 64 层),请检查括号"
    assert (problem["line"], problem["column"]) == (line, column)
    assert live_send(live, "GET", "/api/status")[0] == 200  # and the server carries on


def test_brackets_and_quotes_inside_json_text_are_only_text(live):
    title = json.dumps("[" * 70 + '\\"{' * 70, ensure_ascii=False)
    status, answer = live_json(live, "/api/preview", OUTLINE_JSON.format(title=title))
    assert status == 200, answer
    assert answer["text"].splitlines()[0] == "[" * 70 + '\\"{' * 70


@pytest.mark.parametrize("body, line, column, words", [
    ('{"标题": "会议",\n "正文": [],\n}', 3, 1, "最后一项后面不能有逗号"),
    ("{'标题': '会议'}", 1, 2, "加半角双引号的字段名"),
    ('{"标题" "会议"}', 1, 7, "缺少半角冒号"),
    ('{"标题": ["会议" "讲话"]}', 1, 14, "缺少半角逗号"),
    ('{"标题": "会议"}\n{"标题": "讲话"}', 2, 1, "多出了文字"),
    ('{"标题": "会议', 1, 8, "双引号直到末尾都没有结束"),
    ('{"标题": tru}', 1, 8, "真假写 true/false"),
])
def test_broken_json_is_explained_in_chinese_with_line_and_column(live, body, line, column,
                                                                  words):
    status, answer = live_json(live, "/api/preview", body)
    assert status == 400, answer
    problem = answer["problems"][0]
    assert problem["message"].startswith("JSON 格式有误:") and words in problem["message"]
    assert not re.search(r"[A-Za-z]{4,}", re.sub(r"JSON|true|false|null", "", problem["message"]))
    assert (problem["line"], problem["column"]) == (line, column)
    assert problem["text"].startswith(f"<输入>:{line}:{column}: JSON 格式有误:")


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused_at_their_place(live, value):
    status, answer = live_json(live, "/api/preview", '{"副标题": "NaN",\n "标题": ' + value + "}")
    assert status == 400, answer
    problem = answer["problems"][0]
    assert problem["message"].startswith(f"JSON 格式有误:{value} 不是 JSON 的值")
    assert "没有值请写 null" in problem["message"]
    assert (problem["line"], problem["column"]) == (2, 8)  # not the "NaN" in the subtitle


def test_a_number_too_large_for_a_float_stays_as_typed(live):
    status, answer = live_json(live, "/api/preview", OUTLINE_JSON.format(title="1e999"))
    assert status == 200, answer
    assert answer["text"].splitlines()[0] == "1e999"
    assert "inf" not in answer["text"]
    facts = json.dumps(party_facts(variant="V"), ensure_ascii=False).replace('"V"', "1e999")
    status, answer = live_json(live, "/api/preview", facts)
    assert status == 400
    assert answer["problems"][0]["message"] == "应为 0 或更大的整数,实际是“1e999”"  # as for YAML
    assert answer["problems"][0]["key_path"] == ["variant"]


def test_waitress_refusals_are_chinese_json_like_every_other_answer(live):
    host = f"Host: 127.0.0.1:{live.port}\n"
    for length, status, words in (("99999999999", "413", "不能超过 20 MB"),
                                  ("-5", "400", "Content-Length 应为请求体的字节数"),
                                  ("abc", "400", "Content-Length 应为请求体的字节数")):
        answer = raw_request(live, f"POST /api/preview HTTP/1.1\n{host}Content-Type: "
                                   f"application/json\nContent-Length: {length}\n\n")
        head, _, body = answer.partition("\r\n\r\n")
        assert head.startswith(f"HTTP/1.1 {status} "), answer
        assert "Content-Type: application/json; charset=utf-8" in head
        assert "X-Content-Type-Options: nosniff" in head and "Cache-Control: no-store" in head
        assert words in json.loads(body)["error"]
        assert "generated by" not in body and "max_body" not in body
    assert live_send(live, "GET", "/api/status")[0] == 200


def test_a_25_mb_upload_to_the_real_server_gets_the_chinese_413_not_a_reset(live):
    """waitress's own limit stays above the page's: below it, this upload ends in a reset."""
    status, _, body = live_send(live, "POST", "/api/check", b"x" * (25 * 1024 * 1024),
                                "application/octet-stream")
    assert status == 413
    assert json.loads(body)["error"] == "上传的内容太大:不能超过 20 MB,请检查是否选错了文件。"


def zip_bomb() -> bytes:
    """A 300 KB zip whose document part inflates to 300 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    return buffer.getvalue()


def test_upload_problems_name_the_uploaded_file_never_the_servers_folder(live):
    bomb = zip_bomb()
    answers = [live_form(live, route, file=(bomb, "去年的讲话.docx"))
               for route in ("/api/mine", "/api/check", "/api/fix")]
    answers.append(live_form(live, "/api/batch", sheet=(bomb, "名单.xlsx"),
                             template="work-conference"))
    answers.append(live_form(live, "/api/batch", sheet=(SHEET.read_bytes(), SHEET.name),
                             template="work-conference", mapping=(b"a: [\n", "对照.yaml")))
    expected = ["去年的讲话.docx"] * 3 + ["名单.xlsx", "对照.yaml"]
    for (status, answer), name in zip(answers, expected, strict=True):
        assert status == 400, answer
        assert str(live.workdir) not in json.dumps(answer, ensure_ascii=False)
        problem = answer["problems"][0]
        assert problem["file"] == name and problem["text"].startswith(f"{name}")
    assert "解压后达" in answers[0][1]["error"]


def test_an_unknown_batch_action_is_refused_before_anything_is_read(live):
    before = set(live.workdir.iterdir())
    status, answer = live_form(live, "/api/batch", sheet=(SHEET.read_bytes(), SHEET.name),
                               template="work-conference", action="explode")
    assert status == 400
    assert answer["error"] == "不支持的操作“explode”,可选:check(逐行检查)、generate(生成)"
    assert "rows" not in answer and "job" not in answer
    assert set(live.workdir.iterdir()) == before  # the sheet was not even saved


def test_check_reads_a_word_draft_against_the_house_profile_the_page_keeps(client, tmp_path):
    """A .docx the house profile set in its own font was told on the page it breaks 仿宋_GB2312:
    /api/check ignored the profile every download uses (a tester).  The CLI's check with the
    same profile is the reference."""
    profile_text = "body:\n  font: 方正仿宋_GBK\n"
    profile = tmp_path / "本单位版式.yaml"
    profile.write_text(profile_text, encoding="utf-8")
    draft = tmp_path / "讲话.docx"
    run_speechgen("render", EXAMPLES / "全县党建工作会议.yaml", "--profile", profile, "-o", draft)

    def fonts(data: dict) -> list[str]:
        return [f["message"] for f in data["findings"] if f["id"] == "font-east-asian"]

    plain = post(client, "/api/check", data={"file": (draft.open("rb"), draft.name)}).get_json()
    housed = post(client, "/api/check", data={"file": (draft.open("rb"), draft.name),
                                              "profile": profile_text}).get_json()
    cli = json.loads(run_speechgen("check", draft, "--json", "--profile", profile).stdout)
    assert fonts(plain) and all("方正仿宋_GBK" in m for m in fonts(plain))
    assert fonts(housed) == [] and housed["findings"] == cli["findings"]


def test_the_sheet_read_by_default_is_offered_first(client, tmp_path):
    """A hidden 填表说明 sheet before the data was listed first on the page, while batch read
    the first visible sheet (a tester): the list starts with the sheet read by default."""
    import openpyxl

    book = openpyxl.load_workbook(SHEET)
    notes = book.create_sheet("填表说明", 0)
    notes["A1"] = "本表由各乡镇填写"
    notes.sheet_state = "hidden"
    sheet = tmp_path / "带说明的表.xlsx"
    book.save(sheet)
    form = {"sheet": (sheet.open("rb"), sheet.name), "template": "work-conference",
            "action": "check"}
    data = post(client, "/api/batch", data=form).get_json()
    assert data["sheets"][0] == openpyxl.load_workbook(SHEET).sheetnames[0]
    assert "填表说明" in data["sheets"][1:]


def test_a_form_may_name_the_layout_and_a_bad_profile_is_told_by_its_own_name(client, tmp_path):
    """curl -F layout=大字版 beside the outline was ignored, and a profile uploaded as 我的格式.yaml
    was told as 本单位版式.yaml by render and check (a tester)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    form = {"input": text, "input_type": "application/yaml", "layout": "大字版"}
    podium = post(client, "/api/render?format=docx", data=form)
    target = tmp_path / "podium.docx"
    run_speechgen("render", EXAMPLE, "--layout", "podium", "-o", target)
    assert podium.status_code == 200 and podium.data == target.read_bytes()
    bad = (io.BytesIO("正文:\n  字号: 九十九号\n".encode()), "我的格式.yaml")
    told = post(client, "/api/render?format=docx", data={**form, "profile": bad}).get_json()
    assert "我的格式.yaml" in told["error"] and "本单位版式.yaml" not in told["error"], told
    draft = io.BytesIO("在全县会议上的讲话\n\n同志们：\n\n今天开会。\n".encode())
    bad = (io.BytesIO("正文:\n  字号: 九十九号\n".encode()), "我的格式.yaml")
    checked = post(client, "/api/check", data={"file": (draft, "稿.txt"), "profile": bad})
    assert "我的格式.yaml" in checked.get_json()["error"], checked.get_json()


def test_an_unknown_layout_is_told_as_the_cli_tells_it(client, tmp_path):
    """The page's API said "不支持的版式…" with no suggestion where the CLI says "没有名为…的版式。
    是不是想写…" (a tester): one message for both."""
    response = yaml_post(client, "/api/render?format=docx&layout=podum",
                         EXAMPLE.read_text(encoding="utf-8"))
    cli = run_speechgen("render", EXAMPLE, "--layout", "podum", "-o", tmp_path / "x.docx")
    said = response.get_json()["error"]
    assert response.status_code == 400 and said in cli.stderr and "是不是想写 podium" in said
