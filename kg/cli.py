"""The kg command line: a thin shell over kg.pipeline and kg.export."""
from __future__ import annotations

import logging
import os
import re
import sys
import time
from pathlib import Path

import click

from kg import __version__

_FORMATS = ("turtle", "nt", "trig", "nquads", "jsonld")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """kg: build a knowledge graph from Chinese news articles.

    \b
    Example:
        kg build ../shared/seed/qianzhao-cities-2021.md --out output/
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="output", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the graph file and graph.html (created if missing).")
@click.option("--base", default=None, metavar="IRI",
              help="Base IRI for entity and article nodes (default https://kg.example.org/id/).")
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default="turtle",
              show_default=True,
              help="RDF serialisation of the graph file: graph.ttl, .nt, .trig (each article's "
                   "facts in a graph named after it), .nq or .jsonld.")
@click.option("--title", default=None, help="Heading of the HTML view.")
@click.option("--max-nodes", default=1000, show_default=True, type=click.IntRange(min=1),
              help="Largest number of nodes the HTML view draws (the most connected are kept).")
@click.option("--max-file-size", default=20, show_default=True, type=click.IntRange(min=1),
              metavar="MB", help="Skip (and report) input files larger than this.")
@click.option("-j", "--jobs", default=None, type=click.IntRange(min=1),
              help="Worker processes for extraction (default: the number of CPUs).")
@click.option("--no-cache", is_flag=True,
              help="Re-extract every file instead of reusing OUT/.kg-cache from the last build.")
@click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
              help="Extract on the workers of this Dask scheduler (pip install "
                   "'kg[distributed]'); they must read INPUTS and OUT at the same paths.")
@click.option("--cluster", type=click.Choice(["local"]), default=None,
              help="Extract on a Dask LocalCluster of --jobs worker processes on this machine.")
@click.option("--include", multiple=True, metavar="GLOB",
              help="In folders, read only files matching this glob (name or path in the folder; "
                   "repeatable).")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="In folders, skip files matching this glob, e.g. README.md (repeatable).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no summary, no warnings.")
def build(inputs: tuple[Path, ...], out_dir: Path, base: str | None, fmt: str,
          title: str | None, max_nodes: int, max_file_size: int, jobs: int | None,
          no_cache: bool, scheduler: str | None, cluster: str | None,
          include: tuple[str, ...], exclude: tuple[str, ...], quiet: bool) -> None:
    """Read articles and write OUT/graph.ttl (the RDF graph) and OUT/graph.html (a view).

    INPUTS are article files (.md Hexo markdown, .html/.htm pages, .txt text) or folders,
    searched recursively for files ending in .md, .markdown, .html, .htm or .txt (all of them,
    README.md included, unless --include/--exclude choose). Text may be UTF-8 (with or without
    BOM), GB18030/GBK or Big5. A file that cannot be read (malformed front matter, no body, empty, binary, over
    --max-file-size, unreadable, missing) is reported with its reason and the rest goes on.
    Outputs are replaced atomically: an interrupted build leaves the previous ones intact.
    Unchanged files are not extracted again: their results are kept in OUT/.kg-cache.

    \b
    Exit status:
        0  every input was read and the graph was written
        1  some inputs could not be read (each is reported), the rest was written;
           or no input could be read at all (nothing is written)
        2  usage error (unknown option, missing argument)

    \b
    Example:
        kg build ../shared/seed/qianzhao-cities-2021.md --out output/
        kg build articles/ --out build/ --jobs 4 --base https://example.org/news/
        kg build corpus/ --exclude README.md --exclude 'drafts/*'
        kg build /shared/archive/ --out /shared/kg/ --scheduler tcp://10.0.0.5:8786
    """
    from kg import pipeline
    from kg.errors import KgError
    from kg.export import rdf
    from kg.vocab import DEFAULT_BASE

    logging.basicConfig(level=logging.ERROR, format="kg: %(message)s")
    base = base or DEFAULT_BASE
    if not re.fullmatch(r"https?://[^\s<>\"{}|^`\\]+[/#]", base):
        raise click.BadParameter("must be an http(s) IRI ending with / or #", param_hint="--base")
    _check_iri(base)
    if scheduler and cluster:
        raise click.UsageError("--scheduler and --cluster exclude each other")
    scheduler = scheduler or cluster
    if scheduler:
        _check_dask()
    started = time.perf_counter()
    options = pipeline.Options(base=base, fmt=fmt, max_bytes=max_file_size * 1024 * 1024)
    _exit_cleanly_on_sigterm()
    try:
        with _Progress(enabled=not quiet and sys.stderr.isatty()) as progress:
            result = pipeline.build_folder(inputs, out_dir, options=options,
                                           jobs=jobs or _cpus(), use_cache=not no_cache,
                                           title=title, max_nodes=max_nodes,
                                           progress=progress.update,
                                           include=include, exclude=exclude,
                                           scheduler=scheduler)
    except KgError as exc:
        raise click.ClickException(shown(str(exc))) from None
    for error in result.errors:
        click.echo(f"error: {shown_name(error.path)}: {shown(error.reason)}", err=True)
    for warning in result.warnings:
        click.echo(f"warning: {shown_name(warning.path)}: {shown(warning.reason)}", err=True)
    if not result.count:
        if not result.errors:
            raise click.ClickException("no article file found (.md, .markdown, .html, .htm, "
                                       ".txt; check --include/--exclude); nothing was written")
        raise click.ClickException("no article could be read; nothing was written")
    if not quiet:
        for path in result.no_facts:
            click.echo(f"warning: {shown_name(path)}: no fact found", err=True)
        for path in result.no_date:
            click.echo(f"warning: {shown_name(path)}: no publication date (dates in it are not resolved)",
                       err=True)
        cached = f" ({result.cached} unchanged, from the cache)" if result.cached else ""
        click.echo(
            f"{result.count} article(s){cached}, {len(result.errors)} failed, "
            f"{result.entities} entities, {result.facts} facts in "
            f"{time.perf_counter() - started:.1f}s -> {out_dir / rdf.filename(fmt)}, "
            f"{out_dir / 'graph.html'}", err=True)
        if result.by_relation:
            click.echo("facts by relation: " + ", ".join(
                f"{rel} {n}" for rel, n in result.by_relation.items()), err=True)
    if result.errors:
        sys.exit(1)


def _check_dask() -> None:
    """Dask is an optional extra: without it, say which one to install, before any work."""
    from kg.distributed import MISSING

    try:
        import distributed  # noqa: F401
    except ImportError:
        raise click.ClickException(MISSING) from None
    # Dask's own log lines (a worker lost, a task retried) are its business, not the user's.
    logging.getLogger("distributed").setLevel(logging.ERROR)


def _check_iri(base: str) -> None:
    """What the pattern above lets through but no RDF writer accepts (a bad %-escape, a bad
    host) is a usage error too, named before any work is done."""
    import pyoxigraph as ox

    try:
        ox.NamedNode(base + "x")
    except ValueError as exc:
        raise click.BadParameter(f"not a valid IRI: {exc}", param_hint="--base") from None


def shown(text: str) -> str:
    """Text from files and file names, safe on a terminal: control characters (escape
    sequences, line breaks that would forge another line) are shown as escapes."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def shown_name(name: str) -> str:
    """A file name for an error line: as it is when plain, quoted with escapes otherwise."""
    return name if name.isprintable() else repr(name)


class _Progress:
    """A progress bar on a terminal; nothing otherwise."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.count = 0
        self._bar = None

    def __enter__(self) -> "_Progress":
        return self

    def update(self, outcome, total: int) -> None:
        self.count += 1
        if self.enabled and self._bar is None:
            self._bar = click.progressbar(length=total, label="articles", file=sys.stderr,
                                          show_pos=True).__enter__()
        if self._bar is not None:
            self._bar.update(1)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


def _cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


@cli.command()
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out_file", default="graph.html", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The HTML file to write.")
@click.option("--title", default=None, help="Heading of the page.")
@click.option("--max-nodes", default=1000, show_default=True, type=click.IntRange(min=1),
              help="Largest number of nodes drawn (the most connected are kept).")
def view(graph_file: Path, out_file: Path, title: str | None, max_nodes: int) -> None:
    """Render any RDF graph file (Turtle, N-Triples, JSON-LD ...) as an HTML view.

    \b
    Example:
        kg view output/graph.ttl --out view.html
    """
    from rdflib import Graph
    from rdflib.util import guess_format

    from kg.export import html

    graph = Graph()
    try:
        graph.parse(graph_file, format=guess_format(str(graph_file)) or "turtle")
    except Exception as exc:  # rdflib raises many kinds of parse errors
        raise click.ClickException(f"{graph_file}: cannot parse the graph: {exc}") from None
    try:
        html.write(graph, out_file, title=title or graph_file.name, max_nodes=max_nodes,
                   source=graph_file.name)
    except OSError as exc:
        raise click.ClickException(f"{out_file}: cannot write the page: "
                                   f"{exc.strerror or exc}") from None


_EXPORTS = ("csv", "graphml", "gexf", "neo4j")


@cli.command(name="export")
@click.argument("graph_file", metavar="GRAPH",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--to", "fmt", type=click.Choice(_EXPORTS), required=True,
              help="csv: nodes.csv, edges.csv, evidence.csv; graphml / gexf: graph.graphml / "
                   "graph.gexf (Gephi, networkx); neo4j: nodes.csv, relationships.csv for "
                   "neo4j-admin database import, and import.cypher (LOAD CSV).")
@click.option("--out", "out_dir", default="export", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the files (created if missing).")
def export_graph(graph_file: Path, fmt: str, out_dir: Path) -> None:
    """Export a graph file (as written by kg build) to the tools people use: CSV, GraphML,
    GEXF or Neo4j. Nodes are the entities; edges are the facts between entities, each with
    its evidence (sentence, article, offsets); a person's post and an event's date are
    properties of their node.

    \b
    Exit status:
        0  the files were written
        1  the graph could not be read, or the folder written
        2  usage error

    \b
    Example:
        kg export output/graph.ttl --to graphml --out export/
        kg export output/graph.ttl --to neo4j --out neo4j-import/
    """
    from rdflib import Graph
    from rdflib.util import guess_format

    from kg.export import csvfiles, graphs
    from kg.export.tables import tables

    graph = Graph()
    try:
        graph.parse(graph_file, format=guess_format(str(graph_file)) or "turtle")
    except Exception as exc:  # rdflib raises many kinds of parse errors
        raise click.ClickException(f"{graph_file}: cannot parse the graph: {exc}") from None
    rows = tables(graph)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        writer = graphs.write if fmt in ("graphml", "gexf") else csvfiles.write
        written = writer(rows, out_dir, fmt)
    except OSError as exc:
        raise click.ClickException(f"{out_dir}: cannot write: {exc.strerror or exc}") from None
    click.echo(f"{len(rows.nodes)} entities, {len(rows.edges)} facts between them -> "
               + ", ".join(str(p) for p in written), err=True)


def _exit_cleanly_on_sigterm() -> None:
    # The default SIGTERM kills Python without unwinding; as SystemExit it unwinds, so an
    # output being written is discarded (its temporary file removed) and the old one stays.
    import signal

    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


from kg.cli_store import load, query  # noqa: E402  (commands live in their own module)

cli.add_command(query)
cli.add_command(load)

from kg.cli_validate import validate  # noqa: E402

cli.add_command(validate)


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
