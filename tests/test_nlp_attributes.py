"""The attribute rules and the lemmatizer run as tables: token for token what spaCy's components give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.pipeline import Lemmatizer

from kgbuild.config import DEFAULT_MODEL
from kgbuild.nlp import load_nlp
from kgbuild.nlp.attributes import TableAttributeRuler, table_ruler_for
from kgbuild.nlp.lemmas import RememberingLemmatizer, remembering_lemmatizer_for
from kgbuild.nlp.pipeline import LINES_NAME

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "gum-nonnews.jsonl"


@pytest.fixture(scope="module")
def pipelines():
    """kgbuild's pipeline without its entity patterns, and the model as spaCy loads it (same components)."""
    plain = spacy.load(DEFAULT_MODEL, exclude=["senter"])
    plain.add_pipe(LINES_NAME, before="parser")
    return plain, load_nlp(DEFAULT_MODEL)


def annotations(doc) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_,
             t.is_sent_start) for t in doc]


def assert_same(pipelines, texts: list[str]) -> None:
    plain, ours = pipelines
    with ours.select_pipes(disable=["kgbuild_entity_ruler"]):
        for theirs, mine in zip(plain.pipe(texts), ours.pipe(texts), strict=True):
            assert annotations(mine) == annotations(theirs)


def test_the_model_runs_as_tables(pipelines):
    _, ours = pipelines
    assert isinstance(ours.get_pipe("attribute_ruler"), TableAttributeRuler)
    assert isinstance(ours.get_pipe("lemmatizer"), RememberingLemmatizer)


def test_same_annotations_on_news_and_hostile_text(pipelines):
    texts = [(ROOT / "examples" / "seed-article.txt").read_text(encoding="utf-8")]
    hostile = sorted((ROOT / "tests" / "data" / "hostile").glob("*.txt"))
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in hostile]
    texts.append("Y'all ain't gonna believe it: I gotta go, let's see. Nothin' doing, c'mon! "
                 "But it is not what you are. There were 3 of them; she doesn't, I'm sure, and we've got it.")
    assert_same(pipelines, texts)


@pytest.mark.skipif(not CORPUS.is_file(), reason="the shared corpus is not beside the checkout")
def test_same_annotations_on_the_shared_corpus(pipelines):
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    assert_same(pipelines, [json.loads(line)["text"] for line in lines if line.strip()][:25])


WORDS = ["I", "you", "it", "is", "are", "'s", "n't", "not", "do", "did", "have", "had", "gon", "na", "got", "ta",
         "let", "y'", "all", "ai", "nothin'", "there", "that", "if", "but", "which", "the", "run", "ran", "\n", " ",
         "Smith", "said", "will", "'ve", "am", "'m", ",", ".", "?", "Gets", "gets", "c'm", "on", "whether"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
def test_same_annotations_on_word_salad(pipelines, words):
    assert_same(pipelines, [" ".join(words)])


def test_later_rules_win_and_index_points_into_the_match():
    nlp = spacy.blank("en")
    table = TableAttributeRuler(nlp.vocab, [
        {"patterns": [[{"LOWER": "a"}]], "attrs": {"LEMMA": "first"}},
        {"patterns": [[{"LOWER": {"IN": ["a", "b"]}}]], "attrs": {"LEMMA": "second"}},
        {"patterns": [[{"LOWER": "b"}, {"LOWER": {"REGEX": "^c+$"}}]], "attrs": {"LEMMA": "third"}, "index": -1},
        {"patterns": [[{"LOWER": {"NOT_IN": ["a", "b", "ccc"]}}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    ])
    doc = table(nlp("a b ccc d"))
    assert [t.lemma_ for t in doc] == ["second", "second", "third", ""]
    assert [t.pos_ for t in doc] == ["", "", "", "NOUN"] and str(doc[3].morph) == "Number=Sing"


def test_rules_the_table_cannot_express_keep_spacy():
    vocab = spacy.blank("en").vocab
    assert table_ruler_for(vocab, [{"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {"LEMMA": "x"}}]) is None
    assert table_ruler_for(vocab, [{"patterns": [[{"LENGTH": 3}]], "attrs": {"LEMMA": "x"}}]) is None
    assert table_ruler_for(vocab, [{"patterns": [[{"LOWER": "a"}]], "attrs": {"NORM": "x"}}]) is None
    assert table_ruler_for(vocab, [{"patterns": [[{"LOWER": "a"}]], "attrs": {"LEMMA": "x"}, "index": 2}]) is None


def test_only_plain_rule_and_lookup_lemmatizers_are_remembered():
    nlp = spacy.blank("en")
    assert remembering_lemmatizer_for(nlp.add_pipe("lemmatizer", config={"mode": "lookup"})) is not None
    nlp2 = spacy.blank("en")
    overwriting = nlp2.add_pipe("lemmatizer", config={"mode": "lookup", "overwrite": True})
    assert remembering_lemmatizer_for(overwriting) is None

    class Own(Lemmatizer):
        pass

    assert remembering_lemmatizer_for(Own(nlp.vocab, None, mode="lookup")) is None
    assert remembering_lemmatizer_for(object()) is None
