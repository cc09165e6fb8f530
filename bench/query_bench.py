"""Benchmark: `kg query` on a ~1M-triple graph, Oxigraph (store and in-memory) against rdflib.

Generates, deterministically, a graph shaped like kg's output (articles; places with GB/T 2260
codes and kg:locatedIn up to provinces; people, bodies, events, documents, titles with Chinese
IRIs; every fact also reified as an rdf:Statement with its sentence, offsets, extractor and
article), loads it into an Oxigraph store with `kg load --store` code, and times:

  * count-by-predicate and some example queries of queries/ on the Oxigraph store;
  * the same through the `kg query --store` command (a new process: start-up included);
  * parsing the file into an in-memory Oxigraph store (what `kg query GRAPH` does) and the
    count-by-predicate there;
  * parsing with rdflib and the same queries in rdflib's engine (in a child process, each
    query with a time limit: rdflib's engine is the slow part).

Usage:
    .venv/bin/python bench/query_bench.py                 # ~1M triples, writes the results
    .venv/bin/python bench/query_bench.py --facts 5000 --out /tmp/small.txt   # a quick run

Results go to bench/results-query.txt (summarised in bench/README-query.md).
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

KG = "https://kg.example.org/ontology#"
ID = "https://kg.example.org/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"

HAN = ("国家市省县区城镇村山河湖海东南西北中华人民工业信息发展改革科技教育文化旅游生态森林"
       "环境交通运输住房建设农业水利商务财政卫生健康体育能源资源安全研究院大学会协委员局厅部")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余"
POSTS = ("部长", "副部长", "省长", "副省长", "市长", "副市长", "主任", "副主任", "院长", "校长",
         "理事长", "秘书长", "局长", "厅长", "董事长", "总经理", "主席", "副主席", "所长", "记者")
# the share of facts per relation, roughly as in the dev corpus
RELATIONS = (("awardedTitle", 24), ("worksFor", 20), ("jobTitle", 17), ("speaksAt", 13),
             ("publishes", 7), ("organizedBy", 7), ("attends", 4), ("heldIn", 4),
             ("heldOn", 4))

QUERIES = {
    "count-by-predicate": "count-by-predicate.rq",
    "titles-per-province": "titles-per-province.rq",
    "publications": "publications.rq",
    "speakers": "speakers.rq",
}


def iri(kind: str, name: str) -> str:
    return f"<{ID}{kind}/{name}>"


def lit(text: str, lang: str = "zh") -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@' + lang


def typed(text: str, datatype: str) -> str:
    return f'"{text}"^^<{XSD}{datatype}>'


def generate(path: Path, facts: int, seed: int = 6) -> int:
    """Write an N-Triples graph of about 13 * facts triples; returns the lines written."""
    rnd = random.Random(seed)
    han = lambda n: "".join(rnd.choice(HAN) for _ in range(n))  # noqa: E731
    lines: list[str] = []
    out = path.open("w", encoding="utf-8")

    def t(s: str, p: str, o: str) -> None:
        lines.append(f"{s} {p} {o} .\n")
        if len(lines) >= 100_000:
            out.writelines(lines)
            lines.clear()

    a, lab, alt = f"<{RDF}type>", f"<{RDFS}label>", f"<{SKOS}altLabel>"
    k = lambda name: f"<{KG}{name}>"  # noqa: E731
    scale = max(1, facts // 1000)
    # places: 34 provinces, 10 cities each, 8 counties per city
    provinces, cities, counties = [], [], []
    for p in range(34):
        code = f"{11 + p:02d}0000"
        node = iri("place", code)
        provinces.append(node)
        t(node, a, k("Province")); t(node, lab, lit(han(2) + "省")); t(node, k("code"), f'"{code}"')
        for c in range(10):
            ccode = f"{11 + p:02d}{c + 1:02d}00"
            cnode = iri("place", ccode)
            cities.append(cnode)
            t(cnode, a, k("City")); t(cnode, lab, lit(han(2) + "市"))
            t(cnode, k("code"), f'"{ccode}"'); t(cnode, k("locatedIn"), node)
            for d in range(8):
                dcode = f"{11 + p:02d}{c + 1:02d}{d + 1:02d}"
                dnode = iri("place", dcode)
                counties.append(dnode)
                t(dnode, a, k("County")); t(dnode, lab, lit(han(2) + "区"))
                t(dnode, alt, lit(han(2))); t(dnode, k("code"), f'"{dcode}"')
                t(dnode, k("locatedIn"), cnode)
    places = provinces + cities + counties
    titles = []
    for i in range(60):
        name = "国家" + han(3) + ("城市" if i % 2 else "示范区") + str(i)
        titles.append(iri("title", name))
        t(titles[-1], a, k("Title")); t(titles[-1], lab, lit(name))
    orgs = []
    for i in range(40 * scale):
        name = han(4) + ("部" if i % 3 == 0 else "委员会" if i % 3 == 1 else "研究院") + str(i)
        orgs.append(iri("org", name))
        t(orgs[-1], a, k("GovernmentBody" if i % 2 else "Organization"))
        t(orgs[-1], lab, lit(name)); t(orgs[-1], alt, lit(name[:3]))
    people = []
    for i in range(150 * scale):
        name = rnd.choice(SURNAMES) + han(2)
        node = iri("person", f"{name}_{i}")
        people.append(node)
        t(node, a, k("Person")); t(node, lab, lit(name))
    events, docs = [], []
    for i in range(30 * scale):
        name = f"第{i}届" + han(4) + "论坛"
        events.append(iri("event", name))
        t(events[-1], a, k("Event")); t(events[-1], lab, lit(name))
    for i in range(20 * scale):
        name = han(6) + f"行动计划%28{2000 + i % 25}年%29"  # percent-encoded ( ) as kg writes
        docs.append(iri("doc", name))
        t(docs[-1], a, k("Document")); t(docs[-1], lab, lit(name.replace("%28", "(")
                                                               .replace("%29", ")")))
    articles = []
    for i in range(60 * scale):
        node = iri("article", f"{rnd.getrandbits(64):016x}")
        articles.append(node)
        day = f"20{10 + i % 14:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        headline = han(12)
        t(node, a, k("Article")); t(node, lab, lit(headline))
        t(node, f"<{SCHEMA}headline>", lit(headline))
        t(node, f"<{SCHEMA}datePublished>", typed(f"{day}T09:00:00+08:00", "dateTime"))
        t(node, f"<{SCHEMA}identifier>", f'"{node[-17:-1]}"')
    kinds = [name for name, share in RELATIONS for _ in range(share)]
    for n in range(facts):
        relation = rnd.choice(kinds)
        if relation == "awardedTitle":
            s, o = rnd.choice(places), rnd.choice(titles)
        elif relation == "worksFor":
            s, o = rnd.choice(people), rnd.choice(orgs)
        elif relation == "jobTitle":
            s, o = rnd.choice(people), lit(rnd.choice(POSTS))
        elif relation in ("speaksAt", "attends"):
            s, o = rnd.choice(people), rnd.choice(events)
        elif relation == "publishes":
            s, o = rnd.choice(orgs), rnd.choice(docs)
        elif relation == "organizedBy":
            s, o = rnd.choice(events), rnd.choice(orgs)
        elif relation == "heldIn":
            s, o = rnd.choice(events), rnd.choice(cities)
        else:
            s, o = rnd.choice(events), typed(f"20{10 + n % 14:02d}-0{1 + n % 9}-1{n % 9}", "date")
        article = rnd.choice(articles)
        t(s, k(relation), o)
        st = iri("statement", f"{n:020x}")
        start = rnd.randrange(0, 2000)
        sentence = han(rnd.randrange(20, 80)) + "。"
        t(st, a, f"<{RDF}Statement>"); t(st, f"<{RDF}subject>", s)
        t(st, f"<{RDF}predicate>", k(relation)); t(st, f"<{RDF}object>", o)
        t(st, k("sentence"), lit(sentence))
        t(st, k("startOffset"), typed(str(start), "integer"))
        t(st, k("endOffset"), typed(str(start + len(sentence)), "integer"))
        t(st, k("extractor"), f'"{relation.lower()}"')
        t(st, f"<{PROV}wasDerivedFrom>", article)
        if not o.startswith('"'):
            t(article, f"<{SCHEMA}mentions>", o)
    out.writelines(lines)
    out.close()
    with path.open("rb") as f:
        return sum(1 for _ in f)


def timed(fn, repeat: int = 3):
    """(best seconds of `repeat` runs, the last answer)."""
    best, answer = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        answer = fn()
        best = min(best, time.perf_counter() - started)
    return best, answer


def _rdflib_child(graph: str, texts: dict[str, str], conn) -> None:
    from rdflib import Graph

    from kg.query import PREFIXES

    started = time.perf_counter()
    g = Graph()
    g.parse(graph, format="nt")
    conn.send(("parse", time.perf_counter() - started, len(g)))
    for name, text in texts.items():
        started = time.perf_counter()
        rows = len(list(g.query(text, initNs=PREFIXES)))
        conn.send((name, time.perf_counter() - started, rows))
    conn.send(("done", 0.0, 0))


def rdflib_times(graph: Path, texts: dict[str, str], parse_limit: float,
                 query_limit: float) -> dict[str, tuple[float | None, int | str]]:
    """rdflib in a child process; a query over its time limit is stopped and reported."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_rdflib_child, args=(str(graph), texts, child))
    process.start()
    results: dict[str, tuple[float | None, int | str]] = {}
    pending = ["parse", *texts]
    try:
        while pending:
            limit = parse_limit if pending[0] == "parse" else query_limit
            if not parent.poll(limit):
                results[pending[0]] = (None, f"stopped after {limit:.0f}s")
                for rest in pending[1:]:
                    results[rest] = (None, "not run")
                break
            name, seconds, rows = parent.recv()
            if name == "done":
                break
            results[name] = (seconds, rows)
            pending.remove(name)
    finally:
        if process.is_alive():
            process.kill()
        process.join()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--facts", type=int, default=85_000,
                        help="facts to generate (~13 triples each; default: ~1M triples)")
    parser.add_argument("--out", type=Path, default=HERE / "results-query.txt")
    parser.add_argument("--rdflib-limit", type=float, default=180,
                        help="seconds allowed to each rdflib query")
    args = parser.parse_args()

    import pyoxigraph
    import rdflib

    from kg.query import load_memory_store, open_store, run_oxigraph
    from kg.store import load_store

    texts = {name: (ROOT / "queries" / file).read_text(encoding="utf-8")
             for name, file in QUERIES.items()}
    report: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        report.append(line)

    say("kg query benchmark (bench/query_bench.py)")
    say(f"date: {time.strftime('%Y-%m-%d %H:%M')}; python {platform.python_version()}; "
        f"pyoxigraph {pyoxigraph.__version__}; rdflib {rdflib.__version__}")
    say(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} "
        f"{platform.release()}")
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        graph = Path(tmp) / "graph.nt"
        started = time.perf_counter()
        lines = generate(graph, args.facts)
        say(f"graph: {lines} triples ({args.facts} facts), {graph.stat().st_size / 1e6:.0f} MB "
            f"N-Triples, generated in {time.perf_counter() - started:.1f}s")

        store_dir = Path(tmp) / "store"
        started = time.perf_counter()
        count = load_store(graph, store_dir)
        say(f"kg load --store (bulk loader): {count} triples in "
            f"{time.perf_counter() - started:.1f}s")
        say()
        say("seconds (best of 3) and rows; Oxigraph store = the on-disk store, queries in process")
        say(f"{'query':22} {'Oxigraph store':>16} {'rows':>7}")
        store = open_store(store_dir)
        store_times = {}
        for name, text in texts.items():
            seconds, answer = timed(lambda: run_oxigraph(store, text))
            store_times[name] = seconds
            say(f"{name:22} {seconds:16.3f} {len(answer):7}")
        del store

        say()
        say("the kg query --store command, one run each (new process: start-up included)")
        for name in ("count-by-predicate", "titles-per-province"):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kg.cli", "query", "--store", str(store_dir),
                            "-f", str(ROOT / "queries" / QUERIES[name]), "--format", "csv"],
                           check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
            say(f"{name:22} {time.perf_counter() - started:16.2f}")

        say()
        say("kg query GRAPH (the file parsed into an in-memory Oxigraph store)")
        started = time.perf_counter()
        memory = load_memory_store(graph)
        say(f"{'parse':22} {time.perf_counter() - started:16.2f}")
        for name in ("count-by-predicate", "titles-per-province"):
            seconds, _ = timed(lambda: run_oxigraph(memory, texts[name]))
            say(f"{name:22} {seconds:16.3f}")
        del memory

        say()
        say(f"rdflib {rdflib.__version__} (kg query --engine rdflib): parse, then each query "
            f"once (limit {args.rdflib_limit:.0f}s each)")
        results = rdflib_times(graph, texts, parse_limit=1800, query_limit=args.rdflib_limit)
        say(f"{'query':22} {'rdflib':>16} {'rows':>7} {'rdflib / store':>15}")
        for name in ["parse", *texts]:
            seconds, rows = results.get(name, (None, "not run"))
            if seconds is None:
                say(f"{name:22} {'-':>16} {rows}")
                continue
            ratio = (f"{seconds / store_times[name]:15.0f}x" if name in store_times
                     and store_times[name] > 0 else "")
            say(f"{name:22} {seconds:16.3f} {rows:7} {ratio}")
    args.out.write_text("\n".join(report) + "\n", encoding="utf-8")
    print(f"-> {args.out}")


if __name__ == "__main__":
    main()
