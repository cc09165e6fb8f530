"""worksFor and jobTitle from posts in apposition: 工业和信息化部总工程师韩夏."""
from __future__ import annotations

from collections.abc import Iterator

from kg.extractors import base
from kg.mentions import people
from kg.model import Article, Fact, Value
from kg.resources import Resources

NAME = "posts"


def extract(article: Article, resources: Resources) -> Iterator[Fact]:
    titled: set[str] = set()
    for sentence, text in zip(article.sentences, resources.texts(article)):
        for found in people.find(text, resources):
            who = base.person(found.name, sentence, found.start, found.end)
            title = found.job_title
            # One post per person per article: a second, shorter mention repeats the first.
            if title and found.name not in titled:
                titled.add(found.name)
                yield base.fact(who, "jobTitle", Value(title), article, sentence, NAME)
            for org_text in found.employers():
                at = text.find(org_text)
                start, end = (at, at + len(org_text)) if at >= 0 else (found.start, found.start)
                org = base.org(org_text, article, sentence, start, end, resources)
                yield base.fact(who, "worksFor", org, article, sentence, NAME)
