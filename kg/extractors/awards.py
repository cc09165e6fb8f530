"""awardedTitle: places, organisations and people given a title or named on a list.

- LIST … 获评/被评为/入选/荣获/喜获 “TITLE”(称号): the list is the clause before the verb;
  包括A、B…在内的29个城市 and A、B等4家 give a count that the list must meet.
- ORG 授予 [LIST|N个城市] “TITLE”称号: the list follows the verb; when only a count is given the
  places come from a block of place-only lines elsewhere in the article with that many items.
- X (成功)入选 with no object: the list is the document the article last named (《…名单》).
- 新当选的TITLE：NAME(…, ORG)、NAME(…): each name gets the title (and works for ORG).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extractors import base
from kg.mentions import documents, orgs, places
from kg.model import Article, Fact, Mention, Sentence
from kg.resources import Resources
from kg.text.sentences import CLAUSE_END, clause_start

NAME = "awards"
_QUOTED_TITLE = re.compile(r"^(?:了|为|首批|第[一二三四五六七八九十\d]+批)*"
                           r"(?:[“\"]([^”\"]{2,40})[”\"]|《([^《》]{2,60})》)")
# Unquoted, a title must say it is one: …称号 or …名单 (入选第二批国家级示范区名单).
_PLAIN_TITLE = re.compile(r"^(?:了|为)?([\u3400-\u9fff0-9A-Za-z()（）、]{2,40}?(?:名单|称号))"
                          r"(?=[，,。；;！!]|$)")
_COUNT = re.compile(r"([0-9]+|[一二三四五六七八九十两百]+)(?:个|家|地|座|名|批)")
_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_ELECTED = re.compile(r"当选的?([\u3400-\u9fff]{2,20}?)[:：为]")
_ELECTEE = re.compile(r"([\u3400-\u9fff·]{2,12})[(（]([^()（）]*)[)）]")
_ADVERBS = re.compile(r"(?:正式|成功|也|均|都|已|还|先后|分别|同时|共同|一并|顺利|首次)+$")
_LEAD = re.compile(r"^(?:包括|其中|我市|我省|我区|我县|本市|同时|此外|另外|目前)+")


def extract(article: Article, resources: Resources) -> Iterator[Fact]:
    texts = resources.texts(article)
    blocks = _place_blocks(article, texts, resources)
    last_doc: tuple[Sentence, documents.DocMention] | None = None
    for sentence, text in zip(article.sentences, texts):
        yield from _statements(article, sentence, text, blocks, last_doc, resources)
        yield from _elected(article, sentence, text, resources)
        docs = documents.all_quoted(text)
        if docs:
            last_doc = (sentence, docs[-1])


def _statements(article, sentence, text, blocks, last_doc, res) -> Iterator[Fact]:
    taken_until = -1
    for verb_at, verb in _verbs(text, res):
        if verb_at < taken_until:
            continue
        after = verb_at + len(verb)
        active = verb in ("授予", "评为", "命名为", "认定为")
        title_span = _title_after(text, after, res, skip_subjects=active)
        if title_span is None:
            if verb in _NO_OBJECT and _clause_ends(text, after):
                title = _list_before(text, verb_at, sentence) or (
                    _doc_title(last_doc) if last_doc else None)
                start = clause_start(text, verb_at)
                clause = text[start:verb_at]
                subjects = _subjects(clause, start, res) or _subjects_before(text, verb_at, res)
                count = _count(clause)
                if title is not None and not (count and len(subjects) < count
                                              and "等" not in clause):
                    yield from _emit(article, sentence, text, subjects, title, res)
            continue
        t_start, t_end, title_name = title_span
        taken_until = t_end
        title = base.titled(text[t_start:t_end], "Title", sentence, t_start, t_end,
                            name=title_name)
        if active:
            span_text, offset = text[after:t_start], after
        else:
            start = clause_start(text, verb_at)
            span_text, offset = text[start:verb_at], start
        subjects = _subjects(span_text, offset, res)
        if not subjects and not active:
            subjects = _subjects_before(text, verb_at, res)  # an organisation: …工厂入选《…》
        count = _count(span_text)
        if count and len(subjects) < count:
            block = next((b for b in blocks if len(b[1]) == count), None)
            if block is not None:
                yield from _emit_block(article, block, title, res)
            elif "等" in span_text and subjects:
                yield from _emit(article, sentence, text, subjects, title, res)  # A、B等N个
            continue  # 湖北5地获评…: a count for a place that is not itself the awardee
        yield from _emit(article, sentence, text, subjects, title, res)


_NO_OBJECT = ("入选", "上榜", "入围")
# 1. / 2、/ （一） before an item of a list set out line by line
_ENUMERATION = re.compile(r"^\s*(?:[(（][0-9一二三四五六七八九十]+[)）]|[0-9一二三四五六七八九十]+[.．、)）])")
_LIST_NAME = re.compile(r"[“《]?([^，,。；;：:“”《》、\s]{2,40}?名单)[”》]?")


def _list_before(text: str, verb_at: int, sentence: Sentence) -> Mention | None:
    """…公布第七批国家生态文明建设示范区名单，A、B等100个地区上榜: the list named before."""
    found = [m for m in _LIST_NAME.finditer(text, 0, verb_at)]
    if not found:
        return None
    match = found[-1]
    name = match.group(1)
    for verb in ("公布", "发布", "印发", "了"):
        if verb in name:
            name = name[name.rindex(verb) + len(verb):]
    if len(name) <= 3:
        return None
    start = match.end(1) - len(name)
    return base.titled(name, "Title", sentence, start, match.end(1), name=name[:-2])


def _verbs(text: str, res: Resources) -> list[tuple[int, str]]:
    return [(start, verb) for start, _end, verb in res.lexicon.finditer("award_verb", text)]


def _title_after(text, pos, res, *, skip_subjects):
    if skip_subjects:
        quote = re.compile(r"[“\"]([^”\"]{2,40})[”\"](?:称号|荣誉称号)").search(text, pos)
        if not quote or CLAUSE_END.search(text, pos, quote.start()):
            return None
        return quote.start(), quote.end(), _clean_title(quote.group(1), res)
    match = _QUOTED_TITLE.match(text[pos:])
    if match:
        group = 1 if match.group(1) else 2
        return (pos + match.start(group) - 1, pos + match.end(),
                _clean_title(match.group(group), res))
    match = _PLAIN_TITLE.match(text[pos:])
    if match and not CLAUSE_END.search(match.group(1)):
        return pos + match.start(1), pos + match.end(1), _clean_title(match.group(1), res)
    return None


def _clean_title(title: str, res: Resources) -> str:
    drop = res.lexicon.ends_with("title_suffix_drop", title)
    if drop and len(title) > len(drop) + 1:
        title = title[: -len(drop)]
    return title.strip("“”\"")


def _clause_ends(text: str, pos: int) -> bool:
    return pos >= len(text) or text[pos] in "，,。；;！!"


def _subjects(span_text: str, offset: int, res: Resources) -> list[tuple[int, int, str, object]]:
    found = places.items(span_text, res)
    return [(offset + p.start, offset + p.end, p.surface, p.place) for p in found]


def _subjects_before(text: str, verb_at: int, res: Resources):
    start = clause_start(text, verb_at)
    subject = _ADVERBS.sub("", text[start:verb_at])
    lead = _LEAD.match(subject)
    if lead:
        start += lead.end()
        subject = subject[lead.end():]
    if orgs.is_org(subject, res, places_ok=False):
        return [(start, start + len(subject), subject, None)]
    return _subjects(subject, start, res)


def _count(text: str) -> int | None:
    match = None
    for match in _COUNT.finditer(text):
        pass
    if match is None:
        return None
    digits = match.group(1)
    if digits.isdigit():
        return int(digits)
    return _chinese_number(digits)


def _chinese_number(text: str) -> int | None:
    total, current = 0, 0
    for ch in text:
        if ch in _NUMERALS:
            current = _NUMERALS[ch]
        elif ch == "两":
            current = 2
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def _emit(article, sentence, text, subjects, title: Mention, res) -> Iterator[Fact]:
    for start, end, surface, place in subjects:
        if place is None:
            subject = base.org(surface, article, sentence, start, end, res)
        else:
            subject = places.mention_for(places.PlaceItem(start, end, surface, place), sentence)
        yield base.fact(subject, "awardedTitle", title, article, sentence, NAME)


def _emit_block(article, block, title: Mention, res) -> Iterator[Fact]:
    _, found = block
    for sentence, item in found:
        subject = places.mention_for(item, sentence)
        yield base.fact(subject, "awardedTitle", title, article, sentence, NAME)


def _doc_title(last_doc) -> Mention:
    sentence, doc = last_doc
    return base.titled(doc.name, "Title", sentence, doc.start, doc.end, name=doc.name)


def _place_blocks(article: Article, texts: list[str], res: Resources):
    """Runs of consecutive lines that hold nothing but places (a list set out line by line)."""
    blocks, current = [], []
    for i, (sentence, text) in enumerate(zip(article.sentences, texts)):
        found = places.items(text, res)
        rest = text
        if found:
            for _s, _e, surface, _c in res.places.find(text):
                rest = rest.replace(surface, "")
        rest = _ENUMERATION.sub("", rest)
        if found and len(re.sub(r"[、，,;；:：\s和及与]", "", rest)) <= 1:
            current.extend((sentence, item) for item in found)
            continue
        if current:
            blocks.append((i, current))
        current = []
    if current:
        blocks.append((len(texts), current))
    return blocks


def _elected(article, sentence, text, res) -> Iterator[Fact]:
    match = _ELECTED.search(text)
    if not match:
        return
    title_name = match.group(1)
    title = base.titled(title_name, "Title", sentence, match.start(1), match.end(1))
    for person in _ELECTEE.finditer(text, match.end()):
        name = person.group(1).lstrip("、")
        start = person.start(1) + (len(person.group(1)) - len(name))
        who = base.person(name, sentence, start, start + len(name))
        yield base.fact(who, "awardedTitle", title, article, sentence, NAME)
        info = re.split(r"[,，]", person.group(2))
        employer = info[-1].strip()
        if employer and orgs.is_org(employer, res, places_ok=False):
            at = person.start(2) + person.group(2).rfind(employer)
            org = base.org(employer, article, sentence, at, at + len(employer), res)
            yield base.fact(who, "worksFor", org, article, sentence, NAME)
