"""What one fact is, defined once, so that every count of facts is the same number.

A fact is a distinct triple in the default graph whose predicate is one of the relations that
articles state (`STATED`: every kg relation but `locatedIn`, which comes from the gazetteer, not
from a sentence). The build summary, the HTML view's header and the SPARQL query
`queries/count-facts.rq` (`COUNT_QUERY`) all count this set.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rdflib import Graph, URIRef

from kg.vocab import NAMESPACE, RELATIONS

# locatedIn joins places from the gazetteer; no article sentence is its evidence.
STATED = tuple(r for r in RELATIONS if r != "locatedIn")
_IRIS = {NAMESPACE + r: r for r in STATED}

COUNT_QUERY = (
    "PREFIX kg: <" + NAMESPACE + ">\n"
    "SELECT (COUNT(*) AS ?facts) WHERE {\n"
    "  VALUES ?relation { " + " ".join(f"kg:{r}" for r in STATED) + " }\n"
    "  ?s ?relation ?o\n"
    "}\n")


def relation(predicate: str) -> str | None:
    """The relation's local name when `predicate` (an IRI) is a fact relation, else None."""
    return _IRIS.get(str(predicate))


def tally(triples: Iterable[tuple]) -> dict[str, int]:
    """Facts per relation (in the order of STATED, relations with none left out) among
    (subject, predicate IRI, object) triples, each distinct triple counted once."""
    distinct = {(s, str(p), o) for s, p, o in triples if relation(p)}
    counts = Counter(relation(p) for _s, p, _o in distinct)
    return {r: counts[r] for r in STATED if counts[r]}


def in_graph(graph: Graph) -> set[tuple]:
    """The graph's facts, as rdflib triples."""
    return {t for iri in _IRIS for t in graph.triples((None, URIRef(iri), None))}


def count(graph: Graph) -> int:
    return len(in_graph(graph))
