"""Render page 1 of an example speech to docs/page1.png for the README.

Usage: python docs/make_preview.py [example.yaml] [--layout standard|podium] [--out PATH]
                                   [--overwrite]

The picture is made the way a user would see the page: speechgen's DOCX, printed to PDF by
LibreOffice with the free font substitutes, rasterised by pdftoppm.  Without an argument the
first example in examples/ is used (the test factory's speech when there is none).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from generator.docx_writer import render_docx  # noqa: E402
from generator.errors import InputError  # noqa: E402
from generator.files import write_atomic  # noqa: E402
from generator.layout import load_layout  # noqa: E402
from generator.pdf import convert_to_pdf  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description="把示例讲话稿的第 1 页渲染为 PNG(供 README 用)。")
    parser.add_argument("example", nargs="?", type=Path,
                        help="示例提纲 YAML,默认取 examples/ 中第一个")
    parser.add_argument("--layout", default="standard", help="版式:standard 或 podium")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "page1.png",
                        help="输出 PNG 路径")
    parser.add_argument("--dpi", type=int, default=96, help="分辨率(默认 96)")
    parser.add_argument("--overwrite", action="store_true",
                        help="替换已有的图片(仓库里已有 docs/page1.png)")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("错误:未找到 pdftoppm,请先安装 poppler-utils(apt-get install poppler-utils)",
              file=sys.stderr)
        return 2
    example = args.example or next(iter(sorted((ROOT / "examples").glob("*.yaml"))), None)
    try:
        if example is None:
            from speech_factory import long_speech

            speech = long_speech()
        else:
            from generator.pipeline import load_speech

            speech = load_speech(example)
        docx = render_docx(speech, load_layout(args.layout))
        with tempfile.TemporaryDirectory(prefix="speechgen-preview-") as tmp:
            source = write_atomic(Path(tmp) / "page.docx", docx)
            (pdf,) = convert_to_pdf([source], Path(tmp))
            subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), "-f", "1", "-l", "1",
                            "-singlefile", str(pdf), str(Path(tmp) / "page1")], check=True)
            write_atomic(args.out, (Path(tmp) / "page1.png").read_bytes(),
                         overwrite=args.overwrite)
    except InputError as error:
        for problem in error.problems:
            print(f"错误:{problem}", file=sys.stderr)
        return 2
    print(f"已生成:{args.out}(示例:{example.name if example else '测试用长讲话'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
