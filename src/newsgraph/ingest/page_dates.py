"""The publication date of a page: published, never modified; with where it was found.

Sources are tried in the order that gave the most right dates on the development pages
(bench/extraction.py --show date lists the misses): a date the page labels as published by
its headline ("Published: ..."), a date in the URL's path, the head's `article:published_time`
and its kin, the first date printed at the headline (not one labelled as an update), the page's
JSON-LD `datePublished`, the date trafilatura finds in markup and text, the article object's
JSON-LD `datePublished`, a single `itemprop=datePublished`. Modified and crawl dates are never
read, and several `itemprop` dates (a list of other articles) are ignored.
"""

from __future__ import annotations

import re
from typing import Any

from newsgraph.ingest.debris_rules import WRITTEN_DATE
from newsgraph.ingest.page_meta import PageMeta
from newsgraph.ingest.published import PublishedDate, parse_published

# Meta keys that hold the first publication (lower-case); modified and crawl dates are absent on purpose.
PUBLISHED_META_KEYS = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "article.published",
    "original-publish-date",
    "cxenseparse:recs:publishtime",
    "dc.date",
    "date",
)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|\b)")


_LABELLED_DATE = re.compile(
    rf"\b(?:published|posted|written|date|first published|created)\b\s*(?:on|at|:)?\s*(?P<date>{WRITTEN_DATE})", re.I
)
_ANY_DATE = re.compile(WRITTEN_DATE, re.I)
_MODIFIED_LABEL = re.compile(r"updat|modif|revis", re.I)


def byline_published(page: PageMeta, source: str) -> PublishedDate | None:
    """A date the page labels as its publication ("Published: ...", "Written: ...") by the headline."""
    for context in page.headline_context:
        match = _LABELLED_DATE.search(context)
        if match:
            parsed = parse_published(match.group("date"), source)
            if parsed.value:
                return parsed
    return None


def visible_published(page: PageMeta, source: str) -> PublishedDate | None:
    """The first date printed at the headline, unless it is labelled as an update."""
    for context in page.headline_context[:1]:
        previous_end = 0
        for match in _ANY_DATE.finditer(context):
            label = context[max(previous_end, match.start() - 30) : match.start()]
            previous_end = match.end()
            if _MODIFIED_LABEL.search(label):
                continue
            parsed = parse_published(match.group(), source)
            if parsed.value:
                return parsed
    return None


def meta_published(page: PageMeta, source: str) -> PublishedDate | None:
    """`article:published_time` and its kin, as the page's head declares them."""
    for key in PUBLISHED_META_KEYS:
        value = page.first(key)
        if value:
            parsed = parse_published(value, source)
            if parsed.value:
                return parsed
    return None


def ld_published(items: list[dict[str, Any]], source: str) -> PublishedDate | None:
    """`datePublished` of the first JSON-LD object that has a readable one."""
    for item in items:
        value = item.get("datePublished")
        if isinstance(value, str):
            parsed = parse_published(value, source)
            if parsed.value:
                return parsed
    return None


def itemprop_published(page: PageMeta, source: str) -> PublishedDate | None:
    """An `itemprop=datePublished` element, only when the page has one date so marked: several
    are a list of other articles, each with its own date."""
    found = {parse_published(v, source).value for v in page.meta.get("itemprop:datepublished", [])} - {None}
    if len(found) != 1:
        return None
    return parse_published(found.pop() or "", source)


def url_published(url: str | None, source: str) -> PublishedDate | None:
    """A date in the URL's path (/2025/09/04/), which sites set when they publish."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    year, month, day = match.groups()
    parsed = parse_published(f"{year}-{int(month):02d}-{int(day):02d}", source)
    return parsed if parsed.value else None
