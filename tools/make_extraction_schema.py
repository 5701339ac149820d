"""Regenerate kgbuild/data/extraction.schema.json from the dataclasses of kgbuild/model.py.

    python tools/make_extraction_schema.py

tests/test_interchange_format.py fails while the committed file differs from the generated one.
"""

from __future__ import annotations

from kgbuild.out.interchange import write_schema

if __name__ == "__main__":
    print(write_schema())
