"""Read one input file into raw articles: plain text, HTML (trafilatura) or JSON Lines.

Readers never stop a batch: a bad file or a bad line becomes an `InputError` in the stream,
naming the file (and line) and the reason, and the reader goes on where it can.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.html_pages import html_article
from newsgraph.ingest.published import parse_published
from newsgraph.ingest.raw import RawArticle
from newsgraph.ingest.sources import FEED_SUFFIXES, HTML_SUFFIXES, JSONL_SUFFIXES, WARC_SUFFIXES
from newsgraph.settings import Settings

JSONL_FIELDS = {"id", "text", "title", "url", "outlet", "published"}


def read_source(path: Path, settings: Settings) -> Iterator[RawArticle | InputError]:
    """Yield the raw articles of one file, or the errors that stand in for them."""
    kind = detect_format(path)
    try:
        if kind == "jsonl":
            yield from read_jsonl(path, settings)
        elif kind == "warc":
            from newsgraph.ingest.archives import read_warc

            yield from read_warc(path, settings)
        elif kind == "feed":
            from newsgraph.ingest.archives import read_feed

            yield from read_feed(path, settings)
        else:
            data = _read_whole(path, settings)
            text, encoding = decode_bytes(data, str(path))
            reader = read_html if kind == "html" else read_text
            yield reader(path, text, encoding)
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(path, f"cannot read file: {error.strerror or error}")


def detect_format(path: Path) -> str:
    """By extension; an unknown extension is sniffed as HTML if it starts like markup."""
    suffix = path.suffix.lower()
    name = path.name.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in HTML_SUFFIXES:
        return "html"
    try:
        with path.open("rb") as handle:
            head = handle.read(512).lstrip().lower()
    except OSError:
        return "text"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return "html"
    return "text"


def _read_whole(path: Path, settings: Settings) -> bytes:
    size = os.path.getsize(path)
    if size > settings.max_article_bytes:
        raise InputError(
            path,
            f"file is {size / 1e6:.1f} MB, over the {settings.max_article_bytes / 1e6:.0f} MB limit "
            "for one article (split it, or raise NEWSGRAPH_MAX_ARTICLE_BYTES)",
        )
    with path.open("rb") as handle:
        return handle.read()


def read_text(path: Path, text: str, encoding: str) -> RawArticle:
    """Plain text: the first non-debris line is the title (taken during cleaning)."""
    return RawArticle(
        text=text,
        external_id=path.name,
        source=str(path),
        format="text",
        title_in_text=True,
        metadata={"encoding": encoding} if encoding not in ("utf-8", "utf-8-sig") else {},
        identity=text,
    )


def read_html(path: Path, html: str, encoding: str) -> RawArticle:
    """HTML: trafilatura finds the main text and the page's own metadata."""
    return html_article(str(path), path.name, html)


def read_jsonl(path: Path, settings: Settings) -> Iterator[RawArticle | InputError]:
    """JSON Lines: one article per line; a bad line is reported and the rest still read."""
    with path.open("rb") as handle:
        for number, (raw_line, size) in enumerate(bounded_lines(handle, settings.max_article_bytes), start=1):
            where = f"{path}:{number}"
            if raw_line is None:
                yield InputError(where, f"line is {size / 1e6:.1f} MB, over the article size limit")
                continue
            if not raw_line.strip():
                continue
            try:
                line, _ = decode_bytes(raw_line, where)
                record = json.loads(line)
            except InputError as error:
                yield error
                continue
            except json.JSONDecodeError as error:
                yield InputError(where, f"invalid JSON ({error.msg} at column {error.colno})")
                continue
            except RecursionError:
                yield InputError(where, "invalid JSON: nested too deep to read")
                continue
            except ValueError as error:  # e.g. an integer of more digits than Python converts
                yield InputError(where, f"invalid JSON: {error}")
                continue
            try:
                yield jsonl_record(record, path, where)
            except InputError as error:
                yield error


def bounded_lines(handle: Any, limit: int) -> Iterator[tuple[bytes | None, int]]:
    """Each line and its size, never holding more than `limit` bytes of one: a longer line is
    read past in pieces and given as None."""
    while True:
        line: bytes = handle.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = handle.readline(1 << 20)
            if not line:
                break
            size += len(line)
        yield None, size


def jsonl_record(record: Any, path: Path, where: str) -> RawArticle:
    if not isinstance(record, dict):
        raise InputError(where, f"a JSON line must be an object, not {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise InputError(where, "no `text` field")
    if not isinstance(text, str):
        raise InputError(where, f"`text` must be a string, not {type(text).__name__}")
    fields: dict[str, str | None] = {}
    for key in ("title", "url", "outlet", "id", "author"):
        value = record.get(key)
        if value is not None and not isinstance(value, str | int | float):
            raise InputError(where, f"`{key}` must be a string, not {type(value).__name__}")
        fields[key] = str(value).strip() or None if value is not None else None
    published_raw = record.get("published")
    published = None
    if published_raw is not None:
        if not isinstance(published_raw, str | int):
            raise InputError(where, f"`published` must be a date string, not {type(published_raw).__name__}")
        published = parse_published(str(published_raw), where)
    metadata = {k: v for k, v in record.items() if k not in JSONL_FIELDS | {"author"}}
    external_id = fields["id"] or f"{path.name}:{where.rsplit(':', 1)[1]}"
    identity = json.dumps({k: record.get(k) for k in ("text", "title", "url", "outlet", "published")}, sort_keys=True)
    return RawArticle(
        text=text,
        external_id=external_id,
        source=where,
        format="jsonl",
        title=fields["title"],
        outlet=fields["outlet"],
        url=fields["url"],
        author=fields["author"],
        published=published,
        metadata=metadata,
        identity=identity,
    )
