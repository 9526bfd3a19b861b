"""Turn input bytes into text: bounded reads, encoding detection, binary refusal.

Decoding is the only change made to the input: line ends, whitespace and everything else
stay as given, so offsets computed on the text point at what the user supplied.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import BinaryIO

import charset_normalizer

from claimgraph.errors import InputTooLarge, UnreadableInput
from claimgraph.read.options import DEFAULT_MAX_BYTES

__all__ = ["DEFAULT_MAX_BYTES", "decode_bytes", "read_bounded", "read_stream_bounded"]


# Magic numbers of formats people drop into a folder of articles by mistake.
BINARY_SIGNATURES: tuple[bytes, ...] = (
    b"%PDF",
    b"PK\x03\x04",  # ZIP, DOCX, XLSX, EPUB
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",  # JPEG
    b"\x1f\x8b",  # gzip
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",  # OLE2: DOC, XLS
    b"SQLite format 3\x00",
    b"BZh",
    b"\xfd7zXZ\x00",
)

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

BINARY_REASON = "binary file, not text"
# Share of C0 control characters (other than tab, newlines, form feed) above which a
# decoded text is taken for binary data; real articles have next to none.
MAX_CONTROL_SHARE = 0.01
CONTROL_CHARS = tuple(chr(code) for code in range(32) if chr(code) not in "\t\n\r\f\v")
# Under this share of non-ASCII letters, a non-UTF-8 file is taken for Windows-1252:
# Western text is mostly ASCII with a few accents, while single-byte Cyrillic, Greek or
# Arabic text is mostly high bytes. charset-normalizer alone guesses Baltic or Central
# European code pages for short French or German text.
MAX_WESTERN_NON_ASCII_SHARE = 0.3


def read_bounded(path: Path, name: str, max_bytes: int) -> bytes:
    """Read a whole file, refusing one over `max_bytes` before reading it."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(name, too_large_reason(size, max_bytes))
        with path.open("rb") as handle:
            return read_stream_bounded(handle, name, max_bytes)
    except OSError as error:
        raise UnreadableInput(name, os_error_reason(error)) from error


def read_stream_bounded(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Read a stream to its end, refusing one longer than `max_bytes` without reading on."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLarge(name, f"over the limit of {max_bytes} bytes")
    return data


def too_large_reason(size: int, max_bytes: int) -> str:
    """Say how far over the limit an input is."""
    return f"{size} bytes, over the limit of {max_bytes} bytes"


def os_error_reason(error: OSError) -> str:
    """Phrase an OS error as a short reason without the path (the name is already given)."""
    return (error.strerror or type(error).__name__).lower()


def decode_bytes(data: bytes, name: str) -> str:
    """Decode input bytes to text, or raise UnreadableInput for binary data."""
    if data.startswith(BINARY_SIGNATURES):
        raise UnreadableInput(name, BINARY_REASON)
    text = decode_by_bom(data)
    if text is None:
        text = decode_utf8(data)
    if text is None and b"\x00" in data:
        text = decode_utf16_without_bom(data)
        if text is None:
            raise UnreadableInput(name, BINARY_REASON)
    if text is None:
        text = decode_single_byte(data)
    if text is None or has_too_many_controls(text):
        raise UnreadableInput(name, BINARY_REASON)
    return text


def decode_by_bom(data: bytes) -> str | None:
    """Decode data that starts with a Unicode byte order mark, dropping the mark."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).removeprefix("\ufeff")
            except UnicodeDecodeError:
                return None
    return None


def decode_utf8(data: bytes) -> str | None:
    """Decode strict UTF-8 without NUL bytes, or return None."""
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def decode_utf16_without_bom(data: bytes) -> str | None:
    """Decode UTF-16 text that lacks a BOM, recognised by NULs in every other byte."""
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2 or 1
    layouts = ((odd_nuls, even_nuls, "utf-16-le"), (even_nuls, odd_nuls, "utf-16-be"))
    for nuls, other, encoding in layouts:
        if nuls / half > 0.3 and other == 0:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def decode_single_byte(data: bytes) -> str | None:
    """Decode non-UTF-8 text: Windows-1252 for Western text, else charset-normalizer's guess."""
    western = decode_western(data)
    if western is not None:
        return western
    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else str(best)


def decode_western(data: bytes) -> str | None:
    """Decode as Windows-1252 when the result looks like mostly-ASCII Western text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return text
    non_ascii = sum(1 for char in letters if not char.isascii())
    return text if non_ascii / len(letters) < MAX_WESTERN_NON_ASCII_SHARE else None


def has_too_many_controls(text: str) -> bool:
    """Tell whether a decoded text holds control characters no article would."""
    if not text:
        return False
    # One C-speed count per control character, not a Python step per character of the text.
    controls = sum(text.count(char) for char in CONTROL_CHARS)
    return controls / len(text) > MAX_CONTROL_SHARE
