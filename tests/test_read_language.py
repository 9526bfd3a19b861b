"""Language detection: documents not in English are flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.model import Document
from claimgraph.read import detect_language, read_documents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Security forces killed five militants in a raid in the north, officials said.", "en"),
        (
            "Les forces de sécurité ont tué cinq militants lors d'un raid dans le nord du pays.",
            "fr",
        ),
        (
            "سیکیورٹی فورسز نے شمالی علاقے میں ایک چھاپے کے دوران"
            " پانچ عسکریت پسندوں کو ہلاک کر دیا۔",
            "ur",
        ),
        ("قتل خمسة مسلحين في غارة شنتها قوات الأمن في شمال البلاد يوم الأحد.", "ar"),
        ("Blast kills 5", None),  # too short to tell
        ("", None),
        ("12345 67890 !!! ???", None),
    ],
)
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_non_english_document_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(
        "Attaque dans le nord\n\nDes hommes armés ont attaqué un poste de police dans la nuit, "
        "tuant deux agents, selon les autorités locales.\n",
        encoding="utf-8",
    )
    (document,) = read_documents([str(path)])
    assert isinstance(document, Document)
    assert document.language == "fr"
