"""Queries that travel: the example queries declare their prefixes, names printed by
`kg query` paste back into a query, `--bind` fills a variable, syntax errors are one line."""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.query import QueryError, bind, parse_binding, query_file

FIXTURES = Path(__file__).parent / "fixtures"
QUERIES = Path(__file__).parent.parent / "queries"


def kg(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("travel")
    run = kg("build", str(FIXTURES / "probe"), str(FIXTURES / "qianzhao-cities-2021.md"),
             "--out", str(out), "-q", "-j", "1")
    assert run.exit_code == 0, run.output
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def bare_store(graph) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(graph), format=ox.RdfFormat.TURTLE)
    return store


@pytest.mark.parametrize("rq", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.name)
def test_each_example_query_runs_with_no_predeclared_prefix(bare_store, rq):
    """As curl, an endpoint's form or any SPARQL 1.1 client would send it: no prefix table."""
    text = rq.read_text(encoding="utf-8")
    answer = bare_store.query(text)            # no prefixes= : a missing PREFIX line fails here
    rows = list(answer)
    assert rows, rq.name


def test_printed_names_paste_back_into_a_query(graph):
    run = kg("query", str(graph), "SELECT ?p ?o WHERE { ?p kg:worksFor ?o } ORDER BY ?p LIMIT 3")
    assert run.exit_code == 0, run.output
    names = re.findall(r"\b(?:person|org):\S+", run.output)
    assert len(names) == 6
    person, org = names[0], names[1]
    ask = kg("query", str(graph), f"ASK {{ {person} kg:worksFor {org} }}")
    assert ask.exit_code == 0 and ask.output.strip() == "yes", ask.output
    run = kg("query", str(graph), "SELECT ?t WHERE { place:370200 kg:awardedTitle ?t }")
    assert run.exit_code == 0 and "title:千兆城市" in run.output, run.output


def test_bind_asks_entity_rq_about_another_entity(graph):
    rq = str(QUERIES / "entity.rq")
    default = kg("query", str(graph), "-f", rq, "--format", "csv")
    qingdao = kg("query", str(graph), "-f", rq, "--bind", "name=青岛市", "--format", "csv")
    assert default.exit_code == 0 and qingdao.exit_code == 0, qingdao.output
    assert "工业和信息化部" not in qingdao.output
    assert "out,http://www.w3.org/2000/01/rdf-schema#label,青岛市" in qingdao.output
    assert "https://kg.example.org/id/title/千兆城市" in qingdao.output    # what it was awarded
    assert "https://kg.example.org/id/place/370000" in qingdao.output    # where it lies (山东省)


def test_bind_takes_iris_prefixed_names_and_literals(graph):
    text = "SELECT ?t WHERE { ?city kg:awardedTitle ?t }"
    for value in ("place:370200", "<https://kg.example.org/id/place/370200>",
                  "https://kg.example.org/id/place/370200"):
        result = query_file(graph, bind(text, [parse_binding(f"city={value}", text)]))
        assert {r["t"].value for r in result.rows} == {"https://kg.example.org/id/title/千兆城市"}
    assert parse_binding('name="青岛市"@zh') == ("name", '"青岛市"@zh')
    assert parse_binding("n=12") == ("n", "12")
    assert parse_binding('name=say "hi"') == ("name", '"say \\"hi\\""')
    # a variable the query gives a default with VALUES gets the new value instead
    assert 'VALUES ?x { "b" }' in bind('SELECT * WHERE { VALUES ?x { "a" } ?s ?p ?x }',
                                       [("x", '"b"')])
    # a variable inside a string or comment is not a variable
    with pytest.raises(QueryError, match="no variable"):
        bind('SELECT ?s WHERE { ?s ?p "?x" } # ?x', [("x", '"b"')])


@pytest.mark.parametrize("args, message", [
    (["--bind", "nosuch=1"], "no variable ?nosuch"),
    (["--bind", "no equals sign"], "NAME=VALUE"),
])
def test_bad_bindings_are_usage_errors(graph, args, message):
    run = kg("query", str(graph), "-f", str(QUERIES / "entity.rq"), *args)
    assert run.exit_code == 2 and message in run.output and "Traceback" not in run.output


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("query, line, column", [
    ("SELECT ?s WHERE {\n  ?s ?p ?o FILTER(?o = ) }", 2, None),
    ("SELECT ?s\nWHERE {\n  ?s ?p ?o ", 3, None),
])
def test_a_malformed_query_is_one_short_line_with_its_position(graph, engine, query, line, column):
    run = kg("query", str(graph), query, "--engine", engine)
    assert run.exit_code == 1
    message = run.output.strip()
    assert "\n" not in message and len(message) < 200, message
    assert re.search(rf"line {line}, column \d+", message), message


def test_an_undeclared_prefix_is_named(graph):
    run = kg("query", str(graph), "SELECT ?s WHERE {\n ?s nope:x ?o }")
    assert run.exit_code == 1
    assert "line 2, column" in run.output and "undeclared prefix nope:" in run.output
