"""The project's own exceptions; message templates live here so they read alike."""
from __future__ import annotations


class KgError(Exception):
    """Base class for every error kg reports to users."""


class InputError(KgError):
    """An input file cannot be read as an article. Carries the path and the reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):
        # Errors travel from worker processes by pickle, which needs both arguments back.
        return (type(self), (self.path, self.reason))


class OutputError(KgError):
    """An output cannot be written (a full disk, a read-only folder, a file in the way, another
    build in the same folder). Carries the path and the reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


UNSUPPORTED_SUFFIX = "unsupported file type {suffix!r}; expected one of {expected}"
NOT_FOUND = "no such file or folder"
EMPTY = "the file is empty"
NO_TEXT = "no article text found"
BAD_FRONT_MATTER = "malformed YAML front matter: {detail}"
UNDECODABLE = "cannot decode the text (not UTF-8, GB18030/GBK or Big5)"
BINARY = "a binary file, not text"
TOO_LARGE = "the file is {size:.1f} MB, over the {limit:.0f} MB limit (raise it with --max-file-size)"
NOT_A_FILE = "not a regular file"
PERMISSION = "permission denied"
TOO_DEEP = "the HTML is nested too deeply to read"
UNEXPECTED = "could not be read ({error})"
OUTPUT_FAILED = "cannot write the output: {reason}; the previous output, if any, is unchanged"
OUTPUT_NOT_A_FOLDER = "not a folder"
OUTPUT_BUSY = ("another kg build{holder} is writing to this folder; wait for it to finish "
               "or build into another --out")
UNREADABLE_DIR = "cannot list the folder: {reason}"
NO_ARTICLE_FILES = "no article files in this folder or below it (looked for {expected})"
