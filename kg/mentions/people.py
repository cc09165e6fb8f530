"""People named with their posts in apposition: 工业和信息化部总工程师韩夏, 李某副主任, 记者 王某.

A clause is cut into segments at 、 and spaces. A segment holds a chain of [organisation] title
pairs and usually a name, in either order (ORG TITLE NAME, ORG NAME TITLE, ORG TITLE NAME TITLE).
A segment with posts but no name ("党组成员、副主任赵某") hands its posts on to the next one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.mentions import orgs, places
from kg.resources import Resources
from kg.text.trie import trie_pattern

_HARD = "，,；;。：:（）()！？!?“”\"【】[]《》\n…|"
_SOFT = "、 "
_DELIMITER = re.compile("[" + re.escape(_HARD + _SOFT) + "]")
_CJK = re.compile(r"^[\u3400-\u9fff]+$")
_FOREIGN = re.compile(r"[\u3400-\u9fff]{1,6}(?:·[\u3400-\u9fff]{1,8}){1,3}")
# a name in Latin letters after a post (主席Miller, 首席执行官John Smith)
_LATIN = re.compile(r"[A-Z][A-Za-z'\-]{1,20}(?: [A-Z][A-Za-z'\-]{1,20}){0,2}")
# a date right after a name: 张某9日在…, 李某3月5日
_DATE_AFTER = re.compile(r"[0-9一二三四五六七八九十]{1,3}[日月号]")
_COUNT = re.compile(r"^[一二三四五六七八九十两几数]+[位名人]")
# A title directly followed by these is part of a larger word (记者招待会, 理事会, 常委会).
_NOT_AFTER_TITLE = ("会", "委", "办", "处", "室", "组", "招待", "站", "团", "队", "证", "馆", "事务所")
_COMMITTEES = ("省委", "市委", "县委", "区委", "州委", "旗委")
_COMMITTEE_POSTS = ("书记", "副书记", "常委", "常务副书记")
# Characters that do not end a Chinese personal name (they are particles and prepositions).
# 司 and 处 end departments (综合司, 办公处), not names
_NOT_NAME_END = set("等在及与的将为对向于也还就曾已是了并司处说以摄")
# 台 after 主席 is 主席台 (the rostrum), far more often than the rare surname
# 某某说：/ 某某说，: the one-character 说 closes a name when what follows is the quote
_SAYS = re.compile(r"说(?:[，,：:。“\"]|$)")
_NOT_NAME_START = set("和及与等在的了是为并也就对向将台被由两几各每之")
_NOT_IN_NAME = set("会上的了在是等部局院市省县厅委办所室组团队届次分")


@dataclass(frozen=True)
class Post:
    org: str | None
    title: str
    former: bool = False


@dataclass(frozen=True)
class PersonMention:
    name: str
    start: int
    end: int
    posts: tuple[Post, ...] = ()   # posts written before the name, in order
    after: Post | None = None      # a title written after the name (陈某研究员)
    represented: bool = False      # "X的代表": someone else came in X's place

    @property
    def chain(self) -> tuple[Post, ...]:
        """Every post written with the person: those before the name, else the one after it."""
        return self.posts or ((self.after,) if self.after else ())

    @property
    def job_title(self) -> str | None:
        if self.posts:
            return self.posts[-1].title
        return self.after.title if self.after else None

    def employers(self) -> list[str]:
        """Organisations the person works for now. A former post (原…) counts only when the
        person's current title has no organisation of its own (某研究院原副院长孙某院士)."""
        current_elsewhere = any(not p.former and p.org for p in self.posts)
        bare_current = self.after is not None and not self.after.former
        seen: list[str] = []
        for post in self.posts:
            keep = not post.former or (bare_current and not current_elsewhere)
            if post.org and keep and post.org not in seen:
                seen.append(post.org)
        return seen


@dataclass(frozen=True)
class _Title:
    start: int
    end: int
    text: str
    former: bool


def find(text: str, res: Resources) -> list[PersonMention]:
    """Every person with a post in `text` (a sentence, folded)."""
    key = ("people", text)
    if key not in res.memo:
        res.memo[key] = _without_aliases(text, res) if _ALIAS_INSIDE.search(text) \
            else _find(text, res)
    return res.memo[key]


# 某某股份有限公司（以下简称“某某”）董事长甲: an alias defined between a body and its post
_ALIAS_INSIDE = re.compile(r"(?<=[\u3400-\u9fff])[(（](?:以下|下文)?(?:简称|下称)[:：]?[“\"]?"
                           r"[^()（）“”\"]{1,20}[”\"]?[)）](?=[\u3400-\u9fff])")


def _without_aliases(text: str, res: Resources) -> list[PersonMention]:
    """People read with the aliases taken out, at their places in `text`."""
    cuts = [(m.start(), m.end() - m.start()) for m in _ALIAS_INSIDE.finditer(text)]
    found = _find(_ALIAS_INSIDE.sub("", text), res)

    def place(at: int) -> int:
        for start, size in cuts:
            if at >= start:
                at += size
        return at

    return [replace(p, start=place(p.start), end=place(p.end)) for p in found]


def _find(text: str, res: Resources) -> list[PersonMention]:
    people: list[PersonMention] = []
    pending: list[Post] = []
    previous: PersonMention | None = None  # the person that ended the previous segment
    # A sentence with no title anywhere names no one with a post (only an appointment, below,
    # whose post is read on its own): most sentences, so their segments are not read.
    segments = _segments(text, res) if _title_pattern(res).search(text) else ()
    for seg_start, seg_end, delim_before in segments:
        if delim_before not in _SOFT:
            pending = []
        found, pending = _parse_segment(text, seg_start, seg_end, res, pending, delim_before)
        seg = text[seg_start:seg_end]
        name_end = _name_after(seg, 0, res) if not found and not pending and previous \
            and delim_before == "、" else None
        if name_end and res.lexicon.is_surname_start(seg) and not _titles(seg[:name_end], res):
            # 文科资深教授葛某、陈某和: the names after the first share its posts.
            found = [PersonMention(seg[:name_end], seg_start, seg_start + name_end,
                                   previous.posts, previous.after)]
        people.extend(found)
        previous = found[-1] if found and found[-1].end == seg_end else None
    taken = {p.start for p in people}
    people.extend(p for p in _appointed(text, res) if p.start not in taken)
    taken = {p.start for p in people}
    people.extend(p for p in _org_named(text, res) if p.start not in taken)
    taken = {p.start for p in people}
    people.extend(p for p in _posts_after(text, res) if p.start not in taken)
    return _units_carried(text, sorted(people, key=lambda p: p.start), res)


# 王某（某公司董事长）表示 / 王某，某公司董事长，…: the posts in an apposition after the name
_APPOSITION = re.compile(r"(?:^|(?<=[，,。；;：:“”\s]))([\u3400-\u9fff]{2,4})"
                         r"(?:[（(]([^（()）]{3,40})[)）]|[，,]([^，,。；;：:（()）]{3,40})(?=[，,]))")


def _posts_after(text: str, res: Resources) -> list[PersonMention]:
    if not ("（" in text or "(" in text or "，" in text or "," in text):
        return []
    out: list[PersonMention] = []
    for match in _APPOSITION.finditer(text):
        name, posts = match.group(1), match.group(2) or match.group(3)
        if not res.lexicon.is_surname_start(name) or res.places.lookup(name) \
                or res.orgs.lookup(name) or name in res.titles.titles:
            continue
        # read as the posts written before the name: the same parser, the same rules
        found = find(posts + name, res)
        if not found or found[-1].name != name or found[-1].end != len(posts) + len(name) \
                or not found[-1].posts:
            continue
        start = match.start(1)
        out.append(PersonMention(name, start, start + len(name), found[-1].posts))
    return out


def _org_named(text: str, res: Resources) -> list[PersonMention]:
    """某钢铁有限公司吴某林表示, 某大学潘某、彭某等获得…: a unit and then its people's names,
    with no post between them (how lists of honoured workers and scholars name people)."""
    out: list[PersonMention] = []
    for match in _org_name_pattern(res).finditer(text):
        head_end = match.end() - (1 if text.startswith("的", match.end() - 1) else 0)
        start = max(text.rfind(c, 0, match.start()) for c in "，,。；;：:、 ") + 1
        unit = text[start:head_end]
        org = orgs.clean(unit, res) if len(unit) >= 3 and not set(unit) & set("和与及") else None
        if org != unit:
            continue
        pos = match.end()
        while True:
            name_end = _bare_name_end(text, pos, res)
            if name_end is None:
                break
            out.append(PersonMention(text[pos:name_end], pos, name_end, (Post(org, "", False),)))
            if not text.startswith("、", name_end):
                break
            pos = name_end + 1
    return out


def _bare_name_end(text: str, pos: int, res: Resources) -> int | None:
    """Where a name of 2-3 characters at pos ends, when what follows may follow a name."""
    if text[pos:pos + 1] not in res.lexicon.common_surnames:
        return None
    for size in (3, 2):
        name = text[pos:pos + size]
        rest = text[pos + size:pos + size + 12]
        if len(name) == size and _appointee(name, res) and not _titles(name, res) \
                and not set(name[1:]) & _NOT_IN_BARE_NAME \
                and (rest[:1] in "、，,。；;和及与等" or _acts(rest, res)) \
                and not _titles(rest[:6], res):
            return pos + size
    return None


# characters of words that follow a unit's name more often than a name does (于近日, 成员)
_NOT_IN_BARE_NAME = set("近日月年发关业员物务界方面下上中内外")


def _acts(rest: str, res: Resources) -> bool:
    """A verb of speaking, attending or being honoured right after the name."""
    return bool(_SAYS.match(rest)) or _verb_first(rest, res, ("speak_verb", "attend_verb",
                                                              "award_verb"))


def _org_name_pattern(res: Resources) -> re.Pattern:
    pattern = res.index.get("org_name_pattern")
    if pattern is None:
        surnames = "".join(sorted(res.lexicon.common_surnames))
        # a unit's head noun, then (的 and) a common family name: where such a name may start
        pattern = res.index["org_name_pattern"] = re.compile(
            f"{orgs.head_nouns(res)}的?(?=[{surnames}])")
    return pattern


def _units_carried(text: str, people: list[PersonMention], res: Resources) -> list[PersonMention]:
    """某厅厅长甲作报告，副厅长乙主持: a bare head of a unit (副厅长, 副部长) that opens its
    clause serves the unit of that kind that the person before them in the sentence serves."""
    out: list[PersonMention] = []
    for person in people:
        post = person.posts[-1] if person.posts else person.after
        after_name = post is not None and text.startswith(post.title, person.end)
        opens = person.start - (len(post.title) if post and not after_name else 0)
        bare = post is not None and post.org is None and not post.former and len(person.posts) <= 1 \
            and (opens == 0 or text[opens - 1] in "，,；;。 ")
        unit = _unit_of(post.title) if bare else None
        org = next((p.org for q in reversed(out) for p in q.posts
                    if unit and p.org and p.org.endswith(unit)), None)
        # 党委委员、副行长乙 after 行长甲: posts that name no body, the last one the colleague's
        chain = person.chain
        first = person.start - sum(len(p.title) + 1 for p in chain) + 1 if not after_name \
            else opens
        alone = post is not None and not post.former \
            and all(p.org is None for p in chain) and first > 0 and text[first - 1] in "、，,；;及和与"
        if alone and org is None and out:
            org = _colleague_org(post.title, out[-1], res)
        shared = out[-1].chain if out else ()
        if org is None and post is not None and post.org is None and shared and person.posts \
                and person.start == out[-1].end + 1 and text[out[-1].end] == "、" \
                and person.posts[-1].title == shared[-1].title:
            org = shared[-1].org  # 副行长甲、乙: the second shares the first's post and body
        if post is not None and out and post.org \
                and post.org == res.lexicon.value("government_post", post.title):
            org = _colleague_government(post, out[-1]) or org
        if org:
            carried = replace(post, org=org)
            person = replace(person, posts=person.posts[:-1] + (carried,)) if person.posts \
                else replace(person, after=carried)
        out.append(person)
    return out


def _colleague_org(title: str, before: PersonMention, res: Resources) -> str | None:
    """某委主任甲、副主任乙 / 某公司董事长甲，总经理乙: a bare post right after a colleague's, of
    the same rank's family or both a company's officers, is held in the colleague's body."""
    posts = before.chain
    last = posts[-1] if posts else None
    # 某行党委副书记、行长甲: the chain's body is written once, before its first post
    org = next((p.org for p in reversed(posts) if p.org), None)
    if last is None or org is None or last.former:
        return None
    if _rank_root(title) == _rank_root(last.title):
        return org
    if _company_officer(title, res) and _company_officer(last.title, res) and (
            res.lexicon.ends_with("company_noun", org) or res.lexicon.value("org_anaphor", org)
            or res.lexicon.ends_with("company_trade", org)):
        return org  # 某银行董事长甲，行长乙 / 该行董事长甲，副行长兼首席财务官乙
    # 某学院党委书记甲、院长乙: a body's party secretary and its head are named as a pair; a
    # party committee's own secretary (某市委书记) pairs with a government instead
    if last.title.endswith("书记") and title in res.lexicon.words("institution_head") \
            and not org.endswith("委"):
        return org
    return None


def _colleague_government(post: Post, before: PersonMention) -> str | None:
    """某市委书记甲、市长乙: 市长 with no place written heads the government of the place whose
    committee the colleague before serves."""
    return next((g for p in reversed(before.chain)
                 if (g := _government_of_place(p.org, post.org[0]))), None)


def _rank_root(title: str) -> str:
    return re.sub(r"^(?:常务|执行|第一)?副", "", title)


def _unit_of(title: str) -> str | None:
    """副厅长 -> 厅, 局长 -> 局: the kind of unit a head's title names."""
    bare = re.sub(r"^(?:常务|执行)?副", "", title)
    return bare[0] if len(bare) == 2 and bare.endswith("长") and bare[0] in "厅局部司处署" else None


# 任命甲为某局副局长 / 乙当选为某协会会长: the post comes after the name, behind the verb
_APPOINTED = re.compile(r"(?:任命|聘任|提名|选举|决定)([\u3400-\u9fff·]{2,4}(?:[、和][\u3400-\u9fff·]{2,4}){0,6}?|"
                        r"[\u3400-\u9fff·]{2,12}?)(?:同志)?为"
                        r"([^，,。；;、（(]{3,30})")
_ELECTED = re.compile(r"(?:^|[，,。；;、\s])([\u3400-\u9fff·]{2,4}?)(?:同志)?当选为([^，,。；;、（(]{3,30})")
# 甲同志任某集团总经理 / 乙担任某公司董事长: a post taken, written after the name
_TAKES = re.compile(r"(?:^|[，,。；;：:、\s]|选举|任命|聘任|同意)([\u3400-\u9fff·]{2,4}?)"
                    r"(?:(?:同志|先生|女士)?(?:[(（][^()（）]{1,10}[)）])?(?:仍|继续|将)?"
                    r"(?:任|担任|出任|兼任)|担任|出任)([^，,。；;、（(]{3,30})")


def _appointed(text: str, res: Resources) -> list[PersonMention]:
    out = []
    for pattern in (_APPOINTED, _ELECTED, _TAKES):
        for match in pattern.finditer(text):
            names, post_text = match.group(1), match.group(2)
            # 选举甲、乙、丙为公司第三届董事会非独立董事: each name takes the post
            parts = re.split(r"[、和及]", names) if pattern is _APPOINTED else [names]
            if not all(_appointee(name, res) for name in parts):
                continue
            titles = [t for t in _titles(post_text, res) if t.end == len(post_text)]
            if not titles:
                continue
            title = titles[-1]
            gap = post_text[: title.start]
            org = orgs.clean(gap, res) if gap else None
            if gap and not (org and (gap.startswith(org) or org == "公司")):
                continue  # 公司第七届董事会董事长: the company, without the board
            if org is None and pattern is _APPOINTED and _company_officer(title.text, res):
                org = "公司"  # 聘任甲为总经理 in a company's announcement: its company
            at = match.start(1)
            for name in parts:
                start = text.index(name, at)
                out.append(PersonMention(name, start, start + len(name),
                                         (_post(org, title, res),)))
                at = start + len(name)
    return out


def _appointee(name: str, res: Resources) -> bool:
    if "·" in name:
        return True
    return 2 <= len(name) <= 3 and res.lexicon.is_surname_start(name) \
        and not set(name) & _NOT_IN_NAME and not res.places.lookup(name) \
        and not orgs.is_org(name, res, places_ok=False)  # 王建国 ends like a country, no body


_INNER_BRACKET = re.compile(r"(?<=[\u3400-\u9fff])[(（][\u3400-\u9fff]{2,8}[)）](?=[\u3400-\u9fff])")


def _segments(text: str, res: Resources):
    """(start, end, delimiter before) for each run between delimiters; a hard one wins. A
    bracketed place inside a name (某某（北京）科技有限公司) delimits nothing."""
    inner = {i for m in _INNER_BRACKET.finditer(text) for i in (m.start(), m.end() - 1)
             if res.places.lookup(m.group()[1:-1]) or m.group()[1:-1] == "集团"}
    start, delim = 0, "\n"
    for match in _DELIMITER.finditer(text):  # only the delimiters, not every character
        i, ch = match.start(), match.group()
        if i in inner:
            continue
        if i > start:
            yield start, i, delim
            delim = ch
        elif ch in _HARD or delim not in _HARD:
            delim = ch
        start = i + 1
    if len(text) > start:
        yield start, len(text), delim


def _parse_segment(text, s0, s1, res, pending, delim_before):
    seg = text[s0:s1]
    titles = _titles(seg, res)
    if not titles:
        if pending and delim_before == " " and _whole_name(seg, res):
            return [PersonMention(seg, s0, s1, tuple(pending))], []
        return [], []
    people: list[PersonMention] = []
    posts = list(pending)
    cursor = 0
    for i, title in enumerate(titles):
        title = _shift_title(seg, cursor, title, res)
        gap = _without_modifier(seg[cursor:title.start], res)
        if gap.endswith("的") and not _possessor(gap, res) and not (
                gap.startswith("来自") and title.text in res.lexicon.words("byline_title")):
            continue  # 两年一度的院士增选结果: the title word qualifies a noun, no one holds it
        name_end = _name_after(seg, title.end, res)
        if name_end is not None and i + 1 < len(titles) and titles[i + 1].start < name_end:
            name_end = None  # 市委常委宣传部长甲: the next post begins there, not a name
        byline = title.end == len(seg) and title.text in res.lexicon.words("byline_title")
        if gap and name_end is None and not byline:  # 某网记者 王某 摄: the name is after the space
            # ORG NAME TITLE (李某副主任), or ORG TITLE NAME TITLE (陈某研究员).
            split = _split_org_name(gap, res, org_optional=cursor > 0 or bool(posts))
            if split is not None:
                org, name, offset = split
                org = _place_government(org, title, res)  # 某市甲副市长
                start = s0 + cursor + offset
                if org is None and posts:
                    person = PersonMention(name, start, start + len(name), tuple(posts),
                                           after=_post(None, title, res))
                else:
                    person = PersonMention(name, start, start + len(name),
                                           (_post(org, title, res),),
                                           represented=seg.startswith("的代表", title.end))
                people.append(person)
                posts, cursor = [], title.end
                continue
        org = _possessor(gap, res) or (orgs.clean(gap, res) if gap else None)
        if org is None and gap and title.text in res.lexicon.words("byline_title"):
            org = _outlet(gap, res)  # 某某新闻记者, 来自某某财经的记者: who the reporter writes for
        if org is None and gap:
            org = _country(gap, res) or _mission(gap, title, res)  # 德国总理; 某国驻沪总领事
        if org is None and gap and _company_officer(title.text, res):
            org = _company_by_short_name(gap, res)  # 某某科技董事长: a company by its trade
        if org is None and gap:
            org = _shared_unit(gap, title, res)
        if org is None and gap:
            split = _field_of_post(gap, res)
            if split:  # 某钢铁公司焊接顾问: the field belongs to the post
                org, field = split
                title = _Title(title.start - len(field), title.end, field + title.text, title.former)
        if gap and (org is None or len(org) <= 4 and not res.orgs.lookup(org)):
            org = _chain_place(org or gap, posts, res) or org
        if org is None and gap and title.text.lstrip("原").startswith(_COMMITTEES):
            org = _place_at_end(gap, res)
        if org is None and not gap:
            org = _government_of(title, posts, res)
        else:
            org = _place_government(org, title, res)
        posts.append(_post(org, title, res))
        cursor = title.end
        if name_end is None:
            continue
        name = seg[cursor:name_end]
        nxt = titles[i + 1] if i + 1 < len(titles) else None
        after = None
        if nxt and nxt.start == name_end and _follows(seg[nxt.end:], res):
            after = _post(None, nxt, res)
        people.append(PersonMention(name, s0 + cursor, s0 + name_end, tuple(posts), after,
                                    represented=seg.startswith("的代表", name_end)))
        rest_at = nxt.end if after else name_end
        conj = re.match(r"和|与|及|以及", seg[rest_at:])
        if conj:
            # 会长甲某和…研究会常务副会长、某市原市长乙某: the second person's posts
            # may go on into the next segment.
            more, more_pending = _parse_segment(text, s0 + rest_at + conj.end(), s1, res, [], "、")
            people.extend(more)
            return people, more_pending
        verb = rest_at < len(seg) and (_has_verb(seg[rest_at:], 1, res) or (
            # 省长甲在某中心会见了…: a place phrase between the first person and the verb
            seg.startswith("在", rest_at) and any(
                _has_verb(seg[rest_at + k:], 1, res) for k in range(2, min(16, len(seg) - rest_at)))))
        if verb:
            # 省长甲会见了某公司董事长乙: a second person after the first one's verb, whose
            # posts may go on into the next segment (会见某所党委书记、所长乙)
            more, more_pending = _parse_segment(text, s0 + rest_at, s1, res, [], "，")
            people.extend(p for p in more if p.start >= s0 + rest_at)
            return people, more_pending
        return people, []
    if cursor == len(seg) and posts and not people:
        return people, posts
    return people, []


# an outlet's name: a few words, no clause (what the gap before 记者 holds in a byline)
_OUTLET = re.compile(r"^[\u3400-\u9fffA-Za-z0-9·]{2,12}$")


def _outlet(gap: str, res: Resources) -> str | None:
    """财联社记者, 每日经济新闻记者, 来自某某新闻的记者: the words before a reporter's title name the
    outlet (the guidelines: an outlet before 记者 is the reporter's employer); not 本报/本台."""
    gap = re.sub(r"^.*?(?:讯|消息|电|来自)", "", gap).removesuffix("的")
    gap = gap[orgs.left_cut(gap, res):]
    if not _OUTLET.match(gap) or gap[0] in "本该其我" or _NOT_OUTLET.search(gap) \
            or res.places.lookup(gap) or gap in res.titles.titles:
        return None
    return gap


_NOT_OUTLET = re.compile(r"[的了在是和与及向对为从]|^(?:[0-9一二两三四五六七八九十几数多]+[名位个]|[多数几各众]|部分|一些|全体)"
                         r"|(?:采访|获悉|表示|媒体)$")


def _possessor(gap: str, res: Resources) -> str | None:
    """某某股份有限公司的董事长甲: a body named in full, then 的, holds the post."""
    if not gap.endswith("的") or len(gap) <= 4:
        return None
    body = orgs.clean(gap[:-1], res)
    if body and gap[:-1].endswith(body) and len(body) > 3 \
            and orgs.is_org(body, res, places_ok=False) and not orgs.is_relative(body):
        return body
    return None


def _company_officer(title: str, res: Resources) -> bool:
    """董事长, 联合创始人兼CEO: every part of the post is one a company gives."""
    officers = res.index.get("company_officer")
    if officers is None:  # a set, built once: asked for every post the parser reads
        officers = res.index["company_officer"] = frozenset(res.lexicon.words("company_officer"))
    return all(part in officers for part in _POST_PARTS.split(title) if part)


_POST_PARTS = re.compile(r"兼|、")


def _company_by_short_name(gap: str, res: Resources) -> str | None:
    """The company's short name (a name and its trade) that ends the words before a company
    officer's post, after any word that cannot be inside it (会见, 由)."""
    start = orgs.left_cut(gap, res)
    name = gap[start:]
    return name if orgs.company_short_name(name, res) else None


def _place_government(org: str | None, title: _Title, res: Resources) -> str | None:
    """北京市市长某某 works for 北京市人民政府, not for the city."""
    if org and res.lexicon.value("government_post", title.text.lstrip("原")) \
            and res.places.resolve_path(org) is not None \
            and org.endswith(("省", "市", "县", "区", "州")):
        return org + "人民政府"
    return org


def _shift_title(seg: str, cursor: int, title: _Title, res: Resources) -> _Title:
    """国家互联网信息办公室主任: when the words before a title are no organisation, a shorter
    title that leaves one (…办公室 + 主任) is the post; not after a company's short name
    (某某股份董事会秘书)."""
    gap = seg[cursor:title.start]
    if _company_officer(title.text, res) and _company_by_short_name(gap, res):
        return title
    if not gap or title.former or orgs.clean(gap, res) is not None \
            or orgs.clean(_without_modifier(gap, res), res) is not None:
        return title
    for k in range(1, len(title.text) - 1):
        rest = title.text[k:]
        if rest in res.titles.titles and orgs.clean(gap + title.text[:k], res) == gap + title.text[:k]:
            return _Title(title.start + k, title.end, rest, False)
    return title


_LEVEL_WORDS = ("自治区", "自治州", "特区", "新区")


def _field_of_post(gap: str, res: Resources) -> tuple[str, str] | None:
    """某钢铁公司焊接顾问, 某公司工艺总监: a body, then the field of the post (2-4 characters)."""
    for size in (2, 3, 4):
        body, field = gap[:-size], gap[-size:]
        head = res.orgs.suffix_of(body)
        if len(body) >= 3 and (res.orgs.lookup(body) or head and len(head[0]) >= 2) \
                and orgs.clean(body, res) == body and not res.places.find(field) \
                and not res.orgs.suffix_of(field) and not set(field) & _NOT_IN_FIELD:
            return body, field
    return None


# a post's field names no place, body or list: 市, 国, 会 or 和 in it say it is something else
_NOT_IN_FIELD = set("的和与及、市省县区州国会委")


def _shared_unit(gap: str, title: _Title, res: Resources) -> str | None:
    """规划局长: the body and the post share the unit's character (规划局 + 局长)."""
    head = title.text.removeprefix("副")
    if len(head) == 2 and head.endswith("长") and head[0] in "局处厅部院校所行社馆站科委" \
            and len(gap) >= 2 and gap[-1] not in head[0] + "老原" and not gap.startswith("原"):
        return orgs.clean(gap + head[0], res)
    return None


def _chain_place(gap: str, posts: list[Post], res: Resources) -> str | None:
    """某县政协副主席、住建委主任: a short body in a chain of posts is in the place of the body
    before it."""
    before = posts[-1].org if posts else None
    if not before or len(gap) < 2 or res.places.find(gap[:3]) or gap in _LEVEL_WORDS:
        return None
    if before.endswith("委") and gap.endswith("部"):
        return before + gap  # 某县委常委、宣传部部长: the committee's own department
    place = next((p for s, _e, p, _c in res.places.find(before) if s == 0), None)
    if not place:
        return None
    if gap[0] == place[-1]:
        gap = gap[1:]  # 重庆市委常委、市委秘书长: 重庆市 + 委, not 重庆市市委
    return orgs.clean(place + gap, res)


_IN_CHARGE = re.compile(r"(?:主管|分管)[\u3400-\u9fff、]{1,8}?(?:工作)?的$")


def _without_modifier(gap: str, res: Resources) -> str:
    """某协会专职副会长, 某市主管工业的副市长, 某集团新任总经理: words between a body and a post
    that qualify the post are no part of the body's name."""
    gap = _IN_CHARGE.sub("", gap)
    party = next((p for p in ("党委", "党组") if gap.endswith(p)), "")
    body = gap[: len(gap) - len(party)]
    word = res.lexicon.ends_with("post_modifier", body)
    return body[: -len(word)] + party if word and len(body) > len(word) else gap


def _split_org_name(gap: str, res: Resources, org_optional: bool):
    """gap = ORG NAME (国家发展改革委李某) -> (org or None, name, offset of the name)."""
    foreign = _FOREIGN.search(gap)
    if foreign and foreign.end() == len(gap):
        org = orgs.clean(gap[: foreign.start()], res) if foreign.start() else None
        return org, foreign.group(), foreign.start()
    best = None
    for size in (3, 2, 4):
        if len(gap) < size:
            continue
        name, head = gap[-size:], gap[:-size]
        if not _CJK.match(name) or set(name) & _NOT_IN_NAME or name[0] in _NOT_NAME_START \
                or name[-1] in _NOT_NAME_END:
            continue
        if size == 4 and name[:2] not in res.lexicon.compound_surnames:
            continue
        if name in _verb_words(res):
            continue  # 某院公布院士增选结果: a verb between the body and the title
        if head.endswith("代表") and org_optional:
            org, known = None, False
        elif head:
            org = orgs.clean(head, res)
            if org is None or not head.endswith(org):
                continue
            known = bool(res.orgs.lookup(org))
        else:
            # 张某某总书记: a name alone before a post, if it is not a place (福建省委常委)
            if not org_optional and not (size <= 3 and res.lexicon.is_surname_start(name)
                                         and not res.places.lookup(name)):
                continue
            org, known = None, False
        score = (res.lexicon.is_surname_start(name), known, size == 3)
        if not score[0] and not known:
            continue
        if best is None or score > best[0]:
            best = (score, org, name, len(gap) - size)
    if best is None:
        return None
    return best[1], best[2], best[3]


_VERB_LISTS = ("publish_verb", "speak_verb", "attend_verb", "held_verb", "organize_verb",
               "award_verb", "list_verb")


def _verb_words(res: Resources) -> frozenset[str]:
    """The verbs of the word lists: a word that is one is no name (公布, 主持)."""
    words = res.index.get("verb_words")
    if words is None:
        words = res.index["verb_words"] = frozenset(
            w for name in _VERB_LISTS for w in res.lexicon.words(name))
    return words


def _name_after(seg: str, pos: int, res: Resources) -> int | None:
    rest = seg[pos:]
    if not rest or rest[0] in _NOT_NAME_START:
        return None
    stop = res.lexicon.starts_with("name_stop", rest)
    # 曾 is an adverb (曾任) and a surname (曾某安主持): as a surname only before a stop word
    surname_stop = stop is not None and len(stop) == 1 and rest[0] in res.lexicon.surnames
    if stop and not surname_stop:
        return None
    foreign = _FOREIGN.match(rest)
    if foreign:
        end = _foreign_end(rest, foreign.end(), res)
        if _follows(rest[end:], res) or rest[end:] in res.lexicon.words("name_coverb"):
            return pos + end
    latin = _LATIN.match(rest)
    if latin and _follows(rest[latin.end():].lstrip(), res):
        return pos + latin.end()
    for size in (3, 2, 4):
        cand, after = rest[:size], rest[size:]
        if len(cand) < size or not _CJK.match(cand) or _not_in_name(cand):
            continue
        if size == 2 and cand[0] in res.lexicon.words("motion_verb") \
                and places.abbreviation(cand[1], res):
            continue  # 总书记来陕考察: going to a province, not a name
        whole = after == ""
        if surname_stop and (whole or not res.lexicon.starts_with("name_stop", after)):
            continue
        coverb_last = after in res.lexicon.words("name_coverb")  # 某某以“…”为题: cut at the quote
        if not whole and (cand[-1] in _NOT_NAME_END or not (_follows(after, res) or coverb_last)):
            continue
        if whole and size == 3 and cand[-1] in _NOT_NAME_END and _follows(cand[-1], res):
            continue  # 某某说 at the end of a clause: the name is the two before 说
        if not res.lexicon.is_surname_start(cand) and not (whole and (size == 3 or size == 4 and any(
                True for _w in res.lexicon.finditer("country", seg[:pos])))):
            # a whole segment of four with no surname is a phrase (奖项方面), unless a country
            # is named before the post (日本某市市长 and a Japanese name)
            continue
        if size == 4 and not whole and cand[:2] not in res.lexicon.compound_surnames:
            continue  # four characters only with a compound surname (欧阳某某)
        if size == 4 and whole and cand[:2] not in res.lexicon.compound_surnames \
                and cand[-1] in res.lexicon.words("name_coverb"):
            continue  # 院士某某以“…”为题: a coverb before a quote ends the segment, not the name
        if _has_verb(rest, size, res) or _name_runs_on(rest, size, res):
            continue
        return pos + size
    return None


def _not_in_name(cand: str) -> bool:
    """A character no name holds (会, 的, 局 …); 在 only as a name's middle character (尤在晶),
    where a verb would leave a one-character subject."""
    bad = set(cand) & _NOT_IN_NAME
    return bool(bad) and not (bad == {"在"} and len(cand) == 3 and cand.index("在") == 1
                              and cand.count("在") == 1)


def _foreign_end(rest: str, end: int, res: Resources) -> int:
    """玛丽·安妮出席: the last part of a foreign name ends before a verb or stop word
    that the greedy match took in."""
    last = rest.rfind("·", 0, end) + 1
    for i in range(last + 1, end):
        if res.lexicon.starts_with("name_stop", rest, i) or _has_verb(rest[i:], 1, res):
            return i
    if end - last >= 3 and end == len(rest) and rest[end - 1] in res.lexicon.words("name_coverb"):
        return end - 1  # 克劳斯·韦伯以“…”为题: the coverb before the quote is no part of the name
    return end


def _government_of(title: _Title, posts: list[Post], res: Resources) -> str | None:
    """市长 with no organisation written heads a people's government: the one of the place in
    the post before it (天津市委副书记、市长 -> 天津市人民政府), else 市政府 of the article."""
    body = res.lexicon.value("government_post", title.text.lstrip("原"))
    if body is None or title.former:
        return None
    level = body[0]  # 省, 市, 县, 区, 州
    return _government_of_place(posts[-1].org if posts else None, level) or body


def _government_of_place(org: str | None, level: str) -> str | None:
    """某市委 / 中共某市委 / 某市人民政府 -> 某市人民政府, when the place is of the level (市)."""
    if not org or not org.endswith(("委", "政府")):
        return None
    place = org[:-1] if org.endswith("委") else org[: -len("政府")].removesuffix("人民")
    place = place.removeprefix("中共")  # the party committee's place, not the party
    return place + "人民政府" if place.endswith(level) and len(place) > 1 else None


def _country(gap: str, res: Resources) -> str | None:
    country = res.lexicon.ends_with("country", gap)
    return country if country and len(gap) - len(country) <= 2 else None


def _mission(gap: str, title: _Title, res: Resources) -> str | None:
    """法国驻沪总领事: the consulate, named as its head's post is (法国驻沪总领事馆)."""
    mission = res.lexicon.value("mission_post", title.text)
    at = gap.rfind("驻")
    country = res.lexicon.ends_with("country", gap[:at]) if mission and at > 0 else None
    if country and len(gap) - at <= 4:
        return country + gap[at:] + mission
    return None


def _place_at_end(text: str, res: Resources) -> str | None:
    found = [f for f in res.places.find(text) if f[1] == len(text)]
    return found[-1][2] if found else None


def _has_verb(text: str, size: int, res: Resources) -> bool:
    """A verb or other stop word of two or more characters begins inside the first `size`
    characters of `text` (张宏认为: not 张宏认)."""
    pattern, longest = _verb_pattern(res)
    # one search (a word that begins before `size` ends by size - 1 + longest) instead of a
    # look-up in three lists at each of the first `size` characters
    match = pattern.search(text, 0, size - 1 + longest)
    return match is not None and match.start() < size


def _verb_pattern(res: Resources) -> tuple[re.Pattern, int]:
    """The stop words and verbs of two characters or more, as one trie-shaped regex."""
    found = res.index.get("verb_pattern")
    if found is None:
        words = [w for name in ("name_stop", "speak_verb", "attend_verb")
                 for w in res.lexicon.words(name) if len(w) >= 2]
        found = res.index["verb_pattern"] = (re.compile(trie_pattern(words)),
                                             max(map(len, words), default=0))
    return found


def _name_runs_on(text: str, size: int, res: Resources) -> bool:
    """A known organisation or place begins inside the first `size` characters and runs past
    them (记者从工业和信息化部获悉: not 从工业)."""
    window = text[: size + 16]
    spans = [(s, e) for s, e, *_ in res.orgs.find(window)]
    spans += [(s, e) for s, e, *_ in res.places.find(window)]
    return any(0 < s < size < e for s, e in spans)


def _whole_name(seg: str, res: Resources) -> bool:
    return (2 <= len(seg) <= 3 and _CJK.match(seg) is not None
            and res.lexicon.is_surname_start(seg) and not set(seg) & _NOT_IN_NAME)


def _follows(after: str, res: Resources, depth: int = 0) -> bool:
    if not after:
        return True
    adverb = res.lexicon.starts_with("name_adverb", after)
    if adverb and depth < 2 and _follows(after[len(adverb):], res, depth + 1):
        return True  # 甲详细介绍, 乙随后致辞
    coverb = res.lexicon.starts_with("name_coverb", after)
    if coverb and _verb_in_clause(after[len(coverb):], res):
        return True  # 甲围绕…作了发言, 乙就…回答了提问
    if res.lexicon.starts_with("name_stop", after) or _COUNT.match(after) \
            or _DATE_AFTER.match(after) or _SAYS.match(after):
        return True
    # 某局局长甲通报…, 乙出席: a speaking or attending verb of two characters or more
    if _verb_first(after, res):
        return True
    return any(t.start == 0 for t in _titles(after[:10], res))


def _verb_first(rest: str, res: Resources, lists=("speak_verb", "attend_verb")) -> bool:
    """Whether `rest` opens with a verb of two characters or more from the given lists."""
    return any((w := res.lexicon.starts_with(verbs, rest)) and len(w) >= 2 for verbs in lists)


def _verb_in_clause(rest: str, res: Resources) -> bool:
    clause = re.split(r"[，,。；;！!？?]", rest, maxsplit=1)[0][:30]
    return any(len(w) >= 2 for verbs in ("speak_verb", "attend_verb")
               for _s, _e, w in res.lexicon.finditer(verbs, clause))


def titles_in(text: str, res: Resources) -> list[_Title]:
    """The job titles written in `text`, left to right (for readers of list notes)."""
    return _titles(text, res)


def _titles(seg: str, res: Resources) -> list[_Title]:
    found: list[_Title] = []
    pattern = _title_pattern(res)
    i = 0
    while True:
        match = pattern.search(seg, i)
        if match is None:
            break
        start, end = match.span()
        if _runs_into_place(seg, start, end, res):
            i = start + 1  # 某某银行长沙分行: 行长 begins 长沙, not a post
            continue
        # 党组书记兼副主任: one post held together with another.
        while seg.startswith("兼", end):
            more = pattern.match(seg, end + 1)
            if more is None:
                break
            end = more.end()
        modifier = res.lexicon.ends_with("title_prefix", seg, start)
        if modifier and (not found or found[-1].end <= start - len(modifier)):
            start -= len(modifier)
        former = False
        prefix = res.lexicon.ends_with("former_prefix", seg, start)
        if prefix and (start - len(prefix) == 0 or not found or found[-1].end <= start - len(prefix)):
            start -= len(prefix)
            former = True
        found.append(_Title(start, end, seg[start:end], former))
        i = end
    return found


def _runs_into_place(seg: str, start: int, end: int, res: Resources) -> bool:
    """A place's name begins inside the title and runs past it (银行长沙: 长沙)."""
    if end >= len(seg) or not _CJK.match(seg[end]):
        return False
    window = seg[start:end + 8]
    # 会长葛某某: a name after the post may begin like a place (长葛); a place goes on into
    # a branch or a division (长沙分行, 长沙市), or ends the segment
    return any(start < start + s < end < start + e and (
        e >= len(window) or window[e] in _AFTER_PLACE) for s, e, *_ in res.places.find(window))


_AFTER_PLACE = set("分支总市区县省州镇乡路街中办")


def _title_pattern(res: Resources) -> re.Pattern:
    """The longest title (two characters or more) at a place, unless a word goes on after it
    (记者招待会): one regex search instead of trying every title length at every character,
    which cost a quarter of the extraction time."""
    pattern = res.index.get("title_pattern")
    if pattern is None:
        words = trie_pattern(t for t in res.titles.titles if len(t) >= 2)
        not_after = "|".join(re.escape(w) for w in _NOT_AFTER_TITLE)
        pattern = res.index["title_pattern"] = re.compile(f"{words}(?!{not_after})")
    return pattern


def _post(org: str | None, title: _Title, res: Resources) -> Post:
    text = title.text
    # 中国科学院院士: a title that starts with an organisation's name belongs to it.
    if org is None:
        known = [f for f in res.orgs.find(title.text.lstrip("原")) if f[0] == 0]
        if known and known[0][1] < len(title.text.lstrip("原")):
            org = known[0][2]
    # 天津市委书记: the post is 市委书记 and the organisation 天津市委.
    if org and org.endswith(_COMMITTEES) and text.lstrip("原") in _COMMITTEE_POSTS:
        text = ("原" if title.former else "") + org[-2:] + text.lstrip("原")
    else:
        bare = text.lstrip("原")
        committee = next((c for c in _COMMITTEES if bare.startswith(c)), None)
        if committee and org is not None and not org.endswith(committee):
            org = org + committee
        elif committee and org is None:
            org = committee
        elif bare.startswith("党委") and org and org.startswith("中共") \
                and res.places.lookup(org.removeprefix("中共")):
            org = org + "党委"  # 中共某自治区党委书记: the region's party committee
    return Post(org, text, title.former)
