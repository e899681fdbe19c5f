"""Union-find whose root is always the smallest member.

A few lines of our own rather than a dependency (networkx or scipy's connected components
would need the whole graph at once): clusters grow a batch at a time, and the smallest
member as root makes the cluster id independent of the order in which edges arrive.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any


class UnionFind:
    def __init__(self, items: Iterable[Hashable] = ()) -> None:
        self.parent: dict[Any, Any] = {x: x for x in items}

    def find(self, x: Any) -> Any:
        parent = self.parent
        root = parent.setdefault(x, x)
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    def union(self, a: Any, b: Any) -> Any:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        lo, hi = (ra, rb) if ra < rb else (rb, ra)
        self.parent[hi] = lo
        return lo

    def groups(self) -> dict[Any, list[Any]]:
        """root -> sorted members, for every item seen."""
        out: dict[Any, list[Any]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        for members in out.values():
            members.sort()
        return out
