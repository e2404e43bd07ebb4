"""Time expressions that NER leaves untagged or that take their value from the text around them.

- Words that refer to the present, past or future as a whole: "now", "currently", "current"
  (before a noun), "recently", "in the past", "soon", "the future", "the near term" become
  PRESENT_REF, PAST_REF and FUTURE_REF ("now that" and a discourse "Now," are not times).
- Expressions whose value is the reference time, the last date the text resolved (as the
  TimeML guidelines describe it): "that day", "earlier that day", "the next morning", "that
  year", "the following year", "the quarter", "the year-earlier period", "a year earlier".
- A definite singular unit is a date, not a duration: "the year", "the full year", "the
  quarter"; "the weekend" is a week's weekend.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsgraph.nlp.dates.patterns import PARTS_OF_DAY, WEEKDAY_NAMES
from newsgraph.nlp.dates.resolve import DateValue, Direction, resolve_date

REFERENCE_WORDS = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "recently": "PAST_REF",
    "recent": "PAST_REF",
    "in the past": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "soon": "FUTURE_REF",
    "future": "FUTURE_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
}
REFERENCE_WORD = re.compile(
    r"\b(?:the\s+(?:near|distant)\s+future|the\s+future|the\s+(?:near|short|long)\s+term|in\s+the\s+past"
    r"|now|currently|current|recently|recent|previously|formerly|soon|future)\b",
    re.I,
)
# Expressions valued from the reference time.
ANAPHORIC = re.compile(
    rf"\b(?:(?:earlier|later)\s+)?(?:that|the\s+same)\s+(?:same\s+)?(?P<unit>day|{PARTS_OF_DAY}"
    r"|week|month|year|quarter|period)\b"
    rf"|\bthe\s+(?P<step>next|following|previous|preceding|prior)\s+(?P<unit2>day|{PARTS_OF_DAY}|week"
    r"|month|year|quarter)\b"
    r"|\b(?:the\s+)?year[\s-](?:earlier|ago)\s+(?P<unit3>period|quarter|half|year|month)\b"
    r"|\b(?P<count>a|one)\s+year\s+(?:earlier|before)\b"
    r"|\bthe\s+(?:(?:latest|most\s+recent|recent|same)\s+)?(?P<unit4>quarter|period)\b"
    r"|\bthe\s+(?:(?:full|whole|entire)\s+)?(?P<unit5>year)\b(?![\s-](?:earlier|ago|before|after|old|long))",
    re.I,
)
WEEKEND = re.compile(r"\b(?:(?P<rel>this|last|next|this past|this coming|the)\s+)weekend\b", re.I)
STEPS = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}


@dataclass
class Reference:
    """The last date the text resolved, which "that day" or "the quarter" refer back to."""

    value: str
    granularity: str


def reference_value(text: str) -> str | None:
    return REFERENCE_WORDS.get(" ".join(text.lower().split()))


def is_discourse_now(text: str, start: int, end: int) -> bool:
    """ "Now that ..." and a sentence-opening "Now," tell no time."""
    after = text[end : end + 6].lower()
    if after.startswith(" that"):
        return True
    before = text[max(0, start - 3) : start].strip(" \"“'")
    return text[start:end].lower() == "now" and after.startswith(",") and (not before or before[-1] in ".!?\n")


def anaphoric(text: str, reference: Reference | None, anchor: dt.date | None) -> tuple[str | None, str] | None:
    """(value, granularity) of an expression valued from the reference time; None when the text
    is not one. Without a usable reference the value is None (the expression is still a date)."""
    m = ANAPHORIC.fullmatch(" ".join(text.split()))
    if m is None:
        return None
    if unit := m["unit"] or m["unit2"]:
        unit = unit.lower()
        step = STEPS.get((m["step"] or "").lower(), 0)
        if unit in PARTS_OF_DAY.split("|"):  # "the next morning": the day after the reference
            return _shifted(reference, "day", step), "day"
        if unit == "period":
            unit = reference.granularity if reference and reference.granularity in ("quarter", "half") else "quarter"
        return _shifted(reference, unit, step), unit
    if m["unit3"] or m["count"]:
        if reference is None:
            return (f"{anchor.year - 1:04d}" if anchor else None), "year"
        return _shifted(reference, reference.granularity, -1, whole_year=True), reference.granularity
    if m["unit4"]:
        # "the quarter": the one the text reports on, else the last whole quarter before the
        # publication date (results are reported after their quarter ends).
        if reference is not None and reference.granularity in ("quarter", "half"):
            return reference.value, reference.granularity
        if anchor is None:
            return None, "quarter"
        index = anchor.year * 4 + (anchor.month - 1) // 3 - 1
        return f"{index // 4:04d}-Q{index % 4 + 1}", "quarter"
    # "the year", "the full year": the reference's year, else the anchor's.
    if reference is not None and reference.value[:4].isdigit():
        return reference.value[:4], "year"
    return (f"{anchor.year:04d}" if anchor else None), "year"


def _shifted(reference: Reference | None, granularity: str, step: int, whole_year: bool = False) -> str | None:
    """The reference's value at `granularity`, moved `step` units (or a whole year back)."""
    if reference is None or not reference.value[:4].isdigit():
        return None
    value = reference.value
    year = int(value[:4])
    try:
        if granularity == "day":
            if re.fullmatch(r"\d{4}-\d{2}", value) and step == 0 and not whole_year:
                return f"{value}-XX"  # "that same day" after "last October": a day of that month
            if not re.match(r"\d{4}-\d{2}-\d{2}", value):
                return None
            day = dt.date.fromisoformat(value[:10])
            return (day.replace(year=day.year - 1) if whole_year else day + dt.timedelta(days=step)).isoformat()
        if granularity == "month":
            if re.fullmatch(r"\d{4}", value) and step == 0 and not whole_year:
                return f"{value}-XX"
            if not re.match(r"\d{4}-\d{2}", value):
                return None
            index = year * 12 + int(value[5:7]) - 1 + (-12 if whole_year else step)
            return f"{index // 12:04d}-{index % 12 + 1:02d}"
        if granularity in ("quarter", "half"):
            part = re.match(r"(\d{4})-([QH])(\d)", value)
            if part is None:
                return None
            per_year = 4 if part[2] == "Q" else 2
            index = year * per_year + int(part[3]) - 1 + (-per_year if whole_year else step)
            return f"{index // per_year:04d}-{part[2]}{index % per_year + 1}"
        if granularity == "week":
            if not re.match(r"\d{4}-\d{2}-\d{2}", value):
                return None
            iso_year, week, _ = (dt.date.fromisoformat(value[:10]) + dt.timedelta(weeks=step)).isocalendar()
            return f"{iso_year:04d}-W{week:02d}"
    except ValueError:
        return None
    return f"{year + (-1 if whole_year else step):04d}"


def weekend(text: str, anchor: dt.date | None, past: bool) -> str | None:
    """ "the weekend", "last weekend": the ISO week whose weekend it is ("2000-W16-WE")."""
    m = WEEKEND.fullmatch(" ".join(text.split()))
    if m is None or anchor is None:
        return None
    rel = (m["rel"] or "the").lower()
    saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)  # this week's (or today)
    if rel in ("last", "this past") or (rel == "the" and past and anchor.weekday() < 5):
        saturday -= dt.timedelta(days=7)
    elif rel == "next":
        saturday += dt.timedelta(days=7)
    year, week, _ = saturday.isocalendar()
    return f"{year:04d}-W{week:02d}-WE"


AROUND_A_DATE = re.compile(
    r"^(?:the\s+)?(?:(?P<week>week)\s+of|day\s+(?P<side>before|after))\s+(?P<date>.+?)(?:['’]s)?$", re.I
)
# Found in text where NER tags only the date: "the day before last Tuesday's hearing".
DAY_AROUND_A_WEEKDAY = re.compile(
    rf"\b(?:the\s+)?day\s+(?:before|after)\s+(?:(?:last|next|this)\s+)?(?:{WEEKDAY_NAMES})(?:['’]s)?", re.I
)
# "post-1959", "pre-1914": a year with what comes after or before it.
BEFORE_OR_AFTER_YEAR = re.compile(r"\b(?P<side>pre|post)-(?P<year>(?:1[6-9]|20)\d\d)\b", re.I)


def around_a_date(text: str, anchor: dt.date | None, direction: Direction) -> DateValue | None:
    """ "the week of March 6" is that day's ISO week; "the day before last Tuesday" the day
    before it."""
    m = AROUND_A_DATE.match(" ".join(text.split()))
    if m is None:
        return None
    inner = resolve_date(m["date"], anchor, direction)
    if len(inner) != 1 or not inner[0].value or not re.match(r"\d{4}-\d{2}-\d{2}$", inner[0].value):
        return None
    day = dt.date.fromisoformat(inner[0].value)
    if m["week"]:
        year, week, _ = day.isocalendar()
        return DateValue(0, len(text), f"{year:04d}-W{week:02d}", "week", inner[0].status)
    day += dt.timedelta(days=1 if m["side"].lower() == "after" else -1)
    return DateValue(0, len(text), day.isoformat(), "day", inner[0].status)
