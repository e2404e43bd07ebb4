"""Remove scraping debris (labels, captions, credits, repeats) and record what went and why."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from newsgraph.ingest import debris_rules as rules
from newsgraph.records import Removed

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass
class CleanText:
    """The clean paragraphs of an article and the debris taken out of it."""

    paragraphs: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


# Only characters outside printable ASCII can be control or format characters: look at those alone.
_NOT_PLAIN_ASCII = re.compile(r"[^\x20-\x7e\n\t]")


def _drop_control(match: re.Match[str]) -> str:
    """Control, format (soft hyphens included), private and unassigned characters go."""
    return "" if unicodedata.category(match.group())[0] == "C" else match.group()


def normalise_text(text: str) -> str:
    """Unicode NFC, one kind of line ending, no control characters, single spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _NOT_PLAIN_ASCII.sub(_drop_control, text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def classify_line(line: str) -> str | None:
    """The debris reason for one whole line, or None when it is story text."""
    lowered = line.strip().lower().rstrip(":")
    if lowered in rules.RELATED_LIST_HEADERS:
        return "related_list"
    if lowered in rules.TRAILING_LABELS:
        return "trailing_label"
    if lowered in rules.SECTION_LABELS:
        return "section_label"
    if len(line) <= rules.MAX_CAPTION_CHARS and any(p.search(line) for p in rules.CAPTION_PATTERNS):
        return "caption"
    if len(line) <= rules.MAX_FURNITURE_CHARS:
        for reason, pattern in rules.LINE_RULES:
            if pattern.search(line):
                return reason
    if _CAPS_LABEL_ITEM.match(line):
        return "related_link"
    if _LOOKALIKE.search(line) and mixed_script_words(line) >= rules.MIN_MIXED_SCRIPT_WORDS:
        return "homoglyph_advert"
    return None


# "- A SIMPLE GUIDE: how to ...": a list item led by a capitalised label is a link to elsewhere.
_CAPS_LABEL_ITEM = re.compile(r"^\s*[-•*]\s+(?:[A-Z0-9'’&]+\s+){1,5}[A-Z0-9'’&]+\s*:\s+\S")
_WORD_RUN = re.compile(r"[^\W\d_]+", re.UNICODE)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Cyrillic and Greek letters drawn like Latin ones (not π or Δ, which formulas use).
_LOOKALIKE = re.compile("[аАвВсСеЕһНіІјЈкКмМоОрРѕЅтТхХуԁԛԝѵАΑΒΕΖΗΙΚΜΝΟΡΤΥΧοϲ]")


def mixed_script_words(line: str) -> int:
    """Words that mix Latin letters with Cyrillic or Greek ones ("Ϲliсk һere")."""
    return sum(1 for word in _WORD_RUN.findall(line) if _LATIN.search(word) and _LOOKALIKE.search(word))


def clean_lines(text: str) -> CleanText:
    """Split text into lines, drop debris lines, and keep the rest as paragraphs.

    A header of a list of other articles or videos ("Related videos") takes the list items
    right under it along."""
    result = CleanText()
    seen: set[str] = set()
    lines = [line for line in normalise_text(text).split("\n") if line]
    in_related_list = False
    for index, line in enumerate(lines):
        if index == len(lines) - 1:
            line = _strip_glued_label(line, result)
            if not line:
                continue
        if in_related_list and rules.LIST_ITEM.match(line):
            result.removed.append(Removed(text=line, reason="related_list"))
            continue
        reason = classify_line(line)
        in_related_list = reason == "related_list"
        key = line.casefold()
        if reason is None and len(line) >= rules.MIN_REPEATED_LINE_CHARS and key in seen:
            reason = "repeated_line"
        seen.add(key)
        if reason is None:
            result.paragraphs.append(line)
        else:
            result.removed.append(Removed(text=line, reason=reason))
    return result


def _strip_glued_label(line: str, result: CleanText) -> str:
    match = rules.GLUED_TRAILING_LABEL.search(line)
    if match and match.start() > 0:
        result.removed.append(Removed(text=match.group("label"), reason="trailing_label"))
        return line[: match.start()].rstrip()
    return line


def split_title(clean: CleanText) -> str | None:
    """Take the first clean line as the title when it is short enough to be one."""
    if len(clean.paragraphs) > 1 and len(clean.paragraphs[0]) <= rules.MAX_TITLE_CHARS:
        return clean.paragraphs.pop(0)
    return None
