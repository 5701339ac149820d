"""The one runner: documents in, per-document results, a sink out; in-memory, streaming, ``--jobs`` and Dask
builds are its strategies.
"""
