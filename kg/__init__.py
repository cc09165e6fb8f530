"""kg: a knowledge-graph builder for Chinese news.

    >>> import kg
    >>> graph = kg.build(["article.md"])        # an rdflib.Graph
    >>> network = kg.to_networkx(graph)         # entities and facts, a networkx MultiDiGraph
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["build", "read", "to_networkx", "__version__"]


def __getattr__(name: str):
    # Imports are deferred so that `import kg` stays cheap (the CLI's --help must be instant).
    if name in ("build", "read"):
        from kg import pipeline

        return getattr(pipeline, name)
    if name == "to_networkx":
        from kg.export.graphs import to_networkx

        return to_networkx
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
