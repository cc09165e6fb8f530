"""Job titles (kg/data/job_titles.txt): 部长, 常务副主任, 首席执行官 ..."""
from __future__ import annotations

from collections.abc import Iterable
from importlib.resources import files

from kg.gazetteer.matcher import Matcher

__all__ = ["JobTitles"]


class JobTitles:
    def __init__(self, titles: Iterable[str]):
        self.titles: frozenset[str] = frozenset(t for t in titles if t)
        self._matcher: Matcher[str] | None = None

    @classmethod
    def load(cls) -> "JobTitles":
        text = (files("kg") / "data" / "job_titles.txt").read_text(encoding="utf-8")
        return cls(
            line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
        )

    def __contains__(self, title: object) -> bool:
        return isinstance(title, str) and title in self.titles

    def __len__(self) -> int:
        return len(self.titles)

    def __iter__(self):
        return iter(sorted(self.titles))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Titles in ``text``: (start, end, title), leftmost-longest, non-overlapping."""
        if self._matcher is None:
            self._matcher = Matcher({t: t for t in self.titles})
        return [(s, e, t) for s, e, t, _ in self._matcher.find(text)]
