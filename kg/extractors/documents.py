"""publishes: organisations issuing documents.

- ORG(、ORG…)(联合ORG…) [time] 印发/发布/出台/公布 (了)《DOC》 — several publishers jointly;
  a person with a post (副院长黄某发布《…》) publishes for their organisation.
- A signature block: lines of organisation names, then a date line, sign the notice named
  above them (关于印发《X》的通知 / 关于…的公告).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extractors import base
from kg.mentions import documents, orgs, people
from kg.model import Article, Fact
from kg.resources import Resources
from kg.text import dates, sentences

NAME = "documents"
_TIME_TAIL = re.compile(r"(?:今年|去年|日前|近日|近期|目前|此前|昨日|昨天|今天|今日|正式|已|也|还|再次|"
                        r"联合|共同|\d{1,4}年|\d{1,2}月|\d{1,2}日|上午|下午|成功|公开|首次|重磅|同步|于)+$")
# 某研究院(英文名)发布, 某公司(简称“某某”)发布: a note after the publisher is no part of it
_NOTE_TAIL = re.compile(r"[(（][^()（）]*[)）]$")
# 国家发展改革委等部门联合印发: the named ones publish; "and others" names nobody
_ET_CETERA = re.compile(r"等(?:[0-9一二三四五六七八九十多]+个?)?(?:部门|单位|机构|部委|方面)?(?:联合|共同)?$")
_LEAD_IN = re.compile(r"^(?:.*?\d{1,2}日(?:电|讯)\s*|.*(?:电|讯|消息)\s+|.*\s+)?(?:根据|依据|按照|在|由|据|为)?"
                      r"(?:本月|今年|上月|近日|日前)?(?:\d{1,2}月)?(?:\d{1,2}日)?")
_ON_BEHALF = re.compile(r"^.*?(?:并|还|也)?代表(?=[\u3400-\u9fff]{2})")
_DRAFTED = re.compile(r"(?:研究)?(?:制定|起草|修订)(?:并|后)?$")
_TOGETHER = re.compile(r"(?<=[\u3400-\u9fff])(?:会同|携手)(?=[\u3400-\u9fff])")
_SITE = re.compile(r"(?:官方网站|官网|网站|微信公众号|官方微博)$")
_WHERE_TAIL = re.compile(r"[在于][^、，,]{1,12}$")
_NOTICE = re.compile(r"关于.+的(?:通知|公告|决定|意见|批复|通告|函)$")


# 该部, 该委, 上述部门: a body named before, by the kind of body it is
_ANAPHOR = re.compile(r"^(?:同日|当天|同时|随后|此外|另外|此前)?(?:该|此|上述|这一?)"
                      r"(部|局|委|厅|办|署|行|院|会|集团|公司|部门|单位|机构)$")
_GROUP_ANAPHOR = ("部门", "单位", "机构")  # 上述部门: every body named, not the last one
# 同日，还印发了《…》: a clause with no subject but adverbs goes on with the last publisher
_NO_SUBJECT = re.compile(r"^(?:同日|当天|同时|随后|此外|另外|之后|其后|此前)?(?:其)?(?:还|又|也|同步|另|并|再|随后|同时)*$")
_PASSIVE = re.compile(r"(?P<by>)(?:已|正式|近日|日前)?由[^《》，,。；;]{2,40}?(?:联合|共同)?$")
_TITLED_SPEECH = re.compile(r"了?题为")
_CARRY_REACH = 3  # sentences: a body named further back is no longer the one meant


# 某部等四部门将T名单予以公告: the document before the verb, after 将
_DISPOSED = re.compile(r"将(?:《(?P<q>[^《》]{2,80})》|(?P<u>[^，,。；;：:《》将]{3,60}?))"
                       r"(?:予以|正式)?(?:公告|公布|发布|印发|公示)")


def extract(article: Article, resources: Resources) -> Iterator[Fact]:
    recent: list[str] = []   # the publishers of the last statement, as written
    recent_at = -_CARRY_REACH - 1
    for i, (sentence, text) in enumerate(zip(article.sentences, resources.texts(article))):
        carried = recent if i - recent_at <= _CARRY_REACH else []
        facts = list(_statements(article, sentence, text, resources, carried)) \
            or list(_disposed(article, sentence, text, resources, carried))
        named = list(dict.fromkeys(f.subject.text for f in facts))
        if named:
            recent, recent_at = named, i
        yield from facts
    yield from _signatures(article, resources)
    yield from _headed_notices(article, resources)


def _statements(article, sentence, text, res, carried: list[str] = ()) -> Iterator[Fact]:
    for verb_start, verb_end, _verb in res.lexicon.finditer("publish_verb", text):
        if _TITLED_SPEECH.match(text, verb_end):
            continue  # 发表题为《…》的演讲: a speech, not a document
        docs = documents.quoted_after(text, verb_end)
        if not docs:
            doc = documents.unquoted_after(text, verb_end, res)
            docs = [doc] if doc else []
        passive = None if docs else _PASSIVE.search(text, sentences.clause_start(text, verb_start),
                                                     verb_start)
        if passive:
            # 《某某办法》由某部印发: the document first, its publisher after 由
            docs = [d for d in documents.all_quoted(text) if d.end == passive.start("by")]
        if not docs:
            continue
        publishers = _publishers(text, verb_start, res, carried)
        if publishers:
            carried = [name for name, _at in publishers]  # …，随后又发布了: the same body
        for doc in docs:
            obj = base.titled(text[doc.start:doc.end], "Document", sentence, doc.start,
                              doc.end, name=doc.name)
            for name, start in publishers:
                org = base.org(name, article, sentence, start, start + len(name), res)
                yield base.fact(org, "publishes", obj, article, sentence, NAME)


def _disposed(article, sentence, text, res, carried) -> Iterator[Fact]:
    for match in _DISPOSED.finditer(text):
        group = "q" if match.group("q") else "u"
        name = match.group(group)
        if group == "u" and not res.lexicon.ends_with("doc_noun", name):
            continue
        publishers = _publishers(text, match.start(), res, carried)
        obj = base.titled(name, "Document", sentence, match.start(group), match.end(group),
                          name=documents.canonical(name))
        for org_name, start in publishers:
            org = base.org(org_name, article, sentence, start, start + len(org_name), res)
            yield base.fact(org, "publishes", obj, article, sentence, NAME)


def _publishers(text: str, verb_at: int, res: Resources,
                carried: list[str] = ()) -> list[tuple[str, int]]:
    clause_start = sentences.clause_start(text, verb_at)
    subject = _TIME_TAIL.sub("", _NOTE_TAIL.sub("", _TIME_TAIL.sub(
        "", text[clause_start:verb_at]).strip())).strip()
    if carried:
        back = _carried(text, clause_start, subject, carried)
        if back is not None:
            return back
    if _ANAPHOR.match(subject):
        return []  # 该部 with no body before it to refer to names nobody
    if "》" in subject and "由" in subject[subject.rindex("》"):]:
        subject = subject[subject.rindex("由") + 1:]  # 《某某办法》由某部印发
    subject = _LEAD_IN.sub("", subject)     # 在某委日前发布的…: 在 opens the clause, no place
    subject = _TIME_TAIL.sub("", _WHERE_TAIL.sub("", subject)).strip()  # …9月1日在长春发布
    subject = _ET_CETERA.sub("", subject)
    subject = _LEAD_IN.sub("", subject)     # 新华社北京2月22日电 国家统计局 / 在… / 由…
    subject = _SITE.sub("", subject)        # 工业和信息化部网站公布: the body publishes
    subject = _DRAFTED.sub("", subject)     # 某厅制定出台: drafting, then issuing
    subject = _ON_BEHALF.sub("", subject)   # 甲并代表某厅发布: the body publishes
    subject = _TOGETHER.sub("、", subject)  # 某厅会同某厅: two publishers
    if not subject:
        return []
    names = orgs.split_list(subject, res)
    if not names:
        # 某大学研究院副院长黄某发布…: the organisation of the person publishes.
        found = people.find(subject, res)
        if len(found) == 1 and found[0].end == len(subject):
            names = found[0].employers()[:1]
    out = []
    for name in names:
        at = text.find(name, clause_start)
        out.append((name, at if at >= 0 else clause_start))
    return out


def _carried(text: str, clause_start: int, subject: str,
             carried: list[str]) -> list[tuple[str, int]] | None:
    """该部还印发了…, 同日，又发布了…: the publishers of the statement before, those of the
    kind the anaphor names; None when the clause names its own subject."""
    anaphor = _ANAPHOR.match(subject)
    if anaphor:
        kind = anaphor.group(1)
        if kind in _GROUP_ANAPHOR:
            return [(n, clause_start) for n in carried]
        return [(n, clause_start) for n in carried if n.endswith(kind)][-1:]
    whole = text[sentences.clause_start(text, clause_start - 1) if clause_start else 0:
                 clause_start]
    # the clause before in the sentence states a document too, or is only a time (同日，还…)
    if _NO_SUBJECT.match(subject) and (clause_start == 0 or "《" in whole or _NO_SUBJECT.match(
            whole.rstrip("，, "))):
        return [(n, clause_start) for n in carried]
    return None


def _signatures(article: Article, res: Resources) -> Iterator[Fact]:
    sentences = list(article.sentences)
    texts = res.texts(article)
    i = 0
    while i < len(texts):
        if not dates.is_date_line(texts[i]):
            i += 1
            continue
        signers: list[tuple[int, str, int]] = []
        j = i - 1
        while j >= 0:
            names = _org_line(texts[j], res)
            if names is None:
                break
            signers = [(j, n, at) for n, at in names] + signers
            j -= 1
        notice = _notice_before(texts, j)
        if signers and notice is not None:
            k, doc = notice
            sentence = sentences[k]
            obj = base.titled(doc, "Document", sentence, 0, len(texts[k]),
                              name=documents.canonical(doc))
            for line, name, at in signers:
                org = base.org(name, article, sentences[line], at, at + len(name), res)
                yield base.fact(org, "publishes", obj, article, sentences[line], NAME)
        i += 1


_HEADED_NOTICE = re.compile(r"^(?P<orgs>[^，,。；;：:《》]+?)\s*(?P<notice>关于[^，,。；;]+?的"
                            r"(?:通知|公告|决定|意见|批复|通告))$")


def _headed_notices(article: Article, res: Resources) -> Iterator[Fact]:
    """某市发展和改革委员会 某市规划和自然资源局 关于印发X的通知: a notice's heading line that
    names the bodies issuing it, one after another, before 关于."""
    for sentence, text in zip(article.sentences, res.texts(article)):
        match = _HEADED_NOTICE.match(text.strip())
        if not match:
            continue
        names = _org_line(match.group("orgs").strip(), res)
        if not names:
            continue
        notice = match.group("notice")
        doc = documents.canonical(notice).strip("《》")
        at = text.find(notice)
        obj = base.titled(notice, "Document", sentence, at, at + len(notice), name=doc)
        offset = text.find(match.group("orgs").strip())
        for name, start in names:
            org = base.org(name, article, sentence, offset + start, offset + start + len(name), res)
            yield base.fact(org, "publishes", obj, article, sentence, NAME)


def _org_line(text: str, res: Resources) -> list[tuple[str, int]] | None:
    names, pos = [], 0
    for part in text.split(" "):
        if part:
            if not orgs.is_org(part, res, places_ok=False):
                return None
            names.append((part, text.find(part, pos)))
        pos += len(part) + 1
    return names or None


def _notice_before(texts: list[str], j: int) -> tuple[int, str] | None:
    for k in range(j, -1, -1):
        match = _NOTICE.search(texts[k])
        if match:
            notice = match.group()
            inner = re.search(r"《([^》]+)》", notice)
            return k, inner.group(1) if inner and "印发" in notice else notice
    return None
