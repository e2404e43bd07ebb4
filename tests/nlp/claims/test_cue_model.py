"""The learned cue (issue 28): attribution verbs beyond the lexicons, on text written for each
phenomenon; bench/attribution.py measures it on PolNeAR, scripts/train_cue_model.py by
cross-validation on our own labels."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.nlp.claims.cue_model import CUE_MODEL_FILE, cue_model, stem
from newsgraph.nlp.claims.cues import is_cue
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.settings import Settings

LABELS = Path(__file__).resolve().parents[3] / "data" / "labels" / "attributions.jsonl"


def test_a_verb_no_lexicon_names_is_a_cue_when_the_model_is_sure(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "The governor touted the deal as a win for farmers."
    nlp = load_pipeline(Settings(database_url="sqlite://").pipeline)
    assert not is_cue(nlp(text)[2])  # "touted": the model's, not the lexicons'
    claims = claims_of(text)
    assert [(c.cue, c.text) for c in claims] == [("touted", "the deal as a win for farmers")]
    assert claims[0].speaker is not None and claims[0].speaker.description == "The governor"


def test_acts_are_not_taken_for_cues(claims_of) -> None:  # type: ignore[no-untyped-def]
    assert not claims_of("The governor signed the bill on Monday after a long night in the capitol.")
    assert not claims_of("Workers repaired the bridge and reopened two lanes to traffic by noon.")


def test_a_cue_between_commas_after_a_clause_of_its_own(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "If this plan fails to persuade, Mr. Okafor argues, there are other tools in the box."
    claims = claims_of(text)
    assert [(c.cue, c.speaker.name if c.speaker else None) for c in claims] == [("argues", "Okafor")]
    assert claims[0].text == text.rstrip(".")


def test_it_after_a_statement_from_a_body_is_that_body(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("A statement from Waitrose said the stores would reopen. It added that staff would be paid.")
    assert claims[-1].cue == "added"
    assert claims[-1].speaker is not None and claims[-1].speaker.name == "Waitrose"


def test_the_stem_joins_the_forms_of_a_verb() -> None:
    assert stem("criticized") == stem("criticizes") == stem("criticizing") == stem("criticize")
    assert stem("touted") == stem("touts")


def test_the_shipped_model_names_its_sources_and_the_labels_keep_no_text() -> None:
    model = cue_model()
    assert model is not None and 0.0 < model.threshold < 1.0 and len(model.weights) > 1000
    about = json.loads(CUE_MODEL_FILE.read_text())["about"]
    assert "ECB+" in about and "WCXB" in about and "scrapinghub" in about
    rows = [json.loads(line) for line in LABELS.read_text().splitlines()]
    assert len(rows) >= 100 and sum(len(r["attributions"]) for r in rows) > 1000
    for row in rows:
        assert set(row) == {"doc", "attributions"}
        for attribution in row["attributions"]:
            assert set(attribution) == {"cue", "content", "source"}
            assert all(isinstance(v, int) for key in ("cue", "content") for v in attribution[key])
