"""The page in a real browser: the three journeys of docs/web.md, end to end.

Debian's `chromium` and `chromium-driver` driven by selenium, headless at 1366×768 (a common
office laptop).  Each state is saved as a screenshot in docs/web/ (look at them after a change
to the page).  Timings are recorded in the page and printed with `-s`, never asserted: the
bench (bench/bench_web.py) reports them.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, run_speechgen
from docx import Document

from generator.layout import LAYOUT_TITLES, built_in_layouts

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="需要 Debian 的 chromium 与 chromium-driver(apt-get install chromium chromium-driver)")

SHOTS = ROOT / "docs" / "web" / "shots"  # git-ignored; the chosen ones are copied up
WIDTH, HEIGHT = 1366, 768


def start_server(home: Path, **env: str) -> tuple[subprocess.Popen[str], str]:
    """`speechgen serve --no-browser` as a user starts it; returns the process and its URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--no-browser", "--port", "28765"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        env={**os.environ, "HOME": str(home), **env})
    assert process.stdout is not None
    line = process.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:\d+/\?token=[\w-]+", line)
    assert match, line + (process.stderr.read() if process.stderr else "")
    return process, match[0]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    process, url = start_server(tmp_path_factory.mktemp("home"))
    yield url
    process.terminate()
    process.wait(10)


def chrome_options(profile: Path, downloads: Path):
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}",
                 "--lang=zh-CN"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
        "intl.accept_languages": "zh-CN",
    })
    return options


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    # LANGUAGE sets Chromium's interface language on Linux: date pickers read 年/月/日.
    service = Service(executable_path=str(DRIVER), env={**os.environ, "LANGUAGE": "zh_CN"})
    driver = webdriver.Chrome(service=service,
                              options=chrome_options(tmp_path / "chrome-profile", downloads))
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads  # type: ignore[attr-defined]
    driver.set_window_size(WIDTH, HEIGHT)
    yield driver
    driver.quit()


def shot(driver, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def wait(driver, condition, timeout: float = 15):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def by_id(driver, element_id: str):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, element_id)


def css(driver, selector: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def open_page(driver, url: str) -> None:
    driver.get(url)
    wait(driver, lambda d: d.execute_script("return document.body.dataset.ready === '1'"))


def preview_after(driver, action) -> str:
    """Do `action`, then wait until the preview has been redrawn; its text."""
    before = driver.execute_script("return document.body.dataset.previewSeq || '0'")
    action()
    wait(driver, lambda d: d.execute_script(
        "return (document.body.dataset.previewSeq || '0') !== arguments[0]"
        " && document.body.dataset.busy === '0'", before))
    return by_id(driver, "preview").text


def type_into(driver, element_id: str, text: str) -> str:
    """Type into a field like a user; the preview text once it has caught up."""
    return preview_after(driver, lambda: by_id(driver, element_id).send_keys(text))


def downloaded(driver, suffix: str, timeout: float = 20) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = [p for p in driver.downloads.iterdir() if p.name.endswith(suffix)]
        if files:
            return files[0]
        time.sleep(0.1)
    raise AssertionError(f"没有下载到 {suffix} 文件:{list(driver.downloads.iterdir())}")


def test_template_form_preview_and_docx_download(server, browser):
    open_page(browser, server)
    assert browser.current_url.endswith("/")  # the token left the address bar
    assert not by_id(browser, "old-browser").is_displayed()  # shown only to older browsers
    shot(browser, "1-start")
    card = css(browser, 'button.card[data-template="party-building"]')[0]
    assert "何时使用" in card.text
    # By keyboard: Tab to the card, Enter opens its form.
    from selenium.webdriver.common.keys import Keys

    for _ in range(30):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        if browser.switch_to.active_element == card:
            break
    assert browser.switch_to.active_element == card
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    wait(browser, lambda d: css(d, "#f-meeting"))
    # A required field left empty is named at its field, in the CLI's words.
    wait(browser, lambda d: css(d, ".field.has-error"))
    errors = [e.text for e in css(browser, ".field.has-error .err") if e.text]
    assert any("缺少必填字段 会议名称(meeting)" in e for e in errors), errors
    shot(browser, "2-form-required")

    text = type_into(browser, "f-meeting", "全县机关党建工作会议")
    by_id(browser, "f-tasks-add").click()
    # An empty item's missing heading is named under that very heading box.
    wait(browser, lambda d: "缺少必填字段 小标题" in by_id(d, "f-tasks-0-heading-err").text)
    text = type_into(browser, "f-tasks-0-heading", "抓好政治建设")
    by_id(browser, "f-tasks-add").click()
    text = type_into(browser, "f-tasks-1-heading", "抓好基层组织建设")
    assert "在全县机关党建工作会议上的讲话" in text
    assert re.search(r"(?:讲|强调)两(?:点|个方面|个问题)", text), text  # two points announced
    assert "一、抓好政治建设" in text and "二、抓好基层组织建设" in text
    by_id(browser, "f-tasks-add").click()
    text = type_into(browser, "f-tasks-2-heading", "抓好作风建设")
    assert re.search(r"(?:讲|强调)三(?:点|个方面|个问题)", text) and "三、抓好作风建设" in text
    assert "3 个部分" in by_id(browser, "stats").text
    from generator.pdf import find_soffice

    assert by_id(browser, "pdf-note").is_displayed() is (find_soffice() is None)

    # A nested list: a sub-point under the first task.  Alone it is not numbered ("（一）"
    # with no "（二）" is a seam); a second one numbers both by the level below.
    by_id(browser, "f-tasks-0-items-add").click()
    text = type_into(browser, "f-tasks-0-items-0-heading", "坚定理想信念")
    duty = "要把学习贯彻党的创新理论作为首要政治任务。"
    text = type_into(browser, "f-tasks-0-items-0-paragraphs", duty)
    assert f"坚定理想信念。{duty}" in text and "（一）" not in text
    by_id(browser, "f-tasks-0-items-add").click()
    text = type_into(browser, "f-tasks-0-items-1-heading", "严明政治纪律")
    assert f"（一）坚定理想信念。{duty}" in text and "（二）严明政治纪律" in text
    # Rows reorder: the third task moves up, the numbers follow.
    text = preview_after(browser, lambda: by_id(browser, "f-tasks-2-up").click())
    assert "二、抓好作风建设" in text and "三、抓好基层组织建设" in text
    text = type_into(browser, "f-date", "2025年2月30日")
    assert "不是真实存在的日期" in by_id(browser, "f-date-err").text
    by_id(browser, "f-date").clear()
    text = type_into(browser, "f-date", "2025-2-20")
    assert "（2025年2月20日）" in text

    # Keystroke to redrawn preview, debounce included (reported, not asserted).
    field = by_id(browser, "f-purpose")
    browser.execute_script("window.speechgenTimings = []")
    for char in "总结去年工作部署今年任务":
        preview_after(browser, lambda c=char: field.send_keys(c))
    timings = browser.execute_script("return window.speechgenTimings")
    print(f"\nkeystroke → preview: median {statistics.median(timings):.0f} ms "
          f"(n={len(timings)}, debounce 250 ms included)")
    shot(browser, "3-form-preview")

    css(browser, 'button.dl[data-format="docx"][data-layout="standard"]')[0].click()
    path = downloaded(browser, ".docx")
    assert path.name == "在全县机关党建工作会议上的讲话.docx"
    paragraphs = [p.text for p in Document(str(path)).paragraphs if p.text.strip()]
    assert paragraphs[0] == "在全县机关党建工作会议上的讲话"
    assert any(re.search(r"(?:讲|强调)三(?:点|个方面|个问题)", p) for p in paragraphs)
    assert "二、抓好作风建设" in paragraphs
    assert any(p.startswith("（一）坚定理想信念。") for p in paragraphs)

    # A house profile, uploaded once, applies to every later download and survives a reload.
    # Saved by Notepad on a Chinese Windows, it is GBK: read as the CLI reads it.
    profile = driver_tmp(browser) / "本单位.yaml"
    profile.write_text("# 本单位公文字体\nbody:\n  font: 方正仿宋_GBK\n", encoding="gbk")
    by_id(browser, "profile-file").send_keys(str(profile))
    wait(browser, lambda d: "已用:本单位.yaml" in by_id(d, "profile-status").text)
    path.unlink()
    css(browser, 'button.dl[data-format="docx"][data-layout="standard"]')[0].click()
    housed = downloaded(browser, ".docx")
    assert "方正仿宋_GBK" in Document(str(housed)).element.xml
    # The check tab uses it too, and says so: the house's own Word file draws no font finding
    # there, where it was told it breaks 仿宋_GB2312 (a tester).
    kept = driver_tmp(browser) / "本单位稿.docx"
    shutil.copy(housed, kept)
    css(browser, '.tab[data-view="check"]')[0].click()
    in_use = css(browser, "#view-check .profile-in-use")[0]
    assert in_use.is_displayed() and "本单位.yaml" in in_use.text
    by_id(browser, "check-file").send_keys(str(kept))
    wait(browser, lambda d: "错误" in by_id(d, "check-result").text)
    report = by_id(browser, "check-result").text
    assert "全文" in report and "字体" not in report and "仿宋_GB2312" not in report, report
    shot(browser, "10c-check-house-profile")
    css(browser, '.tab[data-view="write"]')[0].click()

    # The draft survives a reload (local storage).
    browser.refresh()
    wait(browser, lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
    by_id(browser, "resume-draft").click()
    assert by_id(browser, "f-tasks-1-heading").get_attribute("value") == "抓好作风建设"
    assert "已用:本单位.yaml" in by_id(browser, "profile-status").text


def driver_tmp(driver) -> Path:
    return Path(driver.downloads).parent


def test_every_template_builds_its_form_without_a_script_error(server, browser):
    open_page(browser, server)
    names = [c.get_attribute("data-template") for c in css(browser, "button.card[data-template]")]
    assert len(names) >= 7
    for name in names:
        css(browser, '.tab[data-view="start"]')[0].click()
        css(browser, f'button.card[data-template="{name}"]')[0].click()
        wait(browser, lambda d: len(css(d, "#editor .field")) > 5)
        wait(browser, lambda d: d.execute_script("return document.body.dataset.busy === '0'"))
        # Each required field left empty is named somewhere on the page, none lost.
        assert css(browser, "#editor .has-error") or by_id(browser, "preview").text
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"
              and "/api/preview" not in e["message"]]  # a 400 for empty required fields
    assert errors == []


def test_uploaded_speech_reordered_in_the_outline_editor(server, browser, tmp_path):
    speech = tmp_path / "去年的讲话.docx"
    assert run_speechgen("render", EXAMPLES / "全县经济工作会议.yaml", "-o", speech).returncode == 0
    open_page(browser, server)
    by_id(browser, "mine-file").send_keys(str(speech))
    wait(browser, lambda d: css(d, "#sec-0-heading"))
    wait(browser, lambda d: "一、" in by_id(d, "preview").text)
    first = by_id(browser, "sec-0-heading").get_attribute("value")
    second = by_id(browser, "sec-1-heading").get_attribute("value")
    points = len(css(browser, "#editor .tree > li"))  # the speech's top-level points
    assert points >= 3
    announced = "一二三四五六七八九十"[points - 1]  # the opening announces them, as mined
    assert f"{points} 个部分" in by_id(browser, "stats").text
    shot(browser, "4-outline-mined")

    text = preview_after(browser, lambda: by_id(browser, "sec-0-down").click())
    assert f"一、{second}" in text and f"二、{first}" in text
    assert by_id(browser, "sec-0-heading").get_attribute("value") == second
    shot(browser, "5-outline-reordered")

    # Indenting the second point under the first: one point fewer, and the check says the
    # opening still announces the old count.
    text = preview_after(browser, lambda: by_id(browser, "sec-1-indent").click())
    assert f"{points - 1} 个部分" in by_id(browser, "stats").text
    assert re.search(r"（[一二三四五六七八九十]+）" + re.escape(first[:6]), text)
    findings = by_id(browser, "findings").text
    assert re.search(f"宣布了“{announced}点”[，,]下面实际有{points - 1}个要点", findings), findings
    # the editor promised the N would follow; it is the user's own text, and says so
    assert "请自己改" in css(browser, "#editor .when")[0].text
    shot(browser, "6-outline-indented")

    css(browser, 'button.dl[data-format="docx"][data-layout="standard"]')[0].click()
    path = downloaded(browser, ".docx")
    paragraphs = [p.text for p in Document(str(path)).paragraphs if p.text.strip()]
    assert f"一、{second}" in paragraphs
    last = "一二三四五六七八九十"[points - 1]
    assert not any(p.startswith(f"{last}、") for p in paragraphs)


def test_what_mine_says_of_a_word_file_is_said_on_the_page(server, browser, tmp_path):
    """The command line's mine says a table was turned into lines; the page opened the outline
    without a word of it (a tester)."""
    speech = tmp_path / "去年的讲话.docx"
    assert run_speechgen("render", EXAMPLES / "全县经济工作会议.yaml", "-o", speech).returncode == 0
    document = Document(str(speech))
    table = document.add_table(rows=2, cols=3)
    texts = ["指标", "2023年", "增长", "地区生产总值", "186亿元", "6.1%"]
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells, texts, strict=True):
        cell.text = text
    document.save(str(speech))
    open_page(browser, server)
    by_id(browser, "mine-file").send_keys(str(speech))
    wait(browser, lambda d: css(d, "#sec-0-heading"))
    wait(browser, lambda d: "一、" in by_id(d, "preview").text)  # it stays after the preview
    notes = by_id(browser, "mined-notes")
    assert notes.is_displayed() and "1 个表格已按行转成文字" in notes.text
    assert "去年的讲话.docx" in notes.text
    shot(browser, "4b-outline-mined-notes")
    css(browser, "#mined-notes button")[0].click()  # 知道了
    assert not css(browser, "#mined-notes")


def test_a_page_with_two_speeches_lets_the_user_pick_one(server, browser, tmp_path):
    page = tmp_path / "两篇讲话.txt"
    parts = []
    examples = (("【篇一】", "全县经济工作会议.yaml"), ("【篇二】", "全市办公室工作会议.yaml"))
    for marker, example in examples:
        parts += [marker, run_speechgen("render", EXAMPLES / example, "-f", "txt").stdout]
    page.write_text("\n".join(parts), encoding="utf-8")
    open_page(browser, server)
    by_id(browser, "mine-file").send_keys(str(page))
    wait(browser, lambda d: "找到 2 篇讲话稿" in by_id(d, "mine-result").text)
    choices = css(browser, "#mine-result button")
    assert "在全市党委办公室工作会议上的讲话" in choices[1].text
    choices[1].click()
    wait(browser, lambda d: "在全市党委办公室工作会议上的讲话" in by_id(d, "preview").text)
    assert by_id(browser, "f-title").get_attribute("value") == "在全市党委办公室工作会议上的讲话"


def test_a_file_larger_than_the_page_takes_is_told_before_it_is_sent(server, browser,
                                                                       tmp_path):
    """Past waitress's own limit the connection closes while the browser sends, so the user saw
    a broken connection and no message: the page compares the size with /api/status's
    max_body first."""
    big = tmp_path / "很大的网页.txt"
    with big.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    open_page(browser, server)
    by_id(browser, "mine-file").send_keys(str(big))
    wait(browser, lambda d: "文件太大" in by_id(d, "mine-result").text)
    assert "21 MB" in by_id(browser, "mine-result").text
    assert "最多接收 20 MB" in by_id(browser, "mine-result").text
    shot(browser, "11-too-large")


def test_batch_reports_the_bad_row_and_zips_the_good_ones(server, browser):
    open_page(browser, server)
    css(browser, 'button[data-goto="batch"]')[0].click()
    by_id(browser, "batch-file").send_keys(str(EXAMPLES / "各乡镇会议.xlsx"))
    by_id(browser, "batch-check").click()
    # Three templates fit this header equally: the page says so, and points at its own
    # 模板 list (the CLI points at -t).
    wait(browser, lambda d: "请在“模板”中选定其中一个" in by_id(d, "batch-result").text)
    assert "-t" not in by_id(browser, "batch-result").text
    from selenium.webdriver.support.ui import Select

    Select(by_id(browser, "batch-template")).select_by_value("work-conference")
    by_id(browser, "batch-name").send_keys("{乡镇}-{会议名称}")
    by_id(browser, "batch-check").click()
    wait(browser, lambda d: css(d, "#batch-table"))
    table = by_id(browser, "batch-table").text
    assert "4 行检查通过,1 行有问题" in by_id(browser, "batch-result").text
    bad = [r for r in css(browser, "#batch-table tbody tr") if "有问题" in r.text]
    assert len(bad) == 1 and bad[0].text.startswith("5")
    assert "E5 日期" in table and "2025年2月30日" in table
    shot(browser, "7-batch-checked")

    by_id(browser, "batch-run").click()
    wait(browser, lambda d: by_id(d, "batch-zip").is_displayed(), 60)
    shot(browser, "8-batch-done")
    by_id(browser, "batch-zip").click()
    path = downloaded(browser, ".zip")
    archive = zipfile.ZipFile(path)
    docx = sorted(n for n in archive.namelist() if n.endswith(".docx"))
    assert len(docx) == 4
    assert all(re.match(r".+镇-.+经济工作会议\.docx$", n) or "乡" in n for n in docx), docx
    assert "报告.csv" in archive.namelist()
    first = Document(io.BytesIO(archive.read(docx[0])))
    assert any("同志们" in p.text for p in first.paragraphs)


def test_check_a_draft_and_download_the_fixed_one(server, browser, tmp_path):
    draft = tmp_path / "送审稿.txt"
    draft.write_text("在全县会议上的讲话\n\n同志们:\n\n今天召开会议,主要任务是XX。下面,我讲三点意见。\n\n"
                     "一、提高认识\n\n要充分认识做好工作的重要意义。\n", encoding="utf-8")
    open_page(browser, server)
    css(browser, '.tab[data-view="check"]')[0].click()
    by_id(browser, "check-file").send_keys(str(draft))
    wait(browser, lambda d: css(d, "#check-result table"))
    report = by_id(browser, "check-result").text
    assert "XX" in report and "三点" in report
    # A repairable finding names the page's button, not the command line's --fix.
    assert "应为“，”(可点“下载修正后的稿子”修正)" in report and "--fix" not in report
    assert "第5行" in report  # a text draft's places are its lines, as check prints them
    shot(browser, "10-check")
    by_id(browser, "check-fix").click()
    fixed = downloaded(browser, ".txt")
    assert fixed.name == "送审稿(已修正).txt"
    assert "今天召开会议，主要任务是XX。" in fixed.read_text(encoding="utf-8")
    # A 大字版 is told which layout it fits and is checked as one from the page's own control;
    # it drew 21 errors and advice to type --layout podium (a tester).
    podium = tmp_path / "大字版.docx"
    run_speechgen("render", EXAMPLES / "全区党建工作会议.yaml", "--layout", "podium", "-o", podium)
    by_id(browser, "check-file").send_keys(str(podium))
    wait(browser, lambda d: "更像大字版" in by_id(d, "check-result").text)
    assert "在“版式”中选大字版" in by_id(browser, "check-layout-hint").text  # above the table
    shot(browser, "10b-check-podium")
    from selenium.webdriver.support.ui import Select

    Select(by_id(browser, "check-layout")).select_by_value("podium")
    wait(browser, lambda d: "错误 0 处" in by_id(d, "check-result").text)
    # both 版式 lists offer every layout the renderer has, named as in the file names
    offered = {name: [(o.get_attribute("value"), o.get_attribute("textContent"))
                      for o in Select(by_id(browser, name)).options]
               for name in ("check-layout", "batch-layout")}
    assert offered["check-layout"] == offered["batch-layout"] == [
        (name, LAYOUT_TITLES[name]) for name in built_in_layouts()]


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_a_saved_file_in_gbk_or_utf16_opens_in_the_form(server, browser, tmp_path, encoding):
    saved = tmp_path / "去年的提纲.yaml"
    saved.write_bytes((EXAMPLES / "全县党建工作会议.yaml").read_text("utf-8").encode(encoding))
    open_page(browser, server)
    by_id(browser, "load-file").send_keys(str(saved))
    wait(browser, lambda d: css(d, "#f-meeting"))
    assert by_id(browser, "f-meeting").get_attribute("value") == "全县党建工作会议"
    wait(browser, lambda d: "全县党建工作会议" in by_id(d, "preview").text)


def test_the_bare_address_shows_what_to_do_in_chinese(server, browser):
    bare = server.split("?")[0]
    browser.get(bare)  # a fresh browser: no cookie, no token
    text = wait(browser, lambda d: by_id(d, "reason").text if css(d, "#reason") else "")
    assert "拒绝访问" in text
    body = css(browser, "body")[0].text
    assert "?token=" in body and "speechgen serve" in body
    shot(browser, "0-refused")


def test_without_libreoffice_the_pdf_button_says_why_beside_it(browser, tmp_path):
    """The reason was only in the disabled button's tooltip, which some browsers never show
    for a disabled button (a tester): it is written beside the button."""
    process, url = start_server(tmp_path / "home", PATH=str(tmp_path))  # no soffice on it
    try:
        open_page(browser, url)
        css(browser, 'button.card[data-template="work-conference"]')[0].click()
        wait(browser, lambda d: d.find_element("id", "view-write").is_displayed())
        assert not by_id(browser, "dl-pdf").is_enabled()
        note = by_id(browser, "pdf-note")
        assert note.is_displayed() and "LibreOffice" in note.text, note.text
        shot(browser, "3-no-pdf")
    finally:
        process.terminate()
        process.wait(10)


def test_quit_button_stops_the_server(browser, tmp_path):
    process, url = start_server(tmp_path / "home")
    try:
        open_page(browser, url)
        by_id(browser, "quit").click()
        wait(browser, lambda d: "已退出" in d.find_element("id", "view-bye").text)
        assert process.wait(10) == 0
        shot(browser, "9-quit")
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(10)


def test_rephrase_button_steps_the_glue_version_and_the_same_version_gives_the_same_draft(
        server, browser):
    """换一种说法 (issue 14): each click sets the next 套话版本, shown in its field, and redraws
    the draft with other attested wording; the facts stay, and going back to a version gives
    that version's draft again, word for word (and the same DOCX text)."""
    open_page(browser, server)
    css(browser, 'button.card[data-template="work-conference"]')[0].click()
    wait(browser, lambda d: css(d, "#f-meeting"))
    assert by_id(browser, "rephrase").is_displayed()
    type_into(browser, "f-meeting", "全县农业农村工作会议")
    type_into(browser, "f-purpose", "总结去年农业农村工作，部署今年任务")
    by_id(browser, "f-tasks-add").click()
    type_into(browser, "f-tasks-0-heading", "稳住粮食生产")
    by_id(browser, "f-tasks-add").click()
    plain = type_into(browser, "f-tasks-1-heading", "发展乡村产业")
    drafts = [plain]
    for version in (1, 2, 3):
        drafts.append(preview_after(browser, lambda: by_id(browser, "rephrase").click()))
        assert by_id(browser, "f-variant").get_attribute("value") == str(version)
    for text in drafts:  # every fact the user gave is still there
        assert "全县农业农村工作会议" in text and "总结去年农业农村工作，部署今年任务" in text
        assert "一、稳住粮食生产" in text and "二、发展乡村产业" in text
    assert len(set(drafts)) >= 3, drafts  # the glue really changed
    field = by_id(browser, "f-variant")
    field.clear()
    again = type_into(browser, "f-variant", "1")
    assert again == drafts[1]
    css(browser, 'button.dl[data-format="docx"][data-layout="standard"]')[0].click()
    written = [p.text for p in Document(str(downloaded(browser, ".docx"))).paragraphs
               if p.text.strip()]
    assert written and all(paragraph in again for paragraph in written)
    # An outline has no glue to change: the button is not offered there.
    css(browser, 'button.tab[data-view="start"]')[0].click()
    by_id(browser, "new-outline").click()
    wait(browser, lambda d: not by_id(d, "rephrase").is_displayed())


def test_two_tabs_keep_two_drafts(server, browser):
    """With one draft slot, typing in a second tab replaced the first tab's draft without a
    word (a tester): each document keeps its own, and both can be taken up again."""
    open_page(browser, server)
    css(browser, 'button.card[data-template="work-conference"]')[0].click()
    wait(browser, lambda d: css(d, "#f-meeting"))
    type_into(browser, "f-meeting", "甲县工作会议")
    first = browser.current_window_handle
    browser.switch_to.new_window("tab")
    open_page(browser, server)
    css(browser, 'button.card[data-template="party-lecture"]')[0].click()
    wait(browser, lambda d: css(d, "#f-meeting"))
    type_into(browser, "f-meeting", "乙支部党课")
    browser.switch_to.window(first)
    type_into(browser, "f-meeting", "（续）")  # the first tab goes on after the second typed
    browser.refresh()
    wait(browser, lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
    resume = by_id(browser, "resume").text
    assert "甲县工作会议（续）" in resume and "乙支部党课" in resume, resume
    shot(browser, "two-drafts")
    by_id(browser, "resume-draft-1").click()  # the older of the two: the second tab's
    assert by_id(browser, "f-meeting").get_attribute("value") == "乙支部党课"
    type_into(browser, "f-meeting", "（改）")  # taken up again, it stays one draft
    browser.refresh()
    wait(browser, lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
    assert len(css(browser, "#resume .resume-item")) == 2
    assert "乙支部党课（改）" in by_id(browser, "resume").text
    # Cards opened only to look at are no drafts: nine of them pushed the filled ones out of
    # the last eight (a tester).
    for _ in range(9):
        css(browser, 'nav button[data-view="start"]')[0].click()
        css(browser, 'button.card[data-template="election-or-founding"]')[0].click()
        wait(browser, lambda d: css(d, "#f-meeting"))
    browser.refresh()
    wait(browser, lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
    resume = by_id(browser, "resume").text
    assert len(css(browser, "#resume .resume-item")) == 2, resume
    assert "甲县工作会议（续）" in resume and "乙支部党课（改）" in resume
