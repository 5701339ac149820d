"""Web pages, archives and feeds made for the tests: three site templates with their boilerplate, a WARC
written with warcio, an RSS and an Atom feed. Every article body is our own text."""

from __future__ import annotations

import io
from pathlib import Path

BODY = ("<p>Acme Corp said on Tuesday that it had agreed to buy Widget Co for $2 billion, in a deal that would "
        "create the largest maker of widgets in the country.</p>"
        "<p>The chief executive, Jane Doe, told reporters that the merger would close next month. Regulators in "
        "Brussels are expected to review the sale before the summer.</p>")
BOILERPLATE = ("Buy cheap watches", "Great news", "Widget prices soar", "Subscribe to our newsletter",
               "Copyright 2024", "Most read")


def page(template: int, *, lang: str = "en", body: str = BODY, title: str = "Acme agrees to buy Widget Co",
         remote: str = "") -> str:
    """An article page in one of three site templates (navigation, ads, comments, related links, footer)."""
    head = (f"<title>{title} | Daily Planet</title><meta property='og:site_name' content='Daily Planet'>"
            "<meta name='author' content='Lois Lane and Clark Kent'>"
            "<meta property='article:published_time' content='2024-03-07T10:00:00Z'>"
            "<link rel='canonical' href='https://dailyplanet.example/business/acme-widget'>"
            f"<link rel='stylesheet' href='{remote}/style.css'><script src='{remote}/ads.js'></script>")
    nav = "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/business'>Business</a></nav>"
    ad = "<div class='ad'>Buy cheap watches now! Limited offer.</div>"
    comments = "<section class='comments'><h3>Comments</h3><p>Great news!!! first comment</p></section>"
    related = "<aside><h3>Related</h3><ul><li><a href='/x'>Widget prices soar</a></li></ul></aside>"
    footer = "<footer><p>Subscribe to our newsletter</p><p>Copyright 2024 Daily Planet</p></footer>"
    if template == 0:
        content = f"{nav}{ad}<article><h1>{title}</h1>{body}</article>{comments}{related}{footer}"
    elif template == 1:
        content = (f"<header>{nav}</header><div id='main'><div class='story'><h1 class='headline'>{title}</h1>"
                   f"<div class='byline'>By Lois Lane</div><div class='story-body'>{body}</div></div>"
                   f"<div class='sidebar'><h3>Most read</h3>{related}{ad}</div></div>{comments}{footer}")
    else:
        content = (f"{nav}<main><div class='post'><h2 class='entry-title'>{title}</h2>"
                   f"<div class='entry-content'>{body}</div></div><div id='disqus_thread'>{comments}</div></main>"
                   f"<div class='widget'>{related}</div>{footer}")
    return f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body>{content}</body></html>"


def warc(path: Path) -> Path:
    """A WARC holding a request, an HTML article, a PDF, a redirect, and a second HTML article."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))

        def response(uri: str, status: str, kind: str, body: bytes, extra: list | None = None) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", kind), *(extra or [])], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))

        request = StatusAndHeaders("GET /business/acme-widget HTTP/1.1", [("Host", "dailyplanet.example")],
                                   is_http_request=True)
        writer.write_record(writer.create_warc_record("https://dailyplanet.example/business/acme-widget", "request",
                                                      http_headers=request))
        response("https://dailyplanet.example/business/acme-widget", "200 OK", "text/html; charset=utf-8",
                 page(0).encode("utf-8"))
        response("https://dailyplanet.example/report.pdf", "200 OK", "application/pdf", b"%PDF-1.4 not a page")
        response("https://dailyplanet.example/old", "301 Moved Permanently", "text/html",
                 b"<html><body>Moved</body></html>", [("Location", "https://dailyplanet.example/new")])
        response("https://dailyplanet.example/world/storm", "200 OK", "text/html",
                 page(1, title="Storm hits the coast", body="<p>A storm hit the coast of Portugal on Monday, the "
                      "national weather service said. Thousands of homes lost power in Lisbon and Porto.</p>"
                      "<p>The government said that it would send soldiers to help clear the roads.</p>")
                 .encode("utf-8"))
    return path


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Daily Planet Business</title><link>https://dailyplanet.example/</link><language>en</language>
<item><title>Acme agrees to buy Widget Co</title><link>https://dailyplanet.example/business/acme-widget</link>
<pubDate>Thu, 07 Mar 2024 10:00:00 GMT</pubDate><dc:creator>Lois Lane</dc:creator>
<content:encoded><![CDATA[{body}]]></content:encoded></item>
<item><title>Widget prices soar</title><link>https://dailyplanet.example/business/prices</link>
<pubDate>Fri, 08 Mar 2024 09:00:00 GMT</pubDate>
<description>Widget prices rose by a third last week, the trade association said on Friday.</description></item>
</channel></rss>""".replace("{body}", BODY)

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Daily Planet World</title><id>urn:x:planet</id>
<updated>2024-03-11T00:00:00Z</updated>
<entry><title>Storm hits the coast</title><id>urn:x:storm</id><link href="https://dailyplanet.example/world/storm"/>
<published>2024-03-11T08:00:00Z</published><updated>2024-03-11T09:00:00Z</updated>
<author><name>Clark Kent</name></author>
<content type="html">&lt;p&gt;A storm hit the coast of Portugal on Monday, the national weather service said.
Thousands of homes lost power in Lisbon and Porto.&lt;/p&gt;</content></entry>
</feed>"""
