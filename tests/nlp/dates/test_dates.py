import datetime as dt

import pytest

from newsgraph.nlp.dates import resolve_date

ANCHOR = dt.date(2025, 3, 5)


def values(text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str | None, str | None, str]]:
    return [(text[v.start : v.end], v.value, v.granularity, v.status) for v in resolve_date(text, anchor)]


@pytest.mark.parametrize(
    ("text", "value", "granularity", "status"),
    [
        ("April 13, 2024", "2024-04-13", "day", "resolved"),
        ("Oct. 1, 2024", "2024-10-01", "day", "resolved"),
        ("13 April 2024", "2024-04-13", "day", "resolved"),
        ("Monday, March 3, 2025", "2025-03-03", "day", "resolved"),
        ("2024-04-13", "2024-04-13", "day", "resolved"),
        ("Sept. 2024", "2024-09", "month", "resolved"),
        ("Nov. 2022", "2022-11", "month", "resolved"),
        ("2018", "2018", "year", "resolved"),
        ("in 2023", "2023", "year", "resolved"),
        ("last year", "2024", "year", "resolved"),
        ("this year", "2025", "year", "resolved"),
        ("next year", "2026", "year", "resolved"),
        ("last month", "2025-02", "month", "resolved"),
        ("this week", "2025-W10", "week", "resolved"),
        ("yesterday", "2025-03-04", "day", "resolved"),
        ("two years ago", "2023", "year", "resolved"),
        ("three days ago", "2025-03-02", "day", "resolved"),
        ("in January", "2025-01", "month", "estimated"),
        ("September", "2024-09", "month", "estimated"),
        ("Tuesday", "2025-03-04", "day", "estimated"),
        ("last Friday", "2025-02-28", "day", "estimated"),
        ("spring 2024", "2024-SP", "season", "resolved"),
        ("the first quarter of 2024", "2024-Q1", "quarter", "resolved"),
        ("the 1990s", "199X", "decade", "resolved"),
        ("20-year", "P20Y", "duration", "resolved"),
        ("the past year", "P1Y", "duration", "resolved"),
        ("several weeks", "PXW", "duration", "resolved"),
        ("recent years", "PAST_REF", None, "resolved"),
    ],
)
def test_single_expressions(text: str, value: str, granularity: str | None, status: str) -> None:
    [(_, got_value, got_granularity, got_status)] = values(text)
    assert (got_value, got_granularity, got_status) == (value, granularity, status)


def test_modifier_is_kept_beside_the_value() -> None:
    [value] = resolve_date("late October 2024", ANCHOR)
    assert (value.value, value.granularity, value.modifier) == ("2024-10", "month", "late")
    [value] = resolve_date("mid-2023", ANCHOR)
    assert (value.value, value.modifier) == ("2023", "mid")


def test_coordinated_dates_share_the_relative_year() -> None:
    assert values("April 24 and September 17 of last year") == [
        ("April 24", "2024-04-24", "day", "resolved"),
        ("September 17", "2024-09-17", "day", "resolved"),
    ]
    assert values("April and September 2024") == [
        ("April", "2024-04", "month", "resolved"),
        ("September 2024", "2024-09", "month", "resolved"),
    ]


def test_without_an_anchor_relative_dates_stay_unresolved() -> None:
    assert values("last year", None) == [("last year", None, "year", "unresolved")]
    assert values("in January", None) == [("January", "XXXX-01", "month", "unresolved")]
    assert values("April 24 and September 17 of last year", None)[0][1:] == ("XXXX-04-24", "day", "unresolved")
    assert values("April 13, 2024", None) == [("April 13, 2024", "2024-04-13", "day", "resolved")]


def test_ages_and_trailing_conjunctions() -> None:
    assert values("45") == []
    assert values("45-year-old") == []
    assert values("April 13, 2024 and") == [("April 13, 2024", "2024-04-13", "day", "resolved")]


def test_a_date_just_after_the_anchor_stays_in_its_year() -> None:
    assert values("March 10") == [("March 10", "2025-03-10", "day", "estimated")]
    assert values("Dec. 25") == [("Dec. 25", "2024-12-25", "day", "estimated")]


@pytest.mark.parametrize("text", ["", " ", "and", "the weekend", "ages", "x" * 5000, "April 31, 2024", "13/45/2024"])
def test_odd_text_never_raises(text: str) -> None:
    for value in resolve_date(text, ANCHOR):
        assert 0 <= value.start <= value.end <= len(text)


def test_the_clause_tense_decides_which_weekday_or_month() -> None:
    wednesday = dt.date(2025, 3, 5)
    assert resolve_date("Tuesday", wednesday, "past")[0].value == "2025-03-04"
    assert resolve_date("Tuesday", wednesday, "future")[0].value == "2025-03-11"
    assert resolve_date("Thursday", wednesday, None)[0].value == "2025-03-06"  # nearest
    assert resolve_date("April", wednesday, "past")[0].value == "2024-04"
    assert resolve_date("April", wednesday, "future")[0].value == "2025-04"
    assert resolve_date("Jan. 14", dt.date(2000, 1, 6), None)[0].value == "2000-01-14"


def test_day_pairs_relative_months_and_approximate_ago() -> None:
    assert values("April 24 and 25, 1999") == [
        ("April 24", "1999-04-24", "day", "resolved"),
        ("25", "1999-04-25", "day", "resolved"),
    ]
    assert resolve_date("last October", dt.date(1999, 1, 22))[0].value == "1998-10"
    assert resolve_date("next March", dt.date(1999, 1, 22))[0].value == "1999-03"
    assert resolve_date("almost four years ago", dt.date(1999, 1, 22))[0].value == "1995"
