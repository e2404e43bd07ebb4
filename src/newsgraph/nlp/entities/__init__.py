"""Entities: one canonical id for every name mention, shared across articles.

Produces `doc._.entity_links`, one `EntityLink` (id, canonical name, type) or None per entity
of `doc.ents`: "Gusev" is the "Andrei Gusev" named before, "FDD" the organisation whose
initials it is, "Russian" and "the Kremlin" acting are `country:ru`. Reads the `Doc` after NER
(and `newsgraph_entity_fixes`), the parse (whether a capital acts) and the gazetteer we ship
(`data/countries.tsv`, `data/organisations.tsv`). Entry point: the spaCy component
`newsgraph_entity_links` (`link_entities`); `entity_maps` gives the other wings each token's
entity and link; `after_particle` gives the store a surname's form without its hyphenated
particle ("Maliki" of "al-Maliki").

Inside: `linker` (the component and the in-article linking), `gazetteer` (countries, demonyms,
capitals, seats of government, organisations; US states and their AP abbreviations from the `us`
package; the ids' `slug`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.nlp.exports import load_on_use

if TYPE_CHECKING:
    from newsgraph.nlp.entities.gazetteer import after_particle
    from newsgraph.nlp.entities.linker import EntityLink, entity_maps, link_entities
else:  # each name imported from its module when first asked for
    __getattr__ = load_on_use(__name__, __file__)

__all__ = ["EntityLink", "after_particle", "entity_maps", "link_entities"]
