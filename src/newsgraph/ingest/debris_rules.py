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

# Whole lines of page furniture, each kind with the reason recorded in `Article.removed`.
# Checked against the development pages of ../shared/data/real/extraction (bench/extraction.py
# --show removed lists what each rule takes): a rule that removes story text is narrowed.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A date as pages print it: "March 3, 2024", "3rd March 2024", "2024-03-03", "03/03/2024".
WRITTEN_DATE = rf"(?:{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})"
LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("advertisement", re.compile(r"^\s*(?:advertisement|sponsored(?: content)?|ad)\s*$", re.I)),
    ("trust_note", re.compile(r"^\s*our standards\s*:", re.I)),
    ("trust_note", re.compile(r"\btrust principles\.?\s*$", re.I)),
    ("newsletter", re.compile(r"^\s*(?:sign up|subscribe)\b.{0,120}(?:newsletter|updates|alerts|free|inbox)", re.I)),
    ("newsletter", re.compile(r"^\s*sign up(?: here| now| today)?[.!]?\s*$", re.I)),
    ("newsletter", re.compile(r"^\s*get\b.{0,80}\b(?:newsletter|daily edition|briefing|digest)\b.{0,40}$", re.I)),
    ("newsletter", re.compile(r"^[^\"“'‘-].{0,90}\b(?:by e-?mail|to your inbox|in your inbox)[.!]?\s*$", re.I)),
    ("newsletter", re.compile(r"^\s*(?:enter your e-?mail|your e-?mail address)\b.{0,80}$", re.I)),
    ("subscription", re.compile(r"^\s*subscribe (?:to|now|today)\b.{0,120}$", re.I)),
    ("subscription", re.compile(r"^\s*(?:already a subscriber|become a (?:subscriber|member)|log ?in to continue)\b.{0,80}$", re.I)),
    ("subscription", re.compile(r"^.{0,80}\b(?:premium|subscribers?) only\b.{0,40}$", re.I)),
    ("sharing", re.compile(r"^\s*(?:share|follow us) (?:this|on)\b.{0,80}$", re.I)),
    ("sharing", re.compile(r"^\s*(?:click|tap) here\b.{0,120}$", re.I)),
    ("copyright", re.compile(r"^\s*(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*(?:\d{4}|by\b)).{0,160}$", re.I)),
    ("copyright", re.compile(r"^.{0,160}\ball rights reserved\.?\s*$", re.I)),
    ("related_link", re.compile(r"^\s*(?:read more|read also|also read|see also|related|recommended)\s*:.{0,200}$", re.I)),
    ("contributor_line", re.compile(r"^\s*(?i:reporting|writing|editing|additional reporting|compiled) by\s+[A-Z].{0,200}$")),
    ("contributor_line", re.compile(r"^.{0,160}\bcontributed(?: reporting)?(?: to| for)? (?:this|the) (?:report|story|article)\.?\s*$", re.I)),
    ("social_embed", re.compile(r"\bpic\.twitter\.com/\w+", re.I)),
    ("social_embed", re.compile(rf"^\s*[—–-]\s*.{{1,80}}\(@\w{{1,15}}\)\s+{WRITTEN_DATE}\s*$", re.I)),
    ("social_embed", re.compile(r"^\s*(?:a post shared by|view this post on instagram|view on (?:twitter|x|instagram|facebook))\b", re.I)),
    ("posted_on", re.compile(rf"^\s*(?:posted|published|updated|last updated|written|first published)\b\s*(?:on|at|:)?\s*{WRITTEN_DATE}.{{0,60}}$", re.I)),
    ("posted_on", re.compile(r"^\s*posted (?:in|by)\b.{0,80}$", re.I)),
    ("video_label", re.compile(r"^\s*(?:watch(?: the)?|play(?: the)?) video\b.{0,60}$", re.I)),
    ("video_label", re.compile(r"^\s*(?:video|watch)?\s*[:|-]?\s*\d{1,2}:\d{2}(?::\d{2})?\s*$", re.I)),
    ("video_label", re.compile(r"^\s*now playing\b.{0,80}$", re.I)),
    ("permalink", re.compile(r"^\s*[-•]?\s*permalink\b.{0,200}$", re.I)),
    ("view_counter", re.compile(r"^\s*(?:views|reads|hits|page views)\s*:?\s*[\d,.]+[kKmM]?\s*$", re.I)),
    ("view_counter", re.compile(r"^\s*[\d,.]+[kKmM]?\s+(?:views|reads)\s*$", re.I)),
    ("cookie_notice", re.compile(r"^.{0,80}\b(?:we|this (?:web)?site|our (?:web)?site)\b.{0,40}\buses? cookies\b.{0,300}$", re.I)),
    ("cookie_notice", re.compile(r"^.{0,200}\b(?:accept (?:all )?cookies|cookie (?:policy|settings|preferences))\b.{0,200}$", re.I)),
]

# No line of furniture is longer than this (the longest rule above matches about 450 characters):
# story paragraphs, most of the text, skip the rules.
MAX_FURNITURE_CHARS = 500

# Headers of lists of other articles or videos: the header and the list items under it go.
RELATED_LIST_HEADERS: frozenset[str] = frozenset(
    {
        "related",
        "related articles",
        "related stories",
        "related content",
        "related links",
        "related news",
        "related videos",
        "more videos",
        "other videos",
        "latest videos",
        "more stories",
        "more news",
        "more from",
        "more on this story",
        "read more",
        "read next",
        "read also",
        "also read",
        "you may also like",
        "you might also like",
        "recommended",
        "recommended for you",
        "most read",
        "most popular",
        "trending",
        "top stories",
        "watch more",
        "see also",
    }
)
# A list item as trafilatura writes it.
LIST_ITEM = re.compile(r"^\s*[-•*]\s+\S")

# Words that mix Latin letters with Cyrillic or Greek look-alikes: adverts written to slip past
# filters. English prose never mixes scripts inside a word; this many such words mark the line.
MIN_MIXED_SCRIPT_WORDS = 2

# Repeated lines shorter than this are not treated as scraping repeats ("Yes." twice is fine).
MIN_REPEATED_LINE_CHARS = 25

# A first line longer than this is body text, not a title.
MAX_TITLE_CHARS = 250
