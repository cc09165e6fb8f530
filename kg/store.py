"""Loading the graph into a triple store, and asking a SPARQL endpoint.

* `load_store`: an embedded, persistent Oxigraph store (a folder) filled with pyoxigraph's bulk
  loader, for graphs too big to query in memory.
* `load_endpoint`: any SPARQL 1.1 server (Fuseki, GraphDB, Virtuoso, Oxigraph server ...)
  through the Graph Store HTTP Protocol, with SPARQL Update INSERT DATA as the fallback for
  servers that have no Graph Store endpoint.
* `http_query`: the SPARQL 1.1 Protocol, for `kg query --endpoint`.

HTTP goes through urllib (standard library) with Basic and Digest authentication. Credentials
come from the environment (KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD), never from the command line,
and are never printed. Redirects are not followed: a redirect would carry the credentials to
another server, and turns a load (POST) into a GET that loads nothing; it is reported instead.
A load is verified where the server allows it: the triples in the target graph are counted
afterwards. With --replace, the graph is loaded into a staging graph first and moved over the
target in one SPARQL Update (where the server has SPARQL Update), so a failed load leaves the
old graph as it was.
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
#: seconds to wait for a server to connect or to send the next part of an answer
TIMEOUT = 60


class StoreError(Exception):
    """Loading or asking failed; the message says why in words a user can act on."""


# ------------------------------------------------------------------------------- embedded store

#: what a shard folder's graph files end with (N-Triples and N-Quads split on any line)
SHARD_SUFFIXES = (".nq", ".nt", ".ttl", ".trig")


def graph_files(path: Path) -> list[Path]:
    """The graph files to load: `path` itself, or the graph files of a shard folder (in name
    order; files of other kinds, such as a README, are left alone)."""
    if not path.is_dir():
        return [path]
    try:
        found = sorted(p for p in path.iterdir()
                       if p.suffix.lower() in SHARD_SUFFIXES and p.is_file())
    except OSError as exc:
        raise StoreError(f"{path}: cannot list the folder: {exc.strerror or exc}") from None
    if not found:
        raise StoreError(f"{path}: no graph file in the folder (expected files ending in "
                         f"{', '.join(SHARD_SUFFIXES)})")
    return found


def load_store(graph_file: Path, directory: Path, *, graph: str | None = None,
               replace: bool = False) -> int:
    """Bulk-load a graph file, or a folder of them (a shard folder, see `graph_files`), into the
    Oxigraph store in `directory` (created if missing).

    Into the default graph unless `graph` names a graph. `replace` empties that graph first.
    Returns the number of triples in that graph afterwards."""
    import pyoxigraph as ox

    files = graph_files(graph_file)

    try:
        directory.mkdir(parents=True, exist_ok=True)
        store = ox.Store(str(directory))
    except OSError as exc:
        raise StoreError(f"{directory}: cannot open the store: {exc.strerror or exc}") from None
    target = ox.NamedNode(graph) if graph else ox.DefaultGraph()
    if replace:
        store.clear_graph(target)
    for path in files:  # one file at a time: the bulk loader's memory is one shard's
        try:
            store.bulk_load(path=str(path), format=rdf_format(path), to_graph=target)
        except SyntaxError as exc:
            raise StoreError(f"{path}: cannot parse the graph: {exc}") from None
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


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect comes back as the 3xx reply it is (see `request`), never followed."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def _exchange(url: str, method: str, data: bytes | None, headers: dict[str, str],
              what: str, timeout: float = TIMEOUT) -> Reply:
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with _OPENER.open(req, timeout=timeout) as response:
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
            raise StoreError(f"{what}: unknown host in {redact(url)}") from None
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise StoreError(f"{what}: {_origin(url)} did not answer in {timeout:g}s "
                             f"(raise --timeout if it is only slow)") from None
        if isinstance(reason, (BrokenPipeError, ConnectionResetError)):
            raise _Dropped(str(reason)) from None
        raise StoreError(f"{what}: cannot reach {_origin(url)}: {reason}") from None
    except (BrokenPipeError, ConnectionResetError) as exc:
        raise _Dropped(str(exc)) from None
    except (socket.timeout, TimeoutError):
        raise StoreError(f"{what}: {_origin(url)} did not answer in {timeout:g}s "
                         f"(raise --timeout if it is only slow)") from None
    except ConnectionError as exc:
        raise StoreError(f"{what}: connection to {_origin(url)} failed: {exc}") from None
    except ValueError:  # a malformed URL (its text may hold a password: not shown)
        raise StoreError(f"{what}: {redact(url)} is not a valid URL") from None


class _Dropped(Exception):
    """The server closed the connection while we were sending (typically: a 401 it sent
    before reading the body)."""


def request(url: str, *, method: str = "GET", data: bytes | None = None,
            headers: dict[str, str] | None = None, what: str = "the request",
            timeout: float = TIMEOUT) -> Reply:
    """One HTTP exchange, authenticated if the server asks; every failure becomes a StoreError
    with an actionable message. HTTP error statuses other than 401/403 are returned; a
    redirect is an error (it is never followed, see the module's doc)."""
    headers = dict(headers or {})
    auth = _auth_for(url)
    if auth is not None and auth.scheme is None and data:
        # learn the challenge without sending the body (see _Auth); a probe that needs no
        # authentication sends nothing that changes the store
        probe = _exchange(url, "POST", b"", {"Content-Type": headers.get(
            "Content-Type", "text/turtle")}, what, timeout)
        _refuse_redirect(probe, url, what)
        if probe.status == 401:
            auth.learn(probe.challenges)
    reply = None
    for attempt in range(3):
        sent = dict(headers)
        value = auth.header(method, url) if auth is not None else None
        if value:
            sent["Authorization"] = value
        try:
            reply = _exchange(url, method, data, sent, what, timeout)
        except _Dropped as exc:
            if auth is None or attempt == 2:
                hint = "" if auth is not None else \
                    f"; if it needs a login, set {USER_ENV} and {PASSWORD_ENV}"
                raise Dropped(f"{what}: {_origin(url)} closed the connection ({exc})",
                              hint) from None
            probe = _exchange(url, "POST", b"", {}, what, timeout)
            if probe.status == 401:
                auth.learn(probe.challenges)
            continue
        if reply.status == 401 and auth is not None and attempt == 0 \
                and auth.learn(reply.challenges):
            continue  # first contact, or a stale nonce: answer the fresh challenge once
        break
    assert reply is not None
    _refuse_redirect(reply, url, what)
    if reply.status in (401, 403):
        hint = (f"set {USER_ENV} and {PASSWORD_ENV}" if auth is None
                else f"check {USER_ENV} / {PASSWORD_ENV} and the account's rights")
        raise StoreError(f"{what}: authentication failed at {_origin(url)} "
                         f"(HTTP {reply.status}): {hint}")
    return reply


class Dropped(StoreError):
    """The server closed the connection (it may have died). The hint about logins is only
    given when no credentials were set, and not when the server already took part of a load
    (then it died, it did not ask for a login)."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message + hint)
        self.message = message


def _refuse_redirect(reply: Reply, url: str, what: str) -> None:
    if 300 <= reply.status < 400 and reply.status != 304:
        target = urllib.parse.urljoin(url, reply.headers.get("location", ""))
        where = "another server" if _origin(target) != _origin(url) else "another URL"
        raise StoreError(
            f"{what}: {_origin(url)} redirected the request to {where}, {redact(target)} "
            f"(HTTP {reply.status}); kg does not follow redirects (credentials stay with the "
            f"server they were meant for, and a redirected load loads nothing): if that is "
            f"the right server, use its URL")


def _origin(url: str) -> str:
    """scheme://host:port, without any user name or password the URL holds."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    return f"{parts.scheme}://{host}{port}"


def has_credentials(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    return "@" in parts.netloc


def redact(url: str) -> str:
    """The URL with any user name and password in it replaced by ***."""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urllib.parse.urlunsplit(parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]))


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


def guess_query_url(endpoint: str) -> str:
    """Where the SPARQL query endpoint likely is, next to a Graph Store or Update endpoint."""
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path
    for other, query in (("/sparql-graph-crud-auth", "/sparql"), ("/sparql-graph-crud", "/sparql"),
                         ("/sparql-auth", "/sparql"), ("/store", "/query"), ("/data", "/query"),
                         ("/update", "/query"), ("/statements", ""),
                         ("/rdf-graphs/service", "")):
        if path.endswith(other):
            path = path[: -len(other)] + query
            break
    return urllib.parse.urlunsplit(parts._replace(path=path, query=""))


def refuse_query_endpoint(endpoint: str) -> None:
    """A load sent to a query endpoint (Virtuoso's /sparql, Fuseki's /query) is not a load;
    some such servers never answer it. Say so before sending anything."""
    last = urllib.parse.urlsplit(endpoint).path.rstrip("/").rsplit("/", 1)[-1].lower()
    if last in ("sparql", "query"):
        raise StoreError(
            f"{redact(endpoint)} is a SPARQL query endpoint, not a Graph Store: give the "
            f"server's Graph Store URL (Oxigraph .../store, Fuseki .../ds/data, Virtuoso "
            f".../sparql-graph-crud-auth, GraphDB .../repositories/R/rdf-graphs/service)")


@dataclass
class _Survey:
    total: int          # triples in the file
    distinct: int       # distinct triples: what the target graph holds after a replace
    blank_nodes: bool


def _survey(graph_file: Path) -> _Survey:
    import pyoxigraph as ox

    seen: set[bytes] = set()
    total = 0
    blank = False
    for quad in _parse(graph_file):
        total += 1
        blank = blank or isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object,
                                                                               ox.BlankNode)
        line = f"{quad.subject} {quad.predicate} {quad.object}".encode("utf-8")
        seen.add(hashlib.blake2b(line, digest_size=12).digest())
    return _Survey(total, len(seen), blank)


def _parse(graph_file: Path):
    """The quads of a graph file, or of every graph file of a shard folder in turn."""
    import pyoxigraph as ox

    for path in graph_files(graph_file):
        try:
            yield from ox.parse(path=str(path), format=rdf_format(path))
        except SyntaxError as exc:
            raise StoreError(f"{path}: cannot parse the graph: {exc}") from None


def _ntriples_chunks(graph_file: Path, size: int) -> Iterator[tuple[bytes, int]]:
    """The graph as N-Triples documents of at most `size` triples (give a size of 0 for one
    document: a graph with blank nodes must not split them across requests)."""
    batch: list[str] = []
    for quad in _parse(graph_file):
        batch.append(f"{quad.subject} {quad.predicate} {quad.object} .\n")
        if size and len(batch) >= size:
            yield "".join(batch).encode("utf-8"), len(batch)
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8"), len(batch)


@dataclass
class Loaded:
    """What a load did: triples sent, the protocol, whether it went through a staging graph,
    and the triples the target graph holds afterwards (None when the server cannot be asked)."""

    sent: int
    protocol: str
    staged: bool = False
    count: int | None = None


def load_endpoint(graph_file: Path, endpoint: str, *, graph: str | None = None,
                  update_url: str | None = None, replace: bool = False,
                  chunk: int = CHUNK, timeout: float = TIMEOUT) -> Loaded:
    """Send the graph to a SPARQL 1.1 server, then check it is there.

    Graph Store HTTP Protocol first (POST adds to the graph, PUT replaces it); if the server has
    no such endpoint (404, 405, 415, 501), SPARQL Update INSERT DATA to `update_url`. With
    `replace` and SPARQL Update available, the data goes to a staging graph that one MOVE puts
    in place of the target, so a failure leaves the target as it was. A failure says how many
    triples were loaded; a load that the server acknowledged but that the target graph does
    not hold afterwards is an error."""
    refuse_query_endpoint(endpoint)
    survey = _survey(graph_file)
    update = update_url or guess_update_url(endpoint)
    staging = _staging_graph(update, timeout) if replace else None
    into = staging or graph
    loaded = Loaded(0, "graph-store", staged=staging is not None)
    try:
        for body, count in _ntriples_chunks(graph_file, 0 if survey.blank_nodes else chunk):
            first = loaded.sent == 0
            _send(body, endpoint, into, update, loaded, replace=replace and not staging,
                  first=first, timeout=timeout)
            loaded.sent += count
        if staging:
            target = f"GRAPH <{graph}>" if graph else "DEFAULT"
            _update(update, f"MOVE SILENT GRAPH <{staging}> TO {target}", timeout)
    except StoreError as exc:
        text = exc.message if isinstance(exc, Dropped) and loaded.sent else str(exc)
        raise StoreError(f"{text}; {_progress(loaded, survey, graph, staging, update, timeout)}"
                         ) from None
    loaded.count = _count(endpoint, update, graph, timeout)
    expected = survey.distinct  # a replaced graph holds exactly these; a graph added to, more
    if loaded.count is not None and loaded.count < expected:
        where = f"<{graph}>" if graph else "the default graph"
        raise StoreError(f"{redact(endpoint)} accepted the data, but {where} holds "
                         f"{loaded.count} triples, fewer than the {expected} sent: the load "
                         f"did not take effect")
    return loaded


def _send(body: bytes, endpoint: str, graph: str | None, update: str, loaded: Loaded, *,
          replace: bool, first: bool, timeout: float) -> None:
    if loaded.protocol == "graph-store":
        # N-Triples is Turtle; text/turtle is the one type every Graph Store accepts
        reply = request(graph_store_url(endpoint, graph), method="PUT" if (replace and first)
                        else "POST", data=body,
                        headers={"Content-Type": "text/turtle; charset=utf-8"},
                        what=f"loading into {redact(endpoint)}", timeout=timeout)
        if first and reply.status in (404, 405, 415, 501):
            loaded.protocol = "update"
        else:
            _check(reply, f"{redact(endpoint)} rejected the data")
    if loaded.protocol == "update":
        _insert_data(update, body.decode("utf-8"), graph, drop=replace and first,
                     timeout=timeout)


def _staging_graph(update: str, timeout: float) -> str | None:
    """A fresh graph name to load into, if the server takes SPARQL Update at `update` (asked
    with an update that changes nothing); None if it does not."""
    staging = f"urn:kg:staging:{secrets.token_hex(12)}"
    try:
        _update(update, f"CLEAR SILENT GRAPH <{staging}>", timeout)
    except StoreError:
        return None
    return staging


def _update(url: str, update: str, timeout: float) -> None:
    reply = request(url, method="POST", data=urllib.parse.urlencode({"update": update}).encode(),
                    headers={"Content-Type": "application/x-www-form-urlencoded"},
                    what=f"SPARQL Update at {redact(url)}", timeout=timeout)
    _check(reply, f"{redact(url)} rejected the update")


def _progress(loaded: Loaded, survey: _Survey, graph: str | None, staging: str | None,
              update: str, timeout: float) -> str:
    """What a failed load leaves behind, in words."""
    where = f"<{graph}>" if graph else "the default graph"
    if staging:
        try:
            _update(update, f"DROP SILENT GRAPH <{staging}>", timeout)
        except StoreError:
            return (f"{where} is unchanged; {loaded.sent} of {survey.total} triples were "
                    f"loaded into the staging graph <{staging}>, which could not be dropped")
        return f"{where} is unchanged (nothing of this load was kept)"
    return f"{loaded.sent} of {survey.total} triples were loaded into {where}"


def _count(endpoint: str, update: str, graph: str | None, timeout: float) -> int | None:
    """The triples in the target graph, from the server's query endpoint; None if there is
    none where it is usually found."""
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    for url in dict.fromkeys((guess_query_url(endpoint), guess_query_url(update))):
        try:
            answer = http_query(url, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}",
                                timeout=timeout)
            return int(answer.rows[0]["n"].value)
        except (StoreError, QueryError, LookupError, ValueError, TypeError):
            continue
    return None


def _check(reply: Reply, what: str) -> None:
    if not 200 <= reply.status < 300:
        raise StoreError(f"{what} (HTTP {reply.status}): {_excerpt(reply.body)}")


def _insert_data(url: str, ntriples: str, graph: str | None, *, drop: bool,
                 timeout: float = TIMEOUT) -> None:
    inner = f"GRAPH <{graph}> {{\n{ntriples}}}" if graph else ntriples
    update = f"INSERT DATA {{\n{inner}\n}}"
    if drop:
        update = (f"DROP SILENT GRAPH <{graph}> ;\n" if graph else "CLEAR SILENT DEFAULT ;\n") \
            + update
    _update(url, update, timeout)


def http_query(endpoint: str, query: str, *, graph: str | None = None,
               timeout: float = TIMEOUT) -> Result:
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
                    what=f"querying {redact(endpoint)}", timeout=timeout)
    _check(reply, f"{redact(endpoint)} refused the query")
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
