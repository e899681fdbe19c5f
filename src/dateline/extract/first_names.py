"""The gender a common English first name points to, from the 1990 US census lists of
first names that ship with the `names` package (MIT licence): who `she said` cannot be when
the article itself never says (`Walter Lee`, `Carly Ann Park`).

A name given to both sexes (`Leslie`, `Jordan`) points nowhere unless one sex holds it
ten times as often (RATIO): such a guess would file a woman's words under a man as often as it
keeps them apart.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# How many times more common a name must be among one sex than the other to point to it.
# High, because the people in the news are not drawn like the census: they are older and
# more often men than the population counted, so a name that one in eight or nine of its
# bearers of the other sex carries (`Lindsey`, `Kelly`, `Chris`) misleads more often than
# the census shares say, and a wrong guess files words under the wrong person.
RATIO = 10.0


@cache
def _table() -> dict[str, str]:
    share: dict[str, dict[str, float]] = {}
    for sex, file in (("m", "dist.male.first"), ("f", "dist.female.first")):
        text = resources.files("names").joinpath(file).read_text(encoding="ascii")
        for line in text.splitlines():
            parts = line.split()
            if len(parts) >= 2:
                share.setdefault(parts[0].casefold(), {})[sex] = float(parts[1])
    out = {name: "" for name in share}  # known to the lists, pointing nowhere
    for name, by_sex in share.items():
        m, f = by_sex.get("m", 0.0), by_sex.get("f", 0.0)
        if m >= RATIO * f:
            out[name] = "m"
        elif f >= RATIO * m:
            out[name] = "f"
    return out


def name_gender(first: str) -> str | None:
    """`m`, `f`, or None for a first name the lists do not tell apart or do not hold."""
    return _table().get(first.casefold().strip(".")) or None


def is_first_name(word: str) -> bool:
    """The lists hold `word` as a first name, whether or not it points to a gender."""
    return word.casefold().strip(".") in _table()
