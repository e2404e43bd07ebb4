"""The role and organisation a person is introduced with: "X, a senior fellow at Y", "X of Y",
"Interior Minister X"."""

from __future__ import annotations

from typing import Any, Protocol

from spacy.tokens import Span, Token


class RoleMaps(Protocol):
    """Where the entities are: what the claim finder knows of the document (`entity_maps`)."""

    ent_at: dict[int, Span]
    link_at: dict[int, Any]


def role_of(person: Span, context: RoleMaps) -> tuple[str | None, str | None]:
    """'X, a senior fellow at Y' / 'X of Y' / 'X from Y' / 'Interior Minister X'."""
    root = person.root
    role = None
    organisation = None
    doc = person.doc
    first = person.start
    while (
        first > 0
        and doc[first - 1].is_title
        and doc[first - 1].pos_ in ("PROPN", "NOUN")
        and first - 1 not in context.ent_at
    ):
        first -= 1
    if first < person.start:  # "Interior Minister Kemal Aydin"
        role = doc[first : person.start].text
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and not child.like_num:
            words = [t for t in child.lefts if t.dep_ not in ("det", "punct")]
            role = " ".join([*(t.text for t in words), child.text])
            organisation = _org_in(child, context) or organisation
        elif child.dep_ == "prep" and child.lower_ in ("of", "from", "at", "with"):
            organisation = _org_in(child, context) or organisation
    return role, organisation


def _org_in(token: Token, context: RoleMaps) -> str | None:
    """The organisation named under a role ("a fellow at X"); a bare acronym or proper noun
    the NER model missed will do."""
    for t in token.subtree:
        ent = context.ent_at.get(t.i)
        if ent is not None and ent.label_ == "ORG":
            link = context.link_at.get(t.i)
            return link.name if link else ent.text
    for t in token.subtree:
        if t.dep_ == "pobj" and t.pos_ == "PROPN" and t.i not in context.ent_at:
            return t.doc[t.left_edge.i : t.i + 1].text
    return None
