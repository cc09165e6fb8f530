"""Benchmark: reading and extraction time against the size of one article (issue 16, item 8).

Makes articles of 1, 2, 4 and 8 MB from the seed's body (people renamed in each copy), then
times `kg.sources.read` and the extraction of each, once. Both should double with the size.

Usage: python bench/read_bench.py [--sizes 1 2 4 8]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import pipeline, sources  # noqa: E402
from kg.resources import Resources  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "qianzhao-cities-2021.md"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4, 8])
    sizes = parser.parse_args().sizes
    front, body = SEED.read_text(encoding="utf-8").split("\n---", 2)[1:]
    resources = Resources.load()
    with tempfile.TemporaryDirectory() as folder:
        for mb in sizes:
            copies = int(mb * 2**20 / len(body.encode("utf-8"))) + 1
            path = Path(folder) / f"{mb}.md"
            path.write_text("---" + front + "\n---" + "".join(
                body.replace("韩夏", f"韩夏{i}") for i in range(copies)), encoding="utf-8")
            started = time.perf_counter()
            article = sources.read(path, max_bytes=2**31)
            read = time.perf_counter() - started
            started = time.perf_counter()
            facts = pipeline.extract(article, resources)
            extract = time.perf_counter() - started
            print(f"{mb:5g} MB  read {read:6.2f} s  extract {extract:6.2f} s  "
                  f"{len(article.sentences)} sentences, {len(facts)} facts", flush=True)


if __name__ == "__main__":
    main()
