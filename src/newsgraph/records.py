"""The article record: what leaves the analysis stages and every later stage passes on.

Field names are a contract (see docs/schema/article.json): later stages add fields, never
rename or remove them. Every offset indexes into `Article.text`, the clean body.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

_ATOMS = (str, int, float, bool, type(None))


def plain(value: Any) -> Any:
    """Records as plain JSON values. `dataclasses.asdict` deep-copies every leaf, which made it
    the larger part of serving one article; atoms, the commonest values, are tested first."""
    if isinstance(value, _ATOMS):
        return value
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


# Where a publication date came from: the --published flag, a feed's or JSON line's own field
# ("metadata"), or for HTML pages the kind of markup that held it (see ingest/page_dates.py).
PublishedSource = Literal[
    "given", "metadata", "byline", "url", "meta", "visible", "json-ld", "page", "itemprop", "unknown"
]
DateStatus = Literal["resolved", "estimated", "unresolved"]
Granularity = Literal["day", "week", "month", "season", "quarter", "half", "year", "decade", "century", "duration"]


@dataclass
class Published:
    """Publication date of an article and where it came from; never invented."""

    value: str | None = None
    source: PublishedSource = "unknown"


@dataclass
class Removed:
    """A piece of scraped text that is not story text, with the rule that removed it."""

    text: str
    reason: str


@dataclass
class Sentence:
    start: int
    end: int


# Why a mention was joined to its canonical entity (`newsgraph entity NAME --why` shows it).
OWN_NAME = "its own name"
SHORT_FORM = "short form of a longer name in the article"
INITIALS = "initials of a name in the article"
GAZETTEER = "gazetteer"
EARLIER_ARTICLE = "short form of a name in an earlier article"
STORED_SHORT_FORM = "surname or initials, kept for later articles"


@dataclass
class EntityMention:
    """A named-entity mention as the NER model (and our fixes) found it, with the canonical
    entity it refers to (None for numbers, dates and the like) and why it was joined to it
    (`reason`: its own name, a short form, initials, the gazetteer; None when not known)."""

    text: str
    label: str
    start: int
    end: int
    entity_id: str | None = None
    reason: str | None = None


@dataclass
class CanonicalEntity:
    """An entity the article mentions: the id all its mentions share, across articles."""

    id: str
    name: str
    type: str


@dataclass
class DateMention:
    """A time expression normalised to a TIMEX3-style value against the publication date."""

    text: str
    start: int
    end: int
    value: str | None
    granularity: Granularity | None
    status: DateStatus
    modifier: str | None = None
    kind: Literal["date", "duration"] = "date"


@dataclass
class Speaker:
    """Who a claim is attributed to: a named person or organisation, or a described source."""

    name: str | None
    entity_id: str | None
    role: str | None
    organisation: str | None
    anonymous: bool
    description: str | None


@dataclass
class TextSpan:
    """Words of the text by their offsets: `text` is `Article.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass
class Claim:
    """Something the article attributes to a source, with the evidence's offsets: the content
    (`start`, `end`), the attribution words (`cue_span`; `cue` is their text) and the mention
    that names who says it (`source`, a pronoun included). `confidence` says how sure the
    speaker is: a name next to the cue is surer than a pronoun resolved to an earlier name."""

    kind: Literal["direct_quote", "indirect", "according_to", "report"]
    text: str
    start: int
    end: int
    speaker: Speaker | None
    channel: str | None
    issues: list[str]
    sentence: Sentence
    cue: str | None = None
    cue_span: TextSpan | None = None
    source: TextSpan | None = None
    confidence: float | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        speaker = data.get("speaker")
        cue_span, source = data.get("cue_span"), data.get("source")
        return cls(
            kind=data["kind"],
            text=data["text"],
            start=data["start"],
            end=data["end"],
            speaker=Speaker(**speaker) if speaker else None,
            channel=data.get("channel"),
            issues=list(data.get("issues", [])),
            sentence=Sentence(**data["sentence"]),
            cue=data.get("cue"),
            cue_span=TextSpan(**cue_span) if cue_span else None,
            source=TextSpan(**source) if source else None,
            confidence=data.get("confidence"),
        )


@dataclass
class EventArgument:
    """Who or where in an event, as the text names it, with its canonical entity if any."""

    text: str
    entity_id: str | None


@dataclass
class EventDate:
    """When an event happened: the date its sentence gives (`basis` "text"), or, where the
    sentence gives none, the day the article reported it (`basis` "reported", `text` empty):
    shown as such, never as the day the event happened."""

    value: str | None
    text: str
    granularity: str | None = None
    modifier: str | None = None
    basis: Literal["text", "reported"] = "text"


@dataclass
class Trigger:
    text: str
    start: int
    end: int


@dataclass
class Event:
    """Who did what to whom, when and where: one PLOVER-typed event with its evidence."""

    type: str
    mode: str | None
    context: str | None
    actor: EventArgument | None
    recipient: EventArgument | None
    place: EventArgument | None
    date: EventDate | None
    trigger: Trigger
    sentence: Sentence
    attributed_to: int | None
    negated: bool
    hedged: bool
    # How sure the type and roles are, by how the event was found (a trigger of our lexicons
    # with an actor named, an event noun, a passive with no agent, the CAMEO dictionary); shown
    # and filtered on, not a calibrated probability.
    confidence: float | None = None
    # Where the article tells the same event again (same type, participants and date): the
    # triggers of those later mentions; the event itself is told at `trigger`.
    mentions: list[Trigger] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        def argument(value: dict[str, Any] | None) -> EventArgument | None:
            return EventArgument(**value) if value else None

        return cls(
            type=data["type"],
            mode=data.get("mode"),
            context=data.get("context"),
            actor=argument(data.get("actor")),
            recipient=argument(data.get("recipient")),
            place=argument(data.get("place")),
            date=EventDate(**data["date"]) if data.get("date") else None,
            trigger=Trigger(**data["trigger"]),
            sentence=Sentence(**data["sentence"]),
            attributed_to=data.get("attributed_to"),
            negated=bool(data.get("negated")),
            hedged=bool(data.get("hedged")),
            confidence=data.get("confidence"),
            mentions=[Trigger(**m) for m in data.get("mentions") or []],
        )


@dataclass
class Quantity:
    """A number the article states about something, with its hedge as bounds
    ("at least 23 killed" is low=23, high=None)."""

    measure: str
    value: float
    low: float
    high: float | None
    qualifier: str | None
    text: str
    start: int
    end: int
    sentence: Sentence

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quantity:
        return cls(**{**data, "sentence": Sentence(**data["sentence"])})


@dataclass
class Article:
    """One news article: its provenance, its clean text and what analysis found in it."""

    id: str
    external_id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: Published = field(default_factory=Published)
    removed: list[Removed] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    canonical_entities: list[CanonicalEntity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    source: str | None = None
    version: int = 1
    supersedes: str | None = None
    story_id: str | None = None
    duplicate_of: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON record of the article (the contract in docs/schema/article.json)."""
        return plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=data["id"],
            external_id=data["external_id"],
            text=data["text"],
            title=data.get("title"),
            outlet=data.get("outlet"),
            url=data.get("url"),
            author=data.get("author"),
            published=Published(**data.get("published", {})),
            removed=[Removed(**r) for r in data.get("removed", [])],
            sentences=[Sentence(**s) for s in data.get("sentences", [])],
            entities=[EntityMention(**e) for e in data.get("entities", [])],
            dates=[DateMention(**d) for d in data.get("dates", [])],
            canonical_entities=[CanonicalEntity(**c) for c in data.get("canonical_entities", [])],
            claims=[Claim.from_dict(c) for c in data.get("claims", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
            quantities=[Quantity.from_dict(q) for q in data.get("quantities", [])],
            source=data.get("source"),
            version=data.get("version", 1),
            supersedes=data.get("supersedes"),
            story_id=data.get("story_id"),
            duplicate_of=data.get("duplicate_of"),
            metadata=dict(data.get("metadata", {})),
        )
