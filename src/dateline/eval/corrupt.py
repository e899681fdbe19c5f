"""The `clean` suite's corruption generator: clean paragraphs damaged like a scraped record.

The damage copies what the seed record shows (seeds/000_*.txt): the body repeated minus its
lead with the paragraphs run together (no space), a dateline before the lead, a footnote
notice on a term, share/subscribe lines between paragraphs; and what other dumps show: hard
wrapping at wire-copy width and mojibake (UTF-8 read as Windows-1252). Every choice comes
from a `random.Random` seeded per story, so the benchmark is the same on every run.
"""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass, field

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec)

PLACES = [
    "WASHINGTON",
    "LONDON",
    "MOSCOW",
    "NEW YORK",
    "BEIJING",
    "PARIS",
    "BRUSSELS",
    "NEW DELHI",
    "ANKARA",
    "TOKYO",
    "BERLIN",
    "CAIRO",
]
AGENCIES = ["Sputnik", "Reuters", "AP", "AFP", "Xinhua", None]
SHARE_LINES = [
    "Share",
    "Share this article",
    "Tweet",
    "Subscribe to our newsletter for daily updates",
    "Follow us on Twitter",
    "Click here to subscribe",
    "Sign up for our free newsletter",
    "Advertisement",
]
NOTICES = [
    "is a terrorist organisation banned in Russia and many other states.",
    "is designated as a foreign agent by the Ministry of Justice.",
    "is an extremist organisation banned in Russia.",
    "is recognised as an undesirable organisation in the country.",
]
_TERM = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{3,})(?=[ ,.])")


@dataclass(slots=True)
class Damage:
    repeated: bool = False
    dateline: str | None = None
    place: str | None = None
    notice_term: str | None = None
    share_lines: int = 0
    wrapped: bool = False
    mojibake: bool = False
    kinds: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Corrupted:
    text: str
    paragraphs: list[str]  # the gold: what cleaning must give back
    damage: Damage


def _notice_term(paragraphs: list[str], rng: random.Random) -> tuple[int, re.Match[str]] | None:
    """A capitalised word inside a sentence (a name) of an early paragraph."""
    for i in range(min(3, len(paragraphs))):
        found = list(_TERM.finditer(paragraphs[i]))
        if found:
            return i, rng.choice(found)
    return None


def _wrap(paragraphs: list[str], rng: random.Random) -> list[str]:
    width = rng.randint(62, 78)
    return [
        "\n".join(
            textwrap.wrap(
                p, width, initial_indent="    ", break_long_words=False, break_on_hyphens=False
            )
        )
        for p in paragraphs
    ]


def corrupt(paragraphs: list[str], seed: int) -> Corrupted:
    """The damaged record text for clean paragraphs; needs at least two paragraphs."""
    rng = random.Random(seed)
    damage = Damage()
    body = list(paragraphs)
    notice = None
    if rng.random() < 0.5 and (hit := _notice_term(body, rng)):
        i, m = hit
        term = m.group(1)
        body[i] = body[i][: m.end()] + "*" + body[i][m.end() :]
        notice = f"*{term} {rng.choice(NOTICES)}"
        damage.notice_term = term
        damage.kinds.append("notice")
    if rng.random() < 0.8:
        place, agency = rng.choice(PLACES), rng.choice(AGENCIES)
        dateline = f"{place} ({agency}) - " if agency else f"{place} - "
        body[0] = dateline + body[0]
        damage.dateline, damage.place = dateline.strip(), place
        damage.kinds.append("dateline")
    lines = list(body)
    if rng.random() < 0.4:
        for _ in range(rng.randint(1, 3)):
            lines.insert(rng.randint(1, len(lines)), rng.choice(SHARE_LINES))
            damage.share_lines += 1
        damage.kinds.append("share")
    if notice:
        lines.append(notice)
    if rng.random() < 0.25:
        lines = _wrap(lines, rng)
        damage.wrapped = True
        damage.kinds.append("wrapped")
    if rng.random() < 0.7 and len(paragraphs) >= 3:
        # The teaser copy of the seed: the body minus its lead, glued with no space.
        glued = "".join(body[rng.randint(1, 2) :]) + (notice or "")
        lines.insert(0, glued)
        damage.repeated = True
        damage.kinds.append("repeated")
    text = "\n".join(lines)
    if not text.isascii() and rng.random() < 0.3:
        text = text.encode("utf-8").decode("sloppy-windows-1252")
        damage.mojibake = True
        damage.kinds.append("mojibake")
    return Corrupted(text, list(paragraphs), damage)
