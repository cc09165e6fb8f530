"""Interactive HTML view of the graph: one self-contained, offline page drawn with vis-network.

pyvis is used only as the carrier of the vis-network library (``pyvis/lib/vis-9.1.2``): its HTML
template links Bootstrap and tom-select from CDNs, writes with the locale's encoding and mints
random ids, so the page here comes from our own template. The JS and CSS of vis-network are inlined,
the data travels as JSON in a ``<script type="application/json">`` block with ``<``, ``>``, ``&``,
U+2028 and U+2029 escaped, and every string from the graph reaches the DOM through ``textContent``
(tooltips are DOM elements built in JS, never HTML strings).

The same graph gives a byte-identical page: nodes and edges are sorted, ids are ordinal, no clock.
"""
from __future__ import annotations

import html
import json
import math
import os
from functools import lru_cache
from importlib import resources

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.export.atomic import write_text
from kg.vocab import NAMESPACE, PROV, RELATIONS, SCHEMA, labels, load_ontology

__all__ = ["write", "render", "DEFAULT_TITLE"]

DEFAULT_TITLE = "知识图谱"

# Above this many drawn nodes the layout is computed here and physics stays off in the browser.
LARGE_GRAPH = 300
MAX_EVIDENCE = 5          # evidence sentences per edge tooltip
MAX_TEXT = 300            # characters per evidence sentence / literal in a tooltip
MAX_LABEL = 18            # characters of a node label drawn on the canvas (full text in tooltip)

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

EVIDENCE_TEXT = URIRef(NAMESPACE + "evidenceText")
ARTICLE = URIRef(NAMESPACE + "Article")
# kg relations drawn as edges (entity -> entity); literal ones go into the node tooltip.
LITERAL_PROPS = ("jobTitle", "heldOn", "code")
EDGE_RELATIONS = tuple(r for r in RELATIONS if r not in LITERAL_PROPS) + ("partOf",)
FACT_RELATIONS = frozenset(RELATIONS) | {"partOf"}
SOURCE_PROPS = (PROV.wasDerivedFrom, DCTERMS.source, PROV.hadPrimarySource)

VIS_DIR = ("lib", "vis-9.1.2")


# --------------------------------------------------------------------------------------------
# public API


def write(graph: Graph, path: str | os.PathLike, *, title: str | None = None,
          max_nodes: int = 1000, ontology: Graph | None = None) -> None:
    """Write the interactive page for `graph` to `path` (UTF-8, atomically)."""
    write_text(path, render(graph, title=title, max_nodes=max_nodes, ontology=ontology))


def render(graph: Graph, *, title: str | None = None, max_nodes: int = 1000,
           ontology: Graph | None = None) -> str:
    """The interactive page for `graph` as a string (a complete, offline HTML document)."""
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, not {max_nodes}")
    if ontology is None:
        ontology = load_ontology()
    zh = labels(ontology, "zh")
    view = _View(graph, zh)
    data = view.data(max_nodes)
    page = _page(title if title is not None else DEFAULT_TITLE, data)
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


class _View:
    def __init__(self, graph: Graph, zh: dict[str, str]):
        self.graph = graph
        self.zh = zh
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
                                  if s in self.cls and o in self.cls}
        self.facts = (sum(1 for s, _, _ in literal_facts if s in self.cls)
                      + sum(1 for _, p, _ in self.edges if _local(p) in FACT_RELATIONS))

        self.label = {n: _pick_label(graph, n) or _local(n) for n in self.cls}
        self.key = {n: (self.label[n], str(n)) for n in self.cls}
        self.evidence = self._evidence(statements)

    # evidence -------------------------------------------------------------------------------

    def _evidence(self, statements) -> dict[tuple, tuple[list[str], list[str]]]:
        """(s, p, o) -> (sorted evidence sentences, sorted source titles); tolerant of gaps."""
        g = self.graph
        out: dict[tuple, tuple[set, set]] = {}
        for st in statements:
            s, p, o = g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)
            if s is None or p is None or o is None:
                continue
            texts = {str(t) for prop in (EVIDENCE_TEXT, PROV.value)
                     for t in g.objects(st, prop) if isinstance(t, Literal) and str(t).strip()}
            sources = set()
            for prop in SOURCE_PROPS:
                for src in g.objects(st, prop):
                    if isinstance(src, Literal):
                        sources.add(str(src))
                        continue
                    name = g.value(src, SCHEMA.headline) or _pick_label(g, src)
                    sources.add(str(name) if name else str(src))
            if texts or sources:
                entry = out.setdefault((s, p, o), (set(), set()))
                entry[0].update(texts)
                entry[1].update(sources)
        return {k: (sorted(v[0]), sorted(v[1])) for k, v in out.items()}

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
        if isinstance(node, URIRef):
            lines.append(str(node))
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
        return "\n".join(lines)

    def _class_label(self, cls: str) -> str:
        return OTHER_LABEL if cls == OTHER else self.zh.get(cls, cls)

    def _rel_label(self, p) -> str:
        local = _local(p)
        return self.zh.get(local, local)

    # selection, layout, data ------------------------------------------------------------------

    def data(self, max_nodes: int) -> dict:
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
        positions, fixed = _layout(drawn) if large else (None, False)

        node_rows = []
        for n in nodes:
            degree = drawn.degree(n)
            colour, shape = CLASS_STYLE.get(self.cls[n], OTHER_STYLE)
            row = {
                "id": ids[n],
                "label": _clip(self.label[n], MAX_LABEL),
                "text": self.label[n],
                "cls": self.cls[n],
                "color": colour,
                "shape": shape,
                "size": min(48, 10 + round(5 * math.sqrt(degree))),
                "tip": self._node_tip(n, degree),
            }
            if positions is not None:
                row["x"], row["y"] = positions[n]
            node_rows.append(row)

        edge_rows = [{
            "id": f"e{i}",
            "from": ids[s],
            "to": ids[o],
            "label": self._rel_label(p),
            "rel": _local(p),
            "tip": self._edge_tip(s, p, o),
        } for i, (s, p, o) in enumerate(edges)]

        present = sorted({self.cls[n] for n in nodes},
                         key=lambda c: list(CLASS_STYLE).index(c) if c in CLASS_STYLE else 99)
        legend = [{
            "cls": c,
            "label": self._class_label(c),
            "color": CLASS_STYLE.get(c, OTHER_STYLE)[0],
            "shape": CLASS_STYLE.get(c, OTHER_STYLE)[1],
            "count": sum(1 for n in nodes if self.cls[n] == c),
        } for c in present]

        return {
            "nodes": node_rows,
            "edges": edge_rows,
            "legend": legend,
            "options": _options(large, len(nodes), physics=not fixed),
            "stats": {
                "articles": len(self.articles),
                "entities": total,
                "facts": self.facts,
                "shown_nodes": len(nodes),
                "shown_edges": len(edge_rows),
                "omitted_nodes": total - len(nodes),
            },
        }


def _layout(g: nx.MultiGraph) -> tuple[dict, bool]:
    """Integer positions for a large graph, and whether they are final.

    networkx's spring layout when numpy is installed (final: physics stays off in the browser);
    else a deterministic spiral (hubs in the middle, neighbours next to each other) that the
    browser's physics refines for its 200 stabilisation iterations and then switches off."""
    n = g.number_of_nodes()
    scale = 30 * math.sqrt(n)
    try:
        import numpy  # noqa: F401  (nx.spring_layout needs it)
        pos = nx.spring_layout(nx.Graph(g), seed=1, iterations=50, scale=scale)
        return {v: (round(float(x)), round(float(y))) for v, (x, y) in pos.items()}, True
    except ImportError:
        pass
    order: list = []
    seen: set = set()
    index = {v: i for i, v in enumerate(g.nodes)}
    for start in sorted(g.nodes, key=lambda v: (-g.degree(v), index[v])):
        if start in seen:
            continue
        seen.add(start)
        queue = [start]
        while queue:
            v = queue.pop(0)
            order.append(v)
            for w in sorted(set(g.neighbors(v)) - seen, key=lambda w: (-g.degree(w), index[w])):
                seen.add(w)
                queue.append(w)
    golden = math.pi * (3 - math.sqrt(5))
    step = 2.2 * scale / math.sqrt(n)
    return {v: (round(step * math.sqrt(i) * math.cos(i * golden)),
                round(step * math.sqrt(i) * math.sin(i * golden))) for i, v in enumerate(order)}, False


def _options(large: bool, count: int, *, physics: bool = True) -> dict:
    options = {
        "autoResize": True,
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 14, "face": "sans-serif", "color": "#222222",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "color": {"color": "#9aa5b1", "highlight": "#d62728", "hover": "#555555"},
            "font": {"size": 11, "align": "middle", "color": "#555555",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "smooth": False if large else {"enabled": True, "type": "dynamic"},
            "width": 1,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                        "navigationButtons": False, "keyboard": False},
        "layout": {"randomSeed": 1, "improvedLayout": count <= 150},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120,
                                 "springConstant": 0.06, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 200, "updateInterval": 25,
                              "fit": True},
        },
    }
    return options


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


def _page(title: str, data: dict) -> str:
    js, css = _vis_assets()
    stats = data["stats"]
    esc = html.escape
    summary = (f"文章 {stats['articles']} 篇 · 实体 {stats['entities']} 个 · "
               f"事实 {stats['facts']} 条 · 显示 {stats['shown_nodes']} 个节点、"
               f"{stats['shown_edges']} 条关系")
    notice = ""
    if stats["omitted_nodes"]:
        notice = (f'<p id="kg-omitted" class="notice">节点过多：只显示连接最多的 '
                  f'{stats["shown_nodes"]} 个实体，另有 {stats["omitted_nodes"]} 个实体未显示。</p>')
    legend_items = "\n".join(
        f'<label class="legend-item"><input type="checkbox" checked data-cls="{esc(item["cls"])}">'
        f'<span class="swatch swatch-{esc(item["shape"])}" style="background:{esc(item["color"])}">'
        f'</span>{esc(item["label"])} <span class="count">{item["count"]}</span></label>'
        for item in data["legend"])
    return _TEMPLATE.format(
        title=esc(title),
        summary=esc(summary),
        notice=notice,
        legend=legend_items,
        vis_css=css,
        vis_js=js,
        data=_json_for_script(data),
    )


_TEMPLATE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kg">
<title>{title}</title>
<style>
{vis_css}
</style>
<style>
html, body {{ margin: 0; height: 100%; font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #222; }}
body {{ display: flex; flex-direction: column; }}
header {{ padding: 8px 14px; border-bottom: 1px solid #ddd; background: #fafafa; }}
header h1 {{ margin: 0 0 4px; font-size: 20px; }}
header p {{ margin: 2px 0; font-size: 13px; color: #555; }}
header .notice {{ color: #a33; }}
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
#kg-progress {{ color: #888; }}
#graph {{ flex: 1; min-height: 400px; position: relative; }}
div.vis-tooltip {{ white-space: pre-wrap; max-width: 420px; font-size: 13px; line-height: 1.45; }}
</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p id="kg-summary">{summary}</p>
{notice}
<div class="controls">
<input type="search" id="kg-search" placeholder="搜索实体名称" aria-label="搜索实体名称">
<span id="kg-status"></span>
<span id="kg-legend">
{legend}
</span>
<span id="kg-progress"></span>
</div>
</header>
<div id="graph"></div>
<script type="application/json" id="kg-data">{data}</script>
<script>
{vis_js}
</script>
<script>
(function () {{
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  function tip(text) {{
    var el = document.createElement("div");
    el.textContent = text;
    return el;
  }}
  var nodeRows = data.nodes.map(function (n) {{
    var row = {{
      id: n.id, label: n.label, cls: n.cls, text: n.text, shape: n.shape, size: n.size,
      title: tip(n.tip),
      color: {{ background: n.color, border: "#444444",
               highlight: {{ background: n.color, border: "#000000" }},
               hover: {{ background: n.color, border: "#000000" }} }}
    }};
    if (typeof n.x === "number") {{ row.x = n.x; row.y = n.y; }}
    return row;
  }});
  var edgeRows = data.edges.map(function (e) {{
    return {{ id: e.id, from: e.from, to: e.to, label: e.label, rel: e.rel, title: tip(e.tip) }};
  }});
  var nodes = new vis.DataSet(nodeRows);
  var edges = new vis.DataSet(edgeRows);
  var options = data.options;
  var container = document.getElementById("graph");
  var network = new vis.Network(container, {{ nodes: nodes, edges: edges }}, options);
  window.network = network;
  var progress = document.getElementById("kg-progress");
  network.on("stabilizationProgress", function (p) {{
    progress.textContent = "布局中 " + Math.round(100 * p.iterations / p.total) + "%";
  }});
  network.once("stabilizationIterationsDone", function () {{
    progress.textContent = "";
    network.setOptions({{ physics: false }});
  }});

  // class filter: legend checkboxes hide/show nodes of a class and the edges touching them
  var hidden = {{}};
  function applyFilter() {{
    nodes.update(nodeRows.map(function (n) {{ return {{ id: n.id, hidden: !!hidden[n.cls] }}; }}));
    var clsOf = {{}};
    nodeRows.forEach(function (n) {{ clsOf[n.id] = n.cls; }});
    edges.update(edgeRows.map(function (e) {{
      return {{ id: e.id, hidden: !!(hidden[clsOf[e.from]] || hidden[clsOf[e.to]]) }};
    }}));
  }}
  Array.prototype.forEach.call(document.querySelectorAll("#kg-legend input[data-cls]"), function (box) {{
    box.addEventListener("change", function () {{
      hidden[box.getAttribute("data-cls")] = !box.checked;
      applyFilter();
    }});
  }});

  // search: select the nodes whose name contains the text; Enter focuses the first one
  var search = document.getElementById("kg-search");
  var status = document.getElementById("kg-status");
  function matches() {{
    var q = search.value.trim().toLowerCase();
    if (!q) {{ return null; }}
    return nodeRows.filter(function (n) {{
      return !hidden[n.cls] && n.text.toLowerCase().indexOf(q) !== -1;
    }}).map(function (n) {{ return n.id; }});
  }}
  search.addEventListener("input", function () {{
    var hits = matches();
    if (hits === null) {{ status.textContent = ""; network.unselectAll(); return; }}
    status.textContent = hits.length ? ("找到 " + hits.length + " 个") : "没有匹配";
    network.selectNodes(hits);
    if (hits.length) {{ network.fit({{ nodes: hits, animation: {{ duration: 300 }} }}); }}
  }});
  search.addEventListener("keydown", function (ev) {{
    if (ev.key !== "Enter") {{ return; }}
    var hits = matches();
    if (hits && hits.length) {{
      network.selectNodes([hits[0]]);
      network.focus(hits[0], {{ scale: 1.4, animation: {{ duration: 300 }} }});
    }}
  }});
}})();
</script>
</body>
</html>
"""
