"""Benchmark: how long the HTML view takes to render a 5,000-node graph (the layout is computed
in Python before the page opens). Moved here from the test suite, which checks the behaviour only.

Usage:
    .venv/bin/python bench/view_bench.py            # prints seconds per render
    .venv/bin/python bench/view_bench.py --nodes 1000 --repeat 3
"""
from __future__ import annotations

import argparse
import time

from rdflib import Graph, Literal, RDF, RDFS, URIRef

from kg.export import html
from kg.vocab import KG

BASE = "https://kg.example.org/id/"


def graph_of(size: int) -> Graph:
    """People linked as in tests/test_export_html.py: a worksFor tree plus attends links."""
    g = Graph()
    nodes = []
    for i in range(size):
        node = URIRef(f"{BASE}person/x{i}")
        g.add((node, RDF.type, KG.Person))
        g.add((node, RDFS.label, Literal(f"人物{i}", lang="zh")))
        nodes.append(node)
    for i in range(1, size):
        g.add((nodes[i], KG.worksFor, nodes[(i * 7919) % i]))
        if i % 4 == 0:
            g.add((nodes[i], KG.attends, nodes[(i * 104729) % i]))
    return g


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    g = graph_of(args.nodes)
    for _ in range(args.repeat):
        started = time.perf_counter()
        html.render(g, max_nodes=args.nodes)
        print(f"render of {args.nodes} nodes: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
