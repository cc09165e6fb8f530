"""Named events (首届“千兆城市”高峰论坛) and the event a sentence is about.

A name ends in an event noun (论坛, 大会, 发布会 ...) and reaches left to a delimiter or a verb
or preposition (在, 举行, 召开 ...). A bare noun (会议, 开幕式) refers to the event the article
is about at that point.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.model import Article
from kg.mentions import orgs, places
from kg.resources import Resources
from kg.text.normalize import name_key

_STOP_CHARS = set("，,。；;：:、！？!?()（）【】[]《》\n|")
_QUOTES = "“”‘’\"'「」"
# 会议室, 会议中心 are places; 议会议长, 议会议员 hold 会议 across a word boundary
_AFTER_NOT_EVENT = (*"堂室厅馆址场所长员", "中心")
_ORDINAL = re.compile(r"^(?:首届|首次|第[0-9一二三四五六七八九十百]+[届次])")


@dataclass(frozen=True)
class EventMention:
    start: int
    end: int
    text: str       # as written, e.g. 第七届某某信息大会开幕式
    name: str       # the event itself, e.g. 第七届某某信息大会 ("" for a bare reference)
    anchored: bool = False  # the sentence says it takes place (举行, 召开, 在…上)

    @property
    def anaphor(self) -> bool:
        return not self.name


def find(text: str, res: Resources) -> list[EventMention]:
    """Event mentions in folded sentence text, longest first where they overlap."""
    key = ("events", text)
    if key not in res.memo:
        res.memo[key] = _find(text, res)
    return res.memo[key]


def _find(text: str, res: Resources) -> list[EventMention]:
    lex = res.lexicon
    spans: list[EventMention] = []
    for noun_start, end, _noun in lex.finditer("event_noun", text):
        if lex.ends_with("event_not", text, end) or text.startswith(_AFTER_NOT_EVENT, end) \
                or _organisation_follows(text, end, res):
            continue
        if text.startswith("议", end) and not text.startswith("议程", end):
            end += 1  # 某某论坛2010年会议: the name ends in 会议, not in 年会
        start = _left_edge(text, noun_start, res)
        written = _edge_quotes(text[start:end].strip(" "))
        spans.append(EventMention(start, end, written, _name(written, res)))
    spans.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[EventMention] = []
    for span in spans:
        if any(k.start <= span.start and span.end <= k.end for k in kept):
            continue
        kept = [k for k in kept if not (span.start <= k.start and k.end <= span.end)]
        kept.append(span)
    kept.sort(key=lambda e: e.start)
    kept = _compose(text, kept, res)
    anchored = [_anchor(text, m, res) for m in kept]
    # 活动, 展览: words that name an event only when the sentence says a named one takes place
    return [m for m in anchored if (not res.lexicon.ends_with("event_noun_weak", m.text)
            or (m.name and (m.anchored or _organised(text, m, res))))
            and not _talked_about(text, m, res) and not _AFTER_IT.match(text, m.end)]


# 某会议闭幕后，市政府举行记者招待会: an event named to say when another one takes place
_AFTER_IT = re.compile(r"(?:闭幕|结束|落幕|召开)?(?:之后|后)[，,]")


def _talked_about(text: str, m: EventMention, res: Resources) -> bool:
    """重点推介了某博览会: an event that is the object of a verb is the topic of the sentence,
    not where it takes place."""
    before = text[:m.start].removesuffix("了")
    verb = res.lexicon.ends_with("event_topic_verb", before)
    if verb == "就" and before[-2:-1] in _JIU_WORDS:
        return False
    return not m.anchored and verb is not None


def _organised(text: str, m: EventMention, res: Resources) -> bool:
    """…评选活动由某会主办: an organiser named in the same clause makes it an event."""
    tail = text[m.end:m.end + 40]
    cut = next((i for i, ch in enumerate(tail) if ch in "。；;！？!?"), len(tail))
    return tail.startswith("由") and any(True for _ in res.lexicon.finditer(
        "organize_verb", tail[:cut]))


def _organisation_follows(text: str, end: int, res: Resources) -> bool:
    """世界互联网大会秘书长, 由世界互联网大会主办: a body named like an event, holding posts or
    organising events, is an organisation."""
    if res.lexicon.starts_with("organize_verb", text, end):
        return True
    titles = res.titles.titles
    return any(text[end:end + size] in titles for size in range(2, 7))


_CONVENE = ("召开", "举行", "举办")
_CLAUSE_CHARS = set("，,。；;！？!?：:\n")


def _compose(text: str, mentions: list[EventMention], res: Resources) -> list[EventMention]:
    """X召开首场新闻发布会 / 国新办…举行发布会: a bare event convened by a named event or an
    organisation is named after it (省某届人大某次会议首场新闻发布会, 国新办发布会)."""
    out = list(mentions)
    for m in mentions:
        # 某办举行发布会, and 在…某办举行的发布会上 (a relative clause)
        verb = next((v for v in _CONVENE for w in (v, v + "的")
                     if text.startswith(w, m.start - len(w))), None)
        if m.name and not _generic(m, res) or verb is None:
            continue
        verb_start = m.start - len(verb) - (1 if text.startswith("的", m.start - 1) else 0)
        clause = verb_start
        # a dateline (中国网财经2月26日讯 国新办…) ends at a space
        while clause > 0 and text[clause - 1] not in _CLAUSE_CHARS and text[clause - 1] != " ":
            clause -= 1
        # 在6月2日上午某办举行的: 在 and the time open the clause, no part of the subject
        clause += len(_LEAD_TIME.match(text, clause).group())
        # 某省政府新闻办7日下午在某中心举行: the time and the place are no part of the subject
        verb_at = clause + len(_ADJUNCT.sub("", text[clause:verb_start]))
        subject = next((e for e in mentions if e.name and e.start == clause
                        and e.end == verb_at), None)
        if subject is not None:
            name = subject.name + m.text
            out.remove(subject)
        else:
            orgs_found = res.orgs.find(text[clause:verb_at])
            if not orgs_found or orgs_found[0][0] != 0:
                # 欢迎出席某办举办的吹风会: the body after a verb that cannot be inside a name
                clause += orgs.left_cut(text[clause:verb_at], res)
                orgs_found = res.orgs.find(text[clause:verb_at])
            if orgs_found and orgs_found[0][0] == 0 and orgs_found[0][1] == verb_at - clause:
                name = orgs_found[0][2] + m.text
            elif orgs_found and orgs_found[0][0] == 0 and not m.name and not branch_subject(
                    text[clause:verb_at], orgs_found[0][1], res):
                name = orgs_found[0][2] + m.text
            else:  # a body named by its structure (某省人民政府新闻办公室): the whole subject
                subject_text = text[clause:verb_at]
                if not subject_text:
                    continue
                if orgs.clean(subject_text, res) != subject_text or re.search(r"\d", subject_text):
                    continue
                name = subject_text + m.text
        out[out.index(m)] = EventMention(m.start, m.end, m.text, name)
    return out


def branch_subject(subject: str, known_end: int, res: Resources) -> bool:
    """某总局江苏监管局, 某银行江苏省分行: a known body, then a place and a unit of its own; the
    whole subject is the convener."""
    rest = subject[known_end:]
    return bool(rest) and bool(places.items(rest, res)) and orgs.clean(subject, res) == subject \
        and not re.search(r"\d", subject)


_LEAD_TIME = re.compile(r"在(?:[0-9]{4}年)?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?(?:上午|下午|晚上|晚间)?"
                        r"(?=[^，,。；;]*(?:举行|召开|举办)的)|")
_ADJUNCT = re.compile(r"(?:(?:[0-9一二三四五六七八九十]{1,2}月)?[0-9一二三四五六七八九十]{1,3}日|今天|昨天|今日|昨日|"
                      r"当天|当日|日前|近日|上午|下午|晚上|晚间|早上|中午|在[^，,。；;在]{2,16}?|为[^，,。；;为]{2,12}?)+$")


def _generic(m: EventMention, res: Resources) -> bool:
    """干部大会, 欢迎座谈会, 揭牌仪式: a name of common words only, which its convener completes."""
    return m.name == m.text and len(m.name) <= 5 and not re.search(r"[0-9“”《》]", m.name) \
        and not res.orgs.find(m.name) and not places.items(m.name, res)


def _anchor(text: str, m: EventMention, res: Resources) -> EventMention:
    if not m.name:
        return m
    # 召开今年第四次…会议: a time word may stand between the verb and the name
    before = any(v in text[max(0, m.start - 6):m.start] for v in _CONVENE)
    tail = text[m.end:m.end + 30]
    cut = next((i for i, ch in enumerate(tail) if ch in _CLAUSE_CHARS), len(tail))
    tail = tail[:cut]
    after = any(v in tail for v in res.lexicon.words("held_verb")) and "期间" not in tail[:3]
    on = text.startswith("在", m.start - 1) and tail.startswith("上")
    if before or after or on:
        return EventMention(m.start, m.end, m.text, m.name, True)
    return m


def _left_edge(text: str, pos: int, res: Resources) -> int:
    i = pos
    while i > 0:
        if text[i - 1] in "）)":
            inner = _bracket_before(text, i)
            if inner is not None and res.lexicon.starts_with("byline_title", text, inner + 1):
                break  # 本报某地某日电（记者某某）: a byline before the name, not part of it
            if inner is not None:
                i = inner  # 中国（合肥）…大会: a bracketed place or year inside the name
                continue
        if text[i - 1] == "》":
            opening = text.rfind("《", max(0, i - 24), i - 1)
            if opening > 0 and not _STOP_CHARS.intersection(text[opening + 1:i - 1]) \
                    and text[opening - 1] not in _STOP_CHARS:
                i = opening  # 2030年《某某》全球论坛: a title in marks inside the name
                continue
        if text[i - 1] == "、" and _honours_listed(text, i, res):
            i -= 1  # 某市劳动模范、先进集体表彰大会: the honours the ceremony confers, listed
            continue
        if text[i - 1] in _STOP_CHARS or text[i - 1] == " " or text.startswith(("——", "--"), i - 2):
            break  # 盛会——第八届某某大会: an apposition's dash ends the name (中国—东盟 has one)
        stop = res.lexicon.ends_with("event_left_stop", text, i)
        if stop == "代表" and text.endswith("人民", 0, i - 2):
            stop = None  # 人民代表大会: the name of a congress, not a delegate speaking
        if stop == "就" and text[i - 2:i - 1] in _JIU_WORDS:
            stop = None  # 企业成就奖颁奖典礼: 就 inside a word, not the preposition
        if stop or _DAY_BEFORE.search(text, 0, i):
            break  # 3月28日省政府常务会议: a day's date is when, not part of the name
        if res.lexicon.ends_with("attend_verb", text, i):
            break  # 学者参与报告发布会: the verb is not part of the name
        i -= 1
    return i


def _honours_listed(text: str, at: int, res: Resources) -> bool:
    """At a 、 inside …A、B和C表彰大会: the name is a ceremony's (表彰), and the words before
    the 、 end like an honour (劳动模范, 先进集体), so the list is part of the name."""
    rest = re.match(r"[^，,。；;：:！？!?《》\n]*", text[at:at + 60]).group()
    if "表彰" not in rest:
        return False
    return bool(res.lexicon.ends_with("title_head", text[max(0, at - 13):at - 1]))


_DAY_BEFORE = re.compile(r"[0-9一二三四五六七八九十]日$")
_JIU_WORDS = set("成造迁将")  # 成就, 造就, 迁就, 将就


def _bracket_before(text: str, end: int) -> int | None:
    """Where the bracket closing at end-1 opens, when it holds a short note with no stop in
    it and a name goes on before it (中国（合肥）); else None."""
    opening = max(text.rfind("（", max(0, end - 12), end), text.rfind("(", max(0, end - 12), end))
    if opening <= 0 or text[opening - 1] in _STOP_CHARS or text[opening - 1] == " ":
        return None
    inner = text[opening + 1:end - 1]
    if not inner or any(ch in _STOP_CHARS for ch in inner) or orgs.is_stock_code(inner):
        return None  # 某某(600000)论坛: a stock code the site inserted is no part of a name
    return opening


def _name(written: str, res: Resources) -> str:
    if res.lexicon.ends_with("event_session", written):
        return ""  # “某某”圆桌对话: a session of the event the article is about
    part = res.lexicon.ends_with("event_part", written)
    if part == written:
        return ""  # 开幕大会 alone: the opening of the event the article is about
    if part and len(written) > len(part):
        core = written[: -len(part)]
        if res.lexicon.ends_with("event_noun", core):
            written = core
    # A name needs more than the noun itself: "会议" or "本届大会" refers to an event.
    noun = res.lexicon.ends_with("event_noun", written)
    head = written[: len(written) - len(noun)] if noun else written
    head = head.strip(_QUOTES)
    if len(head) < 2 or _ORDINAL.fullmatch(head) or head in ("首场", "新闻", "专题"):
        return ""
    if res.lexicon.ends_with("event_anaphor", head) == head or \
            res.lexicon.ends_with("event_noun", head) == head:
        return ""  # 本届论坛年会: two generic words name nothing
    if re.match(r"^[0-9一二三四五六七八九十两几数多]+[个场次项家]", head):
        return ""  # 十个国际性品牌展会: a number of events, none of them named
    if "等" in head or "、" in head and "表彰" not in written:
        return ""  # 举办“绽放杯”“光华杯”等大赛: several events, none of them named
    return _balanced(written)


def _edge_quotes(written: str) -> str:
    """Quotes at the edges are dropped unless they open or close a quote inside the name
    (“书香某城”全民阅读活动 keeps its quotes; ”某某论坛 loses the stray one)."""
    while written and written[0] in _QUOTES and _mate(written[0]) not in written[1:]:
        written = written[1:]
    while written and written[-1] in _QUOTES and _mate(written[-1]) not in written[:-1]:
        written = written[:-1]
    return written


def _mate(quote: str) -> str:
    pairs = {"“": "”", "”": "“", "‘": "’", "’": "‘", "「": "」", "」": "「"}
    return pairs.get(quote, quote)


def _balanced(name: str) -> str:
    for open_q, close_q in ("“”", "‘’"):
        if name.count(open_q) != name.count(close_q):
            name = name.replace(open_q, "").replace(close_q, "")
    return name


@dataclass(frozen=True)
class SentenceEvents:
    mentions: tuple[EventMention, ...]   # with anaphors resolved to a name where possible
    current: str | None                  # the event this sentence is about


def track(article: Article, res: Resources) -> list[SentenceEvents]:
    """For each sentence of the article, its event mentions and the event it is about.

    Within one article, a name that ends another (某某工业发展大会 in 首届某某工业发展
    大会) is the same event, named by the longer form.
    """
    key = ("track", article.id, article.text)
    if key in res.memo:
        return res.memo[key]
    res.memo[key] = out = _track(article, res)
    return out


def _track(article: Article, res: Resources) -> list[SentenceEvents]:
    texts = res.texts(article)
    per_sentence = [find(text, res) for text in texts]
    signing = _signing(texts, per_sentence, res)
    if signing is not None:
        k, mention = signing
        ceremonies = res.lexicon.words("signing_noun")
        per_sentence[k] = sorted([*per_sentence[k], mention], key=lambda m: m.start)
        # 出席签约仪式 after it: the signing the article reported
        per_sentence = [ms if i < k else [
            replace(m, name=mention.name, anchored=True) if m.text in ceremonies else m
            for m in ms] for i, ms in enumerate(per_sentence)]
    names = [m.name for ms in per_sentence for m in ms if m.name]
    canonical = _canonical_names(names)
    anchored = [canonical[m.name] for ms in per_sentence for m in ms if m.anchored]
    first = anchored[0] if anchored else (canonical.get(names[0]) if names else None)
    opening = canonical.get(names[0]) if names else None  # the event the article opens with
    out: list[SentenceEvents] = []
    current = None
    for mentions in per_sentence:
        resolved = []
        for m in mentions:
            tail = _named_by_tail(m, canonical) if not m.name else None
            # 开幕式, 开幕大会: the opening of the event the article opens with, even after a
            # sentence that named another one (在某某峰会上提出的倡议)
            part = not m.name and res.lexicon.ends_with("event_part", m.text) == m.text
            name = canonical.get(m.name) if m.name else (
                tail or (opening if part and opening else current) or first)
            resolved.append(EventMention(m.start, m.end, m.text, name or "", m.anchored or
                                         bool(tail)))
        named = [m.name for m in resolved if m.name and m.anchored] or (
            [] if current else [m.name for m in resolved if m.name])
        if named:
            current = named[0]
        out.append(SentenceEvents(tuple(resolved), current or first))
    return out


# 5月8日，某集团与某市人民政府在某地签署战略合作框架协议: a signing reported by its verb alone
_SIGNING = re.compile(r"([^，,。；;：:、与]{2,30})与([^，,。；;：:、与]{2,30}?)(?:在[^，,。；;与]{1,20}?)?"
                      r"(?:正式|成功|共同)?(?:签署|签订)了?([^，,。；;：:、]{2,30}?(?:协议|备忘录|协定))")


def _signing(texts: list[str], per_sentence, res: Resources):
    """(sentence, mention) for the first signing between two bodies that the article reports with
    the verb only, when a later sentence refers to its 签约仪式 and no sentence names one: the
    event is named by the parties and the agreement (某集团与某市人民政府战略合作框架协议签约仪式)."""
    ceremonies = res.lexicon.words("signing_noun")
    if any(m.name and m.name.endswith(ceremonies) for ms in per_sentence for m in ms):
        return None
    for k, text in enumerate(texts):
        match = _SIGNING.search(text)
        if not match or not any(m.text in ceremonies for ms in per_sentence[k:] for m in ms):
            continue
        first = orgs.clean(_DATE_LEAD.sub("", match.group(1)), res)
        second = orgs.clean(match.group(2), res)
        if not first or not second or second != match.group(2) \
                or not match.group(1).endswith(first):
            continue
        start = match.start(1) + len(match.group(1)) - len(first)
        name = f"{first}与{second}{match.group(3)}签约仪式"
        return k, EventMention(start, match.end(), text[start:match.end()], name, True)
    return None


_DATE_LEAD = re.compile(r"^(?:[0-9]{4}年)?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?(?:上午|下午|晚上)?")


def _named_by_tail(m: EventMention, canonical: dict[str, str]) -> str | None:
    """首场新闻发布会 after 省某届人大某次会议首场新闻发布会 was named: that event."""
    if len(m.text) < 5:
        return None
    key = name_key(m.text)
    found = sorted({c for c in canonical.values() if name_key(c).endswith(key)})
    return found[0] if len(found) == 1 else None


def _canonical_names(names: list[str]) -> dict[str, str]:
    keys = {n: name_key(n) for n in names}
    out: dict[str, str] = {}
    for name in names:
        key = keys[name]
        longer = [o for o in names if keys[o] != key and keys[o].endswith(key)
                  and _ORDINAL.match(keys[o][: len(keys[o]) - len(key)] or "x")]
        if not longer and len(key) <= 6:
            # 出席签署仪式 after 某省政府和某银行战略合作协议签署仪式 was named: a short second
            # mention is the one longer event it ends, when there is only one
            ending = {keys[o]: o for o in names if keys[o] != key and keys[o].endswith(key)}
            longer = list(ending.values()) if len(ending) == 1 else []
        out[name] = max(longer, key=len) if longer else name
    return out
