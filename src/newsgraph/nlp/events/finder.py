"""Events in the PLOVER ontology: who did what to whom, when and where, from the parse.

A trigger verb (or an event noun with an actor: "Iran's missile strikes on Israel") from the
lexicons in `rules` gives the type; the parse gives the actor (subject, or the agent of a
passive), the recipient (object, or the object of a type-specific preposition) and the place;
the nearest date in the clause gives the date. For precision an event needs an actor that is a
named entity or an acting group ("police", "experts"): "an earthquake struck" is no assault.
Every event keeps its trigger's offsets and its sentence, the claim it was reported in, and
whether it is negated or hedged ("reportedly").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.claims import SPEECH_VERBS, verb_lemmas
from newsgraph.nlp.doctext import text_of
from newsgraph.nlp.entities import entity_maps
from newsgraph.nlp.events import rules
from newsgraph.nlp.events.cameo import VerbTypes, typed_verbs
from newsgraph.nlp.events.mentions import told_once
from newsgraph.nlp.events.modality import demanded, generic, hedged, negated
from newsgraph.nlp.events.rules import (
    DICTIONARY_CONFIDENCE,
    LEXICON_CONFIDENCE,
    NOUN_CONFIDENCE,
    PASSIVE_CONFIDENCE,
)
from newsgraph.nlp.events.type_model import learned_type, retyped
from newsgraph.records import Claim, DateMention, Event, EventArgument, EventDate, Sentence, Trigger

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)

ARGUMENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "conj", "relcl", "xcomp", "parataxis", "acl", "pcomp"})
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "to", "from"})
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Index:
    """Entities and links by token, dates and claims by character, for one Doc."""

    def __init__(self, doc: Doc) -> None:
        self.ent_at, self.link_at = entity_maps(doc)
        self.dates: list[DateMention] = [d for d in (doc._.dates or []) if d.kind == "date"]
        self.claims: list[Claim] = list(doc._.claims or [])
        published = doc._.published
        self.reported = str(published)[:10] if published and DAY.match(str(published)) else None


@Language.component(
    "newsgraph_events", requires=["doc.ents", "token.dep", "doc._.dates", "doc._.claims"], assigns=["doc._.events"]
)
def find_events(doc: Doc) -> Doc:
    """Write `doc._.events`: a list of `Event`, in text order."""
    index = _Index(doc)
    events: list[Event] = []
    verbs = rules.verb_forms()
    for token in doc:
        if token.pos_ == "VERB" and token.lower_ in verbs:
            events.extend(_verb_event(token, verbs[token.lower_], index))
        elif token.pos_ == "VERB" and token.lower_ in rules.COME_FORMS:
            events.extend(_under_fire(token, index))
        elif token.pos_ == "NOUN" and token.lower_ in rules.NOUNS:
            events.extend(_noun_event(token, rules.NOUNS[token.lower_], index))
        elif token.pos_ == "NOUN" and token.lower_ in rules.PATIENT_EVENT_NOUNS:
            events.extend(_patient_noun_event(token, rules.PATIENT_EVENT_NOUNS[token.lower_], index))
    covered = {(e.sentence.start, e.sentence.end) for e in events}
    sentences = [(sent, typed_verbs(sent)) for sent in doc.sents]
    for sent, governing in sentences:
        if (sent.start_char, sent.end_char) not in covered:
            events.extend(_dictionary_event(sent, governing, index))
    events.sort(key=lambda e: e.trigger.start)
    doc._.events = told_once(retyped(events, sentences))
    return doc


def _dictionary_event(sent: Span, verbs: VerbTypes, index: _Index) -> list[Event]:
    """Where no trigger of our lexicons acts, the CAMEO dictionary types the sentence's governing
    verb (the reported verb under "said", then verbs it governs: "agreed to set up ..."); else
    the learned model, where it is sure the sentence tells an event."""
    for verb, found in verbs:
        if found is not None and found.by_pattern:
            found_events = _verb_event(verb, (found.type, verb.lower_), index)
            return [replace(e, confidence=DICTIONARY_CONFIDENCE) for e in found_events]
    learned = learned_type(sent, verbs)
    if learned is None:
        return []
    verb, event_type, probability = learned
    return [replace(e, confidence=round(probability, 2)) for e in _verb_event(verb, (event_type, verb.lower_), index)]


def _under_fire(verb: Token, index: _Index) -> list[Event]:
    """ "X came under fire from Y": Y acts on X, the subject is the recipient. Criticism unless Y
    is an armed group ("came under fire from militants")."""
    under = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"), None)
    what = next((c for c in under.children if c.dep_ == "pobj"), None) if under is not None else None
    if what is None or what.lower_ not in rules.UNDER_FIRE:
        return []
    source = _preposition_object(what, "from") or _preposition_object(verb, "from")
    if source is None:
        return []
    event_type = rules.UNDER_FIRE[what.lower_]
    if what.lower_ == "fire" and source.lower_ in rules.ARMED_GROUPS:
        event_type = "ASSAULT"
    return _events(event_type, verb, _argument(source, index), _argument(_subject(verb), index), index)


def _verb_event(verb: Token, entry: tuple[str, str], index: _Index) -> list[Event]:
    event_type, base = entry
    if generic(verb):
        return []  # "when a citizen is arrested abroad": no arrest happened
    needed = rules.NEEDS_OBJECT.get(base)
    if needed and not any(t.lower_ in needed and not _when(t) for t in verb.subtree if t.i != verb.i):
        return []
    if demanded(verb):
        return []  # "urged China to release the activists": the demand is the event
    if base in rules.TYPE_BY_OBJECT:
        words, other_type = rules.TYPE_BY_OBJECT[base]
        if any(t.lower_ in words for t in verb.subtree if t.i > verb.i):
            event_type = other_type  # "imposed a curfew" coerces
    demanded_of = next((c for c in verb.children if c.dep_ == "ccomp"), None) if event_type == "REQUEST" else None
    if demanded_of is not None and _subject(demanded_of) is not None:
        return _request_of(verb, _subject(demanded_of), index)  # "demanded that Israel withdraw"
    addressed = base in rules.ADDRESSED and any(c.dep_ in ("dobj", "dative") for c in verb.children)
    if base in rules.SPEECH_LIKE and not addressed and any(c.dep_ == "ccomp" for c in verb.children):
        return []  # "warned that ...", "denied that ...": a claim, not an act
    if event_type == "REQUEST" and not any(c.dep_ in ("dobj", "dative", "prep") for c in verb.children):
        return []  # "sought to strengthen" asks nothing of anyone
    if base in rules.TRAVEL_VERBS and any(c.dep_ == "dobj" for c in verb.children):
        return []
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    subject = _subject(verb)
    agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
    actor_token = agent if passive else subject
    recipient_token = subject if passive else _object(verb, event_type)
    actor = _argument(actor_token, index)
    if recipient_token is not None and recipient_token.tag_ in ("WDT", "WP") and verb.dep_ in ("relcl", "acl"):
        recipient_token = verb.head  # "the agreement that Chile signed"
    if actor is None or not _can_act(actor_token, index):
        if not (passive and agent is None and _done_to_someone(event_type, verb, recipient_token, index)):
            return []
        actor = None  # "Fahie was detained in Miami": who detained him, the text does not say
    if base == "strike" and actor_token is not None and _labour(actor_token):
        event_type = "PROTEST"
    recipient = _argument(recipient_token, index)
    return _events(event_type, verb, actor, recipient, index)


def _request_of(verb: Token, addressee: Token | None, index: _Index) -> list[Event]:
    subject = _subject(verb)
    if subject is None or not _can_act(subject, index):
        return []
    return _events("REQUEST", verb, _argument(subject, index), _argument(addressee, index), index)


def _when(preposition: Token) -> bool:
    """ "for years", "on Monday": a preposition of time, not the one a verb needs."""
    return any(child.ent_type_ in ("DATE", "TIME") for child in preposition.children)


def _done_to_someone(event_type: str, verb: Token, patient: Token | None, index: _Index) -> bool:
    """A passive act on people with no agent named ("Three people have been arrested")."""
    agentive = event_type == "ASSAULT" and bool(verb_lemmas(verb.text) & rules.AGENTIVE_ASSAULTS)
    if not (event_type in rules.PASSIVE_TYPES or agentive) or patient is None or patient.tag_ in ("WDT", "WP"):
        return False
    return _can_act(patient, index) or patient.lower_ in rules.PATIENT_NOUNS


def _noun_event(noun: Token, event_type: str, index: _Index) -> list[Event]:
    """An event noun needs its own actor: a possessor or a named modifier ("Israel's strike")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and noun.dep_ == "dobj" and noun.head.lower_ in rules.LIGHT_VERBS:
        owner = _subject(noun.head)  # "experts made several trips", "carried out strikes"
        if owner is not None and event_type == "ASSAULT" and noun.lower_.startswith("strike") and _labour(owner):
            event_type = "PROTEST"  # "rail workers began a two-day strike"
        if owner is not None and _can_act(owner, index):
            return _events(event_type, noun, _argument(owner, index), _noun_recipient(noun, event_type, index), index)
        return []
    if owner is None:  # "Iran's missile strikes": the possessor hangs from the compound
        owner = next((p for c in noun.children if c.dep_ == "compound" for p in c.children if p.dep_ == "poss"), None)
    if owner is None:
        owner = next((c for c in noun.children if c.dep_ == "compound" and c.i in index.ent_at), None)
    if owner is None or owner.i not in index.ent_at or index.ent_at[owner.i].label_ not in ARGUMENT_LABELS:
        return []
    actor = _argument(owner, index)
    if actor is None:
        return []
    return _events(event_type, noun, actor, _noun_recipient(noun, event_type, index), index)


def _patient_noun_event(noun: Token, event_type: str, index: _Index) -> list[Event]:
    """ "Fahie's arrest", "the detention of two reporters by police": the possessor or "of" X
    is who it was done to, never the actor; the actor is the "by" object, or no one."""
    patient = next((c for c in noun.children if c.dep_ == "poss"), None) or _preposition_object(noun, "of")
    agent = _preposition_object(noun, "by")
    if patient is None or patient.tag_ in ("PRP$", "WP$") or not _done_to_someone(event_type, noun, patient, index):
        return []
    actor = _argument(agent, index) if agent is not None and _can_act(agent, index) else None
    return _events(event_type, noun, actor, _argument(patient, index), index)


def _preposition_object(head: Token, preposition: str) -> Token | None:
    return next(
        (p for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ == preposition
         for p in c.children if p.dep_ == "pobj"),
        None,
    )


def _noun_recipient(noun: Token, event_type: str, index: _Index) -> EventArgument | None:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in (*rules.RECIPIENT_PREPS.get(event_type, ()), "of"):
            return _argument(next((p for p in child.children if p.dep_ == "pobj"), None), index)
    return None


def _labour(token: Token) -> bool:
    return token.lower_ in rules.LABOUR_NOUNS or any(
        t.lower_ in rules.LABOUR_NOUNS for t in token.rights if t.dep_ == "conj"
    )


def _subject(verb: Token) -> Token | None:
    """The subject, or the one a coordinated or infinitival verb shares ("withdrew ... and
    reimposed", "agreed to assist")."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
        infinitive = verb.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "solidified ... by signing"
            verb = verb.head.head
            continue
        if (verb.dep_ not in ("conj", "xcomp") and not infinitive) or verb.head is verb:
            return None
        verb = verb.head
    return None


def _object(verb: Token, event_type: str) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            return child
    preps = rules.RECIPIENT_PREPS.get(event_type, ())
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            objects = [p for p in child.children if p.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _argument(token: Token | None, index: _Index) -> EventArgument | None:
    if token is None:
        return None
    ent = index.ent_at.get(token.i)
    if ent is None:  # a named entity inside the phrase ("seven Russian experts")
        ent = next((index.ent_at[t.i] for t in token.subtree if t.i in index.ent_at and t.i <= token.i), None)
        if ent is not None and ent.label_ not in ARGUMENT_LABELS:
            ent = None
        end = token.i
        for child in token.rights:  # "the Joint Comprehensive Plan of Action"
            if child.dep_ == "prep" and child.lower_ == "of":
                end = child.right_edge.i
        text = token.doc[token.left_edge.i : end + 1].text
        link = index.link_at.get(ent.root.i) if ent is not None else None
        return EventArgument(text.strip(" ,"), link.entity_id if link else None)
    link = index.link_at.get(ent.root.i)
    return EventArgument(ent.text, link.entity_id if link else None)


def _can_act(token: Token | None, index: _Index) -> bool:
    if token is None:
        return False
    if token.i in index.ent_at:
        return index.ent_at[token.i].label_ in ARGUMENT_LABELS
    if token.lower_ in rules.ACTOR_NOUNS:
        return True
    return any(t.i in index.ent_at and index.ent_at[t.i].label_ in ARGUMENT_LABELS for t in token.subtree)


def _events(
    event_type: str, trigger: Token, actor: EventArgument | None, recipient: EventArgument | None, index: _Index
) -> list[Event]:
    """One event, or one per date when the clause lists several ("on April 24 and September 17");
    with no date in its clause, the day the article reported it."""
    dates = _dates(trigger, index)
    if dates == [None] and index.reported:
        dates = [EventDate(index.reported, "", "day", None, "reported")]
    return [_event(event_type, trigger, actor, recipient, index, date) for date in dates]


def _event(
    event_type: str,
    trigger: Token,
    actor: EventArgument | None,
    recipient: EventArgument | None,
    index: _Index,
    date: EventDate | None,
) -> Event:
    sent = trigger.sent
    lowered = sent.text.lower()
    return Event(
        type=event_type,
        mode=_first_match(rules.MODES.get(event_type, ()), _local_text(trigger)),
        context=_first_match(rules.CONTEXTS, lowered),
        actor=actor,
        recipient=recipient if recipient and (actor is None or recipient.text != actor.text) else None,
        place=_place(trigger, index),
        date=date,
        trigger=Trigger(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
        sentence=Sentence(sent.start_char, sent.end_char),
        attributed_to=_claim_index(trigger, index),
        negated=negated(trigger),
        hedged=hedged(trigger, lowered),
        confidence=NOUN_CONFIDENCE if trigger.pos_ == "NOUN" else LEXICON_CONFIDENCE if actor else PASSIVE_CONFIDENCE,
    )


def _local_text(trigger: Token) -> str:
    """The trigger's own phrase: its subtree, and for a noun its head noun phrase."""
    tokens = list(trigger.subtree)
    return " ".join(t.lower_ for t in tokens)


def _first_match(table: tuple[tuple[str, tuple[str, ...]], ...], text: str) -> str | None:
    for name, words in table:
        if any(f" {w}" in f" {text}" for w in words):
            return name
    return None


def _place(trigger: Token, index: _Index) -> EventArgument | None:
    """A place in a locative phrase of the trigger or of its object, not in another clause."""
    frontier = [trigger]
    for _ in range(4):
        following = []
        for token in frontier:
            for child in token.children:
                if child.dep_ in CLAUSE_DEPS:
                    continue
                if child.dep_ == "pobj" and token.lower_ in PLACE_PREPS and token.lower_ not in ("to", "from"):
                    ent = index.ent_at.get(child.i)
                    if ent is not None and ent.label_ in PLACE_LABELS:
                        link = index.link_at.get(ent.root.i)
                        return EventArgument(ent.text, link.entity_id if link else None)
                following.append(child)
        frontier = following
    return None


def _dates(trigger: Token, index: _Index) -> list[EventDate | None]:
    """The dates of the trigger's clause: all of them when they are one coordinated list,
    else the nearest; for an event noun, its verb's clause ("strikes ... took place on X")."""
    sent = trigger.sent
    inside = [d for d in index.dates if sent.start_char <= d.start < sent.end_char]
    if not inside:
        return [None]
    own = _clause_dates(_scope(trigger), inside)
    if not own and trigger.dep_ == "conj":  # "withdrew ... in 2018 and reimposed sanctions"
        own = _clause_dates(trigger.head, inside)
    if not own and trigger.tag_ == "VBG" and trigger.dep_ == "ccomp" and trigger.head.lower_ in SPEECH_VERBS:
        own = _clause_dates(trigger.head, inside)  # "reported in Sept. 2024 that Russia was sharing"
    if not own and trigger.pos_ == "NOUN":  # "Israel's strike on Iran in late October 2024"
        end = max(t.idx + len(t.text) for t in trigger.subtree)
        own = [
            d for d in inside if 0 <= d.start - end <= 4 and text_of(trigger.doc)[end : d.start].strip() in ("in", "on")
        ]
    if not own:
        return [None]  # a date elsewhere in the sentence belongs to another clause
    if len(own) > 1 and _one_list(own, trigger.doc):
        return [EventDate(d.value, d.text, d.granularity, d.modifier) for d in own]
    chosen = min(own, key=lambda d: abs(d.start - trigger.idx))
    return [EventDate(chosen.value, chosen.text, chosen.granularity, chosen.modifier)]


def _scope(trigger: Token) -> Token:
    """Where an event's own dates are: its verb's clause for a subject noun ("strikes ... took
    place on X"), the main verb for "by signing"."""
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass"):
        return trigger.head
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.lower_ in rules.LIGHT_VERBS:
        return trigger.head
    if trigger.dep_ == "pcomp" and trigger.head.dep_ == "prep":
        return trigger.head.head
    return trigger


def _clause_dates(scope: Token, dates: list[DateMention]) -> list[DateMention]:
    """Dates inside the clause, leaving out clauses of speech ("..., Reuters reported on Tuesday")."""
    skipped: set[int] = set()
    for child in scope.children:
        if child.lower_ in SPEECH_VERBS and child.dep_ in ("advcl", "parataxis", "ccomp", "conj"):
            skipped.update(t.i for t in child.subtree)
    spans = [(t.idx, t.idx + len(t.text)) for t in scope.subtree if t.i not in skipped]
    return [d for d in dates if any(s <= d.start < e for s, e in spans)]


def _one_list(dates: list[DateMention], doc: Doc) -> bool:
    """Dates joined only by commas and "and"/"or" between them."""
    ordered = sorted(dates, key=lambda d: d.start)
    for a, b in itertools.pairwise(ordered):
        between = text_of(doc)[a.end : b.start].strip(" ,").lower()
        if between not in ("and", "or", "", "as well as"):
            return False
    return True


def _claim_index(trigger: Token, index: _Index) -> int | None:
    for position, claim in enumerate(index.claims):
        if claim.start <= trigger.idx < claim.end:
            return position
    return None
