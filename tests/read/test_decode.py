from __future__ import annotations

import codecs

import pytest

from dateline.model import Rejected
from dateline.read.decode import decode

TEXT = "Café owners in Zürich said prices rose — again."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
def test_common_encodings_decode(encoding: str) -> None:
    text, _ = decode(TEXT.encode(encoding))
    assert text == TEXT


def test_utf16_be_with_bom() -> None:
    assert decode(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"))[0] == TEXT


def test_binary_is_rejected() -> None:
    with pytest.raises(Rejected) as exc:
        decode(bytes(range(256)) * 20)
    assert exc.value.reason == "binary"
