"""Who acted: an incident's agent and patient heads from the parse, resolved to actors.

The agent is read off the trigger's clause (subject, "by" phrase, "X carried out an attack",
"X-led"), from the clause it depends on (conjoined verbs, participles, infinitives), or from
the sentence before ("they"); the lexicon names it, and an agent it does not know is given
as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from claimgraph.model import Actor, EventActor
from claimgraph.nlp.extensions import entities
from claimgraph.nlp.syntax import prep_objects
from claimgraph.resolve.demonyms import country_for_demonym
from claimgraph.resolve.focus import country_name

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
    return prep_objects(noun, {"between"})


# Trigger nouns that name the people acting.
ACTING_NOUNS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher"})
BLAME_VERBS = frozenset({"blame", "attribute"})


def is_clause_subject(noun: Token) -> bool:
    """Tell whether a noun is its clause's subject ("protesters marched", "thousands of
    protesters marched"), not an object ("police beat protesters", "the killing of protesters")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head
    return noun.dep_ in {"nsubj", "ROOT"}


BLAME_PREPOSITIONS = frozenset({"on", "to"})


def blamed(noun: Token) -> list[Token]:
    """Return whom the text blames for a noun trigger ("blamed the attack on X")."""
    verbs = [c for c in noun.children if c.dep_ in {"relcl", "acl"}]
    found: list[Token] = []
    if noun.dep_ in {"dobj", "nsubjpass"}:
        verbs.append(noun.head)
        if noun.head.lemma_.lower() in BLAME_VERBS:  # "blamed the attack on X", "on" on the noun
            found += prep_objects(noun, BLAME_PREPOSITIONS)
    found += [
        pobj
        for verb in verbs
        if verb.lemma_.lower() in BLAME_VERBS
        for pobj in prep_objects(verb, BLAME_PREPOSITIONS, {"prep", "dative"})
    ]
    framed = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
    if framed is not None and framed.head.lemma_.lower() in BLAME_VERBS:
        found += [c for c in framed.head.children if c.dep_ == "dobj"]
    return found


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
            # A word with a direct object acts on it, whatever the tagger called it: "two men
            # ... shot dead a shopkeeper" parsed with "dead" as the head.
            acts = acts or any(c.dep_ == "dobj" for c in verb.children)
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
        if verb.lemma_.lower() in ACTING_NOUNS and is_clause_subject(verb):
            agents.append(verb)  # "demonstrators marched" names who held the protest
        agents.extend(blamed(verb))
        support = perpetration_verb(verb)
        if support is not None:
            agents.extend(subjects(support) or inherited_subjects(support))
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    if verb.dep_ == "conj" and not own_subject and not any(c.dep_ == "dobj" for c in verb.children):
        # "was abducted and subsequently killed": conjoined passives share their victim.
        patients.extend(c for c in verb.head.children if c.dep_ == "nsubjpass")
    if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN" and not own_subject:
        if any(c.dep_ == "dobj" for c in verb.children):
            # "Wagner-backed troops killed at least 14 people" parsed as a reduced relative:
            # with an object of its own the participle is the noun's act, not done to it.
            agents.append(verb.head)
        else:
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
        own = skip is not None and token.is_ancestor(skip)
        found = first_in([t for t in core_tokens(token) if not own or t.i not in skipped])
        if found is not None:
            return found
        if skip is None and token.lower_ not in PRONOUNS and unlisted_agent(token) is not None:
            return None  # the first agent names someone the lexicon does not know
    for token in tokens:
        if token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in GROUP_NOUNS:
            continue
        own = skip is not None and token.is_ancestor(skip)
        # "the explosion, which police blamed on ...": a clause with its own subject is left out.
        clauses = {
            t.i
            for c in token.children
            if c.dep_ == "relcl" or any(g.dep_ in SUBJECT_DEPS for g in c.children)
            for t in c.subtree
        }
        found = first_in(
            [t for t in token.subtree if t.i not in clauses and (not own or t.i not in skipped)]
        )
        if found is not None:
            return found
    return None


PRONOUNS = frozenset({"he", "she", "they", "it", "who", "which", "that", "him", "them", "we", "i"})
NAME_ENTITIES = frozenset({"ORG", "NORP", "PERSON", "GPE"})
COUNTRY_ENTITIES = frozenset({"GPE", "NORP"})
# Nouns for people acting together: an agent headed by one is an actor even when unnamed.
# Relatives, as victims ("a villager and his son") or as actors ("the brothers").
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
GROUP_NOUNS = (
    PERSON_NOUNS
    | KIN_NOUNS
    | frozenset(
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
    for ent in entities(token.doc):
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
