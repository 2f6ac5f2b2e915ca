"""Attest the move stock (outlines/moves.yaml) against real speeches, and write the sources.

A variant of a move is a convention only if each of its parts (`attest`: regular expressions)
occurs in speeches of at least two independent sources: different sites whose texts are not
copies of one another.  This module mines the pages in process with the miner, searches every
speech, and writes each part's sources (speech id, site, address) back into the stock; a variant
whose parts are not all attested twice is dropped and reported.  The pages themselves are never
stored.

    python -m generator.mining.moves outlines/moves.yaml \
        --manifest bench/phrase_pages/manifest.yaml --raw RAW_DIR --corpus CORPUS_DIR \
        --also bench/mining_pages/manifest.yaml 'mining-dev[0-9]*'

The phrase-stock pool holds openings (a stored copy keeps a page's beginning); the later moves
(a closing's appeal, an emergency's warning) are rarer there, so the miner's development pools
(`--also`: a manifest and a pattern its pools must match whole) lend their speeches too.  Never
the blind-reading pool or a set-aside pool not yet scored: their pages must stay unseen.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .pipeline import MinedSpeech, mine_path

#: Speeches of another genre (a notice, a report, a UN address…) lend no conventions.
_FOREIGN = ("genre_notice", "genre_report", "genre_foreign", "duplicate")
#: Two texts sharing this share of their 8-character fragments are one text posted twice.
COPY_SHARE = 0.5
_SHINGLE = 8
#: Sources kept per part in the data file: enough to check, short enough to read.
KEEP = 4
MIN_SITES = 2


@dataclass(frozen=True)
class Source:
    """One mined speech: its id, the site it came from, its address, and its text."""

    id: str
    site: str
    address: str
    text: str


def speech_text(mined: MinedSpeech) -> str:
    """Opening, headings, paragraphs, closing and sign-off, one a line."""
    speech = mined.speech
    parts = [*speech.opening]
    for _, section in speech.walk():
        parts += [section.heading, *section.paragraphs]
    return "\n".join([*parts, *speech.closing, *speech.signoff])


def mined_sources(pages: Iterable[tuple[Path, str, str]]) -> Iterator[Source]:
    """(page file, site, address) → every meeting speech on it, mined in process."""
    for path, site, address in pages:
        for mined in mine_path(path).speeches:
            if any(flag.code in _FOREIGN for flag in mined.speech.flags):
                continue
            yield Source(mined.id, site, address, speech_text(mined))


def _shingles(text: str) -> set[str]:
    text = re.sub(r"\W", "", text)
    return {text[i:i + _SHINGLE] for i in range(0, max(len(text) - _SHINGLE, 0), 2)}


def independent(sources: list[Source]) -> list[Source]:
    """One source per site, and none that copies a text already kept."""
    kept: list[tuple[Source, set[str]]] = []
    for source in sources:
        if any(source.site == other.site for other, _ in kept):
            continue
        mark = _shingles(source.text)
        if any(len(mark & seen) > COPY_SHARE * min(len(mark), len(seen)) for _, seen in kept):
            continue
        kept.append((source, mark))
    return [source for source, _ in kept]


def attest(stock: dict, sources: list[Source]) -> tuple[dict, list[str]]:
    """The stock with each variant's parts sourced; variants short of two sources dropped."""
    dropped = []
    for move, entry in stock["moves"].items():
        kept = []
        for variant in entry["variants"]:
            parts = []
            for pattern in variant["attest"]:
                found = independent([s for s in sources if re.search(pattern, s.text)])
                parts.append({"pattern": pattern, "sites": len(found),
                              "seen": [{"id": s.id, "site": s.site, "address": s.address}
                                       for s in found[:KEEP]]})
            if all(part["sites"] >= MIN_SITES for part in parts):
                kept.append({**{k: v for k, v in variant.items() if k != "sources"},
                             "sources": parts})
            else:
                short = [p["pattern"] for p in parts if p["sites"] < MIN_SITES]
                dropped.append(f"{move}: {variant['text']}(出处不足两处:{'、'.join(short)})")
        entry["variants"] = kept
    return stock, dropped


def _pages(manifest: Path, pool: str, raw: Path) -> Iterator[tuple[Path, str, str]]:
    """The pages of the pools `pool` matches whole that are on disk and are the very pages the
    manifest lists."""
    for entry in yaml.safe_load(manifest.read_text(encoding="utf-8")) or []:
        page = raw / f"{entry['id']}.txt"
        if not re.fullmatch(pool, str(entry.get("pool"))) or not page.is_file():
            continue
        if entry.get("sha256") and hashlib.sha256(page.read_bytes()).hexdigest() != entry["sha256"]:
            print(f"跳过 {page.name}:内容与清单的 sha256 不符", file=sys.stderr)
            continue
        yield page, str(entry["site"]), str(entry["address"])


def _corpus(folder: Path) -> Iterator[tuple[Path, str, str]]:
    """The development corpus: 002 and 003 come from one site (写写帮文库, CORPUS.md §0)."""
    sites = {"001": "corpus-001", "002": "xiexiebang", "003": "xiexiebang"}
    for page in sorted(folder.glob("*.txt")):
        prefix = page.name.split("_")[0]
        yield page, sites.get(prefix, f"corpus-{prefix}"), f"corpus:{page.name}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="核对套话库各说法的出处并写回。")
    parser.add_argument("stock", type=Path)
    parser.add_argument("--manifest", type=Path, required=True)
    parser.add_argument("--pool", default="phrase-stock")
    parser.add_argument("--raw", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--also", nargs=2, action="append", default=[],
                        metavar=("MANIFEST", "POOL"))
    args = parser.parse_args(argv)
    text = args.stock.read_text(encoding="utf-8")
    header = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
    stock = yaml.safe_load(text)
    pages = [*_pages(args.manifest, re.escape(args.pool), args.raw), *_corpus(args.corpus)]
    for manifest, pool in args.also:
        pages += _pages(Path(manifest), pool, args.raw)
    sources = list(mined_sources(pages))
    stock, dropped = attest(stock, sources)
    body = yaml.safe_dump(stock, allow_unicode=True, sort_keys=False, width=10**6)
    args.stock.write_text(header + body, encoding="utf-8")
    sites = len({s.site for s in sources})
    print(f"{len(sources)} 篇讲话,{sites} 个网站")
    for move, entry in stock["moves"].items():
        print(f"{move}: {len(entry['variants'])} 种说法")
    for line in dropped:
        print("未收:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
