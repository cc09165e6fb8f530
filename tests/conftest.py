from __future__ import annotations

import os
from datetime import datetime

import pytest
from hypothesis import settings

from kg.model import Article
from kg.resources import Resources
from kg.text import sentences
from kg.text.dates import SHANGHAI

# In CI (the CI variable set, as .ci/run does) hypothesis draws the same examples on every run
# and keeps no example database, so a failure there reproduces anywhere with CI=1.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources.load()


def make_article(text: str, published: str | None = "2021-12-25") -> Article:
    when = datetime.fromisoformat(published).replace(tzinfo=SHANGHAI) if published else None
    return Article(id="test", path="test.txt", title="测试", text=text,
                   sentences=tuple(sentences.split(text)), published=when)


def triples(facts) -> set[tuple[str, str, str]]:
    """(subject label, predicate, object label or literal) for comparing with tables."""
    out = set()
    for f in facts:
        obj = f.object.text if not hasattr(f.object, "kind") else f.object.label
        out.add((f.subject.label, f.predicate, obj))
    return out
