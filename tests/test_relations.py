"""relations_v1: who is said to do what to whom — each edge somebody's claim, never a fact."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from claimgraph.model import ClaimEdge
from claimgraph.nlp.pipeline import load_pipeline
from tests.conftest import make_document

CLI = str(Path(sys.executable).parent / "claimgraph")


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def edges_of(nlp: Language, text: str) -> list[ClaimEdge]:
    doc = nlp.make_doc(text)
    doc._.document = make_document(text, author="Jane Doe", published="2024-03-14")
    return list(nlp(doc)._.edges)


def triples(edges: list[ClaimEdge]) -> set[tuple[str, str, str, str, str]]:
    return {(e.subject.name, e.relation, e.object.name, e.speaker.type, e.modality) for e in edges}


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        (
            "Syria is sheltering hundreds of Hezbollah fighters near Damascus.",
            ("Syria", "hosts", "Hezbollah", "author", "asserted"),
        ),
        (
            "Officials said Iran finances the Houthis.",
            ("Iran", "supports", "Houthi Movement", "unnamed", "attributed"),
        ),
        (
            "Police arrested three Taliban members in Kabul on Monday.",
            ("Police Forces of Afghanistan", "arrests", "Taliban", "author", "asserted"),
        ),
        (
            "Al-Shabaab militants attacked a police station in Mogadishu, killing four officers.",
            ("Al Shabaab", "kills", "Police Forces of Somalia", "author", "asserted"),
        ),
        (
            "Russia reportedly trains Wagner recruits in Belarus.",
            ("Russia", "trains", "Wagner Group", "unnamed", "hedged"),
        ),
    ],
)
def test_a_relation_verb_between_two_entities_is_an_edge_with_its_speaker(
    nlp: Language, text: str, edge: tuple[str, str, str, str, str]
) -> None:
    assert edge in triples(edges_of(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Militants stormed a school in Peshawar.",  # a place named as where is no target
        "A training site in Jabar Mela was destroyed last year.",  # nobody does it
        "The weather in Lahore was hot on Monday.",
    ],
)
def test_no_edge_without_a_doer_and_a_target(nlp: Language, text: str) -> None:
    assert [(e.subject.name, e.relation, e.object.name) for e in edges_of(nlp, text) if e.relation != "reports"] == []


def test_a_capital_as_subject_is_its_state_and_the_country_is_the_story_s_country(
    nlp: Language,
) -> None:
    text = (
        "Pakistan is at the centre of this story. Islamabad is rebuilding ISIS in the region. "
        "Officials warned that the country continues to finance the group."
    )
    found = triples(edges_of(nlp, text))
    assert ("Pakistan", "supports", "Islamic State", "author", "asserted") in found
    assert any(s == "Pakistan" and r == "supports" and t == "Islamic State" and who == "unnamed"
               for s, r, t, who, _m in found)


OPINION = (
    "A Haven in Plain Sight\n\n"
    "By Omar Haddad\n\n"
    "Make no mistake: Pakistan's border districts are hosting a sprawling network of ISIS "
    "camps. A captured fighter, Ali Rahimi, admitted to the existence of ISIS centers in "
    "Balochistan where recruits from abroad were trained. The Khorasan Diary reported that "
    "drone strikes killed nine ISIS members in Bajaur.\n"
)


def test_graph_lists_the_author_s_allegations_as_the_author_s(tmp_path: Path) -> None:
    article = tmp_path / "opinion.txt"
    article.write_text(OPINION, encoding="utf-8")
    db = str(tmp_path / "g.db")
    ingest = subprocess.run([CLI, "ingest", str(article), "--db", db], capture_output=True, text=True)
    assert ingest.returncode == 0, ingest.stderr
    result = subprocess.run([CLI, "graph", "Pakistan", "--db", db, "--format", "jsonl"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    hosts = [r for r in rows if r["relation"] == "hosts"]
    assert hosts, rows
    (edge,) = hosts
    assert edge["subject"]["key"] == "country:PK" and edge["object"]["name"] == "Islamic State"
    assert edge["speaker"] == {"name": "Omar Haddad", "type": "author"}
    assert edge["modality"] == "asserted"  # the author's own allegation, not a fact
    assert "hosting a sprawling network" in edge["evidence"]["text"]
    assert edge["sources"] == {"speakers": 1, "documents": 1}
    trained = subprocess.run([CLI, "graph", "Balochistan", "--db", db, "--format", "json"],
                             capture_output=True, text=True)
    (trains,) = [r for r in json.loads(trained.stdout) if r["relation"] == "trains"]
    assert trains["speaker"]["type"] == "self_admission"
    assert trains["subject"]["name"] == "Islamic State"


def test_an_allegation_repeated_by_one_author_is_one_speaker(tmp_path: Path) -> None:
    folder = tmp_path / "pieces"
    folder.mkdir()
    for i in range(3):
        (folder / f"p{i}.txt").write_text(
            f"Piece {i}\n\nBy Omar Haddad\n\nPakistan is hosting ISIS camps, part {i} of a series.\n",
            encoding="utf-8",
        )
    db = str(tmp_path / "g.db")
    subprocess.run([CLI, "ingest", str(folder), "--db", db], capture_output=True, text=True, check=True)
    result = subprocess.run([CLI, "graph", "--relation", "hosts", "--db", db, "--format", "jsonl"],
                            capture_output=True, text=True)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3
    assert all(r["sources"] == {"speakers": 1, "documents": 3} for r in rows)
