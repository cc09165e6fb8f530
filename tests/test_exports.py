"""kg export (CSV, GraphML, GEXF, Neo4j) and kg.to_networkx, each read back by the tool's own
reader: networkx for GraphML and GEXF, the csv module against neo4j-admin's header rules."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import kg
from kg.cli import cli
from kg.export.tables import EDGE_RELATIONS

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "qianzhao-cities-2021.md"
KG_NS = "https://kg.example.org/ontology#"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("probe")
    result = run("build", str(FIXTURES / "probe"), str(SEED), "--out", str(out), "-q", "-j", "1")
    assert result.exit_code == 0, result.output
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def expected(graph) -> tuple[int, int]:
    """Entities and entity-to-entity facts of the graph, counted by SPARQL on its own."""
    store = ox.Store()
    store.bulk_load(path=str(graph), format=ox.RdfFormat.TURTLE)
    classes = " ".join(f"kg:{c}" for c in ("Person", "Organization", "GovernmentBody", "Place",
                                           "Province", "City", "County", "Event", "Document",
                                           "Title"))
    relations = " ".join(f"kg:{r}" for r in EDGE_RELATIONS)
    prologue = f"PREFIX kg: <{KG_NS}>\n"
    entities = next(iter(store.query(prologue + "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { "
                                     f"?e a ?c VALUES ?c {{ {classes} }} }}")))["n"].value
    facts = next(iter(store.query(prologue + "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o "
                                  f"VALUES ?p {{ {relations} }} FILTER(isIRI(?o)) }}")))["n"].value
    return int(entities), int(facts)


def test_graphml_reads_back_with_the_graphs_numbers(graph, expected, tmp_path):
    result = run("export", str(graph), "--to", "graphml", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    g = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    assert (g.number_of_nodes(), g.number_of_edges()) == expected
    qingdao = g.nodes["https://kg.example.org/id/place/370200"]
    assert qingdao["label"] == "青岛市" and qingdao["type"] == "City" and qingdao["code"] == "370200"
    award = g.get_edge_data("https://kg.example.org/id/place/370200",
                            "https://kg.example.org/id/title/千兆城市")
    (attrs,) = award.values()
    assert attrs["relation"] == "awardedTitle" and "千兆城市" in attrs["sentence"]
    assert attrs["article"].startswith("https://kg.example.org/id/article/")
    assert int(attrs["end"]) - int(attrs["start"]) == len(attrs["sentence"])


def test_gexf_reads_back_with_the_graphs_numbers_and_is_reproducible(graph, expected, tmp_path):
    for out in ("a", "b"):
        result = run("export", str(graph), "--to", "gexf", "--out", str(tmp_path / out))
        assert result.exit_code == 0, result.output
    g = nx.read_gexf(tmp_path / "a" / "graph.gexf")
    assert (g.number_of_nodes(), g.number_of_edges()) == expected
    # Gephi shows the label attribute
    assert g.nodes["https://kg.example.org/id/place/370200"]["label"] == "青岛市"
    assert (tmp_path / "a" / "graph.gexf").read_bytes() == (tmp_path / "b" / "graph.gexf").read_bytes()


def test_csv_has_nodes_edges_and_their_evidence(graph, expected, tmp_path):
    result = run("export", str(graph), "--to", "csv", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edges.csv", "evidence.csv", "nodes.csv"]
    with open(tmp_path / "nodes.csv", encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(tmp_path / "edges.csv", encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    with open(tmp_path / "evidence.csv", encoding="utf-8", newline="") as f:
        evidence = list(csv.DictReader(f))
    assert (len(nodes), len(edges)) == expected
    ids = {n["id"] for n in nodes}
    assert all(e["source"] in ids and e["target"] in ids for e in edges)
    assert {"sentence", "article", "headline", "date", "start", "end"} <= set(edges[0])
    with_evidence = [e for e in edges if e["sentence"]]
    # every extracted fact has its sentence; only the gazetteer's locatedIn / partOf have none
    assert {e["relation"] for e in edges if not e["sentence"]} <= {"locatedIn", "partOf"}
    for e in with_evidence:
        assert int(e["end"]) - int(e["start"]) == len(e["sentence"]), e
    assert len(evidence) >= len(with_evidence)
    assert sum(int(e["evidence"]) for e in edges) == len(evidence)
    person = next(n for n in nodes if n["type"] == "Person" and n["jobTitle"])
    assert person["label"]


# ------------------------------------------------------------------- neo4j-admin header rules

NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
               "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def check_header(header: list[str], kind: str) -> dict[str, str]:
    """neo4j-admin database import's rules for a header: name -> type of each column.
    Node files: exactly one ID column, at most one :LABEL. Relationship files: exactly one
    :START_ID, :END_ID and :TYPE. Properties are name or name:type (type[] for arrays) with
    a known type, and no name twice."""
    columns: dict[str, str] = {}
    for cell in header:
        name, _, kind_ = cell.partition(":")
        spec = re.fullmatch(r"(ID|START_ID|END_ID)(\([A-Za-z0-9_-]+\))?|LABEL|TYPE|IGNORE|"
                            r"(\w+)(\[\])?", kind_) if kind_ else None
        if kind_:
            assert spec, f"bad column type in {cell!r}"
            base = spec.group(1) or (None if spec.group(3) is None else spec.group(3))
            if base not in ("ID", "START_ID", "END_ID") and kind_ not in ("LABEL", "TYPE",
                                                                           "IGNORE"):
                assert spec.group(3) in NEO4J_TYPES, f"unknown type in {cell!r}"
        key = name or f":{kind_}"
        assert key not in columns, f"{key} twice"
        columns[key] = kind_ or "string"
    kinds = list(columns.values())
    if kind == "nodes":
        assert sum(k.startswith("ID") for k in kinds) == 1
        assert kinds.count("LABEL") <= 1
        assert not {"START_ID", "END_ID", "TYPE"} & set(kinds)
    else:
        for required in ("START_ID", "END_ID", "TYPE"):
            assert kinds.count(required) == 1, required
    return columns


def check_values(rows: list[list[str]], header: list[str]) -> None:
    for row in rows:
        assert len(row) == len(header)
        for cell, value in zip(header, row):
            assert "\n" not in value and "\r" not in value   # no --multiline-fields needed
            kind = cell.partition(":")[2]
            if value and kind in ("int", "int[]", "long"):
                int(value)
            if value and kind in ("double", "float"):
                float(value)
            if kind in ("LABEL", "TYPE"):
                assert all(IDENTIFIER.fullmatch(part) for part in value.split(";")), value


def test_neo4j_files_follow_the_import_tools_header_rules(graph, expected, tmp_path):
    result = run("export", str(graph), "--to", "neo4j", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    with open(tmp_path / "nodes.csv", encoding="utf-8", newline="") as f:
        node_header, *nodes = list(csv.reader(f))
    with open(tmp_path / "relationships.csv", encoding="utf-8", newline="") as f:
        rel_header, *rels = list(csv.reader(f))
    check_header(node_header, "nodes")
    check_header(rel_header, "relationships")
    check_values(nodes, node_header)
    check_values(rels, rel_header)
    assert (len(nodes), len(rels)) == expected
    ids = [row[node_header.index("iri:ID")] for row in nodes]
    assert len(set(ids)) == len(ids)
    start, end = rel_header.index(":START_ID"), rel_header.index(":END_ID")
    assert all(r[start] in set(ids) and r[end] in set(ids) for r in rels)
    types = {r[rel_header.index(":TYPE")] for r in rels}
    assert {"AWARDED_TITLE", "WORKS_FOR", "LOCATED_IN"} <= types
    # the Cypher script reads only columns that exist, and covers every label and type
    script = (tmp_path / "import.cypher").read_text(encoding="utf-8")
    used = set(re.findall(r"row\.`([^`]+)`", script)) | set(re.findall(r"row\.(\w+)", script))
    assert used <= set(node_header) | set(rel_header), used - set(node_header) - set(rel_header)
    labels = {part for r in nodes for part in r[node_header.index(":LABEL")].split(";")}
    for label in labels - {"Entity"}:
        assert f"MERGE (n:Entity:{label} " in script
    for kind in types:
        assert f"MERGE (a)-[r:{kind}]->(b)" in script


def test_to_networkx_in_the_library():
    graph = kg.build([SEED])
    g = kg.to_networkx(graph)
    assert isinstance(g, nx.MultiDiGraph)
    gigabit = "https://kg.example.org/id/title/千兆城市"
    assert sum(1 for _, _, r in g.in_edges(gigabit, keys=True) if r == "awardedTitle") == 29
    assert g.nodes["https://kg.example.org/id/place/370200"]["label"] == "青岛市"
    relations = {d["relation"] for _, _, d in g.edges(data=True)}
    assert {"awardedTitle", "locatedIn"} <= relations
    miit = "https://kg.example.org/id/org/工业和信息化部"
    assert any(d["relation"] == "worksFor" for _, _, d in g.in_edges(miit, data=True))


def test_export_errors_are_one_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    result = run("export", str(bad), "--to", "csv", "--out", str(tmp_path / "x"))
    assert result.exit_code == 1 and "cannot parse" in result.output
    assert "Traceback" not in result.output
    result = run("export", str(bad), "--out", str(tmp_path / "x"))
    assert result.exit_code == 2 and "--to" in result.output
    result = run("export", str(bad), "--to", "xlsx")
    assert result.exit_code == 2


def test_export_help_ends_with_an_example():
    result = run("export", "--help")
    assert result.exit_code == 0
    description = result.output.split("Options:")[0].rstrip()
    last = description.split("\n\n")[-1].strip()
    assert last.startswith("Example:") and "kg export output/graph.ttl --to graphml" in last
