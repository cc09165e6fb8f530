"""Everything the extractors look things up in, loaded once and passed in (no globals)."""
from __future__ import annotations

from dataclasses import dataclass

from kg.gazetteer import JobTitles, OrgGazetteer, PlaceGazetteer
from kg.lexicon import Lexicon


@dataclass(frozen=True)
class Resources:
    places: PlaceGazetteer
    orgs: OrgGazetteer
    titles: JobTitles
    lexicon: Lexicon

    @classmethod
    def load(cls) -> "Resources":
        return cls(PlaceGazetteer.load(), OrgGazetteer.load(), JobTitles.load(), Lexicon.load())
