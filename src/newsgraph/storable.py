"""Make what an input holds storable and showable, or say why one record cannot be.

Every later layer (SQLite, PostgreSQL, JSON exports, the terminal, the web) must be able to
write back whatever was stored; a single odd value must not poison a database. So values are
checked once, here, at the edge: a lone surrogate (not Unicode at all: UTF-8 cannot encode it)
rejects its record, naming the field; NUL characters, which PostgreSQL refuses and which carry
nothing in news text, are dropped; nesting deeper than any real metadata and numbers that are
not finite are refused or written out as text.
"""

from __future__ import annotations

import math
from typing import Any

from newsgraph.errors import InputError
from newsgraph.showable import SURROGATE

# Far beyond any real metadata (feeds and CMS exports nest a handful of levels).
MAX_NESTING = 32


def storable_text(value: str, field: str, source: str) -> str:
    """The value without NUL characters; a lone surrogate rejects the record."""
    found = SURROGATE.search(value)
    if found:
        raise InputError(
            source,
            f"`{field}` holds a lone surrogate (U+{ord(found.group()):04X} at character {found.start()}), "
            "which is not valid Unicode: fix the exporter's encoding",
        )
    return value.replace("\x00", "") if "\x00" in value else value


def storable_value(value: Any, field: str, source: str, depth: int = 0) -> Any:
    """A JSON-like value (metadata) made storable: strings checked, keys made strings,
    non-finite numbers written as text, nesting bounded."""
    if depth > MAX_NESTING:
        raise InputError(source, f"`{field}` nests more than {MAX_NESTING} levels deep")
    if isinstance(value, str):
        return storable_text(value, field, source)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, int):
        # Numbers beyond what JSON readers share (2^53) are kept exactly, as text.
        return value if abs(value) < 2**53 else _long_number(value)
    if isinstance(value, dict):
        return {
            storable_text(str(key), f"{field}.{key}", source): storable_value(item, f"{field}.{key}", source, depth + 1)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [storable_value(item, f"{field}[{n}]", source, depth + 1) for n, item in enumerate(value)]
    return storable_text(str(value), field, source)


def _long_number(value: int) -> str:
    """Up to 64 digits exactly; beyond, its size only (Python refuses to write one of 4,300+)."""
    if value.bit_length() > 212:  # 2^212 has 64 digits
        return f"(a number of about {int(value.bit_length() * 0.30103):,} digits)"
    return str(value)
