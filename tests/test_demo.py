"""The bundled demo corpus is complete and `newsgraph demo` ingests all of it."""

from __future__ import annotations

import json
from typing import Any

from helpers import validate_record
from newsgraph.demo import DEMO_CORPUS


def test_corpus_has_the_promised_breadth() -> None:
    rows = [json.loads(line) for line in (DEMO_CORPUS / "articles.jsonl").read_text().splitlines()]
    pages = list((DEMO_CORPUS / "pages").iterdir())
    assert len(rows) + len(pages) >= 30
    assert len({r["outlet"] for r in rows}) >= 5
    assert len({r["story"] for r in rows}) >= 6
    assert sum(1 for r in rows if "anonym" in r["text"] or "not be named" in r["text"] or "not to be" in r["text"]) >= 5
    assert sum(1 for r in rows if "Credit:" in r["text"] or "Photo" in r["text"]) >= 5


def test_demo_command_ingests_everything(db_url: str, cli: Any) -> None:
    result = cli("demo", "--db", db_url)
    assert result.exit_code == 0, result.stderr
    assert "32 new, 0 unchanged, 0 failed" in result.stdout
    records = [json.loads(line) for line in cli("export", "--db", db_url).stdout.splitlines()]
    assert len(records) == 32
    for record in records:
        validate_record(record)
        assert "Credit:" not in record["text"] and "Photo:" not in record["text"]
    unknown = [r for r in records if r["published"]["source"] == "unknown"]
    assert [r["external_id"] for r in unknown] == ["belgium-rail-letter.txt"]
    again = cli("demo", "--db", db_url)
    assert "0 new, 32 unchanged, 0 failed" in again.stdout


# Lower-case words a name may hold ("Bank of England", "Pieter van Dalen").
NAME_FUNCTION_WORDS = frozenset(
    {"of", "the", "and", "for", "on", "de", "van", "von", "der", "da", "di", "la", "le", "al"}
)


def test_no_stored_entity_name_holds_a_verb_or_a_contraction(db_url: str, cli: Any) -> None:
    assert cli("demo", "--db", db_url).exit_code == 0
    entities = json.loads(cli("entities", "--json", "--limit", "5000", "--db", db_url).stdout)
    assert len(entities) > 50
    for entity in entities:
        words = entity["name"].replace("-", " ").split()
        assert words and (words[0][:1].isupper() or words[0][:1].isdigit()), entity
        assert not any(w.lower().endswith(("n't", "n’t", "'re", "'ll")) for w in words), entity
        lower = [w for w in words if w.islower() and w not in NAME_FUNCTION_WORDS]
        assert not lower, entity  # a lower-case word other than these is a verb or a common word cut in
