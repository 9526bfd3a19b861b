"""Where an incident happened: rank a sentence's places as the trigger's scene.

A place that says who took part ("Russian airstrikes", "U.S. service members", "Turkey shot
down a jet") is not the scene; a dateline is where the story was filed. Locations carry the
text's English spelling and ACLED's geo_precision. The admin units a note names in brackets
after a place ("near Robotyne (Polohy, Zaporizhia)") rank right after that place, innermost
first: they say where the place is, and stand in for it when it did not resolve.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from claimgraph.model import Actor, Location, Place
from claimgraph.nlp.agent_names import MODIFIER_DEPS
from claimgraph.nlp.agent_words import GROUP_NOUNS
from claimgraph.nlp.extensions import entities, text_of
from claimgraph.resolve.admin_notes import ADMIN_BRACKET
from claimgraph.resolve.demonyms import country_for_demonym

# Prepositions that put an incident somewhere; "from" gives origin, not the scene.
SCENE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "near",
        "along",
        "across",
        "outside",
        "inside",
        "on",
        "into",
        "around",
        "within",
        "between",
        "off",
        "over",
        "throughout",
    }
)
ORIGIN_PREPOSITIONS = frozenset({"from", "of"})
# Who someone is by where they are from: "resident of X", "a labourer from X", "hailed from X".
RESIDENCE_NOUNS = frozenset({"resident", "native", "inhabitant", "citizen", "national"})
ORIGIN_VERBS = frozenset({"hail", "belong", "originate"})
ORIGIN_NOUNS = RESIDENCE_NOUNS | frozenset(
    {"man", "woman", "boy", "girl", "labourer", "laborer", "worker", "student", "trader"}
    | {"engineer", "driver", "family", "migrant", "refugee", "pilgrim", "tourist", "teacher"}
)
# Words after a name that make it a street's, capitalised ("Mississippi Street" is in no
# state; "the Quetta road" leads to Quetta).
STREET_WORDS = frozenset(
    {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr"}
    | {"lane", "ln", "way", "parkway", "pkwy", "terrace"}
)
# Nouns for places and sites: a country or demonym qualifying one still says where.
SITE_NOUNS = frozenset(
    {
        "border",
        "capital",
        "city",
        "town",
        "village",
        "province",
        "region",
        "district",
        "state",
        "territory",
        "area",
        "side",
        "soil",
        "coast",
        "waters",
        "airspace",
        "frontier",
        "countryside",
        "part",
        "north",
        "south",
        "east",
        "west",
        "airport",
        "base",
        "embassy",
        "consulate",
        "port",
        "market",
        "mosque",
        "church",
        "school",
        "hospital",
        "hotel",
        "station",
        "checkpoint",
        "camp",
        "prison",
        "road",
        "highway",
        "street",
        "square",
        "bridge",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "outskirts",
    }
)
# Things a demonym or country qualifies by owner, not by place ("Russian jets").
WEAPON_NOUNS = frozenset(
    {"jet", "aircraft", "plane", "warplane", "drone", "helicopter", "missile", "artillery", "tank"}
)
# Feature codes -> ACLED geo_precision (1 the town itself, 2 a district, 3 a larger region).
ADMIN2_CODES = frozenset({"ADM2", "ADM2H", "ADM3", "ADM4", "ADMD"})
TOWN_PREFIX = "PPL"


def tree_distance(a: Token, b: Token) -> int:
    """Return the number of dependency arcs between two tokens of one sentence."""
    path_a = [a, *a.ancestors]
    depth_of = {t.i: depth for depth, t in enumerate(path_a)}
    for depth_b, t in enumerate([b, *b.ancestors]):
        if t.i in depth_of:
            return depth_of[t.i] + depth_b
    return 99


def is_origin(token: Token) -> bool:
    """Tell whether a place is where someone is from, not where anything happened: "(age 25,
    resident of District Chakwal)", "a native of Multan", "a labourer from Multan", "who
    hailed from Kohat"."""
    preposition = preposition_of(token)
    if preposition is None:
        return False
    owner = preposition.head
    if preposition.lower_ == "of":
        return owner.lemma_.lower() in RESIDENCE_NOUNS
    if preposition.lower_ == "from":
        return owner.lemma_.lower() in ORIGIN_VERBS or (
            owner.pos_ == "NOUN" and owner.lemma_.lower() in ORIGIN_NOUNS
        )
    return False


def preposition_of(token: Token) -> Token | None:
    """Return the preposition a noun hangs from, following compounds and appositions up."""
    node = token
    while node.dep_ in {"compound", "appos", "conj", "amod", "nmod"} and node.head.i != node.i:
        node = node.head
    return node.head if node.dep_ == "pobj" else None


def governing_preposition(token: Token) -> str | None:
    """Return the preposition a noun hangs from (lower-cased), or None."""
    preposition = preposition_of(token)
    return preposition.lower_ if preposition is not None else None


def places_in(sentence: Span, places: Sequence[Place]) -> list[Place]:
    """Return the place mentions inside a sentence."""
    return [p for p in places if sentence.start_char <= p.start and p.end <= sentence.end_char]


def token_at(sentence: Span, char: int) -> Token:
    """Return the sentence token that holds a character offset (the last token before it)."""
    doc = sentence.doc
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[-1] if span[-1].i < sentence.end else sentence[-1]
    return sentence.root


def rank_scene_places(
    trigger: Token, sentence: Span, places: Sequence[Place], actors: Sequence[Actor] = ()
) -> list[Place]:
    """Order a sentence's places by how likely each is the scene of the trigger's incident.

    Places that say who rather than where are left out: inside an actor's name ("Turkish
    intelligence", "Pakistani Taliban"), a demonym or country qualifying people or weapons
    ("Russian airstrikes", "U.S. service members"), a country that acts ("Turkey shot down a
    jet"); a dateline city is where the story was filed.
    """
    scored: list[tuple[float, int, int, Place]] = []
    inside = places_in(sentence, places)
    owners = {id(p): owner for p in inside if (owner := bracket_owner(p, inside, sentence))}
    for place in inside:
        if any(a.start <= place.start and place.end <= a.end for a in actors):
            continue
        if place.start == sentence.start_char and place.text.isupper() and len(place.text) > 3:
            continue  # "PESHAWAR, March 14 —": the dateline says where the story was filed
        if id(place) not in owners and is_actor_country(place, text_of(sentence.doc)):
            continue
        token = token_at(sentence, place.end - 1)
        street = is_street_name(token_at(sentence, place.start), token)
        if street or is_origin(token) or says_who(place, token, trigger):
            continue
        site = named_site(token)  # "in the town of Khasavyurt": where "town" is
        distance = tree_distance(trigger, site)
        preposition = governing_preposition(site)
        if preposition in ORIGIN_PREPOSITIONS and preposition != "of":
            distance += 6
        elif preposition in SCENE_PREPOSITIONS:
            distance -= 1
        if trigger.is_ancestor(site) and site.dep_ not in MODIFIER_DEPS | {"amod"}:
            distance -= 2  # "the attack in Russia": the trigger's own modifier beats a neighbour's
        if place.geonameid is None:
            distance += 0.5  # type: ignore[assignment]
        if country_for_demonym(place.text) is not None:
            distance += 3  # "a Russian general killed in Syria": the adjective is who, not where
        if names_something_else(token, trigger):
            distance += 3  # "the Vienna process", "the Chicago Police Department"
        scored.append((distance, place.start, 0, place))
    ranks = {id(place): (rank, start) for rank, start, _, place in scored}
    scored = [
        (*ranks[id(owner)], place.start, place)
        if (owner := owners.get(id(place))) is not None and id(owner) in ranks
        else (rank, start, 0, place)
        for rank, start, _, place in scored
    ]
    scored.sort(key=lambda s: (s[0], s[1], s[2]))
    return [place for _, _, _, place in scored]


def is_street_name(first: Token, last: Token) -> bool:
    """Tell whether the name from `first` to `last` is a street's, not the place it names:
    before a street word ("Mississippi Street", "Tennessee Ave.") or after "block of" ("the
    700 block of Tennessee")."""
    doc = first.doc
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    street = after is not None and after.is_title and after.lower_.rstrip(".") in STREET_WORDS
    before = [t.lower_ for t in doc[max(0, first.i - 2) : first.i]]
    return street or before in (["block", "of"], ["blocks", "of"])


def is_actor_country(place: Place, text: str) -> bool:
    """Tell whether a country stands alone in brackets, as in ACLED's actor names
    ("Islamic State (Mozambique)", "Rioters (Mexico)")."""
    bracketed = text[place.start - 1 : place.end + 1] == f"({text[place.start : place.end]})"
    return place.start > 0 and bracketed and (place.feature_code or "").startswith("PCL")


def bracket_owner(place: Place, places: Sequence[Place], sentence: Span) -> Place | None:
    """Return the place whose bracketed admin units include this one ("Sinjar (Sinjar, ...)")."""
    text = text_of(sentence.doc)
    for owner in places:
        match = ADMIN_BRACKET.match(text, owner.end) if owner.end <= place.start else None
        if match and match.start(1) <= place.start < match.end(1):
            return owner
    return None


def mention_head(token: Token) -> Token:
    """Return the token a multi-word name hangs from ("Abu" in "Abu Kamal" -> "Kamal")."""
    node = token
    while node.dep_ in {"compound", "flat"} and node.head.i != node.i and node.head.pos_ == "PROPN":
        node = node.head
    return node


def named_site(token: Token) -> Token:
    """Return the site noun a place names ("town" in "the town of Khasavyurt"), else the token.

    The place stands where its site noun stands in the sentence: "killed ... in the town of
    Khasavyurt in Dagestan" happened in the town, as near the verb as "in Dagestan".
    """
    head = mention_head(token)
    of = head.head
    named = head.dep_ == "pobj" and of.lower_ == "of" and of.head.i != of.i
    return of.head if named and of.head.lemma_.lower() in SITE_NOUNS else token


def qualifies_site(token: Token) -> bool:
    """Tell whether a place name qualifies a site noun ("the Syrian border", "Kabul airport")."""
    head = mention_head(token)
    return head.dep_ in MODIFIER_DEPS and head.head.lemma_.lower() in SITE_NOUNS


def says_who(place: Place, token: Token, trigger: Token) -> bool:
    """Tell whether a place mention names who took part rather than where it happened."""
    head = mention_head(token)
    demonym = country_for_demonym(place.text) is not None
    country = (place.feature_code or "").startswith("PCL") or demonym
    if head.dep_ in {"amod", "compound", "nmod", "poss"} and head.head.i != head.i:
        noun = head.head
        if qualifies_site(token):
            return False  # "the Syrian border", "the Afghan capital"
        if demonym and noun.i != trigger.i:
            return True  # "Syrian pro-regime fighters", "Russian air strikes"
        if country and noun.lemma_.lower() in GROUP_NOUNS | WEAPON_NOUNS:
            return True  # "U.S. service members", "US military"
        if demonym and noun.i == trigger.i:
            return True  # "the Russian bombing": whose, not where
    # A capital stands for its government as a country does ("Islamabad holds Kabul
    # responsible", "relations between Islamabad and Kabul").
    country = country or place.feature_code == "PPLC"
    if not country:
        return False
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "Islamabad and Kabul": Kabul stands where Islamabad does
    if head.dep_ == "pobj" and head.head.lower_ == "between" and head.head.head.pos_ == "NOUN":
        return True  # "relations between Islamabad and Kabul", "talks between Iran and Iraq"
    of = head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    group = of.head if of is not None and of.head.i != of.i else None
    if group is not None and {group.lemma_.lower(), group.lower_.removesuffix("s")} & GROUP_NOUNS:
        return True  # "Military Forces of Turkey", "the Government of Chad"
    if head.dep_ == "nsubj" and head.head.pos_ == "VERB":
        return True  # "Turkey shot down a jet", "Russia ignored appeals to stop bombing"
    by_agent = head.dep_ == "pobj" and head.head.lower_ == "by"
    return by_agent and head.head.head.i in {trigger.i, trigger.head.i}


def names_something_else(token: Token, trigger: Token) -> bool:
    """Tell whether a place name only qualifies an unrelated thing ("the Vienna process")."""
    head = mention_head(token)
    if head.dep_ != "compound" or head.head.i == trigger.i:
        return False
    noun = head.head
    in_organisation = any(
        e.label_ == "ORG" and e.start <= head.i < e.end and len(e) > 1 for e in entities(token.doc)
    )
    return in_organisation or (noun.pos_ == "NOUN" and noun.lemma_.lower() not in SITE_NOUNS)


def paragraph_scene(
    sentence: Span, places: Sequence[Place], actors: Sequence[Actor] = ()
) -> Place | None:
    """Return the place a sentence without one is most likely about: the paragraph's.

    The nearest resolved place named earlier in the paragraph, else later in it; demonyms,
    places inside actor names, states that act and a paragraph-opening dateline are left out.
    A hook for events' `choose_location`, between the sentence's own places and the document
    focus.
    """
    text = text_of(sentence.doc)
    start = text.rfind("\n", 0, sentence.start_char) + 1
    end = text.find("\n", sentence.end_char)
    end = len(text) if end < 0 else end

    def usable(place: Place) -> bool:
        if (
            place.geonameid is None
            or country_for_demonym(place.text) is not None
            or any(a.start <= place.start and place.end <= a.end for a in actors)
            or (place.start == start and place.text.isupper())
        ):
            return False
        span = sentence.doc.char_span(place.start, place.end, alignment_mode="expand")
        # A state that acts ("Islamabad holds Kabul responsible") is who, not where.
        return span is None or not says_who(place, span[-1], span[-1])

    before = [p for p in places if start <= p.start < sentence.start_char and usable(p)]
    after = [p for p in places if sentence.end_char <= p.start < end and usable(p)]
    if before:
        return before[-1]
    return after[0] if after else None


def geo_precision(place: Place, sentence_text: str) -> int:
    """Return ACLED's geo_precision for a resolved place mentioned in a sentence."""
    code = place.feature_code or ""
    if code.startswith(TOWN_PREFIX):
        near = any(
            w in sentence_text.lower() for w in ("near ", "outskirts", "outside ", "area of")
        )
        return 2 if near else 1
    if code in ADMIN2_CODES:
        return 2
    return 3


def english_name(place: Place) -> str:
    """Return the place's name as English-language coding writes it.

    The gazetteer's main name is often a transliteration with diacritics ("Ḩalab", "Ţarţūs",
    "Kandahār") where English reporting and ACLED write "Aleppo", "Tartus", "Kandahar": when
    the text names the place in plain letters, its spelling is the name to use.
    """
    name = place.name or place.text
    written = place.text.strip().removesuffix("'s").removesuffix("’s")
    if name.isascii() or not written.isascii() or not written[:1].isupper():
        return name
    if country_for_demonym(written) is not None:
        return name
    return written.title() if written.isupper() else written


def to_location(place: Place, precision: int) -> Location:
    """Turn a resolved place mention into an event location."""
    return Location(
        name=english_name(place),
        geonameid=place.geonameid,
        latitude=place.latitude,
        longitude=place.longitude,
        country_code=place.country_code,
        admin1=place.admin1,
        admin2=place.admin2,
        geo_precision=precision,
    )
