"""RDF files of the graph: Turtle by default, N-Triples, TriG, N-Quads, JSON-LD.

`GraphFile` writes a graph as it is built, article by article, so memory does not grow with
the corpus: pyoxigraph serialises each article's quads (fast and strict), and the prefix header
is written once. TriG keeps each article's facts in a graph named after the article; the other
formats put everything in the default graph. The file appears only when complete.
"""
from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import Graph

from kg.export import atomic

# name -> (file suffix, pyoxigraph format, keeps named graphs)
FORMATS = {
    "turtle": ("ttl", ox.RdfFormat.TURTLE, False),
    "nt": ("nt", ox.RdfFormat.N_TRIPLES, False),
    "trig": ("trig", ox.RdfFormat.TRIG, True),
    "nquads": ("nq", ox.RdfFormat.N_QUADS, True),
    "jsonld": ("jsonld", ox.RdfFormat.JSON_LD, False),
}
_STREAMABLE = {"turtle", "nt", "trig", "nquads"}


def filename(fmt: str) -> str:
    return f"graph.{_format(fmt)[0]}"


def _format(fmt: str):
    try:
        return FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown RDF format {fmt!r}; choose one of {', '.join(FORMATS)}") from None


class GraphFile:
    """with GraphFile(path, fmt, prefixes) as out: out.add_chunk(data); out.add_default(triples)"""

    def __init__(self, path: str | os.PathLike, fmt: str, prefixes: dict[str, str],
                 target: atomic.AtomicFile | None = None):
        self.fmt = fmt
        self._suffix, self._ox_format, self._named = _format(fmt)
        self._prefixes = dict(sorted(prefixes.items()))
        # `target`: a deferred file of an OutputSet, renamed with the other outputs
        self._target = target or atomic.AtomicFile(path)
        self._held: list = []  # JSON-LD is one document: it is written at the end
        self._discard = False

    def __enter__(self) -> "GraphFile":
        self._handle = self._target.__enter__()
        if self.fmt in ("turtle", "trig"):
            for prefix, namespace in self._prefixes.items():
                self._handle.write(f"@prefix {prefix}: <{namespace}> .\n".encode("utf-8"))
            self._handle.write(b"\n")
        return self

    def add_chunk(self, chunk: bytes) -> None:
        """An article's part already serialised in this format (N-Quads for JSON-LD)."""
        if self.fmt in _STREAMABLE:
            self._handle.write(chunk)
        elif chunk:
            self._held.extend(ox.parse(chunk, format=ox.RdfFormat.N_QUADS))

    def flush(self) -> None:
        """What is written so far to the file (a forked process must not hold it buffered)."""
        self._handle.flush()

    def discard(self) -> None:
        """Leave the existing file as it is: nothing new is written."""
        self._discard = True

    def add_default(self, triples: Iterable[ox.Triple]) -> None:
        triples = list(triples)
        self._write([ox.Quad(t.subject, t.predicate, t.object) for t in triples]
                    if self._named else triples)

    def _write(self, items: list) -> None:
        if self.fmt not in _STREAMABLE:
            self._held.extend(items)
            return
        if items:
            self._handle.write(serialize_terms(items, self._ox_format, self._prefixes, header=False))

    def __exit__(self, *exc) -> bool:
        if self._discard and exc[0] is None:
            exc = (_Discarded, _Discarded(), None)
        elif exc[0] is None and self._held:
            triples = [q.triple if isinstance(q, ox.Quad) else q for q in self._held]
            self._handle.write(jsonld_bytes(triples, self._prefixes))
        self._target.__exit__(*exc)
        return exc[0] is _Discarded


class _Discarded(Exception):
    """Raised into the temporary file's context to throw it away without replacing the file."""


def serialize_terms(items: list, fmt: ox.RdfFormat, prefixes: dict[str, str],
                    header: bool = True) -> bytes:
    uses_prefixes = fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG)
    buffer = io.BytesIO()
    ox.serialize(items, buffer, format=fmt, **({"prefixes": prefixes} if uses_prefixes else {}))
    data = buffer.getvalue()
    if uses_prefixes and not header:
        # The header was written once at the top; drop the copy before this chunk.
        lines = data.split(b"\n")
        skip = 0
        while skip < len(lines) and lines[skip].startswith(b"@prefix "):
            skip += 1
        data = b"\n".join(lines[skip:])
    if data and not data.endswith(b"\n"):
        data += b"\n"
    return data


def jsonld_bytes(triples: list, prefixes: dict[str, str]) -> bytes:
    """JSON-LD compacted with the context shipped in the package (kg.export.jsonld)."""
    from kg.export import jsonld

    if not triples:
        return jsonld.dumps([], prefixes)
    expanded = json.loads(serialize_terms(triples, ox.RdfFormat.JSON_LD, {}))
    return jsonld.dumps(expanded, prefixes)


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """An rdflib Graph in one of FORMATS (for graphs built in memory by the library)."""
    _format(fmt)
    if fmt == "nt":
        # rdflib writes N-Triples in set order; sorted lines make the file reproducible.
        lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
        return ("\n".join(sorted(line for line in lines if line.strip())) + "\n").encode("utf-8")
    if fmt == "jsonld":
        data = graph.serialize(format="nt", encoding="utf-8")
        bound = {name: str(ns) for name, ns in graph.namespaces()}
        return jsonld_bytes(list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES)), bound)
    if fmt == "nquads":
        return graph.serialize(format="nquads", encoding="utf-8")
    return graph.serialize(format=fmt, encoding="utf-8")


def write(graph: Graph, path: str | os.PathLike, fmt: str = "turtle") -> None:
    atomic.write_bytes(path, serialize(graph, fmt))
