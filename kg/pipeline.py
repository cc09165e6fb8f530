"""The one place the stages are composed: files -> articles -> facts -> entities -> graph."""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg import sources
from kg.errors import InputError
from kg.extractors import default_extractors
from kg.model import Article, Fact
from kg.resources import Resources
from kg.vocab import DEFAULT_BASE

log = logging.getLogger(__name__)


@dataclass
class BuildResult:
    graph: Graph
    articles: list[Article] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    entities: int = 0


def read(path: str | os.PathLike) -> Article:
    """Read one article file (Hexo markdown, HTML or text)."""
    return sources.read(path)


def extract(article: Article, resources: Resources) -> list[Fact]:
    facts: list[Fact] = []
    try:
        for extractor in default_extractors(resources):
            facts.extend(extractor(article))
    finally:
        resources.memo.clear()
    return facts


def run(paths: Iterable[str | os.PathLike], *, base: str = DEFAULT_BASE,
        resources: Resources | None = None,
        progress: Callable[[Path], None] | None = None,
        max_bytes: int = sources.DEFAULT_MAX_BYTES) -> BuildResult:
    """Build a graph from article files and folders; bad files are collected, not raised."""
    from kg import graph as graph_builder
    from kg.resolve import resolve

    resources = resources or Resources.load()
    files, errors = sources.collect(list(paths))
    articles: list[Article] = []
    facts: list[Fact] = []
    seen: set[str] = set()
    for path in files:
        if progress:
            progress(path)
        try:
            article = sources.read(path, max_bytes=max_bytes)
            if article.id in seen:
                continue  # the same file content twice adds nothing
            found = extract(article, resources)
        except InputError as exc:
            log.info("%s", exc)
            errors.append(exc)
            continue
        except Exception as exc:  # a rule's bug on one article must not lose the batch
            log.debug("extraction failed on %s", path, exc_info=True)
            errors.append(InputError(str(path), f"extraction failed ({type(exc).__name__}: {exc})"))
            continue
        seen.add(article.id)
        articles.append(article)
        facts.extend(found)
    entities, resolved = resolve(facts, resources)
    graph = graph_builder.build(entities, resolved, articles, base)
    return BuildResult(graph, articles, facts, errors, len(entities))


def build(paths: Iterable[str | os.PathLike] | str | os.PathLike, *, base: str = DEFAULT_BASE,
          resources: Resources | None = None) -> Graph:
    """The knowledge graph of the articles in `paths` (files or folders), as an rdflib Graph."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return run(paths, base=base, resources=resources).graph
