"""The two faces of a check: a compact Chinese list for people, JSON for scripts and editors."""

from __future__ import annotations

from .finding import ERROR, INFO, SEVERITY_NAMES, WARNING, Finding

#: How `check` tells a person that `--fix` repairs a finding.  The message itself names only
#: the problem: each face offers its own remedy (the web page names its download button).
FIX_HINT = "(可用 --fix 修正)"


def _line(finding: Finding) -> str:
    """One finding, one line: a line break inside the quoted text (a title broken over two
    lines in Word) is shown as "↵", so the report keeps a finding a line (a tester)."""
    text = finding.text.replace("\r\n", "\n").replace("\n", "↵") if finding.text else ""
    quote = f"  “{text}”" if text else ""
    hint = FIX_HINT if finding.fixable else ""
    return (f"{SEVERITY_NAMES[finding.severity]}  {finding.place.describe()}{quote}  "
            f"{finding.message}{hint}  [{finding.id}]")


def counts(findings: list[Finding]) -> dict[str, int]:
    return {level: sum(f.severity == level for f in findings) for level in (ERROR, WARNING, INFO)}


#: Lines shown per check id; a scraped draft can hold hundreds of half-width commas.
MAX_PER_ID = 8


def human(name: str, findings: list[Finding]) -> str:
    """Errors first, then warnings, then the length notes, each in reading order (what has no
    line or paragraph, a page setting, before the rest), and a one-line verdict; at most
    MAX_PER_ID lines per check, the rest counted (--json lists everything).  By rule alone, a
    draft's line 7 was listed before its line 4 (a tester)."""
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    lines = [f"检查 {name}:"]
    shown: dict[str, int] = {}

    def where(finding: Finding) -> tuple[int, int, int]:
        place = finding.place
        at = place.line if place.line is not None else place.paragraph
        return order[finding.severity], -1 if at is None else at, place.column or 0

    for finding in sorted(findings, key=where):
        shown[finding.id] = shown.get(finding.id, 0) + 1
        if shown[finding.id] <= MAX_PER_ID or finding.severity == INFO:
            lines.append(_line(finding))
        elif shown[finding.id] == MAX_PER_ID + 1:
            rest = sum(f.id == finding.id for f in findings) - MAX_PER_ID
            lines.append(f"……另有 {rest} 处同类问题 [{finding.id}],用 --json 可查看全部")
    total = counts(findings)
    fixable = sum(f.fixable for f in findings)
    if total[ERROR] or total[WARNING]:
        verdict = f"共有错误 {total[ERROR]} 处、警告 {total[WARNING]} 处"
        if fixable:
            verdict += f",其中 {fixable} 处可用 --fix -o 新文件 自动修正"
        lines.append(verdict + "。")
    else:
        lines.append("未发现问题。")
    return "\n".join(lines)

