"""Document names: 《…》 (several may follow each other), or an unquoted name ending in a
document noun (第三批国家某某示范区名单). 关于印发《X》的通知 names the document X."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.resources import Resources

_QUOTED = re.compile(r"《([^《》]{2,80})》")
_YEAR_BEFORE = re.compile(r"[0-9]{4}年度?(?=《)")
_WRAPPER = re.compile(r"^关于(?:印发|发布|公布)《?(.+?)》?的通知$")
_UNQUOTED_STOP = set("，,。；;：:、！？!?()（）“”\n 的")
_WINDOW_STOP = set("，,。；;：:！？!?“”\n ")


@dataclass(frozen=True)
class DocMention:
    start: int
    end: int
    name: str


def canonical(name: str) -> str:
    match = _WRAPPER.match(name)
    return match.group(1) if match else name


def quoted_after(text: str, pos: int) -> list[DocMention]:
    """《A》、《B》 starting at pos (after an optional 了)."""
    docs: list[DocMention] = []
    i = pos + (1 if text.startswith(("了", "的"), pos) else 0)  # 发布的《…》: a relative clause
    year = _YEAR_BEFORE.match(text, i)
    i = year.end() if year else i  # 发布2030年《…》
    while True:
        match = _QUOTED.match(text, i)
        if not match:
            break
        inner = match.group(1)
        tail = match.end()
        docs.append(DocMention(match.start(), tail, canonical(inner)))
        sep = re.match(r"[、和及与]", text[tail:tail + 1])
        if not sep:
            break
        i = tail + 1
    return docs


def unquoted_after(text: str, pos: int, res: Resources) -> DocMention | None:
    """第三批国家某某示范区名单 right after a verb: up to punctuation, ending in a doc noun."""
    i = pos + (1 if text.startswith(("了", "的"), pos) else 0)  # 发布的…名单: a relative clause
    stop = i
    while stop < len(text) and text[stop] not in _WINDOW_STOP and stop - i < 60:
        stop += 1
    # the name ends with the last document noun before punctuation (…名单中, 拟认定的…名单)
    ends = [e for _s, e, _w in res.lexicon.finditer("doc_noun", text[i:stop])]
    if not ends:
        return None
    end = i + ends[-1]
    candidate = text[i:end]
    noun = res.lexicon.ends_with("doc_noun", candidate)
    if noun and len(candidate) > len(noun) + 1:
        return DocMention(i, end, canonical(candidate))
    return None


def all_quoted(text: str) -> list[DocMention]:
    return [DocMention(m.start(), m.end(), canonical(m.group(1))) for m in _QUOTED.finditer(text)]
