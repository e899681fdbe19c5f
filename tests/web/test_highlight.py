"""Highlights from offsets: always escaped, always properly nested, whatever the overlaps."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from dateline.web.highlight import Mark, render


class _Nesting(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ok = True
        self.link_depth = 0
        self.nested_link = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "a":
            self.nested_link |= self.link_depth > 0
            self.link_depth += 1
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.ok = False
        if tag == "a":
            self.link_depth -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _check(out: str, text: str) -> _Nesting:
    p = _Nesting()
    p.feed(out)
    p.close()
    assert p.ok and not p.stack, out
    assert not p.nested_link, out
    assert "".join(p.text) == text  # no character lost, added or left unescaped
    return p


def test_escapes_every_piece() -> None:
    text = '<b onclick="x">Tom & Jerry</b>'
    out = render(text, [Mark(3, 10, "entity", 'PERSON · "Tom" <x>', "/entities/a?b=1&c=2")])
    assert "<b" not in out.replace("<a", "")
    assert 'title="PERSON · &#34;Tom&#34; &lt;x&gt;"' in out and 'href="/entities/a?b=1&amp;c=2"' in out
    _check(out, text)


def test_crossing_spans_are_split_not_broken() -> None:
    text = "Alpha Beta Gamma Delta"
    out = render(text, [Mark(0, 10, "quote", "q"), Mark(6, 16, "time", "t")])
    assert out == ('<span class="hl quote " title="q">Alpha <span class="hl time " title="t">Beta</span></span>'
                   '<span class="hl time " title="t"> Gamma</span> Delta')
    _check(out, text)


def test_link_inside_link_becomes_span_and_anchor_only_once() -> None:
    text = "more than $40 million on Friday"
    out = render(text, [Mark(0, 21, "amount", "amt", "/amounts", anchor="m-0"),
                        Mark(10, 13, "entity", "MONEY", "/entities/x"), Mark(14, 31, "time", "t")])
    _check(out, text)
    assert out.count('id="m-0"') == 1 and out.count("<a ") == 1


def test_bad_offsets_are_skipped() -> None:
    text = "short"
    out = render(text, [Mark(3, 2, "time", "t"), Mark(-1, 2, "time", "t"), Mark(2, 99, "time", "t")])
    assert out == "short"


_spans = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 30), st.sampled_from(["quote", "entity", "amount", "time"]),
              st.booleans()),
    max_size=12,
)


@given(text=st.text(alphabet=st.sampled_from(list("ab <>&\"'é\n")), max_size=30), spans=_spans)
def test_any_spans_give_valid_nesting(text: str, spans: list[tuple[int, int, str, bool]]) -> None:
    marks = [Mark(s, e, k, f"{k}<{s}>", "/x?a=1&b=<2>" if link else None) for s, e, k, link in spans]
    out = render(text, marks)
    _check(out, text)
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text
