"""Bytes to text for records of unknown encoding.

UTF-8 first (with or without BOM), UTF-16 when a BOM or the NUL pattern says so, then
cp1252 and latin-1 for the legacy dumps that are still common in news archives.
"""

from __future__ import annotations

import codecs

from dateline.model import Rejected

_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    """True for content no news scraper would write: many NULs or control bytes."""
    head = data[:8192]
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if utf16_without_bom(head):
        return False
    nul = head.count(0)
    ctrl = sum(1 for b in head if b in _CONTROL)
    return nul > len(head) // 100 + 1 or ctrl > len(head) // 10 + 2


def utf16_without_bom(head: bytes) -> str | None:
    even, odd = head[0::2], head[1::2]
    if len(head) >= 8 and odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if len(head) >= 8 and even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding used); raise Rejected for binary content."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    else:
        guess = utf16_without_bom(data[:8192])
        if guess:
            return data.decode(guess, errors="replace"), guess
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if looks_binary(data):
        raise Rejected("binary", "the content is not text")
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"
