"""Patterns of time expressions, built from the lexicons in `rules`; applied by `resolve` and `finder`."""

from __future__ import annotations

import re

from newsgraph.nlp.dates import rules as lex

_MONTH = r"(?P<month>" + "|".join(sorted(lex.MONTHS, key=len, reverse=True)) + r")\.?"
MONTH_NAMES = "|".join(sorted(lex.MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(lex.WEEKDAYS, key=len, reverse=True))
# Weekdays written out (no "sun", "sat": words of their own) and the parts of a day after them.
WEEKDAY_NAMES = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
PARTS_OF_DAY = "morning|afternoon|evening|night"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
_MOD = "|".join(sorted((re.escape(m) for m in lex.MODIFIERS), key=len, reverse=True))
_NUM = "|".join(sorted(list(lex.NUMBER_WORDS) + [re.escape(v) for v in lex.VAGUE_NUMBERS], key=len, reverse=True))
_UNIT = r"(?P<unit>(?:day|week|month|year|decade|century|centurie|quarter)s?)"

# Month + day in either order, with an optional year right after: one date in a list of dates.
MONTH_DAY = re.compile(
    rf"\b(?:(?P<m1>{MONTH_NAMES})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH_NAMES})\.?)"
    rf"(?:,?\s+(?P<year>1[6-9]\d\d|20\d\d))?\b",
    re.I,
)
MONTH_ONLY = re.compile(rf"\b(?P<month>{MONTH_NAMES})\.?(?!\s+[0-3]?\d\b)(?:,?\s+(?P<year>1[6-9]\d\d|20\d\d))?", re.I)
YEAR_ANYWHERE = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
RELATIVE_YEAR = re.compile(r"\b(?P<rel>last|this|next|previous|past)\s+year\b", re.I)

_TRIM_LEFT = re.compile(
    r"^(?:\s|,|;|and\b|or\b|from\b|since\b|until\b|till\b|by\b|on\b|in\b|of\b|during\b|as of\b)+", re.I
)
_TRIM_RIGHT = re.compile(r"(?:\s|,|;|\band|\bor|\bto|\bof|(?<=\d)\.)+$", re.I)

# Single expressions, tried in order on the whole (trimmed) text.
ISO_DAY = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")
NUMERIC_DAY = re.compile(r"^(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4})$")
FULL_DAY = re.compile(
    rf"^(?:(?:{_WEEKDAY})\.?,?\s+)?"
    rf"(?:{_MONTH}\s+{_DAY}|{_DAY.replace('day>', 'day2>')}\s+(?:of\s+)?(?P<month2>{MONTH_NAMES})\.?)"
    rf"(?:,?\s+{_YEAR})?$",
    re.I,
)
MONTH_YEAR = re.compile(rf"^(?:(?P<mod>{_MOD})[\s-]+)?{_MONTH}(?:,?\s+(?:of\s+)?{_YEAR})?$", re.I)
MONTH_OF_RELATIVE = re.compile(
    rf"^(?:(?P<mod>{_MOD})[\s-]+)?{_MONTH}\s+(?:of\s+)?(?P<rel>last|this|next)\s+year$", re.I
)
SEASON = re.compile(
    rf"^(?:(?P<mod>{_MOD})[\s-]+)?(?:the\s+)?(?:(?P<rel>last|this|next)\s+)?"
    rf"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?{_YEAR})?$",
    re.I,
)
YEAR_ONLY = re.compile(rf"^(?:(?P<mod>{_MOD})[\s-]+)?(?:the\s+year\s+)?{_YEAR}$", re.I)
DECADE = re.compile(
    r"^(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?:the\s+)?(?P<decade>1[6-9]\d|20\d)0'?s$", re.I
)
WEEKDAY = re.compile(
    rf"^(?:(?P<rel>last|this|next|this past|this coming)\s+)?(?P<weekday>{_WEEKDAY})\.?"
    rf"(?:\s+(?:{PARTS_OF_DAY}))?$",
    re.I,
)
RELATIVE_PERIOD = re.compile(
    rf"^(?:(?P<mod>{_MOD})\s+)?(?P<rel>last|this|next|previous|current|coming|following|earlier this|later this)"
    r"\s+(?P<unit>week|month|year|decade|quarter|century)$",
    re.I,
)
AGO = re.compile(
    rf"^(?:(?:almost|nearly|about|around|some|more than|over|less than|just over|just under|just|only)\s+)?"
    rf"(?P<num>\d+|{_NUM})\s+{_UNIT}\s+ago$",
    re.I,
)
RELATIVE_TO_EVENT = re.compile(
    rf"^(?P<num>\d+|{_NUM})\s+{_UNIT}\s+(?:later|earlier|before|after|afterwards|prior)$", re.I
)
DURATION = re.compile(
    rf"^(?:the\s+)?(?:(?:past|last|next|previous|coming|first|following|recent)\s+)?(?:(?P<num>\d+|{_NUM})[\s-]+)?(?:more\s+)?{_UNIT}(?:[\s-]+long)?$",
    re.I,
)
DAY_PAIR = re.compile(
    rf"^(?P<month>{MONTH_NAMES})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:and|or|to|-|–)\s*"
    r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?:1[6-9]\d\d|20\d\d))?$",
    re.I,
)
RELATIVE_MONTH = re.compile(rf"^(?P<rel>last|this|next|past|previous)\s+(?P<month>{MONTH_NAMES})\.?$", re.I)
AGE = re.compile(r"^\d{1,3}$|(?:years?|months?)[\s-]+old\b|^aged?\s+\d", re.I)
