"""Everything the extractors look things up in, loaded once and passed in (no globals)."""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.gazetteer import JobTitles, OrgGazetteer, PlaceGazetteer
from kg.lexicon import Lexicon


@dataclass(frozen=True)
class Resources:
    places: PlaceGazetteer
    orgs: OrgGazetteer
    titles: JobTitles
    lexicon: Lexicon
    # Derived lookup tables, built on first use and kept.
    index: dict = field(default_factory=dict, compare=False, repr=False)
    # Results per sentence text that several extractors need (people, events); the pipeline
    # empties it after each article so it never grows with the corpus.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls) -> "Resources":
        return cls(PlaceGazetteer.load(), OrgGazetteer.load(), JobTitles.load(), Lexicon.load())
