"""One error hierarchy: library code raises these, only the CLI and web layers print them."""

from __future__ import annotations

from pathlib import Path

from newsgraph.showable import displayable


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """An input (a file, or one record inside a file) that cannot become an article.

    It names the input and says why, so that a batch can report it and go on.
    """

    def __init__(self, source: str | Path, reason: str) -> None:
        self.source = displayable(str(source))
        self.reason = displayable(reason)
        super().__init__(f"{self.source}: {reason}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Errors travel back from Dask workers; the default would call __init__ with one argument.
        return (InputError, (self.source, self.reason))


class StoreError(NewsgraphError):
    """The database could not be opened, migrated or written."""


class NotFoundError(NewsgraphError):
    """A record asked for by id or name is not in the database."""
