"""The bounded-memory build: articles' observations and facts go to shard files, and the default
graph and the view are streamed from them through external sorts. The outputs must not depend on
how the work was split: sorted runs of any size, batches of any size, shards of any number."""
from __future__ import annotations

import json
import operator
import random
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph

from kg import pipeline, shards
from kg.cache import CACHE_NAME

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "qianzhao-cities-2021.md"
PROBE = FIXTURES / "probe"
INPUTS = [PROBE, SEED, FIXTURES / "articles"]


def build(out: Path, fmt: str = "turtle", max_nodes: int = 1000, jobs: int = 1):
    return pipeline.build_folder(INPUTS, out, options=pipeline.Options(fmt=fmt), jobs=jobs,
                                 use_cache=False, max_nodes=max_nodes)


def outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.name.startswith("graph.")}


@pytest.mark.parametrize("fmt,max_nodes", [("turtle", 1000), ("turtle", 30), ("trig", 30),
                                           ("nquads", 1000)])
def test_tiny_sorted_runs_and_batches_give_the_same_bytes(tmp_path, monkeypatch, fmt,
                                                          max_nodes):
    """Runs of 7 records and batches of 3 triples split every sort and every write many times
    (max_nodes 30 also takes the view's path for big graphs, from degree counts)."""
    build(tmp_path / "whole", fmt, max_nodes)
    monkeypatch.setattr(shards, "RUN_SIZE", 7)
    original = pipeline._Batches.__init__
    monkeypatch.setattr(pipeline._Batches, "__init__",
                        lambda self, out, size=3: original(self, out, size))
    runs = []
    write_run = shards._write_run
    monkeypatch.setattr(shards, "_write_run",
                        lambda records, folder: runs.append(1) or write_run(records, folder))
    build(tmp_path / "split", fmt, max_nodes)
    assert len(runs) > 10  # the sorts did go to disk
    assert outputs(tmp_path / "split") == outputs(tmp_path / "whole")


def test_the_merge_by_key_gives_the_entities_of_a_merge_of_everything(tmp_path):
    """kg.pipeline.run merges all observations at once in memory (kg.resolve.merge); the
    streamed build merges them key by key from the shards. Same triples."""
    in_memory = pipeline.run(INPUTS).graph
    build(tmp_path / "out", "nt")
    streamed = Graph().parse(tmp_path / "out" / "graph.nt", format="nt")
    assert set(streamed) == set(in_memory)
    assert len(streamed) > 1000


def test_every_article_goes_through_the_shards_and_the_staging_area_is_removed(tmp_path, monkeypatch):
    folders = []
    lines = []
    original = shards.Shards.lines

    def spy(self, *args, **kwargs):
        folders.append(self.folder)
        for line in original(self, *args, **kwargs):
            lines.append(line[0])
            yield line

    monkeypatch.setattr(shards.Shards, "lines", spy)
    forked = []  # whether the page was made in a forked copy (no other thread was running)
    enter = pipeline._Beside.__enter__

    def spy_enter(self):
        made = enter(self)
        forked.append(self.pid is not None)
        return made

    monkeypatch.setattr(pipeline._Beside, "__enter__", spy_enter)
    result = build(tmp_path / "out", jobs=2)
    staging = folders[0]
    assert staging.parent == tmp_path / "out" / shards.STAGING
    assert not staging.parent.exists()  # removed once the build is done
    # every article is read back from the shards, once for each of the three streams; the
    # view's rows in the page's process when the build forks one (pipeline._Beside), which
    # also counts the relations again
    counts = Counter(lines)
    assert len(counts) == result.count and set(counts.values()) == ({2} if forked[0] else {3})


def test_broken_and_repeated_lines_are_read_once(tmp_path):
    """A worker killed mid-line leaves a line that does not parse; Dask runs its articles again
    on another worker, whose shard repeats them. Each article is read once."""
    folder = tmp_path / "staging"
    folder.mkdir()
    line = [[i, f"a{i}", [[f"person/p{i}", "Person", f"P{i}", f"P{i}", None]],
             [[f"person/p{i}", "worksFor", f"org/o{i}", "一句话。"]]] for i in range(4)]
    (folder / "shard-a.jsonl").write_text(
        "".join(json.dumps(x) + "\n" for x in line[:3]) + json.dumps(line[3])[:20],
        encoding="utf-8")
    (folder / "shard-b.jsonl").write_text(
        "".join(json.dumps(x) + "\n" for x in (line[3], line[1])), encoding="utf-8")
    accepted = bytearray([1, 1, 0, 1])  # the third was a repeat of earlier content
    store = shards.Shards(folder, accepted)
    assert [x[0] for x in store.lines()] == [0, 1, 3]
    assert [r[0] for r in store.view_rows()] == ["person/p0", "person/p1", "person/p3"]


def test_shards_each_in_input_order_are_merged_not_sorted(tmp_path, monkeypatch):
    """A process pool's workers write their lines in input order: view_rows then merges the
    shards instead of sorting every fact, and gives what the sort gives (the earlier file's
    line for an article in two, a line cut short skipped)."""
    folder = tmp_path / "staging"
    folder.mkdir()

    def line(i, where):
        return json.dumps([i, f"a{i}", [], [[f"person/p{i}", "worksFor", f"org/o{i}",
                                             f"句{i}{where}"]]]) + "\n"

    (folder / "shard-a.jsonl").write_text(
        line(0, "a") + line(2, "a") + line(3, "a") + line(5, "a")[:15], encoding="utf-8")
    (folder / "shard-b.jsonl").write_text(
        line(1, "b") + line(3, "b") + line(4, "b") + line(5, "b"), encoding="utf-8")
    store = shards.Shards(folder, bytearray([1, 1, 1, 1, 1, 1]))
    assert store.in_order()
    merged = list(store.view_rows())
    assert [r[3] for r in merged] == ["句0a", "句1b", "句2a", "句3a", "句4b", "句5b"]
    monkeypatch.setattr(shards.Shards, "in_order", lambda self: False)
    assert list(store.view_rows()) == merged
    (folder / "shard-c.jsonl").write_text(line(5, "c") + line(4, "c"), encoding="utf-8")
    monkeypatch.undo()
    assert not store.in_order()  # then the facts go through the external sort


@pytest.mark.parametrize("fan_in", [64, 3])
def test_the_external_sort_is_a_stable_sort(tmp_path, monkeypatch, fan_in):
    """28 runs of 37 records; merged 3 at a time, the runs are merged in several rounds."""
    monkeypatch.setattr(shards, "FAN_IN", fan_in)
    rng = random.Random(5)
    records = [[rng.choice("abcde"), rng.randint(0, 9), i] for i in range(1000)]
    got = list(shards.external_sort(iter(records), lambda r: (r[0], r[1]), tmp_path, 37))
    assert got == sorted(records, key=lambda r: (r[0], r[1]))
    assert not list(tmp_path.glob("run-*"))  # the runs are removed once read


@pytest.mark.parametrize("run_size", [37, 5000])
def test_the_external_sort_keeps_the_first_of_each_key_when_asked(tmp_path, run_size):
    """With firsts=True each run keeps the first record of each key: what a caller that
    takes the first of each key reads is the same, in fewer records."""
    rng = random.Random(7)
    records = [[rng.choice("abcde"), rng.randint(0, 9), i] for i in range(1000)]
    key = operator.itemgetter(0, 1)
    got = list(shards.external_sort(iter(records), key, tmp_path, run_size, firsts=True))
    every = sorted(records, key=key)
    firsts = [r for i, r in enumerate(every) if i == 0 or key(every[i - 1]) != key(r)]
    assert [r for i, r in enumerate(got) if i == 0 or key(got[i - 1]) != key(r)] == firsts
    assert len(firsts) <= len(got) < len(records)  # repeats across runs are left
    if run_size >= len(records):  # one run: no repeat at all
        assert got == firsts


def test_an_unchanged_rerun_reads_no_shard(tmp_path, monkeypatch):
    out = tmp_path / "out"
    pipeline.build_folder(INPUTS, out, options=pipeline.Options())
    assert (out / CACHE_NAME).is_dir()
    monkeypatch.setattr(shards.Shards, "lines", lambda self: pytest.fail("shards were read"))
    again = pipeline.build_folder(INPUTS, out, options=pipeline.Options())
    assert again.unchanged


def test_the_view_s_article_rows_made_batch_by_batch_are_those_of_one_graph():
    """The build makes the view's list of articles a few at a time (no graph of all of them
    is held); the rows are those the view reads from one graph of every article."""
    from kg import graph
    from kg.export import html

    articles = pipeline.run(INPUTS).articles
    base = pipeline.Options().base
    whole = html.sort_article_rows(html.article_rows(
        graph.to_rdflib(graph.view_triples({}, [], articles, graph.Terms(base)), base)))
    rows = []
    for batch in pipeline._chunks(articles, 3):
        rows += html.article_rows(pipeline._rdflib_graph(
            graph.view_triples({}, [], batch, graph.Terms(base)), base))
    assert html.sort_article_rows(rows) == whole
    assert len(whole) == len(articles) > 10


def test_shards_written_elsewhere_fail_the_build_and_keep_the_old_outputs(tmp_path, monkeypatch):
    """Dask workers that do not see the output folder write their shards somewhere else: the
    build must fail, saying so, rather than write a graph without those articles' entities."""
    out = tmp_path / "out"
    build(out)
    before = outputs(out)
    elsewhere = tmp_path / "elsewhere"
    writer = shards.writer
    monkeypatch.setattr(shards, "writer", lambda folder: writer(elsewhere))
    with pytest.raises(shards.MissingShards, match=r"do the workers write to this output folder"):
        build(out)
    assert outputs(out) == before
    assert not (out / shards.STAGING).exists()
