"""Job titles (kg/data/job_titles.txt): 部长, 常务副主任, 首席执行官 ...

The file lists heads and irregular titles; a line like ``{|副|代}市长`` is a pattern that stands
for every title it spells (市长, 副市长, 代市长)."""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from importlib.resources import files

from kg.gazetteer.matcher import Matcher

__all__ = ["JobTitles", "expand"]

_CHOICE = re.compile(r"\{([^{}]*)\}")

# A title ending like this and followed by one of these strings is part of another word, not a
# title: 委员会, 常委会, 理事会, 董事会, 记者会, 主席团, 编辑部, 律师事务所, 专家组 ...
_NOT_BEFORE: dict[str, tuple[str, ...]] = {
    "委员": ("会",),
    "常委": ("会",),
    "理事": ("会",),
    "董事": ("会",),
    "监事": ("会",),
    "记者": ("会", "站", "节", "证"),
    "主席": ("团", "台"),
    "编辑": ("部",),
    "律师": ("事务所", "协会", "函", "费"),
    "会计师": ("事务所", "协会"),
    "专家": ("组", "委员会", "库", "论证"),
    "院士": ("工作站", "专家工作站"),
    "秘书": ("处",),
    "顾问": ("团", "公司"),
    "教练": ("组", "员"),
    "经理": ("部", "层"),
    "领事": ("馆",),
}


def expand(pattern: str) -> Iterator[str]:
    """Every title a pattern spells: {a|b} is one of a, b; {|a} is a or nothing.
    "{|副}{局|处}长" -> 局长, 处长, 副局长, 副处长."""
    parts = _CHOICE.split(pattern)
    # split() alternates literal text and the inside of a {...}: odd places are choices
    options = [p.split("|") if i % 2 else [p] for i, p in enumerate(parts)]
    for chosen in itertools.product(*options):
        yield "".join(chosen)


class JobTitles:
    def __init__(self, titles: Iterable[str]):
        self.titles: frozenset[str] = frozenset(t for t in titles if t)
        self._matcher: Matcher[str] | None = None

    @classmethod
    def load(cls) -> "JobTitles":
        text = (files("kg") / "data" / "job_titles.txt").read_text(encoding="utf-8")
        return cls(
            title
            for line in text.splitlines() if line.strip() and not line.startswith("#")
            for title in expand(line.strip())
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
        out: list[tuple[int, int, str]] = []
        pos = 0
        for start, end, title, _ in self._matcher.find_all(text):
            if start < pos or self._part_of_word(title, text, end):
                continue
            out.append((start, end, title))
            pos = end
        return out

    @staticmethod
    def _part_of_word(title: str, text: str, end: int) -> bool:
        for tail, followers in _NOT_BEFORE.items():
            if title.endswith(tail) and text.startswith(followers, end):
                return True
        return False
