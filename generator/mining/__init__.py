"""Mining: turn scraped pages of speeches into outline trees (`speechgen mine`).

The pipeline runs one way: read (sources) → normalise → drop site noise (boilerplate) → split a
page into units (split) → rebuild paragraphs (paragraphs) → find numbered points (headings) →
assemble a Speech (parse) → flag what a reader should know (annotate).  Every step is a small
module whose rules are data, so a new site or numbering scheme is a one-line addition.
"""

from ..re_charsets import share_charsets

# Before the modules below compile their ~400 patterns: each distinct character class is then
# worked out once, not for every pattern that repeats it (~30 ms of a `speechgen mine` run).
share_charsets()

from .pipeline import MinedSpeech, mine_path, mine_text  # noqa: E402

__all__ = ["MinedSpeech", "mine_path", "mine_text"]
