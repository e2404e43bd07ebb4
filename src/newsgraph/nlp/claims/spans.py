"""Where a claim's words begin and end: a complement without its "that", a sentence without
its "according to X" or trailing commas."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.doctext import text_of


def span_of(token: Token) -> tuple[int, int]:
    """A complement clause without its leading "(only) that"."""
    tokens = list(token.subtree)
    while len(tokens) > 1 and tokens[0].dep_ in ("mark", "advmod") and tokens[0].lower_ in ("that", "only", "just"):
        tokens = tokens[1:]
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    return start, end


def strip_comma(doc: Doc, end: int) -> int:
    while end > 0 and text_of(doc)[end - 1] in " ,;\n\t":
        end -= 1
    return end


def main_clause(sent: Span, cut_start: int, cut_end: int) -> tuple[int, int]:
    """The sentence without its 'according to X' phrase."""
    doc = sent.doc
    if cut_start <= sent.start + 1:
        start = doc[min(cut_end + 1, sent.end - 1)].idx
        while start < sent.end_char and text_of(doc)[start] in " ,":
            start += 1
        return start, sentence_end(sent)
    return sent.start_char, strip_comma(doc, doc[cut_start].idx)


def clause_after(sent: Span, position: int) -> tuple[int, int]:
    text = text_of(sent.doc)
    while position < sent.end_char and text[position] in " ,;:":
        position += 1
    end = sentence_end(sent)
    return position, max(position, end)


def sentence_end(sent: Span) -> int:
    """Where a sentence's words end: before trailing spaces, its full stop and commas."""
    text = text_of(sent.doc)
    end = sent.end_char
    while end > sent.start_char and text[end - 1].isspace():
        end -= 1
    if end > sent.start_char and text[end - 1] == ".":
        end -= 1
    return strip_comma(sent.doc, end)
