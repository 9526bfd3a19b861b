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
from claimgraph.nlp.cue_lexicon import Cues, default_cues, verb_lemma
from claimgraph.nlp.extensions import analysed_sentences, text_of
from claimgraph.nlp.frames import Frame, sentence_frames
from claimgraph.nlp.line_frames import line_frames
from claimgraph.nlp.modality import (
    ModalityCues,
    ModalityMatcher,
    check_worthiness,
    decide_modality,
    implies_source,
)
from claimgraph.nlp.noun_frames import noun_frames
from claimgraph.nlp.quotes import (
    continued_quote,
    covered,
    find_quotes,
    paragraph_pieces,
    run_on_quotes,
    trim,
    unclaimed_clauses,
    widen_to_quotes,
)
from claimgraph.nlp.speaker_frames import frame_speaker, named_mentions
from claimgraph.resolve.actors import ActorLexicon
from claimgraph.resolve.actors import default_lexicon as default_actors
from claimgraph.resolve.speakers import SpeakerLexicon, default_lexicon

__all__ = ["Attribution", "find_claims", "find_quotes"]

# Share of a reporter's content that a claim cued inside it may cover before it only repeats
# it. Set by hand (0.9 keeps a nested quote that is most but not all of its reporter's words);
# on PolNeAR dev, 0.8 and 1.0 move content F1 and content+speaker F1 by at most 0.001.
SWALLOWED_SHARE = 0.9


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


def inside_quote(position: int, quotes: list[tuple[int, int]]) -> bool:
    """Tell whether a character lies inside a quotation."""
    return any(start < position < end for start, end in quotes)


def speaks_in_quote(frame: Frame, quotes: list[tuple[int, int]], lexicon: SpeakerLexicon) -> bool:
    """Tell whether a frame's source is "I"/"we" inside a quote: the quoted one, not the author."""
    return frame.source.text.lower() in lexicon.first_person and inside_quote(
        frame.cue.start_char, quotes
    )


def addressed_in_quote(frame: Frame, quotes: list[tuple[int, int]]) -> bool:
    """Tell whether a frame inside a quote has "you" as source: the one spoken to, no speaker.

    '"Will you pledge not to …?" he asks': the pledge is asked for, not made.
    """
    return frame.source.text.lower() == "you" and inside_quote(frame.cue.start_char, quotes)


def give_to_quoter(
    doc: Doc, claims: list[Claim], quoted: list[tuple[int, Frame]], found: ModalityCues
) -> None:
    """Give each "I said" inside a quote the speaker of the claim that quotes it (in place)."""
    for index, frame in quoted:
        position = frame.cue.start_char
        outer = [
            c
            for n, c in enumerate(claims)
            if n != index and c.speaker.type != "author" and c.start <= position < c.end
        ]
        if not outer:
            continue
        quoter = min(outer, key=lambda c: c.end - c.start).speaker
        kind = "self_admission" if frame.self_admission else quoter.type
        speaker = Speaker(quoter.name, kind, frame.source.start_char, frame.source.end_char)
        claim = claims[index]
        claims[index] = make_claim(doc, (claim.start, claim.end), speaker, frame.cue, found)


def without_echoes(claims: list[Claim], quotes: list[tuple[int, int]]) -> list[Claim]:
    """Drop a claim cued inside a quote when it lies within the claim quoting it.

    '"Who do you want …?" he said': "you want" widened to the quote repeats "he said". An
    admission about oneself is kept: it says more than the quote around it.
    """
    tagged = [
        (c.start, c.end)
        for c in claims
        if c.cue_start is not None and not inside_quote(c.cue_start, quotes)
    ]
    return [
        c
        for c in claims
        if c.cue_start is None
        or c.speaker.type == "self_admission"
        or not inside_quote(c.cue_start, quotes)
        or not any(start <= c.start and c.end <= end for start, end in tagged)
    ]


def not_inside_quoted(claims: list[Claim]) -> list[Claim]:
    """Drop author claims lying inside someone's content (a quote whose speaker comes later)."""
    cited = [(c.start, c.end) for c in claims if c.speaker.type != "author"]
    return [
        c
        for c in claims
        if c.speaker.type != "author"
        or not any(start <= c.start and c.end <= end for start, end in cited)
    ]


def reports_stance(doc: Doc, claim: Claim, cues: Cues) -> bool:
    """Tell whether a claim's cue is a thought, intention or judgement, not a verb of saying.

    "believes", "plans", "supports", "called X a Y", "her decision to …", "is afraid that …".
    """
    if claim.cue_start is None or claim.cue_end is None:
        return False
    span = doc.char_span(claim.cue_start, claim.cue_end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    lemma = root.lemma_.lower()
    if root.dep_ in ("conj", "advcl") and root.pos_ == "VERB":
        return False  # "outlined a plan and vowed to …": a second act beside the first, not in it
    if root.pos_ == "NOUN":
        return lemma in cues.speech_nouns or lemma in cues.intention_nouns
    if root.pos_ == "ADJ":
        return lemma in cues.stance_adjectives
    if root.pos_ != "VERB":
        return False
    # a verb of thinking, wanting or judging ("supports", "called X a Y"), not of saying
    lemma = verb_lemma(root, cues)
    return lemma in cues.attitude_verbs or lemma not in cues.speech_verbs


def reported_within(claim: Claim, claims: list[Claim]) -> bool:
    """Tell whether a claim, cue and content, lies inside another speaker's content."""
    return claim.cue_start is not None and any(
        other is not claim
        and other.speaker.type != "author"
        and other.start <= min(claim.start, claim.cue_start)
        and claim.end <= other.end
        for other in claims
    )


def without_nested_thoughts(doc: Doc, claims: list[Claim], cues: Cues) -> list[Claim]:
    """Drop a thought, intention or judgement reported inside someone else's content.

    "Trump said he believes X": X is Trump's claim, once. "Police said the suspect planned
    to flee", "… said she supports the deal": the plan and the support are the reporter's
    claims, not the suspect's or hers. Speech reported inside ("… said the suspect
    admitted …") stays a claim of its own (nested attribution).
    """
    return [c for c in claims if not (reported_within(c, claims) and reports_stance(doc, c, cues))]


def swallows_its_reporter(claim: Claim, claims: list[Claim]) -> bool:
    """Tell whether a claim cued inside another's content has grown to cover that content.

    'Trump tweeted that "… knocking me for tweeting …"': "tweeting", widened to the quote it
    sits in, would repeat the whole tweet under a second speaker.
    """
    if claim.cue_start is None or claim.speaker.type == "self_admission":
        return False
    for other in claims:
        if other is claim or other.speaker.type == "author":
            continue
        if not other.start <= claim.cue_start < other.end or other.cue_start is None:
            continue
        if claim.start <= other.cue_start < claim.end:
            continue  # each holds the other's cue: one quote around one tag, not a report
        shared = min(claim.end, other.end) - max(claim.start, other.start)
        if shared >= SWALLOWED_SHARE * (other.end - other.start):
            return True
    return False


def without_reporters(frames: list[Frame]) -> list[Frame]:
    """Cut a content short of a later cue that reports it ("X plans Y, according to Z").

    The parser hangs "according to Z" on "plans"; Z's frame covers "X plans Y", so Y ends
    before Z's cue.
    """
    cut = []
    for frame in frames:
        start, end = frame.content
        for other in frames:
            if not len(other.cue) or other.cue[0].dep_ != "prep":
                continue  # only a phrase ("according to Z") hangs on the verb it reports
            reports = other.content[0] <= frame.cue.start_char < other.content[1]
            later = frame.cue.start_char < other.cue.start_char
            if other is not frame and reports and later and start < other.cue.start_char < end:
                end = min(end, other.cue.start_char)
        cut.append(frame._replace(content=(start, end)))
    return cut


def find_claims(
    doc: Doc,
    cues: Cues,
    lexicon: SpeakerLexicon,
    modality: ModalityMatcher,
    actors: ActorLexicon | None = None,
) -> list[Claim]:
    """Return the claims of every analysed sentence, in text order."""
    found = modality.find(doc)
    actors = actors if actors is not None else default_actors()
    sentences = analysed_sentences(doc)
    sentence_of = {i: n for n, sent in enumerate(sentences) for i in range(sent.start, sent.end)}
    mentions = named_mentions(doc, sentence_of, lexicon)
    quotes = find_quotes(text_of(doc))
    author = doc._.document.author if doc._.document is not None else None
    claims: list[Claim] = []
    contents: list[tuple[int, int]] = []
    quoted: list[tuple[int, Frame]] = []
    by_layout = line_frames(doc, cues)
    for n, sent in enumerate(sentences):
        laid_out = [f for f in by_layout if sent.start_char <= f.content[0] < sent.end_char]
        frames = [
            f
            for f in laid_out + sentence_frames(sent, cues, quotes) + noun_frames(sent, cues)
            # "I think …" inside a quote is the quoted speaker's, already in the quote's claim;
            # only an admission about oneself adds something worth its own claim
            if (f.self_admission or not speaks_in_quote(f, quotes, lexicon))
            and not addressed_in_quote(f, quotes)
        ]
        for frame in without_reporters(frames):
            nested = speaks_in_quote(frame, quotes, lexicon)
            widened = frame.content if nested else widen_to_quotes(frame.content, quotes)
            content = trim(doc, *widened)
            if content[1] <= content[0]:
                continue
            speaker = frame_speaker(frame, n, mentions, author, lexicon, actors)
            if nested:
                quoted.append((len(claims), frame))
            claims.append(make_claim(doc, content, speaker, frame.cue, found))
            contents.append(content)
        if frames and not all(f.embedded for f in frames):
            taken = [f.content for f in frames]
            taken += [(f.cue.start_char, f.cue.end_char) for f in frames if len(f.cue)]
            taken += [(f.source.start_char, f.source.end_char) for f in frames if len(f.source)]
            for span in unclaimed_clauses(doc, sent, taken):
                claims.append(make_claim(doc, span, Speaker(author, "author"), None, found))
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
    give_to_quoter(doc, claims, quoted, found)
    claims = run_on_quotes(text_of(doc), claims, quotes)
    claims = without_nested_thoughts(doc, without_echoes(claims, quotes), cues)
    claims = [c for c in claims if not swallows_its_reporter(c, claims)]
    return sorted(not_inside_quoted(claims), key=lambda c: (c.start, c.end))


class Attribution:
    """spaCy component: set `doc._.claims` to the claims of every analysed sentence."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.cues = default_cues()
        self.lexicon = default_lexicon()
        self.actors = default_actors()
        self.modality = ModalityMatcher.from_path()

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = find_claims(doc, self.cues, self.lexicon, self.modality, self.actors)
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
