"""The seed article's report in real headless Chromium: no network, claims/sources/events visible, a screenshot.

Chromium runs with every host name but the proxy's unresolvable and a proxy that is a local socket counting
connections, so any request the page tried would show up as a connection (a control page with an
external image proves the counter sees them). Chromium's own background requests (component updates,
account and time services, made even for a blank page) go to three fixed hosts that bypass the proxy
and fail to resolve. The screenshot is kept in tests/artifacts/.
"""

from __future__ import annotations

import re
import socket
import subprocess
import threading
from pathlib import Path

import pytest

from conftest import ROOT, require
from kgbuild.report import read_articles, read_graph_files, render_site, write_site

ARTIFACTS = ROOT / "tests" / "artifacts"
BROWSER_OWN_HOSTS = "update.googleapis.com;accounts.google.com;clients2.google.com"


class CountingProxy:
    """A listening socket on 127.0.0.1 that accepts, counts and closes every connection."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.requests: list[str] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(5)
            try:
                self.requests.append(conn.recv(300).decode("latin-1").split("\r\n", 1)[0])
            except OSError as exc:
                self.requests.append(f"(no request line: {exc})")
            finally:
                conn.close()

    @property
    def connections(self) -> int:
        return len(self.requests)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture()
def proxy():
    p = CountingProxy()
    yield p
    p.close()


def chromium(url: str, tmp_path: Path, proxy: CountingProxy, *args: str) -> str:
    exe = require("chromium")
    command = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
               "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", f"--proxy-server=http://127.0.0.1:{proxy.port}",
               f"--proxy-bypass-list={BROWSER_OWN_HOSTS}", "--hide-scrollbars", "--window-size=1280,2000", *args, url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def site(seed_ttl, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    write_site(render_site(read_articles(read_graph_files([seed_ttl]))), out)
    return out


def test_the_counting_proxy_sees_requests_of_a_page_that_makes_them(tmp_path, proxy):
    page = tmp_path / "leaky.html"
    page.write_text('<!DOCTYPE html><html lang="en"><body><img src="http://example.org/x.png">'
                    '<script src="https://example.org/x.js"></script></body></html>', encoding="utf-8")
    chromium(page.as_uri(), tmp_path, proxy, "--dump-dom")
    assert any("example.org" in r for r in proxy.requests), proxy.requests


def test_seed_report_loads_with_no_request_and_shows_claims_sources_events(site, tmp_path, proxy):
    page = site / "articles" / "seed-article.html"
    dom = chromium(page.as_uri(), tmp_path, proxy, "--dump-dom")
    assert proxy.requests == []
    body = re.search(r"<body([^>]*)>", dom)
    assert body, dom[:500]
    visible = dict(re.findall(r'data-visible-(\w+)="(\d+)"', body.group(1)))
    assert int(visible["claims"]) >= 20  # the seed article has 24 claims, each marked in the text
    assert int(visible["sources"]) >= 10
    assert int(visible["events"]) >= 20
    assert visible["graph"] == "1"
    assert 'id="claim-1"' in dom and 'class="source ' in dom and 'class="event"' in dom


def test_seed_report_screenshot_and_index(site, tmp_path, proxy):
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report-seed.png"
    shot.unlink(missing_ok=True)
    chromium((site / "articles" / "seed-article.html").as_uri(), tmp_path, proxy, f"--screenshot={shot}")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1280
    assert len(data) > 50_000  # a blank page compresses to a few kB
    index = chromium((site / "index.html").as_uri(), tmp_path, proxy, "--dump-dom")
    assert proxy.requests == []
    assert 'href="articles/seed-article.html"' in index


def test_claims_table_fits_at_1280_px_and_timeline_labels_stay_inside(site, tmp_path, proxy):
    """At 1280 px the claims table does not scroll sideways, the claim text has the widest column, and no
    timeline label sticks out of its picture (measured by the page in Chromium)."""
    dom = chromium((site / "articles" / "seed-article.html").as_uri(), tmp_path, proxy, "--dump-dom")
    body = re.search(r"<body([^>]*)>", dom).group(1)
    measured = dict(re.findall(r'data-(claims-scroll|claim-column|clipped-labels)="(\d+)"', body))
    assert measured["claims-scroll"] == "0", measured
    assert int(measured["claim-column"]) >= 180, measured
    assert measured["clipped-labels"] == "0", measured


def test_timeline_labels_are_placed_where_they_fit():
    from kgbuild.report.html import _label_place

    assert _label_place(20, 150, 360) == ("start", 29)  # right of its mark
    assert _label_place(300, 150, 360) == ("end", 291)  # left of it
    anchor, x = _label_place(180, 240, 360)  # neither side has room: inside the picture
    assert anchor == "start" and x >= 0 and x + 240 <= 360


def test_story_page_shows_a_disputed_claim_with_both_sides(tmp_path, proxy, runner):
    from kgbuild.cli import app

    site = tmp_path / "story-site"
    corpus = ROOT / "examples" / "story" / "port-strike.jsonl"
    result = runner.invoke(app, ["story", str(corpus), "-o", str(tmp_path / "story.ttl"), "--report", str(site)])
    assert result.exit_code == 0, result.output
    dom = chromium((site / "story.html").as_uri(), tmp_path, proxy, "--dump-dom")
    assert proxy.requests == []
    body = re.search(r"<body([^>]*)>", dom).group(1)
    visible = dict(re.findall(r'data-visible-(\w+)="(\d+)"', body))
    assert int(visible["disputes"]) >= 2, visible  # sides of disputes and corroborations, laid out and shown
    dispute = re.search(r'<div class="dispute" id="[^"]+"><p class="dispute-kind">denial[^<]*</p>(.*?)</div></div>',
                        dom, re.S)
    assert dispute, dom[:2000]
    sides = re.findall(r'<div class="dispute-side (against|for)"><strong>([^<]+)</strong>', dispute.group(1))
    assert [side for side, _ in sides] == ["against", "for"], sides
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report-story.png"
    shot.unlink(missing_ok=True)
    chromium((site / "story.html").as_uri(), tmp_path, proxy, f"--screenshot={shot}")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
