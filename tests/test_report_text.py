"""Marking up overlapping spans: the text survives exactly, and the HTML is always well nested."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from kgbuild.report.text import Mark, mark_up

TAG = re.compile(r"<[^>]*>")


class _Nesting(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.ok = True

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.ok &= tag == "span"
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        self.ok &= tag == "span" and self.depth > 0
        self.depth -= 1


def strip(markup: str) -> str:
    return html.unescape(TAG.sub("", markup))


texts = st.text(alphabet=st.sampled_from([*"ab <>&\"'\n\r\té’—", "\U0001F600"]), max_size=60)
marks = st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.integers(0, 3),
                           st.sampled_from(["claim", "actor k-Person", "trigger", "cue"])), max_size=12)


@settings(max_examples=300, deadline=None)
@given(texts, marks)
def test_any_overlapping_spans_keep_the_text_and_nest_properly(text, raw):
    spans = [Mark(s, e, cls, {"data-x": '"<&>'}, layer=layer, first_attrs={"id": f"m{i}"})
             for i, (s, e, layer, cls) in enumerate(raw)]
    out = mark_up(text, spans)
    assert strip(out) == text
    parser = _Nesting()
    parser.feed(out)
    parser.close()
    assert parser.ok and parser.depth == 0
    # every non-empty span is covered by pieces of its class, and each id (first piece) appears at most once
    for i, (s, e, _, _) in enumerate(raw):
        assert out.count(f'id="m{i}"') == (1 if max(0, min(s, len(text))) < max(0, min(e, len(text))) else 0)


def test_crossing_spans_are_split_and_continued():
    out = mark_up("one two three", [Mark(0, 7, "claim", first_attrs={"id": "c1"}), Mark(4, 13, "actor")])
    assert out == ('<span class="claim" id="c1">one <span class="actor">two</span></span>'
                   '<span class="actor cont"> three</span>')


def test_nested_spans_open_outermost_first_and_escape_text():
    out = mark_up("A<B & C", [Mark(2, 3, "actor", layer=3), Mark(0, 7, "claim")])
    assert out == '<span class="claim">A&lt;<span class="actor">B</span> &amp; C</span>'
