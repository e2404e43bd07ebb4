"""Canonical entities in the database: registering an article's entities and their aliases,
and resolving short names ("Gusev", "FDD") to the one known full name they stand for."""

from __future__ import annotations

from collections import Counter
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from newsgraph.records import Article, CanonicalEntity
from newsgraph.store.models import EntityAliasRow, EntityRow
from newsgraph.store.upsert import add_counts, insert_missing


def _alias(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())[:200]


def _short_forms(entity: CanonicalEntity) -> list[str]:
    """Forms a later article may use alone: a person's surname, an organisation's initials."""
    words = entity.name.split()
    if entity.type == "PERSON" and len(words) > 1:
        return [_alias(words[-1])]
    if entity.type == "ORG" and len(words) > 2:
        initials = "".join(w[0] for w in words if w[:1].isupper())
        return [_alias(initials)] if len(initials) >= 2 else []
    return []


def resolve_short_names(session: Session, article: Article) -> None:
    """Point a lone surname or acronym at the single stored entity it is short for."""
    remap: dict[str, CanonicalEntity] = {}
    for entity in article.canonical_entities:
        if len(entity.name.split()) != 1 or entity.type not in ("PERSON", "ORG"):
            continue
        # An acronym stands for an organisation; any other lone name may be a person's surname
        # (the NER model often tags a lone surname ORG).
        wanted = "ORG" if entity.type == "ORG" and entity.name.isupper() else "PERSON"
        rows = session.execute(
            select(EntityRow.id, EntityRow.name, EntityRow.type)
            .join(EntityAliasRow, EntityAliasRow.entity_id == EntityRow.id)
            .where(EntityAliasRow.alias == _alias(entity.name), EntityRow.type == wanted, EntityRow.id != entity.id)
            .distinct()
        ).all()
        full = [r for r in rows if len(r.name.split()) > 1]
        if len(full) == 1:
            remap[entity.id] = CanonicalEntity(full[0].id, full[0].name, full[0].type)
    if not remap:
        return
    for mention in article.entities:
        if mention.entity_id in remap:
            mention.entity_id = remap[mention.entity_id].id
    kept = {e.id: e for e in article.canonical_entities if e.id not in remap}
    for target in remap.values():
        kept.setdefault(target.id, target)
    article.canonical_entities = sorted(kept.values(), key=lambda e: e.id)


def register_entities(session: Session, article: Article) -> None:
    """Store the article's entities (first name seen wins) and count their aliases."""
    entities = cast(Table, EntityRow.__table__)
    aliases = cast(Table, EntityAliasRow.__table__)
    insert_missing(
        session, entities, ["id"], [{"id": e.id, "name": e.name, "type": e.type} for e in article.canonical_entities]
    )
    counts: Counter[tuple[str, str]] = Counter()
    for mention in article.entities:
        if mention.entity_id:
            counts[(mention.entity_id, _alias(mention.text))] += 1
    for entity in article.canonical_entities:
        counts[(entity.id, _alias(entity.name))] += 0
        for form in _short_forms(entity):
            counts[(entity.id, form)] += 0
    rows = [{"entity_id": e, "alias": a, "mentions": n} for (e, a), n in sorted(counts.items())]
    add_counts(session, aliases, ["entity_id", "alias"], "mentions", rows)
