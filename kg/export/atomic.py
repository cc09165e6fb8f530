"""Write a file so that readers only ever see the old content or the whole new content."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO


class AtomicFile:
    """with AtomicFile(path) as handle: ... — the file is replaced only if the block succeeds.

    The temporary file is in the same folder, since rename is atomic only within one
    filesystem; on any error (or SystemExit from a signal) it is removed and the old file stays.
    """

    def __init__(self, path: str | os.PathLike, durable: bool = True):
        self.path = Path(path)
        # durable: flush to disk before the rename, so a crash cannot leave an empty file
        # under the final name (not needed for caches, which are checked when read)
        self.durable = durable
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
            if exc_type is None:
                os.replace(self._tmp, self.path)
        except BaseException:
            Path(self._tmp).unlink(missing_ok=True)
            raise
        if exc_type is not None:
            Path(self._tmp).unlink(missing_ok=True)
        return False


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    with AtomicFile(path) as handle:
        handle.write(data)


def write_text(path: str | os.PathLike, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
