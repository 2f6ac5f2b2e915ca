"""The offline bundle for office PCs: built where the registry is reachable, installed without it.

Building downloads the dependency wheels (that is the bundle's point), so this test needs the
package registry for its first step; the install step then runs with every network route cut
(no index, no configured links, a dead proxy) exactly as install.sh does on an office PC.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT
from docx import Document

OFFLINE = ROOT / "offline"


def load_builder():
    spec = importlib.util.spec_from_file_location("build_bundle", OFFLINE / "build_bundle.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def offline_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("PIP_")}
    dead = "http://127.0.0.1:9"
    env.update(HOME=str(home), PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1",
               http_proxy=dead, https_proxy=dead, HTTP_PROXY=dead, HTTPS_PROXY=dead,
               PYTHON=sys.executable)
    return env


@pytest.mark.slow
def test_the_linux_bundle_installs_with_the_network_cut(tmp_path):
    builder = load_builder()
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    archive = builder.build(tmp_path / "讲话稿工具-离线安装包", ["linux"], [version], True)
    names = zipfile.ZipFile(archive).namelist()
    assert "讲话稿工具-离线安装包/install.sh" in names
    assert any(n.startswith("讲话稿工具-离线安装包/wheels/speechgen-") for n in names)
    assert any("/wheels/flask-" in n for n in names) and any("/wheels/waitress-" in n
                                                              for n in names)
    bundle = tmp_path / "解压"
    zipfile.ZipFile(archive).extractall(bundle)
    folder = bundle / "讲话稿工具-离线安装包"
    home = tmp_path / "home"
    (home / "桌面").mkdir(parents=True)
    target = tmp_path / "装在这里"
    result = subprocess.run(["sh", str(folder / "install.sh"), str(target)], cwd=folder,
                            env=offline_env(home), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "安装完成" in result.stdout

    speechgen = target / "venv" / "bin" / "speechgen"
    docx = tmp_path / "讲话.docx"
    rendered = subprocess.run([str(speechgen), "render", str(EXAMPLES / "全县经济工作会议.yaml"),
                               "-o", str(docx)], capture_output=True, text=True,
                              env=offline_env(home))
    assert rendered.returncode == 0, rendered.stderr
    assert Document(str(docx)).paragraphs[0].text == "在全县经济工作会议上的讲话"
    python = target / "venv" / "bin" / "python"
    page_files = ("import generator.web.app as app, generator.html_writer as html\n"
                  "for name in ('index.html', 'app.js', 'app.css'):\n"
                  "    assert (app.STATIC / name).is_file(), name\n"
                  "assert html.STYLESHEET.is_file()\n"
                  "import flask, waitress\n")
    served = subprocess.run([str(python), "-c", page_files], capture_output=True, text=True,
                            cwd=tmp_path)  # not the checkout: the installed package
    assert served.returncode == 0, served.stderr

    entry = (home / ".local/share/applications/speechgen.desktop").read_text(encoding="utf-8")
    assert "Name=讲话稿工具" in entry
    assert f'Exec="{speechgen}" serve' in entry
    assert (home / "桌面" / "讲话稿工具.desktop").exists()


def test_install_sh_refuses_a_python_that_is_too_old(tmp_path):
    fake = tmp_path / "python3"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    env = {**offline_env(tmp_path), "PYTHON": str(fake)}
    result = subprocess.run(["sh", str(OFFLINE / "install.sh"), str(tmp_path / "t")],
                            env=env, capture_output=True, text=True)
    assert result.returncode == 2
    assert "需要 Python 3.10 或更高版本" in result.stderr
    assert not (tmp_path / "t").exists()


def test_windows_scripts_are_what_cmd_reads_and_install_offline():
    builder = load_builder()
    for name in builder.WINDOWS_SCRIPTS:
        data = builder.windows_text((OFFLINE / name).read_text(encoding="utf-8"))
        text = data.decode("gbk")
        assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
        assert text.startswith("@echo off")
    install = (OFFLINE / "安装.bat").read_text(encoding="utf-8")
    assert "--no-index --find-links" in install
    start = (OFFLINE / "启动讲话稿工具.bat").read_text(encoding="utf-8")
    assert "speechgen.exe\" serve" in start
