"""The data version: a number that moves whenever anything is stored, read in one cheap query.

Caches of answers (the API's responses) are keyed on it, so they hold across server processes
and are dropped the moment another process (an ingest, another worker) stores something.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

_READ = text("SELECT version FROM data_version WHERE id = 1")
_BUMP = text("UPDATE data_version SET version = version + 1 WHERE id = 1")


def bump_data_version(connection: Connection) -> None:
    """Inside a write transaction: what it stores is seen under a new version once it commits."""
    connection.execute(_BUMP)


def read_data_version(engine: Engine) -> int | None:
    """The current version (None for a database without the table: nothing may be cached)."""
    with engine.connect() as connection:
        return connection.scalar(_READ)
