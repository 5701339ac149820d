"""`kgbuild report`: pages built from the graph, self-contained, deterministic, and true to the graph."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import RDF, Graph

from kgbuild.cli import app
from kgbuild.rdf.vocab import KG
from kgbuild.report import read_articles, read_graph_files, render_site

# anything that would make a browser fetch a resource: elements with src/srcset, <link>, CSS url() other than
# in-page fragments (SVG markers), @import, and absolute http(s) links
EXTERNAL = re.compile(r"<(link|img|iframe|object|embed|audio|video|source)\b|\bsrc(set)?\s*=|"
                      r"url\(\s*['\"]?(?!#)|@import|href\s*=\s*[\"']?(https?:)?//", re.IGNORECASE)


@pytest.fixture(scope="module")
def seed_pages(seed_ttl) -> dict[str, str]:
    return render_site(read_articles(read_graph_files([seed_ttl])))


def test_pages_reference_nothing_outside_themselves(seed_pages):
    assert set(seed_pages) == {"index.html", "articles/seed-article.html"}
    for name, page in seed_pages.items():
        assert EXTERNAL.search(page) is None, (name, EXTERNAL.search(page))
        assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
        assert "<style>" in page and "<h1>" in page


def test_the_same_graph_gives_the_same_bytes(seed_ttl, seed_pages):
    assert render_site(read_articles(read_graph_files([seed_ttl]))) == seed_pages


def test_article_page_shows_every_claim_with_its_card_and_chain(seed_ttl, seed_pages):
    graph = Graph().parse(seed_ttl)
    claims = set(graph.subjects(RDF.type, KG.Claim))
    page = seed_pages["articles/seed-article.html"]
    assert len(claims) >= 20
    for n in range(1, len(claims) + 1):
        assert f'id="claim-{n}" tabindex="0"' in page
        assert f'id="card-{n}"' in page
        assert f'body:has(.claim[data-claim="{n}"]:is(:hover,:focus-within)) #card-{n},' in page
    assert f'id="claim-{len(claims) + 1}"' not in page
    # the diplomat's claim: anonymous source, reported by the Washington Post, in chain order
    card = re.search(r'<section class="card[^"]*" id="card-\d+"[^>]*>(?:(?!</section>).)*Russian officials had '
                     r"postponed a meeting(?:(?!</section>).)*</section>", page, re.S)
    assert card, "the diplomat's claim has no card"
    text = re.sub(r"<[^>]+>", "", card.group(0))
    assert "anonymous source" in text
    assert re.search(r"diplomat involved in the talks \(source\).*Washington Post \(reporter\)", text)


def test_article_text_is_the_graph_text(seed_ttl, seed_pages):
    import html

    graph = Graph().parse(seed_ttl)
    original = str(next(graph.objects(None, KG.text)))
    page = seed_pages["articles/seed-article.html"]
    body = re.search(r'<div class="text">(.*?)</div></section>', page, re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == original
    for cls in ("actor k-Person", "actor k-GPE", "actor k-Anonymous", "actor k-Organization", "trigger", "cue",
                "speaker", "time"):
        assert f'class="{cls}' in body, cls


def test_index_counts_match_the_article(seed_pages, seed_ttl):
    article = read_articles(read_graph_files([seed_ttl]))[0]
    index = seed_pages["index.html"]
    row = re.search(r'<tr class="article-row">(.*?)</tr>', index, re.S).group(1)
    numbers = re.findall(r'<td class="num">(?:<span.*?</span></span>)?([^<]+)</td>', row)
    share = round(sum(article.is_anonymous(c.speaker) for c in article.claims) / len(article.claims) * 100)
    assert numbers == [str(len(article.actors)), str(len(article.events)), str(len(article.claims)), f"{share}%"]
    assert "Most cited sources" in index and "Most frequent actors" in index
    assert "diplomat involved in the talks" in index


def test_cli_report_from_a_graph(runner, seed_ttl, tmp_path):
    out = tmp_path / "site"
    result = runner.invoke(app, ["report", str(seed_ttl), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file() and (out / "articles" / "seed-article.html").is_file()
    first = (out / "articles" / "seed-article.html").read_bytes()
    assert runner.invoke(app, ["report", str(seed_ttl), "-o", str(out)]).exit_code == 0
    assert (out / "articles" / "seed-article.html").read_bytes() == first


def test_cli_report_builds_articles_and_gives_each_its_page(runner, tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text("\n".join(json.dumps(d) for d in [
        {"id": "talks", "title": "Talks stall", "published": "2024-08-17",
         "text": "Talks stall\nRussian officials said on 15 August 2024 that Ukraine had attacked Kursk."},
        {"id": "index", "title": "Summit", "published": "2024-08-18",
         "text": "Summit\nA diplomat familiar with the talks said Qatar would host a summit in Doha."},
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "site"
    result = runner.invoke(app, ["report", str(docs), "-o", str(out)])
    assert result.exit_code == 0, result.output
    pages = sorted(str(p.relative_to(out)) for p in out.rglob("*.html"))
    assert pages == ["articles/article-index.html", "articles/talks.html", "index.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('class="article-row"') == 2
    summit = (out / "articles" / "article-index.html").read_text(encoding="utf-8")
    assert 'class="claim"' in summit and "anonymous source" in summit
    talks = (out / "articles" / "talks.html").read_text(encoding="utf-8")
    assert "2024-08-15" in talks  # the normalised date is on the timeline


def test_cli_report_bad_input(runner, tmp_path):
    missing = runner.invoke(app, ["report", str(tmp_path / "missing.ttl"), "-o", str(tmp_path / "a")])
    assert missing.exit_code == 2
    empty = tmp_path / "empty.ttl"
    empty.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    none = runner.invoke(app, ["report", str(empty), "-o", str(tmp_path / "b")])
    assert none.exit_code == 2
    assert not Path(tmp_path / "b").exists()
