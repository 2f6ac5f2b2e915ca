"""Which small web server to build `speechgen serve` on: start-up and per-request cost.

Run:  python bench/bench_web_server.py [--runs 15] [--requests 300]
Needs the candidates installed (pip install starlette uvicorn python-multipart flask waitress).

For each candidate (Starlette + uvicorn, Flask + waitress, and the standard library's
http.server as the floor) it measures, in fresh processes:
- import: the time to import the framework and its server (`python -c "import ..."` minus a
  bare `python -c pass`), what every `speechgen serve` pays before the first page;
- first response: process start to the first answered GET, the user's wait for the page;
- request: the median round trip of a POST carrying a 5,000-character body that the handler
  echoes back as JSON, over one kept-alive connection, i.e. the framework's share of every
  preview.
The handlers do no speechgen work, so the figures are the frameworks' own cost.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import subprocess
import sys
import textwrap
import time

from timing import wall_ms

STARLETTE = """
from starlette.applications import Starlette
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route
import uvicorn

async def page(request):
    return PlainTextResponse("ok")

async def echo(request):
    body = await request.body()
    return JSONResponse({"n": len(body.decode("utf-8"))})

app = Starlette(routes=[Route("/", page), Route("/echo", echo, methods=["POST"])])
uvicorn.run(app, host="127.0.0.1", port=PORT, log_level="warning", access_log=False)
"""

FLASK = """
from flask import Flask, request, jsonify
from waitress import serve

app = Flask(__name__)

@app.get("/")
def page():
    return "ok"

@app.post("/echo")
def echo():
    return jsonify(n=len(request.get_data(as_text=True)))

serve(app, host="127.0.0.1", port=PORT, threads=4, _quiet=True)
"""

STDLIB = """
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def _send(self, body, kind):
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        self._send(b"ok", "text/plain")
    def do_POST(self):
        data = self.rfile.read(int(self.headers["Content-Length"]))
        self._send(json.dumps({"n": len(data.decode("utf-8"))}).encode(), "application/json")

ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
"""

CANDIDATES = {
    "starlette+uvicorn": ("import starlette.applications, starlette.routing, uvicorn", STARLETTE),
    "flask+waitress": ("import flask, waitress", FLASK),
    "stdlib http.server": ("import http.server, json", STDLIB),
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def first_response_ms(script: str) -> tuple[float, subprocess.Popen[bytes], int]:
    """Milliseconds from process start to the first answered GET; the server is left running."""
    port = free_port()
    code = textwrap.dedent(script).replace("PORT", str(port))
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code])
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/")
            connection.getresponse().read()
            connection.close()
            return (time.perf_counter() - start) * 1000, process, port
        except OSError:
            time.sleep(0.002)


def request_ms(port: int, count: int) -> list[float]:
    body = json.dumps({"text": "同志们" * 1667}).encode("utf-8")
    connection = http.client.HTTPConnection("127.0.0.1", port)
    times = []
    for _ in range(count):
        start = time.perf_counter()
        connection.request("POST", "/echo", body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        assert json.loads(response.read())["n"] > 5000
        times.append((time.perf_counter() - start) * 1000)
    connection.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    floor = statistics.median(wall_ms([sys.executable, "-c", "pass"], args.runs))
    print(f"python -c pass: median {floor:.1f} ms")
    for name, (imports, script) in CANDIDATES.items():
        imported = statistics.median(wall_ms([sys.executable, "-c", imports], args.runs)) - floor
        firsts, latencies = [], []
        for _ in range(max(3, args.runs // 3)):
            first, process, port = first_response_ms(script)
            firsts.append(first)
            latencies += request_ms(port, args.requests // 3)
            process.terminate()
            process.wait()
        print(f"{name:<20} import {imported:6.1f} ms   first response median "
              f"{statistics.median(firsts):6.1f} ms   POST 5,000 chars median "
              f"{statistics.median(latencies):5.2f} ms (p90 "
              f"{statistics.quantiles(latencies, n=10)[-1]:5.2f})")


if __name__ == "__main__":
    main()
