"""Builds at scale: parallel jobs, the cache, streamed formats, and the view of a big graph."""
from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from kg import pipeline
from kg.cli import cli
from kg.vocab import KG

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "qianzhao-cities-2021.md"
CORPUS = FIXTURES / "probe"


def _build(*args: str) -> str:
    result = CliRunner().invoke(cli, ["build", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_parallel_and_serial_builds_are_byte_identical(tmp_path):
    _build(str(CORPUS), str(SEED), "--out", str(tmp_path / "one"), "--jobs", "1", "--no-cache")
    _build(str(CORPUS), str(SEED), "--out", str(tmp_path / "two"), "--jobs", "2", "--no-cache")
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_rerun_reuses_the_cache_and_changed_files_are_extracted_again(tmp_path):
    corpus = tmp_path / "in"
    shutil.copytree(CORPUS, corpus)
    out = tmp_path / "out"
    first = _build(str(corpus), "--out", str(out))
    assert "unchanged" not in first
    graph_file = out / "graph.ttl"
    before = graph_file.stat().st_mtime_ns, graph_file.read_bytes()
    count = len(list(corpus.glob("*.md"))) + len(list(corpus.glob("*.html"))) + len(
        list(corpus.glob("*.txt")))
    again = _build(str(corpus), "--out", str(out))
    assert f"({count} unchanged, from the cache)" in again
    assert (graph_file.stat().st_mtime_ns, graph_file.read_bytes()) == before  # untouched
    seed_copy = corpus / "seed.md"
    seed_copy.write_bytes(SEED.read_bytes())
    third = _build(str(corpus), "--out", str(out))
    assert f"({count} unchanged, from the cache)" in third
    assert "韩夏" in graph_file.read_text(encoding="utf-8")
    forced = _build(str(corpus), "--out", str(out), "--no-cache")
    assert "unchanged" not in forced


def test_a_changed_rule_set_invalidates_the_cache(tmp_path):
    out = tmp_path / "out"
    options = pipeline.Options()
    _build(str(SEED), "--out", str(out))
    digest = __import__("hashlib").sha256(SEED.read_bytes()).hexdigest()
    assert pipeline.Cache.load(out, options).get(digest, "x") is not None
    assert pipeline.Cache(out / pipeline.CACHE_NAME, "another version").get(digest, "x") is None
    assert pipeline.Cache.load(out, pipeline.Options(base="http://example.com/")).get(
        digest, "x") is None


def test_articles_are_kept_without_their_text():
    result = pipeline.run([SEED])
    assert result.articles and all(a.text == "" and a.sentences == () for a in result.articles)
    assert result.facts == 35  # the seed states 35 facts (its gold file has 35 triples)


def test_trig_puts_each_articles_facts_in_its_own_graph(tmp_path):
    _build(str(SEED), str(CORPUS / "conf01.md"), "--out", str(tmp_path), "--format", "trig")
    data = Dataset()
    data.parse(tmp_path / "graph.trig", format="trig")
    named = [g for g in data.graphs() if isinstance(g.identifier, URIRef)
             and "/article/" in str(g.identifier)]
    assert len(named) == 2
    seed_graph = next(g for g in named if (None, KG.awardedTitle, None) in g)
    assert len(list(seed_graph.triples((None, KG.awardedTitle, None)))) == 29
    default = data.default_graph
    assert len(list(default.triples((None, KG.awardedTitle, None)))) == 29
    assert len(list(default.triples((None, RDF.type, KG.City)))) == 26  # and 3 municipalities


@pytest.mark.parametrize("fmt,suffix,parser", [("nt", "nt", "nt"), ("nquads", "nq", "nquads"),
                                               ("jsonld", "jsonld", "json-ld")])
def test_other_formats_give_the_same_graph(tmp_path, fmt, suffix, parser):
    _build(str(SEED), "--out", str(tmp_path / "ttl"))
    _build(str(SEED), "--out", str(tmp_path / fmt), "--format", fmt)
    turtle = Graph().parse(tmp_path / "ttl" / "graph.ttl")
    if parser == "nquads":
        other = Graph()
        for s, p, o, _g in Dataset().parse(tmp_path / fmt / f"graph.{suffix}",
                                           format="nquads").quads():
            other.add((s, p, o))
    else:
        other = Graph().parse(tmp_path / fmt / f"graph.{suffix}", format=parser)
    assert set(turtle) == set(other)


def test_the_view_of_a_big_graph_speaks_of_the_whole_graph(tmp_path):
    _build(str(CORPUS), "--out", str(tmp_path), "--max-nodes", "20")
    graph = Graph().parse(tmp_path / "graph.ttl")
    entities = {s for s, o in graph.subject_objects(RDF.type)
                if str(o).startswith(str(KG)) and o != KG.Article}
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert f"实体 {len(entities)} 个" in page
    omitted = re.search(r"另有 (\d+) 个实体", page)
    assert omitted and int(omitted.group(1)) == len(entities) - 20


def test_progress_bar_on_a_terminal_only(tmp_path):
    kg = [sys.executable, "-m", "kg.cli", "build", str(SEED), "--out", str(tmp_path)]
    quiet = subprocess.run(kg, capture_output=True, text=True, check=True)
    assert "articles" not in quiet.stderr.split("article(s)")[0]
    kg[-1] = str(tmp_path / "tty")  # a first build: an unchanged re-run has no progress to show
    pid, fd = pty.fork()
    if pid == 0:  # child: stderr is the terminal
        os.execv(kg[0], kg)
    output = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.waitpid(pid, 0)
    assert b"articles" in output and b"1 article(s)" in output
