"""Lexicons for time expressions: month and weekday names, numbers, units, modifiers.

Kept as data apart from `resolve`, which applies them.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}

# TIMEX3 season codes.
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

QUARTERS: dict[str, int] = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "hundred": 100,
}

# Vague amounts: the TIMEX3 value keeps an X for the unknown number.
VAGUE_NUMBERS: frozenset[str] = frozenset({"several", "few", "a few", "many", "some", "couple", "a couple of"})

# Unit word -> (TIMEX3 duration letter, granularity of a date `N units ago`).
UNITS: dict[str, tuple[str, str]] = {
    "day": ("D", "day"),
    "week": ("W", "week"),
    "month": ("M", "month"),
    "year": ("Y", "year"),
    "decade": ("DE", "decade"),
    "century": ("CE", "century"),
    "quarter": ("Q", "quarter"),
}

# Words before a date that shift it within its period; the value keeps the period.
MODIFIERS: dict[str, str] = {
    "early": "early",
    "late": "late",
    "mid": "mid",
    "the middle of": "mid",
    "the end of": "late",
    "the beginning of": "early",
    "the start of": "early",
    "end of": "late",
    "beginning of": "early",
    "start of": "early",
    "around": "approx",
    "about": "approx",
    "roughly": "approx",
    "approximately": "approx",
    "circa": "approx",
}

# Relative words -> offset in units from the anchor's own period.
RELATIVE_OFFSETS: dict[str, int] = {
    "last": -1,
    "previous": -1,
    "past": -1,
    "this": 0,
    "current": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
    "earlier this": 0,
    "later this": 0,
}

# Whole expressions that name the present or the past in general (TIMEX3 reference values).
REFERENCE_VALUES: dict[str, str] = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "recently": "PAST_REF",
    "recent years": "PAST_REF",
    "in recent years": "PAST_REF",
    "the past": "PAST_REF",
    "in the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "in the future": "FUTURE_REF",
}

DAY_OFFSETS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
