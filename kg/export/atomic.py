"""Write files so that readers only ever see the old content or the whole new content.

`AtomicFile` replaces one file. `OutputSet` replaces several together: every file is written to
a temporary beside it and only when all are complete are they renamed, followed by a manifest
that records each output's size and hash; a later build trusts the outputs on disk only if they
still match it. `FolderLock` keeps two builds out of one output folder at a time.
"""
from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

MANIFEST = ".kg-manifest.json"
LOCK = ".kg-lock"


class AtomicFile:
    """with AtomicFile(path) as handle: ... — the file is replaced only if the block succeeds.

    The temporary file is in the same folder, since rename is atomic only within one
    filesystem; on any error (or SystemExit from a signal) it is removed and the old file stays.
    With defer=True a successful block only completes the temporary; `commit()` renames it
    (and `discard()` removes it), so that several files can be replaced together.
    """

    def __init__(self, path: str | os.PathLike, durable: bool = True, defer: bool = False):
        self.path = Path(path)
        # durable: flush to disk before the rename, so a crash cannot leave an empty file
        # under the final name (not needed for caches, which are checked when read)
        self.durable = durable
        self.defer = defer
        self._tmp: str | None = None
        self._handle: BinaryIO | None = None

    def __enter__(self) -> BinaryIO:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp",
                                         dir=self.path.parent)
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(self._tmp, 0o666 & ~_umask())
        self._handle = os.fdopen(fd, "wb")
        return self._handle

    def __exit__(self, exc_type, exc, tb) -> bool:
        assert self._handle is not None and self._tmp is not None
        try:
            if exc_type is None and self.durable:
                self._handle.flush()
                os.fsync(self._handle.fileno())
            self._handle.close()
            if exc_type is None and not self.defer:
                os.replace(self._tmp, self.path)
        except BaseException:
            self.discard()
            raise
        if exc_type is not None:
            self.discard()
        return False

    @property
    def temporary(self) -> Path | None:
        """The completed temporary file (deferred files only), before `commit()`."""
        return Path(self._tmp) if self._tmp and os.path.exists(self._tmp) else None

    def commit(self) -> None:
        if self._tmp is not None:
            os.replace(self._tmp, self.path)
            self._tmp = None

    def discard(self) -> None:
        if self._tmp is not None:
            Path(self._tmp).unlink(missing_ok=True)
            self._tmp = None


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    with AtomicFile(path) as handle:
        handle.write(data)


def write_text(path: str | os.PathLike, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# -- sets of outputs -----------------------------------------------------------------------

class OutputSet:
    """with OutputSet(folder) as outputs: outputs.file(name) ...; outputs.commit(record)

    Files are renamed only by `commit`, after all of them were written completely; leaving the
    block without a commit (an error, a full disk) removes every temporary and keeps the old
    outputs, whole and matching their manifest."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._files: list[AtomicFile] = []

    def __enter__(self) -> "OutputSet":
        return self

    def file(self, name: str) -> AtomicFile:
        target = AtomicFile(self.folder / name, defer=True)
        self._files.append(target)
        return target

    def write(self, name: str, data: bytes) -> None:
        with self.file(name) as handle:
            handle.write(data)

    def commit(self, record: dict, inputs: Iterable | None = None) -> None:
        """Rename every completed file, then write the manifest: `record` plus the size and
        hash of each output, and `inputs` (JSON-able items, written one by one: a build
        of millions of articles does not hold their list) as its "inputs". The old manifest
        goes first, so no moment pairs a manifest with outputs it does not describe."""
        outputs = {}
        for target in self._files:
            if target.temporary is not None:
                outputs[target.path.name] = file_digest(target.temporary)
        manifest = AtomicFile(self.folder / MANIFEST, defer=True)
        with manifest as handle:
            head = json.dumps({**record, "outputs": outputs}, ensure_ascii=False, indent=1,
                              sort_keys=True)
            if inputs is None:
                handle.write(head.encode("utf-8"))
            else:
                handle.write(head[:head.rindex("}")].rstrip().encode("utf-8"))
                handle.write(b',\n "inputs": [')
                for n, item in enumerate(inputs):
                    handle.write((",\n  " if n else "\n  ").encode("ascii"))
                    handle.write(json.dumps(item, ensure_ascii=False).encode("utf-8"))
                handle.write(b"\n ]\n}")
        (self.folder / MANIFEST).unlink(missing_ok=True)
        for target in self._files:
            target.commit()
        manifest.commit()

    def __exit__(self, *exc) -> bool:
        for target in self._files:
            target.discard()
        return False


def file_digest(path: Path) -> dict:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
            size += len(block)
    return {"size": size, "sha256": digest.hexdigest()}


def read_manifest(folder: Path) -> dict | None:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def outputs_match(folder: Path, manifest: dict, names: list[str]) -> bool:
    """Whether each of `names` is on disk as the manifest records it (size, then hash)."""
    recorded = manifest.get("outputs")
    if not isinstance(recorded, dict):
        return False
    for name in names:
        entry = recorded.get(name)
        path = folder / name
        try:
            if not isinstance(entry, dict) or path.stat().st_size != entry.get("size"):
                return False
            if file_digest(path) != entry:
                return False
        except OSError:
            return False
    return True


# Temporaries that AtomicFile makes for kg's outputs and cache entries: .NAME.XXXXXXXX.tmp
_OUR_TEMPORARY = re.compile(r"\.(graph\.[a-z]+|\.kg-manifest\.json|[0-9a-f]{64})\.[^./]+\.tmp")


def remove_stale_temporaries(folder: Path, cache_root: Path | None = None) -> int:
    """Remove what a killed build left behind. Call it holding the folder's lock: then no
    temporary there belongs to a running build."""
    removed = 0
    places = [folder]
    if cache_root is not None and cache_root.is_dir():
        places += [p for p in cache_root.iterdir() if p.is_dir() and not p.is_symlink()]
    for place in places:
        try:
            entries = list(place.iterdir())
        except OSError:
            continue
        for entry in entries:
            if _OUR_TEMPORARY.fullmatch(entry.name) and entry.is_file():
                entry.unlink(missing_ok=True)
                removed += 1
    return removed


class FolderBusy(Exception):
    """Another process holds the output folder's lock."""


class FolderLock:
    """An exclusive lock on FOLDER/.kg-lock (flock: released when the process dies, however).

    Waits up to `wait` seconds for another build to finish, then raises FolderBusy."""

    def __init__(self, folder: Path, wait: float = 10.0):
        self.path = folder / LOCK
        self.wait = wait
        self._fd: int | None = None

    def __enter__(self) -> "FolderLock":
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EACCES):
                    os.close(fd)
                    raise
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                    os.close(fd)
                    raise FolderBusy(holder) from None
                time.sleep(0.1)
        self._fd = fd
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        return self

    def __exit__(self, *exc) -> bool:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the lock; the file stays, so no race on it
            self._fd = None
        return False
