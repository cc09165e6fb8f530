"""The vocabulary (ontology/kg.ttl) and the shapes (ontology/shapes.ttl): complete and aligned."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef
from rdflib.collection import Collection

from kg.vocab import CLASSES, KG, NAMESPACE, RELATIONS, load_ontology

ROOT = Path(__file__).resolve().parent.parent
SH = Namespace("http://www.w3.org/ns/shacl#")
PUBLIC = ("https://schema.org/", "http://www.w3.org/ns/prov#",
          "http://www.w3.org/2004/02/skos/core#", "http://purl.org/dc/terms/")
ALL_TERMS = [name for name in KG.__annotations__ if not name.startswith("_")]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")


def kg_terms(graph: Graph) -> set[str]:
    return {str(s)[len(NAMESPACE):] for s in graph.subjects()
            if isinstance(s, URIRef) and str(s).startswith(NAMESPACE)}


def test_files_parse_and_ship_in_the_package(ontology, shapes):
    assert len(Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")) == len(ontology)
    assert (None, RDF.type, SH.NodeShape) in shapes
    from kg.validate import load_shapes

    assert len(load_shapes()) == len(shapes)  # the packaged copy (kg/ontology -> ontology/)


def test_the_ontology_declares_exactly_the_closed_namespace(ontology):
    assert kg_terms(ontology) == set(ALL_TERMS)


@pytest.mark.parametrize("name", ALL_TERMS)
def test_every_term_has_zh_and_en_labels_and_comments(ontology, name):
    node = KG[name]
    assert (node, RDFS.isDefinedBy, URIRef(NAMESPACE.rstrip("#"))) in ontology
    labels = {lit.language for lit in ontology.objects(node, RDFS.label)}
    comments = {lit.language for lit in ontology.objects(node, RDFS.comment)}
    assert {"zh", "en"} <= labels, name
    assert {"zh", "en"} <= comments, name
    for lit in [*ontology.objects(node, RDFS.label), *ontology.objects(node, RDFS.comment)]:
        assert str(lit).strip(), name


def closure(ontology: Graph, node, links) -> set:
    """Everything reachable from `node` through `links` (rdfs:subClassOf ...), node excluded."""
    seen: set = set()
    todo = [node]
    while todo:
        current = todo.pop()
        for link in links:
            for sup in ontology.objects(current, link):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
    return seen


def public(nodes) -> set:
    return {n for n in nodes if isinstance(n, URIRef) and str(n).startswith(PUBLIC)}


@pytest.mark.parametrize("name", CLASSES)
def test_every_class_is_aligned_to_a_public_vocabulary(ontology, name):
    assert (KG[name], RDF.type, OWL.Class) in ontology
    assert public(closure(ontology, KG[name], (RDFS.subClassOf, OWL.equivalentClass))), name


@pytest.mark.parametrize("name", RELATIONS)
def test_every_relation_has_domain_range_and_alignment(ontology, name):
    node = KG[name]
    assert ontology.value(node, RDFS.domain) is not None, name
    assert ontology.value(node, RDFS.range) is not None, name
    kinds = set(ontology.objects(node, RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, name
    supers = closure(ontology, node, (RDFS.subPropertyOf, OWL.equivalentProperty))
    # a super property may be anonymous: [ owl:inverseOf schema:attendee ]
    supers |= {ontology.value(s, OWL.inverseOf) for s in supers}
    assert public(supers), name


def test_held_on_admits_a_date_and_a_year_month(ontology):
    from rdflib import XSD  # (imported here: pytest's collection warns on rdflib's XSD)

    rng = ontology.value(KG.heldOn, RDFS.range)
    assert (rng, RDF.type, RDFS.Datatype) in ontology
    members = set(Collection(ontology, ontology.value(rng, OWL.unionOf)))
    assert members == {XSD.date, XSD.gYearMonth}


def test_literal_relations_are_datatype_properties(ontology):
    from kg.vocab import LITERAL_RELATIONS

    for name in RELATIONS:
        kind = OWL.DatatypeProperty if name in LITERAL_RELATIONS else OWL.ObjectProperty
        assert (KG[name], RDF.type, kind) in ontology, name


def test_shapes_mention_only_declared_terms(ontology, shapes):
    used = {o for o in shapes.objects() if isinstance(o, URIRef) and str(o).startswith(NAMESPACE)}
    assert {str(u)[len(NAMESPACE):] for u in used} <= set(ALL_TERMS)
    for name in RELATIONS:  # every relation is checked by some shape
        assert (None, SH.targetSubjectsOf, KG[name]) in shapes, name


@pytest.mark.parametrize("helper, top", [("AnyPlace", "Place"), ("AnyOrganization", "Organization")])
def test_subclass_helpers_list_every_subclass(ontology, shapes, helper, top):
    """The shapes name the accepted subclasses themselves (no inference): keep them complete."""
    subclasses = {KG[name] for name in CLASSES
                  if KG[top] in closure(ontology, KG[name], (RDFS.subClassOf,))} | {KG[top]}
    shape = URIRef(f"https://kg.example.org/shapes#{helper}")
    listed = {shapes.value(alt, SH["class"]) for alt in Collection(shapes, shapes.value(shape, SH["or"]))}
    assert listed == subclasses
