"""What counts as a Chinese character (汉字): one answer for the punctuation check and its
fixes, the YAML reader's hints and the font-coverage test.

Unicode's CJK ideograph blocks: Unified Ideographs U+4E00–9FFF, Extension A U+3400–4DBF, the
Compatibility Ideographs U+F900–FAFF, and Extensions B–H U+20000–323AF, where rare characters of
people's and places' names live (𠮷, 䶮: GB 18030-2022's required repertoire reaches into both).
The miner keeps its own test, the basic block only, compiled into its ~400 patterns: none of the
587 stored pages nor the corpus holds a character outside that block (counted), and each wider
class costs every `speechgen mine` run its compilation.
"""

from __future__ import annotations

#: The blocks as a regular-expression character class body (to go inside [...]).
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"


def is_han(char: str) -> bool:
    """Whether the one character ``char`` is a Chinese ideograph."""
    code = ord(char)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x323AF)


def in_basic_block(char: str) -> bool:
    """Whether ``char`` is in the Unified Ideographs block alone: the miner's test (above)."""
    return "\u4e00" <= char <= "\u9fff"
