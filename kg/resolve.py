"""Mentions -> canonical entities with stable keys; facts -> facts between entity keys.

Keys (and so IRIs) come from what a thing is, never from Python's hash():
- places in the gazetteer: their GB/T 2260 code; other places (venues): their name;
- organisations in the gazetteer: their full name (工信部 -> 工业和信息化部); relative names
  such as 省委 or 市政府: their name within the article, since they differ between articles;
- people: their name plus the first organisation the article says they work for, so that two
  people with one name in different organisations stay apart. A name with no organisation in
  an article is keyed by the name alone;
- events, documents and titles: their normalised name (quotes and widths ignored).

Within one article a later, shorter name of an unknown organisation that ends a longer one
(发展研究院 after 某大学发展研究院, 省委 after 某省委) is the same organisation.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from kg.model import Entity, Fact, Mention, Value
from kg.resources import Resources
from kg.text.normalize import fold, name_key

_FAMILY = {"Person": "person", "Organization": "org", "GovernmentBody": "org",
           "Place": "place", "Province": "place", "City": "place", "County": "place",
           "Event": "event", "Document": "doc", "Title": "title"}
_KIND_RANK = {"Organization": 0, "GovernmentBody": 1, "Place": 0, "Province": 1, "City": 1,
              "County": 1}
_LEVEL_KIND = {"province": "Province", "prefecture": "City", "county": "County"}


@dataclass(frozen=True)
class ResolvedFact:
    subject: str
    predicate: str
    object: str | Value
    fact: Fact


def mention_key(mention: Mention, person_orgs: dict[str, str],
                short_names: dict[str, str] | None = None) -> str:
    family = _FAMILY.get(mention.kind, "thing")
    if family == "org" and short_names and mention.key in short_names:
        return f"org/{short_names[mention.key]}"
    if family == "person":
        org = person_orgs.get(mention.text)
        return f"person/{mention.text}" + (f"@{org}" if org else "")
    if mention.key:
        return f"{family}/{mention.key}"
    return f"{family}/{name_key(mention.label)}"


Observation = tuple[str, str, str, str, str | None]  # key, kind, label, surface, code


def resolve(facts: Iterable[Fact], resources: Resources) -> tuple[dict[str, Entity], list[ResolvedFact]]:
    """All facts at once: per-article keys, then one entity per key."""
    observations: list[Observation] = []
    resolved: list[ResolvedFact] = []
    for article_facts in _by_article(facts).values():
        seen, done = resolve_article(article_facts)
        observations.extend(seen)
        resolved.extend(done)
    return merge(observations, resources), resolved


def resolve_article(facts: list[Fact]) -> tuple[list[Observation], list[ResolvedFact]]:
    """Keys for one article's mentions, and what each mention says about its entity."""
    short_names = _short_org_names(facts)
    person_orgs = _person_orgs(facts, short_names)
    observations: list[Observation] = []
    resolved: list[ResolvedFact] = []
    for fact, (subject, obj) in zip(facts, _as_written_all(facts)):
        article = fact.evidence.article_id
        article_orgs = person_orgs.get(article, {})
        shorts = short_names.get(article, {})
        s = _observe(observations, subject, article_orgs, shorts)
        o = obj if isinstance(obj, Value) else _observe(observations, obj, article_orgs, shorts)
        resolved.append(ResolvedFact(s, fact.predicate, o, fact))
    return observations, resolved


def _as_written_all(facts: list[Fact]) -> list[tuple[Mention, Mention | Value]]:
    """Each fact's subject and object labelled as the article writes them. A mention named
    away from its words (…开幕式 for the forum) takes the label its words gave elsewhere in
    the same article."""
    read = [(_as_written(f.subject, f),
             f.object if isinstance(f.object, Value) else _as_written(f.object, f)) for f in facts]
    labels: dict[tuple[str, str], str] = {}
    for fact, pair in zip(facts, read):
        for before, after in zip((fact.subject, fact.object), pair):
            if after is not before:
                labels.setdefault((fact.evidence.article_id, before.label), after.label)
    out = []
    for fact, (subject, obj) in zip(facts, read):
        article = fact.evidence.article_id
        subject = _relabel(fact.subject, subject, labels.get((article, fact.subject.label)))
        if not isinstance(obj, Value):
            obj = _relabel(fact.object, obj, labels.get((article, fact.object.label)))
        out.append((subject, obj))
    return out


def _relabel(before: Mention, after: Mention, label: str | None) -> Mention:
    """`after` if it was read in place, else `before` with the label the article gave it."""
    if after is not before or label is None:
        return after
    return replace(before, name=label) if before.name else replace(before, text=label)


def _as_written(mention: Mention, fact: Fact) -> Mention:
    """The mention with its text and name as the article writes them (中国—东盟, 施耐德（北京）):
    the rules read folded text, and only keys are folded; a label is what a person reads."""
    evidence = fact.evidence
    at, end = mention.start - evidence.start, mention.end - evidence.start
    if not (0 <= at < end <= len(evidence.sentence)):
        return mention
    original = evidence.sentence[at:end]
    if original == mention.text or len(original) != len(mention.text):
        return mention
    # character by character: where only folding differs the article's character stands;
    # where the script differs (traditional), the simplified one the rules read
    same = [fold(o) == t for o, t in zip(original, mention.text)]
    if sum(same) * 2 < len(same):
        return mention  # the span holds other words: the mention was not read here
    written = "".join(o if kept else t for o, t, kept in zip(original, mention.text, same))
    if written == mention.text:
        return mention
    name = mention.name
    if name is not None:
        inside = mention.text.find(name)
        name = written[inside:inside + len(name)] if inside >= 0 else name
    return replace(mention, text=written, name=name)


def merge(observations: Iterable[Observation], resources: Resources) -> dict[str, Entity]:
    """One entity per key, whatever article saw it; places get their parents from the gazetteer."""
    entities: dict[str, _Builder] = {}
    for key, kind, label, surface, code in observations:
        builder = entities.get(key)
        if builder is None:
            builder = entities[key] = _Builder(key, kind, label)
            builder.code = code
        builder.see(kind, surface)
    _add_place_parents(entities, resources)
    _add_org_aliases(entities, resources)
    return {k: b.build() for k, b in sorted(entities.items())}


def _by_article(facts: Iterable[Fact]) -> dict[str, list[Fact]]:
    out: dict[str, list[Fact]] = {}
    for fact in facts:
        out.setdefault(fact.evidence.article_id, []).append(fact)
    return out


def _person_orgs(facts: list[Fact], short_names: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for fact in facts:
        if fact.predicate == "worksFor" and isinstance(fact.object, Mention):
            article = fact.evidence.article_id
            per_article = out.setdefault(article, {})
            org = fact.object.key or name_key(fact.object.label)
            org = short_names.get(article, {}).get(org, org)
            per_article.setdefault(fact.subject.text, org)
    return out


def _short_org_names(facts: list[Fact]) -> dict[str, dict[str, str]]:
    """Per article: key of a short unknown organisation name -> key of the longer one it ends."""
    names: dict[str, dict[str, str]] = {}
    for fact in facts:
        for m in (fact.subject, fact.object):
            if isinstance(m, Mention) and _FAMILY.get(m.kind) == "org" and m.key \
                    and m.name is None:
                # 省政府 is short for 浙江省人民政府 as much as for 浙江省政府
                names.setdefault(fact.evidence.article_id, {})[m.key] = name_key(
                    m.text).replace("人民政府", "政府")
    out: dict[str, dict[str, str]] = {}
    for article, keys in names.items():
        for key, name in keys.items():
            longer = [(len(n), k) for k, n in keys.items()
                      if len(n) > len(name) >= 2 and n.endswith(name)]
            if longer:
                out.setdefault(article, {})[key] = max(longer)[1]
    return out


class _Builder:
    def __init__(self, key: str, kind: str, label: str):
        self.key, self.kind, self.label = key, kind, label
        self.alt: list[str] = []
        self.code: str | None = None
        self.parent: str | None = None
        self.coordinates: tuple[float, float] | None = None

    def see(self, kind: str, surface: str) -> None:
        if _KIND_RANK.get(kind, 0) > _KIND_RANK.get(self.kind, 0):
            self.kind = kind
        if self.key.startswith("org/") and len(surface.strip()) > len(self.label):
            # an organisation is named by its fullest name (浙江省人民政府, not 省政府)
            self.label, surface = surface.strip(), self.label
        self.alias(surface)

    def alias(self, text: str) -> None:
        text = text.strip()
        if text and text != self.label and text not in self.alt:
            self.alt.append(text)

    def build(self) -> Entity:
        lat, lon = self.coordinates or (None, None)
        return Entity(self.key, self.kind, self.label, tuple(sorted(self.alt)), self.code,
                      self.parent, latitude=lat, longitude=lon)


def _observe(observations: list[Observation], mention: Mention, person_orgs: dict[str, str],
             short_names: dict[str, str]) -> str:
    key = mention_key(mention, person_orgs, short_names)
    code = mention.key if key.startswith("place/") and mention.key and mention.key.isdigit() \
        else None
    observations.append((key, mention.kind, mention.label, mention.text, code))
    return key


def _add_place_parents(entities: dict[str, _Builder], res: Resources) -> None:
    pending = [b for b in entities.values() if b.code]
    while pending:
        builder = pending.pop()
        place = res.places.get(builder.code)
        if place is None:
            continue
        builder.label = place.name
        builder.kind = _LEVEL_KIND.get(place.level, builder.kind)
        if place.lat is not None and place.lon is not None:
            builder.coordinates = (place.lat, place.lon)
        for alias in place.aliases:
            builder.alias(alias)
        if place.is_municipality:
            # `?city kg:locatedIn ?province` then lists every city's province-level unit,
            # municipalities included; nothing lies above them.
            builder.parent = builder.key
            continue
        parent = res.places.parent(place)
        if parent is None:
            continue
        parent_key = f"place/{parent.code}"
        builder.parent = parent_key
        if parent_key not in entities:
            new = entities[parent_key] = _Builder(parent_key, _LEVEL_KIND.get(parent.level, "Place"),
                                                  parent.name)
            new.code = parent.code
            pending.append(new)


def _add_org_aliases(entities: dict[str, _Builder], res: Resources) -> None:
    parents: dict[str, _Builder] = {}
    for builder in list(entities.values()):
        if not builder.key.startswith("org/"):
            continue
        org = res.orgs.lookup(builder.label)
        if org is None:
            continue
        builder.label = org.name
        for alias in org.aliases:
            builder.alias(alias)
        if org.parent:
            builder.parent = f"org/{org.parent}"
            if builder.parent not in entities and builder.parent not in parents:
                parent = res.orgs.lookup(org.parent)
                kind = parent.kind if parent else builder.kind
                parents[builder.parent] = _Builder(builder.parent, kind, org.parent)
    entities.update(parents)
