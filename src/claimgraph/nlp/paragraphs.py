"""paragraphs_v1: a line break always ends a sentence.

The parser would otherwise run a headline, byline and dateline into one "sentence", and a
boilerplate line into the next paragraph; every claimgraph span is per sentence, so the
boundaries must follow the lines of the text. Runs before the parser, which keeps them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("paragraphs_v1")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after each line break."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
