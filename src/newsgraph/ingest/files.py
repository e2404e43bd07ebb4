"""One input file to clean articles: its reader, then cleaning, each record on its own.

Where a batch reads its files, in this process or on a Dask worker (`newsgraph.distributed`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.prepare import prepare_article
from newsgraph.ingest.readers import read_source
from newsgraph.records import Article
from newsgraph.settings import Settings


def read_file(
    path: Path, settings: Settings, outlet: str | None = None, published: str | None = None
) -> Iterator[Article | InputError]:
    """The clean articles of one file, or the errors that stand in for them. Whatever a record
    holds, it becomes an article or an error: a failure nobody foresaw ends that record (or, in
    the reader itself, the rest of that file), never the batch."""
    items = read_source(path, settings)
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except Exception as error:  # a reader's own failure: the file ends here
            yield InputError(path, f"could not be read further: {type(error).__name__}: {error}")
            return
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield prepare_article(item, outlet=outlet, published=published)
        except InputError as error:
            yield error
        except Exception as error:
            yield InputError(item.source, f"could not be prepared: {type(error).__name__}: {error}")
