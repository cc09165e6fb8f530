"""Split Chinese text into sentences with character offsets."""
from __future__ import annotations

import re

from kg.model import Sentence

# A sentence ends at 。！？!? (plus any closing quotes or brackets right after), or at a line break.
_END = re.compile(r"[。！？!?]+[”’」』)）\]】]*|\n+")


def split(text: str, offset: int = 0) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end() if match.group().strip() else match.start()
        _append(sentences, text, start, end, offset)
        start = match.end()
    _append(sentences, text, start, len(text), offset)
    return sentences


# A clause ends at a comma, semicolon, colon or sentence end (full- or half-width).
CLAUSE_END = re.compile(r"[，,；;。！？!?：:]")


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding position `pos` of `text` starts. A comma inside brackets
    before `pos` (某公司(SZ 000001,HK 00001)荣获) ends no clause."""
    starts = [m.end() for m in CLAUSE_END.finditer(text, 0, pos)]
    while starts and _in_brackets(text, starts[-1] - 1, pos):
        starts.pop()
    return starts[-1] if starts else 0


def _in_brackets(text: str, at: int, pos: int) -> bool:
    """Whether text[at] is inside a bracket that opens before it and closes before `pos`."""
    opening = max(text.rfind("(", 0, at), text.rfind("（", 0, at))
    if opening < 0 or max(text.rfind(")", opening, at), text.rfind("）", opening, at)) >= 0:
        return False
    closing = min((i for i in (text.find(")", at, pos), text.find("）", at, pos)) if i >= 0),
                  default=-1)
    return closing >= 0


def _append(out: list[Sentence], text: str, start: int, end: int, offset: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(text[start:end], start + offset, end + offset))
