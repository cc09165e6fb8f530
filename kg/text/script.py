"""Traditional characters read as simplified ones, so rules and gazetteers written for
simplified Chinese also read articles from Hong Kong, Macao and Taiwan (or Big5 pages).

The reading keeps every character in place (same length as the input), so offsets found in it
are offsets in the article, and evidence quotes the article as written.
"""
from __future__ import annotations

import opencc

# An article is read as traditional when at least this share of its Han characters changes
# under the conversion. Simplified text changes almost nowhere (著, 乾 in rare phrases);
# traditional text changes in a fifth or more of its characters.
_TRADITIONAL_SHARE = 0.05
_MIN_CHANGED = 3


class Simplifier:
    """OpenCC's traditional-to-simplified conversion (phrase-aware), held once per process."""

    def __init__(self) -> None:
        self._t2s = opencc.OpenCC("t2s")

    def is_traditional(self, text: str) -> bool:
        han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
        converted = self._t2s.convert(text)
        if len(converted) != len(text):
            converted = self._by_character(text)
        changed = sum(1 for a, b in zip(text, converted) if a != b)
        return changed >= _MIN_CHANGED and changed >= _TRADITIONAL_SHARE * max(han, 1)

    def simplify(self, text: str) -> str:
        """`text` in simplified characters, same length, character i for character i."""
        converted = self._t2s.convert(text)
        return converted if len(converted) == len(text) else self._by_character(text)

    def _by_character(self, text: str) -> str:
        # a phrase conversion that changed the length: fall back to one character at a time
        out = []
        for c in text:
            s = self._t2s.convert(c)
            out.append(s if len(s) == 1 else c)
        return "".join(out)
