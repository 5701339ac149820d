"""Building the spaCy pipeline: the base model plus kgbuild's small, data-fed components."""

from kgbuild.nlp.pipeline import DEFAULT_MODEL, load_nlp

__all__ = ["DEFAULT_MODEL", "load_nlp"]
