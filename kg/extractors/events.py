"""heldIn, heldOn and organizedBy: where and when an event took place, and who organised it.

- heldIn: 在/于 PLACE 举行/召开/开幕… in a sentence that names the event (or refers to it).
- heldOn: a date in a sentence that names the event, resolved against the article's date.
- organizedBy: (由) A、B和C (联合)主办/承办/举办 …; ORG 召开/举行 EVENT with ORG first in the clause.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from kg.extractors import base
from kg.mentions import events, lists, orgs, places
from kg.model import Article, Fact, Sentence, Value
from kg.resources import Resources
from kg.text import dates, sentences
from kg.text.normalize import fold

NAME = "events"
_PAREN = re.compile(r"[(（][^()（）]*[)）]")
_CONVENE = ("召开", "举行", "举办")
_WHEN = re.compile(r"\d+[年月日号时点]|[上下中]午|今天|今日|昨天|昨日|明天|近日|日前|期间|当天|晚间|上旬|中旬|下旬")


def extract(article: Article, resources: Resources) -> Iterator[Fact]:
    tracked = events.track(article, resources)
    reference = _reference_date(article)
    relative = {w: int(resources.lexicon.value("relative_day", w) or 0)
                for w in resources.lexicon.words("relative_day")}
    dated: set[str] = set()
    last_day: date | None = None  # the last full date the article stated
    role_lines: bool | None = None  # under 主办单位：, one organiser a line
    for sentence, text, sent_events in zip(article.sentences, resources.texts(article),
                                           tracked):
        stated_before = last_day
        same = next(resources.lexicon.finditer("same_day", text), None)
        in_text = dates.find_dates(text, reference, relative)
        after = next(resources.lexicon.finditer("next_day", text), None)
        if after and stated_before and not same:
            # 次日上午，该行举行…: the day after the date last stated
            day = (stated_before + timedelta(days=1)).isoformat()
            in_text = sorted(in_text + [dates.DateMention(after[0], after[1], day)],
                             key=lambda d: d.start)
        for found_day in in_text:
            if len(found_day.value) == 10 and not same:
                last_day = date.fromisoformat(found_day.value)
        # an event said to take place comes before one only mentioned (…年度会议期间)
        named = sorted((m for m in sent_events.mentions if m.name), key=lambda m: not m.anchored)
        yield from _held_in(article, sentence, text, sent_events, resources,
                            _dateline_place(text, resources) if sentence is article.sentences[0]
                            else None)
        yield from _organized_by(article, sentence, text, sent_events, resources)
        role_lines = _role_heading(text, role_lines) if role_lines is not None or \
            _ROLE_HEADING.match(text) else None
        if role_lines and not _ROLE_HEADING.match(text):
            found = list(_role_line(article, sentence, text, sent_events, resources))
            if not found:
                role_lines = None  # the lines of organisers have ended
            yield from found
        subjects = named or _convened(text, sent_events, resources)
        if not subjects:
            continue
        event = subjects[0]
        # 当天, 同日: the day the article stated last, not the day it was published
        same_day = stated_before if stated_before and same else None
        found = in_text
        if same_day is not None:
            found = dates.find_dates(text, same_day, relative)
            found = [d for d in found
                     if resources.lexicon.starts_with("same_day", text, d.start)] or found
        if reference is None:
            # no date on the article: a year its text states (2030年…座谈会, or the headline)
            # completes a month and day (9月28日), never a bare day
            stated = _stated_year(event.name) or _stated_year(article.title)
            found = [d for d in dates.find_dates(text, stated) if "月" in text[d.start:d.end]] \
                if stated else found
        recent = next(resources.lexicon.finditer("recent_past", text), None)
        filed = dates.DATELINE.search(text[:60]) if recent else None
        if filed:
            # 某网北京9月25日电 近日，…召开: the day the report was filed, not the event's
            found = [d for d in found if not filed.start() <= d.start < filed.end()]
        # 某博览会（以下简称“某某”）于10月16日开幕: a note in brackets adds no distance
        day = next((d for d in found if len(d.value) == 10 and (
            d.start < subjects[0].end + 12 or d.start > subjects[0].end
            and len(_PAREN.sub("", text[subjects[0].end:d.start])) < 12)), None)
        if day and event.name not in dated:
            dated.add(event.name)
            yield base.fact(_event(event, sentence), "heldOn", Value(day.value, "date"),
                            article, sentence, NAME)


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def _stated_year(text: str | None):
    """The year a name or headline states (2030年…大会, 2030“年度人物”盛典) as a reference date
    at the year's end, so that a month and day written without a year fall in it."""
    match = _YEAR.search(text or "")
    return date(int(match.group(1)), 12, 31) if match else None


def _reference_date(article: Article):
    published = dates.local_date(article.published)
    first = article.sentences[0].text if article.sentences else ""
    return dates.dateline(fold(first), published) or published


def _event(mention: events.EventMention, sentence: Sentence):
    return base.titled(mention.text, "Event", sentence, mention.start, mention.end,
                       name=mention.name)


def _convened(text: str, sent_events: events.SentenceEvents, res: Resources):
    """Bare 发布会 convened by an organisation (国新办…举行发布会) is named after it."""
    return [m for m in sent_events.mentions if m.name and any(
        text.startswith(v, m.start - len(v)) for v in _CONVENE)]


def _held_in(article, sentence, text, sent_events, res, dateline=None) -> Iterator[Fact]:
    for verb_start, verb_end, _verb in res.lexicon.finditer("held_verb", text):
        if any(m.start <= verb_start < m.end for m in sent_events.mentions):
            continue  # 开幕 inside 开幕大会 is part of a name, not the verb
        where = _place_before(text, verb_start)
        if where is None and dateline is not None and verb_start > dateline[1] \
                and _today_between(text, dateline[1], verb_start, res):
            # 本报义乌10月21日电 今天上午，某某博览会开幕: where the report was filed, that day
            # (近日…召开 may have been anywhere)
            where = dateline
        if where is None:
            continue
        start, end = where
        event = _event_near(sent_events, start, verb_end)
        if event is None:
            continue
        place = places.mention(text[start:end], article, sentence, start, end, res)
        if place is not None:
            yield base.fact(_event(event, sentence), "heldIn", place, article, sentence, NAME)
        return


def _today_between(text: str, start: int, end: int, res: Resources) -> bool:
    """今天, 当天 (relative_day words for the reference day itself) in text[start:end]."""
    return any(start <= at < end and res.lexicon.value("relative_day", word) == "0"
               for at, _e, word in res.lexicon.finditer("relative_day", text))


def _dateline_place(text: str, res: Resources) -> tuple[int, int] | None:
    """The place of a dateline (本报义乌10月21日电, 新华社北京3月5日电), as offsets, when the
    words just before its date name one."""
    match = dates.DATELINE.search(text[:60])
    if not match:
        return None
    found = places.items(text[:match.start()], res)
    if not found or found[-1].end != match.start():
        return None
    return found[-1].start, found[-1].end


def _place_before(text: str, verb_at: int) -> tuple[int, int] | None:
    """The X of 在X举行 / 于X召开, as offsets; X has no punctuation and is at most 24 long."""
    head = text[max(0, verb_at - 26):verb_at]
    match = re.search(r"[在于]([^，,。；;、：:“”()（）在于]{1,24})$", head)
    if not match:
        return None
    offset = verb_at - len(head)
    start, end = offset + match.start(1), offset + match.end(1)
    # 成功 and 隆重 are adverbs of the verb, not part of the place
    while text.endswith(("成功", "隆重", "盛大"), 0, end):
        end -= 2
    if _WHEN.search(text[start:end]):
        return None  # 于3月1日举行: a time, not a place
    if re.search(r"[的对]|--|—", text[start:end]):
        return None  # 在致辞中…对论坛的顺利举行, 在地--中国桐乡: a clause, not a place
    return (start, end) if end - start >= 1 else None


def _event_near(sent_events: events.SentenceEvents, place_at: int, verb_end: int):
    """The event of 在X举行: named right after the verb (召开今年第四次…会议), else before X."""
    named = [m for m in sent_events.mentions if m.name]
    after = [m for m in named if 0 <= m.start - verb_end <= 6]
    if after:
        return after[0]
    before = [m for m in named if m.end <= place_at]
    if before:
        return before[-1]
    return named[0] if named else None


def _organized_by(article, sentence, text, sent_events, res) -> Iterator[Fact]:
    masked = _PAREN.sub(lambda m: " " * len(m.group()), text)
    for verb_start, verb_end, _verb in res.lexicon.finditer("organize_verb", masked):
        clause_start = sentences.clause_start(masked, verb_start)
        subject = masked[clause_start:verb_start]
        if "由" in subject:
            subject = subject[subject.rindex("由") + 1:]
        earlier = [e for _s, e, _w in res.lexicon.finditer("organize_verb", subject)]
        if earlier and subject[earlier[-1]:earlier[-1] + 1] in ("、", "，", ","):
            subject = subject[earlier[-1] + 1:]  # 由A主办、B承办: B is the subject of 承办
        subject = re.sub(r"在[^、]*$", "", subject)
        subject = re.sub(r"^.*(?:参加|出席|参与|应邀)", "", subject)  # 甲参加乙举办的: 乙 holds it
        subject = re.sub(r"(联合|共同|成功)+$", "", subject.strip())
        # 由A、B等(多家单位)共同举办: the list closes with 等
        subject = re.sub(r"等(?:[0-9一二三四五六七八九十多]+[家个])?(?:单位|机构|部门)?$", "", subject)
        subject = re.sub(r"携手|会同", "、", subject)  # A携手B举办: two organisers
        names = _organisers(subject, res)
        if not names:
            continue
        event = _event_after(sent_events, verb_end, masked) or _current(sent_events)
        if event is None:
            continue
        for name in names:
            at = masked.find(name, clause_start)
            org = base.org(name, article, sentence, at, at + len(name), res)
            yield base.fact(event_mention(event, sentence), "organizedBy", org, article,
                            sentence, NAME)
    yield from _convener(article, sentence, masked, sent_events, res)
    yield from _roles(article, sentence, masked, sent_events, res)
    yield from _company_meeting(article, sentence, masked, sent_events, res)


# 某某科技（301622.SZ）2024年年度股东大会: a listed company's own meeting, which it convenes
_COMPANY_MEETING = re.compile(r"(?:股东大会|股东会|董事会(?:第[^，,。]{1,6}次)?会议|监事会(?:第[^，,。]{1,6}次)?会议)$")
_CODE_BEFORE = re.compile(r"[(（][^()（）]{4,24}[)）]\s*$")


def _company_meeting(article, sentence, masked, sent_events, res) -> Iterator[Fact]:
    for mention in sent_events.mentions:
        if not mention.name or not _COMPANY_MEETING.search(mention.name):
            continue
        code = _CODE_BEFORE.search(sentence.text[:mention.start])
        if not code or not orgs.is_stock_code(code.group()[1:-1]):
            continue
        company = orgs.article_company(article, "公司", res)
        if company is None:
            continue
        before = sentence.text[:code.start()]
        at = code.start() - len(company) if before.endswith(company) else code.start()
        org = base.org(company, article, sentence, at, at + len(company), res)
        yield base.fact(_event(mention, sentence), "organizedBy", org, article, sentence, NAME)


# 主办单位为A、B / 承办方：C: the organisers named by their role
_ROLE = re.compile(r"(?:联合|共同)?(?:主办|承办)(?:单位|方|机构)(?:分别)?(?:为|是|有|包括)?[:：]?")
_ROLE_END = re.compile(r"[；;。\n]|[，,](?=[^，,；;。]{0,6}(?:协办|支持|指导|主办|承办|媒体|合作))")


def _roles(article, sentence, masked, sent_events, res) -> Iterator[Fact]:
    for match in _ROLE.finditer(masked):
        end = _ROLE_END.search(masked, match.end())
        span = masked[match.end(): end.start() if end else len(masked)].strip()
        span = re.sub(r"等(?:单位|机构|部门)?$", "", span)
        names = _organisers(span, res) if span else []
        comma = re.search(r"[，,]", span)
        if not names and comma:
            # 承办单位为某局，展览面积12万平方米: the clause after the comma is about something else
            names = _organisers(span[:comma.start()], res)
        event = _current(sent_events) if names else None
        if event is None:
            continue
        for name in names:
            at = masked.find(name, match.end())
            org = base.org(name, article, sentence, at, at + len(name), res)
            yield base.fact(event_mention(event, sentence), "organizedBy", org, article,
                            sentence, NAME)


# 主办单位：on a line of its own, the organisers on the lines below; 指导单位：ends them
_ROLE_HEADING = re.compile(r"^\s*(?:联合|共同)?(?:主办|承办|协办|指导|支持|媒体支持|战略合作)"
                           r"(?:单位|方|机构|媒体)\s*[:：]\s*$")


def _role_heading(text: str, current: bool | None) -> bool | None:
    """Whether the lines after this one name organisers: True under 主办/承办单位：, False
    under 指导单位： or 协办单位： (guidance and assistance are no organising, as the
    annotation guidelines count only 主办, 承办 and 举办), else as before."""
    match = _ROLE_HEADING.match(text)
    if not match:
        return current
    return bool(re.search(r"主办|承办", match.group()))


def _role_line(article, sentence, text, sent_events, res) -> Iterator[Fact]:
    names = _organisers(text.strip(), res)
    event = _current(sent_events) if names else None
    if event is None:
        return
    for name in names:
        at = text.find(name)
        org = base.org(name, article, sentence, at, at + len(name), res)
        yield base.fact(event_mention(event, sentence), "organizedBy", org, article, sentence, NAME)


_JOINTLY = re.compile(r"(?:联合|共同|携手)$")
_TIME_WORDS = re.compile(r"(?:今天|今日|昨天|昨日|日前|近日|上午|下午|晚上|[0-9]{1,2}月|[0-9]{1,2}日|"
                         r"在[^、，,]{1,12}$)+$")


def _organisers(subject: str, res: Resources) -> list[str]:
    """A、B和C (共同)主办: the organisations listed, known or not; the list parser types
    the unknown ones as organisations because the verb says what they are."""
    names = orgs.split_list(subject, res)
    if names:
        return names
    # A及B和C where the splitter gives up: the list parser's items, each an organisation by
    # its head noun or by name (never a bare phrase the verb happens to follow)
    listed = lists.items(subject, 0, len(subject), res) or []
    if listed and all(i.kind == "org" and orgs.is_org(i.text, res, places_ok=False)
                      for i in listed):
        return [i.text for i in listed]
    return []


def event_mention(event, sentence):
    if isinstance(event, events.EventMention):
        return _event(event, sentence)
    return base.titled(event, "Event", sentence, 0, 0, name=event)


def _convener(article, sentence, masked, sent_events, res) -> Iterator[Fact]:
    for mention in sent_events.mentions:
        if not mention.name:
            continue
        for verb in _CONVENE:
            head_end = mention.start - len(verb)
            if head_end < 0 or not masked.startswith(verb, head_end):
                continue
            clause_start = sentences.clause_start(masked, head_end)
            dateline = masked.rfind(" ", clause_start, head_end)
            if dateline >= 0:
                clause_start = dateline + 1  # 中国网财经2月26日讯 国新办…
            joint = _JOINTLY.search(masked, clause_start, head_end)
            if joint:
                # A与B在上海联合举办…: both organise it, by the adverb
                subject = _TIME_WORDS.sub("", masked[clause_start:joint.start()]).strip()
                for name in _organisers(subject, res) if subject else []:
                    at = masked.find(name, clause_start)
                    org = base.org(name, article, sentence, at, at + len(name), res)
                    yield base.fact(_event(mention, sentence), "organizedBy", org, article,
                                    sentence, NAME)
                continue
            first = res.orgs.find(masked[clause_start:head_end])
            if first and first[0][0] == 0 and events.branch_subject(
                    _TIME_WORDS.sub("", masked[clause_start:head_end]).strip(), first[0][1], res):
                first = []  # 某总局江苏监管局举行…: the branch, named by its structure below
            if first and first[0][0] == 0:
                _, end, surface, _org = first[0]
            else:
                # 市国资委今天召开…会议: an organisation the gazetteer does not know, alone
                # before the verb but for the time words
                subject = _TIME_WORDS.sub("", masked[clause_start:head_end]).strip()
                if subject and len(_organisers(subject, res)) > 1:
                    continue  # 某公司与某区政府举行会谈: two parties meet; neither is named as host
                cleaned = orgs.clean(subject, res) if subject else None
                if not cleaned or cleaned not in (subject, subject[1:]) or (
                        cleaned != subject and not orgs.is_relative(subject)):
                    continue
                surface, end = subject, len(subject)
            org = base.org(surface, article, sentence, clause_start, clause_start + end, res)
            yield base.fact(_event(mention, sentence), "organizedBy", org, article,
                            sentence, NAME)


# 主办的，以“开放合作”为主题的第二届…论坛: a theme clause between the verb and the event
_THEMED = re.compile(r"的?[，,]?以[“\"][^”\"]{1,40}[”\"]为(?:主题|题)的?")


def _event_after(sent_events: events.SentenceEvents, pos: int, text: str = ""):
    after = [m for m in sent_events.mentions if m.name and m.start >= pos]
    if not after:
        return None
    gap = text[pos:after[0].start] if text else ""
    if after[0].start - pos <= 4 or (gap and _THEMED.fullmatch(gap.rstrip("的") + "的")):
        return after[0]
    return None


def _current(sent_events: events.SentenceEvents):
    named = [m for m in sent_events.mentions if m.name]
    if named:
        return named[0]
    return sent_events.current
