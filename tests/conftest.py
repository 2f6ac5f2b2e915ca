"""Shared fixtures; the helpers themselves live in helpers.py."""

from __future__ import annotations

import pytest
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
