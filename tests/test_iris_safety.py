"""IRIs are deterministic, injective and valid for any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgbuild.config import check_base
from kgbuild.errors import UsageError
from kgbuild.rdf.iris import Minter, segment, slug

# RFC 3987 excludes these from IRIs; Turtle IRIREFs cannot hold them either
FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


def test_safe_keys_stay_readable():
    assert segment("ukraine") == "ukraine"
    assert Minter().actor("gpe/ukraine", None).endswith("/actor/gpe/ukraine")


def test_unsafe_keys_get_a_hash_and_no_forbidden_characters():
    seg = segment('a <b> "c" {d}|e\\f^g`h')
    assert not FORBIDDEN.search(seg)
    assert seg.startswith("a-b-c-d-e-f-g-h-")


def test_non_latin_scripts_are_percent_encoded():
    seg = segment("Владимир Путин")
    assert seg.startswith("%D0%B2")
    assert seg.isascii()


@given(st.text(), st.text())
def test_segment_is_injective_and_safe(a: str, b: str):
    assert not FORBIDDEN.search(segment(a))
    if a != b:
        assert segment(a) != segment(b)


@given(st.text())
def test_slug_is_deterministic(text: str):
    assert slug(text) == slug(text)


@pytest.mark.parametrize("bad", ["not an iri", "http://x/<y>", "relative/path", 'http://a/"b"'])
def test_bad_base_iri_is_refused(bad: str):
    with pytest.raises(UsageError):
        check_base(bad)


def test_base_iri_gets_a_trailing_slash():
    assert check_base("https://example.org/news") == "https://example.org/news/"
