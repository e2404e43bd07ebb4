"""Each site's own title pattern, learned from the pages of one batch.

A page alone cannot always tell "Ferry fares rise - Island Desk" (a site's suffix) from
"Ferries - and the people who need them" (a headline with a dash). Several pages of one host
can: a segment that ends (or starts) the titles of two different pages of the same host is
the site's, and is cut from the second page on.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from newsgraph.ingest.page_fields import TITLE_SEPARATOR, letters
from newsgraph.records import Article

MIN_PAGES = 2


class SiteTitlePatterns:
    """Title segments seen per host, counted once per distinct title."""

    def __init__(self) -> None:
        self._titles: dict[str, set[str]] = defaultdict(set)
        self._tails: dict[str, Counter[str]] = defaultdict(Counter)
        self._heads: dict[str, Counter[str]] = defaultdict(Counter)

    def clean(self, article: Article) -> str | None:
        """The article's title without the affixes its site has shown on other pages."""
        host = article.metadata.get("hostname")
        title = article.title
        if not isinstance(host, str) or not title:
            return title
        separators = list(TITLE_SEPARATOR.finditer(title))
        if not separators:
            return title
        last, first = separators[-1], separators[0]
        tail, head = letters(title[last.end() :]), letters(title[: first.start()])
        if title not in self._titles[host]:
            self._titles[host].add(title)
            self._tails[host][tail] += 1
            self._heads[host][head] += 1
        if tail and self._tails[host][tail] >= MIN_PAGES:
            return title[: last.start()].strip()
        if head and self._heads[host][head] >= MIN_PAGES:
            return title[first.end() :].strip()
        return title
