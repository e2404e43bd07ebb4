"""Canonical entities: every name mention gets an id shared by all mentions of the same thing.

Within an article: "Gusev" is the "Andrei Gusev" named earlier, "FDD" is the "Foundation for
Defense of Democracies" whose initials it is, "Russian" and "the Kremlin" acting are Russia
(gazetteer). Ids are readable and stable across articles and databases: `country:ru`,
`org:reuters`, `person:andrei-gusev`, `gpe:amirabad`. A capital or seat of government stands
for its country only when it acts (the subject of a verb, or a possessor: "Moscow agreed",
"Tehran's program"); "flights from Moscow" stay at the place `gpe:moscow`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.nlp.entities.gazetteer import DISTRICT, after_particle, lookup, slug
from newsgraph.records import GAZETTEER, INITIALS, OWN_NAME, SHORT_FORM

if not Doc.has_extension("entity_links"):
    Doc.set_extension("entity_links", default=None)

LINKED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
# Words spaCy sometimes leaves at the front of a PERSON span.
PERSON_TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "prime",
        "minister",
        "secretary",
        "senator",
        "sen",
        "rep",
        "gov",
        "governor",
        "general",
        "gen",
        "lt",
        "col",
        "colonel",
        "lieutenant",
        "captain",
        "capt",
        "judge",
        "mayor",
        "king",
        "queen",
        "prince",
        "pope",
        "sir",
        "lady",
        "chancellor",
        "ambassador",
        "officer",
        "detective",
    }
)


# Lower-case words that belong to a name ("Nouri al-Maliki", "Ursula von der Leyen").
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "de", "del", "della", "da", "di", "du", "van", "von", "der", "le", "la"}
)


@dataclass(frozen=True)
class EntityLink:
    entity_id: str
    name: str
    type: str
    reason: str = OWN_NAME


def is_acting(span: Span) -> bool:
    """The name is a participant, not a location: subject, agent or possessor of something."""
    root = span.root
    while root.dep_ == "conj" and root.head is not root:  # "Moscow and Tehran solidified"
        root = root.head
    if root.dep_ in ACTING_DEPS:
        return True
    return root.dep_ == "compound" and root.head.dep_ in ACTING_DEPS


def person_name(span: Span) -> str:
    """The name without the titles spaCy leaves at its front, spaced as written ("Nouri
    al-Maliki", not "Nouri al - Maliki", so that "al-Maliki" alone is his surname)."""
    tokens = [t for t in span if not t.is_punct or t.text in ("-", "'")]
    while len(tokens) > 1 and (
        tokens[0].lower_.rstrip(".") in PERSON_TITLES
        or (tokens[0].is_lower and tokens[0].is_alpha and tokens[0].lower_ not in NAME_PARTICLES)
    ):  # "President Bush", "nutritionist Joy Bauer"
        tokens = tokens[1:]
    text = "".join(t.text_with_ws for t in tokens).strip()
    return re.sub(r"\s+", " ", text)


def initials(name: str) -> str:
    """"CAIR" of "Council on American-Islamic Relations": each capitalised word's first letter."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def without_middle_initials(name: str) -> str:
    """"Gerald Ford" of "Gerald R. Ford": one person, named with and without the initial."""
    parts = name.split()
    if len(parts) < 3:
        return name
    kept = [parts[0]] + [p for p in parts[1:-1] if len(p.rstrip(".")) > 1] + [parts[-1]]
    return " ".join(kept)


@Language.component("newsgraph_entity_links", requires=["doc.ents"], assigns=["doc._.entity_links"])
def link_entities(doc: Doc) -> Doc:
    """Give each entity mention its canonical entity (`doc._.entity_links`, aligned with
    `doc.ents`; None for numbers, dates and the like)."""
    ents = list(doc.ents)
    people: dict[str, str] = {}  # surname or single name -> full name, from this article
    for ent in ents:
        if ent.label_ == "PERSON":
            name = person_name(ent)
            parts = name.split()
            if len(parts) > 1:
                people.setdefault(parts[-1].lower(), name)
                people.setdefault(parts[0].lower(), name)
                if (rest := after_particle(parts[-1])) is not None:  # "al-Maliki" is also "Maliki"
                    people.setdefault(rest.lower(), name)
    for ent in ents:  # single names, unless a full name above claimed them
        if ent.label_ == "PERSON" and len(person_name(ent).split()) == 1:
            people.setdefault(person_name(ent).lower(), person_name(ent))
    long_orgs: dict[str, str] = {}  # initials -> long name
    for ent in ents:
        if ent.label_ == "ORG" and len(ent) >= 2:
            long_name = _clean(ent.text)
            if len(initials(long_name)) >= 2:
                long_orgs.setdefault(initials(long_name), long_name)
    longer_orgs = short_org_names([company_name(_clean(e.text)) for e in ents if e.label_ == "ORG"])
    links = [_link(ent, people, long_orgs, longer_orgs) for ent in ents]
    for i, (ent, after) in enumerate(pairwise(ents)):
        # "Washington, D.C." the parser cut in two: the city is the district, not the state.
        district = links[i + 1]
        comma_between = doc.text[ent.end_char : after.start_char].strip() == ","
        if district is not None and district.entity_id == DISTRICT and ent.text == "Washington" and comma_between:
            links[i] = district
    doc._.entity_links = links
    return doc


def short_org_names(names: list[str]) -> dict[str, str]:
    """A short organisation name -> the one longer name of the article it opens or ends ("Nasdaq"
    -> "Nasdaq Stock Market", "Congress" -> "U.S. Congress"); none where two could be meant."""
    found: dict[str, set[str]] = {}
    distinct = {n for n in names if n}
    for short in distinct:
        for long in distinct:
            opens = long.lower().startswith(short.lower() + " ")
            ends = long.lower().endswith(" " + short.lower())
            if len(long) > len(short) and (opens or ends):
                found.setdefault(short.lower(), set()).add(long)
    return {short: longs.pop() for short, longs in found.items() if len(longs) == 1}


def _clean(text: str) -> str:
    text = text.replace("’", "'").strip()
    text = re.sub(r"^(?:the|The)\s+", "", text)
    text = re.sub(r"\s*'s?$", "", text)
    text = re.sub(r"\s*\(\s*[A-Z][\w.&-]*\s*\)?$", "", text)  # "Council on ... (CAIR)": the name alone
    text = re.sub(r"\s*<[^<>]*>?$", "", text)  # a stock ticker in brackets: "Volkswagen AG <VOWG.F>"
    return re.sub(r"\s+", " ", text).strip(" .,;:")


# A company's legal form, which one mention gives and the next leaves out ("Home Depot Inc",
# "Home Depot"; "General Electric Co PLC"): not part of the name an id is made from.
_LEGAL_FORM = re.compile(r"(?:,?\s+(?:Inc|Corp|Corps|Corporation|Co|Cos|Plc|PLC|Ltd|LLC|L\.L\.C|AG|SA|NV|N\.V)\.?)+$")


# A stock symbol written after the legal form, as wire copy does ("Pennzoil Co PZL",
# "Volkswagen AG VOWG.F").
_TICKER = re.compile(r"(\s(?:Inc|Ltd|Plc|PLC|LLC|Co|Corp|AG|SA|NV)\.?)\s+[A-Z]{2,6}(?:\.[A-Z]{1,2})?$")


def company_name(name: str) -> str:
    """The name without its stock symbol and legal form ("Kidder, Peabody and Co" is "Kidder,
    Peabody"); the whole name when nothing else would be left."""
    bare = _LEGAL_FORM.sub("", _TICKER.sub(r"\1", name)).strip()
    bare = re.sub(r"[\s,]+(?:and|&)$", "", bare).strip(" ,")
    return bare or name


def _link(
    ent: Span, people: dict[str, str], long_orgs: dict[str, str], longer_orgs: dict[str, str]
) -> EntityLink | None:
    label = ent.label_
    if label not in LINKED_LABELS:
        return None
    known = lookup(ent.text)
    if known is not None and known.relation == "abbreviation":
        if "." in ent.text or _dot_after(ent):  # "Tenn.", "W.Va." (its dot maybe split off), whatever the tag
            return EntityLink(known.entity_id, known.name, known.type, GAZETTEER)
        if label != "GPE":
            known = None  # "Ind", "La" without their dot are a state only where tagged a place
    if label == "ORG" and len(ent) == 1 and ent.text.lower() in people:
        label = "PERSON"  # "led by Trump" tagged ORG where Trump is a person named in the article
    if label == "PERSON":
        name = person_name(ent)
        parts = name.split()
        reason = OWN_NAME
        if len(parts) == 1:
            name = people.get(parts[0].lower(), name)
            reason = SHORT_FORM if name != parts[0] else OWN_NAME
        return EntityLink(f"person:{slug(without_middle_initials(name))}", name, "PERSON", reason)
    if known is not None:
        if known.relation in ("capital", "seat") and not is_acting(ent):
            place = _clean(ent.text)
            kind = "fac" if known.relation == "seat" else "gpe"
            return EntityLink(f"{kind}:{slug(place)}", place, kind.upper())
        return EntityLink(known.entity_id, known.name, known.type, GAZETTEER)
    name = _clean(ent.text)
    if not name:
        return None
    reason = OWN_NAME
    if label == "ORG" and name.isupper() and name in long_orgs:
        name, reason = long_orgs[name], INITIALS
        known = lookup(name)
        if known is not None:
            return EntityLink(known.entity_id, known.name, known.type, INITIALS)
    if label == "ORG":
        own = company_name(name)
        name = longer_orgs.get(own.lower(), own)
        reason = SHORT_FORM if name != own else reason
    kind = {"NORP": "group", "LOC": "loc", "FAC": "fac", "GPE": "gpe", "ORG": "org"}.get(label, label.lower())
    return EntityLink(f"{kind}:{slug(name)}", name, label, reason)


def _dot_after(ent: Span) -> bool:
    doc = ent.doc
    return ent.end < len(doc) and not doc[ent.end - 1].whitespace_ and doc[ent.end].text == "."


def entity_maps(doc: Doc) -> tuple[dict[int, Span], dict[int, EntityLink]]:
    """For each token inside an entity: its entity span, and its canonical link if any."""
    links = doc._.entity_links or [None] * len(doc.ents)
    ent_at: dict[int, Span] = {}
    link_at: dict[int, EntityLink] = {}
    for ent, link in zip(doc.ents, links, strict=True):
        for token in ent:
            ent_at[token.i] = ent
            if link is not None:
                link_at[token.i] = link
    return ent_at, link_at
