"""The build's own memory, phase by phase: where the main process's peak comes from.

Builds a corpus made as build_bench.py makes it, in this process (`pipeline.build_folder`,
`--jobs 2`), sampling this process's resident memory every 20 ms and naming the phase it was in
(the articles coming back, the default graph's merge, the view's scope, its graph, the page,
the manifest). Then an unchanged re-run, timed against the first build. Quicker than the bench
script for seeing the slope between sizes; the figures are of one process, not of the workers.

Usage: python bench/memory_bench.py --sizes 2000 4000 [--keep /tmp/mem-corpus]
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from build_bench import _rss, make_corpus  # noqa: E402
from kg import pipeline  # noqa: E402
from kg.export import atomic, html  # noqa: E402
from kg.resources import Resources  # noqa: E402

PHASES = [(pipeline, "_write_default", "merge"), (pipeline, "_view_scope", "view scope"),
          (pipeline, "_view_graph", "view graph"), (html, "render", "page"),
          (atomic.OutputSet, "commit", "manifest")]


class Phases(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.phase, self.peaks, self.running = "articles", {}, True

    def run(self) -> None:
        while self.running:
            rss = _rss(os.getpid())
            self.peaks[self.phase] = max(self.peaks.get(self.phase, 0), rss)
            time.sleep(0.02)


@contextlib.contextmanager
def marked(sampler: Phases):
    saved = []
    for owner, name, phase in PHASES:
        original = getattr(owner, name)
        saved.append((owner, name, original))

        def wrapper(*args, _original=original, _phase=phase, **kwargs):
            before, sampler.phase = sampler.phase, _phase
            try:
                return _original(*args, **kwargs)
            finally:
                sampler.phase = before if _phase == "page" else "after " + _phase
        setattr(owner, name, functools.wraps(original)(wrapper))
    try:
        yield
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 4000])
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the corpora in")
    args = parser.parse_args()
    res = Resources.load()
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            corpus = (args.keep or Path(tmp)) / f"corpus{size}"
            if not corpus.is_dir():
                make_corpus(corpus, size, res)
            out = Path(tmp) / f"out{size}"
            sampler = Phases()
            sampler.start()
            started = time.perf_counter()
            with marked(sampler):
                pipeline.build_folder([corpus], out, options=pipeline.Options(), jobs=2)
            first = time.perf_counter() - started
            sampler.running = False
            sampler.join()
            started = time.perf_counter()
            again = pipeline.build_folder([corpus], out, options=pipeline.Options(), jobs=2)
            rerun = time.perf_counter() - started
            phases = ", ".join(f"{k} {v / 2**20:.0f}" for k, v in sampler.peaks.items())
            print(f"{size} articles: first build {first:.1f} s, unchanged re-run {rerun:.1f} s "
                  f"({rerun / first:.0%}, unchanged={again.unchanged}); main process peak "
                  f"{max(sampler.peaks.values()) / 2**20:.0f} MB; by phase (MB): {phases}; "
                  f"load {os.getloadavg()[0]:.2f}", flush=True)
            shutil.rmtree(out)


if __name__ == "__main__":
    main()
