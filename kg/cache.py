"""Per-file results kept between builds, as data only: anyone who can write to an output folder
must not be able to run code as the next person who builds into it.

An entry is a line of JSON (format, version, the SHA-256 of the rest) and the Outcome, zlib-
compressed: a line of JSON (metadata, observations, the view's facts) and the article's graph
chunk as it is (not a JSON string, to be escaped and read back). The entries of a batch of
articles are written together in one file, a pack (see `pack`). Reading checks the header, the
checksum, every field's type and that the serialised RDF holds no directive; an entry that
fails any check is a miss (the file is extracted again), never an error. Nothing is unpickled
or imported from an entry. A torn entry (a crash while it was written) fails its checksum: a
miss, written again.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from importlib import resources as package_files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg import __version__
from kg.model import Article, Value

if TYPE_CHECKING:  # pipeline imports this module
    from kg.pipeline import Outcome

log = logging.getLogger(__name__)
CACHE_NAME = ".kg-cache"
FORMAT = "kg-cache"
VERSION = 2  # 1 was one JSON document, uncompressed: 26 kB an article on the bench, 3.6 kB now
#: an entry bigger than this is not ours (the largest article's entry is a few MB)
MAX_ENTRY_BYTES = 256 * 1024 * 1024


class BadEntry(ValueError):
    """A cache entry that cannot be trusted: it is treated as a miss."""


class Cache:
    """Outcomes by content hash under OUT/.kg-cache, between builds.

    Entries live in a folder named after a signature of kg's version, its rules and data files
    and the options, so a change to any of them starts afresh. An entry is a file named after
    its content hash, or one of the entries of a pack: a batch of articles extracted together
    is written as one file (`store_many`), since creating a file cost more than writing its
    bytes. Entries are read when needed and written as they are made. With `packed`, `get`
    also looks in the packs, whose lists of entries it reads once (about 100 bytes an entry in
    memory); without, only at entries of their own (a Dask task makes a Cache for each file).
    `check` (optional) is called with each entry's serialised RDF and raises if it is bad."""

    def __init__(self, root: Path, signature: str, check=None, packed: bool = False):
        self.root, self.signature = root, signature
        self.folder = root / signature[:24]
        self.check = check
        self.packed = packed
        self._packs: list[str] = []
        self._index: dict | None = None  # half digest -> pack, offset and length

    def get(self, digest: str, path: str) -> "Outcome | None":
        for read in self._places(digest):
            try:
                hit = decode(read(), digest)
                if self.check is not None:
                    self.check(hit.chunk)
            except OSError:
                continue  # not there
            except Exception as exc:  # whatever is in the file, a bad entry is only a miss
                log.info("ignoring a cache entry of %s: %s", digest[:12], exc)
                continue
            # the same content may have been cached under another name: the file read is this
            article = dataclasses.replace(hit.article, path=path) if hit.article else None
            return dataclasses.replace(hit, path=path, article=article, cached=True)
        return None  # not cached: extract

    def _places(self, digest: str) -> Iterator[Callable[[], bytes]]:
        """Readers of each copy of the entry: in the packs that list it (a spoilt one may
        stay while its other entries are used, beside a copy made since), then its own file."""
        found = self._indexed().get(_half(digest)) if self.packed else None
        for place in (found if isinstance(found, list) else [found] if found else []):
            pack, offset, length = place >> 64, (place >> 32) & 0xFFFFFFFF, place & 0xFFFFFFFF
            yield functools.partial(_read_entry, self.folder / self._packs[pack], offset, length)
        yield functools.partial(_read_entry, self.folder / digest)

    def _indexed(self) -> dict[bytes, "int | list[int]"]:
        """Where each packed entry is, from the packs' first lines (read once): one int each,
        a tuple of three cost twice the memory (a list for the rare entry in several packs)."""
        if self._index is None:
            self._index = {}
            for name, entries in packs(self.folder):
                if entries:
                    self._packs.append(name)
                    number = (len(self._packs) - 1) << 64
                    for digest, offset, length in entries:
                        place, half = number | offset << 32 | length, _half(digest)
                        known = self._index.setdefault(half, place)
                        if known != place:
                            self._index[half] = (known if isinstance(known, list)
                                                 else [known]) + [place]
        return self._index

    @classmethod
    def load(cls, folder: Path, options, check=None) -> "Cache":
        """The cache of the output folder `folder` for a build with `options`."""
        return cls(folder / CACHE_NAME, signature(options), check, packed=True)

    @staticmethod
    def store(folder: Path, outcome: "Outcome") -> None:
        """Best effort: a cache that cannot be written (full disk ...) only costs time later."""
        Cache.store_many(folder, [outcome])

    @staticmethod
    def store_many(folder: Path, outcomes: "list[Outcome]") -> None:
        """The outcomes' entries, in one pack when there are several: one file for a batch
        (one entry alone is a file of its own, which a Cache that is not `packed` reads)."""
        entries = []
        for outcome in outcomes:
            try:
                entries.append((outcome.digest, encode(outcome)))
            except (UnicodeDecodeError, TypeError, ValueError) as exc:
                log.info("not caching %s: %s", outcome.path, exc)
        try:
            if len(entries) == 1:
                _write_entry(folder, *entries[0])
            elif entries:
                _write_entry(folder, f"{PACK_PREFIX}{secrets.token_hex(8)}", pack(entries))
        except OSError as exc:
            log.info("cannot write %d cache entries in %s: %s", len(entries), folder, exc)

    def save(self, used: Iterable[str]) -> None:
        """Drop what this build did not use (deleted files, other signatures): `used` are the
        content hashes of its articles, read back from where the build keeps them (a set of
        them held through the build was 15 MB at 100,000 articles). A pack goes when none of
        its entries is used (so at most a pack's worth of unused entries stays per used one)."""
        if not self.folder.is_dir():
            return
        used = {_half(digest) for digest in used}
        for entry in self.root.iterdir():
            if entry.is_dir() and not entry.is_symlink() and entry != self.folder:
                shutil.rmtree(entry, ignore_errors=True)
        for name, entries in packs(self.folder):
            if not any(_half(digest) in used for digest, _offset, _length in entries):
                (self.folder / name).unlink(missing_ok=True)
        for entry in self.folder.iterdir():
            if not _PACK.fullmatch(entry.name) and _half(entry.name) not in used:
                entry.unlink(missing_ok=True)


# -- packs ------------------------------------------------------------------------------------

PACK_PREFIX = "pack-"
PACK_FORMAT = "kg-cache-pack"
_PACK = re.compile(r"pack-[0-9a-f]{16}")
#: a pack's first line (its list of entries: about 80 bytes an entry) is read from a first
#: piece of this size (the whole pack, 16 entries of 3-4 kB, would be read for nothing) ...
_PACK_READ = 4096
#: ... for at most this many entries (a batch of the process pool is 16)
MAX_PACK_ENTRIES = 4096


def pack(entries: list[tuple[str, bytes]]) -> bytes:
    """Entries (content hash, the entry's bytes) as one file: a line of JSON that lists them
    (hash and length, in order), then their bytes one after the other. Each entry keeps its
    own header and checksum, so a pack torn by a crash only loses the entries it cut."""
    header = json.dumps({"format": PACK_FORMAT, "version": VERSION,
                         "entries": [[digest, len(data)] for digest, data in entries]})
    return b"".join([header.encode("ascii"), b"\n", *(data for _digest, data in entries)])


def packs(folder: Path) -> Iterator[tuple[str, list[tuple[str, int, int]]]]:
    """Each pack in `folder` (sorted by name) with its entries (hash, offset, length); an
    empty list for a pack whose first line cannot be read or trusted."""
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if _PACK.fullmatch(entry.name))
    except OSError:
        return
    for name in names:
        try:
            entries = _pack_entries(folder / name)
        except FileNotFoundError:
            continue  # gone meanwhile
        except Exception as exc:  # a bad pack (a link, a FIFO ...) is only a miss
            log.info("ignoring the cache pack %s: %s", name, exc)
            entries = []
        yield name, entries


def _pack_entries(path: Path) -> list[tuple[str, int, int]]:
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise BadEntry("not a regular file")
        head, size = b"", _PACK_READ
        while b"\n" not in head and len(head) < MAX_PACK_ENTRIES * 100:
            piece = os.pread(fd, size, len(head))
            if not piece:
                break
            head += piece
            size *= 2  # a first line longer than most: read on in bigger pieces
    finally:
        os.close(fd)
    line, sep, _rest = head.partition(b"\n")
    _need(bool(sep), "no list of entries")
    header = json.loads(line)
    _need(isinstance(header, dict) and header.get("format") == PACK_FORMAT
          and header.get("version") == VERSION, "not a kg cache pack of this version")
    listed = _list(header.get("entries"))
    _need(len(listed) <= MAX_PACK_ENTRIES, "too many entries")
    entries, offset = [], len(line) + 1
    for item in listed:
        _need(isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)
              and bool(_HEX64.fullmatch(item[0])) and type(item[1]) is int
              and 0 < item[1] <= MAX_ENTRY_BYTES, "bad entry in the list")
        if offset + item[1] > min(info.st_size, 0xFFFFFFFF):
            break  # cut short: the entries before are whole (each has its checksum)
        entries.append((item[0], offset, item[1]))
        offset += item[1]
    return entries


def _write_entry(folder: Path, name: str, data: bytes) -> None:
    """An entry (or a pack) under its name, whole or not at all: written to a temporary beside
    it and renamed (an entry's temporary that a killed build leaves is removed by the next
    one, see atomic.remove_stale_temporaries; a pack's by `Cache.save`). Not flushed to disk:
    a torn entry fails its checksum. Four system calls where atomic.AtomicFile's mkstemp,
    chmod and buffered file made more."""
    if not (_HEX64.fullmatch(name) or _PACK.fullmatch(name)):
        raise OSError(f"not an entry's or a pack's name: {name!r:.80}")
    temporary = folder / f".{name}.{secrets.token_hex(6)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(temporary, flags, 0o666)  # the umask applies, as to a plain open()
    except FileNotFoundError:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(temporary, flags, 0o666)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(temporary, folder / name)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


_HEX64 = re.compile(r"[0-9a-f]{64}")


def _half(digest: str) -> bytes:
    try:
        return bytes.fromhex(digest[:32])
    except ValueError:  # not an entry's name
        return b""


def _read_entry(path: Path, offset: int = 0, length: int | None = None) -> bytes:
    """An entry's bytes (the whole file, or `length` bytes at `offset` of a pack), if it is a
    regular file of a sane size: a FIFO, a device or a link put in its place must neither
    block the build nor make it read forever."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or (length is None and info.st_size > MAX_ENTRY_BYTES):
            raise BadEntry("not a regular file of a sane size")
        if length is not None:
            data = os.pread(fd, length, offset)
            if len(data) != length:
                raise BadEntry("cut short")
            return data
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(MAX_ENTRY_BYTES + 1)
    finally:
        os.close(fd)


def signature(options) -> str:
    digest = hashlib.sha256(f"{__version__}|{options}".encode("utf-8"))
    root = package_files.files("kg")
    for folder in ("", "sources", "text", "gazetteer", "mentions", "extractors", "data"):
        node = root.joinpath(folder) if folder else root
        for entry in sorted(node.iterdir(), key=lambda e: e.name):
            if entry.is_file() and entry.name.endswith((".py", ".tsv", ".txt")):
                digest.update(entry.name.encode("utf-8"))
                digest.update(entry.read_bytes())
    return digest.hexdigest()


# -- the entry format -------------------------------------------------------------------------

def encode(outcome: "Outcome") -> bytes:
    body = {
        "digest": outcome.digest,
        "article": article_data(outcome.article),
        "observations": outcome.observations,
        "view": [[s, p, _value_data(o), sentence] for s, p, o, sentence in outcome.view],
        "facts": outcome.facts,
        "notes": outcome.notes,
    }
    # json never writes a raw newline (it escapes them in strings): the first one ends the body
    payload = zlib.compress(_encode_body(body).encode("utf-8") + b"\n" + outcome.chunk,
                            _LEVEL)
    header = json.dumps({"format": FORMAT, "version": VERSION,
                         "sha256": hashlib.sha256(payload).hexdigest()})
    return header.encode("ascii") + b"\n" + payload


_encode_body = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
#: zlib's fastest level: 5-6 times smaller than the JSON, for about what writing the
#: difference costs
_LEVEL = 1


def decode(data: bytes, digest: str) -> "Outcome":
    """The Outcome in an entry; raises BadEntry (or another exception) on anything unexpected."""
    from kg.pipeline import Outcome

    if len(data) > MAX_ENTRY_BYTES:
        raise BadEntry("too big")
    header_line, sep, payload = data.partition(b"\n")
    if not sep:
        raise BadEntry("no header")
    header = json.loads(header_line)
    if not isinstance(header, dict) or header.get("format") != FORMAT \
            or header.get("version") != VERSION:
        raise BadEntry("not a kg cache entry of this version")
    if header.get("sha256") != hashlib.sha256(payload).hexdigest():
        raise BadEntry("checksum mismatch")
    inflate = zlib.decompressobj()
    plain = inflate.decompress(payload, MAX_ENTRY_BYTES)
    _need(inflate.eof and not inflate.unconsumed_tail and not inflate.unused_data,
          "not one zlib stream of a sane size")
    text, sep, chunk = plain.partition(b"\n")
    _need(bool(sep), "no chunk")
    body = json.loads(text)
    _need(isinstance(body, dict) and body.get("digest") == digest, "wrong digest")
    observations = [tuple(o) for o in _list(body["observations"])]
    for o in observations:
        _need(len(o) == 5 and all(isinstance(x, str) for x in o[:4])
              and _optional_str(o[4]), "bad observation")
    view = []
    for item in _list(body["view"]):
        _need(isinstance(item, list) and len(item) == 4, "bad view row")
        s, p, o, sentence = item
        _need(all(isinstance(x, str) for x in (s, p, sentence)), "bad view row")
        view.append((s, p, _value(o), sentence))
    facts, notes = body["facts"], _list(body["notes"])
    chunk.decode("utf-8")  # raises on bytes that are not text, as the JSON string did
    _need(type(facts) is int and facts >= 0 and all(isinstance(n, str) for n in notes),
          "bad counts")
    return Outcome(path="", digest=digest, article=article_from_data(body["article"]),
                   observations=observations, chunk=chunk, view=view,
                   facts=facts, notes=notes)


def _need(condition: bool, why: str) -> None:
    if not condition:
        raise BadEntry(why)


def _list(value) -> list:
    _need(isinstance(value, list), "expected a list")
    return value


def _optional_str(value) -> bool:
    return value is None or isinstance(value, str)


def _value_data(obj: Any):
    if isinstance(obj, Value):
        return {"text": obj.text, "datatype": obj.datatype}
    if not isinstance(obj, str):
        raise TypeError(f"unexpected object {obj!r}")
    return obj


def _value(data) -> "str | Value":
    if isinstance(data, str):
        return data
    _need(isinstance(data, dict) and set(data) == {"text", "datatype"}
          and isinstance(data["text"], str) and _optional_str(data["datatype"]), "bad value")
    return Value(data["text"], data["datatype"])


def article_data(article: Article) -> dict:
    """An article's metadata as JSON-able data (read back by `article_from_data`)."""
    out = {}
    for f in dataclasses.fields(Article):
        value = getattr(article, f.name)
        out[f.name] = value.isoformat() if isinstance(value, datetime) else value
    return out


# How each annotation of Article is read back and checked. A field of another type makes every
# entry a miss (and, since the model is part of the cache's signature, no old entry is read).
_READERS = {
    "str": lambda v: _checked(v, isinstance(v, str)),
    "str | None": lambda v: _checked(v, _optional_str(v)),
    "datetime | None": lambda v: None if v is None else _datetime(v),
    "tuple[str, ...]": lambda v: tuple(_checked(x, isinstance(x, str)) for x in _list(v)),
    "tuple[tuple[str, str], ...]": lambda v: tuple(_pair(x) for x in _list(v)),
    # the cache keeps metadata only: no text, no sentences
    "tuple[Sentence, ...]": lambda v: _checked((), v == []),
}


def _checked(value, ok: bool):
    _need(ok, f"unexpected value {value!r:.40}")
    return value


def _pair(value) -> tuple[str, str]:
    _need(isinstance(value, list) and len(value) == 2
          and all(isinstance(x, str) for x in value), "bad pair")
    return tuple(value)


def _datetime(value) -> datetime:
    _need(isinstance(value, str), "bad date")
    parsed = datetime.fromisoformat(value)
    _need(parsed.tzinfo is not None, "date without a zone")
    return parsed


def article_from_data(data) -> Article:
    """The Article in `article_data`'s output; raises BadEntry on anything unexpected."""
    _need(isinstance(data, dict), "bad article")
    names = {f.name for f in dataclasses.fields(Article)}
    _need(set(data) == names, "the article's fields differ")
    values = {}
    for f in dataclasses.fields(Article):
        reader = _READERS.get(str(f.type))
        _need(reader is not None, f"unknown field type {f.type}")
        values[f.name] = reader(data[f.name])
    _need(values.get("text", "") == "", "article text in the cache")
    return Article(**values)
