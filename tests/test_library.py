"""The library says when it fails, and counts facts one way.

- kg.build / kg.pipeline.run raise NoInputError when nothing can be read (a missing path, a
  folder with no article file, every file failing); when some inputs fail, run() returns them
  in `result.errors`, build() logs them, and strict=True raises SomeInputsFailed.
- A fact is defined once (kg/facts.py): the build summary, the view header, the SPARQL query
  queries/count-facts.rq and pipeline.run agree on the probe articles.
- --include/--exclude choose the files of a folder.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

import kg
from kg import facts, pipeline, sources
from kg.cli import cli
from kg.errors import InputError, KgError, NoInputError, SomeInputsFailed
from kg.query import query_file
from kg.vocab import KG

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "qianzhao-cities-2021.md"
PROBE = FIXTURES / "probe"
QUERIES = Path(__file__).parent.parent / "queries"


def _invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


# ------------------------------------------------------------------ nothing can be read

def test_a_missing_path_raises(tmp_path):
    missing = tmp_path / "missing"
    with pytest.raises(NoInputError) as caught:
        kg.build([missing])
    assert isinstance(caught.value, KgError)
    assert [(e.path, e.reason) for e in caught.value.errors] == [(str(missing), "no such file or folder")]
    assert str(caught.value) == f"no article could be read: {missing}: no such file or folder"


def test_a_missing_folder_named_as_a_string_raises():
    with pytest.raises(NoInputError, match="^no article could be read: missing: no such file or folder$"):
        kg.build("missing/")


def test_a_folder_with_no_article_file_raises(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(NoInputError) as caught:
        pipeline.run([tmp_path])
    # the folder is named with the reason (and the suffixes looked for)
    assert [e.path for e in caught.value.errors] == [str(tmp_path)]
    assert str(tmp_path) in str(caught.value) and "no article files" in str(caught.value)


def test_nothing_matching_the_include_pattern_raises():
    with pytest.raises(NoInputError, match="include/exclude"):
        kg.build([PROBE], include=["*.rst"])


def test_every_file_failing_raises_with_each_reason(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    with pytest.raises(NoInputError) as caught:
        pipeline.run([tmp_path])
    reasons = {Path(e.path).name: e.reason for e in caught.value.errors}
    assert reasons == {"binary.txt": "a binary file, not text", "empty.md": "the file is empty"}


# ------------------------------------------------------------------ some inputs fail

def test_run_returns_the_failures_beside_the_graph(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    result = pipeline.run([SEED, tmp_path / "empty.md", tmp_path / "gone.md"])
    assert [(Path(e.path).name, e.reason) for e in result.errors] == [
        ("gone.md", "no such file or folder"), ("empty.md", "the file is empty")]
    assert all(isinstance(e, InputError) for e in result.errors)
    assert result.facts == 35 and facts.count(result.graph) == 35


def test_build_logs_each_failure_and_returns_the_rest(tmp_path, caplog):
    (tmp_path / "empty.md").write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="kg.pipeline"):
        graph = kg.build([SEED, tmp_path / "empty.md"])
    assert facts.count(graph) == 35
    assert [r.getMessage() for r in caplog.records] == [
        f"skipped {tmp_path / 'empty.md'}: the file is empty"]


def test_strict_raises_with_the_failures_and_the_rest(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    for call in (kg.build, pipeline.run):
        with pytest.raises(SomeInputsFailed) as caught:
            call([SEED, tmp_path / "empty.md"], strict=True)
        assert [e.reason for e in caught.value.errors] == ["the file is empty"]
        assert caught.value.result.facts == 35
        assert str(caught.value) == f"1 input(s) could not be read: {tmp_path / 'empty.md'}: the file is empty"


def test_strict_with_every_input_read_returns_the_graph():
    assert facts.count(kg.build(SEED, strict=True)) == 35


# ------------------------------------------------------------------ one number for facts

def test_summary_header_sparql_and_library_agree_on_the_probe_articles(tmp_path):
    run = _invoke("build", str(PROBE), "--exclude", "ABOUT.md", "--out", str(tmp_path), "-j", "1")
    assert run.exit_code == 0, run.output
    summary = int(re.search(r"entities, (\d+) facts in", run.output).group(1))
    per_relation = dict((rel, int(n)) for rel, n in re.findall(
        r"(\w+) (\d+)", run.output.split("facts by relation: ")[1].splitlines()[0]))
    header = int(re.search(r"事实 (\d+) 条", (tmp_path / "graph.html").read_text("utf-8")).group(1))
    rq = (QUERIES / "count-facts.rq").read_text(encoding="utf-8")
    (row,) = query_file(tmp_path / "graph.ttl", rq).rows
    library = pipeline.run([PROBE], exclude=["ABOUT.md"])
    graph = Graph().parse(tmp_path / "graph.ttl")
    assert summary > 300  # the 18 probe articles state hundreds of facts
    assert summary == header == int(row["facts"].value) == library.facts == facts.count(graph)
    assert sum(per_relation.values()) == summary
    assert per_relation == library.by_relation == facts.tally(facts.in_graph(graph))
    (alone,) = query_file(tmp_path / "graph.ttl", facts.COUNT_QUERY).rows
    assert int(alone["facts"].value) == summary


def test_located_in_from_the_gazetteer_is_not_a_fact():
    graph = kg.build(SEED)
    located = len(set(graph.triples((None, KG.locatedIn, None))))
    assert located == 29 and facts.count(graph) == 35


def test_warnings_for_articles_without_facts_or_date(tmp_path):
    (tmp_path / "nothing.txt").write_text("今日天气\n\n天气晴朗，气温适宜。\n", encoding="utf-8")
    run = _invoke("build", str(SEED), str(tmp_path / "nothing.txt"), "--out", str(tmp_path / "o"))
    assert run.exit_code == 0, run.output
    nothing = tmp_path / "nothing.txt"
    assert f"warning: {nothing}: no fact found" in run.output
    assert f"warning: {nothing}: no publication date" in run.output
    assert f"{SEED}: no" not in run.output
    quiet = _invoke("build", str(SEED), str(nothing), "--out", str(tmp_path / "q"), "-q")
    assert quiet.output == ""


# ------------------------------------------------------------------ choosing inputs

@pytest.fixture
def tree(tmp_path) -> Path:
    for name in ("a.md", "README.md", "drafts/b.md", "c.txt", "d.html", "e.csv", "deep/x/GUIDELINES.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("标题\n\n正文。\n", encoding="utf-8")
    return tmp_path


def _names(tree: Path, **patterns) -> list[str]:
    files, errors = sources.collect([tree], **patterns)
    assert errors == []
    return [f.relative_to(tree).as_posix() for f in files]


@pytest.mark.parametrize("patterns, expected", [
    ({}, ["README.md", "a.md", "c.txt", "d.html", "deep/x/GUIDELINES.md", "drafts/b.md"]),
    ({"exclude": ["README.md"]}, ["a.md", "c.txt", "d.html", "deep/x/GUIDELINES.md", "drafts/b.md"]),
    ({"exclude": ["README.md", "GUIDELINES.md"]}, ["a.md", "c.txt", "d.html", "drafts/b.md"]),
    ({"exclude": ["drafts/*"]}, ["README.md", "a.md", "c.txt", "d.html", "deep/x/GUIDELINES.md"]),
    ({"include": ["*.md"]}, ["README.md", "a.md", "deep/x/GUIDELINES.md", "drafts/b.md"]),
    ({"include": ["*.md"], "exclude": ["[A-Z]*"]}, ["a.md", "drafts/b.md"]),
    ({"include": ["drafts/*", "*.txt"]}, ["c.txt", "drafts/b.md"]),
    ({"include": ["*.csv"]}, []),   # only article suffixes are ever read
])
def test_include_and_exclude_choose_the_files_of_a_folder(tree, patterns, expected):
    assert _names(tree, **patterns) == expected


def test_a_file_named_directly_is_read_whatever_the_patterns(tree):
    files, _ = sources.collect([tree / "README.md"], exclude=["README.md"], include=["*.txt"])
    assert files == [tree / "README.md"]


def test_cli_include_and_exclude(tmp_path):
    run = _invoke("build", str(PROBE), "--exclude", "ABOUT.md", "--include", "conf*",
                  "--out", str(tmp_path / "o"))
    assert run.exit_code == 0, run.output
    assert "6 article(s)" in run.output and "ABOUT.md" not in run.output
    none = _invoke("build", str(PROBE), "--include", "*.rst", "--out", str(tmp_path / "n"))
    assert none.exit_code == 1
    assert none.output.splitlines() == [
        "Error: no article file found (.md, .markdown, .html, .htm, .txt; check "
        "--include/--exclude); nothing was written"]
    assert not (tmp_path / "n").exists()
