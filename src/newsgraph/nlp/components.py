"""newsgraph's spaCy components at the door of `nlp/`, shared by every wing: paragraph breaks
as sentence starts, and cheap repairs of the NER model's slips. Each takes a `Doc`, changes it
and returns it.

Results live on the Doc (`doc._.dates`), so offsets come from spans and `nlp.pipe` batches
every stage together. The analyzer reads them into the record model. The analyses' own
components live in their wings (`dates`, `entities`, `claims`, `events`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.nlp.claims import OUTLET_TAIL_WORDS

__all__ = ["fix_entities", "mark_paragraphs"]

OFFICE_WORDS = frozenset({"secretary", "minister", "ministry", "undersecretary"})
PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "we", "i", "you", "his", "hers", "its", "their"})


@Language.component("newsgraph_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    """A sentence never runs across a paragraph break: the token after a newline starts one.

    Runs before the parser, which respects sentence starts set here.
    """
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            following = doc[token.i + 1]
            if not following.is_space:
                following.is_sent_start = True
    return doc


@Language.component("newsgraph_entity_fixes", requires=["doc.ents"], assigns=["doc.ents"])
def fix_entities(doc: Doc) -> Doc:
    """Cheap repairs of the NER model's slips: pronouns are never entities, and a trailing
    possessive "'s" is not part of a name."""
    fixed: list[Span] = []
    for ent in doc.ents:
        if ent.text.lower() in PRONOUNS or not ent.text.strip():
            continue
        if is_truncated_outlet(ent) or is_headline_org(ent) or is_title_word(ent):
            continue
        if ent.label_ == "ORG" and (cut := _possessive_split(ent)) is not None:
            fixed.extend(cut)
            continue
        if len(ent) > 1 and ent[-1].text in ("'s", "’s", "'", "’"):
            ent = Span(doc, ent.start, ent.end - 1, label=ent.label_)
        if ent.label_ in NAME_LABELS:
            name = name_words(ent)
            if name is None:
                continue
            ent = name
        fixed.append(ent)
    doc.ents = fixed + names_tagged_elsewhere(doc, fixed)
    return doc


PROPAGATED_LABELS = frozenset({"PERSON", "ORG", "GPE"})


def names_tagged_elsewhere(doc: Doc, ents: list[Span]) -> list[Span]:
    """Mentions of a name the model tagged in one place of the article and missed in another
    ("Fahie said" after "Premier Andrew Fahie"): the same words, capitalised, outside every
    entity. A single word that opens a sentence is left alone ("Will", "May")."""
    names: dict[tuple[str, ...], str] = {}
    for ent in ents:
        words = tuple(t.text for t in ent)
        if ent.label_ in PROPAGATED_LABELS and all(w[:1].isupper() for w in words) and len("".join(words)) >= 3:
            names.setdefault(words, ent.label_)
    if not names:
        return []
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(names, key=len, reverse=True):
        by_first.setdefault(words[0], []).append(words)
    found: list[Span] = []
    for token in doc:
        if token.i in taken or token.text not in by_first:
            continue
        for words in by_first[token.text]:
            end = token.i + len(words)
            if end > len(doc) or tuple(t.text for t in doc[token.i : end]) != words:
                continue
            if any(i in taken for i in range(token.i, end)) or (len(words) == 1 and token.is_sent_start):
                continue
            found.append(Span(doc, token.i, end, label=names[words]))
            taken.update(range(token.i, end))
            break
    return found


# Labels of names, which hold neither a contraction nor a verb.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
CONTRACTIONS = frozenset({"n't", "n’t", "'re", "’re", "'ll", "’ll", "'ve", "’ve", "'m", "’m", "'d", "’d"})


def name_words(ent: Span) -> Span | None:
    """The name in an entity span, or None where there is none: no contraction ("n't" tagged a
    place), no span without a capital ("the"), no verb cut in at its edges ("Meghan cry" is
    "Meghan"; "Taking Archie" is "Archie")."""
    if any(t.lower_ in CONTRACTIONS for t in ent) or not any(t.text[:1].isupper() for t in ent):
        return None  # a name has a capital: "the" or "n't" tagged as one is none
    start, end = ent.start, ent.end
    doc = ent.doc
    while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha:
        end -= 1  # a name ends in a capitalised word
    while end - start > 1 and doc[start].tag_ in ("VBG", "VBD", "VBZ", "VBP", "VB") and doc[start].pos_ == "VERB":
        start += 1  # "Taking Archie": a verb opening a sentence, capitalised
    if (start, end) == (ent.start, ent.end):
        return ent
    cut = Span(doc, start, end, label=ent.label_)
    return cut if any(t.text[:1].isupper() for t in cut) else None


def is_truncated_outlet(span: Span) -> bool:
    """ "told Digital": one outlet-tail word after a speech verb or "to", capitalised, alone."""
    if span.label_ != "ORG" or len(span) != 1 or span.text.lower() not in OUTLET_TAIL_WORDS:
        return False
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return before in ("told", "to", "tells", "telling")


def is_title_word(span: Span) -> bool:
    """ "Secretary of State": the last word of an office is not an organisation."""
    if span.label_ != "ORG" or len(span) != 1 or span.start < 2:
        return False
    doc = span.doc
    return doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in OFFICE_WORDS


def _possessive_split(span: Span) -> list[Span] | None:
    """ "the Defense Ministry's Penza Institute" names two organisations, not one."""
    for token in span[1:-1]:
        if token.text in ("'s", "’s") and span.doc[token.i + 1].is_title:
            return [Span(span.doc, span.start, token.i, "ORG"), Span(span.doc, token.i + 1, span.end, "ORG")]
    return None


def is_headline_org(span: Span) -> bool:
    """A Title Case headline line is not an organisation, however capitalised."""
    if span.label_ != "ORG" or len(span) < 4:
        return False
    sentence = span.sent
    words = [t for t in sentence if t.is_alpha]
    if len(words) < 5 or sentence.text.rstrip()[-1:] in '.!?"”':
        return False
    return len(span) / max(1, len(words)) >= 0.5 and all(t.text[0].isupper() for t in words if len(t) > 3)
