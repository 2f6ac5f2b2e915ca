"""No one's work is lost: what a user finds on disk after writing onto inputs, onto existing and
edited files, two batches into one folder, a resume after the sheet changed, and Ctrl+C.

The one-shot refusals (exit 2, inputs byte-identical) are cases in tests/catalogue/lost_work.yaml
and wrong_output.yaml; here are the behaviours that need more than one command or a process
to interrupt.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from conftest import ROOT, assert_user_error, run_speechgen
from helpers import cut_power_during_batch

from generator.errors import InputError
from generator.files import ExistingFile, check_target, write_atomic
from generator.pdf import find_soffice
from generator.stamp import CUSTOM_PART, is_untouched

OUTLINE = """\
标题: 在全县{name}工作会议上的讲话
称呼: 同志们：
开头: 今天召开会议,部署{name}工作。
正文:
  - 小标题: 总结工作
    段落: [今年{name}工作取得新进展。]
结尾: 谢谢大家。
"""


def outline(folder: Path, name: str = "安全", file: str = "提纲.yaml") -> Path:
    path = folder / file
    path.write_text(OUTLINE.format(name=name), encoding="utf-8")
    return path


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# (b) The everyday loop: an untouched DOCX is replaced, an edited one never.

def test_rerendering_replaces_an_untouched_docx_silently(tmp_path: Path) -> None:
    source = outline(tmp_path, "安全")
    assert run_speechgen("render", source).returncode == 0
    target = tmp_path / "提纲.docx"
    assert is_untouched(target)
    outline(tmp_path, "防汛")
    again = run_speechgen("render", source)
    assert again.returncode == 0, again.stderr
    assert "在全县防汛工作会议上的讲话" in docx_text(target)


def test_same_input_gives_byte_identical_stamped_docx(tmp_path: Path) -> None:
    source = outline(tmp_path)
    for name in ("a.docx", "b.docx"):
        assert run_speechgen("render", source, "-o", tmp_path / name).returncode == 0
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.docx") as package:
        assert "speechgen-digest" in package.read(CUSTOM_PART).decode("utf-8")


def test_a_docx_edited_in_word_is_kept_and_the_message_says_how_to_keep_both(
        tmp_path: Path) -> None:
    source = outline(tmp_path, "安全")
    target = tmp_path / "提纲.docx"
    assert run_speechgen("render", source).returncode == 0
    edited = docx.Document(str(target))  # the writer's own edit, saved as Word would
    edited.add_paragraph("我在 WPS 里加的一段。")
    edited.save(str(target))
    before = sha(target)
    outline(tmp_path, "防汛")
    result = run_speechgen("render", source)
    assert_user_error(result, "提纲.docx", "改动过", "-o", "--overwrite")
    assert sha(target) == before
    assert run_speechgen("render", source, "-o", tmp_path / "新.docx").returncode == 0
    assert run_speechgen("render", source, "--overwrite").returncode == 0
    assert "我在 WPS 里加的一段。" not in docx_text(target)


def test_a_save_that_changes_only_the_properties_counts_as_edited(tmp_path: Path) -> None:
    """Word sets dcterms:modified on every save, even when no word changed."""
    source = outline(tmp_path)
    target = tmp_path / "提纲.docx"
    assert run_speechgen("render", source).returncode == 0
    buffer = io.BytesIO()
    with zipfile.ZipFile(target) as old, zipfile.ZipFile(buffer, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = data.replace(b"2000-01-01T00:00:00Z</dcterms:modified>",
                                    b"2026-11-29T10:00:00Z</dcterms:modified>")
            new.writestr(info, data)
    target.write_bytes(buffer.getvalue())
    assert not is_untouched(target)
    assert_user_error(run_speechgen("render", source), "改动过")


def test_every_writing_command_keeps_an_existing_file_without_overwrite(
        tmp_path: Path) -> None:
    source = outline(tmp_path)
    existing = tmp_path / "已有.txt"
    existing.write_text("别人的文件", encoding="utf-8")
    scaffold = tmp_path / "已有.yaml"
    scaffold.write_text("别人的提纲", encoding="utf-8")
    runs = [("render", source, "-o", existing),
            ("new", "party-building", "-o", scaffold),
            ("check", source, "--fix", "-o", scaffold),
            ("template-from", source, "--name", "x", "-o", tmp_path / "模板")]
    (tmp_path / "模板" / "x").mkdir(parents=True)
    (tmp_path / "模板" / "x" / "speech.j2").write_text("别人的模板", encoding="utf-8")
    for args in runs:
        assert_user_error(run_speechgen(*args), "已存在", "--overwrite")
    assert existing.read_text(encoding="utf-8") == "别人的文件"
    assert scaffold.read_text(encoding="utf-8") == "别人的提纲"
    assert not (tmp_path / "模板" / "x" / "template.yaml").exists()  # neither file written
    assert run_speechgen("new", "party-building", "-o", scaffold, "--overwrite").returncode == 0
    assert "别人的提纲" not in scaffold.read_text(encoding="utf-8")


# (b) Permissions, read-only files, files open in Word.

def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    source = outline(tmp_path)
    target = tmp_path / "讲话稿.txt"
    target.write_text("旧稿", encoding="utf-8")
    target.chmod(0o640)
    assert run_speechgen("render", source, "-o", target, "--overwrite").returncode == 0
    assert "在全县安全工作会议上的讲话" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_read_only_file_is_never_replaced(tmp_path: Path) -> None:
    source = outline(tmp_path)
    target = tmp_path / "讲话稿.txt"
    target.write_text("定稿", encoding="utf-8")
    target.chmod(0o444)
    assert_user_error(run_speechgen("render", source, "-o", target, "--overwrite"), "只读")
    assert target.read_text(encoding="utf-8") == "定稿"


def test_a_file_open_in_word_gets_the_hint_to_close_it(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows, replacing a file Word holds open fails with PermissionError."""
    target = tmp_path / "讲话稿.txt"
    target.write_text("旧稿", encoding="utf-8")

    def refuse(source: str, destination: str) -> None:
        raise PermissionError(13, "Access is denied", destination)

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(InputError) as caught:
        write_atomic(target, b"new", overwrite=True)
    message = str(caught.value)
    assert "讲话稿.txt" in message and "Word 或 WPS" in message and "关闭" in message
    assert target.read_text(encoding="utf-8") == "旧稿"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["讲话稿.txt"]


def test_a_folder_that_refuses_writing_is_named_with_what_to_do(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch into a folder it could not write named its own temporary file
    ("imm/.~21048-run.part: 没有权限") and said nothing to do (a tester); a new file refused
    the same way says the folder is closed, not that Word holds it."""
    from generator.files import claiming_run

    def refuse(self: Path, data: bytes) -> int:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_bytes", refuse)
    with pytest.raises(InputError) as caught, claiming_run(tmp_path):
        pass
    message = str(caught.value)
    assert message.startswith(f"{tmp_path}: 无法在这个文件夹里写文件:没有权限"), message
    assert ".part" not in message and "换一个文件夹" in message
    monkeypatch.undo()

    def closed(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", closed)
    with pytest.raises(InputError) as caught:
        write_atomic(tmp_path / "新稿.txt", b"new")
    assert "换一个文件夹" in str(caught.value) and "Word" not in str(caught.value)


def test_report_and_zip_get_ordinary_permissions(tmp_path: Path, tiny: Path) -> None:
    sheet = tmp_path / "表.csv"
    sheet.write_text("名称\n甲\n乙\n", encoding="utf-8")
    report, bundle = tmp_path / "报告.csv", tmp_path / "全部.zip"
    result = run_speechgen("batch", sheet, "-t", "tiny", "--template-dir", tiny, "-o",
                           tmp_path / "out", "--report", report, "--zip", bundle)
    assert result.returncode == 0, result.stderr
    for path in (report, bundle):
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask()


def test_a_batch_rerun_replaces_untouched_docx_and_reports_edited_ones(tmp_path: Path,
                                                                      tiny: Path) -> None:
    sheet = tmp_path / "表.csv"
    sheet.write_text("名称,人数\n甲,1\n乙,2\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ("batch", sheet, "-t", "tiny", "--template-dir", tiny, "-o", out)
    assert run_speechgen(*args).returncode == 0
    edited = docx.Document(str(out / "0003-乙.docx"))
    edited.add_paragraph("手工补充的一段。")
    edited.save(str(out / "0003-乙.docx"))
    kept = sha(out / "0003-乙.docx")
    sheet.write_text("名称,人数\n甲,10\n乙,20\n", encoding="utf-8")
    again = run_speechgen(*args)
    assert again.returncode == 1
    assert "0003-乙.docx" in again.stderr and "改动过" in again.stderr
    assert "人数10。" in docx_text(out / "0002-甲.docx")
    assert sha(out / "0003-乙.docx") == kept


# (a) Never onto an input, however it is spelled.

def test_outputs_onto_an_input_are_refused_under_any_spelling(tmp_path: Path) -> None:
    draft = tmp_path / "稿.txt"
    draft.write_text("同志们:今天开会,部署工作。\n", encoding="utf-8")
    (tmp_path / "链接.txt").symlink_to(draft)
    os.link(draft, tmp_path / "硬链接.txt")
    before = sha(draft)
    for spelling in ("稿.txt", "./子/../稿.txt", "链接.txt", "硬链接.txt"):
        result = run_speechgen("check", "稿.txt", "--fix", "-o", spelling, "--overwrite",
                               cwd=tmp_path)
        assert_user_error(result, "输入文件")
    assert sha(draft) == before
    assert not (tmp_path / "子").exists()


def test_batch_report_and_zip_onto_the_sheet_are_refused(tmp_path: Path, tiny: Path) -> None:
    sheet = tmp_path / "表.csv"
    sheet.write_text("名称\n甲\n", encoding="utf-8")
    before = sha(sheet)
    args = ("batch", sheet, "-t", "tiny", "--template-dir", tiny, "-o", tmp_path / "out",
            "--overwrite")
    # the advice names the option that named the file, not -o (a tester)
    assert_user_error(run_speechgen(*args, "--report", sheet), "输入文件", "请用 --report 写到")
    assert sha(sheet) == before
    assert not (tmp_path / "out").exists()


# (c) Claims: a name another run took is reported, never replaced.

def test_a_file_written_after_the_run_began_is_another_runs(tmp_path: Path) -> None:
    target = tmp_path / "甲.txt"
    since = time.time() - 5
    target.write_text("另一批刚写的", encoding="utf-8")
    with pytest.raises(ExistingFile):
        check_target(target, overwrite=True, since=since)
    with pytest.raises(ExistingFile):
        write_atomic(target, b"mine", overwrite=True, since=since)
    assert target.read_text(encoding="utf-8") == "另一批刚写的"


@pytest.mark.foreign_docx  # the "claims" are placeholder files, not documents
def test_an_empty_claim_of_a_killed_run_is_replaced_but_a_fresh_one_is_not(
        tmp_path: Path) -> None:
    stale, fresh = tmp_path / "旧.docx", tmp_path / "新.docx"
    stale.touch()
    os.utime(stale, (time.time() - 60, time.time() - 60))
    since = time.time() - 1
    fresh.touch()
    write_atomic(stale, b"data", since=since)
    assert stale.read_bytes() == b"data"
    with pytest.raises(ExistingFile):
        write_atomic(fresh, b"data", since=since)
    assert fresh.read_bytes() == b""


def _rows(report: Path) -> dict[str, str]:
    with report.open(encoding="utf-8-sig", newline="") as handle:
        return {row["输出文件"]: row["状态"] for row in csv.DictReader(handle)}


def test_two_batches_into_one_folder_never_swap_files(tmp_path: Path, tiny: Path) -> None:
    rows = 1500
    sheets = []
    # The second sheet lists the same names backwards, so the runs meet in the middle and each
    # writes some files, whichever of them the machine starts first.
    for run, base, order in (("a", 0, range(rows)), ("b", 100000, range(rows - 1, -1, -1))):
        sheet = tmp_path / f"{run}.csv"
        sheet.write_text("名称,人数\n" + "".join(f"第{i}号,{base + i}\n" for i in order),
                         encoding="utf-8")
        sheets.append((run, base, sheet))
    out = tmp_path / "out"
    processes = [subprocess.Popen(
        [sys.executable, "-m", "generator", "batch", str(sheet), "-t", "tiny", "--template-dir",
         str(tiny), "-f", "txt", "--name", "{名称}", "-o", str(out), "-j", "2",
         "--report", str(tmp_path / f"{run}-报告.csv")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        for run, _base, sheet in sheets]
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode in (0, 1), err
        assert "Traceback" not in err
    reports = {run: _rows(tmp_path / f"{run}-报告.csv") for run, _b, _s in sheets}
    bases = {run: base for run, base, _s in sheets}
    files = sorted(out.iterdir())
    assert len(files) == rows and not list(out.glob(".~*"))
    written = {run: 0 for run in reports}
    for path in files:
        writers = [run for run, statuses in reports.items() if statuses[path.name] == "已生成"]
        assert len(writers) == 1, (path.name, writers)  # one run wrote it, the other reported it
        others = [run for run in reports if run not in writers]
        assert all(reports[run][path.name].startswith("未覆盖") for run in others)
        number = int(path.stem[1:-1])
        text = path.read_text(encoding="utf-8")
        assert f"人数{bases[writers[0]] + number}。" in text, (path.name, text)  # its own row
        written[writers[0]] += 1
    assert all(count > 0 for count in written.values()), written  # they did run at once


def test_a_batch_started_while_another_writes_leaves_its_docx_alone(tmp_path: Path,
                                                                    tiny: Path) -> None:
    """The second batch starts after the first has written files: untouched DOCX as they are,
    they still belong to a run going on, so the second reports them instead of replacing."""
    out = tmp_path / "out"
    args = []
    for run, base, rows in (("a", 0, 4000), ("b", 100000, 1200)):
        sheet = tmp_path / f"{run}.csv"
        sheet.write_text("名称,人数\n" + "".join(f"第{i}号,{base + i}\n" for i in range(rows)),
                         encoding="utf-8")
        args.append([sys.executable, "-m", "generator", "batch", str(sheet), "-t", "tiny",
                     "--template-dir", str(tiny), "--name", "{名称}", "-o", str(out), "-j", "1",
                     "--report", str(tmp_path / f"{run}-报告.csv")])
    first = subprocess.Popen(args[0], cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    while first.poll() is None and len(list(out.glob("*.docx"))) < 50:
        time.sleep(0.01)
    second = subprocess.run(args[1], cwd=ROOT, capture_output=True, text=True,
                            encoding="utf-8", timeout=300)
    assert first.poll() is None, "the first batch ended before the second did: not at once"
    assert first.wait(timeout=300) in (0, 1) and second.returncode == 1, second.stderr
    reports = {"a": _rows(tmp_path / "a-报告.csv"), "b": _rows(tmp_path / "b-报告.csv")}
    assert reports["b"]["第0号.docx"].startswith("未覆盖"), "the first run had written it"
    for path in sorted(out.glob("*.docx")):
        writers = [run for run, statuses in reports.items()
                   if statuses.get(path.name) == "已生成"]
        assert len(writers) == 1, (path.name, writers)
        count = int(path.stem[1:-1]) + (100000 if writers == ["b"] else 0)
        with zipfile.ZipFile(path) as package:
            assert f"人数{count}。" in package.read("word/document.xml").decode("utf-8")
    assert not list(out.glob(".~*"))


# (d) --resume after the sheet was edited gives what a one-shot run gives.

def _sheet(path: Path, rows: int, changed: dict[int, int] | None = None) -> Path:
    changed = changed or {}
    path.write_text("名称,人数\n" + "".join(f"第{i}号,{changed.get(i, i)}\n" for i in range(rows)),
                    encoding="utf-8")
    return path


def test_kill_edit_the_sheet_and_resume_equals_a_one_shot_run(tmp_path: Path,
                                                              tiny: Path) -> None:
    rows = 3000
    sheet = _sheet(tmp_path / "表.csv", rows)
    out = tmp_path / "out"
    common = ("-t", "tiny", "--template-dir", str(tiny), "--name", "{名称}")
    cut_power_during_batch(sheet, out, *common)
    done = sorted(out.glob("*.docx"))
    assert 0 < len(done) < rows, "the batch finished before it could be interrupted"
    # The colleague corrects rows 0-9 (all written already) and someone edits two files in Word:
    # 第0号 (its row changed too) and 第20号 (its row did not).
    _sheet(sheet, rows, {i: 500 + i for i in range(10)})
    for name in ("第0号.docx", "第20号.docx"):
        edited = docx.Document(str(out / name))
        edited.add_paragraph("手工补充的一段。")
        edited.save(str(out / name))
    kept = {name: sha(out / name) for name in ("第0号.docx", "第20号.docx")}
    resumed = run_speechgen("batch", sheet, *common, "-o", out, "--resume", timeout=300)
    assert resumed.returncode == 1, resumed.stderr
    # 第0号 is kept and told (its row says something else now); 第20号 is that row's draft,
    # edited: done, not a file in the way (it was told as not generated on every resume).
    assert "第0号.docx" in resumed.stderr and "第20号.docx" not in resumed.stderr
    assert "已跳过" in resumed.stdout
    assert {name: sha(out / name) for name in kept} == kept  # the edited files are untouched
    reference = tmp_path / "reference"
    assert run_speechgen("batch", sheet, *common, "-o", reference,
                         timeout=300).returncode == 0
    expected = {p.name: p.read_bytes() for p in reference.iterdir() if p.name not in kept}
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.name not in kept} == expected
    assert "人数501" in docx_text(out / "第1号.docx")  # a corrected row was regenerated


# Ctrl+C while LibreOffice converts: exit 130, 已中断, nothing left behind.

def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.parent.name))
    return found


@pytest.mark.skipif(find_soffice() is None or not Path("/proc").is_dir(),
                    reason="needs LibreOffice (soffice) and /proc")
@pytest.mark.parametrize("delay", [0.05, 0.5])
def test_ctrl_c_during_a_pdf_run_leaves_nothing(tmp_path: Path, delay: float) -> None:
    work, scratch = tmp_path / "work", tmp_path / "tmp"
    work.mkdir()
    scratch.mkdir()
    source = outline(work)
    env = dict(os.environ, TMPDIR=str(scratch))
    process = subprocess.Popen([sys.executable, "-m", "generator", "render", str(source), "-o",
                                str(work / "out" / "讲话稿.pdf")], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               encoding="utf-8")
    while process.poll() is None and not _children(process.pid):
        time.sleep(0.01)
    soffice = _children(process.pid)
    assert soffice, "LibreOffice never started"
    time.sleep(delay)
    process.send_signal(signal.SIGINT)  # what Ctrl+C sends to the foreground command
    _stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "已中断" in stderr and "Traceback" not in stderr and "Error" not in stderr
    assert sorted(p.name for p in work.rglob("*")) == ["提纲.yaml"]
    assert list(scratch.iterdir()) == []
    for pid in soffice:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(
            f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    shutil.rmtree(scratch)


def test_without_hard_links_the_name_is_claimed_exclusively(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """FAT32/exFAT: no hard links, so the O_EXCL claim takes the name."""
    import errno

    def no_links(source: object, target: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    write_atomic(tmp_path / "甲.txt", b"content")
    assert (tmp_path / "甲.txt").read_bytes() == b"content"
    assert stat.S_IMODE((tmp_path / "甲.txt").stat().st_mode) == 0o666 & ~umask()

    def another_run_first(source: object, target: object) -> None:
        Path(str(target)).write_text("另一批的", encoding="utf-8")
        no_links(source, target)

    monkeypatch.setattr(os, "link", another_run_first)
    with pytest.raises(ExistingFile):
        write_atomic(tmp_path / "乙.txt", b"mine")
    assert (tmp_path / "乙.txt").read_text(encoding="utf-8") == "另一批的"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["乙.txt", "甲.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="a named pipe is a POSIX file")
@pytest.mark.parametrize("argv", [
    ["render", "提纲.yaml", "-f", "txt", "-o", "特殊.txt"],
    ["render", "提纲.yaml", "-o", "特殊.docx", "--overwrite"],
    ["new", "party-building", "-o", "特殊.yaml"],
])
def test_a_device_or_pipe_is_never_replaced(tmp_path: Path, argv: list[str]) -> None:
    """`-o /dev/null`, run as root, renamed a text file over the device: it is empty, and an
    empty file had "nothing to lose".  A named pipe stands in for the device here."""
    outline(tmp_path)
    target = tmp_path / argv[argv.index("-o") + 1]
    os.mkfifo(target)
    assert_user_error(run_speechgen(*argv, cwd=tmp_path), "不是普通文件", "去掉 -o")
    assert stat.S_ISFIFO(target.lstat().st_mode)


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32",
                    reason="POSIX signals")
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_batch_stopped_from_outside_stops_as_ctrl_c_does(tmp_path: Path, tiny: Path,
                                                           name: str) -> None:
    """`kill` or a closed terminal ended a batch at once and left its `.~…-run.part` claim in
    the output folder (a tester who never saw the code): it stops as Ctrl+C stops it."""
    sheet = tmp_path / "表.csv"
    sheet.write_text("名称\n" + "".join(f"单位{n}\n" for n in range(3000)), encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "batch", str(sheet), "-t", "tiny", "--template-dir",
         str(tiny), "-o", str(out)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, encoding="utf-8")
    while process.poll() is None and len(list(out.glob("*.docx"))) < 3:
        time.sleep(0.02)
    process.send_signal(getattr(signal, name))
    _stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "已中断" in stderr and "--resume" in stderr and "Traceback" not in stderr
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]
    for path in out.glob("*.docx"):  # every file left is whole
        assert docx_text(path)


@pytest.mark.parametrize("name", ["CON.docx", "prn.txt", "讲话稿:1.docx", "稿?.docx", "稿.docx.",
                                  "稿.docx ", "lpt1", "新/CON/稿.docx", "新/材料./稿.docx"])
def test_a_name_windows_cannot_hold_is_refused_before_writing(tmp_path: Path, name: str) -> None:
    """On Windows CON.docx is the console, 讲话稿:1.docx an NTFS stream of 讲话稿, and a final dot
    is dropped; render took them all (a tester, round 2), as did new and template-from, and a
    folder made on the way (新/CON/) as well (round 3)."""
    source = ROOT / "examples" / "全市办公室工作会议.yaml"
    before = sorted(tmp_path.iterdir())
    shown = name if "/" not in name else name.split("/")[1]
    assert_user_error(run_speechgen("render", source, "-o", tmp_path / name), shown, "不能用")
    if not name.endswith((".", " ")):  # 稿.docx..yaml is a name Windows takes
        assert_user_error(run_speechgen("new", "work-conference", "-o",
                                        tmp_path / f"{name}.yaml"), "不能用")
    assert sorted(tmp_path.iterdir()) == before


def test_a_template_named_for_a_windows_device_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "提纲.yaml"
    source.write_text(OUTLINE.format(name="信访"), encoding="utf-8")
    result = run_speechgen("template-from", source, "-n", "com1", "-o", tmp_path / "模板")
    assert_user_error(result, "COM1", "设备名")
    assert not (tmp_path / "模板").exists()


class _FullDisk:
    """A file handle on a disk that has just filled up: every write fails, the rest (a zip
    asks where it is) is the file's own."""

    def __init__(self, handle) -> None:
        self._handle = handle

    def write(self, data: bytes) -> int:
        import errno

        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self._handle.close()

    def __getattr__(self, name: str):
        return getattr(self._handle, name)


def _disk_full_for(monkeypatch, full: Callable[[Path], bool]) -> None:
    """Every file speechgen writes whose target `full` picks finds the disk full."""
    from generator import files

    opened = files.AtomicFile.__init__

    def opening(self, target, **options) -> None:
        opened(self, target, **options)
        if full(Path(target)):
            self.handle = _FullDisk(self.handle)

    monkeypatch.setattr(files.AtomicFile, "__init__", opening)


def test_a_template_is_written_whole_or_not_at_all(tmp_path: Path, monkeypatch) -> None:
    """A full disk left template.yaml without speech.j2, which made every template in the
    folder unreadable, and an empty folder after each failed try (a tester, round 2)."""
    from generator.pipeline import load_speech
    from generator.template_from import write_template

    source = tmp_path / "提纲.yaml"
    source.write_text(OUTLINE.format(name="信访"), encoding="utf-8")
    speech = load_speech(source)
    _disk_full_for(monkeypatch, lambda target: target.name == "speech.j2")
    with pytest.raises(InputError) as refused:
        write_template(speech, "信访", tmp_path / "模板", source="提纲.yaml")
    assert "speech.j2" in str(refused.value) and "磁盘" in str(refused.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["提纲.yaml"]  # no folder, no temp
    monkeypatch.undo()
    folder = write_template(speech, "信访", tmp_path / "模板", source="提纲.yaml")
    assert sorted(p.name for p in folder.iterdir()) == ["speech.j2", "template.yaml"]


def test_a_full_disk_under_the_batch_zip_names_it_and_leaves_no_temporaries(
        tmp_path: Path, monkeypatch) -> None:
    """"错误:磁盘空间不足" named no file, and the zip's and the report's .~…part temporaries
    stayed, even after a later --resume (a tester, round 2)."""
    _disk_full_for(monkeypatch, lambda target: target.suffix == ".zip")
    result = run_speechgen("batch", ROOT / "examples" / "各乡镇会议.csv", "-t", "work-conference",
                           "-o", tmp_path / "out", "--report", tmp_path / "报告.csv",
                           "--zip", tmp_path / "全部.zip")
    assert_user_error(result, "全部.zip", "磁盘")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no report, zip or .~…part


def test_a_symbolic_link_is_written_through_and_its_edited_target_kept(tmp_path: Path) -> None:
    """-o onto a link replaced the link with a file and left its target stale (a tester,
    round 1); the target is written, under the same rules as any file."""
    (tmp_path / "存档").mkdir()
    target = tmp_path / "存档" / "稿.docx"
    first, second = (ROOT / "examples" / name for name in ("全市办公室工作会议.yaml",
                                                           "全区党建工作会议.yaml"))
    assert run_speechgen("render", first, "-o", target).returncode == 0
    link = tmp_path / "稿.docx"
    link.symlink_to(target)
    assert run_speechgen("render", second, "-o", link).returncode == 0
    assert link.is_symlink() and "党建" in docx_text(target)
    edited = docx.Document(str(target))
    edited.add_paragraph("领导亲笔修改")
    edited.save(str(target))
    before = sha(target)
    assert_user_error(run_speechgen("render", first, "-o", link), "改动过")
    assert link.is_symlink() and sha(target) == before


def test_a_word_file_speechgen_never_wrote_is_not_said_to_be_edited_after_it(
        tmp_path: Path) -> None:
    """A colleague's 提纲.docx was kept with "在 speechgen 生成之后被改动过", though nothing shows
    speechgen ever wrote it (a tester): it is kept, and said to be perhaps another file."""
    source = outline(tmp_path)
    target = tmp_path / "提纲.docx"
    theirs = docx.Document()
    theirs.add_paragraph("别人的文件。")
    theirs.save(str(target))
    before = sha(target)
    result = run_speechgen("render", source)
    assert_user_error(result, "提纲.docx", "不是 speechgen 原样生成的", "--overwrite")
    assert "生成之后被改动过" not in result.stderr and sha(target) == before
