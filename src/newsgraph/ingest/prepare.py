"""From a raw article to a clean `Article` with a stable id, ready for analysis."""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from newsgraph.errors import InputError
from newsgraph.ingest.debris import clean_lines, normalise_text, split_title
from newsgraph.ingest.language import english_share, looks_english
from newsgraph.ingest.raw import RawArticle
from newsgraph.records import Article, Published, Removed
from newsgraph.showable import displayable
from newsgraph.storable import storable_text, storable_value

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_LINK = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.I)
MIN_LETTERS = 20
# Prose is words between spaces; a run of letters longer than any word is not one.
_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,40}(?![^\W\d_])", re.UNICODE)
MIN_WORDS = 5
# Far beyond any news article (about 170,000 words), and below the pipeline's own limit.
MAX_TEXT_CHARS = 1_000_000


def article_id(external_id: str, identity: str) -> str:
    """Stable id from the content hash: the same input always gets the same id."""
    digest = hashlib.sha256()
    digest.update(external_id.encode("utf-8", "surrogatepass"))
    digest.update(b"\x00")
    digest.update(identity.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


# What a page holds when debris is all it holds: a user should learn which kind of page it was.
_ONLY_KIND = {
    "caption": "only a photo caption found",
    "subscription": "only a paywall or subscription notice found",
    "newsletter": "only a newsletter sign-up found",
    "cookie_notice": "only a cookie notice found",
    "related_list": "only a list of other articles found",
    "related_link": "only links to other articles found",
    "video_label": "only a video player's labels found",
}


def nothing_left_reason(removed: list[Removed]) -> str:
    """Why an article has no story text: the kind of debris it was, when one kind dominates."""
    counts = Counter(r.reason for r in removed)
    if counts:
        kind, count = counts.most_common(1)[0]
        if kind in _ONLY_KIND and count * 2 > len(removed):
            return f"no article: {_ONLY_KIND[kind]}"
    listed = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.most_common(3))
    return f"no story text left after removing debris ({listed})"


def storable_raw(raw: RawArticle) -> RawArticle:
    """The raw article with every value checked (see `newsgraph.storable`); names of files become
    displayable, a lone surrogate in the content rejects the record."""
    source = displayable(raw.source)
    raw.source = source
    raw.external_id = displayable(raw.external_id)
    raw.text = storable_text(raw.text, "text", source)
    for name in ("title", "outlet", "url", "author"):
        value = getattr(raw, name)
        if value is not None:
            setattr(raw, name, storable_text(value, name, source))
    raw.metadata = storable_value(raw.metadata, "metadata", source)
    return raw


def prepare_article(raw: RawArticle, outlet: str | None = None, published: str | None = None) -> Article:
    """Clean the text, take the title, fill in defaults the input lacks; raise on unusable text.

    `outlet` and `published` (from the command line) apply only where the input has none.
    """
    raw = storable_raw(raw)
    clean = clean_lines(raw.text)
    title = raw.title
    if raw.title_in_text:
        title = split_title(clean)
    elif title:
        title = normalise_text(title).replace("\n", " ").strip() or None
        # The headline repeated as the first line is dropped, unless it is all the text there is.
        if len(clean.paragraphs) > 1 and title and clean.paragraphs[0].casefold() == title.casefold():
            clean.paragraphs.pop(0)
    text = clean.text
    if not text.strip():
        reason = "empty file" if not raw.text.strip() else nothing_left_reason(clean.removed)
        raise InputError(raw.source, reason)
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            raw.source, f"text is {len(text):,} characters, over the {MAX_TEXT_CHARS:,}-character limit for one article"
        )
    sample = _LINK.sub(" ", text[:10_000])
    if len(_LETTER.findall(sample)) < MIN_LETTERS or len(_WORD.findall(sample)) < MIN_WORDS:
        raise InputError(raw.source, "no prose: the text has almost no letters (only numbers, symbols or a link?)")
    if not looks_english(text):
        share, _ = english_share(text)
        raise InputError(
            raw.source,
            f"does not look like English ({share:.0%} English function words); newsgraph's pipeline is English",
        )
    metadata = dict(raw.metadata)
    metadata["format"] = raw.format
    record_published = Published()
    if raw.published is not None and raw.published.value:
        record_published = Published(raw.published.value, raw.published_source)
    elif published:
        record_published = Published(published, "given")
    if raw.published is not None and raw.published.note:
        metadata["published_note"] = raw.published.note
    return Article(
        id=article_id(raw.external_id, raw.identity or raw.text),
        external_id=raw.external_id,
        text=text,
        title=title,
        outlet=raw.outlet or outlet,
        url=raw.url,
        author=raw.author,
        published=record_published,
        removed=clean.removed,
        source=raw.source,
        metadata=metadata,
    )
