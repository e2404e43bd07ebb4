"""Learn which first names the news itself shows as a man's or a woman's, for "he" and "she".

    python scripts/build_name_genders.py [--min-people 2] [--agreement 0.9]

A pronoun speaker goes to the nearest person named before whose gender does not contradict it
(`nlp/claims/pronouns.py`); most names come with no title or gendered word, so their gender is
unknown and "she said" can go to "Jerry Tibbs". No registry package ships a public-domain table
of first names, so the table is learned from the corpus itself: in real news whose licence allows
it (ECB+ development, CC BY 3.0; the gold bodies of WCXB pages, CC BY 4.0, and of scrapinghub
pages, MIT; ELEVANT's articles, Apache-2.0), every person named with a first and a last name
whose gender the text shows (a title, a gendered role, a "his"/"her" in a sentence naming no one
else, or a "He"/"She" opening the next sentence when that names no other person) counts once
per article for their first name. Names seen for at least `--min-people` people, of whom at
least `--agreement` agree, are written to `src/newsgraph/nlp/claims/data/first_names.tsv`
(name, gender, people): a list of facts about names, not of any text.
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter, defaultdict
from pathlib import Path

import spacy

from newsgraph.nlp.claims import FEMALE_TITLES, MALE_TITLES, PersonGenders, pronoun_gender
from newsgraph.settings import DEFAULT_PIPELINE

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# A title opening a name ("Mrs Okafor", "Dr Lin") is no first name.
TITLES = MALE_TITLES | FEMALE_TITLES | {"dr", "prof", "rev", "gen", "sen", "rep", "gov", "president"}
TABLE = ROOT / "src" / "newsgraph" / "nlp" / "claims" / "data" / "first_names.tsv"


def texts() -> list[str]:
    found = [json.loads(line)["text"] for line in (SHARED / "data" / "ecbplus" / "dev.jsonl").open(encoding="utf-8")]
    for path in sorted((SHARED / "data" / "real" / "extraction" / "wcxb-dev" / "ground-truth").glob("*.json")):
        body = json.loads(path.read_text(encoding="utf-8"))["ground_truth"].get("main_content")
        if body:
            found.append(body)
    truth = json.loads((SHARED / "data" / "real" / "extraction" / "scrapinghub" / "ground-truth.json").read_text())
    found += [page["articleBody"] for page in truth.values() if page.get("articleBody")]
    for name in ("msnbc-updated", "reuters-128"):
        path = SHARED / "data" / "real" / "entities" / f"{name}.jsonl"
        found += [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    return found


def genders_of_people(doc: spacy.tokens.Doc) -> dict[str, str]:
    """Full name -> "m"/"f" for the people of one article whose gender its text shows."""
    shown = PersonGenders(doc)
    found = dict(shown.genders)
    sentences = list(doc.sents)
    for first, second in itertools.pairwise(sentences):
        named = {shown.key(e) for e in first.ents if e.label_ == "PERSON"}
        if len(named) != 1 or any(e.label_ == "PERSON" for e in second.ents):
            continue
        gender = pronoun_gender(second[0].text)
        if gender:
            found.setdefault(named.pop(), gender)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-people", type=int, default=2)
    parser.add_argument("--agreement", type=float, default=0.9)
    args = parser.parse_args()
    nlp = spacy.load(DEFAULT_PIPELINE, disable=["lemmatizer"])
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in nlp.pipe(texts(), batch_size=32):
        for name, gender in genders_of_people(doc).items():
            words = name.split()
            if len(words) >= 2 and words[0].isalpha() and len(words[0]) > 1 and words[0] not in TITLES:
                votes[words[0]][gender] += 1
    rows = []
    for name, counts in sorted(votes.items()):
        people = sum(counts.values())
        gender, most = counts.most_common(1)[0]
        if people >= args.min_people and most / people >= args.agreement:
            rows.append(f"{name}\t{gender}\t{people}")
    TABLE.parent.mkdir(parents=True, exist_ok=True)
    header = (
        "# first name\tgender shown (m/f)\tpeople; learned by scripts/build_name_genders.py"
        " from ECB+, WCXB, scrapinghub and ELEVANT texts\n"
    )
    TABLE.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} first names of {len(votes)} seen -> {TABLE}")


if __name__ == "__main__":
    main()
