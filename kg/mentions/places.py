"""Places: administrative divisions from the gazetteer, written alone, as paths (山东省青岛市) or
in lists under a province (北京市石景山区、门头沟区); other named places (venues) as written."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extractors import base
from kg.mentions import orgs
from kg.model import Article, Mention, Sentence
from kg.resources import Resources
from kg.text.normalize import fold, name_key

_TOWN = ("镇", "乡", "村", "街道")
_SEPARATORS = re.compile(r"^[、，,;；\s和及与]*$")


@dataclass(frozen=True)
class PlaceItem:
    start: int
    end: int
    surface: str       # as written, without the context path before it
    place: object      # kg.gazetteer.Place


def items(text: str, res: Resources, *, short_forms: bool = True) -> list[PlaceItem]:
    """The places a list names, most specific ones only: in 湖北省咸宁市通山县、黄冈市英山县 the
    items are 通山县 and 英山县; 湖北省, 咸宁市 and 黄冈市 are the path that places them."""
    key = ("places", text, short_forms)
    if key not in res.memo:
        res.memo[key] = _items(text, res, short_forms)
    return res.memo[key]


def _items(text: str, res: Resources, short_forms: bool) -> list[PlaceItem]:
    found = res.places.find(text, short_forms=short_forms)
    out: list[PlaceItem] = []
    context: list = []
    for i, (start, end, surface, candidates) in enumerate(found):
        place = res.places.resolve(surface, context)
        if place is None:
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        # 山东省青岛市, 山东省 青岛市, and a list under its province: 江苏省：苏州市、扬州市
        if nxt and nxt[0] - end <= 1 and text[end:nxt[0]].strip() in ("", "：", ":"):
            inner = res.places.resolve(nxt[2], [place, *context])
            if inner is not None and res.places.contains(place, inner):
                context = [place, *context]
                continue
        out.append(PlaceItem(start, end, surface, place))
        context = [place, *[c for c in context if res.places.contains(c, place)]]
    return out


def mention_for(item: PlaceItem, sentence: Sentence) -> Mention:
    place = item.place
    return Mention(item.surface, base.place_kind(place.level),
                   *base.span(sentence, item.start, item.end), key=place.code, name=place.name)


def mention(text: str, article: Article, sentence: Sentence, start: int, end: int,
            res: Resources) -> Mention | None:
    """A place written as `text` (sentence offsets start..end): a division, or a venue."""
    first = res.places.find(text)
    # 浙江省乌镇: a town or village, below the gazetteer's counties, is named as written;
    # 某市会展中心 is a venue in 某市
    town = first and text.endswith(_TOWN) and first[-1][1] < len(text)
    whole = res.places.resolve_path(text) if first and first[0][0] == 0 and not town else None
    if whole is not None:
        return Mention(text, base.place_kind(whole.level), *base.span(sentence, start, end),
                       key=whole.code, name=whole.name)
    found = items(text, res)
    if found and found[0].start == 0 and found[-1].end == len(text) and len(found) == 1:
        return mention_for(found[0], sentence)
    if len(text) == 1:
        # 在京举行, 在蓉开幕: a province or a city by its one-character abbreviation
        place = _abbreviations(res).get(text)
        if place is None:
            return None
        return Mention(text, base.place_kind(place.level), *base.span(sentence, start, end),
                       key=place.code, name=place.name)
    return Mention(text, "Place", *base.span(sentence, start, end), key="venue/" + name_key(text))


def abbreviation(text: str, res: Resources):
    """The province or city a one-character abbreviation names (沪, 京, 蓉), or None."""
    return _abbreviations(res).get(text)


def _abbreviations(res: Resources) -> dict:
    table = res.index.get("place_abbr")
    if table is None:
        table = res.index["place_abbr"] = {a: p for p in res.places for a in p.abbr}
    return table


_LEVEL_ENDS = {"省": ("province",), "市": ("prefecture", "province", "county"), "州": ("prefecture",),
               "县": ("county",), "区": ("county",)}


def article_place(article: Article, level: str, res: Resources):
    """The place of the given level (省, 市, 县, 区, 州) the article is about: the one it names
    most often, at least twice, or the one its headline or its source names; None when none
    stands out.
    市 in 市政府 is a city of any level (永城市委书记甲、市长乙) or a municipality."""
    key = ("article_place", article.id, article.text, article.sources, level)
    if key in res.memo:
        return res.memo[key]
    counts: dict[str, int] = {}
    by_code: dict[str, object] = {}
    full: set[str] = set()  # places written with their full name at least once
    # 来源：某县人民政府网: a local government's own site reports its own place
    named_by = [fold(article.title or "")] + [fold(s) for s in article.sources]
    for text in named_by + res.texts(article):
        for item in items(text, res):
            if _inside_a_name(text, item, res):
                continue  # 西林电气集团: a company's name, not where the article is
            # 青岛 speaks for 山东省 too: a place counts for the divisions above it
            for place in _with_parents(item.place, res):
                if place.level in _LEVEL_ENDS.get(level, ()) and place.name.endswith(level):
                    counts[place.code] = counts.get(place.code, 0) + 1
                    by_code[place.code] = place
                    if item.surface.endswith(place.name) or place is not item.place:
                        full.add(place.code)
    headline = {p.code for text in named_by for i in items(text, res)
                for p in _with_parents(i.place, res)}
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    best = None
    if ranked and (counts[ranked[0]] >= 2 or ranked[0] in headline
                   or len(ranked) == 1 and ranked[0] in full) and (
            len(ranked) == 1 or counts[ranked[0]] > counts[ranked[1]]):
        best = by_code[ranked[0]]
    res.memo[key] = best
    return best


def _with_parents(place, res: Resources) -> list:
    out = []
    while place is not None and len(out) < 4:
        out.append(place)
        place = res.places.parent(place)
    return out


def _inside_a_name(text: str, item: PlaceItem, res: Resources) -> bool:
    """A place written short and run on into an organisation's head noun (西林电气集团)."""
    if item.surface == item.place.name:
        return False
    rest = re.split(r"[，,。；;：:、\s（）()“”]", text[item.end:item.end + 12], maxsplit=1)[0]
    pattern = res.index.get("org_head_noun_search")
    if pattern is None:
        pattern = res.index["org_head_noun_search"] = re.compile(orgs.head_nouns(res))
    return pattern.search(rest) is not None
