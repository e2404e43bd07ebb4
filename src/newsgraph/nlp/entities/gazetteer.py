"""The gazetteer: countries (names, demonyms, capitals, seats of government) and organisations
that the news names in several ways. Built by us from public facts; package data, no network."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Known:
    """A canonical entity of the gazetteer and how a surface form relates to it."""

    entity_id: str
    name: str
    type: str
    relation: str  # name | demonym | capital | seat | alias


def normalise(text: str) -> str:
    """The lookup form of a name: lower case, no leading "the", no possessive, single spaces."""
    key = text.replace("’", "'").strip().lower()
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"\s*'s?$", "", key)
    return re.sub(r"\s+", " ", key).strip(" .,;:-")


@lru_cache(maxsize=1)
def lookup_table() -> dict[str, Known]:
    table: dict[str, Known] = {}

    def add(form: str, known: Known) -> None:
        key = normalise(form)
        if key and key not in table:
            table[key] = known

    for line in (DATA / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, others, demonyms, capitals, seats = (line.split("\t") + [""] * 6)[:6]
        entity_id = f"country:{code}"
        add(name, Known(entity_id, name, "GPE", "name"))
        for form in filter(None, others.split("|")):
            add(form, Known(entity_id, name, "GPE", "alias"))
        for form in filter(None, demonyms.split("|")):
            add(form, Known(entity_id, name, "GPE", "demonym"))
        for form in filter(None, capitals.split("|")):
            add(form, Known(entity_id, name, "GPE", "capital"))
        for form in filter(None, seats.split("|")):
            add(form, Known(entity_id, name, "GPE", "seat"))
    for line in (DATA / "organisations.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, kind, others = (line.split("\t") + [""] * 4)[:4]
        entity_id = f"org:{code}"
        add(name, Known(entity_id, name, kind, "name"))
        for form in filter(None, others.split("|")):
            add(form, Known(entity_id, name, kind, "alias"))
    return table


def lookup(text: str) -> Known | None:
    return lookup_table().get(normalise(text))
