"""`newsgraph entity NAME --why` (issue 29): why each way of writing an entity was joined to it."""

import json
from pathlib import Path
from typing import Any

FIRST = (
    "Premier Andrew Fahie of the British Virgin Islands met bankers in Road Town on Monday. "
    "Fahie said the territory would publish its accounts. The Kremlin said it was watching."
)
LATER = "Fahie was questioned by reporters on Friday about the accounts he had promised."


def test_entity_why_names_the_reason_for_each_form(tmp_path: Path, db_url: str, cli: Any) -> None:
    (tmp_path / "first.txt").write_text(f"Premier meets bankers\n\n{FIRST}\n")
    assert cli("ingest", str(tmp_path / "first.txt"), "--db", db_url, "--published", "2026-03-02").exit_code == 0
    (tmp_path / "later.txt").write_text(f"Questions for the premier\n\n{LATER}\n")
    assert cli("ingest", str(tmp_path / "later.txt"), "--db", db_url, "--published", "2026-03-06").exit_code == 0

    found = json.loads(cli("entity", "Fahie", "--db", db_url, "--json").stdout)
    assert found["id"] == "person:andrew-fahie" and found["articles"] and len(found["articles"]) == 2
    why = {a["alias"]: a["why"] for a in found["aliases"]}
    assert why["andrew fahie"] == "its own name"
    assert why["fahie"] == "short form of a longer name in the article"  # first joined in its own article

    shown = cli("entity", "Fahie", "--db", db_url, "--why")
    assert shown.exit_code == 0
    assert "joined because" in shown.stdout and "short form of a longer name" in shown.stdout

    russia = json.loads(cli("entity", "Kremlin", "--db", db_url, "--json").stdout)
    assert russia["id"] == "country:ru"
    assert {a["alias"]: a["why"] for a in russia["aliases"]}["kremlin"] == "gazetteer"
