"""Find an incident's arguments in its sentence: place, attacker, victims, death toll, date.

Every function here reads a parsed sentence and the mentions other components found
(`doc._.places`, `doc._.actors`) and returns plain values; nothing is written to the Doc.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimgraph.model import Actor, EventActor, Location, Place
from claimgraph.resolve.demonyms import country_for_demonym
from claimgraph.resolve.focus import country_name
from claimgraph.resolve.numbers import Count, find_death_counts, parse_count

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
# Person nouns that make a singular victim countable as one death ("a commander was killed").
PERSON_NOUNS = frozenset(
    {
        "man",
        "woman",
        "boy",
        "girl",
        "child",
        "person",
        "commander",
        "leader",
        "figure",
        "operative",
        "member",
        "militant",
        "soldier",
        "officer",
        "policeman",
        "journalist",
        "official",
        "student",
        "teacher",
        "worker",
        "farmer",
        "driver",
        "cleric",
        "activist",
        "politician",
        "civilian",
        "associate",
        "fighter",
        "insurgent",
        "terrorist",
        "guard",
        "trader",
        "shopkeeper",
        "elder",
        "chief",
        "doctor",
        "lawyer",
        "judge",
        "resident",
        "villager",
        "mayor",
        "councillor",
        "priest",
        "imam",
        "tribesman",
        "policewoman",
        "constable",
        "sepoy",
        "jawan",
        "trooper",
        "colonel",
        "major",
        "captain",
        "general",
        "brigadier",
        "sergeant",
        "lieutenant",
        "militiaman",
        "gunman",
    }
)
KILLING_LEMMAS = frozenset(
    {
        "kill",
        "killing",
        "shoot",
        "murder",
        "assassinate",
        "assassination",
        "behead",
        "execute",
        "slay",
        "eliminate",
        "lynch",
        "massacre",
        "die",
        "dead",
        "death",
        "gun",
        "hack",
        "burn",
    }
)
# Relatives named as further victims ("a villager and his son").
KIN_NOUNS = frozenset(
    {
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
        "father",
        "mother",
        "nephew",
        "niece",
        "cousin",
        "relative",
        "uncle",
        "aunt",
        "grandson",
        "granddaughter",
    }
)
DEADLY_WORDS = frozenset({"deadly", "fatal", "lethal", "bloody", "killer"})
COMPANION_PREPOSITIONS = frozenset({"alongside", "with"})


@dataclass(frozen=True, slots=True)
class Fatalities:
    """A death toll: the conservative count and its range; all None when no death is stated."""

    best: int | None
    low: int | None
    high: int | None


NO_FATALITIES = Fatalities(None, None, None)


def tree_distance(a: Token, b: Token) -> int:
    """Return the number of dependency arcs between two tokens of one sentence."""
    path_a = [a, *a.ancestors]
    depth_of = {t.i: depth for depth, t in enumerate(path_a)}
    for depth_b, t in enumerate([b, *b.ancestors]):
        if t.i in depth_of:
            return depth_of[t.i] + depth_b
    return 99


def governing_preposition(token: Token) -> str | None:
    """Return the preposition a noun hangs from, following compounds and appositions up."""
    node = token
    while node.dep_ in {"compound", "appos", "conj", "amod", "nmod"} and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj":
        return node.head.lower_
    return None


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
    scored = []
    for place in places_in(sentence, places):
        if any(a.start <= place.start and place.end <= a.end for a in actors):
            continue
        if place.start == sentence.start_char and place.text.isupper() and len(place.text) > 3:
            continue  # "PESHAWAR, March 14 —": the dateline says where the story was filed
        token = token_at(sentence, place.end - 1)
        if says_who(place, token, trigger):
            continue
        distance = tree_distance(trigger, token)
        preposition = governing_preposition(token)
        if preposition in ORIGIN_PREPOSITIONS and preposition != "of":
            distance += 6
        elif preposition in SCENE_PREPOSITIONS:
            distance -= 1
        if trigger.is_ancestor(token) and token.dep_ not in MODIFIER_DEPS | {"amod"}:
            distance -= 2  # "the attack in Russia": the trigger's own modifier beats a neighbour's
        if place.geonameid is None:
            distance += 0.5  # type: ignore[assignment]
        if country_for_demonym(place.text) is not None:
            distance += 3  # "a Russian general killed in Syria": the adjective is who, not where
        if names_something_else(token, trigger):
            distance += 3  # "the Vienna process", "the Chicago Police Department"
        scored.append((distance, place.start, place))
    scored.sort(key=lambda s: (s[0], s[1]))
    return [place for _, _, place in scored]


def mention_head(token: Token) -> Token:
    """Return the token a multi-word name hangs from ("Abu" in "Abu Kamal" -> "Kamal")."""
    node = token
    while node.dep_ in {"compound", "flat"} and node.head.i != node.i and node.head.pos_ == "PROPN":
        node = node.head
    return node


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
    if not country:
        return False
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
        e.label_ == "ORG" and e.start <= head.i < e.end and len(e) > 1 for e in token.doc.ents
    )
    return in_organisation or (noun.pos_ == "NOUN" and noun.lemma_.lower() not in SITE_NOUNS)


def paragraph_scene(
    sentence: Span, places: Sequence[Place], actors: Sequence[Actor] = ()
) -> Place | None:
    """Return the place a sentence without one is most likely about: the paragraph's.

    The nearest resolved place named earlier in the paragraph, else later in it; demonyms,
    places inside actor names and a paragraph-opening dateline are left out. A hook for
    events' `choose_location`, between the sentence's own places and the document focus.
    """
    text = sentence.doc._.document.text if sentence.doc._.document else sentence.doc.text
    start = text.rfind("\n", 0, sentence.start_char) + 1
    end = text.find("\n", sentence.end_char)
    end = len(text) if end < 0 else end

    def usable(place: Place) -> bool:
        return (
            place.geonameid is not None
            and country_for_demonym(place.text) is None
            and not any(a.start <= place.start and place.end <= a.end for a in actors)
            and not (place.start == start and place.text.isupper())
        )

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


# Verbs that make a noun trigger the act of their subject: "X carried out an attack".
PERPETRATION_VERBS = frozenset(
    {
        "carry",
        "launch",
        "conduct",
        "stage",
        "mount",
        "perpetrate",
        "commit",
        "unleash",
        "execute",
        "detonate",
        "plant",
        "orchestrate",
        "mastermind",
        "organise",
        "organize",
        "lead",
        "hold",
        "undertake",
        "begin",
        "start",
        "resume",
        "intensify",
        "escalate",
        "step",
        "claim",
        "accept",
        "initiate",
        "wage",
        "fire",
        "seize",
        "take",
    }
)
# Nouns a trigger can be counted or framed by: "a series of attacks", "responsibility for it".
FRAME_PREPOSITIONS = frozenset({"of", "for"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Verbs whose subject undergoes the event ("three soldiers died", "a bomb exploded").
UNDERGOING_VERBS = frozenset({"die", "perish", "succumb", "explode", "collapse", "drown"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


def subjects(verb: Token) -> list[Token]:
    """Return the agents of a verb: its active subject or the "by" phrase of its passive."""
    found = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    found += [
        pobj
        for c in verb.children
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
        for pobj in c.children
        if pobj.dep_ == "pobj"
    ]
    if not found and is_passive(verb):
        found = stray_agents(verb)
    # "militants who attacked": the relative pronoun stands for the noun the clause modifies.
    return [
        verb.head if t.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else t for t in found
    ]


def is_passive(verb: Token) -> bool:
    """Tell whether a verb is passive ("were shot", "killed by", a bare participle)."""
    return verb.tag_ == "VBN" or any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def stray_agents(verb: Token) -> list[Token]:
    """Return a passive's "by" phrase the parser hung lower in its clause.

    "were shot dead in their home by special forces": the agent attaches to "dead" or "home",
    but no other verb stands between it and the trigger.
    """
    for token in verb.subtree:
        if token.lower_ != "by" or token.dep_ not in {"prep", "agent"} or token.head.i == verb.i:
            continue
        between = [a for a in token.ancestors if a.i != verb.i and verb.is_ancestor(a)]
        if any(a.pos_ in {"VERB", "AUX"} for a in between):
            continue
        pobjs = [c for c in token.children if c.dep_ == "pobj"]
        if pobjs:
            return pobjs
    return []


def inherited_subjects(verb: Token) -> list[Token]:
    """Return the agents a verb without its own takes from the clause it depends on.

    "stormed the village and killed five" (conjoined verbs share a subject); "killed and
    beheaded by X" (the last conjunct's agent); "launched attacks, killing 130" (a participle
    acts for the main subject); "claimed to have hit" (the controller of an infinitive);
    "gunmen attacking a checkpoint" (the noun a participle modifies).
    """
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return subjects(verb.head) or inherited_subjects(verb.head)
    if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.tag_ in {"VB", "VBG"}):
        return subjects(verb.head) or inherited_subjects(verb.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [verb.head]
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or verb.tag_ == "VBN"
    if passive or reduced_passive(verb):
        # "killed and allegedly beheaded by X": the agent written after the last conjunct.
        for conj in verb.conjuncts:
            found = [t for t in subjects(conj) if t.dep_ == "pobj"]
            if found:
                return found
    return []


def reduced_passive(verb: Token) -> bool:
    """Tell whether a verb the parser gave a subject is a passive without its auxiliary.

    "Soldier killed in attack" (a headline's participle) and "a soldier killed and beheaded by
    troops" (a conjunct carries the agent) put the victim where the subject would be.
    """
    if any(c.dep_ in {"aux", "auxpass", "dobj"} for c in verb.children):
        return False
    if verb.tag_ == "VBN":
        return True
    return any(
        c.dep_ == "agent" for conj in verb.conjuncts if conj.tag_ == "VBN" for c in conj.children
    )


def perpetration_verb(noun: Token) -> Token | None:
    """Return the verb that makes a noun trigger its subject's act ("X launched attacks")."""
    node = noun
    while (
        node.dep_ == "pobj"
        and node.head.lower_ in FRAME_PREPOSITIONS
        and node.head.head.pos_ in {"NOUN", "PROPN"}
    ):
        node = node.head.head  # "a series of attacks", "responsibility for the bombing"
    if node.dep_ in {"dobj", "nsubjpass"} and node.head.lemma_.lower() in PERPETRATION_VERBS:
        return node.head
    return None


def sides_of(noun: Token) -> list[Token]:
    """Return the first side named in a noun's "between X and Y" phrase."""
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "between"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def argument_tokens(trigger: Token) -> tuple[list[Token], list[Token]]:
    """Return (agent heads, patient heads) of a trigger from the parse."""
    agents: list[Token] = []
    patients: list[Token] = []
    verb = trigger
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            agents.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in {"nsubj"}:
            acts = verb.pos_ == "VERB" and verb.lemma_.lower() not in UNDERGOING_VERBS
            (agents if acts and not reduced_passive(verb) else patients).append(child)
        elif child.dep_ in {"nsubjpass", "dobj"}:
            patients.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"of", "on", "against", "targeting"}:
            patients.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ == "between":
            # "a battle between troops and militants": the first side acts, the second is met.
            for side in sides_of(verb):
                agents.append(side)
                patients.extend(side.conjuncts)
        elif child.dep_ in {"compound", "poss", "amod", "nmod"} and verb.pos_ in {"NOUN", "PROPN"}:
            if child.lower_ in {"led", "backed", "sponsored"}:
                agents.extend(child.children)  # "a US-led strike"
            else:
                agents.append(child)
    if verb.pos_ == "VERB" and not agents and is_passive(verb):
        agents.extend(stray_agents(verb))
    if verb.pos_ == "VERB" and (
        reduced_passive(verb) or not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    ):
        agents.extend(inherited_subjects(verb))
    for child in verb.children:
        if child.dep_ == "acl" and verb.pos_ in {"NOUN", "PROPN"}:
            agents.extend(
                t for t in subjects(child) if t.dep_ == "pobj"
            )  # "attacks carried out by X"
        elif child.dep_ == "prep" and child.lower_ in {"in", "during", "amid"}:
            # "killed in a battle between troops and militants"
            for frame in (c for c in child.children if c.dep_ == "pobj"):
                for side in sides_of(frame):
                    agents.append(side)
                    patients.extend(side.conjuncts)
    if verb.pos_ in {"NOUN", "PROPN"}:
        support = perpetration_verb(verb)
        if support is not None:
            agents.extend(subjects(support) or inherited_subjects(support))
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN" and not own_subject:
        patients.append(verb.head)  # "centers ... destroyed by gunmen": the noun is the patient
    if verb.dep_ == "advcl" and verb.tag_ == "VBN":
        patients.extend(c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"})
    if verb.dep_ in {"oprd", "acomp"} and verb.head.i != verb.i:
        return argument_tokens(verb.head)
    return agents, patients


# Dependents that stay inside the noun phrase naming an agent ("the militants of ISIS", "police
# and troops"); a clause or a prepositional phrase beyond them says something else.
CORE_DEPS = frozenset(
    {"compound", "amod", "poss", "appos", "conj", "cc", "nmod", "det", "nummod", "quantmod", "case"}
)


def core_tokens(token: Token) -> list[Token]:
    """Return the tokens of the noun phrase a token heads, without clauses and other PPs."""
    core = [token]
    for child in token.children:
        if child.dep_ in CORE_DEPS:
            core.extend(core_tokens(child))
        elif child.dep_ == "prep" and child.lower_ == "of":
            core.append(child)
            core.extend(t for pobj in child.children for t in core_tokens(pobj))
    return core


def actor_in(
    tokens: Sequence[Token], actors: Sequence[Actor], skip: Token | None = None
) -> Actor | None:
    """Return the first actor mention inside the noun phrases, then the subtrees, of the tokens.

    A head that itself names people ("intelligence forces") is not searched beyond its noun
    phrase: "detained by intelligence forces ... in connection with the terrorist attack" has
    no terrorist agent; when the first agent names someone outside the lexicon, there is no
    lexicon actor (`named_agent` gives it as written). The subtree of `skip` (the trigger) is
    left out: "centers destroyed by gunmen" has the gunmen inside the patient's subtree, but
    they are the agent.
    """
    skipped = {t.i for t in skip.subtree} if skip is not None else set()

    def first_in(span_tokens: Sequence[Token]) -> Actor | None:
        for actor in actors:
            if any(t.idx <= actor.start < t.idx + len(t) for t in span_tokens):
                return actor
        return None

    for token in tokens:
        found = first_in([t for t in core_tokens(token) if t.i not in skipped])
        if found is not None:
            return found
        if skip is None and token.lower_ not in PRONOUNS and unlisted_agent(token) is not None:
            return None  # the first agent names someone the lexicon does not know
    for token in tokens:
        if token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in GROUP_NOUNS:
            continue
        own = skip is not None and token.is_ancestor(skip)
        found = first_in([t for t in token.subtree if not own or t.i not in skipped])
        if found is not None:
            return found
    return None


PRONOUNS = frozenset({"he", "she", "they", "it", "who", "which", "that", "him", "them", "we", "i"})
NAME_ENTITIES = frozenset({"ORG", "NORP", "PERSON", "GPE"})
COUNTRY_ENTITIES = frozenset({"GPE", "NORP"})
# Nouns for people acting together: an agent headed by one is an actor even when unnamed.
GROUP_NOUNS = PERSON_NOUNS | frozenset(
    {
        "force",
        "troop",
        "group",
        "militia",
        "gang",
        "unit",
        "brigade",
        "regime",
        "government",
        "coalition",
        "rebel",
        "guerrilla",
        "individual",
        "youth",
        "supporter",
        "mob",
        "crowd",
        "warlord",
        "army",
        "police",
        "jihadist",
        "extremist",
        "separatist",
        "loyalist",
        "squad",
        "cell",
        "faction",
        "agent",
        "service",
        "authority",
        "suspect",
        "perpetrator",
        "culprit",
        "killer",
        "murderer",
        "sniper",
        "hijacker",
        "robber",
        "raider",
        "looter",
        "intruder",
        "accomplice",
        "teenager",
        "thug",
        "vigilante",
        "hooligan",
        "shooter",
        "bomber",
        "attacker",
        "assailant",
        "kidnapper",
        "abductor",
    }
)
# A country modifying these is where the people come from, not who acted ("Venezuelan protests").
PROTEST_NOUNS = frozenset(
    {"protest", "demonstration", "rally", "march", "riot", "strike", "unrest"}
)


def country_state_force(token: Token, span: Span) -> EventActor | None:
    """Return "Military Forces of X" for a country or demonym as agent ("Russia bombed")."""
    if token.dep_ in {"amod", "compound", "nmod", "poss"} and token.head.lemma_.lower() in (
        PROTEST_NOUNS
    ):
        return None
    places = token.doc._.places or []
    code = next(
        (
            p.country_code
            for p in places
            if p.start < span.end_char
            and span.start_char < p.end
            and (p.feature_code or "").startswith("PCL")
        ),
        None,
    ) or country_for_demonym(span.text)
    name = country_name(code) if code else None
    if name is None:
        return None
    return EventActor(name=f"Military Forces of {name}", text=span.text, kind="state")


MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def in_place(token: Token) -> bool:
    """Tell whether a token lies inside a toponym mention."""
    return any(p.start <= token.idx < p.end for p in token.doc._.places or [])


def noun_phrase(token: Token) -> Span:
    """Return a noun with its pre-modifiers, no determiner ("the rebel fighters")."""
    start = token.i
    for child in sorted(token.lefts, key=lambda t: -t.i):
        if child.i == start - 1 and child.dep_ in {"compound", "amod", "nmod", "npadvmod"}:
            start = min(t.i for t in child.subtree)
        else:
            break
    return token.doc[start : token.i + 1]


def named_agent(agents: Sequence[Token]) -> EventActor | None:
    """Return an agent the lexicon does not know but the text names ("ETA", "Russia", "the rebels").

    A named group or person is given as written, its ACLED kind unknown rather than guessed; a
    country acting is its military, as coders code it; an unnamed group or person ("intelligence
    forces", "a gunman's accomplice") is given as written; "they" is the plural subject of the
    sentence before.
    """
    for token in agents:
        if token.lower_ in PRONOUNS:
            antecedent = previous_subject(token.sent) if token.lower_ == "they" else None
            if antecedent is None or antecedent.tag_ not in {"NNS", "NNPS"}:
                continue
            token = antecedent  # "Separatist fighters crossed the border. They seized ..."
        found = unlisted_agent(token)
        if found is not None:
            return found
    return None


def unlisted_agent(token: Token) -> EventActor | None:
    """Return the actor one agent token names as written, or None when it names nobody."""
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ in NAME_ENTITIES:
            if ent.label_ in COUNTRY_ENTITIES:
                state = country_state_force(token, ent)
                if state is not None or ent.label_ == "GPE":
                    return state  # a town is where, not who ("the Orlando shooting")
            name = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
            return EventActor(name=name.text, text=name.text, kind=None)
    # A name the tagger does not know is an agent as subject or "by" phrase; as a modifier
    # of the trigger ("the Cavehill Road bombing") it is more often the scene.
    named = token.pos_ == "PROPN" and token.dep_ not in MODIFIER_DEPS and not in_place(token)
    if named or (token.pos_ == "NOUN" and token.lemma_.lower() in GROUP_NOUNS):
        phrase = noun_phrase(token).text
        return EventActor(name=phrase, text=phrase, kind=None)
    return None


def previous_subject(sentence: Span) -> Token | None:
    """Return the subject of the main clause of the sentence before, if any."""
    if sentence.start == 0:
        return None
    before = sentence.doc[sentence.start - 1].sent
    return next((c for c in before.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def preceding_actor(
    agents: Sequence[Token], actors: Sequence[Actor], sentence: Span, reach: int = 600
) -> Actor | None:
    """Resolve a pronoun agent ("they attacked") to an actor named shortly before it.

    The subject of the sentence before is the likeliest antecedent; failing an actor there,
    the nearest actor mention within `reach` characters.
    """
    if not any(t.lower_ in PRONOUNS for t in agents):
        return None
    subject = previous_subject(sentence)
    if subject is not None:
        found = actor_in([subject], actors)
        if found is not None and found.kind != "civilians":
            return found
    start = sentence.start_char
    earlier = [a for a in actors if start - reach <= a.start < start and a.kind != "civilians"]
    return earlier[-1] if earlier else None


def to_event_actor(actor: Actor | None) -> EventActor | None:
    """Turn an actor mention into an event argument."""
    if actor is None:
        return None
    return EventActor(name=actor.name, text=actor.text, kind=actor.kind)


def closest_trigger(token: Token, triggers: Sequence[Token]) -> Token:
    """Return the trigger nearest to a token in the parse (the first one on ties)."""
    return min(triggers, key=lambda t: tree_distance(t, token))


# Entities a number may belong to that do not count people ("July 25", "a 27 year old").
NOT_HEADCOUNT_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def number_on(token: Token) -> Count | None:
    """Read the number written on one victim noun ("three cadres", "at least 12 people")."""
    # "killed two", "two of them": the number is the victim itself.
    numbers = [token] if token.like_num else [c for c in token.children if c.dep_ == "nummod"]
    numbers = [n for n in numbers if n.ent_type_ not in NOT_HEADCOUNT_ENTITIES]
    # "a class nine student": a number after a noun of its phrase is a label, not a count.
    numbers = [n for n in numbers if not (n.i > 0 and n.doc[n.i - 1].dep_ == "compound")]
    if not numbers:
        return None
    left = min(t.i for n in numbers for t in n.subtree if t.i <= n.i)
    right = max(n.i for n in numbers) + 1
    # Widen leftwards for qualifiers such as "at least" / "more than".
    for start in (left - 2, left - 1, left):
        count = parse_count(token.doc[max(start, token.sent.start) : right].text)
        if count is not None:
            return count
    return None


def is_one_person(token: Token) -> bool:
    """Tell whether a victim noun names one person ("a policeman", "Ajay Yadav", "his son")."""
    if token.ent_type_ == "PERSON" and token.tag_ == "NNP":
        return True
    return token.lemma_.lower() in PERSON_NOUNS | KIN_NOUNS and token.tag_ in {"NN", "NNP"}


INJURY_LEMMAS = frozenset({"injure", "wound", "hurt"})


def is_injured(token: Token) -> bool:
    """Tell whether a conjoined victim group is the injured one ("and three others injured")."""
    following = token.doc[token.i + 1 : min(token.i + 4, token.sent.end)]
    return any(t.lemma_.lower() in INJURY_LEMMAS for t in following)


def spells_out(group: Sequence[Token]) -> bool:
    """Tell whether a group's later members only detail its first ("three civilians, two men
    and one woman"): their counts add up to the first's."""
    whole = number_on(group[0])
    parts = [number_on(t) or (Count(1, 1, 1) if is_one_person(t) else None) for t in group[1:]]
    return (
        whole is not None
        and bool(parts)
        and all(parts)
        and sum(p.value or 0 for p in parts if p) == whole.value
    )


def listed_apposition(head: Token) -> list[Token]:
    """Return the further victims of a list the parser took for an apposition.

    "Six policemen, two cadres and a civilian were killed" is three groups; "three civilians,
    two men and a woman" only says who the three were (its parts add up to the head's count).
    """
    for appos in (c for c in head.children if c.dep_ == "appos" and number_on(c)):
        listed = [appos, *appos.conjuncts]
        return [] if spells_out([head, *listed]) else listed
    return []


def victim_count(patients: Sequence[Token], trigger: Token) -> Count | None:
    """Count the victims written as a killing's objects, adding up conjoined groups.

    "Six policemen, two cadres and a civilian were killed" is 9; "killed a villager and his
    son" is 2; a plural without a number ("and militants") adds at least 2 and leaves the best
    value unknown. None when no victim carries a number or names one person.
    """
    heads = list(patients)
    heads += [
        pobj
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ in COMPANION_PREPOSITIONS
        for pobj in c.children
        if pobj.dep_ == "pobj"
    ]
    # Parser slips on victim lists: "his son" conjoined to the verb ("shot dead a person and his
    # son"), a name as a second subject ("A policeman, Harnarayan Thakur was killed").
    if not any(number_on(h) for h in heads):
        heads += [
            c
            for c in trigger.children
            if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"} and not is_injured(c)
        ]
    subjects_seen: set[str] = set()
    members: dict[int, Token] = {}
    for head in heads:
        if head.dep_ in {"nsubj", "nsubjpass"} and head.head.i == trigger.i:
            if head.dep_ in subjects_seen:
                continue
            subjects_seen.add(head.dep_)
        group = [head, *head.conjuncts, *listed_apposition(head)]
        if not any(c.dep_ == "cc" for t in group for c in t.children) or spells_out(group):
            group = [head]  # "a policeman, Harnarayan Thakur,": an apposition, not two people
        for token in group:
            if token is not head and (token.like_num or is_injured(token)):
                continue  # "Dhanesh (25) and ...": an age; "and three others injured"
            if token.pos_ in {"NOUN", "PROPN", "NUM"}:
                members.setdefault(token.i, token)
    value: int | None = 0
    low = 0
    high: int | None = 0
    counted = False
    for token in members.values():
        count = number_on(token)
        if count is None and is_one_person(token):
            count = Count(1, 1, 1)
        if count is None:
            if token.tag_ in {"NNS", "NNPS"}:
                value, low, high = None, low + 2, None  # "and militants": at least two
            continue
        counted = True
        value = None if value is None or count.value is None else value + count.value
        low += count.low
        high = None if high is None or count.high is None else high + count.high
    return Count(value, low, high) if counted else None


# Killing verbs that also wound: their victims died only when the text says so ("shot dead").
WOUNDING_LEMMAS = frozenset({"shoot", "burn", "hack", "stab", "beat"})


def says_dead(trigger: Token) -> bool:
    """Tell whether a wounding verb says its victims died ("shot dead", "hacked to death")."""
    words = {c.lower_ for c in trigger.children} | {
        t.lower_ for c in trigger.children for t in c.children
    }
    return bool(words & {"dead", "death", "fatally"})


def fatalities_for(
    trigger: Token, patients: Sequence[Token], sentence: Span, rivals: Sequence[Token] = ()
) -> Fatalities:
    """Return the death toll the sentence gives for the incident around a trigger.

    A death phrase found in the sentence text belongs to the trigger closest to it in the
    parse; `rivals` are the heads of the sentence's other incidents' triggers.
    """
    lemma = trigger.lemma_.lower()
    is_killing = lemma in KILLING_LEMMAS or trigger.lower_ in KILLING_LEMMAS
    # The killing's own victims: an incident's other triggers ("two others were injured") have
    # patients that did not die.
    counts_victims = is_killing and not (lemma in WOUNDING_LEMMAS and not says_dead(trigger))
    count = victim_count(argument_tokens(trigger)[1], trigger) if counts_victims else None
    if count is None:
        offset = sentence.start_char
        mentions = [
            m
            for m in find_death_counts(sentence.text)
            if closest_trigger(token_at(sentence, offset + m.start), [trigger, *rivals]).i
            == trigger.i
        ]
        if mentions:
            nearest = min(mentions, key=lambda m: abs(offset + m.start - trigger.idx))
            count = nearest.count
    if count is not None:
        return Fatalities(count.value, count.low, count.high)
    if is_killing and (lemma in {"die", "dead", "death"} or trigger.lower_ in {"killed", "shot"}):
        return Fatalities(None, 1, None)
    if any(t.lower_ in DEADLY_WORDS for t in trigger.children):
        return Fatalities(None, 1, None)
    return NO_FATALITIES
