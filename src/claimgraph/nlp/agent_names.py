"""Name an incident's agent heads: the lexicon's actor, a pronoun's antecedent, or the words.

The lexicon names an agent it knows ("ISIS militants" -> Islamic State); a pronoun ("they",
"he", "it") stands for the actor, group or person named just before it; an agent the lexicon
does not know is given as written ("ETA", "the rebels", "an intruder"), a country acting is its
military, and a weapon acting ("Russian jets") stands for its owner.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from claimgraph.model import Actor, EventActor
from claimgraph.nlp.agent_words import GROUP_NOUNS, NOT_AGENTS, OWNED_WEAPONS
from claimgraph.nlp.extensions import entities
from claimgraph.resolve.demonyms import country_for_demonym
from claimgraph.resolve.focus import country_name

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})

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
    forces", "a gunman's accomplice") is given as written; a pronoun is the person or group
    named before it (`antecedent`).
    """
    for token in agents:
        if token.lower_ in PRONOUNS:
            found = antecedent(token, token.doc._.actors or [])
            if isinstance(found, EventActor):
                return found
            if found is not None:
                return None  # a lexicon actor: `preceding_actor` names it
            continue
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
    lemma = token.lemma_.lower()
    if lemma in OWNED_WEAPONS and token.pos_ == "NOUN" and token.dep_ not in MODIFIER_DEPS:
        return owner_forces(token)
    if named or (token.pos_ == "NOUN" and lemma in GROUP_NOUNS) or acts_unnamed(token):
        phrase = noun_phrase(token).text
        return EventActor(name=phrase, text=phrase, kind=None)
    return None


# Endings of abstract nouns (acts, states, qualities): "the explosion", "the shooting", "the
# bombardment" fill an agent's slot without being anyone.
ABSTRACT_ENDINGS = ("ion", "ing", "ment", "ence", "ance", "ity", "ism", "ness", "ure")


def acts_unnamed(token: Token) -> bool:
    """Tell whether a common noun in a passive's "by" phrase is someone ("by an intruder").

    The "by" phrases of violent verbs are mostly people; the weapon, the act itself and
    abstract nouns are not. (A subject is too often something else: "the end came".)
    """
    if token.pos_ not in {"NOUN", "ADJ"} or token.dep_ != "pobj" or token.head.lower_ != "by":
        return False
    lemma = token.lemma_.lower()
    return lemma not in NOT_AGENTS and not lemma.endswith(ABSTRACT_ENDINGS) and token.is_alpha


def owner_forces(token: Token) -> EventActor:
    """Return whose a weapon acting is ("Russian jets" -> Military Forces of Russia), as written."""
    phrase = noun_phrase(token)
    for child in token.children:
        if child.dep_ in {"amod", "compound", "nmod", "poss"}:
            code = country_for_demonym(child.text)
            name = country_name(code) if code else None
            if name is not None:
                return EventActor(name=f"Military Forces of {name}", text=phrase.text, kind="state")
    return EventActor(name=phrase.text, text=phrase.text, kind=None)


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

    Only the first agent that names anyone counts: "the government ... until they agree" is
    the government's act. A pronoun whose antecedent is a person or group outside the lexicon
    is left to `named_agent`.
    """
    for token in agents:
        if token.lower_ in PRONOUNS:
            found = antecedent(token, actors, reach)
            return found if isinstance(found, Actor) else None
        if unlisted_agent(token) is not None or actor_in([token], actors) is not None:
            return None
    return None


PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them", "it", "we"})
# Actor kinds a group pronoun can stand for ("it claimed", "they stormed"); civilians are
# more often the victims named before.
NOT_ANTECEDENT_KINDS = frozenset({"civilians"})


def antecedent(
    pronoun: Token, actors: Sequence[Actor], reach: int = 600
) -> Actor | EventActor | None:
    """Return what a pronoun agent stands for: an actor or a named person or group before it.

    "he"/"she" is a person: the nearest PERSON name or singular actor word ("the gunman")
    before it; "they"/"it" a group: the subject of the sentence before when it names one, else
    the nearest actor or organisation named before it (in its own sentence first: "the Islamic
    State said it carried out the bombing"). Looks back at most `reach` characters.
    """
    word = pronoun.lower_
    if word not in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return None
    person = word in PERSON_PRONOUNS
    start = pronoun.idx
    earliest = start - reach
    if not person:
        speaker = saying_subject(pronoun)
        if speaker is not None:
            listed = actor_in([speaker], actors)
            if listed is not None:
                return listed
            named = unlisted_agent(speaker)
            if named is not None:
                return named  # "the group said it carried out the attack"
        subject = previous_subject(pronoun.sent)
        nearer = word in {"they", "them"} and any(
            t.tag_ == "NNS" and t.lemma_.lower() not in NOT_AGENTS
            for t in pronoun.doc[pronoun.sent.start : pronoun.i]
        )
        if subject is not None and pronoun.i - pronoun.sent.start < 8 and not nearer:
            listed = actor_in([subject], actors)
            if listed is not None and listed.kind not in NOT_ANTECEDENT_KINDS:
                return listed
            if word in {"they", "them"} and subject.tag_ in {"NNS", "NNPS"}:
                named = unlisted_agent(subject)
                if named is not None:
                    return named  # "Separatist fighters crossed the border. They seized ..."
    doc = pronoun.doc
    lexical = [
        a
        for a in actors
        if earliest <= a.start
        and a.end <= start
        and a.kind not in NOT_ANTECEDENT_KINDS
        and singular(a) == person
    ]
    best_actor = lexical[-1] if lexical else None
    labels = {"PERSON"} if person else {"ORG", "NORP"}
    ents = entities(doc)
    index = bisect_left([e.start_char for e in ents], start)
    best_name = None
    for ent in reversed(ents[:index]):
        if ent.start_char < earliest:
            break
        if ent.label_ in labels and ent.end_char <= start:
            best_name = ent
            break
    found: Actor | Span | None = best_actor
    if best_name is not None and (best_actor is None or best_name.start_char > best_actor.end):
        found = best_name
    if found is None or (word in {"they", "them"} and plural_between(doc, found, pronoun)):
        return None  # "forcing people to leave ... until they agree": the people
    if isinstance(found, Actor):
        return found
    if not person and found.label_ == "NORP":
        return None
    name = found[1:] if found[0].lower_ == "the" and len(found) > 1 else found
    return EventActor(name=name.text, text=name.text, kind=None)


def saying_subject(pronoun: Token) -> Token | None:
    """Return who says or claims a pronoun did something ("X said it carried out ...")."""
    verb = pronoun.head
    if verb.dep_ not in {"ccomp", "xcomp"}:
        return None
    subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.lower_ not in PRONOUNS else None


def plural_between(doc: Doc, candidate: Actor | Span, pronoun: Token) -> bool:
    """Tell whether a plural common noun stands between a candidate antecedent and "they"."""
    end = candidate.end if isinstance(candidate, Actor) else candidate.end_char
    first = doc.char_span(end, end + 1, alignment_mode="expand")
    start = first.start if first is not None else pronoun.sent.start
    return any(
        t.tag_ == "NNS" and t.lemma_.lower() not in NOT_AGENTS and t.idx >= end
        for t in doc[max(start, pronoun.i - 60) : pronoun.i]
    )


def singular(actor: Actor) -> bool:
    """Tell whether an actor mention names one person ("the gunman", "a suicide bomber")."""
    words = actor.text.split()
    return (
        bool(words)
        and not words[-1].lower().endswith("s")
        and actor.kind
        in {
            "unidentified",
            None,
        }
        and words[-1][:1].islower()
    )


def to_event_actor(actor: Actor | None) -> EventActor | None:
    """Turn an actor mention into an event argument."""
    if actor is None:
        return None
    return EventActor(name=actor.name, text=actor.text, kind=actor.kind)
