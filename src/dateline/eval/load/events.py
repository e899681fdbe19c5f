"""Gold event data: PLOVER records, PETRARCH2 unit tests and MUC-4 templates.

Each set is split once into a development part and a report part by a hash of each record's
id, so the split is fixed, needs no list, and does not follow the files' order (which groups
records by event type). Rules are developed on `dev` only; both parts are reported.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

# Older PLOVER labels (0.5b1) -> the 16 categories of the PLOVER manual.
OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
              "INVESTIGATE": "ACCUSE"}
# PETRARCH2's unit tests are coded with its validation dictionary, which (its header says)
# "started out as part of a KEDS dictionary -- hence most of the codes are WEIS, not CAMEO":
# `CONDEMN [122]`, `MEET [031]`, `ARREST [212]`, `ATTACK [223]`. So the roots are WEIS's
# 22 categories (McClelland), mapped here to the PLOVER category that covers the same acts.
WEIS_ROOTS = {
    "01": "CONCEDE",  # yield: surrender, retreat, admit wrongdoing
    "03": "CONSULT",  # meet, visit, host
    "04": "SUPPORT",  # approve: praise, endorse
    "05": "AGREE",  # promise support
    "06": "SUPPORT",  # grant: recognition, relations, invitation
    "07": "AID",  # reward: economic, military or other assistance
    "08": "AGREE",  # agree: agreements, agreeing to meet or act
    "09": "REQUEST",  # request, appeal
    "10": "REQUEST",  # propose, urge
    "11": "REJECT",  # reject, refuse, oppose
    "12": "ACCUSE",  # accuse, criticise, denounce
    "13": "ACCUSE",  # protest in words: a complaint (PLOVER PROTEST is in the street)
    "14": "REJECT",  # deny an accusation or a policy
    "15": "REQUEST",  # demand
    "16": "THREATEN",  # warn
    "17": "THREATEN",  # threaten, ultimatum
    "18": "PROTEST",  # demonstrate (182, armed force shown: MOBILIZE below)
    "19": "SANCTION",  # reduce relations: cancel, recall, halt aid, break relations
    "20": "COERCE",  # expel
    "21": "COERCE",  # seize, detain, arrest
    "22": "ASSAULT",  # force: destruction, injury, military engagement
}
# WEIS sub-codes whose acts PLOVER puts in another category than their root's.
WEIS_CODES = {"012": "RETREAT", "063": "AID", "065": "CONCEDE", "066": "RETREAT",
              "182": "MOBILIZE"}
WEIS_CODE = re.compile(r"(0[1-9]|1\d|2[0-2])\d")  # a WEIS event code: root 01-22, one digit more
COMMENT_ROOT = "02"  # WEIS comment: a statement, not an event
# Error records that test PETRARCH's own input handling (a malformed parse tree, its dateline
# detector): their text is an ordinary event sentence, so a text coder is not scored on them.
INPUT_ERRORS = frozenset({"bad_input_parse", "dateline"})
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
    has_event: bool = True  # False: the gold says there is no event here

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


PETRARCH_SECTORS = frozenset("GOV MIL COP REB OPP LEG REL JUD BUS MED CVL EDU NGO IGO REF "
                             "LAB CRM PTY ELI".split())


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


def weis_type(code: str) -> str | None:
    """The PLOVER category of a WEIS event code, else None (a comment, or one of the
    dictionary's own test codes such as `903` or `174K`)."""
    if not WEIS_CODE.fullmatch(code):
        return None
    return WEIS_CODES.get(code) or WEIS_ROOTS.get(code[:2])


def iter_petrarch(folder: Path) -> Iterator[GoldSentence]:
    """The records the suite itself runs (its `<Include>` categories), read as XML so that
    codings quoted in comments do not count. Codes map from WEIS to PLOVER; a record whose
    codes include a test-only code has its types unscored but still says an event is there;
    no-event records, comments (WEIS 02) and discard records have no events and so test
    precision; error records about PETRARCH's own input are left out (`INPUT_ERRORS`)."""
    root = ET.parse(folder / "PETR.UnitTest.records.xml").getroot()
    include = (root.findtext("Environment/Include") or "").split()
    for node in root.iter("Sentence"):
        if include and node.get("category") not in include:
            continue
        codings = node.findall("EventCoding")
        if any(c.get("error") in INPUT_ERRORS for c in codings):
            continue
        sent = GoldSentence(node.get("id", ""), " ".join((node.findtext("Text") or "").split()),
                            _date(node.get("date", "")), has_event=False)
        for c in codings:
            code = c.get("eventcode", "")
            if not code or c.get("noevents") or c.get("error") or code.startswith(COMMENT_ROOT):
                continue
            sent.has_event = True
            kind = weis_type(code)
            if kind is None:
                sent.scored = False  # the dictionary's own test codes: no type to compare
                continue
            sent.events.append(GoldEvent(kind, _petrarch_side(c.get("sourcecode", "")),
                                         _petrarch_side(c.get("targetcode", ""))))
        if sent.text:
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
