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

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimgraph.model import Claim, Speaker
from claimgraph.nlp.extensions import analysed_sentences, text_of
from claimgraph.nlp.frames import Cues, default_cues, sentence_frames
from claimgraph.nlp.line_frames import line_frames
from claimgraph.nlp.modality import (
    ModalityCues,
    ModalityMatcher,
    check_worthiness,
    decide_modality,
    implies_source,
)
from claimgraph.nlp.quotes import (
    continued_quote,
    covered,
    find_quotes,
    paragraph_pieces,
    trim,
    widen_to_quotes,
)
from claimgraph.nlp.speaker_frames import frame_speaker, named_mentions
from claimgraph.resolve.speakers import SpeakerLexicon, default_lexicon

__all__ = ["Attribution", "find_claims", "find_quotes"]


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
    by_layout = line_frames(doc, cues)
    for n, sent in enumerate(sentences):
        laid_out = [f for f in by_layout if sent.start_char <= f.content[0] < sent.end_char]
        frames = laid_out + sentence_frames(sent, cues, quotes)
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
