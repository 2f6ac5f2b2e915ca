"""A word typed twice in a row ("为为集团…", "工作工作"): a slip of pasting or of a field
that began with the word its wording ends on (craft review 5: `check` passed "为为").

Only function characters that Chinese never doubles are read, so reduplication a writer means
(的的确确, 和和美美, 一把把, 从从容容, 将将就就) is never told.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..lazy_re import LazyPattern
from .draft import Draft
from .finding import WARNING, Finding
from .rule import Options, Rule

#: 为 在 与 被 向 及 并 的 将 and the genre's 工作, each but where the first is the end of a
#: word and the second opens the next: 作为|为人民, 参与|与否, 以及|及时, 所在|在于, 方向|向前,
#: 合并|并且, 目的|的确, 即将|将工作 — and 的的确确, 将将就就.
_DOUBLED = LazyPattern(
    r"(?<![作因成认行称更])为为|(?<![所存现正实自内外潜])在在|(?<![参给赋])与与|被被"
    r"|(?<![方导面转趋去])向向|(?<![以涉危普来])及及|(?<![合兼吞])并并"
    r"|(?<![目])的的(?!确确)|(?<![即必])将将(?!就就)|工作工作")


def check(draft: Draft, options: Options) -> Iterator[Finding]:
    for para in draft.paras:
        for match in _DOUBLED.finditer(para.text):
            once = match[0][: len(match[0]) // 2]
            yield Finding("doubled-word", WARNING, f"“{match[0]}”重复,应为“{once}”",
                          match[0], para.place(match.start()))


RULE = Rule("doubled", ("doubled-word",), check)
