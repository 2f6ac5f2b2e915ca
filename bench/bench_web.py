"""`speechgen serve`: preview time on the server, start-up to first page, keystroke to preview.

Run:  python bench/bench_web.py [--repeat 200] [--starts 10] [--no-browser]

Targets (issue 11; reported here, never asserted in tests):
- POST /api/preview for a 5,000-character speech (the test factory's, 45 paragraphs, four
  levels): median ≤ 20 ms of server time.  Measured in-process through Flask's test client (the
  whole request: guards, JSON in, tree, checks, HTML and text out), interleaved with
  GET /api/status as the reference (the cost of a request that does no speechgen work), and
  over a real socket against a running `speechgen serve` (adds waitress and the loopback).
- `speechgen serve` to first page: process start → the page answered 200 (token redirect
  followed), median ≤ 1.5 s.
- last keystroke → updated preview in Chromium, debounce (250 ms) included: median ≤ 400 ms.
  Needs chromium + chromium-driver; skipped with a note otherwise or with --no-browser.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from speech_factory import long_speech  # noqa: E402

from generator.outline_io import speech_to_dict  # noqa: E402
from generator.web.app import create_app  # noqa: E402

TOKEN = "bench-token"


def speech_body() -> bytes:
    data = speech_to_dict(long_speech())
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def in_process(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        client = create_app(8765, TOKEN, Path(folder), threading.Event()).test_client()
        headers = {"X-Speechgen-Token": TOKEN}
        base = "http://127.0.0.1:8765"
        body = speech_body()
        answer = client.post("/api/preview", data=body, content_type="application/json",
                             headers=headers, base_url=base).get_json()
        print(f"speech: {answer['stats']['chars']} characters, "
              f"{answer['stats']['paragraphs']} paragraphs")
        preview, reference = [], []
        for _ in range(repeat):
            start = time.perf_counter_ns()
            client.post("/api/preview", data=body, content_type="application/json",
                        headers=headers, base_url=base)
            preview.append((time.perf_counter_ns() - start) / 1e6)
            start = time.perf_counter_ns()
            client.get("/api/status", headers=headers, base_url=base)
            reference.append((time.perf_counter_ns() - start) / 1e6)
        p, r = statistics.median(preview), statistics.median(reference)
        print(f"/api/preview in-process   median {p:6.2f} ms (p90 "
              f"{statistics.quantiles(preview, n=10)[-1]:.2f})  target ≤ 20 ms")
        print(f"/api/status  in-process   median {r:6.2f} ms   preview/status ratio {p / r:.1f}")


def start_server() -> tuple[subprocess.Popen[str], str, float]:
    """The real command; (process, URL, seconds from start to the page served)."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--no-browser",
                                "--port", "38765"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True,
                               encoding="utf-8")
    assert process.stdout is not None
    line = process.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]+)", line)
    assert match, line
    connection = http.client.HTTPConnection("127.0.0.1", int(match[1]))
    connection.request("GET", f"/?token={match[2]}")
    response = connection.getresponse()
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    response.read()
    connection.request("GET", "/", headers={"Cookie": cookie})
    page = connection.getresponse()
    assert page.status == 200 and "讲话稿" in page.read().decode("utf-8")
    connection.close()
    return process, match[0], time.perf_counter() - start


def stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    process.wait(10)


def first_page(starts: int) -> None:
    times = []
    for _ in range(starts):
        process, _, seconds = start_server()
        times.append(seconds * 1000)
        stop(process)
    print(f"serve → first page        median {statistics.median(times):6.0f} ms "
          f"(min {min(times):.0f}, max {max(times):.0f}, starts {starts})  target ≤ 1500 ms")


def over_socket(repeat: int) -> None:
    process, url, _ = start_server()
    try:
        match = re.search(r":(\d+)/\?token=([\w-]+)", url)
        assert match
        connection = http.client.HTTPConnection("127.0.0.1", int(match[1]))
        headers = {"X-Speechgen-Token": match[2], "Content-Type": "application/json"}
        body = speech_body()
        times = []
        for index in range(repeat + 5):
            start = time.perf_counter_ns()
            connection.request("POST", "/api/preview", body, headers)
            response = connection.getresponse()
            response.read()
            if index >= 5:  # the first requests import the checks and writers
                times.append((time.perf_counter_ns() - start) / 1e6)
        print(f"/api/preview over socket  median {statistics.median(times):6.2f} ms")
    finally:
        stop(process)


def in_browser(keystrokes: int) -> None:
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver_path):
        print("keystroke → preview       skipped: chromium/chromium-driver not installed")
        return
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    process, url, _ = start_server()
    profile = tempfile.mkdtemp(prefix="speechgen-bench-chrome-")
    options = Options()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                 "--window-size=1366,768"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        driver.get(url)
        wait = WebDriverWait(driver, 20)
        wait.until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
        outline = speech_to_dict(long_speech())
        # Open the 5,000-character speech in the outline editor, as a mined speech would be.
        driver.execute_script(
            "localStorage.setItem('speechgen.draft', JSON.stringify("
            "{mode: 'outline', outline: arguments[0], saved: new Date().toISOString()}))",
            outline)
        driver.refresh()
        wait.until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
        driver.find_element("id", "resume-draft").click()
        wait.until(lambda d: d.execute_script("return document.body.dataset.busy === '0'"))
        field = driver.find_element("id", "f-title")
        driver.execute_script("window.speechgenTimings = []")
        for char in "在全县经济工作会议上的讲话稿"[:keystrokes]:
            seq = driver.execute_script("return document.body.dataset.previewSeq")
            field.send_keys(char)
            wait.until(lambda d, s=seq: d.execute_script(
                "return document.body.dataset.previewSeq !== arguments[0] && "
                "document.body.dataset.busy === '0'", s))
        timings = driver.execute_script("return window.speechgenTimings")
        print(f"keystroke → preview       median {statistics.median(timings):6.0f} ms "
              f"(n={len(timings)}, 250 ms debounce included)  target ≤ 400 ms")
    finally:
        driver.quit()
        stop(process)
        shutil.rmtree(profile, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--starts", type=int, default=10)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    in_process(args.repeat)
    over_socket(args.repeat)
    first_page(args.starts)
    if not args.no_browser:
        in_browser(14)


if __name__ == "__main__":
    main()
