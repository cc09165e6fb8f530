"""Everything the extractors look things up in, loaded once and passed in (no globals)."""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.gazetteer import JobTitles, OrgGazetteer, PlaceGazetteer
from kg.lexicon import Lexicon
from kg.model import Article
from kg.text.normalize import fold
from kg.text.script import Simplifier


@dataclass(frozen=True)
class Resources:
    places: PlaceGazetteer
    orgs: OrgGazetteer
    titles: JobTitles
    lexicon: Lexicon
    script: Simplifier
    # Derived lookup tables, built on first use and kept.
    index: dict = field(default_factory=dict, compare=False, repr=False)
    # Results per sentence text that several extractors need (people, events); the pipeline
    # empties it after each article so it never grows with the corpus.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls) -> "Resources":
        return cls(PlaceGazetteer.load(), OrgGazetteer.load(), JobTitles.load(), Lexicon.load(),
                   Simplifier())

    def texts(self, article: Article) -> list[str]:
        """The article's sentences as the rules read them: width-folded and, for an article in
        traditional characters, simplified. Same offsets as the sentences; computed once."""
        key = ("texts", article.id, article.text)
        if key not in self.memo:
            sentences = [s.text for s in article.sentences]
            if self.script.is_traditional(article.text):
                sentences = [self.script.simplify(s) for s in sentences]
            self.memo[key] = [fold(s) for s in sentences]
        return self.memo[key]
