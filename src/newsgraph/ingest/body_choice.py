"""Between trafilatura's balanced extraction and its recall-favouring one, the fuller body when
the extra is story text.

The balanced setting is the better one on most pages, but on some it stops at a sub-heading or
skips a block of paragraphs. Its recall-favouring setting then holds the same text and more;
elsewhere it adds navigation and lists. The longer text is taken only when it keeps what the
balanced one found and what it adds reads as prose (sentences, not link lists). Measured on the
development pages with bench/extraction.py (WCXB body F1 0.938 -> 0.944, scrapinghub unchanged).
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:\"”’)]$")
MIN_GROWTH = 1.1  # the fuller text has at least this many times the words
MIN_KEPT = 0.95  # and holds this share of the balanced text's words
MIN_PROSE_SHARE = 0.1  # and this share of what it adds is in sentence paragraphs
PROSE_PARAGRAPH_WORDS = 15


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text))


def _prose_share(lines: list[str]) -> float:
    total = sum(len(line.split()) for line in lines)
    prose = sum(
        len(line.split())
        for line in lines
        if len(line.split()) >= PROSE_PARAGRAPH_WORDS and _SENTENCE_END.search(line)
    )
    return prose / total if total else 0.0


def choose_body(balanced: str, fuller: str) -> str:
    """`fuller` when it keeps `balanced` and adds prose; else `balanced`."""
    if not fuller.strip():
        return balanced
    if not balanced.strip():
        return fuller
    clean_balanced, clean_fuller = _lines(balanced), _lines(fuller)
    words_balanced, words_fuller = _words("\n".join(clean_balanced)), _words("\n".join(clean_fuller))
    size_balanced = sum(words_balanced.values())
    if not size_balanced:
        return fuller
    kept = sum((words_balanced & words_fuller).values()) / size_balanced
    if kept < MIN_KEPT or sum(words_fuller.values()) < MIN_GROWTH * size_balanced:
        return balanced
    known = set(clean_balanced)
    added = [line for line in clean_fuller if line not in known]
    return fuller if _prose_share(added) >= MIN_PROSE_SHARE else balanced
