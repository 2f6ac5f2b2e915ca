"""Shared fixtures: run the real command as a user would, and find the examples."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from docx_audit import AUDITED, audit_docx

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run_speechgen(*args: str | Path, cwd: Path | None = None,
                  timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`speechgen ARGS` in a fresh process: exit code, stdout and stderr as the user sees them."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=timeout,
    )


@pytest.fixture
def speechgen():
    return run_speechgen


def assert_user_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    """Exit 2, a Chinese message holding every fragment, and no traceback."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "错误" in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


@pytest.fixture(autouse=True, scope="session")
def _private_template_cache(tmp_path_factory):
    """Compiled templates go to a test folder, not the user's ~/.cache (subprocesses inherit)."""
    import os

    os.environ["SPEECHGEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


#: Files a test audits at most: a batch test writing thousands of rows from one template is
#: judged on a spread sample of them.
AUDIT_SAMPLE = 12


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "foreign_docx: the test writes DOCX files on purpose that speechgen did not "
        "make (damaged files, python-docx drafts), so its folder is not audited")


@pytest.fixture(autouse=True)
def _audit_written_docx(request):
    """After each test that used ``tmp_path``, every DOCX left there passes openxml-audit."""
    yield
    folder = request.node.funcargs.get("tmp_path")
    if folder is None or request.node.get_closest_marker("foreign_docx"):
        return
    files = sorted(Path(folder).rglob("*.docx"))
    step = max(1, len(files) // AUDIT_SAMPLE)
    bad = {}
    for path in files[::step]:
        if path.name.startswith(("~$", ".~")) or path.stat().st_size == 0:
            continue
        problems = audit_docx(path)
        if problems:
            bad[str(path.relative_to(folder))] = problems
    assert not bad, bad


def pytest_terminal_summary(terminalreporter):
    if AUDITED:
        terminalreporter.write_line(
            f"openxml-audit (Microsoft 365, strict=False): {len(AUDITED)} DOCX files checked")
