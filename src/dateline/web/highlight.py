"""An article's clean text as HTML, with its facts highlighted from their offsets.

Facts overlap (a quote holds entity mentions; an amount may cross a time), so spans are nested
with a stack: where one span ends inside another that began later, the inner one is closed and
opened again after, so the tags always nest. Every piece of text and every attribute value goes
through `escape`; nothing from the article reaches the page unescaped. No library renders
offset annotations into nested HTML (displaCy draws entities only, without overlaps), hence
this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from dateline.archive.kinds import KINDS
from dateline.archive.kinds.base import fmt_value
from dateline.model import Article

__all__ = ["Mark", "fmt_value", "marks", "paragraphs", "render"]

# Among spans that start together, the longer opens first; among equal ones, this order.
_KIND_ORDER = {"quote": 0, "entity": 1, "amount": 2, "time": 3}


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # quote | entity | amount | time
    title: str  # the hover text: type, canonical name, resolved value
    href: str | None = None
    css: str = ""
    anchor: str | None = None  # an id, so that lists can link back to the sentence

    def open(self, nested_in_link: bool, first: bool) -> str:
        attrs = [f'class="hl {self.kind} {escape(self.css)}"', f'title="{escape(self.title)}"']
        if first and self.anchor:
            attrs.append(f'id="{escape(self.anchor)}"')
        # A link inside a link is invalid HTML; the inner fact keeps its hover text only.
        if self.href and not nested_in_link:
            return f'<a href="{escape(self.href)}" {" ".join(attrs)}>'
        return f"<span {' '.join(attrs)}>"

    def close(self, nested_in_link: bool) -> str:
        return "</a>" if self.href and not nested_in_link else "</span>"


def marks(article: Article) -> list[Mark]:
    """The spans every fact kind of the registry declares, as marks."""
    return [Mark(h.start, h.end, h.kind, h.title, h.href, h.css, h.anchor)
            for kind in KINDS.values() for h in kind.highlight(article)]


def render(text: str, spans: list[Mark]) -> Markup:
    """`text` with `spans` (offsets into it) as nested, escaped HTML; bad offsets are skipped."""
    n = len(text)
    valid = sorted(
        (s for s in spans if 0 <= s.start < s.end <= n),
        key=lambda s: (s.start, -s.end, _KIND_ORDER.get(s.kind, 9)),
    )
    starts: dict[int, list[Mark]] = {}
    for s in valid:
        starts.setdefault(s.start, []).append(s)
    cuts = sorted({0, n, *starts, *(s.end for s in valid)})
    html: list[str] = []
    stack: list[tuple[Mark, bool]] = []  # open marks, each with whether it sits inside a link
    pos = 0
    for cut in cuts:
        html.append(str(escape(text[pos:cut])))
        pos = cut
        ending = [i for i, (m, _) in enumerate(stack) if m.end <= cut]
        if ending:
            reopen = [m for m, _ in stack[ending[0]:] if m.end > cut]
            for m, in_link in reversed(stack[ending[0]:]):
                html.append(m.close(in_link))
            del stack[ending[0]:]
            for m in reopen:
                _push(html, stack, m, first=False)
        for m in starts.get(cut, []):
            _push(html, stack, m, first=True)
    return Markup("".join(html))


def _push(html: list[str], stack: list[tuple[Mark, bool]], m: Mark, first: bool) -> None:
    in_link = any(o.href and not inside for o, inside in stack)
    html.append(m.open(in_link, first))
    stack.append((m, in_link))


def paragraphs(article: Article) -> list[Markup]:
    """One HTML fragment per paragraph; facts crossing a paragraph break are cut at it."""
    spans = marks(article)
    bounds = [(p.start, p.end) for p in article.paragraphs] or [(0, len(article.text))]
    out = []
    for ps, pe in bounds:
        inside = [
            Mark(max(s.start, ps) - ps, min(s.end, pe) - ps, s.kind, s.title, s.href, s.css,
                 s.anchor if s.start >= ps else None)
            for s in spans if s.start < pe and s.end > ps
        ]
        out.append(render(article.text[ps:pe], inside))
    return out
