"""The gazetteer: countries (names, demonyms, capitals, seats of government) and organisations
that the news names in several ways, built by us from public facts (package data, no
network); and the states of the United States with their AP abbreviations ("Calif.", "W.Va.")
and the District of Columbia, from the maintained `us` package, so that "Mich." and "Michigan"
are one place and "Washington, D.C." is not the state of Washington."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")
DISTRICT = "gpe:washington-dc"  # the District of Columbia: the city, not the state of Washington


# Particles a surname joins with a hyphen: "al-Maliki" is also "Maliki".
HYPHEN_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "ben"})


def slug(text: str) -> str:
    """The readable, stable part of an id made from a name ("West Virginia" -> "west-virginia")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:48].strip("-") or "x"


def after_particle(surname: str) -> str | None:
    """The surname without a hyphenated particle ("al-Maliki" -> "Maliki"), or None."""
    particle, _, rest = surname.partition("-")
    return rest if rest and particle.lower() in HYPHEN_PARTICLES else None


@dataclass(frozen=True)
class Known:
    """A canonical entity of the gazetteer and how a surface form relates to it."""

    entity_id: str
    name: str
    type: str
    relation: str  # name | demonym | capital | seat | alias | abbreviation


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
    for form, known in us_places():
        add(form, known)
    return table


def us_places() -> list[tuple[str, Known]]:
    """The states (ids as the linker makes them from a place's name: `gpe:michigan`) under
    their names and AP abbreviations, and the federal district under its usual names. A
    country of the same name (Georgia) keeps the name: the countries are read first."""
    import us  # the maintained state list (BSD-3); imported on first lookup

    forms: list[tuple[str, Known]] = []
    for state in us.states.STATES:
        known = Known(f"gpe:{slug(state.name)}", state.name, "GPE", "name")
        forms.append((state.name, known))
        if state.ap_abbr and state.ap_abbr != state.name:
            abbreviation = Known(known.entity_id, known.name, "GPE", "abbreviation")
            forms.append((state.ap_abbr, abbreviation))
            if state.ap_abbr.count(".") > 1:  # "W.Va." is also written "W. Va."
                forms.append((state.ap_abbr.replace(".", ". ").strip(), abbreviation))
    district = Known(DISTRICT, "Washington, D.C.", "GPE", "name")
    for form in ("Washington, D.C.", "Washington D.C.", "Washington, DC", "Washington DC", "D.C."):
        forms.append((form, district))
    forms.append(("District of Columbia", district))
    return forms


def lookup(text: str) -> Known | None:
    return lookup_table().get(normalise(text))
