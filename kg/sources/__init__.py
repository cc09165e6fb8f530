"""Read source files (Hexo markdown, HTML pages, plain text) into Article objects."""
from __future__ import annotations

import os
from pathlib import Path

from kg import errors
from kg.errors import InputError
from kg.model import Article

SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt")


def read(path: str | os.PathLike) -> Article:
    """Read one file into an Article; raises InputError naming the file and the reason."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(str(path), errors.UNSUPPORTED_SUFFIX.format(
            suffix=suffix, expected=", ".join(SUFFIXES)))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), errors.NOT_FOUND) from None
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from None
    if not data.strip():
        raise InputError(str(path), errors.EMPTY)
    text = decode(data, str(path))
    if suffix in (".md", ".markdown"):
        from kg.sources.markdown import parse
    elif suffix in (".html", ".htm"):
        from kg.sources.html import parse
    else:
        from kg.sources.text import parse
    return parse(text, data, str(path))


def decode(data: bytes, path: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(path, errors.UNDECODABLE)


def collect(paths: list[str | os.PathLike]) -> tuple[list[Path], list[InputError]]:
    """Expand folders (recursively) into article files; missing paths become errors."""
    files: list[Path] = []
    problems: list[InputError] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*")
                                if f.is_file() and f.suffix.lower() in SUFFIXES))
        elif p.exists():
            files.append(p)
        else:
            problems.append(InputError(str(p), errors.NOT_FOUND))
    return files, problems
