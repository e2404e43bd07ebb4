"""A claim's speaker in plain words, and how sure it is in a word: for the CLI and the web pages,
which must not load spaCy to say it."""

from __future__ import annotations

from newsgraph.records import Claim, Speaker

SURE = 0.85
LIKELY = 0.6


def confidence_word(value: float | None) -> str:
    """How sure a speaker is, in a word a reader takes in at a glance."""
    if value is None:
        return "no speaker"
    return "sure" if value >= SURE else "likely" if value >= LIKELY else "uncertain"


def speaker_in_words(speaker: Speaker | None, cue: str | None, channel: str | None) -> str:
    """Who says so, as a sentence opening: "Mara Voss, harbour master, said", "an unnamed
    official told Reuters", "no one named"."""
    if speaker is None:
        return "no one named"
    who = speaker.name or speaker.description or "someone"
    if speaker.anonymous:
        who = f"an unnamed {speaker.role or 'source'}" + (f" ({speaker.organisation})" if speaker.organisation else "")
    elif speaker.role and speaker.name:
        who = f"{who}, {speaker.role}" + (f" of {speaker.organisation}" if speaker.organisation else "") + ","
    elif speaker.organisation and speaker.name and speaker.organisation not in who:
        who = f"{who} ({speaker.organisation})"
    verb = cue or "says"
    if not channel:
        return f"{who} {verb}"
    return f"{who} {verb} {channel}" if verb.lower().startswith("told") else f"{who} {verb} via {channel}"


def claim_in_words(claim: Claim) -> str:
    """Who says this claim, with its own attribution words ("according to", "told")."""
    return speaker_in_words(claim.speaker, claim.cue_span.text if claim.cue_span else claim.cue, claim.channel)


def confidence_label(value: float | None) -> str:
    """The word and the figure: "likely 0.6"; "-" when there is no speaker."""
    return f"{confidence_word(value)} {value:.1f}" if value else "-"
