"""Bytes to text: refuse binary files, decode UTF-8/UTF-16 and legacy encodings we can trust."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from newsgraph.errors import InputError

# Leading bytes of binary formats users point newsgraph at by mistake.
MAGIC_SIGNATURES: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x7fELF", "an executable program"),
    (b"SQLite format 3\x00", "an SQLite database"),
]

BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding) or raise InputError saying why the bytes are not text."""
    for signature, what in MAGIC_SIGNATURES:
        if data.startswith(signature):
            raise InputError(source, f"binary file ({what}), not text")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise InputError(source, f"starts as {encoding} but does not decode: {error.reason}") from error
    # NUL bytes are valid UTF-8 but no text has them, except UTF-16 without a BOM.
    if b"\x00" in data[:8192] and not _looks_utf16(data):
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = from_bytes(data[:200_000]).best()
    if guess is None or guess.encoding is None or guess.chaos > 0.2:
        raise InputError(source, "cannot decode as text: not UTF-8 and no other encoding fits; convert it to UTF-8")
    try:
        return data.decode(guess.encoding), guess.encoding
    except (UnicodeDecodeError, LookupError) as error:
        raise InputError(source, f"cannot decode as text ({guess.encoding} guessed): {error}") from error


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 text without a BOM: every other byte is NUL for Latin script."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    zeros_odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    return max(zeros_even, zeros_odd) > 0.4 and min(zeros_even, zeros_odd) < 0.05
