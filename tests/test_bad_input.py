"""Bad input never breaks a build, loses output, or gets into the graph as markup."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import RDFS

from kg import sources
from kg.cli import cli
from kg.errors import InputError
from kg.export import atomic

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
EXPECTED = json.loads((HOSTILE / "expected.json").read_text(encoding="utf-8"))
SEED = Path(__file__).parent / "fixtures" / "qianzhao-cities-2021.md"
# what a build leaves in its output folder: the outputs, their manifest, the cache, the lock
OUTPUT_FILES = [".kg-cache", ".kg-lock", ".kg-manifest.json", "graph.html", "graph.ttl"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_file_has_its_expected_outcome(name):
    expect = EXPECTED[name]
    if expect["ok"]:
        assert expect["contains"] in sources.read(HOSTILE / name).text
    else:
        with pytest.raises(InputError) as info:
            sources.read(HOSTILE / name)
        assert expect["reason"] in info.value.reason
        assert info.value.path.endswith(name)


def _hostile_folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The committed hostile files plus the cases that only exist at run time."""
    folder = tmp_path / "in"
    shutil.copytree(HOSTILE, folder, ignore=shutil.ignore_patterns("expected.json"))
    dynamic = {}
    big = folder / "bad-huge.txt"
    with big.open("wb") as handle:  # 50 MB of real text
        line = "中国企业联合会发布中国企业500强。\n".encode("utf-8")
        handle.write(line * (50 * 2**20 // len(line) + 1))
    dynamic["bad-huge.txt"] = "over the 20 MB limit"
    (folder / "bad-deep.html").write_text(
        "<html><body>" + "<div>" * 100_000 + "深" + "</div>" * 100_000 + "</body></html>")
    dynamic["bad-deep.html"] = "nested too deeply"
    os.symlink(folder / "nowhere.md", folder / "bad-dangling.md")
    dynamic["bad-dangling.md"] = "no such file"
    os.mkfifo(folder / "bad-fifo.txt")
    dynamic["bad-fifo.txt"] = "not a regular file"
    return folder, dynamic


def test_building_the_hostile_folder(tmp_path):
    folder, dynamic = _hostile_folder(tmp_path)
    out = tmp_path / "out"
    missing = tmp_path / "missing.md"
    result = CliRunner().invoke(cli, ["build", str(folder), str(missing), "--out", str(out)])
    assert result.exit_code == 1, result.output
    reported = {line.split(": ", 2)[1]: line.split(": ", 2)[2]
                for line in result.output.splitlines() if line.startswith("error: ")}
    reported = {Path(k).name: v for k, v in reported.items()}
    expected_bad = {n: e["reason"] for n, e in EXPECTED.items() if not e["ok"]} | dynamic
    expected_bad["missing.md"] = "no such file"
    assert set(reported) == set(expected_bad)
    for name, reason in expected_bad.items():
        assert reason in reported[name], (name, reported[name])
    good = [n for n, e in EXPECTED.items() if e["ok"]]
    assert f"{len(good)} article(s), {len(expected_bad)} failed" in result.output
    graph = Graph().parse(out / "graph.ttl")
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    for person in ("韩夏", "张云明", "王江平"):
        assert person in labels
    assert "深圳峰會開幕" in labels  # the Big5 article, decoded (its headline is its label)
    assert "数字经济发展规划" in labels  # ... and read: 工業和信息化部印發《數字經濟發展規劃》
    assert sorted(p.name for p in out.iterdir()) == OUTPUT_FILES


def test_hostile_names_stay_text(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(HOSTILE / "hostile-names.md"), "--out", str(out),
                                      "--format", "jsonld"])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(out / "graph.jsonld", format="json-ld")
    titles = {str(o) for o in graph.objects(None, RDFS.label)}
    doc = '"引号"\\反斜杠<尖括号>😀\u200f行动计划'
    assert doc in titles
    assert "<img src=x onerror=alert(1)> 标题 </script><script>alert(2)</script>" in titles
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page and "</script><script>alert(2)" not in page


def test_a_failed_write_keeps_the_previous_output(tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    target.write_text("previous good graph", encoding="utf-8")

    class Boom(Exception):
        pass

    real_fsync = os.fsync

    def failing_fsync(fd):
        real_fsync(fd)
        raise Boom()

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(Boom):
        atomic.write_text(target, "new graph " * 1000)
    assert target.read_text(encoding="utf-8") == "previous good graph"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_killing_a_build_keeps_the_previous_graph(tmp_path, sig):
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SEED), "--out", str(out), "-q"],
                   check=True)
    before = (out / "graph.ttl").read_bytes()
    many = tmp_path / "many"
    many.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    for i in range(3000):  # different content each, so none is skipped as a duplicate
        (many / f"a{i:04d}.md").write_text(seed.replace("韩夏", f"韩夏{i}"), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(many), "--out", str(out),
                             "-q"], stderr=subprocess.PIPE)
    # Interrupt it in the middle of the work: once articles are being extracted and cached.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if sum(1 for _ in out.glob(".kg-cache/*/pack-*")) > 3:  # 16 articles a pack
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the build finished before it could be interrupted"
    proc.send_signal(sig)
    proc.wait(timeout=30)
    assert (out / "graph.ttl").read_bytes() == before
    if sig == signal.SIGTERM:  # unwinds: nothing half-written is left behind
        assert sorted(p.name for p in out.iterdir()) == OUTPUT_FILES


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.md").write_bytes(SEED.read_bytes())
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.md").write_bytes(SEED.read_bytes())
    real_scandir = os.scandir

    def scandir(path="."):  # what a folder without read permission does (root ignores modes)
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, problems = sources.collect([tmp_path])
    assert [f.name for f in files] == ["a.md"]
    assert [(p.path, p.reason) for p in problems] == [
        (str(locked), "cannot list the folder: Permission denied")]
