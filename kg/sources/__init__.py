"""Read source files (Hexo markdown, HTML pages, plain text) into Article objects.

Whatever the bytes, `read` returns an Article or raises InputError naming the file and the
reason; nothing else escapes, so one bad file never stops a batch.
"""
from __future__ import annotations

import fnmatch
import logging
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from kg import errors
from kg.errors import InputError
from kg.model import Article

SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt")
# Real articles are tens of kilobytes; a file this big is a dump or a mistake.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_ENCODINGS = ["utf_8", "gb18030", "big5", "big5hkscs", "utf_16", "utf_32"]

log = logging.getLogger(__name__)


def read(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one file into an Article; raises InputError naming the file and the reason."""
    return parse_bytes(path, read_bytes(path, max_bytes=max_bytes))


def read_bytes(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, after the checks that need no parsing (type, size, emptiness)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(str(path), errors.UNSUPPORTED_SUFFIX.format(
            suffix=suffix, expected=", ".join(SUFFIXES)))
    return _read_bytes(path, max_bytes)


def parse_bytes(path: str | os.PathLike, data: bytes, *,
                notes: list[str] | None = None) -> Article:
    """An Article from the bytes of the file at `path` (its suffix says how to read it).

    `notes`, when given, receives what was left out of a readable file (a front-matter field
    that is not valid), so that it can be reported while the article is kept."""
    path = Path(path)
    suffix = path.suffix.lower()
    text = decode(data, str(path))
    if suffix in (".md", ".markdown"):
        from kg.sources import markdown

        def parse(text, data, path):
            return markdown.parse(text, data, path, notes=notes)
    elif suffix in (".html", ".htm"):
        from kg.sources.html import parse
    else:
        from kg.sources.text import parse
    try:
        return parse(text, data, str(path))
    except InputError:
        raise
    except RecursionError:
        raise InputError(str(path), errors.TOO_DEEP) from None
    except Exception as exc:  # a parser's own bug must not stop the batch
        log.debug("unexpected error reading %s", path, exc_info=True)
        raise InputError(str(path), errors.UNEXPECTED.format(
            error=f"{type(exc).__name__}: {exc}")) from None


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(str(path), errors.NOT_A_FILE)
        if info.st_size > max_bytes:
            raise InputError(str(path), errors.TOO_LARGE.format(
                size=info.st_size / 2**20, limit=max_bytes / 2**20))
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), errors.NOT_FOUND) from None
    except PermissionError:
        raise InputError(str(path), errors.PERMISSION) from None
    except IsADirectoryError:
        raise InputError(str(path), errors.NOT_A_FILE) from None
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from None
    if not data.strip():
        raise InputError(str(path), errors.EMPTY)
    return data


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM) first; otherwise the detected encoding (GB18030, Big5 ...)."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf_8"), (b"\xff\xfe", "utf_16"),
                          (b"\xfe\xff", "utf_16")):
        if data.startswith(bom):
            try:
                return _clean(data.decode(encoding).lstrip("\ufeff"))
            except UnicodeDecodeError:
                raise InputError(path, errors.UNDECODABLE) from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(path, errors.BINARY)
        return _clean(text)
    try:
        return _clean(data.decode("utf_8"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_ENCODINGS).best()
    if best is None:
        raise InputError(path, errors.UNDECODABLE)
    return _clean(str(best))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte order mark, or None. Its NUL bytes are mostly the high
    halves of ASCII characters (newlines, digits, markup), so most fall on odd offsets
    (little-endian) or on even ones (big-endian); the decoded text must then be text, which
    binary data is not (NUL characters, controls, lone surrogates)."""
    if len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    try:
        text = data.decode("utf_16_le" if odd > even else "utf_16_be")
    except UnicodeDecodeError:
        return None
    bad = sum(1 for c in text if not (c.isprintable() or c in "\t\r\n\u3000"))
    return text if bad <= len(text) // 100 else None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(text: str) -> str:
    """Control characters other than tab and line breaks carry no text; they go."""
    return _CONTROL.sub("", text)


def collect(paths: list[str | os.PathLike], *, include: Iterable[str] = (),
            exclude: Iterable[str] = ()) -> tuple[list[Path], list[InputError]]:
    """Expand folders (recursively) into article files; missing paths and folders that cannot
    be listed become errors.

    In a folder, a file is taken when its suffix is one of SUFFIXES, it matches one of the
    `include` globs (when any are given) and none of the `exclude` globs. A glob matches the
    file's name or its path relative to the folder (`*` crosses `/`). Files named directly are
    always taken."""
    include, exclude = tuple(include), tuple(exclude)
    files: list[Path] = []
    problems: list[InputError] = []
    seen: set[tuple[int, int]] = set()  # folders walked, by device and inode
    for p in map(Path, paths):
        if p.is_dir():
            seen.add(_identity(p))
            reported = len(problems)
            found: list[Path] = []

            def unreadable(exc: OSError) -> None:
                problems.append(InputError(exc.filename or str(p), errors.UNREADABLE_DIR.format(
                    reason=exc.strerror or str(exc))))

            for root, dirs, names in os.walk(p, onerror=unreadable, followlinks=True):
                dirs[:] = sorted(_unseen_folders(root, dirs, seen))
                found.extend(Path(root) / n for n in names if Path(n).suffix.lower() in SUFFIXES)
            if not found and len(problems) == reported:
                problems.append(InputError(str(p), errors.NO_ARTICLE_FILES.format(
                    expected=", ".join(SUFFIXES))))
            files.extend(sorted(f for f in found if _chosen(f, p, include, exclude)))
        elif p.exists() or p.is_symlink():
            files.append(p)
        else:
            problems.append(InputError(str(p), errors.NOT_FOUND))
    return files, problems


def _chosen(file: Path, folder: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    names = (file.name, file.relative_to(folder).as_posix())

    def matches(patterns: tuple[str, ...]) -> bool:
        return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns for name in names)

    return (not include or matches(include)) and not matches(exclude)


def _identity(folder: str | os.PathLike) -> tuple[int, int]:
    info = os.stat(folder)
    return info.st_dev, info.st_ino


def _unseen_folders(root: str, dirs: list[str], seen: set[tuple[int, int]]) -> list[str]:
    """Subfolders not walked yet: symbolic links to folders are followed, but a link back up
    the tree (a loop) or to a folder already read is not walked twice."""
    keep = []
    for name in dirs:
        try:
            identity = _identity(os.path.join(root, name))
        except OSError:
            continue  # a dangling link
        if identity not in seen:
            seen.add(identity)
            keep.append(name)
    return keep
