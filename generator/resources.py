"""Where the built-in templates and outlines are, installed or in a source checkout.

They live at the top of the repository (templates/, outlines/) and are installed inside the
package as generator.templates and generator.outlines.  A process started in a checkout
imports the source tree, where those subpackages do not exist, so fall back to the folders.
The package is a folder on disk however it was installed (pip unpacks wheels), so its files
are found from ``__file__``: ``importlib.resources`` would add ~3 ms to every start (issue 9).
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def package_file(*parts: str) -> Path:
    """A data file shipped inside the package: ``package_file("layouts", "standard.yaml")``."""
    return _PACKAGE.joinpath(*parts)


def _folder(subpackage: str, checkout_name: str) -> Path:
    installed = _PACKAGE / subpackage
    return installed if (installed / "__init__.py").is_file() else _CHECKOUT / checkout_name


def templates_dir() -> Path:
    return _folder("templates", "templates")


def outlines_dir() -> Path:
    return _folder("outlines", "outlines")


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
