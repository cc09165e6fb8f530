"""The interactive HTML view: offline, escaped, deterministic, atomic."""
from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.export import html as html_export
from kg.vocab import KG, PROV, SCHEMA

BASE = "https://kg.example.org/id/"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_SCRIPT = "</script><script>alert(2)</script>"
DATA_RE = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


def _entity(g: Graph, name: str, klass, label: str) -> URIRef:
    node = URIRef(BASE + name)
    g.add((node, RDF.type, klass))
    g.add((node, RDFS.label, Literal(label, lang="zh")))
    return node


def small_graph() -> Graph:
    g = Graph()
    article = URIRef(BASE + "article/1")
    g.add((article, RDF.type, KG.Article))
    g.add((article, SCHEMA.headline, Literal("黄山市获评全国文明城市", lang="zh")))
    city = _entity(g, "city/huangshan", KG.City, "黄山市")
    title = _entity(g, "title/wenming", KG.Title, "全国文明城市")
    person = _entity(g, "person/zhangsan", KG.Person, "张三")
    event = _entity(g, "event/dahui", KG.Event, "表彰大会")
    g.add((person, SKOS.altLabel, Literal("张市长", lang="zh")))
    g.add((city, KG.awardedTitle, title))
    g.add((person, KG.speaksAt, event))
    g.add((event, KG.heldIn, city))
    g.add((person, KG.jobTitle, Literal("市长", lang="zh")))
    # evidence for one of the edges, as RDF reification
    st = BNode()
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, city))
    g.add((st, RDF.predicate, KG.awardedTitle))
    g.add((st, RDF.object, title))
    g.add((st, KG.sentence, Literal("黄山市获评全国文明城市。", lang="zh")))
    g.add((st, PROV.wasDerivedFrom, article))
    return g


def page_data(page: str) -> dict:
    match = DATA_RE.search(page)
    assert match, "embedded JSON data not found"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def page() -> str:
    return html_export.render(small_graph())


def test_page_is_offline(page):
    attrs = re.findall(r"""\b(?:src|href)\s*=\s*["']?\s*([^"'\s>]*)""", page, re.I)
    assert not [a for a in attrs if re.match(r"(?:https?:)?//", a, re.I)]
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert "vis-network" in page
    assert "new vis.Network(" in page
    assert len(page.encode("utf-8")) > 100_000


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def test_page_has_no_external_reference_at_all(page):
    """pyvis links Bootstrap (every cdn_resources mode) and vis-network (mode "local") from CDNs;
    this page references nothing: no src/href/srcset/action attribute on any element, no <link>,
    <iframe>, <object>, <embed> or <base>, and no url() in a style other than inline data:."""
    parser = _Tags()
    parser.feed(page)
    names = [t for t, _ in parser.tags]
    assert names.count("script") == 3 and "link" not in names
    assert not {"iframe", "object", "embed", "base", "img", "a"} & set(names)
    for tag, attrs in parser.tags:
        assert not {"src", "href", "srcset", "action", "formaction", "poster", "data"} & set(attrs), tag
    css = "\n".join(parser.styles)
    assert "@import" not in css
    urls = re.findall(r"url\(\s*['\"]?([^'\")]*)", css)
    assert urls and all(u.startswith("data:") for u in urls)
    # and a Content-Security-Policy that forbids fetching anything should something slip through
    csp = [a["content"] for t, a in parser.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0] and "connect-src" not in csp[0]


def test_page_basics(page):
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="zh">' in page
    assert '<meta charset="utf-8">' in page
    assert "<title>知识图谱</title>" in page
    assert "window.network = network" in page
    assert "window.kgReady = true" in page
    for label in ("黄山市", "全国文明城市", "张三", "表彰大会", "获评", "致辞于", "举办地"):
        assert label in page
    # header counts: 1 article, 4 entities, 3 edges + 1 jobTitle literal = 4 facts
    summary = re.search(r'<p id="kg-summary">(.*?)</p>', page).group(1)
    assert "文章 1 篇" in summary and "实体 4 个" in summary and "事实 4 条" in summary
    # legend: Chinese class labels
    for cls_label in ("地级行政区", "称号", "人物", "事件"):
        assert cls_label in re.search(r'<span id="kg-legend">(.*?)</span>\s*</div>', page, re.S).group(1)


def test_embedded_data(page):
    data = page_data(page)
    nodes = {n["text"]: n for n in data["nodes"]}
    assert set(nodes) == {"黄山市", "全国文明城市", "张三", "表彰大会"}  # no article node
    assert len(data["edges"]) == 3
    by_label = {e["label"]: e for e in data["edges"]}
    assert set(by_label) == {"获评", "致辞于", "举办地"}
    award = by_label["获评"]
    assert award["from"] == nodes["黄山市"]["id"] and award["to"] == nodes["全国文明城市"]["id"]
    assert "黄山市获评全国文明城市。" in award["tip"]          # evidence sentence
    assert "职务：市长" in nodes["张三"]["tip"]                 # literal relation in node tooltip
    assert "张市长" in nodes["张三"]["tip"]
    assert nodes["黄山市"]["cls"] == "City" and nodes["全国文明城市"]["cls"] == "Title"
    # size by degree; class decides colour and shape
    assert nodes["黄山市"]["size"] > nodes["张三"]["size"]
    assert nodes["黄山市"]["color"] != nodes["张三"]["color"]
    assert data["stats"] == {"articles": 1, "entities": 4, "facts": 4, "facts_with_evidence": 1,
                             "shown_nodes": 4, "shown_edges": 3, "omitted_nodes": 0,
                             "omitted_edges": 0}
    # node tooltips: type, IRI and the evidence sentences of the statements about the node
    assert "类型：地级行政区" in nodes["黄山市"]["tip"]
    assert BASE + "city/huangshan" in nodes["黄山市"]["tip"]
    assert "黄山市获评全国文明城市。" in nodes["黄山市"]["tip"]
    assert "黄山市获评全国文明城市" in award["tip"].split("来源：")[1]   # the article's headline
    # hubs get bigger labels; every node has a position (layout done here, no physics)
    assert nodes["黄山市"]["font_size"] > nodes["张三"]["font_size"]
    assert data["options"]["physics"] == {"enabled": False}
    # tooltips are plain text turned into DOM elements in JS, never HTML title strings
    assert all("title" not in n for n in data["nodes"] + data["edges"])
    assert "textContent = text" in page


def test_no_evidence_is_fine():
    g = Graph()
    a = _entity(g, "a", KG.Organization, "甲单位")
    b = _entity(g, "b", KG.Document, "乙文件")
    g.add((a, KG.publishes, b))
    st = BNode()  # incomplete reification: ignored
    g.add((st, RDF.subject, a))
    data = page_data(html_export.render(g))
    assert [e["label"] for e in data["edges"]] == ["发布"]
    assert "证据" not in data["edges"][0]["tip"]
    assert data["stats"]["articles"] == 0


def test_hostile_labels_are_inert():
    g = small_graph()
    bad1 = _entity(g, "bad/1", KG.Person, HOSTILE_IMG)
    bad2 = _entity(g, "bad/2", KG.Organization, HOSTILE_SCRIPT)
    g.add((bad1, KG.worksFor, bad2))
    g.add((bad1, KG.jobTitle, Literal(HOSTILE_SCRIPT + "\u2028x\u2029y")))
    page = html_export.render(g, title=HOSTILE_IMG + "&" + HOSTILE_SCRIPT)
    assert HOSTILE_IMG not in page
    assert HOSTILE_SCRIPT not in page
    assert "onerror=alert(1)>" not in page and "<script>alert(2)" not in page
    assert "\u2028" not in page and "\u2029" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # header, HTML-escaped
    # exactly our three script elements, each closed once
    assert page.count("</script>") == 3
    data = page_data(page)
    texts = {n["text"] for n in data["nodes"]}
    assert HOSTILE_IMG in texts and HOSTILE_SCRIPT in texts  # the JSON gives them back as text
    assert "innerHTML" not in page.split("<script>")[-1]      # our own script
    assert re.search(r"\\u003cimg src=x onerror=alert\(1\)\\u003e", page)


def test_max_nodes_keeps_most_connected():
    g = Graph()
    hub = _entity(g, "hub", KG.Organization, "中心单位")
    second = _entity(g, "second", KG.Place, "第二地点")
    for i in range(8):
        leaf = _entity(g, f"p{i}", KG.Person, f"人物{i}")
        g.add((leaf, KG.worksFor, hub))
        if i < 3:
            g.add((leaf, KG.attends, URIRef(BASE + "event")))
    g.add((URIRef(BASE + "event"), RDF.type, KG.Event))
    g.add((URIRef(BASE + "event"), RDFS.label, Literal("会议", lang="zh")))
    g.add((URIRef(BASE + "event"), KG.heldIn, second))
    g.add((hub, KG.locatedIn, second))
    page = html_export.render(g, max_nodes=5)
    data = page_data(page)
    kept = {n["text"] for n in data["nodes"]}
    # degrees: hub 9, event 4, second 2, 人物0-2 2 each, 人物3-7 1 each
    assert len(kept) == 5
    assert {"中心单位", "会议"} <= kept
    assert "人物7" not in kept
    # ties (degree 2) broken by label: 人物0, 人物1, 人物2 sort before 第二地点
    assert kept == {"中心单位", "会议", "人物0", "人物1", "人物2"}
    assert data["stats"]["omitted_nodes"] == 11 - 5
    assert data["stats"]["entities"] == 11
    ids = {n["id"] for n in data["nodes"]}
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])
    notice = re.search(r'<p id="kg-omitted"[^>]*>(.*?)</p>', page).group(1)
    assert "上限 5）" in notice and "只显示连接最多的 5 个实体" in notice
    assert "另有 6 个实体（" in notice
    assert 'id="kg-omitted"' not in html_export.render(g)


def test_large_graph_has_positions_and_no_physics():
    g = Graph()
    nodes = [_entity(g, f"n{i}", KG.Person, f"人{i:03d}") for i in range(320)]
    for i in range(1, 320):
        g.add((nodes[i], KG.worksFor, nodes[(i - 1) // 3]))
    for i in range(30):  # a second component and some lone nodes
        _entity(g, f"m{i}", KG.Organization, f"单位{i:02d}")
        if i:
            g.add((URIRef(BASE + f"m{i}"), KG.partOf, URIRef(BASE + "m0")))
    for i in range(12):
        _entity(g, f"lone{i}", KG.Event, f"会议{i:02d}")
    page = html_export.render(g)
    data = page_data(page)
    assert len(data["nodes"]) == 362
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])
    # positions are computed here: the browser has nothing to simulate, so nothing to freeze
    assert data["options"]["physics"] == {"enabled": False}
    assert data["options"]["interaction"]["hideEdgesOnDrag"] is True
    points = [(n["x"], n["y"]) for n in data["nodes"]]
    assert len(set(points)) == len(points)                    # no two nodes on top of each other
    by_text = {n["text"]: n for n in data["nodes"]}
    # linked nodes end up close, compared with the size of the whole drawing
    width = max(x for x, _ in points) - min(x for x, _ in points)
    ids = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    lengths = sorted(math.dist(ids[e["from"]], ids[e["to"]]) for e in data["edges"])
    assert lengths[len(lengths) // 2] < width / 8
    assert {"单位00", "会议00"} <= set(by_text)
    assert page == html_export.render(g)


def test_deterministic(page):
    g = small_graph()
    assert html_export.render(g) == html_export.render(g) == page
    # same triples added in another order
    g2 = Graph()
    for triple in sorted(small_graph(), key=lambda t: tuple(map(str, t)), reverse=True):
        g2.add(triple)
    assert html_export.render(g2) == page


def test_title_and_ontology_argument():
    from kg.vocab import load_ontology

    page = html_export.render(small_graph(), title="黄山 & 周边", ontology=load_ontology())
    assert "<title>黄山 &amp; 周边</title>" in page
    assert "<h1>黄山 &amp; 周边</h1>" in page
    with pytest.raises(ValueError):
        html_export.render(small_graph(), max_nodes=0)


def test_empty_graph():
    page = html_export.render(Graph())
    data = page_data(page)
    assert data["nodes"] == [] and data["edges"] == []
    assert "实体 0 个" in page


def test_write_creates_file_without_leftovers(tmp_path):
    out = tmp_path / "sub" / "graph.html"
    html_export.write(small_graph(), out, title="测试")
    assert out.read_text(encoding="utf-8") == html_export.render(small_graph(), title="测试")
    assert sorted(p.name for p in out.parent.iterdir()) == ["graph.html"]
    html_export.write(small_graph(), out)  # overwrite
    assert sorted(p.name for p in out.parent.iterdir()) == ["graph.html"]


def test_write_under_non_utf8_locale(tmp_path):
    out = tmp_path / "graph.html"
    script = textwrap.dedent(f"""
        import locale, sys
        from rdflib import Graph, Literal, URIRef
        from rdflib.namespace import RDF, RDFS
        from kg.vocab import KG
        from kg.export import html
        assert locale.getpreferredencoding(False).lower() not in ("utf-8", "utf8"), \\
            locale.getpreferredencoding(False)
        g = Graph()
        a, b = URIRef("{BASE}a"), URIRef("{BASE}b")
        g.add((a, RDF.type, KG.City)); g.add((a, RDFS.label, Literal("黄山市", lang="zh")))
        g.add((b, RDF.type, KG.Title)); g.add((b, RDFS.label, Literal("全国文明城市", lang="zh")))
        g.add((a, KG.awardedTitle, b))
        html.write(g, sys.argv[1], title="知识图谱测试")
    """)
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG="C", LC_ALL="C", PYTHONIOENCODING="ascii", PYTHONUTF8="0")
    # a script file (source is read as UTF-8 whatever the locale); argv stays ASCII
    script_file = tmp_path / "write_page.py"
    script_file.write_text(script, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script_file), str(out)], env=env,
                            capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1])
    assert result.returncode == 0, result.stderr
    text = out.read_bytes().decode("utf-8")
    assert "黄山市" in text and "全国文明城市" in text and "获评" in text
    assert "<title>知识图谱测试</title>" in text


def test_untyped_endpoint_and_articles():
    g = Graph()
    person = _entity(g, "p", KG.Person, "李四")
    org = URIRef(BASE + "org/untyped")            # no rdf:type: drawn as 其他
    g.add((org, RDFS.label, Literal("某公司", lang="zh")))
    g.add((person, KG.worksFor, org))
    article = URIRef(BASE + "article/9")
    g.add((article, RDF.type, KG.Article))
    g.add((article, RDFS.label, Literal("一篇文章", lang="zh")))
    g.add((article, KG.publishes, person))       # touches an article: not drawn
    data = page_data(html_export.render(g))
    assert {n["text"]: n["cls"] for n in data["nodes"]} == {"李四": "Person", "某公司": "Other"}
    assert [e["label"] for e in data["edges"]] == ["任职于"]
    assert "其他" in [item["label"] for item in data["legend"]]
    # both kg:worksFor and kg:publishes triples are facts (kg/facts.py), drawn or not
    assert data["stats"]["articles"] == 1 and data["stats"]["facts"] == 2


def test_hostile_heading_article_and_href_are_escaped():
    """pyvis inserts `heading` raw and turns every tooltip into innerHTML once a title contains
    "href"; here the heading, the article list and the tooltips are text whatever they contain."""
    g = small_graph()
    article = URIRef(BASE + "article/1")
    g.remove((article, SCHEMA.headline, None))
    g.add((article, SCHEMA.headline, Literal(HOSTILE_IMG + HOSTILE_SCRIPT, lang="zh")))
    g.add((article, SCHEMA.publisher, Literal('<a href="javascript:alert(4)">报</a>', lang="zh")))
    href = _entity(g, "bad/href", KG.Person, '<a href="javascript:alert(5)">点我</a>' + HOSTILE_IMG)
    g.add((href, KG.worksFor, URIRef(BASE + "city/huangshan")))
    page = html_export.render(g, title="<h1 onclick=alert(6)>" + HOSTILE_SCRIPT, source=HOSTILE_IMG)
    assert HOSTILE_IMG not in page and HOSTILE_SCRIPT not in page
    assert "<a href" not in page and "<h1 onclick" not in page
    assert "<title>&lt;h1 onclick=alert(6)&gt;&lt;/script&gt;" in page
    sources = re.search(r'<details id="kg-sources">(.*?)</details>', page, re.S).group(1)
    assert "<li>&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;" in sources
    assert "&lt;a href=&quot;javascript:alert(4)&quot;&gt;报&lt;/a&gt;" in sources
    assert "数据文件：&lt;img src=x onerror=alert(1)&gt;" in sources
    data = page_data(page)
    tips = {n["text"]: n["tip"] for n in data["nodes"]}
    assert '<a href="javascript:alert(5)">' in tips['<a href="javascript:alert(5)">点我</a>' + HOSTILE_IMG]
    assert page.count("</script>") == 3
    assert "innerHTML" not in page.split("<script>")[-1]


def test_header_names_sources_and_omissions():
    g = small_graph()
    for i in range(3):
        _entity(g, f"lone/{i}", KG.Person, f"孤立{i}")
    page = html_export.render(g, max_nodes=4, source="graph.ttl")
    assert "数据文件：graph.ttl" in page
    assert "来源：1 篇文章" in page and "黄山市获评全国文明城市" in page
    notice = re.search(r'<p id="kg-omitted"[^>]*>(.*?)</p>', page).group(1)
    assert "另有 3 个实体（人物 3）" in notice and "0 条关系未显示" in notice
    data = page_data(page)
    assert {n["text"] for n in data["nodes"]} == {"黄山市", "全国文明城市", "张三", "表彰大会"}
    # the legend counts what is drawn; classes with nothing drawn are not offered as filters
    assert {i["label"]: i["count"] for i in data["legend"]}["人物"] == 1


def test_search_covers_aliases(page):
    data = page_data(page)
    assert {n["text"]: n["alt"] for n in data["nodes"]}["张三"] == ["张市长"]
    assert "searchText[n.id]" in page


def test_layout_of_5000_nodes_draws_all_with_physics_off():
    """5,000 nodes are all laid out before the page opens and the page keeps physics off
    (the render time is measured by bench/view_bench.py, not here)."""
    g = Graph()
    nodes = [_entity(g, f"x{i}", KG.Person, f"人物{i}") for i in range(5000)]
    for i in range(1, 5000):
        g.add((nodes[i], KG.worksFor, nodes[(i * 7919) % i]))
        if i % 4 == 0:
            g.add((nodes[i], KG.attends, nodes[(i * 104729) % i]))
    data = page_data(html_export.render(g, max_nodes=5000))
    assert len(data["nodes"]) == 5000
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])
    assert data["options"]["physics"] == {"enabled": False}
    assert data["options"]["interaction"]["hideEdgesOnZoom"] is True


def test_panel_data_facts_evidence_articles_and_label_levels():
    g = small_graph()
    article = URIRef(BASE + "article/1")
    g.add((article, SCHEMA.datePublished, Literal("2021-12-25T09:00:00+08:00")))
    g.add((article, SCHEMA.url, Literal("https://news.example.org/1.html")))
    g.add((article, SCHEMA.archivedAt, Literal("a01.md")))
    st = BNode()   # evidence of a literal fact (the person's post)
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, URIRef(BASE + "person/zhangsan")))
    g.add((st, RDF.predicate, KG.jobTitle))
    g.add((st, RDF.object, Literal("市长", lang="zh")))
    g.add((st, KG.sentence, Literal("市长张三出席。", lang="zh")))
    g.add((st, PROV.wasDerivedFrom, article))
    page = html_export.render(g)
    data = page_data(page)
    assert data["articles"] == [{"h": "黄山市获评全国文明城市", "p": "", "d": "2021-12-25",
                                 "u": "https://news.example.org/1.html", "f": "a01.md"}]
    nodes = {n["text"]: n for n in data["nodes"]}
    award = next(e for e in data["edges"] if e["rel"] == "awardedTitle")
    assert award["ev"] == [["黄山市获评全国文明城市。", 0]]       # sentence, article index
    assert data["lits"] == [{"n": nodes["张三"]["id"], "rel": "jobTitle", "label": "职务",
                             "v": "市长", "ev": [["市长张三出席。", 0]]}]
    assert nodes["黄山市"]["iri"] == BASE + "city/huangshan" and nodes["黄山市"]["deg"] == 2
    # few nodes: every label always drawn; the relation filter offers what is drawn
    assert {n["lv"] for n in data["nodes"]} == {0}
    assert [r["rel"] for r in data["relations"]] == ["awardedTitle", "speaksAt", "heldIn"]
    relations = re.search(r'<span id="kg-relations">(.*?)</span>\s*<span class="dates">', page, re.S)
    assert 'data-rel="speaksAt"' in relations.group(1) and "致辞于" in relations.group(1)


def test_labels_by_zoom_level_rank_by_connections():
    g = Graph()
    hub = _entity(g, "hub", KG.Organization, "中心单位")
    people = [_entity(g, f"p{i}", KG.Person, f"人物{i:03d}") for i in range(200)]
    for i, person in enumerate(people):
        g.add((person, KG.worksFor, hub))
        if i % 2:
            g.add((person, KG.attends, URIRef(BASE + f"e{i % 7}")))
    data = page_data(html_export.render(g))
    levels = {n["text"]: n["lv"] for n in data["nodes"]}
    assert levels["中心单位"] == 0
    assert sum(1 for v in levels.values() if v == 0) == html_export.MIN_ALWAYS_LABELLED
    assert max(levels.values()) <= 1.2
    # the better connected a node, the earlier its label appears
    assert levels["人物001"] <= levels["人物000"]


def test_the_panel_and_filters_write_text_never_markup(page):
    script = page.split("<script>")[-1]
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert "document.write" not in script and "eval(" not in script
    assert "textContent" in script
