"""`kg query` and `kg load`: SPARQL over the graph, and loading it into triple stores.

Heavy imports (rdflib, pyoxigraph) happen inside the commands: `import kg.cli` stays cheap.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

_FORMATS = ("table", "csv", "tsv", "json", "turtle", "nt")


def _timeout_option(function):
    return click.option(
        "--timeout", default=60, show_default=True, type=click.FloatRange(min=0.1),
        metavar="SECONDS",
        help="How long to wait for the server to connect, or to send the next part of its "
             "answer, before giving up.")(function)


def _check_endpoint(url: str | None, option: str) -> None:
    """Credentials in a URL would show in process lists, logs and error messages."""
    from kg.store import PASSWORD_ENV, USER_ENV, has_credentials

    if url is not None and has_credentials(url):
        raise click.BadParameter(
            f"the URL holds a user name or password (not shown); give the URL without it and "
            f"set {USER_ENV} and {PASSWORD_ENV}", param_hint=option)


def _need_oxigraph(what: str) -> None:
    from kg.query import have_oxigraph

    if not have_oxigraph():
        raise click.ClickException(f"{what} needs pyoxigraph: pip install pyoxigraph")


@click.command()
@click.argument("args", nargs=-1, metavar="[GRAPH] [QUERY]")
@click.option("-f", "--file", "query_file", type=click.File("r", encoding="utf-8"),
              help="Read the query from this .rq file ('-' for standard input).")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Query the Oxigraph store in this folder (made by kg load --store) "
                   "instead of a graph file.")
@click.option("--endpoint", metavar="URL",
              help="Query this SPARQL endpoint (SPARQL 1.1 Protocol) instead of a graph file.")
@click.option("--graph", "graph_iri", metavar="IRI",
              help="With --store or --endpoint: use this named graph as the default graph.")
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default="table",
              show_default=True,
              help="table: readable; csv/tsv/json: the SPARQL 1.1 results formats; "
                   "turtle/nt: for CONSTRUCT and DESCRIBE.")
@click.option("--engine", type=click.Choice(["auto", "oxigraph", "rdflib"]), default="auto",
              show_default=True,
              help="For graph files: auto uses Oxigraph (in memory) if installed, else rdflib.")
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="Give the variable ?NAME this value (repeatable). VALUE is an IRI "
                   "(<…>, http…, or a prefixed name such as place:370200), a number, a SPARQL "
                   "literal (\"…\"@zh), or else a plain string.")
@click.option("--allow-service", is_flag=True,
              help="Let a query over a graph file or store use SERVICE, which sends requests "
                   "to the servers it names (refused otherwise).")
@_timeout_option
def query(args: tuple[str, ...], query_file, store_dir: Path | None, endpoint: str | None,
          graph_iri: str | None, fmt: str, engine: str, binds: tuple[str, ...],
          allow_service: bool, timeout: float) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over a graph file or a store.

    GRAPH is a graph file written by kg build (Turtle, N-Triples, JSON-LD ...); leave it out
    with --store or --endpoint. QUERY is the query text; or give -f FILE.rq instead.

    These prefixes are predeclared: kg (also the empty prefix, as in :awardedTitle), rdf,
    rdfs, skos, schema, prov, xsd, dcterms, owl, and the entity prefixes the table prints
    (person, org, place, event, doc, title, article, statement), so a name it prints can be
    pasted back into a query. A query's own PREFIX lines take precedence.
    Updates (INSERT, DELETE ...) are refused on graph files; on a --store they are applied.
    Credentials for --endpoint come from KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD.
    Example queries: the queries/ folder of the project.

    \b
    Exit status:
        0  the query ran (an empty answer included)
        1  the query, the graph or the store is wrong (the message says what)
        2  usage error

    \b
    Example:
        kg query output/graph.ttl 'SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p'
        kg query output/graph.ttl -f queries/titles-by-province.rq --format csv
        kg query --store kgstore/ -f queries/speakers.rq
        kg query output/graph.ttl -f queries/entity.rq --bind name=青岛市
    """
    from kg import query as q

    args = list(args)
    _check_endpoint(endpoint, "--endpoint")
    targets = sum(x is not None for x in (store_dir, endpoint))
    if targets > 1:
        raise click.UsageError("give either --store or --endpoint, not both")
    graph_file: Path | None = None
    if not targets:
        if not args:
            raise click.UsageError("missing GRAPH (a graph file), or --store DIR / --endpoint URL")
        graph_file = Path(args.pop(0))
        if not graph_file.is_file():
            raise click.BadParameter(f"{graph_file}: no such file", param_hint="GRAPH")
        if graph_iri:
            raise click.UsageError("--graph goes with --store or --endpoint")
    if query_file is not None:
        if args:
            raise click.UsageError("give the query either as QUERY or with -f FILE, not both")
        text = query_file.read()
    elif len(args) == 1:
        text = args[0]
    elif not args:
        raise click.UsageError("missing QUERY (or -f FILE.rq)")
    else:
        raise click.UsageError(f"unexpected extra argument(s): {' '.join(args[1:])}")

    started = time.perf_counter()
    if binds:
        try:
            text = q.bind(text, [q.parse_binding(b, text) for b in binds])
        except q.QueryError as exc:
            raise click.BadParameter(str(exc), param_hint="--bind") from None
    try:
        if store_dir is not None:
            _need_oxigraph("--store")
            result = q.query_store(store_dir, text, graph=graph_iri,
                                   allow_service=allow_service, lazy=True)
        elif endpoint is not None:
            from kg.store import StoreError, http_query

            try:
                result = http_query(endpoint, text, graph=graph_iri, timeout=timeout)
            except StoreError as exc:
                raise click.ClickException(str(exc)) from None
        else:
            if engine == "oxigraph":
                _need_oxigraph("--engine oxigraph")
            result = q.query_file(graph_file, text, engine=engine, allow_service=allow_service,
                                  lazy=True)
        counted = _Counted(result.rows)
        result.rows = counted
        _write_streamed(q.iter_render(result, fmt))
    except q.QueryError as exc:
        raise click.ClickException(str(exc)) from None
    except (OSError, ValueError) as exc:  # the engine failed while the answer was read
        raise click.ClickException(f"the query failed: {exc}") from None
    if fmt == "table" and result.kind == "select" and sys.stderr.isatty():
        click.echo(f"{counted.count} row(s) in {time.perf_counter() - started:.2f}s", err=True)


class _Counted:
    """Rows passed through as they are written, counted."""

    def __init__(self, rows):
        self.rows, self.count = rows, 0

    def __iter__(self):
        for row in self.rows:
            self.count += 1
            yield row


def _write_streamed(pieces, size: int = 1 << 16) -> None:
    """Write the answer as it comes, in blocks: memory does not grow with the answer. A
    reader that stops early (kg query ... | head) ends the command quietly."""
    block: list[str] = []
    held = 0
    try:
        for piece in pieces:
            block.append(piece)
            held += len(piece)
            if held >= size:
                click.echo("".join(block), nl=False)
                block, held = [], 0
        click.echo("".join(block), nl=False)
    except BrokenPipeError:
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)


@click.command()
@click.argument("graph_file", metavar="GRAPH",
                type=click.Path(exists=True, path_type=Path))
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Load into the Oxigraph store in this folder (created if missing).")
@click.option("--endpoint", metavar="URL",
              help="Load into this SPARQL server's Graph Store endpoint "
                   "(Fuseki .../ds/data, Oxigraph .../store, Virtuoso .../sparql-graph-crud-auth, "
                   "GraphDB .../repositories/R/rdf-graphs/service).")
@click.option("--update-endpoint", metavar="URL",
              help="SPARQL Update URL for servers without a Graph Store endpoint "
                   "(default: guessed from --endpoint).")
@click.option("--graph", "graph_iri", metavar="IRI",
              help="The named graph to load into (default: the default graph).")
@click.option("--replace", is_flag=True,
              help="Replace the target graph (default: add to it). On a server with SPARQL "
                   "Update the graph is loaded beside it and then moved over it, so a failed "
                   "load keeps the old graph.")
@_timeout_option
def load(graph_file: Path, store_dir: Path | None, endpoint: str | None,
         update_endpoint: str | None, graph_iri: str | None, replace: bool,
         timeout: float) -> None:
    """Load a graph file into a triple store: an embedded Oxigraph store or a SPARQL server.

    GRAPH may also be a shard folder: its .nq, .nt, .ttl and .trig files are loaded one after
    the other, so a big graph never has to be one giant file (README: loading at scale).

    --store DIR bulk-loads into a persistent Oxigraph store, then query it with
    kg query --store DIR. --endpoint URL sends the graph to any SPARQL 1.1 server with the
    Graph Store HTTP Protocol (SPARQL Update INSERT DATA if the server has no Graph Store).
    Credentials: the environment variables KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD
    (HTTP Basic or Digest, as the server asks), never on the command line.

    \b
    Exit status:
        0  the graph was loaded
        1  it was not: unreadable graph, refused connection, failed login, data rejected
        2  usage error

    \b
    Example:
        kg load output/graph.ttl --store kgstore/
        kg load shards/ --store kgstore/
        kg load output/graph.ttl --endpoint http://localhost:7878/store --graph https://kg.example.org/graph
        KG_ENDPOINT_USER=dba KG_ENDPOINT_PASSWORD=... kg load output/graph.ttl \\
            --endpoint http://localhost:8890/sparql-graph-crud-auth --graph https://kg.example.org/graph
    """
    from kg.store import StoreError, load_endpoint, load_store

    if (store_dir is None) == (endpoint is None):
        raise click.UsageError("give exactly one of --store DIR or --endpoint URL")
    _check_endpoint(endpoint, "--endpoint")
    _check_endpoint(update_endpoint, "--update-endpoint")
    _need_oxigraph("kg load")
    started = time.perf_counter()
    try:
        if store_dir is not None:
            count = load_store(graph_file, store_dir, graph=graph_iri, replace=replace)
            where = f"{store_dir}" + (f" graph <{graph_iri}>" if graph_iri else "")
            click.echo(f"{count} triples in {where} ({time.perf_counter() - started:.1f}s)",
                       err=True)
        else:
            loaded = load_endpoint(graph_file, endpoint, graph=graph_iri,
                                   update_url=update_endpoint, replace=replace, timeout=timeout)
            where = f"<{graph_iri}>" if graph_iri else "the default graph"
            how = "Graph Store Protocol" if loaded.protocol == "graph-store" else "SPARQL Update"
            if loaded.staged:
                how += " into a staging graph, then moved"
            check = (f"; the graph now holds {loaded.count} triples" if loaded.count is not None
                     else "; not verified (no query endpoint found next to it)")
            click.echo(f"{loaded.sent} triples sent to {endpoint}, {where}, by {how}{check} "
                       f"({time.perf_counter() - started:.1f}s)", err=True)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
