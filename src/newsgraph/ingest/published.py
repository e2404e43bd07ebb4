"""Publication dates from flags and metadata, as ISO dates; never guessed from nothing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsgraph.errors import InputError

# A publication date more than this far in the future is a scraping error, not a date.
FUTURE_TOLERANCE = dt.timedelta(days=2)
# Before this, a "date" is a CMS's null value (0001-01-01, 1900-01-01 is kept: papers are older).
EARLIEST_YEAR = 1800
_ISO_SHAPED = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


@dataclass
class PublishedDate:
    value: str | None
    raw: str
    note: str | None = None


def parse_published(raw: str, source: str) -> PublishedDate:
    """Parse an ISO date or datetime (or a written date) to YYYY-MM-DD, noting why not."""
    text = raw.strip()
    shown = repr(raw[:80] + ("..." if len(raw) > 80 else ""))
    try:
        parsed = _parse(text[:200])
    except (ValueError, OverflowError):
        parsed = None
    if parsed is None:
        return PublishedDate(None, raw, f"unparseable publication date {shown} ignored")
    if parsed.year < EARLIEST_YEAR:
        return PublishedDate(None, raw, f"publication date {shown} is before {EARLIEST_YEAR}: a placeholder; ignored")
    if parsed > dt.date.today() + FUTURE_TOLERANCE:
        return PublishedDate(None, raw, f"publication date {parsed.isoformat()} is in the future; ignored")
    return PublishedDate(parsed.isoformat(), raw)


def parse_published_flag(raw: str) -> str:
    """The --published flag must be a real date: refuse it outright rather than ignore it."""
    try:
        return dt.date.fromisoformat(raw.strip()).isoformat()
    except ValueError as error:
        raise InputError("--published", f"{raw!r} is not a date; use YYYY-MM-DD") from error


def _parse(text: str) -> dt.date | None:
    if not text:
        return None
    candidate = text.replace("Z", "+00:00")
    try:
        return dt.datetime.fromisoformat(candidate).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        if _ISO_SHAPED.match(text):
            return None  # 2025-13-01 is no date; a written-date parser would swap day and month
    import dateparser

    try:
        found = dateparser.parse(
            text,
            languages=["en"],
            settings={
                "STRICT_PARSING": True,
                "REQUIRE_PARTS": ["day", "month", "year"],
                "PARSERS": ["custom-formats", "absolute-time"],
            },
        )
    except Exception:  # dateparser raises assorted errors on odd strings
        return None
    return found.date() if found else None
