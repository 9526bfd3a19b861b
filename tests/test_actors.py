"""Actor mentions resolved to canonical ACLED-style names, and the actors_v1 component."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import claimgraph.nlp.actors  # noqa: F401  (registers actors_v1)
from claimgraph.model import Document, Place
from claimgraph.resolve.actors import ActorLexicon, default_lexicon


@pytest.mark.parametrize(
    ("alias", "name", "parent"),
    [
        ("ISIS", "Islamic State", None),
        ("ISIL", "Islamic State", None),
        ("IS", "Islamic State", None),
        ("Daesh", "Islamic State", None),
        ("Islamic State", "Islamic State", None),
        ("ISKP", "Islamic State Khorasan Province", "Islamic State"),
        ("ISIS-K", "Islamic State Khorasan Province", "Islamic State"),
        ("IS-K", "Islamic State Khorasan Province", "Islamic State"),
        ("islamic state khorasan province", "Islamic State Khorasan Province", "Islamic State"),
        ("Islamic State Khorasan", "Islamic State Khorasan Province", "Islamic State"),
        ("ISWAP", "Islamic State West Africa Province", "Islamic State"),
        ("IS-Sahel", "Islamic State Sahel Province", "Islamic State"),
        ("IS-Somalia", "Islamic State Somalia Province", "Islamic State"),
        ("TTP", "Tehrik-i-Taliban Pakistan", None),
        ("Haqqani Network", "Haqqani Network", "Taliban"),
        ("al-Shabab", "Al Shabaab", "Al Qaeda"),
        ("Ansar Allah", "Houthi Movement", None),
        ("CPI-Maoist", "Communist Party of India (Maoist)", None),
        ("Tamil Tigers", "Liberation Tigers of Tamil Eelam", None),
        ("AQI", "Al Qaeda in Iraq", "Al Qaeda"),
        ("Sendero Luminoso", "Shining Path", None),
    ],
)
def test_lookup_alias(alias: str, name: str, parent: str | None) -> None:
    entry = default_lexicon().lookup(alias)
    assert entry is not None
    assert (entry.name, entry.parent) == (name, parent)


@pytest.mark.parametrize("word", ["is", "Is", "let", "isis-k-9"])
def test_short_aliases_need_their_case(word: str) -> None:
    assert default_lexicon().lookup(word) is None


@pytest.mark.parametrize(
    ("sentence", "country", "expected"),
    [
        (
            "ISIS-K claimed the blast, and IS later released a video.",
            "AF",
            [("ISIS-K", "Islamic State Khorasan Province"), ("IS", "Islamic State")],
        ),
        ("What is left of Daesh is small.", None, [("Daesh", "Islamic State")]),
        ("The strike killed eleven ISIS members.", None, [("ISIS members", "Islamic State")]),
        (
            "Pakistani troops raided a TTP hideout.",
            None,
            [
                ("Pakistani troops", "Military Forces of Pakistan"),
                ("TTP", "Tehrik-i-Taliban Pakistan"),
            ],
        ),
        (
            "He was arrested by Turkish intelligence.",
            None,
            [("Turkish intelligence", "Military Forces of Turkey")],
        ),
        ("Police arrested two suspects.", "PK", [("Police", "Police Forces of Pakistan")]),
        (
            "Security forces cordoned off the area.",
            "IN",
            [("Security forces", "Military Forces of India")],
        ),
        (
            "Unidentified gunmen opened fire.",
            "PK",
            [("Unidentified gunmen", "Unidentified Armed Group (Pakistan)")],
        ),
        (
            "Unknown assailants shot him.",
            None,
            [("Unknown assailants", "Unidentified Armed Group")],
        ),
        ("Villagers fled the fighting.", "NG", [("Villagers", "Civilians (Nigeria)")]),
        ("Protesters gathered in the square.", "KE", [("Protesters", "Protesters (Kenya)")]),
        ("Rioters torched cars.", "FR", [("Rioters", "Rioters (France)")]),
        (
            "The Pakistani Taliban denied it.",
            None,
            [("Pakistani Taliban", "Tehrik-i-Taliban Pakistan")],
        ),
        ("Houthi rebels fired a missile.", None, [("Houthi rebels", "Houthi Movement")]),
        ("WHAT IS NEXT FOR THE REGION", None, []),
    ],
)
def test_find_actors(sentence: str, country: str | None, expected: list[tuple[str, str]]) -> None:
    found = default_lexicon().find(sentence, country)
    assert [(a.text, a.name) for a in found] == expected
    assert all(sentence[a.start : a.end] == a.text for a in found)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Al-Shabaab attacked the base.", "rebel"),
        ("Hezbollah fired rockets.", "militia"),
        ("Kenyan police blocked the road.", "state"),
        ("Gunmen stormed the school.", "unidentified"),
        ("Worshippers were inside the mosque.", "civilians"),
        ("Demonstrators blocked the road.", "protesters"),
        ("Wagner mercenaries arrived.", "external"),
    ],
)
def test_actor_kinds(sentence: str, kind: str) -> None:
    assert [a.kind for a in default_lexicon().find(sentence, None)] == [kind]


def test_lexicon_from_path(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "actors.yaml"
    path.write_text(
        "groups:\n  - name: Example Front\n    kind: rebel\n    aliases: [EXF, Example Front]\n",
        encoding="utf-8",
    )
    lexicon = ActorLexicon.from_path(path)
    assert [a.name for a in lexicon.find("The EXF and the example front met.")] == [
        "Example Front",
        "Example Front",
    ]


@pytest.fixture(scope="module")
def actors_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("actors_v1")
    return nlp


def test_component_uses_country_focus_and_skips_boilerplate(actors_nlp: Language) -> None:
    text = "Gunmen attacked a police post in Quetta. ISIS claimed it.\nShare on ISIS news"
    boiler = text.index("Share")
    doc = actors_nlp.make_doc(text)
    doc._.document = Document(id="t", text=text, ignored=((boiler, len(text)),))
    doc._.places = [Place("Quetta", 33, 39, name="Quetta", country_code="PK")]
    doc = actors_nlp.get_pipe("actors_v1")(doc)
    assert [(a.text, a.name, a.kind) for a in doc._.actors] == [
        ("Gunmen", "Unidentified Armed Group (Pakistan)", "unidentified"),
        ("police", "Police Forces of Pakistan", "state"),
        ("ISIS", "Islamic State", "rebel"),
    ]
    assert all(text[a.start : a.end] == a.text for a in doc._.actors)


def test_component_without_places(actors_nlp: Language, run_pipeline: Callable[..., Doc]) -> None:
    doc = run_pipeline(actors_nlp, "Troops killed three militants.")
    assert [(a.text, a.name) for a in doc._.actors] == [
        ("Troops", "Military Forces"),
        ("militants", "Unidentified Armed Group"),
    ]


@pytest.mark.parametrize(
    ("text", "published", "kind"),
    [
        ("On 2 August 2021, the Taliban captured Zaranj.", None, "rebel"),
        ("On 20 September 2021, the Taliban arrested two journalists.", None, "state"),
        ("The Taliban captured the district on Sunday.", "2019-05-12", "rebel"),
        ("The Taliban detained two journalists in Kabul.", None, "state"),
    ],
)
def test_group_kind_is_the_one_it_had_at_the_time(
    actors_nlp: Language, text: str, published: str | None, kind: str
) -> None:
    doc = actors_nlp.make_doc(text)
    doc._.document = Document(id="t", text=text, published=published)
    doc._.places = []
    doc = actors_nlp.get_pipe("actors_v1")(doc)
    assert [(a.name, a.kind) for a in doc._.actors] == [("Taliban", kind)]
