"""How fast the HTML view is on a big graph: render time in Python, and in Debian's Chromium
the time from opening the page to interactive, to a tooltip after a hover and to a search.

The graph is 5,000 entities of seven classes linked by preferential attachment (hubs, like
news graphs), the same shape as tests/test_browser.py's big graph. Timings are printed, never
asserted: the machine decides them. Run: .venv/bin/python bench/view_bench.py [NODES]
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.export import html as html_export
from kg.vocab import KG

BASE = "https://kg.example.org/id/"
CHROMIUM = "/usr/bin/chromium"


def big_graph(n: int, seed: int = 5) -> Graph:
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
    for i in range(1, n):
        j = rnd.choice(ends) if ends and rnd.random() < 0.6 else rnd.randrange(i)
        g.add((nodes[i], rels[i % 4], nodes[j]))
        ends += [i, j]
        if i % 3 == 0:
            k = rnd.choice(ends)
            if k != i:
                g.add((nodes[i], rels[(i + 1) % 4], nodes[k]))
                ends += [i, k]
    return g


def main(n: int) -> None:
    g = big_graph(n)
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "big.html"
        started = time.perf_counter()
        html_export.write(g, page_file, max_nodes=n)
        written = time.perf_counter() - started
        size = page_file.stat().st_size / 1e6
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
            page.route("**/*", lambda route: route.continue_()
                       if route.request.url.startswith(("file:", "data:", "about:")) else route.abort())
            started = time.perf_counter()
            page.goto(page_file.as_uri())
            page.wait_for_function("window.kgReady === true", timeout=120_000)
            opened = time.perf_counter() - started
            timings = page.evaluate("window.kgTimings")
            node = page.evaluate("window.network.body.data.nodes.getIds()[0]")
            page.evaluate("id => window.network.focus(id, {scale: 1.5, animation: false})", node)
            point = page.evaluate("id => window.network.canvasToDOM(window.network.getPositions([id])[id])", node)
            box = page.locator("#graph canvas").bounding_box()
            page.mouse.move(2, 2)
            started = time.perf_counter()
            page.mouse.move(box["x"] + point["x"], box["y"] + point["y"], steps=4)
            page.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
            hover = time.perf_counter() - started
            started = time.perf_counter()
            page.fill("#kg-search", f"实体{n - 1}号")
            page.wait_for_function("document.getElementById('kg-status').textContent === '找到 1 个'")
            search = time.perf_counter() - started
            browser.close()
    print(f"{n} nodes: page written in {written:.2f} s, {size:.1f} MB; "
          f"open -> interactive {opened:.2f} s (network built {timings['built'] / 1000:.2f} s, "
          f"first drawing {timings['drawn'] / 1000:.2f} s after the script started); "
          f"hover -> tooltip {hover:.2f} s; search {search:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
