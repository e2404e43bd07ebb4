"""Canonical entities in the database: registering an article's entities and their aliases,
and resolving short names ("Gusev", "FDD") to the one known full name they stand for."""

from __future__ import annotations

from collections import Counter
from typing import cast

from sqlalchemy import Table, bindparam, select
from sqlalchemy.orm import Session

from newsgraph.nlp.entities import after_particle
from newsgraph.records import EARLIER_ARTICLE, OWN_NAME, STORED_SHORT_FORM, Article, CanonicalEntity
from newsgraph.store.models import EntityAliasRow, EntityRow
from newsgraph.store.upsert import add_counts, insert_missing

ENTITIES = cast(Table, EntityRow.__table__)
ALIASES = cast(Table, EntityAliasRow.__table__)
CHUNK = 400  # aliases per IN list
_BY_ALIAS = (
    select(ALIASES.c.alias, ENTITIES.c.id, ENTITIES.c.name, ENTITIES.c.type)
    .join(ENTITIES, ENTITIES.c.id == ALIASES.c.entity_id)
    .where(ALIASES.c.alias.in_(bindparam("aliases", expanding=True)))
)


def _alias(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())[:200]


def _short_forms(entity: CanonicalEntity) -> list[str]:
    """Forms a later article may use alone: a person's surname, an organisation's initials."""
    words = entity.name.split()
    if entity.type == "PERSON" and len(words) > 1:
        rest = after_particle(words[-1])
        return [_alias(words[-1]), *([_alias(rest)] if rest else [])]  # "al-Maliki", and "Maliki"
    if entity.type == "ORG" and len(words) > 2:
        initials = "".join(w[0] for w in words if w[:1].isupper())
        return [_alias(initials)] if len(initials) >= 2 else []
    return []


def resolve_short_names(session: Session, article: Article) -> None:
    """Point a lone surname or acronym at the single stored entity it is short for."""
    wanted: dict[str, str] = {}
    for entity in article.canonical_entities:
        if len(entity.name.split()) != 1 or entity.type not in ("PERSON", "ORG"):
            continue
        # An acronym stands for an organisation; any other lone name may be a person's surname
        # (the NER model often tags a lone surname ORG).
        wanted[entity.id] = "ORG" if entity.type == "ORG" and entity.name.isupper() else "PERSON"
    lone = [e for e in article.canonical_entities if e.id in wanted]
    known = _entities_by_alias(session, sorted({_alias(e.name) for e in lone}))
    remap: dict[str, CanonicalEntity] = {}
    for entity in lone:
        full = [
            e
            for e in known.get(_alias(entity.name), {}).values()
            if e.type == wanted[entity.id] and e.id != entity.id and len(e.name.split()) > 1
        ]
        if len(full) == 1:
            remap[entity.id] = full[0]
    if not remap:
        return
    for mention in article.entities:
        if mention.entity_id in remap:
            mention.entity_id = remap[mention.entity_id].id
            mention.reason = EARLIER_ARTICLE
    kept = {e.id: e for e in article.canonical_entities if e.id not in remap}
    for target in remap.values():
        kept.setdefault(target.id, target)
    article.canonical_entities = sorted(kept.values(), key=lambda e: e.id)


def _entities_by_alias(session: Session, aliases: list[str]) -> dict[str, dict[str, CanonicalEntity]]:
    """The stored entities each alias is known for (one statement for an article's names)."""
    out: dict[str, dict[str, CanonicalEntity]] = {}
    for start in range(0, len(aliases), CHUNK):
        rows = session.connection().execute(_BY_ALIAS, {"aliases": aliases[start : start + CHUNK]})
        for alias, entity_id, name, kind in rows:
            out.setdefault(alias, {})[entity_id] = CanonicalEntity(entity_id, name, kind)
    return out


def register_entities(session: Session, article: Article) -> None:
    """Store the article's entities (first name seen wins) and count their aliases."""
    insert_missing(
        session, ENTITIES, ["id"], [{"id": e.id, "name": e.name, "type": e.type} for e in article.canonical_entities]
    )
    counts: Counter[tuple[str, str]] = Counter()
    reasons: dict[tuple[str, str], str | None] = {}
    for mention in article.entities:
        if mention.entity_id:
            key = (mention.entity_id, _alias(mention.text))
            counts[key] += 1
            reasons.setdefault(key, mention.reason)
    for entity in article.canonical_entities:
        counts[(entity.id, _alias(entity.name))] += 0
        reasons.setdefault((entity.id, _alias(entity.name)), OWN_NAME)
        for form in _short_forms(entity):
            counts[(entity.id, form)] += 0
            reasons.setdefault((entity.id, form), STORED_SHORT_FORM)
    rows = [
        {"entity_id": e, "alias": a, "mentions": n, "reason": reasons.get((e, a))}
        for (e, a), n in sorted(counts.items())
    ]
    add_counts(session, ALIASES, ["entity_id", "alias"], "mentions", rows)
