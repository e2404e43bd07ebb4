"""Parts of a year that business and civic news dates things by: quarters and halves
("third-quarter", "the fiscal first quarter", "last year's third quarter", "the 1988 second
quarter", "the first half"), fiscal years ("fiscal 1989", "the current fiscal year") and
holidays ("Thanksgiving Day", "last Christmas", "Easter week").

Values follow TIMEX3: "1989-Q3", "1989-H1", "FY1989", "FY1990-Q1", a holiday its day. A quarter
or holiday without a year is the one the clause's tense points to: in a report of October
1989, "the third quarter" of a past-tense clause is 1989-Q3, "the first quarter" of a
future-tense clause is 1990-Q1.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Literal

from dateutil.easter import easter

from newsgraph.nlp.dates.rules import QUARTERS

Direction = Literal["past", "future"] | None

_ORDINALS = "|".join(QUARTERS)
_YEAR = r"(?:1[89]|20)\d\d"

# "the 1988 second quarter", "last year's third quarter", "fiscal 1989's fourth quarter",
# "the third quarter of 1991", "the fiscal first quarter", "third-quarter", "the first half".
PART_OF_YEAR = re.compile(
    rf"\b(?:the\s+)?(?:(?P<rel>last|this|next|current)\s+year'?s\s+|(?P<fy1>fiscal\s+)?(?P<y1>{_YEAR})(?:'s)?\s+)?"
    rf"(?P<fy2>fiscal[\s-]+)?(?P<n>{_ORDINALS})[\s-]+(?P<fy3>fiscal[\s-]+)?(?P<unit>quarter|half)"
    rf"(?:\s+of\s+(?P<fy4>fiscal\s+)?(?:(?:the\s+)?year\s+)?(?P<y2>{_YEAR}))?\b",
    re.I,
)
SHORT_QUARTER = re.compile(rf"q(?P<n>[1-4])\s+(?P<year>{_YEAR})", re.I)  # "Q3 2024"
# "fiscal 1989", "fiscal year 1990", "the current fiscal year", "last fiscal year".
FISCAL_YEAR = re.compile(
    rf"\b(?:fiscal\s+(?:year\s+)?(?P<year>{_YEAR})|(?:the\s+)?(?P<rel>current|this|last|previous|next|coming)"
    rf"\s+fiscal\s+year|FY\s?(?P<short>{_YEAR}|\d\d))\b",
    re.I,
)
_FISCAL_OFFSETS = {"current": 0, "this": 0, "last": -1, "previous": -1, "next": 1, "coming": 1}


def _fixed(month: int, day: int) -> Callable[[int], dt.date]:
    return lambda year: dt.date(year, month, day)


def _nth_weekday(month: int, weekday: int, n: int) -> Callable[[int], dt.date]:
    """The n-th given weekday of a month (n = -1: the last)."""

    def day_of(year: int) -> dt.date:
        if n > 0:
            first = dt.date(year, month, 1)
            return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)

    return day_of


def _election_day(year: int) -> dt.date:
    """The Tuesday after the first Monday of November (US federal elections)."""
    return _nth_weekday(11, 0, 1)(year) + dt.timedelta(days=1)


HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "thanksgiving": _nth_weekday(11, 3, 4),
    "christmas eve": _fixed(12, 24),
    "christmas": _fixed(12, 25),
    "new year's eve": _fixed(12, 31),
    "new year's": _fixed(1, 1),
    "independence day": _fixed(7, 4),
    "fourth of july": _fixed(7, 4),
    "july fourth": _fixed(7, 4),
    "election day": _election_day,
    "easter": easter,
    "good friday": lambda year: easter(year) - dt.timedelta(days=2),
    "memorial day": _nth_weekday(5, 0, -1),
    "labor day": _nth_weekday(9, 0, 1),
    "veterans day": _fixed(11, 11),
    "valentine's day": _fixed(2, 14),
    "halloween": _fixed(10, 31),
}
_HOLIDAY_NAMES = "|".join(sorted((re.escape(n).replace("'", "['’]") for n in HOLIDAYS), key=len, reverse=True))
HOLIDAY = re.compile(
    rf"\b(?:(?P<rel>last|this|next|this past|this coming)\s+)?(?P<name>{_HOLIDAY_NAMES})"
    rf"(?:\s+(?P<day>day|eve|sunday|weekend|week))?(?:,?\s+(?P<year>{_YEAR}))?\b",
    re.I,
)


def part_of_year(text: str, anchor: dt.date | None, direction: Direction) -> tuple[str, str, str] | None:
    """(value, granularity, status) of a quarter, half or fiscal year that is the whole text."""
    text = text.strip()
    if m := SHORT_QUARTER.fullmatch(text):
        return f"{m['year']}-Q{m['n']}", "quarter", "resolved"
    if m := PART_OF_YEAR.fullmatch(text):
        number = QUARTERS[m["n"].lower()]
        unit = m["unit"].lower()
        code, per_year = ("Q", 4) if unit == "quarter" else ("H", 2)
        if code == "H" and number > 2:
            return None
        fiscal = "FY" if any(m[g] for g in ("fy1", "fy2", "fy3", "fy4")) else ""
        year_text = m["y1"] or m["y2"]
        if year_text:
            return f"{fiscal}{year_text}-{code}{number}", unit, "resolved"
        if anchor is None:
            return f"{fiscal}XXXX-{code}{number}", unit, "unresolved"
        if m["rel"]:
            year = anchor.year + _FISCAL_OFFSETS[m["rel"].lower()]
            return f"{fiscal}{year}-{code}{number}", unit, "resolved"
        year = _year_of_part(anchor, number, per_year, direction)
        return f"{fiscal}{year}-{code}{number}", unit, "estimated"
    if m := FISCAL_YEAR.fullmatch(text):
        if m["year"]:
            return f"FY{m['year']}", "year", "resolved"
        if m["short"]:
            short = m["short"]
            return f"FY{short if len(short) == 4 else ('19' if int(short) > 50 else '20') + short}", "year", "resolved"
        if anchor is None:
            return "FYXXXX", "year", "unresolved"
        return f"FY{anchor.year + _FISCAL_OFFSETS[m['rel'].lower()]}", "year", "resolved"
    return None


def _year_of_part(anchor: dt.date, number: int, per_year: int, direction: Direction) -> int:
    """The year whose quarter (or half) `number` the tense points to from the anchor."""
    current = (anchor.month - 1) * per_year // 12 + 1
    if direction == "future":
        return anchor.year if number >= current else anchor.year + 1
    return anchor.year if number <= current else anchor.year - 1


def holiday(text: str, anchor: dt.date | None, direction: Direction) -> tuple[str, str, str] | None:
    """(value, granularity, status) of a holiday that is the whole text: its day ("Thanksgiving
    Day" in a report of January 2000 is 1999-11-25), or its week ("Easter week")."""
    m = HOLIDAY.fullmatch(text.strip())
    if m is None:
        return None
    name = re.sub(r"[’]", "'", m["name"].lower())
    if name == "christmas" and (m["day"] or "").lower() == "eve":
        name = "christmas eve"
    day_of = HOLIDAYS[name]
    if m["year"]:
        day, status = day_of(int(m["year"])), "resolved"
    elif anchor is None:
        return None
    else:
        rel = (m["rel"] or "").lower()
        # A holiday's week has begun by its first day: "as Easter week began" is this year's.
        lead = dt.timedelta(days=6 if (m["day"] or "").lower() in ("week", "weekend") else 0)
        days = [day_of(year) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
        if rel in ("last", "this past") or (not rel and direction == "past"):
            day = max(d for d in days if d - lead <= anchor)
        elif rel in ("next", "this coming") or (not rel and direction == "future"):
            day = min(d for d in days if d >= anchor)
        else:
            day = min(days, key=lambda d: (abs((d - anchor).days), d > anchor))
        status = "estimated"
    if (m["day"] or "").lower() in ("week", "weekend"):
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if m["day"].lower() == "weekend" else ""), "week", status
    return day.isoformat(), "day", status


# Years and decades listed or spanned: "between 1994 and 1997", "from 1991 to 1997", "1994, 1995
# and 1997", "the late 1980s and early 1990s", "2017-18" (a season of two years).
_ONE_YEAR = rf"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:{_YEAR}s?|'\d0s)"
YEAR_LIST = re.compile(
    rf"^(?:(?:between|from|in|during|since|of)\s+)?{_ONE_YEAR}"
    rf"(?:\s*(?:,\s*(?:and\s+|or\s+)?|and|or|to|through|-|–|/)\s*(?:{_ONE_YEAR}|\d\d\b))+$",
    re.I,
)
_LISTED = re.compile(
    rf"(?:(?P<mod>early|late|mid)[\s-]+)?(?P<year>{_YEAR})(?P<decade>s)?|(?<=[-–/])(?P<short>\d\d)\b", re.I
)


_LIST_TAIL = re.compile(
    r"[\s,]*(?:\b(?:and|or)\b|\s(?:season|campaign|school\s+year|academic\s+year|fiscal\s+year))?[\s,]*$", re.I
)


def year_list(text: str) -> list[tuple[int, int, str, str, str | None]]:
    """(start, end, value, granularity, modifier) of each year or decade a list or range of
    them names; [] when the text is not one."""
    text = _LIST_TAIL.sub("", text)
    if YEAR_LIST.fullmatch(text.strip()) is None:
        return []
    out: list[tuple[int, int, str, str, str | None]] = []
    for m in _LISTED.finditer(text):
        if m["short"]:
            if not out or out[-1][3] != "year":
                return []
            year = int(out[-1][2][:2] + m["short"])
            if year <= int(out[-1][2]):
                return []  # "1990-85" is no range of years
            out.append((m.start(), m.end(), f"{year:04d}", "year", None))
        elif m["decade"]:
            out.append((m.start(), m.end(), f"{m['year'][:3]}X", "decade", (m["mod"] or "").lower() or None))
        else:
            out.append((m.start(), m.end(), m["year"], "year", (m["mod"] or "").lower() or None))
    return out if len(out) >= 2 else []


_UNITS_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
CENTURY = re.compile(r"^(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century$", re.I)


def _below_hundred(words: list[str]) -> int | None:
    """ "eighty-nine" (as ["eighty", "nine"]), "twelve", "five"."""
    if len(words) == 1:
        word = words[0]
        if word in _TEENS:
            return 10 + _TEENS.index(word)
        if word in _TENS:
            return 20 + 10 * _TENS.index(word)
        return 1 + _UNITS_WORDS.index(word) if word in _UNITS_WORDS else None
    if len(words) == 2 and words[0] in _TENS and words[1] in _UNITS_WORDS:
        return 20 + 10 * _TENS.index(words[0]) + 1 + _UNITS_WORDS.index(words[1])
    return None


def spelled_year(text: str) -> str | None:
    """A year written in words: "nineteen eighty-nine", "two thousand and five", "twenty twenty"."""
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w not in ("in", "the", "year", "and")]
    if words[:2] == ["two", "thousand"]:
        rest = _below_hundred(words[2:]) if words[2:] else 0
        return f"{2000 + rest:04d}" if rest is not None else None
    hundreds = _below_hundred(words[:1]) if len(words) >= 2 else None
    rest = _below_hundred(words[1:])
    if hundreds is not None and 16 <= hundreds <= 20 and rest is not None and rest >= 10:
        return f"{hundreds * 100 + rest:04d}"
    return None


def century(text: str) -> tuple[str, str | None] | None:
    """ "the 19th century" is 18 (TIMEX3 writes a century by its first two digits)."""
    m = CENTURY.fullmatch(text.strip())
    if m is None or not 1 <= int(m["n"]) <= 21:
        return None
    return f"{int(m['n']) - 1:02d}", (m["mod"] or "").lower() or None
