"""What a page says about itself: headline, publication date, outlet and byline, from its markup.

trafilatura finds the body well, but takes the title from `<title>` (site suffix and all) and
may take a modified date. Pages also carry their metadata in forms meant for machines (JSON-LD,
Open Graph, `itemprop`) and in what a reader sees (the `h1`); these are read here, once, from
the parsed tree, and the choice between them is made in `page_fields` and `page_dates`.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

# JSON-LD types whose dates and headline are the article's own (not the site's or a list's).
ARTICLE_TYPES = re.compile(r"(?:Article|BlogPosting|Posting|Report|Review|NewsArticle|LiveBlogPosting)$")
PAGE_TYPES = re.compile(r"^(?:WebPage|ItemPage|ProfilePage)$")
_SPACE = re.compile(r"\s+")
MAX_JSONLD_CHARS = 2_000_000
MAX_HEADLINE_CONTEXTS = 2
HEADLINE_SCOPE_LEVELS = 3
HEADLINE_CONTEXT_BEFORE = 300
HEADLINE_CONTEXT_CHARS = 3000
# Text a reader sees by the headline: not the JSON-LD, scripts and styles a block may hold, nor
# lists, asides, navigation and footers, where other articles are listed with their own dates.
_VISIBLE_TEXT = (
    ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::aside or ancestor::nav or ancestor::footer or ancestor::li)]"
)


@dataclass
class PageMeta:
    """Every candidate the markup offers; nothing chosen yet."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    article_ld: list[dict[str, Any]] = field(default_factory=list)
    page_ld: list[dict[str, Any]] = field(default_factory=list)
    organisations_ld: list[dict[str, Any]] = field(default_factory=list)
    h1: list[str] = field(default_factory=list)
    h1_in_article: list[str] = field(default_factory=list)
    html_title: str | None = None
    canonical_url: str | None = None
    # The text around each of the first headings, from just before the heading on: where a
    # reader sees the byline and its date.
    headline_context: list[str] = field(default_factory=list)

    def first(self, *keys: str) -> str | None:
        """The first non-empty value of the first meta key present (keys are lower-case)."""
        for key in keys:
            for value in self.meta.get(key, []):
                if value.strip():
                    return value.strip()
        return None


def clean_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def clean_value(text: str) -> str:
    """A metadata value as a reader would see it: entities that CMSs escape twice undone."""
    return clean_space(html_lib.unescape(text)) if "&" in text else clean_space(text)


def read_page_meta(tree: lxml_html.HtmlElement) -> PageMeta:
    """Collect metadata candidates from a parsed page without changing the tree."""
    page = PageMeta()
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        if not key and element.get("itemprop"):
            key = "itemprop:" + element.get("itemprop", "").strip().lower()
        value = element.get("content")
        if key and value:
            page.meta.setdefault(key, []).append(clean_value(value))
    for element in tree.iter("link"):
        if (element.get("rel") or "").lower() == "canonical" and element.get("href"):
            page.canonical_url = element.get("href", "").strip()
            break
    # itemprop dates, on meta tags as on visible elements (time, span), are kept apart under
    # "itemprop:...": a page lists other articles with theirs (see page_dates.itemprop_published).
    for element in tree.xpath("//*[@itemprop='datePublished' or @itemprop='dateCreated'][not(self::meta)]"):
        value = element.get("datetime") or element.get("content") or element.text_content()
        if value and value.strip():
            page.meta.setdefault("itemprop:" + element.get("itemprop", "").lower(), []).append(clean_space(value))
    title = tree.find(".//title")
    if title is not None and title.text_content().strip():
        page.html_title = clean_value(title.text_content())
    for heading in tree.iter("h1"):
        text = clean_space(heading.text_content())
        if text:
            page.h1.append(text)
            if heading.xpath("ancestor::article or ancestor::main or ancestor::*[@role='main']"):
                page.h1_in_article.append(text)
    for heading in list(tree.iter("h1"))[:MAX_HEADLINE_CONTEXTS]:
        page.headline_context.append(_headline_context(heading))
    for script in tree.xpath("//script[@type='application/ld+json']"):
        text = script.text_content()
        if not text or len(text) > MAX_JSONLD_CHARS:
            continue
        try:
            data = json.loads(text, strict=False)
        except (ValueError, RecursionError):
            continue
        for item in _ld_items(data):
            kinds = item.get("@type")
            names = [k for k in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(k, str)]
            if any(ARTICLE_TYPES.search(k) for k in names):
                page.article_ld.append(item)
            elif any(PAGE_TYPES.match(k) for k in names):
                page.page_ld.append(item)
            elif any(k in ("Organization", "NewsMediaOrganization", "WebSite") for k in names):
                page.organisations_ld.append(item)
    return page


def _headline_context(heading: lxml_html.HtmlElement) -> str:
    """The text of the heading's block (three levels up), from shortly before the heading."""
    scope = heading
    for _ in range(HEADLINE_SCOPE_LEVELS):
        parent = scope.getparent()
        if parent is None:
            break
        scope = parent
    text = clean_space(" ".join(scope.xpath(_VISIBLE_TEXT)))
    at = text.find(clean_space(heading.text_content()))
    start = max(0, at - HEADLINE_CONTEXT_BEFORE) if at >= 0 else 0
    return text[start : start + HEADLINE_CONTEXT_CHARS]


def _ld_items(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Top-level JSON-LD objects, those of an @graph, and main entities nested in a page."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_items(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), list | dict):
                yield from _ld_items(data[key], depth + 1)


def ld_text(value: Any) -> str | None:
    """A JSON-LD value as text: a string, or the name of an object, or the first of a list."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and value.strip():
        return clean_value(value)
    return None
