"""Ingest: from files on disk to clean `Article` records (before any NLP)."""

from newsgraph.ingest.files import read_file
from newsgraph.ingest.prepare import prepare_article
from newsgraph.ingest.raw import RawArticle
from newsgraph.ingest.readers import read_source
from newsgraph.ingest.sources import InputSet, expand_inputs

__all__ = ["InputSet", "RawArticle", "expand_inputs", "prepare_article", "read_file", "read_source"]
