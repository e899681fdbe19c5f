"""The `events` suite: PLOVER-coded events against three gold sets, each in two parts.

- PLOVER gold records (161 sentences, labels mapped to the 16 categories) and PETRARCH2's
  unit tests (the 281 records its own configuration runs, less the 3 whose expected error is
  about PETRARCH's input). PETRARCH's codes come from its validation dictionary, whose codes
  are WEIS, not CAMEO, tweaked per test: they are mapped from WEIS's roots to PLOVER
  (`load.events.WEIS_ROOTS`); records with the dictionary's test-only codes (`903`, `1717`)
  say that an event is there but not its type; no-event, comment (WEIS 02) and discard
  records test precision. Scores per sentence: whether an event sentence gets an event,
  type accuracy (a gold type is found when an event of that type is coded), quad accuracy
  (an event of the gold type's quad is coded: the grain a WEIS dictionary code supports), actor and
  recipient country accuracy and sector accuracy (over the gold parties of the events
  whose type was found; an international body matches `IGO`), and extra events per
  sentence (events beyond the gold codings). PETRARCH's actors are mostly fictional states:
  only its real ISO codes are scored.
- MUC-4 (200 test documents, lowercased): perpetrators (individuals and organisations) ->
  actors, targets and victims -> recipients, weapons -> each weapon of the words that gave
  the mode, of the events that are MUC-4 incidents (attacks, and kidnappings among the
  coercions, not negated); per role P/R/F1 the way GRIT scores it: a predicted string is
  right when it equals a mention of a gold entity not yet matched (after dropping a
  leading article, count or quantifier, and the titles before a name, as the gold does).

Each set is split by a hash of record ids (`load.events.part`): rules were developed on
`dev`; `report` is held out. Both are printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pycountry

from dateline.eval.load.events import (
    GoldSentence,
    MucDoc,
    Side,
    iter_muc,
    iter_petrarch,
    iter_plover,
)
from dateline.eval.result import Row, SuiteResult, fmt, meets
from dateline.eval.scoring import Counts
from dateline.extract.roles import GLUE, TITLE_WORDS
from dateline.model import EVENT_TYPES, Article, Event, Party, Source, Span
from dateline.settings import Settings

TARGETS = {"type": 0.85, "country": 0.85, "extra": 0.10, "muc_f1": 0.45}
PARTS = ("dev", "report")
MUC_KINDS = frozenset({"ASSAULT", "COERCE"})
MUC_COERCION = frozenset({"abduct"})  # the COERCE modes that are MUC-4 incidents (kidnapping)
# Words for combat between armed forces (`heavy fighting`, `clashes`, `the offensive`): MUC-4's
# templates are terrorist acts, and such combat fills none.
COMBAT = frozenset("fighting fight fights fought clash clashes clashed battle battles combat "
                   "hostilities offensive offensives counteroffensive invasion invade invades "
                   "invaded invading war".split())
# Taking someone prisoner (`guards captured the attackers`) is an arrest, and arrests fill no
# template either.
CAPTURE = frozenset("capture captures captured capturing".split())
# Honorifics and ranks that go before a name, beside the office nouns of `titles.txt`.
HONOURS = frozenset("mr mrs ms dr col gen lt capt maj sgt father monsignor".split())
MUC_ROLES = {"perpetrator": ("PerpInd", "PerpOrg"), "target": ("Target", "Victim"),
             "weapon": ("Weapon",)}
# Leading words that the gold's mentions leave out (`the`, counts): dropped on both sides.
LEADING = re.compile(r"^(?:(?:a|an|the|some|all|one|two|three|four|five|six|seven|eight|nine|ten|"
                     r"eleven|twelve|twenty|several|many|dozens of|hundreds of|at least|more than|"
                     r"over|about|approximately|so-called|[\d,.]+)\s+)+")
NUMBER = re.compile(r"^[\d,.]+$")


@dataclass(slots=True)
class Rate:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass(slots=True)
class SentenceTally:
    sentences: int = 0
    type: Rate = field(default_factory=Rate)
    quad: Rate = field(default_factory=Rate)  # the type's quad found (verbal/material x coop/conf)
    actor: Rate = field(default_factory=Rate)
    recipient: Rate = field(default_factory=Rate)
    sector: Rate = field(default_factory=Rate)
    quiet: Rate = field(default_factory=Rate)  # no-event sentences left without events
    found: Rate = field(default_factory=Rate)  # event sentences given at least one event
    extra: int = 0

    def figures(self) -> dict[str, float | int | None]:
        return {"sentences": self.sentences, "type_accuracy": self.type.value,
                "types": self.type.total, "quad_accuracy": self.quad.value,
                "actor_country": self.actor.value,
                "actors": self.actor.total, "recipient_country": self.recipient.value,
                "recipients": self.recipient.total, "sector": self.sector.value,
                "sectors": self.sector.total,
                "extra_per_sentence": self.extra / self.sentences if self.sentences else None,
                "no_event_kept_quiet": self.quiet.value, "no_event_sentences": self.quiet.total,
                "event_found": self.found.value, "event_sentences": self.found.total}


def _article(i: int, text: str, date: str | None, kind: str) -> Article:
    return Article(id=f"{kind}-{i}", source=Source(kind, i, "gold"), text=text,
                   paragraphs=[Span(0, len(text))], published=date)


def _extract(texts: list[tuple[str, str | None]], kind: str, settings: Settings
             ) -> Iterator[Article]:
    from dateline.extract import extract_articles

    arts = (_article(i, t, d, kind) for i, (t, d) in enumerate(texts))
    return extract_articles(arts, settings)


def same_country(gold: str | None, party: Party | None) -> bool:
    if gold is None or party is None or party.country is None:
        return False
    mine = party.country
    if gold == "IGO":
        # an intergovernmental body's code is no country's (`ILO`, `ICC` and `GCC` have three
        # letters too); an NGO is not intergovernmental, and the gold codes those `NGO`
        return mine != "NGO" and pycountry.countries.get(alpha_3=mine) is None
    return mine == gold


def _score_sentence(gold: GoldSentence, events: list[Event], t: SentenceTally) -> None:
    t.sentences += 1
    if not gold.has_event:
        t.quiet.add(not events)
        t.extra += len(events)
        return
    t.found.add(bool(events))
    if not gold.scored:
        return  # its codes say an event is there, not which PLOVER type it is
    t.extra += max(0, len(events) - len(gold.events))
    for kind in dict.fromkeys(g.type for g in gold.events):
        mine = [e for e in events if e.type == kind]
        t.type.add(bool(mine))
        t.quad.add(any(e.quad == EVENT_TYPES[kind] for e in events))
        if not mine:
            continue
        for g in (g for g in gold.events if g.type == kind):
            _score_side(g.actor, [e.actor for e in mine], t.actor, t.sector)
            if g.recipient is not None:
                _score_side(g.recipient, [e.recipient for e in mine], t.recipient, t.sector)


def _score_side(gold: Side, mine: list[Party | None], country: Rate, sector: Rate) -> None:
    if gold.country:
        country.add(any(same_country(gold.country, p) for p in mine))
    if gold.sector:
        sector.add(any(p is not None and p.sector == gold.sector for p in mine))


def score_sentences(golds: Iterable[GoldSentence], kind: str, settings: Settings
                    ) -> dict[str, SentenceTally]:
    golds = list(golds)
    tallies = {p: SentenceTally() for p in PARTS}
    arts = _extract([(g.text, g.date) for g in golds], kind, settings)
    for g, a in zip(golds, arts, strict=True):
        _score_sentence(g, a.events, tallies[g.part])
    return tallies


def _norm(text: str) -> str:
    return LEADING.sub("", " ".join(text.lower().replace('"', " ").split()))


def _armed(p: Party | None) -> bool:
    # MUC-4 templates are terrorist acts; fighting between armed forces is not one of them,
    # so an attack on soldiers or guerrillas fills no template.
    return p is not None and p.sector in ("MIL", "REB")


def _filler(text: str) -> str:
    """A party's phrase as a MUC-4 role filler: the name after the titles and the words
    that describe them (`antioquia department governor antonio roldan`, `former supreme
    court president x`, `dr jose rodriguez`), which the templates leave out."""
    words = _norm(text).split()
    titled = [i for i, w in enumerate(words[:-1])
              if (w in TITLE_WORDS or w.rstrip(".") in HONOURS) and words[i + 1] not in GLUE]
    return " ".join(words[titled[-1] + 1:] if titled else words)


def _incident(e: Event) -> bool:
    """Whether an event is one of MUC-4's incidents: an attack of any kind, or a coercion
    that is a kidnapping (arrests, seizures and bans fill no template); one that the text
    says did not or will only happen is none."""
    if e.type not in MUC_KINDS or "negated" in e.flags:
        return False
    if e.trigger and e.trigger.lower().split()[-1] in COMBAT | CAPTURE:
        return False
    return e.type == "ASSAULT" or e.mode in MUC_COERCION


# `members of the X`, `a commando of the X`: people of an organisation, named by it.
MEMBERS_OF = re.compile(r"^(?:members?|commandos?|militants?|guerrillas|units?|cells?) of (.+)$")


def _organisations(filler: str, text: str) -> list[str]:
    """The organisation a perpetrator phrase names beside its people: MUC-4 fills both the
    individual perpetrators (`members of the fmln`, `fmln rebels`) and their organisation
    (`fmln`). A modifier is taken for the organisation only where the article names it as a
    body of its own (`the fmln`), so that `urban guerrillas` gives no `urban`."""
    m = MEMBERS_OF.match(filler)
    if m:
        return [_norm(m.group(1))]
    words = filler.split()
    if len(words) < 2:
        return []
    for n in range(len(words) - 1, 0, -1):
        name = " ".join(words[:n])
        # named alone: `the fmln said`, not only as the start of a longer name
        alone = rf"\bthe {re.escape(name)}\b(?! {re.escape(words[n])}\b)"
        if re.search(alone, text):
            return [name]
    return []


# Harms done to people (`killed`, `wounded`, `kidnapped`): what they were done to is people.
PEOPLE_HARMS = frozenset("kill abduct execute".split())
INJURING = frozenset("wounded wounding wound wounds injured injuring injure injures hurt shot "
                     "shooting shoot shoots".split())
PLURAL_PEOPLE = frozenset("people men women children".split())


# Words that count a group or say whose it is (`two peasants`, `several students`, `her
# bodyguards`).
COUNTS = re.compile(r"^(?:the\s+)?(?:[\d,.]+|her|his|their|its|two|three|four|five|six|seven|"
                    r"eight|nine|ten|eleven|twelve|twenty|thirty|several|many|some|dozens|"
                    r"hundreds|scores|thousands|at least|more than|other)\b")


# Words that open a description of a person rather than a name (`a policeman`, `the
# daughter`, `another judge`).
DESCRIBED = re.compile(r"^(?:a|an|the|another|one|this|that)\s")


def _counted_people(e: Event, filler: str) -> bool:
    """Whether a recipient is people harmed described rather than named (`two peasants
    were killed`, `six jesuits`, `civilians`, `a policeman`): MUC-4's victims are the
    people named one by one, and the gold leaves the description out; a plural harmed by
    damage (`offices`, `pylons`) is a target and stays, and so does a name that ends in `s`
    (`Ana Villegas`): a group is counted or said to be of some kind of people (its
    sector)."""
    words = filler.split()
    if not words or e.recipient is None:
        return False
    last = words[-1]
    trig = (e.trigger or "").lower().split()
    if not (e.mode in PEOPLE_HARMS or bool(trig) and trig[-1] in INJURING):
        return False
    if last in PLURAL_PEOPLE:
        return True
    raw = " ".join(e.recipient.text.lower().split())
    if DESCRIBED.match(raw) or (len(words) == 1 and e.recipient.sector is not None):
        return True  # `a policeman`, `the daughter`, `policeman`: a person described
    return (last.endswith("s") and not last.endswith(("ss", "us", "is"))
            and (e.recipient.sector is not None or bool(COUNTS.match(raw))))


def _muc_predicted(events: list[Event], text: str = "") -> dict[str, set[str]]:
    out: dict[str, set[str]] = {role: set() for role in MUC_ROLES}
    low = " ".join(text.lower().split())
    for e in events:
        if not _incident(e) or _armed(e.recipient):
            continue
        if e.actor is not None:
            filler = _filler(e.actor.text)
            out["perpetrator"].add(filler)
            out["perpetrator"].update(_organisations(filler, low))
        if e.recipient is not None:
            filler = _filler(e.recipient.text)
            if not _counted_people(e, filler):
                out["target"].add(filler)
        if e.instrument:  # `rockets and machineguns`: each weapon is a filler
            out["weapon"].update(_norm(w) for w in e.instrument.split(" and "))
    # a bare count (`1,209 wounded`) names no one
    return {k: {s for s in v if s and not NUMBER.match(s)} for k, v in out.items()}


def score_roles(gold: list[list[str]], predicted: set[str]) -> Counts:
    """GRIT's role score for one document: a predicted string is right when it equals a
    mention of a gold entity that no earlier string matched."""
    entities = [{_norm(m) for m in ent} for ent in gold]
    matched: set[int] = set()
    tp = 0
    for s in sorted(predicted):
        hit = next((i for i, ent in enumerate(entities) if i not in matched and s in ent), None)
        if hit is not None:
            matched.add(hit)
            tp += 1
    return Counts(tp=tp, sys=len(predicted), gold=len(entities))


def score_muc(docs: list[MucDoc], settings: Settings) -> dict[str, dict[str, Counts]]:
    out = {p: {role: Counts() for role in MUC_ROLES} for p in PARTS}
    arts = _extract([(d.text, None) for d in docs], "muc4", settings)
    for d, a in zip(docs, arts, strict=True):
        predicted = _muc_predicted(a.events, a.text)
        for role, gold_roles in MUC_ROLES.items():
            gold = [ent for r in gold_roles for ent in d.roles.get(r, [])]
            out[d.part][role] = out[d.part][role] + score_roles(gold, predicted[role])
    return out


def _micro(roles: dict[str, Counts]) -> Counts:
    total = Counts()
    for c in roles.values():
        total = total + c
    return total


def _sentence_rows(name: str, tallies: dict[str, SentenceTally]) -> list[Row]:
    rows: list[Row] = []
    for p in PARTS:
        f = tallies[p].figures()
        extra = f["extra_per_sentence"]
        rows += [
            Row(f"{name} {p}: type accuracy ({f['types']})", fmt(f["type_accuracy"]),
                target=meets(f["type_accuracy"], TARGETS["type"])),
            Row(f"{name} {p}: quad accuracy ({f['types']})", fmt(f["quad_accuracy"])),
            Row(f"{name} {p}: actor country ({f['actors']})", fmt(f["actor_country"]),
                target=meets(f["actor_country"], TARGETS["country"])),
            Row(f"{name} {p}: recipient country ({f['recipients']})",
                fmt(f["recipient_country"]),
                target=meets(f["recipient_country"], TARGETS["country"])),
            Row(f"{name} {p}: sector ({f['sectors']})", fmt(f["sector"])),
            Row(f"{name} {p}: extra events per sentence ({f['sentences']})", fmt(extra),
                target=f"<= {TARGETS['extra']}" + (
                    "" if extra is None else " ok" if extra <= TARGETS["extra"] else " MISSED")),
        ]
        if f["event_sentences"] and f["no_event_sentences"]:
            rows.append(Row(f"{name} {p}: event sentences given an event "
                            f"({f['event_sentences']})", fmt(f["event_found"])))
        if f["no_event_sentences"]:
            rows.append(Row(f"{name} {p}: no-event sentences left empty "
                            f"({f['no_event_sentences']})", fmt(f["no_event_kept_quiet"])))
    return rows


def _muc_rows(counts: dict[str, dict[str, Counts]]) -> list[Row]:
    rows: list[Row] = []
    for p in PARTS:
        for role, c in counts[p].items():
            rows.append(Row(f"muc4 {p}: {role} P/R/F1 ({c.gold})",
                            f"{c.precision:.3f}/{c.recall:.3f}/{c.f1:.3f}"))
        m = _micro(counts[p])
        rows.append(Row(f"muc4 {p}: all roles F1", fmt(m.f1),
                        target=meets(m.f1, TARGETS["muc_f1"]) if p == "dev" else ""))
    return rows


def run(path: Path, limit: int | None = None, settings: Settings | None = None
        ) -> SuiteResult:
    """Score the sets found under `path` (the shared data folder or one set's folder);
    `limit` caps the records read from each set."""
    settings = settings or Settings()
    if (path / "plover_gsr_dev.jsonl").is_file():
        path = path.parent  # given the PLOVER folder: its siblings are the other sets
    rows: list[Row] = []
    figures: dict[str, object] = {}
    sets = {"plover": (path / "plover", iter_plover),
            "petrarch": (path / "petrarch-validation", iter_petrarch)}
    for name, (folder, reader) in sets.items():
        if folder.is_dir():
            tallies = score_sentences(list(islice(reader(folder), limit)), name, settings)
            rows += _sentence_rows(name, tallies)
            figures[name] = {p: tallies[p].figures() for p in PARTS}
    muc = path / "muc4"
    if muc.is_dir():
        counts = score_muc(list(islice(iter_muc(muc), limit)), settings)
        rows += _muc_rows(counts)
        figures["muc4"] = {p: {r: c.as_dict() for r, c in counts[p].items()} | {
            "all_f1": round(_micro(counts[p]).f1, 4)} for p in PARTS}
    notes = ["dev: the part rules were developed on; report: held out (split by id hash)",
             "PETRARCH: codes are its test dictionary's WEIS codes mapped to PLOVER; records "
             "with test-only codes count for 'given an event' only; actor countries only "
             "where its code is a real ISO code"]
    return SuiteResult("events", rows, figures, notes)
