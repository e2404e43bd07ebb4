"""The evidence of a claim's attribution: the cue's and the source's offsets, and how sure the
speaker is. Kept apart from `finder`, which decides what is a claim and who says it."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.nlp.claims import rules
from newsgraph.nlp.doctext import text_of
from newsgraph.records import Speaker, TextSpan


def cue_span(cue: Token | None) -> TextSpan | None:
    """The attribution words: the verb, or "according to"."""
    if cue is None:
        return None
    last = cue
    if cue.lower_ == "according" and cue.i + 1 < len(cue.doc) and cue.doc[cue.i + 1].lower_ == "to":
        last = cue.doc[cue.i + 1]
    end = last.idx + len(last.text)
    return TextSpan(cue.idx, end, text_of(cue.doc)[cue.idx : end])


def source_span(head: Token | None) -> TextSpan | None:
    """The mention naming the speaker: a pronoun alone, else the subject's whole phrase."""
    if head is None:
        return None
    doc = head.doc
    first, last = (head, head) if head.lower_ in rules.PRONOUNS else (doc[head.left_edge.i], doc[head.right_edge.i])
    start, end = first.idx, last.idx + len(last.text)
    text = text_of(doc)
    while end > start and text[end - 1] in _AROUND_SOURCE:
        end -= 1
    while start < end and text[start] in _AROUND_SOURCE:
        start += 1
    return TextSpan(start, end, text[start:end])


_AROUND_SOURCE = frozenset(" ,;:\"“”'‘’\n")

# How sure a speaker is, by how it was found: shown beside it, and set at or a little under the
# share of speakers found that way that our coders judged right (bench/speakers.py, 2026-12-03,
# claims of real news: named 27 of 27, described 22 of 22, carried on 26 of 29, pronouns
# resolved 102 of 119, phrases 8 of 8 (too few to say more than before)).
NAMED_CONFIDENCE = 0.9  # a name (or an outlet, an organisation) next to the cue
DESCRIBED_CONFIDENCE = 0.8  # "a senior official", "sources close to the talks"
CARRIED_CONFIDENCE = 0.8  # the speaker of the quote before, or of the sentence introducing it
PRONOUN_CONFIDENCE = 0.8  # "she said", "it said": the person or body meant, where one is clearly meant
PHRASE_CONFIDENCE = 0.7  # "critics of the program", "the agency" taken for the outlet named before
UNRESOLVED_CONFIDENCE = 0.3  # a pronoun that names no one


def confidence(head: Token | None, speaker: Speaker | None) -> float | None:
    if speaker is None:
        return None
    if head is not None and head.lower_ in rules.PRONOUNS:
        resolved = speaker.name or (speaker.description or "").lower() not in rules.PRONOUNS
        return PRONOUN_CONFIDENCE if resolved else UNRESOLVED_CONFIDENCE
    phrase = list(head.doc[head.left_edge.i : head.right_edge.i + 1]) if head is not None else []
    if any(t.ent_type_ in ("PERSON", "ORG") for t in phrase):
        return NAMED_CONFIDENCE
    if speaker.role or speaker.anonymous or speaker.organisation:
        return DESCRIBED_CONFIDENCE
    return PHRASE_CONFIDENCE if speaker.name else UNRESOLVED_CONFIDENCE

