"""Loading into a real `oxigraph serve` through the Graph Store Protocol; credentials never leak."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import require
from kgbuild.cli import app
from kgbuild.errors import StoreError
from kgbuild.out.store import Endpoint, load_graphs_into_endpoint, query_endpoint

pytestmark = pytest.mark.slow
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
SECRET = "s3cr3t-Pa55word-that-must-not-leak"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_oxigraph(folder: Path, *options: str) -> Iterator[str]:
    """`oxigraph serve` on a free loopback port with its data in ``folder``; yields its base URL; always stopped."""
    binary = require("oxigraph")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    folder.mkdir(parents=True, exist_ok=True)
    log = (folder / "oxigraph.log").open("wb")
    proc = subprocess.Popen([binary, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}",
                             *options], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"oxigraph serve exited with {proc.returncode}: {(folder / 'oxigraph.log').read_text()}")
            try:
                with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("oxigraph serve did not answer within 30 s")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture()
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    with running_oxigraph(tmp_path / "server") as base:
        yield base


def sparql_count(base: str) -> int:
    """Count with a plain SPARQL Protocol request (independent of kgbuild's client)."""
    url = f"{base}/query?" + urllib.parse.urlencode({"query": COUNT_ALL})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        data = json.load(response)
    return int(data["results"]["bindings"][0]["n"]["value"])


def test_load_count_reload_count(runner, seed_ttl: Path, oxigraph_server: str):
    result = runner.invoke(app, ["load", str(seed_ttl), "--endpoint", oxigraph_server])
    assert result.exit_code == 0, result.output
    assert "2 graphs" in result.output
    first = sparql_count(oxigraph_server)
    from rdflib import Graph

    from kgbuild.validate.gate import load_ontology

    assert first == len(Graph().parse(seed_ttl)) + len(load_ontology())
    result = runner.invoke(app, ["load", str(seed_ttl), "--endpoint", f"{oxigraph_server}/store"])
    assert result.exit_code == 0, result.output
    assert sparql_count(oxigraph_server) == first


def test_query_through_the_endpoint_sees_every_graph(runner, seed_ttl: Path, oxigraph_server: str):
    load_graphs_into_endpoint([seed_ttl], oxigraph_server)
    direct = query_endpoint(Endpoint.from_urls(oxigraph_server), COUNT_ALL)
    assert int(direct.rows[0][0]) == sparql_count(oxigraph_server)
    result = runner.invoke(app, ["query", "--endpoint", oxigraph_server, "-q", "actors", "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and {"actor", "name", "kind"} <= rows[0].keys()


def test_http_errors_name_url_and_status(seed_ttl: Path, oxigraph_server: str):
    with pytest.raises(StoreError, match=r"PUT http://127\.0\.0\.1:\d+/nothere/store\?graph=.*HTTP 404"):
        load_graphs_into_endpoint([seed_ttl], Endpoint.from_urls(gsp=f"{oxigraph_server}/nothere/store"))


def test_password_never_appears_in_errors_or_output(runner, seed_ttl: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KGBUILD_ENDPOINT_USER", "alice")
    monkeypatch.setenv("KGBUILD_ENDPOINT_PASSWORD", SECRET)
    closed = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    result = runner.invoke(app, ["load", str(seed_ttl), "--endpoint", closed])
    assert result.exit_code == 2
    assert "cannot reach" in result.output and closed in result.output
    assert SECRET not in result.output
    with pytest.raises(StoreError) as info:
        load_graphs_into_endpoint([seed_ttl], closed)
    assert SECRET not in str(info.value) and "alice" not in str(info.value)
    result = runner.invoke(app, ["query", "--endpoint", closed, "-q", "actors"])
    assert result.exit_code == 2 and SECRET not in result.output


def test_credentials_in_the_url_are_refused_without_echoing_them(runner, seed_ttl: Path):
    result = runner.invoke(app, ["load", str(seed_ttl), "--endpoint", f"http://bob:{SECRET}@127.0.0.1:9/"])
    assert result.exit_code == 2
    assert "KGBUILD_ENDPOINT_PASSWORD" in result.output
    assert SECRET not in result.output
