"""The miner end to end: a page (text or file) in, mined speeches out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from ..errors import InputError, Problem
from ..lazy_re import LazyPattern
from ..model import Flag, Speech
from .address import CUT_ADDRESS
from .annotate import annotate
from .normalise import fold
from .parse import MISSING_TITLE, Parsed, opens_with_salutation, parse_unit
from .script import Printed, needs_conversion, restore, to_simplified
from .sources import read_source
from .split import Unit, loose_lines, split_page

#: Two units whose first characters agree this much are copies of one speech.
DUPLICATE_PREFIX = 300
DUPLICATE_RATIO = 0.9
#: Candidate copies share at least this share of their 6-character fragments.
SHINGLE = 6
MIN_SHARED = 0.3
#: Fewer body characters than this, with no salutation and no numbered point, is not a speech
#: (a stray list of links, a page of boilerplate); the shortest real one in the corpus has 578.
MIN_SPEECH_CHARS = 150
#: A shorter text still is a speech when something names it as one (its own title line, or a
#: unit marker such as 篇二) and it holds a sentence: the last page of a paginated article, a
#: sample cut short by the excerpt.
#: A sentence of 8 characters or more.  {8}, not {8,}: the same texts match, but {8,} rescanned
#: a long run without an end mark from every start (50 unpunctuated paragraphs of 1,000
#: characters took 23 s to mine; a tester's 2,000 took 34 s).
_SENTENCE = re.compile(r"[^。！？]{8}[。！？]")
#: Words a meeting speech's paragraphs are full of: whom it speaks for and to, and its
#: business.  A page whose usual reading kept nothing is still a speech when its sentences
#: hold this many of them (or it addresses an audience).
GENRE_WORDS = LazyPattern(r"我们|同志们|大家|各位|会议|工作|要求|必须")
GENRE_HITS = 3
#: The speaker's voice: a speech speaks for and to its audience.  An editor's note about the
#: occasion ("…简介", "…的由来": its history told in the third person) has none of these.
VOICE_WORDS = LazyPattern(r"我们|咱们|同志们|大家|各位")


@dataclass
class MinedSpeech:
    """A speech with its id (``002-2``: file prefix and order on the page) and origin."""

    id: str
    speech: Speech
    unit: Unit
    body: list[str] = field(default_factory=list)


@dataclass
class MinedPage:
    """All speeches of one page, and warnings about the page as a whole."""

    file: str
    speeches: list[MinedSpeech]
    warnings: list[str] = field(default_factory=list)


def page_prefix(name: str) -> str:
    """ "002_0be0e4455b5c71b0.txt" → "002": the short name speech ids start with."""
    stem = Path(name).stem
    return stem.split("_")[0] or stem


def mine_lines(lines: list[str], name: str) -> MinedPage:
    """Mine a page given as physical lines.  A traditional-script page is mined through its
    simplified view and handed back in its own characters (``script``)."""
    printed: Printed | None = None
    if needs_conversion(lines):
        lines, printed = to_simplified(lines)
    page = split_page(lines, Path(name).name)
    prefix = page_prefix(name)
    mined = []
    parsed_units = [parse_unit(unit) for unit in page.units]
    for k, (unit, parsed) in enumerate(zip(page.units, parsed_units, strict=True)):
        speech = parsed.speech
        chars = sum(len(p) for p in parsed.body)
        named = unit.marker != "全文" or speech.title != MISSING_TITLE
        sentence = any(_SENTENCE.search(p) for p in parsed.body)
        # The page's last sample cut off in its address ("篇二" / "尊敬的书"): a speech the
        # excerpt shows the start of, not a stray line.
        cut_in_address = (
            named
            and unit is page.units[-1]
            and len(parsed.body) == 1
            and CUT_ADDRESS.match(parsed.body[0]) is not None
        )
        if (
            chars < MIN_SPEECH_CHARS
            and not speech.salutation
            and not speech.sections
            and not (named and sentence)
            and not cut_in_address
        ):
            page.warnings.append(f"第 {unit.lines[0][0]} 行起的一段太短,不像讲话稿,已跳过。")
            continue
        if _preface(k, unit, parsed, parsed_units):
            page.warnings.append(
                f"第 {unit.lines[0][0]} 行起的一段是讲话前的说明"
                "(没有称呼,也不是讲话的口吻),已跳过。"
            )
            continue
        speech.source = {
            "file": Path(name).name,
            "index": unit.label,
            "marker": unit.marker,
            "title": unit.marker_title,
        }
        annotate(speech, parsed.notes, unit.cut)
        if unit.repeated:
            speech.flags.append(Flag("repeated", "页面把全文重复印了一遍,只保留了一份"))
        mined.append(MinedSpeech(f"{prefix}-{unit.index}", speech, unit, parsed.body))
    if not mined and (fallback := _whole_page(lines, name, prefix)) is not None:
        page.warnings.clear()  # they tell of the reading given up, not of this one
        mined.append(fallback)
    _link_duplicates(mined)
    if printed is not None and printed.back:
        for m in mined:
            restore(m.speech, printed, frozenset({MISSING_TITLE}))
    if page.warnings and mined:
        mined[0].speech.flags.extend(Flag("page_count", w) for w in page.warnings)
    if not mined:
        page.warnings.append("没有找到讲话稿正文。")
    return MinedPage(name, mined, page.warnings)


def _preface(k: int, unit: Unit, parsed: Parsed, parsed_units: list[Parsed]) -> bool:
    """The page's first unit is an editor's note before the speech, not a speech: no marker
    opened it (the page was parted only where the speech's own title stands over its address),
    it has no address and no points, the unit after it is addressed, and none of its text
    speaks in a speaker's voice (``VOICE_WORDS``).  Seen on a holiday speech's page whose
    editor first told the holiday's history under "…简介" (pool mining-dev30)."""
    if k != 0 or len(parsed_units) < 2 or unit.label != "全文":
        return False
    speech = parsed.speech
    return (
        not speech.salutation
        and not speech.sections
        and bool(parsed_units[1].speech.salutation)
        and not any(VOICE_WORDS.search(p) for p in parsed.body)
    )


def _whole_page(lines: list[str], name: str, prefix: str) -> MinedSpeech | None:
    """The page read loosely as one speech, when the usual reading kept none; flagged
    ``unsure``.  Only a page that holds speech text: an address to the audience, or
    sentences of the genre (``GENRE_WORDS``) at least ``MIN_SPEECH_CHARS`` long.  Lines the
    parser left in the head for want of a salutation or a sentence mark become the opening."""
    numbered = loose_lines(lines)
    sentences = [t for _, t in numbered if _SENTENCE.search(t) or len(t) >= MIN_SPEECH_CHARS]
    addressed = any(opens_with_salutation(t) for _, t in numbered)
    genre = sum(len(GENRE_WORDS.findall(t)) for t in sentences) >= GENRE_HITS
    if not (addressed or (genre and sum(map(len, sentences)) >= MIN_SPEECH_CHARS)):
        return None
    unit = Unit(Path(name).name, 1, "全文", "全文", "", numbered)
    parsed = parse_unit(unit)
    speech = parsed.speech
    if not parsed.body:
        speech.opening = parsed.body = [t for t in sentences if t != speech.title]
        if not speech.opening:
            return None
    speech.source = {"file": Path(name).name, "index": unit.label, "marker": "全文", "title": ""}
    annotate(speech, parsed.notes, unit.cut)
    speech.flags.append(Flag("unsure", "页面结构没有认全,整页按一篇取出,请核对标题、称呼和分段"))
    return MinedSpeech(f"{prefix}-1", speech, unit, parsed.body)


def mine_text(text: str, name: str = "<文本>") -> MinedPage:
    """Mine a page given as a string."""
    if not text.strip():
        raise InputError(Problem("内容是空的,没有可提取的讲话稿。", name))
    return mine_lines(text.splitlines(), name)


def mine_path(path: str | Path) -> MinedPage:
    """Mine a .txt or .docx page from disk."""
    source = read_source(path)
    page = mine_lines(source.lines, source.name)
    if source.tables:  # flattened without a word, a tester took the rows for the text (round 3)
        told = (f"文档里的 {source.tables} 个表格已按行转成文字(一行一段,单元格之间空一格),"
                "请核对或改写成句子")
        page.warnings.append(told)
        for found in page.speeches:  # and in each outline, which the page shows
            found.speech.flags.append(Flag("table", told))
    return page


def _shingles(key: str) -> set[str]:
    return {key[i : i + SHINGLE] for i in range(0, max(len(key) - SHINGLE, 0) + 1, SHINGLE)}


def _link_duplicates(mined: list[MinedSpeech]) -> None:
    """Flag units that repeat one another on the same page (CORPUS e1.15).

    Each unit is compared only with the first unit of each group of copies found so far, and
    only when they share text fragments, so a page of a thousand units stays fast."""
    representatives: list[tuple[MinedSpeech, str]] = []
    index: dict[str, list[int]] = {}
    for m in mined:
        key = fold("".join(m.body))[:DUPLICATE_PREFIX]
        if not key:
            continue
        shingles = _shingles(key)
        shared: dict[int, int] = {}
        for shingle in shingles:
            for r in index.get(shingle, ()):
                shared[r] = shared.get(r, 0) + 1
        original = None
        for r, count in sorted(shared.items(), key=lambda item: -item[1]):
            if count < len(shingles) * MIN_SHARED:
                break
            matcher = SequenceMatcher(None, representatives[r][1], key, autojunk=False)
            same = representatives[r][1] == key
            if same or (matcher.quick_ratio() >= DUPLICATE_RATIO <= matcher.ratio()):
                original = representatives[r][0]
                break
        if original is None:
            for shingle in shingles:
                index.setdefault(shingle, []).append(len(representatives))
            representatives.append((m, key))
            continue
        original.speech.flags.append(Flag("duplicate", f"与 {m.id} 内容重复", m.id))
        m.speech.flags.append(Flag("duplicate", f"与 {original.id} 内容重复", original.id))
        clean, broken = sorted((original, m), key=lambda x: _damage(x.speech))
        _repair_headings(broken.speech, clean.speech, clean.id)


def _damage(speech: Speech) -> int:
    """How damaged a copy looks: longer top-level headings mean bodies fused into them."""
    return sum(len(s.heading) for s in speech.sections)


def _repair_headings(broken: Speech, clean: Speech, clean_id: str) -> None:
    """Cut a fused top-level heading where the clean copy's heading ends (CORPUS e1.8)."""
    for section in broken.sections:
        best = max((_common_prefix(section.heading, t.heading) for t in clean.sections), default="")
        if len(best) < 8 or best == section.heading:
            continue
        heading = best.rstrip("、，")
        rest = section.heading[len(heading) :]
        if section.lead and section.paragraphs:
            stop = "" if rest.endswith(("！", "？")) else "。"
            section.paragraphs[0] = rest + stop + section.paragraphs[0]
        else:
            section.paragraphs.insert(0, rest)
        section.heading, section.lead = heading, False
        broken.flags.append(
            Flag("heading_repaired", f"标题与正文粘连,按 {clean_id} 截出标题:{heading}")
        )


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
