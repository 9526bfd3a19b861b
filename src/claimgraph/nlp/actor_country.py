"""Name unnamed forces after the country where the sentence says they act.

The actor lexicon names a bare "security forces", "police" or "militants" with the
document's focus country (`claimgraph.resolve.focus`): right for most of a story, wrong for
the sentence that moves elsewhere ("In Niamey, security forces detained …" in a story mostly
about Mali). A sentence that places what happens ("in", "near", "outside" a place) in one
country other than the focus names its unnamed forces with that country instead. A place
after "from", "with" or "to" ("crossed from Afghanistan", "the border with Niger") is where
someone came from or what something touches, not where they act, and does not count.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from claimgraph.model import Actor, Place
from claimgraph.resolve.actors import ActorLexicon

# Prepositions that say where something happens ("in Niamey", "near Menaka").
SCENE_PREPOSITIONS = frozenset(
    {"in", "near", "at", "outside", "inside", "across", "throughout", "around", "within"}
)


def scene_countries(sentence: Span, places: Sequence[Place]) -> set[str]:
    """Return the countries of the places a sentence puts events in (after a locative word)."""
    countries = set()
    for place in places:
        if not place.country_code or not sentence.start_char <= place.start < sentence.end_char:
            continue
        span = sentence.doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        while root.dep_ in ("conj", "appos", "compound") and root.head.i != root.i:
            root = root.head  # "in Mali and Burkina Faso", "in Niamey, the capital"
        if root.dep_ == "pobj" and root.head.lower_ in SCENE_PREPOSITIONS:
            countries.add(place.country_code)
    return countries


def local_country(sentence: Span, places: Sequence[Place], focus: str | None) -> str | None:
    """Return the one country other than the focus a sentence's events happen in, else None."""
    countries = scene_countries(sentence, places)
    if len(countries) != 1:
        return None
    (country,) = countries
    return country if country != focus else None


def relocated(
    doc: Doc,
    actors: list[Actor],
    places: Sequence[Place],
    focus: str | None,
    lexicon: ActorLexicon,
) -> list[Actor]:
    """Rename the focus-named unnamed actors of sentences set in another country."""
    if not any(p.country_code and p.country_code != focus for p in places):
        return actors  # the whole story is in one country (the usual case): nothing to do
    renamed = []
    for actor in actors:
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        country = local_country(span.sent, places, focus) if span is not None else None
        renamed.append(in_country(actor, country, focus, lexicon) if country else actor)
    return renamed


def in_country(actor: Actor, country: str, focus: str | None, lexicon: ActorLexicon) -> Actor:
    """Return the actor named with `country`, when its name came from the focus country only."""
    as_focus = lexicon.find(actor.text, focus)
    if len(as_focus) != 1 or as_focus[0].name != actor.name:
        return actor  # named by the text itself ("Malian troops", "TTP"), not by the focus
    local = lexicon.find(actor.text, country)
    if len(local) != 1 or local[0].name == actor.name:
        return actor
    return Actor(actor.text, actor.start, actor.end, local[0].name, local[0].kind, local[0].parent)
