"""Dates: every time expression of an article, normalised against its publication date.

Produces `doc._.dates`, a list of `DateMention` records (TIMEX3-style value, granularity,
modifier, status `resolved` / `estimated` / `unresolved`, offsets). Reads the spaCy `Doc` after
NER (its DATE entities, the parse for a clause's tense) and `doc._.published`, the anchor.
Entry point: the spaCy component `newsgraph_dates` (`find_dates`); `resolve_date` normalises one
expression outside a pipeline.

Inside: `finder` (the component), `resolve` (one expression to its values), `time_words`
(expressions NER misses or that take the reference time), `year_parts` (quarters, halves,
fiscal years, holidays, centuries), `patterns` and `rules` (lexicons kept as data).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.nlp.exports import load_on_use

if TYPE_CHECKING:
    from newsgraph.nlp.dates.finder import clause_tense, find_dates
    from newsgraph.nlp.dates.resolve import DateValue, resolve_date, warm_fallback
    from newsgraph.nlp.dates.rules import NUMBER_WORDS
else:  # each name imported from its module when first asked for
    __getattr__ = load_on_use(__name__, __file__)

__all__ = ["NUMBER_WORDS", "DateValue", "clause_tense", "find_dates", "resolve_date", "warm_fallback"]
