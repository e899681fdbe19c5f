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
            time.sleep(5)
        return real(raw, settings)

    monkeypatch.setattr(pipeline, "clean_record", slow)
    body = "Officials in Oslo said on Monday that talks on the border would resume next week."
    raws = [RawRecord(Source("t", i, "txt"), text=t) for i, t in enumerate(["SLOW " + body, body])]
    start = time.perf_counter()
    out = list(pipeline.process(raws, Settings(extract=False, clean_timeout_s=0.2)))
    assert time.perf_counter() - start < 2
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
            time.sleep(5)
        except Exception as exc:
            raise Rejected("bad_html", f"could not parse the page ({type(exc).__name__})") from exc

    monkeypatch.setattr(pipeline, "clean_record", guarded)
    (out,) = pipeline.process([RawRecord(Source("t", 0, "html"), html="<p>x</p>")],
                              Settings(extract=False, clean_timeout_s=0.2))
    assert out.rejected is not None and out.rejected.reason == "too_slow"
    assert "_TimedOut" not in out.rejected.detail and "clean_timeout_s" in out.rejected.detail
