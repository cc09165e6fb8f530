"""Plain text: the first line is the title; a date on the second line is the publication date."""
from __future__ import annotations

import re

from kg import errors
from kg.errors import InputError
from kg.model import Article
from kg.sources import body as bodies
from kg.text.dates import parse_published

_SENTENCE = re.compile(r"[，。；！？,;!?]")


def parse(text: str, data: bytes, path: str) -> Article:
    lines = bodies.text_paragraphs(text)
    if not lines:
        raise InputError(path, errors.NO_TEXT)
    title, rest = lines[0], lines[1:]
    published = None
    # a date line (2021-12-25 10:00 来源：某网), not a lead sentence that opens with a date
    if rest and len(rest[0]) <= 40 and not _SENTENCE.search(rest[0]):
        published = parse_published(rest[0])
        if published:
            rest = rest[1:]
    body = bodies.split_boilerplate(rest, bodies.Boilerplate.load())
    if not body.paragraphs:
        raise InputError(path, errors.NO_TEXT)
    return bodies.assemble(data=data, path=path, title=title, body=body, published=published)
