"""Where the record lives and how it is opened: URL rules, SQLite settings, migrations.

`--db` takes a path (an SQLite file), a SQLAlchemy URL, or a PostgreSQL URL as users write
it (`postgresql://user@host/db`, driven by psycopg 3). Without one, `CLAIMGRAPH_DB`, then
`$XDG_DATA_HOME/claimgraph/claimgraph.db` (~/.local/share/...). Opening a store creates it on
first use and migrates an older one to the current schema (Alembic, `store/migrations`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import (
    Column,
    Engine,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    create_engine,
    event,
    inspect,
    text,
)
from sqlalchemy.engine import make_url

if TYPE_CHECKING:  # Alembic loads only when a store is opened (not for `extract`)
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest migration under store/migrations/versions (tests check it is Alembic's head):
# opening a store at this revision reads one row and never loads Alembic (0.3 s).
SCHEMA_REVISION: Final = "0003"
# How long a writer waits for another's lock before failing (workers and readers share a file).
SQLITE_BUSY_MS = 30_000


def default_location() -> Path:
    """Return the store used when neither --db nor CLAIMGRAPH_DB says otherwise."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "claimgraph" / "claimgraph.db"


def database_url(given: str | None = None) -> str:
    """Turn --db (a path or URL), CLAIMGRAPH_DB, or the default location into a SQLAlchemy URL."""
    chosen = given or os.environ.get("CLAIMGRAPH_DB") or str(default_location())
    if "://" not in chosen:
        return f"sqlite:///{Path(chosen).expanduser().resolve()}"
    scheme, rest = chosen.split("://", 1)
    if scheme in {"postgresql", "postgres"}:
        return f"postgresql+psycopg://{rest}"
    return chosen


def display_url(url: str) -> str:
    """Return the URL with any password hidden, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def create_store_engine(url: str) -> Engine:
    """Return an engine for the URL; an SQLite file (and its folder) is created on first use."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})
    event.listen(engine, "connect", configure_sqlite)
    return engine


def configure_sqlite(connection: Any, _record: Any) -> None:
    """Set WAL (readers never block the writer; a killed writer loses only its open
    transaction), foreign keys, and a busy timeout on every new SQLite connection."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode is durable against a crash of the process, which is what kill -9 is;
    # only a power loss can drop the last commits, never corrupt the file.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.close()


def alembic_config() -> Config:
    """Return the Alembic configuration of the shipped migrations (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str | None:
    """Return the newest schema revision this claimgraph knows."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """Return the schema revision a store is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the store's schema to `revision` (creating it when the database is empty)."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def stored_revision(engine: Engine) -> str | None:
    """Return the schema revision a store is at, as `current_revision` does, without Alembic."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    return rows[0][0] if len(rows) == 1 else None


def create_schema(engine: Engine) -> bool:
    """Create the current schema in an empty database, stamped as Alembic would; False (and
    nothing done) when the database holds tables.

    The tables are `schema.metadata`'s, which tests check equal the migrations' result, so a
    new store needs neither Alembic (0.2 s) nor a replay of every migration."""
    from claimgraph.store.schema import metadata

    with engine.begin() as connection:
        if inspect(connection).get_table_names():
            return False
        metadata.create_all(connection)
        version = Table(
            "alembic_version",
            MetaData(),
            Column("version_num", String(32), nullable=False),
            PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
        )
        version.create(connection)
        connection.execute(version.insert().values(version_num=SCHEMA_REVISION))
    return True


def open_engine(url: str) -> Engine:
    """Return an engine on a store at the current schema, creating it in an empty database and
    migrating an older one."""
    engine = create_store_engine(url)
    revision = stored_revision(engine)
    if revision != SCHEMA_REVISION and (revision is not None or not create_schema(engine)):
        migrate(engine)
    return engine
