"""Open a database by SQLAlchemy URL and bring its schema to the newest migration."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session

from newsgraph.errors import StoreError

MIGRATIONS = str(Path(__file__).with_name("migrations"))


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    if engine is not None:
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def open_database(url: str, migrate: bool = True) -> Engine:
    """An engine for `url`; a SQLite file and its folder are created on first use."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise StoreError(f"not a database URL: {url!r} (e.g. sqlite:///newsgraph.db)") from error
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        # We issue BEGIN ourselves (see _sqlite_begin), so the driver must not.
        kwargs["connect_args"] = {"timeout": 30, "isolation_level": None}
    try:
        engine = create_engine(parsed, **kwargs)
    except (SQLAlchemyError, ImportError) as error:
        raise StoreError(f"cannot open database {url!r}: {error}") from error
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    if migrate:
        upgrade(engine)
    return engine


WRITE = "newsgraph_write"


def writer(engine: Engine) -> Engine:
    """The engine for a transaction that will write: on SQLite it takes the write lock at BEGIN,
    so two processes never both read a state and then both build on it."""
    return engine.execution_options(**{WRITE: True})


STORE_LOCK = 7_421_001  # PostgreSQL advisory lock key for writers of newsgraph's story state


def serialise_writers(session: Session) -> None:
    """Several ingests may write one PostgreSQL database: story placement reads the story graph
    and extends it, so writers take turns (a transaction-scoped advisory lock; the NLP before it
    still runs in parallel). SQLite gets the same from BEGIN IMMEDIATE."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": STORE_LOCK})


def _sqlite_begin(connection: Any) -> None:
    mode = "IMMEDIATE" if connection.get_execution_options().get(WRITE) else "DEFERRED"
    connection.exec_driver_sql(f"BEGIN {mode}")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def upgrade(engine: Engine) -> None:
    """Run pending Alembic migrations (cheap when the schema is current)."""
    config = alembic_config(engine)
    head = ScriptDirectory.from_config(config).get_current_head()
    try:
        with engine.begin() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            if current == head:
                return
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as error:
        raise StoreError(f"cannot prepare the database {engine.url!r}: {error}") from error
