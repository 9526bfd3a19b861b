"""What an attribution frame says: the characters of its content (part of attribution.v1).

From a cue verb's complements ("said that …", "denied the report"), what the parser hung on
the cue that carries on its content, the rest of the sentence around a speech tag, and the
quotes beside it; `claimgraph.nlp.frames` finds the frames themselves.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.nlp.cue_lexicon import Cues, is_cue_verb, verb_lemma

CLAUSE_DEPS = ("ccomp", "xcomp", "csubj")
OBJECT_DEPS = ("dobj", "attr", "oprd")
AUDIENCE_PREPOSITIONS = frozenset({"to", "with", "before"})
# A fallback content (the rest of the sentence) needs at least this many words.
MIN_CONTENT_WORDS = 3


def shown_by_evidence(verb: Token, cues: Cues) -> bool:
    """Tell whether an evidential verb's subject is a document or data ("polls show X").

    Only then is its object what is claimed: "police found two bodies" is an act.
    """
    if verb_lemma(verb, cues) not in cues.evidential_verbs:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and subjects[0].lemma_.lower() in cues.evidence_nouns


def construes(verb: Token, cues: Cues) -> bool:
    """Tell whether a verb casts its object as something ("see X as Y", "consider X a threat")."""
    return any(c.dep_ in ("oprd", "xcomp") for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ in cues.construal_prepositions for c in verb.children
    )


def complement_tokens(verb: Token, cues: Cues) -> list[Token]:
    """Return the children of a cue verb that carry what is said."""
    lemma = verb_lemma(verb, cues)
    found = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and c.dep_ != "csubj"]
    construal = lemma in cues.attitude_verbs and construes(verb, cues)
    judged = lemma in cues.object_content_verbs or lemma in cues.verbal_attack_verbs
    if judged or shown_by_evidence(verb, cues) or construal:
        found += [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        for prep in verb.children:
            # "spoke to reporters", "talked with elders": the audience, not what was said
            audience = lemma in cues.audience_verbs and prep.lower_ in AUDIENCE_PREPOSITIONS
            if prep.dep_ == "prep" and prep.lower_ in cues.content_prepositions and not audience:
                found += [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return found


def rest_of_sentence(sent: Span, excluded: set[int]) -> tuple[int, int] | None:
    """Return the sentence around `excluded` tokens (a speech tag), as characters.

    A tag in the middle ("The museum, Mr. Obama said, would …") leaves content on both
    sides: the range runs from the first word to the last. A line break ends the range: a
    headline or an earlier paragraph is not part of the content; the longest line wins.
    """
    best: tuple[int, int] | None = None
    line: list[Token] = []
    for token in [*sent, None]:
        if token is not None and "\n" not in token.text:
            if token.i not in excluded:
                line.append(token)
            if "\n" not in token.whitespace_:
                continue
        words = [t for t in line if not t.is_punct]
        if len(words) >= MIN_CONTENT_WORDS:
            candidate = (words[0].idx, words[-1].idx + len(words[-1]))
            if best is None or candidate[1] - candidate[0] > best[1] - best[0]:
                best = candidate
        line = []
    return best


def with_quotes_beside(
    content: tuple[int, int] | None, verb: Token, sent: Span, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Grow a quoted content over the other quotes of the sentence ('"A," she said, "B."').

    Only when the content opens inside a quote; a verb inside a quote is left alone.
    """
    if content is None:
        return None
    start, end = sent.start_char, sent.end_char
    inside = [q for q in quotes if q[0] < end and start < q[1]]
    if any(q[0] <= verb.idx < q[1] for q in inside):
        return content
    if not any(q[0] <= content[0] < q[1] for q in inside):
        return content
    return min(content[0], *(q[0] for q in inside)), max(content[1], *(q[1] for q in inside))


def continuations(verb: Token, complements: list[Token], cues: Cues) -> list[Token]:
    """Return conjuncts the parser hung on the cue that carry on its content.

    "wants to triple X, grow Y and create Z", "says she hopes X, but she knows Y": the
    parser often attaches the later conjuncts to the cue verb, not to its complement.
    """
    heads = [c for c in complements if c.dep_ in CLAUSE_DEPS]
    if not heads:
        return []
    head = heads[0]
    found = []
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i < head.i or conj.pos_ not in ("VERB", "AUX"):
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
        # a clause of its own that is no new speech act, or a bare verb like the infinitive's
        clause = own_subject and verb_lemma(conj, cues) not in cues.speech_verbs
        infinitive = not own_subject and head.tag_ == "VB" and conj.tag_ == "VB"
        if clause or infinitive:
            found.append(conj)
    return found


def starts_own(child: Token, cues: Cues) -> bool:
    """Tell whether a verb hung on a cue is a cue itself (", adding …", "and warned …")."""
    return (
        child.pos_ == "VERB"
        and child.dep_ in ("advcl", "conj")
        and is_cue_verb(verb_lemma(child, cues), cues)
    )


def line_start(token: Token, sent: Span) -> int:
    """Return the index of the sentence's first token on the same line as `token`."""
    i = token.i
    while i > sent.start:
        before = token.doc[i - 1]
        if "\n" in before.text or "\n" in before.whitespace_:
            break
        i -= 1
    return i


def beyond_semicolon(verb: Token, complements: list[Token]) -> list[Token]:
    """Drop a clause the parser hung on a cue from across a semicolon before it.

    "Forces detained a commander; he admitted that fighters trained …": the detention is
    the writer's, only what follows "admitted" is the commander's. Kept when nothing else
    would be left.
    """
    doc = verb.doc

    def cut_off(token: Token) -> bool:
        end = token.right_edge.i
        return end < verb.i and any(t.text == ";" for t in doc[end + 1 : verb.i])

    kept = [c for c in complements if not cut_off(c)]
    return kept or complements


def content_range(
    verb: Token, source: Span, sent: Span, cues: Cues, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Return the characters of what a cue verb attributes, or None when nothing is attributed."""
    complements = beyond_semicolon(verb, complement_tokens(verb, cues))
    if complements:
        first = min(t.left_edge.i for t in complements)
        last = max(t.right_edge.i for t in complements)
        last = max([last] + [c.right_edge.i for c in continuations(verb, complements, cues)])
        if last < verb.i:  # "…, but the police overruled it, the source added": all before the tag
            first = line_start(verb.doc[first], sent)
        if last > verb.i:
            # what follows the cue is its content to the end of its phrase: the parser often
            # hangs the content's own modifiers on the cue ("described crass behavior by Trump
            # behind the scenes", "cited remarks … as examples of …"); a second cue hung on
            # it (", adding …") starts an attribution of its own
            last = max([last] + [c.right_edge.i for c in verb.rights if not starts_own(c, cues)])
        doc = verb.doc
        content = doc[first].idx, doc[last].idx + len(doc[last])
        return with_quotes_beside(content, verb, sent, quotes)
    if any(c.dep_ == "agent" for c in verb.children):
        # "… were reported by X": X vouches for the whole statement
        return sent.start_char, sent.end_char
    speech = verb_lemma(verb, cues) in cues.speech_verbs  # not "you know", "you see"
    if speech and verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i:
        rest = rest_of_sentence(sent, {t.i for t in verb.subtree})
        return with_quotes_beside(rest, verb, sent, quotes)
    if verb_lemma(verb, cues) in cues.bare_speech_verbs:
        rest = rest_of_sentence(sent, {t.i for t in source} | {verb.i})
        return with_quotes_beside(rest, verb, sent, quotes)
    return None
