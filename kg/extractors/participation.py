"""speaksAt and attends: people at events (出席…并致辞 is speaking; 出席 alone is attending).

A person is someone named with a post somewhere in the article; later bare mentions of the
name count too. The verb is the first speaking or attending verb after the name in its sentence;
an attending verb followed in the same clause by a speaking one (出席会议并致辞) is speaking.
The event is one named in the clause, else the event the sentence is about. Sentences inside
quotation marks report speech, not presence, and are skipped.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extractors import base
from kg.mentions import events, lists, people
from kg.model import Article, Fact, Sentence
from kg.resources import Resources
from kg.text.sentences import clause_start

NAME = "participation"
_CLAUSE_END = re.compile(r"[，,；;。！？!?]")
_QUOTE_MARKS = re.compile("[\n“”]")
# a plan before the verb (将出席…并发表, 拟于5日发表, 将在论坛上致辞)
_PLANNED = re.compile(r"(?:将|拟|即将|预计)(?:于|在|出席|参加|发表|作|做|致辞|主持|$)")
_INTERVIEW = re.compile(r"接受[^，,。；;]{0,20}采访")


def extract(article: Article, resources: Resources) -> Iterator[Fact]:
    texts = resources.texts(article)
    known = _people(texts, resources)
    if not known:
        return
    tracked = events.track(article, resources)
    quoted = _quoted(article.text)
    facts: dict[tuple[str, str, str], Fact] = {}
    for i, (sentence, text, sent_events) in enumerate(zip(article.sentences, texts, tracked)):
        near_event = bool(sent_events.mentions) or (i > 0 and bool(tracked[i - 1].mentions))
        for name, start, end in _mentions(text, known, resources):
            if quoted[sentence.start + start]:
                continue
            verb = _verb(text, end, resources, sent_events)
            if verb is None:
                continue
            relation, verb_at = verb
            if not near_event and resources.lexicon.starts_with("speak_weak", text, verb_at):
                continue  # 某某表示… in an interview is not a speech at the event
            between = text[end:verb_at]
            if _PLANNED.search(between) or "召集" in between or _INTERVIEW.search(text):
                continue  # 将出席, 由甲召集，由乙主持, 在接受采访时: no presence stated
            event = _event_for(sent_events, end, verb_at, text)
            if not event:
                continue
            who = base.person(name, sentence, start, end)
            what = _event_mention(event, sent_events, sentence)
            facts.setdefault((name, relation, event),
                             base.fact(who, relation, what, article, sentence, NAME))
        for present in lists.present_after(text, resources, i):
            for key, fact in _present_facts(article, sentence, text, present, sent_events,
                                             resources):
                facts.setdefault(key, fact)
    spoke = {(n, e) for n, r, e in facts if r == "speaksAt"}
    for (name, relation, event), fact in facts.items():
        if relation == "attends" and (name, event) in spoke:
            continue  # the guideline: a person who spoke is not also listed as attending
        yield fact


def _people(texts: list[str], res: Resources) -> set[str]:
    """People named with a post anywhere in the article, and names listed as present (A、B、C
    参加会议; 出席活动的还有A、B)."""
    found = [p for text in texts for p in people.find(text, res)]
    # a byline's reporter (（记者 某某）) writes about the event, and is never at it as a speaker
    bylines = {p.name for p in found if p.job_title in res.lexicon.words("byline_title")}
    named = {p.name for p in found if not p.represented}
    listed = {i.text for text in texts for i in lists.people(text, res)}
    return (named | listed) - bylines


def _present_facts(article, sentence, text, present: lists.Present, sent_events, res):
    """出席开幕式的还有A、B: each listed person at the event the lead names, else the one the
    sentence is about."""
    # 出席论坛并致辞的有A、B: they spoke there too
    spoke = res.lexicon.starts_with("speak_verb", present.verb) or next(
        res.lexicon.finditer("speak_verb", text[present.verb_at:present.lead_end]), None)
    relation = "speaksAt" if spoke else "attends"
    lead_end = present.verb_at + len(present.verb)
    named = [m for m in sent_events.mentions
             if m.name and present.verb_at < m.start and m.end <= present.lead_end]
    if named:
        event = named[0].name
    elif text[lead_end] == "的" or text.startswith("嘉宾", lead_end):
        event = sent_events.current  # 出席的还有, 致辞嘉宾有: the event the sentence is about
    else:
        return  # 参加会见的嘉宾有: what they took part in is no event
    if not event:
        return
    what = _event_mention(event, sent_events, sentence)
    for item in present.people:
        who = base.person(item.text, sentence, item.start, item.end)
        yield (item.text, relation, event), base.fact(who, relation, what, article, sentence, NAME)


def _mentions(text: str, known: set[str], res: Resources):
    found = []
    for name in sorted(known, key=len, reverse=True):
        # str.find, not a regex per name and sentence (that was 90k compiled-pattern look-ups
        # for 1,000 articles); the same non-overlapping occurrences, left to right
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not any(s <= at < e for _, s, e in found) and not text.startswith("的代表", end):
                found.append((name, at, end))
            at = text.find(name, max(end, at + 1))
    return sorted(found, key=lambda f: f[1])


def _verb(text: str, pos: int, res: Resources,
          sent_events: events.SentenceEvents) -> tuple[str, int] | None:
    lex = res.lexicon
    inside = {i for m in sent_events.mentions for i in range(m.start, m.end)}
    # the first speaking and the first attending verb outside the event names (发布 in
    # 报告发布会 is part of one); a speaking verb wins at the same place. One regex search
    # each instead of a look-up in both lists at every character after every name.
    speak = _verb_at(lex, "speak_verb", text, pos, len(text), inside)
    attend = _verb_at(lex, "attend_verb", text, pos, speak[0] if speak else len(text), inside)
    if attend is None:
        return ("speaksAt", speak[0]) if speak else None
    i, word = attend
    clause_end = _CLAUSE_END.search(text, i)
    stop = clause_end.start() if clause_end else len(text)
    if clause_end and text.startswith(("并", "还"), clause_end.end()):
        # 出席发布会，并回答了记者提问: the same person's next clause
        more = _CLAUSE_END.search(text, clause_end.end())
        stop = more.start() if more else len(text)
    later = _verb_at(lex, "speak_verb", text, i + len(word), stop, inside)
    return ("speaksAt", later[0]) if later else ("attends", i)


def _verb_at(lex, name: str, text: str, pos: int, stop: int, inside: set[int]):
    """(where, word): the first word of list `name` that begins in text[pos:stop] outside
    `inside`, or None."""
    found = lex.search(name, text, pos)
    while found and found[0] < stop:
        if found[0] not in inside:
            return found
        found = lex.search(name, text, found[0] + 1)
    return None


def _event_for(sent_events: events.SentenceEvents, name_end: int, verb_at: int,
               text: str = "") -> str | None:
    # 在某办举行的发布会上，某局副局长甲表示…: the event that frames the clause, not one the
    # statement goes on to mention
    framed = [m for m in sent_events.mentions if m.name and m.end < name_end
              and text.startswith(("上，", "上,", "上", "期间"), m.end)
              and "在" in text[clause_start(text, m.start):m.start]]
    if framed:
        return framed[-1].name
    near = [m for m in sent_events.mentions if m.name and m.start >= name_end]
    if near:
        return near[0].name
    before = [m for m in sent_events.mentions if m.name and m.end <= name_end]
    if before:
        return before[-1].name
    return sent_events.current


def _event_mention(event: str, sent_events: events.SentenceEvents, sentence: Sentence):
    for m in sent_events.mentions:
        if m.name == event:
            return base.titled(m.text, "Event", sentence, m.start, m.end, name=event)
    return base.titled(event, "Event", sentence, 0, 0, name=event)


def _quoted(text: str) -> list[bool]:
    """For each character, whether it is inside “…” (quotations end with their paragraph)."""
    depth, out, last = 0, [], 0
    for mark in _QUOTE_MARKS.finditer(text):  # only the marks, not every character
        at = mark.start()
        out.extend([depth > 0] * (at - last))
        if mark.group() == "\n":
            depth = 0
        elif mark.group() == "“":
            depth += 1
        elif depth:
            depth -= 1
        out.append(depth > 0)
        last = at + 1
    out.extend([depth > 0] * (len(text) - last))
    return out
