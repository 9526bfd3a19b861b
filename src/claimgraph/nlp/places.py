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
Ranges the reader marked as boilerplate are skipped. Finding (`find_mentions`) is separate
from writing (`__call__`), and resolution is `claimgraph.resolve.places`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimgraph.gazetteer.lookup import Gazetteer, GazetteerEntry, default_gazetteer
from claimgraph.nlp.extensions import entities, is_ignored, register_extensions, text_of
from claimgraph.resolve.demonyms import country_for_demonym
from claimgraph.resolve.places import (
    DIRECTION_WORDS,
    Mention,
    bracket_names,
    resolve_mentions,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


LOCATIVES = _words(
    "in at near from to into across outside around inside towards toward through throughout "
    "within between via outskirts of"
)
# Place-kind words after a name: the feature code they ask for (None: any).
KIND_WORDS = {
    "district": "ADM2", "county": "ADM2", "agency": "ADM2", "tehsil": "ADM3", "parish": "ADM2",
    "province": "ADM1", "state": "ADM1", "governorate": "ADM1", "oblast": "ADM1", "region": "ADM1",
    "prefecture": "ADM1", "division": "ADM2", "city": "PPL", "town": "PPL", "village": "PPL",
    "valley": "VAL", "area": None,
}  # fmt: skip
TERRITORY_WORDS = _words("territory territories soil airspace border borders side ground waters")
PERSON_NOUNS = _words(
    "national nationals citizen citizens man men woman women people person persons boy boys "
    "girl girls child children family families associate associates individual individuals "
    "resident residents native natives descent origin migrant migrants refugee refugees "
    "worker workers journalist journalists tourist tourists student students"
)
# Words after a known name that make it a town's institution or a person from there:
# "Gainesville Police", "DeKalb schools", "an Alexandria woman", "Laurel County Clerk".
LOCAL_HEADS = _words(
    "police sheriff fire council school schools city county public mayor board department "
    "township hospital library court commission resident residents man men woman women boy "
    "girl teen native natives couple family officials"
)
# A dateline: a capitalised place name opening a line or sentence or following the date of a
# byline, then a comma, a bracket, a dash or a colon ("COLUMBUS, Ohio --", "BEIRUT: ",
# "March 15, 2009 NEWARK --").
DATELINE = re.compile(
    r"(?:^|(?<=[.!?:]\s)|(?<=\n)|(?<=\d\s))[ \t]*"
    r"([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})(?=\s*(?:,|\(|--|—|–|-\s|:\s))",
    re.MULTILINE,
)
# Days, months and feasts name towns somewhere (March, Christmas, Thursday Island) but in news
# they are dates: "in March", "on Thursday".
CALENDAR_WORDS = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december christmas easter thanksgiving"
)
# Names listed before a plural kind word are units of that kind: "Butler, Clark and Warren
# counties", "Kandahar and Helmand provinces".
_LIST_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
_LIST_JOIN = r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+"
UNIT_LIST = re.compile(
    rf"({_LIST_NAME}(?:(?:{_LIST_JOIN}){_LIST_NAME})*)\s+(counties|parishes|districts|provinces)\b"
)
LIST_JOIN = re.compile(_LIST_JOIN)
PLURAL_KINDS = {"counties": "ADM2", "parishes": "ADM2", "districts": "ADM2", "provinces": "ADM1"}
# ACLED names a state's forces with the period of the regime: "Military Forces of Mali (2021-)".
REGIME_PERIOD = re.compile(r"\s*\(\s*\d{4}\s*[-–]")
# Tokens an entity must not run across: a note's "Timbuktu (Timbuktu, Timbuktu" is three names.
ENTITY_BREAKS = frozenset("(),;[]")
# A note's bracket of admin units, and the place name before it (maybe past a site word or two:
# "Mosul airport (Mosul, Ninewa)").
NOTE_BRACKET = re.compile(r"\(([^()\d\n]{2,120})\)")
NOTE_OWNER = re.compile(
    r"([A-Z][\w'’-]*(?:[ -](?:[A-Z][\w'’-]*|al|el|ad|de|da|du|di|des|an|on|la|le))*)"
    r"(?:\s+[a-z]+){0,2}\s*$"
)
MIN_ORG_CITY_POPULATION = 100_000
MAX_RUN = 5


@cache
def _abbreviations() -> dict[str, tuple[str, str]]:
    """Map "Ky." → ("Kentucky", "US") from data/regions.yaml."""
    from claimgraph.gazetteer.build import read_regions_config

    table = read_regions_config().get("admin1_abbreviations") or {}
    return {str(k): (str(v[0]), str(v[1])) for k, v in table.items()}


@lru_cache(maxsize=131072)
def _known(gazetteer: Gazetteer, name: str) -> tuple[GazetteerEntry, ...]:
    return tuple(gazetteer.candidates(name, limit=5)) if len(name) > 1 else ()


def _is_prominent(entries: tuple[GazetteerEntry, ...]) -> bool:
    return any(
        e.feature_code.startswith("PCL") or e.feature_code == "ADM1"
        or (e.feature_class == "P" and e.population >= MIN_ORG_CITY_POPULATION)
        for e in entries
    )  # fmt: skip


def _is_state_name(entries: tuple[GazetteerEntry, ...], span: Span) -> bool:
    """Tell whether a span is exactly a country's or a capital's name ("Tbilisi says")."""
    key = span.text.casefold()
    return any(
        (e.feature_code.startswith("PCL") or e.feature_code == "PPLC") and e.name.casefold() == key
        for e in entries
    )


def _trim(span: Span) -> Span:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "'s", "’s"):
        start += 1
    while end > start and doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
        end -= 1
    return doc[start:end]


def _with_hyphen_tail(span: Span, gazetteer: Gazetteer) -> Span:
    """Extend a name over a hyphenated part the model left out when the whole is a known
    name ("Guinea" + "-Bissau")."""
    doc, end = span.doc, span.end
    if (
        end + 1 < len(doc)
        and doc[end].text in ("-", "–")
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].text[:1].isupper()
        and _known(gazetteer, doc[span.start : end + 2].text)
    ):
        return doc[span.start : end + 2]
    return span


def _with_kind_word(span: Span) -> tuple[Span, str | None]:
    """Extend a name over a following kind word ("Kasur" + "District") and say what it asks."""
    doc = span.doc
    last = span[-1].lower_
    if last in KIND_WORDS and len(span) > 1:
        return span, KIND_WORDS[last]
    if span.end < len(doc) and doc[span.end].lower_ in KIND_WORDS and doc[span.end].is_title:
        return doc[span.start : span.end + 1], KIND_WORDS[doc[span.end].lower_]
    return span, None


def _lookup_name(span: Span, kind: str | None) -> str:
    words = [t.text for t in span]
    if len(words) > 1 and words[-1].lower() in KIND_WORDS:
        words = words[:-1]
    return " ".join(words)


def _locative_before(span: Span) -> bool:
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in ("the", "a"):
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVES


def _proper_runs(doc: Doc, covered: set[int]) -> list[Span]:
    """Return maximal runs of title-case proper nouns not inside an entity."""
    runs, start = [], None
    for token in doc:
        inside = (
            token.i not in covered and token.is_title and token.pos_ in ("PROPN", "NOUN", "ADJ")
        )
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            runs.append(doc[start : token.i])
            start = None
    if start is not None:
        runs.append(doc[start : len(doc)])
    return [r for r in runs if len(r) <= MAX_RUN]


@cache
def _postal_codes() -> dict[str, str]:
    from claimgraph.gazetteer.build import read_postal_codes

    return read_postal_codes()


def _postal_unit(span: Span) -> str | None:
    """Return the unit a postal code after a town names ("Athens, GA" → Georgia), else None."""
    doc, i = span.doc, span.start
    if len(span) != 1 or not span.text.isupper() or i < 2 or doc[i - 1].text != ",":
        return None
    return _postal_codes().get(span.text) if doc[i - 2].text[:1].isupper() else None


def _mention(span: Span, kind: str | None, country: str | None = None) -> Mention:
    # "Ky." → Kentucky, a first-level unit; "D.C" and "N.Y" lose their point to the sentence.
    abbreviation = _abbreviations().get(span.text) or (
        _abbreviations().get(f"{span.text}.") if "." in span.text else None
    )
    if abbreviation:
        return Mention(span.text, span.start_char, span.end_char, abbreviation[0], "ADM1")
    if unit := _postal_unit(span):
        return Mention(span.text, span.start_char, span.end_char, unit, "ADM1")
    # A demonym the model tagged as a place ("Sri Lankan" as GPE) still means its country.
    country = country or (country_for_demonym(span.text) if kind is None else None)
    return Mention(
        span.text, span.start_char, span.end_char, _lookup_name(span, kind), kind, country
    )


def _org_parts(span: Span, gazetteer: Gazetteer) -> list[Mention]:
    """Find countries, provinces and big cities named inside an organisation name."""
    found, i = [], span.start
    while i < span.end:
        if i == span.start and (demonym := _leading_demonym(span)) is not None:
            # "Georgian Interior Ministry", "Sri Lankan Army"
            found.append(_mention(demonym, None, country_for_demonym(demonym.text)))
            i = demonym.end
            continue
        for j in range(min(span.end, i + 3), i, -1):
            part, kind = _with_kind_word(span.doc[i:j])
            known = _known(gazetteer, _lookup_name(part, kind)) or _known(gazetteer, part.text)
            local = i == span.start and known and (kind or _local_head_after(part))
            compass = len(part) == 1 and part[0].lower_ in DIRECTION_WORDS  # "South L.A."
            if part[0].is_title and not compass and (local or _is_prominent(known)):
                found.append(_mention(part, kind))
                i = part.end - 1
                break
        i += 1
    return found


def _leading_demonym(span: Span) -> Span | None:
    for size in (2, 1):
        if len(span) >= size and country_for_demonym(span[:size].text):
            return span[:size]
    return None


def _local_head_after(span: Span) -> bool:
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in LOCAL_HEADS


def _demonym_as_place(ent: Span, after: str) -> bool:
    """Tell whether a demonym stands for its country: "Afghan territory", "Russian troops".

    An adjective on a non-person noun names the state (metonymy: "Iraqi forces" are Iraq's);
    a demonym naming people ("a Pakistani national", "Palestinians") is a nationality.
    """
    if after in TERRITORY_WORDS:
        return True
    token = ent[-1]
    return (
        len(ent) == 1
        and token.dep_ in ("amod", "compound")
        and token.head.lower_ not in PERSON_NOUNS
    )


def _entity_mentions(ent: Span, gazetteer: Gazetteer) -> list[Mention]:
    label = ent.label_
    span = _trim(ent)
    if not len(span):
        return []
    if _postal_unit(span):  # "Athens, GA" whatever the model calls "GA"
        return [_mention(span, "ADM1")]
    span = _with_hyphen_tail(span, gazetteer)
    if label == "NORP":
        country = country_for_demonym(span.text)
        after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
        if country:
            return [_mention(span, None, country)] if _demonym_as_place(ent, after) else []
        return [_mention(span, None)] if _known(gazetteer, span.text) else []
    span, kind = _with_kind_word(span)
    name = _lookup_name(span, kind)
    if label in ("GPE", "LOC"):
        if (
            len(span) > 1
            and not kind
            and not _known(gazetteer, name)
            and not country_for_demonym(span.text)
            # "South L.A.": the resolver drops the compass word itself
            and not (len(span) == 2 and span[0].lower_ in DIRECTION_WORDS)
        ):
            # "United Way of America", "State of Illinois' Web": the place is inside.
            return _org_parts(span, gazetteer) or [_mention(span, kind)]
        return [_mention(span, kind)]
    known = _known(gazetteer, name)
    if label == "FAC":  # "the Henderson County Jail", "Kabul airport": the place inside
        return [_mention(span, kind)] if known else _org_parts(span, gazetteer)
    if (
        label in ("PERSON", "ORG")
        and known
        and (
            kind or _locative_before(span) or _local_head_after(span) or _is_state_name(known, span)
        )
    ):
        return [_mention(span, kind)]
    if label == "ORG":
        return _org_parts(span, gazetteer)
    return []


def _run_mentions(run: Span, gazetteer: Gazetteer) -> list[Mention]:
    doc = run.doc
    span, kind = _with_kind_word(run)
    name = _lookup_name(span, kind)
    area_of = (
        span.end + 1 < len(doc)
        and doc[span.end].lower_ == "area"
        and doc[span.end + 1].lower_ == "of"
    )
    cued = _locative_before(span) or _local_head_after(span)
    if kind or area_of or (cued and _known(gazetteer, name)):
        return [_mention(span, kind)]
    return []


def _dateline_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Find capitalised datelines the model does not tag ("COLUMBUS, Ohio --")."""
    found = []
    for match in DATELINE.finditer(text_of(doc)):
        name = match.group(1).rstrip(".")
        if len(name) > 2 and _known(gazetteer, name):
            start = match.start(1)
            found.append(Mention(name, start, start + len(name), name))
    return found


def _abbreviation_mentions(doc: Doc, covered: set[int]) -> list[Mention]:
    """Find unit abbreviations and postal codes after a comma ("Lexington, Ky.", "Athens, GA")
    the model left untagged."""
    words = [t.text for t in doc]
    return [
        _mention(doc[i : i + 1], "ADM1")
        for i in range(1, len(words))
        if words[i - 1] == ","
        and i not in covered
        and (words[i] in _abbreviations() or _postal_unit(doc[i : i + 1]))
    ]


def _unit_list_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Find the names of a list that ends in a plural kind word ("Camden and Charlton counties")."""
    found = []
    text = text_of(doc)
    for match in UNIT_LIST.finditer(text):
        kind = PLURAL_KINDS[match.group(2)]
        start = match.start(1)
        for name in LIST_JOIN.split(match.group(1)):
            offset = text.index(name, start)
            start = offset + len(name)
            word = name.removeprefix("The ")
            offset += len(name) - len(word)
            if _known(gazetteer, word):
                found.append(Mention(word, offset, offset + len(word), word, kind))
    return found


def find_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Find toponym mentions in a parsed doc, in text order, without overlaps."""
    mentions: list[Mention] = _unit_list_mentions(doc, gazetteer)
    covered: set[int] = set()
    for ent in _entity_parts(doc):
        if ent.label_ in ("GPE", "LOC", "FAC", "NORP", "PERSON", "ORG"):
            mentions.extend(_entity_mentions(ent, gazetteer))
            covered.update(
                range(
                    ent.start,
                    ent.end + 1
                    if ent.end < len(doc) and doc[ent.end].lower_ in KIND_WORDS
                    else ent.end,
                )
            )
    for run in _proper_runs(doc, covered):
        mentions.extend(_run_mentions(run, gazetteer))
    mentions.extend(_dateline_mentions(doc, gazetteer))
    mentions.extend(_abbreviation_mentions(doc, covered))
    mentions.extend(_admin_note_mentions(doc, gazetteer))
    # A kind word or compass word alone ("the City Council", "North") names no place.
    mentions = [
        m
        for m in mentions
        if (word := m.text.casefold()) not in CALENDAR_WORDS
        and word not in KIND_WORDS
        and word not in DIRECTION_WORDS
    ]
    # Someone's surname here ("Bill Carlow ... turned over to Carlow") is that person, unless
    # the model itself calls it a place or it names a well-known one (Sochi, Dublin).
    surnames = _surnames(doc)
    mentions = [
        m
        for m in mentions
        if m.text not in surnames
        or _tagged_place(doc, m)
        or _is_prominent(_known(gazetteer, m.lookup))
    ]
    kept = _without_overlaps(doc, mentions)
    return _without_overlaps(doc, kept + _repeated_mentions(doc, kept))


def _entity_parts(doc: Doc) -> list[Span]:
    """Return the entities, split where one runs across brackets or commas."""
    parts = []
    for ent in entities(doc):
        start = ent.start
        for i in range(ent.start, ent.end + 1):
            if i == ent.end or doc[i].text in ENTITY_BREAKS:
                if i > start:
                    parts.append(Span(doc, start, i, label=ent.label_))
                start = i + 1
    return parts


def _admin_note_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Find a note's place and the known units it names in brackets after it ("Tumbun Rago
    (Kukawa, Borno state)").

    A bracket is a note's when a name in it is a known admin unit (a country alone is an
    actor's: "Communal Militia (Nigeria)"); the capitalised run before it is then a place
    even when the model or the gazetteer does not know it, so its units can stand in for it.
    """
    found = []
    text = text_of(doc)
    for bracket in NOTE_BRACKET.finditer(text):
        names = bracket_names(bracket)
        owner = NOTE_OWNER.search(text, max(0, bracket.start() - 80), bracket.start())
        if not names or owner is None:
            continue
        place = owner.group(1)
        first, _, rest = place.partition(" ")
        cued = rest and first.lower() in LOCATIVES  # "In Sinjar (...)"
        place = rest if cued else place
        before = text[max(0, owner.start(1) - 12) : owner.start(1)].split()
        cued = cued or bool(before and before[-1].lower() in LOCATIVES)
        # One name in brackets is a note's only after a locative or a known place: "He
        # (Steele) said" is an aside.
        if len(names) == 1 and not (cued or _known(gazetteer, place)):
            continue
        # A note's bracket names a known unit, or places all known and in one country, or
        # follows a locative ("near Kabani (Jisr al-Shughur, Idleb)") with a known place.
        units, is_note, countries = [], False, None
        for name, start in names:
            words = name.split()
            kind = KIND_WORDS.get(words[-1].lower()) if len(words) > 1 else None
            lookup = " ".join(words[:-1]) if kind else name
            known = _known(gazetteer, lookup) or _known(gazetteer, name)
            if known:
                units.append(Mention(name, start, start + len(name), lookup, kind))
            shared = {e.country_code for e in known}
            countries = shared if countries is None else countries & shared
            is_note = is_note or any(
                e.feature_class == "A" and not e.feature_code.startswith("PCL") for e in known
            )
        if is_note or (len(names) > 1 and (countries or (cued and units))):
            found.extend(units)
            found.append(Mention(place, owner.end(1) - len(place), owner.end(1), place))
    return found


def _surnames(doc: Doc) -> set[str]:
    return {e[-1].text for e in entities(doc) if e.label_ == "PERSON" and len(e) > 1}


def _tagged_place(doc: Doc, mention: Mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].ent_type_ in ("GPE", "LOC")


def _without_overlaps(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if (kept and m.start < kept[-1].end) or is_ignored(doc, m.start, m.end):
            continue
        kept.append(m)
    return kept


def _repeated_mentions(doc: Doc, found: list[Mention]) -> list[Mention]:
    """Find further uses of names already recognised as places in this document.

    A writer keeps one sense of a name through a story, so "Gainesville" once tagged a place
    is a place again where the model called it a person or left it untagged, and so is the
    leading "DeKalb" of "DeKalb schools". A longer person name ("Andrew Jackson") is kept out.
    """
    names = {m.text: m for m in found if m.country is None and len(m.text) > 2}
    # A name that is also someone's surname here ("Tom Welch ... Welch said") is not repeated.
    surnames = _surnames(doc)
    names = {text: m for text, m in names.items() if text[0].isupper() and text not in surnames}
    if not names:
        return []
    pattern = re.compile(
        r"(?<![\w.])(?:"
        + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
        + r")(?!\w)"
    )
    taken = {m.start for m in found}
    repeated = []
    for match in pattern.finditer(text_of(doc)):
        if match.start() in taken:
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or not len(span) or _inside_longer_person(span):
            continue
        like = names[match.group()]
        repeated.append(Mention(match.group(), match.start(), match.end(), like.lookup, like.kind))
    return repeated


def _inside_longer_person(span: Span) -> bool:
    for token in (span[0], span[-1]):
        if token.ent_type_ == "PERSON":
            ent = next(e for e in entities(span.doc) if e.start <= token.i < e.end)
            if ent.start < span.start or ent.end > span.end:
                return True
    return False


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
