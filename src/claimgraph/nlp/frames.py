"""Attribution frames in a parse: who (source), by which word (cue), says what (content).

A frame comes from a speech verb ("X said …", "…, X said", "X denied the report"), from an
"according to X"-type phrase, or from a report noun whose owner is named ("a report by X
confirmed …"), from a stance adjective ("are afraid that …") or from "In the poll, …". The cue
lists live in data/cues.yaml, read through `claimgraph.nlp.cue_lexicon`.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

from claimgraph.nlp.cue_lexicon import Cues, is_cue_verb, verb_lemma
from claimgraph.nlp.frame_content import content_range, rest_of_sentence
from claimgraph.nlp.quotes import quote_after, quote_before

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


class Frame(NamedTuple):
    """One attribution in the parse: source tokens, cue tokens, content character range."""

    source: Span
    cue: Span
    content: tuple[int, int]
    neighbours: tuple[str, ...]  # words next to the source that type it ("report")
    self_admission: bool
    embedded: bool  # the sentence's main assertion lies outside: the author claims it too


def subtree_span(token: Token) -> Span:
    """Return the contiguous span of a token's subtree."""
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def source_span(token: Token) -> Span:
    """Return a source's span: its subtree cut before a relative clause or a comma."""
    span = subtree_span(token)
    for t in span:
        if t.i > token.i and (t.text == "," or t.dep_ in ("relcl", "acl")):
            return token.doc[span.start : t.i]
    return span


def report_owner(noun: Token) -> Span | None:
    """Return who owns a report noun: "by X", "X's report", "an X report"; None when nobody."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ == "PROPN":
                return source_span(objects[0])
        if child.dep_ == "poss":
            return subtree_span(child)
    proper = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
    if proper:
        first = min(t.left_edge.i for t in proper)
        return noun.doc[first : max(t.i for t in proper) + 1]
    return None


def is_person(token: Token, cues: Cues) -> bool:
    """Tell whether a token is someone: a person's name, a proper noun, a speaker noun."""
    lemma = token.lemma_.lower()
    return (
        token.ent_type_ == "PERSON"
        or (token.pos_ == "PROPN" and not token.ent_type_)
        or (lemma in cues.speaker_nouns and lemma not in cues.report_nouns)
    )


def governing_verb(verb: Token) -> Token | None:
    """Return the verb whose subject a subjectless cue shares, or None.

    Coordinated and adverbial verbs ("… and said", "…, saying"), infinitives ("appeared to
    suggest", "was quick to point out") and gerunds after a preposition ("stopped short of
    calling") take the subject of the verb (or adjective) they hang from.
    """
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        return head
    if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX", "ADJ"):
        return head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX", "ADJ"):
        return head.head
    return None


def find_source(verb: Token, cues: Cues) -> tuple[Span | None, tuple[str, ...]]:
    """Return the source of a cue verb and the words that type it; (None, ()) when there is none."""
    head: Token | None = None
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            head = objects[0] if objects else None
        elif child.dep_ == "nsubj":
            head = child
    governor = governing_verb(verb)
    if head is None and governor is not None:
        return find_source(governor, cues)
    if head is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and is_person(verb.head, cues):
        head = verb.head  # "Dean, a doctor, saying he would never …"
    if head is None and verb.dep_ == "acl" and verb.head.lemma_.lower() in cues.report_nouns:
        between = verb.doc[verb.head.i + 1 : verb.i]
        # ", showing …" after a report noun is the writer's inference, not the report's words
        head = None if any(t.is_punct for t in between) else verb.head
    if head is None:
        return None, ()
    if head.lemma_.lower() in cues.report_nouns and head.pos_ == "NOUN":
        owner = report_owner(head)
        if owner is not None:
            return owner, (head.lower_,)
    return source_span(head), ()


def can_speak(source: Span, cues: Cues) -> bool:
    """Tell whether a source can make a statement: a name, a pronoun, a report or a source noun."""
    root = source.root
    return (
        root.pos_ in ("PROPN", "PRON")
        or root.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or root.lemma_.lower() in cues.speaker_nouns
        or root.lemma_.lower() in cues.evidence_nouns
    )


def is_embedded(sent: Span, cue: Span, content: tuple[int, int]) -> bool:
    """Tell whether the sentence's main verb lies outside the attribution (author asserts it)."""
    root = sent.root
    inside = content[0] <= root.idx < content[1]
    return not inside and not (cue.start <= root.i < cue.end) and root.pos_ in ("VERB", "AUX")


def attacks_in_words(verb: Token, source: Span) -> bool:
    """Tell whether "attacked" is criticism: a person attacking a person or a group by name.

    "Trump attacked Clinton for …" is a stance; "gunmen attacked a checkpoint" is an act.
    """
    if source.root.ent_type_ != "PERSON" and source.root.lower_ not in ("he", "she"):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    named = objects and (
        objects[0].ent_type_ in ("PERSON", "ORG", "NORP")
        or objects[0].lower_ in ("him", "her", "them")
    )
    because = any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
    return bool(named or (objects and because))


def agentless_passive(verb: Token, cues: Cues) -> Frame | None:
    """Return the frame of "X is expected to …", "X was accused of …": nobody named says it.

    The whole clause, subject included, is what the unnamed source holds.
    """
    if verb_lemma(verb, cues) not in cues.passive_cue_verbs:
        return None
    deps = {c.dep_ for c in verb.children}
    if "agent" in deps or not deps & {"nsubjpass", "auxpass"}:
        return None
    clause = subtree_span(verb)
    nobody = verb.doc[verb.i : verb.i]
    cue = verb.doc[verb.i : verb.i + 1]
    return Frame(nobody, cue, (clause.start_char, clause.end_char), (), False, False)


def verb_frames(
    sent: Span, cues: Cues, taken: set[int], quotes: list[tuple[int, int]]
) -> list[Frame]:
    """Find attributions carried by speech verbs in a sentence."""
    frames = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.i in taken:
            continue
        lemma = verb_lemma(verb, cues)
        if not is_cue_verb(lemma, cues):
            continue
        source, neighbours = find_source(verb, cues)
        if source is None:
            unsourced = agentless_passive(verb, cues)
            if unsourced is not None:
                frames.append(unsourced)
            continue
        needs_speaker = lemma in cues.evidential_verbs or lemma not in cues.speech_verbs
        if needs_speaker and not can_speak(source, cues):
            continue
        if lemma in cues.verbal_attack_verbs and not attacks_in_words(verb, source):
            continue
        content = content_range(verb, source, sent, cues, quotes) or quote_after(sent, quotes)
        if content is None and lemma in cues.bare_speech_verbs and verb.i - sent.start <= 4:
            content = quote_before(sent, quotes)
        if content is None:
            continue
        cue = sent.doc[verb.i : verb.i + 1]
        admission = lemma in cues.self_admission_verbs
        embedded = is_embedded(sent, cue, content) and "agent" not in {
            c.dep_ for c in verb.children
        }
        frames.append(Frame(source, cue, content, neighbours, admission, embedded))
    return frames


def adjective_frames(sent: Span, cues: Cues) -> list[Frame]:
    """Find stances carried by an adjective: "X is afraid that …", "X was critical of …".

    The subject of the copula is the source; the adjective's clause or its "of/about/…"
    object is the content.
    """
    frames = []
    for adjective in sent:
        if adjective.pos_ != "ADJ" or adjective.lemma_.lower() not in cues.stance_adjectives:
            continue
        if adjective.dep_ != "acomp":
            continue
        copula = adjective.head
        subjects = [c for c in copula.children if c.dep_ == "nsubj"]
        if not subjects:
            continue
        source = source_span(subjects[0])
        if not can_speak(source, cues):
            continue
        said = [c for c in adjective.children if c.dep_ in ("ccomp", "xcomp", "advcl")]
        for prep in adjective.children:
            if prep.dep_ == "prep" and prep.lower_ in cues.content_prepositions | {"in"}:
                said += [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if not said:
            continue
        first = min(t.left_edge.i for t in said)
        last = max(t.right_edge.i for t in said)
        doc = sent.doc
        content = (doc[first].idx, doc[last].idx + len(doc[last]))
        cue = doc[adjective.i : adjective.i + 1]
        embedded = is_embedded(sent, cue, content)
        frames.append(Frame(source, cue, content, (), False, embedded))
    return frames


def setting_frames(sent: Span, cues: Cues) -> list[Frame]:
    """Find "In the poll, Clinton led …", "in his view, …" attributions.

    The phrase must hang on a clause that cites no one itself ("In the poll, voters said" is
    the voters'); its noun's owner ("his", "by X") is the source, else the noun phrase itself.
    "In an interview, X …" is left alone: there the clause's subject speaks.
    """
    frames = []
    for prep in sent:
        if prep.lower_ != "in" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
            continue
        if is_cue_verb(verb_lemma(prep.head, cues), cues):
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not objects or objects[0].lemma_.lower() not in cues.setting_nouns:
            continue
        noun = objects[0]
        owner = report_owner(noun)
        source = owner if owner is not None else source_span(noun)
        content = rest_of_sentence(sent, {t.i for t in prep.subtree})
        if content is None:
            continue
        cue = sent.doc[prep.i : prep.i + 1]
        frames.append(Frame(source, cue, content, (noun.lower_,), False, False))
    return frames


def according_frames(sent: Span, cues: Cues) -> tuple[list[Frame], set[int]]:
    """Find "according to X"-type attributions; also return the cue token indices they use."""
    frames, taken = [], set()
    lemmas = [t.lemma_.lower() if t.lemma_ != "accord" else "according" for t in sent]
    lowers = [t.lower_ for t in sent]
    present = set(lemmas) | set(lowers)
    for phrase in cues.according_to:
        if not present.issuperset(phrase):  # most sentences hold none of the phrases
            continue
        n = len(phrase)
        for i in range(len(sent) - n + 1):
            if phrase[0] not in (lemmas[i], lowers[i]):
                continue
            window = list(zip(lemmas[i : i + n], lowers[i : i + n], strict=True))
            if not all(w in pair for w, pair in zip(phrase, window, strict=True)):
                continue
            last = sent[i + n - 1]
            objects = [c for c in last.children if c.dep_ in ("pobj", "dobj")]
            if not objects:
                continue
            source = source_span(objects[0])
            cue = sent.doc[sent.start + i : sent.start + i + n]
            excluded = {t.i for t in cue} | {t.i for t in subtree_span(objects[0])}
            content = rest_of_sentence(sent, excluded)
            if content is None:
                continue
            taken |= {t.i for t in cue}
            frames.append(Frame(source, cue, content, (), False, False))
    return frames, taken


def sentence_frames(sent: Span, cues: Cues, quotes: list[tuple[int, int]]) -> list[Frame]:
    """Find all attributions in a sentence, "according to" ones first."""
    frames, taken = according_frames(sent, cues)
    found = frames + verb_frames(sent, cues, taken, quotes) + adjective_frames(sent, cues)
    return found + setting_frames(sent, cues)
