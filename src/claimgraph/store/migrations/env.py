"""Alembic environment: run the store's migrations on the connection the caller opened."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from claimgraph.store.schema import metadata


def run_migrations() -> None:
    """Run on `config.attributes['connection']`, or on `sqlalchemy.url` (for autogenerate)."""
    config = context.config
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.begin() as own:
            configure_and_run(own)
        return
    configure_and_run(connection)


def configure_and_run(connection: Connection) -> None:
    """Configure the context (batch mode, so SQLite can alter tables) and run."""
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
