"""The actors_v1 component: every actor mention in the document, resolved against the lexicon."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.model import Actor
from claimgraph.nlp.actor_country import relocated
from claimgraph.nlp.extensions import is_ignored, register_extensions, text_of
from claimgraph.resolve.actors import ActorLexicon, default_lexicon
from claimgraph.resolve.dates import find_dates
from claimgraph.resolve.focus import country_focus

NAME = "actors_v1"  # spaCy forbids "." in factory names
# The text speaks of the time of the first day it names within this many characters.
DATE_WINDOW = 1000


class ActorRecognizer:
    """Find actor mentions with the lexicon's compiled matchers (built once, at creation)."""

    def __init__(self, lexicon: ActorLexicon | None = None) -> None:
        register_extensions()
        self.lexicon = lexicon or default_lexicon()

    def find(self, doc: Doc) -> list[Actor]:
        """Return the actor mentions outside boilerplate, named with the document's country."""
        country = country_focus(doc._.places or [])
        found = [
            actor
            for actor in self.lexicon.find(text_of(doc), country, text_day(doc))
            if not is_ignored(doc, actor.start, actor.end)
        ]
        # "In Niamey, security forces …" in a story about Mali: Niger's forces
        return relocated(doc, found, doc._.places or [], country, self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = self.find(doc)
        return doc


def text_day(doc: Doc) -> str | None:
    """Return the day the text speaks of: the first day it names, else its publication day."""
    document = doc._.document
    published = document.published if document is not None else None
    days = (m.date for m in find_dates(text_of(doc)[:DATE_WINDOW], published) if m.precision == 1)
    return next(days, published[:10] if published else None)


@Language.factory(NAME, assigns=["doc._.actors"], requires=["doc._.places"])
def make_actor_recognizer(nlp: Language, name: str) -> ActorRecognizer:
    """Create the actors_v1 component with the shipped lexicon."""
    return ActorRecognizer()
