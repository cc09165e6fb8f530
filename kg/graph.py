"""Entities and facts -> an rdflib Graph in the kg vocabulary: the one place that makes triples.

Every relation is a plain triple in the default graph. Beside it, each piece of evidence is an
rdf:Statement (RDF reification, which every store and format understands) naming the triple,
the article (prov:wasDerivedFrom), the sentence (kg:sentence), its offsets and the extractor.
"""
from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS

from kg.model import Article, Entity, Value
from kg.resolve import ResolvedFact
from kg.text.dates import SHANGHAI
from kg.vocab import KG, NAMESPACE, PROV, SCHEMA, term

_SAFE_ASCII = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
# Characters a Turtle prefixed name may hold (PN_CHARS_BASE of the Turtle grammar), so that
# whatever rdflib abbreviates stays valid for strict parsers.
_PN_RANGES = ((0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x2FF), (0x370, 0x37D), (0x37F, 0x1FFF),
              (0x2070, 0x218F), (0x2C00, 0x2FEF), (0x3001, 0xD7FF), (0xF900, 0xFDCF),
              (0xFDF0, 0xFFFD), (0x10000, 0xEFFFF))
_CONTROL = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)])
_CONTROL.update({0x2028: "\n", 0x2029: "\n"})


def _name_char(ch: str) -> bool:
    if ch in _SAFE_ASCII:
        return True
    code = ord(ch)
    return (unicodedata.category(ch)[0] in "LN"
            and any(lo <= code <= hi for lo, hi in _PN_RANGES))


def iri_segment(text: str) -> str:
    """`text` as one readable IRI path segment: letters and digits of any script are kept,
    everything else is percent-encoded, so any input gives a valid IRI and prefixed name."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        out.append(ch if _name_char(ch) else "".join(f"%{b:02X}" for b in ch.encode("utf-8")))
    return "".join(out) or "_"


def text(value: str) -> str:
    """Literal text without control characters (they are not text, and strict parsers reject
    some of them even escaped)."""
    return value.translate(_CONTROL)


def entity_iri(base: str, key: str) -> URIRef:
    family, _, rest = key.partition("/")
    # person/韩夏@工业和信息化部 -> person/韩夏_工业和信息化部: readable, and still one segment
    return URIRef(f"{base}{family}/" + "_".join(iri_segment(p) for p in rest.split("@")))


def article_iri(base: str, article: Article) -> URIRef:
    return URIRef(f"{base}article/{article.id}")


def build(entities: dict[str, Entity], facts: Iterable[ResolvedFact], articles: Iterable[Article],
          base: str) -> Graph:
    graph = Graph(bind_namespaces="core")
    _bind(graph, base)
    iris = {key: entity_iri(base, key) for key in entities}
    for key, entity in entities.items():
        _entity(graph, iris[key], entity, iris)
    article_nodes = {a.id: article_iri(base, a) for a in articles}
    for article in articles:
        _article(graph, article_nodes[article.id], article)
    for rf in facts:
        s = iris[rf.subject]
        p = term(rf.predicate)
        o = _object(rf.object, iris)
        graph.add((s, p, o))
        ev = rf.fact.evidence
        node = article_nodes.get(ev.article_id)
        if node is not None:
            graph.add((node, SCHEMA.mentions, s))
            if isinstance(o, URIRef):
                graph.add((node, SCHEMA.mentions, o))
        _statement(graph, base, s, p, o, rf, node)
    return graph


def _bind(graph: Graph, base: str) -> None:
    graph.bind("kg", Namespace(NAMESPACE), replace=True)
    graph.bind("schema", SCHEMA)
    graph.bind("skos", SKOS)
    graph.bind("prov", PROV)
    graph.bind("dcterms", DCTERMS)
    graph.bind("owl", OWL)
    for family in ("person", "org", "place", "event", "doc", "title", "article", "statement"):
        graph.bind(family, Namespace(f"{base}{family}/"), replace=True)


def _entity(graph: Graph, node: URIRef, entity: Entity, iris: dict[str, URIRef]) -> None:
    graph.add((node, RDF.type, term(entity.kind)))
    graph.add((node, RDFS.label, Literal(text(entity.label), lang="zh")))
    for alt in entity.alt_labels:
        graph.add((node, SKOS.altLabel, Literal(text(alt), lang="zh")))
    if entity.code:
        graph.add((node, KG.code, Literal(entity.code)))
    if entity.parent and entity.parent in iris:
        relation = KG.locatedIn if entity.key.startswith("place/") else KG.partOf
        graph.add((node, relation, iris[entity.parent]))


def _article(graph: Graph, node: URIRef, article: Article) -> None:
    graph.add((node, RDF.type, KG.Article))
    graph.add((node, RDFS.label, Literal(text(article.title), lang="zh")))
    graph.add((node, SCHEMA.headline, Literal(text(article.title), lang="zh")))
    graph.add((node, SCHEMA.identifier, Literal(article.id)))
    if article.published:
        local = article.published.astimezone(SHANGHAI).replace(microsecond=0)
        graph.add((node, SCHEMA.datePublished, Literal(local.isoformat(), datatype=XSD.dateTime)))
    if article.publisher:
        graph.add((node, SCHEMA.publisher, Literal(text(article.publisher), lang="zh")))
    if article.editor:
        graph.add((node, SCHEMA.editor, Literal(text(article.editor), lang="zh")))
    for source in article.sources:
        graph.add((node, DCTERMS.source, Literal(text(source), lang="zh")))
    for category in article.categories:
        graph.add((node, SCHEMA.articleSection, Literal(text(category), lang="zh")))
    if article.original_title:
        graph.add((node, SCHEMA.alternativeHeadline, Literal(text(article.original_title), lang="zh")))
    if article.url:
        graph.add((node, SCHEMA.url, Literal(text(article.url), datatype=XSD.anyURI)))


def _object(obj: str | Value, iris: dict[str, URIRef]):
    if isinstance(obj, Value):
        if obj.datatype == "date":
            return Literal(obj.text, datatype=XSD.date if len(obj.text) == 10 else XSD.gYearMonth)
        return Literal(text(obj.text), lang="zh")
    return iris[obj]


def _statement(graph: Graph, base: str, s, p, o, rf: ResolvedFact, article_node) -> None:
    ev = rf.fact.evidence
    digest = hashlib.sha256("\x1f".join(
        [str(s), str(p), str(o), ev.article_id, str(ev.start), str(ev.end), ev.extractor]
    ).encode("utf-8")).hexdigest()[:20]
    node = URIRef(f"{base}statement/{digest}")
    graph.add((node, RDF.type, RDF.Statement))
    graph.add((node, RDF.subject, s))
    graph.add((node, RDF.predicate, p))
    graph.add((node, RDF.object, o))
    graph.add((node, KG.sentence, Literal(text(ev.sentence), lang="zh")))
    graph.add((node, KG.startOffset, Literal(ev.start)))
    graph.add((node, KG.endOffset, Literal(ev.end)))
    graph.add((node, KG.extractor, Literal(ev.extractor)))
    if article_node is not None:
        graph.add((node, PROV.wasDerivedFrom, article_node))
