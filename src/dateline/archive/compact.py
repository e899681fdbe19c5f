"""How the archive keeps an article's JSON and its raw records small: zstd, each thing once.

An article's JSON (the contract, less its text) is stored as one zstd frame, compressed with a
small dictionary of the contract's own keys and common values. Articles are short (a wire story's
JSON is a few KB), and zstd alone finds few repeats inside one such document; the dictionary
gives it the repeats that every article shares (`"mentions":[{"start":`) from the first byte.

A raw record is compressed with the article's clean text as its dictionary: most of a raw record
is the clean text itself (cleaning repairs a few characters, cuts a dateline or a sign-off), so
what is stored is little more than the difference, and a raw record equal to the clean text costs
a dozen bytes. Reading it back needs the clean text of the stored article, which never changes once
stored (an article's id is the hash of its text).

Each stored value starts with one byte naming how it was packed, so values packed by a later
dateline (another dictionary) and text written by an earlier one (plain JSON, plain raw records,
before the migration converted them) are all read. A codec's byte and dictionary never change
once released: archives hold values packed with them.
"""

from __future__ import annotations

import json
import threading
from typing import Any

import zstandard

# The codec bytes. Plain text (archives before the compact storage) is a `str`, never bytes.
JSON_V1 = 1  # zstd frame, dictionary `_JSON_DICT_V1`
RAW_V1 = 2  # zstd frame, dictionary: the article's clean text (UTF-8)

# Measured on 981 Reuters articles' JSON (4.1 KB each): level 3 packs it to 1,092 bytes in 0.35 ms,
# level 6 to 1,019 bytes in 1.1 ms, level 9 to 1,014 in 1.7 ms; unpacking costs 0.1 ms at any
# level, a sixth of parsing the JSON. An article costs about 250 ms of extraction to make.
LEVEL = 6

# The contract's keys in the order `Article.to_dict` writes them, each fact kind's shape, and
# values many articles share; the most common near the end, where zstd's offsets to them are
# shortest. Frozen once released (see above): a new field gets a new codec byte and dictionary.
_JSON_DICT_V1 = (
    b'"type":"NORP","type":"FAC","type":"LOC","type":"EVENT","type":"LAW","type":"PRODUCT",'
    b'"unit":"EUR","unit":"GBP","unit":"JPY","unit":"percent","unit":"USD","qualifier":"about",'
    b'"qualifier":"more than","qualifier":"up to","counted":"people","type":"DURATION","type":"SET",'
    b'"type":"TIME","quad":"VCOOP","quad":"MCOOP","quad":"VCONF","quad":"MCONF","type":"AGREE",'
    b'"type":"CONSULT","type":"SUPPORT","type":"REQUEST","type":"REJECT","type":"DEMAND","type":"ACCUSE",'
    b'"type":"AID","type":"COERCE","type":"ASSAULT","type":"PROTEST","type":"THREATEN","sector":"GOV",'
    b'"reason":"boilerplate"},{"text":"","reason":"duplicate"},"notices":[{"text":"","refers_to":null}],'
    b'"repairs":{"run_together":1,"duplicate_paragraphs":1,"mojibake":1,"signoffs":1,"unwrapped":1},'
    b'"removed":[{"text":"","reason":"signoff"}],'
    b'{"type":"AGREE","quad":"VCOOP","actor":{"text":"","entity":null,"country":null,"sector":null},'
    b'"recipient":{"text":"","entity":null,"country":null,"sector":null},"mentions":[{"start":0,"end":0}],'
    b'"mode":null,"place":null,"date":null,"date_from":"published","flags":[],"source":null,"trigger":"",'
    b'"instrument":null},'
    b'{"text":"","kind":"direct","speaker":null,"speaker_entity":null,"start":0,"end":0,"cue":"said"},'
    b'{"text":"","kind":"indirect","speaker":"","speaker_entity":"person:","start":0,"end":0,"cue":"said"},'
    b'{"text":"","value":"","start":0,"end":0,"type":"DATE"},'
    b'{"text":"","value":0.0,"unit":"USD","qualifier":null,"counted":null,"start":0,"end":0},'
    b'{"text":"","value":0.0,"unit":null,"qualifier":null,"counted":"","start":0,"end":0},'
    b'{"id":"","source":{"path":"","record":1,"format":"jsonl","offset":0},"published":null,'
    b'"title":null,"url":null,"outlet":null,"authors":[],"language":"en","section":null,'
    b'"description":null,"image":null,"tags":[],"dateline":{"text":"","place":"","agency":null,'
    b'"date":null},"notices":[],"repairs":{},"removed":[],"warnings":[],"paragraphs":[{"start":0,"end":0},'
    b'"entities":[],"quotes":[],"amounts":[],"times":[],"events":[],"cluster":null,"story":null}'
    b'{"id":"person:","name":"","type":"PERSON","aliases":[],"roles":[],"country":null,"mentions":[{"start":'
    b'{"id":"org:","name":"","type":"ORG","aliases":[],"roles":[],"country":null,"mentions":[{"start":'
    b'{"id":"gpe:","name":"","type":"GPE","aliases":[],"roles":[],"country":"USA","mentions":[{"start":'
    b'},{"start":'
    b',"end":'
    b',"text":"'
)

_local = threading.local()  # zstd contexts are not shared between threads (the server has several)


def _json_dict() -> zstandard.ZstdCompressionDict:
    d = getattr(_local, "json_dict", None)
    if d is None:
        d = _local.json_dict = zstandard.ZstdCompressionDict(_JSON_DICT_V1, dict_type=zstandard.DICT_TYPE_RAWCONTENT)
        d.precompute_compress(level=LEVEL)  # once, not for every article
    return d


def _compressor() -> zstandard.ZstdCompressor:
    c = getattr(_local, "compressor", None)
    if c is None:
        c = _local.compressor = zstandard.ZstdCompressor(dict_data=_json_dict())
    return c


def _decompressor() -> zstandard.ZstdDecompressor:
    d = getattr(_local, "decompressor", None)
    if d is None:
        d = _local.decompressor = zstandard.ZstdDecompressor(dict_data=_json_dict())
    return d


def pack_json(d: dict[str, Any]) -> bytes:
    """An article's JSON (without its text), as stored."""
    data = json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    return bytes([JSON_V1]) + _compressor().compress(data)


def unpack_json(value: bytes | str) -> dict[str, Any]:
    """The dict `pack_json` was given; plain JSON text (an archive before compact storage) as is."""
    if isinstance(value, str):
        return dict(json.loads(value))
    if not value or value[0] != JSON_V1:
        raise ValueError(f"unknown article JSON codec {value[:1]!r}: written by a newer dateline")
    return dict(json.loads(_decompressor().decompress(value[1:]).decode("utf-8", "surrogatepass")))


def _text_dict(text: str) -> zstandard.ZstdCompressionDict:
    return zstandard.ZstdCompressionDict(text.encode("utf-8", "surrogatepass"),
                                         dict_type=zstandard.DICT_TYPE_RAWCONTENT)


def pack_raw(raw: str, text: str) -> bytes:
    """A raw record as stored: compressed against the clean text of its article."""
    data = raw.encode("utf-8", "surrogatepass")
    # The frame records its size, so that reading it back needs no guess at the output's length,
    # and a checksum (4 bytes), so that a record read against another text fails instead of
    # reading back as garbage.
    frame = zstandard.ZstdCompressor(level=LEVEL, dict_data=_text_dict(text), write_content_size=True,
                                     write_checksum=True).compress(data)
    return bytes([RAW_V1]) + frame


def unpack_raw(value: bytes | str | None, text: str) -> str:
    """The raw record `pack_raw` was given, with the same clean text; plain text as is."""
    if value is None or isinstance(value, str):
        return value or ""
    if not value or value[0] != RAW_V1:
        raise ValueError(f"unknown raw record codec {value[:1]!r}: written by a newer dateline")
    out = zstandard.ZstdDecompressor(dict_data=_text_dict(text)).decompress(value[1:])
    return out.decode("utf-8", "surrogatepass")
