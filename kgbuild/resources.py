"""Files that travel inside the installed package: ontology, shapes, queries, data.

In a wheel, the top-level ``ontology/`` and ``shapes/`` folders are packaged as
``kgbuild/ontology`` and ``kgbuild/shapes`` (see ``pyproject.toml``). Only when
kgbuild runs from a source checkout (an editable install) are they read from the
checkout's top level, where they are edited.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["data_path", "ontology_dir", "ontology_path", "package_path", "queries_dir", "shapes_dir"]

_PACKAGE = Path(str(files("kgbuild")))


def package_path(*parts: str) -> Path:
    return _PACKAGE.joinpath(*parts)


def _shipped(name: str) -> Path:
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    checkout = _PACKAGE.parent / name
    if checkout.is_dir() and (_PACKAGE.parent / "pyproject.toml").is_file():
        return checkout
    raise FileNotFoundError(f"kgbuild is installed without its {name}/ folder ({inside})")


def data_path(*parts: str) -> Path:
    return package_path("data", *parts)


def ontology_dir() -> Path:
    return _shipped("ontology")


def ontology_path() -> Path:
    return ontology_dir() / "kgbuild.ttl"


def shapes_dir() -> Path:
    return _shipped("shapes")


def queries_dir() -> Path:
    return ontology_dir() / "queries"
