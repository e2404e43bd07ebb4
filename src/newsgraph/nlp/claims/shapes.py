"""Shapes of attribution around a cue, read off the parse: a quotation interrupted by its cue,
narration leading into a quotation, a cue set off by commas, a name the parser hung elsewhere.
Used by `finder`."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from newsgraph.nlp.claims.cues import is_cue, lemma_of, quote_cues
from newsgraph.nlp.doctext import text_of
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
    """ "which, Tompkins said, is full": a cue and its subject between two commas (a clause the
    parser hung on the cue before them, "If it fails, X argues, ...", left out)."""
    doc = verb.doc
    subject = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    first, last = (subject.left_edge.i if subject is not None else verb.left_edge.i), verb.right_edge.i
    before = doc[first] if doc[first].is_punct else doc[first - 1] if first > 0 else None
    after = doc[last] if doc[last].is_punct else doc[last + 1] if last + 1 < len(doc) else None
    return before is not None and after is not None and before.text == "," and after.text == ","


def cue_before_colon(sent: Span, quoted: list[tuple[int, int]]) -> Token | None:
    """The cue of a sentence that ends in a colon right before `sent` ('He said:', 'The New York
    Times reports:', 'the letter reads:'), a paragraph break between them allowed."""
    doc = sent.doc
    i = sent.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text != ":":
        return None
    before = doc[i].sent
    cues = quote_cues(before, quoted) or [t for t in before if is_cue(t)]
    return cues[-1] if cues else None


def paragraph_after_colon(sent: Span, cues: list[Token]) -> tuple[int, int] | None:
    """The paragraph a closing 'The governor added:' (one of the sentence's quoting `cues`)
    introduces without quotation marks."""
    doc = sent.doc
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text != ":" or sent.end >= len(doc) or not cues:
        return None
    text = text_of(doc)
    start = doc[sent.end].idx
    while start < len(text) and text[start].isspace():
        start += 1
    if "\n" not in text[last.idx : start] or text[start : start + 1] in QUOTE_OPENINGS:
        return None
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    return (start, end) if len(text[start:end].split()) >= MIN_WORDS_OF_PARAGRAPH else None


QUOTE_OPENINGS = frozenset({'"', "“", "'", "‘", "`"})
MIN_WORDS_OF_PARAGRAPH = 4


def subject_of(verb: Token, in_quote: Callable[[Token], bool]) -> Token | None:
    """The verb's subject; a participle ("..., stating to X") or a coordinated verb takes the
    subject of the verb it hangs from. Words inside quotation marks never speak."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not in_quote(c)]
        if subjects:
            return past_dateline(subjects[0])
        if verb.dep_ not in ("advcl", "xcomp", "conj", "acomp") or verb.head is verb:
            return named_after_quote(verb, in_quote)
        verb = verb.head
    return None


DATELINE_DASHES = frozenset({"--", "-", "—", "–"})


def past_dateline(subject: Token) -> Token:
    """The subject after a dateline the parser took for it ("ST CATHERINE, Jamaica -- Police
    said ..."): a place in capitals opening the sentence, a dash, then the real subject, which
    the parser hung on the place as an apposition."""
    if not (subject.is_upper and subject.left_edge.i == subject.sent.start):
        return subject
    dashes = [t for t in subject.children if t.text in DATELINE_DASHES]
    after = [c for c in subject.children if c.dep_ == "appos" and dashes and c.i > dashes[0].i]
    return after[0] if after else subject
