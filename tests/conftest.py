"""Shared fixtures: run the real command as a user would, and find the examples."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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
