"""Every reader streams and stops at its limit (huge inputs made on the fly: sparse files and
a gzip bomb), and the smaller odd cases: impossible dates, deep HTML, link loops."""

from __future__ import annotations

import os
import tracemalloc
import zlib
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.published import parse_published
from newsgraph.ingest.readers import read_source
from newsgraph.ingest.sources import expand_inputs
from newsgraph.settings import Settings

SMALL = Settings(max_article_bytes=1_000_000)
GOOD_TEXT = (
    "The harbour board of Eastmere met on Friday and agreed to dredge the channel before winter, "
    "the chair said, after two cargo ships ran aground in October."
)


def peak_while(read: object) -> tuple[list[object], int]:
    """Everything a reader yields and the peak of Python memory it took."""
    assert callable(read)
    tracemalloc.start()
    try:
        items = list(read())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return items, peak


def sparse_file(path: Path, head: bytes, size: int, tail: bytes = b"") -> Path:
    with path.open("wb") as handle:
        handle.write(head)
        handle.seek(size)
        handle.write(tail)
    return path


def test_a_huge_json_line_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    good = ('{"id": "after", "text": "' + GOOD_TEXT + '"}\n').encode()
    path = sparse_file(tmp_path / "huge.jsonl", b'{"text": "', 64_000_000, b'"}\n' + good)
    items, peak = peak_while(lambda: read_source(path, SMALL))
    assert isinstance(items[0], InputError) and "over the article size limit" in items[0].reason
    assert items[0].source.endswith(":1")
    assert not isinstance(items[1], InputError) and items[1].external_id == "after"  # the batch goes on
    assert peak < 8_000_000, peak


def gzip_bomb(path: Path, megabytes: int) -> Path:
    """One gzip member: a WARC header line that inflates to `megabytes` MB and never ends."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"A" * 1_000_000
    with path.open("wb") as handle:
        handle.write(compressor.compress(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Filler: "))
        for _ in range(megabytes):
            handle.write(compressor.compress(chunk))
        handle.write(compressor.flush())
    return path


def test_a_warc_decompression_bomb_stops_at_its_limit(tmp_path: Path) -> None:
    peaks = []
    for megabytes in (50, 400):
        path = gzip_bomb(tmp_path / f"bomb{megabytes}.warc.gz", megabytes)
        assert path.stat().st_size < megabytes * 1_100
        items, peak = peak_while(lambda: read_source(path, SMALL))  # noqa: B023
        assert len(items) == 1 and isinstance(items[0], InputError), items
        assert "header is over" in items[0].reason
        peaks.append(peak)
    # What a reader holds is bounded by its buffers (one compressed block inflated), never by
    # what the file inflates to.
    assert peaks[1] < 64_000_000 and peaks[1] < peaks[0] * 1.5, peaks


def test_a_huge_feed_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = sparse_file(tmp_path / "huge.rss", b'<?xml version="1.0"?><rss><channel>', 200_000_000, b"</channel></rss>")
    items, peak = peak_while(lambda: read_source(path, SMALL))
    assert len(items) == 1 and isinstance(items[0], InputError) and "over the" in items[0].reason
    assert peak < 2_000_000, peak


def test_dates_that_are_no_dates() -> None:
    assert parse_published("2025-13-01", "x").value is None  # never read as 13 January
    assert parse_published("2025-02-30", "x").value is None
    placeholder = parse_published("0001-01-01T00:00:00Z", "x")
    assert placeholder.value is None and placeholder.note and "placeholder" in placeholder.note
    assert parse_published("9" * 30, "x").value is None
    assert parse_published("1999-02-03T10:00:00Z", "x").value == "1999-02-03"


def test_html_nested_past_the_parsers_default_depth_keeps_its_text(tmp_path: Path) -> None:
    body = f"<p>{GOOD_TEXT}</p><p>{GOOD_TEXT}</p>"
    for depth, readable in ((300, True), (1000, True), (5000, False)):
        path = tmp_path / f"deep{depth}.html"
        path.write_text(f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>")
        [item] = list(read_source(path, SMALL))
        if readable:
            assert not isinstance(item, InputError), item
            assert "harbour board" in item.text
        else:
            assert isinstance(item, InputError) and "nests" in item.reason, item


def test_a_link_loop_under_a_glob_reports_each_thing_once(tmp_path: Path) -> None:
    folder = tmp_path / "news" / "sub"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("Harbour\n\n" + GOOD_TEXT)
    (folder / "notes.docx").write_text("not an article")
    os.symlink("..", folder / "up")
    found = expand_inputs([str(tmp_path / "news" / "**")])
    assert [p.name for p in found.files].count("a.txt") == 1
    reported = [p.resolve() for p, _ in found.skipped] + [Path(e.source).resolve() for e in found.errors]
    assert len(reported) == len(set(reported)) <= 1, found.skipped
