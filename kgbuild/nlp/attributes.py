"""The model's attribute rules (tag map and exceptions), applied by table lookup instead of spaCy's Matcher.

spaCy's ``attribute_ruler`` maps every token's fine-grained tag to its coarse part of speech and
morphology and applies a few word exceptions ("'s" as AUX, "not" as PART …) through a token
Matcher: about a sixth of the pipeline's time on news. The rules only test a token's own tag,
lower-case form, dependency label and whitespace flag, so whether a rule holds is the same for every
token with the same four values: :class:`TableAttributeRuler` decides it once per combination and
remembers it. The result is the AttributeRuler's, token for token (``tests/test_nlp_attributes.py``
compares both on news and on hostile text): every match is found on the tokens as they were before
the rules, and where several rules set the same attribute of a token, the rule added last wins.

Rules outside that form (operators, other token attributes, extension attributes) keep spaCy's
component: :func:`table_ruler_for` returns None for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = ["TableAttributeRuler", "table_ruler_for"]

# the token attributes a rule may test, in the order of the lookup key, and those it may set
TESTED = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3, "ORTH": 4, "TEXT": 4}
KEY_ATTRS = [TAG, LOWER, DEP, IS_SPACE, ORTH]
SET = ("POS", "MORPH", "LEMMA", "TAG", "DEP")
ARRAY_SET = [POS, MORPH, LEMMA]  # written back through Doc.from_array; TAG and DEP token by token
MAX_CACHED = 200_000  # distinct (tag, lower, dep, space, orth) combinations remembered

Test = Callable[[tuple], bool]


class Unsupported(ValueError):
    """A rule this table cannot express exactly; spaCy's own component is kept."""


def _value_test(slot: int, spec: object) -> Test:
    if isinstance(spec, bool):
        return lambda key: key[slot] is spec
    if isinstance(spec, str):
        return lambda key: key[slot] == spec
    if isinstance(spec, dict) and spec and set(spec) <= {"IN", "NOT_IN", "REGEX"}:
        tests: list[Test] = []
        if "IN" in spec:
            allowed = frozenset(_strings(spec["IN"]))
            tests.append(lambda key: key[slot] in allowed)
        if "NOT_IN" in spec:
            banned = frozenset(_strings(spec["NOT_IN"]))
            tests.append(lambda key: key[slot] not in banned)
        if "REGEX" in spec:
            if not isinstance(spec["REGEX"], str):
                raise Unsupported(f"REGEX {spec['REGEX']!r}")
            pattern = re.compile(spec["REGEX"])
            tests.append(lambda key: isinstance(key[slot], str) and pattern.search(key[slot]) is not None)
        return lambda key: all(t(key) for t in tests)
    raise Unsupported(f"value {spec!r}")


def _strings(values: object) -> list[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise Unsupported(f"list {values!r}")
    return values


def _token_test(spec: object) -> Test:
    if not isinstance(spec, dict) or not spec or not set(spec) <= set(TESTED):
        raise Unsupported(f"token pattern {spec!r}")
    if any((name == "IS_SPACE") != isinstance(value, bool) for name, value in spec.items()):
        raise Unsupported(f"token pattern {spec!r}: IS_SPACE takes true or false, the others text")
    tests = [_value_test(TESTED[name], value) for name, value in spec.items()]
    return lambda key: all(t(key) for t in tests)


@dataclass(frozen=True)
class _Rule:
    tests: tuple[Test, ...]  # one per token of the pattern
    index: int  # which token of the match the attributes go to (0 ≤ index < len(tests))
    values: dict[str, object]  # POS id, MORPH hash, LEMMA hash, TAG label, DEP label


class TableAttributeRuler:
    """Apply attribute rules (``AttributeRuler.patterns``) by looking up each token's tested values."""

    def __init__(self, vocab: Vocab, patterns: Iterable[dict] = ()) -> None:
        self.vocab = vocab
        self.add_patterns(patterns)

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Take the rules of an AttributeRuler (its ``patterns``, in order); raises ``Unsupported`` for a
        rule the table cannot express exactly."""
        self.rules: list[_Rule] = []
        specs: list[list[dict]] = []
        for entry in patterns:
            for rule, tokens in self._compile(entry):
                self.rules.append(rule)
                specs.append(tokens)
        # every (rule, token position) test, filed under a value it requires where it has one (a tag or a
        # word), so that a new combination of values is tried against the few tests that can hold
        self._by_value: dict[tuple[int, str], list[tuple[int, int, Test]]] = {}
        self._general: list[tuple[int, int, Test]] = []
        for n, (rule, tokens) in enumerate(zip(self.rules, specs, strict=True)):
            for k, (test, spec) in enumerate(zip(rule.tests, tokens, strict=True)):
                self._file((n, k, test), spec)
        tested = {TESTED[name] for tokens in specs for spec in tokens for name in spec}
        self._key_attrs = [attr for slot, attr in enumerate(KEY_ATTRS) if slot in tested]
        self._slots = [slot for slot in range(len(KEY_ATTRS)) if slot in tested]
        self._cache: dict[tuple, tuple[tuple[int, ...], tuple[int, ...]]] = {}

    def _file(self, element: tuple[int, int, Test], spec: dict) -> None:
        for name in ("LOWER", "ORTH", "TEXT", "TAG"):
            value = spec.get(name)
            if isinstance(value, str):
                required = [value]
            elif isinstance(value, dict) and "IN" in value:
                required = value["IN"]  # the other tests of the token are checked when it is tried
            else:
                continue
            for word in required:
                self._by_value.setdefault((TESTED[name], word), []).append(element)
            return
        self._general.append(element)

    def _compile(self, entry: dict) -> list[tuple[_Rule, list[dict]]]:
        attrs, index, alternatives = entry.get("attrs"), entry.get("index", 0), entry.get("patterns")
        if not isinstance(attrs, dict) or not set(attrs) <= set(SET) or not isinstance(index, int):
            raise Unsupported(f"rule {entry!r}")
        if not isinstance(alternatives, list) or not alternatives:
            raise Unsupported(f"rule {entry!r}")
        values: dict[str, object] = {}
        for name, value in attrs.items():
            if not isinstance(value, str):
                raise Unsupported(f"{name} {value!r}")
            if name == "POS":
                if value not in POS_IDS:
                    raise Unsupported(f"POS {value!r}")
                values[name] = POS_IDS[value]
            elif name == "MORPH":
                values[name] = self.vocab.morphology.add(value)
            elif name == "LEMMA":
                values[name] = self.vocab.strings.add(value)
            else:
                values[name] = value
        rules = []
        for tokens in alternatives:
            if not isinstance(tokens, list) or not 0 < len(tokens) < 64:
                raise Unsupported(f"pattern {tokens!r}")
            at = index + len(tokens) if index < 0 else index
            if not 0 <= at < len(tokens):
                raise Unsupported(f"index {index} of a {len(tokens)}-token pattern")
            rules.append((_Rule(tuple(_token_test(t) for t in tokens), at, values), tokens))
        # alternatives of one entry share its place in the order (AttributeRuler sorts by entry)
        return rules

    def _holds(self, key: tuple) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """For one combination of tested values: the one-token rules that match it, and the (rule, token
        position) pairs of longer rules whose test at that position it passes."""
        found = self._cache.get(key)
        if found is None:
            strings = self.vocab.strings
            values: list[object] = ["", "", "", False, ""]
            for slot, value in zip(self._slots, key, strict=True):
                values[slot] = bool(value) if slot == 3 else strings[value]
            words = tuple(values)
            elements = [*self._general]
            for slot in (0, 1, 4):
                elements += self._by_value.get((slot, words[slot]), ())  # type: ignore[arg-type]
            passed = sorted({(n, k) for n, k, test in elements if test(words)})
            single = tuple(n for n, k in passed if len(self.rules[n].tests) == 1)
            parts = tuple(n * 64 + k for n, k in passed if len(self.rules[n].tests) > 1)
            if len(self._cache) >= MAX_CACHED:
                self._cache.clear()
            found = self._cache[key] = (single, parts)
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not self.rules:
            return doc
        keys = doc.to_array(self._key_attrs).reshape(len(doc), -1)  # one column comes back flat
        holds = [self._holds(key) for key in map(tuple, keys.tolist())]
        matched: dict[int, list[int]] = {}
        for start, (_, parts) in enumerate(holds):
            for part in parts:
                n, k = divmod(part, 64)
                if k == 0:
                    self._extend(matched, holds, start, n)
        values = doc.to_array(ARRAY_SET)
        labels: list[tuple[int, str, str]] = []
        for i, (single, _) in enumerate(holds):
            order = sorted([*single, *matched[i]]) if i in matched else single
            for n in order:
                for name, value in self.rules[n].values.items():
                    if name in ("TAG", "DEP"):
                        labels.append((i, name, value))  # type: ignore[arg-type]
                    else:
                        values[i, ARRAY_SLOT[name]] = value
        doc.from_array(ARRAY_SET, values)
        for i, name, value in labels:
            setattr(doc[i], name.lower() + "_", value)
        return doc

    def _extend(self, matched: dict[int, list[int]], holds: Sequence, start: int, n: int) -> None:
        rule = self.rules[n]
        end = start + len(rule.tests)
        if end <= len(holds) and all(n * 64 + k in holds[start + k][1] for k in range(1, len(rule.tests))):
            matched.setdefault(start + rule.index, []).append(n)


ARRAY_SLOT = {"POS": 0, "MORPH": 1, "LEMMA": 2}


def table_ruler_for(vocab: Vocab, patterns: Iterable[dict]) -> TableAttributeRuler | None:
    """A table ruler doing exactly what an AttributeRuler with ``patterns`` does, or None when a rule
    uses something the table cannot express (then spaCy's component stays)."""
    try:
        return TableAttributeRuler(vocab, patterns)
    except Unsupported:
        return None
