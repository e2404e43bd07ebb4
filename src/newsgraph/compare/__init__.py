"""Compare sources within a story: what independent outlets agree on, what only one reports,
what conflicts, and how each outlet attributes what it says."""

from newsgraph.compare.story import compare_story

__all__ = ["compare_story"]
