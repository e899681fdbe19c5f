"""A generated news-like corpus for benchmarks: reproducible, with the faults of real dumps."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

PLACES = ["WASHINGTON", "LONDON", "MOSCOW", "BEIJING", "NAIROBI", "LIMA", "OSLO", "KYIV", "DELHI", "CAIRO"]
AGENCIES = ["Reuters", "AP", "AFP", "Sputnik", "TASS", "Xinhua"]
SUBJECTS = ["The finance ministry", "Government officials", "The central bank", "Opposition leaders",
            "Energy regulators", "The defence ministry", "Aid agencies", "Union representatives"]
VERBS = ["said", "announced", "warned", "confirmed", "reported", "denied"]
OBJECTS = ["that talks on the new trade agreement would resume next week",
           "that grain exports rose 12 percent in the first quarter",
           "that more than 2,000 people had been displaced by the floods",
           "that the budget deficit would narrow to 3.5 percent of output",
           "that a ceasefire along the northern border was holding",
           "that fuel prices would be frozen until the end of the year",
           "that the election commission had received 45 complaints",
           "that a $600 million loan had been agreed with lenders"]
TAILS = ["on Thursday", "in a statement", "after a meeting in the capital", "citing preliminary data",
         "according to a government spokesman", "late on Monday", "in June", "for 2021"]


NAMES = ["Ana Ruiz", "Peter Kamau", "Li Wei", "Olga Petrova", "John Godfrey", "Marit de Vries", "Ahmed Saleh"]
ROLES = ["Deputy Minister", "spokesman", "analyst", "envoy", "Governor", "economist"]


_SYLLABLES = ["ka", "ro", "mi", "tel", "san", "dor", "vi", "lu", "ben", "ast", "or", "pe", "gra", "nim", "tos",
              "ul", "cha", "rei", "mon", "dak", "sil", "ver", "an", "bo"]
VOCAB = sorted({a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in ("", "s", "er", "ing", "al")})


def sentence(rng: random.Random) -> str:
    # A template gives the shape of news copy; words drawn from a large vocabulary give what
    # real copy has: two unrelated stories share almost no five-word run (random pairs of
    # Reuters stories have a shingle Jaccard near 0.01), so near-duplicate search stays honest.
    who = f"{rng.choice(ROLES)} {rng.choice(NAMES)}"
    filler = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(3, 6)))
    more = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(2, 4)))
    return (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {_interleave(rng, rng.choice(OBJECTS))} near {filler} "
            f"{rng.choice(TAILS)}, {who} told {rng.randint(2, 900)} {more} delegates.")


def _interleave(rng: random.Random, phrase: str) -> str:
    words = phrase.split()
    out = []
    for i, w in enumerate(words, 1):
        out.append(w)
        if i % 3 == 0:
            out.append(rng.choice(VOCAB))
    return " ".join(out)


def article(rng: random.Random, i: int) -> str:
    paras = [" ".join(sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(3, 9))]
    paras[0] = f"{rng.choice(PLACES)} ({rng.choice(AGENCIES)}) - Story {i}: " + paras[0]
    fault = rng.random()
    if fault < 0.2:  # the example record's fault: the body glued and repeated before itself
        paras.insert(0, "".join(paras[1:]))
    elif fault < 0.3:
        paras.append("*Group X (GX) is an organisation banned in Freedonia.")
    elif fault < 0.35:
        paras.append("Share this article")
    return "\n".join(paras)


def dated_records(n: int, seed: int = 7) -> Iterator[str]:
    rng = random.Random(seed)
    for i in range(n):
        yield f"date 2021-{1 + i % 12:02d}-{1 + i % 28:02d} {article(rng, i)}\n"


def write_corpus(n: int, folder: Path) -> Path:
    """The dated-text dump of `n` records in `folder` (made once, then reused)."""
    path = folder / f"corpus-{n}.txt"
    if not path.exists():
        with path.open("w", encoding="utf-8") as fh:
            fh.writelines(dated_records(n))
    return path
