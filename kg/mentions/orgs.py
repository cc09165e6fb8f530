"""Organisation names: known ones from the gazetteer, unknown ones by their head noun (…协会, …局)."""
from __future__ import annotations

import re

from kg.resources import Resources
from kg.text.trie import trie_pattern

_PLACE_HEADS = ("市", "省", "县", "区", "州", "国")
# a name in Han characters (and the dot of foreign names); characters that show a piece is a
# phrase, not a name (青岛在内的, 我市的). The list parser reads pieces with the same two.
CJK_NAME = re.compile(r"^[\u3400-\u9fff·]{2,20}$")
NOT_IN_NAMES = re.compile(r"[的在了是将为与和及等内]")
_RELATIVE = ("省", "市", "县", "区", "州")


def clean(candidate: str, res: Resources) -> str | None:
    """The organisation that `candidate` ends with, or None when it does not end with one.

    A body inside an organisation (…研究会学术委员会, …研究院理事会) gives the organisation."""
    key = ("org_clean", candidate)  # the people layer asks twice for each post's words
    if key not in res.memo:
        res.memo[key] = _clean_inner(candidate, res)
    return res.memo[key]


# 某公司第七届董事会: the term of a body inside an organisation
_TERM = re.compile(r"第[0-9一二三四五六七八九十]+届$")


def _clean_inner(candidate: str, res: Resources) -> str | None:
    org = _clean(candidate, res)
    if org:
        inner = res.lexicon.ends_with("org_inner_body", org)
        outer = _TERM.sub("", org[: -len(inner)]) if inner else ""
        if inner and (is_org(outer, res, places_ok=False)
                      or res.lexicon.value("org_anaphor", outer)):
            return outer  # 公司第七届董事会: the company the article is about
        if inner and not outer and _TERM.search(org[: -len(inner)]):
            return "公司"  # 第三届董事会 alone: the board of the company the article is about
    return org


# 文/某某晚报, ——某某局, 2019年某部, ，与某银行: a credit, a dash, a year or 与 before the name is
# no part of it (与 inside a name stays: 某某创新与发展研究会)
_LEAD_JUNK = re.compile(r"^(?:.{0,4}/|[—\-－]+|[0-9]{4}年(?:度)?|与)")


def _clean(candidate: str, res: Resources) -> str | None:
    text = _LEAD_JUNK.sub("", candidate.strip(" “”\"'《》"))
    known = _known_suffix(text, res)
    cut = left_cut(text, res)
    if cut and (known is None or len(text) - cut >= len(known)):
        text = text[cut:]
    if not text:
        return None
    if res.lexicon.value("org_anaphor", text):
        return text  # 集团, 该行: the body the article is about (base.org resolves it)
    if known and not text.endswith(known):
        known = None
    if known and len(known) >= len(text):
        return known
    return text if is_org(text, res) else known


def left_cut(text: str, res: Resources) -> int:
    """Where a name read leftwards from its head noun begins: after the last word that cannot be
    inside it (的, 由, 在, 联合 ... from lexicon org_left_cut), unless that word is part of a word
    names are made of (有限公司, 经济, 数据局, 高等: lexicon org_name_word)."""
    inside = [(s, e) for s, e, _w in res.lexicon.finditer("org_name_word", text)]
    cut = 0
    for start, end, _word in res.lexicon.finditer("org_left_cut", text):
        if not any(s <= start < e for s, e in inside):
            cut = end
    return cut


def is_org(text: str, res: Resources, *, places_ok: bool = True) -> bool:
    if len(text) < 2 or len(text) > 30:
        return False
    if res.orgs.lookup(text):
        return True
    for suffix, _kind in _suffixes_ending(text, res):
        if text.endswith(suffix):
            head = text[: -len(suffix)]
            if head or suffix[0] in _RELATIVE:
                return True
    return places_ok and len(text) >= 3 and text.endswith(_PLACE_HEADS)


def _suffixes_ending(text: str, res: Resources) -> tuple[tuple[str, str], ...]:
    """The head nouns that end with the text's last character, longest first (an index built
    once: the lists call this for every piece of every list)."""
    table = res.index.get("org_suffix_by_last")
    if table is None:
        grouped: dict[str, list[tuple[str, str]]] = {}
        for suffix, suffix_kind in res.orgs.suffixes:
            grouped.setdefault(suffix[-1], []).append((suffix, suffix_kind))
        table = res.index["org_suffix_by_last"] = {c: tuple(v) for c, v in grouped.items()}
    return table.get(text[-1:], ())


def head_nouns(res: Resources) -> str:
    """Regex source matching any organisation head noun of two characters or more (集团,
    有限公司, 研究院), longest first: the one-character ones (部, 局) say too little alone."""
    source = res.index.get("org_head_nouns")
    if source is None:
        source = res.index["org_head_nouns"] = trie_pattern(
            s for s, _k in res.orgs.suffixes if len(s) >= 2)
    return source


def kind(text: str, res: Resources) -> str:
    org = res.orgs.lookup(text)
    if org:
        return org.kind
    for suffix, suffix_kind in _suffixes_ending(text, res):
        if text.endswith(suffix):
            return suffix_kind
    return "GovernmentBody" if text.endswith(_PLACE_HEADS) else "Organization"


def is_relative(name: str) -> bool:
    """省委, 市政府, 省商务厅: names that only mean something next to the article's place."""
    return name[:1] in _RELATIVE and not name.startswith(("市场", "县域", "区域"))


def _known_suffix(text: str, res: Resources) -> str | None:
    best = None
    for start, end, surface, _org in res.orgs.find(text):
        if end == len(text) and (best is None or len(surface) > len(best)):
            best = surface
    return best


# 联合 joins organisations (A联合B); in 联合会, 联合国 it is part of a name
_LIST_SEPARATORS = re.compile(r"[、，,]|以及|及|联合(?![会国体社])|会同")


def split_list(text: str, res: Resources) -> list[str]:
    """A coordinated list of organisations (A、B和C, A联合B) as names; [] when any item is
    not one."""
    items: list[str] = []
    for part in _LIST_SEPARATORS.split(text):
        part = part.strip()
        if not part:
            continue
        pieces = _split_conjunction(part, res)
        if pieces is None:
            return []
        items.extend(pieces)
    return items


def _split_conjunction(part: str, res: Resources) -> list[str] | None:
    if is_org(part, res, places_ok=False):
        whole = res.orgs.lookup(part)
        if whole or not re.search(r"[和与]", part):
            return [part]
    for match in re.finditer(r"[和与]", part):
        left, right = part[: match.start()], part[match.end():]
        if is_org(left, res, places_ok=False) and is_org(right, res, places_ok=False):
            return [left, right]
    return [part] if is_org(part, res, places_ok=False) else None


def article_company(article, noun: str, res: Resources) -> str | None:
    """公司, 本公司, 该集团: the first organisation the article names in full that ends with the
    same noun (某某股份有限公司), or None."""
    key = ("article_company", article.id, article.text, noun)
    if key not in res.memo:
        texts = res.texts(article)
        # the company named with a stock code first (公司 in finance news is the listed one);
        # then a full name ending in the noun (该校: 大学|学院|学校, the first the article names)
        res.memo[key] = _listed(texts, noun, res) or next(
            (found for n in noun.split("|") for found in [_first_ending(texts, n, res)] if found),
            None) or _short_named(texts, noun, res)
    return res.memo[key]


def _short_named(texts: list[str], noun: str, res: Resources) -> str | None:
    """东禾证券举行发布会，公司首席经济学家…: with no full name and no stock code, 公司 is the
    one company the article names by its trade (某某证券, 某某银行)."""
    if noun != "公司":
        return None
    found: list[str] = []
    for text in texts:
        for _s, end, _w in res.lexicon.finditer("company_trade", text):
            start = max(text.rfind(c, 0, end) for c in "，,。；;：:、 “”《》()（）") + 1
            piece = text[start:end]
            piece = piece[left_cut(piece, res):]
            for at in range(max(0, len(piece) - 12), len(piece) - 3):
                if company_short_name(piece[at:], res):
                    found.append(piece[at:])
                    break
    names = set(found)
    return found[0] if len(names) == 1 else None


# 600123, 600123.SH, 00700, 0700.HK, SZ 000123, and two of them (SZ 000123,HK 00123); never a
# bare year (某论坛(2023))
_CODE = r"(?:[A-Za-z]{2}\s?[0-9]{4,6}|[0-9]{5,6}(?:\.[A-Za-z]{2})?|[0-9]{4}\.[A-Za-z]{2})"
_CODES = rf"(?:(?:股票|证券)代码[:：]?)?{_CODE}(?:[,，、;；]\s*{_CODE})*"
_CODES_ONLY = re.compile(_CODES)
# 某某股份（600123）, 某某(600123.SH), 某某（股票代码：002993）: the stock code finance news puts
# after the name of the listed company an article is about
_STOCK_CODE = re.compile(rf"([\u3400-\u9fffA-Za-z]{{2,16}})[(（]{_CODES}[)）]")


def is_stock_code(text: str) -> bool:
    """What a bracket holds is a stock code or two (600123.SH; SZ 000123,HK 00123)."""
    return bool(_CODES_ONLY.fullmatch(text.strip()))


def _listed(texts: list[str], noun: str, res: Resources) -> str | None:
    """The first company named with a stock code: 公司 there is the listed company, whatever
    its short name ends with."""
    if noun != "公司":
        return None
    for text in texts:
        for match in _STOCK_CODE.finditer(text):
            name = match.group(1)
            cut = left_cut(name, res)
            name = name[cut:] if len(name) - cut >= 2 else name
            if len(name) >= 2:
                return name
    return None


def _first_ending(texts: list[str], noun: str, res: Resources) -> str | None:
    for text in texts:
        for match in re.finditer(re.escape(noun), text):
            start = max(text.rfind(c, 0, match.start()) for c in "，,。；;：:、 ") + 1
            cleaned = clean(text[start:match.end()], res)
            if cleaned and len(cleaned) >= len(noun) + 2 and cleaned.endswith(noun) \
                    and not is_relative(cleaned) and cleaned[0] not in "本该其" \
                    and (len(cleaned) > len(noun) + 2
                         or noun != "公司" and is_org(cleaned, res, places_ok=False)):
                return cleaned
    return None


def company_short_name(piece: str, res: Resources) -> bool:
    """A name and the trade a company is in (某某电源, 某某乳业, 合肥某某汽车): a company, when
    what comes before the trade is a name, not another trade or a modifier (生物医药, 新能源汽车,
    高端装备 are industries)."""
    if not 4 <= len(piece) <= 12 or not CJK_NAME.match(piece) or NOT_IN_NAMES.search(piece):
        return False
    trade = res.lexicon.ends_with("company_trade", piece)
    if not trade:
        return False
    head = piece[: -len(trade)]
    while True:  # 某某电子科技: a name and two trades
        more = res.lexicon.ends_with("company_trade", head)
        if not more or len(head) - len(more) < 2:
            break
        head = head[: -len(more)]
    return len(head) >= 2 and not res.lexicon.ends_with("company_trade", head) \
        and not res.lexicon.ends_with("trade_modifier", head) \
        and not res.lexicon.starts_with("trade_modifier", head)


# 某某控股有限公司（以下简称“某某金融”）, （下称“公司”）, （简称“某某”）: a name the article gives
_ALIAS = re.compile(r"([^，,。；;：:（(“”]{2,40}?)[（(](?:以下|下文)?(?:简称|称)[:：]?[“\"]"
                    r"([^”\"]{2,12})[”\"][）)]")


def article_aliases(article, res: Resources) -> dict[str, str]:
    """The short names the article defines for organisations: short name -> full name."""
    key = ("article_aliases", article.id, article.text)
    if key not in res.memo:
        found: dict[str, str] = {}
        for text in res.texts(article):
            if "称" not in text:
                continue  # most sentences define no name: skip the pattern
            for match in _ALIAS.finditer(text):
                full = clean(match.group(1), res)
                if full and full != match.group(2):
                    found.setdefault(match.group(2), full)
        res.memo[key] = found
    return res.memo[key]
