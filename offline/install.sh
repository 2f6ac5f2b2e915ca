#!/bin/sh
# 讲话稿工具 离线安装(Linux):在本文件夹中运行  sh install.sh  [安装位置]
# 只从本文件夹的 wheels/ 安装,不联网。默认装到 ~/.local/share/speechgen,
# 并在“应用程序”菜单(和桌面,如有)中放一个“讲话稿工具”图标。
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target=${1:-"$HOME/.local/share/speechgen"}
python=${PYTHON:-python3}

if ! command -v "$python" >/dev/null 2>&1; then
  echo "错误:没有找到 $python,请先请信息中心安装 Python 3.10 或更高版本。" >&2
  exit 2
fi
if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)'; then
  echo "错误:需要 Python 3.10 或更高版本,本机是 $("$python" --version 2>&1)。" >&2
  exit 2
fi
if ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "错误:本机 Python 缺少 venv 模块(Debian/统信/麒麟上请安装 python3-venv)。" >&2
  exit 2
fi

echo "正在安装到 $target ……"
"$python" -m venv "$target/venv"
"$target/venv/bin/python" -m pip install --quiet --no-index --find-links "$here/wheels" speechgen

apps="$HOME/.local/share/applications"
mkdir -p "$apps"
sed "s|@SPEECHGEN@|$target/venv/bin/speechgen|g" "$here/speechgen.desktop" > "$apps/speechgen.desktop"
chmod +x "$apps/speechgen.desktop"
for desktop in "$HOME/桌面" "$HOME/Desktop"; do
  if [ -d "$desktop" ]; then
    cp "$apps/speechgen.desktop" "$desktop/讲话稿工具.desktop"
    chmod +x "$desktop/讲话稿工具.desktop"
  fi
done
echo "安装完成。在应用程序菜单或桌面上双击“讲话稿工具”即可使用;"
echo "也可以在终端中运行:$target/venv/bin/speechgen serve"
