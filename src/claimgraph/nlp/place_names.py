"""What makes a name a place (part of places_v1): the wording around it and the gazetteer.

Locative prepositions before a name, kind words after it ("Kasur District"), datelines,
postal and AP abbreviations after a town ("Athens, GA"), demonyms that stand for their
country ("Afghan territory"), names the gazetteer knows and how prominent they are.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from spacy.tokens import Doc, Span

from claimgraph.gazetteer.lookup import Gazetteer, GazetteerEntry
from claimgraph.nlp.extensions import entities
from claimgraph.resolve.demonyms import country_for_demonym
from claimgraph.resolve.place_base import Mention


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


LOCATIVES = _words(
    "in at near from to into across outside around inside towards toward through throughout "
    "within between via outskirts of"
)
# Locatives that put something at a place, not a person ("gave the gun to Kennedy").
SCENE_LOCATIVES = _words("in at near outside inside outskirts throughout across")
# Verbs whose "at" names a target ("pointed the gun at Kennedy").
AIM_VERBS = _words("point aim fire shoot shout yell stare look glance lunge swing throw")


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

# Words that are no part of a person's name: titles ("Gen. Smith"), and what the model takes
# for one in an institution's name ("Jordan Elementary School").
NOT_NAMES = _words(
    "mr mrs ms dr gen general col colonel maj major capt captain lt sgt president minister "
    "senator sen rep governor gov judge officer deputy sheriff chief mayor prime sir lord "
    "school elementary high middle academy college university church hospital center park "
    "county city street road avenue police fire station historic"
)
# Words before a name that show it is a person's: titles, kin, roles.
PERSON_CUES = NOT_NAMES.difference(
    _words("school elementary high middle academy college university church hospital center")
) | _words(
    "mother father son daughter brother sister wife husband grandmother grandfather uncle "
    "aunt cousin nephew niece girlfriend boyfriend friend neighbor neighbour suspect victim "
    "gunman shooter teen teenager boy girl man woman resident student spokesman spokeswoman "
    "spokesperson attorney lawyer prosecutor detective det sergeant trooper lieutenant "
    "commissioner councilman councilwoman pastor rev reverend coach"
)
SPEECH_VERBS = _words("say tell testify plead admit confess explain recall")
# Words after "Name," that start a description of a person ("Adrian Bennett, accused of").
DESCRIPTION_STARTS = _words("who whose accused age aged a an the his her charged identified")


MAX_RUN = 5


@cache
def unit_abbreviations() -> dict[str, tuple[str, str]]:
    """Map "Ky." → ("Kentucky", "US") from data/regions.yaml."""
    from claimgraph.gazetteer.build import read_regions_config

    table = read_regions_config().get("admin1_abbreviations") or {}
    return {str(k): (str(v[0]), str(v[1])) for k, v in table.items()}


@lru_cache(maxsize=131072)
def is_known(gazetteer: Gazetteer, name: str) -> tuple[GazetteerEntry, ...]:
    return tuple(gazetteer.candidates(name, limit=5)) if len(name) > 1 else ()


def is_prominent(entries: tuple[GazetteerEntry, ...]) -> bool:
    return any(
        e.feature_code.startswith("PCL") or e.feature_code == "ADM1"
        or (e.feature_class == "P" and e.population >= MIN_ORG_CITY_POPULATION)
        for e in entries
    )  # fmt: skip


def is_state_name(entries: tuple[GazetteerEntry, ...], span: Span) -> bool:
    """Tell whether a span is exactly a country's or a capital's name ("Tbilisi says")."""
    key = span.text.casefold()
    return any(
        (e.feature_code.startswith("PCL") or e.feature_code == "PPLC") and e.name.casefold() == key
        for e in entries
    )


def trimmed(span: Span) -> Span:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "'s", "’s"):
        start += 1
    while end > start and doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
        end -= 1
    return doc[start:end]


def with_hyphen_tail(span: Span, gazetteer: Gazetteer) -> Span:
    """Extend a name over a hyphenated part the model left out when the whole is a known
    name ("Guinea" + "-Bissau")."""
    doc, end = span.doc, span.end
    if (
        end + 1 < len(doc)
        and doc[end].text in ("-", "–")
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].text[:1].isupper()
        and is_known(gazetteer, doc[span.start : end + 2].text)
    ):
        return doc[span.start : end + 2]
    return span


def with_kind_word(span: Span) -> tuple[Span, str | None]:
    """Extend a name over a following kind word ("Kasur" + "District") and say what it asks."""
    doc = span.doc
    last = span[-1].lower_
    if last in KIND_WORDS and len(span) > 1:
        return span, KIND_WORDS[last]
    if span.end < len(doc) and doc[span.end].lower_ in KIND_WORDS and doc[span.end].is_title:
        return doc[span.start : span.end + 1], KIND_WORDS[doc[span.end].lower_]
    return span, None


def lookup_name(span: Span, kind: str | None) -> str:
    words = [t.text for t in span]
    if len(words) > 1 and words[-1].lower() in KIND_WORDS:
        words = words[:-1]
    return " ".join(words)


def locative_before(span: Span) -> bool:
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in ("the", "a"):
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVES


def proper_runs(doc: Doc, covered: set[int]) -> list[Span]:
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


def postal_unit(span: Span) -> str | None:
    """Return the unit a postal code after a town names ("Athens, GA" → Georgia), else None."""
    doc, i = span.doc, span.start
    if len(span) != 1 or not span.text.isupper() or i < 2 or doc[i - 1].text != ",":
        return None
    return _postal_codes().get(span.text) if doc[i - 2].text[:1].isupper() else None


def leading_demonym(span: Span) -> Span | None:
    for size in (2, 1):
        if len(span) >= size and country_for_demonym(span[:size].text):
            return span[:size]
    return None


def local_head_after(span: Span) -> bool:
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in LOCAL_HEADS


def demonym_as_place(ent: Span, after: str) -> bool:
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


def surnames_of(doc: Doc) -> set[str]:
    return {e[-1].text for e in entities(doc) if e.label_ == "PERSON" and len(e) > 1}


def named_people(doc: Doc) -> set[str]:
    """Return the first names and surnames of the people the story names in full and shows to
    be people (`shown_as_person`), at the full name ("grandmother Nilda Sheffield", "Devon
    Lofton, 7,") or at a use of the name alone ("Hale, 31,", "Kennedy said"). The model also
    tags "Alexandria Police" and "Historic Dublin" as persons: without such a sign a name stays
    open."""
    parts: set[str] = set()
    shown: set[str] = set()
    for e in entities(doc):
        if e.label_ != "PERSON" or not 1 < len(e) <= 3:
            continue
        if not all(t.is_title and t.is_alpha and t.lower_ not in NOT_NAMES for t in e):
            continue
        parts.update((e[0].text, e[-1].text))
        if shown_as_person(doc, e.start, e.end):
            shown.update((e[0].text, e[-1].text))
    for token in doc:
        if token.text in parts and token.text not in shown and shown_as_person(doc, token.i):
            shown.add(token.text)
    return shown


def shown_as_person(doc: Doc, start: int, end: int | None = None) -> bool:
    """Tell whether the words around a name show a person: a title or role before it ("Sgt.
    Tom Welch"), an age or description after it ("Devon Lofton, 7,", "Adrian Bennett, accused
    of ..."), or a verb of speech ("Kennedy said")."""
    end = start + 1 if end is None else end
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.text == "." and start > 1:
        before = doc[start - 2]  # "Sgt. Tom Welch"
    after = doc[end : end + 2]
    if before is not None and before.lower_ in PERSON_CUES:
        return True
    if len(after) and after[0].lemma_.lower() in SPEECH_VERBS and after[0].pos_ == "VERB":
        return True
    return (
        len(after) == 2
        and after[0].text == ","
        and (after[1].like_num or after[1].lower_ in DESCRIPTION_STARTS)
    )


def place_cued(doc: Doc, mention: Mention) -> bool:
    """Tell whether the wording makes a name a place: a kind word ("Kasur District"), a scene
    preposition before it that is no one's ("in Devon", not "in Devon's memory"), or a state
    or country after a comma ("Jackson, Miss.", "Jackson, Mississippi")."""
    if mention.kind is not None:
        return True
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    after = doc[span.end : span.end + 2]
    if len(after) and after[0].lower_ in ("'s", "’s", "'", "’"):
        return False
    if len(after) == 2 and after[0].text == "," and (
        after[1].text in unit_abbreviations() or postal_unit(after[1:2])
        or f"{after[1].text}." in unit_abbreviations()
    ):
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None or before.lower_ not in SCENE_LOCATIVES:
        return False
    # "pointed the gun at Kennedy", "fired at Jackson": whom it was aimed at, not where.
    return not (before.lower_ == "at" and before.head.lemma_.lower() in AIM_VERBS)


def tagged_place(doc: Doc, mention: Mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].ent_type_ in ("GPE", "LOC")


def inside_longer_person(span: Span) -> bool:
    for token in (span[0], span[-1]):
        if token.ent_type_ == "PERSON":
            ent = next(e for e in entities(span.doc) if e.start <= token.i < e.end)
            if ent.start < span.start or ent.end > span.end:
                return True
    return False
