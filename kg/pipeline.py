"""The one place the stages are composed: files -> articles -> facts -> entities -> graph.

Each file is read, extracted and resolved on its own (in worker processes with jobs > 1), giving
an `Outcome`: the article's metadata, its part of the graph already serialised, and what it says
about each entity. Outcomes are consumed in input order, so output is the same whatever the
number of jobs; entity descriptions, which gather what all articles say, are written last.
Article text is dropped as soon as it is extracted. In `build_folder`, what an article says
about entities and facts goes to shard files (kg.shards) where it was extracted, and is merged
from disk at the end, so the build does not hold it in memory. Outcomes are cached by the
content hash of their file, so a re-run only extracts new or changed files. With a Dask
scheduler (kg.distributed), the files are read and extracted on its workers.
"""
from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import heapq
import itertools
import json
import logging
import os
import re
import secrets
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg import facts as fact_defs, graph, shards, sources
from kg import errors as messages
from kg.cache import CACHE_NAME, Cache, signature
from kg.errors import InputError, NoInputError, OutputError, SomeInputsFailed
from kg.export import atomic, rdf
from kg.extractors import default_extractors
from kg.model import Article, Entity, Fact
from kg.resolve import Observation, merge, resolve_article
from kg.resources import Resources
from kg.vocab import DEFAULT_BASE

log = logging.getLogger(__name__)
_BATCH = 256
#: files a worker is handed at once; their cache entries go to one file (a pack)
_TASK = 16
#: how long a build waits for another one writing to the same output folder
LOCK_WAIT = 10.0


@dataclass(frozen=True)
class Options:
    base: str = DEFAULT_BASE
    fmt: str = "turtle"
    max_bytes: int = sources.DEFAULT_MAX_BYTES


@dataclass
class Outcome:
    """What one input file gives; small and picklable."""

    path: str
    digest: str = ""
    error: InputError | None = None
    article: Article | None = None       # metadata only: no text, no sentences
    observations: list[Observation] = field(default_factory=list)
    chunk: bytes = b""                   # the article's quads, serialised in Options.fmt
    view: list[tuple] = field(default_factory=list)  # (subject key, relation, object, sentence)
    facts: int = 0
    cached: bool = False
    notes: list[str] = field(default_factory=list)  # what was dropped from a readable file
    index: int = -1  # the file's position among the build's inputs


@dataclass
class BuildResult:
    """What a build gives. `facts` counts facts as kg/facts.py defines them (`by_relation` per
    relation); `errors` holds every input that could not be read, with its reason."""

    graph: Graph | None
    articles: list[Article] = field(default_factory=list)  # run() only (see `count`)
    facts: int = 0
    errors: list[InputError] = field(default_factory=list)
    entities: int = 0
    cached: int = 0
    by_relation: dict[str, int] = field(default_factory=dict)
    no_facts: list[str] = field(default_factory=list)   # articles that gave no fact
    no_date: list[str] = field(default_factory=list)    # articles with no publication date
    warnings: list[InputError] = field(default_factory=list)  # kept, but not all of it
    unchanged: bool = False  # the outputs on disk matched this build: nothing was written
    #: articles in the build; build_folder keeps no list of them (`articles` is empty), so
    #: that its memory does not grow with the corpus
    count: int = 0

    def __post_init__(self):
        self.count = self.count or len(self.articles)


def read(path: str | os.PathLike) -> Article:
    """Read one article file (Hexo markdown, HTML or text)."""
    return sources.read(path)


def extract(article: Article, resources: Resources) -> list[Fact]:
    facts: list[Fact] = []
    try:
        for extractor in default_extractors(resources):
            facts.extend(extractor(article))
    finally:
        resources.memo.clear()
    return facts


def process(path: str, data: bytes, digest: str, options: Options,
            resources: Resources) -> Outcome:
    """One file's bytes -> its Outcome; every failure becomes the Outcome's error."""
    notes: list[str] = []
    try:
        article = sources.parse_bytes(path, data, notes=notes)
        facts = extract(article, resources)
    except InputError as exc:
        return Outcome(path, digest, error=exc)
    except Exception as exc:  # a rule's bug on one article must not lose the batch
        log.debug("extraction failed on %s", path, exc_info=True)
        return Outcome(path, digest, error=InputError(
            path, f"extraction failed ({type(exc).__name__}: {exc})"))
    observations, resolved = resolve_article(facts)
    meta = dataclasses.replace(article, text="", sentences=())
    terms = graph.Terms(options.base)
    fmt = options.fmt if options.fmt in ("turtle", "nt", "trig", "nquads") else "nquads"
    _suffix, ox_format, named = rdf.FORMATS[fmt]
    # Relations go once into the default graph at the end; TriG repeats them in each
    # article's graph, beside that article's evidence.
    if named:
        items = graph.article_quads(meta, resolved, terms, relations=True)
    else:
        items = graph.article_triples(meta, resolved, terms, relations=False)
    chunk = rdf.serialize_terms(items, ox_format, graph.prefixes(options.base), header=False)
    view = [(rf.subject, rf.predicate, rf.object, rf.fact.evidence.sentence) for rf in resolved]
    return Outcome(path, digest, None, meta, observations, chunk, view, len(facts), notes=notes)


# -- running many files ---------------------------------------------------------------------

_worker_resources: Resources | None = None  # set once in each worker process, by _init_worker


def _init_worker(parent: int) -> None:
    global _worker_resources
    _die_with(parent)
    _worker_resources = Resources.load()
    # what the worker holds for its whole life (the build's modules and objects it was forked
    # with, its resources) need not be scanned by every full collection: 2 of them took 39 ms
    # in 1,500 bench articles, about 1% of the extraction
    gc.freeze()


def _die_with(parent: int) -> None:
    """Make this worker end when the build that started it ends, even by kill -9: otherwise
    workers live on for as long as the machine is up."""
    # The build turns SIGTERM into an exit that unwinds; a worker just stops.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux") and os.getppid() == parent:
        import ctypes

        pr_set_pdeathsig = 1
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the build died before prctl took effect
                os._exit(1)
            return
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    """Where prctl is not available (or the worker's parent is a fork server): poll."""
    while True:
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:
            pass
        time.sleep(0.5)


def _work(items: list[tuple[str, bytes, str, Options, "Path | None", int, "Path | None"]]
          ) -> list[Outcome]:
    assert _worker_resources is not None
    return _work_many(items, _worker_resources)


def _work_many(items: list[tuple], resources: Resources) -> list[Outcome]:
    """A batch of files: their outcomes, cached in one pack (creating a file cost more than
    writing it: 0.2-0.7 ms an entry on the bench's ext4, against 3-4 ms to extract an article)
    by whoever extracted them (a worker: writing is spread over the jobs)."""
    made = [process(path, data, digest, options, resources)
            for path, data, digest, options, _folder, _index, _staging in items]
    folder = items[0][4] if items else None
    if folder is not None:
        Cache.store_many(folder, [outcome for outcome in made if outcome.error is None])
    return [to_shard(outcome, item[5], item[6]) for outcome, item in zip(made, items)]


def to_shard(outcome: Outcome, index: int, staging: Path | None) -> Outcome:
    """With a staging folder, the article's observations and facts go to this process's shard
    there, and the Outcome that returns to the build is small: it keeps only the article's
    graph chunk (written at once) and its metadata."""
    outcome.index = index
    if staging is None or outcome.error is not None:
        return outcome
    shards.writer(staging).write(index, outcome)
    return dataclasses.replace(outcome, observations=[], view=[])


def outcomes(files: list[Path], options: Options, *, resources: Resources | None = None,
             jobs: int = 1, cache: "Cache | None" = None, client=None,
             staging: Path | None = None) -> Iterator[Outcome]:
    """An Outcome per file, in the order of `files`; duplicates of earlier content are skipped.
    With a Dask `client` (see `cluster`), the files are read and extracted on its workers.
    With `staging`, observations and facts go to shards there (see `to_shard`)."""
    if client is not None:
        from kg import distributed

        yield from distributed.outcomes(client, files, options, cache, staging)
        return
    resources = resources if resources is not None or jobs > 1 else Resources.load()
    seen: set[bytes] = set()  # half of each content hash: a hex string cost twice the memory
    pool = (ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(os.getpid(),))
            if jobs > 1 else None)
    pending: Iterator[Outcome] = iter(())  # the outcomes of the batch before
    try:
        for start in range(0, len(files), _BATCH):
            batch: list[Outcome | tuple] = []
            for index, path in enumerate(files[start:start + _BATCH], start):
                try:
                    data = sources.read_bytes(path, max_bytes=options.max_bytes)
                except InputError as exc:
                    batch.append(Outcome(str(path), error=exc, index=index))
                    continue
                digest = hashlib.sha256(data).hexdigest()
                if bytes.fromhex(digest[:32]) in seen:
                    continue  # the same content twice adds nothing
                seen.add(bytes.fromhex(digest[:32]))
                hit = cache.get(digest, str(path)) if cache else None
                batch.append(to_shard(hit, index, staging) if hit is not None else
                             (str(path), data, digest, options, cache.folder if cache else None,
                              index, staging))
            todo = [item for item in batch if isinstance(item, tuple)]
            tasks = [todo[i:i + _TASK] for i in range(0, len(todo), _TASK)]
            if pool is not None:
                # this batch goes to the workers before the one before is handed on, so that
                # they are never idle while this process reads the next files
                done = itertools.chain.from_iterable(pool.map(_work, tasks))
                yield from pending
                pending = _in_order(batch, done)
            else:
                done = itertools.chain.from_iterable(_work_many(task, resources)
                                                     for task in tasks)
                yield from _in_order(batch, done)
        yield from pending
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _in_order(batch: list, done: Iterator[Outcome]) -> Iterator[Outcome]:
    """The batch's outcomes: those made already (cache hits, unreadable files) and, for the
    others (tuples), the next of `done`."""
    for item in batch:
        yield next(done) if isinstance(item, tuple) else item


@contextlib.contextmanager
def cluster(scheduler: str | None, jobs: int) -> Iterator[object]:
    """A Dask Client for `scheduler` (an address, or "local" for a LocalCluster of `jobs`
    workers), closed at the end; None without a scheduler (the local process pool)."""
    if scheduler is None:
        yield None
        return
    from kg import distributed

    with distributed.connect(scheduler, jobs) as client:
        yield client


# -- building -------------------------------------------------------------------------------

@dataclass
class Collected:
    """What the main process keeps from the outcomes: small next to the corpus. With `spill`
    (build_folder), the articles' metadata go there instead of to `articles`."""

    articles: list[Article] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    view: list[tuple] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    cached: int = 0
    digests: list[str] = field(default_factory=list)
    no_facts: list[str] = field(default_factory=list)
    no_date: list[str] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)
    spill: shards.Articles | None = None
    count: int = 0
    failed: int = 0  # inputs that were read but could not be extracted
    digests: "hashlib._Hash" = field(default_factory=hashlib.sha256)  # of the articles' contents

    def add(self, outcome: Outcome) -> bool:
        self.warnings.extend(InputError(outcome.path, note) for note in outcome.notes)
        if outcome.error is not None:
            log.info("%s", outcome.error)
            self.errors.append(outcome.error)
            self.failed += bool(outcome.digest)
            return False
        self.count += 1
        if self.spill is None:
            self.articles.append(outcome.article)
        else:
            self.spill.add(outcome.path, outcome.digest, outcome.article)
        self.observations.extend(outcome.observations)
        self.view.extend((*v, outcome.article.id) for v in outcome.view)
        if not outcome.facts:
            self.no_facts.append(outcome.path)
        if outcome.article.published is None:
            self.no_date.append(outcome.path)
        self.cached += outcome.cached
        self.digests.update(f"{outcome.digest}|".encode("ascii"))
        return True


def run(paths: Iterable[str | os.PathLike], *, base: str = DEFAULT_BASE,
        resources: Resources | None = None,
        progress: Callable[[Outcome, int], None] | None = None,
        max_bytes: int = sources.DEFAULT_MAX_BYTES, jobs: int = 1,
        include: Iterable[str] = (), exclude: Iterable[str] = (),
        strict: bool = False, scheduler: str | None = None) -> BuildResult:
    """Build a graph in memory from article files and folders.

    `scheduler` runs the extraction on Dask distributed: a scheduler's address
    (tcp://HOST:PORT) or "local" for a LocalCluster of `jobs` workers (needs kg[distributed]).

    Inputs that cannot be read are returned in `result.errors` (each with its path and reason)
    and the graph holds the rest; with `strict=True` they raise SomeInputsFailed instead (its
    `result` holds the rest). When nothing at all can be read, NoInputError is raised."""
    paths = [os.fspath(p) for p in paths]
    options = Options(base=base, fmt="nt", max_bytes=max_bytes)
    files, errors = sources.collect(paths, include=include, exclude=exclude)
    collected = Collected(errors=errors)
    chunks: list[bytes] = []
    resources = resources or Resources.load()
    with cluster(scheduler, jobs) as client:
        for outcome in outcomes(files, options, resources=resources, jobs=jobs, client=client):
            if progress:
                progress(outcome, len(files))
            if collected.add(outcome):
                chunks.append(outcome.chunk)
    if not collected.articles:
        raise NoInputError(collected.errors, paths)
    entities = merge(collected.observations, resources)
    terms = graph.Terms(base)
    chunks.append(rdf.serialize_terms(_default_graph(entities, collected, terms),
                                      rdf.FORMATS["nt"][1], {}, header=False))
    result = Graph(bind_namespaces="core")
    result.parse(data=b"".join(chunks).decode("utf-8"), format="nt")
    for prefix, namespace in graph.prefixes(base).items():
        result.bind(prefix, namespace, replace=True)
    by_relation = fact_defs.tally(fact_defs.in_graph(result))
    built = BuildResult(result, collected.articles, sum(by_relation.values()), collected.errors,
                        len(entities), by_relation=by_relation, no_facts=collected.no_facts,
                        no_date=collected.no_date)
    if strict and built.errors:
        raise SomeInputsFailed(built.errors, built)
    return built


def build_folder(paths: Iterable[str | os.PathLike], out_dir: Path, *, options: Options,
                 jobs: int = 1, use_cache: bool = True, title: str | None = None,
                 max_nodes: int = 1000,
                 progress: Callable[[Outcome, int], None] | None = None,
                 include: Iterable[str] = (), exclude: Iterable[str] = (),
                 lock_wait: float | None = None, scheduler: str | None = None) -> BuildResult:
    """Build into `out_dir`: the graph file (streamed as articles come) and graph.html.

    Nothing is written when no article could be read. The outputs change together or not at
    all, and OUT/.kg-manifest.json records the inputs they were built from and their sizes and
    hashes. When the manifest says the outputs on disk were built from exactly these inputs
    and settings, and they still match it, they are left as they are. One build at a time
    writes to a folder (OUT/.kg-lock); a second one waits `lock_wait` seconds, then fails.
    `scheduler` (a Dask scheduler's address, or "local") extracts on Dask distributed, whose
    workers read the inputs and write the cache in `out_dir` themselves: both must be on storage
    they share. Raises OutputError when the outputs cannot be written."""
    files, errors = sources.collect(list(paths), include=include, exclude=exclude)
    # the inputs' names as strings: a list of Path objects was 27 MB for 100,000 files
    files = [os.fspath(path) for path in files]
    if not files:
        return BuildResult(None, [], 0, errors, 0, 0)
    made = not out_dir.exists()
    result = None
    try:
        # the cluster first: a scheduler that cannot be reached leaves no folder behind
        with cluster(scheduler, jobs) as client:
            out_dir.mkdir(parents=True, exist_ok=True)
            with atomic.FolderLock(out_dir, wait=LOCK_WAIT if lock_wait is None else lock_wait):
                atomic.remove_stale_temporaries(out_dir, out_dir / CACHE_NAME)
                result = _build_locked(files, errors, out_dir, options, jobs, use_cache, title,
                                       max_nodes, progress, client)
    except atomic.FolderBusy as exc:
        holder = f" (process {exc})" if str(exc).isdigit() else ""
        raise OutputError(str(out_dir), messages.OUTPUT_BUSY.format(holder=holder)) from None
    except OSError as exc:
        raise OutputError(str(out_dir), messages.OUTPUT_FAILED.format(
            reason=_os_reason(exc, out_dir))) from None
    finally:
        if made and (result is None or not result.count):
            # nothing was written: leave no empty folder behind
            try:
                (out_dir / atomic.LOCK).unlink(missing_ok=True)
                out_dir.rmdir()
            except OSError:
                pass
    return result


def _os_reason(exc: OSError, out_dir: Path) -> str:
    if isinstance(exc, (FileExistsError, NotADirectoryError)) or (
            out_dir.exists() and not out_dir.is_dir()):
        return messages.OUTPUT_NOT_A_FOLDER
    return exc.strerror or str(exc)


def _build_locked(files: list[Path], errors: list[InputError], out_dir: Path, options: Options,
                  jobs: int, use_cache: bool, title: str | None, max_nodes: int,
                  progress: Callable[[Outcome, int], None] | None,
                  client=None) -> BuildResult:
    # what the outputs depend on besides the inputs: kg's rules and options, the view's settings
    settings = f"{signature(options)}|{len(files)}|{title}|{max_nodes}|"
    if use_cache:
        done = _unchanged(files, errors, out_dir, options, settings)
        if done is not None:
            return done
    # each build its own staging folder: a task of an earlier build that a Dask worker still
    # runs cannot write into this one's
    staging = out_dir / shards.STAGING / secrets.token_hex(8)
    shards.clear(staging.parent)  # what a killed build left
    try:
        staging.mkdir(parents=True)
        return _build_staged(files, errors, out_dir, options, jobs, use_cache, title,
                             max_nodes, progress, client, staging, settings)
    finally:
        shards.clear(staging.parent)


class InputsId:
    """A hash of a build's settings and of each input's path and content (or why it could not
    be read), in input order, a repeat of earlier content left out: all an unchanged re-run
    needs to compare with the manifest. A build adds its outcomes; `of` reads the files."""

    def __init__(self, settings: str):
        self._hash = hashlib.sha256(settings.encode("utf-8", "surrogatepass"))
        self.errors: list[InputError] = []

    def add(self, path, digest: str | None, error: InputError | None = None) -> None:
        entry = f"{path}\0{digest}\n" if error is None else f"{path}\0!{error.reason}\n"
        self._hash.update(entry.encode("utf-8", "surrogatepass"))
        if error is not None:
            self.errors.append(error)

    def hexdigest(self) -> str:
        return self._hash.hexdigest()

    def add_outcome(self, outcome: Outcome) -> None:
        if outcome.digest:  # read (extracted or not)
            self.add(outcome.path, outcome.digest)
        else:
            self.add(outcome.path, None, outcome.error)

    @classmethod
    def of(cls, files: list, settings: str, max_bytes: int) -> "InputsId":
        made, seen = cls(settings), set()
        for path in files:
            try:
                data = sources.read_bytes(path, max_bytes=max_bytes)
            except InputError as exc:
                made.add(str(path), None, exc)
                continue
            digest = hashlib.sha256(data).hexdigest()
            if bytes.fromhex(digest[:32]) not in seen:  # as `outcomes` skips a repeat
                seen.add(bytes.fromhex(digest[:32]))
                made.add(str(path), digest)
        return made


def _unchanged(files: list[Path], errors: list[InputError], out_dir: Path, options: Options,
               settings: str) -> BuildResult | None:
    """The result of a build whose settings and inputs are the ones the manifest records, and
    whose outputs are still on disk as it records them: then nothing is extracted, read from
    the cache or written, and the result is the one the manifest kept. None otherwise.
    Costs a read and a hash of each input (an unchanged re-run of 100,000 articles had taken
    12% of the first build, mostly reading back and checking every cache entry)."""
    previous = atomic.read_manifest(out_dir)
    summary = previous.get("summary") if previous else None
    if not isinstance(summary, dict) or not isinstance(previous.get("inputs_id"), str) \
            or summary.get("failed") != 0:
        return None  # an input that failed to extract is tried again
    inputs = InputsId.of(files, settings, options.max_bytes)
    if previous["inputs_id"] != inputs.hexdigest() or not atomic.outputs_match(
            out_dir, previous, [rdf.filename(options.fmt), "graph.html"]):
        return None
    try:
        count, entities = summary["articles"], previous["entities"]
        by_relation = {str(k): int(v) for k, v in previous["by_relation"].items()}
        no_facts = [str(path) for path in summary["no_facts"]]
        no_date = [str(path) for path in summary["no_date"]]
        warnings = [InputError(str(path), str(reason)) for path, reason in summary["warnings"]]
        if type(count) is not int or type(entities) is not int or count < 1:
            return None
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return BuildResult(None, [], sum(by_relation.values()), errors + inputs.errors, entities,
                       count, by_relation, no_facts, no_date, warnings, True, count=count)


def _build_staged(files: list[Path], errors: list[InputError], out_dir: Path, options: Options,
                  jobs: int, use_cache: bool, title: str | None, max_nodes: int,
                  progress: Callable[[Outcome, int], None] | None, client,
                  staging: Path, settings: str) -> BuildResult:
    from kg.export import html  # noqa: F401  (loaded before the page's process forks)

    cache = Cache.load(out_dir, options, _check_chunk) if use_cache else None
    resources = Resources.load()
    articles = shards.Articles(staging / "articles.jsonl")
    collected = Collected(errors=errors, spill=articles)
    inputs = InputsId(settings)
    accepted = bytearray(len(files))  # which inputs are in the build (see shards.Shards)
    graph_name = rdf.filename(options.fmt)
    stream = outcomes(files, options, resources=resources, jobs=jobs, cache=cache, client=client,
                      staging=staging)
    first: list[Outcome] = []
    for outcome in stream:  # find the first readable article before creating any file
        inputs.add_outcome(outcome)
        first.append(outcome)
        if progress:
            progress(outcome, len(files))
        if outcome.error is None:
            break
    if not any(o.error is None for o in first):
        for outcome in first:
            collected.add(outcome)
        return BuildResult(None, [], 0, collected.errors, 0, 0, warnings=collected.warnings)
    previous = _manifest_head(out_dir)
    with atomic.OutputSet(out_dir) as outputs:
        with rdf.GraphFile(out_dir / graph_name, options.fmt, graph.prefixes(options.base),
                           target=outputs.file(graph_name)) as out:
            for outcome in _chain(first, stream, progress, len(files), inputs):
                if collected.add(outcome):
                    accepted[outcome.index] = 1
                    out.add_chunk(outcome.chunk)
            articles.close()
            build_id = hashlib.sha256((settings + collected.digests.hexdigest()).encode()
                                      ).hexdigest()
            unchanged = (cache is not None and previous is not None
                         and previous.get("build") == build_id
                         and isinstance(previous.get("by_relation"), dict)
                         and isinstance(previous.get("entities"), int)
                         and collected.cached == collected.count
                         and atomic.outputs_match(out_dir, previous, [graph_name, "graph.html"]))
            if unchanged:
                # nothing to write: the counts are the ones the manifest kept with the outputs
                out.discard()
                by_relation = {str(k): int(v) for k, v in previous["by_relation"].items()}
                entity_count = previous["entities"]
            else:
                store = shards.Shards(staging, accepted)

                def page(written: _Default) -> bytes:
                    return _page(written, store.view_rows(), articles, max_nodes, title,
                                 graph_name, collected.count, options.base)

                out.flush()  # a forked copy of the build must hold none of its bytes
                with _gc_frozen(), _Beside(page, store, options.base, jobs > 1) as beside:
                    written = _write_default(out, store, resources, options.base,
                                             beside.entities_done)
                    page_bytes = beside.result(written)
                by_relation, entity_count = written.by_relation, written.entities
        if not unchanged:
            outputs.write("graph.html", page_bytes)
            summary = {"articles": collected.count, "failed": collected.failed,
                       "no_facts": collected.no_facts, "no_date": collected.no_date,
                       "warnings": [[w.path, w.reason] for w in collected.warnings]}
            outputs.commit({"version": 1, "build": build_id, "by_relation": by_relation,
                            "entities": entity_count, "summary": summary,
                            "inputs_id": inputs.hexdigest()},
                           inputs=articles.inputs())
    if cache is not None:
        cache.save(i["sha256"] for i in articles.inputs())
    return BuildResult(None, [], sum(by_relation.values()), collected.errors,
                       entity_count, collected.cached, by_relation, collected.no_facts,
                       collected.no_date, collected.warnings, unchanged, count=collected.count)


def _manifest_head(out_dir: Path) -> dict | None:
    """The previous manifest without its list of inputs, which the build need not hold."""
    manifest = atomic.read_manifest(out_dir)
    if manifest is None:
        return None
    return {k: v for k, v in manifest.items() if k != "inputs"}


_DIRECTIVE = re.compile(rb"(?im)^[ \t]*(@prefix|@base|prefix[ \t]|base[ \t])")


def _check_chunk(chunk: bytes) -> None:
    """A cached article's RDF may declare no prefix or base: one would change the meaning of
    the articles after it. The entry's checksum already proves it is the one kg wrote, so it
    is not parsed again (that cost more than the build it saves: an unchanged re-run of 10,000
    articles took longer than the first build)."""
    if _DIRECTIVE.search(chunk):
        raise ValueError("a prefix or base directive in a cached chunk")


def _default_graph(entities, collected: Collected, terms: graph.Terms) -> list:
    return graph.entity_triples(entities, terms) + _relations(collected, terms)


def _relations(collected: Collected, terms: graph.Terms) -> list:
    return graph.relation_triples(
        ((s, p, o) for s, p, o, _sentence, _article in collected.view), terms)


def _chain(first: list[Outcome], rest: Iterator[Outcome],
           progress: Callable[[Outcome, int], None] | None, total: int,
           inputs: InputsId) -> Iterator[Outcome]:
    yield from first
    for outcome in rest:
        inputs.add_outcome(outcome)
        if progress:
            progress(outcome, total)
        yield outcome


@contextlib.contextmanager
def _gc_frozen() -> Iterator[None]:
    """The objects made so far (articles, the view's rows ...) live until the end of the build:
    frozen, the garbage collector stops scanning them again and again as the merge makes new
    ones (issue #17 measured 12-15% of a 20,000-article build's CPU saved, with the merge in
    memory; the streamed merge makes fewer objects, so the gain is smaller now)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@dataclass
class _Default:
    """What writing the default graph (entities, then relations) found out for the view."""

    entities_file: Path
    entities: int = 0
    by_relation: dict[str, int] = field(default_factory=dict)
    by_class: dict[str, int] = field(default_factory=dict)
    ends_file: Path | None = None  # both ends of each relation between entities (JSON lists)
    edges: int = 0
    parents: int = 0


class _Batches:
    """Triples for GraphFile.add_default, handed over in batches. A batch ends only where the
    subject changes, since the Turtle writer joins a subject's consecutive triples: the file is
    then the same as if all had been written at once."""

    def __init__(self, out: rdf.GraphFile, size: int = 20_000):
        self.out, self.size, self.items = out, size, []

    def add(self, triples: Iterable) -> None:
        for triple in triples:
            if len(self.items) >= self.size and triple.subject != self.items[-1].subject:
                self.flush()
            self.items.append(triple)

    def flush(self) -> None:
        if self.items:
            self.out.add_default(self.items)
            self.items = []


def _page(written: _Default, facts: Iterator[tuple], articles: shards.Articles, max_nodes: int,
          title: str | None, graph_name: str, count: int, base: str) -> bytes:
    """graph.html: the view of the graph `written` describes (`facts`: Shards.view_rows)."""
    from kg.export import html

    keep, totals, kept = _view_scope(written, max_nodes, sum(written.by_relation.values()),
                                     count)
    view, rows = _view_graph(kept, facts, articles, keep, base)
    return html.render(view, title=title, max_nodes=max_nodes, source=graph_name,
                       totals=totals, articles=rows, article_count=count).encode("utf-8")


class _Beside:
    """The page made in a forked copy of the build while the build writes the default graph:
    the two halves of the serial tail on two cores. The copy counts the relations itself (the
    page needs their ends and counts) and waits for the entities' counts, which the build
    sends when its pass over the entities is done (`entities_done`). `result` gives the
    page's bytes. Without a fork (one job, no os.fork, other threads running, whose locks a
    fork would copy held) or when the copy fails, the page is made here, after the graph:
    the same bytes either way."""

    def __init__(self, page: Callable[["_Default"], bytes], store: shards.Shards, base: str,
                 fork: bool):
        self.page, self.store, self.base = page, store, base
        self.fork = fork and hasattr(os, "fork") and threading.active_count() == 1
        self.pid: int | None = None
        self._write: int | None = None  # the pipe to the copy
        self.path = store.folder / "page.html"

    def __enter__(self) -> "_Beside":
        if not self.fork:
            return self
        read, self._write = os.pipe()
        parent = os.getpid()
        sys.stdout.flush()
        sys.stderr.flush()
        self.pid = os.fork()
        if self.pid == 0:
            self._close()
            code = 1
            try:
                _die_with(parent)
                with os.fdopen(read, "rb") as pipe:
                    self._child(pipe)
                code = 0
            except BaseException:  # the build makes the page itself: nothing is lost
                log.debug("the page's process failed", exc_info=True)
            finally:
                os._exit(code)  # no unwinding: the build's files and lock are its own
        os.close(read)
        return self

    def _child(self, pipe) -> None:
        done = _Default(self.store.folder / "entities.jsonl",
                        ends_file=self.store.folder / "ends-page.jsonl")
        _write_relations(done, self.store, None, self.base)
        counts = json.loads(pipe.readline())
        done.entities, done.by_class, done.parents = (counts["entities"], counts["by_class"],
                                                      counts["parents"])
        self.path.write_bytes(self.page(done))

    def entities_done(self, done: "_Default") -> None:
        if self._write is not None:
            message = {"entities": done.entities, "by_class": done.by_class,
                       "parents": done.parents}
            with contextlib.suppress(OSError):  # the copy has failed: `result` will see it
                os.write(self._write, (json.dumps(message) + "\n").encode("utf-8"))

    def result(self, written: "_Default") -> bytes:
        if self.pid is not None:
            self._close()
            status = os.waitpid(self.pid, 0)[1]
            self.pid = None
            if os.waitstatus_to_exitcode(status) == 0:
                return self.path.read_bytes()
            log.info("the page's process failed: the page is made here")
        return self.page(written)

    def _close(self) -> None:
        if self._write is not None:  # once: the number may be another file's afterwards
            os.close(self._write)
            self._write = None

    def __exit__(self, *exc) -> None:
        self._close()
        if self.pid is not None:  # the build failed: so does its page
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)


def _write_default(out: rdf.GraphFile, store: shards.Shards, resources: Resources,
                   base: str, entities_done: Callable[[_Default], None] | None = None
                   ) -> _Default:
    """The default graph from the shards: every entity's description (in key order), then the
    relations (each once, in the order of graph.relation_triples), streamed in batches.
    `entities_done` is told the entities' counts as soon as they are known, before their
    triples are made: the page's copy waits for them (it waited about 0.7 s at 10,000
    articles while the entities' triples were made and written)."""
    done = _Default(store.folder / "entities.jsonl", ends_file=store.folder / "ends.jsonl")
    referenced = store.write_entities(resources, done.entities_file)
    # a key named as a parent that is no parent of the entity kept is harmless here: no
    # entity's parent link looks it up
    known: set[str] = set()
    named: dict[str, int] = {}  # entities naming each parent: its keys are in `referenced`
    for entity in store.entities(done.entities_file):
        done.entities += 1
        done.by_class[entity.kind] = done.by_class.get(entity.kind, 0) + 1
        if entity.parent:
            named[entity.parent] = named.get(entity.parent, 0) + 1
        if entity.key in referenced:
            known.add(entity.key)
    done.parents = sum(count for parent, count in named.items() if parent in known)
    if entities_done is not None:
        entities_done(done)
    batches = _Batches(out)
    for chunk in _chunks(store.entities(done.entities_file), 5000):
        batches.add(graph.entity_triples({e.key: e for e in chunk}, graph.Terms(base),
                                         known=known))
    _write_relations(done, store, batches, base)
    return done


def _write_relations(done: _Default, store: shards.Shards, batches: "_Batches | None",
                     base: str) -> None:
    """The relations into `batches` (None: only counted), their counts and their ends."""
    counts: dict[str, int] = {}
    with done.ends_file.open("w", encoding="utf-8") as ends:
        for group in _chunks_by_subject(store.relations(), 5000):
            _add_relations(done, group, counts, ends, batches, base)
    if batches is not None:
        batches.flush()
    done.by_relation = {r: counts[r] for r in fact_defs.STATED if counts.get(r)}


def _add_relations(done: _Default, group: list, counts: dict[str, int], ends,
                   batches: "_Batches | None", base: str) -> None:
    """One group of relations into the graph, their counts and (for the view's degrees) the
    file of their ends: a dict of every entity's degree grew with the corpus."""
    # only counted (the page's copy): without the schema.org triples, which count as no fact
    triples = graph.relation_triples(group, graph.Terms(base), schema_types=batches is not None,
                                     ordered=True)
    for triple in set(triples):  # what fact_defs.tally counts: each distinct fact once
        relation = fact_defs.relation(triple.predicate.value)
        if relation is not None:
            counts[relation] = counts.get(relation, 0) + 1
    keys = [key for s, _p, o in group if isinstance(o, str) for key in (s, o)]
    done.edges += len(keys) // 2
    if keys:  # a line of keys a group: one JSON call, not two a relation
        ends.write(json.dumps(keys, ensure_ascii=False) + "\n")
    if batches is not None:
        batches.add(triples)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _chunks_by_subject(relations: Iterable[tuple], size: int) -> Iterator[list]:
    """Relations in lists of about `size`, a subject's relations never split: the schema.org
    triples that graph.relation_triples adds are each made once per subject."""
    chunk: list = []
    for relation in relations:
        if len(chunk) >= size and relation[0] != chunk[-1][0]:
            yield chunk
            chunk = []
        chunk.append(relation)
    if chunk:
        yield chunk


_CITES = "http://www.w3.org/ns/prov#wasDerivedFrom"


def _view_graph(entities, view_rows: Iterator[tuple], articles: Iterable[Article], keep,
                base: str):
    """The view's graph (the entities kept, their facts with a few sentences each, and the
    articles those sentences come from) and the rows of the articles the page lists (see
    `_ArticleRows`), made a batch of articles at a time: no graph or list of all the articles
    is ever held. `view_rows`: Shards.view_rows."""
    from kg.export import html

    terms = graph.Terms(base)
    facts = graph.view_triples({}, view_rows, [], terms, keep,
                               max_values=None if keep is None else graph.VIEW_VALUES)
    cited = {t.object.value for t in facts if t.predicate.value == _CITES}
    cited_articles: list[Article] = []
    rows = _ArticleRows(html.MAX_ARTICLES, cited, html.article_row_key)
    for batch in _chunks(articles, 2000):
        cited_articles += [a for a in batch if graph.article_iri(base, a.id) in cited]
        rows.add(_article_rows(batch, base))
    triples = graph.view_triples(entities, [], cited_articles, terms) + facts
    return _rdflib_graph(triples, base), html.sort_article_rows(rows.kept())


def _article_rows(articles: list[Article], base: str) -> list[dict]:
    """What html.article_rows reads from the view's triples of `articles` (graph.view_triples),
    taken from the articles themselves: an rdflib graph of every article, made only to read
    its rows back, was a tenth of the build's serial tail. Articles that share an id share a
    node, so they share a row, each field the smallest of their values as html._first takes."""
    found: dict[str, dict[str, set[str]]] = {}
    for article in articles:
        values = found.setdefault(graph.article_iri(base, article.id), {})
        for name, value in graph.view_article_values(article):
            if value.strip():
                values.setdefault(name, set()).add(value)
    rows = []
    for iri, values in found.items():
        first = {name: min(strings) for name, strings in values.items()}
        rows.append({"headline": first.get("headline") or iri,
                     "publisher": first.get("publisher", ""),
                     "date": first.get("date", "")[:10], "iri": iri,
                     "url": first.get("url", ""), "file": first.get("file", "")})
    return rows


class _ArticleRows:
    """The rows of the articles the page needs, from a stream of all of them: the first `size`
    in the page's order (its list of sources shows those), those its evidence cites, and the
    oldest dated one (the date filter's range runs from it to the newest, the first). The rest
    are only counted: a build of a million articles does not put a million rows in its page.
    With `size` articles or fewer, that is every article."""

    def __init__(self, size: int, cited: set[str], key: Callable[[dict], tuple]):
        self.size, self.cited, self.key = size, cited, key
        self.first: list[tuple] = []   # a heap of (negated key, n, row): the `size` smallest
        self.other: dict[str, dict] = {}  # cited rows, by IRI
        self.oldest: tuple | None = None  # (key, row) of the last dated row in the page's order
        self.seen = 0

    def add(self, rows: Iterable[dict]) -> None:
        for row in rows:
            self.seen += 1
            key = self.key(row)
            if row["iri"] in self.cited:
                self.other[row["iri"]] = row
            if row["date"] and (self.oldest is None or key > self.oldest[0]):
                self.oldest = (key, row)
            item = (_Reversed(key), self.seen, row)
            if len(self.first) < self.size:
                heapq.heappush(self.first, item)
            elif key < self.first[0][0].key:
                heapq.heapreplace(self.first, item)

    def kept(self) -> list[dict]:
        rows = {row["iri"]: row for _key, _n, row in self.first} | self.other
        if self.oldest is not None:
            rows[self.oldest[1]["iri"]] = self.oldest[1]
        return list(rows.values())


@dataclass(frozen=True)
class _Reversed:
    """A key that sorts the other way round: heapq keeps the smallest, the page wants the
    first `size` (a heap of the largest of them, the one to drop first on top)."""

    key: tuple

    def __lt__(self, other: "_Reversed") -> bool:
        return other.key < self.key


def _rdflib_graph(triples: list, base: str) -> Graph:
    """graph.to_rdflib without the N-Triples text in between: the same graph, made for about
    half the peak memory (the view's graph is the biggest thing a build holds)."""
    from rdflib import BNode, Literal, URIRef

    string = "http://www.w3.org/2001/XMLSchema#string"
    made: dict = {}

    def term(node):
        found = made.get(node)
        if found is None:
            if isinstance(node, ox.NamedNode):
                found = URIRef(node.value)
            elif isinstance(node, ox.BlankNode):
                found = BNode()
            elif node.language:
                found = Literal(node.value, lang=node.language)
            elif node.datatype.value == string:
                found = Literal(node.value)
            else:
                found = Literal(node.value, datatype=URIRef(node.datatype.value))
            made[node] = found
        return found

    out = Graph(bind_namespaces="core")
    out.addN((term(t.subject), term(t.predicate), term(t.object), out) for t in triples)
    for prefix, namespace in graph.prefixes(base).items():
        out.bind(prefix, namespace, replace=True)
    return out


def _view_scope(written: _Default, max_nodes: int, facts: int, articles: int):
    """What the view draws from: every entity when the graph is small; otherwise the most
    connected ones (twice what the view draws, so it still chooses) and the totals of the whole
    graph for its header. Returns (keys kept or None, totals or None, the entities kept)."""
    limit = max_nodes + max_nodes // 4
    entities = shards.Shards.entities(written.entities_file)
    if written.entities <= limit:
        return None, None, {e.key: e for e in entities}
    ranked = heapq.nsmallest(limit, _with_degrees(entities, shards.counts(written.ends_file)),
                             key=lambda pair: (-pair[1], pair[0].label, pair[0].key))
    top = [entity for entity, _degree in ranked]
    totals = {"articles": articles, "entities": written.entities, "facts": facts,
              "edges": written.edges + written.parents, "by_class": written.by_class}
    return {e.key for e in top}, totals, {e.key: e for e in sorted(top, key=lambda e: e.key)}


def _with_degrees(entities: Iterator[Entity], degrees: Iterator[tuple[str, int]]
                  ) -> Iterator[tuple[Entity, int]]:
    """(entity, degree) for each entity: both streams are in key order."""
    pending = next(degrees, None)
    for entity in entities:
        while pending is not None and pending[0] < entity.key:
            pending = next(degrees, None)
        yield entity, pending[1] if pending is not None and pending[0] == entity.key else 0


def build(paths: Iterable[str | os.PathLike] | str | os.PathLike, *, base: str = DEFAULT_BASE,
          resources: Resources | None = None, strict: bool = False,
          include: Iterable[str] = (), exclude: Iterable[str] = (),
          scheduler: str | None = None, jobs: int = 1) -> Graph:
    """The knowledge graph of the articles in `paths` (files or folders), as an rdflib Graph.

    Raises NoInputError when nothing can be read. An input that fails is logged as a warning
    and left out; with `strict=True` it raises SomeInputsFailed (`.errors` lists each file and
    its reason, `.result.graph` is the graph of the rest). `run()` returns the errors instead.
    `scheduler` extracts on Dask distributed (see `run`)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    result = run(paths, base=base, resources=resources, strict=strict, include=include,
                 exclude=exclude, scheduler=scheduler, jobs=jobs)
    for error in result.errors:
        log.warning("skipped %s", error)
    return result.graph
