"""The web UI: server-rendered pages over the same queries as the CLI and the API."""

from newsgraph.web.routes import add_web_routes

__all__ = ["add_web_routes"]
