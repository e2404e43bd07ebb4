"""newsgraph's spaCy components. Each takes a `Doc`, adds its results to it, returns it.

Results live on the Doc (`doc._.dates`), so offsets come from spans and `nlp.pipe` batches
every stage together. The analyzer reads them into the record model.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.nlp.attribution_rules import OUTLET_TAIL_WORDS
from newsgraph.nlp.date_patterns import MONTH_NAMES
from newsgraph.nlp.dates import resolve_date, with_context_year
from newsgraph.nlp.doctext import text_of
from newsgraph.records import DateMention

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
if not Doc.has_extension("dates"):
    Doc.set_extension("dates", default=None)

_MONTHS = rf"(?:{MONTH_NAMES})\.?"
# Time expressions the NER model sometimes misses; found by pattern and resolved like the rest.
DATE_PATTERNS = re.compile(
    rf"\b(?:(?:early|late|mid)[\s-])?{_MONTHS}\s+[0-3]?\d(?:st|nd|rd|th)?(?:,?\s+(?:1[6-9]|20)\d\d)?\b"
    rf"|\b[0-3]?\d\s+{_MONTHS}(?:\s+(?:1[6-9]|20)\d\d)?\b"
    rf"|\b(?:(?:early|late|mid)[\s-])?{_MONTHS}\s+(?:1[6-9]|20)\d\d\b"
    rf"|\b(?:last|next)\s+{_MONTHS}(?!\s*\d)"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b(?:last|this|next)\s+(?:week|month|year)\b"
    r"|\b(?:yesterday|today|tomorrow|tonight)\b",
    re.I,
)
# A bare year after a preposition ("since 1994"); the year alone is the expression.
YEAR_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|since|by|until|during|before|after|of)\s+((?:1[89]|20)\d\d)\b(?![-\d])", re.I
)
# TIME entities that name a day ("Wednesday night", "this morning") give that day.
DAY_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|tomorrow)\b", re.I
)
PART_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)\b", re.I)
# Words that make a clause future or past when they govern its verb.
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
# "is scheduled for Tuesday": these participles look ahead when their auxiliary is present tense.
FUTURE_PARTICIPLES = frozenset({"scheduled", "expected", "due", "set", "planned", "slated", "going"})
PLANNING_VERBS = frozenset(
    {"planned", "plans", "plan", "scheduled", "schedules", "postponed", "delayed", "announced plans"}
)
PRESENT_AUX = frozenset({"is", "are", "'s", "'re", "am"})

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
        fixed.append(ent)
    doc.ents = fixed
    return doc


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


@Language.component("newsgraph_dates", requires=["doc.ents"], assigns=["doc._.dates"])
def find_dates(doc: Doc) -> Doc:
    """Normalise every time expression against `doc._.published` (a date or None).

    Reads DATE entities and pattern matches the model missed; writes `doc._.dates`, a list of
    `DateMention` with offsets into the text. Ages ("Gusev, 45") are dropped.
    """
    anchor = _as_date(doc._.published)
    spans: list[tuple[int, int]] = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    for ent in doc.ents:
        if ent.label_ == "TIME" and (day := DAY_WORDS.search(ent.text)):
            part = PART_OF_DAY.match(ent.text, day.end())  # keep "Wednesday night" whole
            spans.append((ent.start_char + day.start(), ent.start_char + (part.end() if part else day.end())))
    found = [m.span() for m in DATE_PATTERNS.finditer(text_of(doc))]
    found += [m.span(1) for m in YEAR_AFTER_PREPOSITION.finditer(text_of(doc))]
    for found_start, found_end in found:
        if not any(s < found_end and found_start < e for s, e in spans):
            spans.append((found_start, found_end))
    mentions: list[DateMention] = []
    years_by_month: dict[int, int] = {}
    for start, end in sorted(spans):
        text = text_of(doc)[start:end]
        span = doc.char_span(start, end, alignment_mode="expand")
        direction = clause_tense(span) if span is not None else None
        for value in resolve_date(text, anchor, direction):
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


def clause_tense(span: Span) -> Literal["past", "future"] | None:
    """Past or future, from the verb that governs a time expression (None when unclear)."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in ("until", "till", "by"):
        return "future"  # "postponed until Tuesday": a deadline ahead
    verb = root
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {aux.lower_ for aux in auxes}
    if words & FUTURE_AUX or (verb.lower_ in FUTURE_PARTICIPLES and words & PRESENT_AUX):
        return "future"
    if verb.lower_ in PLANNING_VERBS:
        return "future"  # "protesters planned a demonstration on Saturday"
    if verb.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxes) or words & {"has", "have", "had"}:
        return "past"
    if verb.tag_ == "VBN" and not auxes:
        return "past"  # a participle on its own: "the injunction issued Thursday"
    if verb.tag_ in ("VBZ", "VBP") and verb.lower_ not in ("is", "are", "'s", "'re", "says", "say"):
        return "future"  # "the committee meets Tuesday"
    return None


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
