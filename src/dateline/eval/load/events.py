"""Gold event data: PLOVER records, PETRARCH2 unit tests and MUC-4 templates.

Each set is split once into a development part and a report part by a hash of each record's
id, so the split is fixed, needs no list, and does not follow the files' order (which groups
records by event type). Rules are developed on `dev` only; both parts are reported.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

# Older PLOVER labels (0.5b1) and CAMEO roots -> the 16 categories of the PLOVER manual.
OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
              "INVESTIGATE": "ACCUSE"}
CAMEO_ROOTS = {
    "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
    "19": "ASSAULT", "20": "ASSAULT",
}
NOT_EVENTS = frozenset({"01", "02"})  # public statements and appeals: not PLOVER events
# Sector codes as the gold writes them -> dateline's (media is MED here, JRN there).
SECTOR_ALIASES = {"JRN": "MED", "CIV": "CVL", "UAF": None, "***": None}


def part(record_id: str) -> str:
    """`dev` or `report`, fixed by the id's hash."""
    return "dev" if int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % 2 == 0 else "report"


@dataclass(frozen=True, slots=True)
class Side:
    country: str | None  # ISO alpha-3, or IGO for an international body
    sector: str | None


@dataclass(slots=True)
class GoldEvent:
    type: str
    actor: Side
    recipient: Side | None


@dataclass(slots=True)
class GoldSentence:
    id: str
    text: str
    date: str | None
    events: list[GoldEvent] = field(default_factory=list)
    scored: bool = True  # False: its codes do not map to PLOVER (the suite's own test codes)

    @property
    def part(self) -> str:
        return part(self.id)


def _sector(raw: str | None) -> str | None:
    if not raw:
        return None
    head = raw[:3].upper()
    return SECTOR_ALIASES.get(head, head)


def _side(actor: dict) -> Side:  # type: ignore[type-arg]
    return Side(actor.get("code") or None, _sector(actor.get("sector")))


def iter_plover(folder: Path) -> Iterator[GoldSentence]:
    for line in (folder / "plover_gsr_dev.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        kind = OLD_LABELS.get(r["event"], r["event"])
        sources = [_side(a) for a in r.get("source") or [] if isinstance(a, dict)]
        targets = [_side(a) for a in r["target"]] if isinstance(r.get("target"), list) else []
        events = [GoldEvent(kind, s, t) for s in sources or [Side(None, None)]
                  for t in (targets or [None])]
        yield GoldSentence(r["id"], r["text"], r.get("date"), events)


_SENTENCE = re.compile(r"<Sentence\s(?P<attrs>[^>]*)>(?P<body>.*?)</Sentence>", re.S)
_CODING = re.compile(r"<EventCoding\s(?P<attrs>[^>]*)>")
_ATTR = re.compile(r"(\w+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
PETRARCH_SECTORS = frozenset("GOV MIL COP REB OPP LEG REL JUD BUS MED CVL EDU NGO IGO REF "
                             "LAB CRM PTY ELI".split())


def _attrs(text: str) -> dict[str, str]:
    return {k: a or b for k, a, b in _ATTR.findall(text)}


def _petrarch_side(code: str) -> Side:
    """A PETRARCH actor code: a country only where its first three letters are a real ISO
    alpha-3 (most are the suite's fictional states); a sector where the next three are one."""
    country = code[:3] if pycountry.countries.get(alpha_3=code[:3]) else None
    if code.startswith("IGO"):
        country = "IGO"
    sector = code[3:6] if code[3:6] in PETRARCH_SECTORS else None
    return Side(country, sector)


def _date(raw: str) -> str | None:
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}" if re.fullmatch(r"\d{8}", raw) else None


def iter_petrarch(folder: Path) -> Iterator[GoldSentence]:
    """Every `<Sentence>`: its codings mapped to PLOVER; no-event and expected-error records
    (and those coding only statements or appeals) have no events, so they test precision."""
    raw = (folder / "PETR.UnitTest.records.xml").read_text(encoding="utf-8")
    for m in _SENTENCE.finditer(raw):
        attrs = _attrs(m.group("attrs"))
        body = m.group("body")
        text_m = _TEXT.search(body)
        if text_m is None:
            continue
        sent = GoldSentence(attrs.get("id", ""), " ".join(text_m.group(1).split()),
                            _date(attrs.get("date", "")))
        for c in _CODING.finditer(body):
            ca = _attrs(c.group("attrs"))
            code = ca.get("eventcode", "")
            if ca.get("noevents") or ca.get("error") or not code:
                continue
            if code[:2] in NOT_EVENTS:
                continue
            kind = CAMEO_ROOTS.get(code[:2])
            if kind is None:
                sent.scored = False  # the suite's synonym-set test codes (9xx, 3xx)
                continue
            sent.events.append(GoldEvent(kind, _petrarch_side(ca.get("sourcecode", "")),
                                         _petrarch_side(ca.get("targetcode", ""))))
        yield sent


@dataclass(slots=True)
class MucDoc:
    id: str
    text: str
    roles: dict[str, list[list[str]]]  # role -> entities, each a list of its mentions

    @property
    def part(self) -> str:
        return part(self.id)


def iter_muc(folder: Path) -> Iterator[MucDoc]:
    for line in (folder / "dev.json").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        roles = {role: [[m[0] for m in ent] for ent in ents]
                 for role, ents in r["extracts"].items()}
        yield MucDoc(r["docid"], r["doctext"], roles)
