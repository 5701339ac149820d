"""kgbuild: news articles in, validated RDF knowledge graphs out.

Who did what (events, actors, places, times), who said what (claims), and according
to whom (sources and their chains, anonymous ones included).

>>> from kgbuild import build
>>> result = build(["examples/seed-article.txt"])  # doctest: +SKIP
>>> result.conforms  # doctest: +SKIP
True
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names below are imported on first use (PEP 562): ``import kgbuild`` stays light
    from kgbuild.config import Settings, load_settings
    from kgbuild.errors import InputError, KgbuildError, ModelError, NotConformingError, StoreError, UsageError
    from kgbuild.ingest import read_documents
    from kgbuild.interchange import extraction_from_json, extraction_to_json, read_extractions, write_extractions
    from kgbuild.mapping import to_graph
    from kgbuild.pipeline import BuildResult, build, build_text, extract, map_extractions
    from kgbuild.serialize import Format, serialize, write_graphs
    from kgbuild.validate import ValidationReport, validate_graph

_HOMES = {
    "kgbuild.config": ("Settings", "load_settings"),
    "kgbuild.errors": ("InputError", "KgbuildError", "ModelError", "NotConformingError", "StoreError", "UsageError"),
    "kgbuild.ingest": ("read_documents",),
    "kgbuild.interchange": ("extraction_from_json", "extraction_to_json", "read_extractions", "write_extractions"),
    "kgbuild.mapping": ("to_graph",),
    "kgbuild.pipeline": ("BuildResult", "build", "build_text", "extract", "map_extractions"),
    "kgbuild.serialize": ("Format", "serialize", "write_graphs"),
    "kgbuild.validate": ("ValidationReport", "validate_graph"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'kgbuild' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


__version__ = "0.1.0"
__all__ = [
    "BuildResult",
    "Format",
    "InputError",
    "KgbuildError",
    "ModelError",
    "NotConformingError",
    "Settings",
    "StoreError",
    "UsageError",
    "ValidationReport",
    "__version__",
    "build",
    "build_text",
    "extract",
    "extraction_from_json",
    "extraction_to_json",
    "load_settings",
    "map_extractions",
    "read_documents",
    "read_extractions",
    "serialize",
    "to_graph",
    "validate_graph",
    "write_extractions",
    "write_graphs",
]
