"""Feeds and WARC archives that the tests build themselves; no network."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

BODY = (
    "The port authority of Northport said on Monday that the harbour bridge will close to cars next "
    "month. The mayor, Ellen Park, said the bridge was no longer safe and that repairs would take two years."
)
OTHER = (
    "Farmers in the valley said on Tuesday that the late frost had damaged most of the apple blossom. "
    "The regional agriculture office said it would assess the losses before the end of the month."
)

RSS = f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Northport Post</title><link>https://post.example/</link>
<item><title>Bridge to close</title><link>https://post.example/bridge</link><guid>post-1</guid>
<pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate><description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
<item><title>Frost hits orchards</title><link>https://post.example/frost</link><guid>post-2</guid>
<pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate><description>{OTHER}</description></item>
<item><title>Empty</title><guid>post-3</guid><description></description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Voice</title>
<entry><title>Frost hits orchards</title><id>urn:vv:1</id><link href="https://vv.example/frost"/>
<updated>2026-03-03T10:00:00Z</updated><content type="html">&lt;p&gt;{OTHER}&lt;/p&gt;</content></entry>
</feed>"""


def page(title: str, body: str) -> bytes:
    return (
        f"<html><head><title>{title}</title><meta property='og:site_name' content='Harbour News'></head>"
        f"<body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>"
    ).encode()


def warc_bytes(pages: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers))
    return out.getvalue()


def test_rss_and_atom_feeds(tmp_path: Path, db_url: str, cli: Any) -> None:
    (tmp_path / "post.rss").write_text(RSS)
    (tmp_path / "voice.atom").write_text(ATOM)
    result = cli("ingest", str(tmp_path), "--db", db_url)
    assert "3 new" in result.stdout and "1 failed" in result.stdout
    assert "post.rss#3: feed entry has no text" in result.stderr
    records = {r["external_id"]: r for r in (json.loads(x) for x in cli("export", "--db", db_url).stdout.splitlines())}
    bridge = records["post-1"]
    assert bridge["outlet"] == "Northport Post" and bridge["title"] == "Bridge to close"
    assert bridge["published"] == {"value": "2026-03-02", "source": "metadata"}
    assert bridge["url"] == "https://post.example/bridge" and "<p>" not in bridge["text"]
    assert records["urn:vv:1"]["outlet"] == "Valley Voice"
    assert "0 new, 3 unchanged" in cli("ingest", str(tmp_path), "--db", db_url).stdout


def test_warc_pages_and_a_truncated_record(tmp_path: Path, db_url: str, cli: Any) -> None:
    data = warc_bytes(
        [
            ("https://harbour.example/bridge", page("Bridge to close", BODY)),
            ("https://harbour.example/frost", page("Frost", OTHER)),
        ]
    )
    (tmp_path / "crawl.warc").write_bytes(data)
    cut = warc_bytes([("https://harbour.example/bridge", page("Bridge to close", BODY))])
    (tmp_path / "cut.warc").write_bytes(cut + data[: len(data) // 2 + 40])
    result = cli("ingest", str(tmp_path), "--db", db_url)
    assert "2 new" in result.stdout
    assert "cut.warc" in result.stderr and result.exit_code == 1
    records = {r["external_id"]: r for r in (json.loads(x) for x in cli("export", "--db", db_url).stdout.splitlines())}
    bridge = records["https://harbour.example/bridge"]
    assert bridge["url"] == "https://harbour.example/bridge" and bridge["published"]["source"] == "unknown"
    assert bridge["metadata"]["crawled"] and bridge["metadata"]["format"] == "warc"
