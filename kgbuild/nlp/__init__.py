"""Building the spaCy pipeline: the base model plus kgbuild's small, data-fed components.

``DEFAULT_MODEL`` is a plain name; ``load_nlp`` (and spaCy with it) is imported on first use, so that
reading settings or printing ``--help`` does not load spaCy.
"""

from __future__ import annotations

from typing import Any

from kgbuild.config import DEFAULT_MODEL

__all__ = ["DEFAULT_MODEL", "load_nlp"]


def __getattr__(name: str) -> Any:
    if name == "load_nlp":
        from kgbuild.nlp.pipeline import load_nlp

        return load_nlp
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
