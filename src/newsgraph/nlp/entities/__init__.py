"""Entities: one canonical id for every name mention, shared across articles.

Produces `doc._.entity_links`, one `EntityLink` (id, canonical name, type) or None per entity
of `doc.ents`: "Gusev" is the "Andrei Gusev" named before, "FDD" the organisation whose
initials it is, "Russian" and "the Kremlin" acting are `country:ru`. Reads the `Doc` after NER
(and `newsgraph_entity_fixes`), the parse (whether a capital acts) and the gazetteer we ship
(`data/countries.tsv`, `data/organisations.tsv`). Entry point: the spaCy component
`newsgraph_entity_links` (`link_entities`); `entity_maps` gives the other wings each token's
entity and link.

Inside: `linker` (the component and the in-article linking), `gazetteer` (countries, demonyms,
capitals, seats of government, organisations).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.nlp.exports import load_on_use

if TYPE_CHECKING:
    from newsgraph.nlp.entities.linker import EntityLink, entity_maps, link_entities
else:  # each name imported from its module when first asked for
    __getattr__ = load_on_use(__name__, __file__)

__all__ = ["EntityLink", "entity_maps", "link_entities"]
