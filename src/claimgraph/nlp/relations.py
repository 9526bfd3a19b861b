"""relations_v1: who is said to do what to whom — typed claim edges between entities.

Two sources of edges, each kept as somebody's claim (speaker, modality, evidence, document):

- the parse: a verb from `data/relations.yaml` whose subject and object (or passive agent and
  subject) contain entity mentions: "Pakistan's major cities ... are hosting a growing network
  of ISIS facilities" -> hosts(Pakistan, Islamic State), spoken by whoever the claim holding
  the verb belongs to (the author, when no claim holds it);
- the events: an event with two actors is an edge between them (attacks, kills, arrests), and
  an event a named source reports is an edge reports(source, event).

Entities are keyed so the graph joins across documents: countries by ISO code (a capital
standing for its state as a verb's subject, "Islamabad has turned ...", is the state), other
places by GeoNames id, actors by canonical lexicon name, persons by name. A definite
description a sentence uses for an entity named before ("the country", "the group") is read
as the document's focus country or the last armed group mentioned.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimgraph.data_files import lexicon_cache, read_data_yaml
from claimgraph.entities import actor_entity, country_entity, place_entity
from claimgraph.model import (
    Actor,
    Claim,
    ClaimEdge,
    EntityKind,
    EntityRef,
    Event,
    Modality,
    Place,
    Relation,
    Speaker,
)
from claimgraph.nlp.events import claim_at, evidence_span
from claimgraph.nlp.extensions import analysed_sentences, entities
from claimgraph.resolve.focus import country_focus, country_name
from claimgraph.taxonomy import VIOLENT_EVENT_TYPES

# Dependency labels through which a verb inherits the subject of the verb it hangs from
# ("continues to finance", "turned toward rebuilding", "finance and coordinate").
INHERIT_SUBJECT = frozenset({"xcomp", "conj", "pcomp", "prep", "advcl", "acl"})
MAX_CLIMB = 4
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "from", "around"})
STATE_WORDS = frozenset({"country", "state", "government", "regime", "nation"})
GROUP_WORDS = frozenset({"group", "organization", "organisation", "movement", "network"})
ARMED_KINDS = frozenset({"rebel", "militia", "identity_militia", "unidentified", "external"})
CAPITAL_CODES = frozenset({"PPLC", "PPLG"})
# The actor lexicon's name for armed men it cannot name ("gunmen", "terrorist").
GENERIC_ACTOR = "Unidentified"
PERSON_SPEAKERS = frozenset({"named_person", "named_official", "self_admission"})
NAMED_SPEAKERS = PERSON_SPEAKERS | {"named_organization", "named_media"}
EDGE_CONFIDENCE = {"parse": 0.6, "event": 0.7, "report": 0.8}


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity named at a place in the text."""

    start: int
    end: int
    entity: EntityRef
    armed: bool = False


@lexicon_cache
def relation_lexicon() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Return verb lemma -> relation, and relation -> the prepositions that introduce objects."""
    data = read_data_yaml("relations.yaml")
    verbs = {verb: relation for relation, entry in data.items() for verb in entry["verbs"]}
    preps = {relation: frozenset(entry.get("preps") or ()) for relation, entry in data.items()}
    return verbs, preps


def country_ref(code: str) -> EntityRef:
    """Return the entity of a country named by its code (a capital, "the country")."""
    return country_entity(code, country_name(code) or code)


def entity_mentions(doc: Doc) -> list[Mention]:
    """Return the actor, place and person mentions of a document in text order."""
    actors: list[Actor] = doc._.actors or []
    places: list[Place] = doc._.places or []
    found = [
        Mention(a.start, a.end, actor_entity(a), (a.kind or "") in ARMED_KINDS) for a in actors
    ]
    found += [Mention(p.start, p.end, place_entity(p)) for p in places]
    taken = [(m.start, m.end) for m in found]
    for ent in entities(doc):
        if ent.label_ != "PERSON" or ent.root.head.lower_ in LOCATIVE_PREPOSITIONS:
            continue  # "a site in Jabar Mela": a name after "in" is a place the tagger missed
        if any(ent.start_char < end and start < ent.end_char for start, end in taken):
            continue
        name = ent.text.strip()
        found.append(Mention(ent.start_char, ent.end_char, EntityRef("person", name, name)))
    return sorted(found, key=lambda m: (m.start, m.end))


class Reader:
    """What the edge finder needs to know about one document, read once."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.mentions = entity_mentions(doc)
        places: list[Place] = doc._.places or []
        self.places = places
        self.focus = country_focus(places)
        self.claims: list[Claim] = doc._.claims or []
        document = doc._.document
        self.author = Speaker(document.author if document is not None else None, "author")
        self.capitals = {
            (p.start, p.end): p.country_code
            for p in places
            if p.feature_code in CAPITAL_CODES and p.country_code
        }

    def entity_at(self, token: Token, as_subject: bool = False) -> EntityRef | None:
        """Return the entity an argument names: in its own words, else by description.

        A name beats a generic description in the same phrase ("the transnational terrorist
        organization known as ISIS" is the Islamic State, not an unidentified group); a
        subject must be able to act: an actor, a person, or a state.
        """
        low, high = subtree_chars(token)
        inside = [
            m
            for m in self.mentions
            if low <= m.start and m.end <= high and not self.only_says_where(m, token)
        ]
        named = [m for m in inside if not m.entity.key.startswith(GENERIC_ACTOR)]
        for mention in named or inside:
            code = self.capitals.get((mention.start, mention.end))
            entity = country_ref(code) if as_subject and code is not None else mention.entity
            if not as_subject or can_act(entity):
                return entity
        for word in token.subtree:
            described = self.described(word)
            if described is not None:
                return described
        return None

    def only_says_where(self, mention: Mention, argument: Token) -> bool:
        """Tell whether a mention inside an argument only places it ("three men ... in
        Peshawar" are not Peshawar), unless the mention is the argument itself."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.root.i == argument.i:
            return False
        root = span.root
        return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS

    def described(self, token: Token) -> EntityRef | None:
        """Read "the country" / "the group" as the entity the story already named."""
        lemma = token.lemma_.lower()
        if not any(child.lower_ in {"the", "this", "that"} for child in token.children):
            return None
        if lemma in STATE_WORDS and self.focus:
            return country_ref(self.focus)
        if lemma in GROUP_WORDS:
            before = [m for m in self.mentions if m.end <= token.idx and m.armed]
            return before[-1].entity if before else None
        return None

    def voice(self, char: int) -> tuple[Speaker, Modality]:
        """Return who says the text at a character offset, and how firmly (the narrowest
        claim holding it, as for events; else the author)."""
        claim = claim_at(self.claims, char)
        return (claim.speaker, claim.modality) if claim is not None else (self.author, "asserted")


def can_act(entity: EntityRef) -> bool:
    """Tell whether an entity can be the doer of a relation (a town cannot host or kill)."""
    return entity.kind in {"actor", "person"} or entity.key.startswith("country:")


def subtree_chars(token: Token) -> tuple[int, int]:
    """Return the character range of a token's subtree."""
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def child(token: Token, *labels: str) -> Token | None:
    """Return the first child with one of the dependency labels."""
    return next((c for c in token.children if c.dep_ in labels), None)


def subject_of(verb: Token) -> Token | None:
    """Return the verb's subject, inherited from the verbs above it when it has none."""
    current = verb
    for _ in range(MAX_CLIMB):
        found = child(current, "nsubj")
        if found is not None:
            return found
        if current.dep_ not in INHERIT_SUBJECT or current.head is current:
            return None
        current = current.head
    return None


def object_of(verb: Token, preps: frozenset[str]) -> Token | None:
    """Return the verb's object: direct, shared with a conjoined verb, or after a preposition."""
    found = child(verb, "dobj", "obj")
    if found is not None:
        return found
    for conj in (c for c in verb.children if c.dep_ == "conj"):
        found = child(conj, "dobj", "obj")
        if found is not None:
            return found
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps):
        found = child(prep, "pobj")
        if found is not None:
            return found
    return None


def relative_head(verb: Token) -> Token | None:
    """Return the noun a relative clause describes ("centers ... where recruits were trained")."""
    current = verb
    for _ in range(MAX_CLIMB):
        if current.dep_ == "relcl":
            return current.head
        if current.head is current:
            return None
        current = current.head
    return None


def head_without(noun: Token, clause: Token) -> list[Token]:
    """Return the tokens of a noun phrase minus one of its clauses, as argument heads."""
    skip = {t.i for t in clause.subtree}
    return [t for t in noun.subtree if t.i not in skip]


def arguments(reader: Reader, verb: Token, relation: str) -> tuple[EntityRef, EntityRef] | None:
    """Return (subject, object) entities of a relation verb, or None when one is missing."""
    _verbs, preps = relation_lexicon()
    passive = child(verb, "nsubjpass", "auxpass") is not None
    if passive:
        agent = child(verb, "agent")
        doer = child(agent, "pobj") if agent is not None else None
        done_to = child(verb, "nsubjpass")
    else:
        doer = subject_of(verb)
        done_to = object_of(verb, preps[relation])
    subject = reader.entity_at(doer, as_subject=True) if doer is not None else None
    target = reader.entity_at(done_to) if done_to is not None else None
    if subject is None or target is None:
        noun = relative_head(verb)
        if noun is not None:
            # "ISIS centers in Balochistan where recruits were trained": the described
            # noun phrase names who does it, and where, when the clause itself does not.
            named = mentions_in(reader, head_without(noun, verb))
            doers = [m for m in named if can_act(m.entity)]
            wheres = [m for m in named if m.entity.kind == "place"]
            subject = subject or (doers[0].entity if doers else None)
            target = target or (wheres[0].entity if wheres else None)
    if subject is None or target is None or subject.key == target.key:
        return None
    return subject, target


def mentions_in(reader: Reader, tokens: Iterable[Token]) -> list[Mention]:
    """Return the mentions that start at one of the tokens."""
    starts = {t.idx for t in tokens}
    return [m for m in reader.mentions if m.start in starts]


def edge_id(doc: Doc, relation: str, subject: EntityRef, target: EntityRef, start: int) -> str:
    """Return an id stable for the same text and analysis."""
    document = doc._.document
    digest = document.publication if document is not None else ""
    key = f"{digest}:{relation}:{subject.key}:{target.key}:{start}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def parsed_edges(reader: Reader) -> Iterator[ClaimEdge]:
    """Yield the edges stated by relation verbs in the analysed sentences."""
    verbs, _preps = relation_lexicon()
    doc = reader.doc
    for sent in analysed_sentences(doc):
        for token in sent:
            relation = verbs.get(token.lemma_.lower()) if token.pos_ == "VERB" else None
            if relation is None:
                continue
            found = arguments(reader, token, relation)
            if found is None:
                continue
            subject, target = found
            speaker, modality = reader.voice(token.idx)
            yield ClaimEdge(
                id=edge_id(doc, relation, subject, target, token.idx),
                document_id="",
                subject=subject,
                relation=relation,  # type: ignore[arg-type]
                object=target,
                speaker=speaker,
                modality=modality,
                evidence=evidence_span(sent),
                confidence=EDGE_CONFIDENCE["parse"],
            )


def event_relation(event: Event) -> Relation | None:
    """Return the relation an event states between its two actors."""
    if event.sub_event_type == "Arrests":
        return "arrests"
    if event.event_type not in VIOLENT_EVENT_TYPES:
        return None
    return "kills" if (event.fatalities_low or 0) > 0 else "attacks"


def event_ref(event: Event) -> EntityRef:
    """Return an event as a graph entity, named by what and where."""
    where = f" in {event.location.name}" if event.location is not None else ""
    return EntityRef("event", event.id, f"{event.sub_event_type}{where}")


def event_edges(doc: Doc) -> Iterator[ClaimEdge]:
    """Yield actor-to-actor edges of events, and reports(source, event) for named sources."""
    events: list[Event] = doc._.events or []
    for event in events:
        if not event.evidence:
            continue
        evidence = event.evidence[0]
        relation = event_relation(event)
        a1, a2 = event.actor1, event.actor2
        if relation is not None and a1 is not None and a2 is not None and a1.name != a2.name:
            subject, target = (
                EntityRef("actor", a1.name, a1.name),
                EntityRef("actor", a2.name, a2.name),
            )
            yield ClaimEdge(
                id=edge_id(doc, relation, subject, target, evidence.start),
                document_id="",
                subject=subject,
                relation=relation,
                object=target,
                speaker=event.speaker,
                modality=event.modality,
                evidence=evidence,
                confidence=EDGE_CONFIDENCE["event"],
            )
        name = event.speaker.name
        if event.speaker.type in NAMED_SPEAKERS and name:
            kind: EntityKind = "person" if event.speaker.type in PERSON_SPEAKERS else "actor"
            source, target = EntityRef(kind, name, name), event_ref(event)
            yield ClaimEdge(
                id=edge_id(doc, "reports", source, target, evidence.start),
                document_id="",
                subject=source,
                relation="reports",
                object=target,
                speaker=event.speaker,
                modality=event.modality,
                evidence=evidence,
                confidence=EDGE_CONFIDENCE["report"],
            )


def find_edges(doc: Doc) -> list[ClaimEdge]:
    """Return the document's claim edges, one per (subject, relation, object, evidence)."""
    reader = Reader(doc)
    unique: dict[tuple[str, str, str, int], ClaimEdge] = {}
    for edge in [*parsed_edges(reader), *event_edges(doc)]:
        key = (edge.subject.key, edge.relation, edge.object.key, edge.evidence.start)
        unique.setdefault(key, edge)
    return sorted(unique.values(), key=lambda e: (e.evidence.start, e.relation, e.id))


class RelationFinder:
    """spaCy component: set `doc._.edges`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        relation_lexicon()  # read the data file at start-up, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        doc._.edges = find_edges(doc)
        return doc


@Language.factory(
    "relations_v1",
    assigns=["doc._.edges"],
    requires=["doc._.actors", "doc._.places", "doc._.claims", "doc._.events", "token.dep"],
)
def make_relations(nlp: Language, name: str) -> RelationFinder:
    """Create the relations_v1 component."""
    return RelationFinder(nlp, name)
