"""A generated news-like corpus for benchmarks: reproducible, with the faults of real dumps."""

from __future__ import annotations

import random
from collections.abc import Iterator

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


def sentence(rng: random.Random) -> str:
    # Names, roles and figures vary so that sentences rarely repeat, as in real copy.
    who = f"{rng.choice(ROLES)} {rng.choice(NAMES)}"
    return (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}, "
            f"{who} told {rng.randint(2, 900)} delegates in Sector {rng.randint(1, 9999)}.")


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
