"""Known organisations (ministries, party and state organs, central SOEs, banks, associations).

Data: ``kg/data/gov_bodies.tsv`` (name, kind, aliases, parent, generic_aliases, note) and
``kg/data/org_suffixes.txt`` (head nouns for recognising unknown organisation names).
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files

from kg.gazetteer.matcher import Matcher
from kg.text.normalize import fold

__all__ = ["Org", "OrgGazetteer"]


@dataclass(frozen=True)
class Org:
    name: str                         # canonical full name (工业和信息化部)
    kind: str                         # GovernmentBody | Organization
    aliases: tuple[str, ...] = ()     # other names (工信部, 中华人民共和国工业和信息化部)
    parent: str | None = None         # canonical name of the body it belongs to
    note: str = ""
    # aliases that provincial/municipal counterparts share (发改委, 国资委, 统计局 ...): a match
    # preceded by a place name ("山东省发改委") is the local body, not this one
    generic_aliases: tuple[str, ...] = ()

    @property
    def former(self) -> bool:
        """True for bodies that no longer exist under this name (环境保护部, 银监会 ...)."""
        return self.note.startswith("former")


# How many characters past a short alias a longer name may run before its head noun.
_LONGER_NAME_REACH = 10
# Function words that end a name: 中科院的…学部 is 中科院 and a part of it, not one longer name.
_NOT_IN_NAME = frozenset("的和与及或等各在由为是对向将从")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _read_data(name: str) -> str:
    return (files("kg") / "data" / name).read_text(encoding="utf-8")


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v for v in (value or "").split("|") if v)


class OrgGazetteer:
    def __init__(self, orgs: Iterable[Org], suffixes: Iterable[tuple[str, str]] = ()):
        self.orgs: tuple[Org, ...] = tuple(orgs)
        self._by_name: dict[str, Org] = {}
        for org in self.orgs:  # canonical names win over aliases
            self._by_name[org.name] = org
        for org in self.orgs:
            for a in org.aliases:
                self._by_name.setdefault(a, org)
        # the readers match width-folded text: 华润（集团）有限公司 is written 华润(集团)有限公司 there
        for surface, org in list(self._by_name.items()):
            self._by_name.setdefault(fold(surface), org)
        self.suffixes: tuple[tuple[str, str], ...] = tuple(
            sorted(suffixes, key=lambda sk: -len(sk[0]))
        )
        self._matcher: Matcher[Org] | None = None

    @classmethod
    def load(cls) -> "OrgGazetteer":
        rows = csv.DictReader(io.StringIO(_read_data("gov_bodies.tsv")), delimiter="\t")
        orgs = [
            Org(
                name=r["name"],
                kind=r["kind"],
                aliases=_split(r.get("aliases")),
                parent=r.get("parent") or None,
                note=r.get("note") or "",
                generic_aliases=_split(r.get("generic_aliases")),
            )
            for r in rows
        ]
        suffixes = {}
        # a local department's short form heads a name like any other head noun: 某市外办, and
        # 某市国资委 is the city's body, not the national one its bare alias names
        for name in ("org_suffixes.txt", "local_bodies.tsv"):
            for line in _read_data(name).splitlines():
                if not line.strip() or line.startswith("#"):
                    continue
                suffix, kind = (line.split("\t") + [""])[:2]
                suffixes.setdefault(suffix.strip(), kind.strip() or "Organization")
        for org in orgs:
            for alias in org.generic_aliases:
                suffixes.setdefault(alias, org.kind)
        return cls(orgs, suffixes.items())

    def __len__(self) -> int:
        return len(self.orgs)

    def __iter__(self):
        return iter(self.orgs)

    def lookup(self, name: str) -> Org | None:
        """By canonical name or any alias (exact string)."""
        return self._by_name.get(name.strip())

    def parent(self, org: Org) -> Org | None:
        return self._by_name.get(org.parent) if org.parent else None

    def find(self, text: str) -> list[tuple[int, int, str, Org]]:
        """Known organisation names in ``text``: (start, end, surface, org), leftmost-longest.

        A short alias that lies inside a longer organisation name is no match: the name goes on
        past the alias to a head noun of its own (国航 in 中国航空发动机集团)."""
        if self._matcher is None:
            self._matcher = Matcher(self._by_name)
        out: list[tuple[int, int, str, Org]] = []
        pos = 0
        for hit in self._matcher.find_all(text):
            # 财政部门, 教育部门 are "the finance (education) departments" of any level
            if hit[2].endswith("部") and text.startswith("门", hit[1]):
                continue
            if hit[0] >= pos and not self._inside_longer_name(text, hit):
                out.append(hit)
                pos = hit[1]
        return out

    def _inside_longer_name(self, text: str, hit: tuple[int, int, str, Org]) -> bool:
        start, end, surface, org = hit
        # A full name or an alias with a head noun of its own (工信部, 发改委) names the body
        # even when more words follow (工信部规划司); only a bare short form (国航, 央视, and
        # 国网 whose 网 heads no name) can be the middle of another name. At the start of a
        # name (国家发展改革委产业发展司, 新华社上海分社) the body is named and its unit follows.
        if surface == org.name or self._has_head(surface) or start == 0 \
                or not _is_han(text[start - 1]) or text[start - 1] in _NOT_IN_NAME:
            return False
        rest = ""
        for ch in text[end:end + _LONGER_NAME_REACH]:
            if not _is_han(ch) or ch in _NOT_IN_NAME:
                break
            rest += ch
            suffix = self.suffix_of(rest)
            if suffix and len(rest) - len(suffix[0]) >= 2:  # 国航航班 is no name
                return True
        return False

    def _has_head(self, alias: str) -> bool:
        """工信部 (工信 + 部), 发改委 (a head itself); not 国网 (one character before 网)."""
        suffix = self.suffix_of(alias)
        return suffix is not None and (alias == suffix[0] or len(alias) - len(suffix[0]) >= 2)

    def suffix_of(self, name: str) -> tuple[str, str] | None:
        """The longest known head noun ``name`` ends with: (suffix, kind), or None."""
        for suffix, kind in self.suffixes:
            if name.endswith(suffix):
                return suffix, kind
        return None
