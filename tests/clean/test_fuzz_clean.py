"""Fuzzing the cleaner with hostile text: only Rejected escapes, and cleaning is idempotent.

DATELINE_FUZZ_EXAMPLES sets the examples per test (see tests/read/test_fuzz_readers.py).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dateline.clean import clean_record
from dateline.model import Article, RawRecord, Rejected, Source

EXAMPLES = int(os.environ.get("DATELINE_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["The", "minister", "said", "talks", "would", "resume", "on", "Thursday.", "OSLO", "(Reuters)", "-",
         "Daesh*", "*Daesh", "is", "banned", "in", "Russia.", "$600", "million", "\u201cWe", "agree,\u201d",
         "caf\u00c3\u00a9", "Z\u00fcrich", "\u202e", "\u2066", "\x00", "\x07", "\x1b[31m", "\ufeff", "\u200b",
         "\r", "\n", "\n\n", "\t", "Reuter", "date 2021-02-30", "<p>", "&amp;", "..."]
hostile_text = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=60).map(" ".join),
)


def _clean(text: str) -> Article | None:
    try:
        return clean_record(RawRecord(source=Source("t", 0, "txt"), text=text))
    except Rejected:
        return None


@FUZZ
@given(hostile_text)
@example("The The The The The Thursday. 000000\x81\u00c0\x860")  # ftfy decided differently on a second pass
@example("The The The The The The The 0000\x9c 00\u00c2\x8500")  # a UTF-8 NEL read as cp1252
@example("The The The The The The The The 0\u00c2\r000\u00a4\u00d7")  # unwrapping makes `\u00c2 `
@example("The The The The The The The The 0\u00c2\x0c000\u00a4\u00d7")  # so does a control character
@example("The The The The The The The The 0\u00c2\x87\u00e0  The")  # ftfy's choice hangs on spacing
@example("The The The The The The agree,\u201d 000000\u00a2\xad\u00bf")  # ftfy uncurled quotes
@example("The The The The The The The 0000000\x81\u00c2\u00a100")  # a control hid mojibake
@example("The The The The The date 2021-02-30 \x9a\u00d8 \x80\u00c2 \u202e")  # a trailing space did
@example("The The The The The The The The The  \u00c2 The")  # `Â ` is bad, `Â  ` is not
def test_hostile_text_cleans_idempotently(text: str) -> None:
    once = _clean(text)
    if once is None:
        return
    twice = _clean(once.text)
    assert twice is not None and twice.text == once.text
    for p in once.paragraphs:
        assert once.text[p.start:p.end].strip() == once.text[p.start:p.end]
