"""The HTML view in a real browser: Debian's headless Chromium driven by Playwright, network blocked.

Every page is opened from a file:// URL with every request that is not file:, data: or about:
aborted and counted (the count must be 0), console errors, page errors and dialogs recorded (none
may happen), and a screenshot of each state, at 1400x900, written to output/screenshots/ (or
$KG_SCREENSHOTS) for a person to look at; the paths are printed (pytest -s shows them).

- the probe articles (tests/fixtures/probe, our own synthetic articles) through `kg build`:
  node and edge counts equal what graph.ttl gives; header, legend, search, class filter and
  tooltips; clicking a node opens the entity panel with its evidence sentences and their
  articles; the relation filter, the date range and "hide isolated" leave the right nodes
  and refit; search, Enter and focus on one or two hops; a source in the header selects
  its article's facts; labels by zoom; the PNG export;
- a hostile Hexo article through `kg build` (tests/fixtures/hostile_view): its title and two
  document names carry `<img src=x onerror=alert(1)>` and `</script><script>alert(2)</script>`;
- a hand-built graph with hostile entity labels, evidence sentences, a title containing `href`
  (pyvis switches every tooltip to innerHTML then) and a hostile page heading, also in the panel;
- 5,000 nodes: every node drawn, hover and search answer (how fast: bench/view_bench.py).
"""
from __future__ import annotations

import os
import random
import subprocess
import sys
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
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.kgReady === true", timeout=30_000)

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

    def click_node(self, node_id: str) -> None:
        """Click the node where it is drawn (after bringing it to the middle of the canvas)."""
        self.page.evaluate("id => window.network.focus(id, {scale: 1.5, animation: false})", node_id)
        point = self.page.evaluate(
            "id => window.network.canvasToDOM(window.network.getPositions([id])[id])", node_id)
        box = self.page.locator("#graph canvas").bounding_box()
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
        self.page.wait_for_selector("#kg-panel h2", state="visible", timeout=5_000)

    def visible(self) -> set[str]:
        """The ids of the nodes drawn now (not hidden by a filter or a focus)."""
        return set(self.page.evaluate("window.kgVisibleNodes()"))

    def visible_edges(self) -> set[str]:
        return set(self.page.evaluate(
            "window.network.body.data.edges.get({filter: e => !e.hidden}).map(e => e.id)"))

    def all_visible_inside_canvas(self) -> bool:
        """After a filter the view refits: every node left is inside the canvas."""
        return self.page.evaluate("""() => {
            const net = window.network, canvas = document.querySelector('#graph canvas');
            const ids = net.body.data.nodes.get({filter: n => !n.hidden}).map(n => n.id);
            const pos = net.getPositions(ids);
            return ids.every(id => { const p = net.canvasToDOM(pos[id]);
                return p.x >= 0 && p.y >= 0 && p.x <= canvas.clientWidth && p.y <= canvas.clientHeight; });
        }""")

    def panel(self) -> dict:
        return self.page.evaluate("""() => {
            const p = document.getElementById('kg-panel');
            return {text: p.innerText, hidden: p.hidden,
                    elements: Array.from(new Set(Array.from(p.querySelectorAll('*')).map(e => e.tagName))).sort(),
                    imgs: p.querySelectorAll('img, a, iframe, script').length}; }""")

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
# the probe articles (our own synthetic articles)

PROBE = ROOT / "tests" / "fixtures" / "probe"


@pytest.fixture(scope="module")
def probe_page(tmp_path_factory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("probe")
    return kg_build(PROBE, out), out / "graph.ttl"


@pytest.fixture()
def probe_view(browser, probe_page):
    view = View(browser, probe_page[0])
    yield view
    view.close()


def neighbours(data: dict, node: str, hops: int) -> set[str]:
    members, frontier = {node}, {node}
    for _ in range(hops):
        frontier = {e["to"] if e["from"] in frontier else e["from"] for e in data["edges"]
                    if e["from"] in frontier or e["to"] in frontier} - members
        members |= frontier
    return members


def test_probe_page_header_legend_search_and_tooltips(probe_view, probe_page, shots):
    view = probe_view
    nodes, edges = expected_counts(probe_page[1])
    assert nodes > 200 and edges > 200
    assert view.counts() == (nodes, edges)
    page = view.page
    summary = page.inner_text("#kg-summary")
    articles = len([f for f in PROBE.iterdir() if f.suffix in (".md", ".html", ".txt")])
    assert f"文章 {articles} 篇" in summary and f"实体 {nodes} 个" in summary
    for selector in ("header h1", "#kg-summary", "#kg-legend", "#kg-search", "#kg-sources",
                     "#kg-relations", "#kg-date-from", "#kg-png"):
        assert page.is_visible(selector), selector
    legend = page.inner_text("#kg-legend")
    for label in ("人物", "政府机构", "地级行政区", "称号"):
        assert label in legend
    assert page.evaluate("document.fonts.check('14px \"WenQuanYi Micro Hei\"', '文')")
    view.shot(shots / "probe.png")

    # a tooltip: type, IRI, evidence sentence — as text
    data = view.data()
    hub = max(data["nodes"], key=lambda n: n["size"])
    tip = view.hover_node(hub["id"])
    assert "类型：" in tip["text"] and "IRI：https://kg.example.org/id/" in tip["text"]
    assert "证据：" in tip["text"]
    assert tip["elements"] == ["DIV"] and tip["imgs"] == 0
    view.shot(shots / "probe-zoomed-tooltip.png")

    # search selects every entity whose name or alias holds the text
    page.fill("#kg-search", "国家园林城市")
    hits = [n["id"] for n in data["nodes"]
            if any("国家园林城市" in t for t in [n["text"], *n["alt"]])]
    assert page.inner_text("#kg-status") == f"找到 {len(hits)} 个"
    assert sorted(page.evaluate("window.network.getSelectedNodes()")) == sorted(hits)
    page.fill("#kg-search", "")
    # the class filter hides a whole class, and the view refits to what is left
    persons = {n["id"] for n in data["nodes"] if n["cls"] == "Person"}
    page.uncheck("#kg-legend input[data-cls=Person]")
    assert persons and not persons & view.visible()
    assert len(view.visible()) == len(data["nodes"]) - len(persons)
    assert view.all_visible_inside_canvas()
    page.check("#kg-legend input[data-cls=Person]")
    view.assert_clean()


def test_clicking_a_node_shows_its_facts_and_evidence_in_the_panel(probe_view, shots):
    view = probe_view
    data = view.data()
    miit = next(n for n in data["nodes"] if n["text"] == "工业和信息化部")
    assert view.panel()["hidden"] is True
    view.click_node(miit["id"])
    panel = view.panel()
    assert panel["hidden"] is False
    text = panel["text"]
    assert text.splitlines()[1] == "工业和信息化部"          # after the close button
    assert "政府机构" in text and miit["iri"] in text and "工信部" in text   # type, IRI, alias
    # facts grouped by relation, each with its evidence sentence, article headline, date, file
    published = [e for e in data["edges"] if e["from"] == miit["id"] and e["rel"] == "publishes"]
    assert published
    assert f"发布 →（{len(published)}）" in text
    for edge in published:
        for sentence, article in edge["ev"]:
            assert sentence in text
            meta = data["articles"][article]
            assert meta["h"] in text and meta["d"] in text and meta["f"] in text
    parts = [e for e in data["edges"] if e["to"] == miit["id"] and e["rel"] == "partOf"]
    assert f"← 隶属于（{len(parts)}）" in text
    assert panel["imgs"] == 0 and "A" not in panel["elements"]
    view.shot(shots / "probe-panel.png")
    # a related entity in the panel opens its own panel
    view.page.click("#kg-panel .target >> nth=0")
    assert view.panel()["text"].splitlines()[1] != "工业和信息化部"
    view.assert_clean()


def test_a_person_panel_shows_the_post_with_its_evidence(probe_view):
    view = probe_view
    data = view.data()
    lit = next(item for item in data["lits"] if item["rel"] == "jobTitle" and item["ev"])
    view.click_node(lit["n"])
    text = view.panel()["text"]
    assert "职务（" in text and lit["v"] in text and lit["ev"][0][0] in text
    view.assert_clean()


def test_filter_by_relation_keeps_its_entities_and_refits(probe_view, shots):
    view = probe_view
    page = view.page
    data = view.data()
    for item in data["relations"]:
        if item["rel"] != "worksFor":
            page.uncheck(f"#kg-relations input[data-rel={item['rel']}]")
    works = [e for e in data["edges"] if e["rel"] == "worksFor"]
    assert {e["id"] for e in works} == view.visible_edges()
    page.check("#kg-isolated")
    ends = {e["from"] for e in works} | {e["to"] for e in works}
    assert view.visible() == ends
    assert view.all_visible_inside_canvas()
    assert page.inner_text("#kg-visible") == f"当前显示 {len(ends)} 个节点、{len(works)} 条关系"
    view.shot(shots / "probe-filter-worksFor.png")
    page.click("#kg-reset")
    assert len(view.visible()) == len(data["nodes"]) and not page.is_checked("#kg-isolated")
    view.assert_clean()


def test_date_range_keeps_what_was_reported_then(probe_view, shots):
    view = probe_view
    page = view.page
    data = view.data()
    day = "2024-09-05"
    in_range = {i for i, a in enumerate(data["articles"]) if a["d"] == day}
    assert in_range
    page.fill("#kg-date-from", day)
    page.fill("#kg-date-to", day)
    page.dispatch_event("#kg-date-to", "change")
    reported = set()
    for row in data["edges"] + [{"from": l["n"], "to": l["n"], "ev": l["ev"]} for l in data["lits"]]:
        if any(article in in_range for _sentence, article in row["ev"]):
            reported |= {row["from"], row["to"]}
    shown = view.visible()
    assert shown and shown <= reported
    assert view.all_visible_inside_canvas()
    view.shot(shots / "probe-date-range.png")
    view.assert_clean()


def test_search_enter_and_focus_on_one_and_two_hops(probe_view, shots):
    view = probe_view
    page = view.page
    data = view.data()
    page.fill("#kg-search", "中国信息通信研究院")
    page.press("#kg-search", "Enter")
    page.wait_for_selector("#kg-panel h2", state="visible")
    node = next(n for n in data["nodes"] if n["text"] == "中国信息通信研究院")
    assert view.panel()["text"].splitlines()[1] == "中国信息通信研究院"
    assert page.evaluate("window.network.getSelectedNodes()") == [node["id"]]
    page.click("#kg-panel button:has-text('聚焦 1 跳')")
    one = neighbours(data, node["id"], 1)
    assert view.visible() == one and len(one) > 3
    assert view.all_visible_inside_canvas()
    view.shot(shots / "probe-focus-1.png")
    page.click("#kg-panel button:has-text('聚焦 2 跳')")
    two = neighbours(data, node["id"], 2)
    assert view.visible() == two and len(two) > len(one)
    view.shot(shots / "probe-focus-2.png")
    page.click("#kg-panel button:has-text('取消聚焦')")
    assert len(view.visible()) == len(data["nodes"])
    view.assert_clean()


def test_a_source_in_the_header_selects_its_facts(probe_view, shots):
    view = probe_view
    page = view.page
    data = view.data()
    index = next(i for i, a in enumerate(data["articles"]) if "数字经济博览会" in a["h"])
    page.click("#kg-sources summary")
    page.click(f"#kg-sources li >> nth={index}")
    text = view.panel()["text"]
    article = data["articles"][index]
    assert article["h"] in text and article["d"] in text and article["f"] in text
    chosen = [e for e in data["edges"] if any(a == index for _s, a in e["ev"])]
    assert chosen
    assert f"本文的事实（{len(chosen) + sum(1 for l in data['lits'] if any(a == index for _s, a in l['ev']))}）" in text
    selected = page.evaluate("window.network.getSelectedEdges()")
    assert sorted(selected) == sorted(e["id"] for e in chosen)
    for edge in chosen:
        assert edge["ev"][0][0] in text or any(s in text for s, _a in edge["ev"])
    view.shot(shots / "probe-source-selected.png")
    view.assert_clean()


def test_labels_follow_the_zoom(probe_view, shots):
    view = probe_view
    page = view.page
    data = view.data()
    labelled = "window.network.body.data.nodes.get({filter: n => n.label !== ''}).length"
    always = sum(1 for n in data["nodes"] if n["lv"] == 0)
    assert 0 < always < len(data["nodes"]) // 4
    page.click("#kg-fit")
    page.wait_for_timeout(100)
    assert page.evaluate(f"() => {labelled}") < len(data["nodes"]) // 2
    # the always-labelled are drawn at a readable size at full view
    sizes = page.evaluate("""() => window.network.body.data.nodes.get({filter: n => n.label !== ''})
        .map(n => n.font.size * window.network.getScale())""")
    assert min(sizes) >= 12
    view.shot(shots / "probe-labels-full-view.png")
    page.evaluate("window.network.moveTo({scale: 1.3, animation: false})")
    page.wait_for_function(f"() => {labelled} === {len(data['nodes'])}")
    view.shot(shots / "probe-labels-zoomed.png")
    view.assert_clean()


def test_png_export_is_a_png_of_the_view(probe_view, tmp_path):
    page = probe_view.page
    with page.expect_download() as download:
        page.click("#kg-png")
    path = tmp_path / "view.png"
    download.value.save_as(path)
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    assert download.value.suggested_filename == "graph.png"
    probe_view.assert_clean()


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
        page.fill("#kg-search", "")
        # the panel shows labels, evidence and the article's headline as text
        view.click_node(node_id(data, HOSTILE_IMG))
        panel = view.panel()
        assert HOSTILE_IMG in panel["text"] and HOSTILE_SCRIPT + "证据句子。" in panel["text"]
        assert HOSTILE_SCRIPT + "新闻" + HOSTILE_IMG in panel["text"]
        assert panel["imgs"] == 0 and "IMG" not in panel["elements"]
        page.click("#kg-sources summary")
        page.click("#kg-sources li >> nth=0")
        panel = view.panel()
        assert panel["text"].splitlines()[1] == HOSTILE_SCRIPT + "新闻" + HOSTILE_IMG
        assert panel["imgs"] == 0
        view.shot(shots / "hostile-panel.png")
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


def test_5000_nodes_are_all_drawn_and_answer_hover_and_search(browser, shots, tmp_path):
    g, n_edges = big_graph(5000)
    page_file = tmp_path / "big.html"
    html_export.write(g, page_file, max_nodes=5000)
    view = View(browser, page_file)
    try:
        assert view.counts() == (5000, n_edges)
        # interactive: a hover shows its tooltip, a search selects, a click opens the panel
        data = view.data()
        target = _loneliest(data["nodes"][:60], data["nodes"])
        tip = view.hover_node(target["id"])
        assert tip["text"].startswith(target["text"] + "\n类型：")
        view.page.fill("#kg-search", "实体4999号")
        view.page.wait_for_function("document.getElementById('kg-status').textContent === '找到 1 个'")
        view.click_node(target["id"])
        assert view.panel()["text"].splitlines()[1] == target["text"]
        view.shot(shots / "big-5000.png")
        view.assert_clean()
    finally:
        view.close()


def test_default_cap_draws_the_1000_most_connected_and_says_so(browser, shots, tmp_path):
    g, _ = big_graph(5000)
    capped = tmp_path / "capped.html"
    html_export.write(g, capped)
    view = View(browser, capped)
    try:
        assert view.counts()[0] == 1000
        notice = view.page.inner_text("#kg-omitted")
        assert "另有 4000 个实体" in notice and view.page.is_visible("#kg-omitted")
        view.shot(shots / "big-capped-1000.png")
        view.assert_clean()
    finally:
        view.close()
