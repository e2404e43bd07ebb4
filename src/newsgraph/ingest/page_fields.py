"""Choose an article's headline, outlet and byline among what its page offers (see page_meta).

The headline is what a reader sees (the `h1`), confirmed by the machine-readable titles where
they agree; site names are cut from titles where a segment is the site's own name (from
`og:site_name`, the JSON-LD publisher or the host), never from a list of known sites.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsgraph.ingest.debris_rules import SECTION_LABELS
from newsgraph.ingest.page_meta import PageMeta, clean_value, ld_text

# Separators between a headline and a site name: spaced bars, dashes, bullets, double colons.
TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|•|::|»|~)\s+")
_NOT_LETTER = re.compile(r"[\W_]+", re.UNICODE)
_DATE_SEGMENT = re.compile(r"^\s*(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\w+ \d{1,2}, \d{4})\s*$")
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.I)
# Host parts that name no outlet.
_HOST_NOISE = {"www", "com", "org", "net", "co", "uk", "news", "edu", "gov", "html", "amp", "m"}
MIN_HEADLINE_CHARS = 8
MIN_HEADLINE_WORDS = 3
MAX_BAR_SEGMENT_WORDS = 5
MIN_SHARED_WORDS = 2


def letters(text: str) -> str:
    return _NOT_LETTER.sub("", text).casefold()


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host or None


def site_names(page: PageMeta, host: str | None) -> list[str]:
    """Every name the page gives its site, plus the host and its distinctive labels."""
    names: list[str] = []
    for key in ("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site", "publisher"):
        value = page.first(key)
        if value:
            names.append(value.lstrip("@"))
    for item in page.article_ld + page.page_ld:
        publisher = ld_text(item.get("publisher"))
        if publisher:
            names.append(publisher)
    for item in page.organisations_ld:
        name = ld_text(item.get("name"))
        if name:
            names.append(name)
    if host:
        names.append(host)
        names.extend(label for label in host.split(".") if label not in _HOST_NOISE and len(label) > 2)
    return [n for n in names if letters(n)]


def is_site_segment(segment: str, names: list[str]) -> bool:
    """A title segment that is the site's name (or a domain, or a date stamp), not headline."""
    if _DATE_SEGMENT.match(segment) or _DOMAIN.match(segment.strip()):
        return True
    if segment.strip().casefold() in SECTION_LABELS:
        return True
    key = letters(segment)
    if not key:
        return True
    for name in names:
        other = letters(name)
        if not other:
            continue
        if key == other or (len(key) >= 3 and key in other):
            return True
        if len(other) >= 4 and other in key and len(key) <= 2 * len(other) + 12:
            return True
    return False


def strip_site(title: str, names: list[str]) -> str:
    """Cut leading and trailing segments that name the site ("Headline | The Daily Post")."""
    title = title.strip()
    while True:
        cut = _cut_one(title, names)
        if cut == title:
            return title
        title = cut


def _cut_one(title: str, names: list[str]) -> str:
    separators = list(TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    last, first = separators[-1], separators[0]
    tail, head = title[last.end() :], title[: first.start()]
    if is_site_segment(tail, names):
        return title[: last.start()].strip()
    if is_site_segment(head, names):
        return title[first.end() :].strip()
    # A bar sets a site or section name apart ("Headline | Rust Blog") even where the page
    # never names its site: a short last segment after a bar goes, if a headline remains.
    rest = title[: last.start()]
    if (
        last.group().strip() == "|"
        and len(tail.split()) <= MAX_BAR_SEGMENT_WORDS
        and len(rest.split()) >= MIN_HEADLINE_WORDS
    ):
        return rest.strip()
    return title


def fold_title(text: str) -> str:
    return letters(text.replace("’", "'"))


def _agrees(heading: str, title: str) -> bool:
    a, b = fold_title(heading), fold_title(title)
    return bool(a) and bool(b) and (a == b or (len(a) >= 12 and b.startswith(a)) or (len(b) >= 12 and a.startswith(b)))


_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
_COMMON = frozenset({"what", "with", "your", "this", "that", "from", "about", "have", "they", "will", "more", "their"})


def shared_words(one: str, other: str) -> int:
    """Content words two titles share, singular and plural alike."""

    def keys(text: str) -> set[str]:
        return {w.casefold().rstrip("s") for w in _CONTENT_WORD.findall(text)} - _COMMON

    return len(keys(one) & keys(other))


def _plausible_heading(text: str, names: list[str]) -> bool:
    if len(text) < MIN_HEADLINE_CHARS or len(text) > 300:
        return False
    if text.strip().casefold().rstrip(":") in SECTION_LABELS:
        return False
    return not is_site_segment(text, names) or len(text.split()) > 6


def title_site_segments(titles: list[str]) -> list[str]:
    """Segments after the first of the page's titles ("Headline | Blog Name"): the site's own
    title pattern names the site, so an h1 equal to one of them is the site's banner."""
    segments: list[str] = []
    for title in titles:
        segments.extend(TITLE_SEPARATOR.split(title)[1:])
    return [s for s in segments if letters(s)]


_HEADING_MARK = re.compile(r"^#{1,6}\s+")
_EMPHASIS = re.compile(r"^\*{1,2}(?P<inner>[^*]+)\*{1,2}$")


def tidy_title(title: str | None) -> str | None:
    """No Markdown heading marks before a title, no emphasis marks around the whole of it."""
    if not title:
        return title
    title = _HEADING_MARK.sub("", title).strip()
    emphasised = _EMPHASIS.match(title)
    return emphasised.group("inner").strip() if emphasised else title


def choose_title(page: PageMeta, extracted: str | None, names: list[str]) -> str | None:
    """The headline (tidied): see `_choose_title`."""
    return tidy_title(_choose_title(page, extracted, names))


def _choose_title(page: PageMeta, extracted: str | None, names: list[str]) -> str | None:
    """The headline: an h1 that a machine-readable title confirms, else the page's only h1,
    else the best machine-readable title with the site's name cut off."""
    machine: list[str] = []
    for item in page.article_ld:
        headline = ld_text(item.get("headline")) or ld_text(item.get("name"))
        if headline:
            machine.append(headline)
    # trafilatura's title may be the h1 itself, so it confirms nothing; it comes last, as a fallback.
    for value in (page.first("og:title"), page.first("twitter:title"), page.html_title):
        if value:
            machine.append(clean_value(value))
    banner = {letters(s) for s in title_site_segments(machine)}
    stripped = [strip_site(t, names) for t in machine]
    stripped = [t for t in stripped if t and not is_site_segment(t, names)]
    headings = [strip_site(h, names) for h in (page.h1_in_article or page.h1) if letters(h) not in banner]
    headings = [h for h in headings if _plausible_heading(h, names)]
    for heading in headings:
        for title in stripped:
            if _agrees(heading, title):
                return title if fold_title(title) == fold_title(heading) else heading
    # The page's one h1, where no machine title confirms it, if it is about what they say: a
    # blog's banner ("Our Blog") shares no words with the post's title.
    if len(page.h1) == 1 and headings and (not stripped or shared_words(headings[0], stripped[0]) >= MIN_SHARED_WORDS):
        return headings[0]
    if stripped:
        return stripped[0]
    if headings:
        return headings[0]
    return strip_site(clean_value(extracted), names) if extracted else None


def choose_outlet(page: PageMeta, extracted: str | None, host: str | None) -> str | None:
    """The outlet's own name: og:site_name or the publisher, without taglines; else the host."""
    candidates = [page.first("og:site_name"), page.first("application-name")]
    for item in page.article_ld:
        candidates.append(ld_text(item.get("publisher")))
    # The site's own title pattern ("Headline | KBS WORLD") names it better than its host does.
    if page.html_title:
        parts = TITLE_SEPARATOR.split(page.html_title)
        if len(parts) > 1 and not _DATE_SEGMENT.match(parts[-1]) and len(parts[-1].split()) <= MAX_BAR_SEGMENT_WORDS:
            candidates.append(parts[-1])
    candidates.append(extracted)
    for candidate in candidates:
        if not candidate:
            continue
        name = TITLE_SEPARATOR.split(candidate)[0].strip()
        name = re.split(r"\s+(?:on|at)\s+(?:www\.)?[\w-]+\.[a-z]{2,}\b", name)[0].strip()
        if letters(name) and not _DOMAIN.match(name) and len(name) <= 80:
            return name
    return host


def choose_author(page: PageMeta, extracted: str | None) -> str | None:
    """The byline: the JSON-LD author of the article, else what the page's meta tags or text give."""
    for item in page.article_ld:
        authors = item.get("author")
        names = [ld_text(a) for a in (authors if isinstance(authors, list) else [authors])]
        joined = ", ".join(n for n in names if n and not n.startswith("http"))
        if joined:
            return joined
    return extracted or page.first("author", "article:author", "byl", "sailthru.author", "parsely-author")
