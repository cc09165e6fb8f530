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


UNSUPPORTED_SUFFIX = "unsupported file type {suffix!r}; expected one of {expected}"
NOT_FOUND = "no such file or folder"
EMPTY = "the file is empty"
NO_TEXT = "no article text found"
BAD_FRONT_MATTER = "malformed YAML front matter: {detail}"
UNDECODABLE = "cannot decode the file as UTF-8 or GB18030"
