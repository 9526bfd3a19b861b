"""Score a toponym's gazetteer candidates with explainable features (part of place resolution).

Each feature adds to a candidate's score and names itself in its reasons: prominence, kind,
the kind the text asks for, the document's focus country, an explicit container, agreement
with the document's other places. See `claimgraph.resolve.places` for the whole.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from claimgraph.gazetteer.lookup import Gazetteer, GazetteerEntry, normalise_name, public_geonameid
from claimgraph.model import Place
from claimgraph.resolve.admin_notes import named_admins_matched
from claimgraph.resolve.focus import country_name
from claimgraph.resolve.place_base import (
    Context,
    Mention,
    Scored,
    is_inside,
    is_prominent,
    kind_family,
    without_direction,
)

MAX_ACRONYM = 4


WEIGHTS = {
    "prominence": 1.0,  # per order of magnitude of population
    "country": 6.0,
    "admin1": 3.0,
    "admin2": 0.0,
    "populated_place": 1.5,  # a bare name ("Kasur") is more often the town than its district
    "capital": 2.0,
    "region": 5.0,
    "kind_asked": 5.0,
    "primary_name": 1.5,
    "focus": 4.5,
    "focus_admin1": 2.0,  # the province/state most of the document's places lie in
    "inside_container": 8.0,
    "outside_container": -4.0,
    "same_country": 1.0,  # per other place, capped
    "same_admin1": 1.5,
    # A bare name shared by a unit and its main town ("Kandahar", "Kerman", "Niamey") is the
    # town in news; the unit is meant when the text says "province"/"region" (kind_asked).
    "namesake_town": 2.5,
    "alias_shadowed": -3.0,
    "near_other": 2.0,  # within PAIR_KM of a plausible reading of another name in the document
    "named_admin": 4.0,  # per unit named in brackets after the mention that contains the reading
}


NAMESAKE_MIN_SHARE = 0.05  # the town holds at least this share of the unit's population


# A small place abroad that nothing else in the document supports is more likely a local
# place missing from the gazetteer than a foreign village: leave it unresolved.
STRAY_MAX_POPULATION = 50_000


SAME_COUNTRY_CAP = 3.0


def score_candidate(entry: GazetteerEntry, mention: Mention, context: Context) -> Scored:
    """Score one candidate for one mention, naming each feature that counted."""
    parts: list[tuple[str, float]] = [
        ("prominence", WEIGHTS["prominence"] * math.log10(entry.population + 1))
    ]
    code = entry.feature_code
    kind = (
        "country" if code.startswith("PCL") else "admin1" if code == "ADM1"
        else "admin2" if code == "ADM2" else "capital" if code == "PPLC"
        else "region" if entry.feature_class == "L" else None
    )  # fmt: skip
    if kind:
        parts.append((kind, WEIGHTS[kind]))
    if mention.kind is None and entry.feature_class == "P":
        parts.append(("populated_place", WEIGHTS["populated_place"]))
    if mention.kind and kind_family(code) == kind_family(mention.kind):
        parts.append(("kind_asked", WEIGHTS["kind_asked"]))
    if normalise_name(entry.name) == normalise_name(mention.lookup):
        parts.append(("primary_name", WEIGHTS["primary_name"]))
    if context.focus and entry.country_code == context.focus:
        parts.append(("focus", WEIGHTS["focus"]))
    if context.focus_admin1 and entry.admin1_code == context.focus_admin1:
        parts.append(("focus_admin1", WEIGHTS["focus_admin1"]))
    if context.container is not None:
        inside = is_inside(entry, context.container)
        parts.append(
            (
                "inside_container" if inside else "outside_container",
                WEIGHTS["inside_container" if inside else "outside_container"],
            )
        )
    if context.countries and (count := context.countries.get(entry.country_code, 0)):
        parts.append(("same_country", min(SAME_COUNTRY_CAP, WEIGHTS["same_country"] * count)))
    if context.admin1s and entry.admin1_code and context.admin1s.get(entry.admin1_code):
        parts.append(("same_admin1", WEIGHTS["same_admin1"]))
    if context.near and (support := context.near.get(entry.geonameid)):
        parts.append(("near_other", WEIGHTS["near_other"] * support))
    if matched := named_admins_matched(entry, mention.admins):
        parts.append(("named_admin", WEIGHTS["named_admin"] * matched))
    return Scored(entry, sum([value for _, value in parts]), tuple(parts))


def rank_candidates(
    entries: Sequence[GazetteerEntry], mention: Mention, context: Context
) -> list[Scored]:
    """Score and sort candidates, best first."""
    scored = [score_candidate(e, mention, context) for e in entries]
    if mention.kind is None:
        scored = [namesake_town_bonus(s, entries) for s in scored]
    scored = alias_shadowed(scored, mention)
    return sorted(scored, key=lambda s: (-s.score, s.entry.geonameid))


def namesake_town_bonus(scored: Scored, entries: Sequence[GazetteerEntry]) -> Scored:
    """Favour a town over the admin unit of the same name and country that it anchors.

    The unit loses the weight rather than the town gaining it, so the rule settles town
    against unit only and does not lift the town over namesakes abroad ("Albany").
    """
    unit = scored.entry
    if unit.feature_code not in {"ADM1", "ADM2"}:
        return scored
    key = normalise_name(unit.name)
    for town in entries:
        if (
            town.feature_class == "P"
            and unit.country_code == town.country_code
            and normalise_name(town.name) == key
            and town.population >= NAMESAKE_MIN_SHARE * unit.population
        ):
            penalty = -WEIGHTS["namesake_town"]
            return Scored(unit, scored.score + penalty, (*scored.parts, ("namesake_town", penalty)))
    return scored
    key = normalise_name(town.name)
    for unit in entries:
        if (
            unit.feature_code in {"ADM1", "ADM2"}
            and unit.country_code == town.country_code
            and normalise_name(unit.name) == key
            and town.population >= NAMESAKE_MIN_SHARE * unit.population
        ):
            bonus = WEIGHTS["namesake_town"]
            return Scored(town, scored.score + bonus, (*scored.parts, ("namesake_town", bonus)))
    return scored


def alias_shadowed(scored: list[Scored], mention: Mention) -> list[Scored]:
    """Lower a town matched only by an alias when a bigger town of that very name exists in the
    same country: old names of US towns ("Maryville" for Beeville) are rarely what a writer
    means when another town still carries the name (a big city known by its alias stays:
    "Newcastle" upon Tyne)."""
    key = normalise_name(mention.lookup)
    named: dict[str, int] = {}
    for s in scored:
        if s.entry.feature_class == "P" and normalise_name(s.entry.name) == key:
            code = s.entry.country_code
            named[code] = max(named.get(code, 0), s.entry.population)
    penalty = WEIGHTS["alias_shadowed"]
    return [
        Scored(s.entry, s.score + penalty, (*s.parts, ("alias_shadowed", penalty)))
        if s.entry.feature_class == "P"
        and normalise_name(s.entry.name) != key
        and s.entry.population <= named.get(s.entry.country_code, -1)
        else s
        for s in scored
    ]


def is_stray(entry: GazetteerEntry, focus: str | None, others: Sequence[GazetteerEntry]) -> bool:
    """Tell whether a small foreign place has no support in the document's other places."""
    if focus is None or entry.country_code in ("", focus):
        return False
    if entry.feature_class not in {"P", "A"} or entry.feature_code in {"ADM1"}:
        return False
    # Admin-unit populations are sums over their towns: only a town's own size says "well known".
    if entry.feature_code.startswith("PCL") or (
        entry.feature_class == "P" and entry.population >= STRAY_MAX_POPULATION
    ):
        return False
    return not any(other.country_code == entry.country_code for other in others)


def lookup_candidates(gazetteer: Gazetteer, mention: Mention) -> list[GazetteerEntry]:
    """Return the gazetteer's candidates for a mention (a demonym's country directly)."""
    if mention.country:
        name = country_name(mention.country) or mention.country
        found = [e for e in gazetteer.candidates(name) if e.country_code == mention.country]
        return [e for e in found if e.feature_code.startswith("PCL")] or found[:1]
    # A name with its kind word may itself be a name ("Kansas City" is not the state Kansas).
    text, lookup = normalise_name(mention.text), normalise_name(mention.lookup)
    whole = gazetteer.candidates(mention.text) if text.startswith(f"{lookup} ") else []
    found = whole or gazetteer.candidates(mention.lookup)
    # A dotted abbreviation ("L.A.") is written for readers, not a code: it may name a town.
    if mention.text.isupper() and len(mention.text) <= MAX_ACRONYM and "." not in mention.text:
        found = [e for e in found if is_acronym_target(e, mention.text)]
    if not found and mention.lookup != mention.text:
        found = gazetteer.candidates(mention.text)
    if not found and (core := without_direction(mention.lookup)) != mention.lookup:
        found = gazetteer.candidates(core)  # "Northeast Georgia", "Far North Queensland"
    return found


def is_acronym_target(entry: GazetteerEntry, acronym: str) -> bool:
    """Tell whether a short capitalised word may name this entry ("UK", "UAE"; not "GBI").

    Aliases of towns include codes (airport, postal, old spellings), so an acronym resolves only
    to a country, a first-level unit or a named region, or to a place of exactly that name.
    """
    code = entry.feature_code
    return (
        code.startswith("PCL") or code == "ADM1" or entry.feature_class == "L"
        or normalise_name(entry.name) == normalise_name(acronym)
    )  # fmt: skip


def to_place(mention: Mention, entry: GazetteerEntry | None) -> Place:
    """Build the output Place for a mention and its chosen entry (or none)."""
    if entry is None:
        return Place(mention.text, mention.start, mention.end)
    return Place(
        mention.text, mention.start, mention.end, entry.name, public_geonameid(entry),
        entry.latitude, entry.longitude, entry.country_code or None, entry.admin1,
        entry.admin1_code, entry.admin2, entry.feature_code,
    )  # fmt: skip


def is_contested(entries: Sequence[GazetteerEntry]) -> bool:
    """Tell whether well-known places of several countries share a name ("Georgia", "Paris")."""
    return len({e.country_code for e in entries if is_prominent(e)}) > 1
