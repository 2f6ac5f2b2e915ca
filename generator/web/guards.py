"""The rules every request to `speechgen serve` passes before a route sees it.

The server listens on 127.0.0.1, but any web page the user opens can still send requests to
it, and a DNS-rebinding page can even read the answers.  So (see docs/web.md):
- the Host header must name 127.0.0.1 or localhost with our port (defeats DNS rebinding);
- every request carries the start-up token: once in the query (the URL printed at start), then
  as a cookie whose name holds the port, or as the header X-Speechgen-Token for scripts;
- a POST that says where it comes from (Origin) must come from the page itself (defeats
  cross-site form posts, which carry the cookie);
- bodies over 20 MB are refused before a route reads them.
What waitress refuses before the application runs is answered in the same words (refusals.py).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

#: Largest request body (uploads included), in bytes.
MAX_BODY = 20 * 1024 * 1024
TOKEN_HEADER = "X-Speechgen-Token"

MESSAGES = {
    403: "拒绝访问:请使用启动时显示的网址(含 token)打开本页面。",
    "host": "拒绝访问:只能通过 127.0.0.1 或 localhost 访问本工具。",
    "origin": "拒绝访问:请求不是来自本工具的页面。",
    413: "上传的内容太大:不能超过 20 MB,请检查是否选错了文件。",
    # What waitress itself refuses, before the application runs (refusals.py).
    400: "请求格式有误:请求不符合 HTTP 的规定(请求行、请求头或分块的请求体),没有被处理。",
    "length": "请求格式有误:请求头 Content-Length 应为请求体的字节数(不小于 0 的整数),"
              "请求没有被处理。",
    431: "请求头太大,请求没有被处理。",
    500: "请求无法处理。",
}

#: Sent with every answer, the application's and waitress's own refusals alike.
SECURITY_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Content-Security-Policy",
     "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
     "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
    ("Cache-Control", "no-store"),
)


def cookie_name(port: int) -> str:
    """Per port, so two servers on one machine keep their own tokens."""
    return f"speechgen_token_{port}"


@dataclass(frozen=True)
class Guard:
    port: int
    token: str

    @property
    def hosts(self) -> tuple[str, ...]:
        return (f"127.0.0.1:{self.port}", f"localhost:{self.port}")

    @property
    def origins(self) -> tuple[str, ...]:
        return tuple(f"http://{host}" for host in self.hosts)

    def token_ok(self, candidate: str | None) -> bool:
        return bool(candidate) and hmac.compare_digest(
            candidate.encode("utf-8"), self.token.encode("utf-8"))  # type: ignore[union-attr]

    def refusal(self, method: str, host: str, origin: str | None, query_token: str | None,
                cookie_token: str | None, header_token: str | None,
                length: int | None) -> tuple[int, str] | None:
        """(status, Chinese message) when the request must be refused, else None."""
        if host.lower() not in self.hosts:
            return 403, MESSAGES["host"]
        if not any(self.token_ok(t) for t in (query_token, cookie_token, header_token)):
            return 403, str(MESSAGES[403])
        if method not in ("GET", "HEAD", "OPTIONS") and origin is not None \
                and origin not in self.origins:
            return 403, MESSAGES["origin"]
        if length is not None and length > MAX_BODY:
            return 413, str(MESSAGES[413])
        return None
