"""More kinds of bad input, each through the real CLI: a clear line naming the file and the
reason, the batch goes on, the exit status says something failed, nothing stored changes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

GOOD = (
    "The city council of Northport voted on Monday to close the old harbour bridge to cars. "
    "The mayor said the bridge was no longer safe and that repairs would take two years."
)


def ingest(cli: Any, db: str, path: Path) -> Any:
    return cli("ingest", str(path), "--db", db)


@pytest.fixture
def stored(tmp_path: Path, db_url: str, cli: Any) -> str:
    (tmp_path / "good.txt").write_text(f"Bridge\n\n{GOOD}\n")
    assert "1 new" in ingest(cli, db_url, tmp_path / "good.txt").stdout
    return db_url


CASES: list[tuple[str, bytes, str | None]] = [
    ("crlf.txt", f"Bridge closes\r\n\r\n{GOOD}\r\nMore text.\rEnd line.".encode(), None),
    ("one-line.txt", (GOOD + " ").encode() * 60_000, None),
    ("url-only.txt", b"https://example.com/some/article/path?id=1", "no prose"),
    ("unclosed.txt", f'Quote\n\n"{GOOD} and the quote never closes'.encode(), None),
    ("future.jsonl", json.dumps({"id": "f1", "text": GOOD, "published": "2999-01-01"}).encode(), None),
    ("fields.jsonl", json.dumps({"id": "f2", "text": GOOD, "title": {"nested": True}}).encode(), "must be a string"),
    (
        "entities.txt",
        ("Names\n\n" + " ".join(f"Paris met Berlin and Rome on Monday {i}." for i in range(2500))).encode(),
        None,
    ),
    (
        "broken.rss",
        b"<?xml version='1.0'?><rss><channel><title>T &bogus; </title><item><title>A</title></item>",
        "feed",
    ),
    ("nul.html", b"<html>\x00\x00\x00<body>\x00</body></html>" * 10, None),
]


@pytest.mark.parametrize(("name", "content", "reason"), CASES)
def test_more_bad_inputs(tmp_path: Path, stored: str, cli: Any, name: str, content: bytes, reason: str | None) -> None:
    path = tmp_path / "inputs" / name
    path.parent.mkdir()
    path.write_bytes(content)
    before = {json.loads(x)["id"]: x for x in cli("export", "--db", stored).stdout.splitlines()}
    result = ingest(cli, stored, path)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if reason is not None:
        assert result.exit_code == 1 and name in result.stderr and reason in result.stderr
    else:
        assert result.exit_code in (0, 1)
        if result.exit_code == 1:
            assert name in result.stderr
    after = {json.loads(x)["id"]: x for x in cli("export", "--db", stored).stdout.splitlines()}
    assert all(after.get(key) == line for key, line in before.items())  # nothing stored changed
