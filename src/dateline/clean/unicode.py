"""Mojibake, HTML entities, invisible and control characters, whitespace.

ftfy is the costly part (about 1.6 MB/s), so it runs only on text that is not pure ASCII
and that ftfy's own badness test flags; `str.isascii()` is nearly free.
"""

from __future__ import annotations

import html
import re

import ftfy
from ftfy.badness import is_bad

# Bidi overrides and isolates, zero-width characters, BOMs, soft hyphens: invisible in a
# reader's view, harmful to search and offsets.
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069\u200e\u200f]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
# C0 controls never take part in mojibake (C1 ones do: they are cp1252 bytes read as latin-1).
_C0 = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ENTITY = re.compile(r"&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_SPACES = re.compile("[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_END = re.compile("\r\n?|[\u2028\u2029\x85]")
_INDENT = re.compile(r"^[ \t\u00a0]*")


def fix_text(text: str, repairs: dict[str, int]) -> str:
    """Return the text with encoding damage repaired; counts go into `repairs`.

    The pass runs again while it changes the text (three times at most): a repair can uncover
    another (a control character or a space between two halves of mojibake, found by
    fuzzing: `0000000\x81Â¡00`), and cleaning must be idempotent. A second pass over text the
    first left alone costs an `isascii` or a regex search.
    """
    for _ in range(3):
        fixed = _fix_once(text, repairs)
        if fixed == text:
            return fixed
        text = fixed
    return text


def _fix_once(text: str, repairs: dict[str, int]) -> str:
    # Mojibake first: `Â\x85` is a UTF-8 NEL read as cp1252, and must be decoded before line ends
    # are normalised, or the lone `Â` is left behind until a second cleaning repairs it.
    if not text.isascii() and _C0.search(text):
        # Before ftfy, so that it sees the spaces a second cleaning would see (`Â\x0c` is `Â `).
        text, n = _C0.subn(" ", text)
        repairs["control_chars"] = repairs.get("control_chars", 0) + n
    # ftfy's choice can hang on spacing (`Â‡à  The` is left, `Â‡à The` repaired; `Â The` is
    # bad, `Â  The` not), and paragraphs squeeze spaces later: a second cleaning would then
    # repair what this one left. So the text is also judged, and repaired if need be, squeezed
    # as paragraphs will be (indents kept: they mark paragraphs).
    if not text.isascii() and (is_bad(text) or _bad_when_squeezed(text)):
        fixed = _ftfy(text)
        squeezed = _squeezed_lines(fixed)
        if is_bad(squeezed):
            again = _ftfy(squeezed)
            fixed = again if again != squeezed else fixed
        if fixed != text:
            repairs["mojibake"] = repairs.get("mojibake", 0) + 1
            text = fixed
    if "\r" in text or not text.isascii():
        text = _LINE_END.sub("\n", text)
    if not text.isascii():
        if _INVISIBLE.search(text):
            text, n = _INVISIBLE.subn("", text)
            repairs["invisible_chars"] = repairs.get("invisible_chars", 0) + n
    if "&" in text and _ENTITY.search(text):
        unescaped = html.unescape(text)
        if unescaped != text:
            repairs["html_entities"] = repairs.get("html_entities", 0) + 1
            text = unescaped
    if _CONTROL.search(text):
        text, n = _CONTROL.subn(" ", text)
        repairs["control_chars"] = repairs.get("control_chars", 0) + n
    return text


def _bad_when_squeezed(text: str) -> bool:
    squeezed = _squeezed_lines(text)
    return squeezed != text and is_bad(squeezed)  # the badness scan again only if it differs


def _squeezed_lines(text: str) -> str:
    lines = text.split("\n")
    return "\n".join(_INDENT.match(line).group(0) + squeeze(line) for line in lines)  # type: ignore[union-attr]


def _ftfy(text: str) -> str:
    # Quotes stay as the source wrote them: ftfy straightens curly quotes by default, which
    # would do so only in the records that happen to need a mojibake repair.
    return ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)


def squeeze(line: str) -> str:
    """One paragraph's whitespace: runs of spaces become one space, ends trimmed."""
    if line.isascii() and "  " not in line and "\t" not in line:
        return line.strip()
    return _SPACES.sub(" ", line).strip()
