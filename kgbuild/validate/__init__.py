"""Stage 5, validate: the SHACL gate (``gate``, with pySHACL and its speed-ups in ``speedups``), checks of the
shapes (``shapes_check``) and of the ontology (``ontology_check``, HermiT), and validation reports for CI
(``reports``).
"""
