"""Where the sub-event classifier weighs in on a trigger's type (part of events.v1).

The classifier (`claimgraph.nlp.event_classifier`) is trained on short reports: on them it
decides a generic trigger's type, overrules an implausible one, and finds the incident a
report tells in words the trigger lexicon lacks. In longer texts the rules alone type.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from claimgraph.nlp.event_classifier import NOT_INCIDENT, EventTypeModel
from claimgraph.nlp.event_triggers import (
    Trigger,
    TriggerRule,
)
from claimgraph.nlp.extensions import text_of

# The classifier decides an incident's type when its first choice is likelier than the rest...
DECISIVE_PROBABILITY = 0.5


# ... and, unless the trigger is generic, the trigger's type is less likely than this.
IMPLAUSIBLE_PROBABILITY = 0.05


# A text this long is no short report (an event note, a news snippet: about 150 words).
SHORT_REPORT_CHARS = 1000


# The classifier reports an incident the rules missed when its first choice is a sub-event
# type at least this likely (chosen on the ConfliBERT/SATP dev snippets, 0.2 vs 0.3 vs off).
RECOVERY_MIN_PROBABILITY = 0.2


def is_short_report(doc: Doc) -> bool:
    """Tell whether a text is a short report (an event note, a news snippet), not an article."""
    return len(text_of(doc)) <= SHORT_REPORT_CHARS


def report_context(
    doc: Doc, sentence: Span, group: Sequence[Trigger], found: Sequence[Sequence[Trigger]]
) -> str | None:
    """Return the text the classifier reads for an incident of a short report, else None.

    The classifier is trained on short reports, so it weighs in only on them: a report that
    tells only this incident ("On 3 May, rebels took the town. 3 fatalities.") is read whole,
    as a coder reads it; one that tells several, the incident's sentence. In a longer text
    (an article, a list) the rules alone type the incidents.
    """
    if not is_short_report(doc):
        return None
    own = {t.span.start for t in group}
    if any(t.span.start not in own for triggers in found for t in triggers):
        return sentence.text
    return text_of(doc)


def decisive_type(
    probabilities: dict[str, float], trigger_type: str, generic: bool = False
) -> str | None:
    """Return the classifier's sub-event type where it should replace the trigger's.

    Where the classifier is sure (its first choice likelier than all others together) and
    the trigger only says violence happened ("attacked", "killed"). A trigger that names the
    kind of incident gives way only when the classifier also finds its type implausible:
    "parents marched to demand the release of their kidnapped sons" is a protest, however
    much it is about a kidnapping.
    """
    label = max(probabilities, key=probabilities.__getitem__)
    if label == NOT_INCIDENT or probabilities[label] < DECISIVE_PROBABILITY:
        return None
    if not generic and probabilities.get(trigger_type, 0.0) >= IMPLAUSIBLE_PROBABILITY:
        return None
    return label


def recover_lead_incident(
    lead: Sequence[Span], model: EventTypeModel
) -> tuple[Span, Trigger, float] | None:
    """Find the incident a short report tells in words the trigger lexicon lacks.

    Only for short reports without a single trigger word: the lead sentence the classifier finds
    likeliest to report an incident becomes one, triggered at its root, when a sub-event
    type is the classifier's first choice for it. Returns the sentence, the trigger (the
    classifier's type, specificity 0: below every lexicon trigger) and the classifier's
    probability of that type.
    """
    if not lead:
        return None
    scores = model.classify([s.text for s in lead])
    best = max(
        range(len(lead)), key=lambda i: max(v for k, v in scores[i].items() if k != NOT_INCIDENT)
    )
    label = max(scores[best], key=scores[best].__getitem__)
    if label == NOT_INCIDENT or scores[best][label] < RECOVERY_MIN_PROBABILITY:
        return None
    root = lead[best].root
    trigger = Trigger(span=root.doc[root.i : root.i + 1], head=root, rule=TriggerRule(label, 0))
    return lead[best], trigger, scores[best][label]
