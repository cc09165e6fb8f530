"""awardedTitle: places, organisations and people given a title or named on a list.

- LIST … 获评/被评为/入选/荣获/喜获 “TITLE”(称号): the list is the clause before the verb;
  包括A、B…在内的29个城市 and A、B等4家 give a count that the list must meet. Organisations
  come before the places in their names (江苏泰瑞精工股份有限公司, not 江苏).
- Unquoted, a title runs to the end of the clause and ends in a title word (获评全国文明城市;
  lexicon title_head); a relative clause (入选…的轴承企业) names none.
- ORG 授予 [LIST|N个城市] “TITLE”称号: the list follows the verb. When only a count is given,
  the items come from a list set out line by line with that many items (places, perhaps under
  their province, or numbered organisations), preferring the one under a heading that names
  the title (一、国家园林城市（9个）).
- X (成功)入选 with no object: the list is the document the article last named (《…名单》).
- 新当选的TITLE：NAME(…, ORG)、NAME(…): each name gets the title (and works for ORG).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extractors import base
from kg.mentions import documents, orgs, places
from kg.model import Article, Fact, Mention, Sentence
from kg.resources import Resources
from kg.text.normalize import name_key
from kg.text.sentences import CLAUSE_END, clause_start

NAME = "awards"
_BATCH_WORD = r"首批|新一批|第[一二三四五六七八九十\d]+批"  # a batch is not part of the title
_QUOTED_TITLE = re.compile(rf"^(?:了|为|{_BATCH_WORD})*"
                           r"(?:[“\"]([^”\"]{2,40})[”\"]|《([^《》]{2,60})》)")
# Unquoted, a title must say it is one: …称号 or …名单 (入选第二批国家级示范区名单).
_PLAIN_TITLE = re.compile(r"^(?:了|为)?([\u3400-\u9fff0-9A-Za-z()（）、]{2,40}?(?:名单|称号))"
                          r"(?=[，,。；;！!]|$)")
_UNQUOTED_TITLE = re.compile(r"(?:了|为)?([^，,。；;！!？?()（）、：:\s]{3,40})(?=[，,。；;！!？?()（）、]|$)")
_BATCH = re.compile(_BATCH_WORD)
_COUNT = re.compile(r"([0-9]+|[一二三四五六七八九十两百]+)(?:个|家|地|座|名|批)")
_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_ELECTED = re.compile(r"当选的?([\u3400-\u9fff]{2,20}?)[:：为]")
_ELECTEE = re.compile(r"([\u3400-\u9fff·]{2,12})[(（]([^()（）]*)[)）]")
_ADVERBS = re.compile(r"(?:正式|成功|也|均|都|已|还|先后|分别|同时|共同|一并|顺利|首次)+$")
_NOTE = re.compile(r"[(（][^()（）]*[)）]$")
_LEAD = re.compile(r"^(?:包括|其中|我市|我省|我区|我县|本市|同时|此外|另外|目前)+")


def extract(article: Article, resources: Resources) -> Iterator[Fact]:
    texts = resources.texts(article)
    blocks = _blocks(article, texts, resources)
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
                    _doc_title(last_doc, res) if last_doc else None)
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
        if active:
            subjects = _subjects(span_text, offset, res)
        else:  # organisations first: 江苏泰瑞精工股份有限公司 is not 江苏
            subjects = _org_subjects(text, verb_at, res) or _subjects(span_text, offset, res)
        count = _count(span_text)
        if count and len(subjects) < count:
            block = _block_for(blocks, count, title.label)
            if block is not None:
                yield from _emit_block(article, block, title, res)
            elif "等" in span_text and subjects:
                yield from _emit(article, sentence, text, subjects, title, res)  # A、B等N个
            continue  # 湖北5地获评…: a count for a place that is not itself the awardee
        yield from _emit(article, sentence, text, subjects, title, res)


_NO_OBJECT = ("入选", "上榜", "入围")
# 1. / 2、/ （一） before an item of a list set out line by line
_ENUMERATION = re.compile(r"^\s*(?:[(（][0-9一二三四五六七八九十]+[)）]|[0-9一二三四五六七八九十]+[.．、)）])")
# a numbered line that is one organisation, perhaps with a note in brackets
_NUMBERED_ORG = re.compile(r"\s*([^\s，,。；;：:、()（）]{4,40})\s*(?:[(（][^()（）]*[)）])?[;；。，,]?\s*$")
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
        start, name = _trim_title(text, pos + match.start(1), pos + match.end(1), res)
        return (start, pos + match.end(1), _clean_title(name, res)) if len(name) >= 3 else None
    return _unquoted_title(text, pos, res)


def _unquoted_title(text: str, pos: int, res: Resources):
    """获评全国文明城市, 被命名为国家园林县城, 入选第五批国家级专精特新“小巨人”企业: an
    unmarked title runs to the end of the clause and ends in a word titles end in (lexicon
    title_head); 公布的 before it is not part of it."""
    match = _UNQUOTED_TITLE.match(text, pos)
    if not match:
        return None
    start, name = _trim_title(text, *match.span(1), res)
    end = match.end(1)
    if len(name) < 3 or not res.lexicon.ends_with("title_head", name) or _is_plan(name, res):
        return None
    return start, end, _clean_title(name, res)


def _trim_title(text: str, start: int, end: int, res: Resources) -> tuple[int, str]:
    """An unmarked title without what comes before it: 工业和信息化部等四部门公布的…名单,
    教育部第二批…样板校, 首批…: (start, name)."""
    name = text[start:end]
    if "的" in name:
        before = name[: name.rindex("的")]
        if not (res.lexicon.ends_with("publish_verb", before)
                or res.lexicon.ends_with("list_verb", before)):
            return end, ""  # 入选国家级“小巨人”的轴承企业: a relative clause, not a title
        start += len(before) + 1
    body = next((e for s, e, *_ in res.orgs.find(text[start:end]) if s == 0), None)
    if body and end - start - body >= 3:
        start += body
    batch = _BATCH.match(text, start, end)
    if batch:
        start = batch.end()
    return start, text[start:end]


def _is_plan(name: str, res: Resources) -> bool:
    """申报全国文明城市, 创建国家森林城市: a plan or an action, not a title held."""
    return next(res.lexicon.finditer("title_not", name), None) is not None


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
    return _org_subjects(text, verb_at, res) or _subjects(*_subject(text, verb_at), res)


def _subject(text: str, verb_at: int) -> tuple[str, int]:
    """The clause before the verb without adverbs, lead words and a note in brackets."""
    start = clause_start(text, verb_at)
    subject = _ADVERBS.sub("", text[start:verb_at])
    subject = _NOTE.sub("", subject)
    lead = _LEAD.match(subject)
    if lead:
        start += lead.end()
        subject = subject[lead.end():]
    return subject, start


def _org_subjects(text: str, verb_at: int, res: Resources):
    """The organisations the clause before the verb consists of (A、B和C), or []."""
    subject, start = _subject(text, verb_at)
    found, pos = [], start
    for name in orgs.split_list(subject, res):
        at = text.find(name, pos)
        if at < 0:
            return []
        found.append((at, at + len(name), name, None))
        pos = at + len(name)
    return found


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


def _emit_block(article, block: "_Block", title: Mention, res) -> Iterator[Fact]:
    for sentence, item in block.items:
        if isinstance(item, places.PlaceItem):
            subject = places.mention_for(item, sentence)
        else:
            start, end, name = item
            subject = base.org(name, article, sentence, start, end, res)
        yield base.fact(subject, "awardedTitle", title, article, sentence, NAME)


def _block_for(blocks: list["_Block"], count: int, title: str) -> "_Block | None":
    """The list of `count` items set out line by line: the one under a heading that names the
    title (一、国家园林城市（9个）), else the only one of that size."""
    sized = [b for b in blocks if len(b.items) == count]
    key = name_key(title)
    headed = [b for b in sized if key and key in name_key(b.heading)]
    if headed:
        return headed[0]
    return sized[0] if len(sized) == 1 else None


def _doc_title(last_doc, res: Resources) -> Mention | None:
    """The list named last (《…名单》) as the title; a notice (《…通报》) is none."""
    sentence, doc = last_doc
    if not res.lexicon.ends_with("title_head", doc.name):
        return None
    return base.titled(doc.name, "Title", sentence, doc.start, doc.end, name=doc.name)


@dataclass(frozen=True)
class _Block:
    """A list set out line by line: (sentence, PlaceItem or (start, end, organisation)) items,
    and the line before it."""

    items: tuple
    heading: str


def _blocks(article: Article, texts: list[str], res: Resources) -> list[_Block]:
    """Runs of consecutive lines that hold nothing but places (江苏省：苏州市、扬州市), or each
    one numbered organisation (1. 北京邮电大学（…方向）)."""
    blocks: list[_Block] = []
    current: list = []
    heading = ""
    for sentence, text in zip(article.sentences, texts):
        found = _list_line(text, res)
        if found:
            current.extend((sentence, item) for item in found)
            continue
        if current:
            blocks.append(_Block(tuple(current), heading))
        current, heading = [], text
    if current:
        blocks.append(_Block(tuple(current), heading))
    return blocks


def _list_line(text: str, res: Resources) -> list:
    found = places.items(text, res)
    if found:
        rest = text
        for _s, _e, surface, _c in res.places.find(text):
            rest = rest.replace(surface, "")
        rest = _ENUMERATION.sub("", rest)
        if len(re.sub(r"[、，,;；:：\s和及与]", "", rest)) <= 1:
            return found
    numbered = _ENUMERATION.match(text)
    if not numbered:
        return []
    item = _NUMBERED_ORG.match(text, numbered.end())
    if item and orgs.is_org(item.group(1), res, places_ok=False):
        return [(item.start(1), item.end(1), item.group(1))]
    return []


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
