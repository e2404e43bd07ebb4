"""The REST API (FastAPI) over the same queries as the CLI."""

from newsgraph.api.app import create_app

__all__ = ["create_app"]
