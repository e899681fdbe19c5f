"""Lines that are not the story: share/subscribe/follow prompts, copyright, wire sign-offs."""

from __future__ import annotations

import re

_BOILERPLATE = re.compile(
    r"""^(?:
        share(?:\s+(?:this|on|via)\b.*)?|tweet|email|print|comments?|
        (?:click|tap)\s+here\b.*|
        (?:subscribe|sign\s+up)\b.*(?:newsletter|updates|alerts|free|today|now|here|channel|us)\b.*|
        subscribe(?:\s+now)?|
        (?:read|see)\s+(?:more|also)\b.*|related(?:\s+(?:stories|articles|news|coverage))?:?.*|
        follow\s+(?:us|@?\w+)\s+on\b.*|follow\s+us\b.*|
        advertisement|sponsored(?:\s+content)?|
        (?:\u00a9|\(c\)|copyright\b).{0,160}|.{0,120}\ball\s+rights\s+reserved\.?|
        (?:photo|image|video|file\s+photo)(?:\s+credit)?:.{0,200}|
        (?:also\s+read|must\s+read|don't\s+miss|recommended)\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_SIGNOFF = re.compile(
    r"""^(?:
        reuters?|-{1,2}\s*(?:ap|afp|reuters|upi|dpa)|\(?(?:ap|afp|upi)\)?|
        \((?:reporting|writing|editing|additional\s+reporting|compiled)\s+by\b[^)]*\)(?:\s*\(.*\))*|
        (?:reporting|writing|editing)\s+by\b.{0,200}
    )\.?$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_boilerplate(paragraph: str) -> bool:
    return len(paragraph) <= 240 and bool(_BOILERPLATE.match(paragraph))


def is_signoff(paragraph: str) -> bool:
    return len(paragraph) <= 300 and bool(_SIGNOFF.match(paragraph))
