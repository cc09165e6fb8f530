"""`kg load` of a shard folder: a big graph as many files (N-Triples split on lines, as the README
shows), loaded one file after the other into an Oxigraph store and into a real Oxigraph server,
gives the graph that loading the one file gives."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.query import query_store
from kg.store import http_query

from servers import oxigraph_binary, start_oxigraph, start_virtuoso

FIXTURES = Path(__file__).parent / "fixtures"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    result = CliRunner().invoke(cli, ["build", str(FIXTURES / "probe"), "--out", str(out),
                                      "--format", "nt", "-q"])
    assert result.exit_code == 0, result.output
    return out / "graph.nt"


@pytest.fixture(scope="module")
def shards(graph, tmp_path_factory) -> Path:
    """graph.nt cut in three on line boundaries, with a README that is not a graph."""
    folder = tmp_path_factory.mktemp("shards")
    _split(graph, folder)
    (folder / "README.md").write_text("not a graph\n", encoding="utf-8")
    return folder


def _split(graph: Path, folder: Path, parts: int = 3) -> None:
    lines = graph.read_bytes().splitlines(keepends=True)
    size = len(lines) // parts + 1
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(parts):
        (folder / f"part-{i:05d}.nt").write_bytes(b"".join(lines[i * size:(i + 1) * size]))


def _count_store(store: Path) -> int:
    return int(query_store(store, COUNT).rows[0]["n"].value)


def test_a_shard_folder_loads_into_a_store_as_the_whole_file_does(graph, shards, tmp_path):
    for name, source in (("whole", graph), ("shards", shards)):
        run = CliRunner().invoke(cli, ["load", str(source), "--store", str(tmp_path / name)])
        assert run.exit_code == 0, run.output
    whole = _count_store(tmp_path / "whole")
    assert whole > 1000
    assert _count_store(tmp_path / "shards") == whole


def test_a_shard_folder_loads_into_a_server(graph, shards, tmp_path, monkeypatch):
    assert oxigraph_binary(), "missing the oxigraph server (pip install oxigraph)"
    server = start_oxigraph(tmp_path / "server")
    try:
        run = CliRunner().invoke(cli, ["load", str(shards), "--endpoint", server.store_url,
                                       "--graph", "https://kg.example.org/graph/shards",
                                       "--replace"])
        assert run.exit_code == 0, run.output + server.log_tail()
        answer = http_query(server.query_url, COUNT, graph="https://kg.example.org/graph/shards")
        store = tmp_path / "store"
        assert CliRunner().invoke(cli, ["load", str(graph), "--store", str(store)]).exit_code == 0
        assert int(answer.rows[0]["n"].value) == _count_store(store)
    finally:
        server.stop()


def test_a_folder_without_graph_files_is_a_one_line_error(tmp_path):
    (tmp_path / "empty").mkdir()
    run = CliRunner().invoke(cli, ["load", str(tmp_path / "empty"), "--store",
                                   str(tmp_path / "store")])
    assert run.exit_code == 1
    assert run.output.strip().splitlines() == [
        f"Error: {tmp_path / 'empty'}: no graph file in the folder (expected files ending in "
        ".nq, .nt, .ttl, .trig)"]


def test_the_readme_s_oxigraph_bulk_load_of_a_shard_folder(graph, shards, tmp_path):
    binary = oxigraph_binary()
    assert binary, "missing the oxigraph server (pip install oxigraph)"
    files = sorted(str(p) for p in shards.glob("*.nt"))
    run = subprocess.run([binary, "load", "--location", str(tmp_path / "bulk"), "--file", *files],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert CliRunner().invoke(cli, ["load", str(graph), "--store", str(tmp_path / "one")]
                              ).exit_code == 0
    assert _count_store(tmp_path / "bulk") == _count_store(tmp_path / "one")


def test_the_readme_s_virtuoso_ld_dir_of_a_shard_folder(graph, tmp_path):
    """Virtuoso's bulk loader reads only folders its DirsAllowed lists: the shards go in the
    server's own folder here."""
    isql = shutil.which("isql-vt") or shutil.which("isql")
    assert isql and shutil.which("virtuoso-t"), \
        "missing virtuoso: install the test system packages with scripts/system-deps"
    server = start_virtuoso(tmp_path / "virtuoso")
    try:
        folder = tmp_path / "virtuoso" / "shards"
        _split(graph, folder)
        port = re.search(r"ServerPort\s*=\s*127\.0\.0\.1:(\d+)",
                         (tmp_path / "virtuoso" / "virtuoso.ini").read_text()).group(1)
        target = "https://kg.example.org/graph/bulk"
        for statement in (f"ld_dir('{folder}', '*.nt', '{target}');", "rdf_loader_run();",
                          "checkpoint;"):
            run = subprocess.run([isql, port, "dba", "dba", f"exec={statement}"],
                                 capture_output=True, text=True, timeout=120)
            assert run.returncode == 0 and "Error" not in run.stdout, run.stdout + run.stderr
        answer = http_query(server.query_url, COUNT, graph=target)
        assert CliRunner().invoke(cli, ["load", str(graph), "--store", str(tmp_path / "one")]
                                  ).exit_code == 0
        assert int(answer.rows[0]["n"].value) == _count_store(tmp_path / "one")
    finally:
        server.stop()
