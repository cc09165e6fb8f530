"""Benchmark of `kg build` at scale: articles/s, facts/s, peak memory, time per stage.

Makes corpora of N articles (default 1,000 and 10,000) by varying the articles written for the
tests (tests/fixtures/probe, tests/fixtures/articles and the seed): people's names, places (swapped for others of the same level from the
gazetteer) and numbers change, so entities differ from copy to copy. Then it times

  * the end-to-end build (`kg build DIR --out OUT --jobs 2`), with the peak resident memory of
    the main process and of the whole process tree (main process and workers, sampled from /proc);
  * a re-run with nothing changed (served by the cache);
  * at the sizes given to --no-cache-at, the same first build with --no-cache: the difference
    is what writing the cache costs;
  * at the sizes given to --cluster-at, the same build on a Dask LocalCluster of two workers
    (`--cluster local --jobs 2`, needs kg[distributed]) against `--jobs 2`;
  * one process stage by stage (at 1,000 articles or fewer): reading, extraction, resolution and
    graph terms, writing.

The machine's load average (os.getloadavg) is printed beside each figure: on a shared machine
the figures are only as good as the quiet they were measured in.

Usage: python bench/build_bench.py [--sizes 10000 100000] [--cluster-at 10000]
                                   [--no-cache-at 10000] [--jobs 2]
                                   [--out bench/results-build.txt] [--keep DIR]

With --keep DIR the corpora are made once in DIR (corpus10000 ...) and reused by later runs, so
that runs at different commits build the same files.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import graph, pipeline, sources  # noqa: E402
from kg.export import rdf  # noqa: E402
from kg.mentions import people  # noqa: E402
from kg.resolve import merge, resolve_article  # noqa: E402
from kg.resources import Resources  # noqa: E402
from kg.text.normalize import fold  # noqa: E402

# Articles written for the project (probe set and our own), never third-party news.
TEMPLATES = sorted(p for folder in ("probe", "articles")
                   for p in (ROOT / "tests" / "fixtures" / folder).iterdir()
                   if p.suffix in (".md", ".html", ".txt") and p.name != "ABOUT.md") + [
    ROOT / "tests" / "fixtures" / "qianzhao-cities-2021.md"]
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰海燕"


def make_corpus(folder: Path, size: int, res: Resources, seed: int = 7) -> None:
    rng = random.Random(seed)
    places_by_level: dict[str, list] = {}
    for place in res.places:
        places_by_level.setdefault(place.level, []).append(place)
    templates = []
    for path in TEMPLATES:
        text = path.read_text(encoding="utf-8")
        article = sources.read(path)
        names = sorted({p.name for s in article.sentences
                        for p in people.find(fold(s.text), res)}, key=lambda n: (-len(n), n))
        found = {}
        for _s, _e, surface, candidates in res.places.find(article.text, short_forms=False):
            found.setdefault(surface, candidates[0].level)
        templates.append((path.suffix, text, names, found))
    surnames = sorted(res.lexicon.surnames)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(size):
        suffix, text, names, found = templates[i % len(templates)]
        for name in names:
            new = rng.choice(surnames) + "".join(rng.choice(GIVEN) for _ in range(len(name) - 1))
            text = text.replace(name, new)
        for surface, level in sorted(found.items(), key=lambda kv: -len(kv[0])):
            text = text.replace(surface, rng.choice(places_by_level[level]).name)
        text = re.sub(r"\d+(?=[万亿个家%])", lambda m: str(rng.randint(1, 999)), text)
        (folder / f"a{i:05d}{suffix}").write_text(text + f"\n<!-- copy {i} -->\n",
                                                  encoding="utf-8")


class PeakRSS(threading.Thread):
    """Samples the resident memory of a process (`main`) and of it with all its descendants
    (`peak`)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.main, self.running = pid, 0, 0, True
        self.main_cpu = 0.0  # seconds of CPU of the build's own process, at the last sample

    def run(self) -> None:
        while self.running:
            self.main = max(self.main, _rss(self.pid))
            self.peak = max(self.peak, sum(_rss(p) for p in _tree(self.pid)))
            self.main_cpu = max(self.main_cpu, _cpu(self.pid))
            time.sleep(0.05)


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                children = Path(f"/proc/{p}/task/{task}/children").read_text().split()
                todo.extend(int(c) for c in children)
        except OSError:
            pass
    return out


def _cpu(pid: int) -> float:
    """User and system CPU seconds of one process so far (0 once it has ended)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


@dataclass
class Timed:
    seconds: float
    peak: int       # bytes, the whole process tree
    main: int       # bytes, the build's own process
    load: float     # the 1-minute load average when the build ended
    stderr: str
    cpu: float = 0.0       # CPU seconds of all the build's processes (waited for)
    main_cpu: float = 0.0  # CPU seconds of the build's own process (sampled)


def timed_build(corpus: Path, out: Path, *extra: str) -> Timed:
    kg = shutil.which("kg", path=str(Path(sys.executable).parent)) or "kg"
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen([kg, "build", str(corpus), "--out", str(out), *extra],
                            stderr=subprocess.PIPE, text=True)
    sampler = PeakRSS(proc.pid)
    sampler.start()
    _, stderr = proc.communicate()
    sampler.running = False
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"kg build failed: {stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return Timed(time.perf_counter() - started, sampler.peak, sampler.main, os.getloadavg()[0],
                 stderr.strip(), cpu, sampler.main_cpu)


def stages(corpus: Path, res: Resources) -> dict[str, float]:
    """One process, stage by stage (the build overlaps them across processes)."""
    files = sorted(p for p in corpus.iterdir() if p.name != "done")
    times = dict.fromkeys(["reading", "extraction", "resolution and graph terms", "writing"], 0.0)
    terms = graph.Terms(pipeline.Options().base)
    observations, chunks = [], []
    for path in files:
        t0 = time.perf_counter()
        article = sources.read(path)
        t1 = time.perf_counter()
        facts = pipeline.extract(article, res)
        t2 = time.perf_counter()
        seen, resolved = resolve_article(facts)
        observations.extend(seen)
        triples = graph.article_triples(article, resolved, terms, relations=False)
        t3 = time.perf_counter()
        chunks.append(rdf.serialize_terms(triples, rdf.FORMATS["turtle"][1],
                                          graph.prefixes(terms.base), header=False))
        t4 = time.perf_counter()
        times["reading"] += t1 - t0
        times["extraction"] += t2 - t1
        times["resolution and graph terms"] += t3 - t2
        times["writing"] += t4 - t3
    t0 = time.perf_counter()
    entities = merge(observations, res)
    triples = graph.entity_triples(entities, terms)
    times["resolution and graph terms"] += time.perf_counter() - t0
    t0 = time.perf_counter()
    rdf.serialize_terms(triples, rdf.FORMATS["turtle"][1], graph.prefixes(terms.base))
    times["writing"] += time.perf_counter() - t0
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--cluster-at", type=int, nargs="*", default=[10000],
                        help="sizes at which --cluster local is timed against --jobs")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results-build.txt")
    parser.add_argument("--no-cache-at", type=int, nargs="*", default=[10000],
                        help="sizes at which a --no-cache first build is timed too")
    parser.add_argument("--keep", type=Path, default=None,
                        help="folder where the corpora are made once and reused")
    args = parser.parse_args()
    res = Resources.load()
    lines = [f"kg build benchmark, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
             f"--jobs {args.jobs}, load average {os.getloadavg()[0]:.2f} at the start", ""]
    jobs = ("--jobs", str(args.jobs))
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            corpus, out = (args.keep or Path(tmp)) / f"corpus{size}", Path(tmp) / f"out{size}"
            block = len(lines)
            if not (corpus / "done").exists():  # a corpus kept by an earlier run is reused
                shutil.rmtree(corpus, ignore_errors=True)
                make_corpus(corpus, size, res)
                (corpus / "done").touch()  # not an article: kg reads .md, .html and .txt
            first = timed_build(corpus, out, "-q", *jobs)
            again = timed_build(corpus, out, "-q", *jobs)
            # after the first build, not before: removing its 160 MB (at 10k) right before the
            # first build would make that build pay for the deletion (ext4 with discard)
            uncached = None
            if size in args.no_cache_at:
                uncached = timed_build(corpus, Path(tmp) / f"uncached{size}", "-q",
                                       "--no-cache", *jobs)
                shutil.rmtree(Path(tmp) / f"uncached{size}")
            facts = int(re.search(r"(\d+) facts", _summary(corpus, out)).group(1))
            graph_mb = (out / "graph.ttl").stat().st_size / 2**20
            html_mb = (out / "graph.html").stat().st_size / 2**20
            cache_mb = sum(p.stat().st_size for p in (out / ".kg-cache").rglob("*")
                           if p.is_file()) / 2**20
            input_mb = sum(p.stat().st_size for p in corpus.iterdir()
                           if p.name != "done") / 2**20
            entries = sum(1 for p in (out / ".kg-cache").rglob("*") if p.is_file())
            split = stages(corpus, res) if size <= 1000 else None
            lines += [f"{size} articles:",
                      f"  first build     {first.seconds:7.1f} s  {size / first.seconds:7.0f} "
                      f"articles/s  {facts / first.seconds:7.0f} facts/s  main process peak RSS "
                      f"{first.main / 2**20:5.0f} MB, all processes {first.peak / 2**20:5.0f} MB"
                      f"  (load {first.load:.2f})",
                      f"  CPU {first.cpu / size * 1000:.1f} ms an article in all processes, "
                      f"{first.main_cpu / size * 1000:.1f} ms of it in the main process"]
            if uncached is not None:
                lines.append(f"  --no-cache      {uncached.seconds:7.1f} s  "
                             f"{size / uncached.seconds:7.0f} articles/s  CPU "
                             f"{uncached.cpu / size * 1000:.1f} ms an article, "
                             f"{uncached.main_cpu / size * 1000:.1f} ms in the main process  "
                             f"(load {uncached.load:.2f})")
            lines += [f"  unchanged re-run{again.seconds:7.1f} s  ({again.seconds / first.seconds:.0%}"
                      f" of the first)  main process peak RSS {again.main / 2**20:5.0f} MB  "
                      f"(load {again.load:.2f})",
                      f"  facts {facts}, inputs {input_mb:.1f} MB, graph.ttl {graph_mb:.1f} MB, "
                      f"graph.html {html_mb:.1f} MB, cache {cache_mb:.1f} MB in {entries} files"]
            if size in args.cluster_at:
                shutil.rmtree(out)
                dask = timed_build(corpus, out, "-q", "--no-cache", "--cluster", "local", *jobs)
                shutil.rmtree(out)
                pool = uncached or timed_build(corpus, out, "-q", "--no-cache", *jobs)
                lines.append(f"  --cluster local {dask.seconds:7.1f} s against --jobs "
                             f"{args.jobs} {pool.seconds:.1f} s: overhead "
                             f"{dask.seconds / pool.seconds - 1:+.0%}  (load {dask.load:.2f}, "
                             f"{pool.load:.2f}); main process CPU "
                             f"{dask.main_cpu / size * 1000:.1f} against "
                             f"{pool.main_cpu / size * 1000:.1f} ms an article, main process "
                             f"peak RSS {dask.main / 2**20:.0f} against {pool.main / 2**20:.0f} MB")
            if split:
                total = sum(split.values())
                lines.append("  one process, time per stage: " + ", ".join(
                    f"{k} {v / total:.0%} ({v / size * 1000:.1f} ms/article)"
                    for k, v in split.items()))
            lines.append("")
            print("\n".join(lines[block:]), flush=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {args.out}")


def _summary(corpus: Path, out: Path) -> str:
    kg = shutil.which("kg", path=str(Path(sys.executable).parent)) or "kg"
    run = subprocess.run([kg, "build", str(corpus), "--out", str(out)], capture_output=True,
                         text=True, check=True)
    return run.stderr


if __name__ == "__main__":
    main()
