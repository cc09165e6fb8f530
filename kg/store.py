"""Loading the graph into a triple store, and asking a SPARQL endpoint.

* `load_store`: an embedded, persistent Oxigraph store (a folder) filled with pyoxigraph's bulk
  loader, for graphs too big to query in memory.
* `load_endpoint`: any SPARQL 1.1 server (Fuseki, GraphDB, Virtuoso, Oxigraph server ...)
  through the Graph Store HTTP Protocol, with SPARQL Update INSERT DATA as the fallback for
  servers that have no Graph Store endpoint.
* `http_query`: the SPARQL 1.1 Protocol, for `kg query --endpoint`.

HTTP goes through urllib (standard library) with Basic and Digest authentication. Credentials
come from the environment (KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD), never from the command line.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from kg.query import PREFIXES, QueryError, Result, from_json, from_oxigraph, query_form, \
    rdf_format, with_prologue

USER_ENV = "KG_ENDPOINT_USER"
PASSWORD_ENV = "KG_ENDPOINT_PASSWORD"
#: triples per HTTP request: bounded memory and request size for big graphs
CHUNK = 50_000
TIMEOUT = 600


class StoreError(Exception):
    """Loading or asking failed; the message says why in words a user can act on."""


# ------------------------------------------------------------------------------- embedded store

def load_store(graph_file: Path, directory: Path, *, graph: str | None = None,
               replace: bool = False) -> int:
    """Bulk-load a graph file into the Oxigraph store in `directory` (created if missing).

    Into the default graph unless `graph` names a graph. `replace` empties that graph first.
    Returns the number of triples in that graph afterwards."""
    import pyoxigraph as ox

    try:
        directory.mkdir(parents=True, exist_ok=True)
        store = ox.Store(str(directory))
    except OSError as exc:
        raise StoreError(f"{directory}: cannot open the store: {exc.strerror or exc}") from None
    target = ox.NamedNode(graph) if graph else ox.DefaultGraph()
    if replace:
        store.clear_graph(target)
    try:
        store.bulk_load(path=str(graph_file), format=rdf_format(graph_file), to_graph=target)
    except SyntaxError as exc:
        raise StoreError(f"{graph_file}: cannot parse the graph: {exc}") from None
    store.flush()
    answer = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", default_graph=target)
    return int(next(iter(answer))["n"].value)


# ------------------------------------------------------------------------------- HTTP

def credentials() -> tuple[str, str] | None:
    user = os.environ.get(USER_ENV)
    if not user:
        return None
    return user, os.environ.get(PASSWORD_ENV, "")


class _Auth:
    """HTTP Basic or Digest (RFC 7616, qop=auth) with the environment's credentials.

    urllib's own handlers send every request without credentials first and answer the 401;
    servers such as Virtuoso send that 401 and close the connection before reading a large
    body, so the upload dies with a broken pipe. Here the challenge is learnt once from a
    bodiless probe, and every later request carries its Authorization header from the start."""

    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user, password
        self.scheme: str | None = None
        self.params: dict[str, str] = {}
        self.count = 0

    def learn(self, challenges: list[str]) -> bool:
        found = {}
        for header in challenges:
            scheme, _, rest = header.strip().partition(" ")
            found[scheme.lower()] = rest
        if "digest" in found:
            items = urllib.request.parse_http_list(found["digest"])
            self.scheme, self.params, self.count = \
                "digest", urllib.request.parse_keqv_list(items), 0
            return True
        if "basic" in found:
            self.scheme = "basic"
            return True
        return False

    def header(self, method: str, url: str) -> str | None:
        if self.scheme == "basic":
            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
            return f"Basic {token}"
        if self.scheme != "digest":
            return None
        parts = urllib.parse.urlsplit(url)
        uri = parts.path + (f"?{parts.query}" if parts.query else "")
        p = self.params
        algorithm = p.get("algorithm", "MD5")
        digest = {"MD5": hashlib.md5, "SHA-256": hashlib.sha256}.get(algorithm.upper(),
                                                                    hashlib.md5)

        def h(text: str) -> str:
            return digest(text.encode("utf-8")).hexdigest()

        realm, nonce = p.get("realm", ""), p.get("nonce", "")
        ha1 = h(f"{self.user}:{realm}:{self.password}")
        ha2 = h(f"{method}:{uri}")
        fields = {"username": self.user, "realm": realm, "nonce": nonce, "uri": uri,
                  "algorithm": algorithm}
        qops = [q.strip() for q in p.get("qop", "").split(",") if q.strip()]
        if "auth" in qops:
            self.count += 1
            nc, cnonce = f"{self.count:08x}", secrets.token_hex(8)
            fields["response"] = h(f"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")
            fields.update(qop="auth", nc=nc, cnonce=cnonce)
        else:
            fields["response"] = h(f"{ha1}:{nonce}:{ha2}")
        if "opaque" in p:
            fields["opaque"] = p["opaque"]
        unquoted = {"algorithm", "qop", "nc"}
        return "Digest " + ", ".join(f"{k}={v}" if k in unquoted else f'{k}="{v}"'
                                     for k, v in fields.items())


_AUTH: dict[str, _Auth] = {}


def _auth_for(url: str) -> _Auth | None:
    creds = credentials()
    if not creds:
        return None
    key = f"{_origin(url)}|{creds[0]}"
    if key not in _AUTH or (_AUTH[key].user, _AUTH[key].password) != creds:
        _AUTH[key] = _Auth(*creds)
    return _AUTH[key]


@dataclass
class Reply:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str]
    challenges: list[str] = field(default_factory=list)


def _exchange(url: str, method: str, data: bytes | None, headers: dict[str, str],
              what: str) -> Reply:
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as response:
            return Reply(response.status, response.headers.get("Content-Type", ""),
                         response.read(), {k.lower(): v for k, v in response.headers.items()})
    except urllib.error.HTTPError as exc:
        body = exc.read() if exc.fp else b""
        found = {k.lower(): v for k, v in exc.headers.items()} if exc.headers else {}
        challenges = (exc.headers.get_all("WWW-Authenticate") or []) if exc.headers else []
        return Reply(exc.code, found.get("content-type", ""), body, found, challenges)
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, ConnectionRefusedError):
            raise StoreError(f"{what}: connection refused by {_origin(url)}: "
                             f"is the server running, and is the URL right?") from None
        if isinstance(reason, socket.gaierror):
            raise StoreError(f"{what}: unknown host in {url}") from None
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise StoreError(f"{what}: {_origin(url)} did not answer in {TIMEOUT}s") from None
        if isinstance(reason, (BrokenPipeError, ConnectionResetError)):
            raise _Dropped(str(reason)) from None
        raise StoreError(f"{what}: cannot reach {_origin(url)}: {reason}") from None
    except (BrokenPipeError, ConnectionResetError) as exc:
        raise _Dropped(str(exc)) from None
    except (ConnectionError, socket.timeout, TimeoutError) as exc:
        raise StoreError(f"{what}: connection to {_origin(url)} failed: {exc}") from None
    except ValueError as exc:  # a malformed URL
        raise StoreError(f"{what}: {url}: {exc}") from None


class _Dropped(Exception):
    """The server closed the connection while we were sending (typically: a 401 it sent
    before reading the body)."""


def request(url: str, *, method: str = "GET", data: bytes | None = None,
            headers: dict[str, str] | None = None, what: str = "the request") -> Reply:
    """One HTTP exchange, authenticated if the server asks; every failure becomes a StoreError
    with an actionable message. HTTP error statuses other than 401/403 are returned."""
    headers = dict(headers or {})
    auth = _auth_for(url)
    if auth is not None and auth.scheme is None and data:
        # learn the challenge without sending the body (see _Auth); a probe that needs no
        # authentication sends nothing that changes the store
        probe = _exchange(url, "POST", b"", {"Content-Type": headers.get(
            "Content-Type", "text/turtle")}, what)
        if probe.status == 401:
            auth.learn(probe.challenges)
    reply = None
    for attempt in range(3):
        sent = dict(headers)
        value = auth.header(method, url) if auth is not None else None
        if value:
            sent["Authorization"] = value
        try:
            reply = _exchange(url, method, data, sent, what)
        except _Dropped as exc:
            if auth is None or attempt == 2:
                raise StoreError(f"{what}: {_origin(url)} closed the connection ({exc}); "
                                 f"if it needs a login, set {USER_ENV} and {PASSWORD_ENV}"
                                 ) from None
            probe = _exchange(url, "POST", b"", {}, what)
            if probe.status == 401:
                auth.learn(probe.challenges)
            continue
        if reply.status == 401 and auth is not None and attempt == 0 \
                and auth.learn(reply.challenges):
            continue  # first contact, or a stale nonce: answer the fresh challenge once
        break
    assert reply is not None
    if reply.status in (401, 403):
        hint = (f"set {USER_ENV} and {PASSWORD_ENV}" if auth is None
                else f"check {USER_ENV} / {PASSWORD_ENV} and the account's rights")
        raise StoreError(f"{what}: authentication failed at {_origin(url)} "
                         f"(HTTP {reply.status}): {hint}")
    return reply


def _origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _excerpt(body: bytes, limit: int = 600) -> str:
    text = body.decode("utf-8", "replace").strip()
    text = " ".join(text.split())
    return text[:limit] + ("…" if len(text) > limit else "")


# ------------------------------------------------------------------------------- endpoints

def graph_store_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of `graph` at `endpoint`.

    The standard parameter is ?graph=IRI (or ?default); Virtuoso's endpoint
    (/sparql-graph-crud[-auth]) calls it graph-uri."""
    parts = urllib.parse.urlsplit(endpoint)
    if graph is None:
        param = "default"
    else:
        name = "graph-uri" if "sparql-graph-crud" in parts.path else "graph"
        param = urllib.parse.urlencode({name: graph})
    query = f"{parts.query}&{param}" if parts.query else param
    return urllib.parse.urlunsplit(parts._replace(query=query))


def guess_update_url(endpoint: str) -> str:
    """Where SPARQL Update is likely served, next to a Graph Store endpoint."""
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path
    for gsp, update in (("/sparql-graph-crud-auth", "/sparql-auth"),
                        ("/sparql-graph-crud", "/sparql"), ("/store", "/update"),
                        ("/data", "/update"), ("/statements", "/statements")):
        if path.endswith(gsp):
            path = path[: -len(gsp)] + update
            break
    return urllib.parse.urlunsplit(parts._replace(path=path, query=""))


def _ntriples_chunks(graph_file: Path, size: int) -> Iterator[tuple[bytes, int]]:
    """The graph as N-Triples documents of at most `size` triples (one document if the graph
    has blank nodes: a blank node must not be split across requests)."""
    import pyoxigraph as ox

    def parse():
        try:
            yield from ox.parse(path=str(graph_file), format=rdf_format(graph_file))
        except SyntaxError as exc:
            raise StoreError(f"{graph_file}: cannot parse the graph: {exc}") from None

    has_bnodes = any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)
                     for q in parse())
    if has_bnodes:
        size = 1 << 62
    batch: list[str] = []
    for quad in parse():
        batch.append(f"{quad.subject} {quad.predicate} {quad.object} .\n")
        if len(batch) >= size:
            yield "".join(batch).encode("utf-8"), len(batch)
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8"), len(batch)


def load_endpoint(graph_file: Path, endpoint: str, *, graph: str | None = None,
                  update_url: str | None = None, replace: bool = False,
                  chunk: int = CHUNK) -> tuple[int, str]:
    """Send the graph to a SPARQL 1.1 server. Returns (triples sent, protocol used).

    Graph Store HTTP Protocol first (POST adds to the graph, PUT replaces it); if the server has
    no such endpoint (404, 405, 415, 501), SPARQL Update INSERT DATA to `update_url`."""
    sent = 0
    protocol = "graph-store"
    target = graph_store_url(endpoint, graph)
    first = True
    for body, count in _ntriples_chunks(graph_file, chunk):
        if protocol == "graph-store":
            # N-Triples is Turtle; text/turtle is the one type every Graph Store accepts
            reply = request(target, method="PUT" if (replace and first) else "POST", data=body,
                            headers={"Content-Type": "text/turtle; charset=utf-8"},
                            what=f"loading into {endpoint}")
            if first and reply.status in (404, 405, 415, 501):
                protocol = "update"
            else:
                _check(reply, f"{endpoint} rejected the data")
        if protocol == "update":
            _insert_data(update_url or guess_update_url(endpoint), body.decode("utf-8"), graph,
                         drop=replace and first)
        sent += count
        first = False
    return sent, protocol


def _check(reply: Reply, what: str) -> None:
    if not 200 <= reply.status < 300:
        raise StoreError(f"{what} (HTTP {reply.status}): {_excerpt(reply.body)}")


def _insert_data(url: str, ntriples: str, graph: str | None, *, drop: bool) -> None:
    inner = f"GRAPH <{graph}> {{\n{ntriples}}}" if graph else ntriples
    update = f"INSERT DATA {{\n{inner}\n}}"
    if drop:
        update = (f"DROP SILENT GRAPH <{graph}> ;\n" if graph else "CLEAR SILENT DEFAULT ;\n") \
            + update
    reply = request(url, method="POST", data=urllib.parse.urlencode({"update": update}).encode(),
                    headers={"Content-Type": "application/x-www-form-urlencoded"},
                    what=f"SPARQL Update at {url}")
    _check(reply, f"{url} rejected the update")


def http_query(endpoint: str, query: str, *, graph: str | None = None) -> Result:
    """A read-only query through the SPARQL 1.1 Protocol. The predeclared prefixes are sent
    as PREFIX lines; `graph` is sent as default-graph-uri."""
    form = query_form(query)
    if form == "UPDATE":
        raise QueryError("kg query does not send updates to a server; use the server's own "
                         "tools, or kg load to add a graph")
    fields = [("query", with_prologue(query, PREFIXES))]
    if graph:
        fields.append(("default-graph-uri", graph))
    accept = ("application/sparql-results+json" if form in ("SELECT", "ASK")
              else "application/n-triples, text/turtle;q=0.9")
    reply = request(endpoint, method="POST", data=urllib.parse.urlencode(fields).encode(),
                    headers={"Content-Type": "application/x-www-form-urlencoded",
                             "Accept": accept},
                    what=f"querying {endpoint}")
    _check(reply, f"{endpoint} refused the query")
    if form in ("SELECT", "ASK"):
        _refuse_truncated(reply, endpoint)
        try:
            data = json.loads(reply.body.decode("utf-8"))
        except ValueError:
            raise StoreError(f"{endpoint} did not answer with SPARQL JSON results: "
                             f"{_excerpt(reply.body, 200)}") from None
        if "boolean" in data:
            return Result("ask", boolean=bool(data["boolean"]))
        names = data["head"].get("vars", [])
        rows = [{k: from_json(v) for k, v in b.items()} for b in data["results"]["bindings"]]
        return Result("select", vars=names, rows=rows)
    import pyoxigraph as ox

    kind = reply.content_type.split(";")[0].strip().lower()
    fmt = ox.RdfFormat.from_media_type(kind) or ox.RdfFormat.TURTLE
    triples = [(from_oxigraph(q.subject), from_oxigraph(q.predicate), from_oxigraph(q.object))
               for q in ox.parse(reply.body, format=fmt)]
    return Result("graph", triples=triples)


def _refuse_truncated(reply: Reply, endpoint: str) -> None:
    """Virtuoso cuts answers at ResultSetMaxRows and says so only in a response header
    (X-SPARQL-MaxRows); a partial answer must never pass as a whole one."""
    limit = reply.headers.get("x-sparql-maxrows")
    if limit:
        raise StoreError(f"{endpoint} truncated the answer at {limit} rows (X-SPARQL-MaxRows): "
                         f"raise the server's result limit (Virtuoso: ResultSetMaxRows in the "
                         f"[SPARQL] section of its ini) or narrow the query with LIMIT/OFFSET")
