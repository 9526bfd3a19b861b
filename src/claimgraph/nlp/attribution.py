"""attribution_v1: turn every analysed sentence into claims with a speaker, a cue and a modality.

A sentence that cites someone ("X said …", "…, X said", "according to X", "a report by X
confirmed …", "… reported by X") yields one claim per attribution whose span is the
*content*; a sentence that cites no one is the author's claim. Direct quotes that run over
several sentences are one content span. Speakers are resolved (pronouns and "the
spokesman" to the leftmost compatible named mention nearby) and typed in
`claimgraph.resolve.speakers`; modality follows the contract in DESIGN.md; check-worthiness
is a swappable heuristic in `claimgraph.nlp.modality`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimgraph.model import Claim, Speaker
from claimgraph.nlp.extensions import analysed_sentences, is_ignored, text_of
from claimgraph.nlp.modality import (
    ModalityCues,
    ModalityMatcher,
    check_worthiness,
    decide_modality,
    implies_source,
)
from claimgraph.resolve.speakers import (
    Mention,
    SourceMention,
    SpeakerLexicon,
    antecedent_labels,
    classify_speaker,
    default_lexicon,
    resolve_antecedent,
)

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLAUSE_DEPS = ("ccomp", "xcomp", "csubj")
OBJECT_DEPS = ("dobj", "attr", "oprd")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
EDGE_PUNCT = ",;:—–-()[] \n\t"
# A quote longer than this is taken as an unbalanced quotation mark, not a quote.
MAX_QUOTE_CHARS = 3000
# A fallback content (the rest of the sentence) needs at least this many words.
MIN_CONTENT_WORDS = 3


@dataclass(frozen=True, slots=True)
class Cues:
    """Attribution cue lists (loaded from data/cues.yaml)."""

    speech_verbs: frozenset[str]
    object_content_verbs: frozenset[str]
    content_prepositions: frozenset[str]
    bare_speech_verbs: frozenset[str]
    self_admission_verbs: frozenset[str]
    report_nouns: frozenset[str]
    evidential_verbs: frozenset[str]
    speaker_nouns: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]

    @classmethod
    def from_path(cls, path: Path) -> Cues:
        """Load the cue lists from a cues YAML file."""
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return cls(
            speech_verbs=frozenset(data["speech_verbs"]),
            object_content_verbs=frozenset(data["object_content_verbs"]),
            content_prepositions=frozenset(data["content_prepositions"]),
            bare_speech_verbs=frozenset(data["bare_speech_verbs"]),
            self_admission_verbs=frozenset(data["self_admission_verbs"]),
            report_nouns=frozenset(data["report_nouns"]),
            evidential_verbs=frozenset(data["evidential_verbs"]),
            speaker_nouns=frozenset(
                data["speaker_nouns"] + data["unnamed_source_nouns"] + data["report_nouns"]
            ),
            according_to=tuple(tuple(p.split()) for p in data["according_to"]),
        )


@functools.cache
def default_cues() -> Cues:
    """Return the cues shipped in claimgraph/data/cues.yaml."""
    return Cues.from_path(Path(str(resources.files("claimgraph") / "data" / "cues.yaml")))


class Frame(NamedTuple):
    """One attribution in the parse: source tokens, cue tokens, content character range."""

    source: Span
    cue: Span
    content: tuple[int, int]
    neighbours: tuple[str, ...]  # words next to the source that type it ("report")
    self_admission: bool
    embedded: bool  # the sentence's main assertion lies outside: the author claims it too


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of quotations, marks included: curly pairs and straight pairs."""
    quotes: list[tuple[int, int]] = []
    limit = MAX_QUOTE_CHARS
    patterns = (rf"“[^“”]{{1,{limit}}}”", rf'"[^"]{{1,{limit}}}"', rf"''(?:(?!'').){{1,{limit}}}''")
    for pattern in patterns:
        quotes.extend((m.start(), m.end()) for m in re.finditer(pattern, text))
    return sorted(quotes)


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Shrink a character range past edge punctuation and spaces (quotation marks stay)."""
    text = text_of(doc)
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT + ".":
        end -= 1
    return start, end


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


def find_source(verb: Token, cues: Cues) -> tuple[Span | None, tuple[str, ...]]:
    """Return the source of a cue verb and the words that type it; (None, ()) when there is none."""
    head: Token | None = None
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            head = objects[0] if objects else None
        elif child.dep_ == "nsubj":
            head = child
    if head is None and verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return find_source(verb.head, cues)
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
    )


def complement_tokens(verb: Token, cues: Cues) -> list[Token]:
    """Return the children of a cue verb that carry what is said."""
    lemma = verb.lemma_.lower()
    found = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and c.dep_ != "csubj"]
    if lemma in cues.object_content_verbs:
        found += [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in cues.content_prepositions:
                found += [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return found


def rest_of_sentence(sent: Span, excluded: set[int]) -> tuple[int, int] | None:
    """Return the longest run of sentence tokens outside `excluded`, as characters."""
    best: tuple[int, int] | None = None
    run: list[Token] = []
    for token in [*sent, None]:
        if token is not None and token.i not in excluded:
            run.append(token)
            continue
        words = [t for t in run if not t.is_punct]
        if len(words) >= MIN_CONTENT_WORDS:
            candidate = (run[0].idx, run[-1].idx + len(run[-1]))
            if best is None or candidate[1] - candidate[0] > best[1] - best[0]:
                best = candidate
        run = []
    return best


def content_range(verb: Token, source: Span, sent: Span, cues: Cues) -> tuple[int, int] | None:
    """Return the characters of what a cue verb attributes, or None when nothing is attributed."""
    complements = complement_tokens(verb, cues)
    if complements:
        first = min(t.left_edge.i for t in complements)
        last = max(t.right_edge.i for t in complements)
        doc = verb.doc
        return doc[first].idx, doc[last].idx + len(doc[last])
    if any(c.dep_ == "agent" for c in verb.children):
        # "… were reported by X": X vouches for the whole statement
        return sent.start_char, sent.end_char
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i:
        return rest_of_sentence(sent, {t.i for t in verb.subtree})
    if verb.lemma_.lower() in cues.bare_speech_verbs:
        return rest_of_sentence(sent, {t.i for t in source} | {verb.i})
    return None


def is_embedded(sent: Span, cue: Span, content: tuple[int, int]) -> bool:
    """Tell whether the sentence's main verb lies outside the attribution (author asserts it)."""
    root = sent.root
    inside = content[0] <= root.idx < content[1]
    return not inside and not (cue.start <= root.i < cue.end) and root.pos_ in ("VERB", "AUX")


def quote_after(sent: Span, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the quotation that opens right after a sentence ending in a colon ("X said:")."""
    if not sent.text.rstrip().endswith(":"):
        return None
    end = sent.end_char
    return next((q for q in quotes if end <= q[0] <= end + 3), None)


def verb_frames(
    sent: Span, cues: Cues, taken: set[int], quotes: list[tuple[int, int]]
) -> list[Frame]:
    """Find attributions carried by speech verbs in a sentence."""
    frames = []
    for verb in sent:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or verb.i in taken:
            continue
        if lemma not in cues.speech_verbs and lemma not in cues.object_content_verbs:
            continue
        source, neighbours = find_source(verb, cues)
        if source is None:
            continue
        needs_speaker = lemma in cues.evidential_verbs or lemma not in cues.speech_verbs
        if needs_speaker and not can_speak(source, cues):
            continue
        content = content_range(verb, source, sent, cues) or quote_after(sent, quotes)
        if content is None:
            continue
        cue = sent.doc[verb.i : verb.i + 1]
        admission = verb.lemma_.lower() in cues.self_admission_verbs
        embedded = is_embedded(sent, cue, content) and "agent" not in {
            c.dep_ for c in verb.children
        }
        frames.append(Frame(source, cue, content, neighbours, admission, embedded))
    return frames


def according_frames(sent: Span, cues: Cues) -> tuple[list[Frame], set[int]]:
    """Find "according to X"-type attributions; also return the cue token indices they use."""
    frames, taken = [], set()
    lemmas = [t.lemma_.lower() if t.lemma_ != "accord" else "according" for t in sent]
    lowers = [t.lower_ for t in sent]
    for phrase in cues.according_to:
        n = len(phrase)
        for i in range(len(sent) - n + 1):
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


def widen_to_quotes(content: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """Grow a content range to cover every quotation it overlaps (quotes may span sentences)."""
    start, end = content
    for q_start, q_end in quotes:
        if q_start < end and start < q_end:
            start, end = min(start, q_start), max(end, q_end)
    return start, end


def named_mentions(doc: Doc, sentence_of: dict[int, int]) -> list[Mention]:
    """Return the entities that can be antecedents, with the index of their sentence."""
    return [
        Mention(e.text, e.label_, e.start_char, e.end_char, sentence_of.get(e.start, -1))
        for e in doc.ents
        if e.label_ in ("PERSON", "ORG", "NORP", "GPE")
        and not is_ignored(doc, e.start_char, e.end_char)  # a byline names the author
    ]


def name_inside(source: Span) -> Span | None:
    """Return the name a source contains (a person first), or None.

    A nationality that only modifies the head ("Afghan officials") names nobody.
    """
    root = source.root
    entities = [
        e
        for e in source.ents
        if e.label_ in ("PERSON", "ORG", "GPE", "FAC") or (e.label_ == "NORP" and root in e)
    ]
    people = [e for e in entities if e.label_ == "PERSON"]
    if people or entities:
        return (people or entities)[0]
    proper = [t for t in source if t.pos_ == "PROPN" and t.ent_type_ != "NORP"]
    return source.doc[proper[0].i : proper[-1].i + 1] if proper else None


def antecedent_span(source: Span) -> Span:
    """Return what a relative pronoun stands for ("X, who said" → X); other sources unchanged."""
    head = source.root
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        return source_span(head.head.head)
    return source


def frame_speaker(
    frame: Frame,
    sentence: int,
    mentions: list[Mention],
    author: str | None,
    lexicon: SpeakerLexicon,
) -> Speaker:
    """Resolve and type the speaker of an attribution."""
    source = frame.source
    named = antecedent_span(source)
    name = name_inside(named)
    mention = SourceMention(
        text=named.text,
        head_lemma=named.root.lemma_.lower(),
        entity_text=name.text if name is not None else None,
        entity_label=(name.label_ or "ORG") if name is not None else None,
        neighbours=frame.neighbours,
    )
    resolved_name, resolved_label = mention.entity_text, None
    labels = antecedent_labels(mention, lexicon)
    if labels is not None:
        antecedent = resolve_antecedent(labels, sentence, source.start_char, mentions)
        if antecedent is not None:
            resolved_name, resolved_label = antecedent.text, antecedent.label
    kind = classify_speaker(mention, lexicon, resolved_label)
    if kind == "author":
        return Speaker(name=author, type="author")
    if frame.self_admission:
        kind = "self_admission"
    name_text = resolved_name or re.sub(r"^(the|a|an)\s+", "", named.text, flags=re.I)
    return Speaker(name=name_text, type=kind, start=source.start_char, end=source.end_char)


def sentence_frames(sent: Span, cues: Cues, quotes: list[tuple[int, int]]) -> list[Frame]:
    """Find all attributions in a sentence, "according to" ones first."""
    frames, taken = according_frames(sent, cues)
    return frames + verb_frames(sent, cues, taken, quotes)


def paragraph_pieces(doc: Doc, sent: Span) -> list[tuple[int, int]]:
    """Split a sentence at blank lines (a headline or byline glued to the first sentence)."""
    pieces, start = [], sent.start_char
    for gap in re.finditer(r"\n\s*\n", sent.text):
        pieces.append(trim(doc, start, sent.start_char + gap.start()))
        start = sent.start_char + gap.end()
    pieces.append(trim(doc, start, sent.end_char))
    return [p for p in pieces if p[1] > p[0]]


def covered(sent: Span, ranges: list[tuple[int, int]]) -> bool:
    """Tell whether a sentence lies inside a content range found in another sentence."""
    start, end = trim(sent.doc, sent.start_char, sent.end_char)
    return any(r_start <= start and end <= r_end for r_start, r_end in ranges)


def make_claim(
    doc: Doc, span: tuple[int, int], speaker: Speaker, cue: Span | None, cues: ModalityCues
) -> Claim:
    """Build a claim: modality from the cues in its region, check-worthiness from its text."""
    start, end = span
    points = [start, end]
    if cue is not None:
        points += [cue.start_char, cue.end_char]
    if speaker.start is not None and speaker.end is not None:
        points += [speaker.start, speaker.end]
    mood, hedge = decide_modality(
        cues, text_of(doc), (min(points), max(points)), speaker.type == "author"
    )
    if speaker.type == "author" and implies_source(cues, hedge):
        speaker = Speaker(name=None, type="unnamed")
    tokens = doc.char_span(start, end, alignment_mode="expand")
    return Claim(
        text=text_of(doc)[start:end],
        start=start,
        end=end,
        speaker=speaker,
        cue=cue.text if cue is not None else None,
        cue_start=cue.start_char if cue is not None else None,
        cue_end=cue.end_char if cue is not None else None,
        modality=mood,
        hedge=hedge,
        check_worthiness=check_worthiness(
            tokens if tokens is not None else doc[0:0], speaker.type, mood
        ),
    )


def continued_quote(
    doc: Doc, span: tuple[int, int], quotes: list[tuple[int, int]], previous: Claim
) -> Claim | None:
    """Extend the attribution just before over a quote-only sentence that continues it."""
    quote = next((q for q in quotes if q[0] == span[0]), None)
    if quote is None or previous.speaker.type == "author" or quote[0] < previous.end:
        return None
    return replace(previous, text=text_of(doc)[previous.start : quote[1]], end=quote[1])


def find_claims(
    doc: Doc, cues: Cues, lexicon: SpeakerLexicon, modality: ModalityMatcher
) -> list[Claim]:
    """Return the claims of every analysed sentence, in text order."""
    found = modality.find(doc)
    sentences = analysed_sentences(doc)
    sentence_of = {t.i: n for n, sent in enumerate(sentences) for t in sent}
    mentions = named_mentions(doc, sentence_of)
    quotes = find_quotes(text_of(doc))
    author = doc._.document.author if doc._.document is not None else None
    claims: list[Claim] = []
    contents: list[tuple[int, int]] = []
    for n, sent in enumerate(sentences):
        frames = sentence_frames(sent, cues, quotes)
        for frame in frames:
            content = trim(doc, *widen_to_quotes(frame.content, quotes))
            if content[1] <= content[0]:
                continue
            speaker = frame_speaker(frame, n, mentions, author, lexicon)
            claim = make_claim(doc, content, speaker, frame.cue, found)
            claims.append(claim)
            contents.append(content)
        if frames and not all(f.embedded for f in frames):
            continue
        if not frames and covered(sent, contents):
            continue
        for span in paragraph_pieces(doc, sent):
            continued = continued_quote(doc, span, quotes, claims[-1]) if claims else None
            if continued is not None:
                claims[-1] = continued
                contents.append((continued.start, continued.end))
                continue
            by_author = Speaker(name=author, type="author")
            claims.append(make_claim(doc, span, by_author, None, found))
    return sorted(claims, key=lambda c: (c.start, c.end))


class Attribution:
    """spaCy component: set `doc._.claims` to the claims of every analysed sentence."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.cues = default_cues()
        self.lexicon = default_lexicon()
        self.modality = ModalityMatcher.from_path(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = find_claims(doc, self.cues, self.lexicon, self.modality)
        return doc


@Language.factory(
    "attribution_v1",
    assigns=["doc._.claims"],
    requires=["token.dep", "token.lemma", "doc.ents"],
    default_config={},
)
def make_attribution(nlp: Language, name: str) -> Attribution:
    """Create the attribution_v1 component."""
    return Attribution(nlp, name)
