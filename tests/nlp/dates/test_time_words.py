"""Time on real text (issue 16): reference words, parts of the year, the reference time, split
spans, tense. Every sentence here is written for its test."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.records import Article, Published


def dates(analyzer: Any, text: str, published: str = "1989-10-26") -> list[tuple[str, str | None]]:
    article = Article(id="0" * 16, external_id="t", text=text, published=Published(published, "given"))
    [analysed] = analyzer.analyze([article])
    return [(d.text, d.value) for d in analysed.dates if d.kind == "date"]


def test_words_that_refer_to_the_present_past_and_future(analyzer: Any) -> None:
    found = dates(
        analyzer,
        "Prices are now falling, and the current chairman expects more cuts soon. The company recently sold "
        "a unit and may sell others in the near future. Now that the deal is done, shares rose.",
    )
    assert ("now", "PRESENT_REF") in found and ("current", "PRESENT_REF") in found
    assert ("soon", "FUTURE_REF") in found and ("the near future", "FUTURE_REF") in found
    assert ("recently", "PAST_REF") in found
    assert sum(1 for text, _ in found if text.lower() == "now") == 1  # "Now that ..." is no time


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("Third-quarter profit rose 12%, the company said.", "Third-quarter", "1989-Q3"),
        ("The bank reported a loss for the fiscal first quarter.", "the fiscal first quarter", "FY1989-Q1"),
        ("Sales were lower than in last year's third quarter.", "last year's third quarter", "1988-Q3"),
        ("Earnings doubled from the 1988 second quarter.", "the 1988 second quarter", "1988-Q2"),
        ("Revenue grew 8% in the first half.", "the first half", "1989-H1"),
        ("The airline lost money in fiscal 1989.", "fiscal 1989", "FY1989"),
        ("It expects a profit in the current fiscal year.", "the current fiscal year", "FY1989"),
    ],
)
def test_quarters_halves_and_fiscal_years(analyzer: Any, sentence: str, expression: str, value: str) -> None:
    assert (expression, value) in dates(analyzer, sentence)


def test_a_quarter_told_in_the_future_tense_is_the_next_one(analyzer: Any) -> None:
    assert ("the first quarter", "1990-Q1") in dates(analyzer, "The plant will reopen in the first quarter.")


def test_expressions_valued_from_the_last_date_the_text_gave(analyzer: Any) -> None:
    found = dates(
        analyzer,
        "Net income rose in the third quarter of 1988. The quarter included a one-time gain. A year earlier, "
        "the company lost money. The flood struck on March 3, 1987. That same day the mayor resigned, and the "
        "following year the dam was rebuilt.",
    )
    assert ("The quarter", "1988-Q3") in found
    assert ("A year earlier", "1987-Q3") in found
    assert ("That same day", "1987-03-03") in found
    assert ("the following year", "1988") in found


def test_a_span_that_fails_as_a_whole_is_split_with_its_modifier(analyzer: Any) -> None:
    found = dates(analyzer, "Profit fell in the fourth quarter ended Sept. 30, the company said.")
    assert ("Sept. 30", "1989-09-30") in found
    assert any(value == "1989-Q4" for _, value in found)
    article = Article(
        id="0" * 16, external_id="t", text="Late Monday, officials said visas were approved.",
        published=Published("2000-04-05", "given"),
    )
    [analysed] = analyzer.analyze([article])
    [monday] = [d for d in analysed.dates if d.text == "Monday"]
    assert monday.value == "2000-04-03" and monday.modifier == "late"


def test_a_definite_year_the_weekend_holidays_and_decades(analyzer: Any) -> None:
    found = dates(
        analyzer,
        "Sales for the full year fell. Thousands marched over the weekend. The boy was found on Thanksgiving "
        "Day. The trend began in the late 1980s and early 1990s, between 1994 and 1997.",
        published="1999-12-01",
    )
    assert ("the full year", "1999") in found
    assert ("the weekend", "1999-W47-WE") in found
    assert ("Thanksgiving Day", "1999-11-25") in found
    assert {("the late 1980s", "198X"), ("early 1990s", "199X"), ("1994", "1994"), ("1997", "1997")} <= set(found)


def test_tense_decides_the_weekday(analyzer: Any) -> None:
    # Thursday 1999-05-06 is the day before a Friday report; next Thursday is 1999-05-13.
    past = dates(analyzer, "Until Thursday, the police had not called him a suspect.", published="1999-05-07")
    assert ("Thursday", "1999-05-06") in past
    ahead = dates(analyzer, "The agency has given the family until 9 a.m. Thursday to answer.", published="1999-05-07")
    assert ("9 a.m. Thursday", "1999-05-13T09:00") in ahead
    summit = dates(analyzer, "The issue will dominate a summit set for Washington in April.", published="1999-03-12")
    assert ("April", "1999-04") in summit


def test_a_weekday_never_takes_the_year_of_an_unrelated_mention(analyzer: Any) -> None:
    found = dates(
        analyzer,
        "The company was founded in December 2019. On Tuesday it announced new owners.",
        published="2026-01-02",
    )
    assert ("Tuesday", "2025-12-30") in found


def test_ranges_of_years_and_show_titles_are_not_days(analyzer: Any) -> None:
    found = dates(analyzer, "He starred in the 2017-18 season and was on NBC's Today show.", published="2019-05-01")
    assert ("2017", "2017") in found and ("18", "2018") in found
    assert not any(value and value.endswith("-18") for _, value in found)
    assert not any(text == "Today" for text, _ in found)


def test_an_obligation_in_the_past_looks_back_and_years_in_words(analyzer: Any) -> None:
    # Wednesday 30 December: the Friday she had to seek help was the 25th, not New Year's Day.
    found = dates(analyzer, "She had to seek medical attention on Friday.", published="2026-12-30")
    assert ("Friday", "2026-12-25") in found
    found = dates(analyzer, "Cities grew fast in the 19th century, and the wall fell in nineteen eighty-nine.")
    assert ("the 19th century", "18") in found and ("nineteen eighty-nine", "1989") in found


def test_times_on_a_day_and_what_is_no_time(analyzer: Any) -> None:
    found = dates(
        analyzer,
        "The agency extended its deadline until 9 a.m. EST Tuesday. He was named player of the year. The "
        "current account deficit widened. Future Publishing said sales in the post-1959 era rose.",
        published="2000-04-03",
    )
    assert ("9 a.m. EST Tuesday", "2000-04-04T09:00") in found
    assert ("post-1959", "1959") in found
    assert not any(text.lower() in ("the year", "current", "future") for text, _ in found)


def test_a_day_of_a_month_the_text_named(analyzer: Any) -> None:
    found = dates(analyzer, "The doctor was killed last October. His name was crossed out that same day.", "1999-02-06")
    assert ("that same day", "1998-10-XX") in found


def test_the_quarter_without_one_named_is_the_last_whole_quarter(analyzer: Any) -> None:
    assert ("the quarter", "1989-Q3") in dates(analyzer, "Profit in the quarter rose 5%, the bank said.")
