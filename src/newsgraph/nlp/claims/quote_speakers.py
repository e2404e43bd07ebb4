"""Speakers that quotations name without a verb: a transcript's label ("WALLACE: If I may...")
and a dash after the quotation ("... afraid." ― Carla Sanchez), as interviews and vox pops
print them."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsgraph.records import TextSpan

# An upper-case label and a colon opening a line of a transcript.
_LABEL = re.compile(r"(?P<label>[A-Z][A-Z.'’\- ]{1,40}[A-Z.]):\s+(?=\S)")
# A name after a dash, right after the closing quotation mark.
_DASH_NAME = re.compile(r"[\"”'’]{1,2}\s*[―—–]\s*(?P<name>[A-Z][\w.'’-]*(?:[ \u00a0][A-Z][\w.'’-]*){0,4})")


def label_speaker(text: str, start: int) -> TextSpan | None:
    """The label opening a quotation at `start` ("WALLACE: ..."), or None."""
    match = _LABEL.match(text, start)
    if match is None:
        return None
    return TextSpan(match.start("label"), match.end("label"), match.group("label"))


def label_end(text: str, start: int) -> int:
    """Where the words after a label begin (`start` when there is no label)."""
    match = _LABEL.match(text, start)
    return match.end() if match else start


def dash_speaker(text: str, end: int) -> TextSpan | None:
    """The name after a dash that follows the quotation closing at `end`, or None."""
    match = _DASH_NAME.match(text, end)
    if match is None:
        return None
    return TextSpan(match.start("name"), match.end("name"), match.group("name"))


def speaker_name(label: str) -> str:
    """A label as a name: "WALLACE" -> "Wallace"; mixed-case names stay as written."""
    return label.title() if label.isupper() else label


# "Caddell: Democrats worried ...", "Poll: Clinton and Trump in dead heat": a headline's source.
# "Clinton camp: ...", "Clinton to Planned Parenthood: ..." (the audience is not the source).
_HEADLINE_SOURCE = re.compile(
    r"(?P<source>[A-Z][\w.'’&-]*(?: (?!to )[A-Za-z][\w.'’&-]*){0,3})"
    r"(?: to [A-Za-z][\w.'’&-]*(?: [A-Za-z][\w.'’&-]*){0,3})?"
    r":\s+(?P<content>\S.{15,})"
)
# Sources that headlines name without a proper name.
HEADLINE_SOURCE_NOUNS = frozenset(
    {"poll", "polls", "report", "study", "survey", "sources", "officials", "police", "newspaper", "aides", "campaign"}
)


def headline_source(text: str, start: int, end: int) -> tuple[TextSpan, int, int] | None:
    """The source that opens a line as "Name: what they say", and where what they say begins
    (past `end` to the line's end when the sentence stops at the colon)."""
    match = _HEADLINE_SOURCE.match(text, start, end)
    if match is None and text[start:end].rstrip().endswith(":"):
        line_end = text.find("\n", start)
        match = _HEADLINE_SOURCE.match(text, start, len(text) if line_end == -1 else line_end)
    if match is None:
        return None
    source = TextSpan(match.start("source"), match.end("source"), match.group("source"))
    content_end = len(match.group("content").rstrip().rstrip(".,").rstrip()) + match.start("content")
    return source, match.start("content"), content_end


def named_elsewhere(name: str, sent: Span) -> Span | None:
    """The person the article names in full elsewhere, for a headline's bare "Pence:" or
    "Pence camp:"."""
    words = [w for w in name.split() if w[:1].isupper()]
    if len(words) != 1:
        return None
    return next(
        (e for e in sent.doc.ents if e.label_ == "PERSON" and e.sent != sent and e.text.split()[-1] == words[0]), None
    )


# Verbs that introduce the quotation that follows their sentence ("X spoke after the vote.
# "Q."", "X explained his reasons.").
INTRODUCING_VERBS = frozenset(
    {
        "spoke", "speaks", "said", "says", "explained", "explains", "added", "adds", "continued",
        "replied", "responded", "recalled", "told", "tells",
    }
)  # fmt: skip


def introduced_by_sentence_before(sent: Span, start: int) -> Token | None:
    """The subject that names a quotation's speaker in the sentence before it, where the
    quotation opens its sentence and the sentence before is told with a verb of speaking about a
    person or organisation named ("Amara Diallo, the union's leader, spoke after the vote. "We
    will strike again.""); None where that sentence names someone else or no one."""
    doc = sent.doc
    if sent.start == 0 or start - sent.start_char > 2:  # the quotation opens its sentence
        return None
    before = doc[sent.start - 1].sent
    root = before.root
    if root.lower_ not in INTRODUCING_VERBS:
        return None
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    names = [e for e in doc.ents if e.label_ in ("PERSON", "ORG") and e.start <= subject.i < e.end]
    return subject if names else None
