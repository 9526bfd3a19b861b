"""places_v1 (places.v1 in the contract; spaCy forbids "." in factory names).

Find toponym mentions and resolve them against the gazetteer.

Recognition combines spaCy's entities with the gazetteer, because the small model
mislabels places (villages as PERSON, "Punjab" as NORP) and misses some:
- GPE/LOC entities are places; FAC and NORP ones only when the gazetteer knows the name;
- PERSON/ORG entities and untagged proper-noun runs are places when the gazetteer knows the
  name and the wording says place: a locative preposition before ("in Bara"), a place-kind
  word after ("Kasur District", "Swat Valley"), or "the X area of";
- inside an organisation name, a country or first-level unit counts ("Pakistan Army" →
  Pakistan), so does a populous city ("Kabul University");
- a demonym is a place only before a territory word ("in Afghan territory", "on Pakistani
  soil"); "a Pakistani national" is a nationality and is not a place.
- ACLED-style notes: the admin units in brackets after a place ("in Sinjar (Sinjar, Ninewa)")
  are places when the gazetteer knows them, an entity the model ran across the brackets
  ("Timbuktu (Timbuktu, Timbuktu") is read part by part, and a country in an actor's name
  with a regime period ("Military Forces of Mali (2021-)") is the actor, not a place.
Ranges the reader marked as boilerplate are skipped. Finding is `claimgraph.nlp.place_mentions`
(`find_mentions`, with the wording tests of `claimgraph.nlp.place_names`), separate from
writing (`__call__`); resolution is `claimgraph.resolve.places`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.gazetteer.lookup import Gazetteer, default_gazetteer
from claimgraph.nlp.extensions import register_extensions, text_of
from claimgraph.nlp.place_mentions import find_mentions
from claimgraph.nlp.place_names import REGIME_PERIOD
from claimgraph.resolve.places import resolve_mentions


class PlacesComponent:
    """spaCy component: writes doc._.places, one resolved Place per toponym mention."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer in use; the cached default one unless one was set."""
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    @gazetteer.setter
    def gazetteer(self, value: Gazetteer) -> None:
        self._gazetteer = value

    def __call__(self, doc: Doc) -> Doc:
        mentions = find_mentions(doc, self.gazetteer)
        text = text_of(doc)
        places = resolve_mentions(text, mentions, self.gazetteer)
        # A state's forces "of Peru (2021-)" are an actor, not a place; resolved with the
        # rest, the name still tells the country the note is set in.
        doc._.places = [p for p in places if not REGIME_PERIOD.match(text, p.end)]
        return doc


@Language.factory(
    "places_v1",
    assigns=["doc._.places"],
    default_config={"gazetteer": "default", "gazetteer_function": ""},
)
def make_places(
    nlp: Language, name: str, gazetteer: str, gazetteer_function: str
) -> PlacesComponent:
    """Create the places component; gazetteer "default" is the cached SQLite one, or a path.

    `gazetteer_function` names a function in spaCy's `misc` registry that returns the
    gazetteer instead (claimgraph.settings explains why a name and not an object).
    """
    register_extensions()
    if gazetteer_function:
        import spacy

        return PlacesComponent(spacy.registry.misc.get(gazetteer_function)())
    if gazetteer in ("", "default"):
        return PlacesComponent()
    from claimgraph.gazetteer.lookup import SqliteGazetteer

    return PlacesComponent(SqliteGazetteer.from_path(gazetteer))
