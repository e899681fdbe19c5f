"""The lazy exports: a name is imported on first use, kept, listed, and an unknown name is an
AttributeError (so `hasattr` and `getattr(..., default)` work)."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from dateline.lazy import lazy_exports


def test_a_name_is_imported_on_first_use_and_kept() -> None:
    sys.modules.pop("colorsys", None)
    namespace: dict[str, Any] = {}
    get, listing = lazy_exports("pkg", {"rgb_to_hsv": "colorsys"}, namespace, ["rgb_to_hsv"])
    assert "colorsys" not in sys.modules and listing() == ["rgb_to_hsv"]
    fn = get("rgb_to_hsv")
    assert "colorsys" in sys.modules and namespace["rgb_to_hsv"] is fn
    with pytest.raises(AttributeError, match="module 'pkg' has no attribute 'nope'"):
        get("nope")
