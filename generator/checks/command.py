"""`check` and `fix` as library functions, and `speechgen check` as a function of its arguments.

The library functions return data (findings, statistics, the fixed bytes); `run_check` turns
them into the text the CLI prints and the exit code, so cli.py only prints and exits.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .finding import ERROR, Finding
from .length import Stats, measure, parse_minutes, target_minutes, unreadable_duration
from .load import check_suffix, load_draft
from .pipeline import run_checks
from .report import counts, human
from .rule import DEFAULT_RATE, Options

if TYPE_CHECKING:
    from ..model import Speech
    from .draft import Draft


@dataclass
class CheckReport:
    """What a check found: the findings in report order and the length statistics."""

    findings: list[Finding]
    stats: Stats
    file: str | None = None  # the checked file, None for a speech given as a tree
    source: str = "outline"  # what the draft was read from: docx, text or outline
    summary: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.summary = counts(self.findings)

    @property
    def errors(self) -> int:
        return self.summary[ERROR]

    def to_dict(self) -> dict[str, Any]:
        """The `check --json` shape: file, source, summary, stats, findings."""
        return {"file": self.file, "source": self.source, "summary": self.summary,
                "stats": self.stats.as_dict(), "findings": [f.as_dict() for f in self.findings]}


def _rate(rate: int | None) -> int:
    rate = DEFAULT_RATE if rate is None else rate
    if not 60 <= rate <= 600:
        raise InputError(f"--rate 应为每分钟字数,在 60 到 600 之间,收到 {rate}")
    return rate


def check(source: Speech | str | os.PathLike[str], *, rate: int | None = DEFAULT_RATE,
          minutes: float | str | None = None, layout: str | None = None,
          profile: Any = None) -> CheckReport:
    """Check a speech tree or a .docx/.yaml/.txt draft.

    `minutes` overrides the outline's duration (a number of minutes or "15分钟"); `layout` and
    `profile` say what a Word draft's formatting is checked against (standard by default).
    """
    from ..model import Speech

    rate = _rate(rate)
    duration = None if minutes is None else (
        f"{minutes:g}分钟" if isinstance(minutes, (int, float)) else str(minutes))
    if duration is not None and parse_minutes(duration) is None:
        raise InputError(unreadable_duration(duration))
    layout_profile = None
    name: str | None = None
    if isinstance(source, Speech):
        from .from_speech import speech_draft

        draft: Draft = speech_draft(source)
    else:
        path = Path(source)
        check_suffix(path)
        if path.suffix.lower() == ".docx":  # a wrong --layout is reported before any reading
            from ..pipeline import resolve_layout

            layout_profile = resolve_layout(layout or "standard", profile)
        draft = load_draft(path)
        name = str(path)
    options = Options(rate=rate, layout=layout_profile, duration=duration)
    findings = run_checks(draft, options)
    if draft.yaml_text is not None:
        from .source_lines import in_source

        findings = in_source(findings, draft, draft.yaml_text)
    stats = measure(draft, rate, target_minutes(draft, options))
    return CheckReport(findings, stats, name, draft.source)


def fix(path: str | os.PathLike[str]) -> bytes:
    """What `check --fix -o` writes for this .docx/.txt/.yaml draft: half-width marks between
    Chinese characters made full-width, padded dates unpadded, nothing else changed."""
    from .fix import fixed_bytes

    source = Path(path)
    check_suffix(source)
    return fixed_bytes(source)


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
    overwrite: bool = False,
) -> Outcome:
    """Check ``source`` (or, with ``fix``, the repaired copy in ``output``).

    Exit code 1 when errors remain, else 0; bad arguments or unreadable input raise
    InputError, which the CLI turns into exit code 2.
    """
    import json

    rate = _rate(rate)
    if duration is not None and parse_minutes(duration) is None:
        raise InputError(f"--duration:{unreadable_duration(duration)}")  # the option named
    check_suffix(source)
    if fix and output is None:
        raise InputError("--fix 需要用 -o 指定修正后的文件,原文件不会被改动")
    if output is not None and not fix:
        raise InputError("-o 只与 --fix 一起使用")

    # a wrong --layout or --profile is reported before any writing, whatever the file: a .txt
    # checked with --layout big passed without a word (a tester)
    from ..pipeline import resolve_layout

    resolve_layout(layout, profile)
    note = ""
    target = source
    if fix and output is not None:
        from .fix import write_fixed

        before = load_draft(source)
        write_fixed(source, output, overwrite=overwrite,
                    inputs=[source, *([profile] if profile else [])])
        target = output
        fixable = sum(f.fixable for f in run_checks(before, Options(rate=rate)))
        note = f"已修正 {fixable} 处,写入:{output}"

    report = check(target, rate=rate, minutes=duration, layout=layout, profile=profile)
    code = 1 if report.errors else 0
    if json_output:
        return Outcome(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), note, code)
    return Outcome(human(str(target), report.findings), note, code)
