"""The record's tables (SQLAlchemy Core): one schema for SQLite and PostgreSQL.

Derived from the model's values (`claimgraph.model`): a row per document, event, claim,
place and actor mention, evidence span, claim link and edge, assertion, and analyst review.
Ids of documents, events, claims and edges are content hashes computed by the analysis, so
the same input gives the same ids on every machine and in every database. Migrations live in
`claimgraph/store/migrations` (Alembic); a change here needs a new revision there.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Explicit constraint names, so migrations can alter them on SQLite and PostgreSQL alike.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)
ID = 32  # ids are hex digests (16 characters today); room to grow

outlets = Table(
    "outlets",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(300), nullable=False, unique=True),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("sha256", String(64), nullable=False, index=True),  # of the text
    Column("publication", String(64), nullable=False, unique=True),  # Document.publication
    Column("input_id", Text, nullable=False),  # the path or JSONL id it was read as
    Column("source", Text),
    Column("title", Text),
    Column("author", Text),
    Column("outlet_id", Integer, ForeignKey("outlets.id")),
    Column("published", String(10), index=True),
    Column("url", Text),
    Column("language", String(16)),
    Column("genre", String(16), nullable=False),
    Column("genre_evidence", JSON, nullable=False),
    Column("text", Text, nullable=False),
    Column("ignored", JSON, nullable=False),  # boilerplate ranges the analysis skipped
    Column("components", JSON, nullable=False),
    Column("claimgraph_version", String(32), nullable=False),
    Column("ingested_at", String(32), nullable=False),
)

places = Table(
    "places",
    metadata,
    Column("geonameid", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("country_code", String(2), index=True),
    Column("admin1", Text),
    Column("admin1_code", String(20)),
    Column("admin2", Text),
    Column("feature_code", String(10)),
)

place_mentions = Table(
    "place_mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(ID), ForeignKey("documents.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("geonameid", Integer, ForeignKey("places.geonameid"), index=True),
    Column("component", String(64), nullable=False),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(300), nullable=False, unique=True),  # the canonical lexicon name
    Column("kind", String(32)),
    Column("parent", String(300)),
)

actor_mentions = Table(
    "actor_mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(ID), ForeignKey("documents.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False, index=True),
    Column("component", String(64), nullable=False),
)

assertions = Table(
    "assertions",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False),
    Column("event_date", String(10)),
    Column("time_precision", Integer),
    Column("geonameid", Integer),
    Column("country_code", String(2)),
    Column("admin1", Text),
    Column("fatalities", Integer),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("documents", Integer, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("conflicts", JSON, nullable=False),
    Column("updated_at", String(32), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("document_id", String(ID), ForeignKey("documents.id"), nullable=False, index=True),
    Column("ordinal", Integer, nullable=False),  # its place in the document's event list
    Column("event_type", String(64), nullable=False, index=True),
    Column("sub_event_type", String(64), nullable=False, index=True),
    Column("disorder_type", String(64)),
    Column("event_date", String(10), index=True),
    Column("time_precision", Integer),
    Column("actor1_id", Integer, ForeignKey("actors.id"), index=True),
    Column("actor1_text", Text),
    Column("actor1_kind", String(32)),
    Column("actor2_id", Integer, ForeignKey("actors.id"), index=True),
    Column("actor2_text", Text),
    Column("actor2_kind", String(32)),
    Column("background", Boolean, nullable=False),
    Column("location_name", Text),
    Column("geonameid", Integer, ForeignKey("places.geonameid")),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("country_code", String(2), index=True),
    Column("admin1", Text, index=True),
    Column("admin2", Text),
    Column("geo_precision", Integer),
    Column("fatalities", Integer),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("speaker_name", Text),
    Column("speaker_type", String(32), nullable=False),
    Column("modality", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("component", String(64), nullable=False),
    Column("component_version", String(32), nullable=False),
    Column("assertion_id", String(ID), ForeignKey("assertions.id"), index=True),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("document_id", String(ID), ForeignKey("documents.id"), nullable=False, index=True),
    Column("ordinal", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("speaker_name", Text, index=True),
    Column("speaker_type", String(32), nullable=False, index=True),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("cue", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("modality", String(16), nullable=False, index=True),
    Column("hedge_text", Text),
    Column("hedge_start", Integer),
    Column("hedge_end", Integer),
    Column("check_worthiness", Float, nullable=False),
    Column("component", String(64), nullable=False),
    Column("component_version", String(32), nullable=False),
)

evidence_spans = Table(
    "evidence_spans",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(ID), ForeignKey("documents.id"), nullable=False),
    Column("event_id", String(ID), ForeignKey("events.id"), nullable=False, index=True),
    Column("ordinal", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

rhetoric = Table(
    "rhetoric",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(ID), ForeignKey("documents.id"), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

# What a claim's text mentions (filled by the claim graph, issue 13).
claim_links = Table(
    "claim_links",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(ID), ForeignKey("claims.id"), nullable=False, index=True),
    Column("entity_kind", String(16), nullable=False),
    Column("entity_key", String(300), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_claim_links_entity", "entity_kind", "entity_key"),
)

edges = Table(
    "edges",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("document_id", String(ID), ForeignKey("documents.id"), nullable=False, index=True),
    Column("subject_kind", String(16), nullable=False),
    Column("subject_key", String(300), nullable=False),
    Column("subject_name", Text, nullable=False),
    Column("relation", String(32), nullable=False),
    Column("object_kind", String(16), nullable=False),
    Column("object_key", String(300), nullable=False),
    Column("object_name", Text, nullable=False),
    Column("speaker_name", Text),
    Column("speaker_type", String(32), nullable=False),
    Column("modality", String(16), nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("component", String(64), nullable=False),
    Column("component_version", String(32), nullable=False),
    Index("ix_edges_subject", "subject_kind", "subject_key"),
    Index("ix_edges_object", "object_kind", "object_key"),
)

# Analysts' decisions: never overwrite the machine's row, always who and when (issue 14).
reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("item_kind", String(16), nullable=False),
    Column("item_id", String(ID), nullable=False),
    Column("action", String(16), nullable=False),  # accept | correct | reject
    Column("field", String(64)),
    Column("value", JSON),
    Column("reviewer", String(200), nullable=False),
    Column("note", Text),
    Column("created_at", String(32), nullable=False),
    Index("ix_reviews_item", "item_kind", "item_id"),
)

# Who may use `claimgraph serve` and as what; a token is kept only as a salted hash (issue 14).
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("role", String(16), nullable=False),  # viewer | analyst | admin
    Column("key_id", String(32), nullable=False, unique=True),  # the token's public part
    Column("token_hash", Text, nullable=False),  # scrypt$n$r$p$salt$hash
    Column("created_at", String(32), nullable=False),
)
