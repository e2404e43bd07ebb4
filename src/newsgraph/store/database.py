"""Open a database by SQLAlchemy URL and bring its schema to the newest migration."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session

from newsgraph.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = str(Path(__file__).with_name("migrations"))
# The newest migration's revision: a database at it opens without importing Alembic (a quarter
# of a second for every command). tests/store/test_migrations.py checks it is Alembic's head.
SCHEMA_HEAD = "0015"


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    if engine is not None:
        # Alembic's options are configparser values: a percent-encoded password must be escaped.
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return config


def shown_url(url: str | URL) -> str:
    """A database URL fit for a message: never its password."""
    try:
        return (url if isinstance(url, URL) else make_url(url)).render_as_string(hide_password=True)
    except (ArgumentError, ValueError, TypeError):
        return _PASSWORD.sub(r"\1***@", str(url))


_PASSWORD = re.compile(r"(//[^:/@]*:)[^@]*@")


def open_database(url: str, migrate: bool = True) -> Engine:
    """An engine for `url`; a SQLite file and its folder are created on first use."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as error:
        raise StoreError(f"not a database URL: {shown_url(url)!r} (e.g. sqlite:///newsgraph.db)") from error
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        # We issue BEGIN ourselves (see _sqlite_begin), so the driver must not.
        kwargs["connect_args"] = {"timeout": lock_timeout(), "isolation_level": None}
    try:
        engine = create_engine(parsed, **kwargs)
    except (SQLAlchemyError, ImportError) as error:
        raise StoreError(f"cannot open database {shown_url(parsed)}: {error}") from error
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    if migrate:
        upgrade(engine)
    return engine


def lock_timeout() -> float:
    """Seconds a SQLite command waits for another writer's lock before it gives up with a clear
    error (NEWSGRAPH_LOCK_TIMEOUT, default 30)."""
    try:
        return max(0.0, float(os.environ.get("NEWSGRAPH_LOCK_TIMEOUT", "30")))
    except ValueError:
        return 30.0


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
    """Run pending Alembic migrations (cheap when the schema is current).

    The check reads; only a database behind the newest schema takes the write lock (on SQLite
    BEGIN IMMEDIATE, on PostgreSQL an advisory lock) and checks again under it, so two
    processes creating one fresh database take turns instead of both creating its tables.
    """
    if _at_head(engine):
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = alembic_config(engine)
    scripts = ScriptDirectory.from_config(config)
    head = scripts.get_current_head()
    try:
        with engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return
        with writer(engine).begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            current = MigrationContext.configure(connection).get_current_revision()
            if current == head:
                return
            _check_ours(connection, current, scripts, engine)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as error:
        raise StoreError(f"cannot prepare the database {shown_url(engine.url)}: {database_reason(error)}") from error


MIGRATION_LOCK = 7_421_002


def _at_head(engine: Engine) -> bool:
    """The database's schema is the newest, read without Alembic (False on any doubt: a fresh
    database, no version table, an error; the full check runs then)."""
    try:
        with engine.connect() as connection:
            versions = [row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))]
    except SQLAlchemyError:
        return False
    return versions == [SCHEMA_HEAD]


def _check_ours(connection: Any, current: str | None, scripts: ScriptDirectory, engine: Engine) -> None:
    """Refuse a schema newer than this newsgraph knows, and another program's database."""
    if current is not None:
        try:
            known = scripts.get_revision(current)
        except Exception:  # alembic raises its own kinds for an unknown revision
            known = None
        if known is None:
            raise StoreError(
                f"the database {shown_url(engine.url)} has schema {current}, newer than this newsgraph "
                "knows: upgrade newsgraph (or use another database)"
            )
        return
    tables = [name for name in inspect(connection).get_table_names() if name != "alembic_version"]
    if tables:
        listed = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreError(
            f"the database {shown_url(engine.url)} holds {len(tables)} tables of another program ({listed}) "
            "and no newsgraph schema: newsgraph will not add its tables to it; give another database"
        )


def database_reason(error: BaseException) -> str:
    """The driver's own sentence, without SQLAlchemy's SQL and parameters (which may be long
    or hold article text)."""
    original = getattr(error, "orig", None)
    reason = str(original if original is not None else error).strip().splitlines()
    return reason[0] if reason else type(error).__name__
