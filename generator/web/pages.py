"""The short HTML page a person sees when the browser itself opens an address the server refuses.

The page's script and API clients get JSON (app.py); but someone who types the bare address,
opens an old bookmark or comes back after the server restarted (a new token) is looking at the
browser, not at a script, and raw JSON tells them nothing.  The page has no style or script of
its own: the files under /static/ need the token too, and the CSP forbids inline code.
"""

from __future__ import annotations

from html import escape

#: What to do when the token (or the address) was refused: the line `speechgen serve` printed.
REOPEN = ("请回到启动本工具的命令行窗口,找到“讲话稿工具已启动:”后面的网址"
          "(形如 http://127.0.0.1:8765/?token=…,要包含 ?token= 及其后的全部字符),"
          "把它完整复制到浏览器地址栏打开。")
RESTART = "如果那个窗口已经关闭,或工具已经退出,请重新运行 speechgen serve,它会打印新的网址。"
HOME = '<p><a href="/">回到讲话稿工具首页</a></p>'


def error_page(status: int, message: str) -> str:
    """The page for a refused or failed request: the reason, then what to do about it."""
    advice = (f"<p>{escape(REOPEN)}</p>\n<p>{escape(RESTART)}</p>" if status == 403 else HOME)
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<title>讲话稿工具</title>\n</head>\n<body>\n<h1>讲话稿工具</h1>\n"
            f"<p id=\"reason\">{escape(message)}</p>\n{advice}\n</body>\n</html>\n")
