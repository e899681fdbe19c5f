"""Lines that are not the story: share/subscribe/follow prompts, copyright, wire sign-offs,
captions and credits, and the markers that archive services put into the text."""

from __future__ import annotations

import re

from dateline import lexicon

_BOILERPLATE = re.compile(
    r"""^(?:
        share(?:\s+(?:this|on|via)\b.*)?|tweet|email|print|comments?|
        (?:click|tap)\s+here\b.*|
        (?:subscribe|sign\s+up)\b.*(?:newsletter|updates|alerts|free|today|now|here|channel|us)\b.*|
        subscribe(?:\s+now)?|
        (?:read|see)\s+(?:more|also)\b.*|related(?:\s+(?:stories|articles|news|coverage))?:?.*|
        follow\s+(?:us|@?\w+)\s+on\b.*|follow\s+us\b.*|
        advertisement|sponsored(?:\s+content)?|
        (?:\u00a9|\(c\)|copyright\b).{0,160}|.{0,120}\ball\s+rights\s+reserved\.?|
        (?:photo|image|video|file\s+photo)(?:\s+credit)?:.{0,200}|
        (?:also\s+read|must\s+read|don't\s+miss|recommended)\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_SIGNOFF = re.compile(
    r"""^(?:
        reuters?|-{1,2}\s*(?:ap|afp|reuters|upi|dpa)|\(?(?:ap|afp|upi)\)?|
        \((?:reporting|writing|editing|additional\s+reporting|compiled)\s+by\b[^)]*\)(?:\s*\(.*\))*|
        (?:reporting|writing|editing)\s+by\b.{0,200}|
        # the credit line that ends a story: `Ann Lee in Paris contributed to this report`
        .{0,250}\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)|
        .{0,250}\bcontributed\s+reporting(?:\s+from\s+.{1,60})?
    )\.?$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_boilerplate(paragraph: str) -> bool:
    return len(paragraph) <= 240 and bool(_BOILERPLATE.match(paragraph))


# Each kind below is a line a reader skips because it speaks to them about the page, not
# about the news; each has its reason in `removed`, so a user can count and read them back.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Archive services (LexisNexis, Factiva) mark the parts of a record in the text itself.
    ("marker", re.compile(r"^(?:abstract|full\s+text|body|lead|headline|byline|load-date|"
                          r"language|publication-type|document-type)\s*[.:]?$", re.I)),
    # An embed the scraper could not render leaves its label: `[Video: ... Watch on YouTube.]`.
    ("embed", re.compile(r"^\[(?:video|audio|image|photo|gallery|embed(?:ded)?(?:\s+content)?|"
                         r"graphic|interactive)\b[^\]]*\]\.?$", re.I)),
    # Newsletter sign-up boxes, with their thanks and their error messages.
    ("prompt", re.compile(
        r"^(?:.{0,80}\bnewsletters?\b.{0,120}|"
        r"(?:get|have)\b.{0,100}\bdelivered\s+(?:to|through|straight\s+to)\s+your\s+(?:inbox|letterbox|door)\b.*|"
        r"thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing)\b.*|"
        r".{0,60}\berror\s+processing\s+your\s+subscription\b.*|"
        r"keep\s+an\s+eye\s+on\s+your\s+inbox\b.*)$", re.I)),
    # Social prompts: `Like the page:`, `Like this story? Share it`, `Follow X on Twitter`.
    ("prompt", re.compile(
        r"^(?:like\s+(?:the|our|us\s+on)\s+(?:page|facebook)\b.*|"
        r"(?:like|liked|enjoy(?:ed)?|love)\s+this\s+(?:story|article|post)\?.*|"
        r"(?:follow|find|join)\s+(?:us|him|her|them|@?[\w.'\u2019-]+(?:\s+[\w.'\u2019-]+){0,6})\s+on\s+"
        r"(?:twitter|facebook|instagram|linkedin|youtube|tiktok)\b.*|"
        r"(?:subscribe\s+to|watch\s+on|listen\s+on)\s+(?:our|the)?\s*.{0,60}\b(?:youtube|podcast)\b.*|"
        r"(?:tell\s+us\s+what\s+you\s+think|(?:leave|post|add)\s+a\s+comment|\d*\s*comments?)\b.{0,40})$",
        re.I)),
    # Ways to reach the writer or to read more of the outlet's coverage.
    ("prompt", re.compile(
        # Names are capitalised words; the verbs and pronouns may be in any case.
        r"^(?:(?i:reach|contact|e-?mail|write\s+to)\s+(?i:the\s+)?(?:(?i:reporters?|writers?|authors?|him|"
        r"her|them|us)|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})\s+(?i:at|on|via)\b.*|"
        r"(?i:follow|read|see|get)\s+(?i:all\s+(?:of\s+)?)?(?:(?i:our|the)|[A-Z][\w'\u2019]*)\s+.{0,40}"
        r"\b(?i:coverage)\b.*)$")),
    # Pointers to other stories: `Also on example.com`, `Most read in world news`, `Tags: ...`.
    ("related", re.compile(
        r"^(?:also\s+on\s+\S+\.[a-z]{2,}\b.*|most\s+(?:read|popular|viewed|shared|commented)\b.{0,60}|"
        r"(?:tags?|topics?|filed\s+under)\s*(?::.{0,200})?)$", re.I)),
    # A credit alone on its line, or a caption that ends with its credit.
    ("caption", re.compile(
        r"^(?:(?:image|photo|picture|video)\s+(?:source|credit|courtesy)s?\s*:.*|"
        r"(?:credit|source)\s*:\s*(?:getty|ap|afp|reuters|shutterstock|epa|pa)\b.*|"
        r".{0,300}\((?:(?:image|photo|picture)\s+)?credit\s*:[^()]{1,80}\))$", re.I)),
    # An affiliate disclosure: the page earns from what it links to.
    ("disclosure", re.compile(
        r"^.{0,200}\b(?:may|might|will)\s+(?:get|earn|receive|collect)\s+(?:a\s+)?(?:small\s+)?"
        r"(?:share|commission|portion|fee)\b.{0,200}$", re.I)),
    # The page's own time stamps: `UPDATED: Tue., Nov. 19, 2019`, `Published 18 November 2019`.
    ("timestamp", re.compile(
        r"^(?:last\s+)?(?:updated|published|posted|modified|first\s+published)\b(?:\s+(?:on|at))?\s*:?"
        r"(?=.{0,60}\d).{0,60}$", re.I)),
)
MAX_FURNITURE_CHARS = 400


def furniture(paragraph: str) -> str | None:
    """The kind of page furniture a paragraph is (`prompt`, `caption`, `marker`, ...), or None."""
    if len(paragraph) > MAX_FURNITURE_CHARS:
        return None
    for kind, pattern in _KINDS:
        if pattern.match(paragraph):
            return kind
    return None


def _local_signoff() -> re.Pattern[str]:
    """The bracketed wire credit of other languages: `(Редактирование Ивана Петрова)`, `(Redacción
    de Juan Pérez)`, from each language's `signoffs.txt`. All languages at once: sign-offs are
    taken before the article's language is known, and a bracket opening with one of these words
    at the very end of a story is a credit in any language."""
    words = sorted((w for lang in lexicon.languages() if lexicon.has("signoffs", lang)
                    for w in lexicon.entries("signoffs", lang)), key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"
    # the credit names someone within its first words: `(Редактирование Ивана ...`
    name = r"(?:[^\s)]+\s+){0,2}?(?-i:[A-Z\u00c0-\u00de\u0410-\u042f\u0401])"
    return re.compile(rf"^\((?:{alternatives})\s+{name}[^)]*\)(?:\s*\(.*\))*\.?$", re.I)


_LOCAL_SIGNOFF = _local_signoff()


def is_signoff(paragraph: str) -> bool:
    return len(paragraph) <= 300 and bool(_SIGNOFF.match(paragraph) or _LOCAL_SIGNOFF.match(paragraph))
