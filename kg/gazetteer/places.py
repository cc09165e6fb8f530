"""China's administrative divisions (GB/T 2260 codes): lookup, matching, disambiguation.

Data: ``kg/data/places.tsv`` (see ``kg/data/SOURCES.md``). Columns: code, name, level
(province|prefecture|county), parent, aliases (all other names, ``|``-separated), short
(the aliases that are short forms: 青岛, 黔南州, 黔南, 通山 ...), former (former names that now
resolve to this unit: 莱芜市 -> 莱芜区, 江干区 -> 上城区), abbr (one-character
abbreviations 沪 京 蓉 ...; read only where a rule expects a place, 在京举行), lat, lon.

Former names are *aliases of the current unit* (not separate entries): looking up 莱芜市
returns 济南市莱芜区 (370116). ``kg/data/places_former.tsv`` records the former code, year and
what happened.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files

from kg.gazetteer.matcher import Matcher

__all__ = ["Place", "PlaceGazetteer", "LEVELS"]

LEVELS = ("province", "prefecture", "county")
_DEPTH = {"province": 1, "prefecture": 2, "county": 3}


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    level: str
    parent: str | None
    aliases: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    short_forms: tuple[str, ...] = ()   # subset of aliases: short forms (青岛, 黔南州, 通山)
    former_names: tuple[str, ...] = ()  # subset of aliases: former names (莱芜市, 江干区)
    abbr: tuple[str, ...] = ()          # one-character abbreviations (provinces, a few cities)

    @property
    def depth(self) -> int:
        return _DEPTH[self.level]

    @property
    def is_municipality(self) -> bool:
        """A province-level city (直辖市: 北京市, 天津市, 上海市, 重庆市): its own province."""
        return self.level == "province" and self.name.endswith("市")


def _read_data(name: str) -> str:
    return (files("kg") / "data" / name).read_text(encoding="utf-8")


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v for v in (value or "").split("|") if v)


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


class PlaceGazetteer:
    """All provincial, prefecture- and county-level units, indexed by code and by name.

    Surface kinds (used for ranking candidates): official name (0), former official name (1),
    short form (2). ``find(short_forms=False)`` only matches kinds 0 and 1. Short forms listed
    in ``kg/data/place_alias_stop.txt`` (common words such as 和平, 新建, 资源, 东方) are never
    matched in free text by ``find``; ``lookup``/``resolve`` still know them.
    """

    def __init__(self, places: Iterable[Place], stop_short: Iterable[str] = ()):
        self._by_code: dict[str, Place] = {}
        self._by_name: dict[str, list[tuple[int, Place]]] = {}
        for p in places:
            self._by_code[p.code] = p
        for p in self._by_code.values():
            self._index(p.name, 0, p)
            for a in p.former_names:
                self._index(a, 1, p)
            for a in p.short_forms:
                self._index(a, 2, p)
            for a in p.aliases:  # aliases that are neither short nor former
                if a not in p.short_forms and a not in p.former_names:
                    self._index(a, 1, p)
        for cands in self._by_name.values():
            cands.sort(key=lambda kp: (kp[0], kp[1].depth, kp[1].code))
        self.stop_short: frozenset[str] = frozenset(stop_short)
        self._matchers: dict[bool, Matcher[list[Place]]] = {}

    def _index(self, surface: str, kind: int, place: Place) -> None:
        cands = self._by_name.setdefault(surface, [])
        for i, (k, p) in enumerate(cands):
            if p.code == place.code:
                if kind < k:
                    cands[i] = (kind, place)
                return
        cands.append((kind, place))

    @classmethod
    def load(cls) -> "PlaceGazetteer":
        rows = csv.DictReader(io.StringIO(_read_data("places.tsv")), delimiter="\t")
        places = [
            Place(
                code=r["code"],
                name=r["name"],
                level=r["level"],
                parent=r["parent"] or None,
                aliases=_split(r.get("aliases")),
                lat=_float(r.get("lat")),
                lon=_float(r.get("lon")),
                short_forms=_split(r.get("short")),
                former_names=_split(r.get("former")),
                abbr=_split(r.get("abbr")),
            )
            for r in rows
        ]
        stop = [
            line.split("#", 1)[0].strip()
            for line in _read_data("place_alias_stop.txt").splitlines()
        ]
        return cls(places, (s for s in stop if s))

    # -- basic access -----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self):
        return iter(self._by_code.values())

    def get(self, code: str) -> Place | None:
        return self._by_code.get(code)

    def parent(self, place: Place) -> Place | None:
        return self._by_code.get(place.parent) if place.parent else None

    def ancestors(self, place: Place) -> list[Place]:
        """From the parent up to the province (excluding ``place`` itself)."""
        out = []
        p = self.parent(place)
        while p is not None:
            out.append(p)
            p = self.parent(p)
        return out

    def province(self, place: Place) -> Place:
        chain = self.ancestors(place)
        return chain[-1] if chain else place

    def children(self, place: Place) -> list[Place]:
        return [p for p in self._by_code.values() if p.parent == place.code]

    def contains(self, outer: Place, inner: Place) -> bool:
        """True when ``inner`` is ``outer`` or lies inside it."""
        return inner.code == outer.code or any(a.code == outer.code for a in self.ancestors(inner))

    # -- names ------------------------------------------------------------------------------
    def lookup(self, name: str) -> list[Place]:
        """All units known by ``name`` (official, former or short form), best first:
        official-name matches, then former names, then short forms; within each, higher
        level first."""
        return [p for _, p in self._by_name.get(name.strip(), ())]

    def is_short(self, surface: str) -> bool:
        """True when ``surface`` is only a short form (no unit's official or former name)."""
        cands = self._by_name.get(surface)
        return bool(cands) and all(k == 2 for k, _ in cands)

    def _matcher(self, short_forms: bool) -> Matcher[list[Place]]:
        m = self._matchers.get(short_forms)
        if m is None:
            entries: dict[str, list[Place]] = {}
            for surface, cands in self._by_name.items():
                kinds = [k for k, _ in cands]
                if not short_forms or surface in self.stop_short:
                    if min(kinds) == 2:
                        continue
                entries[surface] = [p for _, p in cands]
            m = self._matchers[short_forms] = Matcher(entries)
        return m

    def find(self, text: str, *, short_forms: bool = True) -> list[tuple[int, int, str, list[Place]]]:
        """Place names in ``text``, leftmost-longest: (start, end, surface, candidates)."""
        return self._matcher(short_forms).find(text)

    # -- disambiguation ---------------------------------------------------------------------
    def _affinity(self, cand: Place, ctx: Place) -> int:
        """How strongly a context place supports a candidate (0 = not at all)."""
        if cand.code == ctx.code:
            return 10
        cand_chain = [cand, *self.ancestors(cand)]
        ctx_chain = [ctx, *self.ancestors(ctx)]
        if any(a.code == ctx.code for a in cand_chain):  # candidate inside the context place
            return 5 + ctx.depth
        if any(a.code == cand.code for a in ctx_chain):  # candidate contains the context place
            return 5 + cand.depth
        ctx_codes = {a.code for a in ctx_chain}
        common = [a for a in cand_chain if a.code in ctx_codes]
        return common[0].depth if common else 0

    def resolve(self, name: str, context: Iterable[Place | str] = ()) -> Place | None:
        """Pick one unit for ``name``.

        1. a single candidate wins;
        2. otherwise the candidate best supported by ``context`` (inside a context place, or
           containing it, or sharing the deepest ancestor with it) wins if unique;
        3. otherwise among the best-kind candidates (official name > former > short form)
           the highest level wins if unique (朝阳 -> 朝阳市 over the 朝阳区s; 吉林 -> 吉林省);
        4. else None (still ambiguous, e.g. 通州区 without context).

        ``context`` holds places (or their codes) already known from the same text.
        """
        cands = self._by_name.get(name.strip(), [])
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0][1]
        ctx = [self._by_code.get(c) if isinstance(c, str) else c for c in context]
        ctx = [c for c in ctx if c is not None]
        if ctx:
            scored = [(max(self._affinity(p, c) for c in ctx), p) for _, p in cands]
            best = max(s for s, _ in scored)
            if best > 0:
                top = [p for s, p in scored if s == best]
                if len(top) == 1:
                    return top[0]
                cands = [(k, p) for k, p in cands if p in top]
        best_kind = min(k for k, _ in cands)
        tier = [p for k, p in cands if k == best_kind]
        top_depth = min(p.depth for p in tier)
        top = [p for p in tier if p.depth == top_depth]
        return top[0] if len(top) == 1 else None

    def resolve_path(self, text: str) -> Place | None:
        """Most specific unit named by an address-like string: 山东省青岛市 -> 青岛市,
        湖北省恩施州 -> 恩施土家族苗族自治州, 上海市青浦区 -> 青浦区, 北京通州 -> 通州区 (Beijing).
        Each later part must lie inside the earlier one; returns None if nothing resolves."""
        current: Place | None = None
        for _, _, surface, cands in self.find(text, short_forms=True):
            if current is not None:
                inside = [p for p in cands if self.contains(current, p) and p.code != current.code]
                if not inside:
                    continue
                picked = (
                    inside[0]
                    if len(inside) == 1
                    else self.resolve(surface, [current]) if surface else None
                )
                if picked is None or not self.contains(current, picked):
                    continue
                current = picked
            else:
                current = self.resolve(surface)
        return current
