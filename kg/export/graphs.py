"""The graph for network tools: a networkx MultiDiGraph, GraphML and GEXF (Gephi).

Nodes are entities keyed by IRI, edges are facts between entities keyed by relation (several
relations between two entities are parallel edges). Attributes are strings and numbers only
(lists joined with " | "), so the GraphML and GEXF files carry all of them; an absent value is
an absent attribute, never an empty one.
"""
from __future__ import annotations

import io
import os
import re
from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.export import atomic
from kg.export.tables import Tables, tables

LIST_SEPARATOR = " | "


def to_networkx(graph: Graph | Tables) -> nx.MultiDiGraph:
    """Entities and the facts between them as a networkx MultiDiGraph.

    Node attributes: label, type (kg class), iri, and when known aliases, code, latitude,
    longitude, jobTitle, heldOn. Edge attributes (key: the relation): relation, label (its
    Chinese name), sentence, article, headline, date, url, start, end (the first evidence) and
    evidence (how many sentences state the fact)."""
    rows = graph if isinstance(graph, Tables) else tables(graph)
    out = nx.MultiDiGraph()
    for node in rows.nodes:
        attrs = {"label": node.label, "type": node.type, "iri": node.iri,
                 "aliases": LIST_SEPARATOR.join(node.aliases), "code": node.code,
                 "latitude": node.latitude, "longitude": node.longitude,
                 "jobTitle": LIST_SEPARATOR.join(node.job_titles),
                 "heldOn": LIST_SEPARATOR.join(node.held_on)}
        out.add_node(node.iri, **_present(attrs))
    for edge in rows.edges:
        attrs = {"relation": edge.relation, "label": edge.label, "evidence": len(edge.evidence)}
        if edge.evidence:
            first = edge.evidence[0]
            attrs.update(sentence=first.sentence, article=first.article,
                         headline=first.headline, date=first.date, url=first.url,
                         start=first.start, end=first.end)
        out.add_edge(edge.source, edge.target, key=edge.relation, **_present(attrs))
    return out


def _present(attrs: dict) -> dict:
    return {k: v for k, v in attrs.items() if v is not None and v != ""}


def write_graphml(graph: Graph | Tables, path: str | os.PathLike) -> None:
    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(graph), buffer, encoding="utf-8", prettyprint=True)
    atomic.write_bytes(path, buffer.getvalue())


def write_gexf(graph: Graph | Tables, path: str | os.PathLike) -> None:
    buffer = io.BytesIO()
    nx.write_gexf(to_networkx(graph), buffer, encoding="utf-8", prettyprint=True)
    # networkx stamps today's date: without it the same graph gives the same file
    data = re.sub(rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue(), count=1)
    atomic.write_bytes(path, data)


def write(graph: Graph | Tables, out_dir: Path, fmt: str) -> list[Path]:
    path = Path(out_dir) / f"graph.{fmt}"
    (write_graphml if fmt == "graphml" else write_gexf)(graph, path)
    return [path]
