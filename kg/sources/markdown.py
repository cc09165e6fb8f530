"""Hexo/Jekyll markdown: YAML front matter and an HTML (or markdown-ish) body."""
from __future__ import annotations

import re

import yaml

from kg import errors
from kg.errors import InputError
from kg.model import Article
from kg.sources import body as bodies
from kg.text.dates import parse_published

# libyaml's safe loader when PyYAML was built with it (ten times faster), else the pure one
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT = re.compile(r"\A\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(text: str, path: str) -> tuple[dict, str]:
    match = _FRONT.match(text)
    if not match:
        return {}, text
    try:
        meta = load_front_matter(match.group(1)) or {}
    except yaml.YAMLError as exc:
        detail = str(exc).splitlines()[0]
        raise InputError(path, errors.BAD_FRONT_MATTER.format(detail=detail)) from None
    if not isinstance(meta, dict):
        raise InputError(path, errors.BAD_FRONT_MATTER.format(detail="not a mapping of keys"))
    return meta, text[match.end():]


class _FrontMatterLoader(_LOADER):
    """The safe loader, with dates that are not real dates (2021-13-45) read as text, so that
    one bad field is reported and left out instead of losing the article."""


def _timestamp_or_text(loader, node):
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def load_front_matter(text: str):
    """YAML front matter as Python data. Aliases (*name) are refused before anything is built:
    a few kilobytes of nested aliases expand to gigabytes (a "billion laughs"), and front
    matter has no use for them."""
    for event in yaml.parse(text, Loader=_FrontMatterLoader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.YAMLError(f"aliases (*{event.anchor}) are not allowed in front matter")
    return yaml.load(text, Loader=_FrontMatterLoader)


def checked_fields(meta: dict, notes: list[str] | None) -> dict:
    """The front matter without the fields kg reads that are not valid; each one left out is
    described in `notes` (the article itself is kept)."""
    meta = dict(meta)
    notes = notes if notes is not None else []

    def drop(name: str, why: str) -> None:
        del meta[name]
        notes.append(f"front matter field {name!r} left out: {why}")

    date = meta.get("date")
    if date is not None:
        shown = str(date)[:40]
        if re.match(r"\s*[+-]?\d{5,}", shown):
            drop("date", f"{shown!r} has a year out of range")
        elif parse_published(date) is None:
            drop("date", f"{shown!r} is not a date")
    for name in ("categories", "tags"):
        value = meta.get(name)
        # one name written as a scalar (categories: 2021) is one category; a mapping is none
        if isinstance(value, dict):
            drop(name, f"{str(value)[:40]!r} is not a list of names")
    return meta


def parse(text: str, data: bytes, path: str, *, notes: list[str] | None = None) -> Article:
    meta, body_text = split_front_matter(text, path)
    meta = checked_fields(meta, notes)
    paragraphs = without_markup(bodies.html_paragraphs(body_text))
    body = bodies.split_boilerplate(paragraphs, bodies.Boilerplate.load())
    if not body.paragraphs:
        raise InputError(path, errors.NO_TEXT)
    title = _title(meta, body)
    categories = meta.get("categories") or meta.get("tags") or ()
    if not isinstance(categories, (list, tuple, dict)):
        categories = (categories,)  # one category written as a scalar: `categories: 2021`
    known = {"title", "date", "categories", "author", "url", "permalink", "link"}
    extra = tuple(sorted((str(k), str(v)) for k, v in meta.items()
                         if k not in known and v is not None))
    return bodies.assemble(
        data=data, path=path, title=title, body=body,
        published=parse_published(meta.get("date")),
        categories=tuple(str(c) for c in categories if c is not None),
        publisher=_str(meta.get("author")),
        url=_str(meta.get("url") or meta.get("link") or meta.get("permalink")),
        extra=extra,
    )


# Markdown's own markup in a body that is mostly HTML: what it marks is text, the marks are not.
_HEADING = re.compile(r"^(?:#{1,6}|>+)\s+")
_STRONG = re.compile(r"\*\*|__")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:https?:|/)[^)]*\)")
_RULE_ROW = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$|^(?:[-*_]\s*){3,}$")


def without_markup(paragraphs: list[str]) -> list[str]:
    """## 一、名单, **某某**, [某某](https://…), a table's |---|---| row: the text alone."""
    out = []
    for line in paragraphs:
        if _RULE_ROW.match(line):
            continue
        line = _LINK.sub(r"\1", _IMAGE.sub("", _STRONG.sub("", _HEADING.sub("", line)))).strip()
        if line:
            out.append(line)
    return out


def _title(meta: dict, body: bodies.Body) -> str:
    # Feed pipelines replace quotes in the front-matter title with underscores; the body's
    # 原标题 line keeps them, so prefer it when it is there.
    original = (body.meta.get("original_title") or [None])[0]
    title = _str(meta.get("title"))
    return original or title or body.paragraphs[0][:60]


def _str(value) -> str | None:
    return None if value is None else str(value).strip() or None
