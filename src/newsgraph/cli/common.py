"""What every command shares: the Typer app, the consoles, and the options that mean the same
everywhere (`--db`, `--json`)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console

from newsgraph.settings import Settings
from newsgraph.store import ArticleStore, open_database

app = typer.Typer(
    help="newsgraph: who did what to whom, when and where, and who says so, from news articles.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)
# Piped output is not cut to 80 columns: tables keep whole titles for grep and friends.
# Markup and emoji codes are off: what articles and paths hold ("[/x]" in a title, ":100:" in
# FILE:100: reason) is printed as written, never parsed as
# Rich markup; our own styled lines say markup=True and escape what they interpolate.
out = Console(soft_wrap=True, highlight=False, markup=False, emoji=False, width=None if sys.stdout.isatty() else 240)
err = Console(stderr=True, highlight=False, markup=False, emoji=False)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", envvar="NEWSGRAPH_DB", help="SQLAlchemy database URL (default: a SQLite file in your data folder)."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Exact JSON instead of a table.")]


def open_store(db: str | None) -> ArticleStore:
    return ArticleStore(open_database(Settings.from_env(db).database_url))
