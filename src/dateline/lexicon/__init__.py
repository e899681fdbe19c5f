"""Word lists, one folder per language: `lexicon/en/agencies.txt`, `lexicon/ru/agencies.txt`, ...

A list lives in a plain text file so that supporting another language means adding a folder,
not editing the modules that use the words. One entry a line; a line starting with `#`, or
` #` after an entry, is a comment; blank lines are skipped. A mapping file writes
`key = value` on each line (`reuter = Reuters`).
Callers decide about case: the files keep the words as news writes them.
"""

from __future__ import annotations

from functools import cache

__all__ = ["entries", "has", "languages", "mapping", "words"]


@cache
def _lines(name: str, lang: str) -> tuple[str, ...]:
    from importlib import resources  # with tempfile under it: loaded when a list is first read

    path = resources.files(__package__).joinpath(lang, f"{name}.txt")
    if not path.is_file():
        raise KeyError(f"no word list {lang}/{name}")
    out: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        # a comment is a whole line starting with '#', or ' #' after an entry
        line = "" if raw.lstrip().startswith("#") else raw.split(" #", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


def entries(name: str, lang: str = "en") -> tuple[str, ...]:
    """The entries of a list in file order (for patterns where order matters)."""
    return _lines(name, lang)


@cache
def words(name: str, lang: str = "en", lower: bool = False) -> frozenset[str]:
    """The entries of a list as a set; `lower=True` for case-blind lookups."""
    items = _lines(name, lang)
    return frozenset(w.lower() for w in items) if lower else frozenset(items)


@cache
def mapping(name: str, lang: str = "en") -> dict[str, str]:
    """A `key = value` list as a dict (first value wins for a repeated key)."""
    out: dict[str, str] = {}
    for line in _lines(name, lang):
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"{lang}/{name}: line without '=': {line!r}")
        out.setdefault(key.strip(), value.strip())
    return out


def has(name: str, lang: str = "en") -> bool:
    """Whether a language has this list (another language may have none yet)."""
    from importlib import resources

    return resources.files(__package__).joinpath(lang, f"{name}.txt").is_file()


def languages() -> list[str]:
    """The languages that have a folder of word lists."""
    from importlib import resources

    root = resources.files(__package__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and len(p.name) == 2)
