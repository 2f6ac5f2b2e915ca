"""Start and stop the local server: port, token, private folder, waitress.

The library never prints; `start` returns what the CLI says in its one line (the URL, and the
port it moved from when the asked one was taken), and `serve` blocks until Ctrl-C or the
page's 退出 button, then removes the private folder whatever happened.
"""

from __future__ import annotations

import logging
import secrets
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .library import InputError

HOST = "127.0.0.1"
DEFAULT_PORT = 8765
#: How many ports after the asked one are tried before giving up.
PORT_TRIES = 50


@dataclass
class Server:
    url: str
    port: int
    workdir: Path
    quit: threading.Event
    _wsgi: Any

    def serve(self, ready: Callable[[], None] = lambda: None) -> None:
        """Serve until the page's 退出 (or Ctrl-C, raised to the caller); always clean up.

        `ready` runs once the server answers (the CLI prints its line there), inside the part
        that cleans up, so a Ctrl-C right after the line still removes the private folder.
        A polite stop from outside (SIGTERM, the terminal closing, Windows closing the console
        window) counts as 退出.
        """
        try:
            thread = threading.Thread(target=self._wsgi.run, daemon=True)
            thread.start()
            for name in ("SIGTERM", "SIGHUP", "SIGBREAK"):
                if hasattr(signal, name) and threading.current_thread() is threading.main_thread():
                    signal.signal(getattr(signal, name), lambda *_: self.quit.set())
            ready()
            while not self.quit.wait(0.2):
                pass
            time.sleep(0.3)  # let the answer to 退出 reach the page before the socket closes
        finally:
            self.close()

    def close(self) -> None:
        try:
            self._wsgi.close()
        finally:
            shutil.rmtree(self.workdir, ignore_errors=True)


def start(port: int = DEFAULT_PORT) -> Server:
    """Bind 127.0.0.1:port, or the next free port; a fresh token and private folder."""
    from waitress.server import create_server  # type: ignore[import-untyped]

    from . import refusals
    from .app import create_app

    if not 1 <= port <= 65535:
        raise InputError(f"--port 应为 1 到 65535 之间的端口号,收到 {port}")
    # "Task queue depth is 21": waitress noting that requests wait for a free thread, as they
    # should in a burst of uploads; it reached the console the user sees, in English (a
    # tester, round 2).  Its errors still show.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    token = secrets.token_urlsafe(24)
    workdir = Path(tempfile.mkdtemp(prefix="speechgen-web-"))
    quit_event = threading.Event()
    last_error: OSError | None = None
    for candidate in range(port, min(port + PORT_TRIES, 65536)):
        app = create_app(candidate, token, workdir, quit_event)
        try:
            # Uploads over 20 MB are refused by the app with a Chinese message; waitress's own
            # limit sits above it only to bound what a broken client can send (at 20 MB a
            # 25 MB upload ends in a connection reset: refusals.py).  What waitress refuses
            # itself (that limit, a broken Content-Length) is answered in Chinese too.
            wsgi = create_server(app, host=HOST, port=candidate, threads=8,
                                 max_request_body_size=64 * 1024 * 1024, ident="speechgen",
                                 clear_untrusted_proxy_headers=True)
            refusals.install(wsgi)
        except OSError as error:
            last_error = error
            continue
        url = f"http://{HOST}:{candidate}/?token={token}"
        return Server(url, candidate, workdir, quit_event, wsgi)
    shutil.rmtree(workdir, ignore_errors=True)
    raise InputError(f"端口 {port} 到 {port + PORT_TRIES - 1} 都已被占用,请用 --port 指定其他端口"
                     + (f"({last_error.strerror})" if last_error else ""))
