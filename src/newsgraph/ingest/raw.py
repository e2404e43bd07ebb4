"""The raw article: what a reader of any format hands on to cleaning (`prepare`).

A module of its own so that every reader (files, JSON Lines, HTML pages, feeds and WARC
archives) can make one without importing another reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.ingest.published import PublishedDate
from newsgraph.records import PublishedSource


@dataclass
class RawArticle:
    """An article as read, before cleaning: text plus whatever provenance the input carried."""

    text: str
    external_id: str
    source: str
    format: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: PublishedDate | None = None
    published_source: PublishedSource = "metadata"
    title_in_text: bool = False
    metadata: dict[str, Any] = field(default_factory=dict)
    identity: str = ""
