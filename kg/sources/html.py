"""A standalone HTML page: title from <title>/<h1>, text from <article> or the largest block."""
from __future__ import annotations

from bs4 import BeautifulSoup

from kg import errors
from kg.errors import InputError
from kg.model import Article
from kg.sources import body as bodies
from kg.text.dates import parse_published

_DATE_META = ("publishdate", "pubdate", "article:published_time", "og:published_time", "date")


def parse(text: str, data: bytes, path: str) -> Article:
    if bodies.nesting_depth(text) > bodies.MAX_DEPTH:
        raise RecursionError("HTML nested too deeply")
    soup = BeautifulSoup(text, "lxml")
    h1 = soup.find("h1")
    title = (h1.get_text(" ", strip=True) if h1 else "") or (
        soup.title.get_text(" ", strip=True) if soup.title else "")
    published = _published(soup)
    url = _url(soup)
    container = soup.find("article") or _largest_block(soup) or soup.body or soup
    for tag in container.find_all(["h1"]):
        tag.decompose()
    for tag in container.find_all(class_=("date", "time", "pubtime")):
        if published is None:
            published = parse_published(tag.get_text(strip=True))
        tag.decompose()
    body = bodies.split_boilerplate(bodies.html_paragraphs(str(container)),
                                    bodies.Boilerplate.load())
    if not body.paragraphs:
        raise InputError(path, errors.NO_TEXT)
    return bodies.assemble(data=data, path=path, title=title or body.paragraphs[0][:60],
                           body=body, published=published, url=url)


def _published(soup: BeautifulSoup):
    for meta in soup.find_all("meta"):
        key = (meta.get("name") or meta.get("property") or "").lower()
        if key in _DATE_META and meta.get("content"):
            parsed = parse_published(meta["content"])
            if parsed:
                return parsed
    time_tag = soup.find("time")
    if time_tag:
        return parse_published(time_tag.get("datetime") or time_tag.get_text(strip=True))
    return None


def _url(soup: BeautifulSoup) -> str | None:
    canonical = soup.find("link", rel="canonical")
    if canonical and canonical.get("href"):
        return canonical["href"]
    og = soup.find("meta", property="og:url")
    return og.get("content") if og else None


def _largest_block(soup: BeautifulSoup):
    best, best_len = None, 0
    for tag in soup.find_all(["div", "section", "main", "td"]):
        length = sum(len(p.get_text(strip=True)) for p in tag.find_all("p", recursive=False))
        if length > best_len:
            best, best_len = tag, length
    return best
