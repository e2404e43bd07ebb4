"""The fast attribute rules leave every token as the model's own attribute ruler does: part of
speech, morphology, lemma, tag and dependency, on sentences written to reach its rarer rules and
on real articles (../shared/data/ecbplus, skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.attributes import FastAttributeRules, speed_up_attribute_ruler
from newsgraph.settings import DEFAULT_PIPELINE

ROOT = Path(__file__).resolve().parents[2]
ECBPLUS = ROOT.parent / "shared" / "data" / "ecbplus" / "dev.jsonl"

# Contractions, spoken forms, "there is", auxiliaries, determiners, spaces: the ruler's exceptions.
WRITTEN = [
    "We're gonna win, and I'm not sure they've got ta stop us. Let's go, y'all.",
    "There's a problem: she hasn't said whether it's true, and he ain't talking.",
    "Those who did it had been warned; that was why the board did not act.",
    "C'mon, nothin' happened  \n\n which is what we'd hoped, isn't it?",
    "The mayor, who has served since 2019, will be replaced if the council votes.",
]


@pytest.fixture(scope="module")
def pair() -> tuple[Language, Language]:
    ruled = spacy.load(DEFAULT_PIPELINE, disable=["lemmatizer", "ner"])
    fast = spacy.load(DEFAULT_PIPELINE, disable=["lemmatizer", "ner"])
    speed_up_attribute_ruler(fast)
    return ruled, fast


def _attributes(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def test_the_ruler_is_replaced_and_its_rules_taken(pair: tuple[Language, Language]) -> None:
    ruled, fast = pair
    rules = fast.get_pipe("attribute_ruler")
    assert isinstance(rules, FastAttributeRules)
    assert fast.pipe_names == ruled.pipe_names
    assert len(rules.attrs) == len(ruled.get_pipe("attribute_ruler").attrs)
    assert rules.first, "no rule was turned into a lookup"


@pytest.mark.parametrize("text", WRITTEN)
def test_written_sentences_come_out_the_same(pair: tuple[Language, Language], text: str) -> None:
    ruled, fast = pair
    assert _attributes(fast(text)) == _attributes(ruled(text))


def test_a_later_rule_still_overrides_an_earlier_one(pair: tuple[Language, Language]) -> None:
    _, fast = pair
    doc = fast("They said it isn't so.")
    negation = next(t for t in doc if t.text == "n't")
    assert negation.pos_ == "PART"  # the tag's rule says ADV; the word's later rule says PART
    assert str(negation.morph) == "Polarity=Neg"


@pytest.mark.skipif(not ECBPLUS.exists(), reason="../shared/data/ecbplus is not here")
def test_real_articles_come_out_the_same(pair: tuple[Language, Language]) -> None:
    ruled, fast = pair
    with ECBPLUS.open() as handle:
        texts = [json.loads(line)["text"] for line, _ in zip(handle, range(60), strict=False)]
    for expected, got in zip(ruled.pipe(texts), fast.pipe(texts), strict=True):
        assert _attributes(got) == _attributes(expected)
