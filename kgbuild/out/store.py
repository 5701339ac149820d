"""Loading built graphs into SPARQL stores, and querying them.

Two kinds of store:

* an embedded, on-disk Oxigraph store (``pyoxigraph.Store(path)``);
* any SPARQL 1.1 server, through the Graph Store HTTP Protocol (``PUT {gsp}?graph=<iri>``) for
  loads and the SPARQL 1.1 Protocol for queries (stdlib ``urllib`` only).

Each document goes to its own named graph, the document IRI, and kgbuild's ontology to
``https://w3id.org/kgbuild/ontology``; a load *replaces* those graphs, so loading the same
file twice leaves the store unchanged. Every input is parsed before the store is touched.
The embedded store applies the whole load as one SPARQL update (one transaction: all
graphs or none); over HTTP each graph is one ``PUT`` (atomic per graph at the server).

Basic auth for endpoints comes only from the environment (``KGBUILD_ENDPOINT_USER``,
``KGBUILD_ENDPOINT_PASSWORD``); it is never logged nor put in an error message.
The library never prints.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, BNode, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kgbuild.errors import InputError, StoreError, UsageError
from kgbuild.rdf.files import RDF_SUFFIXES, parse_rdf
from kgbuild.rdf.query import QueryResult
from kgbuild.rdf.vocab import KG, ONTOLOGY_IRI
from kgbuild.resources import ontology_path
from kgbuild.wording import counted

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "ONTOLOGY_GRAPH",
    "PASSWORD_ENV",
    "USER_ENV",
    "Endpoint",
    "LoadResult",
    "NamedGraph",
    "UnionMode",
    "bulk_load_into_store",
    "load_graphs_into_endpoint",
    "load_graphs_into_store",
    "query_endpoint",
    "query_store",
    "read_named_graphs",
    "split_documents",
]

ONTOLOGY_GRAPH = ONTOLOGY_IRI
USER_ENV, PASSWORD_ENV = "KGBUILD_ENDPOINT_USER", "KGBUILD_ENDPOINT_PASSWORD"
NamedGraph = tuple[URIRef, Graph]
GraphInput = Sequence[NamedGraph] | Sequence[str | Path]
_QUAD_FORMATS = {"trig", "nquads"}
_DEFAULT_GRAPHS = {DATASET_DEFAULT_GRAPH_ID, URIRef("urn:x-rdflib:default")}


@dataclass(frozen=True)
class LoadResult:
    """What a load wrote: (graph IRI, triple count) per named graph, in load order."""

    graphs: tuple[tuple[str, int], ...]
    target: str

    @property
    def triples(self) -> int:
        return sum(n for _, n in self.graphs)

    def __str__(self) -> str:
        return f"{counted(len(self.graphs), 'graph')}, {counted(self.triples, 'triple')} loaded into {self.target}"


# --- reading inputs ---------------------------------------------------------------------------------------------

def split_documents(graph: Graph, fallback: URIRef) -> list[NamedGraph]:
    """Split a graph into one graph per ``kg:NewsArticle`` (its IRI names the graph).

    A node belongs to the document whose IRI it equals or extends (``doc``, ``doc#char=…``,
    ``doc/claim/…``); nodes outside every document (corpus-wide actors) go with each document
    that refers to them, so each document graph is self-contained, as ``kgbuild build`` makes it.
    A graph with one document (or none: then it is named ``fallback``) is kept whole.
    """
    docs = sorted({s for s in graph.subjects(RDF.type, KG.NewsArticle) if isinstance(s, URIRef)}, key=str)
    if len(docs) <= 1:
        return [(docs[0] if docs else fallback, graph)]
    parts: dict[URIRef, Graph] = {d: Graph() for d in docs}

    def owner(node: object) -> URIRef | None:
        text = str(node)
        for d in docs:
            if text == str(d) or text.startswith((f"{d}#", f"{d}/")):
                return d
        return None

    pending: dict[object, list] = {}
    for triple in graph:
        d = owner(triple[0])
        if d is not None:
            parts[d].add(triple)
        else:
            pending.setdefault(triple[0], []).append(triple)
    # shared subjects follow the documents that point at them (transitively: actor -> its affiliation)
    queue = [(d, o) for d in docs for o in set(parts[d].objects()) if o in pending]
    seen: set[tuple[URIRef, object]] = set()
    while queue:
        d, node = queue.pop()
        if (d, node) in seen:
            continue
        seen.add((d, node))
        for triple in pending[node]:
            parts[d].add(triple)
            if triple[2] in pending:
                queue.append((d, triple[2]))
    referenced = {node for _, node in seen}
    for node, triples in pending.items():  # referenced by no document: keep them with the first
        if node not in referenced:
            for triple in triples:
                parts[docs[0]].add(triple)
    for g in parts.values():
        for prefix, ns in graph.namespaces():
            g.bind(prefix, ns, override=False)
    return list(parts.items())


def _read_file(path: Path) -> list[NamedGraph]:
    fmt = RDF_SUFFIXES.get(path.suffix.lower(), "turtle")
    if fmt not in _QUAD_FORMATS:
        return split_documents(parse_rdf(path), URIRef(path.resolve().as_uri()))
    ds = parse_rdf(path, Dataset())
    out: list[NamedGraph] = []
    default = Graph()
    for g in ds.graphs():
        if not len(g):
            continue
        if g.identifier in _DEFAULT_GRAPHS:
            default += g
        elif isinstance(g.identifier, URIRef):
            out.append((g.identifier, Graph() + g))
        else:
            raise InputError(f"blank-node graph name {g.identifier.n3()} cannot be loaded; name the graph with an IRI",
                             path=str(path))
    if len(default):
        out.extend(split_documents(default, URIRef(path.resolve().as_uri())))
    return out


def read_named_graphs(paths: Iterable[str | Path]) -> list[NamedGraph]:
    """Parse every file (all before any load): TriG/N-Quads keep their named graphs, other formats are
    split by document (see ``split_documents``). Raises ``InputError`` naming the file."""
    out: list[NamedGraph] = []
    for path in paths:
        out.extend(_read_file(Path(path)))
    return out


def _named_graphs(graphs: GraphInput, ontology: bool) -> list[NamedGraph]:
    items = list(graphs)
    named = read_named_graphs(items) if items and not isinstance(items[0], tuple) else list(items)  # type: ignore[arg-type]
    merged: dict[URIRef, Graph] = {}
    for name, g in named:
        if name in merged:  # the same document twice in one load: its triples together
            merged[name] = merged[name] + g
        else:
            merged[name] = g
    if ontology:
        merged[ONTOLOGY_GRAPH] = parse_rdf(ontology_path())
    return list(merged.items())


def _ntriples(graph: Graph, tag: str) -> bytes:
    """N-Triples; blank nodes relabelled per graph (``tag``), since each graph is loaded on its own."""
    if any(isinstance(t, BNode) for triple in graph for t in triple):
        relabel: dict[BNode, BNode] = {}

        def fix(t: object) -> object:
            if isinstance(t, BNode):
                return relabel.setdefault(t, BNode(f"{tag}x{len(relabel)}"))
            return t

        relabelled = Graph()
        for s, p, o in graph:
            relabelled.add((fix(s), p, fix(o)))  # type: ignore[arg-type]
        graph = relabelled
    return graph.serialize(format="nt11", encoding="utf-8")


# --- the embedded Oxigraph store --------------------------------------------------------------------------------

def _open_store(path: str | Path, *, create: bool) -> pyoxigraph.Store:
    import pyoxigraph

    folder = Path(path)
    if not create and not folder.is_dir():
        raise StoreError(f"{folder}: no Oxigraph store there (load graphs into it first with `kgbuild load`)")
    try:
        return pyoxigraph.Store(str(folder))
    except OSError as exc:
        raise StoreError(f"{folder}: cannot open the Oxigraph store: {exc}") from None


def load_graphs_into_store(graphs: GraphInput, path: str | Path | pyoxigraph.Store, *,
                           ontology: bool = True) -> LoadResult:
    """Load (document IRI, graph) pairs, or RDF files, into an on-disk Oxigraph store at ``path``.

    Each named graph is replaced; the ontology goes to its own graph unless ``ontology=False``.
    Everything is parsed first, then written in one transaction: on any failure the store is unchanged.

    >>> load_graphs_into_store(["seed.ttl"], "kg-store")  # doctest: +SKIP
    """
    named = _named_graphs(graphs, ontology)
    drops, blocks = [], []
    for i, (name, g) in enumerate(named):
        iri = _iri(name)
        drops.append(f"DROP SILENT GRAPH {iri}")
        blocks.append(f"GRAPH {iri} {{\n{_ntriples(g, f'g{i}').decode('utf-8')}}}")
    update = " ;\n".join([*drops, "INSERT DATA {\n" + "\n".join(blocks) + "\n}"])
    if isinstance(path, str | Path):
        store, target = _open_store(path, create=True), str(path)
    else:
        store, target = path, "the Oxigraph store"
    try:
        store.update(update)
        store.flush()
    except (OSError, SyntaxError, ValueError) as exc:
        raise StoreError(f"{target}: load failed, store unchanged: {exc}") from None
    finally:
        del store  # closes the on-disk store (and releases its lock) when we opened it
    return LoadResult(tuple((str(name), len(g)) for name, g in named), target)


def bulk_load_into_store(files: Sequence[str | Path], path: str | Path, *, ontology: bool = True) -> LoadResult:
    """Load N-Quads files (``kgbuild build -f nq``: each article its own named graph) into the on-disk Oxigraph
    store at ``path`` with Oxigraph's bulk loader, replacing those graphs: for corpora too large for one
    transaction (``load_graphs_into_store`` holds every graph in memory and writes one update).

    The bulk loader is not transactional, so it works on a copy: a backup of the store (hard links on the
    same file system), the graphs replaced there, then the copy renamed into place. Until that rename the
    store is as it was; a failure removes the copy and leaves the store unchanged.
    """
    import pyoxigraph as ox

    target = Path(path)
    counts: dict[str, int] = {}
    work = target.with_name(f".{target.name}.kgbuild-load-{os.getpid()}")
    old = target.with_name(f".{target.name}.kgbuild-old-{os.getpid()}")
    try:
        for file in files:  # the graphs to replace, read by Oxigraph's parser (nothing held but the counts)
            for quad in ox.parse(path=str(file), format=ox.RdfFormat.N_QUADS):
                if not isinstance(quad.graph_name, ox.NamedNode):
                    raise ValueError(f"{file}: a triple outside every named graph ({quad})")
                counts[quad.graph_name.value] = counts.get(quad.graph_name.value, 0) + 1
        shutil.rmtree(work, ignore_errors=True)
        if target.exists():
            current = _open_store(target, create=False)
            current.backup(str(work))
            del current
        store = ox.Store(str(work))
        names = [*counts, *([str(ONTOLOGY_GRAPH)] if ontology else [])]
        for name in names:
            store.remove_graph(ox.NamedNode(name))
        for file in files:
            store.bulk_load(path=str(file), format=ox.RdfFormat.N_QUADS)
        if ontology:
            store.bulk_load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE,
                            to_graph=ox.NamedNode(str(ONTOLOGY_GRAPH)))
            counts[str(ONTOLOGY_GRAPH)] = sum(1 for _ in store.quads_for_pattern(
                None, None, None, ox.NamedNode(str(ONTOLOGY_GRAPH))))
        store.flush()
        del store
        if target.exists():
            os.rename(target, old)
        os.rename(work, target)
    except (OSError, SyntaxError, ValueError) as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise StoreError(f"{target}: bulk load failed, store unchanged: {exc}") from None
    shutil.rmtree(old, ignore_errors=True)
    return LoadResult(tuple(counts.items()), str(target))


def _iri(name: URIRef) -> str:
    text = str(name)
    if re.search(r'[\x00-\x20<>"{}|\\^`]', text):
        raise InputError(f"graph name {text!r} is not a valid IRI")
    return f"<{text}>"


def _term_text(term: object) -> str:
    return "" if term is None else str(getattr(term, "value", term))


def query_store(path: str | Path, sparql: str, *, union: bool = True) -> QueryResult:
    """Run a SELECT or ASK query on an on-disk Oxigraph store; by default over the union of its graphs."""
    import pyoxigraph

    store = _open_store(path, create=False)
    try:
        result = store.query(sparql, use_default_graph_as_union=union)
        if isinstance(result, pyoxigraph.QueryBoolean):
            return QueryResult(("ask",), ((str(bool(result)).lower(),),))
        if not isinstance(result, pyoxigraph.QuerySolutions):
            raise UsageError("only SELECT and ASK queries are supported here")
        columns = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_term_text(solution[c]) for c in columns) for solution in result)
    except SyntaxError as exc:
        raise UsageError(f"bad SPARQL query: {exc}") from None
    except OSError as exc:
        raise StoreError(f"{path}: query failed: {exc}") from None
    finally:
        del store
    return QueryResult(columns, rows)


# --- SPARQL endpoints over HTTP ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Endpoint:
    """A SPARQL server: its Graph Store Protocol URL (loads) and SPARQL query URL (queries).

    ``Endpoint.from_urls("http://localhost:7878")`` follows Oxigraph's layout (``/store``, ``/query``);
    a base ending in ``/store`` or ``/query`` gives the other one; ``gsp=`` / ``query=`` set them
    explicitly (Fuseki: ``http://host:3030/ds/data`` and ``http://host:3030/ds/sparql``).

    >>> Endpoint.from_urls("http://127.0.0.1:7878/")
    Endpoint(gsp='http://127.0.0.1:7878/store', query='http://127.0.0.1:7878/query')
    """

    gsp: str
    query: str

    @classmethod
    def from_urls(cls, base: str | None = None, *, gsp: str | None = None, query: str | None = None) -> Endpoint:
        if base is None and (gsp is None or query is None):
            if gsp is None and query is None:
                raise UsageError("no endpoint: give --endpoint URL (or --gsp / --sparql URLs)")
            base = gsp or query
        root = (base or "").rstrip("/")
        for suffix in ("/store", "/query", "/update"):
            if root.endswith(suffix):
                root = root[: -len(suffix)]
                break
        endpoint = cls(gsp=gsp or f"{root}/store", query=query or f"{root}/query")
        for url in (endpoint.gsp, endpoint.query):
            _check_url(url)
        return endpoint


def _redact(url: str) -> str:
    """The URL without any user:password part (for messages)."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def _check_url(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{_redact(url)!r} is not an http(s) URL")
    if parts.username is not None or parts.password is not None:
        raise UsageError(f"credentials in endpoint URL {_redact(url)!r}: set {USER_ENV} and {PASSWORD_ENV} instead")


def _secrets() -> list[str]:
    return [s for s in (os.environ.get(PASSWORD_ENV), os.environ.get(USER_ENV)) if s]


def _scrub(text: str) -> str:
    for secret in _secrets():
        text = text.replace(secret, "***")
    return text


def _request(method: str, url: str, *, body: bytes | None = None, headers: dict[str, str] | None = None,
             timeout: float = 60.0) -> bytes:
    return _exchange(method, url, body=body, headers=headers, timeout=timeout)[0]


def _exchange(method: str, url: str, *, body: bytes | None = None, headers: dict[str, str] | None = None,
              timeout: float = 60.0) -> tuple[bytes, dict[str, str]]:
    """One HTTP request: the answer's body and headers (names in lower case), or a StoreError."""
    request = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
    user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    if user or password:
        token = base64.b64encode(f"{user or ''}:{password or ''}".encode()).decode("ascii")
        request.add_unredirected_header("Authorization", f"Basic {token}")
    shown = _redact(url)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read(), {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.HTTPError as exc:
        detail = ""
        with contextlib.suppress(OSError):
            detail = exc.read(2000).decode("utf-8", "replace").strip()
        detail = _scrub(" ".join(detail.split()))[:500]
        message = f"{method} {shown}: HTTP {exc.code} {exc.reason}"
        raise StoreError(f"{message}: {detail}" if detail else message) from None
    except urllib.error.URLError as exc:
        raise StoreError(f"{method} {shown}: cannot reach the server: {_scrub(str(exc.reason))}") from None
    except (OSError, ValueError) as exc:  # timeouts, resets, bad URLs
        raise StoreError(f"{method} {shown}: {_scrub(str(exc)) or exc.__class__.__name__}") from None


def load_graphs_into_endpoint(graphs: GraphInput, endpoint: Endpoint | str, *, ontology: bool = True,
                              timeout: float = 120.0) -> LoadResult:
    """PUT each named graph to a Graph Store Protocol endpoint (``{gsp}?graph=<iri>``), replacing it.

    Everything is parsed and serialised before the first request; each PUT is atomic at the server, so a
    failure leaves every graph either as it was or fully replaced (the error says which were loaded).
    """
    ep = endpoint if isinstance(endpoint, Endpoint) else Endpoint.from_urls(endpoint)
    bodies = [(name, _ntriples(g, f"g{i}"), len(g)) for i, (name, g) in enumerate(_named_graphs(graphs, ontology))]
    done: list[tuple[str, int]] = []
    for name, body, count in bodies:
        _iri(name)
        sep = "&" if "?" in ep.gsp else "?"
        url = f"{ep.gsp}{sep}graph={urllib.parse.quote(str(name), safe='')}"
        try:
            _request("PUT", url, body=body, headers={"Content-Type": "application/n-triples"}, timeout=timeout)
        except StoreError as exc:
            loaded = f" ({len(done)} of {len(bodies)} graphs were loaded before it)" if done else ""
            raise StoreError(f"{exc}{loaded}") from None
        done.append((str(name), count))
    return LoadResult(tuple(done), _redact(ep.gsp))


_FROM = re.compile(r"\bFROM\s+(NAMED\s+)?<", re.IGNORECASE)
ARQ_UNION_GRAPH = "urn:x-arq:UnionGraph"  # Jena's name for the union of a dataset's named graphs


class UnionMode(StrEnum):
    """How a query at an endpoint gets the union of the named graphs as its default graph.

    ``oxigraph`` sends Oxigraph's ``union-default-graph`` parameter; ``fuseki`` names Jena's union graph
    (``default-graph-uri=urn:x-arq:UnionGraph``; GRAPH patterns then see no named graphs); ``server``
    sends nothing, for a server whose default graph already is the union (``oxigraph serve
    --union-default-graph``, Fuseki or GraphDB configured so); ``list`` names every named graph as
    ``default-graph-uri`` and ``named-graph-uri`` (any SPARQL 1.1 server; the time grows with the number
    of graphs); ``none`` queries the server's own default graph; ``auto`` asks the server who it is (its
    ``Server`` header) and takes ``oxigraph`` or ``fuseki``, else ``list``.
    """

    auto = "auto"
    oxigraph = "oxigraph"
    fuseki = "fuseki"
    server = "server"
    list = "list"
    none = "none"


def _named_graph_iris(ep: Endpoint, timeout: float) -> list[str]:
    result = _post_query(ep, "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", [], timeout)
    return [row[0] for row in result.rows if row and row[0]]


def _detect(ep: Endpoint, timeout: float) -> UnionMode:
    """The union mode for the server behind ``ep``, from the headers of its answer to ``ASK {}``."""
    _, headers = _exchange("POST", ep.query, body=urllib.parse.urlencode({"query": "ASK {}"}).encode("utf-8"),
                           timeout=timeout, headers={"Content-Type": "application/x-www-form-urlencoded",
                                                     "Accept": "application/sparql-results+json"})
    server = headers.get("server", "").lower()
    if server.startswith("oxigraph"):
        return UnionMode.oxigraph
    if "fuseki" in server or "fuseki-request-id" in headers:
        return UnionMode.fuseki
    return UnionMode.list


def _dataset(ep: Endpoint, mode: UnionMode, timeout: float) -> list[tuple[str, str]]:
    """The protocol parameters that make the query's default graph the union, for ``mode``."""
    if mode is UnionMode.auto:
        mode = _detect(ep, timeout)
    if mode is UnionMode.oxigraph:
        return [("union-default-graph", "")]
    if mode is UnionMode.fuseki:
        return [("default-graph-uri", ARQ_UNION_GRAPH)]
    if mode is UnionMode.list:
        graphs = _named_graph_iris(ep, timeout)
        # default-graph-uri alone would hide the named graphs from GRAPH ?g { }: name them too
        return [*(("default-graph-uri", g) for g in graphs), *(("named-graph-uri", g) for g in graphs)]
    return []


def _post_query(ep: Endpoint, sparql: str, dataset: Sequence[tuple[str, str]], timeout: float) -> QueryResult:
    form = [("query", sparql), *dataset]
    raw = _request("POST", ep.query, body=urllib.parse.urlencode(form).encode("utf-8"), timeout=timeout, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    try:
        data = json.loads(raw)
    except ValueError:
        raise StoreError(f"POST {_redact(ep.query)}: the answer is not SPARQL JSON results") from None
    if "boolean" in data:
        return QueryResult(("ask",), ((str(bool(data["boolean"])).lower(),),))
    columns = tuple(data.get("head", {}).get("vars", []))
    rows = tuple(tuple(b.get(c, {}).get("value", "") for c in columns)
                 for b in data.get("results", {}).get("bindings", []))
    return QueryResult(columns, rows)


def query_endpoint(endpoint: Endpoint | str, sparql: str, *, union: UnionMode | str | bool = UnionMode.auto,
                   timeout: float = 120.0) -> QueryResult:
    """Run a SELECT or ASK query at a SPARQL endpoint (SPARQL 1.1 Protocol, JSON results).

    The default graph is the union of every named graph (every document and the ontology), obtained as
    ``union`` says (``UnionMode``; True is ``auto``, False is ``none``), unless the query has its own FROM.
    """
    ep = endpoint if isinstance(endpoint, Endpoint) else Endpoint.from_urls(endpoint)
    mode = UnionMode.auto if union is True else UnionMode.none if union is False else _union(union)
    return _post_query(ep, sparql, [] if _FROM.search(sparql) else _dataset(ep, mode, timeout), timeout)


def _union(value: str) -> UnionMode:
    try:
        return UnionMode(value)
    except ValueError:
        raise UsageError(f"unknown union mode {value!r}: one of {', '.join(m.value for m in UnionMode)}") from None
