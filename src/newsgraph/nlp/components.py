"""newsgraph's spaCy components. Each takes a `Doc`, adds its results to it, returns it.

Results live on the Doc (`doc._.dates`), so offsets come from spans and `nlp.pipe` batches
every stage together. The analyzer reads them into the record model.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.nlp.dates import resolve_date, with_context_year
from newsgraph.records import DateMention

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
if not Doc.has_extension("dates"):
    Doc.set_extension("dates", default=None)

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Time expressions the NER model sometimes misses; found by pattern and resolved like the rest.
DATE_PATTERNS = re.compile(
    rf"\b(?:(?:early|late|mid)[\s-])?{_MONTHS}\s+[0-3]?\d(?:st|nd|rd|th)?(?:,?\s+(?:1[6-9]|20)\d\d)?\b"
    rf"|\b[0-3]?\d\s+{_MONTHS}(?:\s+(?:1[6-9]|20)\d\d)?\b"
    rf"|\b(?:(?:early|late|mid)[\s-])?{_MONTHS}\s+(?:1[6-9]|20)\d\d\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b(?:last|this|next)\s+(?:week|month|year)\b"
    r"|\b(?:yesterday|today|tomorrow)\b",
)

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
        if len(ent) > 1 and ent[-1].text in ("'s", "’s", "'", "’"):
            ent = Span(doc, ent.start, ent.end - 1, label=ent.label_)
        fixed.append(ent)
    doc.ents = fixed
    return doc


@Language.component("newsgraph_dates", requires=["doc.ents"], assigns=["doc._.dates"])
def find_dates(doc: Doc) -> Doc:
    """Normalise every time expression against `doc._.published` (a date or None).

    Reads DATE entities and pattern matches the model missed; writes `doc._.dates`, a list of
    `DateMention` with offsets into the text. Ages ("Gusev, 45") are dropped.
    """
    anchor = _as_date(doc._.published)
    spans: list[tuple[int, int]] = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    for match in DATE_PATTERNS.finditer(doc.text):
        if not any(s < match.end() and match.start() < e for s, e in spans):
            spans.append((match.start(), match.end()))
    mentions: list[DateMention] = []
    years_by_month: dict[int, int] = {}
    for start, end in sorted(spans):
        text = doc.text[start:end]
        for value in resolve_date(text, anchor):
            if value.value and value.granularity in ("day", "month") and value.value[:4].isdigit():
                if value.status == "resolved":
                    years_by_month[int(value.value[5:7])] = int(value.value[:4])
                elif value.status == "estimated":
                    value.value = with_context_year(value.value, years_by_month)
            mentions.append(
                DateMention(
                    text=text[value.start : value.end],
                    start=start + value.start,
                    end=start + value.end,
                    value=value.value,
                    granularity=value.granularity,  # type: ignore[arg-type]
                    status=value.status,  # type: ignore[arg-type]
                    modifier=value.modifier,
                    kind=value.kind,  # type: ignore[arg-type]
                )
            )
    doc._.dates = mentions
    return doc


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
