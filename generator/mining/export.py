"""What `speechgen mine` writes: outline YAML per speech, an index, JSON or a stats table.

The CLI stays thin: it hands the arguments here and prints what comes back.  Output files are
written atomically, so an interrupted run never leaves half an outline behind.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Problem
from ..files import check_target, write_atomic
from ..outline_io import dump_outline, speech_to_dict
from ..reading import MAX_OUTLINE, is_lock_file
from .annotate import body_text
from .pipeline import MinedPage, MinedSpeech, mine_path


@dataclass
class MineResult:
    """Mined pages, problems with files that could not be read, and page warnings."""

    pages: list[MinedPage] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def speeches(self) -> list[MinedSpeech]:
        return [m for page in self.pages for m in page.speeches]


def mine_files(paths: list[Path]) -> MineResult:
    """Mine every file; a file that cannot be read is reported, the others still mined."""
    result = MineResult()
    for path in _expand(paths):
        try:
            page = mine_path(path)
        except InputError as error:
            result.problems.extend(error.problems)
            continue
        result.pages.append(page)
        result.warnings.extend(f"{path}: {w}" for w in page.warnings)
        result.warnings.extend(f"{path}: {w}" for w in _too_long(page))
    if not result.speeches:  # each file that gave none is named (an empty .docx: a tester)
        raise InputError(result.problems + [
            Problem("没有找到讲话稿(文件里没有文字,或没有认得出的讲话)", page.file)
            for page in result.pages])
    return result


def _too_long(page: MinedPage) -> list[str]:
    """A speech whose outline `render` would refuse for its size: said at once, not at the
    next step (a 12 MB page mined into a 12.6 MB outline that render then refused: a tester,
    round 2).  UTF-8 takes three bytes a Chinese character, the YAML around them a little."""
    out = []
    for mined in page.speeches:
        speech = mined.speech
        chars = sum(len(text) for text in (speech.title, *speech.opening, *speech.closing))
        chars += sum(len(s.heading) + sum(map(len, s.paragraphs)) for _, s in speech.walk())
        if chars * 3 > MAX_OUTLINE:
            out.append(f"“{mined.id}”有 {chars // 10000} 万多字,写成提纲会超过 render 读取"
                       f"提纲的上限({MAX_OUTLINE // 1_000_000} MB);这多半不是一篇讲话稿,"
                       "或是多篇连在了一起")
    return out


#: What a folder of collected pages is expected to hold.
PAGE_SUFFIXES = (".txt", ".htm", ".html", ".docx")


def _expand(paths: list[Path]) -> list[Path]:
    """A folder stands for the pages in it (.txt, .html, .docx), in name order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in PAGE_SUFFIXES
                              and not is_lock_file(p)))  # ~$讲话稿.docx: Word's lock file
        else:
            out.append(path)
    return out


def to_json(result: MineResult) -> str:
    """All speeches as a JSON list, each with its id."""
    return _json_text([{"id": m.id, **speech_to_dict(m.speech)} for m in result.speeches])


def _json_text(data: object) -> str:
    """JSON as `mine` writes it: Chinese as it is, indented.  ``json`` is imported here, for
    the runs that ask for JSON only (~1.5 ms of every other `speechgen mine`)."""
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_yaml(result: MineResult) -> str:
    """One outline, or a YAML stream of outlines separated by "---"."""
    return "---\n".join(dump_outline(m.speech) for m in result.speeches)


def index_csv(result: MineResult) -> str:
    """The index: file, speech number, title, sections, characters, flags."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["文件", "编号", "篇目", "标题", "一级标题数", "字数", "提示"])
    for m in result.speeches:
        speech = m.speech
        writer.writerow(
            [
                m.unit.file,
                m.id,
                m.unit.label,
                speech.title,
                len(speech.sections),
                len(body_text(speech).replace("\n", "")),
                ";".join(sorted({f.code for f in speech.flags})),
            ]
        )
    return buffer.getvalue()


_FILE_FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def output_kind(out: Path, fmt: str = "") -> str:
    """What -o names: "dir" (an existing folder, or a name without an extension), or the
    format of one file ("yaml"/"json"), from its extension.  A name with another extension
    (out.txt) is a file name, never a folder to create: it is refused, as is a --format the
    extension contradicts."""
    if out.is_dir() or not out.suffix:
        return "dir"
    named = _FILE_FORMATS.get(out.suffix.lower())
    if named is None:
        raise InputError(Problem(f"提取的提纲只能写成 .yaml 或 .json 文件,或写进一个文件夹"
                                 f"(不带扩展名的名字);“{out.suffix}”不行", str(out)))
    if fmt and fmt != named:
        raise InputError(Problem(f"输出格式 --format {fmt} 与文件扩展名“{out.suffix}”不符;"
                                 "请改文件名,或去掉 --format 让扩展名决定", str(out)))
    return named


def write_outputs(result: MineResult, out: Path, *, fmt: str = "", overwrite: bool = False,
                  inputs: Sequence[Path] = ()) -> list[Path]:
    """A directory gets one YAML per speech plus index.csv; a .yaml/.json file one speech.

    Every target is checked (existing files, inputs) before the first is written.
    """
    speeches = result.speeches
    kind = output_kind(out, fmt)
    if kind != "dir":
        if len(speeches) != 1:
            raise InputError(Problem(f"提取到 {len(speeches)} 篇讲话稿,不能写进一个文件;"
                                     "请用 -o 指定一个目录(不带扩展名的文件夹名)。", str(out)))
        speech = speeches[0].speech
        text = _json_text(speech_to_dict(speech)) if kind == "json" else dump_outline(speech)
        return [write_atomic(out, text.encode("utf-8"), overwrite=overwrite, inputs=inputs)]
    if out.exists() and not out.is_dir():
        raise InputError(Problem("输出路径已存在且不是目录。", str(out)))
    files: list[tuple[Path, bytes]] = []
    used: set[str] = set()
    for m in speeches:
        name, n = m.id, 1
        while name in used:  # page.txt and page.docx both give "page-1"
            n += 1
            name = f"{m.id}~{n}"
        used.add(name)
        files.append((out / f"{name}.yaml", dump_outline(m.speech).encode("utf-8")))
    files.append((out / "index.csv", index_csv(result).encode("utf-8-sig")))
    for target, _data in files:
        check_target(target, overwrite=overwrite, inputs=inputs)
    return [write_atomic(target, data, overwrite=overwrite, inputs=inputs)
            for target, data in files]
