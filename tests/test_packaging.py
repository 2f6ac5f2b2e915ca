"""What a clean clone promises: the README commands, CI running them, and a complete wheel."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## 快速开始", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_readme_has_the_two_quick_start_commands_and_ci_runs_the_test_one():
    install_and_render, install_and_test = quick_start_commands()
    assert install_and_render.startswith("pip install . && speechgen render examples/")
    assert (ROOT / install_and_render.split()[6]).is_file()
    assert "[test]" in install_and_test and "pytest" in install_and_test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install_and_test in ci


@pytest.mark.skipif(subprocess.run([sys.executable, "-c", "import setuptools, wheel"],
                                   capture_output=True).returncode != 0,
                    reason="需要 setuptools 和 wheel 才能离线构建 wheel")
def test_a_plain_install_carries_templates_outlines_and_layout_parts(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("speechgen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("generator/templates/base.j2", "generator/templates/macros.j2",
                 "generator/templates/work-conference/template.yaml",
                 "generator/templates/work-conference/speech.j2",
                 "generator/templates/outline/template.yaml",
                 "generator/layouts/standard.yaml", "generator/layouts/podium.yaml",
                 "generator/outlines/__init__.py"):
        assert name in names, name
    # every module of the package ships: a subpackage left out of pyproject's list imports
    # from a checkout and an editable install, and fails in a plain one
    modules = {path.relative_to(ROOT).as_posix() for path in (ROOT / "generator").rglob("*.py")}
    assert modules <= names, sorted(modules - names)
    assert not any(name.startswith(("tests/", "bench/", "examples/")) for name in names)
