"""Stage 6, out: deterministic serialisation and atomic writes (``serialize``), the per-document output sink
(``sink``), SPARQL stores (``store``) and the JSON interchange of extractions (``interchange``).
"""
