"""The graph as tables of entities and facts, for tools that are not RDF stores.

An RDF graph written by kg build (any graph in the kg vocabulary) becomes plain rows: one
`Node` per entity (a node typed with a kg class other than kg:Article, or an untyped end of
a kg relation) and one `Edge` per fact between two entities, carrying its evidence (the
reified rdf:Statement: sentence, article, offsets). Literal-valued facts (kg:jobTitle,
kg:heldOn) are properties of their node. The CSV, Neo4j, GraphML and GEXF exports and
`kg.to_networkx` are all made from these rows, so they agree with each other.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.vocab import CLASSES, NAMESPACE, PROV, RELATIONS, SCHEMA, labels, load_ontology

# Relations whose value is a literal: node properties, not edges.
LITERAL_RELATIONS = ("jobTitle", "heldOn")
EDGE_RELATIONS = tuple(r for r in RELATIONS if r not in LITERAL_RELATIONS) + ("partOf",)
ENTITY_CLASSES = tuple(c for c in CLASSES if c != "Article")
OTHER = "Other"


@dataclass(frozen=True)
class Evidence:
    sentence: str
    article: str = ""          # the article's IRI
    headline: str = ""
    date: str = ""             # the article's date, YYYY-MM-DD
    url: str = ""
    start: int | None = None   # character offsets of the sentence in the article's clean text
    end: int | None = None
    extractor: str = ""


@dataclass
class Node:
    iri: str
    label: str
    type: str                  # the kg class local name (most specific), or "Other"
    aliases: list[str] = field(default_factory=list)
    code: str = ""
    latitude: float | None = None
    longitude: float | None = None
    job_titles: list[str] = field(default_factory=list)
    held_on: list[str] = field(default_factory=list)


@dataclass
class Edge:
    source: str
    target: str
    relation: str              # the kg relation local name
    label: str                 # its Chinese name
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.source} {self.relation} {self.target}"


@dataclass
class Tables:
    nodes: list[Node]
    edges: list[Edge]


def tables(graph: Graph) -> Tables:
    """Entities and entity-to-entity facts of `graph`, sorted (same graph, same rows)."""
    zh = labels(load_ontology(), "zh")
    kinds = _kinds(graph)
    evidence = _evidence(graph)
    edges: list[Edge] = []
    for relation in EDGE_RELATIONS:
        for s, o in graph.subject_objects(URIRef(NAMESPACE + relation)):
            if isinstance(o, Literal) or s in kinds.articles or o in kinds.articles:
                continue
            for end in (s, o):
                kinds.of.setdefault(end, OTHER)
            edges.append(Edge(str(s), str(o), relation, zh.get(relation, relation),
                              evidence.get((s, relation, o), [])))
    nodes = [_node(graph, n, kinds.of[n]) for n in kinds.of]
    nodes.sort(key=lambda n: (n.label, n.iri))
    edges.sort(key=lambda e: (e.source, e.relation, e.target))
    return Tables(nodes, edges)


@dataclass
class _Kinds:
    of: dict
    articles: set


def _kinds(graph: Graph) -> _Kinds:
    rank = {c: i for i, c in enumerate(("Person", "GovernmentBody", "Organization", "County",
                                         "City", "Province", "Place", "Event", "Document",
                                         "Title"))}
    articles = set(graph.subjects(RDF.type, URIRef(NAMESPACE + "Article")))
    statements = set(graph.subjects(RDF.type, RDF.Statement))
    of: dict = {}
    for cls in ENTITY_CLASSES:
        for node in graph.subjects(RDF.type, URIRef(NAMESPACE + cls)):
            if node in articles or node in statements or isinstance(node, Literal):
                continue
            if node not in of or rank[cls] < rank[of[node]]:
                of[node] = cls
    return _Kinds(of, articles)


def _texts(graph: Graph, node, prop) -> list[str]:
    return sorted({str(o) for o in graph.objects(node, prop) if isinstance(o, Literal)})


def _label(graph: Graph, node) -> str:
    found = [o for o in graph.objects(node, RDFS.label) if isinstance(o, Literal)]
    zh = sorted(str(o) for o in found if (o.language or "").lower().startswith("zh"))
    others = sorted(str(o) for o in found)
    if zh or others:
        return (zh or others)[0]
    text = str(node)
    return text.rsplit("/", 1)[-1].rsplit("#", 1)[-1] or text


def _number(graph: Graph, node, prop) -> float | None:
    for o in graph.objects(node, prop):
        try:
            return float(o)
        except (TypeError, ValueError):
            continue
    return None


def _node(graph: Graph, node, kind: str) -> Node:
    label = _label(graph, node)
    codes = _texts(graph, node, URIRef(NAMESPACE + "code"))
    return Node(
        iri=str(node) if isinstance(node, URIRef) else f"_:{node}",
        label=label,
        type=kind,
        aliases=[a for a in _texts(graph, node, SKOS.altLabel) if a != label],
        code=codes[0] if codes else "",
        latitude=_number(graph, node, SCHEMA.latitude),
        longitude=_number(graph, node, SCHEMA.longitude),
        job_titles=_texts(graph, node, URIRef(NAMESPACE + "jobTitle")),
        held_on=_texts(graph, node, URIRef(NAMESPACE + "heldOn")),
    )


def _evidence(graph: Graph) -> dict[tuple, list[Evidence]]:
    """(subject, relation local name, object) -> its evidence, in article and offset order."""
    out: dict[tuple, list[Evidence]] = {}
    articles: dict = {}
    for st in graph.subjects(RDF.predicate, None):
        s, p, o = (graph.value(st, RDF.subject), graph.value(st, RDF.predicate),
                   graph.value(st, RDF.object))
        if s is None or o is None or not str(p).startswith(NAMESPACE):
            continue
        sentence = next((str(t) for t in graph.objects(st, URIRef(NAMESPACE + "sentence"))), "")
        article = graph.value(st, PROV.wasDerivedFrom)
        meta = articles.get(article)
        if meta is None and article is not None:
            meta = articles[article] = _article(graph, article)
        out.setdefault((s, str(p)[len(NAMESPACE):], o), []).append(Evidence(
            sentence=sentence,
            article=str(article) if isinstance(article, (URIRef, BNode)) else "",
            start=_int(graph.value(st, URIRef(NAMESPACE + "startOffset"))),
            end=_int(graph.value(st, URIRef(NAMESPACE + "endOffset"))),
            extractor=str(graph.value(st, URIRef(NAMESPACE + "extractor")) or ""),
            **(meta or {})))
    for items in out.values():
        items.sort(key=lambda e: (e.date, e.article, e.start or 0, e.sentence))
    return out


def _article(graph: Graph, article) -> dict:
    headline = graph.value(article, SCHEMA.headline) or graph.value(article, RDFS.label)
    date = graph.value(article, SCHEMA.datePublished) or graph.value(article, DCTERMS.date)
    url = graph.value(article, SCHEMA.url)
    return {"headline": str(headline or ""), "date": str(date or "")[:10], "url": str(url or "")}


def _int(value) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
