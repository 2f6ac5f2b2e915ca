"""Uploaded files in the server's private folder, and the names messages give them.

The library reads files, so each upload is saved in a fresh subfolder of the folder
`speechgen serve` made at start (/tmp/speechgen-web-…/1f3a…/讲话.docx), and the library's
problems name that path, as the CLI names the path it was given.  The person at the page chose
讲话.docx on their own computer: the server's folder tells them nothing and is nobody's
business.  So every problem leaves here naming the file as it was uploaded, and any mention of
the private folder in a message is cut back to the file's name.
"""

from __future__ import annotations

import re
import secrets
import threading
from pathlib import Path

from ..errors import Problem
from ..filenames import safe_stem


class Uploads:
    """Where uploads are saved, and the name each saved path is shown by."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self._shown: dict[str, str] = {}  # saved path → the name the user gave it
        self._lock = threading.Lock()
        # The folder and any subfolders in a path, up to the file's name.
        self._folders = re.compile(re.escape(str(workdir)) + r"(?:[\\/][^\\/\s“”\"'：:]+)*[\\/]")

    def place(self, original: str) -> Path:
        """A path in a fresh subfolder for a file uploaded as `original` (its name only)."""
        folder = self.workdir / secrets.token_hex(8)
        folder.mkdir()
        suffix = Path(original).suffix.lower()
        return self.beside(folder / (safe_stem(Path(original).stem) + suffix), original)

    def beside(self, path: Path, shown: str) -> Path:
        """`path` (in an upload's folder), to be named `shown` in messages."""
        with self._lock:
            self._shown[str(path)] = shown
        return path

    def shown(self, problem: Problem) -> Problem:
        """The problem naming uploads as the user named them, and no private folder."""
        if problem.file is None and str(self.workdir) not in problem.message:
            return problem
        with self._lock:
            names = dict(self._shown)
        file = problem.file
        if file is not None and file.startswith(str(self.workdir)):
            file = names.get(file, Path(file).name)
        message = problem.message
        for saved, name in names.items():
            message = message.replace(saved, name)
        return problem._replace(file=file, message=self._folders.sub("", message))
