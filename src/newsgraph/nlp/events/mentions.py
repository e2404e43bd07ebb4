"""One event once: an article that tells the same arrest in its lead and again further down
holds one event with two mentions, not two events. Used by `finder`, last."""

from __future__ import annotations

from newsgraph.records import Event, EventArgument

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us"})


def told_once(events: list[Event]) -> list[Event]:
    """One event once: a later event of the same type, participants and date is a further
    mention of the first (its trigger kept in `mentions`), not another event. Participants must be
    named (a pronoun or no one at all tells nothing of who) for two mentions to be one."""
    first: dict[tuple[str, ...], Event] = {}
    kept: list[Event] = []
    for event in events:
        key = _identity(event)
        if key is not None and key in first:
            first[key].mentions.append(event.trigger)
            continue
        if key is not None:
            first[key] = event
        kept.append(event)
    return kept


def _identity(event: Event) -> tuple[str, ...] | None:
    def party(argument: EventArgument | None) -> str | None:
        if argument is None:
            return ""
        if argument.text.lower() in PRONOUNS:
            return None
        return argument.entity_id or argument.text.lower()

    actor, recipient = party(event.actor), party(event.recipient)
    if actor is None or recipient is None or not (actor or recipient) or event.negated:
        return None
    when = (event.date.value or "", event.date.basis) if event.date else ("", "")
    return (event.type, actor, recipient, *when)
