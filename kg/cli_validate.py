"""`kg validate`: check a graph against the SHACL shapes of the vocabulary.

Heavy imports (rdflib, pyshacl) happen inside the command: `import kg.cli` stays cheap.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

_GRAPH_FILES = ("graph.ttl", "graph.nt", "graph.jsonld")


@click.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path(exists=True, path_type=Path))
@click.option("--shapes", "shapes_file", metavar="FILE",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="SHACL shapes to check against (default: the shapes.ttl shipped with kg).")
def validate(graph_file: Path, shapes_file: Path | None) -> None:
    """Check a graph against the SHACL shapes of the kg vocabulary.

    GRAPH is a graph file written by kg build (Turtle, N-Triples, JSON-LD ...), or the folder
    it was written into. Each violation is printed on one line: the node (its label and IRI),
    the property, and what is wrong; then the count.

    \b
    Exit status:
        0  the graph conforms to the shapes
        1  some violations (each is printed), or the graph or shapes cannot be parsed
        2  usage error (unknown option, missing argument, no such file)

    \b
    Example:
        kg validate output/graph.ttl
        kg validate output/ --shapes my-shapes.ttl
    """
    import logging

    from kg.validate import load_graph, load_shapes
    from kg.validate import validate as run_validation

    # rdflib logs a traceback for each ill-typed literal ("2021-13-45"^^xsd:date) it reads;
    # the shapes report those as violations, in plain words
    logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)

    if graph_file.is_dir():
        found = [graph_file / name for name in _GRAPH_FILES if (graph_file / name).is_file()]
        if not found:
            raise click.BadParameter(f"no {', '.join(_GRAPH_FILES)} in folder {graph_file}",
                                     param_hint="GRAPH")
        graph_file = found[0]
    try:
        graph = load_graph(graph_file)
        shapes = load_shapes(shapes_file)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    if shapes_file is not None and not _has_shapes(shapes):
        raise click.ClickException(f"{shapes_file}: no SHACL shapes in it")
    try:
        report = run_validation(graph, shapes)
    except Exception as exc:  # pyshacl refuses malformed shapes with its own errors
        raise click.ClickException(f"cannot validate: {type(exc).__name__}: {exc}") from None
    for violation in report.violations:
        click.echo(str(violation))
    if report.conforms:
        click.echo(f"{graph_file}: conforms ({len(graph)} triples checked)")
        return
    count = sum(1 for v in report.violations if v.severity == "Violation")
    others = len(report.violations) - count
    extra = f" and {others} warning(s)" if others else ""
    click.echo(f"{graph_file}: {count} violation(s){extra}")
    sys.exit(1)


def _has_shapes(graph) -> bool:
    from rdflib import RDF, Namespace

    sh = Namespace("http://www.w3.org/ns/shacl#")
    return any((None, RDF.type, kind) in graph for kind in (sh.NodeShape, sh.PropertyShape)) \
        or any(graph.subjects(sh.path, None)) or any(graph.subjects(sh.targetClass, None))
