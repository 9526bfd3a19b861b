"""The record's store: SQLite by default, PostgreSQL by URL; one schema, migrated on open.

    store = Store.open("claimgraph.db")         # or "postgresql://user@host/db"
    store.add(record)                          # one transaction per document
    store.known([publication])                 # skip what is already stored
    with store.reading() as connection: ...    # claimgraph.store.read queries

This package never imports spaCy or the analysis (`claimgraph.nlp`): callers pass values.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import IntegrityError

from claimgraph.model import Record
from claimgraph.store.corroborate import corroborate_document
from claimgraph.store.database import database_url, display_url, open_engine
from claimgraph.store.memory import Memory
from claimgraph.store.write import document_key, stored_hashes, write_record

__all__ = ["Store", "database_url", "document_key"]


class Store:
    """An open store: writes records whole, reads through short connections."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self._memory = Memory()  # of this store's rows, for corroborating the next document

    @classmethod
    def open(cls, given: str | None = None) -> Store:
        """Open (creating or migrating) the store a path, URL or CLAIMGRAPH_DB names."""
        url = database_url(given)
        return cls(open_engine(url), url)

    @property
    def name(self) -> str:
        """Return where the store is, with any password hidden."""
        return display_url(self.url)

    def add(self, record: Record) -> bool:
        """Store one record, its events clustered into assertions, in one transaction; False if
        it was already there."""
        try:
            with self.engine.begin() as connection:
                if stored_hashes(connection, [record.document.publication]):
                    return False
                document_id = write_record(connection, record)
                corroborate_document(connection, document_id, self._memory)
        except BaseException as error:
            self._memory.clear()  # it may hold views of rows that were rolled back
            # Another writer stored the same document in between: it is there, whole.
            if isinstance(error, IntegrityError) and self.known([record.document.publication]):
                return False
            raise
        return True

    def known(self, hashes: Iterable[str]) -> set[str]:
        """Return which publication hashes (`Document.publication`) are stored already."""
        with self.engine.connect() as connection:
            return stored_hashes(connection, hashes)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """Yield a connection for the queries of `claimgraph.store.read`."""
        with self.engine.connect() as connection:
            yield connection

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()
