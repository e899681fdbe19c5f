"""The words that attribute speech: cue verbs and stance verbs.

Word lists only, so that every part of the quote finder (and `extract.events`, which skips
speech verbs) reads the same lists without importing any parse logic.
"""

from __future__ import annotations

CUES = frozenset(
    "say says said saying tell tells told add adds added state states stated announce announces "
    "announced emphasise emphasises emphasised emphasize emphasizes emphasized urge urges urged "
    "warn warns warned stress stresses stressed note notes noted explain explains explained "
    "claim claims claimed insist insists insisted argue argues argued declare declares declared "
    "assert asserts asserted confirm confirms confirmed deny denies denied reiterate reiterates "
    "reiterated acknowledge acknowledges acknowledged suggest suggests suggested write writes "
    "wrote report reports reported predict predicts predicted recall recalls recalled continue "
    "continues continued shout shouts shouted ask asks asked reply replies replied respond responds "
    "responded boast boasts boasted tweet tweets tweeted post posts posted quip quips quipped "
    "joke jokes joked saying telling adding noting stating explaining arguing claiming "
    "insisting warning writing tweeting asking replying responding reporting declaring "
    "comment comments commented commenting demand demands demanded exclaim exclaims exclaimed "
    "retort retorts retorted conclude concludes concluded answer answers answered read reads "
    "chant chants chanted chanting echo echoes echoed echoing shouting yell yells yelled yelling "
    "cry cries cried crying point points pointed pointing written spoken".split()
)


def _forms(bases: str) -> frozenset[str]:
    """Regular inflections of base verbs; the pipeline runs without a lemmatizer, and a table
    of forms is cheaper than running one."""
    out: set[str] = set()
    for b in bases.split():
        if b.endswith("e"):
            out |= {b, b + "s", b + "d", b[:-1] + "ing"}
        elif b.endswith("y") and b[-2] not in "aeiou":
            out |= {b, b[:-1] + "ies", b[:-1] + "ied", b + "ing"}
        elif b.endswith(("s", "sh", "ch", "x")):
            out |= {b, b + "es", b + "ed", b + "ing"}
        else:
            out |= {b, b + "s", b + "ed", b + "ing"}
    return frozenset(out)


# Reported thought and stance, which news attributes as much as speech (PolNeAR counts
# `X believes ...`, `a study found ...`, `X called for ...`): for indirect attributions only,
# since none of them introduces a direct quote reliably.
STANCE = _forms(
    "believe suggest agree accuse criticize criticise promise pledge vow predict estimate "
    "expect hope fear worry admit concede mention indicate reveal allege contend maintain "
    "question blame praise cite attack want call urge demand insist propose recommend "
    "describe dismiss reject defend support oppose argue acknowledge recognize recognise "
    "conclude decide announce confirm deny warn emphasize emphasise stress note complain "
    "describe signal vow threaten refuse decline hint imply acknowledge"
) | frozenset(
    "think thinks thought thinking know knows knew known knowing find finds found finding "
    "show shows showed shown showing feel feels felt feeling hold holds held holding "
    "see sees saw seen".split()
)
