"""In-process render speed: outline YAML → Speech → DOCX bytes, against docxtpl on the same speech.

Usage: python bench/bench_render.py [--repeat N]

The speech is the test factory's (about 5,000 characters, 45 paragraphs, four levels).  The
docxtpl template is built here from speechgen's own output for the same layout — one prototype
paragraph per kind, selected by Jinja tags — so both sides produce the same fonts and sizes and
the comparison measures the rendering machinery, not the styling.  Prints medians; asserts
nothing.
"""

from __future__ import annotations

import argparse
import io
import re
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from speech_factory import long_speech  # noqa: E402

from generator.blocks import blocks  # noqa: E402
from generator.docx_writer import render_docx  # noqa: E402
from generator.layout import load_layout  # noqa: E402
from generator.outline_io import dump_outline, parse_outline  # noqa: E402

_PARAGRAPH = re.compile(r"<w:p>.*?</w:p>", re.S)
_TEXT = re.compile(r'<w:t xml:space="preserve">.*?</w:t>', re.S)


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm caches, as a long-running process would be
    times = []
    for _ in range(repeat):
        start = time.perf_counter_ns()
        action()
        times.append(time.perf_counter_ns() - start)
    return statistics.median(times) / 1e6


def block_key(block) -> str:
    if block.kind in ("heading", "lead"):
        return f"{block.kind}{block.level}"
    return block.kind


def docxtpl_template(speech, layout) -> bytes:
    """speechgen's own DOCX with its body replaced by a Jinja loop over prototype paragraphs."""
    package = render_docx(speech, layout)
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        document = source.read("word/document.xml").decode("utf-8")
        parts = {info.filename: source.read(info) for info in source.infolist()}
    head, rest = document.split("<w:body>", 1)
    tail = rest[rest.index("<w:sectPr>"):]
    prototypes: dict[str, str] = {}
    for block, paragraph in zip(blocks(speech), _PARAGRAPH.findall(rest), strict=True):
        prototypes.setdefault(block_key(block), paragraph)

    def tag(text: str) -> str:
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"

    body = [tag("{%p for b in blocks %}")]
    for n, (key, paragraph) in enumerate(prototypes.items()):
        if key.startswith("lead"):
            texts = iter(["{{ b.head }}", "{{ b.rest }}"])
            filled = _TEXT.sub(lambda _m, t=texts: f'<w:t xml:space="preserve">{next(t)}</w:t>',
                               paragraph)
        else:
            filled = re.sub(r'<w:t xml:space="preserve">.*</w:t>',
                            '<w:t xml:space="preserve">{{ b.text }}</w:t>', paragraph, flags=re.S)
        body += [tag(f'{{%p {"if" if n == 0 else "elif"} b.key == "{key}" %}}'), filled]
    body += [tag("{%p endif %}"), tag("{%p endfor %}")]
    parts["word/document.xml"] = (head + "<w:body>" + "".join(body) + tail).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2000, help="repetitions for speechgen")
    args = parser.parse_args()

    from docxtpl import DocxTemplate

    layout = load_layout()
    speech = long_speech()
    yaml_text = dump_outline(speech)
    template = docxtpl_template(speech, layout)
    chars = sum(len(block.text) for block in blocks(speech))
    paragraphs = len(list(blocks(speech)))

    def ours() -> bytes:
        return render_docx(parse_outline(yaml_text, "bench.yaml"), layout)

    def theirs() -> bytes:
        parsed = parse_outline(yaml_text, "bench.yaml")
        context = {"blocks": [{"key": block_key(b), "text": b.text, "head": b.head,
                               "rest": b.text[len(b.head):]} for b in blocks(parsed)]}
        document = DocxTemplate(io.BytesIO(template))
        document.render(context)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()


    writer = median_ms(lambda: render_docx(speech, layout), args.repeat)
    parse = median_ms(lambda: parse_outline(yaml_text, "bench.yaml"), args.repeat)
    total = median_ms(ours, args.repeat)
    docxtpl = median_ms(theirs, max(20, args.repeat // 20))
    print(f"speech: {chars} characters, {paragraphs} paragraphs, YAML {len(yaml_text)} chars")
    print(f"render_docx (writer only)        median {writer:8.3f} ms")
    print(f"parse_outline (YAML → Speech)    median {parse:8.3f} ms")
    print(f"YAML → DOCX bytes (speechgen)    median {total:8.3f} ms")
    print(f"YAML → DOCX bytes (docxtpl)      median {docxtpl:8.3f} ms")
    print(f"ratio docxtpl / speechgen        {docxtpl / total:8.1f} x")


if __name__ == "__main__":
    main()
