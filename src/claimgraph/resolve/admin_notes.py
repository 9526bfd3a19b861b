"""Admin units in brackets after a place, as conflict coders write them (part of place resolution).

"Sinjar (Sinjar, Ninewa)", "Tumbun Rago (Kukawa, Borno state)": each name before or inside
the brackets is constrained by the names after it; names are compared folded, with a fuzzy
tolerance for transliteration. See `claimgraph.resolve.places` for the whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from claimgraph.gazetteer.lookup import Gazetteer, GazetteerEntry, normalise_name
from claimgraph.resolve.focus import country_name
from claimgraph.resolve.place_base import DIRECTION_WORDS, Mention, is_inside, is_prominent

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
    return bool(core_a) and core_a[:1] == core_b[:1] and fuzz.ratio(core_a, core_b) >= NAME_MATCH


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
