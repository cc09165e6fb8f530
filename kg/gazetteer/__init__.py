"""Gazetteers: administrative divisions, known organisations, job titles.

Nothing is loaded at import time; call ``Gazetteers.load()`` (or the ``load`` of one
gazetteer) once and keep the result.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.gazetteer.matcher import Matcher
from kg.gazetteer.orgs import Org, OrgGazetteer
from kg.gazetteer.places import LEVELS, Place, PlaceGazetteer
from kg.gazetteer.titles import JobTitles

__all__ = [
    "Gazetteers",
    "JobTitles",
    "LEVELS",
    "Matcher",
    "Org",
    "OrgGazetteer",
    "Place",
    "PlaceGazetteer",
]


@dataclass(frozen=True)
class Gazetteers:
    places: PlaceGazetteer
    orgs: OrgGazetteer
    titles: JobTitles

    @classmethod
    def load(cls) -> "Gazetteers":
        return cls(places=PlaceGazetteer.load(), orgs=OrgGazetteer.load(), titles=JobTitles.load())
