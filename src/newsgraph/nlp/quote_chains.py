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
    return "\n\n" not in between and len(between) <= MAX_QUOTE_GAP_CHARS and previous.cue_span.end <= start


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
    of that claim, not a claim of its own."""
    reported = [c for c in found if c.kind in ("indirect", "report")]
    return [
        c
        for c in found
        if c.kind != "direct_quote" or not any(r.start <= c.start and c.end <= r.end for r in reported)
    ]
