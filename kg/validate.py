"""Check a graph against the SHACL shapes of the vocabulary (ontology/shapes.ttl) with pyshacl.

    report = validate(graph)            # an rdflib Graph, or the path of a graph file
    if not report.conforms:
        for v in report.violations:
            print(v)                    # 青岛市 (place:370200) — kg:code: must have exactly one ...

The shapes name every accepted subclass themselves, so no ontology and no inference is needed
(RDFS inference over kg.ttl's domains and ranges would hide the very errors looked for).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.term import BNode, Node
from rdflib.util import guess_format

SH = Namespace("http://www.w3.org/ns/shacl#")
_SCHEMA_HEADLINE = URIRef("https://schema.org/headline")


@dataclass(frozen=True)
class Violation:
    """One SHACL result, in plain words."""

    focus: str                  # the node that fails: its IRI (or _:id for a blank node)
    focus_label: str | None     # its rdfs:label (Chinese preferred), if it has one
    path: str | None            # the property concerned (IRI), if any
    message: str                # what is wrong
    value: str | None = None    # the offending value, if any
    severity: str = "Violation"  # Violation, Warning or Info
    shape: str | None = None    # the shape that failed (IRI or _:id)
    constraint: str | None = None  # e.g. MinCountConstraintComponent
    focus_short: str | None = None  # the focus IRI with a prefix (place:370200)
    path_short: str | None = None   # the property with a prefix (kg:code)

    def __str__(self) -> str:
        short = self.focus_short or self.focus
        who = f"{self.focus_label} ({short})" if self.focus_label else short
        prop = self.path_short or self.path
        line = f"{who} — {prop}: {self.message}" if prop else f"{who}: {self.message}"
        if self.value is not None:
            line += f" (value: {self.value})"
        if self.severity != "Violation":
            line = f"{self.severity.lower()}: {line}"
        return line


@dataclass
class Report:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def __str__(self) -> str:
        if self.conforms:
            return "conforms"
        lines = [str(v) for v in self.violations]
        lines.append(f"{len(self.violations)} violation(s)")
        return "\n".join(lines)


def default_shapes_text() -> str:
    """The packaged shapes (ontology/shapes.ttl) as Turtle text."""
    return resources.files("kg").joinpath("ontology", "shapes.ttl").read_text(encoding="utf-8")


def load_shapes(shapes: Graph | str | os.PathLike | None = None) -> Graph:
    """The shapes graph: the packaged one by default, else a Graph or a file to parse."""
    if isinstance(shapes, Graph):
        return shapes
    if shapes is None:
        return Graph(bind_namespaces="core").parse(data=default_shapes_text(), format="turtle")
    return load_graph(shapes)


def load_graph(path: str | os.PathLike) -> Graph:
    """Parse an RDF file, its format guessed from the name (Turtle when unknown).
    Raises ValueError with a readable reason when it cannot be parsed."""
    path = Path(path)
    graph = Graph(bind_namespaces="core")  # so the file's own prefixes (org: ...) keep their names
    try:
        graph.parse(path, format=guess_format(str(path)) or "turtle")
    except Exception as exc:  # rdflib raises many kinds of parse errors
        raise ValueError(f"{path}: cannot parse as RDF: {exc}") from None
    return graph


def validate(graph: Graph | str | os.PathLike,
             shapes: Graph | str | os.PathLike | None = None) -> Report:
    """Validate `graph` (a Graph or a graph file) against `shapes` (default: the packaged
    ontology/shapes.ttl; or a Graph or a shapes file)."""
    from pyshacl import validate as shacl_validate

    data = graph if isinstance(graph, Graph) else load_graph(graph)
    shapes_graph = load_shapes(shapes)
    conforms, results, _text = shacl_validate(
        data, shacl_graph=shapes_graph, inference="none", abort_on_first=False,
        allow_infos=True, allow_warnings=True, meta_shacl=False, advanced=False,
        inplace=False)
    names = _names(data)
    # only the report's own results: those nested in sh:detail (the alternatives of an sh:or
    # inside an sh:node ...) repeat the same fault in less readable words
    violations = [_violation(results, r, data, shapes_graph, names)
                  for report in results.subjects(RDF.type, SH.ValidationReport)
                  for r in results.objects(report, SH.result)]
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))
    return Report(conforms=bool(conforms), violations=violations)


def _names(data: Graph) -> Graph:
    """An empty graph holding the prefixes to shorten IRIs with: the data's own, then the
    usual ones (kg:, schema: ... and person:, place: ... under the default base)."""
    from kg.vocab import DEFAULT_BASE, NAMESPACE

    names = Graph(bind_namespaces="core")
    prefixes = {p: str(ns) for p, ns in names.namespaces()}
    for prefix, ns in data.namespaces():
        if prefix:
            prefixes[prefix] = str(ns)
    defaults = {"kg": NAMESPACE, "schema": "https://schema.org/",
                "prov": "http://www.w3.org/ns/prov#",
                "skos": "http://www.w3.org/2004/02/skos/core#",
                "dcterms": "http://purl.org/dc/terms/"}
    for family in ("person", "org", "place", "event", "doc", "title", "article", "statement"):
        defaults[family] = f"{DEFAULT_BASE}{family}/"
    taken = set(prefixes.values())
    for prefix, ns in defaults.items():
        if prefix not in prefixes and ns not in taken:
            prefixes[prefix] = ns
    for prefix, ns in prefixes.items():
        names.bind(prefix, ns, override=True, replace=True)
    return names


def _violation(results: Graph, r: Node, data: Graph, shapes: Graph, names: Graph) -> Violation:
    focus = results.value(r, SH.focusNode)
    path = results.value(r, SH.resultPath)
    shape = results.value(r, SH.sourceShape)
    if path is None and shape is not None:
        # a node-level check of a relation's subject (sh:targetSubjectsOf P): name P
        targets = list(shapes.objects(shape, SH.targetSubjectsOf))
        if len(targets) == 1:
            path = targets[0]
    value = results.value(r, SH.value)
    message = results.value(r, SH.resultMessage)
    severity = results.value(r, SH.resultSeverity)
    constraint = results.value(r, SH.sourceConstraintComponent)
    return Violation(
        focus=_plain(focus),
        focus_label=_label(data, focus),
        path=_plain(path) if isinstance(path, URIRef) else (None if path is None else "(path)"),
        message=str(message) if message is not None else _local(constraint) or "fails",
        value=None if value is None or value == focus else _show_value(value, data, names),
        severity=_local(severity) or "Violation",
        shape=_plain(shape) if shape is not None else None,
        constraint=_local(constraint),
        focus_short=_short(names, focus),
        path_short=_short(names, path) if isinstance(path, URIRef) else None,
    )


def _plain(node: Node | None) -> str:
    if node is None:
        return ""
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def _local(node: Node | None) -> str | None:
    if node is None:
        return None
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _short(graph: Graph, node: Node | None) -> str | None:
    if not isinstance(node, URIRef):
        return None if node is None else _plain(node)
    try:
        return graph.namespace_manager.normalizeUri(node)
    except Exception:  # an IRI rdflib cannot abbreviate
        return f"<{node}>"


def _label(graph: Graph, node: Node | None) -> str | None:
    if node is None or isinstance(node, Literal):
        return None
    labels = list(graph.objects(node, RDFS.label)) or list(graph.objects(node, _SCHEMA_HEADLINE))
    if not labels:
        return None
    labels.sort(key=lambda lit: (getattr(lit, "language", None) not in ("zh", "zh-cn"), str(lit)))
    return str(labels[0]) or None


def _show_value(value: Node, graph: Graph, names: Graph) -> str:
    if isinstance(value, Literal):
        if value.language:
            return f'"{value}"@{value.language}'
        if value.datatype is not None:
            return f'"{value}"^^{_short(names, value.datatype)}'
        return f'"{value}"'
    label = _label(graph, value)
    short = _short(names, value) or _plain(value)
    return f"{label} ({short})" if label else short
