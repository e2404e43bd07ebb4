import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from helpers import new_database_url, validate_record

BODY = (
    "Officials in Northport said on Monday that the harbour bridge would close to cars next month. "
    '"The bridge is no longer safe," said Mayor Ellen Park, who announced the plan on March 2, 2026.'
)


def write_inputs(folder: Path) -> Path:
    folder = folder / "inputs"
    folder.mkdir()
    (folder / "bridge.txt").write_text(f"Bridge to close\n\n{BODY}\n")
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "f1", "text": BODY.replace("Monday", "Tuesday"), "outlet": "Feed", "published": "2026-03-03"})
        + "\n{broken\n"
    )
    (folder / "empty.txt").write_text("")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    return folder


def test_ingest_articles_show_export_and_reingest(tmp_path: Path, db_url: str, cli: Any) -> None:
    tmp_path = write_inputs(tmp_path)
    result = cli("ingest", str(tmp_path), "--db", db_url, "--published", "2026-03-04", "--outlet", "Northport Post")
    assert result.exit_code == 1  # some inputs failed
    assert "2 new, 0 unchanged, 2 failed, 1 skipped" in result.stdout
    assert "empty.txt: empty file" in result.stderr
    assert "feed.jsonl:2: invalid JSON" in result.stderr
    assert "notes.pdf" in result.stderr

    listed = json.loads(cli("articles", "--db", db_url, "--json").stdout)
    assert {row["outlet"] for row in listed} == {"Northport Post", "Feed"}
    assert all(row["entities"] > 0 and row["dates"] > 0 for row in listed)

    table = cli("articles", "--db", db_url).stdout
    assert "Bridge to close" in table

    shown = cli("show", "bridge.txt", "--db", db_url).stdout
    assert "Ellen Park" in shown and "[PERSON]" in shown and "2026-03-02" in shown
    # Claims in plain words: who says so, how sure, the words that name them.
    assert "claims" in shown and "sure" in shown and "0.9" in shown and "Officials in Northport" in shown

    exported = [json.loads(line) for line in cli("export", "--format", "jsonl", "--db", db_url).stdout.splitlines()]
    assert len(exported) == 2
    for record in exported:
        validate_record(record)
    bridge = next(r for r in exported if r["external_id"] == "bridge.txt")
    assert bridge["published"] == {"value": "2026-03-04", "source": "given"}
    assert {d["value"] for d in bridge["dates"]} >= {"2026-03-02", "2026-04"}

    again = cli("ingest", str(tmp_path), "--db", db_url, "--published", "2026-03-04")
    assert "0 new, 2 unchanged, 2 failed" in again.stdout
    assert [json.loads(x) for x in cli("export", "--db", db_url).stdout.splitlines()] == exported


def test_analyze_json_stores_nothing_and_matches_the_schema(tmp_path: Path, cli: Any) -> None:
    tmp_path = write_inputs(tmp_path)
    result = cli(
        "analyze", str(tmp_path / "bridge.txt"), str(tmp_path / "feed.jsonl"), "--json", "--published", "2026-03-04"
    )
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["external_id"] for r in records] == ["bridge.txt", "f1"]
    for record in records:
        validate_record(record)
    assert records[1]["published"]["source"] == "metadata"
    assert result.exit_code == 1 and "invalid JSON" in result.stderr


def test_bad_published_flag_is_refused(tmp_path: Path, db_url: str, cli: Any) -> None:
    tmp_path = write_inputs(tmp_path)
    result = cli("ingest", str(tmp_path / "bridge.txt"), "--db", db_url, "--published", "next week")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_unknown_article_gives_one_clear_line_and_exit_2(db_url: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph.cli.app", "show", "nothing-here", "--db", db_url],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "no article 'nothing-here'" in result.stderr and "Traceback" not in result.stderr


def test_database_from_environment(tmp_path: Path, cli: Any) -> None:
    tmp_path = write_inputs(tmp_path)
    url = new_database_url(tmp_path, "env")
    cli("ingest", str(tmp_path / "bridge.txt"), env={"NEWSGRAPH_DB": url})
    assert (tmp_path / "env.db").exists() or url.startswith("postgresql")
    assert len(json.loads(cli("articles", "--json", env={"NEWSGRAPH_DB": url}).stdout)) == 1


def test_a_changed_file_becomes_a_new_version(tmp_path: Path, db_url: str, cli: Any) -> None:
    folder = write_inputs(tmp_path)
    path = folder / "bridge.txt"
    cli("ingest", str(path), "--db", db_url)
    path.write_text(path.read_text() + "\nA correction: the bridge closes in May, not April.\n")
    result = cli("ingest", str(path), "--db", db_url)
    assert "1 new, 0 unchanged, 0 failed" in result.stdout
    current = json.loads(cli("articles", "--db", db_url, "--json").stdout)
    assert [(row["external_id"], row["version"]) for row in current] == [("bridge.txt", 2)]
    everything = json.loads(cli("articles", "--db", db_url, "--json", "--all-versions").stdout)
    assert sorted(row["version"] for row in everything) == [1, 2]
    shown = json.loads(cli("show", "bridge.txt", "--db", db_url, "--json").stdout)
    assert shown["version"] == 2 and shown["supersedes"] == next(r["id"] for r in everything if r["version"] == 1)
    assert "correction" in shown["text"]


def test_watch_ingests_what_is_new_each_round(tmp_path: Path, db_url: str, cli: Any) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(f"Bridge to close\n\n{BODY}\n")
    first = cli("watch", str(inbox), "--every", "0s", "--times", "2", "--db", db_url)
    assert first.exit_code == 0
    lines = [line for line in first.stdout.splitlines() if str(inbox) in line]
    assert "1 new" in lines[0] and "0 new, 1 unchanged" in lines[1]
    (inbox / "b.txt").write_text(f"Another bridge\n\n{BODY.replace('harbour', 'river')}\n")
    assert "1 new, 1 unchanged" in cli("watch", str(inbox), "--every", "1s", "--times", "1", "--db", db_url).stdout
    assert cli("watch", str(inbox), "--every", "soon", "--times", "1", "--db", db_url).exit_code == 2
