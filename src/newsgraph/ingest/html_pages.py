"""One HTML page into a raw article: its main text by trafilatura, its own metadata (title,
outlet, author, publication date) read from the tree, whether the page came from a file or a
WARC record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.body_choice import choose_body
from newsgraph.ingest.page_dates import (
    byline_published,
    itemprop_published,
    ld_published,
    meta_published,
    url_published,
    visible_published,
)
from newsgraph.ingest.page_fields import choose_author, choose_outlet, choose_title, host_of, site_names
from newsgraph.ingest.page_meta import PageMeta, read_page_meta
from newsgraph.ingest.published import PublishedDate, parse_published
from newsgraph.ingest.raw import RawArticle
from newsgraph.records import PublishedSource


def html_article(source: str, external_id: str, html: str, url: str | None = None) -> RawArticle:
    """An article from an HTML page, wherever the page came from (a file, a WARC record).

    The page is parsed once: its own metadata (see `page_meta`) is read from the tree, then
    trafilatura extracts the body from a copy of it.
    """
    from trafilatura.utils import load_html

    if "<" not in html:
        raise InputError(source, "has an HTML extension but holds no markup")
    try:
        tree = load_html(html)
        if tree is None:
            raise InputError(source, "HTML could not be parsed: no document tree")
        page, document = _extract(tree, url)
        if document is None or not (document.text or "").strip():
            # libxml2 stops reading HTML 255 elements deep unless told otherwise.
            deep = _deep_tree(html)
            if deep is not None:
                tree, depth = deep
                page, document = _extract(tree, url)
                if document is None or not (document.text or "").strip():
                    deeper = " or more" if depth >= HUGE_TREE_DEPTH else ""
                    raise InputError(source, f"no article text found: the HTML nests {depth:,}{deeper} elements deep")
    except InputError:
        raise
    except Exception as error:  # trafilatura and lxml raise many kinds on broken markup
        raise InputError(source, f"HTML could not be parsed: {type(error).__name__}: {error}") from error
    if isinstance(document, dict):  # older trafilatura versions return a dict
        raise InputError(source, "unsupported trafilatura version: expected a Document")
    if document is None or not (document.text or "").strip():
        raise InputError(source, "no article text found in the HTML (only markup, scripts or navigation)")
    page_url = url or document.url or page.canonical_url or page.first("og:url")
    host = host_of(page_url)
    names = site_names(page, host)
    published, published_source = _page_published(page, document.date, page_url, source)
    metadata: dict[str, Any] = {}
    for key in ("description", "categories", "tags", "language"):
        value = getattr(document, key, None)
        if value:
            metadata[key] = value
    if host:
        metadata["hostname"] = host
    return RawArticle(
        text=document.text or "",
        external_id=external_id,
        source=source,
        format="html",
        title=choose_title(page, document.title, names),
        outlet=choose_outlet(page, document.sitename, host),
        url=page_url,
        author=choose_author(page, document.author),
        published=published,
        published_source=published_source,
        metadata=metadata,
        identity=html,
    )


def _extract(tree: Any, url: str | None) -> tuple[PageMeta, Any]:
    """The page's own metadata and trafilatura's extraction, its body chosen against a fuller
    extraction of the same tree."""
    import trafilatura

    page = read_page_meta(tree)
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    fuller = trafilatura.bare_extraction(tree, url=url, include_comments=False, favor_recall=True, fast=True)
    if document is not None and not isinstance(document, dict) and fuller is not None and not isinstance(fuller, dict):
        document.text = choose_body(document.text or "", fuller.text or "")
    return page, document


# Deeper than this, libxml2's HTML parser stops reading unless asked for a huge tree.
LIBXML_DEPTH = 255
HUGE_TREE_DEPTH = 2048  # where even a huge tree stops


def _deep_tree(html: str) -> tuple[Any, int] | None:
    """The page parsed without libxml2's depth limit, with its depth, when it is deeper than
    that limit; None for an ordinary page."""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(huge_tree=True, collect_ids=False, remove_comments=True, remove_pis=True)
    tree = lxml_html.document_fromstring(html, parser=parser)
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return (tree, deepest) if deepest > LIBXML_DEPTH else None


def _page_published(
    page: PageMeta, extracted: str | None, url: str | None, source: str
) -> tuple[PublishedDate | None, PublishedSource]:
    """The first date found, in the order page_dates explains, with the kind of source; each
    source is read only when those before it found nothing (parsing a written date is slow)."""
    candidates: list[tuple[Callable[[], PublishedDate | None], PublishedSource]] = [
        (lambda: byline_published(page, source), "byline"),
        (lambda: url_published(url, source), "url"),
        (lambda: meta_published(page, source), "meta"),
        (lambda: visible_published(page, source), "visible"),
        (lambda: ld_published(page.page_ld, source), "json-ld"),
        (lambda: parse_published(extracted, source) if extracted else None, "page"),
        (lambda: ld_published(page.article_ld, source), "json-ld"),
        (lambda: itemprop_published(page, source), "itemprop"),
    ]
    for find, kind in candidates:
        found = find()
        if found is not None and found.value:
            return found, kind
    # Nothing readable: trafilatura's date, if any, still carries the note that says why.
    return (parse_published(extracted, source) if extracted else None), "unknown"
