"""Standard types beside ours: schema.org classes and super-properties, and compacted JSON-LD."""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDFS

from kg import graph as kg_graph
from kg.cli import cli
from kg.export import jsonld
from kg.vocab import NAMESPACE, RELATIONS, SCHEMA, load_ontology

PROBE = Path(__file__).parent / "fixtures" / "probe"
KG_ = "PREFIX kg: <https://kg.example.org/ontology#>\nPREFIX schema: <https://schema.org/>\n"


@pytest.fixture(scope="module")
def probe(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("probe")
    run = CliRunner().invoke(cli, ["build", str(PROBE), "--out", str(out), "-q", "-j", "1"])
    assert run.exit_code == 0, run.output
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def store(probe) -> ox.Store:
    s = ox.Store()
    s.bulk_load(path=str(probe), format=ox.RdfFormat.TURTLE)
    return s


def count(store: ox.Store, where: str) -> int:
    answer = store.query(KG_ + f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    return int(next(iter(answer))["n"].value)


def test_every_person_is_a_schema_person(store):
    persons = count(store, "?p a kg:Person")
    assert persons > 0
    assert count(store, "?p a schema:Person") == persons


@pytest.mark.parametrize("ours, theirs", [
    (["kg:Organization"], "schema:Organization"),
    (["kg:GovernmentBody"], "schema:GovernmentOrganization"),
    (["kg:Place", "kg:Province", "kg:City", "kg:County"], "schema:Place"),
    (["kg:Event"], "schema:Event"),
    (["kg:Document"], "schema:CreativeWork"),
])
def test_each_class_has_its_schema_class(store, ours, theirs):
    expected = sum(count(store, f"?x a {c}") for c in ours)
    assert expected > 0
    assert count(store, f"?x a {theirs}") == expected


def test_each_fact_has_its_schema_super_property(store):
    for relation, (prop, inverse) in kg_graph.SCHEMA_PROPERTIES.items():
        pattern = "?o schema:{p} ?s" if inverse else "?s schema:{p} ?o"
        missing = count(store, f"?s kg:{relation} ?o FILTER NOT EXISTS {{ "
                               + pattern.format(p=prop) + " }")
        assert missing == 0, relation
    assert count(store, "?s schema:worksFor ?o") == count(store, "?s kg:worksFor ?o") > 0
    # speaksAt and attends both say the person is an attendee of the event
    assert count(store, "?e schema:attendee ?p") == count(
        store, "SELECT DISTINCT ?p ?e WHERE { { ?p kg:speaksAt ?e } UNION { ?p kg:attends ?e } }")


def _super(ontology: Graph, term: URIRef, link, equivalent) -> set[str]:
    """Every schema.org class or property above `term` in the ontology (transitively)."""
    found, todo, seen = set(), [term], set()
    while todo:
        t = todo.pop()
        if t in seen:
            continue
        seen.add(t)
        for up in list(ontology.objects(t, link)) + list(ontology.objects(t, equivalent)):
            if isinstance(up, URIRef):
                if str(up).startswith(str(SCHEMA)):
                    found.add(str(up)[len(str(SCHEMA)):])
                todo.append(up)
    return found


def test_the_tables_follow_the_ontology():
    """The schema.org class and property the graph writes are the ones ontology/kg.ttl aligns."""
    onto = load_ontology()
    for cls, schema_cls in kg_graph.SCHEMA_CLASSES.items():
        assert schema_cls in _super(onto, URIRef(NAMESPACE + cls), RDFS.subClassOf,
                                    OWL.equivalentClass), cls
    for relation in (*RELATIONS, "partOf"):
        node = URIRef(NAMESPACE + relation)
        direct = _super(onto, node, RDFS.subPropertyOf, OWL.equivalentProperty)
        inverse = {str(o)[len(str(SCHEMA)):]
                   for b in onto.transitive_objects(node, RDFS.subPropertyOf)
                   for o in onto.objects(b, OWL.inverseOf)}
        if direct or inverse:
            prop, is_inverse = kg_graph.SCHEMA_PROPERTIES[relation]
            assert prop in (inverse if is_inverse else direct), relation
        else:
            assert relation not in kg_graph.SCHEMA_PROPERTIES


def test_the_graph_still_conforms_to_the_shapes(probe):
    run = CliRunner().invoke(cli, ["validate", str(probe)])
    assert run.exit_code == 0, run.output


def test_the_jsonld_is_compacted_with_the_shipped_context(tmp_path, probe):
    out = tmp_path / "jl"
    run = CliRunner().invoke(cli, ["build", str(PROBE), "--out", str(out), "-q", "-j", "1",
                                   "--format", "jsonld"])
    assert run.exit_code == 0, run.output
    document = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == jsonld.context()
    nodes = document["@graph"]
    assert any(n["@id"].startswith("person:") and "schema:Person" in n["@type"] for n in nodes)
    # Chinese text is a plain string (the context's language), other strings say they have none
    article = next(n for n in nodes if n["@id"].startswith("article:"))
    assert isinstance(article["schema:headline"], str)
    assert set(article["schema:identifier"]) == {"@value"}
    # the same triples as the Turtle, read by two parsers
    assert isomorphic(Graph().parse(out / "graph.jsonld", format="json-ld"),
                      Graph().parse(probe, format="turtle"))
    store = ox.Store()
    store.bulk_load(path=str(out / "graph.jsonld"), format=ox.RdfFormat.JSON_LD)
    assert len(store) == len(Graph().parse(probe, format="turtle"))


def test_the_context_ships_in_the_package():
    from importlib import resources

    assert resources.files("kg").joinpath("ontology", "context.jsonld").is_file()
    import tomllib

    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    # the wheel takes the ontology folder's files by these patterns (.ci/run installs the wheel)
    assert "*.jsonld" in pyproject["tool"]["setuptools"]["package-data"]["kg.ontology"]


def test_another_base_gets_its_own_entity_prefixes():
    ctx = jsonld.context({"person": "https://example.org/news/person/"})
    assert ctx["person"] == "https://example.org/news/person/"
    assert jsonld.compact_iri("https://example.org/news/person/张三", ctx) == "person:张三"
    assert jsonld.compact_iri("http://elsewhere.org/x", ctx) == "http://elsewhere.org/x"
