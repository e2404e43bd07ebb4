"""Where quotations are and which of them are names, not words: quotation marks of every
style, and titles of works in quotation marks."""

from __future__ import annotations

import re

from newsgraph.nlp import attribution_rules as rules

# Words that introduce the name of a work or a thing, not someone's words.
TITLED = re.compile(
    r"\b(?:titled|entitled|called|named|dubbed|nicknamed|headlined|headline|slogan|hashtag)\s*[\"“‘']*\s*$", re.I
)
# A preposition or possessive right before a quotation: 'on Fox's "Fox and Friends"'.
BEFORE_TITLE = re.compile(r"(?:\b(?:on|in|of|from|at|to|for)|['’]s)\s*(?:\"|“|''|``)$", re.I)
_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from"})


def names_a_work(text: str, before_start: int, start: int, quotation: str) -> bool:
    """A title in quotation marks, not someone's words: introduced as a title ('a booklet titled
    "How to ..."'), or a short capitalised name after a preposition or possessive ('on Fox's
    "Fox and Friends"', 'in "The Steve Harvey Show"')."""
    before = text[before_start:start]
    if TITLED.search(before):
        return True
    words = re.findall(r"[^\W\d_][\w'’-]*", quotation)
    capitalised = all(w[0].isupper() for w in words if w.lower() not in _SMALL_WORDS)
    return bool(BEFORE_TITLE.search(before)) and 0 < len(words) <= MAX_TITLE_WORDS and capitalised


MAX_TITLE_WORDS = 8


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks; an unclosed quote runs to the paragraph's end."""
    spans = []
    for opening, closing in rules.QUOTE_PAIRS:
        if opening == closing == "''" and "``" in text:
            continue
        position = 0
        while (start := text.find(opening, position)) != -1:
            inner = start + len(opening)
            end = text.find(closing, inner)
            paragraph_end = text.find("\n\n", inner)
            if end == -1 or (paragraph_end != -1 and end > paragraph_end):
                end = paragraph_end if paragraph_end != -1 else len(text)
                position = end
            else:
                position = end + len(closing)
            if len(text[inner:end].split()) >= 3:
                spans.append((inner, end))
    return sorted(spans)
