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
    from kgbuild.ingest.documents import read_documents
    from kgbuild.out.interchange import extraction_from_json, extraction_to_json, read_extractions, write_extractions
    from kgbuild.out.serialize import Format, serialize, write_graphs
    from kgbuild.rdf.mapping import to_graph
    from kgbuild.runner.build import build, build_text, build_to, extract, map_extractions
    from kgbuild.runner.result import BuildResult
    from kgbuild.validate.gate import ValidationReport, validate_graph

_HOMES = {
    "kgbuild.config": ("Settings", "load_settings"),
    "kgbuild.errors": ("InputError", "KgbuildError", "ModelError", "NotConformingError", "StoreError", "UsageError"),
    "kgbuild.ingest.documents": ("read_documents",),
    "kgbuild.out.interchange": ("extraction_from_json", "extraction_to_json", "read_extractions", "write_extractions"),
    "kgbuild.rdf.mapping": ("to_graph",),
    "kgbuild.runner.build": ("build", "build_text", "build_to", "extract", "map_extractions"),
    "kgbuild.runner.result": ("BuildResult",),
    "kgbuild.out.serialize": ("Format", "serialize", "write_graphs"),
    "kgbuild.validate.gate": ("ValidationReport", "validate_graph"),
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
    "build_to",
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
