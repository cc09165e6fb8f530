"""Entities and facts -> RDF in the kg vocabulary: the one place that makes triples.

Every relation is a plain triple. Beside it, each piece of evidence is an rdf:Statement (RDF
reification, which every store and format understands) naming the triple, the article
(prov:wasDerivedFrom), the sentence (kg:sentence), its offsets and the extractor.

Triples are pyoxigraph terms: they serialise fast and strictly. An article's triples come as
quads in a graph named after the article (TriG keeps it; Turtle drops it); entity descriptions
are triples of the default graph. `build` gives the same as an rdflib Graph.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import Graph

from kg.model import Article, Entity, Value
from kg.resolve import ResolvedFact
from kg.text.dates import SHANGHAI
from kg.vocab import NAMESPACE

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_SCHEMA = "https://schema.org/"
_PROV = "http://www.w3.org/ns/prov#"
_DCTERMS = "http://purl.org/dc/terms/"
_FAMILIES = ("person", "org", "place", "event", "doc", "title", "article", "statement")

# Standard types beside ours, so that a schema.org-only consumer sees the data without a
# reasoner: each kg class's schema.org class, and each relation's schema.org super-property
# (True: the schema.org property runs the other way, as owl:inverseOf in ontology/kg.ttl).
# tests/test_schema_types.py checks both tables against the alignment in ontology/kg.ttl.
SCHEMA_CLASSES = {
    "Person": "Person", "Organization": "Organization",
    "GovernmentBody": "GovernmentOrganization", "Place": "Place", "Province": "Place",
    "City": "Place", "County": "Place", "Event": "Event", "Document": "CreativeWork",
}
SCHEMA_PROPERTIES = {
    "awardedTitle": ("award", False), "publishes": ("publisher", True),
    "speaksAt": ("attendee", True), "attends": ("attendee", True),
    "worksFor": ("worksFor", False), "jobTitle": ("jobTitle", False),
    "heldIn": ("location", False), "heldOn": ("startDate", False),
    "organizedBy": ("organizer", False), "locatedIn": ("containedInPlace", False),
    "partOf": ("parentOrganization", False),
}

_SAFE_ASCII = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
# Characters a Turtle prefixed name may hold (PN_CHARS_BASE of the Turtle grammar), so that
# whatever rdflib abbreviates stays valid for strict parsers.
_PN_RANGES = ((0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x2FF), (0x370, 0x37D), (0x37F, 0x1FFF),
              (0x2070, 0x218F), (0x2C00, 0x2FEF), (0x3001, 0xD7FF), (0xF900, 0xFDCF),
              (0xFDF0, 0xFFFD), (0x10000, 0xEFFFF))
_CONTROL = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)])
_CONTROL.update({0x2028: "\n", 0x2029: "\n"})
# Names in Han characters and ASCII letters need no per-character check (most keys are these).
_PLAIN_SEGMENT = re.compile(r"[a-zA-Z0-9_\u4e00-\u9fff]+")


def _name_char(ch: str) -> bool:
    if ch in _SAFE_ASCII or "\u4e00" <= ch <= "\u9fff":
        return True
    code = ord(ch)
    return (unicodedata.category(ch)[0] in "LN"
            and any(lo <= code <= hi for lo, hi in _PN_RANGES))


def iri_segment(text: str) -> str:
    """`text` as one readable IRI path segment: letters and digits of any script are kept,
    everything else is percent-encoded, so any input gives a valid IRI and prefixed name."""
    text = unicodedata.normalize("NFC", text)
    if _PLAIN_SEGMENT.fullmatch(text):
        return text
    out = []
    for ch in text:
        out.append(ch if _name_char(ch) else "".join(f"%{b:02X}" for b in ch.encode("utf-8")))
    return "".join(out) or "_"


def text(value: str) -> str:
    """Literal text without control characters (they are not text, and strict parsers reject
    some of them even escaped)."""
    return value.translate(_CONTROL)


def entity_iri(base: str, key: str) -> str:
    family, _, rest = key.partition("/")
    # person/韩夏@工业和信息化部 -> person/韩夏_工业和信息化部: readable, and still one segment
    return f"{base}{family}/" + "_".join(iri_segment(p) for p in rest.split("@"))


def article_iri(base: str, article_id: str) -> str:
    return f"{base}article/{article_id}"


def prefixes(base: str) -> dict[str, str]:
    out = {"kg": NAMESPACE, "rdf": _RDF, "rdfs": _RDFS, "xsd": _XSD, "skos": _SKOS,
           "schema": _SCHEMA, "prov": _PROV, "dcterms": _DCTERMS}
    out.update({family: f"{base}{family}/" for family in _FAMILIES})
    return out


class Terms:
    """NamedNodes made once and reused (a graph repeats the same few thousand IRIs)."""

    def __init__(self, base: str):
        self.base = base
        self._nodes: dict[str, ox.NamedNode] = {}
        self._groups: dict[tuple[str, ...], tuple[ox.NamedNode, ...]] = {}
        self._zh: dict[str, ox.Literal] = {}

    def iri(self, value: str) -> ox.NamedNode:
        node = self._nodes.get(value)
        if node is None:
            node = self._nodes[value] = ox.NamedNode(value)
        return node

    def kg(self, local: str) -> ox.NamedNode:
        return self.iri(NAMESPACE + local)

    def group(self, values: tuple[str, ...]) -> tuple[ox.NamedNode, ...]:
        """The nodes of a fixed tuple of IRIs, looked up once (every evidence statement
        needs the same dozen)."""
        nodes = self._groups.get(values)
        if nodes is None:
            nodes = self._groups[values] = tuple(self.iri(v) for v in values)
        return nodes

    def zh(self, value: str) -> ox.Literal:
        """zh(value), made once: an article's facts share their sentences."""
        literal = self._zh.get(value)
        if literal is None:
            literal = self._zh[value] = zh(value)
        return literal

    def entity(self, key: str) -> ox.NamedNode:
        node = self._nodes.get(key)
        if node is None:
            node = self._nodes[key] = self.iri(entity_iri(self.base, key))
        return node


def zh(value: str) -> ox.Literal:
    return ox.Literal(text(value), language="zh")


def entity_triples(entities: dict[str, Entity], terms: Terms,
                   schema_types: bool = True, known=None) -> list[ox.Triple]:
    """`known`: when `entities` is one batch of a graph's entities, the keys of the graph's
    entities that are parents (a parent's link is written only if it is an entity)."""
    known = entities if known is None else known
    out: list[ox.Triple] = []
    for key in sorted(entities):
        entity = entities[key]
        node = terms.entity(key)
        out.append(ox.Triple(node, terms.iri(_RDF + "type"), terms.kg(entity.kind)))
        if schema_types and entity.kind in SCHEMA_CLASSES:
            out.append(ox.Triple(node, terms.iri(_RDF + "type"),
                                 terms.iri(_SCHEMA + SCHEMA_CLASSES[entity.kind])))
        out.append(ox.Triple(node, terms.iri(_RDFS + "label"), zh(entity.label)))
        for alt in entity.alt_labels:
            out.append(ox.Triple(node, terms.iri(_SKOS + "altLabel"), zh(alt)))
        if entity.code:
            out.append(ox.Triple(node, terms.kg("code"), ox.Literal(entity.code)))
        if entity.latitude is not None and entity.longitude is not None:
            decimal = terms.iri(_XSD + "decimal")
            out.append(ox.Triple(node, terms.iri(_SCHEMA + "latitude"),
                                 ox.Literal(f"{entity.latitude:.6f}", datatype=decimal)))
            out.append(ox.Triple(node, terms.iri(_SCHEMA + "longitude"),
                                 ox.Literal(f"{entity.longitude:.6f}", datatype=decimal)))
        if entity.parent and entity.parent in known:
            relation = "locatedIn" if key.startswith("place/") else "partOf"
            triple = ox.Triple(node, terms.kg(relation), terms.entity(entity.parent))
            out.append(triple)
            if schema_types:
                out.extend(schema_super_triples(triple, relation, terms))
    return out


def schema_super_triples(triple: ox.Triple, relation: str, terms: Terms) -> list[ox.Triple]:
    """The fact again with the relation's schema.org super-property (turned round when the
    alignment is an inverse); nothing when the ontology aligns none."""
    if relation not in SCHEMA_PROPERTIES:
        return []
    name, inverse = SCHEMA_PROPERTIES[relation]
    prop = terms.iri(_SCHEMA + name)
    if inverse:
        if isinstance(triple.object, ox.Literal):
            return []
        return [ox.Triple(triple.object, prop, triple.subject)]
    return [ox.Triple(triple.subject, prop, triple.object)]


def article_quads(article: Article, facts: Iterable[ResolvedFact], terms: Terms,
                  relations: bool = True) -> list[ox.Quad]:
    """The article's triples (see article_triples) in a graph named after the article."""
    node = terms.iri(article_iri(terms.base, article.id))
    return [ox.Quad(t.subject, t.predicate, t.object, node)
            for t in article_triples(article, facts, terms, relations)]


def article_triples(article: Article, facts: Iterable[ResolvedFact], terms: Terms,
                    relations: bool = True) -> list[ox.Triple]:
    """The article's node and metadata, its evidence statements and (with `relations`) its
    facts; each triple once."""
    node = terms.iri(article_iri(terms.base, article.id))
    triples = _article(node, article, terms)
    seen: set = set()
    # A statement's triples all have its own node as subject, so they can only repeat those
    # of the same node: a new node's triples go in without a look-up each (most facts).
    statements: dict[ox.NamedNode, list | set] = {}
    mentions = terms.iri(_SCHEMA + "mentions")
    for rf in facts:
        s = terms.entity(rf.subject)
        p = terms.kg(rf.predicate)
        o = _object(rf.object, terms)
        fact_triples = [ox.Triple(s, p, o)] if relations else []
        for key in (rf.subject, rf.object):
            if isinstance(key, str):
                fact_triples.append(ox.Triple(node, mentions, terms.entity(key)))
        for triple in fact_triples:
            if triple not in seen:
                seen.add(triple)
                triples.append(triple)
        statement = _statement(s, p, o, rf, node, terms)
        known = statements.get(statement[0].subject)
        if known is None:
            statements[statement[0].subject] = statement
            triples.extend(statement)
            continue
        if not isinstance(known, set):
            known = statements[statement[0].subject] = set(known)
        for triple in statement:
            if triple not in known:
                known.add(triple)
                triples.append(triple)
    return triples


def relation_triples(facts: Iterable[tuple[str, str, object]], terms: Terms,
                     schema_types: bool = True, ordered: bool = False) -> list[ox.Triple]:
    """Each (subject key, relation, object key or Value) once, in a stable order, each followed
    by its schema.org super-property triple (see SCHEMA_PROPERTIES) unless `schema_types` is
    off. `ordered`: the facts are distinct and in that order already (shards.relations)."""
    if not ordered:
        distinct = {(s, p, o if isinstance(o, str) else (o.text, o.datatype)): o
                    for s, p, o in facts}
        facts = [(s, p, o) for (s, p, _), o in sorted(distinct.items(),
                                                       key=lambda item: repr(item[0]))]
    out: list[ox.Triple] = []
    seen: set[ox.Triple] = set()  # speaksAt and attends share schema:attendee
    for s, p, o in facts:
        triple = ox.Triple(terms.entity(s), terms.kg(p), _object(o, terms))
        out.append(triple)
        if schema_types:
            for extra in schema_super_triples(triple, p, terms):
                if extra not in seen:
                    seen.add(extra)
                    out.append(extra)
    return out


def _article(node: ox.NamedNode, article: Article, terms: Terms) -> list[ox.Triple]:
    out = [ox.Triple(node, terms.iri(_RDF + "type"), terms.kg("Article")),
           ox.Triple(node, terms.iri(_RDFS + "label"), zh(article.title)),
           ox.Triple(node, terms.iri(_SCHEMA + "headline"), zh(article.title)),
           ox.Triple(node, terms.iri(_SCHEMA + "identifier"), ox.Literal(article.id))]
    if article.published:
        out.append(ox.Triple(node, terms.iri(_SCHEMA + "datePublished"),
                             ox.Literal(_local_time(article.published),
                                        datatype=terms.iri(_XSD + "dateTime"))))
    for predicate, value in ((_SCHEMA + "publisher", article.publisher),
                             (_SCHEMA + "editor", article.editor),
                             (_SCHEMA + "alternativeHeadline", article.original_title)):
        if value:
            out.append(ox.Triple(node, terms.iri(predicate), zh(value)))
    for source in article.sources:
        out.append(ox.Triple(node, terms.iri(_DCTERMS + "source"), zh(source)))
    for category in article.categories:
        out.append(ox.Triple(node, terms.iri(_SCHEMA + "articleSection"), zh(category)))
    if article.url:
        out.append(ox.Triple(node, terms.iri(_SCHEMA + "url"),
                             ox.Literal(text(article.url), datatype=terms.iri(_XSD + "anyURI"))))
    return out


def _local_time(published) -> str:
    return published.astimezone(SHANGHAI).replace(microsecond=0).isoformat()


def _object(obj: str | Value, terms: Terms):
    if isinstance(obj, Value):
        if obj.datatype == "date":
            kind = "date" if len(obj.text) == 10 else "gYearMonth"
            return ox.Literal(obj.text, datatype=terms.iri(_XSD + kind))
        return zh(obj.text)
    return terms.entity(obj)


_STATEMENT_TERMS = (_RDF + "type", _RDF + "Statement", _RDF + "subject", _RDF + "predicate",
                    _RDF + "object", NAMESPACE + "sentence", NAMESPACE + "startOffset",
                    NAMESPACE + "endOffset", NAMESPACE + "extractor", _PROV + "wasDerivedFrom",
                    _XSD + "integer")


def _statement(s, p, o, rf: ResolvedFact, article_node, terms: Terms) -> list[ox.Triple]:
    ev = rf.fact.evidence
    digest = hashlib.sha256("\x1f".join(
        [s.value, p.value, str(o), ev.article_id, str(ev.start), str(ev.end), ev.extractor]
    ).encode("utf-8")).hexdigest()[:20]
    node = terms.iri(f"{terms.base}statement/{digest}")
    # the predicates from one tuple: this runs for every fact of every article
    (rdf_type, statement, subject, predicate, obj, sentence, start, end, extractor, derived,
     integer) = terms.group(_STATEMENT_TERMS)
    triple = ox.Triple
    return [
        triple(node, rdf_type, statement),
        triple(node, subject, s),
        triple(node, predicate, p),
        triple(node, obj, o),
        triple(node, sentence, terms.zh(ev.sentence)),
        triple(node, start, ox.Literal(str(ev.start), datatype=integer)),
        triple(node, end, ox.Literal(str(ev.end), datatype=integer)),
        triple(node, extractor, ox.Literal(ev.extractor)),
        triple(node, derived, article_node),
    ]


VIEW_EVIDENCE = 5  # evidence sentences per fact that the view's entity panel shows
VIEW_VALUES = 10  # values per entity and relation in the view of a graph too big to show whole


def view_triples(entities: dict[str, Entity], facts: Iterable[tuple], articles: Iterable[Article],
                 terms: Terms, keep: set[str] | None = None,
                 max_values: int | None = None) -> list[ox.Triple]:
    """What the HTML view needs: entities, relations with up to VIEW_EVIDENCE evidence
    sentences each, and the articles' headlines, dates, URLs and file names (schema:archivedAt,
    the file the article was read from: the view's panel names it; the graph file does not).
    With `keep`, only those entities and the relations between them. With `max_values`, at
    most that many values (literals: titles, dates ...) per entity and relation, the first in
    input order: the relations between kept entities are bounded by their number, their values
    are not (at 10,000 articles, a few people's titles were most of the view's facts)."""
    if keep is not None:
        entities = {k: e for k, e in entities.items() if k in keep}
    triples = entity_triples(entities, terms, schema_types=False)
    for article in articles:
        node = terms.iri(article_iri(terms.base, article.id))
        triples.append(ox.Triple(node, terms.iri(_RDF + "type"), terms.kg("Article")))
        triples.append(ox.Triple(node, terms.iri(_SCHEMA + "headline"), zh(article.title)))
        triples.extend(t for t in _article(node, article, terms)
                       if t.predicate.value in (_SCHEMA + "datePublished", _SCHEMA + "url",
                                                _SCHEMA + "publisher"))
        if article.path:
            triples.append(ox.Triple(node, terms.iri(_SCHEMA + "archivedAt"),
                                     ox.Literal(text(_file_name(article.path)))))
    seen: dict[tuple, set] = {}
    values: dict[tuple[str, str], int] = {}
    for subject, predicate, obj, sentence, article_id in facts:
        if keep is not None and (subject not in keep or isinstance(obj, str) and obj not in keep):
            continue
        s, p, o = terms.entity(subject), terms.kg(predicate), _object(obj, terms)
        said = seen.get((s, p, o))
        if said is not None and (len(said) >= VIEW_EVIDENCE or (sentence, article_id) in said):
            continue
        if said is None and max_values is not None and not isinstance(obj, str):
            if values.get((subject, predicate), 0) >= max_values:
                continue
            values[(subject, predicate)] = values.get((subject, predicate), 0) + 1
        if said is None:
            said = seen[(s, p, o)] = set()
            triples.append(ox.Triple(s, p, o))
        said.add((sentence, article_id))
        node = ox.BlankNode()
        triples += [ox.Triple(node, terms.iri(_RDF + "type"), terms.iri(_RDF + "Statement")),
                    ox.Triple(node, terms.iri(_RDF + "subject"), s),
                    ox.Triple(node, terms.iri(_RDF + "predicate"), p),
                    ox.Triple(node, terms.iri(_RDF + "object"), o),
                    ox.Triple(node, terms.kg("sentence"), zh(sentence)),
                    ox.Triple(node, terms.iri(_PROV + "wasDerivedFrom"),
                              terms.iri(article_iri(terms.base, article_id)))]
    return triples


def _file_name(path) -> str:
    # the file's name only: the page may be shared, the reader's folders are private
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]


def view_article_values(article: Article) -> list[tuple[str, str]]:
    """The values of the article's view triples (see view_triples) that the page's list of
    articles shows, by field: headline, date, url, publisher, file."""
    out = [("headline", text(article.title))]
    if article.published:
        out.append(("date", _local_time(article.published)))
    if article.url:
        out.append(("url", text(article.url)))
    if article.publisher:
        out.append(("publisher", text(article.publisher)))
    if article.path:
        out.append(("file", text(_file_name(article.path))))
    return out


def build(entities: dict[str, Entity], facts: Iterable[ResolvedFact], articles: Iterable[Article],
          base: str) -> Graph:
    """The whole graph as an rdflib Graph (for the library and for small inputs)."""
    terms = Terms(base)
    facts = list(facts)
    by_article: dict[str, list[ResolvedFact]] = {}
    for rf in facts:
        by_article.setdefault(rf.fact.evidence.article_id, []).append(rf)
    facts = list(facts)
    triples: list[ox.Triple] = entity_triples(entities, terms)
    triples.extend(relation_triples(((rf.subject, rf.predicate, rf.object) for rf in facts),
                                    terms))
    for article in articles:
        triples.extend(article_triples(article, by_article.get(article.id, ()), terms,
                                       relations=False))
    return to_rdflib(triples, base)


def to_rdflib(triples: Iterable[ox.Triple], base: str) -> Graph:
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    graph = Graph(bind_namespaces="core")
    graph.parse(data=data.decode("utf-8"), format="nt")
    for prefix, namespace in prefixes(base).items():
        graph.bind(prefix, namespace, replace=True)
    return graph
