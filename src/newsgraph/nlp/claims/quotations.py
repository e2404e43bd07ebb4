"""Where quotations are and which of them are names, not words: quotation marks of every
style, and titles of works in quotation marks."""

from __future__ import annotations

import re

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
    """Character spans inside quotation marks; an unclosed quote runs to the paragraph's end.

    One pass over the marks: any opening mark opens, any closing mark closes, so that a
    quotation opened with a curly mark and closed with a straight one (common in scraped text)
    is still one quotation. Doubled apostrophes open only where the text never uses ``."""
    apostrophes_open = "``" not in text
    spans = []
    inner: int | None = None
    opened_by = ""
    nested = False  # a curly quotation inside a straight one ("WALLACE: as “The Journal” wrote ...)
    for mark in _MARKS.finditer(text):
        kind = mark.group()
        if kind.strip(" \t\r\n") == "":  # a paragraph break ends an unclosed quotation ...
            if inner is not None and not _continues(text, mark.end()):
                spans.append((inner, mark.start()))
                inner, nested = None, False
            continue
        if inner is None:
            if kind in _OPENING or (kind == "''" and apostrophes_open):
                inner, opened_by = mark.end(), kind
        elif opened_by == '"' and kind == "“":
            nested = True
        elif opened_by == '"' and kind == "”" and nested:
            nested = False
        elif kind in _CLOSING:
            spans.append((inner, mark.start()))
            inner, nested = None, False
    if inner is not None:
        spans.append((inner, len(text)))
    return sorted((start, end) for start, end in spans if len(text[start:end].split()) >= MIN_QUOTE_WORDS)


def _continues(text: str, after_break: int) -> bool:
    """... unless the quotation plainly goes on: the next quotation mark, within a few short
    paragraphs, can only close one (a curly closing mark, or a straight mark that ends its
    paragraph or follows a word). Text split into one sentence per line puts a quotation of two
    sentences on two lines with no opening mark on the second."""
    ahead = text[after_break : after_break + MAX_CONTINUED_CHARS]
    mark = _NEXT_MARK.search(ahead)
    if mark is None or ahead[: mark.start()].count("\n\n") >= MAX_CONTINUED_BREAKS:
        return False
    if mark.group() == "”":
        return True
    if mark.group() != '"' or mark.start() == 0 or ahead[mark.start() - 1] == "\n":
        return False
    rest = ahead[mark.end() :]
    ends_paragraph = rest == "" or rest.lstrip(" \t").startswith("\n")
    after_word = not ahead[mark.start() - 1].isspace() and (rest == "" or not rest[0].isalnum())
    return ends_paragraph or after_word


MAX_CONTINUED_BREAKS = 3
MAX_CONTINUED_CHARS = 800
_NEXT_MARK = re.compile(r"[\"“”]|``|''")
_MARKS = re.compile(r"“|”|\"|``|''|\n[ \t\r]*\n")
_OPENING = frozenset({"“", '"', "``"})
_CLOSING = frozenset({"”", '"', "''"})
MIN_QUOTE_WORDS = 3
