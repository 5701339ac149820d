"""Queries at an endpoint see the union of its named graphs in time that does not grow with their number."""

from __future__ import annotations

import http.server
import json
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from test_store_endpoint import running_oxigraph

from kgbuild.cli import app
from kgbuild.out.store import ARQ_UNION_GRAPH, Endpoint, UnionMode, load_graphs_into_endpoint, query_endpoint
from kgbuild.rdf.query import resolve_query
from kgbuild.validate.gate import load_ontology

pytestmark = pytest.mark.slow
DOCUMENTS = 60


def _documents(seed_ttl: Path, folder: Path) -> list[Path]:
    """The seed as DOCUMENTS different articles (its document IRI renamed), one N-Triples file each."""
    from rdflib import Graph

    text = Graph().parse(seed_ttl).serialize(format="nt")
    folder.mkdir()
    out = []
    for i in range(DOCUMENTS):
        path = folder / f"doc{i:02}.nt"
        path.write_text(text.replace("/doc/seed-article", f"/doc/seed-article-{i:02}"), encoding="utf-8")
        out.append(path)
    return out


def _put_one_graph(base: str, files: list[Path]) -> None:
    """Everything (the articles and the ontology) into one named graph, with a plain Graph Store request."""
    body = "".join(p.read_text(encoding="utf-8") for p in files) + load_ontology().serialize(format="nt")
    request = urllib.request.Request(f"{base}/store?graph=" + urllib.parse.quote("urn:x:all", safe=""),
                                     data=body.encode("utf-8"), method="PUT",
                                     headers={"Content-Type": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=120):
        pass


def _best_time(base: str, sparql: str, union: str = "auto") -> tuple[float, set]:
    best, rows = float("inf"), set()
    for _ in range(3):
        start = time.perf_counter()
        rows = set(query_endpoint(Endpoint.from_urls(base), sparql, union=union).rows)
        best = min(best, time.perf_counter() - start)
    return best, rows


def test_many_graphs_query_as_fast_as_one(seed_ttl: Path, tmp_path: Path) -> None:
    files = _documents(seed_ttl, tmp_path / "docs")
    sparql = resolve_query("events")
    with running_oxigraph(tmp_path / "many") as many, running_oxigraph(tmp_path / "one") as one:
        loaded = load_graphs_into_endpoint(files, many)
        assert len(loaded.graphs) == DOCUMENTS + 1  # and the ontology
        _put_one_graph(one, files)
        t_many, rows_many = _best_time(many, sparql)
        t_one, rows_one = _best_time(one, sparql)
    assert rows_many == rows_one and len({r[0] for r in rows_many}) > DOCUMENTS  # every article's events
    assert t_many <= 2 * t_one + 0.05, (t_many, t_one)


def test_every_mode_that_names_the_union_gives_the_same_rows(seed_ttl: Path, tmp_path: Path) -> None:
    sparql = resolve_query("actors")
    with running_oxigraph(tmp_path / "s") as base:
        load_graphs_into_endpoint([seed_ttl], base)
        auto = set(query_endpoint(base, sparql).rows)
        assert auto and auto == set(query_endpoint(base, sparql, union="oxigraph").rows) \
            == set(query_endpoint(base, sparql, union=UnionMode.list).rows)
        # the server's own default graph is empty: kgbuild loads every graph as a named graph
        assert query_endpoint(base, sparql, union="none").rows == ()
        assert query_endpoint(base, sparql, union="server").rows == ()


def test_a_server_whose_default_graph_is_the_union(seed_ttl: Path, tmp_path: Path, runner) -> None:
    with running_oxigraph(tmp_path / "s", "--union-default-graph") as base:
        load_graphs_into_endpoint([seed_ttl], base)
        expected = set(query_endpoint(base, resolve_query("actors"), union="list").rows)
        result = runner.invoke(app, ["query", "--endpoint", base, "-q", "actors", "-f", "csv", "--union", "server"])
    assert expected and result.exit_code == 0, result.output
    assert len(result.stdout.strip().splitlines()) == len(expected) + 1  # a header and each row


def test_an_unknown_union_mode_is_a_usage_error(runner) -> None:
    result = runner.invoke(app, ["query", "--endpoint", "http://127.0.0.1:9", "-q", "actors", "--union", "every"])
    assert result.exit_code == 2 and "unknown union mode 'every'" in result.output


class _FakeFuseki(http.server.BaseHTTPRequestHandler):
    """Answers SPARQL queries like Fuseki's headers do, recording each request's form."""

    forms: ClassVar[list[dict[str, list[str]]]] = []

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        self.forms.append(urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"), keep_blank_values=True))
        row = {"n": {"type": "literal", "value": "1"}}
        body = json.dumps({"head": {"vars": ["n"]}, "results": {"bindings": [row]}})
        self.send_response(200)
        self.send_header("Server", "Apache Jena Fuseki (5.1.0)")
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(body.encode("utf-8"))

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def fake_fuseki() -> Iterator[str]:
    _FakeFuseki.forms = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FakeFuseki)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/ds/sparql"
    finally:
        server.shutdown()
        server.server_close()


def test_auto_names_jenas_union_graph_at_fuseki(fake_fuseki: str) -> None:
    result = query_endpoint(Endpoint.from_urls(gsp=fake_fuseki, query=fake_fuseki), "SELECT ?n WHERE { ?s ?p ?n }")
    assert result.rows == (("1",),)
    probe, query = _FakeFuseki.forms
    assert probe["query"] == ["ASK {}"]
    assert query["default-graph-uri"] == [ARQ_UNION_GRAPH] and "named-graph-uri" not in query


def test_a_query_with_its_own_from_is_sent_as_it_is(fake_fuseki: str) -> None:
    query_endpoint(Endpoint.from_urls(gsp=fake_fuseki, query=fake_fuseki),
                   "SELECT ?n FROM <urn:x:g> WHERE { ?s ?p ?n }")
    [form] = _FakeFuseki.forms
    assert set(form) == {"query"}
