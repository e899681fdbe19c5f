"""The key an entity's name is linked by across articles (`entity_names.key`), scoped by type.

A module of its own because the read side looks names up by it (search widening a name to the
entity's other names, `dateline entity NAME`) and must not import what storing facts needs
(name parsing, romanisation) to do so (issue 20: a fast start).
"""

from __future__ import annotations

import re
import unicodedata

# Legal-form words after a company's name (dots already gone): `Apple Inc.`, `Fiat Group
# S.p.A.` and `Apple` are one key. Only at the end and never the whole name.
_DESIGNATOR = re.compile(
    r"(?:,?\s+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|plc|llc|lp|"
    r"s ?a|s ?p ?a|ag|n ?v|gmbh|group|holdings?))+$"
)


def name_key(etype: str, name: str) -> str:
    """`TYPE|words`: case, width, a leading `the`, dots and spacing folded, and an
    organisation's legal form dropped."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    folded = re.sub(r"^the\s+", "", folded)
    words = " ".join(folded.replace(".", "").split())
    if etype == "ORG":
        words = _DESIGNATOR.sub("", words) or words
    return f"{etype}|{words}"
