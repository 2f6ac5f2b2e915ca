"""The HTML writer: the preview's paragraphs are the txt writer's, escaped, with their kinds."""

from __future__ import annotations

import re
from html import unescape

from conftest import EXAMPLES, run_speechgen

from generator import load_speech
from generator.html_writer import render_html
from generator.model import Section, Speech

EXAMPLE = EXAMPLES / "全县经济工作会议.yaml"


def test_the_fragment_holds_the_txt_paragraphs_in_order(tmp_path):
    speech = load_speech(EXAMPLE)
    html = render_html(speech)
    paragraphs = [unescape(re.sub(r"<[^>]+>", "", p))
                  for p in re.findall(r"<p [^>]*>(.*?)</p>", html)]
    text = run_speechgen("render", EXAMPLE, "-f", "txt").stdout
    assert paragraphs == text.rstrip("\n").split("\n\n")
    numbers = [int(n) for n in re.findall(r'data-para="(\d+)"', html)]
    assert numbers == list(range(1, len(paragraphs) + 1))


def test_headings_and_lead_sentences_carry_their_level():
    child = Section("狠抓招商引资", ["要盯住重点企业。"], lead=True)
    speech = Speech(title="在会议上的讲话", salutation="同志们：",
                    sections=[Section("抓好项目建设", sections=[child])])
    html = render_html(speech)
    assert '<p class="sg-heading sg-h1" data-para="3">一、抓好项目建设</p>' in html
    assert '<span class="sg-h2">（一）狠抓招商引资。</span>要盯住重点企业。' in html


def test_user_text_is_escaped():
    html = render_html(Speech(title="<b>标题</b> & “引号”"))
    assert "&lt;b&gt;标题&lt;/b&gt; &amp; “引号”" in html and "<b>" not in html


def test_render_html_is_a_page_a_browser_opens(tmp_path):
    target = tmp_path / "讲话.html"
    result = run_speechgen("render", EXAMPLE, "-f", "html", "-o", target)
    assert result.returncode == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and '<meta charset="utf-8">' in page
    assert "<title>在全县经济工作会议上的讲话</title>" in page
    assert "仿宋_GB2312" in page  # the stylesheet travels with the file
    assert "一、" in page
