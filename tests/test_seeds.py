"""The founding example: what ../shared/seeds/EXPECTED.md asks of ingest, entities and dates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import validate_record


@pytest.fixture(scope="module")
def records(seeds: dict[str, Path]) -> dict[str, dict[str, Any]]:
    from typer.testing import CliRunner

    from newsgraph.cli.app import app

    result = CliRunner().invoke(app, ["analyze", *map(str, seeds.values()), "--published", "2025-03-05", "--json"])
    assert result.exit_code == 0, result.stderr
    out = {}
    for line in result.stdout.splitlines():
        record = json.loads(line)
        out[record["external_id"][:3]] = record
    return out


def dates_by_text(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for date in record["dates"]:
        found.setdefault(date["text"], []).append(date)
    return found


def test_records_match_the_schema(records: dict[str, dict[str, Any]]) -> None:
    assert set(records) == {"000", "003"}
    for record in records.values():
        validate_record(record)
        assert record["outlet"] is None and record["url"] is None
        assert record["published"] == {"value": "2025-03-05", "source": "given"}


def test_debris_is_gone_from_000(records: dict[str, dict[str, Any]]) -> None:
    record = records["000"]
    text = record["text"]
    assert "Shutterstock" not in text and "Quds Day" not in text and "2017" not in text
    assert not text.startswith("news") and not text.rstrip().endswith("Topics")
    reasons = [r["reason"] for r in record["removed"]]
    assert reasons.count("caption") + reasons.count("repeated_line") == 2
    assert "section_label" in reasons and "trailing_label" in reasons
    assert record["title"].startswith("Russian missile experts")
    assert not any(d["value"] and d["value"].startswith("2017") for d in record["dates"])


def test_dates_of_000(records: dict[str, dict[str, Any]]) -> None:
    dates = dates_by_text(records["000"])
    assert dates["April 24"][0]["value"] == "2024-04-24"
    assert dates["September 17"][0]["value"] == "2024-09-17"
    assert dates["April 13, 2024"][0]["value"] == "2024-04-13"
    assert dates["Oct. 1, 2024"][0]["value"] == "2024-10-01"
    assert dates["Nov. 2022"][0]["value"] == "2022-11"
    assert dates["Sept. 2024"][0]["value"] == "2024-09"
    assert dates["last year"][0]["value"] == "2024" and dates["last year"][0]["granularity"] == "year"
    late = dates["late October 2024"][0]
    assert (late["value"], late["modifier"]) == ("2024-10", "late")
    assert all(d["value"] == "2024-09" for d in dates["September"])


def test_dates_of_003(records: dict[str, dict[str, Any]]) -> None:
    dates = dates_by_text(records["003"])
    assert dates["January"][0]["value"] == "2025-01"
    assert dates["last month"][0]["value"] == "2025-02"
    assert dates["2023"][0]["value"] == "2023" and dates["2018"][0]["value"] == "2018"
    assert dates["April"][0]["value"] == "2024-04" and dates["September 2024"][0]["value"] == "2024-09"


def test_people_places_and_organisations(records: dict[str, dict[str, Any]]) -> None:
    mentions = {(e["text"], e["label"]) for r in records.values() for e in r["entities"]}
    texts = {text for text, _ in mentions}
    for person in (
        "Andrei Gusev",
        "Behnam Ben Taleblu",
        "Nicholas Carl",
        "Andrea Stricker",
        "Marco Rubio",
        "Sergey Lavrov",
    ):
        assert (person, "PERSON") in mentions, person
    assert ("Trump", "PERSON") in mentions
    for place in ("Russia", "Iran", "Israel", "Ukraine", "Tehran", "Moscow", "Saudi Arabia", "Amirabad", "Washington"):
        assert place in texts, place
    assert ("Reuters", "ORG") in mentions
    assert any("Foundation for Defense of Democracies" in t for t in texts)
    assert any("American Enterprise Institute" in t for t in texts)
    assert any("Penza Artillery Engineering Institute" in t for t in texts)
    assert "Caspian Sea" in texts and "Bloomberg" in texts
    assert not any(text.lower() in ("she", "he", "it") for text in texts)


def test_without_a_date_relative_expressions_are_not_guessed(seeds: dict[str, Path], analyzer: Any) -> None:
    from newsgraph.ingest import prepare_article, read_source
    from newsgraph.settings import Settings

    [raw] = list(read_source(seeds["003"], Settings(database_url="sqlite://")))
    article = analyzer.analyze_one(prepare_article(raw))  # type: ignore[arg-type]
    assert article.published.source == "unknown"
    by_text = {d.text: d for d in article.dates}
    assert by_text["last month"].status == "unresolved" and by_text["last month"].value is None
    assert by_text["January"].status == "unresolved" and by_text["January"].value == "XXXX-01"
    assert by_text["2018"].status == "resolved"


def test_the_two_seeds_get_different_ids_and_reingest_changes_nothing(
    seeds: dict[str, Path], db_url: str, cli: Any
) -> None:
    first = cli("ingest", *map(str, seeds.values()), "--published", "2025-03-05", "--db", db_url)
    assert "2 new, 0 unchanged, 0 failed" in first.stdout
    second = cli("ingest", *map(str, seeds.values()), "--published", "2025-03-05", "--db", db_url)
    assert "0 new, 2 unchanged, 0 failed" in second.stdout
