"""Feeds (RSS/Atom, via feedparser) and web archives (WARC, via warcio): many articles per file.

A feed entry's HTML content goes through the same cleaning as a page; an entry with only a
short summary is still an article (its summary is what the feed says). A WARC response with an
HTML page goes through trafilatura like a saved page; its crawl date is kept as metadata, never
taken for the publication date. A damaged record is reported and the rest of the file is read
where the format allows it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.html_pages import html_article
from newsgraph.ingest.published import parse_published
from newsgraph.ingest.raw import RawArticle
from newsgraph.settings import Settings


def read_feed(path: Path, settings: Settings) -> Iterator[RawArticle | InputError]:
    import feedparser
    from lxml import html as lxml_html

    size = path.stat().st_size
    if size > settings.max_article_bytes * 10:
        limit = settings.max_article_bytes * 10 / 1e6
        yield InputError(path, f"feed is {size / 1e6:.1f} MB, over the {limit:.0f} MB limit")
        return
    data = path.read_bytes()
    feed = feedparser.parse(data)
    if not feed.entries:
        problem = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield InputError(path, f"no entries found in the feed{problem}")
        return
    outlet = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{path}#{number}"
        html = ""
        if entry.get("content"):
            html = entry.content[0].get("value", "")
        html = html or entry.get("summary", "")
        if not html.strip():
            yield InputError(where, "feed entry has no text")
            continue
        try:
            text = lxml_html.fromstring(f"<div>{html}</div>").text_content() if "<" in html else html
        except Exception as error:  # lxml raises several kinds on broken markup
            yield InputError(where, f"entry markup could not be read: {error}")
            continue
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            try:
                published = parse_published(dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat(), where)
            except (ValueError, OverflowError):
                published = parse_published(str(entry.get("published") or entry.get("updated") or ""), where)
        external_id = entry.get("id") or entry.get("link") or f"{path.name}#{number}"
        yield RawArticle(
            text=text,
            external_id=str(external_id),
            source=where,
            format="feed",
            title=entry.get("title") or None,
            outlet=outlet,
            url=entry.get("link") or None,
            author=entry.get("author") or None,
            published=published,
            metadata={"feed": str(path.name)},
            identity=f"{external_id}\n{entry.get('title', '')}\n{html}",
        )


def read_warc(path: Path, settings: Settings) -> Iterator[RawArticle | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as handle:
        start = handle.read(4)
        if not start:
            yield InputError(str(path), "empty file")
            return
        if not start.startswith((b"WARC", b"\x1f\x8b")):  # plain, or gzip-compressed
            yield InputError(str(path), "not a WARC archive (it does not start with a WARC record)")
            return
        handle.seek(0)
        records = ArchiveIterator(handle)
        records.reader = bounded_reader(handle)
        number = 0
        try:
            for record in records:
                number += 1
                where = f"{path}#{number}"
                if not record.rec_type or record.rec_headers.get_header("WARC-Record-ID") is None:
                    yield InputError(where, "WARC record is truncated: its header is incomplete")
                    continue
                if record.rec_type != "response":
                    continue
                content_type = record.http_headers.get_header("Content-Type") if record.http_headers else ""
                if not content_type or "html" not in content_type.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or where
                try:
                    body = record.content_stream().read(settings.max_article_bytes + 1)
                except Exception as error:  # a truncated or corrupt payload
                    yield InputError(where, f"WARC record could not be read: {type(error).__name__}: {error}")
                    continue
                if len(body) > settings.max_article_bytes:
                    yield InputError(where, "page is over the article size limit")
                    continue
                missing = getattr(record.raw_stream, "limit", 0) or 0
                if missing:
                    yield InputError(where, f"WARC record is truncated: {missing} bytes of {url} are missing")
                    continue
                html = body.decode("utf-8", errors="replace")
                try:
                    article = html_article(where, url, html, url=url)
                except InputError as error:
                    yield error
                    continue
                article.format = "warc"
                article.metadata["crawled"] = record.rec_headers.get_header("WARC-Date")
                yield article
        except (ArchiveLoadFailed, OSError, ValueError, EOFError, MemoryError) as error:
            yield InputError(f"{path}#{number + 1}", f"WARC file is damaged from here on: {error}")


# Headers are lines; no real WARC or HTTP header comes near this, a decompression bomb does.
MAX_HEADER_BYTES = 1_000_000


def bounded_reader(handle: Any) -> Any:
    """warcio's reader, refusing a record header (the lines read before its payload) over
    MAX_HEADER_BYTES: a small .warc.gz may inflate to gigabytes with no line break, which warcio
    would read into one string."""
    from warcio.bufferedreaders import DecompressingBufferedReader

    class BoundedReader(DecompressingBufferedReader):
        header_bytes = 0

        def readline(self, length: int | None = None) -> bytes:
            room = MAX_HEADER_BYTES - self.header_bytes + 1
            line: bytes = super().readline(room if length is None else min(length, room))
            self.header_bytes += len(line)
            if self.header_bytes > MAX_HEADER_BYTES:
                raise ValueError(f"a record header is over {MAX_HEADER_BYTES / 1e6:.0f} MB (a decompression bomb?)")
            return line

        def read(self, length: int | None = None) -> bytes:
            self.header_bytes = 0
            data: bytes = super().read(length)
            return data

    return BoundedReader(handle)
