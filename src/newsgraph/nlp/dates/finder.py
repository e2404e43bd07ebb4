"""The date component: every time expression in a text, normalised against the publication date.

Reads DATE entities and what patterns find that NER misses (`time_words`, `year_parts`,
`DATE_PATTERNS`), resolves them in text order so that "that day" can take the reference time,
splits a span that fails as a whole, and decides which Tuesday or April a yearless expression
means from the tense of its clause (`clause_tense`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.nlp.dates import time_words, year_parts
from newsgraph.nlp.dates.patterns import MONTH_NAMES, PARTS_OF_DAY, WEEKDAY_NAMES
from newsgraph.nlp.dates.resolve import DateValue, resolve_date, with_context_year
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
    rf"|\b(?:last|next)\s+{_MONTHS}(?!\.?\s*\d)"
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
DAY_WORDS = re.compile(rf"\b(?:{WEEKDAY_NAMES}|today|tonight|yesterday|tomorrow)\b", re.I)
PART_OF_DAY = re.compile(rf"\s+(?:{PARTS_OF_DAY})\b", re.I)
# Words that make a clause future or past when they govern its verb.
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
# "is scheduled for Tuesday": these participles look ahead when their auxiliary is present tense.
FUTURE_PARTICIPLES = frozenset({"scheduled", "expected", "due", "set", "planned", "slated", "going"})
PLANNING_VERBS = frozenset(
    {"planned", "plans", "plan", "scheduled", "schedules", "postponed", "delayed", "announced plans"}
)
PRESENT_AUX = frozenset({"is", "are", "'s", "'re", "am"})


@Language.component("newsgraph_dates", requires=["doc.ents"], assigns=["doc._.dates"])
def find_dates(doc: Doc) -> Doc:
    """Normalise every time expression against `doc._.published` (a date or None).

    Reads DATE entities and pattern matches the model missed; writes `doc._.dates`, a list of
    `DateMention` with offsets into the text. Ages ("Gusev, 45") are dropped. Expressions such
    as "that day" take their value from the reference time, the last date resolved before them.
    """
    anchor = _as_date(doc._.published)
    text = text_of(doc)
    spans: list[tuple[int, int]] = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    for ent in doc.ents:
        if ent.label_ == "TIME" and (day := DAY_WORDS.search(ent.text)):
            part = PART_OF_DAY.match(ent.text, day.end())  # keep "Wednesday night" whole
            spans.append((ent.start_char + day.start(), ent.start_char + (part.end() if part else day.end())))
    for found_start, found_end in _pattern_spans(text, 0, len(text)):
        overlapped = [(s, e) for s, e in spans if s < found_end and found_start < e]
        if all(found_start <= s and e <= found_end for s, e in overlapped):
            # A pattern that takes in what NER tagged and more ("the day before last Tuesday's").
            spans = [span for span in spans if span not in overlapped] + [(found_start, found_end)]
    # Clock times NER tags right before a day ("9 a.m. EST Tuesday"), by where that day starts.
    clocks = {
        ent.end_char + len(gap[0]): (ent.start_char, clock)
        for ent in doc.ents
        if ent.label_ == "TIME"
        and (clock := CLOCK.fullmatch(ent.text))
        and (gap := CLOCK_GAP.match(text, ent.end_char))
    }
    finder = _DateFinder(doc, anchor, clocks)
    for start, end in sorted(spans):
        finder.add(start, end)
    doc._.dates = finder.mentions
    return doc


def _pattern_spans(text: str, start: int, end: int, inside: bool = False) -> list[tuple[int, int]]:
    """Time expressions found by pattern between `start` and `end`, longest first where they
    overlap; `inside` a time expression that failed as a whole, weekdays too ("Earlier
    Friday", "early Friday morning")."""
    patterns = (*EXTRA_PATTERNS, DATE_PATTERNS, *((WEEKDAY_WITH_PART,) if inside else ()))
    found = [m.span() for p in patterns for m in p.finditer(text, start, end)]
    found += [m.span(1) for p in (YEAR_AFTER_PREPOSITION, WEEKDAY_AFTER_WORD) for m in p.finditer(text, start, end)]
    kept: list[tuple[int, int]] = []
    for span in sorted(found, key=lambda s: (s[0] - s[1], s[0])):
        if not any(s < span[1] and span[0] < e for s, e in kept):
            kept.append(span)
    return sorted(kept)


class _DateFinder:
    """Resolves spans in text order, keeping the reference time for the ones that need it."""

    def __init__(self, doc: Doc, anchor: dt.date | None, clocks: dict[int, tuple[int, re.Match[str]]]) -> None:
        self.doc, self.anchor, self.text, self.clocks = doc, anchor, text_of(doc), clocks
        self.mentions: list[DateMention] = []
        self.years_by_month: dict[int, int] = {}
        self.reference: time_words.Reference | None = None

    def add(self, start: int, end: int, split: bool = True, modifier: str | None = None) -> None:
        values = self.resolve(start, end)
        if not values and split:
            # A span that fails as a whole is split, not dropped: "the quarter ended Sept. 30";
            # a modifier left outside a part is kept beside it ("Late Monday").
            for inner_start, inner_end in _pattern_spans(self.text, start, end, inside=True):
                if (inner_start, inner_end) != (start, end):
                    left = SPLIT_MODIFIER.search(self.text, start, inner_start)
                    self.add(inner_start, inner_end, split=False, modifier=left[1].lower() if left else None)
            return
        if len(values) == 1 and start in self.clocks and values[0].value and ISO_DAY_VALUE.match(values[0].value):
            # "until 9 a.m. EST Tuesday": a clock time on a day is that day at that time.
            clock_start, clock = self.clocks[start]
            hour = int(clock["hour"]) % 12 + (12 if clock["half"].lower().startswith("p") else 0)
            values[0].value += f"T{hour:02d}:{int(clock['minute'] or 0):02d}"
            values[0].start, values[0].end = 0, values[0].end + start - clock_start
            start = clock_start
        for value in values:
            value.modifier = value.modifier or modifier
            self.keep(start, value)

    def resolve(self, start: int, end: int) -> list[DateValue]:
        text = self.text[start:end]
        if not_a_date(self.doc, start, end):
            return []
        span = self.doc.char_span(start, end, alignment_mode="expand")
        direction = clause_tense(span) if span is not None else None
        if reference := time_words.reference_value(text):
            return [DateValue(0, len(text), reference, None, "resolved")]
        if side := time_words.BEFORE_OR_AFTER_YEAR.fullmatch(text):
            modifier = "after" if side["side"].lower() == "post" else "before"
            return [DateValue(0, len(text), side["year"], "year", "resolved", modifier)]
        if week_end := time_words.weekend(text, self.anchor, direction == "past"):
            return [DateValue(0, len(text), week_end, "week", "estimated")]
        if around := time_words.around_a_date(text, self.anchor, direction):
            return [around]
        if (told := time_words.anaphoric(text, self.reference, self.anchor)) is not None:
            told_value, told_granularity = told
            status = "resolved" if told_value else "unresolved"
            return [DateValue(0, len(text), told_value, told_granularity, status)]
        return resolve_date(text, self.anchor, direction)

    def keep(self, start: int, value: DateValue) -> None:
        value_text = self.text[start + value.start : start + value.end]
        from_weekday = bool(WEEKDAY_WITH_PART.search(value_text))
        told = value.value or ""
        if value.granularity in ("day", "month") and told[:4].isdigit() and told[5:7].isdigit():  # not 1978-XX
            if value.status == "resolved" and not from_weekday:
                self.years_by_month[int(told[5:7])] = int(told[:4])
            elif value.status == "estimated" and not from_weekday:
                # A day inferred from a weekday never takes the year of an earlier mention.
                value.value = with_context_year(told, self.years_by_month)
        if value.value and value.value[:1].isdigit() and value.kind == "date" and value.granularity:
            self.reference = time_words.Reference(value.value, value.granularity)
        self.mentions.append(
            DateMention(
                text=value_text,
                start=start + value.start,
                end=start + value.end,
                value=value.value,
                granularity=value.granularity,  # type: ignore[arg-type]
                status=value.status,  # type: ignore[arg-type]
                modifier=value.modifier,
                kind=value.kind,  # type: ignore[arg-type]
            )
        )


def not_a_date(doc: Doc, start: int, end: int) -> bool:
    """What looks like a time and is not: "now that", a discourse "Now,", "current" or
    "recent" not before a noun, a show's title ("the Today show")."""
    text = text_of(doc)
    words = text[start:end].lower()
    if words == "now" and time_words.is_discourse_now(text, start, end):
        return True
    if words in ("current", "recent", "future", "now", "soon"):
        token = doc.char_span(start, end, alignment_mode="expand")
        root = token.root if token is not None else None
        if root is None or root.ent_type_ in NAME_TYPES or (root.is_title and not root.is_sent_start):
            return True  # a name: "Future Publishing", "Soon Hee Kim"
        if words == "current" and NOT_TIME_AFTER_CURRENT.match(text, end):
            return True  # "the current account deficit", "ocean currents"
        if words in ("current", "recent", "future"):
            return root.dep_ not in ("amod", "compound", "pobj", "dobj", "nsubj")
    if words.endswith("year") and AWARD_OF_THE_YEAR.search(text, max(0, start - 24), start):
        return True  # "player of the year"
    return bool(SHOW_TITLE.match(text, start)) and text[start].isupper() and start > 0 and text[start - 1] != "\n"


# A weekday after a preposition or a time word is a date even where NER missed it ("Late Monday").
WEEKDAY_AFTER_WORD = re.compile(
    rf"\b(?:on|early|late|earlier|later|since|until|by)\s+((?:{WEEKDAY_NAMES})(?:\s+(?:{PARTS_OF_DAY}))?)\b", re.I
)
CLOCK = re.compile(
    r"(?:at\s+)?(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<half>a\.?m\.?|p\.?m\.?)(?:\s+[A-Z]{2,4})?",
    re.I,
)
CLOCK_GAP = re.compile(r"\s+(?:on\s+)?")
ISO_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SPLIT_MODIFIER = re.compile(r"\b(early|late|mid|earlier|later)[\s-]*$", re.I)
WEEKDAY_WITH_PART = re.compile(
    rf"\b(?:(?:last|this|next)\s+)?(?:{WEEKDAY_NAMES})(?:\s+(?:{PARTS_OF_DAY}))?\b", re.I
)
NAME_TYPES = frozenset({"ORG", "PERSON", "GPE", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT", "LAW"})
NOT_TIME_AFTER_CURRENT = re.compile(r"\s+(?:account|accounts|affairs|events)\b", re.I)
AWARD_OF_THE_YEAR = re.compile(
    r"\b(?:person|player|man|woman|coach|car|album|song|book|word|rookie|team|manager)\s+of\s+$", re.I
)
SHOW_TITLE = re.compile(r"(?:Today|Tonight|Tomorrow)(?:['’]s)?\s+(?:show|program|programme|broadcast)\b")
EXTRA_PATTERNS = (
    time_words.DAY_AROUND_A_WEEKDAY,
    time_words.BEFORE_OR_AFTER_YEAR,
    year_parts.PART_OF_YEAR,
    year_parts.FISCAL_YEAR,
    year_parts.HOLIDAY,
    time_words.WEEKEND,
    time_words.ANAPHORIC,
    time_words.REFERENCE_WORD,
)


def clause_tense(span: Span) -> Literal["past", "future"] | None:
    """Past or future, from the verb that governs a time expression (None when unclear)."""
    root = span.root
    verb = root
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head.lemma_ == "have":
        verb = verb.head  # "had to seek help on Friday": an obligation's tense is its own ("decided to
        # admit them in March" is not: the admission comes after the decision)
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {aux.lower_ for aux in auxes}
    past_perfect = "had" in words
    deadline = _deadline_word(span)
    if deadline and not past_perfect and not (deadline == "through" and verb.tag_ == "VBD"):
        return "future"  # "postponed until Tuesday", "has given them until 9 a.m. Tuesday"
    if words & FUTURE_AUX or (verb.lower_ in FUTURE_PARTICIPLES and words & PRESENT_AUX):
        return "future"
    if verb.lower_ in PLANNING_VERBS and not (verb.tag_ == "VBN" and not auxes):
        return "future"  # "protesters planned a demonstration on Saturday"; not "a service planned for ..."
    if verb.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxes) or words & {"has", "have", "had"}:
        return "past"
    if verb.tag_ == "VBN" and not auxes:
        # A participle on its own tells no tense: "the injunction issued Thursday" is past, "a
        # summit set for April" ahead, "a service planned for Saturday was cancelled" past.
        if verb.lower_ in FUTURE_PARTICIPLES | PLANNING_VERBS:
            main = verb.sent.root
            main_auxes = [c for c in main.children if c.dep_.startswith("aux")]
            return "past" if main.tag_ == "VBD" or any(c.tag_ == "VBD" for c in main_auxes) else "future"
        return "past"
    if verb.tag_ in ("VBZ", "VBP") and verb.lower_ not in ("is", "are", "'s", "'re", "says", "say"):
        return "future"  # "the committee meets Tuesday"
    return None


DEADLINE_WORDS = frozenset({"until", "till", "by", "through", "effective", "payable"})


def _deadline_word(span: Span) -> str | None:
    """The word that makes a time a deadline ahead: "until Tuesday", "until 9 a.m. Tuesday",
    "effective Jan. 1" ("continued through Friday" in the past tense is not one)."""
    doc = span.doc
    for token in doc[max(span.sent.start, span.start - 4) : span.start]:
        between = doc[token.i + 1 : span.start]
        if (
            token.lower_ in DEADLINE_WORDS
            and not any(t.pos_ == "VERB" for t in between)
            and (token.lower_ != "by" or between.text == "")
        ):
            return token.lower_
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
