"""Rules for scraping debris, kept as data apart from the code that applies them.

Each rule names the reason recorded in `Article.removed`. Edit these lists to teach the
cleaner a new site's habits; `tests/ingest/test_debris.py` shows what each rule must catch.
"""

from __future__ import annotations

import re

# Section labels that scrapers leave as a lone line at the top or bottom of a page.
SECTION_LABELS: frozenset[str] = frozenset(
    {
        "news",
        "world",
        "world news",
        "politics",
        "business",
        "economy",
        "markets",
        "opinion",
        "analysis",
        "sport",
        "sports",
        "technology",
        "tech",
        "science",
        "health",
        "culture",
        "middle east",
        "europe",
        "asia",
        "africa",
        "americas",
        "us",
        "u.s.",
        "uk",
        "national",
        "local",
        "breaking",
        "breaking news",
        "latest",
        "home",
        "exclusive",
        "live",
        "video",
        "environment",
        "climate",
        "defense",
        "defence",
        "security",
        "energy",
        "finance",
    }
)

# Tag-list headers and page furniture that end a scraped article.
TRAILING_LABELS: frozenset[str] = frozenset(
    {
        "topics",
        "tags",
        "related",
        "related topics",
        "related articles",
        "related stories",
        "more on this story",
        "read more",
        "share",
        "share this",
        "share this article",
        "advertisement",
        "comments",
        "see also",
        "more from",
        "filed under",
    }
)

# A trailing label glued to the end of the last sentence: "...systems.Topics".
GLUED_TRAILING_LABEL = re.compile(r"(?<=[.!?\"”’)])\s*(?P<label>Topics|Tags|Related Topics|Share|Advertisement)\s*$")

# Photo captions and credit lines: the credit marks the whole line as a caption.
CAPTION_PATTERNS: list[re.Pattern[str]] = [
    re.compile(r"\b(?:Credit|Credits|Photo|Photograph|Photos|Image|Picture|Pictured|Caption|Source)\s*:\s*\S", re.I),
    re.compile(
        r"/\s*(?:Shutterstock|Getty Images|Getty|AFP|AP|Reuters|EPA|Alamy|iStock|Pool|Xinhua|Bloomberg)\b",
        re.I,
    ),
    re.compile(r"\((?:Photo|Image|Picture|Credit)s?\b[^)]*\)\s*$", re.I),
    re.compile(r"\b(?:AP|AFP|Reuters|EPA|Getty) (?:Photo|Images?)\b"),
    re.compile(r"\b(?:Photo|Image|Picture) (?:by|courtesy of|credit)\b", re.I),
    re.compile(r"^\s*(?:Credit|Photo|Image|Caption)\b", re.I),
]

# A caption is a line, not a paragraph: longer lines that mention a credit are kept.
MAX_CAPTION_CHARS = 400

# Boilerplate lines of news sites (newsletters, sharing, copyright).
BOILERPLATE_PATTERNS: list[re.Pattern[str]] = [
    re.compile(r"^\s*advertisement\s*$", re.I),
    re.compile(r"^\s*(?:sign up|subscribe)\b.{0,120}(?:newsletter|updates|alerts|free)", re.I),
    re.compile(r"^\s*(?:share|follow us) (?:this|on)\b.{0,80}$", re.I),
    re.compile(r"^\s*(?:click|tap) here\b.{0,120}$", re.I),
    re.compile(r"^\s*(?:©|\(c\)|copyright)\s.{0,160}$", re.I),
    re.compile(r"^.{0,160}\ball rights reserved\.?\s*$", re.I),
    re.compile(r"^\s*read more\s*:.{0,200}$", re.I),
    re.compile(r"^\s*(?:reporting|writing|editing|additional reporting) by\b.{0,200}$", re.I),
]

# Repeated lines shorter than this are not treated as scraping repeats ("Yes." twice is fine).
MIN_REPEATED_LINE_CHARS = 25

# A first line longer than this is body text, not a title.
MAX_TITLE_CHARS = 250
