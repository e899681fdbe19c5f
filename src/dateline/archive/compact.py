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
import struct
import threading
from typing import Any

import zstandard

# The codec bytes. Plain text (archives before the compact storage) is a `str`, never bytes.
JSON_V1 = 1  # zstd frame, dictionary `_JSON_DICT_V1`
JSON_V2 = 5  # as JSON_V1, with each span's text that equals the clean text at its offsets cut (`_cut_spans`)
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


def pack_json(d: dict[str, Any], text: str | None = None) -> bytes:
    """An article's JSON (without its text), as stored. Given the article's clean `text`, each
    fact's copy of its span (a mention's, a quote's, an amount's, a time's `text`) is cut where it
    equals the clean text at the fact's offsets, as nearly all do: the clean text is stored beside
    the JSON, and the span's words were a third of a Reuters article's packed JSON."""
    if text is None:
        data = json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        return bytes([JSON_V1]) + _compressor().compress(data)
    data = json.dumps(_cut_spans(d, text), ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    return bytes([JSON_V2]) + _compressor().compress(data)


def unpack_json(value: bytes | str, text: str | None = None) -> dict[str, Any]:
    """The dict `pack_json` was given; plain JSON text (an archive before compact storage) as is.
    A value packed with the article's text needs the same text back to restore the spans cut."""
    if isinstance(value, str):
        return dict(json.loads(value))
    if not value or value[0] not in (JSON_V1, JSON_V2):
        raise ValueError(f"unknown article JSON codec {value[:1]!r}: written by a newer dateline")
    d = dict(json.loads(_decompressor().decompress(value[1:]).decode("utf-8", "surrogatepass")))
    if value[0] == JSON_V2:
        if text is None:
            raise ValueError("this article's JSON is read with its clean text (its spans are cut from it)")
        return _paste_spans(d, text)
    return d


# A span cut from the JSON keeps its key, in its place, with this value: the contract's `text` of a
# fact is a string or null, never a number, so the mark cannot be taken for a real value, and the
# keys keep their order (the JSON read back is the JSON written, byte for byte).
_CUT = 0
# The facts that are spans of the clean text: each kind's list, and the entities' mentions.
_SPAN_LISTS = ("quotes", "amounts", "times")


def _spans(d: dict[str, Any]) -> list[list[Any]]:
    """The article's lists of span facts (a list found where the contract has one, else skipped)."""
    lists = [d.get(k) for k in _SPAN_LISTS]
    lists += [e.get("mentions") for e in d.get("entities") or () if isinstance(e, dict)]
    return [x for x in lists if isinstance(x, list)]


def _is_cut(f: Any, text: str) -> bool:
    if not isinstance(f, dict):
        return False
    start, end = f.get("start"), f.get("end")
    return (type(start) is int and type(end) is int and isinstance(f.get("text"), str)
            and 0 <= start <= end <= len(text) and text[start:end] == f["text"])


def _cut_spans(d: dict[str, Any], text: str) -> dict[str, Any]:
    """A copy of the article's dict whose span facts equal to the text at their offsets carry
    `_CUT` for their text (the caller's dict is left as it is)."""
    out = dict(d)
    for k in _SPAN_LISTS:
        if isinstance(d.get(k), list):
            out[k] = [{**f, "text": _CUT} if _is_cut(f, text) else f for f in d[k]]
    if isinstance(d.get("entities"), list):
        out["entities"] = [
            {**e, "mentions": [{**m, "text": _CUT} if _is_cut(m, text) else m for m in e["mentions"]]}
            if isinstance(e, dict) and isinstance(e.get("mentions"), list) else e
            for e in d["entities"]]
    return out


def _paste_spans(d: dict[str, Any], text: str) -> dict[str, Any]:
    """The span facts' text put back in place (on the dict just decoded: nobody else holds it)."""
    for facts in _spans(d):
        for f in facts:
            if isinstance(f, dict) and type(f.get("text")) is int and f["text"] == _CUT:
                f["text"] = text[f["start"]:f["end"]]
    return d


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


# -- story state ----------------------------------------------------------------------------------
# A story's state is eight counters of short keys (its centroid's terms, entities, years, named
# days, subject companies, companies named, figures, the people its leads name), its norm, and the
# keys it is indexed by in `story_keys`. As
# JSON each key carries its quotes, colon and count in text (`"quak":3,`); here each counter is its
# keys, length-prefixed, then their counts as varints, the whole zstd-compressed. The indexed keys
# are nearly all among the state's own terms, entities and figures, so they are three bitmasks
# over those (plus any other key, spelled out): the story's row says what to take out of the key
# index when the story changes, and the key index needs no second b-tree by story.
STATE_V1 = 4  # 3 was this codec before figures and leads joined the state (never released)
STATE_PARTS = ("terms", "entities", "years", "when", "subjects", "mentions", "figures", "lead")
ENTITY_PREFIX = "E:"  # how an entity is written as a story key (`stories.assign.entity_key`)
_STATE_LEVEL = 3  # a story's state is written again each time an article joins it


def _varint(n: int, out: bytearray) -> None:
    while n > 0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def varint(self) -> int:
        n = shift = 0
        while True:
            b = self.data[self.pos]
            self.pos += 1
            n |= (b & 0x7F) << shift
            if b < 0x80:
                return n
            shift += 7

    def take(self, size: int) -> bytes:
        out = self.data[self.pos : self.pos + size]
        if len(out) != size:
            raise ValueError("story state cut short")
        self.pos += size
        return out

    def text(self) -> str:
        return self.take(self.varint()).decode("utf-8", "surrogatepass")


def _put_text(s: str, out: bytearray) -> None:
    b = s.encode("utf-8", "surrogatepass")
    _varint(len(b), out)
    out += b


def _mask(keys: list[str], chosen: set[str], prefix: str = "") -> bytes:
    bits = sum(1 << i for i, k in enumerate(keys) if prefix + k in chosen)
    return bits.to_bytes((len(keys) + 7) // 8, "little")


def pack_story(state: dict[str, Any], indexed: frozenset[str] | set[str]) -> bytes:
    """A story's state (`Story.state()`) and the keys it is indexed by, as stored."""
    out = bytearray()
    parts = [list((state.get(p) or {}).items()) for p in STATE_PARTS]
    counts = [c for part in parts for _, c in part]
    # Counts are whole numbers as the assigner keeps them; another weighting (a decayed, fractional
    # count) is kept exactly as 8-byte floats rather than rounded.
    whole = all(isinstance(c, int) and c >= 0 for c in counts)
    out.append(0 if whole else 1)
    for part in parts:
        _varint(len(part), out)
        for key, _ in part:
            _put_text(str(key), out)
    if whole:
        for c in counts:
            _varint(c, out)
    else:
        out += struct.pack(f"<{len(counts)}d", *map(float, counts))
    norm = state.get("norm")
    if norm:
        out.append(1)
        out += struct.pack("<dQ", float(norm[0]), int(norm[1]))
    else:
        out.append(0)
    terms, entities = [k for k, _ in parts[0]], [k for k, _ in parts[1]]
    figures = [k for k, _ in parts[STATE_PARTS.index("figures")]]
    chosen = set(indexed)
    out += _mask(terms, chosen) + _mask(entities, chosen, ENTITY_PREFIX) + _mask(figures, chosen)
    other = sorted(chosen - set(terms) - set(figures) - {ENTITY_PREFIX + e for e in entities})
    _varint(len(other), out)
    for key in other:
        _put_text(key, out)
    return bytes([STATE_V1]) + zstandard.ZstdCompressor(level=_STATE_LEVEL).compress(bytes(out))


def unpack_story(value: bytes | str) -> tuple[dict[str, Any], frozenset[str] | None]:
    """The state and indexed keys `pack_story` was given. A state stored as JSON text (an archive
    before this codec) comes back with None for the keys: they are in `story_keys` alone."""
    if isinstance(value, str):
        return dict(json.loads(value)), None
    if not value or value[0] != STATE_V1:
        raise ValueError(f"unknown story state codec {value[:1]!r}: written by a newer dateline")
    r = _Reader(zstandard.ZstdDecompressor().decompress(value[1:]))
    whole = r.take(1) == b"\x00"
    keys = []
    for _ in STATE_PARTS:
        keys.append([r.text() for _ in range(r.varint())])
    total = sum(len(k) for k in keys)
    counts: list[Any] = ([r.varint() for _ in range(total)] if whole
                         else list(struct.unpack(f"<{total}d", r.take(8 * total))))
    state: dict[str, Any] = {}
    i = 0
    for name, part in zip(STATE_PARTS, keys, strict=True):
        state[name] = dict(zip(part, counts[i : i + len(part)], strict=True))
        i += len(part)
    if r.take(1) == b"\x01":
        norm, n = struct.unpack("<dQ", r.take(16))
        state["norm"] = [norm, n]
    terms, entities, figures = keys[0], keys[1], keys[STATE_PARTS.index("figures")]
    tbits = int.from_bytes(r.take((len(terms) + 7) // 8), "little")
    ebits = int.from_bytes(r.take((len(entities) + 7) // 8), "little")
    fbits = int.from_bytes(r.take((len(figures) + 7) // 8), "little")
    indexed = {k for i, k in enumerate(terms) if tbits >> i & 1}
    indexed |= {ENTITY_PREFIX + k for i, k in enumerate(entities) if ebits >> i & 1}
    indexed |= {k for i, k in enumerate(figures) if fbits >> i & 1}
    indexed |= {r.text() for _ in range(r.varint())}
    return state, frozenset(indexed)
