"""Outline → template: the skeleton keeps the structure; its examples give the speech back."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import ROOT, assert_user_error, run_speechgen

from generator.outline_io import load_outline
from generator.templating import build_speech
from generator.text_writer import render_text

CORPUS = ROOT.parent / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


@pytest.fixture(scope="module")
def mined(tmp_path_factory) -> list[Path]:
    """The corpus mined afresh; the complete speeches (not flagged truncated)."""
    out = tmp_path_factory.mktemp("mined")
    result = run_speechgen("mine", *sorted(CORPUS.glob("*.txt")), "-o", out)
    assert result.returncode == 0, result.stderr
    complete = [path for path in sorted(out.glob("*.yaml"))
                if not any(f.code == "truncated" for f in load_outline(path).flags)]
    assert len(complete) >= 20
    return complete


def test_every_complete_corpus_speech_comes_back_unchanged(mined, tmp_path):
    for outline in mined:
        name = f"语料-{outline.stem}"
        made = run_speechgen("template-from", outline, "--name", name, "-o", tmp_path / "模板")
        assert made.returncode == 0, made.stderr
        scaffold = tmp_path / f"{name}.yaml"
        new = run_speechgen("new", name, "--template-dir", tmp_path / "模板", "-o", scaffold)
        assert new.returncode == 0, new.stderr
        rendered = run_speechgen("render", scaffold, "--template-dir", tmp_path / "模板",
                                 "-f", "txt")
        assert rendered.returncode == 0, rendered.stderr
        original = run_speechgen("render", outline, "-f", "txt").stdout
        assert rendered.stdout == original, outline.name


def make_template(outline: Path, root: Path, name: str) -> dict:
    assert run_speechgen("template-from", outline, "--name", name, "-o", root).returncode == 0
    scaffold = run_speechgen("new", name, "--template-dir", root).stdout
    return yaml.safe_load(scaffold)


def test_structure_is_kept_and_the_count_follows_the_parts(mined, tmp_path):
    outline = next(p for p in mined if p.stem == "003-2")
    root = tmp_path / "模板"
    data = make_template(outline, root, "党建四点")
    speech_j2 = (root / "党建四点" / "speech.j2").read_text(encoding="utf-8")
    assert "{tasks,line,一、}" in speech_j2 and "{guarantee,line,一、}" in speech_j2
    assert "全区" not in speech_j2  # facts live in the fields, not in the template
    parts = [key for key in data if key.startswith("第")]
    assert len(parts) == 4
    del data[parts[1]]
    speech = build_speech(data, lambda path: (None, None), "提纲.yaml", None, [root])
    assert len(speech.sections) == 3
    assert speech.opening[-1].endswith("下面，我重点讲三点意见。")
    assert "同志们，做好党建工作" in render_text(speech)
    # every part left out: nothing to announce ("我讲零点意见", a tester)
    for part in parts:
        data.pop(part, None)
    bare = render_text(build_speech(data, lambda path: (None, None), "提纲.yaml", None, [root]))
    assert "零点" not in bare and "我重点讲" not in bare


def test_a_bad_template_name_is_a_message(mined, tmp_path):
    result = run_speechgen("template-from", mined[0], "--name", "../逃逸", "-o", tmp_path)
    assert_user_error(result, "模板名")
    assert list(tmp_path.iterdir()) == []


def test_an_explorer_copy_of_a_template_does_not_hide_the_others(tmp_path):
    """Windows Explorer names a copied folder "我的 - 副本"; its template.yaml still says 我的, so
    it cannot be read, and `templates` failed for every template in the folder (a tester,
    round 2).  It is left out with a word; asked for by name it gives its own error."""
    folder = tmp_path / "模板"
    made = run_speechgen("template-from", ROOT / "examples" / "全区党建工作会议.yaml",
                         "-n", "我的", "-o", folder)
    assert made.returncode == 0, made.stderr
    (folder / "我的 - 副本").mkdir()
    for part in ("template.yaml", "speech.j2"):
        (folder / "我的 - 副本" / part).write_bytes((folder / "我的" / part).read_bytes())
    listed = run_speechgen("templates", "--template-dir", folder)
    assert listed.returncode == 1, listed.stderr  # as mine with one bad file among good ones
    assert "\n我的　" in "\n" + listed.stdout and "work-conference" in listed.stdout
    assert "我的 - 副本" in listed.stderr and "未列出" in listed.stderr
    assert_user_error(run_speechgen("new", "我的 - 副本", "--template-dir", folder),
                      "应与文件夹名“我的 - 副本”一致")
