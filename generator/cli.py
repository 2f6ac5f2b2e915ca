"""The `speechgen` command: parse arguments, call the library, print messages, set exit codes.

Exit codes: 0 done, 1 finished but something failed (a batch row, a check error), 2 bad input
or usage.  A traceback appears only with --debug; every other failure is a Chinese message
naming the file, line and field.  Heavy libraries are imported inside the commands that need
them, so `speechgen --version` and `--help` stay fast.  No ``from __future__ import
annotations`` here: typer would compile and evaluate every option's annotation string again on
each run (~8 ms of every command, measured); evaluated once at definition they cost less.
"""

import copy
import gc
import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from . import __version__
from .errors import InputError, Problem, SpeechgenError, os_reason
from .formats import BATCH_FORMATS, format_names, output_placement

if TYPE_CHECKING:
    from .pipeline import Rendered


#: Commands whose work grows with their input: they run with the cyclic garbage collector on.
LONG_RUNNING = frozenset({"batch", "mine", "phrases", "serve"})


class _Speechgen(TyperGroup):
    """The command group that turns the library's errors into Chinese messages and exit codes.

    Done here rather than around the whole program so that a test invoking the app in process
    (typer's CliRunner) sees exactly what a user sees.  `--debug` (read from the parsed root
    options) lets the error through with its traceback instead.
    """

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name, command, rest = super().resolve_command(ctx, args)
        if name in LONG_RUNNING and not gc.isenabled():  # off: the console entry point
            # What start-up allocated (typer, the command tree) lives as long as the process:
            # frozen, no collection walks it again.  Unfrozen, the first collections walked
            # every object allocated while the collector was off (~7 ms of a `speechgen mine`,
            # bench/bench_mine.py).
            gc.freeze()
            gc.enable()
        return name, command, rest

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except SpeechgenError as error:
            _trace(ctx.params.get("debug"))
            for problem in error.problems:
                typer.echo(f"错误:{problem}", err=True)
            raise typer.Exit(error.exit_code) from None
        except OSError as error:
            _trace(ctx.params.get("debug"))
            name = getattr(error, "filename", None)
            typer.echo(f"错误:{f'{name}: ' if name else ''}{os_reason(error)}", err=True)
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            _trace(ctx.params.get("debug"))
            typer.echo("已中断。", err=True)
            raise typer.Exit(130) from None


def _trace(debug: bool | None) -> None:
    """With --debug, the traceback of the error being handled, before its message: the exit
    code stays the one the error has without it (2 for bad input), so a script that checks for
    2 does not see 1 because someone asked for detail (a tester, --debug render exited 1)."""
    if debug:
        traceback.print_exc()


app = typer.Typer(
    cls=_Speechgen,
    name="speechgen",
    help="讲话稿生成工具:由提纲(YAML)或表格按模板生成讲话稿,输出 GB/T 9704-2012 版式的 DOCX。",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _layout_name(value: str) -> str:
    from .layout import layout_name

    return layout_name(value)


# Options several commands share, declared once so their names and help stay the same.
LayoutOption = Annotated[
    str, typer.Option("--layout", callback=_layout_name,
                      help="版式:standard(GB/T 9704 标准,即标准版)或 podium(大字版)。")
]
ProfileOption = Annotated[
    Path | None, typer.Option("--profile", help="本单位版式文件(.yaml),覆盖版式中的任意取值。")
]
TemplateDirOption = Annotated[
    list[Path] | None, typer.Option("--template-dir", help="自定义模板目录,可写多次。")
]
OverwriteOption = Annotated[
    bool, typer.Option("--overwrite", help="替换已存在的输出文件。不加时已存在的文件不动并提示"
                       "(只有 speechgen 生成后未改动过的 .docx 会直接替换)。")
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"speechgen {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本号并退出。")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="出错时显示完整的 Python 调用栈(排查问题用)。")
    ] = False,
) -> None:
    """讲话稿生成工具。"""  # --debug is read by _Speechgen.invoke from the parsed options


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a message to stderr and return the Exit to raise (`raise fail(...)`)."""
    typer.echo(f"错误:{message}", err=True)
    return typer.Exit(code)


def warn(message: str) -> None:
    typer.echo(f"提示:{message}", err=True)


def report_written(path: Path) -> None:
    typer.echo(f"已生成:{path}", err=True)


#: What ends a name typed for a folder: "/" everywhere, and "\\" on Windows.
_SEPARATORS = tuple(sep for sep in (os.sep, os.altsep) if sep)


def screen(output: Path | None) -> Path | None:
    """"-o -" asks for the screen, as most command-line tools read it: the same as leaving -o
    out where that shows the result (a file named "-" was written before: a new user)."""
    return None if output is not None and str(output) == "-" else output


def require_folder_name(output: Path) -> None:
    """A command writing into a folder cannot show its result instead."""
    if str(output) == "-":
        raise InputError(Problem("这里的 -o 应为文件夹名,不能用“-”显示在屏幕上", "-o"))


def require_yaml(output: Path) -> None:
    """Commands that write one YAML file refuse another extension (YAML in a .docx)."""
    if output.suffix.lower() not in (".yaml", ".yml"):
        raise InputError(Problem(f"这里生成的是 YAML 文本,文件名应以 .yaml 结尾,"
                                 f"而不是“{output.suffix or '(无扩展名)'}”", str(output)))


@app.command()
def render(
    sources: Annotated[
        list[Path], typer.Argument(help="提纲或模板资料文件(.yaml),可写多个。", show_default=False)
    ],
    output_as_typed: Annotated[
        str | None, typer.Option("-o", "--output", help="输出文件,或写进去的文件夹(多个输入、"
                                 "已有的文件夹或以 / 结尾时);不写时 "
                                 f"{output_placement()}。")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f",
                                     help=f"输出格式:{format_names()}。")] = "",
    layout: LayoutOption = "standard",
    profile: ProfileOption = None,
    template: Annotated[
        str | None, typer.Option("--template", "-t", help="模板名;不写时用文件中的 template 字段。")
    ] = None,
    template_dir: TemplateDirOption = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="内容检查发现问题(如残留的 XX、点数不符)时"
                           "不生成文件,退出码 1。")
    ] = False,
    overwrite: OverwriteOption = False,
) -> None:
    """由提纲或模板资料生成讲话稿;多个文件转 PDF 时只启动一次 LibreOffice。"""
    from .checks import content_findings
    from .files import check_name, check_target, refuse_input, write_atomic
    from .formats import choose_format, get_format
    from .pipeline import load_speech, render_pdfs
    from .pipeline import render as render_speech

    output = Path(output_as_typed) if output_as_typed is not None else None
    # A folder to write into: several inputs, one that exists, or a name ending in / or \
    # ("-o 讲话稿/" wrote 讲话稿.docx beside the folder it named: a tester).
    folder = output is not None and (
        output.is_dir() or str(output_as_typed).endswith(_SEPARATORS))
    into = len(sources) > 1 or folder
    shown_on_screen = output is not None and screen(output) is None
    output = screen(output)
    # a dot is a folder's name when it exists or ends in / ("-o v1.2" was refused as a file)
    if into and output is not None and (output.is_file() or (output.suffix and not folder)):
        raise fail(f"有 {len(sources)} 个输入文件时,-o 应为文件夹,而不是“{output}”"
                   if len(sources) > 1 else f"-o 以 / 结尾表示文件夹,而“{output}”是文件")
    inputs = [*sources, *([profile] if profile else [])]
    if output is not None and not into:
        refuse_input(output, inputs)
        if output.suffix:  # "稿.docx " is a name Windows cuts, before it is a format (a tester)
            check_name(output)
    spec = get_format(choose_format(fmt, None if into else output))
    fmt = spec.name
    if output is not None and not into and not output.suffix:
        # "-o 讲话稿" wrote a file without an extension, which Windows opens with nothing
        # (a tester who never saw the code): it gets the format's own — once the name as
        # typed is one Windows takes ("稿.docx." became 稿.docx..docx).
        check_name(output)
        output = output.with_name(output.name + spec.suffix)
    if not spec.uses_layout and layout != "standard":
        warn(f"--layout {layout} 只对 DOCX 和 PDF 起作用,{fmt} 格式不分版式")
    if not spec.uses_layout and profile is not None:
        # read all the same: a CSV given as the profile passed with -f txt, exit 0 (a tester)
        from .pipeline import resolve_layout

        resolve_layout(layout, profile)
        warn(f"--profile 只对 DOCX 和 PDF 起作用,{fmt} 格式不分版式")
    if shown_on_screen and spec.binary:
        raise fail(f"{fmt.upper()} 不能显示在屏幕上;要在屏幕上看文字请加 --format txt,"
                   f"要生成 {fmt.upper()} 请在 -o 后写文件名")
    # Every input is read and checked before anything is written: one bad file, nothing on disk.
    dirs = template_dir or ()
    notes: list[Problem] = []
    speeches = [load_speech(source, template=template, template_dirs=dirs, notes=notes)
                for source in sources]
    problems = len(notes)
    for note in notes:
        typer.echo(f"{'错误' if strict else '提示'}:{note}", err=True)
    for source, speech in zip(sources, speeches, strict=True):
        for finding in content_findings(speech):
            problems += 1
            typer.echo(f"{'错误' if strict else '提示'}:{source}: {finding}", err=True)
    if strict and problems:
        raise fail(f"内容检查发现 {problems} 处问题,未生成文件(去掉 --strict 可照常生成)", 1)
    if output is None and not spec.binary:
        shown = [render_speech(speech, fmt, layout=layout, profile=profile)
                 for speech in speeches]
        _warn_all(shown)
        for rendered in shown:
            sys.stdout.write(rendered.data.decode("utf-8"))
        return
    if output is None:
        targets = [source.with_suffix(spec.suffix) for source in sources]
    else:
        targets = [output / f"{source.stem}{spec.suffix}" for source in sources] if into \
            else [output]
    if len(set(targets)) < len(targets):
        raise fail("有输入文件同名,会生成同名的输出文件;请改名或分开生成")
    for target in targets:  # refused before LibreOffice starts or anything is written
        check_target(target, overwrite=overwrite, inputs=inputs)
    if spec.writer is None:
        results = render_pdfs(speeches, layout=layout, profile=profile)
    else:
        results = [render_speech(speech, fmt, layout=layout, profile=profile)
                   for speech in speeches]
    _warn_all(results)
    written = [write_atomic(target, rendered.data, overwrite=overwrite, inputs=inputs)
               for target, rendered in zip(targets, results, strict=True)]
    for path in written:
        report_written(path)


def _warn_all(results: "list[Rendered]") -> None:
    """Each warning once, though several files of one run share a profile's page warning."""
    for message in dict.fromkeys(m for rendered in results for m in rendered.warnings):
        warn(message)


@app.command()
def check(
    source: Annotated[
        Path, typer.Argument(help="要检查的讲话稿:.docx、.yaml 或 .txt。", show_default=False)
    ],
    json_output: Annotated[bool, typer.Option("--json", help="以 JSON 输出检查结果。")] = False,
    fix: Annotated[
        bool, typer.Option("--fix", help="自动修正中文里的半角标点和补零日期,写入 -o 指定的文件。")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="与 --fix 一起使用:修正后的文件。")
    ] = None,
    rate: Annotated[
        int | None, typer.Option("--rate", help="语速,每分钟字数,用于估算讲话用时(默认 220)。")
    ] = None,
    layout: Annotated[
        str, typer.Option("--layout", callback=_layout_name,
                          help="检查 .docx 版式所依据的版式:standard(标准版)或 podium(大字版)。")
    ] = "standard",
    profile: Annotated[
        Path | None,
        typer.Option("--profile", help="本单位版式文件(.yaml),覆盖版式中的任意取值。"),
    ] = None,
    duration: Annotated[
        str | None,
        typer.Option("--duration", help="计划讲话时长,如 15分钟;不写时用提纲中的时长。"),
    ] = None,
    overwrite: OverwriteOption = False,
) -> None:
    """送审前检查讲话稿:占位符、宣布的点数、编号、结构、标点、篇幅用时和 Word 版式。"""
    from .checks.command import run_check

    outcome = run_check(source, json_output=json_output, fix=fix, output=output, rate=rate,
                        layout=layout, profile=profile, duration=duration,
                        overwrite=overwrite)
    if outcome.note:
        typer.echo(outcome.note, err=True)
    typer.echo(outcome.report)
    raise typer.Exit(outcome.code)


@app.command()
def mine(
    files: Annotated[
        list[Path],
        typer.Argument(help="网页(.txt、.html)、Word 文档(.docx)或其文件夹。", show_default=False),
    ],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="输出目录(不带扩展名;每篇一个 .yaml,另有 "
                     "index.csv)或单篇的 .yaml/.json 文件;不写时输出到屏幕。"),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="输出格式:yaml 或 json;不写时屏幕上为 yaml,"
                          "-o 文件按扩展名。")
    ] = "",
    stats: Annotated[
        bool, typer.Option("--stats", help="显示统计表:篇数、一级标题角色顺序、编号方式、篇幅。")
    ] = False,
    overwrite: OverwriteOption = False,
) -> None:
    """从收集来的讲话稿网页中提取提纲(标题、称呼、开头、各级标题、结尾),可直接用 render 生成。"""
    from .files import refuse_input
    from .mining.export import mine_files, output_kind, to_json, to_yaml, write_outputs

    if fmt not in ("", "yaml", "json"):
        raise fail(f"不支持的格式“{fmt}”,可选:yaml、json")
    output = screen(output)
    if output is not None and not stats:
        refuse_input(output, files)
        output_kind(output, fmt)  # a wrong extension is refused before the pages are read
    result = mine_files(files)
    for problem in result.problems:
        typer.echo(f"错误:{problem}", err=True)
    for message in result.warnings:
        warn(message)
    if stats:
        from .mining.stats import stats_table  # statistics: only for --stats

        typer.echo(stats_table([m.speech for m in result.speeches]))
    elif output is not None:
        written = write_outputs(result, output, fmt=fmt, overwrite=overwrite, inputs=files)
        count = len(result.speeches)
        typer.echo(f"已提取 {count} 篇讲话稿,写入 {len(written)} 个文件:{output}", err=True)
    else:
        sys.stdout.write(to_json(result) if fmt == "json" else to_yaml(result))
    if result.problems:
        raise typer.Exit(1)


@app.command("templates")
def templates_command(
    action: Annotated[
        str | None, typer.Argument(help="写 show 再加模板名,查看该模板的字段;不写则列出全部模板。",
                                   show_default=False)
    ] = None,
    name: Annotated[str | None, typer.Argument(help="模板名,如 party-building。",
                                               show_default=False)] = None,
    template_dir: TemplateDirOption = None,
) -> None:
    """列出可用的模板;templates show 模板名 查看字段说明。"""
    from .scaffold import template_fields, template_list
    from .templating import get_template, templates

    dirs = template_dir or ()
    if action in ("list", "ls", "all") and name is None:
        action = None  # "templates list" was taken as a template named list (a tester)
    if action is None:  # the readable ones listed, each unreadable one told (exit 1, as mine)
        unreadable: list[InputError] = []
        found = templates(dirs, unreadable)
        for error in unreadable:
            for problem in error.problems:
                typer.echo(f"错误:{problem}(未列出)", err=True)
        typer.echo(template_list(list(found.values())), nl=False)
        if unreadable:
            raise typer.Exit(1)
        return
    if action == "show" and name is None:
        raise fail("请写出要查看的模板名,例如:speechgen templates show party-building")
    if action != "show" and name is not None:
        raise fail(f"无法识别“{action}”;查看模板字段请用:speechgen templates show {name}")
    typer.echo(template_fields(get_template(name or action, dirs)), nl=False)


@app.command()
def new(
    name: Annotated[str, typer.Argument(
        help="模板名,如 party-building(speechgen templates 可查看)。", show_default=False)],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="写入文件(.yaml);不写则显示在屏幕上。")
    ] = None,
    template_dir: TemplateDirOption = None,
    overwrite: OverwriteOption = False,
) -> None:
    """生成某个模板的提纲样例(带注释,填好了示例),改写后即可 render。"""
    from .files import check_target, write_atomic
    from .scaffold import scaffold
    from .templating import get_template

    output = screen(output)
    if output is not None:
        require_yaml(output)
        check_target(output, overwrite=overwrite)
    text = scaffold(get_template(name, template_dir or ()))
    if output is None:
        sys.stdout.write(text)
        return
    write_atomic(output, text.encode("utf-8"), overwrite=overwrite)
    report_written(output)


@app.command()
def batch(
    source: Annotated[
        Path, typer.Argument(help="表格文件:.xlsx 或 .csv;表头之下一行一篇讲话稿。",
                             show_default=False)
    ],
    template: Annotated[
        str | None, typer.Option("--template", "-t", help="模板名;不写时按表头自动选择。")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="输出文件夹;默认为表格旁的同名文件夹。")
    ] = None,
    sheet: Annotated[
        str | None, typer.Option("--sheet", help="读取哪张工作表;默认第一张。")
    ] = None,
    mapping: Annotated[
        Path | None, typer.Option("--map", help="列名映射文件(.yaml),每行“表头: 字段”,"
                                  "字段留空表示忽略该列。")
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", help="文件名格式,用 {列名} 引用本行的值,如 "
                                 "\"{乡镇}-{会议名称}\";{行号} 为表格行号。默认:行号-标题。")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f",
                                     help=f"输出格式:{format_names(BATCH_FORMATS)}。")] = "docx",
    layout: LayoutOption = "standard",
    profile: ProfileOption = None,
    template_dir: TemplateDirOption = None,
    jobs: Annotated[
        int, typer.Option("-j", "--jobs", help="同时生成的进程数;默认等于 CPU 核数。", min=0)
    ] = 0,
    resume: Annotated[
        bool, typer.Option("--resume", help="跳过已经完整生成的行(中断后继续)。")
    ] = False,
    overwrite: OverwriteOption = False,
    zip_path: Annotated[
        Path | None, typer.Option("--zip", help="另把本次的全部文件打包为一个 .zip。")
    ] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="把每行的结果写入报告:.csv 或 .json。")
    ] = None,
    check_only: Annotated[
        bool, typer.Option("--check", help="只检查表格,不生成文件。")
    ] = False,
) -> None:
    """按表格批量生成讲话稿:每行一篇,出错的行报告行号和列,其余照常生成。"""
    from .batch import BatchOptions
    from .cli_batch import run

    if output is not None:
        require_folder_name(output)
    options = BatchOptions(sheet=source, output=output, template=template,
                           template_dirs=tuple(template_dir or ()), sheet_name=sheet,
                           mapping=mapping, name=name, format=fmt, layout=layout,
                           profile=profile, jobs=jobs, resume=resume, overwrite=overwrite,
                           zip=zip_path, report=report, check_only=check_only)
    raise typer.Exit(run(options))


@app.command()
def phrases(
    files: Annotated[
        list[Path], typer.Argument(help="语料网页文本(.txt),与 mine 相同。", show_default=False)
    ],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="写入套话库文件(如 outlines/phrases.yaml);"
                                  "不写则显示在屏幕上。")
    ] = None,
    overwrite: OverwriteOption = False,
) -> None:
    """从语料中提取套话库:按位置(开场、回顾、问题、结尾、结束语等)列出惯用说法及出处。"""
    from .files import check_target, refuse_input, write_atomic
    from .mining.export import mine_files
    from .mining.phrases import build_bank, dump_bank

    output = screen(output)
    if output is not None:
        refuse_input(output, files)
        require_yaml(output)
        check_target(output, overwrite=overwrite, inputs=files)
    result = mine_files(files)
    for problem in result.problems:
        typer.echo(f"错误:{problem}", err=True)
    text = dump_bank(build_bank(result.speeches))
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text.encode("utf-8"), overwrite=overwrite, inputs=files)
        report_written(output)
    if result.problems:
        raise typer.Exit(1)


@app.command("template-from")
def template_from(
    source: Annotated[Path, typer.Argument(help="提纲文件(.yaml),如 mine 提取的提纲。",
                                           show_default=False)],
    name: Annotated[str, typer.Option("--name", "-n", help="新模板名(字母、数字、汉字、-、_)。",
                                      show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="模板目录;新模板写在其中的“模板名”"
                                         "文件夹里,之后用 --template-dir 指定它。",
                                         show_default=False)],
    overwrite: OverwriteOption = False,
) -> None:
    """由提纲生成模板骨架:保留结构和套话,事实变成字段(示例即原文)。"""
    from .outline_io import load_outline
    from .scaffold import quoted
    from .template_from import write_template

    require_folder_name(output)
    folder = write_template(load_outline(source), name, output, source.name,
                            overwrite=overwrite, inputs=[source])
    report_written(folder)
    typer.echo(f"提示:speechgen new {name} --template-dir {quoted(str(output))} -o 提纲.yaml",
               err=True)


@app.command()
def serve(
    port: Annotated[
        int, typer.Option("--port", help="端口号;已被占用时自动改用下一个空闲端口。")
    ] = 8765,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="不自动打开浏览器(只显示网址)。")
    ] = False,
) -> None:
    """在本机打开讲话稿工具网页(仅本机可访问);按 Ctrl-C 或页面上的“退出”按钮停止。"""
    from .web.server import start

    server = start(port)

    def ready() -> None:
        moved = f"(端口 {port} 已被占用,改用 {server.port})" if server.port != port else ""
        typer.echo(f"讲话稿工具已启动{moved}:{server.url}  按 Ctrl-C 或页面上的“退出”按钮停止")
        sys.stdout.flush()
        if not no_browser:
            import webbrowser

            webbrowser.open(server.url)

    server.serve(ready)
    typer.echo("讲话稿工具已退出。", err=True)


def _tree_for(argv: list[str]) -> typer.Typer:
    """The app with only the command `argv` names, when it names one.

    typer builds every command's parameters from its annotations on each run (~0.4 ms a
    command, ~3 ms of a `render`); a run uses one.  Root help, no command, or a misspelt name
    (whose message suggests the right one) get the whole tree.  The root options are flags,
    so the first word not starting with "-" is the command.
    """
    at = next((i for i, word in enumerate(argv) if not word.startswith("-")), None)
    if at is None or {"-h", "--help"} & set(argv[:at]):
        return app
    chosen = [info for info in app.registered_commands
              if (info.name or typer.main.get_command_name(getattr(info.callback, "__name__", "")))
              == argv[at]]
    if not chosen:
        return app
    tree = copy.copy(app)
    tree.registered_commands = chosen
    return tree


def run(argv: list[str]) -> int:
    """The command for these arguments; returns the exit code instead of exiting.

    Usage mistakes become Chinese messages and exit code 2; the parser runs outside its
    standalone mode so it raises them to us.  Library errors are formatted by the command group
    (_Speechgen).  Tests call this in process and see what a user sees.
    """
    from .cli_help import localise
    from .usage import NoArgsIsHelpError, UsageError, explain

    try:
        command = localise(typer.main.get_command(_tree_for(argv)))
        code = command.main(args=argv, prog_name="speechgen", standalone_mode=False)
    except NoArgsIsHelpError as error:
        typer.echo(error.ctx.get_help() if error.ctx else "")
        return 0
    except UsageError as error:
        # no traceback: a usage error is the command line's, never a bug (a --debug typed after
        # the subcommand printed typer's traceback, a tester)
        hint = ("(--debug 要写在子命令之前,如 speechgen --debug render …)"
                if getattr(error, "option_name", None) == "--debug" else "")
        typer.echo(f"错误:{explain(error)}{hint}", err=True)
        return 2
    except (typer.Abort, KeyboardInterrupt):  # Ctrl+C while the parser or a prompt runs
        typer.echo("已中断。", err=True)
        return 130
    return code if isinstance(code, int) else 0


def main() -> None:
    """Console entry point."""
    # Redirected output on Chinese Windows is GBK; a character it lacks must not end the run
    # in a traceback, so unencodable characters are escaped instead.
    for stream in (sys.stdout, sys.stderr):
        if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    sys.exit(run(sys.argv[1:]))
