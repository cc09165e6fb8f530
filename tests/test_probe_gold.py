"""The probe articles (tests/fixtures/probe, ours) scored against their gold triples, in the
suite, so that a change that loses facts fails here and not only in CI's dev-set score.

The comparison is the shared scorer's, written again here so that the suite needs nothing
beside the clone: a system triple of a core relation matches a gold triple when the relation is
the same, one of the subject's labels (rdfs:label, skos:prefLabel/altLabel/hiddenLabel,
schema:name/alternateName) is one of the gold subject's names, and likewise the object (a
literal by its lexical form, a date by its date part). Quotes, book-title marks and white space
are ignored. Each gold triple matches at most one system triple; two nodes for one entity cost
a false positive.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg import pipeline

PROBE = Path(__file__).parent / "fixtures" / "probe"
# Micro F1 over the 18 probe articles when this test was written (0.858), 0.917 at 2026-12-01,
# less about 0.03 of slack for rule changes elsewhere; raise it as accuracy rises.
FLOOR = 0.89
CORE = ("awardedTitle", "publishes", "speaksAt", "attends", "worksFor", "jobTitle",
        "heldIn", "heldOn", "organizedBy")
LABELS = {"label", "prefLabel", "altLabel", "hiddenLabel", "name", "alternateName"}
_IGNORED = re.compile(r"[\s\u3000“”‘’「」『』《》〈〉\"'`]+")


def norm(text: str) -> str:
    return _IGNORED.sub("", unicodedata.normalize("NFKC", str(text))).lower()


def local(iri) -> str:
    return re.split(r"[#/]", str(iri).rstrip("/#"))[-1]


@dataclass(frozen=True)
class Found:
    relation: str
    subject: object
    object: object
    subject_names: frozenset
    object_names: frozenset


def found(graph: Graph) -> set[Found]:
    names: dict = {}
    for s, p, o in graph:
        if local(p) in LABELS and isinstance(o, Literal):
            names.setdefault(s, set()).add(norm(o))
    out = set()
    for s, p, o in graph:
        if local(p) not in CORE:
            continue
        if isinstance(o, Literal):
            o_names = {norm(o), norm(re.split(r"[T+Z]", str(o), maxsplit=1)[0])}
        else:
            o_names = names.get(o, set())
        out.add(Found(local(p), s, o, frozenset(names.get(s, set())), frozenset(o_names)))
    return out


def matches(fact: Found, gold: dict) -> bool:
    return (fact.relation == gold["p"]
            and bool(fact.subject_names & {norm(n) for n in gold["s"]})
            and bool(fact.object_names & {norm(n) for n in gold["o"]}))


def score(facts: set[Found], gold: list[dict]) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives), greedily in a stable order."""
    left = list(range(len(gold)))
    tp = fp = 0
    for fact in sorted(facts, key=lambda f: (f.relation, str(f.subject), str(f.object))):
        hit = next((i for i in left if matches(fact, gold[i])), None)
        if hit is None:
            fp += 1
        else:
            left.remove(hit)
            tp += 1
    return tp, fp, len(left)


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


# ------------------------------------------------------------------ the scorer itself

def _graph(*triples) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g


KG = "https://kg.example.org/ontology#"
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
ALT = URIRef("http://www.w3.org/2004/02/skos/core#altLabel")
A, B, B2 = (URIRef(f"https://kg.example.org/id/{x}") for x in ("a", "b", "b2"))


@pytest.mark.parametrize("triples, gold, expected", [
    # quotes, book-title marks and spaces are ignored; an altLabel names the entity too
    ([(A, RDFS_LABEL, Literal("青岛市")), (B, ALT, Literal("“千兆 城市”")),
      (A, URIRef(KG + "awardedTitle"), B)],
     [{"s": ["青岛"], "p": "awardedTitle", "o": ["千兆城市"]}], (0, 1, 1)),
    ([(A, RDFS_LABEL, Literal("青岛市")), (B, ALT, Literal("“千兆 城市”")),
      (A, URIRef(KG + "awardedTitle"), B)],
     [{"s": ["青岛市"], "p": "awardedTitle", "o": ["千兆城市"]}], (1, 0, 0)),
    # a date is compared by its date part; a literal by its lexical form
    ([(A, RDFS_LABEL, Literal("论坛")), (A, URIRef(KG + "heldOn"), Literal("2021-12-24T10:00:00"))],
     [{"s": ["论坛"], "p": "heldOn", "o": ["2021-12-24"]}], (1, 0, 0)),
    # two nodes for one entity: the second is a false positive
    ([(A, RDFS_LABEL, Literal("青岛市")), (B, RDFS_LABEL, Literal("千兆城市")),
      (B2, RDFS_LABEL, Literal("千兆城市")),
      (A, URIRef(KG + "awardedTitle"), B), (A, URIRef(KG + "awardedTitle"), B2)],
     [{"s": ["青岛市"], "p": "awardedTitle", "o": ["千兆城市"]}], (1, 1, 0)),
    # another relation does not match; locatedIn is not scored
    ([(A, RDFS_LABEL, Literal("青岛市")), (B, RDFS_LABEL, Literal("山东省")),
      (A, URIRef(KG + "heldIn"), B), (A, URIRef(KG + "locatedIn"), B)],
     [{"s": ["青岛市"], "p": "locatedIn", "o": ["山东省"]}], (0, 1, 1)),
])
def test_the_scorer_compares_as_the_shared_scorer_does(triples, gold, expected):
    assert score(found(_graph(*triples)), gold) == expected


# ------------------------------------------------------------------ the probe articles

def _micro(folder: Path, count: int, resources) -> tuple[float, list[int]]:
    totals = [0, 0, 0]
    articles = sorted(p for p in folder.iterdir() if p.suffix in (".md", ".html", ".txt")
                      and p.with_name(p.stem + ".gold.json").exists())
    assert len(articles) == count
    for article in articles:
        gold = json.loads(article.with_name(article.stem + ".gold.json").read_text("utf-8"))
        graph = pipeline.run([article], resources=resources).graph
        for i, n in enumerate(score(found(graph), gold["triples"])):
            totals[i] += n
    return f1(*totals), totals


def test_probe_articles_score_above_the_floor(resources):
    micro, totals = _micro(PROBE, 18, resources)
    assert micro >= FLOOR, f"micro F1 {micro:.3f} (tp, fp, fn = {totals})"


# Sets of our own beside the probe, each with its floor (about 0.03 below its score on
# 2026-11-30, so that rule changes elsewhere have some slack; raise them as accuracy rises):
# - probe-honours: lists and titles in twelve layouts; 0.627 before the list parser, 0.849 now.
# - probe-unseen: 24 articles by a session that never read kg's rules (honours in ten layouts,
#   meetings, documents, people); 0.736 when added at 7f04500, 0.874 now. Its README gives the
#   misses found when it was written.
# - probe-holdout: 30 articles by a session that read neither the rules nor the other sets (15
#   honours layouts, 7 events, 4 documents, 4 people); 0.733 when added at 0d1d092, 0.793 now.
#   It is a measure: its README lists what it covers, not what kg misses.
# - probe-blind2: 24 articles by a session that never read kg's code, from real layouts studied
#   through search (12 honours, 6 events, 3 documents, 3 people/finance); 0.693 when added at
#   84c2c27, 0.854 now. Its misses were studied after that first figure.
# - probe-blind3: 24 articles by a session that never read kg's code, honours-heavy (16
#   honours in real layouts, tables among them; 6 events; 2 documents); 0.625 when added at
#   45aa4c1, 0.680 on 2026-11-30 after rules written from a survey of real pages, not from it.
#   Like the holdout it is a measure: its misses are not read.
# - probe-finance1, probe-finance2: 14 articles each by sessions that never read kg's code, in
#   the style of Sina Finance (finance1: announcements, executives, forums, press conferences,
#   regulators' documents; finance2: awards, rankings and lists for companies, banks, funds,
#   analysts). 0.805 and 0.708 when added at 3055112/b37d933; their misses were then studied
#   (0.875 and 0.862 at 9200fb2).
# Floors raised on 2026-12-01 (figures then: honours 0.878, unseen 0.898, holdout 0.839,
# blind2 0.875, blind3 0.775), each a few points under its figure.
OWN_SETS = [("probe-honours", 12, 0.85), ("probe-unseen", 24, 0.87), ("probe-holdout", 30, 0.81),
            ("probe-blind2", 24, 0.85), ("probe-blind3", 24, 0.74),
            ("probe-finance1", 14, 0.84), ("probe-finance2", 14, 0.83),
            ("probe-honours2", 14, 0.88), ("probe-events2", 14, 0.90)]


@pytest.mark.parametrize("folder,articles,floor", OWN_SETS)
def test_own_sets_score_above_their_floors(resources, folder, articles, floor):
    micro, totals = _micro(Path(__file__).parent / "fixtures" / folder, articles, resources)
    assert micro >= floor, f"micro F1 {micro:.3f} (tp, fp, fn = {totals})"
