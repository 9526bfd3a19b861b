"""Find the toponym mentions of a parsed document (part of places_v1).

`find_mentions` combines spaCy's entities, untagged proper-noun runs, datelines, unit
abbreviations, lists of units ("Camden and Charlton counties"), the admin notes of
ACLED-style text and repeated uses of names already found, in text order, without overlaps.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claimgraph.gazetteer.lookup import Gazetteer
from claimgraph.nlp.extensions import entities, is_ignored, text_of
from claimgraph.nlp.place_names import (
    CALENDAR_WORDS,
    DATELINE,
    ENTITY_BREAKS,
    KIND_WORDS,
    LIST_JOIN,
    LOCATIVES,
    NOTE_BRACKET,
    NOTE_OWNER,
    PLURAL_KINDS,
    UNIT_LIST,
    demonym_as_place,
    inside_longer_person,
    is_known,
    is_prominent,
    is_state_name,
    leading_demonym,
    local_head_after,
    locative_before,
    lookup_name,
    named_people,
    place_cued,
    postal_unit,
    proper_runs,
    surnames_of,
    tagged_place,
    trimmed,
    unit_abbreviations,
    with_hyphen_tail,
    with_kind_word,
)
from claimgraph.resolve.admin_notes import bracket_names
from claimgraph.resolve.demonyms import country_for_demonym
from claimgraph.resolve.place_base import DIRECTION_WORDS, Mention


def _mention(span: Span, kind: str | None, country: str | None = None) -> Mention:
    # "Ky." → Kentucky, a first-level unit; "D.C" and "N.Y" lose their point to the sentence.
    abbreviation = unit_abbreviations().get(span.text) or (
        unit_abbreviations().get(f"{span.text}.") if "." in span.text else None
    )
    if abbreviation:
        return Mention(span.text, span.start_char, span.end_char, abbreviation[0], "ADM1")
    if unit := postal_unit(span):
        return Mention(span.text, span.start_char, span.end_char, unit, "ADM1")
    # A demonym the model tagged as a place ("Sri Lankan" as GPE) still means its country.
    country = country or (country_for_demonym(span.text) if kind is None else None)
    return Mention(
        span.text, span.start_char, span.end_char, lookup_name(span, kind), kind, country
    )


def _org_parts(span: Span, gazetteer: Gazetteer) -> list[Mention]:
    """Find countries, provinces and big cities named inside an organisation name."""
    found, i = [], span.start
    while i < span.end:
        if i == span.start and (demonym := leading_demonym(span)) is not None:
            # "Georgian Interior Ministry", "Sri Lankan Army"
            found.append(_mention(demonym, None, country_for_demonym(demonym.text)))
            i = demonym.end
            continue
        for j in range(min(span.end, i + 3), i, -1):
            part, kind = with_kind_word(span.doc[i:j])
            known = is_known(gazetteer, lookup_name(part, kind)) or is_known(gazetteer, part.text)
            local = i == span.start and known and (kind or local_head_after(part))
            compass = len(part) == 1 and part[0].lower_ in DIRECTION_WORDS  # "South L.A."
            if part[0].is_title and not compass and (local or is_prominent(known)):
                found.append(_mention(part, kind))
                i = part.end - 1
                break
        i += 1
    return found


def _entity_mentions(ent: Span, gazetteer: Gazetteer) -> list[Mention]:
    label = ent.label_
    span = trimmed(ent)
    if not len(span):
        return []
    if postal_unit(span):  # "Athens, GA" whatever the model calls "GA"
        return [_mention(span, "ADM1")]
    span = with_hyphen_tail(span, gazetteer)
    if label == "NORP":
        country = country_for_demonym(span.text)
        after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
        if country:
            return [_mention(span, None, country)] if demonym_as_place(ent, after) else []
        return [_mention(span, None)] if is_known(gazetteer, span.text) else []
    span, kind = with_kind_word(span)
    name = lookup_name(span, kind)
    if label in ("GPE", "LOC"):
        if (
            len(span) > 1
            and not kind
            and not is_known(gazetteer, name)
            and not country_for_demonym(span.text)
            # "South L.A.": the resolver drops the compass word itself
            and not (len(span) == 2 and span[0].lower_ in DIRECTION_WORDS)
        ):
            # "United Way of America", "State of Illinois' Web": the place is inside.
            return _org_parts(span, gazetteer) or [_mention(span, kind)]
        return [_mention(span, kind)]
    known = is_known(gazetteer, name)
    if label == "FAC":  # "the Henderson County Jail", "Kabul airport": the place inside
        return [_mention(span, kind)] if known else _org_parts(span, gazetteer)
    if (
        label in ("PERSON", "ORG")
        and known
        and (kind or locative_before(span) or local_head_after(span) or is_state_name(known, span))
    ):
        return [_mention(span, kind)]
    if label == "ORG":
        return _org_parts(span, gazetteer)
    return []


def _run_mentions(run: Span, gazetteer: Gazetteer) -> list[Mention]:
    doc = run.doc
    span, kind = with_kind_word(run)
    name = lookup_name(span, kind)
    area_of = (
        span.end + 1 < len(doc)
        and doc[span.end].lower_ == "area"
        and doc[span.end + 1].lower_ == "of"
    )
    cued = locative_before(span) or local_head_after(span)
    if kind or area_of or (cued and is_known(gazetteer, name)):
        return [_mention(span, kind)]
    return []


def _dateline_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Find capitalised datelines the model does not tag ("COLUMBUS, Ohio --")."""
    found = []
    for match in DATELINE.finditer(text_of(doc)):
        name = match.group(1).rstrip(".")
        if len(name) > 2 and is_known(gazetteer, name):
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
        and (words[i] in unit_abbreviations() or postal_unit(doc[i : i + 1]))
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
            if is_known(gazetteer, word):
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
    for run in proper_runs(doc, covered):
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
    # the model itself calls it a place or it names a well-known one (Sochi, Dublin: the model
    # tags "Historic Dublin" a person too). The name of someone the story shows to be a person
    # ("Devon Lofton, 7, ... Devon went to the bedroom", "grandmother Nilda Sheffield")
    # is that person wherever it stands, unless the wording makes it a place ("in Devon").
    surnames, people = surnames_of(doc), named_people(doc)
    mentions = [
        m
        for m in mentions
        if (
            m.text not in surnames
            or tagged_place(doc, m)
            or is_prominent(is_known(gazetteer, m.lookup))
        )
        and (m.text not in people or place_cued(doc, m))
    ]
    kept = _without_overlaps(doc, mentions)
    return _without_overlaps(doc, kept + _repeated_mentions(doc, kept, surnames | people))


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
        if len(names) == 1 and not (cued or is_known(gazetteer, place)):
            continue
        # A note's bracket names a known unit, or places all known and in one country, or
        # follows a locative ("near Kabani (Jisr al-Shughur, Idleb)") with a known place.
        units, is_note, countries = [], False, None
        for name, start in names:
            words = name.split()
            kind = KIND_WORDS.get(words[-1].lower()) if len(words) > 1 else None
            lookup = " ".join(words[:-1]) if kind else name
            known = is_known(gazetteer, lookup) or is_known(gazetteer, name)
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


def _without_overlaps(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if (kept and m.start < kept[-1].end) or is_ignored(doc, m.start, m.end):
            continue
        kept.append(m)
    return kept


def _repeated_mentions(doc: Doc, found: list[Mention], people: set[str]) -> list[Mention]:
    """Find further uses of names already recognised as places in this document.

    A writer keeps one sense of a name through a story, so "Gainesville" once tagged a place
    is a place again where the model called it a person or left it untagged, and so is the
    leading "DeKalb" of "DeKalb schools". A longer person name ("Andrew Jackson") is kept out.
    """
    names = {m.text: m for m in found if m.country is None and len(m.text) > 2}
    # A name that is also someone's here (`people`: "Tom Welch ... Welch said") is not repeated.
    names = {text: m for text, m in names.items() if text[0].isupper() and text not in people}
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
        if span is None or not len(span) or inside_longer_person(span):
            continue
        like = names[match.group()]
        repeated.append(Mention(match.group(), match.start(), match.end(), like.lookup, like.kind))
    return repeated
