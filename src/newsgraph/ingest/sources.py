"""Turn what the user typed (files, folders, globs) into the list of files to read."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import InputError

# Inside folders, files are chosen by type; an explicitly named file is always tried.
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = (".warc", ".warc.gz")
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES


@dataclass
class InputSet:
    """Files to read, files passed over on purpose, and inputs that could not be opened."""

    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def expand_inputs(patterns: list[str]) -> InputSet:
    """Expand files, folders (recursively) and glob patterns, in a stable sorted order."""
    result = InputSet()
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            result.files.append(path)

    for pattern in patterns:
        path = Path(pattern)
        if path.is_dir():
            _walk_folder(path, add, result)
        elif path.exists() or path.is_symlink():
            if path.is_file():
                add(path)
            else:
                result.errors.append(InputError(path, "not a regular file (a broken link or a device?)"))
        elif glob.has_magic(pattern):
            matches = sorted(glob.glob(pattern, recursive=True))
            if not matches:
                result.errors.append(InputError(pattern, "the pattern matches no file"))
            walked: set[Path] = set()
            for match in matches:
                match_path = Path(match)
                if match_path.is_dir():
                    # "**" follows links to folders: a link loop yields the same folder under ever
                    # longer names, each to be walked once only.
                    if match_path.resolve() not in walked:
                        walked.add(match_path.resolve())
                        _walk_folder(match_path, add, result)
                elif match_path.is_file():
                    add(match_path)
        else:
            result.errors.append(InputError(path, "no such file or folder"))
    result.skipped = _once_each(result.skipped)
    return result


def _once_each(skipped: list[tuple[Path, str]]) -> list[tuple[Path, str]]:
    """Each skipped thing once, however many names (links) led to it."""
    seen: set[Path] = set()
    kept = []
    for path, reason in skipped:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):
            key = path
        if key not in seen:
            seen.add(key)
            kept.append((path, reason))
    return kept


def _walk_folder(folder: Path, add: object, result: InputSet) -> None:
    """Recurse into a folder without following links to folders (no loops)."""
    assert callable(add)

    def on_error(error: OSError) -> None:
        result.errors.append(InputError(error.filename or folder, f"cannot read folder: {error.strerror}"))

    for root, dirs, names in os.walk(folder, onerror=on_error, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(root) / name
            if name.startswith("."):
                continue
            if path.suffix.lower() not in KNOWN_SUFFIXES and not name.lower().endswith(WARC_SUFFIXES):
                result.skipped.append(
                    (path, f"not a text, HTML, JSON Lines, feed or WARC file ({path.suffix or 'no extension'})")
                )
            elif not path.is_file():
                result.errors.append(InputError(path, "not a regular file (a broken link?)"))
            else:
                add(path)
