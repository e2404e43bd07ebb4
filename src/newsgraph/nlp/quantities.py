"""Quantities: the numbers an article states about something (deaths, injured, buildings, tonnes),
with their hedges ("at least 23", "about 400") as bounds, so that outlets can be compared:
"about 400" and "more than 400" agree, "23 dead" and "31 dead" do not."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.nlp.dates import NUMBER_WORDS
from newsgraph.nlp.doctext import text_of
from newsgraph.records import Quantity, Sentence

if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=None)

# Words that say what a count of people measures.
MEASURE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "killed",
        ("killed", "killing", "kill", "died", "dead", "death", "deaths", "toll", "fatalities", "lives", "bodies"),
    ),
    ("injured", ("injured", "injuring", "wounded", "hurt", "injuries")),
    ("missing", ("missing",)),
    ("arrested", ("arrested", "detained")),
    ("evacuated", ("evacuated", "displaced", "homeless")),
)
PEOPLE_NOUNS = frozenset(
    {"people", "persons", "person", "victims", "residents", "civilians", "children", "dead", "men", "women", "soldiers"}
)
LOWER = ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than")
UPPER = ("nearly", "almost", "up to", "less than", "fewer than", "under", "no more than")
ABOUT = ("about", "around", "roughly", "some", "approximately", "an estimated", "close to")
UNIT_NOUNS = frozenset(
    {"tonnes", "tons", "kilograms", "kilometers", "kilometres", "miles", "percent", "euros", "dollars"}
)
# One name for one measured thing.
SYNONYMS = {"quake": "earthquake", "tremor": "earthquake", "temblor": "earthquake", "blaze": "fire"}
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def number_value(token: Token) -> float | None:
    text = token.text.lower()
    if _NUMBER.match(text):
        if len(text) > 1 and text[0] == "0" and text[1].isdigit():
            return None  # "000" of "31, 000" split by a tokeniser, a code ("007"): not a count
        return float(text.replace(",", ""))
    return float(NUMBER_WORDS[text]) if text in NUMBER_WORDS and text not in ("a", "an") else None


@Language.component("newsgraph_quantities", requires=["token.dep"], assigns=["doc._.quantities"])
def find_quantities(doc: Doc) -> Doc:
    """Write `doc._.quantities`: counted things with bounds and the evidence's offsets."""
    found: list[Quantity] = []
    date_ents = {t.i for e in doc.ents if e.label_ in ("DATE", "TIME", "ORDINAL") for t in e}
    text = text_of(doc)
    for token in doc:
        if token.i in date_ents or token.dep_ not in ("nummod", "pobj", "dobj", "attr", "nsubj", "appos"):
            continue
        value = number_value(token)
        if value is None or (token.dep_ == "nummod" and token.head.like_num):
            continue
        if 1800 <= value <= 2100 and float(value).is_integer() and token.text.isdigit() and len(token.text) == 4:
            continue  # a year ("the 2023 disaster"), not a count
        measure = _measure(token)
        if measure is None:
            continue
        low, high, qualifier = _bounds(token, value)
        start = token.left_edge.idx
        head = token.head if token.dep_ == "nummod" else token
        end = max(token.idx + len(token.text), head.idx + len(head.text))
        if token.dep_ == "nummod":
            added, last = _conjoined_people(head)
            value, low, high = value + added, low + added, None if high is None else high + added
            end = max(end, last.idx + len(last.text))
        sent = token.sent
        found.append(
            Quantity(
                measure=measure,
                value=value,
                low=low,
                high=high,
                qualifier=qualifier,
                text=text[start:end],
                start=start,
                end=end,
                sentence=Sentence(sent.start_char, sent.end_char),
            )
        )
    doc._.quantities = found
    return doc


OTHER_CLAUSES = frozenset({"advcl", "conj", "ccomp", "relcl", "parataxis", "cc"})
PERSON_NOUNS = PEOPLE_NOUNS | {"man", "woman", "child", "boy", "girl", "officer", "soldier", "policeman"}


def _conjoined_people(noun: Token) -> tuple[float, Token]:
    """People counted in parts: "two women and one man died" is three dead. Returns the count
    the conjoined nouns add (a bare "a man" is one) and the last of them."""
    added, last = 0.0, noun
    if noun.lower_ not in PERSON_NOUNS:
        return added, last
    for conjoined in noun.conjuncts:
        if conjoined.i < noun.i or conjoined.lower_ not in PERSON_NOUNS:
            continue
        numbers = [number_value(c) for c in conjoined.children if c.dep_ == "nummod"]
        single = any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in conjoined.children)
        if numbers and numbers[0] is not None:
            added += numbers[0]
        elif single or conjoined.tag_ == "NN":
            added += 1
        else:
            continue
        last = max(last, conjoined, key=lambda t: t.i)
    return added, last


def _measure(number: Token) -> str | None:
    """What is counted: a cue word for people ("killed"), else the counted noun."""
    noun = number.head if number.dep_ == "nummod" else None
    if (
        number.dep_ == "pobj"
        and number.head.lower_ in ("to", "at")
        and number.head.head.lower_ in ("toll", "climbs", "rose", "risen", "stood", "stands", "put")
    ):
        return "killed"  # "raising the death toll to 31", "put the toll at 23"
    if noun is None or noun.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    # The noun, what governs it and what else that says of it ("left three people dead"); not
    # another clause hung on it ("shooting three people, killing one").
    siblings = [t for t in noun.head.children if t.dep_ not in OTHER_CLAUSES]
    clause = [noun, noun.head, *siblings, *noun.children]
    words = {t.lower_ for t in clause}
    if noun.lower_ in PEOPLE_NOUNS or noun.lower_ == "dead":
        for name, cues in MEASURE_CUES:
            if words & set(cues):
                return name
        return None  # "23 people" with nothing said of them is not comparable
    if noun.lower_ in UNIT_NOUNS:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        goods = next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None
        return f"{noun.lower_} of {goods.lower_}" if goods is not None else noun.lower_
    if noun.lower_ in ("magnitude",):
        return "magnitude"
    return SYNONYMS.get(noun.lower_, noun.lower_)


def _bounds(number: Token, value: float) -> tuple[float, float | None, str | None]:
    before = " ".join(t.lower_ for t in number.doc[max(0, number.i - 3) : number.i])
    for phrase in LOWER:
        if before.endswith(phrase):
            return value, None, phrase
    for phrase in UPPER:
        if before.endswith(phrase):
            return 0.0, value, phrase
    for phrase in ABOUT:
        if before.endswith(phrase):
            return value * 0.9, value * 1.1, phrase
    return value, value, None
