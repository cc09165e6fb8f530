"""A build whose main process keeps nothing per article (issue #17): the page lists a bounded
number of articles and counts the rest, and an unchanged re-run reads only the inputs (no
cache entry, no shard) and writes nothing, yet rebuilds whenever an input, a setting or an
output differs from what the manifest recorded."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from kg import cache as kg_cache, pipeline, shards
from kg.errors import InputError
from kg.export import atomic, html

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "qianzhao-cities-2021.md"
FOREST = FIXTURES / "articles" / "forest-cities-2022.md"
DATA_RE = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)
FIRST_DAY = date(2020, 1, 1)


def page_data(out: Path) -> dict:
    return json.loads(DATA_RE.search((out / "graph.html").read_text(encoding="utf-8")).group(1))


def many_articles(folder: Path, count: int) -> None:
    """`count` copies of our forest-cities article, each with its own headline and day (a000
    the oldest): every copy states the same four facts, so the view's sentences for them come
    from the first copies in input order, the oldest, far from the newest 200."""
    body = FOREST.read_text(encoding="utf-8").split("---", 2)[2]
    folder.mkdir(parents=True)
    for i in range(count):
        day = FIRST_DAY + timedelta(days=i)
        (folder / f"a{i:03d}.md").write_text(
            f"---\ntitle: '测试文章第{i}篇'\nauthor: 测试社\n"
            f"date: {day.isoformat()} 08:00:00\n---{body}", encoding="utf-8")


def test_the_page_lists_the_newest_articles_those_it_cites_and_counts_the_rest(tmp_path):
    many_articles(tmp_path / "in", 230)
    result = pipeline.build_folder([tmp_path / "in"], tmp_path / "out",
                                   options=pipeline.Options())
    assert result.count == 230 and result.articles == []
    data = page_data(tmp_path / "out")
    files = [a["f"] for a in data["articles"]]
    assert files[:200] == [f"a{i:03d}.md" for i in range(229, 29, -1)]  # the header's, newest
    cited = {pair[1] for row in data["edges"] + data["lits"] for pair in row["ev"]}
    assert cited and -1 not in cited  # every sentence's article is in the list ...
    assert {files[i] for i in cited} == {f"a{i:03d}.md" for i in range(5)}
    assert data["articles"][-1]["d"] == FIRST_DAY.isoformat()  # ... the oldest: the date
    #                                                               filter starts there
    assert len(files) == 205 and data["stats"]["articles"] == 230
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert "来源：230 篇文章" in page and "……另有 30 篇" in page


def test_the_article_rows_kept_from_a_stream():
    rows = [{"headline": f"h{i}", "date": f"2020-01-{i + 1:02d}" if i % 2 else "",
             "iri": f"a{i}"} for i in range(20)]
    kept = pipeline._ArticleRows(3, {"a0", "a6"}, html.article_row_key)
    kept.add(rows[:7])
    kept.add(rows[7:])
    in_order = html.sort_article_rows(list(rows))
    assert [r["iri"] for r in html.sort_article_rows(kept.kept())] == [
        "a19", "a17", "a15", "a1", "a0", "a6"]  # the newest 3, the oldest dated, the cited
    #                                             (undated: last)
    assert in_order[:3] == html.sort_article_rows(kept.kept())[:3]
    everything = pipeline._ArticleRows(30, set(), html.article_row_key)
    everything.add(rows)
    assert html.sort_article_rows(everything.kept()) == in_order


def test_the_article_rows_are_those_the_page_reads_from_the_view_graph():
    """The page's rows are made from the articles' fields, not from an rdflib graph of their
    view triples: the same rows, with articles that share an id sharing one (the smallest of
    their values, as html._first takes them), blank values left out, no date, no URL."""
    from datetime import datetime, timezone

    from kg import graph
    from kg.model import Article

    when = datetime(2021, 3, 4, 23, 30, 5, 7, tzinfo=timezone.utc)
    articles = [
        Article("x1", "in/b.md", "乙标题", "", (), when, publisher="甲报", url="https://a.cn/1"),
        Article("x1", "in\\a.md", "甲标题", "", (), None, publisher="乙报"),
        Article("x2", "c.html", " ", "", (), None, url=" "),
        Article("x3", "", "标题\x07三", "", (), when.replace(year=2020)),
    ]
    base = pipeline.Options().base
    view = pipeline._rdflib_graph(graph.view_triples({}, [], articles, graph.Terms(base)), base)
    expected = html.sort_article_rows(html.article_rows(view))
    got = html.sort_article_rows(pipeline._article_rows(articles, base))
    assert got == expected
    assert [r["headline"] for r in got] == ["乙标题", "标题三", base + "article/x2"]
    assert (got[0]["file"], got[0]["date"], got[0]["publisher"]) == ("a.md", "2021-03-05", "乙报")


def test_the_page_made_beside_the_graph_is_the_page_made_after_it(tmp_path):
    """With more than one job, the page is made in a forked copy of the build while the build
    writes the graph (pipeline._Beside); when that copy fails, the build makes the page itself.
    The same bytes each way, and with one job (no fork). In a fresh process: the build forks
    only where no other thread runs."""
    script = f"""
from pathlib import Path
from kg import pipeline
forked = []
enter = pipeline._Beside.__enter__
def spy(self):
    made = enter(self)
    forked.append(self.pid is not None)
    return made
pipeline._Beside.__enter__ = spy
def build(name, jobs):
    pipeline.build_folder([{str(FIXTURES / "probe")!r}], Path({str(tmp_path)!r}) / name,
                          options=pipeline.Options(), jobs=jobs, max_nodes=30, use_cache=False)
build("forked", 2)
assert forked == [True], forked
def fail(self, pipe):
    raise RuntimeError("the page's process fails")
pipeline._Beside._child = fail
build("failed", 2)
build("serial", 1)
assert forked == [True, True, False], forked
"""
    subprocess.run([sys.executable, "-c", script], check=True, timeout=300)
    for name in ("graph.ttl", "graph.html"):
        made = [(tmp_path / way / name).read_bytes() for way in ("forked", "failed", "serial")]
        assert made[0] == made[1] == made[2]
    assert not (tmp_path / "forked" / shards.STAGING).exists()


def test_degrees_are_counted_through_the_external_sort(tmp_path, monkeypatch):
    monkeypatch.setattr(shards, "RUN_SIZE", 3)
    ends = tmp_path / "ends.jsonl"
    keys = ["b", "a", "c\n", "b", "a", "b", "é", "a", "b"]
    ends.write_text("".join(json.dumps(k) + "\n" for k in keys), encoding="utf-8")
    assert list(shards.counts(ends)) == [("a", 3), ("b", 4), ("c\n", 1), ("é", 1)]
    assert not list((tmp_path / "runs").iterdir())  # the runs are removed


# -- the unchanged re-run -------------------------------------------------------------------

def inputs(folder: Path) -> Path:
    folder.mkdir()
    for path in (SEED, FOREST):
        shutil.copy(path, folder / path.name)
    # no date, and a second one that gives no fact
    (folder / "note.txt").write_text("森林城市\n\n北京市石景山区、上海市崇明区获评“国家森林城市”。\n",
                                     encoding="utf-8")
    (folder / "empty.txt").write_text("天气\n\n今天天气很好，我们一起去公园散步。\n",
                                      encoding="utf-8")
    (folder / "big.txt").write_text("很长。" * 20_000, encoding="utf-8")  # over max_bytes
    return folder


OPTIONS = pipeline.Options(max_bytes=50_000)


def build(folder: Path, out: Path, **extra) -> pipeline.BuildResult:
    return pipeline.build_folder([folder], out, options=OPTIONS, **extra)


def stamps(out: Path) -> dict:
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.iterdir()
            if p.is_file() and p.name != atomic.LOCK}


def test_an_unchanged_rerun_reads_no_cache_entry_writes_nothing_and_reports_the_same(
        tmp_path, monkeypatch):
    folder, out = inputs(tmp_path / "in"), tmp_path / "out"
    first = build(folder, out)
    assert first.count == 4 and not first.unchanged
    assert [e.path for e in first.errors] == [str(folder / "big.txt")]
    assert first.no_facts and first.no_date
    before = stamps(out)
    shutil.rmtree(out / kg_cache.CACHE_NAME)  # not even looked at
    monkeypatch.setattr(pipeline, "process", lambda *a: pytest.fail("extracted again"))
    monkeypatch.setattr(kg_cache.Cache, "get", lambda *a: pytest.fail("read the cache"))
    again = build(folder, out)
    assert again.unchanged and again.count == again.cached == 4
    assert stamps(out) == before
    for name in ("facts", "entities", "by_relation", "no_facts", "no_date"):
        assert getattr(again, name) == getattr(first, name), name
    assert [(e.path, e.reason) for e in again.errors] == [
        (e.path, e.reason) for e in first.errors]
    assert [(w.path, w.reason) for w in again.warnings] == [
        (w.path, w.reason) for w in first.warnings]


def _edit(folder: Path, out: Path) -> None:
    (folder / "note.txt").write_text("森林城市\n\n浙江省丽水市获评“国家森林城市”。\n",
                                     encoding="utf-8")


def _add(folder: Path, out: Path) -> None:
    (folder / "more.txt").write_text("森林城市\n\n四川省雅安市获评“国家森林城市”。\n",
                                     encoding="utf-8")


def _remove(folder: Path, out: Path) -> None:
    (folder / "note.txt").unlink()


def _rename(folder: Path, out: Path) -> None:
    (folder / "note.txt").rename(folder / "renamed.txt")


def _delete_page(folder: Path, out: Path) -> None:
    (out / "graph.html").unlink()


def _edit_graph(folder: Path, out: Path) -> None:
    graph = out / "graph.ttl"
    graph.write_bytes(graph.read_bytes().replace(b"kg:", b"kx:", 1))


def _same_size_edit(folder: Path, out: Path) -> None:
    page = out / "graph.html"
    data = page.read_bytes()
    page.write_bytes(data[:-2] + (b"X" if data[-2:-1] != b"X" else b"Y") + data[-1:])


@pytest.mark.parametrize("change", [_edit, _add, _remove, _rename, _delete_page, _edit_graph,
                                    _same_size_edit])
def test_a_rerun_builds_again_when_an_input_or_an_output_changed(tmp_path, change):
    folder, out = inputs(tmp_path / "in"), tmp_path / "out"
    build(folder, out)
    change(folder, out)
    again = build(folder, out)
    assert not again.unchanged
    fresh = build(folder, tmp_path / "fresh", use_cache=False)
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
    assert again.count == fresh.count and again.facts == fresh.facts
    assert build(folder, out).unchanged  # and then it is unchanged again


@pytest.mark.parametrize("extra", [{"title": "另一个标题"}, {"max_nodes": 3}])
def test_a_rerun_with_other_settings_builds_again(tmp_path, extra):
    folder, out = inputs(tmp_path / "in"), tmp_path / "out"
    build(folder, out)
    assert not build(folder, out, **extra).unchanged
    assert build(folder, out, **extra).unchanged


def test_an_input_that_failed_to_extract_is_tried_again(tmp_path, monkeypatch):
    folder, out = inputs(tmp_path / "in"), tmp_path / "out"
    process = pipeline.process

    def flaky(path, data, digest, *args):
        if path.endswith("note.txt"):  # as process() reports a rule's crash
            return pipeline.Outcome(path, digest, error=InputError(
                path, "extraction failed (MemoryError: once)"))
        return process(path, data, digest, *args)
    monkeypatch.setattr(pipeline, "process", flaky)
    first = build(folder, out)
    assert first.count == 3 and len(first.errors) == 2
    monkeypatch.setattr(pipeline, "process", process)
    again = build(folder, out)
    assert not again.unchanged and again.count == 4 and len(again.errors) == 1


def test_the_manifest_lists_every_input(tmp_path):
    folder, out = inputs(tmp_path / "in"), tmp_path / "out"
    build(folder, out)
    manifest = atomic.read_manifest(out)
    assert [i["path"] for i in manifest["inputs"]] == [
        str(folder / name) for name in ("empty.txt", FOREST.name, "note.txt", SEED.name)]
    assert manifest["summary"]["articles"] == 4


def cached(out: Path) -> set[str]:
    """The content hashes the cache of `out` holds: entries of their own and in packs."""
    folders = list((out / kg_cache.CACHE_NAME).iterdir())
    assert len(folders) == 1, folders
    own = {p.name for p in folders[0].iterdir() if not p.name.startswith(kg_cache.PACK_PREFIX)}
    return own | {digest for _name, entries in kg_cache.packs(folders[0])
                  for digest, _offset, _length in entries}


def test_the_cache_drops_the_entries_no_input_uses(tmp_path):
    folder, out = inputs(tmp_path / "in"), tmp_path / "out"
    build(folder, out)
    entries = cached(out)
    assert len(entries) == 4 and len(list(out.glob(f"{kg_cache.CACHE_NAME}/*/*"))) == 1
    (folder / "note.txt").unlink()
    build(folder, out)
    assert cached(out) == entries  # a pack that holds entries still used is kept whole
    other = tmp_path / "other"
    other.mkdir()
    (other / "new.txt").write_text("森林城市\n\n北京市石景山区获评“国家森林城市”。\n", encoding="utf-8")
    build(other, out)
    assert cached(out) == {hashlib.sha256((other / "new.txt").read_bytes()).hexdigest()}
