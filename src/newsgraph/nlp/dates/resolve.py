"""Normalise a time expression to TIMEX3-style values against the publication date.

`resolve_date("April 24 and September 17 of last year", date(2025, 3, 5))` gives two values,
2024-04-24 and 2024-09-17, each with its own offsets inside the expression. Values keep the
granularity the text gives ("last year" is 2024, not a day); a modifier ("late October 2024")
is kept beside the value. Relative expressions with no anchor stay `unresolved`, and years
inferred from the anchor (a bare "in January") are `estimated`, never silently certain.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from newsgraph.nlp.dates import rules as lex
from newsgraph.nlp.dates import year_parts
from newsgraph.nlp.dates.patterns import (
    _TRIM_LEFT,
    _TRIM_RIGHT,
    _WEEKDAY,
    AGE,
    AGO,
    DAY_PAIR,
    DECADE,
    DURATION,
    FULL_DAY,
    ISO_DAY,
    MONTH_DAY,
    MONTH_NAMES,
    MONTH_OF_RELATIVE,
    MONTH_ONLY,
    MONTH_YEAR,
    NUMERIC_DAY,
    RELATIVE_MONTH,
    RELATIVE_PERIOD,
    RELATIVE_TO_EVENT,
    RELATIVE_YEAR,
    SEASON,
    WEEKDAY,
    YEAR_ANYWHERE,
    YEAR_ONLY,
)

Direction = Literal["past", "future"] | None


@dataclass
class DateValue:
    """One normalised date inside an expression; offsets are relative to the expression."""

    start: int
    end: int
    value: str | None
    granularity: str | None
    status: str
    modifier: str | None = None
    kind: str = "date"


def resolve_date(text: str, anchor: dt.date | None, direction: Direction = None) -> list[DateValue]:
    """All dates an expression names (usually one), or [] when it is not a date (an age).

    `direction` is the tense of the clause ("past", "future", or None when unknown); it decides
    which Tuesday or which April an expression without a year means.
    """
    left = len(text) - len(_TRIM_LEFT.sub("", text))
    core = _TRIM_RIGHT.sub("", text[left:])
    if not core or AGE.search(core):
        return []
    if listed := year_parts.year_list(core):  # "between 1994 and 1997", "2017-18"
        return [DateValue(left + s, left + e, v, granularity, "resolved", mod) for s, e, v, granularity, mod in listed]
    multiple = _resolve_list(core, anchor, direction)
    if multiple:
        return [_shift(v, left) for v in multiple]
    single = _resolve_single(core, anchor, direction)
    if single is None:
        return []
    single.start, single.end = left, left + len(core)
    return [single]


def _shift(value: DateValue, by: int) -> DateValue:
    value.start += by
    value.end += by
    return value


def _month(name: str) -> int:
    return lex.MONTHS[name.lower().rstrip(".")]


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return lex.NUMBER_WORDS.get(word)


def _shared_year(core: str, anchor: dt.date | None) -> tuple[int | None, str]:
    """The year a list of dates shares: written out, or relative to the anchor."""
    years = YEAR_ANYWHERE.findall(core)
    if years:
        return int(years[-1]), "resolved"
    rel = RELATIVE_YEAR.search(core)
    if rel:
        if anchor is None:
            return None, "unresolved"
        offset = lex.RELATIVE_OFFSETS[rel.group("rel").lower()]
        return anchor.year + offset, "resolved"
    return None, "estimated"


def _resolve_list(core: str, anchor: dt.date | None, direction: Direction) -> list[DateValue]:
    """'April 24 and September 17 of last year', 'April and September 2024', 'April 24 and 25'."""
    if m := DAY_PAIR.match(core):
        year, status = _shared_year(core, anchor)
        month = _month(m["month"])
        first = _day_value(m.start("d1"), m.end("d1"), year, month, int(m["d1"]), status, anchor, direction)
        first.start = 0
        second = _day_value(m.start("d2"), m.end("d2"), year, month, int(m["d2"]), status, anchor, direction)
        return [first, second]
    days = list(MONTH_DAY.finditer(core))
    if len(days) >= 2:
        year, status = _shared_year(core, anchor)
        out = []
        for m in days:
            month = _month(m.group("m1") or m.group("m2"))
            day = int(m.group("d1") or m.group("d2"))
            own_year = int(m.group("year")) if m.group("year") else year
            out.append(
                _day_value(
                    m.start(),
                    m.end(),
                    own_year,
                    month,
                    day,
                    status if not m.group("year") else "resolved",
                    anchor,
                    direction,
                )
            )
        return out
    months = [
        m for m in MONTH_ONLY.finditer(core) if not (m.group("month").lower() == "may" and not m.group(0)[0].isupper())
    ]
    if len(months) >= 2 and not days:
        year, status = _shared_year(core, anchor)
        out = []
        for m in months:
            month = _month(m.group("month"))
            own_year = int(m.group("year")) if m.group("year") else year
            start, end = m.start(), m.end()
            out.append(
                _month_value(
                    start, end, own_year, month, "resolved" if m.group("year") else status, anchor, None, direction
                )
            )
        return out
    return []


def _day_value(
    start: int,
    end: int,
    year: int | None,
    month: int,
    day: int,
    status: str,
    anchor: dt.date | None,
    direction: Direction = None,
) -> DateValue:
    if year is None:
        if anchor is None:
            return DateValue(start, end, f"XXXX-{month:02d}-{day:02d}", "day", "unresolved")
        year = _year_for(anchor, month, day, direction)
        status = "estimated"
    if status == "unresolved":
        return DateValue(start, end, f"XXXX-{month:02d}-{day:02d}", "day", "unresolved")
    try:
        dt.date(year, month, day)
    except ValueError:
        return DateValue(start, end, None, None, "unresolved")
    return DateValue(start, end, f"{year:04d}-{month:02d}-{day:02d}", "day", status)


def _month_value(
    start: int,
    end: int,
    year: int | None,
    month: int,
    status: str,
    anchor: dt.date | None,
    modifier: str | None,
    direction: Direction = None,
) -> DateValue:
    if year is None:
        if anchor is None or status == "unresolved":
            return DateValue(start, end, f"XXXX-{month:02d}", "month", "unresolved", modifier)
        year = _year_for(anchor, month, None, direction)
        status = "estimated"
    return DateValue(start, end, f"{year:04d}-{month:02d}", "month", status, modifier)


def _year_for(anchor: dt.date, month: int, day: int | None, direction: Direction) -> int:
    """The year that puts a month (or month/day) where the clause's tense says it is.

    Past tense: the last occurrence up to the anchor; future: the next from the anchor; unknown:
    the nearest, ties going to the past. A week's slack keeps "on March 7" in a report of
    March 5 in the anchor's year either way; a bare month counts from its first to last day.
    """
    candidates: list[tuple[int, int]] = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            moment = dt.date(year, month, min(day or 1, 28))
        except ValueError:
            continue
        gap = (moment - anchor).days
        if day is None:
            last = (dt.date(year + (month == 12), month % 12 + 1, 1) - anchor).days - 1
            gap = 0 if gap <= 0 <= last else gap if gap > 0 else last
        candidates.append((gap, year))
    slack = 7
    if direction == "past":
        return max((c for c in candidates if c[0] <= slack), key=lambda c: c[0])[1]
    if direction == "future":
        return min((c for c in candidates if c[0] >= -slack), key=lambda c: c[0])[1]
    return min(candidates, key=lambda c: (abs(c[0]), c[0] > 0))[1]


def with_context_year(value: str, years_by_month: dict[int, int]) -> str:
    """Replace the inferred year of an estimated month or day value by the year an earlier
    mention of the same month in the article gave explicitly ("April 24 of last year" ...
    "the April flight")."""
    if len(value) < 7 or not value[:4].isdigit() or value[4] != "-" or not value[5:7].isdigit():
        return value
    year = years_by_month.get(int(value[5:7]))
    return f"{year:04d}{value[4:]}" if year else value


def _modifier(match: re.Match[str]) -> str | None:
    mod = match.groupdict().get("mod")
    return lex.MODIFIERS[mod.lower()] if mod else None


def _resolve_single(core: str, anchor: dt.date | None, direction: Direction) -> DateValue | None:
    lowered = core.lower()
    if lowered in lex.REFERENCE_VALUES:
        return DateValue(0, 0, lex.REFERENCE_VALUES[lowered], None, "resolved")
    if lowered in lex.DAY_OFFSETS:
        if anchor is None:
            return DateValue(0, 0, None, "day", "unresolved")
        shifted = anchor + dt.timedelta(days=lex.DAY_OFFSETS[lowered])
        return DateValue(0, 0, shifted.isoformat(), "day", "resolved")
    if m := ISO_DAY.match(core):
        return _day_value(0, 0, int(m["year"]), int(m["month"]), int(m["day"]), "resolved", anchor)
    if m := NUMERIC_DAY.match(core):
        return _day_value(0, 0, int(m["year"]), int(m["month"]), int(m["day"]), "resolved", anchor)
    if m := FULL_DAY.match(core):
        day_year = int(m["year"]) if m["year"] else None
        month, day = _month(m["month"] or m["month2"]), int(m["day"] or m["day2"])
        return _day_value(0, 0, day_year, month, day, "resolved", anchor, direction)
    if m := MONTH_OF_RELATIVE.match(core):
        if anchor is None:
            return DateValue(0, 0, f"XXXX-{_month(m['month']):02d}", "month", "unresolved", _modifier(m))
        relative_year = anchor.year + lex.RELATIVE_OFFSETS[m["rel"].lower()]
        return _month_value(0, 0, relative_year, _month(m["month"]), "resolved", anchor, _modifier(m))
    if (m := MONTH_YEAR.match(core)) and not (m["month"].lower() == "may" and not m["year"] and core[0].islower()):
        year = int(m["year"]) if m["year"] else None
        return _month_value(0, 0, year, _month(m["month"]), "resolved", anchor, _modifier(m), direction)
    if m := SEASON.match(core):
        code = lex.SEASONS[m["season"].lower()]
        if m["year"]:
            return DateValue(0, 0, f"{m['year']}-{code}", "season", "resolved", _modifier(m))
        if anchor is None:
            return DateValue(0, 0, f"XXXX-{code}", "season", "unresolved", _modifier(m))
        offset = lex.RELATIVE_OFFSETS[m["rel"].lower()] if m["rel"] else 0
        return DateValue(0, 0, f"{anchor.year + offset}-{code}", "season", "estimated", _modifier(m))
    # Quarters, halves, fiscal years, holidays, centuries, years in words: see `year_parts`.
    if found := year_parts.part_of_year(core, anchor, direction) or year_parts.holiday(core, anchor, direction):
        value, granularity, status = found
        return DateValue(0, 0, value, granularity, status)
    if spelled := year_parts.spelled_year(core):
        return DateValue(0, 0, spelled, "year", "resolved")
    if hundred := year_parts.century(core):
        return DateValue(0, 0, hundred[0], "century", "resolved", hundred[1])
    if m := YEAR_ONLY.match(core):
        return DateValue(0, 0, m["year"], "year", "resolved", _modifier(m))
    if m := DECADE.match(core):
        mod = m["mod"].lower() if m["mod"] else None
        return DateValue(0, 0, f"{m['decade']}X", "decade", "resolved", mod)
    if m := WEEKDAY.match(core):
        return _weekday(m, anchor, direction)
    if m := RELATIVE_MONTH.match(core):
        return _relative_month(m, anchor)
    if m := RELATIVE_PERIOD.match(core):
        return _relative_period(m, anchor)
    if m := AGO.match(core):
        return _ago(m, anchor)
    if RELATIVE_TO_EVENT.match(core):
        return DateValue(0, 0, None, None, "unresolved")
    if m := DURATION.match(core):
        return _duration(m)
    return _fallback(core, anchor)


def _weekday(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> DateValue:
    """A weekday is the one in the week around the anchor: before it in past-tense clauses,
    after it in future ones, the nearest otherwise."""
    if anchor is None:
        return DateValue(0, 0, None, "day", "unresolved")
    target = lex.WEEKDAYS[m["weekday"].lower()]
    rel = (m["rel"] or "").lower()
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if rel in ("next", "this coming"):
        day = anchor + dt.timedelta(days=ahead or 7)
    elif rel in ("last", "this past"):
        day = anchor - dt.timedelta(days=back or 7)
    elif direction == "future" or (direction is None and ahead < back):
        day = anchor + dt.timedelta(days=ahead)
    else:
        day = anchor - dt.timedelta(days=back)
    return DateValue(0, 0, day.isoformat(), "day", "estimated")


def _relative_month(m: re.Match[str], anchor: dt.date | None) -> DateValue:
    """'last October' is the October before the anchor's month; 'next March' the one after."""
    month = _month(m["month"])
    if anchor is None:
        return DateValue(0, 0, f"XXXX-{month:02d}", "month", "unresolved")
    if m["rel"].lower() in ("last", "past", "previous"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif m["rel"].lower() == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        year = anchor.year
    return DateValue(0, 0, f"{year:04d}-{month:02d}", "month", "resolved")


def _relative_period(m: re.Match[str], anchor: dt.date | None) -> DateValue:
    unit = m["unit"].lower()
    granularity = unit
    if anchor is None:
        return DateValue(0, 0, None, granularity, "unresolved", _modifier(m))
    offset = lex.RELATIVE_OFFSETS[m["rel"].lower()]
    mod = _modifier(m)
    rel = m["rel"].lower()
    if rel == "earlier this":
        mod = mod or "early"
    elif rel == "later this":
        mod = mod or "late"
    return DateValue(0, 0, _period_value(anchor, unit, offset), granularity, "resolved", mod)


def _period_value(anchor: dt.date, unit: str, offset: int) -> str:
    if unit == "year":
        return f"{anchor.year + offset:04d}"
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "week":
        year, week, _ = (anchor + dt.timedelta(weeks=offset)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + offset
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "decade":
        return f"{anchor.year // 10 + offset:03d}X"
    return f"{anchor.year // 100 + offset:02d}"


def _ago(m: re.Match[str], anchor: dt.date | None) -> DateValue:
    unit = m["unit"].lower().rstrip("s")
    unit = "century" if unit == "centurie" else unit
    count = _number(m["num"])
    if anchor is None or count is None:
        return DateValue(0, 0, None, lex.UNITS[unit][1], "unresolved")
    if unit == "day":
        return DateValue(0, 0, (anchor - dt.timedelta(days=count)).isoformat(), "day", "resolved")
    if unit in ("decade", "century"):  # "a decade ago" is a year, ten years back
        years = count * (10 if unit == "decade" else 100)
        return DateValue(0, 0, f"{anchor.year - years:04d}", "year", "resolved")
    return DateValue(0, 0, _period_value(anchor, unit, -count), lex.UNITS[unit][1], "resolved")


def _duration(m: re.Match[str]) -> DateValue:
    plural = m["unit"].lower().endswith("s")
    unit = m["unit"].lower().rstrip("s")
    unit = "century" if unit == "centurie" else unit
    letter = lex.UNITS[unit][0]
    raw = (m["num"] or "").lower()
    count = _number(raw) if raw else (None if plural else 1)
    amount = "X" if count is None else str(count)
    prefix = "PT" if letter in ("H",) else "P"
    return DateValue(0, 0, f"{prefix}{amount}{letter}", "duration", "resolved", kind="duration")


def warm_fallback() -> None:
    """Build dateparser's tables (its first parse costs about 0.25 s of CPU) ahead of time."""
    _fallback("Tuesday, 4 May 2021 10:00 GMT", dt.date(2021, 5, 5))


def _fallback(core: str, anchor: dt.date | None) -> DateValue | None:
    """Anything our rules do not know goes to dateparser, with its granularity kept."""
    if not re.search(rf"\d|\b(?:{MONTH_NAMES}|{_WEEKDAY})\b", core, re.I):
        return None
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(core)
    except Exception:  # dateparser raises assorted errors on odd strings
        return None
    if data is None or data.date_obj is None:
        return None
    found = data.date_obj.date()
    period = data.period or "day"
    explicit_year = bool(YEAR_ANYWHERE.search(core))
    if explicit_year and str(found.year) not in core:
        return None  # dateparser read a day number as a year ("April 24 and 25" -> 1925)
    if anchor is None and not explicit_year:
        return DateValue(0, 0, None, period, "unresolved")
    status = "resolved" if explicit_year else "estimated"
    if period == "year":
        return DateValue(0, 0, f"{found.year:04d}", "year", status)
    if period == "month":
        return DateValue(0, 0, f"{found.year:04d}-{found.month:02d}", "month", status)
    if period == "week":
        year, week, _ = found.isocalendar()
        return DateValue(0, 0, f"{year:04d}-W{week:02d}", "week", status)
    return DateValue(0, 0, found.isoformat(), "day", status)
