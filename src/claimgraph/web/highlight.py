"""Mark up a document's text with its spans, escaping every slice of the text.

Spans overlap (a place inside an event's evidence sentence inside a claim), so the text is
cut at every span boundary and each piece is one `<span>` naming all the spans that cover it
(`data-refs`) and their kinds (classes). The text itself is only ever passed through
`html.escape`; span refs and kinds are ours (`e3`, `place`), never from the document.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

KINDS = ("event", "claim", "place", "actor", "rhetoric")


@dataclass(frozen=True, slots=True)
class Mark:
    """One span to highlight: its offsets, kind, and the ref of its entry in the side panel."""

    start: int
    end: int
    kind: str
    ref: str


def highlight(text: str, marks: Sequence[Mark]) -> Markup:
    """Return the text as HTML: escaped slices, covered ones wrapped in a span per piece."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text) and m.kind in KINDS]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    by_start = sorted(valid, key=lambda m: (m.start, m.end))
    parts: list[str] = []
    active: list[Mark] = []
    index = 0
    for begin, end in zip(cuts, cuts[1:], strict=False):
        while index < len(by_start) and by_start[index].start <= begin:
            active.append(by_start[index])
            index += 1
        active = [m for m in active if m.end > begin]
        piece = html.escape(text[begin:end], quote=True)
        if not active:
            parts.append(piece)
            continue
        kinds = sorted({m.kind for m in active}, key=KINDS.index)
        refs = " ".join(m.ref for m in active)
        classes = " ".join(f"hl-{kind}" for kind in kinds)
        parts.append(f'<span class="hl {classes}" data-refs="{refs}">{piece}</span>')
    return Markup("".join(parts))
