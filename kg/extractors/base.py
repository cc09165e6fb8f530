"""Small helpers shared by extractors: mentions and evidence with article offsets."""
from __future__ import annotations

from kg.mentions import orgs
from kg.model import Article, Evidence, Fact, Mention, Sentence, Value
from kg.resources import Resources
from kg.text.normalize import name_key


def evidence(article: Article, sentence: Sentence, extractor: str) -> Evidence:
    return Evidence(article.id, sentence.text, sentence.start, sentence.end, extractor)


def fact(subject: Mention, predicate: str, obj: Mention | Value, article: Article,
         sentence: Sentence, extractor: str) -> Fact:
    return Fact(subject, predicate, obj, evidence(article, sentence, extractor))


def span(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    return sentence.start + start, sentence.start + end


def person(name: str, sentence: Sentence, start: int, end: int) -> Mention:
    return Mention(name, "Person", *span(sentence, start, end))


def org(text: str, article: Article, sentence: Sentence, start: int, end: int,
        res: Resources) -> Mention:
    known = res.orgs.lookup(text)
    if known:
        return Mention(text, known.kind, *span(sentence, start, end), key=known.name,
                       name=known.name)
    key = name_key(text)
    full = orgs.article_aliases(article, res).get(text)
    if full:  # 以下简称“某某金融”: the name the article gave the organisation
        return Mention(text, orgs.kind(full, res), *span(sentence, start, end),
                       key=name_key(full), name=full)
    noun = res.lexicon.value("org_anaphor", text)
    if noun:  # 公司董事长某某: the company the article is about
        full = orgs.article_company(article, noun, res)
        if full:
            return Mention(text, orgs.kind(full, res), *span(sentence, start, end),
                           key=name_key(full), name=full)
    if orgs.is_relative(text):
        # 市政府 in an article about 北京 is 北京市政府; with no place of its own, 省委 in one
        # article and 省委 in another are different bodies.
        from kg.mentions import places  # here, not at the top: kg.mentions.places imports base

        place = places.article_place(article, text[0], res)
        if place is None:
            key = f"{article.id}/{key}"
        else:
            # 省政府 is the province's 人民政府, the name its other mentions use
            name = place.name + ("人民政府" if text[1:] == "政府" else text[1:])
            return Mention(text, orgs.kind(name, res), *span(sentence, start, end),
                           key=name_key(name), name=name)
    return Mention(text, orgs.kind(text, res), *span(sentence, start, end), key=key)


def unnamed_anaphor(mention: Mention, res: Resources) -> bool:
    """公司, 该集团 where the article names no company they could be: no entity to state
    anything about."""
    return mention.name is None and bool(res.lexicon.value("org_anaphor", mention.text))


def place_kind(level: str) -> str:
    return {"province": "Province", "prefecture": "City", "county": "County"}.get(level, "Place")


def titled(text: str, kind: str, sentence: Sentence, start: int, end: int,
           name: str | None = None) -> Mention:
    """An Event, Document or Title mention keyed by its normalised name."""
    label = name or text
    return Mention(text, kind, *span(sentence, start, end), key=name_key(label), name=label)
