"""The text of a Doc, computed once: spaCy rebuilds `Doc.text` from every token on each call,
which made the analysis stages spend a third of their time joining strings."""

from __future__ import annotations

from spacy.tokens import Doc

KEY = "newsgraph_text"


def text_of(doc: Doc) -> str:
    """`doc.text`, cached in `doc.user_data` (our components never retokenize)."""
    cached = doc.user_data.get(KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[KEY] = cached
    return str(cached)
