"""Resolve toponym mentions to gazetteer entries by ranking candidates with explainable features.

Features (each adds to a score and names itself in `reasons`): prominence (log population),
feature kind (country, admin unit, capital, named region), a kind the text asks for ("Kasur
District" wants an ADM2), the document's country focus, an explicit container ("X, Y",
"X in Y", "the X area of Y": inside it or not), and agreement with the other places of the
document (same country, same province). Weights were set by judgement on invented examples,
then checked on the LGL/TR-News dev corpora (benchmarks/geoparse.py); they are not fitted.

An unresolved mention still comes out as a Place (name None); `containing_place` finds the
place it was said to lie in, for an event coder's fallback.

This module resolves a document's mentions (`resolve_mentions`); the features that score a
candidate are `place_scoring`'s, the admin units in brackets `admin_notes`'s, what the
document's places say of each other (focus country and state, one sense per name, readings
that support each other, containers) `place_context`'s, and the values they share
`place_base`'s.

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

from collections import Counter
from collections.abc import Sequence

from claimgraph.gazetteer.lookup import Gazetteer, GazetteerEntry, normalise_name
from claimgraph.model import Place
from claimgraph.resolve.admin_notes import (
    admin_countries,
    admin_notes,
    named_admins_matched,
    within_named_units,
)
from claimgraph.resolve.focus import country_focus
from claimgraph.resolve.place_base import Context, Mention, Scored
from claimgraph.resolve.place_context import (
    container_indexes,
    container_of,
    country_vote,
    focus_voters,
    one_sense,
    paired_readings,
    plausible_readings,
    region_of,
)
from claimgraph.resolve.place_scoring import is_stray, lookup_candidates, rank_candidates, to_place


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
