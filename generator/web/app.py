"""The HTTP face of speechgen: routes that turn requests into library calls (via library.py).

Flask was chosen by measurement (docs/web.md): with waitress it starts in about 60 % of the
time Starlette + uvicorn takes, answers a 5,000-character POST as fast, and both are
pure-Python wheels.  Every route answers JSON or a file; every failure is JSON with a Chinese
`error` and, for bad input, the same `problems` (message, line, field path) the CLI prints,
except to a browser opening an address itself, which gets a short Chinese page (pages.py).
"""

from __future__ import annotations

import dataclasses
import json
import secrets
import threading
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from flask import Flask, Request, Response, g, redirect, request, send_from_directory
from werkzeug.exceptions import HTTPException

from .. import advice
from ..layout import LAYOUT_TITLES, known_layout
from . import library
from .guards import MAX_BODY, MESSAGES, SECURITY_HEADERS, TOKEN_HEADER, Guard, cookie_name
from .library import STYLESHEET, InputError, Problem, SpeechgenError, os_reason, safe_stem
from .pages import error_page
from .uploads import Uploads

STATIC = Path(__file__).resolve().parent / "static"
JSON_TYPES = ("application/json",)
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain")
UPLOAD_SUFFIXES = {
    "mine": (".docx", ".txt", ".html", ".htm"),
    "check": (".docx", ".txt", ".yaml", ".yml"),
    "batch": (".xlsx", ".xlsm", ".csv"),
}
#: What /api/batch may be asked to do: check every row, or check and then generate.
BATCH_ACTIONS = ("check", "generate")


@dataclass
class BatchJob:
    """One batch run in the background: rows as they finish, then the archive."""

    total: int
    rows: list[dict[str, Any]] = field(default_factory=list)
    finished: bool = False
    error: list[Problem] | None = None
    zip_path: Path | None = None
    zip_name: str = "批量生成.zip"


@dataclass
class State:
    guard: Guard
    uploads: Uploads
    quit: threading.Event
    jobs: dict[str, BatchJob] = field(default_factory=dict)

    def answer_problems(self, problems: Sequence[Problem]) -> list[Problem]:
        """Problems as the page shows them: uploads under the names they were given."""
        return [self.uploads.shown(p) for p in problems]


def _layout(values: Any) -> str:
    """The layout a request asks for (standard when it names none), one of the built-ins, by
    name or by its title (大字版), refused as the CLI refuses it."""
    return known_layout(values.get("layout") or "standard")


def json_response(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data, ensure_ascii=False), status,
                    mimetype="application/json")


def wants_page() -> bool:
    """Whether a person's browser opened this address itself (a navigation asks for HTML
    first), rather than the page's script or an API client (JSON, or anything)."""
    if request.method not in ("GET", "HEAD"):
        return False
    return request.accept_mimetypes.best_match(JSON_TYPES + ("text/html",)) == "text/html"


def error_response(status: int, message: str, problems: Sequence[Problem] = ()) -> Response:
    """JSON with the Chinese `error` and `problems`; a short Chinese page, with the same
    status, for a browser that opened the address itself."""
    if wants_page():
        return Response(error_page(status, message), status, mimetype="text/html")
    return json_response({"error": message,
                          "problems": [library.problem_dict(p) for p in problems]}, status)


def content_disposition(stem: str, suffix: str) -> str:
    """attachment with an ASCII fallback and the real (Chinese) name per RFC 5987/6266."""
    name = safe_stem(stem) + suffix
    fallback = "".join(c if (c.isascii() and c.isalnum()) or c in "-_." else "_"
                       for c in name).strip("_") or "download"
    if fallback.startswith("."):
        fallback = "speech" + fallback
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def file_response(data: bytes, media_type: str, stem: str, suffix: str) -> Response:
    response = Response(data, 200, mimetype=media_type.split(";")[0])
    response.headers["Content-Type"] = media_type
    response.headers["Content-Disposition"] = content_disposition(stem, suffix)
    return response


def own_name(filename: str) -> str:
    """An uploaded file's name without the folders some browsers send (C:\\…\\讲话.docx)."""
    return Path(filename.replace("\\", "/")).name


class _Request(Request):
    """A form field may be as large as a whole body: werkzeug keeps form fields (not files)
    under 500 KB by default, so a long draft the page posts as a field for download was
    refused as "上传的内容太大:不能超过 20 MB" at 0.5 MB (a tester, 下载 Word)."""

    max_form_memory_size = MAX_BODY


def create_app(port: int, token: str, workdir: Path,
               quit_event: threading.Event | None = None) -> Flask:
    """The application for one server: its port and token, its private folder."""
    app = Flask(__name__, static_folder=None)
    app.request_class = _Request
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    state = State(Guard(port, token), Uploads(workdir), quit_event or threading.Event())
    app.extensions["speechgen"] = state
    cookie = cookie_name(port)

    @app.before_request
    def page_advice() -> None:
        """Library messages name the page's controls, not the command line's flags, until
        the request ends (the test client shares its thread with CLI tests)."""
        g.faces = ExitStack()
        g.faces.enter_context(advice.page_face())

    @app.teardown_request
    def command_line_advice(error: BaseException | None) -> None:
        if "faces" in g:
            g.faces.close()

    @app.before_request
    def guard() -> Response | None:
        refusal = state.guard.refusal(
            request.method, request.host, request.headers.get("Origin"),
            request.args.get("token"), request.cookies.get(cookie),
            request.headers.get(TOKEN_HEADER), request.content_length)
        if refusal:
            return error_response(*refusal)
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS:
            response.headers[name] = value
        return response

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        status = error.code or 500
        messages = {404: "没有这个页面或接口。", 405: "此操作只能用 POST 请求。",
                    413: str(MESSAGES[413]), 400: "请求格式有误。"}
        return error_response(status, messages.get(status, str(MESSAGES[500])))

    @app.errorhandler(SpeechgenError)
    def library_error(error: SpeechgenError) -> Response:
        """Bad input (the CLI's exit 2) is the request's fault: 400; anything else the library
        refused (no LibreOffice for a PDF …) is 422, with the same Chinese problems."""
        problems = state.answer_problems(error.problems)
        status = 400 if error.exit_code == 2 else 422
        return error_response(status, "\n".join(str(p) for p in problems), problems)

    @app.errorhandler(OSError)
    def os_error(error: OSError) -> Response:
        return error_response(500, f"无法完成:{os_reason(error)}")

    @app.get("/")
    def index() -> Response:
        if "token" in request.args:  # set the cookie and drop the token from the address bar
            response = redirect("/", 303)
            response.set_cookie(cookie, token, httponly=True, samesite="Strict", path="/")
            return response  # type: ignore[return-value]
        return send_from_directory(STATIC, "index.html")

    @app.get("/static/speech.css")
    def speech_css() -> Response:  # the HTML writer's stylesheet, one file for both uses
        return send_from_directory(STYLESHEET.parent, STYLESHEET.name)

    @app.get("/static/<path:name>")
    def static_file(name: str) -> Response:
        return send_from_directory(STATIC, name)

    @app.get("/api/status")
    def status() -> Response:
        # the page's 版式 lists come from here, not from index.html, so a layout added to
        # generator/layouts/ is offered everywhere at once
        layouts = [{"name": name, "label": LAYOUT_TITLES.get(name, name)}
                   for name in library.LAYOUTS]
        return json_response({"pdf": library.pdf_available(), "max_body": MAX_BODY,
                              "layouts": layouts})

    @app.get("/api/templates")
    def templates() -> Response:
        return json_response(library.templates())

    @app.post("/api/preview")
    def preview() -> Response:
        body, content_type, _ = _input()
        return json_response(library.preview(library.parse_body(body, content_type)))

    @app.post("/api/render")
    def render() -> Response:
        fmt = request.args.get("format", "docx")
        # in the address, or as a form field beside the outline (curl -F layout=大字版 was
        # ignored, a tester)
        layout = _layout(request.args if "layout" in request.args else request.form)
        if fmt not in library.DOWNLOAD_FORMATS:
            raise InputError(f"不支持的输出格式“{fmt}”,可选:{'、'.join(library.DOWNLOAD_FORMATS)}")
        body, content_type, profile_text = _input()
        speech = library.parse_body(body, content_type)
        stem = speech.title or "讲话稿"
        if fmt == "yaml":
            data = library.saved_input(speech, body, content_type)
            return file_response(data, library.YAML_MEDIA_TYPE, stem, ".yaml")
        download = library.render(speech, fmt, layout, profile_text,
                                  _shown_name("profile", library.PROFILE_NAME))
        if fmt in ("docx", "pdf") and layout != "standard":
            stem += f"（{LAYOUT_TITLES[layout]}）"
        response = file_response(download.data, download.media_type, stem, download.suffix)
        if download.warnings:
            response.headers["X-Speechgen-Warnings"] = quote("\n".join(download.warnings))
        return response

    @app.post("/api/load")
    def load() -> Response:
        """A saved .yaml (multipart `file`) as data for the form or the outline editor."""
        upload = request.files.get("file")
        if upload is None or not upload.filename:
            raise InputError("请选择要打开的提纲文件(.yaml)")
        name = own_name(upload.filename)
        return json_response(library.load_saved(upload.read(), name))

    @app.post("/api/profile")
    def profile() -> Response:
        """A house profile checked as `render --profile` reads it; its text (decoded as the
        CLI decodes the file) goes back for the page to send with every download."""
        text = _text_field("profile", library.PROFILE_FILE)
        if not text:
            raise InputError("请选择本单位版式文件(.yaml)")
        warnings = library.check_profile(text, _shown_name("profile", library.PROFILE_NAME))
        return json_response({"ok": True, "text": text, "warnings": warnings})

    @app.post("/api/mine")
    def mine() -> Response:
        path = _upload("mine")
        return json_response({"file": path.name, "speeches": library.mine(path)})

    @app.post("/api/check")
    def check() -> Response:
        """A draft checked as `check --layout LAYOUT --profile PROFILE` checks it: the house
        profile the page keeps goes with it, as with every download (a .docx set in the
        house's own font was told it breaks 仿宋_GB2312, a tester)."""
        layout = _layout(request.form)
        profile_text = _text_field("profile", library.PROFILE_FILE)
        return json_response(library.check(_upload("check"), layout, profile_text,
                                           _shown_name("profile", library.PROFILE_NAME)))

    @app.post("/api/fix")
    def fix() -> Response:
        path = _upload("check")
        media = library.FIX_MEDIA_TYPES.get(path.suffix, "application/octet-stream")
        return file_response(library.fix(path), media, path.stem + "(已修正)", path.suffix)

    @app.post("/api/batch")
    def batch() -> Response:
        action = request.form.get("action") or "check"
        if action not in BATCH_ACTIONS:
            raise InputError(f"不支持的操作“{action}”,可选:check(逐行检查)、generate(生成)")
        sheet = _upload("batch", "sheet")
        mapping = _text_file(sheet.parent, "mapping", library.MAP_FILE, "列名映射.yaml")
        profile_path = _text_file(sheet.parent, "profile", library.PROFILE_FILE,
                                  library.PROFILE_NAME)
        layout = _layout(request.form)
        batch_request = library.BatchRequest(
            sheet=sheet, output=sheet.parent / "输出",
            template=request.form.get("template") or None,
            sheet_name=request.form.get("sheet_name") or None, mapping=mapping,
            name=request.form.get("name") or None, layout=layout, profile=profile_path)
        try:
            checked = library.batch_check(batch_request)
        except SpeechgenError as error:
            if not batch_request.template:
                raise
            # The whole sheet refused (a required column missing …): offer the column map.
            problems = state.answer_problems(error.problems)
            answer = {"error": "\n".join(str(p) for p in problems),
                      "problems": [library.problem_dict(p) for p in problems],
                      **library.sheet_columns(batch_request)}
            return json_response(answer, 400)
        answer = dataclasses.asdict(checked)
        if action == "generate":
            job_id = secrets.token_hex(8)
            job = BatchJob(total=len(checked.rows), zip_name=f"{safe_stem(sheet.stem)}.zip")
            state.jobs[job_id] = job
            threading.Thread(target=_run_batch, args=(job, batch_request), daemon=True).start()
            answer["job"] = job_id
        return json_response(answer)

    @app.get("/api/batch/<job_id>")
    def batch_progress(job_id: str) -> Response:
        job = _job(job_id)
        error = None if job.error is None else [
            library.problem_dict(p) for p in state.answer_problems(job.error)]
        return json_response({"total": job.total, "done": len(job.rows), "rows": job.rows,
                              "finished": job.finished, "error": error,
                              "zip": job.zip_path is not None})

    @app.get("/api/batch/<job_id>/zip")
    def batch_zip(job_id: str) -> Response:
        job = _job(job_id)
        if job.zip_path is None:
            return error_response(409, "压缩包还没有生成好,请稍候。")
        return file_response(job.zip_path.read_bytes(), library.ZIP_MEDIA_TYPE,
                             Path(job.zip_name).stem, ".zip")

    @app.post("/api/quit")
    def quit_server() -> Response:
        state.quit.set()
        return json_response({"ok": True, "message": "讲话稿工具已退出,可以关闭本页面。"})

    def _job(job_id: str) -> BatchJob:
        job = state.jobs.get(job_id)
        if job is None:
            raise InputError("没有这个批量任务(服务重启后任务会清除),请重新上传表格。")
        return job

    def _upload(kind: str, name: str = "file") -> Path:
        """The uploaded file saved under its own name in a fresh private subfolder."""
        upload = request.files.get(name)
        if upload is None or not upload.filename:
            raise InputError("请选择要上传的文件")
        original = own_name(upload.filename)
        allowed = UPLOAD_SUFFIXES[kind]
        suffix = Path(original).suffix.lower()
        if suffix not in allowed:
            from ..mining.sources import UNSUPPORTED

            advice = UNSUPPORTED.get(suffix, "")  # .doc: 另存为 .docx, as the command line says
            raise InputError(Problem(f"不支持这种文件,请上传 {'、'.join(allowed)} 文件。{advice}",
                                     original))
        path = state.uploads.place(original)
        upload.save(path)
        return path

    def _text_file(folder: Path, name: str, what: str, saved: str) -> Path | None:
        """A text field or uploaded file (a column map, a house profile) saved as `saved` in
        an upload's folder, for the library to read; named as uploaded in its messages."""
        text = _text_field(name, what)
        if not text:
            return None
        path = state.uploads.beside(folder / saved, _shown_name(name, saved))
        path.write_text(text, encoding="utf-8")
        return path

    def _shown_name(name: str, default: str) -> str:
        """The name a text field is told by in messages: its uploaded file's, or `default`
        when it came typed into the form."""
        upload = request.files.get(name)
        return own_name(upload.filename) if upload is not None and upload.filename else default

    def _text_field(name: str, what: str) -> str | None:
        """A form field or uploaded file as text (a house profile, a column map); a file is
        decoded as the CLI decodes `what` on disk."""
        upload = request.files.get(name)
        if upload is not None and upload.filename:
            filename = own_name(upload.filename)
            return library.uploaded_text(upload.read(), filename, what) or None
        return request.form.get(name) or None

    def _input() -> tuple[bytes, str, str | None]:
        """(body, its type, house profile text): a plain YAML/JSON body, or a form with the
        fields `input` (+ `input_type`) and `profile`, as the page sends for downloads."""
        content_type = (request.mimetype or "").lower()
        if content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
            # the outline as a field or as a file part (curl -F input=@提纲.yaml was told
            # "文件是空的"); its type one of the two the page sends (text/html was read as YAML)
            kind = request.form.get("input_type", "application/json")
            if kind not in JSON_TYPES + YAML_TYPES:
                raise InputError(f"input_type 应为 application/json 或 application/yaml,"
                                 f"而不是“{kind}”")
            text = _text_field("input", library.OUTLINE_FILE) or ""
            return text.encode("utf-8"), kind, _text_field("profile", library.PROFILE_FILE)
        if content_type not in JSON_TYPES + YAML_TYPES:
            raise InputError("请以 YAML(Content-Type: application/yaml)或 JSON 提交提纲")
        return request.get_data(), content_type, None

    return app


def _run_batch(job: BatchJob, batch_request: library.BatchRequest) -> None:
    """Generate every row, then pack the files and the report into one archive."""
    with advice.page_face():  # a thread of its own: the request's context does not reach it
        _generate(job, batch_request)


def _generate(job: BatchJob, batch_request: library.BatchRequest) -> None:
    try:
        rows = library.batch_generate(batch_request)
        while True:
            try:
                job.rows.append(next(rows))
            except StopIteration as done:
                job.zip_path = done.value
                break
    except SpeechgenError as error:
        job.error = list(error.problems)
    except OSError as error:
        job.error = [Problem(os_reason(error))]
    finally:
        job.finished = True
