"""Words the parse triggers read (part of events.v1): the verbs, nouns and entity labels by
which `claimgraph.nlp.event_parse_triggers` tells an air strike, a gathering, a new group, a
pact, a directive, a mine, ground taken and a military strike from their clauses.
"""

from __future__ import annotations

AIR_VERBS = frozenset(
    {
        "bomb",
        "strike",
        "hit",
        "attack",
        "target",
        "pound",
        "raid",
        "fire",
        "kill",
        "destroy",
        "shell",
        "drop",
        "blast",
        "rake",
        "strafe",
    }
)


GATHER_VERBS = frozenset(
    {
        "gather",
        "assemble",
        "converge",
        "congregate",
        "rally",
        "march",
        "walk",
        "parade",
        "demonstrate",
        "mass",
    }
)


NAMING_VERBS = frozenset(
    {
        "name",
        "appoint",
        "announce",
        "elect",
        "choose",
        "select",
        "install",
        "pick",
        "nominate",
        "designate",
        "declare",
        "unveil",
    }
)


GROUP_NOUNS = frozenset(
    {
        "group",
        "militia",
        "faction",
        "coalition",
        "alliance",
        "movement",
        "outfit",
        "wing",
        "brigade",
        "front",
        "organisation",
        "organization",
        "battalion",
        "unit",
        "force",
        "splinter",
        "franchise",
        "branch",
    }
)


FOUNDING_VERBS = frozenset({"launch", "form", "create", "found", "establish", "set", "announce"})


ACTIVITY_NOUNS = frozenset(
    {
        "neutrality",
        "ceasefire",
        "truce",
        "operation",
        "agitation",
        "attack",
        "activity",
        "campaign",
        "hostility",
        "offensive",
        "insurgency",
        "struggle",
        "fighting",
        "protest",
        "strike",
        "violence",
        "boycott",
    }
)


BUILDING_VERBS = frozenset({"establish", "set", "build", "open", "construct", "install", "erect"})


AGREEMENT_NOUNS = frozenset(
    {
        "agreement",
        "pact",
        "accord",
        "deal",
        "treaty",
        "truce",
        "ceasefire",
        "cease-fire",
        "memorandum",
        "protocol",
        "settlement",
        "understanding",
        "pledge",
        "declaration",
        "roadmap",
    }
)


SIGNING_VERBS = frozenset({"sign", "reach", "conclude", "strike", "broker", "ink", "seal", "agree"})


DIRECTIVE_VERBS = frozenset({"impose", "declare", "announce", "issue", "enforce", "send", "slap"})


POSTING_VERBS = frozenset({"distribute", "post", "drop", "circulate", "paste", "leave", "send"})


CLOSABLE = frozenset({"airspace", "border", "internet", "crossing"})


MINE_MODIFIERS = frozenset({"anti", "tank", "personnel", "land", "unexploded", "roadside"})


MINE_VERBS = frozenset({"hit", "step", "trigger", "strike", "run", "detonate", "explode"})


CONTROL_VERBS = frozenset({"take", "seize", "gain", "wrest", "assume", "grab", "win"})


REGAIN_VERBS = frozenset({"regain", "retake", "recapture", "reclaim", "restore"})


GROUP_EVENTS = frozenset(
    {"formation", "creation", "launch", "establishment", "dissolution", "merger", "disbandment"}
)


STRIKE_TARGETS = frozenset(
    {"hideout", "position", "target", "camp", "compound", "base", "stronghold", "facility",
     "militant", "fighter", "insurgent", "sanctuary", "post", "installation", "depot", "convoy"}
)  # fmt: skip


STRIKE_VERBS = frozenset({"carry", "conduct", "launch", "mount", "execute"})


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
