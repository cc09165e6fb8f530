"""The HTML view in a real browser: Debian's headless Chromium driven by Playwright, network blocked.

Every page is opened from a file:// URL with every request that is not file:, data: or about:
aborted and counted (the count must be 0), console errors, page errors and dialogs recorded (none
may happen), and a screenshot written to output/screenshots/ (or $KG_SCREENSHOTS) for a person
to look at; the paths are printed (pytest -s shows them).

- the real corpus through `kg build`: node and edge counts equal what graph.ttl gives, header,
  legend, search and class filter work, tooltips carry type, IRI and evidence;
- a hostile Hexo article through `kg build` (tests/fixtures/hostile_view): its title and two
  document names carry `<img src=x onerror=alert(1)>` and `</script><script>alert(2)</script>`;
- a hand-built graph with hostile entity labels, evidence sentences, a title containing `href`
  (pyvis switches every tooltip to innerHTML then) and a hostile page heading;
- 5,000 nodes: opens and is interactive within a time that is printed (not asserted).
"""
from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.export import html as html_export
from kg.vocab import CLASSES, KG, NAMESPACE, PROV, RELATIONS, SCHEMA

sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[1]
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_SCRIPT = "</script><script>alert(2)</script>"
BASE = "https://kg.example.org/id/"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")


# --------------------------------------------------------------------------------------------
# helpers


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def shots() -> Path:
    folder = Path(os.environ.get("KG_SCREENSHOTS", ROOT / "output" / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class View:
    """One page opened offline, with everything it tried to do recorded."""

    def __init__(self, browser, path: Path, *, width: int = 1400, height: int = 900):
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console_errors.append(m.text)
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        started = time.perf_counter()
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.kgReady === true", timeout=30_000)
        self.seconds = time.perf_counter() - started

    def _route(self, route):
        if route.request.url.startswith(("file:", "data:", "about:")):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def close(self):
        self.context.close()

    def counts(self) -> tuple[int, int]:
        return tuple(self.page.evaluate(
            "[window.network.body.data.nodes.length, window.network.body.data.edges.length]"))

    def data(self) -> dict:
        return self.page.evaluate("JSON.parse(document.getElementById('kg-data').textContent)")

    def assert_clean(self):
        assert self.blocked == [], self.blocked
        assert all(u.startswith(("file:", "data:", "about:")) for u in self.requests), self.requests
        assert self.dialogs == [], self.dialogs
        assert self.page_errors == [], self.page_errors
        assert self.console_errors == [], self.console_errors
        # nothing from the data became markup: no image, frame, link or extra script anywhere
        found = self.page.evaluate("""() => ({
            bad: document.querySelectorAll('img, iframe, object, embed, a[href], link').length,
            scripts: document.querySelectorAll('script').length,
            handlers: Array.from(document.querySelectorAll('*')).filter(
                el => Array.from(el.attributes).some(a => a.name.startsWith('on'))).length})""")
        assert found == {"bad": 0, "scripts": 3, "handlers": 0}, found

    def hover_node(self, node_id: str) -> dict:
        self.page.mouse.move(2, 2)
        self.page.evaluate("id => window.network.focus(id, {scale: 1.5, animation: false})", node_id)
        point = self.page.evaluate(
            "id => window.network.canvasToDOM(window.network.getPositions([id])[id])", node_id)
        return self._hover(point)

    def hover_edge(self, edge: dict) -> dict:
        self.page.mouse.move(2, 2)
        mid = self.page.evaluate("""e => {
            const p = window.network.getPositions([e.from, e.to]);
            const mid = {x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2};
            window.network.moveTo({position: mid, scale: 1.5, animation: false});
            return window.network.canvasToDOM(mid); }""", edge)
        return self._hover(mid)

    def _hover(self, point: dict) -> dict:
        box = self.page.locator("#graph canvas").bounding_box()
        x, y = box["x"] + point["x"], box["y"] + point["y"]
        self.page.mouse.move(x - 6, y - 6)
        self.page.mouse.move(x, y, steps=4)
        self.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
        return self.page.evaluate("""() => {
            const t = document.querySelector('div.vis-tooltip');
            return {text: t.textContent, imgs: t.querySelectorAll('img').length,
                    elements: Array.from(t.querySelectorAll('*')).map(e => e.tagName)}; }""")

    def shot(self, path: Path):
        self.page.screenshot(path=str(path))
        print(f"screenshot: {path}")


def kg_build(inputs: Path, out: Path) -> Path:
    result = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(inputs), "--out", str(out),
                             "--quiet"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return out / "graph.html"


def expected_counts(ttl: Path) -> tuple[int, int]:
    """Nodes and edges the view should draw, worked out from the graph file independently:
    entities (typed with a kg class other than Article, or untyped ends of a kg relation) and
    entity -> entity triples of the kg relations that are not literal-valued."""
    g = Graph().parse(ttl, format="turtle")
    statements = set(g.subjects(RDF.type, RDF.Statement))
    articles = set(g.subjects(RDF.type, KG.Article))
    classes = {URIRef(NAMESPACE + c) for c in CLASSES if c != "Article"}
    entities = {s for s, o in g.subject_objects(RDF.type) if o in classes} - statements - articles
    edge_preds = {URIRef(NAMESPACE + r) for r in RELATIONS if r not in ("jobTitle", "heldOn")}
    edge_preds.add(KG.partOf)
    triples = [(s, p, o) for p in edge_preds for s, o in g.subject_objects(p)
               if not isinstance(o, Literal) and s not in articles and o not in articles]
    for s, _, o in triples:
        for end in (s, o):
            if (end, RDF.type, None) not in g:
                entities.add(end)
    # a municipality lies in itself (北京 locatedIn 北京); a loop says nothing in a picture
    edges = {t for t in triples if t[0] in entities and t[2] in entities and t[0] != t[2]}
    return len(entities), len(edges)


def node_id(data: dict, text: str) -> str:
    return next(n["id"] for n in data["nodes"] if n["text"] == text)


# --------------------------------------------------------------------------------------------
# the real corpus


def test_corpus_page(browser, shots, tmp_path):
    page_file = kg_build(ROOT / "tests" / "fixtures" / "corpus", tmp_path / "build")
    nodes, edges = expected_counts(tmp_path / "build" / "graph.ttl")
    assert nodes > 200 and edges > 300
    view = View(browser, page_file)
    try:
        print(f"corpus ({nodes} nodes, {edges} edges): interactive after {view.seconds:.2f} s")
        assert view.counts() == (nodes, edges)
        page = view.page
        # header and legend are there and visible, with the counts
        summary = page.inner_text("#kg-summary")
        articles = len([f for f in (ROOT / "tests" / "fixtures" / "corpus").iterdir()
                        if f.suffix in (".md", ".html", ".txt")])
        assert f"文章 {articles} 篇" in summary and f"实体 {nodes} 个" in summary
        for selector in ("header h1", "#kg-summary", "#kg-legend", "#kg-search", "#kg-sources"):
            assert page.is_visible(selector), selector
        legend = page.inner_text("#kg-legend")
        for label in ("人物", "政府机构", "地级行政区", "称号"):
            assert label in legend
        assert page.evaluate("document.fonts.check('14px \"WenQuanYi Micro Hei\"', '文')")
        view.shot(shots / "corpus.png")

        # a tooltip: type, IRI, evidence sentence — as text
        data = view.data()
        hub = max(data["nodes"], key=lambda n: n["size"])
        tip = view.hover_node(hub["id"])
        assert "类型：" in tip["text"] and "IRI：https://kg.example.org/id/" in tip["text"]
        assert "证据：" in tip["text"]
        assert tip["elements"] == ["DIV"] and tip["imgs"] == 0
        view.shot(shots / "corpus-zoomed-tooltip.png")

        # search selects; the class filter hides a whole class
        page.fill("#kg-search", "国家森林城市")
        assert page.inner_text("#kg-status") == "找到 1 个"
        assert page.evaluate("window.network.getSelectedNodes()") == [node_id(data, "国家森林城市")]
        page.fill("#kg-search", "")
        persons = sum(1 for n in data["nodes"] if n["cls"] == "Person")
        page.uncheck("#kg-legend input[data-cls=Person]")
        hidden = page.evaluate(
            "window.network.body.data.nodes.get({filter: n => n.hidden === true}).length")
        assert hidden == persons > 0
        page.check("#kg-legend input[data-cls=Person]")
        view.assert_clean()
    finally:
        view.close()


# --------------------------------------------------------------------------------------------
# hostile input


def test_hostile_article_through_kg_build(browser, shots, tmp_path):
    """The real path: a Hexo article whose title, author, source line and two document names
    (《…》 after 印发) carry markup; nothing of it may run or become an element."""
    page_file = kg_build(ROOT / "tests" / "fixtures" / "hostile_view", tmp_path / "build")
    view = View(browser, page_file)
    try:
        page = view.page
        assert view.counts() == expected_counts(tmp_path / "build" / "graph.ttl")
        page.click("#kg-sources summary")
        headline = page.inner_text("#kg-sources li")
        assert HOSTILE_IMG in headline and HOSTILE_SCRIPT in headline
        data = view.data()
        hostile_docs = [n for n in data["nodes"] if HOSTILE_IMG in n["text"] or HOSTILE_SCRIPT in n["text"]]
        assert len(hostile_docs) == 2
        for node in hostile_docs:
            tip = view.hover_node(node["id"])
            assert node["text"] in tip["text"]
            assert tip["elements"] == ["DIV"] and tip["imgs"] == 0
        view.shot(shots / "hostile-build-tooltip.png")
        # the edge to the document: its evidence sentence and source article are text too
        edge = next(e for e in data["edges"] if e["to"] == hostile_docs[0]["id"])
        tip = view.hover_edge(edge)
        assert "印发《" in tip["text"] and "来源：" in tip["text"] and HOSTILE_SCRIPT in tip["text"]
        assert tip["elements"] == ["DIV"] and tip["imgs"] == 0
        view.assert_clean()
    finally:
        view.close()


def hostile_graph() -> Graph:
    g = Graph()
    article = URIRef(BASE + "article/evil")
    g.add((article, RDF.type, KG.Article))
    g.add((article, SCHEMA.headline, Literal(HOSTILE_SCRIPT + "新闻" + HOSTILE_IMG, lang="zh")))
    names = {
        "p": (KG.Person, HOSTILE_IMG),
        "o": (KG.Organization, HOSTILE_SCRIPT),
        # pyvis 0.3.2: one title containing "href" turns every tooltip into innerHTML
        "h": (KG.GovernmentBody, '<a href="javascript:alert(3)">href</a>' + HOSTILE_IMG),
        "c": (KG.City, "黄山市"),
    }
    nodes = {}
    for key, (klass, label) in names.items():
        nodes[key] = URIRef(BASE + "evil/" + key)
        g.add((nodes[key], RDF.type, klass))
        g.add((nodes[key], RDFS.label, Literal(label, lang="zh")))
    g.add((nodes["p"], KG.jobTitle, Literal(HOSTILE_SCRIPT + "\u2028局长", lang="zh")))
    facts = [("p", KG.worksFor, "o"), ("o", KG.locatedIn, "c"), ("h", KG.organizedBy, "o"),
             ("p", KG.speaksAt, "h")]
    for s, p, o in facts:
        g.add((nodes[s], p, nodes[o]))
        st = BNode()
        g.add((st, RDF.type, RDF.Statement))
        g.add((st, RDF.subject, nodes[s]))
        g.add((st, RDF.predicate, p))
        g.add((st, RDF.object, nodes[o]))
        g.add((st, KG.sentence, Literal(f"{HOSTILE_IMG}{HOSTILE_SCRIPT}证据句子。", lang="zh")))
        g.add((st, PROV.wasDerivedFrom, article))
    return g


def test_hostile_labels_evidence_and_heading(browser, shots, tmp_path):
    page_file = tmp_path / "hostile.html"
    html_export.write(hostile_graph(), page_file,
                      title="<script>alert(4)</script>" + HOSTILE_IMG, source=HOSTILE_SCRIPT)
    view = View(browser, page_file)
    try:
        page = view.page
        assert view.counts() == (4, 4)
        assert page.inner_text("header h1") == "<script>alert(4)</script>" + HOSTILE_IMG
        assert page.title() == "<script>alert(4)</script>" + HOSTILE_IMG
        data = view.data()
        for text in (HOSTILE_IMG, HOSTILE_SCRIPT, '<a href="javascript:alert(3)">href</a>' + HOSTILE_IMG):
            tip = view.hover_node(node_id(data, text))
            assert text in tip["text"] and "证据：" in tip["text"]
            assert tip["elements"] == ["DIV"] and tip["imgs"] == 0
        view.shot(shots / "hostile-labels-tooltip.png")
        edge = next(e for e in data["edges"] if e["rel"] == "worksFor")
        tip = view.hover_edge(edge)
        assert HOSTILE_IMG + HOSTILE_SCRIPT + "证据句子。" in tip["text"]
        assert tip["elements"] == ["DIV"] and tip["imgs"] == 0
        # search with markup is a plain substring search
        page.fill("#kg-search", "<img")
        assert page.inner_text("#kg-status") == "找到 2 个"
        view.assert_clean()
    finally:
        view.close()


# --------------------------------------------------------------------------------------------
# a big graph


def big_graph(n: int = 5000, seed: int = 5) -> tuple[Graph, int]:
    """n entities of seven classes; preferential attachment (hubs, like news graphs)."""
    rnd = random.Random(seed)
    g = Graph()
    classes = [KG.Person] * 5 + [KG.Organization, KG.GovernmentBody, KG.City, KG.County,
                                 KG.Event, KG.Title]
    nodes = []
    for i in range(n):
        node = URIRef(f"{BASE}big/{i}")
        g.add((node, RDF.type, classes[i % len(classes)]))
        g.add((node, RDFS.label, Literal(f"实体{i}号", lang="zh")))
        nodes.append(node)
    rels = [KG.worksFor, KG.attends, KG.locatedIn, KG.awardedTitle]
    ends: list[int] = []
    edges = set()
    for i in range(1, n):
        j = rnd.choice(ends) if ends and rnd.random() < 0.6 else rnd.randrange(i)
        edges.add((nodes[i], rels[i % 4], nodes[j]))
        ends += [i, j]
        if i % 3 == 0:
            k = rnd.choice(ends)
            if k != i:
                edges.add((nodes[i], rels[(i + 1) % 4], nodes[k]))
                ends += [i, k]
    for triple in edges:
        g.add(triple)
    return g, len(edges)


def _loneliest(candidates: list[dict], nodes: list[dict]) -> dict:
    """The candidate farthest from any other node: hovering it cannot hit a neighbour."""
    def gap(c):
        return min((c["x"] - n["x"]) ** 2 + (c["y"] - n["y"]) ** 2 for n in nodes if n is not c)
    return max(candidates, key=gap)


def test_5000_nodes_open_and_respond(browser, shots, tmp_path):
    g, n_edges = big_graph(5000)
    page_file = tmp_path / "big.html"
    started = time.perf_counter()
    html_export.write(g, page_file, max_nodes=5000)
    written = time.perf_counter() - started
    view = View(browser, page_file)
    try:
        assert view.counts() == (5000, n_edges)
        timings = view.page.evaluate("window.kgTimings")
        # interactive: a hover shows its tooltip, a search selects, a click on the canvas answers
        data = view.data()
        target = _loneliest(data["nodes"][:60], data["nodes"])
        started = time.perf_counter()
        tip = view.hover_node(target["id"])
        hover = time.perf_counter() - started
        assert tip["text"].startswith(target["text"] + "\n类型：")
        started = time.perf_counter()
        view.page.fill("#kg-search", "实体4999号")
        view.page.wait_for_function("document.getElementById('kg-status').textContent === '找到 1 个'")
        search = time.perf_counter() - started
        print(f"5000 nodes / {n_edges} edges: page written in {written:.2f} s, "
              f"{page_file.stat().st_size / 1e6:.1f} MB; browser: open -> interactive "
              f"{view.seconds:.2f} s (network built {timings['built'] / 1000:.2f} s, first drawing "
              f"{timings['drawn'] / 1000:.2f} s after the script started); hover -> tooltip "
              f"{hover:.2f} s; search {search:.2f} s")
        view.shot(shots / "big-5000.png")
        view.assert_clean()
    finally:
        view.close()

    # the default cap keeps the 1000 most connected and says what was left out
    capped = tmp_path / "capped.html"
    html_export.write(g, capped)
    view = View(browser, capped)
    try:
        assert view.counts()[0] == 1000
        notice = view.page.inner_text("#kg-omitted")
        assert "另有 4000 个实体" in notice and view.page.is_visible("#kg-omitted")
        print(f"5000 nodes capped to 1000: interactive after {view.seconds:.2f} s")
        view.shot(shots / "big-capped-1000.png")
        view.assert_clean()
    finally:
        view.close()
