"""`speechgen check` as a function of its arguments: the CLI only prints and exits.

Kept apart from cli.py so that the command's behaviour (what is loaded, when the layout
applies, what --fix writes) is testable without a terminal, and cli.py stays thin.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .finding import ERROR
from .length import measure, parse_minutes, target_minutes
from .load import check_suffix, load_draft
from .pipeline import run_checks
from .report import as_json, human
from .rule import DEFAULT_RATE, Options


@dataclass(frozen=True)
class Outcome:
    """What to print on stdout, what to say on stderr, and the exit code."""

    report: str
    note: str
    code: int


def run_check(
    source: Path,
    *,
    json_output: bool = False,
    fix: bool = False,
    output: Path | None = None,
    rate: int | None = None,
    layout: str = "standard",
    profile: Path | None = None,
    duration: str | None = None,
) -> Outcome:
    """Check ``source`` (or, with ``fix``, the repaired copy in ``output``).

    Exit code 1 when errors remain, else 0; bad arguments or unreadable input raise
    InputError, which the CLI turns into exit code 2.
    """
    rate = DEFAULT_RATE if rate is None else rate
    if not 60 <= rate <= 600:
        raise InputError(f"--rate 应为每分钟字数，在 60 到 600 之间，收到 {rate}")
    if duration is not None and parse_minutes(duration) is None:
        raise InputError(f"无法识别讲话时长“{duration}”，请写成“15分钟”或“半小时”")
    check_suffix(source)
    if fix and output is None:
        raise InputError("--fix 需要用 -o 指定修正后的文件，原文件不会被改动")
    if output is not None and not fix:
        raise InputError("-o 只与 --fix 一起使用")

    layout_profile = None
    if source.suffix.lower() == ".docx":  # a wrong --layout is reported before any reading
        from ..layout import load_layout

        layout_profile = load_layout(layout, profile)

    note = ""
    target = source
    if fix and output is not None:
        from .fix import write_fixed

        before = load_draft(source)
        write_fixed(source, output)
        target = output
        fixable = sum(f.fixable for f in run_checks(before, Options(rate=rate)))
        note = f"已修正 {fixable} 处，写入：{output}"

    draft = load_draft(target)
    options = Options(rate=rate, layout=layout_profile, duration=duration)
    findings = run_checks(draft, options)
    code = 1 if any(f.severity == ERROR for f in findings) else 0
    if json_output:
        stats = measure(draft, rate, target_minutes(draft, options))
        return Outcome(as_json(str(target), draft.source, findings, stats), note, code)
    return Outcome(human(str(target), findings), note, code)
