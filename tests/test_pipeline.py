from __future__ import annotations

import time

import pytest

from dateline import pipeline
from dateline.model import RawRecord, Source
from dateline.settings import Settings


def test_a_record_that_cleans_too_slowly_is_rejected_and_the_next_one_is_not(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.clean_record

    def slow(raw: RawRecord, settings: Settings):
        if raw.text and raw.text.startswith("SLOW"):
            _burn(5)
        return real(raw, settings)

    monkeypatch.setattr(pipeline, "clean_record", slow)
    body = "Officials in Oslo said on Monday that talks on the border would resume next week."
    raws = [RawRecord(Source("t", i, "txt"), text=t) for i, t in enumerate(["SLOW " + body, body])]
    start = time.process_time()
    out = list(pipeline.process(raws, Settings(extract=False, clean_timeout_s=0.2)))
    assert time.process_time() - start < 2  # CPU seconds: the budget counts work, not the clock
    assert out[0].rejected is not None and out[0].rejected.reason == "too_slow"
    assert out[1].article is not None and out[1].article.text == body


def test_a_library_catching_every_exception_cannot_turn_the_time_limit_into_its_own_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # trafilatura wraps its work in `except Exception`: a timeout must still read `too_slow`,
    # in words, not `bad_html (_TimedOut)`.
    from dateline.model import Rejected

    def guarded(raw: RawRecord, settings: Settings):
        try:
            end = time.process_time() + 5  # work, not sleep: the budget counts CPU seconds
            while time.process_time() < end:
                pass
        except Exception as exc:
            raise Rejected("bad_html", f"could not parse the page ({type(exc).__name__})") from exc

    monkeypatch.setattr(pipeline, "clean_record", guarded)
    (out,) = pipeline.process([RawRecord(Source("t", 0, "html"), html="<p>x</p>")],
                              Settings(extract=False, clean_timeout_s=0.2))
    assert out.rejected is not None and out.rejected.reason == "too_slow"
    assert "_TimedOut" not in out.rejected.detail and "clean_timeout_s" in out.rejected.detail


def test_a_record_over_the_extract_budget_is_rejected_naming_the_stage_and_its_batch_is_kept(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def extractor(articles, settings):  # stands in for spaCy and the extractors
        for a in articles:
            if a.text.startswith("SLOW"):
                _burn(5)
            yield a

    monkeypatch.setattr(pipeline, "load_extractor", lambda settings: extractor)
    body = "Officials in Oslo said on Monday that talks on the border would resume next week."
    raws = [RawRecord(Source("t", i, "txt"), text=t) for i, t in enumerate([body, "SLOW " + body, body + " Again."])]
    start = time.process_time()
    out = list(pipeline.process(raws, Settings(extract_timeout_s=0.05)))
    assert time.process_time() - start < 2  # the batch's budget (3 x 0.05 CPU-s), then the slow one alone
    assert [o.article is not None for o in out] == [True, False, True]
    assert out[1].rejected is not None and str(out[1].rejected).startswith("too_slow: extract: took over 0.05 CPU-s")


def _burn(seconds: float) -> None:
    """Slow code: budgets count CPU time, which sleeping does not use."""
    import time as _time

    end = _time.process_time() + seconds
    while _time.process_time() < end:
        pass


def test_an_article_over_extract_max_chars_is_stored_without_facts_and_says_why(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []

    def extractor(articles, settings):
        for a in articles:
            seen.append(len(a.text))
            yield a

    monkeypatch.setattr(pipeline, "load_extractor", lambda settings: extractor)
    body = "Officials in Oslo said on Monday that talks on the border would resume next week."
    raws = [RawRecord(Source("t", i, "txt"), text=t) for i, t in enumerate([body, " ".join([body] * 20)])]
    out = list(pipeline.process(raws, Settings(extract_max_chars=500)))
    assert seen == [len(body)]  # the long one never reaches spaCy
    assert out[1].article is not None and out[1].article.warnings[-1].startswith("not extracted: 1,639 characters")
