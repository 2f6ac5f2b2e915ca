"""Where the built-in templates and outlines are, installed or in a source checkout.

They live at the top of the repository (templates/, outlines/) and are installed inside the
package as generator.templates and generator.outlines.  A process started in a checkout
imports the source tree, where those subpackages do not exist, so fall back to the folders.
"""

from __future__ import annotations

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
