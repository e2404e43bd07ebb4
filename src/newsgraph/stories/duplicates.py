"""Exact and near-duplicate copies (syndication), found as articles arrive.

An exact copy has the same normalised text. A near copy shares most of its word 5-grams with
an earlier article (Jaccard >= NEAR_JACCARD, or the shorter one is contained in the longer); it
is found through MinHash LSH bands kept in the database, so the cost stays flat. Two different
articles about one event share few 5-grams and are never taken for copies.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import cast

from datasketch import MinHash
from sqlalchemy import Table, bindparam, select
from sqlalchemy.orm import Session

from newsgraph.store.models import ArticleRow, BandRow, FingerprintRow
from newsgraph.store.upsert import inserting

SHINGLE_WORDS = 5
NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 Jaccard meet in some band
NEAR_JACCARD = 0.5
NEAR_CONTAINMENT = 0.8
MIN_SHINGLES_FOR_CONTAINMENT = 40
_WORD = re.compile(r"\w+", re.UNICODE)
# Built once: building a statement costs more than running it, and every stored article runs these.
_VERSIONS = select(ArticleRow.id).where(ArticleRow.external_id == bindparam("external_id"))
_SAME_TEXT = (
    select(FingerprintRow.article_id)
    .where(FingerprintRow.text_hash == bindparam("digest"))
    .order_by(FingerprintRow.article_id)
)
_SHARING_A_BAND = select(BandRow.article_id).where(BandRow.band.in_(bindparam("bands", expanding=True)))
_TEXT = select(ArticleRow.text).where(ArticleRow.id == bindparam("article"))
_COPIED = select(ArticleRow.duplicate_of).where(ArticleRow.id == bindparam("article"))
FINGERPRINTS = cast(Table, FingerprintRow.__table__)
MINHASH_BANDS = cast(Table, BandRow.__table__)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def shingles(text: str) -> set[str]:
    tokens = words(text)
    if len(tokens) < SHINGLE_WORDS:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + SHINGLE_WORDS]) for i in range(len(tokens) - SHINGLE_WORDS + 1)}


def text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(words(text)).encode()).hexdigest()


def band_keys(grams: set[str]) -> list[str]:
    signature = MinHash(num_perm=NUM_PERM, seed=1)
    signature.update_batch([g.encode("utf-8") for g in sorted(grams)])
    rows = NUM_PERM // BANDS
    values = signature.hashvalues
    keys = []
    for band in range(BANDS):
        chunk = values[band * rows : (band + 1) * rows].tobytes()
        keys.append(f"{band}:{hashlib.blake2b(chunk, digest_size=12).hexdigest()}")
    return keys


def resemblance(a: set[str], b: set[str]) -> float:
    """Jaccard, or containment of the shorter text when it is long enough to judge."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    jaccard = shared / len(a | b)
    smaller = min(len(a), len(b))
    containment = shared / smaller if smaller >= MIN_SHINGLES_FOR_CONTAINMENT else 0.0
    return max(jaccard, containment if containment >= NEAR_CONTAINMENT else 0.0)


def find_original(session: Session, article_id: str, text: str, external_id: str | None = None) -> str | None:
    """The earliest stored article this one copies, and record its fingerprints for later.

    Earlier versions of the same article (same external_id) are not copies of it.
    """
    connection = session.connection()
    versions = set(connection.scalars(_VERSIONS, {"external_id": external_id}))
    digest = text_hash(text)
    grams = shingles(text)
    bands = band_keys(grams)
    exact = connection.scalars(_SAME_TEXT, {"digest": digest}).all()
    original = next((a for a in exact if a != article_id and a not in versions), None)
    if original is None:
        original = _near_copy(session, {article_id, *versions}, grams, bands)
    fingerprint = {"article_id": article_id, "text_hash": digest, "shingles": len(grams)}
    connection.execute(inserting(FINGERPRINTS), [fingerprint])
    if bands:
        connection.execute(inserting(MINHASH_BANDS), [{"band": band, "article_id": article_id} for band in bands])
    if original is None:
        return None
    root = connection.scalar(_COPIED, {"article": original})
    return root or original


def _near_copy(session: Session, exclude: set[str], grams: set[str], bands: Iterable[str]) -> str | None:
    found = session.connection().scalars(_SHARING_A_BAND, {"bands": list(bands)})
    candidates = sorted(set(found) - exclude)
    best: tuple[float, str] | None = None
    for candidate in candidates:
        other = session.connection().scalar(_TEXT, {"article": candidate})
        if other is None:
            continue
        score = resemblance(grams, shingles(other))
        if score >= NEAR_JACCARD and (best is None or score > best[0]):
            best = (score, candidate)
    return best[1] if best else None
