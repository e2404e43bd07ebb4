"""Quotations that belong together: a quotation that goes on after its cue, one inside a
reported statement, and which claims quote someone at all."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.doctext import text_of
from newsgraph.records import Claim


def continues(previous: Claim, start: int, doc: Doc) -> bool:
    """A quotation that goes on in the same paragraph right after the previous one's cue
    ('"Q1," X said. "Q2."'), with nothing but that cue in between."""
    if previous.kind != "direct_quote" or previous.cue_span is None or not previous.end <= previous.cue_span.start:
        return False
    between = text_of(doc)[previous.end : start]
    if "\n\n" in between or previous.cue_span.end > start:
        return False
    # Right after the sentence of the cue, or close behind it when the cue has no sentence of its own.
    gap = text_of(doc)[previous.sentence.end : start]
    after_cue_sentence = previous.sentence.end <= start and not gap.strip(" \n\t\"“`'")
    return after_cue_sentence or len(between) <= MAX_QUOTE_GAP_CHARS


def extend_claim(claim: Claim, end: int, doc: Doc) -> None:
    claim.end = end
    claim.text = text_of(doc)[claim.start : end]


MAX_QUOTE_GAP_CHARS = 160


def quotes_someone(claim: Claim) -> bool:
    """A direct quote, or a reported statement with a quotation in it (the next quotation may
    go on with the same speaker's words)."""
    return claim.kind == "direct_quote" or any(mark in claim.text for mark in ('"', "“", "''"))


def without_partial_quotes(found: list[Claim]) -> list[Claim]:
    """A quotation inside a reported statement ("said he would not 'act like a puppy'") is part
    of that claim, not a claim of its own; a reported statement that is no more than a quotation
    of the same cue ('X said, "Q"', '"Q1," X said, "Q2"') is that quotation."""
    quotes = [c for c in found if c.kind == "direct_quote"]
    reported = [c for c in found if c.kind in ("indirect", "report")]
    dropped = {id(r) for r in reported if any(_same_quotation(r, q) for q in quotes)}
    statements = [r for r in reported if id(r) not in dropped]
    dropped |= {id(q) for q in quotes if any(r.start <= q.start and q.end <= r.end for r in statements)}
    return [c for c in found if id(c) not in dropped]


def _same_quotation(reported: Claim, quote: Claim) -> bool:
    if reported.cue_span is None or quote.cue_span is None or reported.cue_span.start != quote.cue_span.start:
        return False
    return quote.start - 2 <= reported.start and reported.end <= quote.end + 2
