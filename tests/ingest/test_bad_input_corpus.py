"""One folder of more than 30 kinds of bad and odd input, built here, ingested in one run of the
real CLI into a database that already holds articles: every bad file gets one line naming it and
the reason, the good files around them are stored, the exit status says some failed, nothing
stored before changes, and a second run changes nothing."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

GOOD = (
    "The city council of Northport voted on Monday to close the old harbour bridge to cars. "
    "The mayor said the bridge was no longer safe and that repairs would take two years."
)
OTHER = (
    "Farmers in the valley said on Tuesday that the late frost had damaged most of the apple blossom. "
    "The regional agriculture office said it would assess the losses before the end of the month."
)


def jsonl(*records: Any) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records).encode()


def truncated_warc() -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    html = f"<html><body><article><p>{OTHER}</p><p>{OTHER}</p></article></body></html>".encode()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record("https://x.example/a", "response", payload=io.BytesIO(html), http_headers=headers)
    )
    data = out.getvalue()
    return data + data[: len(data) // 2]  # a second record cut off half-way


# name -> (content, a word the failure reason must contain; None: odd but valid, may be stored)
BAD: dict[str, tuple[bytes, str | None]] = {
    "empty.txt": (b"", "empty"),
    "whitespace.txt": (b" \n\t\n   \r\n", "empty"),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "PNG"),
    "archive.html": (gzip.compress(GOOD.encode() * 20), "gzip"),
    "nul-bytes.txt": (b"abc\x00\x01\x02" * 500, "binary"),
    "long-text.jsonl": (jsonl({"id": "j7", "text": (GOOD + " ") * 7_000}), "character"),
    "utf16.txt": (f"Bridge\n\n{GOOD}".encode("utf-16"), None),
    "latin1.txt": (f"Caf\xe9 owner\n\n{GOOD} The caf\xe9 owner, Jos\xe9, agreed.".encode("latin-1"), None),
    "mixed-endings.txt": (f"Bridge\r\n\r\n{GOOD}\rMore.\nEnd.\r\n".encode(), None),
    "one-line.txt": ((GOOD + " ").encode() * 58_000, "character"),  # 9.9 MB on one line
    "too-big.txt": ((GOOD + "\n").encode() * 62_000, "limit"),  # 10.6 MB
    "no-body.html": (b"<html><head><title>Nothing</title></head></html>", "no article text"),
    "scripts-only.html": (b"<html><head><script>x=1</script><style>p{}</style></head><body></body></html>", "text"),
    "deep.html": (("<div>" * 5000 + f"<p>{GOOD}</p>" + "</div>" * 5000).encode(), None),
    "truncated.html": (f"<html><body><article><p>{OTHER}</p><p>{OTHER}<div><sp".encode(), None),
    "no-markup.html": (b"Plain words in an html file without a single tag.", "markup"),
    "invalid-lines.jsonl": (jsonl({"id": "j1", "text": OTHER}, "{not json", '"a string"'), "invalid JSON"),
    "no-text.jsonl": (jsonl({"id": "j2", "title": "Only a title"}), "no `text`"),
    "wrong-types.jsonl": (jsonl({"id": "j3", "text": GOOD, "outlet": ["a", "b"]}), "must be a string"),
    "future-date.jsonl": (jsonl({"id": "j4", "text": OTHER + " Again.", "published": "2999-01-01"}), None),
    "bad-date.jsonl": (jsonl({"id": "j5", "text": OTHER + " Once more.", "published": "the day after"}), None),
    "german.txt": (
        "Titel\n\nDie Stadtverwaltung hat am Montag beschlossen, die alte Hafenbrücke für Autos zu sperren. "
        "Der Bürgermeister sagte, die Brücke sei nicht mehr sicher und die Reparatur werde zwei Jahre "
        "dauern. Anwohner kritisierten die Entscheidung.".encode(),
        "English",
    ),
    "numbers.txt": (b"Figures\n\n" + b"12 34 56 78 90 " * 40, "no prose"),
    "url-only.txt": (b"https://example.com/a/very/long/path/to/an/article?id=17", "no prose"),
    "entities.txt": (b"Names\n\n" + " ".join(f"Paris met Rome on day {i}." for i in range(2500)).encode(), None),
    "unclosed-quote.txt": (f'Quote\n\n"{GOOD} and the quote never closes'.encode(), None),
    "broken.rss": (b"<?xml version='1.0'?><rss><channel><title>T &bogus;</title><item><title>A</title>", "feed"),
    "not-a-feed.atom": (b"{this is not XML at all}", "feed"),
    "cut.warc": (truncated_warc(), "truncated"),
    "garbage.warc": (b"this is not a WARC file " * 20, "not a WARC"),
    "empty.warc": (b"", "empty"),
    "no-prose.txt": (b"Title\n\n" + b"abc" * 2000, "no prose"),
    "bad-utf8.txt": (b"Title\n\n" + GOOD.encode() + b" \xff\xfe broken \xc3 bytes. " + OTHER.encode(), None),
    "bom.jsonl": (b"\xef\xbb\xbf" + jsonl({"id": "j6", "text": GOOD + " With a byte order mark."}), None),
}


def build_corpus(folder: Path) -> None:
    folder.mkdir()
    for name, (content, _) in BAD.items():
        (folder / name).write_bytes(content)
    with (folder / "huge.txt").open("wb") as handle:  # 50 MB, sparse: refused before reading
        handle.truncate(50 * 1024 * 1024)
    (folder / "loop").mkdir()
    (folder / "loop" / "back").symlink_to(folder, target_is_directory=True)  # a folder loop
    (folder / "a.txt").symlink_to(folder / "b.txt")  # a file loop
    (folder / "b.txt").symlink_to(folder / "a.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    os.mkfifo(folder / "pipe.txt")  # reading it would block forever
    (folder / "folder.html").mkdir()  # a folder that looks like a file
    (folder / "good.txt").write_text(f"Frost\n\n{OTHER}\n")


MORE_FAILING = {"huge.txt": "limit", "a.txt": "regular file", "b.txt": "regular file",
                "dangling.txt": "regular file", "pipe.txt": "regular file"}


def export(cli: Any, db: str) -> dict[str, str]:
    return {json.loads(x)["id"]: x for x in cli("export", "--db", db).stdout.splitlines()}


def test_a_folder_of_bad_inputs(tmp_path: Path, db_url: str, cli: Any) -> None:
    (tmp_path / "first.txt").write_text(f"Bridge\n\n{GOOD}\n")
    assert "1 new" in cli("ingest", str(tmp_path / "first.txt"), "--db", db_url).stdout
    before = export(cli, db_url)
    corpus = tmp_path / "corpus"
    build_corpus(corpus)
    assert len(BAD) + len(MORE_FAILING) + 2 >= 36  # kinds: the files above, the loops, the folder

    result = cli("ingest", str(corpus), "--db", db_url)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    failing = {name: reason for name, (_, reason) in BAD.items() if reason} | MORE_FAILING
    for name, reason in failing.items():
        mine = [line for line in lines if f"{corpus / name}" in line]
        assert mine, f"no message for {name}:\n{result.stderr}"
        assert any(reason.lower() in line.lower() for line in mine), (name, mine)
    assert "Traceback" not in result.stderr
    after = export(cli, db_url)
    assert all(after[key] == line for key, line in before.items())  # nothing stored changed
    stored = {json.loads(line)["source"].rsplit("/", 1)[-1].split(":")[0] for line in after.values()}
    assert {"good.txt", "utf16.txt", "latin1.txt", "mixed-endings.txt", "truncated.html", "bom.jsonl"} <= stored
    assert not stored & {name for name in failing if not name.endswith(".jsonl")}

    again = cli("ingest", str(corpus), "--db", db_url)
    assert again.exit_code == 1 and " 0 new" in f" {again.stdout}"
    assert export(cli, db_url) == after


def test_an_unreadable_file(tmp_path: Path) -> None:
    """Permissions mean nothing to root: as root, the CLI runs without the capabilities that
    let root read any file (util-linux `setpriv`)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "secret.txt").write_text(f"Bridge\n\n{GOOD}\n")
    (folder / "secret.txt").chmod(0)
    (folder / "open.txt").write_text(f"Frost\n\n{OTHER}\n")
    database = f"sqlite:///{tmp_path / 'x.db'}"
    command = [sys.executable, "-m", "newsgraph.cli.app", "ingest", str(folder), "--db", database]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: no file is unreadable")
        caps = "-dac_override,-dac_read_search"
        command = [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}", *command]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 1, result.stderr
    assert f"{folder / 'secret.txt'}" in result.stderr and "permission denied" in result.stderr.lower()
    assert "1 new, 0 unchanged, 1 failed" in result.stdout
