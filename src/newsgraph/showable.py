"""Text that every output and store can write, whatever an input's bytes or a file's name held.

Kept apart from `storable` (which checks a record's values and raises `InputError`) because the
error itself shows its input's name through it: one module each way, no import circle.
"""

from __future__ import annotations

import re

# Not Unicode at all: UTF-8 cannot encode a lone surrogate.
SURROGATE = re.compile("[\ud800-\udfff]")


def displayable(text: str) -> str:
    """A string every output and store can write: undecodable bytes of a file name (which
    Python carries as lone surrogates) become visible escapes such as \\xff; NUL is dropped."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    if not SURROGATE.search(text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # surrogates that no undecodable byte explains
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
