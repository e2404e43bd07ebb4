"""Canonical entities in the database: registering an article's entities and their aliases,
and resolving short names ("Gusev", "FDD") to the one known full name they stand for."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from newsgraph.records import Article, CanonicalEntity
from newsgraph.store.models import EntityAliasRow, EntityRow


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
    known = set(
        session.scalars(select(EntityRow.id).where(EntityRow.id.in_([e.id for e in article.canonical_entities])))
    )
    for entity in article.canonical_entities:
        if entity.id not in known:
            session.add(EntityRow(id=entity.id, name=entity.name, type=entity.type))
    session.flush()
    counts: Counter[tuple[str, str]] = Counter()
    for mention in article.entities:
        if mention.entity_id:
            counts[(mention.entity_id, _alias(mention.text))] += 1
    for entity in article.canonical_entities:
        counts[(entity.id, _alias(entity.name))] += 0
        for form in _short_forms(entity):
            counts[(entity.id, form)] += 0
    for (entity_id, alias), n in sorted(counts.items()):
        row = session.get(EntityAliasRow, (entity_id, alias))
        if row is None:
            session.add(EntityAliasRow(entity_id=entity_id, alias=alias, mentions=n))
        else:
            row.mentions += n
    session.flush()
