"""Resolve toponym mentions to gazetteer entries by ranking candidates with explainable features.

Features (each adds to a score and names itself in `reasons`): prominence (log population),
feature kind (country, admin unit, capital, named region), a kind the text asks for ("Kasur
District" wants an ADM2), the document's country focus, an explicit container ("X, Y",
"X in Y", "the X area of Y": inside it or not), and agreement with the other places of the
document (same country, same province). Weights were set by judgement on invented examples,
then checked on the LGL/TR-News dev corpora (benchmarks/geoparse.py); they are not fitted.

An unresolved mention still comes out as a Place (name None); `containing_place` finds the
place it was said to lie in, for an event coder's fallback.

Admin units in brackets. Conflict coders (ACLED's notes) write a place with the units that
contain it, innermost first: "Sinjar (Sinjar, Ninewa)", "Tumbun Rago (Kukawa, Borno state)",
"Palma (Cabo Delgado)". `admin_notes` reads that pattern from the text: each name before or
inside the brackets is constrained by the names after it, and places listed before the
brackets share them ("between Boni and Hombori (Douentza, Mopti)"). When some readings lie
in a named unit (their admin1, admin2 or country matches it) the others are dropped, and
`named_admin` scores each unit matched; names are compared folded, with a fuzzy tolerance
for transliteration ("Amhara"/"Amara", "Ninewa"/"Nīnawá", "Kharkiv"/"Kharkivska oblast").
A reading outside every country the outermost resolvable unit can be in is dropped too, so
an unknown Mozambican "Palma" stays unresolved instead of becoming Palma, Spain; a reading
the units support is no stray. The bracketed names ask for units (last ADM1, the one before
ADM2, then ADM3) and the place before them for a populated place; the scene ranking
(`nlp.event_scene`) puts them right after their place, so an unresolved place falls back to
the most specific unit that resolved.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from claimgraph.gazetteer.lookup import Gazetteer, GazetteerEntry, normalise_name, public_geonameid
from claimgraph.model import Place
from claimgraph.resolve.focus import country_focus, country_name

# Text between a mention and the next one that makes the next one its container.
CONTAINER_GAP = re.compile(
    r"^(?:,\s*|\s+(?:in|of|near|outside)\s+(?:the\s+)?"
    r"|,?\s+(?:(?:north|south|east|west)(?:east|west)?|just\s+outside)\s+of\s+(?:the\s+)?"
    r"|\s+(?:area|district|region|province|town|village|city|part|outskirts|border)\s+of\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
MAX_GAP = 40
# A place's admin units in brackets after it, maybe past a site word or two ("Mosul airport
# (Mosul, Ninewa)", "Kani township (Yinmabin, Sagaing)"); no digits (a regime period
# "(2021-)" or a date is not a unit).
ADMIN_BRACKET = re.compile(r"(?:\s+[a-z]+){0,2}\s*\(([^()\d\n]{2,120})\)")
# Words a unit's name carries in one source and not the other ("Borno state", "Kharkivska
# oblast", "Al Anbar"); they are dropped before names are compared.
UNIT_WORDS = frozenset(
    ["state", "province", "region", "governorate", "oblast", "raion", "district", "county",
     "zone", "municipality", "prefecture", "division", "department", "city", "town", "al", "el",
     "ad", "an", "ar", "as", "ash", "at", "az", "ath"]
)  # fmt: skip
NAME_MATCH = 80  # rapidfuzz ratio of folded names; "idleb"/"idlib" is 80, "amhara"/"amara" 91
BRACKET_KINDS = ("ADM1", "ADM2", "ADM3")  # the last name in brackets, the one before, ...
LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*$")
MAX_ACRONYM = 4
DIRECTION_WORDS = frozenset(
    ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "northern", "southern", "eastern", "western", "central", "far", "upper", "lower",
     "north-east", "north-west", "south-east", "south-west", "mid", "downtown", "rural"]
)  # fmt: skip
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
PROMINENT_POPULATION = 100_000
# Region vote (see region_of): readings within this many points of a name's best one in the
# focus country are plausible; a unit's own name votes this much; a region needs this many votes.
PLAUSIBLE_MARGIN = 2.0
REGION_NAMED_WEIGHT = 1.5
MIN_REGION_VOTES = 1.0
STATE_SUPPORT = 0.5  # a named state supports the readings inside it less than a neighbour does
PAIR_KM = 40.0  # readings of two names this close support each other (a town and its county)


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym as recognised: span, the name to look up, and hints from the wording."""

    text: str
    start: int
    end: int
    lookup: str
    kind: str | None = None  # feature code the wording asks for: "ADM1", "ADM2", "PPL", "VAL"
    country: str | None = None  # set for demonyms used as places ("Afghan territory")
    admins: tuple[str, ...] = ()  # units the text names in brackets after it, innermost first


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate with its score and why: each feature that counted, with its weight."""

    entry: GazetteerEntry
    score: float
    parts: tuple[tuple[str, float], ...]

    @property
    def reasons(self) -> tuple[str, ...]:
        """Say why, one "feature +weight" per part (formatted on demand: most are never read)."""
        return tuple(f"{name} {value:+.1f}" for name, value in self.parts)


@dataclass(frozen=True, slots=True)
class Context:
    """What the rest of the document says: focus country, container, other places."""

    focus: str | None = None
    focus_admin1: str | None = None
    container: GazetteerEntry | None = None
    countries: Counter[str] | None = None
    admin1s: Counter[str] | None = None
    near: dict[int, float] | None = None  # readings near a reading of another name: support


def _kind_family(code: str) -> str:
    if code.startswith("PCL"):
        return "PCL"
    if code.startswith("PPL"):
        return "PPL"
    return code


def is_inside(entry: GazetteerEntry, container: GazetteerEntry) -> bool:
    """Tell whether an entry lies in a container (country, admin unit, or region radius)."""
    code = container.feature_code
    if code.startswith("PCL"):
        return entry.country_code == container.country_code
    if code == "ADM1":
        return entry.admin1_code == container.admin1_code and entry.geonameid != container.geonameid
    if code == "ADM2":
        return entry.admin2_code == container.admin2_code and entry.geonameid != container.geonameid
    if container.feature_class == "P":  # "X near Y": within 100 km
        return distance_km(entry, container) < 100
    return distance_km(entry, container) < 1500


def distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    """Return the great-circle distance between two entries."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lat2 - lat1, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


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
    if mention.kind and _kind_family(code) == _kind_family(mention.kind):
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


def admin_notes(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Give each mention the units a note names in brackets after it ("Sinjar (Sinjar, Ninewa)").

    The place before the brackets gets every bracketed name and, unless its wording says
    otherwise, asks for a populated place ("Kherson (Kherson, Kherson)" is the city); a name
    inside them gets the names after it and the kind its position asks for (the last an ADM1,
    the one before an ADM2).
    """
    noted = list(mentions)
    for i, mention in enumerate(mentions):
        match = ADMIN_BRACKET.match(text, mention.end)
        if match is None or not (names := bracket_names(match)):
            continue
        # Units are listed after what they contain: the place is below them, a town or a site.
        admins = tuple(name for name, _ in names)
        # Places listed before the bracket share it: "between Boni and Hombori (Douentza, Mopti)".
        j = i
        while j >= 0 and (j == i or LIST_GAP.match(text, mentions[j].end, mentions[j + 1].start)):
            noted[j] = replace(noted[j], admins=admins, kind=noted[j].kind or "PPL")
            j -= 1
        for k, (_, start) in enumerate(names):
            outer = tuple(name for name, _ in names[k + 1 :])
            depth = len(names) - 1 - k
            unit = BRACKET_KINDS[depth] if depth < len(BRACKET_KINDS) else None
            for j, other in enumerate(mentions):
                if j != i and other.start == start:
                    noted[j] = replace(noted[j], admins=outer, kind=noted[j].kind or unit)
    return noted


def bracket_names(match: re.Match[str]) -> list[tuple[str, int]]:
    """Return the unit names of a bracket with their offsets; none unless every part is a name.

    An acronym is no unit a note would write ("Nonalcoholic Steatohepatitis (NASH)").
    """
    names, offset = [], match.start(1)
    for part in match.group(1).split(","):
        name = part.strip()
        if not name[:1].isupper() or name.isupper():
            return []
        names.append((name, offset + part.index(name)))
        offset += len(part) + 1
    return names


def unit_key(name: str) -> str:
    """Fold a unit's name for comparison, without words sources add or drop ("Borno state")."""
    words = normalise_name(name).split()
    return " ".join(w for w in words if w not in UNIT_WORDS) or " ".join(words)


def names_match(a: str, b: str) -> bool:
    """Tell whether two spellings may name the same unit ("Amhara"/"Amara", "Idleb"/"Idlib").

    Compass words must agree when both names carry some ("North Darfur" is not "South Darfur").
    """
    key_a, key_b = unit_key(a), unit_key(b)
    if key_a == key_b:
        return bool(key_a)
    compass_a = {w for w in key_a.split() if w in DIRECTION_WORDS}
    compass_b = {w for w in key_b.split() if w in DIRECTION_WORDS}
    if compass_a and compass_b and compass_a != compass_b:
        return False
    core_a, core_b = core_name(a), core_name(b)
    return (
        bool(core_a) and core_a[:1] == core_b[:1] and fuzz.ratio(core_a, core_b) >= NAME_MATCH
    )


def core_name(name: str) -> str:
    """Return a unit's folded name without unit and compass words ("Shan-North" → "shan")."""
    return " ".join(w for w in unit_key(name).split() if w not in DIRECTION_WORDS)


def named_admins_matched(entry: GazetteerEntry, admins: Sequence[str]) -> int:
    """Count which of an entry's admin1, admin2 and country a bracketed name matches (a unit
    does not lie in itself: "Marte (Marte, Borno)" is the town, not the district)."""
    if not admins:
        return 0
    code = entry.feature_code
    own = [
        n
        for n in (
            entry.admin1 if code != "ADM1" else None,
            entry.admin2 if code != "ADM2" else None,
            country_name(entry.country_code) if not code.startswith("PCL") else None,
        )
        if n
    ]
    return sum(any(names_match(name, unit) for name in admins) for unit in own)


def within_named_units(
    entries: list[GazetteerEntry], mention: Mention, gazetteer: Gazetteer
) -> list[GazetteerEntry]:
    """Keep the readings that lie in a unit bracketed after the mention, when any does.

    When none does but a named unit is known ("Pauktaw (Pauktaw, Rakhine)" with only a
    Pauktaw near Yangon in the gazetteer), the place is missing: keep none, so that its
    units stand in for it. Prominent readings stay in either case, for the score to weigh:
    units are renamed and redrawn, and sources spell them apart ("Lima (Lima, Lima)" is the
    capital, whose province GeoNames calls "Municipalidad Metropolitana de Lima").
    """
    if not mention.admins:
        return entries
    units = named_units(gazetteer, mention.admins)
    inside = [
        e
        for e in entries
        if named_admins_matched(e, mention.admins) or any(is_inside(e, u) for u in units)
    ]
    if not inside and not units:
        return entries
    return [e for e in entries if e in inside or is_prominent(e)]


def named_units(gazetteer: Gazetteer, admins: Sequence[str]) -> list[GazetteerEntry]:
    """Return the first- and second-level units the gazetteer knows under bracketed names."""
    return [
        e
        for name in admins
        if core_name(name)  # "Central" alone could be anywhere
        for e in gazetteer.candidates(name) or gazetteer.candidates(unit_key(name))
        if e.feature_code in {"ADM1", "ADM2"} and names_match(e.name, name)
    ]


def admin_countries(gazetteer: Gazetteer, admins: Sequence[str]) -> frozenset[str]:
    """Return the countries the outermost bracketed unit the gazetteer knows may lie in."""
    for name in reversed(admins):
        if not core_name(name):
            continue  # "Western", "Central": every other country has one
        units = [
            e
            for e in gazetteer.candidates(name) or gazetteer.candidates(unit_key(name))
            if e.feature_class == "A" and e.country_code and names_match(e.name, name)
        ]
        if units:
            return frozenset(e.country_code for e in units)
    return frozenset()


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


def without_direction(name: str) -> str:
    """Drop leading compass words from a name ("Southern California" → "California")."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in DIRECTION_WORDS:
        words = words[1:]
    return " ".join(words)


def container_indexes(text: str, mentions: Sequence[Mention]) -> dict[int, int]:
    """Map a mention's index to the index of the mention the text places it in."""
    containers = {}
    for i in range(len(mentions) - 1):
        gap_start, gap_end = mentions[i].end, mentions[i + 1].start
        if 0 <= gap_end - gap_start <= MAX_GAP and CONTAINER_GAP.match(text[gap_start:gap_end]):
            containers[i] = i + 1
    return containers


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


def is_prominent(entry: GazetteerEntry) -> bool:
    """Tell whether an entry is a country, a first-level unit, a capital or a big town."""
    code = entry.feature_code
    return (
        code.startswith("PCL") or code in {"ADM1", "PPLC"}
        or entry.population >= PROMINENT_POPULATION
    )  # fmt: skip


def focus_voters(
    keys: Sequence[str],
    candidates: Sequence[Sequence[GazetteerEntry]],
    first: Sequence[GazetteerEntry | None],
) -> list[int]:
    """Pick the mentions whose first guess may vote for the document's focus.

    Each name votes once (a repeated "Georgia" is one piece of evidence), and a contested
    name votes only when every name is contested: its first guess is the one in doubt.
    """
    seen: set[str] = set()
    voters: list[int] = []
    contested: list[int] = []
    for i, key in enumerate(keys):
        if first[i] is None or key in seen:
            continue
        seen.add(key)
        (contested if is_contested(candidates[i]) else voters).append(i)
    return voters or consensus(contested, candidates, first)


def consensus(
    contested: list[int],
    candidates: Sequence[Sequence[GazetteerEntry]],
    first: Sequence[GazetteerEntry | None],
) -> list[int]:
    """Among contested names only, keep those whose first guess lies in the country most of
    them can be in ("Alexandria" and "Virginia" can both be in the US: not Egypt)."""
    reach: Counter[str] = Counter()
    for i in contested:
        reach.update({e.country_code for e in candidates[i] if is_prominent(e)})
    if not reach:
        return contested
    best = max(reach.values())
    shared = {code for code, count in reach.items() if count == best}
    agreeing = [
        i for i in contested if (entry := first[i]) is not None and entry.country_code in shared
    ]
    return agreeing or contested


def resolve_mentions(text: str, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Place]:
    """Resolve every mention in document context; one Place per mention, in order."""
    mentions = admin_notes(text, mentions)
    # A reading abroad of a place the note puts in named units is a namesake: drop it.
    gates = [admin_countries(gazetteer, m.admins) for m in mentions]
    candidates = [
        within_named_units(
            [e for e in lookup_candidates(gazetteer, m) if not gate or e.country_code in gate],
            m,
            gazetteer,
        )
        for m, gate in zip(mentions, gates, strict=True)
    ]
    first = [
        rank_candidates(c, m, Context())[0].entry if c else None
        for c, m in zip(candidates, mentions, strict=True)
    ]
    keys = [normalise_name(m.lookup) for m in mentions]
    voters = focus_voters(keys, candidates, first)
    resolved = [to_place(mentions[i], first[i]) for i in voters if first[i] is not None]
    focus = country_focus(resolved)
    alone = [
        rank_candidates(c, m, Context()) if c else []
        for c, m in zip(candidates, mentions, strict=True)
    ]
    demonyms = frozenset(k for k, m in zip(keys, mentions, strict=True) if m.country)
    focus = country_vote(keys, alone, demonyms) or focus
    containers = container_indexes(text, mentions)
    # A name the text places ("Bethel, Vt.") has only the readings inside its container.
    priors = [
        rank_candidates(
            c, m, Context(focus=focus, container=container_of(i, containers, first, first))
        )
        if c
        else []
        for i, (c, m) in enumerate(zip(candidates, mentions, strict=True))
    ]
    placed_first = sorted(range(len(mentions)), key=lambda i: i not in containers)
    readings = plausible_readings(
        [keys[i] for i in placed_first], [priors[i] for i in placed_first], focus
    )
    countries = frozenset(
        key
        for key, p in zip(keys, priors, strict=True)
        if p and p[0].entry.feature_code.startswith("PCL")
    )
    near = paired_readings(readings, countries)
    unit = region_of(readings, near, countries)
    chosen: list[GazetteerEntry | None] = list(first)
    rankings: list[list[Scored]] = [[] for _ in mentions]
    # Containers follow their contents in the text, so resolve right to left.
    for i in reversed(range(len(mentions))):
        if not candidates[i]:
            continue
        # A repeated name is not evidence for itself: "Paris ... Paris" must not vote France.
        others = [
            e
            for j, e in enumerate(chosen)
            if e is not None and normalise_name(mentions[j].lookup) != keys[i]
        ]
        context = Context(
            focus=focus,
            focus_admin1=unit,
            container=container_of(i, containers, chosen, first),
            countries=Counter(e.country_code for e in others if e.country_code),
            admin1s=Counter(e.admin1_code for e in others if e.admin1_code),
            near=near.get(keys[i]),
        )
        rankings[i] = rank_candidates(candidates[i], mentions[i], context)
        chosen[i] = rankings[i][0].entry
    chosen = one_sense(
        mentions,
        keys,
        chosen,
        {i: j for i, j in containers.items() if container_of(i, containers, chosen, first)},
    )
    for i, entry in enumerate(chosen):
        if entry is not None:
            others = [e for j, e in enumerate(chosen) if j != i and e is not None and e != entry]
            admins = mentions[i].admins
            noted = entry.country_code in gates[i] or named_admins_matched(entry, admins)
            if not noted and is_stray(entry, focus, others):
                # The next reading the document does support, if any ("Bagram" in a story on
                # Afghanistan: not the Iranian village that shares a variant spelling).
                supported = {e.country_code for e in others}
                chosen[i] = next(
                    (s.entry for s in rankings[i][1:] if s.entry.country_code in supported), None
                )
    return [to_place(m, e) for m, e in zip(mentions, chosen, strict=True)]


def container_of(
    i: int,
    containers: dict[int, int],
    chosen: Sequence[GazetteerEntry | None],
    first: Sequence[GazetteerEntry | None],
) -> GazetteerEntry | None:
    """Return the place the text puts mention i in; a country is in no other ("Russia, U.S.")."""
    container = chosen[containers[i]] if i in containers else None
    entry = first[i]
    if container is None or (entry is not None and entry.feature_code.startswith("PCL")):
        return None
    return container


def one_sense(
    mentions: Sequence[Mention],
    keys: Sequence[str],
    chosen: Sequence[GazetteerEntry | None],
    containers: dict[int, int],
) -> list[GazetteerEntry | None]:
    """Give every use of a name the reading it got where the text placed it ("Paris, Missouri").

    A writer keeps one sense of a name through a story, and says where it lies at most once.
    """
    placed: dict[tuple[str, str | None], GazetteerEntry] = {}
    for i, entry in enumerate(chosen):
        container = chosen[containers[i]] if i in containers else None
        if entry is not None and container is not None and is_inside(entry, container):
            placed.setdefault((keys[i], mentions[i].kind), entry)
    return [
        placed.get((keys[i], mentions[i].kind), entry) if entry is not None else None
        for i, entry in enumerate(chosen)
    ]


def plausible_readings(
    keys: Sequence[str], ranked: Sequence[Sequence[Scored]], focus: str | None
) -> dict[str, list[GazetteerEntry]]:
    """Map each distinct name to its readings in the focus country that score within
    PLAUSIBLE_MARGIN of its best one there (none for a name whose best reading is a country)."""
    readings: dict[str, list[GazetteerEntry]] = {}
    for key, scored in zip(keys, ranked, strict=True):
        inside = [s for s in scored if s.entry.country_code == focus]
        if key in readings or not inside or inside[0].entry.feature_code.startswith("PCL"):
            continue
        best = inside[0].score
        readings[key] = [
            s.entry for s in inside if s.score >= best - PLAUSIBLE_MARGIN and s.entry.admin1_code
        ]
    return readings


def country_vote(
    keys: Sequence[str], ranked: Sequence[Sequence[Scored]], demonyms: frozenset[str] = frozenset()
) -> str | None:
    """Infer the country a document is set in, as `region_of` does the state; None on a tie.

    Each distinct name spreads its vote (2 for a country, 1.5 for an admin unit, 1 for a town or
    a demonym) over the countries of its plausible readings, keeping to readings near a reading
    of another name when there are any: "Oxford" and "Cowley" are English together, "Woodstock"
    and "Tavistock" Canadian beside "Plattsville", whatever each would be alone. A name contested
    by well-known places of several countries votes only through such a pair ("London" and
    "Richmond" a few miles apart).
    """
    readings: dict[str, list[GazetteerEntry]] = {}
    contested: set[str] = set()
    for key, scored in zip(keys, ranked, strict=True):
        if key in readings or not scored:
            continue
        if is_contested([s.entry for s in scored]):
            contested.add(key)
            best = max(s.score for s in scored if is_prominent(s.entry))
        else:
            best = scored[0].score
        readings[key] = [
            s.entry for s in scored if s.score >= best - PLAUSIBLE_MARGIN and s.entry.country_code
        ]
    near = paired_readings(readings)
    votes: Counter[str] = Counter()
    for key, entries in readings.items():
        paired = [e for e in entries if e.geonameid in near[key]]
        if not entries or (key in contested and not paired):
            continue
        codes = {e.country_code for e in paired or entries}
        code = entries[0].feature_code
        weight = (
            1.0 if key in demonyms  # "Greek yoghurt" says less of the setting than "Greece"
            else 2.0 if code.startswith("PCL")
            else 1.5 if code.startswith("ADM")
            else 1.0
        )  # fmt: skip
        for c in codes:
            votes[c] += weight / len(codes)  # type: ignore[assignment]
    top = votes.most_common(2)
    if not top or (len(top) > 1 and top[1][1] >= top[0][1]):
        return None
    return top[0][0]


def region_of(
    readings: dict[str, list[GazetteerEntry]],
    near: dict[str, dict[int, float]],
    countries: frozenset[str] = frozenset(),
) -> str | None:
    """Infer the first-level unit a document is set in from the names it uses.

    Each distinct name spreads one vote evenly over the units of its plausible readings in the
    focus country (one sense per discourse): a name found in one state only ("Shakopee") votes
    for it whole, a name every state has ("Decatur") votes a little for each, and a state's own
    name ("Texas", "Ga.") votes more. Readings near a reading of another name ("Huntsville" and
    "Walker County") are the ones the story means, when there are any. Local news names its
    state and some unambiguous towns, and their sum settles the towns whose names recur across
    the country. A country's name votes only for the towns of its name that another name
    supports.
    """
    votes: Counter[str] = Counter()
    for key, entries in readings.items():
        paired = [e for e in entries if e.geonameid in near[key]]
        if key in countries and not paired:
            continue
        units = {e.admin1_code for e in paired or entries if e.admin1_code}
        weight = REGION_NAMED_WEIGHT if entries and entries[0].feature_code == "ADM1" else 1.0
        for code in units:
            votes[code] += weight / len(units)  # type: ignore[assignment]
    ranked_units = votes.most_common(2)
    if not ranked_units or ranked_units[0][1] < MIN_REGION_VOTES:
        return None
    if len(ranked_units) > 1 and ranked_units[1][1] >= ranked_units[0][1]:
        return None
    return ranked_units[0][0]


def paired_readings(
    readings: dict[str, list[GazetteerEntry]], countries: frozenset[str] = frozenset()
) -> dict[str, dict[int, float]]:
    """For each name, its readings that lie near a reading of another name, with the support:
    1 / the number of readings of the most specific such name ("Shakopee" 1, "Decatur" less).

    Towns and counties only (a state or country is near everything); readings are binned by
    whole degrees so that only neighbouring cells are compared. Two names of countries
    (`countries`) do not pair: "Mexico" and "Norway" are neighbouring towns in Maine, but a
    story naming both means the countries; "Lebanon" beside "Boone County" may be the town.
    """
    cells: dict[tuple[int, int], list[tuple[str, GazetteerEntry]]] = {}
    for key, entries in readings.items():
        for e in entries:
            if e.feature_class == "P" or e.feature_code == "ADM2":
                cell = (math.floor(e.latitude), math.floor(e.longitude))
                cells.setdefault(cell, []).append((key, e))
    near: dict[str, dict[int, float]] = {key: {} for key in readings}
    # A named state supports the readings inside it ("Monroe County" and "Missouri").
    states = {
        entries[0].admin1_code: STATE_SUPPORT / len(entries)
        for entries in readings.values()
        if entries and entries[0].feature_code == "ADM1"
    }
    for key, entries in readings.items():
        for e in entries:
            if key in countries:  # Mexico, New York is not meant because New York is named
                continue
            if e.feature_code != "ADM1" and (support := states.get(e.admin1_code)):
                near[key][e.geonameid] = support
    for (lat, lon), members in cells.items():
        around = [
            m
            for dlat in (-1, 0, 1)
            for dlon in (-1, 0, 1)
            for m in cells.get((lat + dlat, lon + dlon), ())
        ]
        for key, e in members:
            support = max(
                (
                    1 / len(readings[k])
                    for k, other in around
                    if k != key
                    and not (key in countries and k in countries)
                    and distance_km(e, other) < PAIR_KM
                ),
                default=0.0,
            )
            if support:
                near[key][e.geonameid] = max(support, near[key].get(e.geonameid, 0.0))
    return near


def containing_place(text: str, places: Sequence[Place], place: Place) -> Place | None:
    """Return the place the text says `place` lies in ("the X area of Y" → Y), else None.

    Use it when an event's place did not resolve: fall back to its container's coordinates
    (ACLED geo_precision 2).
    """
    ordered = sorted(places, key=lambda p: p.start)
    for current, following in zip(ordered, ordered[1:], strict=False):
        if current.start == place.start and current.end == place.end:
            gap = text[current.end : following.start]
            if len(gap) <= MAX_GAP and CONTAINER_GAP.match(gap):
                return following
            return None
    return None
