"""kg build on Dask distributed: a real scheduler and two workers, started with the `dask` command
of the venv as separate processes on 127.0.0.1, give the same outputs as a local build, also
when a worker is killed in the middle of the build.

The dev corpus (real articles, ../shared/corpus beside the clone) is read where it lies, never
copied into the repository. Without it these tests fail, saying so: they are the proof that a
distributed build of real articles equals a local one.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from kg import pipeline
from kg.export import atomic
from servers import free_port

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DASK = Path(sys.executable).parent / "dask"
READY_TIMEOUT = 60.0
OUTPUTS = ("graph.ttl", "graph.html", atomic.MANIFEST)


def corpus() -> Path:
    assert CORPUS.is_dir(), (
        f"the dev corpus is missing: {CORPUS} (clone kg beside ../shared; the distributed build "
        "is tested on the real articles there)")
    return CORPUS


class Cluster:
    """A `dask scheduler` and its `dask worker` processes, each in its own process group."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.address = f"tcp://127.0.0.1:{free_port()}"
        self.scheduler: subprocess.Popen | None = None
        self.workers: list[subprocess.Popen] = []

    def _start(self, name: str, *args: str) -> subprocess.Popen:
        log = (self.folder / f"{name}.log").open("wb")
        return subprocess.Popen([str(DASK), *args], cwd=self.folder, stdout=log,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)

    def start(self, workers: int) -> None:
        port = self.address.rsplit(":", 1)[1]
        self.scheduler = self._start("scheduler", "scheduler", "--host", "127.0.0.1",
                                     "--port", port, "--no-dashboard")
        for i in range(workers):
            # --no-nanny: the worker is this process, so killing it kills the worker
            self.workers.append(self._start(
                f"worker{i}", "worker", self.address, "--host", "127.0.0.1", "--nthreads", "1",
                "--no-nanny", "--no-dashboard", "--local-directory", str(self.folder)))
        self._wait_for_workers(workers)

    def _wait_for_workers(self, count: int) -> None:
        from distributed import Client

        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            for proc in [self.scheduler, *self.workers]:
                assert proc.poll() is None, "a dask process ended:\n" + self.logs()
            try:
                with Client(self.address, timeout=5) as client:
                    client.wait_for_workers(count, timeout=max(1.0, deadline - time.monotonic()))
                    return
            except (OSError, TimeoutError):
                time.sleep(0.5)
        raise AssertionError(f"{count} dask workers did not join in {READY_TIMEOUT} s:\n"
                             + self.logs())

    def logs(self) -> str:
        return "\n".join(f"== {p.name}\n{p.read_text(errors='replace')[-2000:]}"
                         for p in sorted(self.folder.glob("*.log")))

    def stop(self) -> None:
        for proc in [*self.workers, self.scheduler]:
            if proc is None or proc.poll() is not None:
                continue
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(timeout=10)


@pytest.fixture
def cluster(tmp_path):
    folder = tmp_path / "dask"
    folder.mkdir()
    running = Cluster(folder)
    try:
        running.start(workers=2)
        yield running
    finally:
        running.stop()


KG = Path(sys.executable).parent / "kg"


def kg_build(out: Path, *options: str) -> str:
    """`kg build` of the dev corpus; its report with the time taken left out."""
    run = subprocess.run([str(KG), "build", str(corpus()), "--out", str(out), *options],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return re.sub(r" in [0-9.]+s -> .*", "", run.stderr)


def local_build(out: Path) -> str:
    return kg_build(out, "--jobs", "1")


def assert_same_outputs(expected: Path, got: Path) -> None:
    for name in OUTPUTS:
        assert (got / name).read_bytes() == (expected / name).read_bytes(), name
    # the workers cached the same contents the local build did (it writes them in packs, a
    # Dask task on its own)
    assert _cached(got) == _cached(expected)


def _cached(out: Path) -> list[str]:
    from kg import cache as kg_cache

    found = []
    for folder in (out / kg_cache.CACHE_NAME).iterdir():
        found += [p.name for p in folder.iterdir() if not p.name.startswith("pack-")]
        found += [digest for _name, entries in kg_cache.packs(folder)
                  for digest, _offset, _length in entries]
    return sorted(found)


def test_a_build_through_a_dask_scheduler_equals_a_local_build(cluster, tmp_path):
    expected = local_build(tmp_path / "local")
    out = tmp_path / "dask-out"
    # the same report: warnings for the same files, the same counts
    assert kg_build(out, "--scheduler", cluster.address) == expected
    assert "article(s), 0 failed" in expected
    assert_same_outputs(tmp_path / "local", out)
    # a re-run through the scheduler is served by the cache the workers wrote, and keeps the
    # outputs as they are
    again = pipeline.build_folder([corpus()], out, options=pipeline.Options(),
                                  scheduler=cluster.address)
    assert again.unchanged and again.cached == again.count
    assert_same_outputs(tmp_path / "local", out)


def test_a_worker_killed_mid_build_changes_nothing(cluster, tmp_path):
    local_build(tmp_path / "local")
    victim = cluster.workers[0]
    seen = []

    def kill_on_first(outcome, total):
        seen.append(outcome.path)
        if len(seen) == 1:
            os.killpg(victim.pid, signal.SIGKILL)
            victim.wait(timeout=10)

    out = tmp_path / "dask-out"
    result = pipeline.build_folder([corpus()], out, options=pipeline.Options(),
                                   scheduler=cluster.address, progress=kill_on_first)
    assert victim.poll() is not None  # the worker was killed while articles were left to do
    assert "Remove worker" in (cluster.folder / "scheduler.log").read_text()  # and Dask saw it
    assert len(seen) == result.count > 50
    assert not result.errors
    assert_same_outputs(tmp_path / "local", out)


HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


def test_a_local_dask_cluster_reports_broken_files_as_a_local_build_does(tmp_path):
    """Broken files are named with their reason and the rest of the batch goes on, as with
    the process pool; the outputs are the same."""
    runs = {}
    for name, options in (("pool", ["--jobs", "1"]), ("dask", ["--cluster", "local", "-j", "2"])):
        run = subprocess.run([str(KG), "build", str(HOSTILE), "--out", str(tmp_path / name),
                              "--exclude", "*.json", *options],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 1, run.stderr  # some inputs failed
        runs[name] = re.sub(r" in [0-9.]+s -> .*", "", run.stderr)
    assert runs["dask"] == runs["pool"]
    assert "bad-yaml.md: malformed YAML front matter" in runs["dask"]
    assert "error: " + str(HOSTILE / "bad-empty.md") + ": the file is empty" in runs["dask"]
    for name in OUTPUTS:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "pool" / name).read_bytes()


def test_without_dask_installed_the_error_names_the_extra(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import cli

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed: ImportError
    result = CliRunner().invoke(cli, ["build", str(HOSTILE / "good-utf8.md"), "--out",
                                      str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: kg build --scheduler/--cluster needs Dask distributed: "
        "pip install 'kg[distributed]'"]
    assert not (tmp_path / "out").exists()


def test_scheduler_and_cluster_together_are_a_usage_error(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["build", str(HOSTILE / "good-utf8.md"), "--out",
                                      str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:1",
                                      "--cluster", "local"])
    assert result.exit_code == 2
    assert "--scheduler and --cluster exclude each other" in result.output


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kg import distributed
    from kg.cli import cli

    monkeypatch.setattr(distributed, "CONNECT_WAIT", 2.0)
    result = CliRunner().invoke(cli, ["build", str(HOSTILE / "good-utf8.md"), "--out",
                                      str(tmp_path / "out"), "--scheduler",
                                      f"tcp://127.0.0.1:{free_port()}"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot reach the Dask scheduler at "
                                                   "tcp://127.0.0.1:"), result.output
    assert not (tmp_path / "out").exists()  # nothing was made


def test_a_batch_that_kills_its_workers_is_retried_file_by_file():
    """Articles go to Dask in tasks of several; when one of them kills every worker it is sent
    to, the others of its task are extracted again one by one and only it is reported."""
    import distributed as dask_distributed

    from kg import distributed

    class Future:
        def __init__(self, tasks):
            self.tasks = tasks

        def result(self):
            if any(t.path == "poison.md" for t in self.tasks):
                raise dask_distributed.KilledWorker("work_batch-1", None, 3)
            return [pipeline.Outcome(t.path, digest=t.path, index=t.index) for t in self.tasks]

    class Client:
        def submit(self, function, tasks, pure):
            assert function is distributed.work_batch and not pure
            return Future(tasks)

    tasks = [distributed.Task(name, name, pipeline.Options(), None, None, i)
             for i, name in enumerate(["a.md", "poison.md", "b.md"])]
    outcomes = distributed._results(Client(), Future(tasks), tasks)
    assert [(o.path, o.index, o.error is None) for o in outcomes] == [
        ("a.md", 0, True), ("poison.md", 1, False), ("b.md", 2, True)]
    assert "the Dask workers processing it died" in outcomes[1].error.reason


def test_the_library_builds_on_a_local_dask_cluster_as_in_one_process():
    import kg

    inputs = [ROOT / "tests" / "fixtures" / "probe", ROOT / "tests" / "fixtures" / "articles"]
    on_dask = kg.build(inputs, scheduler="local", jobs=2)
    assert set(on_dask) == set(kg.build(inputs))
    assert len(on_dask) > 1000
