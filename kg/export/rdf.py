"""RDF serialisations of the graph (Turtle by default), written atomically."""
from __future__ import annotations

import os

from rdflib import Graph

from kg.export import atomic

FORMATS = {"turtle": "ttl", "nt": "nt", "jsonld": "jsonld", "xml": "rdf"}


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "nt":
        # rdflib writes N-Triples in set order; sorted lines make the file reproducible.
        lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
        return ("\n".join(sorted(line for line in lines if line.strip())) + "\n").encode("utf-8")
    if fmt == "jsonld":
        return graph.serialize(format="json-ld", encoding="utf-8", sort_keys=True, indent=1)
    return graph.serialize(format=fmt, encoding="utf-8")


def write(graph: Graph, path: str | os.PathLike, fmt: str = "turtle") -> None:
    atomic.write_bytes(path, serialize(graph, fmt))
