"""The graph in other software: strict Turtle parsers, Oxigraph stores and SPARQL servers.

* rapper (raptor2), serdi and pyoxigraph parse the Turtle of the seed and of our probe articles
  with zero errors and zero warnings, and find as many triples as rdflib wrote;
* `kg load --endpoint` fills a real Oxigraph server and a real Virtuoso (private instances on
  loopback, stopped in fixture finalizers even when a test fails), and the example queries of
  queries/ give the same answers there as `kg query` on the file and on a `--store`;
* failures (refused connection, failed login, rejected data, truncated answers) are clear
  errors with exit status 1.
"""
from __future__ import annotations

import http.server
import re
import shutil
import subprocess
import threading
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.query import Result, query_file, query_store
from kg.store import StoreError, http_query

from servers import free_port, oxigraph_binary, start_oxigraph, start_virtuoso

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "qianzhao-cities-2021.md"
CORPUS = FIXTURES / "probe"
QUERIES = Path(__file__).parent.parent / "queries"
GRAPH_IRI = "https://kg.example.org/graph/dev"
# DESCRIBE's answer is implementation-defined (SPARQL 1.1 §16.4): not compared across stores
COMPARED = sorted(p for p in QUERIES.glob("*.rq") if not p.name.startswith("describe"))
MISSING = "missing {}: install the test system packages with scripts/system-deps"


def _build(out: Path, *inputs: Path) -> Path:
    result = CliRunner().invoke(cli, ["build", *map(str, inputs), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def graphs(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("graphs")
    return {"seed": _build(root / "seed", SEED), "dev": _build(root / "dev", CORPUS, SEED)}


@pytest.fixture(scope="module")
def dev_graph(graphs) -> Path:
    return graphs["dev"]


def _rdflib_count(path: Path) -> int:
    from rdflib import Graph

    return len(Graph().parse(path, format="turtle"))


# ------------------------------------------------------------------------ strict parsers

@pytest.mark.parametrize("which", ["seed", "dev"])
def test_rapper_parses_turtle_without_warnings(graphs, which):
    rapper = shutil.which("rapper")
    assert rapper, MISSING.format("rapper (raptor2-utils)")
    path = graphs[which]
    run = subprocess.run([rapper, "-i", "turtle", "-o", "ntriples", str(path)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    problems = [line for line in run.stderr.splitlines()
                if re.search(r"warning|error", line, re.I)]
    assert problems == []
    reported = re.search(r"returned (\d+) triples", run.stderr)
    assert reported and int(reported.group(1)) == _rdflib_count(path)
    assert len(run.stdout.splitlines()) == _rdflib_count(path)


@pytest.mark.parametrize("which", ["seed", "dev"])
def test_serdi_parses_turtle_strictly(graphs, which):
    serdi = shutil.which("serdi")
    assert serdi, MISSING.format("serdi")
    path = graphs[which]
    # serdi is strict unless given -l (lax); any error or warning goes to stderr
    run = subprocess.run([serdi, "-i", "turtle", "-o", "ntriples", str(path)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip() == ""
    assert len(run.stdout.splitlines()) == _rdflib_count(path)


@pytest.mark.parametrize("which", ["seed", "dev"])
def test_pyoxigraph_parses_turtle_strictly(graphs, which):
    import pyoxigraph as ox

    path = graphs[which]
    triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))  # raises on any error
    assert len(triples) == _rdflib_count(path)
    # Chinese characters stay characters in IRIs (IRIs, not URIs); reserved ones are %-encoded
    iris = {t.subject.value for t in triples}
    assert "https://kg.example.org/id/org/工业和信息化部" in iris


# ------------------------------------------------------------------------ comparing answers

def _lexical(term) -> tuple | None:
    """A term as (kind, lexical value, language, datatype), normalised where stores may
    legitimately differ.

    Compared with Virtuoso 7.2.5 every example answer is term-for-term identical: unicode IRIs
    come back as sent (its JSON escapes them as \\uXXXX, which is the same string), "zh" tags
    and xsd:date / xsd:dateTime / xsd:integer datatypes are kept (its JSON calls typed literals
    "typed-literal", which kg.query.from_json reads as literals). One normalisation is kept
    defensively: xsd:dateTime compared as an instant, since Virtuoso keeps datetimes as
    instants and may print another offset for the same one."""
    if term is None:
        return None
    value = term.value
    if term.kind == "literal" and term.datatype and term.datatype.endswith("#dateTime"):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
        except ValueError:
            pass
    return term.kind, value, term.lang, term.datatype


def _rows(result: Result) -> set[tuple]:
    """The answer as a set of rows (order is not compared: ORDER BY ties may differ)."""
    assert result.kind == "select"
    return {tuple(_lexical(row.get(v)) for v in result.vars) for row in result.rows}


@pytest.fixture(scope="module")
def file_answers(dev_graph) -> dict[str, set[tuple]]:
    answers = {p.name: _rows(query_file(dev_graph, p.read_text(encoding="utf-8")))
               for p in COMPARED}
    # the examples are only worth comparing if they find something in the probe articles
    assert all(answers.values()), [name for name, rows in answers.items() if not rows]
    return answers


def test_example_queries_agree_in_an_oxigraph_store(dev_graph, file_answers, tmp_path):
    store = tmp_path / "store"
    run = CliRunner().invoke(cli, ["load", str(dev_graph), "--store", str(store)])
    assert run.exit_code == 0, run.output
    for path in COMPARED:
        assert _rows(query_store(store, path.read_text(encoding="utf-8"))) \
            == file_answers[path.name], path.name


# ------------------------------------------------------------------------ real servers

@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    assert oxigraph_binary(), MISSING.format("the oxigraph server (pip install oxigraph)")
    server = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def virtuoso_server(tmp_path_factory):
    assert shutil.which("virtuoso-t"), MISSING.format("virtuoso-t (virtuoso-opensource)")
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


def _load(server, graph: Path, monkeypatch, *extra: str):
    if server.user:
        monkeypatch.setenv("KG_ENDPOINT_USER", server.user)
        monkeypatch.setenv("KG_ENDPOINT_PASSWORD", server.password)
    return CliRunner().invoke(cli, ["load", str(graph), "--endpoint", server.store_url,
                                    "--graph", GRAPH_IRI, *extra])


@pytest.mark.parametrize("server_name", ["oxigraph_server", "virtuoso_server"])
def test_example_queries_agree_on_real_servers(server_name, request, dev_graph, file_answers,
                                               monkeypatch):
    server = request.getfixturevalue(server_name)
    run = _load(server, dev_graph, monkeypatch, "--replace")
    assert run.exit_code == 0, run.output + server.log_tail()
    count = http_query(server.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                       graph=GRAPH_IRI)
    assert int(count.rows[0]["n"].value) == _rdflib_count(dev_graph)
    for path in COMPARED:
        answer = http_query(server.query_url, path.read_text(encoding="utf-8"), graph=GRAPH_IRI)
        assert _rows(answer) == file_answers[path.name], f"{server.name}: {path.name}"
    # loading again with --replace does not duplicate anything
    assert _load(server, dev_graph, monkeypatch, "--replace").exit_code == 0
    again = http_query(server.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                       graph=GRAPH_IRI)
    assert again.rows[0]["n"].value == count.rows[0]["n"].value


def test_kg_query_endpoint_matches_the_file(oxigraph_server, dev_graph, monkeypatch):
    assert _load(oxigraph_server, dev_graph, monkeypatch, "--replace").exit_code == 0
    query = str(QUERIES / "titles-per-province.rq")
    remote = CliRunner().invoke(cli, ["query", "--endpoint", oxigraph_server.query_url,
                                      "--graph", GRAPH_IRI, "-f", query, "--format", "csv"])
    local = CliRunner().invoke(cli, ["query", str(dev_graph), "-f", query, "--format", "csv"])
    assert remote.exit_code == 0 and local.exit_code == 0, remote.output + local.output
    assert remote.output == local.output


def test_wrong_password_is_an_authentication_error(virtuoso_server, dev_graph, monkeypatch):
    monkeypatch.setenv("KG_ENDPOINT_USER", "dba")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "not-the-password")
    run = CliRunner().invoke(cli, ["load", str(dev_graph), "--endpoint",
                                   virtuoso_server.store_url, "--graph", GRAPH_IRI])
    assert run.exit_code == 1
    assert "authentication failed" in run.output
    assert "not-the-password" not in run.output


def test_missing_credentials_are_named(virtuoso_server, dev_graph, monkeypatch):
    monkeypatch.delenv("KG_ENDPOINT_USER", raising=False)
    monkeypatch.delenv("KG_ENDPOINT_PASSWORD", raising=False)
    run = CliRunner().invoke(cli, ["load", str(dev_graph), "--endpoint",
                                   virtuoso_server.store_url, "--graph", GRAPH_IRI])
    assert run.exit_code == 1
    assert "KG_ENDPOINT_USER" in run.output and "KG_ENDPOINT_PASSWORD" in run.output


def test_refused_connection_is_a_clear_error(dev_graph):
    url = f"http://127.0.0.1:{free_port()}/store"  # nothing listens there
    run = CliRunner().invoke(cli, ["load", str(dev_graph), "--endpoint", url])
    assert run.exit_code == 1
    assert "connection refused" in run.output and "Traceback" not in run.output
    run = CliRunner().invoke(cli, ["query", "--endpoint", url, "ASK {}"])
    assert run.exit_code == 1 and "connection refused" in run.output


def test_rejected_data_is_a_clear_error(oxigraph_server, dev_graph):
    # a graph name that is not an absolute IRI: the server refuses the request
    run = CliRunner().invoke(cli, ["load", str(dev_graph), "--endpoint",
                                   oxigraph_server.store_url, "--graph", "not an iri"])
    assert run.exit_code == 1
    assert "rejected" in run.output and "HTTP 400" in run.output


def test_a_truncated_answer_is_refused():
    """Virtuoso cuts answers at ResultSetMaxRows and says so only in X-SPARQL-MaxRows."""

    class Truncating(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            self.rfile.read(int(self.headers["Content-Length"]))
            body = b'{"head":{"vars":["s"]},"results":{"bindings":[]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("X-SPARQL-MaxRows", "10000")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Truncating)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with pytest.raises(StoreError, match="truncated"):
            http_query(f"http://127.0.0.1:{server.server_port}/sparql",
                       "SELECT ?s WHERE { ?s ?p ?o }")
    finally:
        server.shutdown()
        server.server_close()


def test_sparql_update_is_the_fallback_without_a_graph_store(oxigraph_server, graphs):
    """A server with no Graph Store endpoint at the URL (404) gets INSERT DATA instead."""
    base = oxigraph_server.store_url.rsplit("/", 1)[0]
    graph = "https://kg.example.org/graph/seed-by-update"
    run = CliRunner().invoke(cli, ["load", str(graphs["seed"]), "--endpoint", f"{base}/none",
                                   "--update-endpoint", f"{base}/update", "--graph", graph,
                                   "--replace"])
    assert run.exit_code == 0, run.output
    assert "SPARQL Update" in run.output
    count = http_query(oxigraph_server.query_url, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                       graph=graph)
    assert int(count.rows[0]["n"].value) == _rdflib_count(graphs["seed"])
