"""Choosing a reader: markup is told apart by its first element, collections never as one page."""

from __future__ import annotations

import pytest

from dateline.read.sniff import sniff


@pytest.mark.parametrize(("name", "head", "fmt"), [
    ("page.html", b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
    ("page", b"<!-- saved --><?xml version='1.0'?><html><body><p>Hi</p></body></html>", "html"),
    ("frag", b"<div class='story'><p>Ministers met.</p></div>", "html"),
    ("note.txt", b"<b>Breaking</b> ministers met on Monday.", "txt"),  # inline tags in text stay text
    ("wire.txt", b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS NEWID="1"><DATE>', "sgml"),
    ("wire.html", b'<REUTERS NEWID="1"><TEXT><BODY>Ministers met.</BODY></TEXT></REUTERS>', "sgml"),
    ("feed.html", b"<?xml version='1.0'?><rss version='2.0'><channel>", "xml"),
    ("feed", b"<feed xmlns='http://www.w3.org/2005/Atom'>", "xml"),
    ("story", b"<?xml version='1.0'?>\n<nitf><head>", "xml"),
    ("dump", b"<?xml version='1.0'?><catalog><book/></catalog>", "xml"),
    ("a.sgm", b"<DOC><DOCNO>1</DOCNO></DOC>", "sgml"),
])
def test_markup_is_sniffed_by_its_first_element(name: str, head: bytes, fmt: str) -> None:
    assert sniff(name, head) == fmt
