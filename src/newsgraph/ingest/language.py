"""A cheap check that a text is English before the English pipeline spends time on it."""

from __future__ import annotations

import re
from functools import cache

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# English news prose has 25-50% function words (a one-line wire summary ~15%); German, French,
# Spanish, Italian and Dutch news measured 2-5% against the English list.
MIN_WORDS_TO_JUDGE = 25
MIN_ENGLISH_SHARE = 0.10


def english_share(text: str, sample_words: int = 2000) -> tuple[float, int]:
    """Share of English stop words among the first words of the text, and how many words."""
    words = _WORD.findall(text[:50_000])[:sample_words]
    if not words:
        return 0.0, 0
    stop_words = _stop_words()
    hits = sum(1 for w in words if w.lower() in stop_words)
    return hits / len(words), len(words)


@cache
def _stop_words() -> frozenset[str]:
    """spaCy's English stop words, imported when first needed: reading commands never pay for
    importing spaCy."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def looks_english(text: str) -> bool:
    share, count = english_share(text)
    return count < MIN_WORDS_TO_JUDGE or share >= MIN_ENGLISH_SHARE
