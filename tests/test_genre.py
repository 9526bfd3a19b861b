"""genre_v1: news, opinion, statement or unknown, with the evidence shown to the reader."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import claimgraph.nlp.attribution  # noqa: F401  (registers the components)
import claimgraph.nlp.genre  # noqa: F401
import claimgraph.nlp.rhetoric  # noqa: F401
from claimgraph.nlp.pipeline import MODEL


@pytest.fixture(scope="module")
def nlp(base_nlp: Language) -> Language:
    pipeline = spacy.load(MODEL)
    for name in ("attribution_v1", "rhetoric_v1", "genre_v1"):
        pipeline.add_pipe(name)
    return pipeline


NEWS = (
    "PESHAWAR (Reuters) — Gunmen killed four police officers at a checkpoint on Monday, "
    "officials said. The attack took place near the city, police spokesman Ali Khan told "
    "reporters. No group has claimed responsibility, according to local media."
)
OPINION = (
    "The region is sliding into chaos, and the world is looking away. The evidence leaves "
    "little doubt that the militias are armed from abroad. This should alarm every capital. "
    "Governments must act collectively, and they must act now, before it is too late. "
    "We cannot afford another decade of brutal, destabilizing proxy wars."
)
STATEMENT = (
    "FOR IMMEDIATE RELEASE\n\nThe Coalition for Peace strongly condemns the attack on the "
    "hospital in Marib. We call on all parties to respect humanitarian law.\n\n"
    "Media contact: press@example.org\n\n###"
)

# (text, metadata, genre, a piece of the evidence)
GENRES = [
    (NEWS, {}, "news", "dateline"),
    (OPINION, {}, "opinion", "'must act collectively'"),
    (STATEMENT, {}, "statement", "press-release marker"),
    (
        "The convoy reached the town on Tuesday.",
        {"url": "https://example.com/opinion/2024/convoy"},
        "opinion",
        "url section: '/opinion/'",
    ),
    ("Weather today.", {}, "unknown", None),
]


@pytest.mark.parametrize(("text", "meta", "genre", "evidence"), GENRES)
def test_genre(nlp, run_pipeline, text, meta, genre, evidence):
    found, reasons = run_pipeline(nlp, text, **meta)._.genre
    assert found == genre
    if evidence is not None:
        assert any(evidence in reason for reason in reasons)


# Written for these tests; each stands for a kind of real reporting (none is dev data).
SIGNED_OPINION = (
    "The Quiet Collapse of the Northern Truce\n\n"
    "By Mariam Idris\n\n"
    "Make no mistake: the truce in the north is over, and the capital is pretending otherwise. "
    "Aid groups say convoys have been turned back at three checkpoints since the spring. "
    "According to a report by a local monitor, armed men burned a market near the river.\n\n"
    "Donors who fund the security forces should ask what their money is buying. "
    "The government must reopen the roads now, before the harvest is lost."
)
LOCAL_SERVICE_NEWS = (
    "County offers tax relief to older homeowners\n\n"
    "Elderly and disabled residents can apply for property tax credits of up to $1,000, the "
    "county assessor said on Tuesday. To qualify, an applicant must be 65 or older by the end "
    "of last year, and applicants must have lived in the county for at least two years. "
    "Applications are accepted at the assessor's office until May 15. Last year 412 households "
    "received the credit, assessor Tom Reilly said. For forms, call the office at 555-0100."
)
WIRE_NEWS_NO_DATELINE = (
    "Gunmen kill four guards at northern checkpoint\n\n"
    "Gunmen killed four guards at a checkpoint outside the town of Dara on Tuesday, the "
    "provincial police chief said. Two attackers were wounded and arrested, he told reporters. "
    "A spokesman for the interior ministry said the checkpoint had been attacked twice this "
    "year. No group has claimed responsibility. Residents said the road remained closed on "
    "Wednesday morning while soldiers searched nearby villages."
)
LETTER = (
    "LETTERS\n\n"
    "I have lived in this city for forty years and I cannot remember the roads in such a state. "
    "Why does the council keep promising repairs it never makes? We pay our taxes. "
    "It is time the mayor explained where the money went."
)
CONTRIBUTOR = (
    "What the ceasefire talks leave out\n\n"
    "The talks in the capital have been described as a breakthrough. They are nothing of the "
    "kind: the two armies have agreed to meet again, and that is all. The militias that did "
    "most of the killing are not at the table, and nobody has asked the displaced what they "
    "want. A settlement that ignores them will not hold.\n\n"
    "Samir Aziz is a professor of politics at the University of the North."
)

HEDGED_ANALYSIS = (
    "The Dara checkpoint attack and the limits of the northern crackdown\n\n"
    "Tuesday's attack on the checkpoint outside Dara, which killed four guards, appears to "
    "confirm that the militants have rebuilt their networks in the hills. The choice of target "
    "suggests good knowledge of the guards' routines, and the timing may signal an attempt to "
    "disrupt the harvest convoys. It fits a pattern seen across the province this year. "
    "Whether the government can hold the roads through the winter remains to be seen."
)

UNCERTAIN_NEWS = (
    "Alleged confrontation leaves students injured\n\n"
    "An alleged ongoing confrontation in or around the university campus between students and "
    "security forces has left at least one student injured. The student appears to have been "
    "shot with rubber pellets. The confrontation appears to have started in the afternoon. "
    "Classes were suspended and the campus gates were closed until further notice."
)

# (text, genre): opinion writing comes out as opinion; reporting, rules included, stays news
WRITING = [
    (SIGNED_OPINION, "opinion"),
    (LETTER, "opinion"),
    (CONTRIBUTOR, "opinion"),
    (HEDGED_ANALYSIS, "opinion"),  # commentary on an incident: it joins it, does not report it
    (LOCAL_SERVICE_NEWS, "news"),
    (WIRE_NEWS_NO_DATELINE, "news"),
]


@pytest.mark.parametrize(("text", "genre"), WRITING)
def test_opinion_writing_is_opinion_and_reporting_is_news(nlp, run_pipeline, text, genre):
    found, reasons = run_pipeline(nlp, text)._.genre
    assert found == genre, reasons


def test_a_report_that_hedges_its_facts_is_not_commentary(nlp, run_pipeline):
    # "appears to have been shot" doubts a fact; analysis weighs what an incident means.
    found, reasons = run_pipeline(nlp, UNCERTAIN_NEWS)._.genre
    assert found != "opinion", reasons


def test_the_bundled_opinion_sample_is_opinion(tmp_path):
    import json

    from typer.testing import CliRunner

    from claimgraph.cli import app
    from claimgraph.data_files import data_path

    sample = data_path("samples", "02_opinion.txt")
    result = CliRunner().invoke(app, ["extract", str(sample), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    (record,) = json.loads(result.stdout)
    assert record["document"]["genre"] == "opinion"
    speakers = [c["speaker"]["name"] for c in record["claims"]] + [
        e["speaker"]["name"] for e in record["events"]
    ]
    assert "Niamey" not in speakers
    arrest = next(e for e in record["events"] if e["sub_event_type"] == "Arrests")
    assert arrest["actor1"]["name"] == "Military Forces of Niger"
