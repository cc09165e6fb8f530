"""The per-article map on Dask distributed: `kg build --scheduler tcp://HOST:PORT` or
`--cluster local`.

Workers are sent file paths, not bytes: they read the files themselves (a shared filesystem),
look their content up in the output folder's cache, extract, and store new results there, as the
local process pool does. The main process gets the Outcomes back and consumes them in input order,
so the outputs are byte-identical to a local build whatever the number of workers. Dask retries
on another worker the articles of a worker that dies; an article that kills every worker it is
sent to is reported as a failed input, like any other file that cannot be read.

Dask is optional (the `distributed` extra): nothing here imports it until a build asks for it.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg import sources
from kg.errors import InputError, KgError

log = logging.getLogger(__name__)
#: what `scheduler` is for a LocalCluster on this machine
LOCAL = "local"
#: articles in flight at once (in tasks of TASK_SIZE): enough to keep every worker busy, few
#: enough that the results waiting for an earlier one (output is in input order) stay small
WINDOW = 512
#: articles in one Dask task: a task costs the scheduler and the client about a millisecond
#: or more (measured: the build's own CPU went from 1.8 to 4.6 ms an article with one task
#: per article), as much as extracting an article
TASK_SIZE = 16
#: how long a build tries to reach the scheduler, then waits for its first worker
CONNECT_WAIT = 10.0
WORKER_WAIT = 30.0
MISSING = ("kg build --scheduler/--cluster needs Dask distributed: "
           "pip install 'kg[distributed]'")


class SchedulerError(KgError):
    """The scheduler cannot be reached, has no worker, or its workers cannot run kg."""


@dataclass(frozen=True)
class Task:
    """What a worker needs for one file, besides the file itself (small and picklable)."""

    read_path: str   # absolute: a worker's working folder is not the client's
    path: str        # as the user named it: the Outcome, errors and manifest show this
    options: object  # pipeline.Options
    cache_root: str | None
    signature: str | None
    index: int = -1           # the file's position among the build's inputs
    staging: str | None = None  # where the article's observations and facts go (see shards)


def _client_module():
    try:
        import distributed
    except ImportError:
        raise KgError(MISSING) from None
    return distributed


@contextlib.contextmanager
def connect(scheduler: str, jobs: int) -> Iterator[object]:
    """A Dask Client on `scheduler` (an address such as tcp://10.0.0.5:8786), or on a
    LocalCluster of `jobs` single-threaded worker processes when `scheduler` is "local"."""
    distributed = _client_module()
    cluster = None
    try:
        if scheduler == LOCAL:
            cluster = distributed.LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                silence_logs=logging.ERROR)
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(scheduler, timeout=CONNECT_WAIT)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler}: "
                             f"{_reason(exc)}") from None
    try:
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT)
        except (TimeoutError, OSError):
            raise SchedulerError(f"no Dask worker joined the scheduler at {scheduler} within "
                                 f"{WORKER_WAIT:.0f} s") from None
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _reason(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0]


def outcomes(client, files: list[Path], options, cache=None,
             staging: Path | None = None) -> Iterator:
    """An Outcome per file, in the order of `files`, extracted on the Dask workers; a file whose
    content an earlier file already had is skipped, as in a local build. With `staging`, the
    workers write observations and facts to shards there (see kg.shards)."""
    distributed = _client_module()
    cache_root = str(Path(cache.root).resolve()) if cache else None
    shard_root = str(Path(staging).resolve()) if staging else None

    def batch(number: int) -> list[Task]:
        start = number * TASK_SIZE
        return [Task(os.path.abspath(p), str(p), options, cache_root,
                     cache.signature if cache else None, index, shard_root)
                for index, p in enumerate(files[start:start + TASK_SIZE], start)]

    count = -(-len(files) // TASK_SIZE)
    futures = distributed.as_completed(with_results=False)
    ready: dict[int, list] = {}
    in_flight: dict[str, tuple[int, list[Task], object]] = {}  # by the future's key
    submitted = 0
    seen: set[bytes] = set()

    def submit_more() -> None:
        nonlocal submitted
        while submitted < count and (len(in_flight) + len(ready)) * TASK_SIZE < WINDOW:
            tasks = batch(submitted)
            future = client.submit(work_batch, tasks, pure=False)
            in_flight[future.key] = (submitted, tasks, future)
            futures.add(future)
            submitted += 1

    submit_more()
    following = 0
    try:
        for future in futures:
            number, tasks, _ = in_flight.pop(future.key)
            ready[number] = _results(client, future, tasks)
            future.release()
            while following in ready:
                for outcome in ready.pop(following):
                    if outcome.digest:  # read: its content is known
                        half = bytes.fromhex(outcome.digest[:32])  # as in pipeline.outcomes
                        if half in seen:
                            continue  # the same content twice adds nothing
                        seen.add(half)
                    yield outcome
                following += 1
            submit_more()
    finally:
        for _number, _tasks, future in in_flight.values():
            future.cancel()


def _results(client, future, batch: list[Task]) -> list:
    """The Outcomes of one batch. When the batch killed every worker it was sent to, its files
    are sent again one by one, so that only the file that kills workers is reported failed."""
    from kg.pipeline import Outcome

    distributed = _client_module()
    try:
        return future.result()
    except distributed.KilledWorker:
        if len(batch) > 1:
            return [outcome for task in batch
                    for outcome in _results(client, client.submit(work_batch, [task],
                                                                  pure=False), [task])]
        return [Outcome(batch[0].path, error=InputError(
            batch[0].path, "the Dask workers processing it died (it was retried on others)"),
            index=batch[0].index)]
    except (ImportError, AttributeError) as exc:
        raise SchedulerError(f"the Dask workers cannot run kg (install this version of kg "
                             f"on them): {_reason(exc)}") from None


# -- on the workers -------------------------------------------------------------------------

_resources = None  # loaded once per worker process, on its first article
_lock = threading.Lock()  # a worker with several threads shares one Resources (its memo is not
#                           thread-safe); extraction is pure Python, so threads gain nothing


def work_batch(tasks: list[Task]) -> list:
    return [work(task) for task in tasks]


def work(task: Task):
    """One file on a worker: its Outcome, from the cache when an entry for its content exists."""
    global _resources
    from kg.cache import Cache
    from kg.pipeline import Outcome, _check_chunk, process, to_shard
    from kg.resources import Resources

    options = task.options
    staging = Path(task.staging) if task.staging else None
    try:
        data = sources.read_bytes(task.read_path, max_bytes=options.max_bytes)
    except InputError as exc:
        return Outcome(task.path, error=InputError(task.path, exc.reason), index=task.index)
    digest = hashlib.sha256(data).hexdigest()
    cache = (Cache(Path(task.cache_root), task.signature, _check_chunk)
             if task.cache_root is not None else None)
    hit = cache.get(digest, task.path) if cache is not None else None
    if hit is None:
        with _lock:
            if _resources is None:
                _resources = Resources.load()
            hit = process(task.path, data, digest, options, _resources)
        if cache is not None and hit.error is None:
            Cache.store(cache.folder, hit)
    with _lock:  # one shard file per process: its lines must not interleave
        return to_shard(hit, task.index, staging)
