"""Misbehaving SPARQL servers, all on 127.0.0.1 (issue 16): redirects that would carry
credentials away or swallow a load, servers that never answer or die mid-load, credentials in
URLs, and SERVICE clauses that would make a local query reach out."""
from __future__ import annotations

import base64
import json
import socket
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store import StoreError, load_endpoint
from servers import Recorder, local_http, oxigraph_binary, start_oxigraph

SEED = Path(__file__).parent / "fixtures" / "qianzhao-cities-2021.md"
GRAPH_IRI = "https://kg.example.org/graph/test"


def kg(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("graph")
    assert kg("build", str(SEED), "--out", str(out), "--jobs", "1").exit_code == 0
    return out / "graph.ttl"


@pytest.fixture
def login(monkeypatch):
    monkeypatch.setenv("KG_ENDPOINT_USER", "alice")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "S3cr3t")
    return "Basic " + base64.b64encode(b"alice:S3cr3t").decode("ascii")


def _count_answer(n: int) -> bytes:
    return json.dumps({"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {
        "type": "literal", "value": str(n),
        "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}}).encode()


# -- item 4: credentials and redirects ----------------------------------------------------------

@pytest.mark.parametrize("status", [302, 307, 308])
def test_credentials_never_follow_a_redirect_to_another_origin(graph, login, status):
    class Elsewhere(Recorder):
        def answer(self, method, body):
            self.reply(200, _count_answer(0), {"Content-Type": "application/sparql-results+json"})

    with local_http(Elsewhere) as other:
        class Redirecting(Recorder):
            def answer(self, method, body):
                if self.headers.get("Authorization") is None:
                    self.reply(401, headers={"WWW-Authenticate": 'Basic realm="kg"'})
                else:  # logged in: sent on to another server
                    self.reply(status, headers={"Location": f"{other.url}/store?default"})

        with local_http(Redirecting) as first:
            loaded = kg("load", str(graph), "--endpoint", f"{first.url}/store")
            asked = kg("query", "--endpoint", f"{first.url}/sparql", "ASK { ?s ?p ?o }")
        assert any(s.headers.get("Authorization") == login for s in first.seen)
    assert other.seen == []  # nothing at all reached the other server, credentials least
    for result in (loaded, asked):
        assert result.exit_code == 1
        assert "redirected the request to another server" in result.output
        assert other.url in result.output and "triples sent" not in result.output
        assert "S3cr3t" not in result.output


# -- item 5: a load that does not happen is never a success ----------------------------------------

def test_a_redirected_load_is_an_error(graph):
    class Redirecting(Recorder):
        def answer(self, method, body):
            if method == "POST":
                self.reply(302, headers={"Location": "/moved"})
            else:
                self.reply(200, b"ok", {"Content-Type": "text/plain"})

    with local_http(Redirecting) as server:
        result = kg("load", str(graph), "--endpoint", f"{server.url}/store")
    assert result.exit_code == 1, result.output
    assert "redirected the request to another URL" in result.output
    assert "(HTTP 302)" in result.output and "triples sent" not in result.output
    assert [s.method for s in server.seen] == ["POST"]  # not followed by a body-less GET


def test_a_load_the_graph_does_not_hold_afterwards_is_an_error(graph):
    class BlackHole(Recorder):
        """Says yes to every load, keeps nothing."""

        def answer(self, method, body):
            if self.path.startswith("/query"):
                self.reply(200, _count_answer(0),
                           {"Content-Type": "application/sparql-results+json"})
            else:
                self.reply(204)

    with local_http(BlackHole) as server:
        result = kg("load", str(graph), "--endpoint", f"{server.url}/store")
    assert result.exit_code == 1, result.output
    assert "accepted the data, but the default graph holds 0 triples, fewer than the" \
        in result.output


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    assert oxigraph_binary(), "the oxigraph server binary (pip install oxigraph) is missing"
    server = start_oxigraph(tmp_path_factory.mktemp("oxigraph-hostile"))
    yield server
    server.stop()


def test_a_load_is_verified_and_replaces_through_a_staging_graph(graph, oxigraph_server):
    from kg.store import http_query

    args = ["load", str(graph), "--endpoint", oxigraph_server.store_url, "--graph", GRAPH_IRI]
    assert kg(*args).exit_code == 0
    result = kg(*args, "--replace")
    assert result.exit_code == 0, result.output
    count = http_query(oxigraph_server.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                       graph=GRAPH_IRI).rows[0]["n"].value
    assert "into a staging graph, then moved" in result.output
    assert f"the graph now holds {count} triples" in result.output
    graphs = http_query(oxigraph_server.query_url,
                        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert {row["g"].value for row in graphs.rows} == {GRAPH_IRI}  # no staging graph is left


# -- item 10: servers that never answer, and query endpoints -----------------------------------

def test_a_server_that_never_answers_times_out(graph):
    with socket.socket() as listener:  # accepts connections (the kernel does), never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/store"
        result = kg("load", str(graph), "--endpoint", url, "--timeout", "0.5")
        asked = kg("query", "--endpoint", url, "ASK {}", "--timeout", "0.5")
    for outcome in (result, asked):
        assert outcome.exit_code == 1, outcome.output
        assert "did not answer in 0.5s (raise --timeout" in outcome.output


def test_the_timeout_is_documented_with_its_default():
    for command in ("load", "query"):
        text = kg(command, "--help").output
        assert "--timeout" in text and "default: 60" in text


@pytest.mark.parametrize("path", ["/sparql", "/ds/query", "/sparql/"])
def test_a_query_endpoint_is_refused_before_anything_is_sent(graph, path):
    with local_http(Recorder) as server:
        result = kg("load", str(graph), "--endpoint", server.url + path)
    assert result.exit_code == 1
    assert "is a SPARQL query endpoint, not a Graph Store" in result.output
    assert server.seen == []


# -- item 11: a server that dies mid-load -------------------------------------------------------

class _Dying(Recorder):
    """Takes SPARQL Update and the first Graph Store request, then dies on the second."""

    def answer(self, method, body):
        if self.path.startswith("/update"):
            self.reply(204)
        elif sum(1 for s in self.server.seen if not s.path.startswith("/update")) >= 2:
            self.close_connection = True  # no answer at all: the connection just closes
        else:
            self.reply(204)


def test_a_load_cut_short_says_how_far_it_got(graph):
    with local_http(_Dying) as server:
        with pytest.raises(StoreError) as caught:
            load_endpoint(graph, f"{server.url}/store", graph=GRAPH_IRI, chunk=50)
    message = str(caught.value)
    assert "closed the connection" in message
    assert "; 50 of " in message and f"triples were loaded into <{GRAPH_IRI}>" in message
    assert "KG_ENDPOINT_USER" not in message  # it died: it did not ask for a login


def test_a_replace_cut_short_keeps_the_old_graph(graph):
    with local_http(_Dying) as server:
        with pytest.raises(StoreError, match=f"<{GRAPH_IRI}> is unchanged"):
            load_endpoint(graph, f"{server.url}/store", graph=GRAPH_IRI, chunk=50,
                          replace=True)
    loads = [s for s in server.seen if not s.path.startswith("/update")]
    updates = [urllib.parse.parse_qs(s.body.decode())["update"][0] for s in server.seen
               if s.path.startswith("/update")]
    assert loads and all(s.method == "POST" and "urn%3Akg%3Astaging" in s.path for s in loads)
    assert len(updates) == 2 and updates[0].startswith("CLEAR SILENT GRAPH <urn:kg:staging:")
    assert updates[1].startswith("DROP SILENT GRAPH <urn:kg:staging:")
    assert not any(GRAPH_IRI in u for u in updates)  # the target was never touched


# -- item 17: credentials in a URL ----------------------------------------------------------------

def test_credentials_in_a_url_are_refused_and_never_printed(graph):
    with local_http(Recorder) as server:
        url = server.url.replace("//", "//alice:S3cr3t@") + "/store"
        results = [kg("load", str(graph), "--endpoint", url),
                   kg("load", str(graph), "--endpoint", f"{server.url}/store",
                      "--update-endpoint", url),
                   kg("query", "--endpoint", url, "ASK {}")]
    assert server.seen == []
    for result in results:
        assert result.exit_code == 2, result.output
        assert "S3cr3t" not in result.output and "alice" not in result.output
        assert "KG_ENDPOINT_USER" in result.output


def test_a_redirect_to_a_url_with_credentials_does_not_print_them(graph):
    class Redirecting(Recorder):
        def answer(self, method, body):
            self.reply(307, headers={"Location": "http://bob:Hunter2@127.0.0.1:9/store"})

    with local_http(Redirecting) as server:
        result = kg("load", str(graph), "--endpoint", f"{server.url}/store")
    assert result.exit_code == 1 and "Hunter2" not in result.output and "bob" not in result.output


# -- item 19: SERVICE ------------------------------------------------------------------------------

@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_service_is_refused_unless_allowed(graph, engine):
    with local_http(Recorder) as server:
        query = f"SELECT * WHERE {{ SERVICE <{server.url}/sparql> {{ ?s ?p ?o }} }}"
        refused = kg("query", str(graph), query, "--engine", engine)
        assert server.seen == []
        assert refused.exit_code == 1 and "--allow-service" in refused.output
        kg("query", str(graph), query, "--engine", engine, "--allow-service")
        assert server.seen and server.seen[0].path.startswith("/sparql")


def test_service_is_refused_on_a_store(graph, tmp_path):
    store = tmp_path / "store"
    assert kg("load", str(graph), "--store", str(store)).exit_code == 0
    with local_http(Recorder) as server:
        result = kg("query", "--store", str(store),
                    f"SELECT * WHERE {{ SERVICE <{server.url}/sparql> {{ ?s ?p ?o }} }}")
    assert result.exit_code == 1 and "--allow-service" in result.output
    assert server.seen == []


def test_the_word_service_in_a_string_is_not_a_service_clause(graph):
    result = kg("query", str(graph), 'SELECT ("SERVICE" AS ?x) WHERE {}')
    assert result.exit_code == 0 and "SERVICE" in result.output
