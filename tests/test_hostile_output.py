"""The output folder under attack or bad luck (issue 16): a full disk, two builds at once, a
killed build, outputs that cannot be written, a bad --base, hostile file names, folders with
nothing to read."""
from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import pipeline, sources
from kg.cli import cli
from kg.errors import OutputError
from kg.export import atomic

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "qianzhao-cities-2021.md"
CORPUS = FIXTURES / "probe"  # articles of our own, together bigger than the small disk holds
DISK_SIZE = 2 * 1024 * 1024


def kg(*args: str):
    return CliRunner().invoke(cli, list(args))


def _one_line_error(result) -> str:
    """The output of a failed command: one line, no traceback."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    return lines[0]


# -- item 3: a full disk --------------------------------------------------------------------

class _Quota:
    """A disk of DISK_SIZE bytes simulated in the writer, where mounting a tmpfs is not
    allowed: a write that would take the folder over the size fails with ENOSPC."""

    def __init__(self, folder: Path):
        self.folder = folder

    def used(self) -> int:
        return sum(p.stat().st_size for p in self.folder.rglob("*") if p.is_file())

    def install(self, monkeypatch) -> None:
        quota = self
        real_enter = atomic.AtomicFile.__enter__

        class Limited:
            def __init__(self, handle):
                self._handle = handle

            def write(self, data):
                self._handle.flush()
                if quota.used() + len(data) > DISK_SIZE:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                return self._handle.write(data)

            def __getattr__(self, name):
                return getattr(self._handle, name)

        monkeypatch.setattr(atomic.AtomicFile, "__enter__",
                            lambda self: Limited(real_enter(self)))


@pytest.fixture
def small_disk(tmp_path, monkeypatch):
    """A 2 MB filesystem: a real tmpfs when this user may mount one (root), else simulated."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)],
                             capture_output=True).returncode == 0
    if not mounted:
        _Quota(disk).install(monkeypatch)
    yield disk
    if mounted:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_full_disk_leaves_the_previous_outputs_whole_and_trusted(small_disk, tmp_path):
    out = small_disk / "out"
    first = kg("build", str(SEED), "--out", str(out), "--jobs", "1")
    assert first.exit_code == 0, first.output
    before = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.html")}
    # a bigger build does not fit beside the first one
    failed = kg("build", str(CORPUS), "--out", str(out), "--jobs", "1")
    line = _one_line_error(failed)
    assert "No space left on device" in line and str(out) in line
    assert {name: (out / name).read_bytes() for name in before} == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    # the first input again: the outputs on disk are the ones its manifest describes
    again = kg("build", str(SEED), "--out", str(out), "--jobs", "1")
    assert again.exit_code == 0 and "(1 unchanged, from the cache)" in again.output
    assert {name: (out / name).read_bytes() for name in before} == before


def test_unchanged_means_the_outputs_on_disk_match_the_manifest(tmp_path):
    out = tmp_path / "out"
    assert kg("build", str(SEED), "--out", str(out), "--jobs", "1").exit_code == 0
    graph = (out / "graph.ttl").read_bytes()
    manifest = atomic.read_manifest(out)
    assert manifest["inputs"] == [{"path": str(SEED), "sha256": __import__("hashlib").sha256(
        SEED.read_bytes()).hexdigest()}]
    assert manifest["outputs"]["graph.ttl"]["size"] == len(graph)
    for damage in (lambda d: d[: len(d) // 2], lambda d: d.replace(b"kg:", b"kx:", 1)):
        (out / "graph.ttl").write_bytes(damage(graph))  # truncated, or edited by hand
        result = pipeline.build_folder([SEED], out, options=pipeline.Options())
        assert result.cached == 1 and not result.unchanged  # rebuilt from the cache
        assert (out / "graph.ttl").read_bytes() == graph


def test_an_output_set_is_renamed_only_when_every_file_is_complete(tmp_path):
    (tmp_path / "a").write_text("old a")
    (tmp_path / "b").write_text("old b")
    with pytest.raises(OSError):
        with atomic.OutputSet(tmp_path) as outputs:
            outputs.write("a", b"new a")
            with outputs.file("b") as handle:
                handle.write(b"half of b")
                raise OSError(errno.ENOSPC, "No space left on device")
    assert (tmp_path / "a").read_text() == "old a" and (tmp_path / "b").read_text() == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


# -- item 7: two builds into one folder -------------------------------------------------------

def test_a_second_build_into_a_busy_folder_fails_clearly(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    with atomic.FolderLock(out):
        with pytest.raises(OutputError) as caught:
            pipeline.build_folder([SEED], out, options=pipeline.Options(), lock_wait=0.2)
        assert f"another kg build (process {os.getpid()}) is writing" in str(caught.value)
        monkeypatch.setattr(pipeline, "LOCK_WAIT", 0.2)
        line = _one_line_error(kg("build", str(SEED), "--out", str(out)))
        assert "another kg build" in line and "--out" in line
        assert not (out / "graph.ttl").exists()
    # once the first build is done, the folder is free again
    assert kg("build", str(SEED), "--out", str(out), "--jobs", "1").exit_code == 0


def test_a_build_waits_for_the_lock_to_be_released(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time, fcntl\n"
        "f = open(sys.argv[1], 'w'); fcntl.flock(f, fcntl.LOCK_EX)\n"
        "print('locked', flush=True); time.sleep(1.5)"), str(out / atomic.LOCK)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = pipeline.build_folder([SEED], out, options=pipeline.Options(), lock_wait=30)
        assert result.count and holder.poll() is not None  # it waited for the holder
    finally:
        holder.kill()
        holder.wait()


# -- item 12: a killed build ------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.fixture
def workers():
    """Pids to kill whatever the test's outcome: no process outlives the suite."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_workers_die_with_a_killed_build_and_its_temporaries_go(tmp_path, workers):
    many = tmp_path / "many"
    many.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    for i in range(400):
        (many / f"a{i:04d}.md").write_text(seed.replace("韩夏", f"韩夏{i}"), encoding="utf-8")
    out = tmp_path / "out"
    build = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(many), "--out",
                              str(out), "-q", "--jobs", "2"], stderr=subprocess.DEVNULL)
    workers.append(build.pid)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and build.poll() is None:
        if len(list(out.glob(".kg-cache/*/pack-*"))) > 1:  # 16 articles a pack
            break
        time.sleep(0.05)
    assert build.poll() is None, "the build finished before it could be killed"
    children = _children(build.pid)
    workers.extend(children)
    assert len(children) >= 2
    build.kill()
    build.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.1)
    assert not [pid for pid in children if _alive(pid)], "workers outlived their build"
    # what a killed build can leave behind is removed by the next one
    for name in (".graph.ttl.x1y2z3.tmp", ".graph.html.abc_12.tmp", "..kg-manifest.json.q.tmp"):
        (out / name).write_text("half")
    mine = out / "notes.tmp"
    mine.write_text("not kg's")
    result = kg("build", str(SEED), "--out", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")] == ["notes.tmp"]
    assert not list(out.glob(".kg-cache/*/.*.tmp"))


# -- item 6: outputs that cannot be written ---------------------------------------------------

@pytest.fixture
def read_only(tmp_path):
    """A read-only folder (a read-only tmpfs; as root a chmod does not stop writes)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)],
                             capture_output=True).returncode == 0
    if not mounted:
        folder.chmod(0o555)
    yield folder
    if mounted:
        subprocess.run(["umount", "-l", str(folder)], check=False)
    else:
        folder.chmod(0o755)


def test_unwritable_outputs_are_one_line_errors(tmp_path, read_only):
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    graph = tmp_path / "g"
    assert kg("build", str(SEED), "--out", str(graph), "--jobs", "1").exit_code == 0
    cases = [
        (["build", str(SEED), "--out", str(a_file / "sub")], "not a folder"),
        (["build", str(SEED), "--out", "/proc/kg-test-out"], str("/proc/kg-test-out")),
        (["build", str(SEED), "--out", str(read_only / "out")], "Read-only file system"),
        (["view", str(graph / "graph.ttl"), "--out", "/proc/kg-test/view.html"], "/proc"),
        (["view", str(graph / "graph.ttl"), "--out", str(read_only / "v.html")], "v.html"),
        (["load", str(graph / "graph.ttl"), "--store", "/proc/kg-test-store"], "/proc"),
        (["load", str(graph / "graph.ttl"), "--store", str(read_only / "s")], "Read-only"),
    ]
    for args, expected in cases:
        result = kg(*args)
        assert result.exit_code == 1, (args, result.output)
        line = _one_line_error(result)
        assert expected in line, (args, line)
    assert a_file.read_text() == "x"


# -- item 14: a bad --base ----------------------------------------------------------------------

@pytest.mark.parametrize("base", ["https://x/%ZZ/", "https://[x/", "https://x/a%2/"])
def test_an_invalid_base_is_a_usage_error(tmp_path, base):
    result = kg("build", str(SEED), "--out", str(tmp_path / "out"), "--base", base)
    assert result.exit_code == 2 and "--base" in result.output, result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


# -- item 15: file names that would write to the terminal ------------------------------------

def test_file_names_in_error_lines_are_quoted(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "good.md")
    forged = "x\nerror: forged.md"
    (folder / forged).write_text("")
    (folder / "\x1b[2J\x1b[31mred.md").write_text("")
    result = kg("build", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1")
    assert result.exit_code == 1
    assert "\x1b" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 2, result.output
    assert not any(line.startswith("error: forged.md") for line in result.output.splitlines())
    assert any("\\n" in line and "forged.md" in line for line in errors)
    assert any("\\x1b[31mred.md" in line for line in errors)


# -- item 16: folders with nothing to read, and symbolic links ---------------------------------

def test_a_folder_without_articles_is_named_with_the_reason(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF")
    result = kg("build", str(empty), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"error: {empty}: no article files in this folder" in result.output
    assert ".md" in result.output


def test_symlinked_subfolders_are_followed_without_looping(tmp_path):
    real = tmp_path / "elsewhere"
    real.mkdir()
    shutil.copy(SEED, real / "seed.md")
    top = tmp_path / "top"
    top.mkdir()
    (top / "linked").symlink_to(real, target_is_directory=True)
    (real / "loop").symlink_to(top, target_is_directory=True)  # elsewhere/loop -> top
    (top / "self").symlink_to(top, target_is_directory=True)
    files, problems = sources.collect([top])
    assert [f.name for f in files] == ["seed.md"] and not problems


# -- item 9: query answers are streamed ----------------------------------------------------------

def _lazy_rows(total: int, consumed: list[int]):
    from kg.query import Term

    for i in range(total):
        consumed[0] = i + 1
        yield {"s": Term("uri", f"https://kg.example.org/id/x/{i}"),
               "n": Term("literal", str(i), None, "http://www.w3.org/2001/XMLSchema#integer")}


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "nt", "turtle"])
def test_every_format_is_written_while_the_answer_is_read(fmt, monkeypatch):
    from kg import query as q

    monkeypatch.setattr(q, "SORTED_UP_TO", 1000)
    consumed = [0]
    total = 50_000
    if fmt in ("nt", "turtle"):
        rows = _lazy_rows(total, consumed)
        result = q.Result("graph", triples=((r["s"], q.Term("uri", q.PREFIXES["rdfs"] + "label"),
                                             r["n"]) for r in rows))
    else:
        result = q.Result("select", vars=["s", "n"], rows=_lazy_rows(total, consumed))
    pieces = q.iter_render(result, fmt)
    first = next(pieces)
    assert first and consumed[0] <= 1001  # output began long before the answer was read
    text = first + "".join(pieces)
    assert consumed[0] == total
    assert "x/49999" in text


def test_streamed_output_is_the_standard_format(tmp_path, monkeypatch):
    import pyoxigraph as ox

    from kg import query as q

    graph = tmp_path / "g.nt"
    graph.write_text("".join(f"<https://kg.example.org/id/x/{i}> "
                             f"<http://www.w3.org/2000/01/rdf-schema#label> \"第{i}\"@zh .\n"
                             for i in range(3000)), encoding="utf-8")
    monkeypatch.setattr(q, "SORTED_UP_TO", 100)
    monkeypatch.setattr(q, "TABLE_SAMPLE", 100)
    result = q.query_file(graph, "SELECT ?s ?o WHERE { ?s ?p ?o }", lazy=True)
    assert not isinstance(result.rows, list)  # read as it is written, never held whole
    for fmt, ox_format in (("json", ox.QueryResultsFormat.JSON),
                           ("tsv", ox.QueryResultsFormat.TSV)):
        run = kg("query", str(graph), "SELECT ?s ?o WHERE { ?s ?p ?o }", "--format", fmt)
        assert run.exit_code == 0, run.output
        assert len(list(ox.parse_query_results(run.stdout_bytes, ox_format))) == 3000
    for fmt, ox_format in (("turtle", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES)):
        run = kg("query", str(graph), "CONSTRUCT WHERE { ?s ?p ?o }", "--format", fmt)
        assert run.exit_code == 0, run.output
        assert len(list(ox.parse(run.stdout_bytes, format=ox_format))) == 3000
    csv_lines = kg("query", str(graph), "SELECT ?s ?o WHERE { ?s ?p ?o }", "--format",
                   "csv").stdout_bytes.split(b"\r\n")
    assert csv_lines[0] == b"s,o" and len(csv_lines) == 3002 and csv_lines[-1] == b""
    table = kg("query", str(graph), "SELECT ?s ?o WHERE { ?s ?p ?o }").output.splitlines()
    assert len(table) == 3002 and all("│" in line for line in table[2:])


def test_the_readme_guarantees_name_real_tests():
    """Each guarantee of the README's "Bad input" section names tests that exist."""
    import re

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| **")]
    assert len(rows) >= 10
    for row in rows:
        cell = row.rsplit("|", 2)[1]
        module = None
        for name in re.findall(r"`([^`]+)`", cell):
            if "::" in name:
                module, name = name.split("::")
            if name.startswith("bench/"):
                assert (Path(__file__).parent.parent / name).exists()
                continue
            assert module, row
            text = (Path(__file__).parent / module).read_text(encoding="utf-8")
            assert f"def {name}(" in text, (module, name)


def test_an_unchanged_rerun_reports_the_counts_of_the_build_it_kept(tmp_path):
    # nothing is merged or written again: the counts come from the manifest beside the outputs
    from kg import pipeline

    out = tmp_path / "out"
    first = pipeline.build_folder([SEED], out, options=pipeline.Options())
    again = pipeline.build_folder([SEED], out, options=pipeline.Options())
    assert again.unchanged and not first.unchanged
    assert (again.facts, again.by_relation, again.entities) == \
        (first.facts, first.by_relation, first.entities)
    assert again.facts == 35
