"""Safe by default: reading, validating and querying user RDF never goes to the network (JSON-LD contexts, XML
external entities, owl:imports, SPARQL SERVICE/FROM), checked with a loopback listener that counts connections."""

from __future__ import annotations

import contextlib
import socket
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kgbuild.cli import app
from kgbuild.errors import InputError, UsageError
from kgbuild.rdf.query import run_query
from kgbuild.safety import OfflineError, offline
from kgbuild.validate.gate import parse_rdf, validate_graph


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it accepts (and answers any with JSON)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            with conn:
                conn.settimeout(2)
                with contextlib.suppress(OSError):
                    conn.recv(65_536)
                conn.sendall(b'HTTP/1.0 200 OK\r\nContent-Type: application/ld+json\r\n\r\n{"@context": {}}')

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture()
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


def test_the_listener_does_count(listener: Listener):
    urllib.request.urlopen(listener.url, timeout=5).read()
    assert listener.connections == 1


def test_offline_blocks_connections_in_this_thread_only(listener: Listener):
    with offline(), pytest.raises(OfflineError):
        urllib.request.urlopen(listener.url, timeout=5)
    assert listener.connections == 0
    urllib.request.urlopen(listener.url, timeout=5).read()  # outside the block: allowed (store endpoints)
    assert listener.connections == 1


def test_xml_external_entities_are_refused(listener: Listener, tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    rdf = tmp_path / "xxe.rdf"
    rdf.write_text(f'''<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY web SYSTEM "{listener.url}/xxe"> <!ENTITY file SYSTEM "{secret.as_uri()}">
  <!ENTITY % param SYSTEM "{listener.url}/pe"> %param; ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/s"><ex:p>&web;&file;</ex:p></rdf:Description>
</rdf:RDF>''')
    with pytest.raises(InputError, match="external entity"):
        parse_rdf(rdf)
    assert listener.connections == 0


def test_internal_xml_entities_still_work(tmp_path: Path):
    rdf = tmp_path / "protege.owl"
    rdf.write_text('''<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY ex "http://example.org/"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="&ex;s"><rdf:type rdf:resource="&ex;T"/></rdf:Description>
</rdf:RDF>''')
    assert len(parse_rdf(rdf)) == 1


@pytest.mark.parametrize("context", ['"{url}/ctx"', '["{url}/ctx", {{}}]', '{{"@import": "{url}/ctx"}}'])
def test_remote_jsonld_contexts_are_refused(listener: Listener, tmp_path: Path, context: str):
    doc = tmp_path / "remote.jsonld"
    doc.write_text('{"@context": ' + context.format(url=listener.url) + ', "@id": "http://example.org/s", '
                   '"http://example.org/p": "x"}')
    with pytest.raises(InputError, match="not inline"):
        parse_rdf(doc)
    nested = tmp_path / "nested.jsonld"
    nested.write_text('{"@id": "http://example.org/s", "http://example.org/p": {"@context": "' + listener.url
                      + '/c", "@id": "http://example.org/o"}}')
    with pytest.raises(InputError, match="not inline"):
        parse_rdf(nested)
    assert listener.connections == 0


def test_inline_jsonld_contexts_work(tmp_path: Path):
    doc = tmp_path / "inline.jsonld"
    doc.write_text('{"@context": {"p": "http://example.org/p"}, "@id": "http://example.org/s", "p": "x"}')
    assert len(parse_rdf(doc)) == 1


def test_owl_imports_are_never_followed(listener: Listener, tmp_path: Path, runner):
    ttl = tmp_path / "imports.ttl"
    ttl.write_text(f"<http://example.org/o> a <http://www.w3.org/2002/07/owl#Ontology> ;\n"
                   f"    <http://www.w3.org/2002/07/owl#imports> <{listener.url}/imported.ttl> .\n")
    validate_graph(parse_rdf(ttl))
    result = runner.invoke(app, ["validate", str(ttl)])
    assert result.exit_code in (0, 1), result.output
    assert listener.connections == 0


def test_sparql_service_is_refused(listener: Listener, seed_ttl: Path, runner):
    from rdflib import Graph

    with pytest.raises(UsageError, match="network access is disabled"):
        run_query(Graph(), f"SELECT * WHERE {{ SERVICE <{listener.url}/sparql> {{ ?s ?p ?o }} }}")
    result = runner.invoke(app, ["query", str(seed_ttl), "-q",
                                 f"SELECT * FROM <{listener.url}/g.ttl> WHERE {{ ?s ?p ?o }} LIMIT 1"])
    assert listener.connections == 0, result.output


def test_cli_validate_refuses_a_remote_context_with_exit_2(listener: Listener, tmp_path: Path, runner):
    doc = tmp_path / "remote.jsonld"
    doc.write_text('{"@context": "' + listener.url + '/ctx", "@id": "http://example.org/s"}')
    result = runner.invoke(app, ["validate", str(doc)])
    assert result.exit_code == 2, result.output
    assert "not inline" in result.output
    assert listener.connections == 0
