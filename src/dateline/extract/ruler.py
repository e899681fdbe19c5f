"""spaCy's attribute_ruler, compiled to numpy masks for the token attributes the extractors read.

In spaCy's English pipelines the attribute_ruler maps each fine tag to its coarse part of
speech (a tag map: `NNS` -> NOUN) and then applies about 70 exception rules (`that` tagged WDT
is a relative PRON, `has` is an AUX, a whitespace token is SPACE). It runs them through a
Matcher and a Python call per matched token, and every token matches a tag-map rule: about 12%
of ingest CPU went there. Our extractors read POS, TAG and DEP, never MORPH or LEMMA (see
`extract.nlp`), so here each rule that sets one of those three is evaluated as a boolean mask
over the doc's attribute arrays. The ruler's semantics are kept exactly: every rule is matched
against the doc as it came in, and the rules are applied in the ruler's order, a later one
overriding an earlier one. A ruler with a pattern this compiler does not know (an operator, a
regular expression, an attribute it does not read) is not compiled, and the model keeps its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, NORM, ORTH, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import StringStore
from spacy.tokens import Doc

# The token attributes a pattern may test, by the name a Matcher pattern uses.
READS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE, "ORTH": ORTH,
         "TEXT": ORTH, "NORM": NORM, "POS": POS}
# What the extractors read of the ruler's output; its MORPH and LEMMA are left unset.
WRITES = ("POS", "TAG", "DEP")
IGNORED = frozenset({"MORPH", "LEMMA"})
_OUT = [POS, TAG, DEP]


class NotCompiled(Exception):
    """A ruler pattern outside what `compile_rules` can evaluate exactly."""


def present(cols: np.ndarray) -> list[frozenset[int]]:
    """The values each column holds in one doc. A rule that needs a value the doc does not hold
    is skipped without touching the arrays: most exceptions name a word (`herself`, `whilst`)
    that most articles do not contain."""
    return [frozenset(np.unique(cols[:, j]).tolist()) for j in range(cols.shape[1])]


@dataclass(frozen=True, slots=True)
class Test:
    """One attribute test of one pattern token: the column equals (or does not equal) one of
    `values`."""

    column: int
    values: np.ndarray
    negate: bool
    wanted: frozenset[int]  # the same values, for set operations

    def mask(self, cols: np.ndarray, present: list[frozenset[int]]) -> np.ndarray:
        col = cols[:, self.column]
        hit = np.zeros(len(col), dtype=bool)
        # only the values this doc holds can match: usually one or two of a long list
        for value in self.wanted & present[self.column]:
            hit |= col == value
        return ~hit if self.negate else hit


@dataclass(frozen=True, slots=True)
class Rule:
    """One ruler entry: alternatives of fixed-length token patterns, the token of a match it
    writes (`index`, counted from the match's start, or from its end when negative) and what
    it writes there, as (output column, value) pairs."""

    alternatives: tuple[tuple[tuple[Test, ...], ...], ...]
    index: int
    sets: tuple[tuple[int, int], ...]
    # per alternative, (column, values) of its positive tests: the doc must hold one of each
    needs: tuple[tuple[tuple[int, frozenset[int]], ...], ...] = ()

    def apply(self, cols: np.ndarray, present: list[frozenset[int]], out: np.ndarray) -> None:
        n = len(cols)
        for tokens, needs in zip(self.alternatives, self.needs, strict=True):
            width = len(tokens)
            if width > n or any(wanted.isdisjoint(present[column]) for column, wanted in needs):
                continue
            starts = np.ones(n - width + 1, dtype=bool)
            for offset, tests in enumerate(tokens):
                for test in tests:
                    starts &= test.mask(cols[offset:offset + len(starts)], present)
            at = np.flatnonzero(starts) + (self.index if self.index >= 0 else width + self.index)
            for column, value in self.sets:
                out[at, column] = value


@dataclass(frozen=True, slots=True)
class Lookup:
    """A run of consecutive rules that each test one column for one value (a tag map), applied
    as one sorted lookup. Merging them is exact: a token holds one value in the column, so at
    most one key of the run matches it (a key given twice keeps its later rule's values)."""

    column: int
    keys: np.ndarray  # sorted
    sets: tuple[tuple[int, np.ndarray, np.ndarray], ...]  # (output column, key has a value, value)

    def apply(self, cols: np.ndarray, present: list[frozenset[int]], out: np.ndarray) -> None:
        col = cols[:, self.column]
        at = np.minimum(np.searchsorted(self.keys, col), len(self.keys) - 1)
        found = self.keys[at] == col
        for column, has, values in self.sets:
            sel = found & has[at]
            out[sel, column] = values[at[sel]]

    @staticmethod
    def merge(rules: Sequence[Rule]) -> Lookup:
        keys = np.array(sorted({int(r.alternatives[0][0][0].values[0]) for r in rules}), dtype=np.uint64)
        where = {int(k): i for i, k in enumerate(keys)}
        sets = []
        for column in sorted({c for r in rules for c, _ in r.sets}):
            has = np.zeros(len(keys), dtype=bool)
            values = np.zeros(len(keys), dtype=np.uint64)
            for r in rules:  # in the ruler's order: a later rule for the same key wins
                for c, v in r.sets:
                    if c == column:
                        i = where[int(r.alternatives[0][0][0].values[0])]
                        has[i], values[i] = True, v
            sets.append((column, has, values))
        return Lookup(rules[0].alternatives[0][0][0].column, keys, tuple(sets))


@dataclass(frozen=True, slots=True)
class Keyed:
    """A run of consecutive single-token rules that each test the same columns, every test an
    equality or an `IN` (the exceptions: a tag and a word), applied as one table from a token's
    values in those columns to what the run leaves on it. Exact: the table holds, for every
    combination of values a rule of the run matches, the values of the last rule of the run that
    sets each output column, which is what applying the rules in order leaves."""

    columns: tuple[int, ...]  # the first is the most selective: tokens are picked by it
    leads: frozenset[int]
    table: dict[tuple[int, ...], tuple[tuple[int, int], ...]]

    def apply(self, cols: np.ndarray, present: list[frozenset[int]], out: np.ndarray) -> None:
        held = self.leads & present[self.columns[0]]
        if not held:
            return
        lead = cols[:, self.columns[0]]
        hit = np.zeros(len(lead), dtype=bool)
        for value in held:
            hit |= lead == value
        at = np.flatnonzero(hit)
        for i, key in zip(at.tolist(), cols[np.ix_(at, self.columns)].tolist(), strict=True):
            for column, value in self.table.get(tuple(key), ()):
                out[i, column] = value

    @staticmethod
    def merge(rules: Sequence[Rule]) -> Keyed:
        tests = [{t.column: t.wanted for t in r.alternatives[0][0]} for r in rules]
        distinct = {c: len(set().union(*(t[c] for t in tests))) for c in tests[0]}
        columns = tuple(sorted(distinct, key=lambda c: -distinct[c]))
        table: dict[tuple[int, ...], dict[int, int]] = {}
        for rule, by_column in zip(rules, tests, strict=True):  # in the ruler's order: later wins
            for key in product(*(sorted(by_column[c]) for c in columns)):
                table.setdefault(key, {}).update(rule.sets)
        return Keyed(columns, frozenset(k[0] for k in table), {k: tuple(v.items()) for k, v in table.items()})


def _keyed(rule: Rule) -> tuple[int, ...] | None:
    """The columns a rule tests when it is one single-token pattern of equality and `IN` tests
    on distinct columns (the shape `Keyed` merges)."""
    if len(rule.alternatives) != 1 or len(rule.alternatives[0]) != 1 or rule.index not in (0, -1):
        return None
    tests = rule.alternatives[0][0]
    columns = tuple(sorted(t.column for t in tests))
    if any(t.negate for t in tests) or len(set(columns)) != len(columns):
        return None
    return columns


def _merge(steps: Sequence[Any], key: Callable[[Any], Any], merge: Callable[[list[Any]], Any]) -> tuple[Any, ...]:
    """`steps` with each run of two or more neighbours of one `key` (not None) merged into one step:
    rules apply in order, so only neighbours may be joined."""
    out: list[Any] = []
    run: list[Any] = []
    for step in [*steps, None]:
        k = key(step) if step is not None else None
        if run and (k is None or k != key(run[0])):
            out.append(merge(run) if len(run) > 1 else run[0])
            run = []
        if step is None:
            break
        (out if k is None else run).append(step)
    return tuple(out)


def _merge_keyed(steps: Sequence[Rule | Lookup]) -> tuple[Rule | Lookup | Keyed, ...]:
    return _merge(steps, lambda s: _keyed(s) if isinstance(s, Rule) else None, Keyed.merge)


def _simple(rule: Rule) -> int | None:
    """The column a rule tests when it is one single-token equality test (tag-map shape)."""
    if len(rule.alternatives) != 1 or len(rule.alternatives[0]) != 1 or rule.index not in (0, -1):
        return None
    tests = rule.alternatives[0][0]
    if len(tests) != 1 or tests[0].negate or len(tests[0].values) != 1:
        return None
    return tests[0].column


def _merge_runs(rules: Sequence[Rule]) -> tuple[Rule | Lookup, ...]:
    return _merge(rules, _simple, Lookup.merge)


@dataclass(frozen=True, slots=True)
class CompiledRuler:
    """The compiled rules, callable as a pipeline component (`Doc -> Doc`)."""

    reads: tuple[int, ...]
    steps: tuple[Rule | Lookup | Keyed, ...]

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        cols = doc.to_array(list(self.reads))
        if cols.ndim == 1:
            cols = cols.reshape(-1, 1)
        out = doc.to_array(_OUT)
        before = out.copy()
        held = present(cols)
        for step in self.steps:
            step.apply(cols, held, out)
        if not np.array_equal(out, before):
            doc.from_array(_OUT, out)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 0) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


def _values(strings: StringStore, key: str, value: Any) -> tuple[np.ndarray, bool]:
    """A pattern value as the hashes a column holds, and whether the test is negated."""
    if isinstance(value, Mapping):
        if len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN"):
            raise NotCompiled(f"operator {sorted(value)} on {key}")
        op, items = next(iter(value.items()))
        hashes = [_hash(strings, key, v) for v in items]
        return np.array(sorted(set(hashes)), dtype=np.uint64), op == "NOT_IN"
    return np.array([_hash(strings, key, value)], dtype=np.uint64), False


def _hash(strings: StringStore, key: str, value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if not isinstance(value, str):
        raise NotCompiled(f"value {value!r} for {key}")
    if key == "POS":
        if value not in POS_IDS:
            raise NotCompiled(f"unknown part of speech {value!r}")
        return POS_IDS[value]
    return strings.add(value)


def _token(strings: StringStore, spec: Mapping[str, Any], column: Mapping[int, int]) -> tuple[Test, ...]:
    tests = []
    for key, value in spec.items():
        if key not in READS:
            raise NotCompiled(f"pattern key {key!r}")
        values, negate = _values(strings, key, value)
        tests.append(Test(column[READS[key]], values, negate, frozenset(values.tolist())))
    # equality first: it is the cheapest test and the one that most often matches nothing
    return tuple(sorted(tests, key=lambda t: (t.negate, len(t.values))))


def _sets(strings: StringStore, attrs: Mapping[str, Any]) -> tuple[tuple[int, int], ...]:
    sets = []
    for key, value in attrs.items():
        if key in IGNORED:
            continue
        if key not in WRITES:
            raise NotCompiled(f"the rule sets {key}")
        sets.append((WRITES.index(key), _hash(strings, key, value)))
    return tuple(sets)


def compile_rules(patterns: Sequence[Mapping[str, Any]], strings: StringStore) -> CompiledRuler:
    """Compile an attribute_ruler's `patterns` (in its order); raises NotCompiled when one is
    outside what can be evaluated exactly."""
    used = sorted({READS[key] for p in patterns for alt in p["patterns"] for tok in alt
                   for key in tok if key in READS})
    column = {attr: i for i, attr in enumerate(used)}
    rules = []
    for p in patterns:
        sets = _sets(strings, p["attrs"])
        if not sets:  # a rule that only sets MORPH or LEMMA changes nothing we read
            continue
        alternatives = tuple(tuple(_token(strings, tok, column) for tok in alt) for alt in p["patterns"])
        index = int(p.get("index", 0))
        if any(not alt or not -len(alt) <= index < len(alt) for alt in alternatives):
            raise NotCompiled(f"pattern {p['patterns']} cannot write its token {index}")
        needs = tuple(tuple((t.column, t.wanted) for tests in alt for t in tests if not t.negate)
                      for alt in alternatives)
        rules.append(Rule(alternatives, index, sets, needs))
    return CompiledRuler(tuple(used) or (ORTH,), _merge_keyed(_merge_runs(rules)))
