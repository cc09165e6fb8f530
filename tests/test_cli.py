"""The command line: help, version, exit codes and the files `kg build` writes."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg import __version__
from kg.cli import cli
from kg.vocab import KG

SEED = Path(__file__).parent / "fixtures" / "qianzhao-cities-2021.md"


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(cli, ["build", str(SEED), "--out", str(out)])
    return result, out


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["view", "--help"]])
def test_every_command_has_help_with_an_example(args):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    assert "Example" in result.output


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_build_writes_turtle_and_html(seed_build):
    result, out = seed_build
    assert result.exit_code == 0, result.output
    assert (out / "graph.ttl").stat().st_size > 1000
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "千兆城市" in page and "vis.Network" in page
    assert not list(out.glob(".*.tmp"))


def test_graph_parses_back_with_the_seed_facts(seed_build):
    _, out = seed_build
    graph = Graph().parse(out / "graph.ttl", format="turtle")

    def node(label):
        nodes = [s for s in graph.subjects(RDFS.label, Literal(label, lang="zh"))]
        assert len(nodes) == 1, (label, nodes)
        return nodes[0]

    forum, qingdao, han = node("首届“千兆城市”高峰论坛"), node("青岛市"), node("韩夏")
    assert (qingdao, KG.awardedTitle, node("千兆城市")) in graph
    assert (forum, KG.heldIn, qingdao) in graph
    assert (forum, KG.heldOn, Literal("2021-12-24", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#date"))) in graph
    assert (han, KG.speaksAt, forum) in graph
    assert (han, KG.worksFor, node("工业和信息化部")) in graph
    assert (han, KG.jobTitle, Literal("总工程师", lang="zh")) in graph
    # labels as the article writes them: full-width brackets stay full-width
    assert (node("工业和信息化部"), KG.publishes,
            node("“双千兆”网络协同发展行动计划（2021-2023年）")) in graph
    assert len(set(graph.subjects(KG.awardedTitle, None))) == 29


def test_boilerplate_never_becomes_an_entity(seed_build):
    _, out = seed_build
    labels = " ".join(str(o) for o in Graph().parse(out / "graph.ttl").objects(None, RDFS.label))
    for junk in ("蒋晓桐", "央视新闻", "新浪财经APP", "责任编辑"):
        assert junk not in labels


def test_folder_input_and_base_option(tmp_path):
    folder = tmp_path / "in" / "nested"
    folder.mkdir(parents=True)
    (folder / "seed.md").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--out", str(out),
                                      "--base", "http://example.com/kg/"])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(out / "graph.ttl")
    assert (URIRef("http://example.com/kg/place/370200"), RDFS.label,
            Literal("青岛市", lang="zh")) in graph


def test_some_inputs_fail_exit_1_and_the_rest_is_written(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: [oops\n---\n<p>x</p>\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(SEED), str(bad), str(tmp_path / "gone.md"),
                                      "--out", str(out)])
    assert result.exit_code == 1
    assert "bad.md: malformed YAML front matter" in result.output
    assert "gone.md: no such file or folder" in result.output
    assert (out / "graph.ttl").exists() and (out / "graph.html").exists()


def test_nothing_readable_is_an_error_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "missing.md"), "--out", str(out)])
    assert result.exit_code == 1
    assert "nothing was written" in result.output
    assert not out.exists()


@pytest.mark.parametrize("args", [["build"], ["build", str(SEED), "--max-nodes", "0"],
                                  ["build", str(SEED), "--bogus"]])
def test_usage_errors_exit_2(args):
    assert CliRunner().invoke(cli, args).exit_code == 2


def test_bad_base_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(SEED), "--out", str(tmp_path),
                                      "--base", "http://example.com/kg"])
    assert result.exit_code == 2 and "--base" in result.output


def test_view_renders_a_graph_file(seed_build, tmp_path):
    _, out = seed_build
    page = tmp_path / "view.html"
    result = CliRunner().invoke(cli, ["view", str(out / "graph.ttl"), "--out", str(page)])
    assert result.exit_code == 0, result.output
    assert "韩夏" in page.read_text(encoding="utf-8")


def test_same_input_gives_byte_identical_turtle(seed_build, tmp_path):
    _, out = seed_build
    CliRunner().invoke(cli, ["build", str(SEED), "--out", str(tmp_path)])
    assert (tmp_path / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()


def test_outputs_are_readable_by_others(seed_build):
    _, out = seed_build
    import os
    import stat
    mask = os.umask(0)
    os.umask(mask)
    for name in ("graph.ttl", "graph.html"):
        mode = stat.S_IMODE((out / name).stat().st_mode)
        assert mode == 0o666 & ~mask
