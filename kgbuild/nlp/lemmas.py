"""The model's lemmatizer, asked once per word form instead of once per token.

spaCy's rule and lookup lemmatizers give a token's lemma from its text, part of speech and morphology
alone (the rule lemmatizer caches on exactly those three); the component still visits every token
in Python. :class:`RememberingLemmatizer` reads the three values of a document's tokens as arrays,
asks the model's own lemmatizer only for combinations it has not seen, and writes the lemmas back
in one call: the same lemmas (``tests/test_nlp_attributes.py``), a fraction of the time.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

__all__ = ["RememberingLemmatizer", "remembering_lemmatizer_for"]

MODES = ("rule", "lookup")  # lemmatizers whose answer depends on the token's text, POS and morphology only
MAX_CACHED = 200_000
KEY = [ORTH, POS, MORPH, LEMMA]


class RememberingLemmatizer:
    """Fill in the lemmas a lemmatizer (``mode`` rule or lookup, not overwriting) would give."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array(KEY)
        lemmas = rows[:, 3].copy()
        cache, missing = self._cache, False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue  # set by an earlier component (the attribute rules): kept, as spaCy keeps it
            found = cache.get((orth, pos, morph))
            if found is None:
                found = self._ask(doc, i, (orth, pos, morph))
            lemmas[i] = found
            missing = True
        if missing:
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def _ask(self, doc: Doc, i: int, key: tuple[int, int, int]) -> int:
        lemma = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
        if len(self._cache) >= MAX_CACHED:
            self._cache.clear()
        self._cache[key] = lemma
        return lemma


def remembering_lemmatizer_for(component: object) -> RememberingLemmatizer | None:
    """The remembering form of a pipeline's lemmatizer, or None where its answers may depend on more than
    a token's text, POS and morphology (another mode, overwriting, a subclass of its own)."""
    if type(component).__module__.split(".")[0] != "spacy" or not isinstance(component, Lemmatizer):
        return None
    if component.mode not in MODES or component.overwrite:
        return None
    return RememberingLemmatizer(component)
