"""Named word lists (kg/data/lexicon.tsv, surnames.txt) that the extraction rules read."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources

from kg.text.trie import trie_pattern


_COMMON = 120  # the first 120 family names are borne by about nine people in ten


@dataclass(frozen=True)
class Lexicon:
    lists: dict[str, tuple[str, ...]]
    values: dict[tuple[str, str], str]
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    # the most frequent family names (the file is ranked): enough evidence for a name with no
    # post or title beside it
    common_surnames: frozenset[str] = frozenset()
    _patterns: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls) -> "Lexicon":
        lists: dict[str, list[str]] = {}
        values: dict[tuple[str, str], str] = {}
        for line in _lines("lexicon.tsv"):
            name, word, *rest = line.split("\t")
            lists.setdefault(name, []).append(word)
            if rest:
                values[(name, word)] = rest[0]
        surnames = _lines("surnames.txt")
        return cls(
            # Longest first, so that a caller scanning in order finds 致开幕辞 before 致辞.
            lists={k: tuple(sorted(dict.fromkeys(v), key=lambda w: (-len(w), w)))
                   for k, v in lists.items()},
            values=values,
            surnames=frozenset(s for s in surnames if len(s) == 1),
            compound_surnames=frozenset(s for s in surnames if len(s) == 2),
            common_surnames=frozenset([s for s in surnames if len(s) == 1][:_COMMON]),
        )

    def words(self, name: str) -> tuple[str, ...]:
        try:
            return self.lists[name]
        except KeyError:
            raise KeyError(f"no word list {name!r} in lexicon.tsv; known: "
                           f"{', '.join(sorted(self.lists))}") from None

    def finditer(self, name: str, text: str) -> Iterator[tuple[int, int, str]]:
        """Words of list `name` in `text`: leftmost, longest, not overlapping."""
        pattern = self._patterns.get(name)
        if pattern is None:
            pattern = self._patterns[name] = re.compile(
                "|".join(re.escape(w) for w in self.words(name)))
        for match in pattern.finditer(text):
            yield match.start(), match.end(), match.group()

    def value(self, name: str, word: str) -> str | None:
        return self.values.get((name, word))

    def starts_with(self, name: str, text: str, pos: int = 0) -> str | None:
        """The longest word of list `name` that text has at `pos`, or None."""
        if pos >= len(text):
            return None
        # the table looked up here, not through _by_char: about 120 calls an article
        table = self._patterns.get((name, 0)) or self._by_char(name, 0)
        for word in table.get(text[pos], ()):
            if text.startswith(word, pos):
                return word
        return None

    def search(self, name: str, text: str, pos: int = 0) -> tuple[int, str] | None:
        """(where, word) for the first place at or after `pos` where a word of list `name`
        begins, with the longest word there (what starts_with at each place in turn finds,
        in one regex search)."""
        key = (name, "trie")
        pattern = self._patterns.get(key)
        if pattern is None:
            pattern = self._patterns[key] = re.compile(trie_pattern(self.words(name)))
        match = pattern.search(text, pos)
        return (match.start(), match.group()) if match else None

    def ends_with(self, name: str, text: str, end: int | None = None) -> str | None:
        end = len(text) if end is None else end
        if end <= 0:
            return None
        table = self._patterns.get((name, -1)) or self._by_char(name, -1)
        for word in table.get(text[end - 1], ()):
            if text.endswith(word, 0, end):
                return word
        return None

    def _by_char(self, name: str, index: int) -> dict[str, tuple[str, ...]]:
        """Words of a list by their first (index 0) or last (-1) character, longest first."""
        key = (name, index)
        table = self._patterns.get(key)
        if table is None:
            grouped: dict[str, list[str]] = {}
            for word in self.words(name):
                grouped.setdefault(word[index], []).append(word)
            table = self._patterns[key] = {c: tuple(ws) for c, ws in grouped.items()}
        return table

    def is_surname_start(self, name: str) -> bool:
        return name[:2] in self.compound_surnames or name[:1] in self.surnames


def _lines(filename: str) -> list[str]:
    text = resources.files("kg").joinpath("data", filename).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]
