"""What articles say about entities, on disk: a build whose memory does not grow with the corpus.

Whoever extracts an article (a worker process, a Dask worker, or the build itself) appends one
line to its own shard file in OUT/.kg-staging: the article's position among the inputs, its id,
its observations of entities and its facts with their sentences, as JSON. The build keeps none of
this in memory. At the end it reads the shards back through external sorts (sorted runs of
bounded size on disk, merged lazily) and streams:

  * the entity descriptions, merged key by key (`write_entities`, `entities`): the same that
    `kg.resolve.merge` makes of all observations at once, since an entity depends only on its own
    observations, in input order, and on the gazetteer;
  * the distinct relations, in the order `graph.relation_triples` gives them (`relations`);
  * each fact's sentences in input order, for the view (`view_rows`).

A worker that dies mid-line leaves a line that does not parse, and Dask runs its articles again
elsewhere: reading skips broken lines and takes each article's first complete line only.
"""
from __future__ import annotations

import heapq
import itertools
import json
import operator
import os
import secrets
import socket
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.cache import article_data, article_from_data
from kg.errors import KgError
from kg.model import Entity, Value
from kg.resolve import merge

STAGING = ".kg-staging"


class MissingShards(KgError):
    """Articles were extracted but their shard lines are not in the staging folder: the
    workers wrote them somewhere else (an output folder that is not shared)."""


#: records sorted in memory at once before a run goes to disk (about 25 MB of them)
RUN_SIZE = 50_000
#: runs merged at once: more are first merged into longer runs, group by group, so that a
#: build of millions of articles never holds thousands of files open
FAN_IN = 64
#: records a line of a sorted run: one call of the JSON encoder or decoder per 1,000 records,
#: not one each (a call cost more than the small record it encoded)
BLOCK = 1000
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def writer(folder: Path) -> "Writer":
    """This process's writer for the shards in `folder`."""
    key = (os.getpid(), str(folder))  # a forked worker must not share its parent's file
    found = _writers.get(key)
    if found is None:
        found = _writers[key] = Writer(folder)
    return found


# One shard file per process and staging folder, kept for the process's life: each process
# (pool worker, Dask worker, the build itself) appends to its own file, so no two ever write to
# one file. Only names are kept: a file is opened for each line.
_writers: dict[tuple[int, str], "Writer"] = {}


class Writer:
    """Appends articles' lines to one shard file of its own (created on the first line)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path: Path | None = None

    def write(self, index: int, outcome) -> None:
        """The article at position `index` among the inputs: its observations (each distinct
        one once: a repeat changes no entity) and its facts with their sentences."""
        observations = list(dict.fromkeys(tuple(o) for o in outcome.observations))
        view = [[s, p, _value_data(o), sentence] for s, p, o, sentence in outcome.view]
        line = json.dumps([index, outcome.article.id, observations, view], ensure_ascii=False,
                          separators=(",", ":")) + "\n"
        data = memoryview(line.encode("utf-8"))
        if self.path is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.path = self.folder / (f"shard-{socket.gethostname()}-{os.getpid()}-"
                                       f"{secrets.token_hex(4)}.jsonl")
        # opened for each line (a Dask worker outlives the build and its staging folder) and
        # written unbuffered: the line is in the file when the article's result is returned
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        except FileNotFoundError:  # the folder of an earlier build by this name was removed
            self.folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            while data:
                data = data[os.write(fd, data):]
        finally:
            os.close(fd)


def _value_data(obj):
    return obj if isinstance(obj, str) else {"text": obj.text, "datatype": obj.datatype}


def _value(data):
    return data if isinstance(data, str) else Value(data["text"], data["datatype"])


def clear(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


class Shards:
    """The shards of one build, read back. `accepted[i]` says whether the input at position i
    is part of the build (not a failed file, not a repeat of earlier content)."""

    def __init__(self, folder: Path, accepted: bytearray):
        self.folder = Path(folder)
        self.accepted = accepted

    def lines(self, in_order: bool = False) -> Iterator[tuple[int, str, list, list]]:
        """Each article's line: (index, id, observations, facts). `in_order`: by index, merged
        from the shards, which must each be in that order already (see `in_order`)."""
        files = self._files()
        lines = [self._file_lines(path) for path in files]
        done = bytearray(len(self.accepted))
        # heapq.merge takes the earlier file's line on a tie, as reading one file after
        # another does
        merged = (heapq.merge(*lines, key=operator.itemgetter(0)) if in_order
                  else itertools.chain.from_iterable(lines))
        for index, article_id, observations, view in merged:
            if not self.accepted[index] or done[index]:
                continue
            done[index] = 1
            yield index, article_id, observations, view
        missing = sum(self.accepted) - sum(done)
        if missing:
            raise MissingShards(
                f"{self.folder.parent.parent}: what {missing} article(s) say is missing from "
                f"{STAGING}: do the workers write to this output folder (shared storage, the "
                f"same path)? Nothing was written")

    def _files(self) -> list[Path]:
        return sorted(self.folder.glob("shard-*.jsonl")) if self.folder.is_dir() else []

    def _file_lines(self, path: Path) -> Iterator[tuple[int, str, list, list]]:
        with path.open("rb") as handle:
            for raw in handle:
                try:
                    index, article_id, observations, view = json.loads(raw)
                    if not 0 <= index < len(self.accepted):
                        continue  # not a line of this build
                except (ValueError, TypeError):
                    continue  # cut short by a worker that died; its article ran again
                yield index, article_id, observations, view

    def in_order(self) -> bool:
        """Whether each shard's lines are in input order (as a process pool's workers write
        them; Dask's may not): their first numbers, read without parsing the lines."""
        for path in self._files():
            last = -1
            with path.open("rb") as handle:
                for raw in handle:
                    try:
                        index = int(raw[1:raw.index(b",")])
                    except ValueError:
                        return False
                    if index < last:
                        return False
                    last = index
        return True

    def _sorted(self, records: Callable[[], Iterator[list]], key,
                firsts: bool = False) -> Iterator[list]:
        return external_sort(records(), key, self.folder / "runs", firsts=firsts)

    # -- entities --------------------------------------------------------------------------

    def observations(self) -> Iterator[list]:
        """[key, index, j, kind, label, surface, code] by key, then input order."""
        def records():
            for index, _id, observations, _view in self.lines():
                for j, (key, kind, label, surface, code) in enumerate(observations):
                    yield [key, index, j, kind, label, surface, code]
        return self._sorted(records, key=operator.itemgetter(0, 1, 2))

    def write_entities(self, resources, path: Path) -> set[str]:
        """Every entity, in key order, as JSON lines at `path`: those the articles observed,
        merged key by key, and the parents the gazetteer adds (places' provinces, organisations'
        parents) that no article observed. Returns the parents the entities name (and perhaps
        a few more: those of an added parent that an article also observed), so that they
        need not be read back for them."""
        added: dict[str, tuple[tuple[int, int], Entity]] = {}
        parents: set[str] = set()
        with path.open("w", encoding="utf-8") as out:
            for key, group in itertools.groupby(self.observations(), key=operator.itemgetter(0)):
                group = list(group)
                made = merge([tuple(r[i] for i in (0, 3, 4, 5, 6)) for r in group], resources)
                entity = made.pop(key)
                if entity.parent:
                    parents.add(entity.parent)
                out.write(_entity_line(entity))
                first = (group[0][1], group[0][2])
                for other, entity in made.items():
                    # `merge` makes an unobserved parent once, from the first entity (in input
                    # order) that names it
                    if other not in added or first < added[other][0]:
                        added[other] = (first, entity)
        with path.with_suffix(".added").open("w", encoding="utf-8") as out:
            for key in sorted(added):
                entity = added[key][1]
                if entity.parent:
                    parents.add(entity.parent)
                out.write(_entity_line(entity))
        return parents

    @staticmethod
    def entities(path: Path) -> Iterator[Entity]:
        """The entities `write_entities` wrote, in key order; an observed entity wins over a
        gazetteer parent of the same key."""
        def read(p: Path) -> Iterator[Entity]:
            with p.open(encoding="utf-8") as handle:
                for line in handle:
                    yield _entity(json.loads(line))
        observed, added = read(path), read(path.with_suffix(".added"))
        previous = None
        for entity in heapq.merge(observed, added, key=lambda e: e.key):
            if entity.key != previous:  # heapq.merge takes the first stream's first on a tie
                yield entity
            previous = entity.key

    # -- facts -----------------------------------------------------------------------------

    def relations(self) -> Iterator[tuple[str, str, object]]:
        """Each distinct (subject, relation, object) once, in the order that
        graph.relation_triples sorts them."""
        def records():
            for _index, _id, _observations, view in self.lines():
                for s, p, o, _sentence in view:
                    norm = o if isinstance(o, str) else (o["text"], o["datatype"])
                    yield [repr((s, p, norm)), s, p, o]
        previous = None
        for key, s, p, o in self._sorted(records, key=operator.itemgetter(0), firsts=True):
            if key != previous:
                yield s, p, _value(o)
            previous = key

    def view_rows(self) -> Iterator[tuple]:
        """(subject, relation, object, sentence, article id) of every fact, in input order:
        the shards merged when each is in that order, else through an external sort."""
        if self.in_order():
            for _index, article_id, _observations, view in self.lines(in_order=True):
                for s, p, o, sentence in view:
                    yield s, p, _value(o), sentence, article_id
            return

        def records():
            for index, article_id, _observations, view in self.lines():
                for j, (s, p, o, sentence) in enumerate(view):
                    yield [index, j, s, p, o, sentence, article_id]
        for _i, _j, s, p, o, sentence, article_id in self._sorted(
                records, key=operator.itemgetter(0, 1)):
            yield s, p, _value(o), sentence, article_id


class Articles:
    """The metadata of a build's articles, in input order, in a file of the staging folder: the
    view and the manifest read them back, so the build holds no list of its articles."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._out = None

    def add(self, path: str, digest: str, article) -> None:
        if self._out is None:
            self._out = self.path.open("w", encoding="utf-8")
        self._out.write(json.dumps([path, digest, article_data(article)], ensure_ascii=False,
                                   separators=(",", ":")) + "\n")

    def close(self) -> None:
        """The end of the writing: reading may begin."""
        if self._out is not None:
            self._out.close()

    def _lines(self) -> Iterator[list]:
        if not self.path.exists():
            return
        with self.path.open(encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)

    def inputs(self) -> Iterator[dict]:
        """{"path", "sha256"} of each article, for the manifest."""
        for path, digest, _article in self._lines():
            yield {"path": path, "sha256": digest}

    def __iter__(self) -> Iterator:
        for _path, _digest, article in self._lines():
            yield article_from_data(article)


def counts(path: Path) -> Iterator[tuple[str, int]]:
    """(item, how many times) for the items of `path` (a line is a JSON string, or a JSON list
    of them), in item order, counted through an external sort: the counts of millions of items
    are never all held."""
    def records() -> Iterator[str]:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                value = json.loads(line)
                yield from ([value] if isinstance(value, str) else value)
    for item, group in itertools.groupby(external_sort(records(), None, path.parent / "runs")):
        yield item, sum(1 for _ in group)


def _entity_line(entity: Entity) -> str:
    return json.dumps([entity.key, entity.kind, entity.label, list(entity.alt_labels),
                       entity.code, entity.parent, [list(x) for x in entity.extra],
                       entity.latitude, entity.longitude],
                      ensure_ascii=False, separators=(",", ":")) + "\n"


def _entity(data: list) -> Entity:
    key, kind, label, alt, code, parent, extra, lat, lon = data
    return Entity(key, kind, label, tuple(alt), code, parent,
                  tuple(tuple(x) for x in extra), lat, lon)


# -- external sort ----------------------------------------------------------------------------

def external_sort(records: Iterable[list], key, folder: Path,
                  run_size: int | None = None, firsts: bool = False) -> Iterator[list]:
    """`records` (JSON-able values) sorted by `key` (None: by themselves), holding at most
    `run_size` of them in memory: sorted runs are written to `folder` and merged as they are
    read. Equal records keep their order (the sort is stable and the runs are merged in
    order). `firsts`: the caller takes only the first record of each key, so each run keeps
    only its first (the relations' repeats are a third of their records: fewer to write,
    read back and merge)."""
    run_size = run_size or RUN_SIZE
    runs: list[Path] = []
    buffer: list[list] = []

    def run(items: list) -> list:
        items.sort(key=key)
        return _firsts(items, key) if firsts else items

    for record in records:
        buffer.append(record)
        if len(buffer) >= run_size:
            runs.append(_write_run(run(buffer), folder))
            buffer = []
    buffer = run(buffer)
    if not runs:
        yield from buffer
        return
    if buffer:
        runs.append(_write_run(buffer, folder))
    buffer = []
    try:
        while len(runs) > FAN_IN:
            group, runs = runs[:FAN_IN], runs[FAN_IN:]
            # the merged run takes the place of its group: runs stay in input order, so equal
            # records keep theirs
            runs.insert(0, _write_run(heapq.merge(*(_read_run(r) for r in group), key=key),
                                      folder))
            for run in group:
                run.unlink(missing_ok=True)
        yield from heapq.merge(*(_read_run(run) for run in runs), key=key)
    finally:
        for run in runs:
            run.unlink(missing_ok=True)


def _firsts(items: list, key) -> list:
    """The first of each run of equal keys in sorted `items`."""
    out, previous = [], None
    for item in items:
        this = key(item) if key is not None else item
        if not out or this != previous:
            out.append(item)
        previous = this
    return out


def _write_run(records: Iterable, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"run-{secrets.token_hex(8)}.jsonl"
    records = iter(records)
    with path.open("w", encoding="utf-8") as out:
        while block := list(itertools.islice(records, BLOCK)):
            out.write(_encode(block) + "\n")
    return path


def _read_run(path: Path) -> Iterator:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield from json.loads(line)
