"""INSERT ... ON CONFLICT for the two dialects we run on, in one place."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session


def insert_for(session: Session, table: Table) -> Any:
    """The dialect's INSERT that knows ON CONFLICT (SQLite and PostgreSQL share the syntax)."""
    return pg_insert(table) if session.get_bind().dialect.name == "postgresql" else sqlite_insert(table)


def add_counts(session: Session, table: Table, keys: list[str], counted: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows, or add their `counted` column to the rows already there."""
    if not rows:
        return
    statement = insert_for(session, table)
    statement = statement.on_conflict_do_update(
        index_elements=[table.c[k] for k in keys], set_={counted: table.c[counted] + statement.excluded[counted]}
    )
    session.execute(statement, rows)


def insert_missing(session: Session, table: Table, keys: list[str], rows: list[dict[str, Any]]) -> None:
    """Insert rows whose keys are not there yet; leave the others alone."""
    if rows:
        session.execute(
            insert_for(session, table).on_conflict_do_nothing(index_elements=[table.c[k] for k in keys]), rows
        )
