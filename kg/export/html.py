"""Interactive HTML view of the graph: one self-contained, offline page drawn with vis-network.

pyvis is used only as the carrier of the vis-network library (``pyvis/lib/vis-9.1.2``): its HTML
template links Bootstrap and tom-select from CDNs (in every ``cdn_resources`` mode), switches all
tooltips to ``innerHTML`` as soon as one title contains ``href``, inserts ``heading`` raw, writes
with the locale's encoding and mints random ids, so the page here comes from our own template:

- offline: the JS and CSS of vis-network are inlined; the page has no ``src``/``href`` attribute,
  no ``<link>`` and no ``url()`` other than the ``data:`` images inside vis-network's CSS;
- safe: the data travels as JSON in a ``<script type="application/json">`` block with ``<``, ``>``,
  ``&``, U+2028 and U+2029 escaped; the header is HTML-escaped here; every string from the graph
  reaches the DOM through ``textContent`` (tooltips are DOM elements built in JS, never HTML);
- for investigating: a side panel opened by a click gives an entity's label, type, IRI,
  aliases and every fact about it grouped by relation, each with its evidence sentences and
  their articles (headline, date, URL or file); focus on a 1-2 hop neighbourhood; the header's
  sources select an article's facts; filters by class, relation, article date range and
  isolation, each refitting the view; labels by zoom (the most connected always); PNG export;
- big graphs: positions are computed here (a deterministic force layout in pure Python, no numpy)
  and physics stays off in the browser, so the page is drawn once and is interactive at once;
  above ``max_nodes`` the most connected entities are kept and the page says what was left out;
- written as UTF-8 whatever the locale, atomically.

The same graph gives a byte-identical page: nodes and edges are sorted, ids are ordinal, no clock,
no randomness.
"""
from __future__ import annotations

import html
import json
import math
import os
from collections import deque
from functools import lru_cache
from importlib import resources

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg import facts
from kg.export.atomic import write_text
from kg.vocab import KG, NAMESPACE, PROV, RELATIONS, SCHEMA, labels, load_ontology

__all__ = ["write", "render", "DEFAULT_TITLE"]

DEFAULT_TITLE = "知识图谱"

# Above this many drawn nodes the browser also hides edges while dragging / zooming.
LARGE_GRAPH = 300
MAX_EVIDENCE = 5          # evidence sentences per edge tooltip
MAX_NODE_EVIDENCE = 3     # evidence sentences per node tooltip
MAX_TEXT = 300            # characters per evidence sentence / literal in a tooltip
MAX_LABEL = 18            # characters of a node label drawn on the canvas (full text in tooltip)
MAX_ARTICLES = 200        # articles listed in the header
MAX_PANEL_EVIDENCE = 5    # evidence sentences per fact in the entity panel
ALWAYS_LABELLED = 0.03    # this share of the drawn nodes (the most connected) is always labelled
MIN_ALWAYS_LABELLED = 20  # ... and at least this many
EDGE_LENGTH = 110.0       # ideal edge length of the layout, in vis-network canvas units
BLOCKS = 12               # far-field repulsion works on a BLOCKS x BLOCKS grid of the drawing
FAR_FIELD = 0.1           # ... at this fraction of the near-field strength
WORK_BUDGET = 6_000_000   # node pairs the near field may look at per component (bounds the time)

# Entity classes, most specific first: a node typed with several takes the first one listed.
# class local name -> (colour, vis shape). Shapes all draw the label below the node, so that
# `size` (by degree) applies to every class.
CLASS_STYLE: dict[str, tuple[str, str]] = {
    "Person": ("#e15759", "dot"),
    "GovernmentBody": ("#2f5d8a", "square"),
    "Organization": ("#6a9fd4", "square"),
    "County": ("#9ccf6a", "triangle"),
    "City": ("#3f9e4d", "triangle"),
    "Province": ("#1d6b35", "hexagon"),
    "Place": ("#7fbf9f", "triangle"),
    "Event": ("#f28e2b", "star"),
    "Document": ("#b07aa1", "triangleDown"),
    "Title": ("#e6b800", "diamond"),
}
OTHER = "Other"
OTHER_STYLE = ("#9d9d9d", "dot")
OTHER_LABEL = "其他"

ARTICLE = KG.Article
# Evidence sentence of a reified statement; prov:value is read too, for graphs made elsewhere.
EVIDENCE_PROPS = (KG.sentence, PROV.value)
# kg relations drawn as edges (entity -> entity); literal ones go into the node tooltip.
LITERAL_PROPS = ("jobTitle", "heldOn", "code")
EDGE_RELATIONS = tuple(r for r in RELATIONS if r not in LITERAL_PROPS) + ("partOf",)
FACT_RELATIONS = frozenset(RELATIONS) | {"partOf"}
SOURCE_PROPS = (PROV.wasDerivedFrom, DCTERMS.source, PROV.hadPrimarySource)

FONT_FACE = ('"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
             '"WenQuanYi Micro Hei", sans-serif')

VIS_DIR = ("lib", "vis-9.1.2")


# --------------------------------------------------------------------------------------------
# public API


def write(graph: Graph, path: str | os.PathLike, *, title: str | None = None,
          max_nodes: int = 1000, ontology: Graph | None = None,
          source: str | None = None, totals: dict | None = None) -> None:
    """Write the interactive page for `graph` to `path` (UTF-8, atomically).

    `source` (optional) names where the graph came from (a file name); it is shown in the header.
    `totals`: see render."""
    write_text(path, render(graph, title=title, max_nodes=max_nodes, ontology=ontology,
                            source=source, totals=totals))


def render(graph: Graph, *, title: str | None = None, max_nodes: int = 1000,
           ontology: Graph | None = None, source: str | None = None,
           totals: dict | None = None, articles: list[dict] | None = None,
           article_count: int | None = None) -> str:
    """The interactive page for `graph` as a string (a complete, offline HTML document).

    `totals`, when given, describes the whole graph that `graph` was cut from (for builds too
    big to hand over whole): articles, entities, facts, edges and entities by class; the header
    and the notice of what is left out then speak of the whole graph. `articles`, when given,
    are the rows of every article (see `article_rows`), made batch by batch by a build too big
    to hold all its articles in one graph; `graph` then need hold only the articles that its
    evidence cites. With `article_count`, `articles` may hold only some of them, sorted: at
    least the first MAX_ARTICLES (the header lists those), every one the evidence cites and the
    oldest dated one; the header counts `article_count`."""
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, not {max_nodes}")
    if ontology is None:
        ontology = load_ontology()
    zh = labels(ontology, "zh")
    view = _View(graph, zh, articles, article_count)
    data = view.data(max_nodes, totals)
    page = _page(title if title is not None else DEFAULT_TITLE, data, view.article_rows(), source)
    # A lone surrogate in scraped text must not make the UTF-8 write fail.
    return page.encode("utf-8", "replace").decode("utf-8")


# --------------------------------------------------------------------------------------------
# graph -> plain data


def _local(term) -> str:
    text = str(term)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1] or text
    return text


def _clip(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _pick_label(graph: Graph, node) -> str | None:
    """The Chinese rdfs:label if there is one, else any label; ties broken by sorting."""
    found = [o for o in graph.objects(node, RDFS.label) if isinstance(o, Literal)]
    if not found:
        found = [o for o in graph.objects(node, SKOS.prefLabel) if isinstance(o, Literal)]
    if not found:
        return None
    zh = sorted(str(o) for o in found if (o.language or "").lower().startswith("zh"))
    if zh:
        return zh[0]
    plain = sorted(str(o) for o in found if not o.language)
    return plain[0] if plain else sorted(str(o) for o in found)[0]


def _first(graph: Graph, node, *props) -> str | None:
    for prop in props:
        values = sorted(str(o) for o in graph.objects(node, prop)
                        if isinstance(o, Literal) and str(o).strip())
        if values:
            return values[0]
    return None


def article_rows(graph: Graph) -> list[dict]:
    """The rows of the articles in `graph`, in no order (`sort_article_rows` sorts them)."""
    return [_article_row(graph, a) for a in set(graph.subjects(RDF.type, ARTICLE))]


def _article_row(g: Graph, a) -> dict:
    return {
        "headline": _first(g, a, SCHEMA.headline) or _pick_label(g, a) or str(a),
        "publisher": _first(g, a, SCHEMA.publisher, DCTERMS.source) or "",
        "date": (_first(g, a, SCHEMA.datePublished, DCTERMS.date) or "")[:10],
        "iri": str(a),
        "url": _first(g, a, SCHEMA.url) or "",
        "file": _first(g, a, SCHEMA.archivedAt) or "",
    }


def sort_article_rows(rows: list[dict]) -> list[dict]:
    """Newest first, then by headline."""
    rows.sort(key=article_row_key)
    return rows


def article_row_key(row: dict) -> tuple:
    """The order of the page's articles: newest first, then by headline."""
    return (row["date"] == "", _neg(row["date"]), row["headline"], row["iri"])


class _View:
    def __init__(self, graph: Graph, zh: dict[str, str], articles: list[dict] | None = None,
                 article_count: int | None = None):
        self.graph = graph
        self.zh = zh
        self._rows = articles
        self._count = article_count
        class_terms = {URIRef(NAMESPACE + c): c for c in CLASS_STYLE}
        rank = {c: i for i, c in enumerate(CLASS_STYLE)}

        self.articles = set(graph.subjects(RDF.type, ARTICLE))
        statements = set(graph.subjects(RDF.type, RDF.Statement)) | set(graph.subjects(RDF.subject, None))

        # entity -> class local name
        self.cls: dict = {}
        for node, _, klass in graph.triples((None, RDF.type, None)):
            name = class_terms.get(klass)
            if name is None or node in self.articles or node in statements:
                continue
            old = self.cls.get(node)
            if old is None or rank[name] < rank[old]:
                self.cls[node] = name

        # Entity -> entity relation triples. Known relations may reach untyped nodes ("Other");
        # two passes so that the result does not depend on the order the store yields triples in.
        edge_preds = {URIRef(NAMESPACE + r) for r in EDGE_RELATIONS}
        literal_facts: list[tuple] = []
        candidates: list[tuple] = []
        for s, p, o in graph:
            if not isinstance(p, URIRef) or not str(p).startswith(NAMESPACE):
                continue
            if isinstance(s, Literal) or s in self.articles or s in statements:
                continue
            rel = str(p)[len(NAMESPACE):]
            if isinstance(o, Literal):
                if rel in FACT_RELATIONS:
                    literal_facts.append((s, p, o))
            elif o not in self.articles and o not in statements and rel not in LITERAL_PROPS:
                candidates.append((s, p, o))
        for s, p, o in candidates:
            if p in edge_preds:
                for end in (s, o):
                    if end not in self.cls and graph.value(end, RDF.type) is None:
                        self.cls[end] = OTHER
        self.edges: set[tuple] = {(s, p, o) for s, p, o in candidates
                                  if s in self.cls and o in self.cls and s != o}
        self.literal_facts = sorted({(s, p, o) for s, p, o in literal_facts if s in self.cls},
                                    key=lambda t: tuple(map(str, t)))
        fact_triples = (set(self.literal_facts)
                        | {e for e in self.edges if _local(e[1]) in FACT_RELATIONS})
        self.facts = facts.count(graph)  # kg/facts.py: the one definition of a fact

        self.label = {n: _pick_label(graph, n) or _local(n) for n in self.cls}
        self.key = {n: (self.label[n], str(n)) for n in self.cls}
        self.evidence = self._evidence(statements)
        self.pairs = self._pairs(statements)
        self.with_evidence = sum(1 for t in fact_triples if self.evidence.get(t, ([],))[0])
        # node -> evidence sentences of the statements about it (as subject first, then object)
        self.node_evidence: dict = {}
        for (s, _, o), (texts, _sources) in sorted(self.evidence.items(),
                                                   key=lambda kv: tuple(map(str, kv[0]))):
            for end, rank_ in ((s, 0), (o, 1)):
                if end in self.cls:
                    self.node_evidence.setdefault(end, set()).update((rank_, t) for t in texts)

    # evidence -------------------------------------------------------------------------------

    def _evidence(self, statements) -> dict[tuple, tuple[list[str], list[str]]]:
        """(s, p, o) -> (sorted evidence sentences, sorted source titles); tolerant of gaps."""
        g = self.graph
        out: dict[tuple, tuple[set, set]] = {}
        for st in statements:
            s, p, o = g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)
            if s is None or p is None or o is None:
                continue
            texts = {str(t) for prop in EVIDENCE_PROPS
                     for t in g.objects(st, prop) if isinstance(t, Literal) and str(t).strip()}
            sources = set()
            for prop in SOURCE_PROPS:
                for src in g.objects(st, prop):
                    if isinstance(src, Literal):
                        sources.add(str(src))
                        continue
                    name = _first(g, src, SCHEMA.headline) or _pick_label(g, src)
                    sources.add(str(name) if name else str(src))
            if texts or sources:
                entry = out.setdefault((s, p, o), (set(), set()))
                entry[0].update(texts)
                entry[1].update(sources)
        return {k: (sorted(v[0]), sorted(v[1])) for k, v in out.items()}

    def _pairs(self, statements) -> dict[tuple, list[tuple[str, object]]]:
        """(s, p, o) -> its (evidence sentence, article node) pairs, sorted, for the panel."""
        g = self.graph
        out: dict[tuple, set] = {}
        for st in statements:
            s, p, o = g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)
            if s is None or p is None or o is None:
                continue
            articles = [a for a in g.objects(st, PROV.wasDerivedFrom) if not isinstance(a, Literal)]
            for prop in EVIDENCE_PROPS:
                for t in g.objects(st, prop):
                    if isinstance(t, Literal) and str(t).strip():
                        for a in articles or [None]:
                            out.setdefault((s, p, o), set()).add((str(t), a))
        return {k: sorted(v, key=lambda x: (x[0], str(x[1]))) for k, v in out.items()}

    def article_rows(self) -> list[dict]:
        """The articles of the graph for the header: headline, publisher, date (newest first),
        and for the panel its URL and the file it was read from, when known."""
        if self._rows is not None:
            return self._rows
        return sort_article_rows([_article_row(self.graph, a) for a in self.articles])

    def article_count(self) -> int:
        if self._count is not None:
            return self._count
        return len(self.articles) if self._rows is None else len(self._rows)

    # tooltips -------------------------------------------------------------------------------

    def _literals(self, node, prop) -> list[str]:
        return sorted({_clip(o, MAX_TEXT) for o in self.graph.objects(node, prop)
                       if isinstance(o, Literal) and str(o).strip()})

    def _node_tip(self, node, degree: int) -> str:
        cls = self.cls[node]
        lines = [self.label[node], f"类型：{self._class_label(cls)}"]
        alt = [a for a in self._literals(node, SKOS.altLabel) if a != self.label[node]]
        if alt:
            lines.append("别名：" + "、".join(alt))
        for prop in LITERAL_PROPS:
            values = self._literals(node, URIRef(NAMESPACE + prop))
            if values:
                lines.append(f"{self.zh.get(prop, prop)}：" + "；".join(values))
        lines.append(f"关系数：{degree}")
        texts = [t for _, t in sorted(self.node_evidence.get(node, ()))]
        texts = list(dict.fromkeys(texts))
        if texts:
            lines.append("证据：")
            lines.extend("· " + _clip(t, MAX_TEXT) for t in texts[:MAX_NODE_EVIDENCE])
            if len(texts) > MAX_NODE_EVIDENCE:
                lines.append(f"……另有 {len(texts) - MAX_NODE_EVIDENCE} 句")
        lines.append(f"IRI：{node}" if isinstance(node, URIRef) else "IRI：（空白节点）")
        return "\n".join(lines)

    def _edge_tip(self, s, p, o) -> str:
        rel = self._rel_label(p)
        lines = [f"{self.label[s]} —{rel}→ {self.label[o]}"]
        texts, sources = self.evidence.get((s, p, o), ([], []))
        if texts:
            lines.append("证据：")
            lines.extend("· " + _clip(t, MAX_TEXT) for t in texts[:MAX_EVIDENCE])
            if len(texts) > MAX_EVIDENCE:
                lines.append(f"……另有 {len(texts) - MAX_EVIDENCE} 句")
        if sources:
            lines.append("来源：" + "；".join(_clip(t, 80) for t in sources[:MAX_EVIDENCE]))
        lines.append(f"关系：{p}")
        return "\n".join(lines)

    def _panel_evidence(self, fact: tuple, article_index: dict) -> list[list]:
        """[sentence, index of its article in data.articles or -1] for the entity panel."""
        return [[_clip(text, MAX_TEXT), article_index.get(str(a), -1) if a is not None else -1]
                for text, a in self.pairs.get(fact, [])[:MAX_PANEL_EVIDENCE]]

    def _class_label(self, cls: str) -> str:
        return OTHER_LABEL if cls == OTHER else self.zh.get(cls, cls)

    def _rel_label(self, p) -> str:
        local = _local(p)
        return self.zh.get(local, local)

    # selection, layout, data ------------------------------------------------------------------

    def data(self, max_nodes: int, totals: dict | None = None) -> dict:
        full = nx.MultiGraph()
        full.add_nodes_from(sorted(self.cls, key=self.key.get))
        full.add_edges_from((s, o) for s, _, o in self.edges)
        total = full.number_of_nodes()

        if total > max_nodes:
            ranked = sorted(full.nodes, key=lambda n: (-full.degree(n), self.key[n]))
            keep = set(ranked[:max_nodes])
        else:
            keep = set(full.nodes)
        nodes = sorted(keep, key=self.key.get)
        edges = sorted(((s, p, o) for s, p, o in self.edges if s in keep and o in keep),
                       key=lambda e: (self.key[e[0]], str(e[1]), self.key[e[2]]))

        drawn = nx.MultiGraph()
        drawn.add_nodes_from(nodes)
        drawn.add_edges_from((s, o) for s, _, o in edges)
        ids = {n: f"n{i}" for i, n in enumerate(nodes)}
        large = len(nodes) > LARGE_GRAPH
        positions = _layout(nx.Graph(drawn), nodes)

        by_degree = sorted(nodes, key=lambda n: (-drawn.degree(n), self.key[n]))
        always = max(MIN_ALWAYS_LABELLED, math.ceil(ALWAYS_LABELLED * len(nodes)))
        # the zoom (vis-network scale) from which a node's label is drawn: the most connected
        # always (0), the rest from 0.3 to 1.2 by rank, so that labels appear as you zoom in
        level = {n: 0 if r < always else
                 round(0.3 + 0.9 * (r - always) / max(1, len(nodes) - always), 3)
                 for r, n in enumerate(by_degree)}
        articles = self.article_rows()
        article_index = {row["iri"]: i for i, row in enumerate(articles)}

        node_rows = []
        for n in nodes:
            degree = drawn.degree(n)
            colour, shape = CLASS_STYLE.get(self.cls[n], OTHER_STYLE)
            alt = [a for a in self._literals(n, SKOS.altLabel) if a != self.label[n]]
            x, y = positions[n]
            node_rows.append({
                "id": ids[n],
                "label": _clip(self.label[n], MAX_LABEL),
                "text": self.label[n],
                "alt": alt,
                "cls": self.cls[n],
                "color": colour,
                "shape": shape,
                "size": min(48, 10 + round(5 * math.sqrt(degree))),
                "font_size": min(34, 14 + round(2.5 * math.sqrt(degree))),
                "tip": self._node_tip(n, degree),
                "x": x,
                "y": y,
                "iri": str(n) if isinstance(n, URIRef) else "",
                "deg": degree,
                "lv": level[n],
                "code": ", ".join(self._literals(n, KG.code)),
            })

        # Several relations between the same two entities: bend all but the first apart.
        seen_pairs: dict[frozenset, int] = {}
        edge_rows = []
        for i, (s, p, o) in enumerate(edges):
            pair = frozenset((s, o))
            k = seen_pairs.get(pair, 0)
            seen_pairs[pair] = k + 1
            edge_rows.append({
                "id": f"e{i}",
                "from": ids[s],
                "to": ids[o],
                "label": self._rel_label(p),
                "rel": _local(p),
                "bend": 0.0 if k == 0 else round(0.25 * ((k + 1) // 2) * (1 if k % 2 else -1), 2),
                "tip": self._edge_tip(s, p, o),
                "ev": self._panel_evidence((s, p, o), article_index),
            })
        literal_rows = [{
            "n": ids[s],
            "rel": _local(p),
            "label": self._rel_label(p),
            "v": _clip(o, MAX_TEXT),
            "ev": self._panel_evidence((s, p, o), article_index),
        } for s, p, o in self.literal_facts if s in ids]
        relation_counts: dict[str, int] = {}
        for row in edge_rows:
            relation_counts[row["rel"]] = relation_counts.get(row["rel"], 0) + 1
        order = {r: i for i, r in enumerate(EDGE_RELATIONS)}
        relations = [{"rel": r, "label": self.zh.get(r, r), "count": c}
                     for r, c in sorted(relation_counts.items(),
                                        key=lambda rc: (order.get(rc[0], 99), rc[0]))]

        by_class = dict(totals["by_class"]) if totals else {}
        present = sorted({self.cls[n] for n in self.cls} | set(by_class),
                         key=lambda c: list(CLASS_STYLE).index(c) if c in CLASS_STYLE else 99)
        legend = [{
            "cls": c,
            "label": self._class_label(c),
            "color": CLASS_STYLE.get(c, OTHER_STYLE)[0],
            "shape": CLASS_STYLE.get(c, OTHER_STYLE)[1],
            "count": sum(1 for n in nodes if self.cls[n] == c),
            "omitted": (by_class.get(c, 0) - sum(1 for n in nodes if self.cls[n] == c)
                        if totals else
                        sum(1 for n in self.cls if self.cls[n] == c and n not in keep)),
        } for c in present]
        if totals:
            total = totals["entities"]

        return {
            "nodes": node_rows,
            "edges": edge_rows,
            "lits": literal_rows,
            "relations": relations,
            "articles": [{"h": a["headline"], "p": a["publisher"], "d": a["date"],
                          "u": a["url"], "f": a["file"]} for a in articles],
            "legend": legend,
            "options": _options(large, len(nodes)),
            "stats": {
                "articles": self.article_count(),
                "entities": total,
                "facts": self.facts,
                "facts_with_evidence": self.with_evidence,
                "shown_nodes": len(nodes),
                "shown_edges": len(edge_rows),
                "omitted_nodes": total - len(nodes),
                "omitted_edges": (totals["edges"] if totals else len(self.edges)) - len(edge_rows),
            } | ({"articles": totals["articles"], "facts": totals["facts"],
                  "facts_with_evidence": totals["facts"]} if totals else {}),
        }


def _neg(text: str) -> tuple:
    """Sort key that orders strings descending."""
    return tuple(-ord(c) for c in text)


# --------------------------------------------------------------------------------------------
# layout: deterministic, pure Python (networkx's layouts need numpy/scipy)


def _layout(g: nx.Graph, order: list) -> dict:
    """Integer positions for every node of `g`: each connected component is laid out with a
    force-directed refinement of a radial tree, then the components are packed in rows (the
    biggest first), centred on (0, 0). Same graph and order -> same positions."""
    if g.number_of_nodes() == 0:
        return {}
    index = {v: i for i, v in enumerate(order)}
    comps = [sorted(c, key=index.__getitem__) for c in nx.connected_components(g)]
    comps.sort(key=lambda c: (-len(c), index[c[0]]))
    # a bounded amount of work: fewer refinement rounds on very big graphs
    total = g.number_of_nodes()
    iterations = 60 if total <= 1500 else max(20, int(60 * math.sqrt(1500 / total)))

    boxes = []
    for comp in comps:
        xs, ys = _component_layout(g, comp, iterations)
        x0, y0 = min(xs), min(ys)
        xs = [x - x0 for x in xs]
        ys = [y - y0 for y in ys]
        boxes.append((comp, xs, ys, max(xs), max(ys)))

    # shelf packing, rows about 1.6 times wider than the whole is tall
    gap = EDGE_LENGTH
    area = sum((w + gap) * (h + gap) for _, _, _, w, h in boxes)
    row_width = max(max(w for _, _, _, w, _ in boxes), math.sqrt(area * 1.6))
    rows: list[list] = [[]]
    x = 0.0
    for box in boxes:
        w = box[3]
        if rows[-1] and x + w > row_width:
            rows.append([])
            x = 0.0
        rows[-1].append((x, box))
        x += w + gap
    pos = {}
    y = 0.0
    for row in rows:
        used = row[-1][0] + row[-1][1][3]
        shift = (row_width - used) / 2
        height = max(b[4] for _, b in row)
        for bx, (comp, xs, ys, w, h) in row:
            dy = y + (height - h) / 2
            for v, px, py in zip(comp, xs, ys):
                pos[v] = (bx + shift + px, dy + py)
        y += height + gap
    cx = row_width / 2
    cy = (y - gap) / 2
    return {v: (round(px - cx), round(py - cy)) for v, (px, py) in pos.items()}


def _component_layout(g: nx.Graph, comp: list, iterations: int) -> tuple[list, list]:
    n = len(comp)
    if n == 1:
        return [0.0], [0.0]
    local = {v: i for i, v in enumerate(comp)}
    nbrs = [sorted(local[w] for w in g.neighbors(v) if w != v) for v in comp]
    xs, ys = _radial_start(nbrs)
    # squeeze the start into the area the layout will end up in (about one k x k cell per node)
    radii = sorted(math.hypot(x, y) for x, y in zip(xs, ys))
    r90 = radii[int(0.9 * (n - 1))]
    target = EDGE_LENGTH * math.sqrt(n) * 0.5
    if r90 > target:
        f = target / r90
        xs = [x * f for x in xs]
        ys = [y * f for y in ys]
    edges = [(i, j) for i in range(n) for j in nbrs[i] if i < j]
    _spring(xs, ys, edges, iterations)
    return xs, ys


def _radial_start(nbrs: list[list[int]]) -> tuple[list, list]:
    """A radial tree of a BFS from the best connected node: every subtree gets a wedge as wide
    as its size; each depth gets a ring with room for its nodes about EDGE_LENGTH apart."""
    n = len(nbrs)
    deg = [len(a) for a in nbrs]
    root = min(range(n), key=lambda i: (-deg[i], i))
    parent = [-1] * n
    depth = [0] * n
    children: list[list[int]] = [[] for _ in range(n)]
    seen = [False] * n
    seen[root] = True
    order = []
    queue = deque([root])
    while queue:
        v = queue.popleft()
        order.append(v)
        for w in sorted(nbrs[v], key=lambda w: (-deg[w], w)):
            if not seen[w]:
                seen[w] = True
                parent[w] = v
                depth[w] = depth[v] + 1
                children[v].append(w)
                queue.append(w)
    size = [1] * n
    for v in reversed(order):
        if parent[v] >= 0:
            size[parent[v]] += size[v]
    count: dict[int, int] = {}
    for v in order:
        count[depth[v]] = count.get(depth[v], 0) + 1
    # depth d lives in a ring whose area gives each of its nodes about EDGE_LENGTH squared
    inner = [0.0]
    outer = [0.0]
    for d in range(1, max(count) + 1):
        r_in = outer[-1] + EDGE_LENGTH
        inner.append(r_in)
        outer.append(math.sqrt(r_in * r_in + count[d] * EDGE_LENGTH * EDGE_LENGTH / math.pi))
    rank_in_depth: dict[int, int] = {}
    lo = [0.0] * n
    hi = [0.0] * n
    hi[root] = 2 * math.pi
    xs = [0.0] * n
    ys = [0.0] * n
    for v in order:
        start = lo[v]
        span = hi[v] - lo[v]
        below = size[v] - 1
        for w in children[v]:
            part = span * size[w] / below
            lo[w], hi[w] = start, start + part
            start += part
        if v != root:
            d = depth[v]
            j = rank_in_depth[d] = rank_in_depth.get(d, -1) + 1
            frac = (j * 0.6180339887498949) % 1.0      # spread over the ring's width
            r = math.sqrt(inner[d] ** 2 + frac * (outer[d] ** 2 - inner[d] ** 2))
            angle = (lo[v] + hi[v]) / 2
            xs[v] = r * math.cos(angle)
            ys[v] = r * math.sin(angle)
    return xs, ys


def _spring(xs: list, ys: list, edges: list[tuple[int, int]], iterations: int) -> None:
    """Fruchterman-Reingold in place, with repulsion only between nodes closer than 1.5 edge
    lengths (a grid of cells keeps each round linear in the number of nodes) and a linear
    cooling schedule; `iterations` bounds the work."""
    n = len(xs)
    k = EDGE_LENGTH
    k2 = k * k
    cut = 1.5 * k
    cut2 = cut * cut
    span = max(max(xs) - min(xs), max(ys) - min(ys), k)
    t0 = max(k, span / 10)
    grav = 0.05           # a weak pull to the centre keeps stray chains close
    cx0 = sum(xs) / n
    cy0 = sum(ys) / n
    t_end = k / 20
    near = ((0, 0), (1, -1), (1, 0), (1, 1), (0, 1))
    work = 0              # pairs looked at so far: a crowd makes rounds dearer, so fewer rounds
    total = iterations
    for it in range(iterations):
        if it >= total:
            break
        if it >= 3:
            per_round = work / it
            affordable = it + max(3, int((WORK_BUDGET - work) / max(per_round, 1.0)))
            total = min(total, affordable)
        temp = t0 + (t_end - t0) * min(1.0, it / max(1, total - 1))
        dx_ = [0.0] * n
        dy_ = [0.0] * n
        cells: dict[tuple[int, int], list[int]] = {}
        for i in range(n):
            cells.setdefault((int(xs[i] // cut), int(ys[i] // cut)), []).append(i)
        for (cx, cy), members in cells.items():
            for ox, oy in near:
                others = members if (ox, oy) == (0, 0) else cells.get((cx + ox, cy + oy))
                if not others:
                    continue
                same = others is members
                work += len(members) * len(others)
                for a_pos, i in enumerate(members):
                    xi, yi = xs[i], ys[i]
                    fx = fy = 0.0
                    for j in (others[a_pos + 1:] if same else others):
                        ddx = xi - xs[j]
                        ddy = yi - ys[j]
                        d2 = ddx * ddx + ddy * ddy
                        if d2 >= cut2:
                            continue
                        if d2 < 1e-6:
                            # coincident: push apart along a direction fixed by the indices
                            ddx, ddy = math.cos(i * 2.399 + j), math.sin(i * 2.399 + j)
                            d2 = 1.0
                        f = k2 / d2
                        fx += ddx * f
                        fy += ddy * f
                        dx_[j] -= ddx * f
                        dy_[j] -= ddy * f
                    dx_[i] += fx
                    dy_[i] += fy
        # far field: whole blocks of the drawing repel each other through their centres of
        # mass, so that a dense crowd spreads out (the cut-off above sees only neighbours)
        x_lo, x_hi, y_lo, y_hi = min(xs), max(xs), min(ys), max(ys)
        block = max(2 * cut, (x_hi - x_lo) / BLOCKS, (y_hi - y_lo) / BLOCKS)
        mass: dict[tuple[int, int], list[float]] = {}
        of = []
        for i in range(n):
            key = (int((xs[i] - x_lo) // block), int((ys[i] - y_lo) // block))
            of.append(key)
            m = mass.get(key)
            if m is None:
                mass[key] = [1.0, xs[i], ys[i]]
            else:
                m[0] += 1.0
                m[1] += xs[i]
                m[2] += ys[i]
        centres = [(key, m[0], m[1] / m[0], m[2] / m[0]) for key, m in mass.items()]
        push: dict[tuple[int, int], list[float]] = {key: [0.0, 0.0] for key in mass}
        floor = block * block
        far = k2 * FAR_FIELD
        for a in range(len(centres)):
            ka, ma, xa, ya = centres[a]
            pa = push[ka]
            for b in range(a + 1, len(centres)):
                kb, mb, xb, yb = centres[b]
                ddx = xa - xb
                ddy = ya - yb
                f = far / max(ddx * ddx + ddy * ddy, floor)
                pa[0] += ddx * f * mb
                pa[1] += ddy * f * mb
                pb = push[kb]
                pb[0] -= ddx * f * ma
                pb[1] -= ddy * f * ma
        for i in range(n):
            pi = push[of[i]]
            dx_[i] += pi[0]
            dy_[i] += pi[1]
        for i, j in edges:
            ddx = xs[i] - xs[j]
            ddy = ys[i] - ys[j]
            d = math.sqrt(ddx * ddx + ddy * ddy)
            f = d / k
            dx_[i] -= ddx * f
            dy_[i] -= ddy * f
            dx_[j] += ddx * f
            dy_[j] += ddy * f
        for i in range(n):
            dx_[i] -= grav * (xs[i] - cx0)
            dy_[i] -= grav * (ys[i] - cy0)
        for i in range(n):
            ddx, ddy = dx_[i], dy_[i]
            d = math.sqrt(ddx * ddx + ddy * ddy)
            if d > 0:
                s = min(d, temp) / d
                xs[i] += ddx * s
                ys[i] += ddy * s


def _options(large: bool, count: int) -> dict:
    return {
        "autoResize": True,
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 14, "face": FONT_FACE, "color": "#222222",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "color": {"color": "#9aa5b1", "highlight": "#d62728", "hover": "#555555"},
            "font": {"size": 11, "face": FONT_FACE, "align": "middle", "color": "#555555",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "smooth": False,
            "width": 1,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": count > 2000, "navigationButtons": False,
                        "keyboard": False, "multiselect": True},
        "layout": {"randomSeed": 1, "improvedLayout": False},
        # positions come from _layout: nothing to simulate, the page is drawn once
        "physics": {"enabled": False},
    }


# --------------------------------------------------------------------------------------------
# page


def _json_for_script(obj) -> str:
    """JSON that cannot end its <script> element nor break a JS string (U+2028/9)."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    base = resources.files("pyvis")
    for part in VIS_DIR:
        base = base.joinpath(part)
    js = base.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = base.joinpath("vis-network.css").read_text(encoding="utf-8")
    # Neither may end its element early (true of vis-network 9.1.2; kept safe for other copies).
    js = _neutralise(js, "</script", "<\\/script").replace("<!--", "<\\!--")
    css = _neutralise(css, "</style", "<\\/style")
    return js, css


def _neutralise(text: str, needle: str, replacement: str) -> str:
    lower = text.lower()
    if needle not in lower:
        return text
    out, pos = [], 0
    while (hit := lower.find(needle, pos)) != -1:
        out.append(text[pos:hit])
        out.append(replacement)
        pos = hit + len(needle)
    out.append(text[pos:])
    return "".join(out)


def _esc(text) -> str:
    # U+2028/9 are harmless in HTML text but have no business in a header either
    return html.escape(str(text), quote=True).replace("\u2028", " ").replace("\u2029", " ")


def _page(title: str, data: dict, articles: list[dict], source: str | None) -> str:
    js, css = _vis_assets()
    stats = data["stats"]
    summary = (f"文章 {stats['articles']} 篇 · 实体 {stats['entities']} 个 · "
               f"事实 {stats['facts']} 条（{stats['facts_with_evidence']} 条有原文证据） · "
               f"显示 {stats['shown_nodes']} 个节点、{stats['shown_edges']} 条关系")
    notice = ""
    if stats["omitted_nodes"]:
        by_class = "、".join(f"{item['label']} {item['omitted']}" for item in data["legend"]
                            if item["omitted"])
        notice = (f'<p id="kg-omitted" class="notice">节点过多（上限 {stats["shown_nodes"]}）：'
                  f'只显示连接最多的 {stats["shown_nodes"]} 个实体；'
                  f'另有 {stats["omitted_nodes"]} 个实体（{_esc(by_class)}）和 '
                  f'{stats["omitted_edges"]} 条关系未显示。</p>')
    source_line = ""
    if source:
        source_line = f'<span class="source-file">数据文件：{_esc(source)}</span>'
    if articles:
        items = "\n".join(
            f'<li>{_esc(a["headline"])}'
            + (f' <span class="meta">{_esc(" · ".join(x for x in (a["publisher"], a["date"]) if x))}'
               f'</span>' if a["publisher"] or a["date"] else "")
            + "</li>"
            for a in articles[:MAX_ARTICLES])
        count = stats["articles"]  # `articles` may hold only the rows the page needs
        if count > MAX_ARTICLES:
            items += f'\n<li class="meta">……另有 {count - MAX_ARTICLES} 篇</li>'
        sources = (f'<details id="kg-sources"><summary>来源：{count} 篇文章 {source_line}'
                   f'</summary>\n<ol>\n{items}\n</ol>\n</details>')
    else:
        sources = f'<p id="kg-sources" class="meta">来源：图中没有文章 {source_line}</p>'
    legend_items = "\n".join(
        f'<label class="legend-item"><input type="checkbox" checked data-cls="{_esc(item["cls"])}">'
        f'<span class="swatch swatch-{_esc(item["shape"])}" style="background:{_esc(item["color"])}">'
        f'</span>{_esc(item["label"])} <span class="count">{item["count"]}</span></label>'
        for item in data["legend"] if item["count"])
    relation_items = "\n".join(
        f'<label class="legend-item"><input type="checkbox" checked data-rel="{_esc(item["rel"])}">'
        f'{_esc(item["label"])} <span class="count">{item["count"]}</span></label>'
        for item in data["relations"])
    return _TEMPLATE.format(
        title=_esc(title),
        summary=_esc(summary),
        notice=notice,
        sources=sources,
        legend=legend_items,
        relations=relation_items,
        vis_css=css,
        vis_js=js,
        app_js=_APP_JS,
        data=_json_for_script(data),
    )


_TEMPLATE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kg">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>{title}</title>
<style>
{vis_css}
</style>
<style>
html, body {{ margin: 0; height: 100%; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #222; }}
body {{ display: flex; flex-direction: column; }}
header {{ padding: 8px 14px; border-bottom: 1px solid #ddd; background: #fafafa; }}
header h1 {{ margin: 0 0 4px; font-size: 20px; overflow-wrap: anywhere; }}
header p {{ margin: 2px 0; font-size: 13px; color: #555; }}
header .notice {{ color: #a33; }}
.meta {{ color: #888; }}
#kg-sources {{ font-size: 13px; color: #555; margin: 2px 0; }}
#kg-sources summary {{ cursor: pointer; }}
#kg-sources ol {{ margin: 4px 0; padding-left: 2.2em; max-height: 9em; overflow: auto; }}
#kg-sources li {{ overflow-wrap: anywhere; }}
.source-file {{ margin-left: 1em; color: #888; }}
.controls {{ display: flex; flex-wrap: wrap; align-items: center; gap: 6px 14px; margin-top: 6px; font-size: 13px; }}
.controls input[type=search] {{ padding: 3px 6px; width: 14em; }}
.legend-item {{ display: inline-flex; align-items: center; gap: 4px; cursor: pointer; user-select: none; }}
.legend-item .count {{ color: #888; }}
.swatch {{ display: inline-block; width: 12px; height: 12px; border: 1px solid rgba(0,0,0,.35); }}
.swatch-dot {{ border-radius: 50%; }}
.swatch-diamond {{ transform: rotate(45deg) scale(.85); }}
.swatch-triangle {{ clip-path: polygon(50% 0, 100% 100%, 0 100%); border: 0; }}
.swatch-triangleDown {{ clip-path: polygon(0 0, 100% 0, 50% 100%); border: 0; }}
.swatch-star {{ clip-path: polygon(50% 0, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%, 21% 91%, 32% 57%, 2% 35%, 39% 35%); border: 0; }}
.swatch-hexagon {{ clip-path: polygon(25% 5%, 75% 5%, 100% 50%, 75% 95%, 25% 95%, 0 50%); border: 0; }}
#kg-status {{ color: #555; min-width: 6em; }}
#graph {{ flex: 1; min-height: 400px; position: relative; }}
#kg-empty {{ position: absolute; top: 40%; width: 100%; text-align: center; color: #888; }}
div.vis-tooltip {{ white-space: pre-wrap; max-width: 460px; font-size: 13px; line-height: 1.45; overflow-wrap: anywhere; }}
#kg-main {{ flex: 1; display: flex; min-height: 0; }}
#kg-main #graph {{ flex: 1; min-width: 0; }}
#kg-panel {{ width: 400px; flex: none; overflow: auto; border-left: 1px solid #ddd; background: #fff; padding: 10px 14px; font-size: 13px; line-height: 1.5; }}
#kg-panel[hidden] {{ display: none; }}
#kg-panel h2 {{ font-size: 18px; margin: 0 0 4px; overflow-wrap: anywhere; }}
#kg-panel h3 {{ font-size: 14px; margin: 12px 0 4px; color: #333; border-bottom: 1px solid #eee; }}
#kg-panel .row {{ margin: 2px 0; overflow-wrap: anywhere; }}
#kg-panel .key {{ color: #888; margin-right: .4em; }}
#kg-panel .iri {{ font-family: monospace; font-size: 12px; color: #555; }}
#kg-panel ul {{ list-style: none; margin: 0; padding: 0; }}
#kg-panel li.fact {{ margin: 6px 0 8px; }}
#kg-panel .target {{ font-weight: bold; cursor: pointer; color: #1f4e8c; }}
#kg-panel .target:hover {{ text-decoration: underline; }}
#kg-panel blockquote {{ margin: 3px 0 1px; padding: 2px 8px; border-left: 3px solid #d9d9d9; color: #333; overflow-wrap: anywhere; }}
#kg-panel .source {{ color: #888; font-size: 12px; overflow-wrap: anywhere; }}
#kg-panel .buttons {{ margin: 6px 0; display: flex; gap: 6px; flex-wrap: wrap; }}
#kg-panel .close {{ float: right; }}
#kg-sources li.kg-article {{ cursor: pointer; }}
#kg-sources li.kg-article:hover, #kg-sources li.chosen {{ background: #eef3fb; }}
.controls button {{ font-size: 12px; padding: 2px 8px; }}
.controls .dates input {{ font-size: 12px; }}
#kg-visible {{ color: #555; }}
</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p id="kg-summary">{summary}</p>
{notice}
{sources}
<div class="controls">
<input type="search" id="kg-search" placeholder="搜索实体名称（回车聚焦）" aria-label="搜索实体名称">
<span id="kg-status"></span>
<span id="kg-legend">
{legend}
</span>
</div>
<div class="controls">
<span id="kg-relations">
{relations}
</span>
<span class="dates">报道日期 <input type="date" id="kg-date-from" aria-label="起始日期"> 至 <input type="date" id="kg-date-to" aria-label="截止日期"></span>
<label class="legend-item"><input type="checkbox" id="kg-isolated">隐藏孤立节点</label>
<button type="button" id="kg-reset">重置筛选</button>
<button type="button" id="kg-fit">适应窗口</button>
<button type="button" id="kg-png">导出 PNG</button>
<span id="kg-visible"></span>
</div>
</header>
<div id="kg-main">
<div id="graph"></div>
<aside id="kg-panel" hidden></aside>
</div>
<script type="application/json" id="kg-data">{data}</script>
<script>
{vis_js}
</script>
<script>
{app_js}
</script>
</body>
</html>
"""

# The page's own script. Every string from the graph reaches the DOM through textContent
# (tooltips, panel, status lines): never parsed as HTML.
_APP_JS = r"""(function () {
  "use strict";
  var started = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  // Tooltips are elements whose text is set with textContent: never parsed as HTML.
  function tip(text) {
    var el = document.createElement("div");
    el.className = "kg-tip";
    el.textContent = text;
    return el;
  }
  function make(tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    if (text !== undefined && text !== null) { el.textContent = text; }
    return el;
  }
  var byId = {}, clsOf = {}, searchText = {}, edgesOf = {}, litsOf = {};
  var nodeRows = data.nodes.map(function (n) {
    byId[n.id] = n;
    clsOf[n.id] = n.cls;
    edgesOf[n.id] = [];
    litsOf[n.id] = [];
    searchText[n.id] = [n.text].concat(n.alt || []).join("\n").toLowerCase();
    return {
      id: n.id, label: n.lv === 0 ? n.label : "", cls: n.cls, shape: n.shape, size: n.size,
      x: n.x, y: n.y, font: { size: n.font_size }, title: tip(n.tip),
      color: { background: n.color, border: "#444444",
               highlight: { background: n.color, border: "#000000" },
               hover: { background: n.color, border: "#000000" } }
    };
  });
  var edgeById = {};
  var edgeRows = data.edges.map(function (e) {
    edgeById[e.id] = e;
    edgesOf[e.from].push(e);
    if (e.to !== e.from) { edgesOf[e.to].push(e); }
    var row = { id: e.id, from: e.from, to: e.to, label: e.label, rel: e.rel, title: tip(e.tip) };
    if (e.bend) {
      row.smooth = { enabled: true, type: e.bend > 0 ? "curvedCW" : "curvedCCW",
                     roundness: Math.abs(e.bend) };
    }
    return row;
  });
  (data.lits || []).forEach(function (l) { if (litsOf[l.n]) { litsOf[l.n].push(l); } });
  var classLabel = {};
  data.legend.forEach(function (item) { classLabel[item.cls] = item.label; });

  var nodes = new vis.DataSet(nodeRows);
  var edges = new vis.DataSet(edgeRows);
  var container = document.getElementById("graph");
  if (!nodeRows.length) {
    var empty = document.createElement("p");
    empty.id = "kg-empty";
    empty.textContent = "图中没有可显示的实体。";
    container.appendChild(empty);
  }
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.network = network;
  window.kgTimings = { built: performance.now() - started };
  network.once("afterDrawing", function () {
    window.kgTimings.drawn = performance.now() - started;
    updateLabels();
    window.kgReady = true;
  });

  // labels by zoom: the most connected always, the rest once the zoom reaches their level;
  // selected and focused nodes always
  var labelShown = {}, labelSize = {};
  nodeRows.forEach(function (n) { labelShown[n.id] = n.label !== ""; labelSize[n.id] = n.font.size; });
  var focus = null;
  var lastScale = null;
  function updateLabels() {
    var scale = network.getScale();
    lastScale = scale;
    var selected = {};
    var chosen = network.getSelectedNodes();
    // a few selected nodes are named whatever the zoom; a crowd (an article's facts) is not
    if (chosen.length <= 10) { chosen.forEach(function (id) { selected[id] = true; }); }
    var changes = [];
    data.nodes.forEach(function (n) {
      var pinned = n.lv === 0 || !!selected[n.id] || (focus !== null && focus.center === n.id);
      var show = pinned || scale >= n.lv;
      // a label drawn stays readable: about 13 px on screen when pinned, 10 px otherwise
      var size = Math.min(160, Math.max(n.font_size, Math.round((pinned ? 13 : 10) / scale)));
      if (show !== labelShown[n.id] || size !== labelSize[n.id]) {
        labelShown[n.id] = show;
        labelSize[n.id] = size;
        changes.push({ id: n.id, label: show ? n.label : "", font: { size: size } });
      }
    });
    if (changes.length) { nodes.update(changes); }
  }
  var labelsPending = false;
  function scheduleLabels() {
    if (labelsPending) { return; }
    labelsPending = true;
    window.requestAnimationFrame(function () { labelsPending = false; updateLabels(); });
  }
  network.on("zoom", scheduleLabels);
  // the first fit (and any other change of scale) happens without a zoom event
  network.on("afterDrawing", function () {
    if (network.getScale() !== lastScale) { scheduleLabels(); }
  });
  network.on("animationFinished", scheduleLabels);
  network.on("select", scheduleLabels);

  // filters: class, relation, article date range, focus, isolated nodes
  var hiddenCls = {}, hiddenRel = {};
  var dateFrom = document.getElementById("kg-date-from");
  var dateTo = document.getElementById("kg-date-to");
  var isolated = document.getElementById("kg-isolated");
  var visibleLine = document.getElementById("kg-visible");
  var dates = data.articles.map(function (a) { return a.d; }).filter(function (d) { return d; }).sort();
  if (dates.length) {
    [dateFrom, dateTo].forEach(function (input) {
      input.min = dates[0];
      input.max = dates[dates.length - 1];
    });
  }
  function inRange(ev) {
    var lo = dateFrom.value, hi = dateTo.value;
    return ev.some(function (pair) {
      var a = data.articles[pair[1]];
      var d = a ? a.d : "";
      return d !== "" && (!lo || d >= lo) && (!hi || d <= hi);
    });
  }
  var nodeHidden = {}, edgeHidden = {};
  function applyFilters(refit) {
    var dated = !!(dateFrom.value || dateTo.value);
    var ok = {};
    data.nodes.forEach(function (n) {
      var keep = !hiddenCls[n.cls] && (focus === null || !!focus.members[n.id]);
      if (keep && dated) {
        keep = edgesOf[n.id].some(function (e) { return inRange(e.ev); }) ||
               litsOf[n.id].some(function (l) { return inRange(l.ev); });
      }
      ok[n.id] = keep;
    });
    var shownEdges = {}, degree = {};
    data.edges.forEach(function (e) {
      var keep = ok[e.from] && ok[e.to] && !hiddenRel[e.rel] &&
                 (!dated || !e.ev.length || inRange(e.ev));
      shownEdges[e.id] = keep;
      if (keep) {
        degree[e.from] = (degree[e.from] || 0) + 1;
        degree[e.to] = (degree[e.to] || 0) + 1;
      }
    });
    var nodeChanges = [], edgeChanges = [], visible = [], edgeCount = 0;
    data.nodes.forEach(function (n) {
      var show = ok[n.id] && (!isolated.checked || !!degree[n.id]);
      if (show) { visible.push(n.id); }
      if (nodeHidden[n.id] !== !show) {
        nodeHidden[n.id] = !show;
        nodeChanges.push({ id: n.id, hidden: !show });
      }
    });
    data.edges.forEach(function (e) {
      var show = shownEdges[e.id];
      if (show) { edgeCount += 1; }
      if (edgeHidden[e.id] !== !show) {
        edgeHidden[e.id] = !show;
        edgeChanges.push({ id: e.id, hidden: !show });
      }
    });
    if (nodeChanges.length) { nodes.update(nodeChanges); }
    if (edgeChanges.length) { edges.update(edgeChanges); }
    visibleLine.textContent = "当前显示 " + visible.length + " 个节点、" + edgeCount + " 条关系";
    if (refit && visible.length) {
      network.fit({ nodes: visible, animation: false });
      scheduleLabels();
    }
    return visible;
  }
  // the ids of the nodes drawn now (for tests and for scripting the page)
  window.kgVisibleNodes = function () {
    return data.nodes.filter(function (n) { return !nodeHidden[n.id]; })
      .map(function (n) { return n.id; });
  };
  function onChange(box, table, attr) {
    box.addEventListener("change", function () {
      table[box.getAttribute(attr)] = !box.checked;
      applyFilters(true);
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("#kg-legend input[data-cls]"), function (box) {
    onChange(box, hiddenCls, "data-cls");
  });
  Array.prototype.forEach.call(document.querySelectorAll("#kg-relations input[data-rel]"), function (box) {
    onChange(box, hiddenRel, "data-rel");
  });
  [dateFrom, dateTo, isolated].forEach(function (input) {
    input.addEventListener("change", function () { applyFilters(true); });
  });
  document.getElementById("kg-reset").addEventListener("click", function () {
    hiddenCls = {};
    hiddenRel = {};
    focus = null;
    dateFrom.value = "";
    dateTo.value = "";
    isolated.checked = false;
    Array.prototype.forEach.call(document.querySelectorAll(".controls input[type=checkbox][data-cls], .controls input[type=checkbox][data-rel]"),
      function (box) { box.checked = true; });
    applyFilters(true);
  });
  document.getElementById("kg-fit").addEventListener("click", function () {
    network.fit({ animation: false });
    scheduleLabels();
  });
  applyFilters(false);

  // focus: only the entity and its neighbours up to `hops` links away
  function setFocus(center, hops) {
    var members = {};
    members[center] = true;
    var frontier = [center];
    for (var step = 0; step < hops; step += 1) {
      var next = [];
      frontier.forEach(function (id) {
        edgesOf[id].forEach(function (e) {
          var other = e.from === id ? e.to : e.from;
          if (!members[other]) { members[other] = true; next.push(other); }
        });
      });
      frontier = next;
    }
    focus = { center: center, hops: hops, members: members };
    applyFilters(true);
    showNode(center);
  }
  function clearFocus() {
    var center = focus ? focus.center : null;
    focus = null;
    applyFilters(true);
    if (center) { showNode(center); }
  }

  // the side panel: everything known about one entity, or one article's facts
  var panel = document.getElementById("kg-panel");
  function openPanel() {
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    if (panel.hidden) {
      panel.hidden = false;
      network.redraw();   // the canvas is narrower now: fits below must know its new size
    }
    var close = make("button", "close", "关闭");
    close.type = "button";
    close.addEventListener("click", function () { panel.hidden = true; network.redraw(); });
    panel.appendChild(close);
  }
  function row(key, value, cls) {
    var div = make("div", "row");
    div.appendChild(make("span", "key", key));
    div.appendChild(make("span", cls || "", value));
    return div;
  }
  function button(text, action) {
    var b = make("button", "", text);
    b.type = "button";
    b.addEventListener("click", action);
    return b;
  }
  function sourceLine(index) {
    var a = data.articles[index];
    if (!a) { return null; }
    var parts = [a.h];
    if (a.d) { parts.push(a.d); }
    if (a.u) { parts.push(a.u); } else if (a.f) { parts.push("文件：" + a.f); }
    return make("div", "source", "—— " + parts.join(" · "));
  }
  function evidenceList(ev, item) {
    ev.forEach(function (pair) {
      item.appendChild(make("blockquote", "evidence", pair[0]));
      var line = sourceLine(pair[1]);
      if (line) { item.appendChild(line); }
    });
  }
  function targetLink(id) {
    var span = make("span", "target", byId[id].text);
    span.setAttribute("role", "button");
    span.tabIndex = 0;
    span.addEventListener("click", function () { selectNode(id); });
    span.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { selectNode(id); } });
    return span;
  }
  function showNode(id) {
    var n = byId[id];
    openPanel();
    panel.setAttribute("data-node", id);
    panel.appendChild(make("h2", "", n.text));
    panel.appendChild(row("类型", classLabel[n.cls] || n.cls));
    if (n.iri) { panel.appendChild(row("IRI", n.iri, "iri")); }
    if (n.alt && n.alt.length) { panel.appendChild(row("别名", n.alt.join("、"))); }
    if (n.code) { panel.appendChild(row("代码", n.code)); }
    panel.appendChild(row("关系数", String(n.deg)));
    var buttons = make("div", "buttons");
    buttons.appendChild(button("聚焦 1 跳", function () { setFocus(id, 1); }));
    buttons.appendChild(button("聚焦 2 跳", function () { setFocus(id, 2); }));
    if (focus !== null) { buttons.appendChild(button("取消聚焦", clearFocus)); }
    panel.appendChild(buttons);
    // facts grouped by relation (and direction), then the literal ones (post, date)
    var groups = [], groupOf = {};
    edgesOf[id].forEach(function (e) {
      var out = e.from === id;
      var key = e.rel + (out ? ">" : "<");
      if (!groupOf[key]) {
        groupOf[key] = { title: out ? e.label + " →" : "← " + e.label, items: [] };
        groups.push(groupOf[key]);
      }
      groupOf[key].items.push({ other: out ? e.to : e.from, ev: e.ev });
    });
    litsOf[id].forEach(function (l) {
      var key = l.rel + "=";
      if (!groupOf[key]) {
        groupOf[key] = { title: l.label, items: [] };
        groups.push(groupOf[key]);
      }
      groupOf[key].items.push({ value: l.v, ev: l.ev });
    });
    if (!groups.length) { panel.appendChild(make("p", "meta", "没有关于它的事实。")); }
    groups.forEach(function (g) {
      panel.appendChild(make("h3", "", g.title + "（" + g.items.length + "）"));
      var list = make("ul", "facts");
      g.items.forEach(function (f) {
        var item = make("li", "fact");
        item.appendChild(f.other !== undefined ? targetLink(f.other) : make("span", "value", f.value));
        evidenceList(f.ev, item);
        list.appendChild(item);
      });
      panel.appendChild(list);
    });
  }
  function selectNode(id) {
    if (nodeHidden[id]) {
      // going to an entity the filters hide: drop the focus and show its class again
      focus = null;
      hiddenCls[clsOf[id]] = false;
      Array.prototype.forEach.call(document.querySelectorAll("#kg-legend input[data-cls]"), function (box) {
        if (box.getAttribute("data-cls") === clsOf[id]) { box.checked = true; }
      });
      applyFilters(false);
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(id);
    scheduleLabels();
  }
  function showArticle(index) {
    var a = data.articles[index];
    openPanel();
    panel.setAttribute("data-article", String(index));
    panel.appendChild(make("h2", "", a.h));
    if (a.d) { panel.appendChild(row("日期", a.d)); }
    if (a.p) { panel.appendChild(row("来源", a.p)); }
    if (a.u) { panel.appendChild(row("网址", a.u, "iri")); }
    if (a.f) { panel.appendChild(row("文件", a.f, "iri")); }
    var from = function (ev) { return ev.some(function (pair) { return pair[1] === index; }); };
    var chosenEdges = data.edges.filter(function (e) { return from(e.ev); });
    var chosenLits = (data.lits || []).filter(function (l) { return from(l.ev); });
    var ends = {};
    chosenEdges.forEach(function (e) { ends[e.from] = true; ends[e.to] = true; });
    chosenLits.forEach(function (l) { ends[l.n] = true; });
    panel.appendChild(make("h3", "", "本文的事实（" + (chosenEdges.length + chosenLits.length) + "）"));
    var list = make("ul", "facts");
    chosenEdges.forEach(function (e) {
      var item = make("li", "fact");
      item.appendChild(targetLink(e.from));
      item.appendChild(make("span", "rel", " —" + e.label + "→ "));
      item.appendChild(targetLink(e.to));
      evidenceList(e.ev.filter(function (pair) { return pair[1] === index; }), item);
      list.appendChild(item);
    });
    chosenLits.forEach(function (l) {
      var item = make("li", "fact");
      item.appendChild(targetLink(l.n));
      item.appendChild(make("span", "rel", " " + l.label + "：" + l.v));
      evidenceList(l.ev.filter(function (pair) { return pair[1] === index; }), item);
      list.appendChild(item);
    });
    panel.appendChild(list);
    var ids = Object.keys(ends).filter(function (id) { return !nodeHidden[id]; });
    network.setSelection({ nodes: ids, edges: chosenEdges.map(function (e) { return e.id; })
      .filter(function (id) { return !edgeHidden[id]; }) }, { unselectAll: true, highlightEdges: false });
    if (ids.length) { network.fit({ nodes: ids, animation: false }); }
    scheduleLabels();
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
  });
  // the header's source list: each article selects its facts
  Array.prototype.forEach.call(document.querySelectorAll("#kg-sources li"), function (li, i) {
    if (i >= data.articles.length || li.classList.contains("meta")) { return; }
    li.classList.add("kg-article");
    li.setAttribute("role", "button");
    li.tabIndex = 0;
    li.title = "选中本文的事实";
    function choose() {
      Array.prototype.forEach.call(document.querySelectorAll("#kg-sources li.chosen"),
        function (other) { other.classList.remove("chosen"); });
      li.classList.add("chosen");
      showArticle(i);
    }
    li.addEventListener("click", choose);
    li.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { choose(); } });
  });

  // search: select the nodes whose name or alias contains the text; Enter focuses the first one
  var search = document.getElementById("kg-search");
  var status = document.getElementById("kg-status");
  function matches() {
    var q = search.value.trim().toLowerCase();
    if (!q) { return null; }
    return nodeRows.filter(function (n) {
      return !nodeHidden[n.id] && searchText[n.id].indexOf(q) !== -1;
    }).map(function (n) { return n.id; });
  }
  search.addEventListener("input", function () {
    var hits = matches();
    if (hits === null) { status.textContent = ""; network.unselectAll(); return; }
    status.textContent = hits.length ? ("找到 " + hits.length + " 个") : "没有匹配";
    network.selectNodes(hits);
    if (hits.length) { network.fit({ nodes: hits, animation: false }); }
    scheduleLabels();
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") { return; }
    var hits = matches();
    if (hits && hits.length) { selectNode(hits[0]); }
  });

  // the current view as a PNG (white background, as drawn)
  document.getElementById("kg-png").addEventListener("click", function () {
    var canvas = container.querySelector("canvas");
    var out = document.createElement("canvas");
    out.width = canvas.width;
    out.height = canvas.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0);
    var link = document.createElement("a");
    link.download = "graph.png";
    link.href = out.toDataURL("image/png");
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
})();"""
