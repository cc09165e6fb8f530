"""Enumerations: the lists an article sets out, with typed items, a head and an anchor.

Two layouts carry lists in news:
- inline, inside a sentence: A、B和C等N个城市…, …分别是：A、B、C; the span is given by the caller
  (the clause before a verb, the text after a colon) and `items` types every piece of it;
- line by line, under a heading: one item or one group of items a line (江苏省：苏州市、扬州市;
  河北沧州市; 南昌市：某镇、某乡; 1. 某某有限公司; 张 某 某某公司总工程师), found by `blocks`.

An item is typed from the entity layer: a division from the gazetteer (perhaps after its
province, with or without 省), a town below the gazetteer, an organisation by its head noun, or
a person by surname. A list whose category noun says what it counts (等7家企业) types the
pieces that nothing else types as that category.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.mentions import orgs, places
from kg.mentions import people as people_layer
from kg.resources import Resources

# Separators between items; 和/及/与/以及 only between two items that each type alone.
# “甲”“乙”“丙”: quoted items written one after another need no separator
_SEPARATOR = re.compile(r"[、，,；;|｜/\s]+|(?<=”)(?=“)")
_CONJUNCTION = re.compile(r"以及|和|及|与")
# what must stand inside a span for it to hold two items (see _pieces)
_LIST_MARK = re.compile(_SEPARATOR.pattern + "|" + _CONJUNCTION.pattern)
_ENUMERATION = re.compile(r"^\s*(?:[(（][0-9一二三四五六七八九十]+[)）]|[0-9一二三四五六七八九十]+[.．、)）]"
                          r"|第[0-9一二三四五六七八九十]+[名位][:：]?|[0-9]{1,4}(?=\s)|[-*](?=\s)|[•●▪■◆◇○・·])\s*")
_NOTE = re.compile(r"\s*[(（][^()（）]{0,40}[)）]\s*$")
_NOT_IN_NAMES = orgs.NOT_IN_NAMES  # 青岛在内的, 我市的: a phrase, not a name
_INNER_TOWN = re.compile(r"(?:乡|镇|街道)(?=[\u3400-\u9fff]{2,8}(?:村|社区)$)")
_PLACE_ENDS = ("市", "县", "区", "州", "旗", "盟", "镇", "乡", "村", "岛")
_CJK_NAME = orgs.CJK_NAME
_PERSON_LINE = re.compile(r"^([\u3400-\u9fff])[ \u3000]+([\u3400-\u9fff]{1,2})[ \u3000]+(\S.*)$|"
                          r"^([\u3400-\u9fff]{2,4})(?:[(（][^()（）]{1,8}[)）])?"
                          r"(?:[ \u3000]+|\s*(?P<colon>[：:])\s*|(?P<comma>[，,]))(\S.*)$")
_GENDER = re.compile(r"^[男女][ \u3000]+")
# 张三，男，汉族，中共党员，1970年5月生，某某公司技师: what a short biography says first
_BIO = re.compile(r"^(?:(?:[男女]|[\u3400-\u9fff]{1,3}族|中共党员|中共预备党员|群众|无党派人士|"
                  r"[0-9]{4}年(?:[0-9]{1,2}月)?(?:出)?生|[0-9]{1,3}岁)[，,、\s]*)+")
_COUNT = re.compile(r"(?:共|计)?([0-9]+|[一二三四五六七八九十两百千]+)(?:个|家|地|座|名|所|位|项|批|城|县|区|市|镇|人|支)")
_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_SENTENCE_END = re.compile(r"[。！？!?]$")
# 一、国家园林城市（共46个）: a heading that counts what follows, never an item line
_COUNT_NOTE = re.compile(r"[(（](?:共|计)?[0-9一二三四五六七八九十百]+[个家座所名位项]?[)）]\s*$")
# 1 某某集团有限公司 3565245 12.5%: the figures a ranking sets after each item, columns of their own
_FIGURES = re.compile(r"(?:[ \u3000\t]+[-+]?[0-9][0-9,.]*(?:%|万元|亿元|万|亿)?)+\s*$")


@dataclass(frozen=True)
class Item:
    """One item of a list: offsets are into the text of sentence `sentence`."""

    sentence: int
    start: int
    end: int
    text: str
    kind: str              # "place", "town", "org" or "person"
    place: object = None   # kg.gazetteer.Place for a division
    note: str = ""         # what the line says about the item (a post, an employer, a note)


@dataclass(frozen=True)
class Block:
    """Items set out line by line, and the heading lines above them (nearest last)."""

    items: tuple[Item, ...]
    headings: tuple[tuple[int, str], ...]   # (sentence index, text)
    first: int                              # sentence index of the first item line


# -- inline lists -----------------------------------------------------------------------------

def items(text: str, start: int, end: int, res: Resources, *, sentence: int = 0,
          category: str | None = None) -> list[Item] | None:
    """Every piece of text[start:end] as a typed item, or None when a piece is no item.

    `category` ("org", "place", "person") types pieces that are names of no known kind."""
    span = text[start:end]
    found = places.items(span, res)
    pieces = _pieces(span, res, found, category)
    if not pieces:
        return None
    if category == "person" and re.search(r"[；;]", span):
        # 某公司总经理甲、某村党支部书记、村委会主任乙；某公司技师丙: posts may hold 、, so
        # the people are read by the people layer, chunk by chunk
        listed = _people_listed(text, start, end, res, sentence)
        if listed:
            return listed
    out: list[Item] = []
    for p0, p1 in pieces:
        item = _typed(span, p0, p1, found, res, category)
        if item is None:
            if category is None and _among_places(span, pieces, found, res):
                # 新沂市、东台市、大丰市: a city the gazetteer no longer knows, among places
                return items(text, start, end, res, sentence=sentence, category="place")
            return None
        kind, i0, i1, place, note = item
        if kind != "context":
            out.append(Item(sentence, start + i0, start + i1, span[i0:i1], kind, place, note))
    return out or None


def _among_places(span: str, pieces, found, res: Resources) -> bool:
    """Most pieces are places, and those that are not are written like one (…市, …县)."""
    kinds = [(_typed(span, p0, p1, found, res, None) or ("",))[0] for p0, p1 in pieces]
    unknown = [span[p0:p1] for (p0, p1), kind in zip(pieces, kinds) if not kind]
    return kinds.count("place") >= 2 and len(unknown) < kinds.count("place") and all(
        _CJK_NAME.match(u) and len(u) <= 8 and u.endswith(("市", "县", "区")) for u in unknown)


def _people_listed(text: str, start: int, end: int, res: Resources,
                   sentence: int) -> list[Item] | None:
    out: list[Item] = []
    pos = start
    for chunk in re.split(r"[；;]", text[start:end]):
        c0 = pos
        pos += len(chunk) + 1
        if not chunk.strip():
            continue
        people_found = people_layer.find(chunk, res)
        if people_found and people_found[-1].end >= len(chunk.rstrip("。 ")):
            for p in people_found:
                out.append(Item(sentence, c0 + p.start, c0 + p.end, p.name, "person", None,
                                chunk[: p.start]))
            continue
        # piece by piece; a piece that is only a post (党支部书记、) belongs to the next one
        held, at = "", c0
        for piece in chunk.split("、"):
            whole = held + piece
            person = _person_with_posts(whole.rstrip("。 "), res)
            if person is None:
                held += piece + "、"
                continue
            begin = at - len(held)
            out.append(Item(sentence, begin + person.start, begin + person.end, person.name,
                            "person", None, whole[: person.start]))
            held = ""
            at += len(piece) + 1
            continue
        if held.strip("、。 "):
            return None
    return out or None


def category_of(text: str, res: Resources) -> str | None:
    """What a category noun after a list counts: 企业/家/单位 organisations, 城市 places ..."""
    words = [(s, w) for s, _e, w in res.lexicon.finditer("list_category", text)
             if not (len(w) == 1 and s > 0 and not _COUNTER_BEFORE.search(text[max(0, s - 2):s]))]
    end = res.lexicon.ends_with("list_category", text)
    if end and len(end) == 1 and len(text) > 1 \
            and not _COUNTER_BEFORE.search(text[max(0, len(text) - 3):-1]):
        end = None  # 银行家, 企业家: a person's noun, not 家 counting companies
    word = end or (words[0][1] if words else None)
    return res.lexicon.value("list_category", word) if word else None


# a number or a classifier just before a one-character category (10家, 10个乡村, 各县)
_COUNTER_BEFORE = re.compile(r"[0-9一二三四五六七八九十百千两几多余每各个座所名位批]")


def count(text: str) -> int | None:
    """The last count written in `text` (27个, 十家, 共46个), or None."""
    match = None
    for match in _COUNT.finditer(text):
        pass
    return number(match.group(1)) if match else None


def counts(text: str) -> list[int]:
    """Every count written in `text`, in order."""
    return [n for n in (number(m.group(1)) for m in _COUNT.finditer(text)) if n is not None]


def numbering(text: str) -> re.Match | None:
    """The number that leads a list line or heading (1. / 一、 / （二） / 第3名), if any."""
    return _ENUMERATION.match(text)


def number(digits: str) -> int | None:
    if digits.isdigit():
        return int(digits)
    total, current = 0, 0
    for ch in digits:
        if ch in _NUMERALS:
            current = _NUMERALS[ch]
        elif ch == "两":
            current = 2
        elif ch in "十百千":
            total += (current or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            current = 0
        else:
            return None
    return total + current


def _pieces(span: str, res: Resources, found, category=None) -> list[tuple[int, int]]:
    """Offsets of the pieces of a list, split at separators and between items at 和/及/与."""
    out: list[tuple[int, int]] = []
    pos = 0
    inside = _bracketed(span) if "(" in span or "（" in span else ()
    for match in _SEPARATOR.finditer(span + "、"):
        if match.start() in inside:
            continue  # 昆山市（江苏 苏州）: a space or comma inside a note splits nothing
        if match.start() > pos:
            out.extend(_split_conjunctions(span, pos, match.start(), res, found, category))
        pos = match.end()
    return out


def _bracketed(span: str) -> set[int]:
    """Offsets inside brackets (（…）, (…))."""
    inside, depth = set(), 0
    for i, ch in enumerate(span):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(depth - 1, 0)
        elif depth:
            inside.add(i)
    return inside


def _split_conjunctions(span, p0, p1, res, found, category=None) -> list[tuple[int, int]]:
    piece = span[p0:p1]
    if _typed(span, p0, p1, found, res, category) is not None and not _CONJUNCTION.search(piece):
        return [(p0, p1)]
    for match in _CONJUNCTION.finditer(piece):
        at = p0 + match.start()
        if any(f.start <= at < f.end for f in found):
            continue  # 和平区, 天津市和平区: the conjunction is inside a place's name
        left, right = (p0, p0 + match.start()), (p0 + match.end(), p1)
        if left[1] > left[0] and right[1] > right[0] \
                and _typed(span, *left, found, res, category) is not None \
                and _typed(span, *right, found, res, category) is not None:
            # A及B和C: the right part may join two more
            return [left, *_split_conjunctions(span, *right, res, found, category)]
    return [(p0, p1)]


def _typed(span: str, p0: int, p1: int, found, res: Resources, category: str | None):
    """(kind, start, end, place, note) for the piece span[p0:p1], or None."""
    # `found` is places.items(span): the key holds all the result depends on. Splitting at
    # conjunctions types each piece, then items() types it again (half the calls repeat).
    key = ("typed", span, p0, p1, category)
    if key not in res.memo:
        res.memo[key] = _type_piece(span, p0, p1, found, res, category)
    return res.memo[key]


def _type_piece(span: str, p0: int, p1: int, found, res: Resources, category: str | None):
    piece = span[p0:p1]
    note = ""
    lead = _ENUMERATION.match(piece)
    if lead:
        p0 += lead.end()
        piece = span[p0:p1]
    if len(piece) > 3 and piece[0] == "“" and piece[-1] == "”" and "”" not in piece[1:-1]:
        p0, p1 = p0 + 1, p1 - 1  # “某某”: a brand's name in quotes is the name
        piece = span[p0:p1]
    tail = _NOTE.search(piece)
    if tail and tail.start() > 0:
        note = tail.group().strip()[1:-1]
        p1 = p0 + tail.start()
        piece = span[p0:p1]
    if len(piece) < 2:
        return None
    inside = [f for f in found if f.start >= p0 and f.end <= p1]
    if inside and inside[-1].end == p1:
        covered = _path_start(span, p0, inside[-1].start, res)
        if covered is not None:
            item = inside[-1]
            return "place", item.start, item.end, item.place, note
    if category == "person" and 2 <= len(piece) <= 3 and _CJK_NAME.match(piece) \
            and res.lexicon.is_surname_start(piece) and not res.places.lookup(piece):
        return "person", p0, p1, None, note  # 魏某科: a name, though it ends like a body (科)
    if category == "person" and note and 2 <= len(piece) <= 4 and _CJK_NAME.match(piece) \
            and places.items(note, res):
        return "person", p0, p1, None, note  # 扎西(西藏): a name of any origin, and where from
    if category in (None, "person") and note and _CJK_NAME.match(piece) \
            and is_name(piece, res) and _names_a_post(note, res):
        return "person", p0, p1, None, note  # 张三（某某公司技术员）: the post in brackets
    person = _person_with_posts(piece, res) if category in (None, "person") else None
    if person is not None:
        # 某某公司数控车工张三: the person, with what the words before the name say of them
        return "person", p0 + person.start, p0 + person.end, None, piece[: person.start]
    if not inside and _is_place_name(piece, res):
        if _ambiguous_place(piece, res):
            return "town", p0, p1, None, note  # 朝阳区、海淀区: 朝阳区 of which city, unsaid
        return "context", p0, p1, None, note  # 江苏省 南京市、泰州市: the path of what follows
    if orgs.is_org(piece, res, places_ok=False) and not _is_place_name(piece, res):
        return "org", p0, p1, None, note
    if orgs.company_short_name(piece, res):
        return "org", p0, p1, None, note  # 某某电子科技, 某某乳业: a company by its short name
    town = res.lexicon.ends_with("town_suffix", piece)
    site = res.lexicon.ends_with("site_suffix", piece)
    if site and town and len(site) > len(town) and _is_site(piece, site, res):
        return "site", p0, p1, None, note  # 某某古镇, 某某小镇: a site named after its place
    if town and _is_town(piece, town, res):
        at = _town_start(span, p0, p1, len(town), res)
        inner = _INNER_TOWN.search(span, p0, p1)
        if inner and p1 - inner.end() > len(town) and inner.end() > p0:
            # 九华乡茶坪村: the village, after the township it lies in, even when its name
            # starts like a place (某乡柳林水村: not 柳林 + 水村)
            at = inner.end()
        return "town", at, p1, None, note
    if site and _is_site(piece, site, res):
        return "site", p0, p1, None, note  # 某市某区某某文化街区: a named place people visit
    if category and _CJK_NAME.match(piece) and len(piece) <= 16 \
            and not _NOT_IN_NAMES.search(piece) \
            and (category != "place" or piece.endswith(_PLACE_ENDS)):
        if category != "person" or res.lexicon.is_surname_start(piece) and len(piece) <= 4:
            # a place the gazetteer does not know is named as written
            return ("town" if category == "place" else category), p0, p1, None, note
    return None


def company_items(text: str, start: int, end: int, res: Resources, *,
                  sentence: int = 0) -> list[Item] | None:
    """A list of companies of which some go by short names (某某移动、某某电力、某某电子): when at
    least half of the pieces are organisations by their head noun or trade, or carry a stock
    code, the others (names of two to six characters) are companies too. None otherwise."""
    found = items(text, start, end, res, sentence=sentence, category="org")
    if not found or len(found) < 2 or any(i.kind != "org" for i in found):
        return None
    weak = [i for i in found if not (orgs.is_org(i.text, res, places_ok=False)
                                     or orgs.company_short_name(i.text, res)
                                     or orgs.is_stock_code(i.note))]
    if len(weak) * 2 > len(found) or any(not 2 <= len(i.text) <= 6 for i in weak):
        return None
    return found


def _is_site(piece: str, suffix: str, res: Resources) -> bool:
    """A name before a site's suffix: two characters at least, no function words, and not a
    generic phrase standing alone (历史文化街区) unless a place names where it is."""
    head = piece[: -len(suffix)]
    if len(head) < 2 or not _CJK_NAME.match(piece) or _NOT_IN_NAMES.search(piece) \
            or len(piece) > 30:
        return False
    return len(head) <= 6 or bool(places.items(head, res))


def _person_with_posts(piece: str, res: Resources):
    """The person a piece names after their posts, when the name ends the piece."""
    if len(piece) < 4 or not (res.lexicon.is_surname_start(piece[-3:])
                              or res.lexicon.is_surname_start(piece[-2:])
                              or "·" in piece):
        return None  # no name can end the piece
    found = people_layer.find(piece, res)
    if found and found[-1].end == len(piece) and found[-1].posts and len(found) == 1:
        return found[-1]
    # 某某公司数控车工王某: a post the title list does not hold, known by how posts end
    if orgs.is_org(piece, res, places_ok=False):
        return None
    for size in (3, 2):
        name, before = piece[-size:], piece[:-size]
        if _CJK_NAME.match(name) and res.lexicon.is_surname_start(name) \
                and name[-1] not in "系室部院所厂" \
                and res.lexicon.ends_with("post_suffix", before) and len(before) >= 2 \
                and not res.places.lookup(name) and not res.orgs.lookup(name):
            return people_layer.PersonMention(name, len(before), len(piece))
    return None


def _is_town(piece: str, suffix: str, res: Resources) -> bool:
    """某某镇, 某某乡, 永修县城: a name below the gazetteer, not a title that ends like one
    (国家卫生乡镇, 国家园林县城)."""
    if not _CJK_NAME.match(piece) or len(piece) <= len(suffix) or len(piece) > 20:
        return False
    if suffix == "县城":  # a county's short name before it; a title has more (国家园林县城)
        return len(piece) <= 4 or bool(res.places.lookup(piece[:-2] + "县")) or bool(
            res.places.find(piece[:-2]))
    head = res.lexicon.ends_with("title_head", piece)
    if head and len(head) > len(suffix) and len(piece) - len(head) >= 2:
        # 阳城县润城镇 is a town; 国家卫生城镇 a title; 固村镇 too short for one
        return _after_county(piece, res)
    return True


def _after_county(piece: str, res: Resources) -> bool:
    """The piece is a county's path and a short name (晋城市阳城县润城镇, 汾阳市杏花村镇)."""
    found = [f for f in res.places.find(piece)]
    if not found or found[0][0] != 0:
        return False
    end = 0
    for start, stop, _surface, _code in found:
        if start != end:
            break
        end = stop
    path = piece[:end]
    return path.endswith(("县", "市", "区", "旗")) and 2 <= len(piece) - end <= 5


def _path_start(span: str, p0: int, at: int, res: Resources) -> int | None:
    """Where an item starting at `at` begins when span[p0:at] is only the path of places that
    contain it (江苏省, 江苏, 南京市), or None when something else stands before it."""
    if at == p0:
        return at
    rest = span[p0:at]
    for _s, _e, surface, _c in res.places.find(rest):
        rest = rest.replace(surface, "", 1)
    return at if not rest.strip(" ：:") else None


def _town_start(span: str, p0: int, p1: int, suffix: int, res: Resources) -> int:
    """南昌县蒋巷镇: a town's name starts after the places written before it, unless they are
    the name itself (永修县城)."""
    end, outer = 0, None
    for start, stop, _surface, candidates in res.places.find(span[p0:p1]):
        inner = [c for c in candidates if outer is None or _within(c, outer)]
        if start != end or p0 + stop >= p1 - suffix or not inner:
            break  # 屏南县龙潭溪村: a place's name inside the village's is no part of its path
        end, outer = stop, inner[0]
    return p0 + end


_PREFIX = {"province": 2, "prefecture": 4}


def _within(place, outer) -> bool:
    """The place lies in `outer` by their GB/T 2260 codes (a county has nothing below it)."""
    size = _PREFIX.get(outer.level)
    return bool(size) and place.code != outer.code and place.code.startswith(outer.code[:size])


def _ambiguous_place(piece: str, res: Resources) -> bool:
    """One full name of several places (朝阳区: in Beijing and in Changchun)."""
    found = res.places.find(piece)
    return len(found) == 1 and found[0][2] == piece and len(found[0][3]) > 1 \
        and piece.endswith(("市", "县", "区", "旗"))


def _is_place_name(piece: str, res: Resources) -> bool:
    """The piece is nothing but place names (南京市, 江苏南京), not a name that starts with one."""
    rest = piece
    for _s, _e, surface, _c in res.places.find(piece):
        rest = rest.replace(surface, "", 1)
    return not rest


# -- lists set out line by line ---------------------------------------------------------------

def blocks(texts: list[str], res: Resources) -> list[Block]:
    """Runs of consecutive item lines, with the heading lines above each run."""
    out: list[Block] = []
    current: list[Item] = []
    first = -1
    headings: list[tuple[int, str]] = []
    for index, text in enumerate(texts):
        if _cell_only(text, res):
            continue  # a table set out one cell a line: 序号, 企业名称, 1, 2 hold no item
        found = line_items(text, res, index)
        following, next_text = _next_items(texts, index, res)
        if found and current and _only_a_province(text, found, following, res, next_text):
            continue  # 山西省 on a line of its own, then its counties one a line
        if found and _only_a_province(text, found, following, res, next_text) and following:
            if not current:
                first = index + 1
            continue
        if found:
            if not current:
                first = index
            current.extend(found)
            continue
        if current:
            out.append(Block(_without_region_cells(_without_group_lines(current)),
                             tuple(headings[-3:]), first))
            current, headings = [], []
        headings.append((index, text))
    if current:
        out.append(Block(_without_region_cells(_without_group_lines(current)),
                         tuple(headings[-3:]), first))
    return out


def _without_group_lines(found: list[Item]) -> list[Item]:
    """某某学部 on a line of its own among lines of people: the group the people below it
    belong to, a sub-heading, not an item."""
    people = [i for i in found if i.kind == "person"]
    if len(people) < 2:
        return found
    per_line: dict[int, int] = {}
    for i in found:
        per_line[i.sentence] = per_line.get(i.sentence, 0) + 1
    return [i for i in found if not (i.kind == "org" and per_line[i.sentence] == 1)]


def _cell_only(text: str, res: Resources) -> bool:
    body = re.sub(r"[ \u3000]", "", text)  # 省 份: a header cell spaced out to fill its column
    return bool(_SERIAL.match(body)) or body in res.lexicon.words("table_header")


def _without_region_cells(found: list[Item]) -> tuple[Item, ...]:
    """A table set out one cell a line (某某有限公司, then 北仑区): the place after each
    organisation says where it is; it is no item of its own."""
    kinds = [i.kind for i in found]
    orgs_at = [k for k, kind in enumerate(kinds) if kind in ("org", "site")]
    if len(orgs_at) < 2 or any(kind not in ("org", "site", "place", "town") for kind in kinds):
        return tuple(found)
    places_at = [k for k, kind in enumerate(kinds) if kind in ("place", "town")]
    if places_at and all(k > 0 and kinds[k - 1] in ("org", "site") for k in places_at) \
            and len(places_at) >= len(orgs_at) - 1:
        return tuple(i for i in found if i.kind in ("org", "site"))
    return tuple(found)


def _next_items(texts: list[str], index: int, res: Resources) -> tuple[list[Item], str]:
    """The items of the next line that is not a lone table cell, and its text."""
    for k in range(index + 1, min(len(texts), index + 4)):
        if not _cell_only(texts[k], res):
            return line_items(texts[k], res, k), texts[k]
    return [], ""


def _county_path_in(following: list[Item], next_text: str, city, res: Resources) -> bool:
    """The first town of the next line is written after a county of `city` (南昌县向塘镇)."""
    path = [p for _s, _e, _surface, candidates in res.places.find(next_text[:following[0].start])
            for p in candidates]
    return any(res.places.contains(city, p) and p.code != city.code for p in path)


def _only_a_province(text: str, found: list[Item], following: list[Item], res: Resources,
                     next_text: str = "") -> bool:
    """A line that names a province alone (山西省, 3、山西省) heads the lines of its places; a
    municipality alone (北京市) does when the next line's places lie in it, else it is an item
    of a list of cities."""
    if len(found) != 1 or found[0].kind != "place" \
            or found[0].place.level not in ("province", "prefecture"):
        return False
    body = text.strip()
    lead = _ENUMERATION.match(body)
    if (body[lead.end():] if lead else body).strip() != found[0].text:
        return False
    if found[0].place.level == "prefecture":
        # 南昌市, then 南昌县向塘镇、蒋巷镇: a city heading the towns of its counties
        return bool(following) and all(i.kind == "town" for i in following) \
            and _county_path_in(following, next_text, found[0].place, res)
    if not found[0].place.is_municipality:
        return True
    return bool(following) and all(
        i.kind == "place" and res.places.contains(found[0].place, i.place) for i in following)


def is_heading(text: str) -> bool:
    """A line with no sentence end that is short enough to be a heading or a list's name."""
    return 2 <= len(text) <= 60 and not _SENTENCE_END.search(text)


def line_items(text: str, res: Resources, index: int = 0) -> list[Item]:
    """The items a line holds when it is nothing but a list line, else []."""
    key = ("line_items", text, index)
    if key not in res.memo:
        res.memo[key] = _line_items(text, res, index)
    return res.memo[key]


def _line_items(text: str, res: Resources, index: int) -> list[Item]:
    if text.rstrip().endswith("。") and re.match(r"^\s*\S{0,6}?[\u3400-\u9fff]{2,4}[，,]", text):
        # 张三，男，汉族，某某公司技师。: one person's short biography on a line of its own
        person = _person_line(text.rstrip()[:-1], res, index)
        if person:
            return [person]
    if text.rstrip().endswith("。") and len(text) <= 400 and re.search(r"[、；;]", text) \
            and not _NOT_IN_NAMES.search(text):
        # 某区甲镇、乙镇,某区丙镇。/ 某甲有限公司、某乙有限公司。: a line of places or of
        # organisations that happens to end like a sentence
        found = _line_items(text.rstrip()[:-1], res, index)
        kinds = {i.kind for i in found}
        return found if len(found) > 1 and (kinds <= {"place", "town"}
                                            or kinds <= {"org", "site"}
                                            and not re.search(r"[:：]", text)) else []
    if _SENTENCE_END.search(text) or len(text) > 400 or _COUNT_NOTE.search(text):
        return []
    if text.count("|") + text.count("｜") >= 2:
        row = _table_row(text, res, index)
        if row:
            return row
    person = _person_line(text, res, index) or _unit_then_name(text, res, index)
    if person:
        return [person]
    body = text.strip()
    offset = text.index(body) if body else 0
    lead = _ENUMERATION.match(body)
    skip = lead.end() if lead else 0
    if lead:
        body = _FIGURES.sub("", body)
    # 江苏省：苏州市、扬州市 / 北京市 | 东城区、西城区 | / 南昌市：某镇: the first cell places the rest
    cells = re.split(r"\s*[:：|｜]\s*", body[skip:], maxsplit=1)
    if len(cells) == 2 and cells[1].strip(" |｜"):
        at = offset + skip + body[skip:].index(cells[1])
        head = _COUNT_NOTE.sub("", cells[0]).strip()
        context = places.items(head, res)
        found = items(text, at, offset + len(body), res, sentence=index)
        if context and found and all(i.kind in ("place", "town") for i in found):
            return found
        # 浙江省（5家）：某某有限公司、…: a place that groups the organisations after it
        if context and found and context[0].surface == head \
                and all(i.kind in ("org", "site") for i in found):
            return found
        # 上海：江某 某某中学教师: where the person comes from, then the person
        person = _person_line(text[at:], res, index) if context and context[0].surface == head \
            else None
        if person:
            return [replace(person, start=person.start + at, end=person.end + at)]
        if re.match(r"\s*[:：]", body[skip + len(cells[0]):]):
            return []  # 金奖：某公司 / 年度最佳某某：A、B: what the colon names is no item
    found = items(text, offset + skip, offset + len(body), res, sentence=index)
    if found and len(found) > 1 and found[0].kind == "place" and all(
            i.kind == "town" or i.kind == "place" and res.places.contains(found[0].place, i.place)
            for i in found[1:]) and (found[0].place.level == "province"
                                     or text[found[0].end:found[0].end + 1] in (" ", "\u3000", "\t")):
        # 江苏省 南京市六合区，泰州市 / 苏州市　昆山市、太仓市: the first column places the rest;
        # 枣庄市、滕州市 are two items, though one holds the other
        found = found[1:]
    if found and len(found) > 1 and found[0].kind in ("org", "site") and all(
            i.kind in ("place", "town") for i in found[1:]):
        found = found[:1]  # 1　某某科技有限公司　北仑区: the region column says where it is
    if lead:
        found = _without_region_columns(found, res)
    if found and (len(found) > 1 or found[0].kind in ("place", "org", "town", "site")):
        return found
    return []


def _without_region_columns(found: list[Item] | None, res: Resources) -> list[Item] | None:
    """1　某县级市　某省某市: a ranked line names its item, then the province or city that
    holds it; a place after one it holds says where that one is."""
    if not found:
        return found
    return [i for k, i in enumerate(found)
            if not (i.kind == "place" and any(j.place is not None and j.place != i.place
                                              and res.places.contains(i.place, j.place)
                                              for j in found[:k]))]


_CELL = re.compile(r"[^|｜]+")
_SERIAL = re.compile(r"^\s*[0-9]+[.．、]?\s*$")


def _table_row(text: str, res: Resources, index: int) -> list[Item]:
    """| 1 | 某某科技有限公司 | 某省某市 |: a row of a table; its item is the first cell that
    names an organisation, or the places of a row of places; serial numbers and the other
    cells are left out (they describe the item)."""
    cells = [(m.start(), m.end()) for m in _CELL.finditer(text) if m.group().strip()]
    cells = [(s, e) for s, e in cells if not _SERIAL.match(text[s:e])]
    person = _person_row(text, cells, res, index)
    if person:
        return [person]
    for s, e in cells:
        s += len(text[s:e]) - len(text[s:e].lstrip())
        e -= len(text[s:e]) - len(text[s:e].rstrip())
        found = items(text, s, e, res, sentence=index)
        if found and all(i.kind == "org" for i in found):
            return found
    # 北京市 | 东城区、西城区 / 河北省 | 石家庄市 | 唐山市: places in cells, the first perhaps the
    # province that places the rest
    out: list[Item] = []
    for s, e in cells:
        s += len(text[s:e]) - len(text[s:e].lstrip())
        e -= len(text[s:e]) - len(text[s:e].rstrip())
        found = items(text, s, e, res, sentence=index)
        if not found or not all(i.kind in ("place", "town") for i in found):
            return []
        out.extend(found)
    if len(out) > 1 and out[0].kind == "place" and all(
            i.kind == "town" or i.kind == "place" and res.places.contains(out[0].place, i.place)
            for i in out[1:]):
        out = out[1:]
    return _without_region_columns(out, res) or []


def _person_row(text: str, cells: list[tuple[int, int]], res: Resources,
                index: int) -> Item | None:
    """| 1 | 王某某 | 某某公司 | 技术员 |: a name in the first cell, then where the person works
    and their post, in one cell or two."""
    if len(cells) < 2:
        return None
    s, e = cells[0]
    name = re.sub(r"[ \u3000]", "", text[s:e])  # 王　刚: a name spaced out to its column
    if not (2 <= len(name) <= 4 and is_name(name, res)) or res.places.lookup(name) \
            or orgs.is_org(name, res) and len(name) > 3:
        return None
    rest = [text[a:b].strip() for a, b in cells[1:]]
    rest = [_GENDER.sub("", r + " ").strip() for r in rest]
    note = "".join(r for r in rest if r and not _BIO.fullmatch(r + "，"))
    if not note or not _names_a_post(note, res):
        return None
    start = s + (len(text[s:e]) - len(text[s:e].lstrip()))
    if text[start:start + len(name)] != name:
        return Item(index, start, start + len(text[s:e].strip()), name, "person", None, note)
    return Item(index, start, start + len(name), name, "person", None, note)


_UNIT_NAME = re.compile(r"^\s*(\S{3,30}?)[ \u3000]+([\u3400-\u9fff]{2,3})\s*$")


def _unit_then_name(text: str, res: Resources, index: int) -> Item | None:
    """某某县人民医院　李某华: the unit in one column, the name in the next."""
    match = _UNIT_NAME.match(_ENUMERATION.sub("", text) if _ENUMERATION.match(text) else text)
    if not match:
        return None
    unit, name = match.group(1), match.group(2)
    if not ((orgs.is_org(unit, res, places_ok=False) or orgs.company_short_name(unit, res))
            and is_name(name, res)):
        return None  # 某某证券 陈某: a company by its short name, then the person
    start = text.rindex(name)
    return Item(index, start, start + len(name), name, "person", None, unit)


def _names_a_post(note: str, res: Resources) -> bool:
    """某某公司技术员, 某某医院: a note that names a body or ends in a post."""
    return bool(orgs.is_org(note, res) or res.lexicon.ends_with("post_suffix", note)
                or any(t.end == len(note) for t in people_layer.titles_in(note, res)))


def _person_line(text: str, res: Resources, index: int) -> Item | None:
    """张 三 某某公司工程师 / 李四 某某大学教授: a name, spaces, then what the person is."""
    body = text.strip()
    lead = _ENUMERATION.match(body)  # （一）张三　男　某某卫生院医生
    if lead and lead.end() < len(body):
        body = body[lead.end():]
    match = _PERSON_LINE.match(body)
    if not match:
        return _person_noted(text, body, res, index)
    offset = text.index(body)
    if match.group(1):
        name = match.group(1) + match.group(2)
        start, end = offset + match.start(1), offset + match.end(2)
        note = match.group(3)
    else:
        name = match.group(4)
        start, end = offset + match.start(4), offset + match.end(4)
        note = match.groups()[-1]
    note = _GENDER.sub("", note or "")  # 男/女 in a column of its own says nothing of the post
    if not res.lexicon.is_surname_start(name) or not note or len(note) < 2:
        return None
    if match.group("comma"):
        note = _BIO.sub("", note).rstrip("。")
        if len(note) < 2 or not _names_a_post(note, res):
            return None  # 张三，你好: a comma after a name is no column
    if match.group("colon") and (name in res.titles or res.lexicon.ends_with("title_head", name)
                                 or name in res.lexicon.words("list_category")):
        return None  # 金奖：某某公司, 组长：…: a title or a post before the colon, not a name
    if res.places.lookup(name) or name in res.lexicon.words("country") or (
            orgs.is_org(name, res) and len(name) > 3):
        return None  # 宋建国 ends like a country (…国) but is a name
    return Item(index, start, end, name, "person", None, note.strip())


_PERSON_NOTED = re.compile(r"^([\u3400-\u9fff]{2,4})[(（]([^()（）]{2,40})[)）]$")


def _person_noted(text: str, body: str, res: Resources, index: int) -> Item | None:
    """王某某（某某公司技术员）: a name, and in brackets the post or body the person is from."""
    match = _PERSON_NOTED.match(body)
    if not match or not is_name(match.group(1), res) or not _names_a_post(match.group(2), res):
        return None
    name, note = match.group(1), match.group(2)
    start = text.index(body)
    return Item(index, start, start + len(name), name, "person", None, note)


# -- lists of people at an event ----------------------------------------------------------------

# 出席开幕式的还有: / 参加会议的各方嘉宾还有 / 在会上致辞的有: the verb, then (after 的) the list
# 出席开幕式的还有A、B; 致辞嘉宾包括：某某主席甲，某国副总理乙 (the speakers named as a list)
_PRESENT_AFTER = re.compile(r"(出席|参加|参会|参与|致辞|讲话|发言|演讲)(?:[^，,。；;：:的]{0,12}?的"
                            r"[^，,。；;：:的有]{0,14}?(?:还|人员|领导)?(?:有|包括)"
                            r"|(?<=致辞|讲话|发言|演讲)嘉宾(?:包括|有|为|是))[:：]?")
_LIST_END = re.compile(r"(?:等(?:人|领导|同志)?)?(?:[，,。；;]|$)")


@dataclass(frozen=True)
class Present:
    """People listed after the verb that says why they are there (出席…的还有A、B)."""

    verb: str           # the attending or speaking verb
    verb_at: int
    lead_end: int       # where the list begins
    people: tuple[Item, ...]


def people(text: str, res: Resources, sentence: int = 0) -> list[Item]:
    """Names listed as present: A、B、C参加会议 / 市领导A、B出席 (the list right before an
    attending or speaking verb), and 出席会议的还有A、B以及C等 (the list after 的有)."""
    found: list[Item] = []
    for verb in ("attend_verb", "speak_verb"):
        for at, _end, _word in res.lexicon.finditer(verb, text):
            found.extend(_names_before(text, at, res, sentence))
    for present in present_after(text, res, sentence):
        found.extend(present.people)
    return found


def present_after(text: str, res: Resources, sentence: int = 0) -> list[Present]:
    """出席会议的还有A、B以及C等; 出席开幕式的嘉宾还有：某省省长甲、某市市长乙: bare names,
    or people with their posts as the people layer reads them."""
    key = ("present_after", text, sentence)
    if key not in res.memo:  # read for the people an article names, then for their facts
        res.memo[key] = _present_after(text, res, sentence)
    return res.memo[key]


def _present_after(text: str, res: Resources, sentence: int) -> list[Present]:
    out = []
    for match in _PRESENT_AFTER.finditer(text):
        end = _LIST_END.search(text, match.end())
        stop = end.start() if end else len(text)
        names = items(text, match.end(), stop, res, sentence=sentence, category="person")
        colon = match.group().endswith((":", "："))
        valid = bool(names) and all(is_name(i.text, res) for i in names)
        if colon or not valid:
            # after a colon, people with their posts may be split by commas too
            names = _posted_people(text, match.end(), res, sentence) or (names if valid else [])
        if names:
            out.append(Present(match.group(1), match.start(1), match.end(), tuple(names)))
    return out


def _posted_people(text: str, start: int, res: Resources, sentence: int) -> list[Item]:
    """The people the people layer finds from `start` on, each one's post between it and the
    one before; the list ends at a clause that is no post (over 40 characters, or a stop)."""
    span = text[start:]
    out, pos = [], 0
    for p in people_layer.find(span, res):
        between = span[pos:p.start]
        if p.represented or len(between) > 40 or re.search(r"[。；;！？!?]", between):
            break
        out.append(Item(sentence, start + p.start, start + p.end, p.name, "person", None,
                        between.strip("、，,和及以及与 ") or None))
        pos = p.end
    return out


_TOGETHER = re.compile(r"(?:共同|一同|一起|一道|分别|先后|同时)?$")


def _names_before(text: str, at: int, res: Resources, sentence: int) -> list[Item]:
    """The names right before the verb, and the groups of names before them that commas
    join to the same verb (市领导A、B、C，市政府秘书长D等参加…)."""
    end = at - len(_TOGETHER.search(text, 0, at).group())  # A、B等共同参加
    while end > 0 and text[end - 1] in "等也还均和及与":
        end -= 1
    # A、B在主席台就座, A、B在京: where they were is not part of the list (尤在晶: in a name)
    where = re.search(r"在([^，,。；;、在]{1,8})$", text[:end])
    if where and (len(where.group(1)) > 1 or places.abbreviation(where.group(1), res)):
        end = where.start()
        while end > 0 and text[end - 1] in "等也还均和及与":
            end -= 1
    found: list[Item] = []
    while True:
        start = max(text.rfind(c, 0, end) for c in "，,。；;：:\n") + 1
        group = _name_group(text, start, end, res, sentence)
        if not group:
            return found
        found = group + found
        if start == 0 or text[start - 1] not in "，,":
            return found
        end = start - 1


def _name_group(text: str, start: int, end: int, res: Resources, sentence: int) -> list[Item]:
    """The names that make up the tail of text[start:end]: two or more names, or the people
    the people layer finds ending there (市政府秘书长D)."""
    for s in range(start, end - 4):
        if not _LIST_MARK.search(text, s, end):
            break  # one piece at most from here on: two names need a separator or 和/及/与
        if s > start and text[s - 1] not in "、 ":
            if not any(text.endswith(w, 0, s) for w in ("领导", "同志", "嘉宾")):
                continue
        names = items(text, s, end, res, sentence=sentence, category="person")
        if names and len(names) >= 2 and all(is_name(i.text, res) for i in names):
            return names
    led = max(text.rfind("领导", start, end), text.rfind("嘉宾", start, end))
    if led > start and text[led + 2:led + 3] not in "和与及等们" and is_name(text[led + 2:end], res):
        # 某某管委会领导甲: one name after 领导 is a person too
        return [Item(sentence, led + 2, end, text[led + 2:end], "person")]
    # the whole text, not the clause: a name cut off at the verb would look whole
    found = [p for p in people_layer.find(text, res) if start <= p.start and p.end <= end]
    if found and found[-1].end == end:
        return [Item(sentence, p.start, p.end, p.name, "person") for p in found]
    return []


def is_name(name: str, res: Resources) -> bool:
    """A name a person could bear, and not a place, a body or a title."""
    if not 2 <= len(name) <= 4 or not res.lexicon.is_surname_start(name):
        return False
    if len(name) == 4 and name[:2] not in res.lexicon.compound_surnames:
        return False
    return not (res.places.lookup(name) or res.orgs.lookup(name) or name in res.titles.titles
                or len(name) > 3 and orgs.is_org(name, res))
