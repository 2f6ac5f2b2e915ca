"""A Word document's paragraphs as its reader sees them, and its heading styles as points.

Last year's speech often carries its structure in Word's own devices rather than in typed
text: an automatic number Word draws ("一、" kept out of the paragraph's text, see
`word_numbering`) and heading styles (标题 1, 标题 2: an outline level) with no number at all.
The miner and the checks both read such a file; they read it here, the same way.
"""

from __future__ import annotations

from itertools import takewhile
from typing import TYPE_CHECKING, Any

from . import reading
from .word_numbering import ListLabels

if TYPE_CHECKING:
    from .checks.docx_styles import StyleChain

#: A paragraph ending so closes a document's head (title, speaker, date): a sentence, or the
#: salutation's colon.
_HEAD_ENDS = ("。", "！", "？", "：", ":")


def texts_as_read(document: Any, paragraphs: list[Any]) -> dict[Any, str]:
    """Each paragraph element's text with Word's automatic number in front, as printed.
    Numbers are counted in document order, so every paragraph is read once, here."""
    labels = ListLabels(document)
    texts = {}
    for paragraph in paragraphs:
        text = reading.paragraph_text(paragraph._p)
        texts[paragraph._p] = labels.label(paragraph._p) + text if text.strip() else text
    return texts


def heading_markers(document: Any, texts: dict[Any, str],
                    chain: StyleChain | None = None) -> dict[Any, str]:
    """The markers heading styles imply for headings that show no number: "抓好安全生产" in
    标题 1 is the speech's 一、 (a tester's last-year speech, three 标题 1 and two 标题 2
    without numbers, was mined as opening and body text, and `check` found none of its
    points).  `texts` are `texts_as_read`, in document order.

    The outline levels in use, shallowest first, take the genre's levels 一、 (一) 1. (1)
    (`schemes.LEVEL_SCHEMES`), but for a level whose one heading stands in the head, before
    any paragraph ends a sentence or a salutation: that is the title in 标题 1 over sections
    in 标题 2.  A lone 标题 1 after the opening is the speech's one point ("下面，我讲一点
    意见"; a tester).  Every heading counts, numbered or not, so a typed "一、" in 标题 1
    keeps its 标题 2 under it; only headings that show no number get a marker, and one Word
    numbers itself shows its number ("一、一、提高认识" came of adding another, a tester).
    `chain` is the document's resolved styles when the caller has them already (`check`)."""
    from .checks.docx_styles import StyleChain
    from .checks.markers import marker_at
    from .schemes import LEVEL_SCHEMES, marker

    chain = chain or StyleChain(document)
    headings = []
    for element, text in texts.items():
        level = chain.outline_level(element)
        if level is not None and text.strip():
            headings.append((element, level, marker_at(text.strip()) is None))
    head = set(takewhile(lambda element: not texts[element].rstrip().endswith(_HEAD_ENDS),
                         texts))
    titles = {level for element, level, _ in headings if element in head}
    used = [level for level in sorted({h[1] for h in headings})
            if level not in titles or sum(h[1] == level for h in headings) > 1]
    schemes = dict(zip(used, LEVEL_SCHEMES, strict=False))
    counts: dict[int, int] = {}
    out = {}
    for element, level, bare in headings:
        if level not in schemes:
            continue
        counts = {deeper: n for deeper, n in counts.items() if deeper <= level}
        counts[level] = counts.get(level, 0) + 1
        if bare:
            out[element] = marker(schemes[level], counts[level])
    return out
