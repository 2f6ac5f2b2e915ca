"""Build the offline bundle for office PCs: one folder (and zip) that installs without internet.

Run on a machine that reaches the package registry:

    python offline/build_bundle.py                      # Windows and Linux, Python 3.10–3.13
    python offline/build_bundle.py --platform linux --python 3.11 --out /tmp/bundle

The folder holds speechgen's wheel and every dependency's wheels for each platform and Python
version asked (pure-Python wheels where the project offers them: flask, waitress, jinja2,
typer, python-docx, openpyxl …; lxml, pyyaml and markupsafe only exist compiled, so those come
once per platform and version), plus `安装.bat` / `启动讲话稿工具.bat` for Windows (GBK, CRLF:
what cmd.exe on a Chinese Windows reads) and `install.sh` / `speechgen.desktop` for Linux.  The
install scripts run `pip install --no-index --find-links wheels`, so installing never needs the
network.  tests/test_offline_bundle.py installs the Linux side of a bundle with the network cut.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PLATFORMS = {
    "windows": ["win_amd64"],
    "linux": ["manylinux2014_x86_64", "manylinux_2_17_x86_64", "manylinux_2_28_x86_64"],
}
PYTHONS = ("3.10", "3.11", "3.12", "3.13")
WINDOWS_SCRIPTS = ("安装.bat", "启动讲话稿工具.bat")
LINUX_SCRIPTS = ("install.sh", "speechgen.desktop")
README = """讲话稿工具 离线安装包

本文件夹可复制到没有互联网的电脑上安装,安装时不联网。需要本机已装 Python {pythons} 之一
(Windows 上安装 Python 时请勾选“Add python.exe to PATH”)。

Windows:双击“安装.bat”,装好后双击桌面上的“启动讲话稿工具”。
Linux(统信 UOS、麒麟等):在本文件夹中打开终端,运行  sh install.sh
        装好后在应用程序菜单或桌面上双击“讲话稿工具”。

启动后浏览器会打开讲话稿工具的页面(只在本机,别人访问不到)。用完请点页面右上角的“退出”。
"""


def run(command: list[str]) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True)


def windows_text(text: str) -> bytes:
    """cmd.exe on a Chinese Windows reads a .bat in GBK with CRLF line ends."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("gbk")


def build(out: Path, platforms: list[str], pythons: list[str], make_zip: bool) -> Path:
    if out.exists():
        shutil.rmtree(out)
    wheels = out / "wheels"
    wheels.mkdir(parents=True)
    python = sys.executable
    run([python, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir",
         str(wheels), str(ROOT)])
    project = next(wheels.glob("speechgen-*.whl"))
    for platform in platforms:
        for version in pythons:
            command = [python, "-m", "pip", "download", str(project), "--dest", str(wheels),
                       "--only-binary=:all:", "--python-version", version,
                       "--implementation", "cp"]
            for tag in PLATFORMS[platform]:
                command += ["--platform", tag]
            run(command)
    if "windows" in platforms:
        for name in WINDOWS_SCRIPTS:
            (out / name).write_bytes(windows_text((HERE / name).read_text(encoding="utf-8")))
    if "linux" in platforms:
        for name in LINUX_SCRIPTS:
            shutil.copy2(HERE / name, out / name)
        (out / "install.sh").chmod(0o755)
    note = README.format(pythons="、".join(pythons))
    (out / "使用说明.txt").write_text(note, encoding="utf-8-sig")
    if not make_zip:
        return out
    archive = out.with_suffix(".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(out.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo.from_file(path, Path(out.name) / path.relative_to(out))
                info.compress_type = zipfile.ZIP_DEFLATED
                bundle.writestr(info, path.read_bytes())
    return archive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "讲话稿工具-离线安装包")
    parser.add_argument("--platform", action="append", choices=sorted(PLATFORMS),
                        help="windows、linux,可写多次;默认两者")
    parser.add_argument("--python", action="append",
                        help=f"目标电脑的 Python 版本,可写多次;默认 {'、'.join(PYTHONS)}")
    parser.add_argument("--no-zip", action="store_true", help="只生成文件夹,不打 zip 包")
    args = parser.parse_args()
    result = build(args.out, args.platform or sorted(PLATFORMS), args.python or list(PYTHONS),
                   not args.no_zip)
    print(f"已生成:{result}")


if __name__ == "__main__":
    main()
