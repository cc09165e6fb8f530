"""Plain data that flows through the pipeline: articles, sentences, mentions, evidence, facts.

Nothing here does I/O; every class is frozen so stages cannot change each other's data.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article's clean text; start/end are offsets into Article.text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    id: str
    path: str
    title: str
    text: str
    sentences: tuple[Sentence, ...]
    published: datetime | None = None
    categories: tuple[str, ...] = ()
    publisher: str | None = None
    editor: str | None = None
    sources: tuple[str, ...] = ()
    original_title: str | None = None
    url: str | None = None
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Mention:
    """A span of article text naming something.

    kind is an ontology class local name (Person, Organization, GovernmentBody, Place, Event,
    Document, Title). key, when set, is what makes two mentions the same entity (a GB/T 2260
    code for places, a canonical name for known organisations); otherwise the name decides.
    """

    text: str
    kind: str
    start: int = -1
    end: int = -1
    key: str | None = None
    name: str | None = None  # canonical display name, when it differs from the surface text

    @property
    def label(self) -> str:
        return self.name or self.text


@dataclass(frozen=True)
class Value:
    """A literal object: text with an optional XSD datatype local name (e.g. "date")."""

    text: str
    datatype: str | None = None


@dataclass(frozen=True)
class Evidence:
    article_id: str
    sentence: str
    start: int
    end: int
    extractor: str


@dataclass(frozen=True)
class Fact:
    subject: Mention
    predicate: str
    object: Mention | Value
    evidence: Evidence


@dataclass(frozen=True)
class Entity:
    """A resolved real-world thing: one node in the graph."""

    key: str
    kind: str
    label: str
    alt_labels: tuple[str, ...] = ()
    code: str | None = None
    parent: str | None = None  # key of the entity this one is located in / part of
    extra: tuple[tuple[str, str], ...] = field(default=())
    latitude: float | None = None
    longitude: float | None = None
