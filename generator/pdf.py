"""DOCX to PDF through LibreOffice, when it is installed.

One ``soffice`` call converts a whole batch (starting LibreOffice costs seconds, converting a
speech a fraction of that).  Each call gets a private, temporary LibreOffice profile, so it
neither clashes with a LibreOffice the user has open nor leaves settings behind, and a private
fontconfig file that adds free substitutes for the GB/T 9704 font names (仿宋_GB2312, 楷体_GB2312,
方正小标宋简体 …) on top of the system configuration, only for that run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from .errors import InputError, Problem
from .resources import package_file

_INSTALL_HINT = (
    "未找到 LibreOffice(soffice 命令),无法生成 PDF;DOCX 文件不受影响。"
    "请先安装 LibreOffice:Debian/Ubuntu 执行 sudo apt-get install libreoffice-writer-nogui;"
    "Windows 请下载安装 LibreOffice(https://zh-cn.libreoffice.org),"
    "并确认 soffice.exe 所在目录(通常是 C:\\Program Files\\LibreOffice\\program)已加入 PATH;"
    "macOS 执行 brew install --cask libreoffice。"
)
_WINDOWS_DEFAULT = Path("C:/Program Files/LibreOffice/program/soffice.exe")
_SYSTEM_FONTS_CONF = "/etc/fonts/fonts.conf"


def find_soffice() -> str | None:
    """The LibreOffice command, from PATH or its default Windows install folder."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return str(_WINDOWS_DEFAULT) if _WINDOWS_DEFAULT.exists() else None


def _fontconfig(folder: Path) -> Path:
    """A fontconfig file: the system's configuration, then the preview substitutes."""
    substitutes = folder / "substitutes.conf"
    substitutes.write_text(package_file("docx_parts", "fontconfig.xml")
                           .read_text(encoding="utf-8"), encoding="utf-8")
    system = os.environ.get("FONTCONFIG_FILE", _SYSTEM_FONTS_CONF)
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f'  <include ignore_missing="yes">{system}</include>\n'
        f'  <include ignore_missing="yes">{substitutes}</include>\n</fontconfig>\n',
        encoding="utf-8")
    return conf


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Kill soffice and the soffice.bin it started (they share a new session)."""
    if hasattr(os, "killpg"):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    else:
        process.kill()
    process.wait()


def convert_to_pdf(docx_files: list[Path], out_dir: Path, timeout: float = 120) -> list[Path]:
    """Convert DOCX files to ``out_dir/<name>.pdf`` in one LibreOffice run; the PDF paths.

    Each PDF appears complete or not at all: LibreOffice writes into a temporary folder
    inside ``out_dir`` and finished files are renamed into place.
    """
    if not docx_files:
        return []
    soffice = find_soffice()
    if soffice is None:
        raise InputError(_INSTALL_HINT)
    sources = [Path(file).resolve() for file in docx_files]
    missing = [Problem("找不到这个文件", str(file)) for file in sources if not file.is_file()]
    if missing:
        raise InputError(missing)
    stems: dict[str, Path] = {}
    for file in sources:
        if file.stem in stems and stems[file.stem] != file:
            raise InputError(f"{stems[file.stem]} 与 {file} 同名,转换出的 PDF 会互相覆盖;"
                             "请分两次转换或改名")
        stems[file.stem] = file
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="speechgen-lo-") as private, \
            tempfile.TemporaryDirectory(prefix=".~pdf-", dir=out_dir) as staging:
        private_dir = Path(private)
        # LibreOffice's own temporary files go into the private folder too: a LibreOffice
        # stopped by Ctrl+C or the timeout cannot clean up after itself.
        (private_dir / "tmp").mkdir()
        env = dict(os.environ, FONTCONFIG_FILE=str(_fontconfig(private_dir)),
                   TMPDIR=str(private_dir / "tmp"), TMP=str(private_dir / "tmp"),
                   TEMP=str(private_dir / "tmp"))
        command = [
            soffice, f"-env:UserInstallation={(private_dir / 'profile').as_uri()}",
            "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            "--convert-to", "pdf", "--outdir", staging, *map(str, stems.values()),
        ]
        process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            raise InputError(f"LibreOffice 转换 PDF 超过 {timeout:g} 秒仍未完成,已中止;"
                             "可减少一次转换的文件数,或关闭其他占用资源的程序后重试") from None
        except BaseException:
            # Ctrl+C: LibreOffice runs in its own session and did not get the signal; stop it
            # before the temporary folders are removed, or it keeps writing into them.
            _stop(process)
            raise
        results = []
        failed = []
        for file in sources:
            made = Path(staging) / f"{file.stem}.pdf"
            if made.is_file() and made.stat().st_size > 0:
                target = out_dir / made.name
                os.replace(made, target)  # same folder tree, so the rename is atomic
                results.append(target)
            else:
                failed.append(Problem("LibreOffice 未能转换为 PDF", str(file)))
        if failed:
            detail = output.decode("utf-8", "replace").strip()[-300:]
            if detail:
                failed.append(Problem(f"LibreOffice 的输出:{detail}"))
            raise InputError(failed)
        return results
