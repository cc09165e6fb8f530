"""Aho-Corasick dictionary matching (pyahocorasick) with leftmost-longest selection."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Generic, TypeVar

import ahocorasick

T = TypeVar("T")

__all__ = ["Matcher"]


class Matcher(Generic[T]):
    """Find dictionary surfaces in text.

    ``find`` returns ``(start, end, surface, payload)`` tuples, ``text[start:end] == surface``,
    sorted by start, non-overlapping, chosen leftmost-longest: scanning left to right, the
    match that starts first wins, and among those starting at the same place the longest.
    """

    __slots__ = ("_automaton", "_size")

    def __init__(self, entries: Mapping[str, T]):
        automaton = ahocorasick.Automaton()
        size = 0
        for surface, payload in entries.items():
            if surface:
                automaton.add_word(surface, (surface, payload))
                size += 1
        if size:
            automaton.make_automaton()
        self._automaton = automaton
        self._size = size

    def __len__(self) -> int:
        return self._size

    def __contains__(self, surface: object) -> bool:
        return isinstance(surface, str) and surface in self._automaton

    def get(self, surface: str, default: T | None = None) -> T | None:
        hit = self._automaton.get(surface, None)
        return default if hit is None else hit[1]

    def find_all(self, text: str) -> list[tuple[int, int, str, T]]:
        """Every match, overlapping ones included, sorted by (start, -length)."""
        if not self._size or not text:
            return []
        hits = []
        for end_index, (surface, payload) in self._automaton.iter(text):
            end = end_index + 1
            hits.append((end - len(surface), end, surface, payload))
        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        return hits

    def find(self, text: str) -> list[tuple[int, int, str, T]]:
        out: list[tuple[int, int, str, T]] = []
        pos = 0
        for hit in self.find_all(text):
            if hit[0] >= pos:
                out.append(hit)
                pos = hit[1]
        return out
