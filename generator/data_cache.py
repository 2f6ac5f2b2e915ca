"""Parsed copies of the package's own large YAML data files, kept between runs.

``outlines/moves.yaml`` (5,000 lines) took ~45 ms of CPU to load on every `speechgen render`
even through PyYAML's C parser, whose constructor is Python; ``marshal`` loads the same plain
data in about a millisecond (issue 9, measured with bench/bench_cli.py).  The copy lives in
the user's cache folder (the one compiled templates use), named by the SHA-256 of the file's
bytes, so an edited or upgraded file is parsed afresh; without a writable cache the file is
simply parsed every time.  For files shipped with the package only: plain data (mappings,
lists, strings, numbers, booleans, None).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .files import write_atomic
from .resources import cache_dir


def load_data(path: Path, view: Callable[[Any], Any] | None = None) -> Any:
    """The YAML file's data, from the cache when an identical file was parsed before.

    ``view`` keeps the part of the data a caller reads, and the cache holds only that part:
    a render reads the phrase stock's wordings, not the attestation records beside them,
    which are ~80% of moves.yaml's values (1.9 → 0.2 ms to unmarshal, measured).  The view's
    qualified name is part of the cache key, so two views of one file never mix.
    """
    raw = path.read_bytes()
    folder = cache_dir()
    key = hashlib.sha256(raw)
    if view is not None:
        key.update(f"\0{view.__module__}.{view.__qualname__}".encode())
    cached = folder / f"data-{key.hexdigest()[:32]}.marshal" if folder else None
    if cached is not None and cached.is_file():
        try:
            return marshal.loads(cached.read_bytes())
        except (EOFError, ValueError, TypeError, OSError):
            pass  # a damaged copy: parse again and replace it
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(raw.decode("utf-8"), Loader=loader)
    if view is not None:
        data = view(data)
    if cached is not None:
        # A value marshal cannot hold, or a cache that refuses writes: parse again next time.
        with contextlib.suppress(ValueError, InputError):
            write_atomic(cached, marshal.dumps(data))
    return data
