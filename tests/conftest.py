"""Shared fixtures; the helpers themselves live in helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_audit import AUDITED, audit_docx
from helpers import EXAMPLES, ROOT, assert_user_error, cli, process

__all__ = ["EXAMPLES", "ROOT", "assert_user_error", "process", "run_speechgen"]

run_speechgen = cli  # most tests run the command in process; `process` where it matters


@pytest.fixture
def speechgen():
    return cli


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


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A --template-dir holding `tiny` (sheet_files.py): one field of each kind a cell feeds."""
    from sheet_files import tiny_template

    return tiny_template(tmp_path / "templates")
