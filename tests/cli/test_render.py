"""Terminal rendering of `show`: quotes cut at a word, entities without mentions say where they come from."""

from __future__ import annotations

from rich.console import Console

from dateline.cli import render
from dateline.model import Article, Dateline, Entity, Mention, Notice, Quote, RawRecord, Source
from dateline.pipeline import clean_one
from dateline.settings import Settings

TEXT = ("The harbour authority said on Tuesday that the new quay would open in spring. "
        "\"We have waited a long time for this, and the fishermen of the northern coast have waited longer "
        "still, through three winters of storms that closed the old harbour for weeks at a time and "
        "emptied the market halls,\" the mayor told a crowd.")


def _article() -> Article:
    raw = RawRecord(Source("t.jsonl", 1, "jsonl"), text=TEXT, date="2024-02-06", title="Quay to open")
    a = clean_one(raw, Settings(extract=False)).article
    assert a is not None
    return a


def _shown(a: Article) -> str:
    console = Console(width=400, record=True, highlight=False)
    render.print_article(console, a)
    return console.export_text()


def test_a_long_quote_is_cut_at_a_word_with_an_ellipsis() -> None:
    a = _article()
    start = a.text.index("We have")
    end = a.text.index(",\" the mayor")
    a.quotes = [Quote(a.text[start:end], "direct", "the mayor", None, start, end)]
    line = next(x for x in _shown(a).splitlines() if x.startswith("  [direct]"))
    assert line.endswith("\u2026")
    cut = line.removeprefix("  [direct] the mayor: ").removesuffix("\u2026")
    assert a.text[start:end].startswith(cut) and a.text[start + len(cut)] == " "
    assert len(cut) <= 200


def test_entities_without_mentions_say_where_they_come_from() -> None:
    a = _article()
    a.dateline = Dateline("OSLO (Reuters) -", "OSLO", "Reuters")
    a.notices = [Notice("The group is banned in Freedonia.", None)]
    start = a.text.index("harbour authority")
    a.entities = [
        Entity("o1", "Reuters", "ORG"),
        Entity("g1", "Freedonia", "GPE"),
        Entity("h1", "harbour authority", "ORG", mentions=[Mention(start, start + 17, "harbour authority")]),
    ]
    lines = {x.split()[1]: x for x in _shown(a).splitlines() if x.startswith("  ORG") or x.startswith("  GPE")}
    assert lines["Reuters"].endswith("(dateline)")
    assert lines["Freedonia"].endswith("(notice)")
    assert "(dateline)" not in lines["harbour"] and "(notice)" not in lines["harbour"]


def test_language_counts_put_the_most_frequent_first_and_the_unknown_last() -> None:
    assert render.language_counts({"unknown": 12, "ru": 4, "en": 920}) == "en 920, ru 4, (unknown) 12"
    assert render.language_counts({"de": 2, "fr": 2}) == "de 2, fr 2"


def test_the_summary_gives_a_slow_runs_rate_instead_of_zero() -> None:
    from dateline.api import IngestResult
    from dateline.archive.store import Counts

    def summary(read: int, seconds: float) -> str:
        console = Console(width=100, record=True)
        render.print_summary(console, IngestResult(Counts(read=read, stored=read), 1, False, seconds=seconds))
        return console.export_text()

    assert "(0.4 records/s)" in summary(20, 50.0)
    assert "(1,000 records/s)" in summary(5000, 5.0)


def test_lines_printed_as_one_read_as_lines_printed_one_by_one() -> None:
    lines = ["[bold]The harbour authority[/bold] [dim](direct, 2024-02-06, a1)[/dim]",
             "  " + render.escape("[sic] the quay would open in spring, weather permitting, the authority said"),
             "", "  a third line"]
    for width in (30, 200):
        alone, together = (Console(width=width, record=True, force_terminal=True) for _ in range(2))
        for line in lines:
            alone.print(line)
        render.print_lines(together, lines)
        assert together.export_text(styles=True) == alone.export_text(styles=True)
    nothing = Console(record=True)
    render.print_lines(nothing, [])
    assert nothing.export_text() == ""


def test_the_command_lines_consoles_print_emoji_codes_as_written() -> None:
    from dateline.cli.common import err, out

    for console in (out, err):
        with console.capture() as captured:
            console.print("Shares rose :fire: on the news")
        assert captured.get() == "Shares rose :fire: on the news\n"
