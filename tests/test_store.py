"""The store as its callers meet it: records go in whole, come back as the same values,
on SQLite and on a real PostgreSQL server alike."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from claimgraph.model import (
    Actor,
    Claim,
    Document,
    Event,
    EventActor,
    Location,
    Place,
    Provenance,
    Record,
    Rhetoric,
    Span,
    Speaker,
)
from claimgraph.store import Store, database_url, document_key
from claimgraph.store.database import (
    SCHEMA_REVISION,
    alembic_config,
    create_store_engine,
    current_revision,
    head_revision,
    migrate,
    stored_revision,
)
from claimgraph.store.read import (
    ClaimFilter,
    EventFilter,
    count_rows,
    list_claims,
    list_documents,
    list_events,
)
from claimgraph.store.schema import metadata
from tests.postgres import postgres_server

TEXT = (
    "Gunmen killed two traders in Quetta on 3 March 2024, police said. "
    "Credible sources say the attackers trained in Kandahar."
)


def make_record(text: str = TEXT, outlet: str | None = "Dawn") -> Record:
    """A record as the analysis would give it, written by hand (no spaCy here)."""
    sha = hashlib.sha256(text.encode()).hexdigest()
    document = Document(id="quetta.txt", text=text, outlet=outlet, published="2024-03-04", sha256=sha)
    sha = document.publication  # ids are the publication's, as the analysis makes them
    first = text.index("Gunmen")
    sentence = text[first : text.index(".") + 1]
    quetta = text.index("Quetta")
    event = Event(
        id=hashlib.sha256(f"{sha}:e".encode()).hexdigest()[:16],
        event_type="Violence against civilians",
        sub_event_type="Attack",
        event_date="2024-03-03",
        time_precision=1,
        actor1=EventActor("Unidentified Armed Group (Pakistan)", "Gunmen", "unidentified"),
        actor2=EventActor("Civilians (Pakistan)", "traders", "civilians"),
        background=False,
        location=Location("Quetta", 1167528, 30.18, 67.0, "PK", "Balochistan", "Quetta", 1),
        fatalities=2,
        fatalities_low=2,
        fatalities_high=None,
        speaker=Speaker("police", "unnamed"),
        modality="attributed",
        evidence=(Span(first, first + len(sentence), sentence),),
        confidence=0.9,
        document_id=document.id,
        provenance=Provenance("events_v1", "0.1.0", 0.9),
    )
    claim_start = text.index("the attackers")
    claim = Claim(
        text=text[claim_start:-1],
        start=claim_start,
        end=len(text) - 1,
        speaker=Speaker("Credible sources", "unnamed", text.index("Credible"), text.index(" say")),
        cue="say",
        cue_start=text.index("say"),
        cue_end=text.index("say") + 3,
        modality="attributed",
        hedge=None,
        check_worthiness=0.8,
        document_id=document.id,
        provenance=Provenance("attribution_v1", "0.1.0"),
    )
    return Record(
        document=document,
        genre="news",
        genre_evidence=("attribution: police said",),
        events=(event,),
        places=(
            Place("Quetta", quetta, quetta + 6, "Quetta", 1167528, 30.18, 67.0, "PK", "Balochistan", "PK.02", "Quetta", "PPLA"),
            Place("Kandahar", text.index("Kandahar"), text.index("Kandahar") + 8),
        ),
        actors=(Actor("Gunmen", first, first + 6, "Unidentified Armed Group (Pakistan)", "unidentified"),),
        claims=(claim,),
        rhetoric=(Rhetoric("vague_authority", "Credible sources", text.index("Credible"), text.index(" say")),),
        components=("places_v1", "events_v1"),
    )


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        opened = Store.open(str(tmp_path / "record.db"))
    else:
        opened = Store.open(request.getfixturevalue("postgres_url"))
        with opened.engine.begin() as connection:  # each test starts from an empty record
            names = ", ".join(table.name for table in reversed(metadata.sorted_tables))
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    yield opened
    opened.close()


def test_a_record_comes_back_as_the_same_values(store: Store) -> None:
    record = make_record()
    assert store.add(record) is True
    doc_id = document_key(record.document.publication)
    with store.reading() as connection:
        ((stored_doc, event),) = list(list_events(connection, EventFilter()))
        ((_claim_id, claim_doc, claim),) = list(list_claims(connection, ClaimFilter()))
        (document,) = list_documents(connection, with_text=True)
        counts = count_rows(connection)
    assert stored_doc == doc_id
    assert event == record.events[0].__class__(**{**_fields(record.events[0]), "document_id": doc_id})
    assert claim_doc == doc_id
    assert claim.text == record.claims[0].text and claim.speaker == record.claims[0].speaker
    assert document.document.text == TEXT and document.document.outlet == "Dawn"
    assert (document.events, document.claims) == (1, 1)
    assert counts["documents"] == 1 and counts["places"] == 1 and counts["actors"] == 2
    assert counts["place_mentions"] == 2 and counts["evidence_spans"] == 1


def _fields(event: Event) -> dict:
    return {name: getattr(event, name) for name in event.__dataclass_fields__}


def test_the_same_document_twice_is_stored_once(store: Store) -> None:
    record = make_record()
    assert store.add(record) is True
    assert store.add(record) is False
    with store.reading() as connection:
        assert count_rows(connection)["documents"] == 1
        assert count_rows(connection)["events"] == 1


def test_one_text_from_two_outlets_is_two_documents(store: Store) -> None:
    # A wire story run word for word by a second outlet is a second publication: the record
    # keeps it (corroboration counts it as the same source); the same one again is skipped.
    assert store.add(make_record(outlet="Dawn")) is True
    assert store.add(make_record(outlet="Balochistan Post")) is True
    assert store.add(make_record(outlet="Balochistan Post")) is False
    with store.reading() as connection:
        documents = list_documents(connection)
        assert count_rows(connection)["events"] == 2
    assert sorted(d.document.outlet or "" for d in documents) == ["Balochistan Post", "Dawn"]


def test_places_and_actors_are_shared_across_documents(store: Store) -> None:
    store.add(make_record())
    store.add(make_record(TEXT + " Markets closed.", outlet="Dawn"))
    with store.reading() as connection:
        counts = count_rows(connection)
    assert counts["documents"] == 2
    assert (counts["places"], counts["actors"], counts["outlets"]) == (1, 2, 1)
    assert counts["events"] == 2


@pytest.mark.parametrize(
    ("flt", "hits"),
    [
        (EventFilter(country="pk"), 1),
        (EventFilter(country="AF"), 0),
        (EventFilter(admin1="balochistan"), 1),
        (EventFilter(sub_event_type="Attack"), 1),
        (EventFilter(event_type="Battles"), 0),
        (EventFilter(since="2024-03-01", until="2024-03-31"), 1),
        (EventFilter(since="2024-04-01"), 0),
        (EventFilter(actor="unidentified armed"), 1),
        (EventFilter(actor="traders"), 1),
        (EventFilter(text="TRADERS in quetta"), 1),
        (EventFilter(text="100%_"), 0),
    ],
)
def test_event_filters(store: Store, flt: EventFilter, hits: int) -> None:
    store.add(make_record())
    with store.reading() as connection:
        assert len(list(list_events(connection, flt))) == hits


def test_a_failed_document_leaves_nothing_behind(store: Store) -> None:
    record = make_record()
    broken = Record(
        document=record.document,
        events=(record.events[0], record.events[0]),  # the same event id twice: refused
    )
    with pytest.raises(Exception):  # noqa: B017  (the database's own integrity error)
        store.add(broken)
    with store.reading() as connection:
        assert all(n == 0 for n in count_rows(connection).values())
    assert store.add(record) is True


def test_paths_and_postgres_urls_as_users_write_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert database_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    assert database_url("postgresql://me@db/cg") == "postgresql+psycopg://me@db/cg"
    assert database_url("postgres://me@db/cg") == "postgresql+psycopg://me@db/cg"
    monkeypatch.setenv("CLAIMGRAPH_DB", str(tmp_path / "env.db"))
    assert database_url(None).endswith("env.db")
    monkeypatch.delenv("CLAIMGRAPH_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert database_url(None) == f"sqlite:///{tmp_path / 'xdg' / 'claimgraph' / 'claimgraph.db'}"


def test_a_new_sqlite_store_is_one_wal_file_at_the_current_schema(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "deep" / "new.db"))
    assert (tmp_path / "deep" / "new.db").exists()
    with store.reading() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert current_revision(store.engine) == head_revision()
    store.close()


def test_opening_a_store_knows_the_newest_migration_without_alembic(tmp_path: Path) -> None:
    # open_engine compares stored_revision with SCHEMA_REVISION so that a store at the current
    # schema opens without loading Alembic: the constant must follow the migrations.
    assert head_revision() == SCHEMA_REVISION
    store = Store.open(str(tmp_path / "s.db"))
    assert stored_revision(store.engine) == current_revision(store.engine) == SCHEMA_REVISION
    store.close()
    assert stored_revision(create_store_engine(f"sqlite:///{tmp_path / 'empty.db'}")) is None


def test_a_new_store_has_the_schema_the_migrations_build(tmp_path: Path) -> None:
    # Store.open creates a new store from schema.metadata (no Alembic); an older store is
    # migrated. Both must give the same tables, and a created store must take migrations.
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from claimgraph.store.schema import metadata

    created = Store.open(str(tmp_path / "created.db")).engine
    migrated = create_store_engine(f"sqlite:///{tmp_path / 'migrated.db'}")
    migrate(migrated)
    for engine in (created, migrated):
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, metadata) == []
        assert current_revision(engine) == head_revision()
    tables = [set(inspect(engine).get_table_names()) for engine in (created, migrated)]
    assert tables[0] == tables[1]
    config = alembic_config()  # a created store takes Alembic's downgrades and upgrades
    with created.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    assert current_revision(created) == "0001"
    migrate(created)
    assert current_revision(created) == head_revision()


def test_documents_stored_before_publications_keep_their_place(tmp_path: Path) -> None:
    # A store written before revision 0003 (documents keyed by their text alone) is migrated:
    # its documents get their publication hash, so ingesting them again still skips them.
    from alembic import command

    store = Store.open(str(tmp_path / "old.db"))
    config = alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    record = make_record(outlet="Dawn")
    with store.engine.begin() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("documents")}
        assert "publication" not in columns
        connection.execute(text("INSERT INTO outlets (name) VALUES ('Dawn')"))
        connection.execute(
            text(
                "INSERT INTO documents (id, sha256, input_id, outlet_id, genre, genre_evidence, "
                "text, ignored, components, claimgraph_version, ingested_at) VALUES ('old1', "
                ":sha, 'quetta.txt', 1, 'news', '[]', :text, '[]', '[]', '0.1', '2026-12-01')"
            ),
            {"sha": record.document.sha256, "text": TEXT},
        )
    migrate(store.engine)
    with store.engine.connect() as connection:
        stored = connection.execute(text("SELECT id, publication FROM documents")).one()
    assert tuple(stored) == ("old1", record.document.publication)
    assert store.known([record.document.publication]) == {record.document.publication}
    store.close()
