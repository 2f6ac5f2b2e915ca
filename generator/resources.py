"""Where the built-in templates and outlines are, installed or in a source checkout.

They live at the top of the repository (templates/, outlines/) and are installed inside the
package as generator.templates and generator.outlines.  A process started in a checkout
imports the source tree, where those subpackages do not exist, so fall back to the folders.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _folder(package: str, checkout_name: str) -> Path:
    try:
        return Path(str(resources.files(package)))
    except ModuleNotFoundError:
        return _CHECKOUT / checkout_name


def templates_dir() -> Path:
    return _folder("generator.templates", "templates")


def outlines_dir() -> Path:
    return _folder("generator.outlines", "outlines")


def cache_dir() -> Path | None:
    """The user's cache folder for compiled templates, or None when none can be written.

    SPEECHGEN_CACHE_DIR overrides it; otherwise %LOCALAPPDATA% on Windows and XDG_CACHE_HOME
    (~/.cache) elsewhere.  A read-only home only costs speed, never a failed render.
    """
    override = os.environ.get("SPEECHGEN_CACHE_DIR")
    if override:
        folder = Path(override)
    elif os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        folder = Path(os.environ["LOCALAPPDATA"]) / "speechgen" / "cache"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        folder = Path(base) / "speechgen"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None
