"""Shapes of attribution around a cue, read off the parse: a quotation interrupted by its cue,
narration leading into a quotation, a cue set off by commas, a name the parser hung elsewhere.
Used by `claims`."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from newsgraph.nlp.cues import lemma_of
from newsgraph.records import Claim

_MIN_WORDS_BEFORE_MIXED_QUOTE = 2


def named_after_quote(verb: Token, in_quote: Callable[[Token], bool]) -> Token | None:
    """ '..." Flynn, a top surrogate, said': the name between a closing quotation mark and its
    cue, where the parser hung it elsewhere (on the quotation's last noun)."""
    doc = verb.doc
    closing = next((t for t in reversed(doc[verb.sent.start : verb.i]) if t.is_quote or t.text in ("”", "''")), None)
    if closing is None or (not in_quote(doc[closing.i - 1]) and doc[closing.i - 1].text != ","):
        return None
    between = doc[closing.i + 1 : verb.i]
    heads = [
        t for t in between if not (between.start <= t.head.i < between.end) and t.pos_ in ("PROPN", "NOUN", "PRON")
    ]
    return heads[0] if heads and not any(t.is_quote for t in between) else None



def mixed_quote_start(sent: Span, quote_start: int, attributions: list[Token]) -> int | None:
    """Where a quotation closed by its cue starts being someone's words: at the sentence's start
    when narration leads into it ('With thousands of systems, "there is no single point of
    failure," he said'), as PolNeAR marks a mixed quote; not after a colon or another cue."""
    before = [t for t in sent if t.idx + len(t.text) < quote_start and not t.is_space]
    words = [t for t in before if not t.is_punct]
    if len(words) < _MIN_WORDS_BEFORE_MIXED_QUOTE or before[-1].text == ":" or any(t in attributions for t in before):
        return None
    return before[0].idx



def interrupted_by(previous: Claim, cue: Token, start: int) -> bool:
    """A quotation that goes on after the cue that closed the previous one ('"Q1," X said, "Q2"')."""
    return (
        previous.kind == "direct_quote"
        and previous.cue_span is not None
        and previous.cue_span.start == cue.idx
        and previous.end <= cue.idx < start
    )



def asks_anonymity(verb: Token, complement: list[Token]) -> bool:
    """ "who asked not to be named", "who requested anonymity": how a source is described."""
    return lemma_of(verb) in ("ask", "request") and all(c.dep_ == "xcomp" for c in complement)



def set_off_by_commas(verb: Token) -> bool:
    """ "which, Tompkins said, is full": a cue and its subject between two commas."""
    doc = verb.doc
    first, last = verb.left_edge.i, verb.right_edge.i
    before = doc[first] if doc[first].is_punct else doc[first - 1] if first > 0 else None
    after = doc[last] if doc[last].is_punct else doc[last + 1] if last + 1 < len(doc) else None
    return before is not None and after is not None and before.text == "," and after.text == ","
