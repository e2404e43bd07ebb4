"""Matching user text against stored ids and names: wildcards in what the user typed are
plain characters, and a full id is looked up by equality (an index), not by pattern."""

from __future__ import annotations

from sqlalchemy import ColumnElement
from sqlalchemy.orm import InstrumentedAttribute

LIKE_ESCAPE = "\\"


def escape_like(text: str) -> str:
    return text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", f"{LIKE_ESCAPE}%").replace("_", f"{LIKE_ESCAPE}_")


def starts_with(column: InstrumentedAttribute[str], prefix: str) -> ColumnElement[bool]:
    return column.like(f"{escape_like(prefix)}%", escape=LIKE_ESCAPE)


def contains(column: InstrumentedAttribute[str], part: str) -> ColumnElement[bool]:
    return column.ilike(f"%{escape_like(part)}%", escape=LIKE_ESCAPE)
