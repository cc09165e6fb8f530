"""Traditional characters read as simplified ones, so rules and gazetteers written for
simplified Chinese also read articles from Hong Kong, Macao and Taiwan (or Big5 pages).

The reading keeps every character in place (same length as the input), so offsets found in it
are offsets in the article, and evidence quotes the article as written.
"""
from __future__ import annotations

import operator
import re

import opencc

# An article is read as traditional when at least this share of its Han characters changes
# under the conversion. Simplified text changes almost nowhere (著, 乾 in rare phrases);
# traditional text changes in a fifth or more of its characters.
_TRADITIONAL_SHARE = 0.05
_MIN_CHANGED = 3
_NOT_HAN = re.compile("[^\u4e00-\u9fff]+")


class Simplifier:
    """OpenCC's traditional-to-simplified conversion (phrase-aware), held once per process."""

    def __init__(self) -> None:
        self._t2s = opencc.OpenCC("t2s")

    def is_traditional(self, text: str) -> bool:
        converted = self._t2s.convert(text)
        if converted == text:
            return False  # most articles: nothing changed, nothing to count
        if len(converted) != len(text):
            converted = self._by_character(text)
        # counted in C (map over operator.ne, a regex): a Python loop over every character
        # of every article cost more than the conversion itself
        changed = sum(map(operator.ne, text, converted))
        if changed < _MIN_CHANGED:
            return False
        han = len(_NOT_HAN.sub("", text))
        return changed >= _TRADITIONAL_SHARE * max(han, 1)

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
