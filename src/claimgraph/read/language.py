"""Tell which language a document is written in (py3langid; its model ships in the wheel)."""

from __future__ import annotations

import py3langid

# Below this many letters the classifier's answer is noise (calibrated by eye on one-line
# headlines: "Blast kills 5" is guessed as several languages).
MIN_LETTERS = 20
# The opening of a long article says as much as the whole, at a fraction of the cost.
SAMPLE_CHARS = 2000


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language, or None when it is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for char in sample if char.isalpha()) < MIN_LETTERS:
        return None
    code, _score = py3langid.classify(sample)
    return str(code)
