"""kg validate: real graphs conform to ontology/shapes.ttl, and seeded faults are each reported."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef

from kg import pipeline
from kg.cli import cli
from kg.validate import Report, Violation, validate
from kg.vocab import KG, PROV, SCHEMA

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "qianzhao-cities-2021.md"
ID = Namespace("https://kg.example.org/id/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # (rdflib's XSD makes pytest warn)


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    return pipeline.run([SEED]).graph


@pytest.fixture(scope="module")
def all_graph() -> Graph:
    return pipeline.run([FIXTURES / "probe", SEED]).graph


def copy(graph: Graph) -> Graph:
    out = Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns, replace=True)
    for triple in graph:
        out.add(triple)
    return out


def test_the_seed_graph_conforms(seed_graph):
    report = validate(seed_graph)
    assert isinstance(report, Report)
    assert report.conforms, "\n".join(map(str, report.violations))
    assert report.violations == []


def test_the_seed_and_probe_graph_conforms(all_graph):
    report = validate(all_graph)
    assert report.conforms, "\n".join(map(str, report.violations))


# ---------------------------------------------------------------- seeded faults

CITY = ID["place/999900"]
ORG = ID["org/某协会"]
EVENT = ID["event/某论坛"]
NOBODY = ID["person/nobody"]


def with_faults(graph: Graph) -> tuple[Graph, URIRef]:
    g = copy(graph)
    # a City without code
    g.add((CITY, RDF.type, KG.City))
    g.add((CITY, RDFS.label, Literal("无码市", lang="zh")))
    # a speaksAt from an Organization; an event dated "昨天"
    g.add((ORG, RDF.type, KG.Organization))
    g.add((ORG, RDFS.label, Literal("某协会", lang="zh")))
    g.add((EVENT, RDF.type, KG.Event))
    g.add((EVENT, RDFS.label, Literal("某论坛", lang="zh")))
    g.add((ORG, KG.speaksAt, EVENT))
    g.add((EVENT, KG.heldOn, Literal("昨天", lang="zh")))
    # an entity without a Chinese label
    g.add((NOBODY, RDF.type, KG.Person))
    g.add((NOBODY, RDFS.label, Literal("Nobody", lang="en")))
    # a Statement without its sentence
    statement = next(g.subjects(RDF.type, RDF.Statement))
    g.remove((statement, KG.sentence, None))
    return g, statement


def find(report: Report, focus: URIRef, path: URIRef) -> list[Violation]:
    return [v for v in report.violations if v.focus == str(focus) and v.path == str(path)]


def test_each_seeded_fault_is_reported(seed_graph):
    graph, statement = with_faults(seed_graph)
    report = validate(graph)
    assert not report.conforms
    assert find(report, CITY, KG.code)
    assert find(report, ORG, KG.speaksAt)          # the subject is not a Person
    dated = find(report, EVENT, KG.heldOn)
    assert dated and dated[0].value == '"昨天"@zh'
    assert find(report, NOBODY, RDFS.label)
    assert find(report, statement, KG.sentence)
    assert len(report.violations) == 5, "\n".join(map(str, report.violations))


def test_violations_read_as_plain_words(seed_graph):
    graph, _ = with_faults(seed_graph)
    lines = {str(v) for v in validate(graph).violations}
    assert "无码市 (place:999900) — kg:code: must have exactly one division code (kg:code)" in lines
    assert any(line.startswith("某协会 (org:某协会) — kg:speaksAt: only a person") for line in lines)
    assert any("kg:heldOn" in line and '(value: "昨天"@zh)' in line for line in lines)


def test_cli_reports_each_fault_and_exits_1(seed_graph, tmp_path):
    graph, statement = with_faults(seed_graph)
    path = tmp_path / "graph.ttl"
    graph.serialize(path, format="turtle")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert lines[-1] == f"{path}: 5 violation(s)"
    body = "\n".join(lines[:-1])
    for needle in ("无码市", "某协会", "昨天", "Nobody", "kg:sentence", "kg:code"):
        assert needle in body, needle
    assert len(lines) == 6


def test_cli_exits_0_on_a_conforming_graph_and_accepts_its_folder(seed_graph, tmp_path):
    seed_graph.serialize(tmp_path / "graph.ttl", format="turtle")
    for arg in (tmp_path / "graph.ttl", tmp_path):
        result = CliRunner().invoke(cli, ["validate", str(arg)])
        assert result.exit_code == 0, result.output
        assert "conforms" in result.output


# ---------------------------------------------------------------- subclasses and datatypes

def small(*triples) -> Graph:
    g = Graph()
    labelled = set()
    for s, p, o in triples:
        g.add((s, p, o))
        if p == RDF.type and o != RDF.Statement:
            labelled.add(s)
    for node in labelled:
        g.add((node, RDFS.label, Literal(str(node).rsplit("/", 1)[-1], lang="zh")))
        if (node, RDF.type, KG.City) in g:
            g.add((node, KG.code, Literal("370200")))
    return g


P, E, GOV, CITY2, DOC = (ID["person/甲"], ID["event/会"], ID["org/部"], ID["place/370200"],
                         ID["doc/规划"])
TYPES = [(P, RDF.type, KG.Person), (E, RDF.type, KG.Event), (GOV, RDF.type, KG.GovernmentBody),
         (CITY2, RDF.type, KG.City), (DOC, RDF.type, KG.Document)]


@pytest.mark.parametrize("triple", [
    (P, KG.worksFor, GOV),                                          # subclass of Organization
    (GOV, KG.publishes, DOC),
    (E, KG.heldIn, CITY2),                                          # subclass of Place
    (E, KG.organizedBy, GOV),
    (E, KG.heldOn, Literal("2021-12", datatype=XSD.gYearMonth)),    # month only
    (E, KG.heldOn, Literal("2021-12-25", datatype=XSD.date)),
    (P, KG.jobTitle, Literal("部长", lang="zh")),
    (P, KG.speaksAt, E),
])
def test_valid_relations_conform(triple):
    report = validate(small(*TYPES, triple))
    assert report.conforms, "\n".join(map(str, report.violations))


@pytest.mark.parametrize("triple", [
    (P, KG.worksFor, CITY2),
    (DOC, KG.publishes, DOC),
    (E, KG.heldIn, P),
    (E, KG.organizedBy, P),
    (E, KG.heldOn, Literal("2021-13-45", datatype=XSD.date)),      # ill-formed
    (E, KG.heldOn, Literal("2021")),
    (P, KG.jobTitle, GOV),
    (GOV, KG.attends, E),
    (P, KG.attends, GOV),
    (P, KG.awardedTitle, E),
    (CITY2, KG.locatedIn, P),
])
def test_invalid_relations_are_violations(triple):
    report = validate(small(*TYPES, triple))
    assert not report.conforms
    assert {v.path for v in report.violations} == {str(triple[1])}


@pytest.mark.parametrize("code", ["37020", "3702000", "青岛", None])
def test_a_division_code_is_six_digits(code):
    g = small((CITY2, RDF.type, KG.Place))
    g.add((CITY2, RDF.type, KG.County))
    if code is not None:
        g.add((CITY2, KG.code, Literal(code)))
    report = validate(g)
    assert not report.conforms
    assert {v.path for v in report.violations} == {str(KG.code)}


def test_a_statement_must_name_an_asserted_triple_from_an_article():
    st = ID["statement/x"]
    art = ID["article/a"]
    g = small(*TYPES, (st, RDF.type, RDF.Statement), (st, RDF.subject, P),
              (st, RDF.predicate, KG.speaksAt), (st, RDF.object, E),
              (st, KG.sentence, Literal("甲在会上致辞。", lang="zh")),
              (st, KG.startOffset, Literal(0)), (st, KG.endOffset, Literal(7)),
              (st, PROV.wasDerivedFrom, art), (art, RDF.type, KG.Article),
              (art, SCHEMA.headline, Literal("标题", lang="zh")))
    g.add((P, KG.speaksAt, E))
    assert validate(g).conforms
    g.remove((P, KG.speaksAt, E))
    g.remove((art, SCHEMA.headline, None))
    messages = {v.message for v in validate(g).violations}
    assert "statement names a triple that is not in the graph" in messages
    assert "article has no headline (schema:headline)" in messages


# ---------------------------------------------------------------- command line

def test_help_has_an_example():
    result = CliRunner().invoke(cli, ["validate", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and "kg validate" in result.output


def test_unparsable_graph_is_a_clear_error(tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("this is not turtle <<", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "cannot parse" in result.output
    assert "Traceback" not in result.output


def test_usage_errors_exit_2(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["validate"]).exit_code == 2
    assert runner.invoke(cli, ["validate", str(tmp_path / "missing.ttl")]).exit_code == 2
    assert runner.invoke(cli, ["validate", str(tmp_path)]).exit_code == 2  # no graph in it
    (tmp_path / "g.ttl").write_text("", encoding="utf-8")
    assert runner.invoke(cli, ["validate", str(tmp_path / "g.ttl"), "--bogus"]).exit_code == 2


def test_custom_shapes_file(tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix kg: <https://kg.example.org/ontology#> .
        <urn:s> a sh:NodeShape ; sh:targetClass kg:Person ;
            sh:property [ sh:path kg:jobTitle ; sh:minCount 1 ; sh:message "needs a post" ] .
        """, encoding="utf-8")
    graph = tmp_path / "graph.ttl"
    small(*TYPES).serialize(graph, format="turtle")
    result = CliRunner().invoke(cli, ["validate", str(graph), "--shapes", str(shapes)])
    assert result.exit_code == 1
    assert "needs a post" in result.output
    assert result.output.strip().endswith("1 violation(s)")
    assert not validate(graph, shapes).conforms
    empty = tmp_path / "empty.ttl"
    empty.write_text("<urn:a> <urn:b> <urn:c> .", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(graph), "--shapes", str(empty)])
    assert result.exit_code == 1 and "no SHACL shapes" in result.output


def test_importing_the_cli_does_not_import_pyshacl():
    import subprocess
    import sys

    code = "import sys, kg.cli; print('pyshacl' in sys.modules, 'rdflib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[0] == "False"
