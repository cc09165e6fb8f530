"""worksFor and jobTitle from posts in apposition: 工业和信息化部总工程师韩夏."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extractors import base
from kg.mentions import lists, orgs, people
from kg.model import Article, Fact, Value
from kg.resources import Resources

NAME = "posts"


def extract(article: Article, resources: Resources) -> Iterator[Fact]:
    titled: set[str] = set()
    for sentence, text in zip(article.sentences, resources.texts(article)):
        yield from _leaders(article, sentence, text, resources)
        for found in people.find(text, resources):
            who = base.person(found.name, sentence, found.start, found.end)
            title = found.job_title
            # One post per person per article: a second, shorter mention repeats the first.
            if title and found.name not in titled:
                titled.add(found.name)
                yield base.fact(who, "jobTitle", Value(title), article, sentence, NAME)
            employers = found.employers() or _aliased(article, text, found, resources)
            if not employers and title and any(title.lstrip("原副").startswith(d) for d in
                                               resources.lexicon.words("department_suffix")):
                # 办公厅主任甲 after 财政部…: the post is in a department of the body named before
                body = _body_named_before(text, found.start, resources)
                employers = [body] if body else []
            for org_text in employers:
                org_text = _body_of_department(org_text, resources) \
                    or _company_of_department(org_text, resources) or (
                    _body_named_before(text, found.start, resources)
                    if _is_department(org_text, resources) else None) or org_text
                at = text.find(org_text)
                start, end = (at, at + len(org_text)) if at >= 0 else (found.start, found.start)
                org = base.org(org_text, article, sentence, start, end, resources)
                if base.unnamed_anaphor(org, resources):
                    continue  # 公司董事长甲 with no company named: the post alone is known
                yield base.fact(who, "worksFor", org, article, sentence, NAME)


# 某交易所领导甲、乙、丙等参加: the body's leaders, named with no post of their own
_LEADERS = re.compile(r"(?:领导|负责同志)((?:[\u3400-\u9fff·]{2,4}(?:、|和|及))*[\u3400-\u9fff·]{2,4}?)"
                      r"(?=等|以及|[，,。；;]|参加|出席|陪同|见证|参会|一同|共同)")


def _leaders(article, sentence, text: str, res: Resources) -> Iterator[Fact]:
    for match in _LEADERS.finditer(text):
        start = max(text.rfind(c, 0, match.start()) for c in "，,。；;：:、 ") + 1
        org = orgs.clean(text[start:match.start()], res)
        if not org or not text.endswith(org, 0, match.start()) or orgs.is_relative(org) \
                or not orgs.is_org(org, res, places_ok=False):
            continue  # 市领导, 某市领导: a place's leaders serve its party or its government
        names = re.split(r"、|和|及", match.group(1))
        if not all(lists.is_name(n, res) for n in names):
            continue
        at = match.start() - len(org)
        body = base.org(org, article, sentence, at, match.start(), res)
        pos = match.start(1)
        for name in names:
            pos = text.find(name, pos)
            who = base.person(name, sentence, pos, pos + len(name))
            yield base.fact(who, "worksFor", body, article, sentence, NAME)
            pos += len(name)


def _aliased(article, text: str, found, res: Resources) -> list[str]:
    """某某金融主席甲 after （以下简称“某某金融”）: a short name the article defined, right
    before the person's posts."""
    chain = found.chain
    if not found.posts or any(p.org for p in chain):
        return []
    first = text.rfind(found.posts[0].title, 0, found.start)
    before = text[:first] if first >= 0 else ""
    for alias in sorted(orgs.article_aliases(article, res), key=len, reverse=True):
        if before.endswith(alias):
            return [alias]
    return []


def _body_of_department(org_text: str, res: Resources) -> str | None:
    """自然资源部综合司, 财政部办公厅: an internal department (lexicon department_suffix) of a
    known body; the person works for the body, and the department is part of the post."""
    known = res.orgs.find(org_text)
    if not known or known[0][0] != 0 or known[0][1] >= len(org_text):
        return None
    rest = org_text[known[0][1]:]
    return known[0][2] if _is_department(rest, res) else None


# 某某银行私人银行部, 某某证券财富管理委员会, 某某公司亚太区: a company's own departments,
# committees and regions; a post in one is a post of the company
_COMPANY_HEAD = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|集团|银行|证券|保险|公司)")


def _company_of_department(org_text: str, res: Resources) -> str | None:
    for match in reversed(list(_COMPANY_HEAD.finditer(org_text))):
        company, rest = org_text[:match.end()], org_text[match.end():]
        suffix = res.lexicon.ends_with("company_department", rest)
        if suffix == rest and len(rest) == 1:
            continue  # 某某银行私人银行部: 部 alone names no department; the bank ends earlier
        if not suffix or len(rest) > 10 or len(company) < 4:
            return None
        return company if orgs.is_org(company, res, places_ok=False) else None
    return None


def _body_named_before(text: str, person_at: int, res: Resources) -> str | None:
    """财政部新闻发言人分别为办公厅主任甲和…: the body of a bare department is the known body the
    sentence names last before the person."""
    before = [f for f in res.orgs.find(text[:person_at]) if not _is_department(f[2], res)]
    return before[-1][2] if before else None


def _is_department(name: str, res: Resources) -> bool:
    """综合司, 办公厅 — not 某某公司: no longer organisation head noun ends the name."""
    suffix = res.lexicon.ends_with("department_suffix", name)
    if not suffix or res.orgs.lookup(name):
        return False
    return not any(name.endswith(head) and len(head) > len(suffix)
                   for head, _kind in res.orgs.suffixes)
