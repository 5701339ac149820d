"""Stage 4, rdf: the ontology's terms (``vocab``), IRIs (``iris``), the mapping of an ``Extraction`` to triples
(``mapping``, into the one-graph store of ``graph_store``), and reading RDF files and running the competency
queries (``files``, ``query``, ``sparql_oxigraph``), all below the SHACL gate.
"""
