"""Tests that grow with the registries: every template, every check rule and every output
format is tested because it is registered, and the README lists exactly what is registered."""

from __future__ import annotations

import re

import pytest
from helpers import ROOT, cli, docx_text

import generator
from generator.checks.pipeline import RULES
from generator.formats import REGISTRY
from generator.templating import templates

README = (ROOT / "README.md").read_text(encoding="utf-8")
TEMPLATES = templates()
CHECK_IDS = [check_id for rule in RULES for check_id in rule.ids]


def _section(title: str) -> str:
    start = README.index(title)
    end = README.find("\n## ", start + 1)
    return README[start:end if end > 0 else None]


def test_readme_template_table_lists_every_registered_template():
    rows = re.findall(r"^\| `([\w-]+)` \| ([^|]+) \|", _section("## 模板"), re.M)
    assert {name: label.strip() for name, label in rows} == {
        name: template.title for name, template in TEMPLATES.items()}


def test_readme_check_list_names_every_registered_check_id():
    listed = set(re.findall(r"`([a-z]+(?:-[a-z]+)*)`", _section("## 送审前检查")))
    assert set(CHECK_IDS) <= listed
    assert listed - set(CHECK_IDS) <= {"check", "json", "fix"}  # words of commands, not ids


def test_readme_format_list_is_the_format_registry():
    line = next(line for line in README.splitlines() if line.startswith("`--format` 可选"))
    assert re.findall(r"`(\w+)`(?:\(默认\))?[、(]", line) == list(REGISTRY)


def test_every_check_id_is_declared_once():
    assert len(CHECK_IDS) == len(set(CHECK_IDS))
    assert len({rule.name for rule in RULES}) == len(RULES)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_every_template_scaffold_renders_and_lists_its_fields(name, tmp_path):
    scaffold = cli("new", name, "-o", tmp_path / "提纲.yaml")
    assert scaffold.returncode == 0, scaffold.stderr
    out = tmp_path / "讲话稿.docx"
    result = cli("render", tmp_path / "提纲.yaml", "-o", out)
    assert result.returncode == 0, result.stderr
    assert docx_text(out)  # paragraphs a reader sees
    shown = cli("templates", "show", name).stdout
    info = next(t for t in generator.list_templates() if t.name == name)
    for field in info.fields:
        assert field.label in shown, (name, field.key)


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_every_check_rule_runs_on_a_plain_draft_without_error(rule, tmp_path):
    """Each registered rule is reachable: it runs through `check` and its ids are the only
    ones it reports."""
    from generator.checks.load import text_draft
    from generator.checks.rule import Options

    draft = text_draft("在会上的讲话\n同志们:\n一、统一思想\n要XX提高认识,,\n谢谢大家！\n")
    findings = list(rule.run(draft, Options(duration="1分钟")))
    assert {f.id for f in findings} <= set(rule.ids)


@pytest.mark.parametrize("fmt", list(REGISTRY))
def test_every_format_in_the_registry_is_offered_by_render(fmt, tmp_path):
    """Help lists it, and render writes it (PDF only where LibreOffice is installed)."""
    help_text = cli("render", "--help").stdout
    assert fmt in help_text
    spec = REGISTRY[fmt]
    if spec.writer is None:
        from generator.pdf import find_soffice

        if find_soffice() is None:
            pytest.skip("LibreOffice is not installed")
    out = tmp_path / f"a{spec.suffix}"
    result = cli("render", ROOT / "examples" / "全区党建工作会议.yaml", "-o", out)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    if spec.binary:
        assert data[:4] in (b"PK\x03\x04", b"%PDF")
    else:
        text = data.decode("utf-8")
        assert text.startswith(("在全区机关党建工作会议上的讲话", "# ", "<!doctype html>"))
        assert "在全区机关党建工作会议上的讲话" in text


def test_the_standard_profile_documents_every_profile_key():
    """standard.yaml's opening comment is where README sends users for the key names."""
    from generator.layout import LAYOUT_FIELDS, built_in_layouts

    header = (ROOT / "generator" / "layouts" / "standard.yaml").read_text(encoding="utf-8")
    header = "".join(line for line in header.splitlines(keepends=True) if line.startswith("#"))
    for section in LAYOUT_FIELDS:
        assert f"{section.key} {section.label}" in header, section.key
        for setting in section.fields:
            assert f"{setting.key} {setting.label}" in header, (section.key, setting.key)
    assert built_in_layouts()[0] == "standard" and "podium" in built_in_layouts()
