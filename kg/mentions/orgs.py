"""Organisation names: known ones from the gazetteer, unknown ones by their head noun (…协会, …局)."""
from __future__ import annotations

import re

from kg.resources import Resources

# Words a candidate organisation name is cut after when read leftwards from its head noun.
_LEFT_CUT = re.compile(r".*(?:[的是有为由在把将对向给据经及等了并]|以及|联合|会同|包括|其中|邀请|"
                       r"我市|我省|我区|我县|本市|本省)")
_PLACE_HEADS = ("市", "省", "县", "区", "州", "国")
_RELATIVE = ("省", "市", "县", "区", "州")


def clean(candidate: str, res: Resources) -> str | None:
    """The organisation that `candidate` ends with, or None when it does not end with one.

    A body inside an organisation (…研究会学术委员会, …研究院理事会) gives the organisation."""
    org = _clean(candidate, res)
    if org:
        inner = res.lexicon.ends_with("org_inner_body", org)
        if inner and is_org(org[: -len(inner)], res, places_ok=False):
            return org[: -len(inner)]
    return org


def _clean(candidate: str, res: Resources) -> str | None:
    text = candidate.strip(" “”\"'《》")
    known = _known_suffix(text, res)
    cut = _LEFT_CUT.match(text)
    if cut and (known is None or len(text) - cut.end() > len(known)):
        text = text[cut.end():]
    if not text:
        return None
    if known and not text.endswith(known):
        known = None
    if known and len(known) >= len(text):
        return known
    return text if is_org(text, res) else known


def is_org(text: str, res: Resources, *, places_ok: bool = True) -> bool:
    if len(text) < 2 or len(text) > 30:
        return False
    if res.orgs.lookup(text):
        return True
    for suffix, _kind in res.orgs.suffixes:
        if text.endswith(suffix):
            head = text[: -len(suffix)]
            if head or suffix[0] in _RELATIVE:
                return True
    return places_ok and len(text) >= 3 and text.endswith(_PLACE_HEADS)


def kind(text: str, res: Resources) -> str:
    org = res.orgs.lookup(text)
    if org:
        return org.kind
    for suffix, suffix_kind in res.orgs.suffixes:
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
