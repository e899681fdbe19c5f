"""Choosing a reader from a file's name and first bytes."""

from __future__ import annotations

import re

FORMATS = ("dated", "txt", "jsonl", "json", "csv", "tsv", "parquet", "html", "warc")

_BY_EXT = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv",
    ".parquet": "parquet", ".pq": "parquet", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".warc": "warc", ".arc": "warc",
}
DATE_HEADER = re.compile(rb"^[ \t]*date[ \t]+\d{1,6}-\d{1,2}-\d{1,2}\b", re.MULTILINE)
_HTML = re.compile(rb"<(!doctype html|html|head|body|article|div|p)\b", re.IGNORECASE)


def sniff(name: str, head: bytes) -> str:
    """The format of a (decompressed) stream from its name and first few KB."""
    lower = name.lower()
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"WARC/"):
        return "warc"
    for ext, fmt in _BY_EXT.items():
        if lower.endswith(ext):
            if fmt == "json" and _first_char(head) == b"{" and b"\n{" in head:
                return "jsonl"  # `.json` files are often JSON Lines in disguise
            return fmt
    first = _first_char(head)
    if first == b"[":
        return "json"
    if first == b"{":
        return "jsonl"
    if DATE_HEADER.search(head[:4096]):
        return "dated"
    if first == b"<" and _HTML.search(head):
        return "html"
    return "txt"


def _first_char(head: bytes) -> bytes:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return stripped[:1]
