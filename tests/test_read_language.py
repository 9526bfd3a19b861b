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


# Paragraphs of 40+ words in languages written in Latin letters: the English fast path must
# leave every one of them to the classifier.
FOREIGN_PARAGRAPHS = {
    "nl": "De politie heeft gisteren in het noorden van het land drie verdachten aangehouden na "
    "een aanslag op een kazerne. Volgens de burgemeester was de situatie in de stad daarna "
    "rustig, maar de bewoners zijn bang dat het geweld terugkeert. Het leger is met extra "
    "troepen naar de regio gestuurd en de wegen zijn afgesloten.",
    "es": "Las fuerzas de seguridad detuvieron ayer a tres sospechosos en el norte del país "
    "después de un ataque contra un cuartel militar. Según el alcalde, la situación en la "
    "ciudad era tranquila, pero los vecinos temen que la violencia vuelva. El ejército envió "
    "tropas adicionales a la región y cerró las carreteras principales.",
    "de": "Die Sicherheitskräfte haben gestern im Norden des Landes drei Verdächtige nach einem "
    "Angriff auf eine Kaserne festgenommen. Nach Angaben des Bürgermeisters war die Lage in "
    "der Stadt danach ruhig, doch die Bewohner fürchten, dass die Gewalt zurückkehrt. Die "
    "Armee hat zusätzliche Truppen in die Region geschickt und die Straßen gesperrt.",
    "da": "Sikkerhedsstyrkerne anholdt i går tre mistænkte i den nordlige del af landet efter "
    "et angreb på en militærlejr. Ifølge borgmesteren var situationen i byen derefter rolig, "
    "men beboerne frygter, at volden vender tilbage. Hæren har sendt flere tropper til "
    "regionen og lukket de vigtigste veje, og politiet er til stede overalt.",
    "id": "Pasukan keamanan menangkap tiga tersangka di wilayah utara negara itu kemarin "
    "setelah serangan terhadap sebuah markas militer. Menurut wali kota, situasi di kota "
    "itu tenang setelahnya, tetapi warga khawatir kekerasan akan kembali. Tentara mengirim "
    "pasukan tambahan ke wilayah tersebut dan menutup jalan-jalan utama.",
}


@pytest.mark.parametrize("code", sorted(FOREIGN_PARAGRAPHS))
def test_foreign_prose_is_not_taken_for_english(code: str) -> None:
    assert detect_language(FOREIGN_PARAGRAPHS[code]) == code


def test_english_quote_in_foreign_text_does_not_make_it_english() -> None:
    text = FOREIGN_PARAGRAPHS["es"] + ' El portavoz dijo: "We have the situation under control."'
    assert detect_language(text) == "es"


def test_english_article_is_english() -> None:
    text = (
        "Gunmen attacked a police post on the outskirts of the city overnight, killing two "
        "officers and wounding three others, officials said on Monday. The attackers fled "
        "before reinforcements arrived, and no group has claimed responsibility for the "
        "assault, which was the third of its kind in the province this month."
    )
    assert detect_language(text) == "en"
