"""Turn an HTML body full of site boilerplate into clean paragraphs and metadata."""
from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources

import lxml.html
from lxml import etree

from kg.model import Article
from kg.text import sentences

_JUNK_TAGS = ("style", "script", "iframe", "noscript", "object", "embed", "video", "audio",
              "figcaption", "nav", "footer", "header", "form", "button", "svg", "canvas")
# Sina wraps QR codes, image captions and video lists in elements with these class fragments.
_JUNK_CLASSES = re.compile(r"appendQr|img_descr|img_wrapper|video|caption|share|qrcode|"
                           r"article-notice|hqimg", re.I)
_BLOCKS = ("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section",
           "article", "blockquote", "pre", "table", "ul", "ol", "dd", "dt")
_INDENT = re.compile(r"^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$")
_LABEL_SEP = re.compile(r"^\s*[:：]\s*")
# 集團(tuán): some mirrors print a character's reading after it. A gloss holds pinyin letters
# only, with at least one tone mark, so (AI), (CEO) and (2023) stay.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GLOSS = re.compile(rf"(?<=[\u3400-\u9fff])[(（](?=[a-zü{_TONED} ]{{0,11}}[{_TONED}])"
                    rf"[a-zü{_TONED}]+(?: [a-zü{_TONED}]+)*[)）]")


@dataclass(frozen=True)
class Boilerplate:
    drop: tuple[str, ...]
    meta: tuple[tuple[str, str], ...]  # (label, field), longest label first

    @classmethod
    def load(cls) -> "Boilerplate":
        return _packaged()

    @classmethod
    def parse(cls, text: str) -> "Boilerplate":
        drop, meta = [], []
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            kind, value, *rest = line.split("\t")
            if kind == "drop":
                drop.append(value)
            else:
                meta.append((value, rest[0]))
        meta.sort(key=lambda m: -len(m[0]))
        return cls(tuple(drop), tuple(meta))


@functools.cache
def _packaged() -> Boilerplate:
    """The packaged list, read once a process: every article's reader asks for it (reading it
    per article cost about 2% of a worker's time), and it never changes while kg runs."""
    return Boilerplate.parse(resources.files("kg").joinpath("data", "boilerplate.tsv")
                             .read_text("utf-8"))


@dataclass
class Body:
    paragraphs: list[str]
    meta: dict[str, list[str]] = field(default_factory=dict)


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr", "p", "li", "option", "td", "tr", "th", "dt", "dd"}
# Real pages nest a few dozen levels; thousands is an attack or a broken generator, and the
# parser's time grows badly with depth, so such input is refused before parsing.
MAX_DEPTH = 1000


def nesting_depth(html: str) -> int:
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if name.lower() in _VOID or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def html_paragraphs(html: str) -> list[str]:
    """The visible text of an HTML fragment, one paragraph per line, boilerplate elements removed."""
    if nesting_depth(html) > MAX_DEPTH:
        raise RecursionError("HTML nested too deeply")
    if not html.strip():
        return []
    try:
        root = lxml.html.document_fromstring(html, parser=_parser())
    except (etree.ParserError, ValueError):
        return text_paragraphs(html)
    junk = [el for el in root.iter()
            if not isinstance(el.tag, str) or el.tag in _JUNK_TAGS or el.tag == "img"
            or _JUNK_CLASSES.search(el.get("class") or "")]
    junk_ids = set(map(id, junk))  # once: per element it made reading quadratic
    for el in junk:
        if el.getparent() is not None and not _inside(el, junk_ids):
            el.drop_tree()  # keeps the text that follows the element
    in_cells = _inside_data_cells(root)
    in_cell_ids = set(map(id, in_cells))
    for el in root.iter(*_BLOCKS):
        gap = " " if id(el) in in_cell_ids else "\n"
        el.text = gap + (el.text or "")
        el.tail = gap + (el.tail or "")
    for el in root.iter("td", "th"):
        # a table row reads as one line of cells, not as their texts run together
        el.tail = " | " + (el.tail or "")
    return text_paragraphs(root.text_content())


# A cell holding more text than this, or a sentence, is a page's layout, not a table's data.
_DATA_CELL = 200


def _inside_data_cells(root) -> list:
    """The blocks inside a table's data cells (<td><p>1</p></td>, as word processors write
    them): they part words of one cell, not lines, so a row stays one line."""
    inside: list = []  # the elements themselves: an id is only unique while they live
    for cell in root.iter("td", "th"):
        if next(cell.iterdescendants("table"), None) is not None:
            continue
        content = cell.text_content()
        if len(content) > _DATA_CELL or "。" in content:
            continue  # sentences: the page's text laid out in a cell
        inside.extend(cell.iterdescendants(*_BLOCKS))
    return inside


def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(remove_comments=True, remove_pis=True)


def _inside(el, junk_ids: set[int]) -> bool:
    """Whether an ancestor of `el` is junk too (it goes with it)."""
    return any(id(a) in junk_ids for a in el.iterancestors())


def text_paragraphs(text: str) -> list[str]:
    if "(" in text or "（" in text:
        text = _GLOSS.sub("", text)
    lines = (_INDENT.sub("", line) for line in text.splitlines())
    return [line for line in lines if line]


def split_boilerplate(paragraphs: list[str], boilerplate: Boilerplate) -> Body:
    body = Body([])
    for para in paragraphs:
        if any(para.startswith(d) for d in boilerplate.drop):
            continue
        field_name = _meta_field(para, boilerplate, body)
        if field_name is None:
            body.paragraphs.append(para)
    return body


def _meta_field(para: str, boilerplate: Boilerplate, body: Body) -> str | None:
    for label, field_name in boilerplate.meta:
        if para.startswith(label):
            rest = para[len(label):]
            sep = _LABEL_SEP.match(rest)
            if not sep:
                continue
            value = rest[sep.end():].strip()
            if field_name == "sources":
                values = [v.strip() for v in re.split(r"[、,，;；/]", value) if v.strip()]
            else:
                values = [value] if value else []
            body.meta.setdefault(field_name, []).extend(values)
            return field_name
    return None


def article_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def assemble(*, data: bytes, path: str, title: str, body: Body, published: datetime | None,
             categories: tuple[str, ...] = (), publisher: str | None = None,
             url: str | None = None, extra: tuple[tuple[str, str], ...] = ()) -> Article:
    text = "\n".join(body.paragraphs)
    meta = body.meta
    return Article(
        id=article_id(data),
        path=path,
        title=title,
        text=text,
        sentences=tuple(sentences.split(text)),
        published=published,
        categories=categories,
        publisher=publisher,
        editor=(meta.get("editor") or [None])[0],
        sources=tuple(dict.fromkeys(meta.get("sources", []))),
        original_title=(meta.get("original_title") or [None])[0],
        url=url,
        extra=extra,
    )
