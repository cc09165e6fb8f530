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


class NoInputError(KgError):
    """Nothing could be read: every path was missing, matched no article file, or failed.
    `errors` holds the reason for each input that failed (empty when nothing matched)."""

    def __init__(self, errors: list[InputError], paths: list[str]):
        self.errors = list(errors)
        self.paths = list(paths)
        if errors:
            detail = "; ".join(str(e) for e in errors[:3]) + (" ..." if len(errors) > 3 else "")
            message = NOTHING_READ.format(detail=detail)
        else:
            message = NOTHING_FOUND.format(paths=", ".join(self.paths) or "(no path given)")
        super().__init__(message)

    def __reduce__(self):
        return (type(self), (self.errors, self.paths))


class SomeInputsFailed(KgError):
    """Raised under strict=True when some inputs failed; `errors` says which and why, and
    `result` holds what was built from the others (a pipeline.BuildResult)."""

    def __init__(self, errors: list[InputError], result=None):
        self.errors = list(errors)
        self.result = result
        super().__init__(SOME_FAILED.format(
            count=len(errors), detail="; ".join(str(e) for e in errors[:3])
            + (" ..." if len(errors) > 3 else "")))

    def __reduce__(self):
        return (type(self), (self.errors, self.result))


NOTHING_READ = "no article could be read: {detail}"
NOTHING_FOUND = ("no article file (.md, .html, .htm, .txt) found in {paths}; "
                 "check the path and the include/exclude patterns")
SOME_FAILED = "{count} input(s) could not be read: {detail}"
NO_ARTICLE_FILES = "no article files in this folder or below it (looked for {expected})"
