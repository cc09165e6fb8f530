"""A tampered cache (OUT/.kg-cache) can neither run code nor stop a build: entries are data,
checked when read, and a bad one is only a miss (issue 16, item 1)."""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import cache as kg_cache
from kg import pipeline
from kg.cli import cli

SEED = Path(__file__).parent / "fixtures" / "qianzhao-cities-2021.md"
DIGEST = hashlib.sha256(SEED.read_bytes()).hexdigest()


class _RunsCode:
    """Unpickling this creates a file: the proof that a cache entry ran code."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def _build(out: Path, *extra: str):
    return CliRunner().invoke(cli, ["build", str(SEED), "--out", str(out), "--jobs", "1",
                                    *extra])


def _rebuild(out: Path):
    """A build that reads the cache: without its manifest, an unchanged folder is not taken
    as it is (kg build skips the cache when the inputs and outputs are the ones recorded)."""
    (out / ".kg-manifest.json").unlink()
    return _build(out)


def _entry(out: Path) -> Path:
    entries = list(out.glob(f".kg-cache/*/{DIGEST}"))
    assert len(entries) == 1, entries
    return entries[0]


def _valid_entry(body: dict, chunk: bytes = b"") -> bytes:
    """An entry as kg writes them, of any body: a JSON header whose checksum is right, then
    the body's JSON line and the chunk, compressed."""
    return _with_header(zlib.compress(json.dumps(body, ensure_ascii=False).encode("utf-8")
                                      + b"\n" + chunk))


def _with_header(payload: bytes) -> bytes:
    header = {"format": "kg-cache", "version": 2,
              "sha256": hashlib.sha256(payload).hexdigest()}
    return json.dumps(header).encode("ascii") + b"\n" + payload


def _parts(data: bytes) -> tuple[bytes, dict, bytes]:
    """An entry's header line, body and chunk."""
    header, _, payload = data.partition(b"\n")
    text, _, chunk = zlib.decompress(payload).partition(b"\n")
    return header, json.loads(text), chunk


@pytest.fixture
def built(tmp_path) -> tuple[Path, bytes]:
    out = tmp_path / "out"
    result = _build(out)
    assert result.exit_code == 0, result.output
    return out, (out / "graph.ttl").read_bytes()


def test_a_pickle_in_the_cache_is_never_run(built, tmp_path):
    out, graph = built
    marker = tmp_path / "code-ran"
    _entry(out).write_bytes(pickle.dumps(_RunsCode(marker)))
    result = _rebuild(out)
    assert result.exit_code == 0, result.output
    assert not marker.exists()
    assert (out / "graph.ttl").read_bytes() == graph
    assert "unchanged" not in result.output  # the entry was a miss: the file was read again


HOSTILE_ENTRIES = {
    "pickled dict": pickle.dumps({"path": "x"}),
    "pickled int": pickle.dumps(5),
    "missing module": b"\x80\x04\x95\x1a\x00\x00\x00\x00\x00\x00\x00\x8c\x0cno_such_thing"
                      b"\x94\x8c\x05Thing\x94\x93\x94)\x81\x94.",
    "empty": b"",
    "truncated": None,  # filled in from the real entry
    "bad checksum": None,
    "json of the wrong shape": _valid_entry({"digest": DIGEST, "article": 5}),
    "wrong types, valid checksum": None,
    "injected prefix, valid checksum": None,
    "a fifo": None,
    "a link to a device": None,
    "deeply nested json": _with_header(b"").split(b"\n")[0] + b"\n"
                          + zlib.compress(b"[" * 100_000),
    "deeply nested json, valid checksum": None,
    "a zlib bomb, valid checksum": None,
    "no chunk line, valid checksum": None,
    "chunk not UTF-8, valid checksum": None,
    "bytes after the zlib stream, valid checksum": None,
}


@pytest.mark.parametrize("case", sorted(HOSTILE_ENTRIES))
def test_a_bad_entry_is_a_miss_never_an_error(built, case):
    out, graph = built
    entry = _entry(out)
    real = entry.read_bytes()
    data = HOSTILE_ENTRIES[case]
    header, body, chunk = _parts(real)
    if case == "truncated":
        data = real[: len(real) // 2]
    elif case == "bad checksum":
        payload = bytearray(real.partition(b"\n")[2])
        payload[len(payload) // 2] ^= 1
        data = header + b"\n" + bytes(payload)
    elif case == "wrong types, valid checksum":
        body["article"]["title"] = ["not", "a", "string"]
        data = _valid_entry(body, chunk)
    elif case == "injected prefix, valid checksum":
        # a valid chunk that would change what every later article's kg: names mean
        data = _valid_entry(body, b"@prefix kg: <http://evil.example/> .\n" + chunk)
    elif case == "deeply nested json, valid checksum":
        data = _with_header(zlib.compress(b"[" * 100_000 + b"\n" + chunk))
    elif case == "a zlib bomb, valid checksum":
        # 300 MB of zeros in 300 kB: more than an entry may hold, never inflated whole
        bomb = zlib.compressobj(9)
        data = _with_header(b"".join([bomb.compress(bytes(1 << 20)) for _ in range(300)])
                            + bomb.flush())
    elif case == "no chunk line, valid checksum":
        data = _with_header(zlib.compress(json.dumps(body, ensure_ascii=False).encode()))
    elif case == "chunk not UTF-8, valid checksum":
        data = _valid_entry(body, chunk + b"\xff\xfe")
    elif case == "bytes after the zlib stream, valid checksum":
        payload = real.partition(b"\n")[2]
        data = _with_header(payload + b"@prefix kg: <http://evil.example/> .\n")
    entry.unlink()
    if case == "a fifo":
        os.mkfifo(entry)  # opening it for reading would wait for a writer forever
    elif case == "a link to a device":
        entry.symlink_to("/dev/zero")
    else:
        entry.write_bytes(data)
    result = _rebuild(out)
    assert result.exit_code == 0, result.output
    assert (out / "graph.ttl").read_bytes() == graph
    # ... and the entry was written again, as data
    assert _entry(out).read_bytes().startswith(b'{"format": "kg-cache", "version": 2')


def test_entries_round_trip_as_data(built):
    out, _graph = built
    data = _entry(out).read_bytes()
    header, _, payload = data.partition(b"\n")
    assert json.loads(header)["sha256"] == hashlib.sha256(payload).hexdigest()
    _header, body, chunk = _parts(data)
    assert body["digest"] == DIGEST and chunk.startswith(b"article:")  # the chunk as it is
    assert len(data) < len(chunk) / 2  # compressed
    outcome = kg_cache.decode(data, DIGEST)
    assert outcome.article.title and outcome.facts >= 35 and outcome.article.published
    assert kg_cache.encode(outcome) == data
    hit = pipeline.Cache.load(out, pipeline.Options()).get(DIGEST, "elsewhere.md")
    assert hit is not None and hit.cached and hit.path == "elsewhere.md"


# -- packs: the entries of a batch of articles in one file ------------------------------------

def _variants(folder: Path, count: int) -> list[str]:
    """`count` articles of different content (so none is a repeat); their content hashes."""
    folder.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    for i in range(count):
        (folder / f"a{i}.md").write_text(seed.replace("韩夏", f"韩夏{i}"), encoding="utf-8")
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())]


def _cached(out: Path) -> dict[str, int]:
    """How many times each content hash is in the cache (entries of their own and in packs)."""
    found: dict[str, int] = {}
    for folder in (out / ".kg-cache").iterdir():
        for path in folder.iterdir():
            if not path.name.startswith(kg_cache.PACK_PREFIX):
                found[path.name] = found.get(path.name, 0) + 1
        for _name, entries in kg_cache.packs(folder):
            for digest, _offset, _length in entries:
                found[digest] = found.get(digest, 0) + 1
    return found


def _pack(out: Path) -> Path:
    found = list(out.glob(f".kg-cache/*/{kg_cache.PACK_PREFIX}*"))
    assert len(found) == 1, found
    return found[0]


def _header_line(real: bytes, listed) -> bytes:
    return json.dumps({"format": "kg-cache-pack", "version": 2, "entries": listed}).encode()


PACK_CASES = ["cut short", "cut in its list", "flipped byte", "not json", "a link to a device",
              "an entry past the end", "too many entries", "a name that is not a hash"]


@pytest.mark.parametrize("case", PACK_CASES)
def test_a_bad_pack_costs_only_the_entries_it_spoils(tmp_path, case):
    """A pack torn by a crash (or tampered with) is read as far as it can be trusted: each
    entry has its own checksum. What it spoils is extracted again and cached anew; the output
    is the same."""
    digests = _variants(tmp_path / "in", 5)
    out = tmp_path / "out"
    run = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--out", str(out),
                                   "--jobs", "1"])
    assert run.exit_code == 0, run.output
    graph = (out / "graph.ttl").read_bytes()
    pack = _pack(out)
    real = pack.read_bytes()
    line, _, rest = real.partition(b"\n")
    listed = json.loads(line)["entries"]
    assert [d for d, _n in listed] == digests and _cached(out) == dict.fromkeys(digests, 1)
    whole = 5  # entries still read from the pack
    if case == "cut short":  # in the third entry
        pack.write_bytes(real[: len(line) + 1 + listed[0][1] + listed[1][1] + 10])
        whole = 2
    elif case == "cut in its list":
        pack.write_bytes(line[: len(line) // 2])
        whole = 0
    elif case == "flipped byte":  # in the second entry
        data = bytearray(real)
        data[len(line) + 1 + listed[0][1] + listed[1][1] // 2] ^= 1
        pack.write_bytes(bytes(data))
        whole = 4
    elif case == "not json":
        pack.write_bytes(b"[" * 100_000 + b"\n" + rest)
        whole = 0
    elif case == "a link to a device":
        pack.unlink()
        pack.symlink_to("/dev/zero")
        whole = 0
    elif case == "an entry past the end":
        listed[-1][1] += 1
        pack.write_bytes(_header_line(real, listed) + b"\n" + rest)
        whole = 4
    elif case == "too many entries":
        pack.write_bytes(_header_line(real, listed * 1000) + b"\n" + rest)
        whole = 0
    elif case == "a name that is not a hash":
        listed[0][0] = "../../graph.ttl"
        pack.write_bytes(_header_line(real, listed) + b"\n" + rest)
        whole = 0
    (out / ".kg-manifest.json").unlink()
    again = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--out", str(out),
                                     "--jobs", "1"])
    assert again.exit_code == 0, again.output
    assert (out / "graph.ttl").read_bytes() == graph
    assert (f"({whole} unchanged, from the cache)" in again.output) == (whole > 0), again.output
    # every article is cached again, once: the spoilt pack is dropped when none of its
    # entries can be read, and lists what is past its end no more (a flipped entry stays)
    found = _cached(out)
    assert set(found) == set(digests)
    assert sum(found.values()) == 5 + (case == "flipped byte")
    assert bool(list(out.glob(f".kg-cache/*/{pack.name}"))) == (whole > 0)
    # and the next build finds every entry (past a spoilt copy that stays)
    (out / ".kg-manifest.json").unlink()
    third = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--out", str(out),
                                     "--jobs", "1"])
    assert "(5 unchanged, from the cache)" in third.output, third.output
    assert (out / "graph.ttl").read_bytes() == graph


def test_a_pack_round_trips_and_each_entry_is_one_of_its_own(tmp_path):
    digests = _variants(tmp_path / "in", 3)
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--out", str(out),
                                    "--jobs", "1"]).exit_code == 0
    _name, entries = next(kg_cache.packs(_pack(out).parent))
    data = _pack(out).read_bytes()
    cache = pipeline.Cache.load(out, pipeline.Options())
    for digest, offset, length in entries:
        entry = data[offset:offset + length]
        assert kg_cache.encode(kg_cache.decode(entry, digest)) == entry
        hit = cache.get(digest, "elsewhere.md")
        assert hit is not None and hit.cached and hit.digest == digest
    assert [d for d, _o, _n in entries] == digests
    # a Cache that does not read packs (a Dask task's) finds none of them: a miss, not an error
    unpacked = kg_cache.Cache(cache.root, cache.signature)
    assert unpacked.get(digests[0], "x.md") is None


def test_a_pack_whose_list_is_longer_than_the_first_read_is_read_whole(tmp_path):
    entries = [(hashlib.sha256(str(i).encode()).hexdigest(), bytes([i % 256]) * (i + 1))
               for i in range(300)]  # a first line of 22 kB: read in growing pieces
    data = kg_cache.pack(entries)
    (tmp_path / "pack-0123456789abcdef").write_bytes(data)
    [(name, listed)] = list(kg_cache.packs(tmp_path))
    assert name == "pack-0123456789abcdef"
    assert [(d, data[o:o + n]) for d, o, n in listed] == entries
