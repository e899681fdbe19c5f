"""NITF documents, RSS 2.0 and Atom feeds, written here: one record per story."""

from __future__ import annotations

from pathlib import Path

from dateline.clean import clean_record
from dateline.read import read_inputs
from dateline.read.sniff import sniff

LEAD = "The central bank raised its main rate by half a point on Tuesday, its third rise this year."
MORE = "Economists had expected the move after inflation reached a ten-year high in May."

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Daily Ledger</title>
  <language>en-us</language>
  <item>
    <title>Bank raises rates</title>
    <link>https://ledger.example/2022/06/14/rates</link>
    <pubDate>Tue, 14 Jun 2022 09:30:00 GMT</pubDate>
    <dc:creator>Jane Doe</dc:creator>
    <category>Economy</category>
    <description>A third rise this year.</description>
    <content:encoded><![CDATA[<p>{LEAD}</p><p>{MORE}</p><script>track()</script>]]></content:encoded>
  </item>
  <item>
    <title>Markets steady</title>
    <link>https://ledger.example/2022/06/15/markets</link>
    <pubDate>Wed, 15 Jun 2022 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;{MORE}&lt;/p&gt;&lt;p&gt;{LEAD}&lt;/p&gt;</description>
  </item>
  <item><title>No body at all</title></item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Le Registre</title>
  <entry>
    <title>Rates up</title>
    <link rel="alternate" href="https://registre.example/rates"/>
    <link rel="self" href="https://registre.example/feed/1"/>
    <updated>2022-06-14T11:00:00Z</updated>
    <published>2022-06-14T09:00:00Z</published>
    <author><name>Jean Dupont</name></author>
    <author><name>Marie Curie</name></author>
    <category term="economie"/>
    <summary>Short.</summary>
    <content type="html">&lt;p&gt;{LEAD}&lt;/p&gt;&lt;p&gt;{MORE}&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Updated only</title>
    <updated>2022-06-16T11:00:00Z</updated>
    <content type="text">{MORE}</content>
  </entry>
</feed>
"""

NITF = f"""<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN">
  <head>
    <title>Bank raises rates (wire)</title>
    <docdata><date.issue norm="20220614T093000Z"/></docdata>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Central bank raises rates again</hl1></hedline>
      <byline>By <person>John Roe</person></byline>
      <dateline><location>FRANKFURT</location>, <story.date>June 14</story.date></dateline>
      <abstract><p>A third rise.</p></abstract>
    </body.head>
    <body.content>
      <p>{LEAD}</p>
      <p>{MORE}</p>
    </body.content>
  </body>
</nitf>
"""


def _read(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text)
    return list(read_inputs([str(path)]))


def test_rss_items_are_records_with_their_body_date_byline_and_channel(tmp_path: Path) -> None:
    first, second, empty = _read(tmp_path, "feed.xml", RSS)
    assert first.source.format == "rss" and first.text == f"{LEAD}\n\n{MORE}"
    assert (first.title, first.url, first.date) == (
        "Bank raises rates", "https://ledger.example/2022/06/14/rates", "Tue, 14 Jun 2022 09:30:00 GMT")
    assert first.authors == ["Jane Doe"] and first.section == "Economy" and first.outlet == "The Daily Ledger"
    assert first.language == "en" and first.description == "A third rise this year."
    assert second.text == f"{MORE}\n\n{LEAD}" and second.authors == []
    assert empty.error is not None and empty.error.reason == "no_text"
    assert clean_record(first).published == "2022-06-14"


def test_atom_entries_take_content_published_every_author_and_the_alternate_link(tmp_path: Path) -> None:
    first, second = _read(tmp_path, "feed.atom", ATOM)
    assert first.source.format == "atom" and first.text == f"{LEAD}\n\n{MORE}"
    assert first.date == "2022-06-14T09:00:00Z" and first.url == "https://registre.example/rates"
    assert first.authors == ["Jean Dupont", "Marie Curie"] and first.section == "economie"
    assert first.language == "fr" and first.outlet == "Le Registre" and first.description == "Short."
    assert second.date == "2022-06-16T11:00:00Z" and second.text == MORE


def test_nitf_gives_docdata_date_headline_byline_and_the_dateline_before_the_paragraphs(tmp_path: Path) -> None:
    (rec,) = _read(tmp_path, "story.nitf", NITF)
    assert rec.source.format == "nitf" and rec.date == "20220614T093000Z"
    assert rec.title == "Central bank raises rates again" and rec.authors == ["John Roe"]
    assert rec.text == f"FRANKFURT, June 14 - {LEAD}\n\n{MORE}" and rec.description == "A third rise."
    article = clean_record(rec)
    assert article.dateline is not None and article.dateline.place.casefold() == "frankfurt"
    assert article.published == "2022-06-14" and article.text.startswith(LEAD)


def test_feeds_are_sniffed_from_content_whatever_their_name(tmp_path: Path) -> None:
    for text, fmt in ((RSS, "rss"), (ATOM, "atom"), (NITF, "nitf")):
        assert sniff("download.txt", text.encode()) == "xml"
        assert _read(tmp_path, "download.html", text)[0].source.format == fmt


def test_other_xml_is_rejected_not_read_as_a_page_and_entities_are_not_expanded(tmp_path: Path) -> None:
    (rec,) = _read(tmp_path, "data.xml", "<?xml version='1.0'?><catalog><book>x</book></catalog>")
    assert rec.error is not None and rec.error.reason == "unsupported_xml" and "<catalog>" in rec.error.detail
    xxe = RSS.replace('<?xml version="1.0" encoding="UTF-8"?>',
                      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
    xxe = xxe.replace("<title>Bank raises rates</title>", "<title>&x;</title>")
    recs = _read(tmp_path, "xxe.xml", xxe)
    assert all("root:" not in (r.title or "") + (r.text or "") for r in recs)


def test_a_cut_feed_keeps_the_items_before_the_cut(tmp_path: Path) -> None:
    recs = _read(tmp_path, "cut.xml", RSS[: RSS.index("<title>Markets steady")])
    assert [r.error.reason if r.error else "ok" for r in recs] == ["ok", "malformed_xml"]
