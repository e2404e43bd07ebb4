"""INSERT statements of the write path, each built once per table: plain, and ON CONFLICT for
the two dialects we run on."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Insert, Table, insert
from sqlalchemy.orm import Session


@cache
def inserting(table: Table) -> Insert:
    """A plain multi-row INSERT into the table (building one costs about a third more than
    running it again)."""
    return insert(table)


def add_counts(session: Session, table: Table, keys: list[str], counted: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows, or add their `counted` column to the rows already there."""
    if rows:
        session.execute(_adding(session.get_bind().dialect.name, table, tuple(keys), counted), rows)


def insert_missing(session: Session, table: Table, keys: list[str], rows: list[dict[str, Any]]) -> None:
    """Insert rows whose keys are not there yet; leave the others alone."""
    if rows:
        session.execute(_inserting_missing(session.get_bind().dialect.name, table, tuple(keys)), rows)


# The statements are built once per table: building one costs more than running it.
@cache
def _adding(dialect: str, table: Table, keys: tuple[str, ...], counted: str) -> Any:
    statement = _insert(dialect, table)
    return statement.on_conflict_do_update(
        index_elements=[table.c[k] for k in keys], set_={counted: table.c[counted] + statement.excluded[counted]}
    )


@cache
def _inserting_missing(dialect: str, table: Table, keys: tuple[str, ...]) -> Any:
    return _insert(dialect, table).on_conflict_do_nothing(index_elements=[table.c[k] for k in keys])


def _insert(dialect: str, table: Table) -> Any:
    """The dialect's INSERT that knows ON CONFLICT (SQLite and PostgreSQL share the syntax);
    imported here, so that reading commands do not load the PostgreSQL dialect."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)
