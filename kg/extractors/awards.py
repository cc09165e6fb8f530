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
from dataclasses import replace
from collections.abc import Iterator

from kg.extractors import base
from kg.mentions import documents, lists, orgs, people, places
from kg.model import Article, Fact, Mention, Sentence, Value
from kg.resources import Resources
from kg.text import dates
from kg.text.normalize import fold, name_key
from kg.text.sentences import CLAUSE_END, clause_start

NAME = "awards"
_BATCH_WORD = r"首批|新一批|第[一二三四五六七八九十\d]+批"  # a batch is not part of the title
_QUOTED_TITLE = re.compile(rf"^(?:了|为|{_BATCH_WORD})*"
                           r"(?:[“\"]([^”\"]{2,40})[”\"]|《([^《》]{2,60})》)")
# Unquoted, a title must say it is one: …称号 or …名单 (入选第二批国家级示范区名单).
_PLAIN_TITLE = re.compile(r"^(?:了|为)?([\u3400-\u9fff0-9A-Za-z()（）、]{2,40}?(?:名单|称号))"
                          r"(?=[，,。；;！!]|$)")
# 入选A和B两个名单: how many lists, after the titles, is no part of them
_LISTS_COUNTED = r"(?:两|三|四|五|[0-9]+)(?:个|项)(?:名单|榜单|称号|荣誉)"
# 列为全国重点镇并予以公布: the title ends before the clause's next verb
_UNQUOTED_TITLE = re.compile(r"(?:了|为)?([^，,。；;！!？?()（）、：:\s]{3,40}?)"
                             r"(?=[，,。；;！!？?()（）、：:]|并(?:予以|公布|授牌|颁发|给予)|$"
                             r"|" + _LISTS_COUNTED + r")")
_BATCH = re.compile(_BATCH_WORD)
_ELECTED = re.compile(r"当选的?([\u3400-\u9fff]{2,20}?)[:：为]")
_ELECTEE = re.compile(r"([\u3400-\u9fff·]{2,12})[(（]([^()（）]*)[)）]")
_ADVERBS = re.compile(r"(?:正式|成功|也|均|都|已|还|先后|分别|同时|共同|一并|顺利|首次|双双|再度|再次)+$")
_NOTE = re.compile(r"[(（][^()（）]*[)）]$")
_LEAD = re.compile(r"^(?:(?:包括|其中|我市|我省|我区|我县|本市|本省|同时|此外|另外|目前|最终|最后)+的?"
                   r"(?:(?<=[市省区县])(?:企业|单位)(?=[\u3400-\u9fff]{2}))?"
                   r"|[\u3400-\u9fff]{2,6}?(?:已有|已经有|共有|先后有))")  # 浙江已有A、B入选


def extract(article: Article, resources: Resources) -> Iterator[Fact]:
    texts = resources.texts(article)
    blocks = lists.blocks(texts, resources)
    named = list(_named(article, texts, resources))
    for index, title, _count, found in named:
        yield from _emit_items(article, found, title, resources)
    last_doc: tuple[Sentence, documents.DocMention] | None = None
    for index, (sentence, text) in enumerate(zip(article.sentences, texts)):
        yield from _statements(article, index, text, blocks, last_doc, resources,
                               heading=_heading_above(article, texts, index, resources))
        yield from _elected(article, sentence, text, resources)
        yield from _reviewed(article, sentence, text, resources)
        yield from _colon_list(article, index, texts, resources)
        yield from _ranked(article, index, texts, resources)
        yield from _counted_in_brackets(article, index, text, resources)
        docs = documents.all_quoted(text)
        if docs:
            last_doc = (sentence, docs[-1])
    yield from _headed_blocks(article, texts, blocks, resources, named)


def _statements(article, index, text, blocks, last_doc, res, heading=None) -> Iterator[Fact]:
    sentence = article.sentences[index]
    taken_until = -1
    for verb_at, verb in _verbs(text, res):
        if verb_at < taken_until:
            continue
        after = verb_at + len(verb)
        active = verb in ("授予", "追授", "评为", "命名为", "认定为") and not _BY_AGENT.search(
            text, clause_start(text, verb_at), verb_at)  # 被某部授予 is the passive
        title_span = _title_after(text, after, res, skip_subjects=active)
        if active and (title_span is None or not text[after:title_span[0]].strip("了")):
            # 将A等N个镇认定为T: the disposal puts the awardees before the verb
            active = False
            title_span = _title_after(text, after, res, skip_subjects=False)
        if title_span is None:
            if verb in _NO_OBJECT and _clause_ends(text, after + len(
                    _BARE_LIST.match(text, after).group())):
                title = (_list_before(text, verb_at, sentence, res)
                         or _selection_before(text, verb_at, sentence, res)
                         or _counted_quoted(text, verb_at, sentence, res)
                         or _category_lead(article, sentence, text, verb_at, res)
                         # 共有15个县被命名为T，其中A、B名列其中
                         or _among_title(sentence, text, verb_at, res)
                         or heading or (_doc_title(last_doc, res) if last_doc else None)
                         # 获此殊荣 / A、B也入选 after the sentence that named the list
                         or _context_title(article, res.texts(article), index - 1, res,
                                           reach=1, listed_only=True))
                start = clause_start(text, verb_at)
                clause = text[start:verb_at]
                subjects = _org_subjects(text, verb_at, res) \
                    or _listed_subjects(text, verb_at, res)
                if not subjects and not _counts_people(clause, res):
                    # places, unless the count says the items are people or companies
                    subjects = _subjects(clause, start, res) or _subjects_before(text, verb_at, res)
                count = lists.count(clause)
                if title is not None and not (count and len(subjects) < count
                                              and "等" not in clause and "在内" not in clause):
                    yield from _emit(article, sentence, text, subjects, title, res)
            continue
        listed = _titles_listed(text, *title_span, res)
        t_start, t_end, title_name = listed[0]
        taken_until = max(end for _s, end, _n in listed)
        title = base.titled(text[t_start:t_end], "Title", sentence, t_start, t_end,
                            name=title_name)
        if active:
            # 授予在…中做出突出贡献的甲等15名同志2015年度“T”: the relative clause before the
            # awardees and the year before the title are neither
            span_text, offset = text[after:t_start], after
            span_text = re.sub(r"[0-9]{4}年度?$", "", span_text)
            relative = span_text.rfind("的")
            if relative >= 0 and _LIST_TAIL.search(span_text, relative + 1):
                span_text, offset = span_text[relative + 1:], offset + relative + 1
        else:
            start = clause_start(text, verb_at)
            span_text, offset = _without_when(text[start:verb_at]), start
        if active:
            subjects = _listed_span(text, offset, offset + len(span_text), res) \
                or _subjects(span_text, offset, res) or _person_named(span_text, offset, res)
        elif _GROUP_REFERENCE.match(span_text.strip()):
            # 上述企业入选T: each item keeps the sentence that lists it, where its words are
            yield from _emit_items(article, _previous_list(article, blocks, index, res), title, res)
            continue
        else:  # organisations first: 江苏泰瑞精工股份有限公司 is not 江苏
            subjects = (_posted_people(text, verb_at, res)
                        or _org_subjects(text, verb_at, res) or _listed_subjects(text, verb_at, res)
                        or (not _counts_people(span_text, res)
                            and _subjects(*_subject(text, verb_at), res))
                        or _person_subjects(text, verb_at, res)
                        or _carried_subjects(text, verb_at, res)
                        or _our_place(article, text, verb_at, res)
                        or _titled_list(text, verb_at, title, res))
            subjects = _with_people(text, verb_at, subjects, res)
        count = lists.count(span_text)
        if count and len(subjects) < count:
            block = _block_for(blocks, count, title.label)
            if block is not None:
                yield from _emit_items(article, block.items, title, res)
            elif "等" in span_text and subjects:
                yield from _emit(article, sentence, text, subjects, title, res)  # A、B等N个
            continue  # 湖北5地获评…: a count for a place that is not itself the awardee
        yield from _emit(article, sentence, text, subjects, title, res)
        for t0, t1, name in listed[1:]:
            more = base.titled(text[t0:t1], "Title", sentence, t0, t1, name=name)
            yield from _emit(article, sentence, text, subjects, more, res)


# 上述企业, 以上5个城市, 这些单位均: the list the sentences before gave
_GROUP_REFERENCE = re.compile(r"^(?:上述|以上|这些|前述)(?:[0-9一二三四五六七八九十两百千]+"
                              r"(?:个|家|座|所|名|位|项))?[\u3400-\u9fff]{0,6}?"
                              r"(?:均|都|也|还|同时|此次|分别)*$")


def _previous_list(article, blocks, index: int, res: Resources, reach: int = 2) -> list:
    """The items of the list that ends in one of the few sentences before `index`: lines set
    out one a line, or the items after a lead (分别为, 包括, a colon)."""
    texts = res.texts(article)
    for k in range(index - 1, max(-1, index - 1 - reach), -1):
        for block in blocks:
            if block.items and max(i.sentence for i in block.items) == k:
                return list(block.items)
        text = texts[k]
        end = _list_end(text)
        for lead in reversed(list(_LIST_LEAD.finditer(text, 0, end))):
            found = lists.items(text, lead.end(), end, res, sentence=k)
            if found and len(found) >= 2:
                return found
    return []


_NO_OBJECT = ("入选", "上榜", "入围", "榜上有名", "名列其中", "列入其中", "获此殊荣", "获此荣誉",
              "获此称号", "获此荣誉称号", "获评")
# 入选公示, 入选该名单: the list is named elsewhere
_BARE_LIST = re.compile(r"(?:该|此|这一)?(?:公示|公示名单|名单|榜单)?")
_TITLE_GOES_ON = re.compile(r"([\u3400-\u9fff]{2,20}?)(?:荣誉称号|称号)?(?=[，,。；;！!]|$)")
# 授予A等3名同志T, 授予…的10位优秀女性T: the count, and who it counts
_WHO_COUNTED = r"(?:(?:优秀|先进|杰出)?(?:同志|女性|妇女|青年|职工|个人))?"
_COUNTED = re.compile(r"[0-9一二三四五六七八九十两百千]+(?:个|家|座|所|名|位|项|人)" + _WHO_COUNTED)
# 等7家企业 / 等30座中国城市 / 等: the end of a list before a verb, and its category noun
_LIST_TAIL = re.compile(r"(?:等|在内的|共计|共(?=[0-9一二三四五六七八九十两百千])|(?=[0-9一二三四五六七八九十两百千]+"
                        r"(?:个|家|座|所|名|位|地|城|项|人|村|镇)))"
                        r"(?:[0-9一二三四五六七八九十两百千]+(?:个|家|座|所|名|位|地|城|项|人|村|镇))?"
                        r"([\u3400-\u9fff]{0,8}|[“\"][\u3400-\u9fff]{1,10}[”\"])$")
_BY_AGENT = re.compile(r"被[^、，,]{2,30}$")
_LIST_NAME = re.compile(r"[“《]?((?:[^，,。；;：:“”《》、\s]|“[^，,。；;“”]{1,20}”){2,40}?"
                        r"(?:名单|名录|榜单|排行榜|榜))[”》]?"
                        r"(?![\u3400-\u9fff](?<![发公揭出正于日近在]))")


_PASSED_REVIEW = re.compile(r"通过(?:了)?(?:[“\"]?)(?P<title>(?:[^，,。；;“”\"]|“[^“”，,。]{1,12}”(?=[\u3400-\u9fff])){3,30}?)(?:[”\"]?)"
                           r"(?:称号)?(?:的)?(?:复查|复审|复核|复评|复验)")


def _reviewed(article, sentence, text: str, res: Resources) -> Iterator[Fact]:
    """A、B两家单位通过了全国文明单位复查: a body that passes the review of a title keeps it."""
    yield from _reviewed_on_list(article, sentence, text, res)
    for match in _PASSED_REVIEW.finditer(text):
        name = _strip_batch(match.group("title"))
        if not res.lexicon.ends_with("title_head", name) or _only_category(name, res) \
                or _is_plan(name, res):
            continue
        yield from _kept(article, sentence, text, match.start(), match.end("title"), name, res)


def _kept(article, sentence, text, verb_at: int, name_end: int, name: str, res) -> Iterator[Fact]:
    """The organisations or places before the review verb at verb_at keep the title `name`,
    written up to name_end."""
    subjects = (_org_subjects(text, verb_at, res) or _listed_subjects(text, verb_at, res)
                or _subjects(*_subject(text, verb_at), res))
    title = base.titled(name, "Title", sentence, name_end - len(name), name_end,
                        name=_clean_title(name, res))
    yield from _emit(article, sentence, text, subjects, title, res)


_PASSED_BARE = re.compile(r"(?:顺利|均|也|都)*通过(?:了)?(?:复核|复查|复审|复评)(?=[，,。；;]|$)")
_REVIEW_LIST = re.compile(r"(?:复核|复查|复审|复评)的([^，,。；;、“”《》]{3,30}?)名单")


def _reviewed_on_list(article, sentence, text: str, res: Resources) -> Iterator[Fact]:
    """…拟通过复核的第三批某某冠军名单，…A、B等3家企业顺利通过复核: those who pass the review
    keep the title of the review's list, named in the same sentence."""
    for match in _PASSED_BARE.finditer(text):
        listed = _REVIEW_LIST.search(text, 0, match.start())
        if not listed:
            continue
        name = _strip_batch(listed.group(1))
        if not res.lexicon.ends_with("title_head", name):
            continue
        yield from _kept(article, sentence, text, match.start(), listed.end(1), name, res)


def _list_before(text: str, verb_at: int, sentence: Sentence, res: Resources) -> Mention | None:
    """…公布第七批国家生态文明建设示范区名单，A、B等100个地区上榜: the list named before."""
    found = [m for m in _LIST_NAME.finditer(text, 0, verb_at)]
    if not found:
        return None
    match = found[-1]
    name = match.group(1)
    for verb in ("公布", "发布", "印发", "了", "的"):
        if verb in name:
            name = name[name.rindex(verb) + len(verb):]
    if len(name) <= 3:
        return None
    start = match.end(1) - len(name)
    return base.titled(name, "Title", sentence, start, match.end(1),
                       name=_clean_title(_strip_batch(name), res)
                       if not name.endswith(("名单", "名录")) else _clean_title(name[:-2], res))


# 2030年度“十佳企业”评选结果近日揭晓: the honour a selection gives, named before its result
_SELECTION = re.compile(r"([^，,。；;：:、]{3,40}?)(?:评选|评比|评审|推选)(?:活动)?(?:结果|名单)?"
                        r"(?:近日|日前|今天|今日|昨天|正式|已|日)*(?:揭晓|公布|出炉|发布)")


def _selection_before(text: str, verb_at: int, sentence: Sentence, res: Resources) -> Mention | None:
    found = list(_SELECTION.finditer(text, 0, verb_at))
    if not found:
        return None
    match = found[-1]
    name = re.sub(r"^(?:[0-9]{4}年度?|[0-9]{4}[-—～~][0-9]{4}年度?)", "", match.group(1))
    name = _trim_list_name(name, res) if "“" not in name else name
    bare = re.sub(r"[“”\"]", "", name)
    if len(bare) < 3 or not (res.lexicon.ends_with("title_head", bare)
                             or res.lexicon.ends_with("ranking_head", bare)):
        return None
    start = match.end(1) - len(name)
    return base.titled(name, "Title", sentence, start, match.end(1),
                       name=_clean_title(_strip_batch(name), res))


_COUNTED_QUOTED = re.compile(r"[0-9一二三四五六七八九十两百千]+(?:个|家|座|所|名|位|项)"
                             r"[“\"]([^”\"]{2,30})[”\"](?:称号)?(?:均|都|也|同时|成功)*$")


def _counted_quoted(text: str, verb_at: int, sentence: Sentence, res: Resources) -> Mention | None:
    """A、B等12家“老字号”榜上有名: the quoted word after the list's count is the title."""
    match = _COUNTED_QUOTED.search(text, clause_start(text, verb_at), verb_at)
    if not match or not res.lexicon.ends_with("title_head", match.group(1)):
        return None
    return base.titled(match.group(1), "Title", sentence, match.start(1), match.end(1),
                       name=_clean_title(match.group(1), res))


_CATEGORY_LEAD = re.compile(r"^(?:其中|在)?[，,]?([^，,。；;：:“”、]{3,20}?)(?:中|里|方面)[，,：:]")


def _category_lead(article, sentence, text: str, verb_at: int, res: Resources) -> Mention | None:
    """…其中包括绿色工厂391家。绿色工厂中，A、B上榜: the category the sentence opens with is the
    title, when the article named it before."""
    lead = _CATEGORY_LEAD.match(text)
    if not lead or lead.end() > verb_at:
        return None
    name = _strip_batch(lead.group(1))
    if not res.lexicon.ends_with("title_head", _NOTE.sub("", name)) or _only_category(name, res):
        return None
    if not _named_earlier(article, article.sentences.index(sentence), name, res):
        return None
    start = lead.end(1) - len(name)
    return base.titled(name, "Title", sentence, start, lead.end(1), name=_clean_title(name, res))


_WINNERS = re.compile(r"(?:获奖|获评|评选|入选|表彰)(?:名单|结果|情况)?(?:如下|公布如下|揭晓)?[:：]\s*$"
                      r"|(?:名单|结果)如下[:：]\s*$")


def _winners_heading(texts: list[str], index: int) -> bool:
    """The lines above `index`, up to a heading, are title：winner lines under 获奖名单如下：."""
    for k in range(index - 1, max(-1, index - 16), -1):
        if _WINNERS.search(texts[k]):
            return True
        if not re.search(r"[:：]", texts[k]) or len(texts[k]) > 120:
            return False
    return False


def _named_earlier(article, index: int, name: str, res: Resources) -> bool:
    """A category the article named before (…名单，其中绿色工厂391家) is a title when a later
    sentence opens with it; one it never named (参评企业中) is not."""
    return any(name in text for text in res.texts(article)[:index])


def _bare_title(article, index: int, before: str, res: Resources) -> Mention | None:
    """绿色工厂：A、B、C — a line that opens with a title the article named before, then a colon;
    or any title, under a heading that announces the winners (获奖名单如下：, 1．T：A、B)."""
    name = before.strip()
    numbered = lists.numbering(name)
    if numbered:
        name = name[numbered.end():].strip()
    if not 2 <= len(name) <= 30 or re.search(r"[，,。；;、“”]", name):
        return None
    if not (res.lexicon.ends_with("title_head", name) or _led_title(name, res)) \
            or _only_category(name, res) or _verbs(name, res) or _is_plan(name, res):
        return None
    if not (len(name) >= 3 and _named_earlier(article, index, name, res)
            or _winners_heading(res.texts(article), index)):
        return None
    start = before.index(name)
    return base.titled(name, "Title", article.sentences[index], start, start + len(name),
                       name=_clean_title(_strip_batch(name), res))


def _verbs(text: str, res: Resources) -> list[tuple[int, str]]:
    return [(start, verb) for start, end, verb in res.lexicon.finditer("award_verb", text)
            if not (verb == "获" and text[end:end + 1] in _NOT_AFTER_GET)]


_NOT_AFTER_GET = set("奖悉知得评批选")  # 获奖名单, 记者获悉: 获 is no award verb there


def _title_after(text, pos, res, *, skip_subjects):
    if skip_subjects:
        quote = re.compile(r"[“\"]([^”\"]{2,40})[”\"](称号|荣誉称号)?").search(text, pos)
        if quote and not CLAUSE_END.search(text, pos, quote.start()) and (
                quote.group(2) or res.lexicon.ends_with("title_head", quote.group(1))):
            granted = _granted_title(text, pos, res) if not quote.group(2) else None
            if granted and granted[0] < quote.start():
                return granted  # 授予某公司专精特新“小巨人”企业称号
            inside = _QUOTE_INSIDE.search(text, pos)
            if not quote.group(2) and inside and inside.start() < quote.start() \
                    and _QUOTED_ALONE.match(text, quote.start()) is None:
                # 为专精特新“小巨人”企业: the quoted words are inside a longer title
                return _unquoted_title(text, inside.start(), res)
            return quote.start(), quote.end(), _clean_title(quote.group(1), res)
        # 授予A、B等9家单位全国五一劳动奖状: an unquoted title after the list's count
        counted = _COUNTED.search(text, pos)
        if counted and not CLAUSE_END.search(text, pos, counted.start()):
            after = counted.end()
            category = res.lexicon.starts_with("list_category", text, after)
            return _unquoted_title(text, after + len(category or ""), res)
        return _granted_title(text, pos, res)
    match = _QUOTED_TITLE.match(text[pos:])
    if match and match.group(1):
        more = _TITLE_GOES_ON.match(text, pos + match.end())
        if more and res.lexicon.ends_with("title_head", _clean_title(more.group(1), res)):
            # “两山”实践创新基地称号: the quoted words begin a longer title
            t0, t1 = pos + match.start(1) - 1, more.end(1)
            return t0, t1, _clean_title(text[t0:t1], res)
    if match:
        group = 1 if match.group(1) else 2
        return (pos + match.start(group) - 1, pos + match.end(),
                _clean_title(match.group(group), res))
    match = _PLAIN_TITLE.match(text[pos:])
    if match and re.search(_LISTS_COUNTED + "$", match.group(1)):
        match = None  # 入选A和B两个名单: two titles, read one by one below
    if match and not CLAUSE_END.search(match.group(1)):
        start, name = _trim_title(text, pos + match.start(1), pos + match.end(1), res)
        if len(name) < 3 or _is_plan(_clean_title(name, res), res):
            return None
        return start, pos + match.end(1), _clean_title(name, res)
    return _unquoted_title(text, pos, res)


_GRANTED = re.compile(r"([^，,。；;]{4,70}?)(?:荣誉)?称号")


def _granted_title(text: str, pos: int, res: Resources):
    """授予某某股份有限公司专精特新“小巨人”企业称号: neither a count nor quote marks say where the
    awardees end; the title opens with a word titles open with (全国, 国家级, 专精特新: lexicon
    title_scope) or after an organisation's head noun, and what is before it is a list."""
    match = _GRANTED.match(text, pos)
    if not match:
        return None
    span = match.group(1)
    cuts = {start for start, _e, _w in res.lexicon.finditer("title_scope", span)}
    cuts |= {m.end() for m in re.finditer(orgs.head_nouns(res), span)}
    for cut in sorted(cuts):
        title = span[cut:]
        if cut < 2 or len(title) < 3 \
                or not res.lexicon.ends_with("title_head", re.sub(r"[“”\"]", "", title)):
            continue
        if lists.items(span, 0, cut, res, category="org") is None:
            continue
        return pos + cut, match.end(1), _clean_title(title, res)
    return None


_QUOTE_INSIDE = re.compile(r"为(?=[^，,。；;、“”]*[“\"])")
_NEXT_QUOTED = re.compile(r"[、和及与]?[“\"]([^”\"]{2,40})[”\"]")
_NEXT_PLAIN = re.compile(r"[、和及与]([^，,。；;！!？?()（）、：:\s“”]{3,40}?)(?=[，,。；;！!？?()（）、]|等|$)")
_NEXT_AFTER_COMMA = re.compile(r"[，,]([^，,。；;！!？?()（）、：:\s“”]{3,40}?)(?=[，,。；;！!？?()（）、]|等|$)")
_LIST_TAIL_WORDS = re.compile(r"等(?:多项|[0-9一二三四五六七八九十]+项)?(?:荣誉)?(?:称号|荣誉)?$")


def _titles_listed(text: str, start: int, end: int, name: str, res: Resources):
    """先后获评A、B和C(等称号), 被命名为“A”“B”: every title of a list on one verb, as
    (start, end, name); the first one alone when no list follows."""
    if re.search(r"[、和及与]", name):  # a title that took the list in (A、B等称号, A和B)
        pieces = re.split(r"、|和|及|与", _LIST_TAIL_WORDS.sub("", name))
        if len(pieces) >= 2 and all(len(p) >= 3 and res.lexicon.ends_with("title_head", p)
                                    for p in pieces):
            out, pos = [], start
            for piece in pieces:
                at = text.find(piece, pos)
                out.append((at, at + len(piece), _clean_title(piece, res)))
                pos = at + len(piece)
            return out
    out, pos = [(start, end, name)], end
    while True:
        quoted = _NEXT_QUOTED.match(text, pos)
        plain = None if quoted else _NEXT_PLAIN.match(text, pos)
        if not (quoted or plain) and len(out) >= 2:
            plain = _NEXT_AFTER_COMMA.match(text, pos)  # 获评A、B，C、D: a long list goes on
        found = quoted or plain
        if not found:
            return out
        piece = found.group(1)
        if plain and not (res.lexicon.ends_with("title_head", piece) and "的" not in piece
                          and not piece.startswith(("成为", "是", "为"))
                          and not _is_plan(piece, res)):
            return out  # 成为全省唯一的示范县: a clause of its own, not one more title
        out.append((found.start(1) - (1 if quoted else 0), found.end(),
                    _clean_title(piece, res)))
        pos = found.end()


def _unquoted_title(text: str, pos: int, res: Resources):
    """获评全国文明城市, 被命名为国家园林县城, 入选第五批国家级专精特新“小巨人”企业: an
    unmarked title runs to the end of the clause and ends in a word titles end in (lexicon
    title_head); 公布的 before it is not part of it."""
    match = _UNQUOTED_TITLE.match(text, pos)
    if not match:
        return None
    start, name = _trim_title(text, *match.span(1), res)
    end = match.end(1)
    core = _RANK_TAIL.sub("", name)  # 位列某某百强前三名: the ranking, then the place on it
    if core != name and not res.lexicon.ends_with("ranking_head", core):
        return None  # 位列长三角城市第三位: a rank among cities, on no list
    if len(core) < 3 or not (res.lexicon.ends_with("title_head", core) or _led_title(core, res)) \
            or _is_plan(name, res):
        return None
    if _COUNTED_AWARDS.match(name):
        return None  # 获得7项大奖: how many, not which
    if _COUNT_INSIDE.search(name):
        return None  # 入选企业中有4家为上市公司: a count of those selected, not a title
    return start, end, _clean_title(name, res)


_TITLE_YEAR = re.compile(r"^(?:[0-9]{4}(?:年度?)?|年度)?")


def _led_title(name: str, res: Resources) -> bool:
    """2030年度最佳投行, 十佳上市公司: a superlative that opens a name makes it a title,
    whatever noun it ends in."""
    at = _TITLE_YEAR.match(name).end()
    lead = res.lexicon.starts_with("title_lead", name, at)
    return bool(lead) and len(name) - at - len(lead) >= 2


_COUNT_INSIDE = re.compile(r"中有|(?<=.)[0-9一二三四五六七八九十两]+(?:家|个|座|所|名)(?:为|是)")
_COUNTED_AWARDS = re.compile(r"^[0-9一二三四五六七八九十两多数]+(?:项|个|次|座)")


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
    counted = _TITLE_COUNT.match(text, start, end)
    if counted and end - counted.end() >= 3:
        start = counted.end()  # 入选首批71家国家级示范区: how many the batch holds
    return start, text[start:end]


_TITLE_COUNT = re.compile(r"[0-9一二三四五六七八九十百]+(?:个|家|座|所)")


def _is_plan(name: str, res: Resources) -> bool:
    """申报全国文明城市, 创建国家森林城市: a plan or an action, not a title held."""
    return next(res.lexicon.finditer("title_not", name), None) is not None


_RANK_TAIL = re.compile(r"(?:前[0-9一二三四五六七八九十百]+(?:名|位|强)?|第[0-9一二三四五六七八九十百]+(?:名|位)?)$")


def _clean_title(title: str, res: Resources) -> str:
    title = _RANK_TAIL.sub("", title) if len(title) > 6 else title
    if re.search(r"(?:强[\u3400-\u9fff]{0,2}|[”\"])榜单$", title) and res.lexicon.ends_with(
            "title_head", title[:-2].rstrip("”\"")):
        # 营收百强榜单, “十大人物”榜单: the ranking or the honour is the title; 榜单 only says
        # it is a list (名单 likewise, below)
        title = title[:-2]
    for _ in range(2):  # …称号名单, …拟命名名单: a list's word, then the title's own
        drop = res.lexicon.ends_with("title_suffix_drop", title)
        if drop and len(title) > len(drop) + 1:
            title = title[: -len(drop)]
        title = _without_list_tail(title, res)
    if title.count("“") == title.count("”") and not (title.startswith("“") and title.endswith("”")):
        return title  # “美丽乡村”示范县, 2019年度“十大人物”: quotes inside the title
    return title.strip("“”\"")


def _without_list_tail(name: str, res: Resources) -> str:
    """全国五一劳动奖章获奖(名单), …获得者: who is on the list is no part of the title."""
    tail = res.lexicon.ends_with("list_name_tail", name)
    return name[: -len(tail)] if tail and len(name) - len(tail) >= 3 else name


def _clause_ends(text: str, pos: int) -> bool:
    return pos >= len(text) or text[pos] in "，,。；;！!"


def _subjects(span_text: str, offset: int, res: Resources) -> list[tuple[int, int, str, object]]:
    found = places.items(span_text, res)
    return [(offset + p.start, offset + p.end, p.surface, p.place) for p in found]


def _subjects_before(text: str, verb_at: int, res: Resources):
    return _org_subjects(text, verb_at, res) or _subjects(*_subject(text, verb_at), res)


_DISPOSAL = re.compile(r"^(?:现|经研究)?(?:决定|同意)?拟?[将把]")


def _subject(text: str, verb_at: int) -> tuple[str, int]:
    """The clause before the verb without adverbs, lead words and a note in brackets."""
    start = clause_start(text, verb_at)
    disposal = _DISPOSAL.match(text, start, verb_at)
    if disposal:
        start = disposal.end()  # 决定将A等N个镇列为T: the awardees follow 将
    subject = _without_when(text[start:verb_at])
    by = _BY_AGENT.search(subject)
    if by:
        subject = _without_when(subject[: by.start()])  # 被某部授予: the agent is no subject
    subject = _NOTE.sub("", subject)
    for pattern in (_FROM, _LEAD, _HAS):
        lead = pattern.match(subject)
        if lead:
            start += lead.end()
            subject = subject[lead.end():]
    return subject, start


# 来自江苏的甲被评为…: where the awardee comes from is no awardee
_FROM = re.compile(r"^来自[^，,。；;的]{1,15}的")
# 浙江省有A、B入选 / 我市共有A、B上榜: who has them is no awardee; the items follow 有
_HAS = re.compile(r"^(?:[\u3400-\u9fff]{1,6}?[省市区县州])?(?:共|已|已经|先后|还|也|另|则)?有(?![限关效力望序])")


# 某公司近日获评, 某镇2010年被评为, 某厂曾多次荣获: when it happened is no part of the subject
_WHEN = re.compile(r"(?:早在|于|在)?(?:[0-9]{4}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?|[0-9]{1,2}月"
                   r"(?:[0-9]{1,2}日)?|去年|今年|前年|近日|日前|近期|此前|曾经?|多次|先后|年初|年底"
                   r"|上半年|下半年|连续[0-9一二三四五六七八九十]+年)(?:就|也|又|还|曾|再次|多次|先后)*$")


# 某公司在本届评选中荣获, 某公司凭借优异表现荣获: the setting or the means of the award
# 在本届评选中, 凭借…, 分别以第31位和第34位的排名: how or where, between the awardee and the verb
_ADJUNCT = re.compile(r"(?:在[^，,。；;在]{1,20}?(?:中|上|里|期间)|(?:凭借|凭着|依托|依靠|以其)"
                      r"[^，,。；;]{1,30}|(?:分别)?以[^，,。；;以]{1,40}?的(?:排名|名次|位次|成绩|得分))$")


def _without_when(subject: str) -> str:
    while True:
        bare = _WHEN.sub("", _ADVERBS.sub("", _ADJUNCT.sub("", subject)))
        if bare == subject or not bare:
            return bare or subject
        subject = bare


def _org_subjects(text: str, verb_at: int, res: Resources):
    """The organisations the clause before the verb consists of (A、B和C), or []."""
    subject, start = _subject(text, verb_at)
    tail = _LIST_TAIL.search(subject)
    if tail and tail.start() > 0:
        subject = subject[: tail.start()]
    found, pos = [], start
    for name in orgs.split_list(subject, res):
        at = text.find(name, pos)
        if at < 0:
            return []
        found.append((at, at + len(name), name, None))
        pos = at + len(name)
    return found


def _listed_subjects(text: str, verb_at: int, res: Resources) -> list:
    """A、B和C等N家企业 (被某部) before the verb: the list's items, typed by the entity layer
    and, when nothing else types them, by the category noun after the count."""
    subject, start = _subject(text, verb_at)
    end = start + len(subject)
    note = _NOTE_AT.match(text, end)
    if note:  # 甲（某公司技师）、乙（某公司工程师）获…: the last item's note is part of it
        end = note.end()
    return _listed_span(text, start, end, res)


_NOTE_AT = re.compile(r"[(（][^()（）]*[)）]")


def _among_title(sentence, text: str, verb_at: int, res: Resources) -> Mention | None:
    """共有15个县被命名为T，其中A、B名列其中 / 在T名单中，A、B榜上有名: the title of the
    clause before, whose items the clause picks."""
    start = clause_start(text, verb_at)
    if _IN_LIST.search(text, 0, start):
        return _list_named_in(sentence, text[:start], res)  # 在T名单中，A、B榜上有名
    if _LIST_MADE.search(text, 0, start):
        return _list_named_in(sentence, text[:start], res)  # 某部公布T名单，A、B获此殊荣
    if not text.startswith("其中", start):
        return None
    return _title_after_verb(sentence, text[:start], res)


_IN_LIST = re.compile(r"(?:名单|榜单|排行榜)(?:中|里|上|之中)[，,]\s*$")
_LIST_MADE = re.compile(r"(?:公布|发布|公示|揭晓|出炉)(?:了)?[^，,。；;]{3,40}(?:名单|榜单|排行榜)[，,]\s*$"
                        r"|(?:名单|榜单|排行榜)(?:日前|近日)?(?:公布|发布|揭晓|出炉)[，,]\s*$")


def _titled_list(text: str, verb_at: int, title: Mention, res: Resources) -> list:
    """A、B、C入选省级老字号: names of no known kind, listed before a title whose head says
    what its holders are (老字号, 工厂: organisations; 城市: places)."""
    category = lists.category_of(title.name or title.text, res)
    if category is None:
        return []
    subject, start = _subject(text, verb_at)
    found = lists.items(text, start, start + len(subject), res, category=category) or []
    return found if len(found) >= 2 else []


def _counts_people(span_text: str, res: Resources) -> bool:
    """扎西、吴某林等10人: a list that counts people has no places among its items (海林);
    A和B两家企业: one that counts companies has none either (a place inside a company's name)."""
    tail = _LIST_TAIL.search(span_text)
    return bool(tail) and tail.start() > 0 and _tail_category(tail, res) in ("person", "org")


def _tail_category(tail: re.Match, res: Resources) -> str | None:
    """What a list's tail says its items are: the noun after the count (等7家企业), else the
    counter, when there is no noun or one no list counts (等3人, 3位医生)."""
    counter = tail.group()[: len(tail.group()) - len(tail.group(1))][-1:]
    return (tail.group(1) and lists.category_of(tail.group(1), res)) or (
        lists.category_of(counter, res) if counter else None)


def _listed_span(text: str, start: int, end: int, res: Resources) -> list:
    category = None
    tail = _LIST_TAIL.search(text, start, end)
    if tail and tail.start() > start:
        end = tail.start()
        category = _tail_category(tail, res)
    return lists.items(text, start, end, res, category=category) \
        or (lists.company_items(text, start, end, res) if category is None else None) or []


_CARRY_ADVERBS = re.compile(r"^(?:并|且|还|也|均|都|继续|再次|再度|又|已|被|同时|此次|顺利)*$")
# 通过复审 / 通过复查: what the subject did before it kept or regained the title
_REVIEWED = re.compile(r"(?:此次|今年|本次)?(?:也|均|都)?(?:顺利)?通过(?:了)?(?:复审|复查|复核|验收|评估)$")


def _carried_subjects(text: str, verb_at: int, res: Resources) -> list:
    """攸县、茶陵县通过复审，继续保留…称号: a clause that names no subject takes the one of the
    clause before it in the sentence."""
    start = clause_start(text, verb_at)
    # 某县2002年被甲命名为T1，2008年被乙命名为T2: a year and an agent name no subject
    bare = _BY_AGENT.sub("", _YEAR_LEAD.sub("", text[start:verb_at]))
    if start == 0 or not _CARRY_ADVERBS.match(bare):
        return []
    prev = clause_start(text, start - 1)
    clause = text[prev:start - 1]
    reviewed = _REVIEWED.search(clause)
    end = prev + (reviewed.start() if reviewed else len(clause))
    agent = _YEAR_OR_AGENT.search(text, prev, end)
    end = agent.start() if agent and agent.start() > prev else end
    end -= len(re.search(r"(?:此次|今年|本次)?(?:也|均|都)?$", text[prev:end]).group())
    means = next((at for at, _e, _w in res.lexicon.finditer("award_means", text[prev:end])), None)
    end = prev + means if means else end  # 某公司凭借…，荣获T: the means is no part of it
    return _listed_span(text, prev, end, res) or _subjects(text[prev:end], prev, res)


_YEAR_LEAD = re.compile(r"^[0-9]{4}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?")
_YEAR_OR_AGENT = re.compile(r"[0-9]{4}年|被")
_OURS = re.compile(r"(?:我|本)(省|市|县|区)(?:也|还|又|均|先后|再次|已|已经|成功|连续[^，,。]{0,4})*$")


def _our_place(article, text: str, verb_at: int, res: Resources) -> list:
    """我县先后荣获…: the article's own place of that level, when it names one."""
    start = clause_start(text, verb_at)
    ours = _OURS.search(text, start, verb_at)
    if not ours:
        return []
    place = places.article_place(article, ours.group(1), res)
    if place is None:
        return []
    return [(ours.start(), ours.start() + 2, text[ours.start():ours.start() + 2], place)]


def _person_subjects(text: str, verb_at: int, res: Resources) -> list:
    """张三荣获…, 某某公司工程师李四当选为…: the person the clause before the verb names."""
    subject, start = _subject(text, verb_at)
    honorific = res.lexicon.ends_with("name_after", subject)  # 董事长某某先生荣获
    subject = subject[: -len(honorific)] if honorific else subject
    for person in people.find(text, res):
        if person.end == start + len(subject) and person.start >= start:
            return [lists.Item(-1, person.start, person.end, person.name, "person")]
    # 张三、李四和王五(等)获得…: names alone, each of them one a person could bear
    found, pos = [], start
    for part in re.split(r"、|和|及", subject.removesuffix("等")):
        if not lists.is_name(part, res):
            return []
        at = text.find(part, pos)
        found.append(lists.Item(-1, at, at + len(part), part, "person"))
        pos = at + len(part)
    return found


_PEOPLE_COUNTED = re.compile(r"等[0-9一二三四五六七八九十两百千]+(?:名|位|人)[\u3400-\u9fff]{0,6}$")


def _posted_people(text: str, verb_at: int, res: Resources) -> list:
    """某集团董事长甲，某公司总经理乙等28名企业家被授予…, 某大学甲、乙等获得…: the subject is
    people with their posts or units, one after another, the last closed by the list's tail."""
    subject, start = _subject(text, verb_at)
    tail = _LIST_TAIL.search(subject)
    end = start + (tail.start() if tail else len(subject))
    found = [p for p in people.find(text[:end], res) if p.start >= start]
    if not found or _after_name(text, found[-1].end, end, res) != end:
        return []
    for before, after in zip(found, found[1:]):
        close = _after_name(text, before.end, after.start, res)
        if text[close:close + 1] not in ("、", "，", ",") \
                or re.search(r"[，,。；;]", text[close + 1:after.start]):
            return []
    if re.search(r"[、，,。；;]", text[start:found[0].start]):
        return []  # something before the first person that is no part of them
    while start > 0 and text[start - 1] in "，,":
        # 某集团董事长甲，某公司总经理乙等…: a clause before that is one person with a post
        prev = clause_start(text, start - 1)
        before = [p for p in people.find(text[:start - 1], res)
                  if p.start >= prev and p.end == start - 1]
        if not before or re.search(r"[、，,。；;]", text[prev:before[0].start]):
            break
        found.insert(0, before[0])
        start = prev
    items, at = [], start
    for person in found:
        # what is written before the name (its unit and post) is the item's note
        note = text[at:person.start].lstrip("、，, ")
        items.append(lists.Item(-1, person.start, person.end, person.name, "person",
                                note=note.removesuffix("的")))
        at = person.end
    return items


def _after_name(text: str, at: int, end: int, res: Resources) -> int:
    """Where a name that ends at `at` is done: after the post written right after it
    (甲教授、乙研究员), if one is."""
    rest = text[at:end]
    cut = re.search(r"[、，,]", rest)
    word = rest[: cut.start()] if cut else rest
    if word and any(t.start == 0 and t.end == len(word) for t in people.titles_in(word, res)):
        return at + len(word)
    return at


def _with_people(text: str, verb_at: int, items: list, res: Resources) -> list:
    """甲、广州市、乙等荣登…: a list of places and people; the names no place or body took are
    people's."""
    if not items:
        return items
    subject, start = _subject(text, verb_at)
    parts = subject.removesuffix("等").split("、")
    if len(parts) < 3:
        return items
    spans = [(i.start, i.end) if isinstance(i, lists.Item) else i[:2] for i in items]
    if any(isinstance(i, lists.Item) and i.kind == "person" for i in items):
        return items
    out, pos = list(items), start
    for part in parts:
        at = text.find(part, pos)
        pos = at + len(part)
        if lists.is_name(part, res) and not any(s < pos and at < e for s, e in spans):
            out.append(lists.Item(-1, at, pos, part, "person"))
    return out


_COMRADE = re.compile(r"([\u3400-\u9fff]{2,3})(?:同志)?$")


def _person_named(span_text: str, offset: int, res: Resources) -> list:
    """授予李某同志…称号, 授予甲、乙和丙…称号: people named alone between the verb and the
    title, each a name a person could bear."""
    found, pos = [], 0
    for part in re.split(r"、|和|及", span_text):
        name = _COMRADE.fullmatch(part)
        if not name or not lists.is_name(name.group(1), res):
            return []
        at = span_text.find(part, pos)
        found.append(lists.Item(-1, offset + at, offset + at + len(name.group(1)), name.group(1),
                                "person"))
        pos = at + len(part)
    return found


def _emit(article, sentence, text, subjects, title: Mention, res) -> Iterator[Fact]:
    """Subjects as list items, or as (start, end, surface, place or None) from the place and
    organisation finders: each one awarded the title."""
    index = article.sentences.index(sentence)
    items = [replace(s, sentence=index) if isinstance(s, lists.Item) else
             lists.Item(index, s[0], s[1], s[2], "place" if s[3] is not None else "org", s[3])
             for s in subjects]
    yield from _emit_items(article, items, title, res)


def _quoted_at(text: str, at: int) -> bool:
    """Whether position `at` is inside “…” and the quoted words go on after the place."""
    opening = text.rfind("“", 0, at)
    return opening >= 0 and text.rfind("”", 0, at) < opening and at - opening <= 2 \
        and text.find("”", at) - at > 4


# 新增国家级绿色工厂3家（A、B、C）/ 拥有2个国家4A级旅游景区（A、B）: a title, how many, and in
# brackets which
_TITLE_COUNT_ITEMS = re.compile(
    r"([^，,。；;：:、（()）]{3,40}?)[0-9一二三四五六七八九十两]+(?:家|个|座|所)[（(]([^（()）]{2,400})[)）]"
    r"|[0-9一二三四五六七八九十两]+(?:家|个|座|所)([^，,。；;：:、（()）0-9]{3,40}?)[（(]([^（()）]{2,400})[)）]")
_HOLDS = re.compile(r"^.*?(?:新增|共有|拥有|现有|获评|入选|获批|新认定|认定|累计|共|有)")


def _counted_in_brackets(article, index: int, text: str, res: Resources) -> Iterator[Fact]:
    if "（" not in text and "(" not in text:
        return
    for match in _TITLE_COUNT_ITEMS.finditer(text):
        group = 1 if match.group(1) else 3
        t0, t1 = match.span(group)
        holds = _HOLDS.match(text, t0, t1)
        if holds:
            t0 = holds.end()  # 今年我市新增T: who holds it and the verb are not the title
        name = text[t0:t1]
        head = res.lexicon.ends_with("title_head", name)
        if not head or len(name) < 4 or name == head or _only_category(name, res) \
                or _is_plan(name, res) or _verbs(name, res):
            continue
        i0, i1 = match.span(group + 1)
        found = lists.items(text, i0, i1, res, sentence=index) \
            or lists.company_items(text, i0, i1, res, sentence=index)
        if not found or any(i.kind == "person" for i in found):
            continue
        title = base.titled(name, "Title", article.sentences[index], t0, t1,
                            name=_clean_title(_strip_batch(name), res))
        yield from _emit_items(article, found, title, res)


def _emit_items(article, items, title: Mention, res) -> Iterator[Fact]:
    joined = _joined_titles(title.name or title.text, res)
    for item in items:
        sentence = article.sentences[item.sentence]
        if joined:  # 《T村和T镇（乡）名单》: each item takes the title that ends as it does
            fits = [t for t in joined if _NOTE.sub("", t)[-1:] == item.text[-1:]]
            if len(fits) != 1:
                continue
            title = replace(title, name=_clean_title(fits[0], res), key=name_key(fits[0]))
        if item.kind == "place" and _quoted_at(res.texts(article)[item.sentence], item.start):
            continue  # “某平原油气田开发技术研究”等9个项目: a place inside a quoted name
        if item.kind == "place":
            subject = places.mention_for(
                places.PlaceItem(item.start, item.end, item.text, item.place), sentence)
        elif item.kind in ("town", "site"):
            subject = Mention(item.text, "Place", *base.span(sentence, item.start, item.end),
                              key=item.kind + "/" + name_key(item.text))
        elif item.kind == "person":
            subject = base.person(item.text, sentence, item.start, item.end)
        else:
            subject = base.org(item.text, article, sentence, item.start, item.end, res)
            if base.unnamed_anaphor(subject, res):
                continue  # 公司 with no company named in the article: nobody to award
        yield base.fact(subject, "awardedTitle", title, article, sentence, NAME)
        if item.kind == "person" and item.note:
            yield from _person_note(article, sentence, item, subject, res)


_JOIN = re.compile(r"和|及|与|、")


def _joined_titles(name: str, res: Resources) -> list[str]:
    """第七批某某重点村和第五批某某重点镇（乡）: two titles joined in one list's name, or []."""
    parts = [_strip_batch(p) for p in _JOIN.split(name)]
    if len(parts) < 2 or not all(
            len(_NOTE.sub("", p)) >= 3 and res.lexicon.ends_with("title_head", _NOTE.sub("", p))
            for p in parts):
        return []
    return parts


def _person_note(article, sentence, item, who: Mention, res) -> Iterator[Fact]:
    """张三 某某公司总工程师: what the line says after a name is the person's post, read by the
    people layer as if it stood before the name."""
    note = re.sub(r"[，,\s]+", "", item.note)  # 张三：某某公司，工程师 reads as 某某公司工程师张三
    found = [p for p in people.find(note + item.text, res) if p.name == item.text]
    if not found:
        employer, post = note, None
        if not (orgs.is_org(note, res, places_ok=False) and orgs.clean(note, res) == note):
            employer, post = _unit_and_post(note, res)
        if employer:
            # 张三 某某大学: an employer and no post; 某某厂技术员: a post the titles lack
            text = res.texts(article)[item.sentence]
            at = text.find(employer)
            start, end = (at, at + len(employer)) if at >= 0 else (item.start, item.start)
            yield base.fact(who, "worksFor", base.org(employer, article, sentence, start, end, res),
                            article, sentence, NAME)
            if post:
                yield base.fact(who, "jobTitle", Value(post), article, sentence, NAME)
        return
    person = found[-1]
    if person.job_title:
        yield base.fact(who, "jobTitle", Value(person.job_title), article, sentence, NAME)
    text = res.texts(article)[item.sentence]
    for org_text in person.employers():
        at = text.find(org_text)
        start, end = (at, at + len(org_text)) if at >= 0 else (item.start, item.start)
        yield base.fact(who, "worksFor", base.org(org_text, article, sentence, start, end, res),
                        article, sentence, NAME)


def _unit_and_post(note: str, res: Resources) -> tuple[str | None, str | None]:
    """某某钢铁公司炼钢厂技术员: the longest body the note opens with, and a short post after it
    that ends as posts do (lexicon post_suffix: 员, 工, 师 …)."""
    for cut in range(len(note) - 2, 2, -1):
        unit, post = note[:cut], note[cut:]
        if len(post) <= 5 and res.lexicon.ends_with("post_suffix", post) \
                and orgs.is_org(unit, res, places_ok=False) and orgs.clean(unit, res) == unit:
            return unit, post
    return None, None


def _doc_title(last_doc, res: Resources) -> Mention | None:
    """The list named last (《…名单》) as the title; a notice (《…通报》) is none."""
    sentence, doc = last_doc
    if not res.lexicon.ends_with("title_head", doc.name):
        return None
    return base.titled(doc.name, "Title", sentence, doc.start, doc.end, name=doc.name)


def _block_for(blocks: list[lists.Block], count: int, title: str) -> lists.Block | None:
    """The list of `count` items set out line by line: the one under a heading that names the
    title (一、国家园林城市（9个）), else the only one of that size."""
    sized = [b for b in blocks if len(b.items) == count]
    key = name_key(title)
    headed = [b for b in sized if key and any(key in name_key(h) for _i, h in b.headings[-1:])]
    if headed:
        return headed[0]
    return sized[0] if len(sized) == 1 else None


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


# -- lists: headings, colons, naming sentences, rankings ---------------------------------------

_ANNEX = re.compile(r"^附(?:件|表)[0-9一二三四五六七八九十]*[:：]?\s*")
_HEADING_NOTE = re.compile(r"[(（]([^()（）]*)[)）]\s*$")
_HEADING_VERB = re.compile(r"^(?:[0-9]{4}(?:-[0-9]{4})?(?:年度?|周期)?)?"
                           r"(?:重新确认|确认|命名|认定|公布|公示|拟命名|拟认定|新增)?")
_HEADING_LEAD = re.compile(r"^(?:[\u3400-\u9fff]{1,8}?[省市县区]"
                           # 某市12个村入选…: who gained it, and how many of them
                           r"(?:[0-9一二三四五六七八九十两百]+(?:个|家|座|所)?[\u3400-\u9fff]{0,3}?)?"
                           r"(?=新增|新认定|入选|获评))?"
                           r"(?:新增|新认定|入选|获评)?(?:首批|新一批|第[一二三四五六七八九十\d]+批)?")
_HEADING_TAIL = re.compile(r"(?:拟?(?:命名|认定|确认|推荐|公示|表彰))?(?:名单|名录)$")
# 为第二批专精特新“小巨人”企业: quoted words inside the title
_AS_TITLE = (r"为(?P<title>[“\"][^，,。；;：:、“”\"]{2,40}[”\"]"
             r"(?!(?!称号|荣誉|名单|榜|的|和|及|与|等|中|上)[\u3400-\u9fff])"
             r"|(?:[^，,。；;：:、“”\"]|[“\"][^“”\"，,。；;、]{1,12}[”\"](?=[\u3400-\u9fff])){2,40})")
_NAMED_AS = re.compile(
    r"(?:(?P<list>[^，,。；;：:]+?)等)?(?P<n>[0-9]+|[一二三四五六七八九十两百千]+)(?:个|家|座|所|名|位)"
    r"(?P<cat>(?:[^，,。；;：:、为()（）]|[(（][^()（）]*[)）]){0,16}?)" + _AS_TITLE)
# 确定A、B、C为T: the same with no count, the items written out in full
_LISTED_AS = re.compile(r"(?:命名|确认|认定|确定|评定)(?P<list>[^，,。；;：:为]{4,120}?、[^，,。；;：:为]{2,60}?)"
                        r"(?P<n>)(?P<cat>)" + _AS_TITLE)
_NAMING_VERB = re.compile(r"命名|确认|认定|评为|确定|授予|评选|推介")


def _heading_title(article: Article, index: int, text: str,
                   res: Resources) -> tuple[Mention, int | None, bool] | None:
    """The title a heading line names (一、国家园林城市（共46个）; 2019年重新确认…名单), its count
    and whether it is numbered: (title, count, numbered), or None."""
    if not lists.is_heading(text):
        return None
    if _table_row(text):
        return None  # 省份 | 示范区名单 |: a table's header row names its columns, not a title
    body = text.strip()
    start = text.index(body) if body else 0
    numbered = lists.numbering(body)
    if numbered:
        start += numbered.end()
        body = body[numbered.end():]
    annex = _ANNEX.match(body)
    if annex:
        start += annex.end()  # 附件：某某名单 / 附件2: the attachment's name is the heading
        body = body[annex.end():]
    count = None
    while True:
        note = _HEADING_NOTE.search(body)
        if note and res.lexicon.starts_with("list_note", note.group(1)):
            body = body[: note.start()]  # （节选）, （排名不分先后）: a note on the list
            continue
        if not note or (len(note.group(1)) <= 2 and not re.search(r"\d|个", note.group(1))):
            break
        count = count or lists.count(note.group(1))
        body = body[: note.start()]
    verb = _HEADING_VERB.match(body)
    if verb:
        start += verb.end()
        body = body[verb.end():]
    listed = _HEADING_TAIL.search(body)
    if listed:
        body = body[: listed.start()]  # …名单: what precedes the word is the title
    if "的" in body:
        before, after = body[: body.rindex("的")], body[body.rindex("的") + 1:]
        verb = next((v for _s, _e, v in res.lexicon.finditer("award_verb", before)
                     if before.startswith(v)), None)
        if verb and after in res.lexicon.words("list_category"):
            # 荣获全国五一劳动奖章的个人: the title is what those listed gained
            start += len(verb)
            body = before[len(verb):]
        else:
            # 通过复核继续保留称号的国家生态示范区: the title is what the clause qualifies
            start += body.rindex("的") + 1
            body = after
    lead = _HEADING_LEAD.match(body)
    if lead and len(body) - lead.end() >= 3:
        start += lead.end()  # 某市新增…, 第八批…: who gained it and the batch are not the title
        body = body[lead.end():]
    name = body.strip("“”\" ")
    start += body.find(name) if name else 0
    if not 3 <= len(name) <= 40 or re.search(r"[、，,：:；;。]", name):
        return None
    if not (listed or res.lexicon.ends_with("title_head", name) or name.endswith(("榜", "榜单"))):
        return None
    if _is_plan(name, res) or not listed and lists.line_items(name, res):
        return None
    sentence = article.sentences[index]
    title = base.titled(name, "Title", sentence, start, start + len(name), name=_clean_title(name, res))
    return title, count, bool(numbered)


def _signature(block: lists.Block, texts: list[str]) -> bool:
    """A body on its own line and a date on the next: who signed the notice, not a list."""
    after = block.items[-1].sentence + 1
    return len(block.items) == 1 and after < len(texts) and dates.is_date_line(texts[after])


def _letter_field(block: lists.Block, res: Resources) -> bool:
    """抄送：A、B / 联系人：C: the fields of an official letter list its readers, not awardees."""
    lead = block.headings[-1][1] if block.headings else ""
    return res.lexicon.starts_with("letter_field", lead.strip()) is not None


_TRAILING_COUNT = re.compile(r"\s*(?:共|计)?[0-9一二三四五六七八九十]+[个家座所名位项]$")


def _place_heading(text: str, res: Resources) -> bool:
    """江苏省（3家）, 二、浙江省: a heading that names a place and at most counts its items."""
    body = text.strip()
    numbered = lists.numbering(body)
    if numbered:
        body = body[numbered.end():]
    body = _HEADING_NOTE.sub("", body).strip(":： ")
    body = _TRAILING_COUNT.sub("", body)  # 山东 4家
    if re.fullmatch(r"[\u3400-\u9fff]([ \u3000]+[\u3400-\u9fff])+", body):
        body = re.sub(r"[ \u3000]", "", body)  # 天 津: a table cell spaced out to its width
    found = places.items(body, res)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(body)


def _heading_above(article: Article, texts: list[str], index: int, res: Resources,
                   reach: int = 3) -> Mention | None:
    """The title of the heading line just above sentence `index`, if one is within reach."""
    for k in range(index - 1, max(-1, index - 1 - reach), -1):
        key = ("heading_title", article.id, k, texts[k])  # each sentence asks for 3 above it
        if key not in res.memo:
            res.memo[key] = _heading_title(article, k, texts[k], res)
        found = res.memo[key]
        if found:
            return found[0]
    return None


def _named(article: Article, texts: list[str], res: Resources):
    """命名A等N个城市为T1、B等M个县城为T2 / 确认A等N个乡镇为T: (sentence index, title, items)."""
    for index, text in enumerate(texts):
        verb = _NAMING_VERB.search(text)
        if not verb:
            continue
        matches = list(_NAMED_AS.finditer(text, verb.end())) \
            or list(_LISTED_AS.finditer(text, verb.start()))
        for match in matches:
            name = _strip_batch(match.group("title"))
            if name[:1] in "“\"" and name[-1:] in "”\"":
                name = name[1:-1]  # “全国文明城市”, but not “四好农村路”示范县
            name = re.sub(r"[(（](?:名单|详见|见)[^()（）]*[)）]$", "", name)
            if not res.lexicon.ends_with("title_head", name) or _is_plan(name, res):
                continue
            at = match.start("title") + match.group("title").find(name)
            sentence = article.sentences[index]
            title = base.titled(name, "Title", sentence, at, at + len(name),
                                name=_clean_title(name, res))
            found = []
            if match.group("list"):  # 命名N个城市为T names the items in the lines that follow
                l0, l1 = match.span("list")
                lead = _NAMING_VERB.search(text, l0, l1)
                if lead:
                    l0 = lead.end()
                category = lists.category_of(match.group("cat"), res)
                found = lists.items(text, l0, l1, res, sentence=index, category=category) or []
            if match.re is _LISTED_AS and not found:
                continue  # 确定…为T with no list of names before 为: some other statement
            yield index, title, lists.number(match.group("n")), found


def _headed_blocks(article, texts, blocks, res, named) -> Iterator[Fact]:
    """Each list set out line by line gets the title of its heading; a sub-heading that counts
    part of the current title's items (省会城市（5个）under …名单（89个）) is a category of it,
    and a list under no titled heading takes the title the article last named (命名…为T)."""
    main: list | None = None  # [title, count, items assigned]
    previous: tuple[Mention, int] | None = None  # the last titled block's title and last line
    used: list[Mention] = []
    for block in blocks:
        if _signature(block, texts) or _letter_field(block, res):
            continue
        under_places = bool(block.headings) and all(
            _place_heading(t, res) for _k, t in block.headings)
        titled_heading = False
        for k, text in block.headings:
            found = _heading_title(article, k, text, res)
            if not found:
                continue
            titled_heading = True
            heading, count, numbered = found
            if not (main and count and main[1] and not numbered and main[2] + count <= main[1]):
                main = [heading, count, 0]
        lead = block.headings[-1] if block.headings else None
        colon = None
        if lead and len(block.headings) > 1 and _table_row(lead[1]) \
                and block.headings[-2][1].rstrip().endswith((":", "：")):
            colon = block.headings[-2]  # …前10名如下：then a table's header row
        if lead and not titled_heading and _place_heading(lead[1], res):
            # 以下为入选企业：, then 江苏（6家）and its lines: the colon above the place headings
            above = [h for h in block.headings[:-1] if h[1].rstrip().endswith((":", "："))]
            if above and all(_place_heading(t, res) for k, t in block.headings
                             if k > above[-1][0]):
                lead = above[-1]
        if lead and lead[1].rstrip().endswith((":", "：")) and not titled_heading:
            # 排名前十的县市依次为：then one item a line: the list the lines before it name,
            # else the title the article named last (认定…为T)
            title = _list_heading(article, lead[0], lead[1], res) \
                or _title_before_colon(article, lead[0], lead[1].rstrip(":： "), res) \
                or _title_counted(article, texts, lead[0], len(block.items), res, reach=6) \
                or _nearest(article, _context_title(article, texts, lead[0], res, reach=6),
                            _verb_title_before(article, texts, lead[0], res)) \
                or _named_for(block, named, used) or _headline_title(article, res)
        elif titled_heading or (main and main[1] and main[2] < main[1]):
            title = main[0]
        elif main and under_places:
            title = main[0]  # 江苏省（3家）under a titled list: the next province of the same list
        elif previous and under_places and block.headings[0][0] == previous[1] + 1:
            title = previous[0]  # 山东 4家 right after the lines of the province before it
        elif previous and block.headings and block.headings[0][0] == previous[1] + 1 \
                and all(lists.is_heading(t) and len(t.strip()) <= 10 and not lists.numbering(t.strip())
                        and not re.search(r"[(（:：]", t) and not _ANNEX.match(t)
                        for _k, t in block.headings):
            title = previous[0]  # 宏观经济, then 固定收益: the next field of the same list
        elif len(block.items) > 1:
            # 公布第六批…名单 just above a table or lines with no heading of their own
            title = _named_for(block, named, used) \
                or (colon and _top_lead(article.sentences[colon[0]], colon[1], res)) \
                or _title_counted(article, texts, block.first, len(block.items), res, reach=6) \
                or _context_title(article, texts, block.first - 1, res, reach=2, listed_only=True) \
                or _headline_title(article, res)
        else:
            title = None  # one line under no heading: a signature, not a list
        by_row = _title_column(article, block, texts, res)
        if by_row:
            # | 1 | 某公司 | 某区 | 绿色工厂 |: each row says which title its item gained
            for item in block.items:
                if item.sentence in by_row:
                    yield from _emit_items(article, [item], by_row[item.sentence], res)
            continue
        if title is None:
            continue
        used.append(title)
        if main and title is main[0]:
            main[2] += len(block.items)
        previous = (title, max(i.sentence for i in block.items))
        yield from _emit_items(article, block.items, title, res)


# 我市以下企业上榜：, 入选企业名单如下：: a list of who gained the title the headline names
_SELECTED_LEAD = re.compile(r"(?:入选|上榜|入围|获评|获批|榜上有名|名单如下|如下)[^，,。；;]{0,6}$")


def _headline_title(article, res: Resources) -> Mention | None:
    """The title the headline names (某市5家企业入选省级绿色工厂, 2023年度省级绿色工厂名单公布),
    for a list the body does not name: the headline is no sentence, so the mention has no
    place in the text."""
    key = ("headline_title", article.id, article.title)
    if key in res.memo:
        return res.memo[key]
    headline, found = fold(article.title or ""), None
    for verb_at, verb in _verbs(headline, res):
        span = _title_after(headline, verb_at + len(verb), res, skip_subjects=False)
        if span is not None:
            found = span[2]
    names = [n for _s, _e, n in _list_names(headline, res) if not _is_plan(n, res)]
    if found is None and names:
        found = _clean_title(_strip_batch(names[-1]), res)
    if found is None:
        # 第九届某某奖最佳分析师评选结果出炉: the selection's results are its title's winners
        selected = _selection_before(headline, len(headline), Sentence(headline, 0, 0), res)
        found = selected.name if selected else None
    title = Mention(found, "Title", key=name_key(found), name=found) if found else None
    res.memo[key] = title
    return title


def _named_for(block, named, used: list[Mention]) -> Mention | None:
    """命名A等N个为T1、B等M个为T2, then lists: of the titles the last naming sentence before the
    block named, the one whose count is the block's length, else the first no list took yet."""
    earlier = [(i, t, n) for i, t, n, _f in named if i < block.first]
    if not earlier:
        return None
    last = [(t, n) for i, t, n in earlier if i == earlier[-1][0]]
    counted = [t for t, n in last if n == len(block.items)]
    fresh = [t for t, _n in last if not any(t is u for u in used)]
    return (counted or fresh or [last[-1][0]])[0]


_LIST_LEAD = re.compile(r"[:：]|(?:分别|依次)(?:是|为)[:：]?|(?<=[的外])(?:有|是|为)[:：]?|包括[:：]?|"
                   r"(?<=的)还(?:有|是|包括)[:：]?|"
                   r"(?<=^[他她它]们)是[:：]?|"
                   r"(?<=[另还])[0-9一二三四五六七八九十两]*[个座家所名位项]?(?:是|为|有)|"
                   r"(?<=其中)[0-9一二三四五六七八九十两]+[个座家所名位项](?:是|为)")
# 占据前五名的还有, 总榜排名前五的企业分别是: the top of a ranking named before
_TOP_PLACES = re.compile(r"(?:(?<=排名|排行|位列|排在)前[0-9一二三四五六七八九十百]+(?:名|位|强)?"
                         r"|前[0-9一二三四五六七八九十百]+(?:名|位|强))的[^，,。；;：:]{0,8}$")
# 本批入选企业中有4家为上市公司，分别为 / 其余12家入选企业为：those selected, on the list named before
_AMONG_SELECTED = re.compile(r"(?:入选|上榜|入围|获评)(?:的)?(?:企业|单位|城市|名单)?(?:中|之中|为|是)"
                             r"[^，,。；;：:]{0,16}[，,]?$")
_SELECTED = re.compile(r"(?:入选|上榜|入围|获评|当选)(?:的[^，,。；;：:]{0,12}|[，,])?$")
_OTHER_ONE = re.compile(r"([^，,。；;：:]{2,20})是其中之一")


def _colon_list(article, index, texts, res) -> Iterator[Fact]:
    """The list after a lead (a colon, 分别是, 依次为, 包括, 入选…的有, 另N座是) gets the title the
    words before it name (“T”依次是, 入选T，分别是, 有N座T，分别是, T包括), or the one an
    earlier sentence counted or named (这27个城市是：…; 另6座分别是：…)."""
    text = texts[index]
    if lists.line_items(text, res, index):
        return  # a list line (江苏省：苏州市) belongs to its block, under its heading
    if res.lexicon.starts_with("letter_field", text.strip()):
        return  # 抄送：A、B: who reads the notice
    end = _list_end(text)
    grouped = _place_groups(text, end, index, res)
    if grouped:  # 名单如下：河北省：A、B；山西省：C — the title is before the first colon
        colon, found = grouped
        title = _title_before_colon(article, index, text[:colon], res) \
            or _context_title(article, texts, index, res, reach=6, listed_only=True) \
            or _heading_above(article, texts, index, res)
        if title is not None:
            yield from _emit_items(article, found, title, res)
        return
    for lead in reversed(list(_LIST_LEAD.finditer(text, 0, end))):
        before = text[:lead.start()]
        category = lists.category_of(before, res)
        found = lists.items(text, lead.end(), end, res, sentence=index, category=category) \
            or (lists.company_items(text, lead.end(), end, res, sentence=index)
                if category is None else None)
        if not found:
            continue
        one = _OTHER_ONE.search(before)
        if one:  # T有3个，甲是其中之一，另两个是乙和丙
            first = lists.items(text, one.start(1) + len(one.group(1)) - len(
                one.group(1).split("，")[-1]), one.end(1), res, sentence=index)
            found = (first or []) + found
            before = before[: one.start()]
        if len(found) < 2 and not lead.group().startswith(("分别", "依次", "包括")) \
                and not lead.group().endswith((":", "：")):
            continue
        title = _title_before_colon(article, index, text[:lead.end()], res) \
            or _category_lead(article, article.sentences[index], text, lead.start(), res)
        if title is None:
            n = lists.count(before)
            title = _title_counted(article, texts, index, n, res) if n else None
        if title is None:
            title = _recent_title(article, texts, index, res)
        if title is None and before.strip() in ("他们", "她们", "它们"):
            title = _verb_title_before(article, texts, index, res)  # 3人被授予T。他们是：
        if title is None and _TOP_PLACES.search(before):
            # 占据榜单前五名的还有A、B: the ranking the sentence or the ones before it name
            title = _context_title(article, texts, index, res, ranking=True)
        if title is None and (_SELECTED.search(before) or _AMONG_SELECTED.search(before)):
            # 最终入选的10个乡村分别为：the list the article named (…名单出炉), whatever it ends
            # with: in an earlier clause (某厅公布T名单，我市3家企业上榜，分别是), else before
            title = _list_named_in(article.sentences[index], before, res) \
                or _context_title(article, texts, index - 1, res, reach=4, listed_only=True,
                                  any_head=True)
        if title is None and (":" in lead.group() or "：" in lead.group()):
            title = _bare_title(article, index, before, res) \
                or _heading_above(article, texts, index, res) \
                or (_SELECTED_LEAD.search(before) and _headline_title(article, res))
        if title is None and (":" in lead.group() or "：" in lead.group()) and category \
                and len(before.strip()) <= 8 and not _verbs(before, res):
            # 地级市：A、B / 县级市：C: a kind of item under the list the lines before named
            title = _context_title(article, texts, index - 1, res, reach=4, listed_only=True)
        if title is not None:
            yield from _emit_items(article, found, title, res)
        return


def _list_end(text: str) -> int:
    """Where the items of a list that runs to the sentence's end stop: before the full stop,
    a comment on the list (…分别是A、B、C，占全省总数的37.5%) and a closing 等(企业)."""
    end = len(text.rstrip("。；;.！! "))
    comment = _TRAILING_COMMENT.search(text, 0, end)
    while comment:
        end = comment.start()
        comment = _TRAILING_COMMENT.search(text, 0, end)
    return end - len(re.search(r"(?:等(?:地|城市|单位|企业)?)?$", text[:end]).group())


_TRAILING_COMMENT = re.compile(r"[，,](?=[^，,、：:]*(?:占[全总本该]|居[全第首前本]|位居|位列|数量|总数|比例|[0-9]%|[0-9]％))"
                               r"[^，,、：:]*$")
_GROUP = re.compile(r"\s*([^：:；;，,。]{2,12})[：:]")


def _place_groups(text: str, end: int, index: int, res: Resources):
    """…名单如下：河北省：A、B；山西省：C: (the first colon, the items of every place's group),
    or None when the words after the first colon are not groups led by a place."""
    colon = min((text.find(c) for c in "：:" if c in text[:end]), default=-1)
    if colon < 0:
        return None
    found: list = []
    pos = colon + 1
    if _place_heading(text[:colon], res):
        pos = 0  # 河北省（5个）：A、B: the first group starts the sentence
    for segment in re.split(r"[；;]", text[pos:end]):
        group = _GROUP.match(segment)
        if not group or not _place_heading(group.group(1), res):
            return None
        items = lists.items(text, pos + group.end(), pos + len(segment), res, sentence=index)
        if not items or not all(i.kind in ("place", "town", "org", "site") for i in items):
            return None
        found.extend(items)
        pos += len(segment) + 1
    return (colon, found) if found else None


_NAMED_LIST_LINE = re.compile(r"^\s*([^，,。；;：:、《》\s]{3,40}?)(?:获奖|入选|拟表彰)?名单[:：]\s*$")


def _list_heading(article, index: int, text: str, res: Resources) -> Mention | None:
    """2030年度某省“最美某某”名单：then the lines: a line that names its list before a colon."""
    match = _NAMED_LIST_LINE.match(text)
    if not match or _verbs(match.group(1), res) or _REFERENCE.match(match.group(1)):
        return None
    if "“" not in match.group(1) and not res.lexicon.ends_with("title_head", match.group(1)):
        return None  # 以下为部分省份名单：names no honour; 某省“最美某某”名单：does
    name = _trim_list_name(match.group(1).replace("“", "").replace("”", ""), res)
    if not name or _is_plan(name, res) or _only_category(name, res):
        return None
    return base.titled(match.group(1), "Title", article.sentences[index], match.start(1),
                       match.end(1), name=_clean_title(_strip_batch(name), res))


def _nearest(article, *titles: Mention | None) -> Mention | None:
    """Of the titles found before a list, the one whose sentence is last (nearest the list);
    in the same sentence, the first one given."""
    found = [t for t in titles if t is not None]
    if not found:
        return None
    sentence_of = [next(k for k, s in enumerate(article.sentences) if s.end >= t.start)
                   for t in found]
    last = max(sentence_of)
    return found[sentence_of.index(last)]


def _verb_title_before(article, texts, index, res, reach: int = 2) -> Mention | None:
    """…共有1046家工厂入选国家级绿色工厂。以下为入选企业：the title an award verb took in
    the sentences just before the lead, or the title a body named or published there
    (命名了一批T。名单如下：)."""
    for k in range(index - 1, max(-1, index - 1 - reach), -1):
        found = _title_after_verb(article.sentences[k], texts[k], res) \
            or _made_title(article.sentences[k], texts[k], res)
        if found is not None:
            return found
    return None


# 命名了一批T, 公布了新一批T, 评出首批N个T: a body names the holders of a title, set out after
_MADE = re.compile(r"(?:命名|认定|确定|公布|发布|公示|表彰|揭晓|评出|评选出|遴选出)了?"
                   r"(?:(?:一批|新一批|首批|本批|第[0-9一二三四五六七八九十]+批|"
                   r"[0-9一二三四五六七八九十两百千]+(?:个|家|座|所|名|位|项))(?:共)?)*"
                   r"([^，,。；;：:、“”《》的为]{3,30}?)(?=[，,。；;：:]|$)")


def _made_title(sentence, text: str, res: Resources) -> Mention | None:
    for match in reversed(list(_MADE.finditer(text))):
        name = _strip_batch(match.group(1))
        if name.endswith("名单"):
            continue  # a list's name: the list readers take it whole
        if res.lexicon.ends_with("title_head", name) and not _is_plan(name, res) \
                and not _verbs(name, res) and not _only_category(name, res):
            at = match.end(1) - len(name)
            return base.titled(name, "Title", sentence, at, match.end(1),
                               name=_clean_title(name, res))
    return None


def _recent_title(article, texts, index, res, reach: int = 2) -> Mention | None:
    """另6座分别是…: the title the sentences just before counted (有10座T)."""
    for k in range(index - 1, max(-1, index - 1 - reach), -1):
        title = _title_before_colon(article, k, texts[k], res, counted_only=True)
        if title is not None:
            return title
    return None


_COUNTED_TITLE = re.compile(r"(?:有|共|计)?[0-9一二三四五六七八九十两百千]+(?:个|座|家|所|名|位|项)"
                            + _WHO_COUNTED + r"([^，,。；;：:、“”为是]{3,30}?)(?=[，,。；;：:]|$|分别|依次)")
_NAMED_THEN_LISTED = re.compile(r"(?:命名|认定|确定|确认|授予|评选出|评出)的"
                                r"([^，,。；;：:、“”的]{3,30}?)(?:[(（][^()（）]*[)）])?"
                                r"(?:有以下|如下|有|为|是|包括)[^，,。；;：:]{0,6}[:：]?$")
_PUBLISHED_BY = re.compile(r"(?:公布|发布|印发|命名|认定|确定)的")
_TITLE_FIRST = re.compile(r"^([^，,。；;：:、“”]{3,30}?)"
                          r"(?:(?:共有|共|有|计)[0-9一二三四五六七八九十两百千]+[个座家所名位项]|包括|共有)")


# 百强县排在前十位的依次是：/ 排名前十的百强区分别是：the ranking before or after its top N
_RANK_LEAD = re.compile(r"(?:(?P<a>[^，,。；;：:、“”]{2,30}?)(?:中|里|榜单?中)?[，,]?)?"
                        r"(?:排在|排名|位列|位居|名列)前[0-9一二三四五六七八九十百]+(?:位|名|强)?的"
                        r"(?P<b>[^，,。；;：:、“”的]{0,20}?)"
                        r"(?:依次|分别)?(?:是|为|有)[:：]?$")


# 2030年全国百强县前10名如下：the ranking, then how much of it the list holds
_TOP_LEAD = re.compile(r"^(?:[0-9]{4}年度?)?(?P<t>[^，,。；;：:、“”]{3,30}?)"
                       r"前[0-9一二三四五六七八九十百]+(?:名|位|强)?(?:名单|榜单)?"
                       r"(?:如下|依次为|依次是|分别为|分别是|为|是)?[:：]?$")


def _top_lead(sentence, before: str, res: Resources) -> Mention | None:
    match = _TOP_LEAD.match(before.strip())
    if not match:
        return None
    name = match.group("t")
    if not (res.lexicon.ends_with("title_head", name) or res.lexicon.ends_with("ranking_head", name)):
        return None
    at = before.find(name)
    return base.titled(name, "Title", sentence, at, at + len(name),
                       name=_clean_title(_strip_batch(name), res))


def _rank_lead(sentence, before: str, res: Resources) -> Mention | None:
    match = _RANK_LEAD.search(before)
    if not match:
        return None
    for group in ("b", "a"):
        name = _trim_list_name(match.group(group) or "", res)
        if name and (res.lexicon.ends_with("title_head", name)
                     or res.lexicon.ends_with("ranking_head", name)):
            at = match.end(group) - len(name)
            return base.titled(name, "Title", sentence, at, match.end(group),
                               name=_clean_title(_strip_batch(name), res))
    return None


def _title_before_colon(article, index, before, res, counted_only: bool = False) -> Mention | None:
    sentence = article.sentences[index]
    ranked = _rank_lead(sentence, before, res) or _top_lead(sentence, before, res)
    if ranked is not None:
        return ranked
    if not counted_only:
        found = _title_after_verb(sentence, before, res)
        if found is not None:
            return found
    if not counted_only:
        relative = _title_of_relative(sentence, before, res) or _made_title(sentence, before, res)
        if relative is not None:
            return relative
    named = _NAMED_THEN_LISTED.search(before)
    if named and res.lexicon.ends_with("title_head", named.group(1)) \
            and not _only_category(named.group(1), res):
        name = named.group(1)  # 新命名的国家卫生城市有以下几个：
        return base.titled(name, "Title", sentence, named.start(1), named.end(1),
                           name=_clean_title(_strip_batch(name), res))
    for pattern in (_COUNTED_TITLE, _TITLE_FIRST):
        for match in reversed(list(pattern.finditer(before))):
            name = match.group(1)
            published = _PUBLISHED_BY.search(name) if pattern is _TITLE_FIRST else None
            if published:
                name = name[published.end():]  # 某部公布的T共N个: the title the body published
            if res.lexicon.ends_with("title_head", name) and not _is_plan(name, res) \
                    and not _verbs(name, res) and not _only_category(name, res):
                return base.titled(name, "Title", sentence, match.end(1) - len(name),
                                   match.end(1), name=_clean_title(_strip_batch(name), res))
    if counted_only:
        return None
    quoted = list(re.finditer(r"[“\"]([^”\"]{2,40})[”\"]|《([^《》]{2,60})》", before))
    for match in reversed(quoted):
        name = match.group(1) or match.group(2)
        around = next((n for n in _list_names(before, res)
                       if n[0] < match.start() and match.end() < n[1]), None)
        if around is not None:
            # 公布专精特新“小巨人”企业名单: the quoted words are inside the list's name
            return base.titled(around[2], "Title", sentence, around[0], around[1],
                               name=_clean_title(_strip_batch(around[2]), res))
        if res.lexicon.ends_with("title_head", name.removesuffix("名单")) or name.endswith("榜"):
            group = 1 if match.group(1) else 2
            clean = _clean_title(name, res).removesuffix("名单")
            return base.titled(name, "Title", sentence, match.start(group), match.end(group),
                               name=clean)
    for verb_at, verb in _verbs(before, res):
        rest = before[verb_at + len(verb):]
        if "的" in rest:
            name = rest[: rest.index("的")]
            if len(name) >= 3 and res.lexicon.ends_with("title_head", name):
                at = verb_at + len(verb)
                return base.titled(name, "Title", sentence, at, at + len(name),
                                   name=_clean_title(name, res))
    return _list_named_last(sentence, before, res)


_NAMED_LAST = re.compile(r"(?:名单|榜单|排行榜|榜)(?:具体)?(?:公布)?(?:如下)?[:：]?\s*$")


def _list_named_last(sentence, before: str, res: Resources) -> Mention | None:
    """2030年度某省劳动模范名单：A、B / …名单如下：: the list's name just before the colon."""
    if not _NAMED_LAST.search(before):
        return None
    names = _list_names(before, res)
    if not names or CLAUSE_END.search(before.rstrip(":： "), names[-1][1]):
        return None
    at, end, name = names[-1]
    return base.titled(name, "Title", sentence, at, end, name=_clean_title(_strip_batch(name), res))


def _only_category(name: str, res: Resources) -> bool:
    """7家宁波企业: a place and a category noun count items; they name no title."""
    rest = re.sub(r"^(?:本|我|全|该)[省市区县州]", "", name)
    for _s, _e, surface, _c in res.places.find(rest):
        rest = rest.replace(surface, "", 1)
    return len(rest) <= 2 or rest in res.lexicon.words("list_category")


def _title_of_relative(sentence, before: str, res: Resources) -> Mention | None:
    """入围T的7家企业分别是…: the title the relative clause names."""
    for verb_at, verb in reversed(_verbs(before, res)):
        rest = before[verb_at + len(verb):]
        if "的" not in rest:
            continue
        name = _strip_batch(rest[: rest.index("的")])
        quoted = re.fullmatch(r"[“\"]([^“”\"]{2,30})[”\"](?:荣誉)?(?:称号)?", name)
        if quoted:
            name = quoted.group(1)  # 被命名为“东湖名匠”的有: quotes mark the title, whatever it ends in
        if len(name) >= 3 and (quoted or res.lexicon.ends_with("title_head", name)):
            at = verb_at + len(verb) + rest.index(name)
            return base.titled(name, "Title", sentence, at, at + len(name),
                               name=_clean_title(name, res))
    return None


def _title_after_verb(sentence, before: str, res: Resources) -> Mention | None:
    """有5个城市入选全国文明城市，分别是：… — the title after the last award verb before the lead."""
    for verb_at, verb in reversed(_verbs(before, res)):
        if "的" in before[verb_at:]:
            continue
        if len(CLAUSE_END.findall(before, verb_at)) > 2:
            break  # a title two clauses back belongs to another statement
        span = _title_after(before, verb_at + len(verb), res, skip_subjects=False)
        if span:
            t0, t1, name = span
            return base.titled(before[t0:t1], "Title", sentence, t0, t1, name=name)
    return None


def _title_counted(article, texts, index, n, res, reach: int = 5) -> Mention | None:
    """这27个城市是：…: the title of an earlier sentence that counted the same number."""
    for k in range(index - 1, max(-1, index - 1 - reach), -1):
        text = texts[k]
        if n not in lists.counts(text):
            continue
        quote = re.search(r"[“\"]([^”\"]{2,40})[”\"](?:荣誉)?称号", text)
        if quote:
            return base.titled(quote.group(1), "Title", article.sentences[k], quote.start(1),
                               quote.end(1), name=_clean_title(quote.group(1), res))
        for verb_at, verb in _verbs(text, res):
            span = _title_after(text, verb_at + len(verb), res, skip_subjects=False)
            if span:
                t0, t1, name = span
                return base.titled(text[t0:t1], "Title", article.sentences[k], t0, t1, name=name)
    return None


def _ranked(article, index, texts, res) -> Iterator[Fact]:
    """A、B、C…排名前十位 / A位列第18位，B、C分列第36位和第58位: the list before the verb is on
    the ranking the sentence or the lines before it name (…榜单中, a heading)."""
    text = texts[index]
    for verb_at, verb_end, _verb in res.lexicon.finditer("rank_verb", text):
        start = clause_start(text, verb_at)
        subject = _without_when(_ADVERBS.sub("", re.sub(r"(?:也|则|还|均|都|分别|又)+$", "",
                                                        text[start:verb_at])))
        # 甲以335亿元的品牌价值在全国排第38位: the measure and the scope are no part of the subject
        subject = _RANK_MEANS.sub("", subject)
        lead = _LEAD.match(subject)
        if lead:  # 我省A、B分别位列…: whose they are is no item
            start, subject = start + lead.end(), subject[lead.end():]
        if len(subject) < 2:
            continue
        found = lists.items(text, start, start + len(subject), res, sentence=index)
        if not found:
            continue
        inside = _RANK_INSIDE.match(text, verb_end)
        title = None
        head = inside and res.lexicon.ends_with("ranking_head", inside.group(1))
        if head and _only_category(inside.group(1)[: -len(head)], res):
            inside = None  # 位列城市排名前三: a ranking named by what it ranks only, on no list
        if inside and (res.lexicon.ends_with("ranking_head", inside.group(1))
                       or _TOP_N.search(inside.group(1))):
            # 位列全国百强区前三: the ranking is named between the verb and the place on it
            t0, t1 = inside.span(1)
            title = base.titled(text[t0:t1], "Title", article.sentences[index], t0, t1,
                                name=_clean_title(inside.group(1), res))
        title = title or _context_title(article, texts, index, res, ranking=True) or \
            _heading_above(article, texts, index, res) or \
            _published_title(article, texts, index, res)
        if title is not None:
            yield from _emit_items(article, found, title, res)


_TOP_N = re.compile(r"(?:[0-9]+|百|千)强")
_RANK_MEANS = re.compile(r"(?:以[^，,。；;]{1,20}?)?(?:在[^，,。；;]{1,10}?)?$")
_RANK_INSIDE = re.compile(r"([^，,。；;前第0-9]{3,20}?)(?:前|第)[0-9一二三四五六七八九十百]+(?:名|位|强)?")


_PUBLISHED = re.compile(r"(?:发布|公布|揭晓)(?:了)?[“\"]?([^，,。；;：:“”《》\s]{3,30}?)[”\"]?(?=[，,。；;]|$)")


def _published_title(article, texts, index, res, reach: int = 2) -> Mention | None:
    """某协会发布2030中国企业500强，…A、B分列第二至第五位: the ranking published just before."""
    for k in range(index, max(-1, index - 1 - reach), -1):
        for match in reversed(list(_PUBLISHED.finditer(texts[k]))):
            name = match.group(1)
            if res.lexicon.ends_with("title_head", name) and not _is_plan(name, res) \
                    and not _only_category(name, res) and not name.endswith(("名单", "称号")):
                return base.titled(name, "Title", article.sentences[k], match.start(1),
                                   match.end(1), name=_clean_title(_strip_batch(name), res))
    return None


# a quoted title that is not the inside of a longer name: what follows it is no word of a name
_QUOTED_ALONE = re.compile(r"[“\"]([^”\"]{2,40})[”\"]"
                           r"(?!(?!称号|荣誉|名单|榜|的|和|及|与|等|中|上)[\u3400-\u9fff])")
_REFERENCE = re.compile(r"^(?:这|该|上述|以上|此|其)")
_LIST_NAMED = re.compile(r"((?:[^，,。；;：:、“”《》\s]|“[^，,。；;：:、“”]{1,12}”(?!名单|榜|排行榜)(?=[\u3400-\u9fff]))"
                         r"{3,40}?)[”\"]?(?<!上)(?:排行榜|榜单|名单|榜首|榜|排名(?=出炉|揭晓|发布|公布))")  # 上榜 is a verb


def _title_column(article, block: lists.Block, texts: list[str], res: Resources) -> dict:
    """A table whose header names a column of titles (入选类别, 获奖类别, 称号): {row's sentence
    index: that row's title}, for every row whose cell there is a title; {} otherwise."""
    header = next((t for _k, t in reversed(block.headings) if _table_row(t)), None)
    if header is None:
        return {}
    names = [c.strip() for c in re.split(r"[|｜]", header) if c.strip()]
    column = next((k for k, c in enumerate(names)
                   if c in res.lexicon.words("title_column")), None)
    if column is None:
        return {}
    out = {}
    for index in {i.sentence for i in block.items}:
        text = texts[index]
        cells = [(m.start(), m.end()) for m in re.finditer(r"[^|｜]+", text) if m.group().strip()]
        if len(cells) != len(names):
            continue
        start, end = cells[column]
        value = text[start:end].strip()
        start += text[start:end].index(value) if value else 0
        if len(value) >= 3 and res.lexicon.ends_with("title_head", value):
            out[index] = base.titled(value, "Title", article.sentences[index], start,
                                     start + len(value), name=_clean_title(value, res))
    return out


def _table_row(text: str) -> bool:
    """A line of two cells or more (a table's row as the reader sets it out)."""
    return len([c for c in re.split(r"[|｜]", text) if c.strip()]) >= 2


def _context_title(article, texts, index, res, reach: int = 3, ranking: bool = False,
                   listed_only: bool = False, any_head: bool = False) -> Mention | None:
    """The list or ranking the sentence `index`, or one of the few before it, names: …榜单中,
    “T”, 入选/位居 T. The nearest wins; in a sentence, the last."""
    for k in range(index, max(-1, index - 1 - reach), -1):
        text = texts[k]
        if _table_row(text):
            continue  # a header row's 示范区名单 names a column
        found = _list_names(text, res, any_head)
        if not ranking and not listed_only:
            for match in _QUOTED_ALONE.finditer(text):  # not 专精特新“小巨人”企业
                if res.lexicon.ends_with("title_head", match.group(1)):
                    found.append((match.start(1), match.end(1), match.group(1)))
        if found:
            start, end, name = max(found)
            return base.titled(text[start:end], "Title", article.sentences[k], start, end,
                               name=_clean_title(_strip_batch(name), res))
    return None


def _list_named_in(sentence, before: str, res: Resources) -> Mention | None:
    """The last list an earlier clause of the sentence names (…公布T名单，…上榜，分别是)."""
    found = _list_names(before, res, any_head=True)
    if not found:
        return None
    start, end, name = max(found)
    return base.titled(before[start:end], "Title", sentence, start, end,
                       name=_clean_title(_strip_batch(name), res))


def _list_names(text: str, res: Resources, any_head: bool = False) -> list[tuple[int, int, str]]:
    """The titles of the lists `text` names (…名单, …榜单): (start, end, name)."""
    found: list[tuple[int, int, str]] = []
    for match in _LIST_NAMED.finditer(text):
        name = _trim_list_name(match.group(1), res)
        if _verbs(name, res) or _REFERENCE.match(name) or name and _only_category(name, res):
            continue  # 本市入选企业名单, 这3个城市名单, 我市企业名单: a list named by reference
        tail = text[match.end(1):match.end()].lstrip("”\"")
        if name and tail in ("榜", "排行榜") and not re.search(r"[0-9百千]强|名$", name) \
                and not _is_plan(name, res):
            # 品牌价值榜, 竞争力排行榜: 榜 names the ranking (名单 and 榜单 only say it is a list;
            # 百强榜 and 百强县排行榜 are the 百强)
            at = match.end(1) - len(name)
            found.append((at, match.end(), name + tail))
            continue
        if name and (any_head and not _is_plan(name, res)
                     or res.lexicon.ends_with("title_head", name)
                     or _joined_titles(name, res)):
            at = match.end(1) - len(name)
            found.append((at, match.end(1), name))
    return found


def _trim_list_name(name: str, res: Resources) -> str:
    """在7月发布的2023年度全国综合实力百强县市: the name without what comes before it."""
    for verb in ("发布的", "公布的", "揭晓的", "的", "发布", "公布", "公示", "印发", "揭晓", "位居",
                 "在", "了", "对"):  # 对首批认定名单进行公示
        if verb in name:
            name = name[name.rindex(verb) + len(verb):]
    name = _without_list_tail(re.sub(r"^[0-9]{4}(?:年度?)?", "", name), res)
    return name if len(name) >= 3 else ""


def _strip_batch(name: str) -> str:
    batch = _BATCH.match(name)
    return name[batch.end():] if batch and len(name) - batch.end() >= 3 else name
