"""How a speaker addresses the audience: the salutation line ("同志们：", "各位领导、同志们：").

Parsing needs it to find where the body starts, and paragraph rebuilding needs it so that a
salutation line is never glued onto the title above it.
"""

from __future__ import annotations

import re

from ..lexicon import ADDRESS_WORDS, alternation

SALUTATION = re.compile(f"{alternation(ADDRESS_WORDS)}[：，！]$")
#: Longest line that can be a salutation on its own.
SALUTATION_CHARS = 20


def is_salutation(line: str) -> bool:
    return len(line) <= SALUTATION_CHARS and bool(SALUTATION.search(line))
