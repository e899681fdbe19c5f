"""Precision and recall of the time expressions found in German, French, Spanish, Russian and
Italian news sentences, ours (`extract/localtimes.py`) beside dateparser's `search_dates` with the
language given. The sentences here were written for this check after the patterns were done and
are not in the tests (the tests hold the development set), so the figure is a held-out one:

    PYTHONPATH=src python bench/local_times.py

A found span counts when its text is a gold span (value checked separately, for ours).
"""

from __future__ import annotations

import datetime as dt

from dateparser.search import search_dates

from dateline.extract.localtimes import find_local_times

PUBLISHED = "2024-10-16"  # a Wednesday
HELD_OUT: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("de", "Am Freitag hatte der Kanzler die Reform noch verteidigt.", [("Freitag", "2024-10-11")]),
    ("de", "Die Gespräche sollen am 4. November fortgesetzt werden.", [("4. November", "2024-11-04")]),
    ("de", "Seit Januar 2022 sind die Preise um 12 Prozent gestiegen.", [("Januar 2022", "2022-01")]),
    ("de", "Gestern legte die Gewerkschaft ein neues Angebot vor.", [("Gestern", "2024-10-15")]),
    ("de", "Der Konzern beschäftigt weltweit 40.000 Menschen.", []),
    ("fr", "Le sommet aura lieu le 12 décembre à Bruxelles.", [("12 décembre", "2024-12-12")]),
    ("fr", "Hier, la Bourse de Paris a reculé de 2 %.", [("Hier", "2024-10-15")]),
    ("fr", "Jeudi, les enseignants seront en grève.", [("Jeudi", "2024-10-17")]),  # future tense: ahead
    ("fr", "En septembre 2023, le chômage avait baissé.", [("septembre 2023", "2023-09")]),
    ("fr", "Le Premier ministre a reçu les partenaires sociaux à Matignon.", []),
    ("es", "El próximo lunes se reunirá el consejo de ministros.", [("próximo lunes", "2024-10-21")]),
    ("es", "La inflación bajó en agosto, informó el instituto.", [("agosto", "2024-08")]),
    ("es", "El 25 de julio de 2023 se celebraron elecciones generales.",
     [("25 de julio de 2023", "2023-07-25")]),
    ("es", "Hoy el Congreso debate la ley de vivienda.", [("Hoy", "2024-10-16")]),
    ("es", "El portavoz habló con la prensa en el aeropuerto.", []),
    ("ru", "В понедельник президент провёл совещание.", [("понедельник", "2024-10-14")]),
    ("ru", "Выборы назначены на 8 сентября.", [("8 сентября", "2024-09-08")]),
    ("ru", "Сегодня курс рубля снизился.", [("Сегодня", "2024-10-16")]),
    ("ru", "В следующем году бюджет вырастет на 5%.", [("В следующем году", "2025")]),
    ("ru", "Министр обороны посетил завод в Туле.", []),
    ("it", "Il governo ha approvato la manovra il 3 ottobre.", [("3 ottobre", "2024-10-03")]),
    ("it", "Ieri il Senato ha votato la fiducia.", [("Ieri", "2024-10-15")]),
]


def _score(found: dict[int, set[str]]) -> tuple[float, float, int, int, int]:
    tp = fp = fn = 0
    for i, (_, _, gold) in enumerate(HELD_OUT):
        g = {text for text, _ in gold}
        tp += len(found[i] & g)
        fp += len(found[i] - g)
        fn += len(g - found[i])
    return tp / max(1, tp + fp), tp / max(1, tp + fn), tp, fp, fn


def main() -> None:
    base = dt.datetime.fromisoformat(PUBLISHED)
    ours: dict[int, set[str]] = {}
    theirs: dict[int, set[str]] = {}
    right_values = 0
    for i, (lang, sentence, gold) in enumerate(HELD_OUT):
        times = find_local_times(sentence, PUBLISHED, lang)
        ours[i] = {t.text for t in times}
        right_values += sum((t.text, t.value) in gold for t in times)
        hits = search_dates(sentence, languages=[lang], settings={"RELATIVE_BASE": base}) or []
        theirs[i] = {text.strip(" ,.") for text, _ in hits}
    print(f"{'finder':<24} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
    for name, found in (("ours", ours), ("dateparser search_dates", theirs)):
        p, r, tp, fp, fn = _score(found)
        print(f"{name:<24} {p:>9.2f} {r:>7.2f} {tp:>4} {fp:>4} {fn:>4}")
    gold_n = sum(len(g) for _, _, g in HELD_OUT)
    print(f"ours, right value: {right_values}/{gold_n}")


if __name__ == "__main__":
    main()
