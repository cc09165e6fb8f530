"""Extractors: one module per relation family, each a callable Article -> Iterable[Fact].

Every module has NAME and extract(article, resources); `default_extractors` binds them to the
resources so the pipeline can call each with an article alone.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from kg.model import Article, Fact
from kg.resources import Resources

Extractor = Callable[[Article], Iterable[Fact]]


def registry() -> dict[str, Callable[[Article, Resources], Iterable[Fact]]]:
    from kg.extractors import awards, documents, events, participation, posts

    modules = (awards, documents, posts, participation, events)
    return {m.NAME: m.extract for m in modules}


def default_extractors(resources: Resources, names: Iterable[str] | None = None) -> list[Extractor]:
    known = registry()
    chosen = list(known) if names is None else list(names)
    unknown = [n for n in chosen if n not in known]
    if unknown:
        raise ValueError(f"unknown extractor(s) {', '.join(unknown)}; known: {', '.join(known)}")
    return [partial(known[n], resources=resources) for n in chosen]
