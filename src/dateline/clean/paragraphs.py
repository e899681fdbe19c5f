"""Splitting a record into paragraphs, unwrapping hard-wrapped wire copy.

Scraped text usually has one paragraph per line. Wire copy (Reuters-21578 and the like) is
hard-wrapped at 65-80 columns with paragraphs marked by an indented line or a blank line;
there a line break inside a sentence is not a paragraph break. We decide per record from
the share of line breaks that fall mid-sentence.
"""

from __future__ import annotations

import re

from dateline.clean.boilerplate import is_signoff
from dateline.clean.unicode import squeeze

_ENDS_SENTENCE = re.compile(r"[.!?:;\"'\u201d\u2019)\]]\s*$")
_INDENT = re.compile(r"^(?: {2,}|\t)\S")


def is_hard_wrapped(lines: list[str]) -> bool:
    """True when most breaks between non-blank lines fall inside a sentence.

    A break before an indented line is a paragraph start and tells nothing either way, so
    only the other breaks are weighed: where paragraphs are short, most breaks are before
    indents, and counting them would hide the wrapping of the rest.
    """
    breaks = plain = mid = 0
    long_lines = 0
    for a, b in zip(lines, lines[1:], strict=False):
        if not a.strip() or not b.strip():
            continue
        breaks += 1
        if len(a.rstrip()) > 100:
            long_lines += 1
        if _INDENT.match(b):
            continue
        plain += 1
        if not _ENDS_SENTENCE.search(a):
            mid += 1
    return plain > 0 and long_lines <= breaks // 10 and mid * 2 >= plain


def split_paragraphs(text: str) -> tuple[list[str], bool]:
    """(paragraphs with squeezed whitespace, whether the text was unwrapped)."""
    lines = text.split("\n")
    if not is_hard_wrapped(lines):
        return [p for p in (squeeze(line) for line in lines) if p], False
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        # A wire sign-off (` Reuter`) is often indented by one space only: it still stands
        # alone, or it would be glued to the last sentence of the story.
        signoff = bool(line.strip()) and is_signoff(line.strip())
        if not line.strip() or _INDENT.match(line) or signoff:
            if current:
                paragraphs.append(_join(current))
                current = []
            if not line.strip():
                continue
        current.append(line.strip())
    if current:
        paragraphs.append(_join(current))
    return [p for p in paragraphs if p], True


def _join(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        # A word broken at a hyphen keeps the hyphen: `well-` + `known` -> `well-known`; a dash
        # (`--`, ` -`) is not part of a word, so the space after it stays.
        hyphen = out.endswith("-") and len(out) > 1 and out[-2].isalpha()
        out = out + line if hyphen and line[:1].islower() else out + " " + line
    return squeeze(out)
