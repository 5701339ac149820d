from __future__ import annotations

from _events_helpers import event_with, extract

from kgbuild.model import Modality


def test_would_consider_is_hypothetical(nlp):
    x = extract(nlp, "Zelensky said Kyiv would consider a full cease-fire.")
    assert event_with(x, "cease-fire").modality is Modality.HYPOTHETICAL


def test_demanded_complement(nlp):
    x = extract(nlp, "Putin demanded that Ukraine cede four regions.")
    assert event_with(x, "cede").modality is Modality.DEMANDED


def test_agreed_to_hold_is_planned(nlp):
    x = extract(nlp, "The parties had agreed to hold a summit in Doha.")
    assert event_with(x, "summit").modality is Modality.PLANNED


def test_conditional_clause_is_hypothetical(nlp):
    x = extract(nlp, "Talks can start only if Russia withdrew its troops.")
    assert event_with(x, "withdrew").modality is Modality.HYPOTHETICAL


def test_negated_verb(nlp):
    x = extract(nlp, "Russian forces are not occupying the city.")
    assert event_with(x, "occupying").negated


def test_plain_past_is_asserted(nlp):
    x = extract(nlp, "Russia annexed Crimea in 2014.")
    event = event_with(x, "annexed")
    assert event.modality is Modality.ASSERTED and not event.negated


def test_adjective_possible_is_hypothetical(nlp):
    x = extract(nlp, "This possible agreement was not reported.")
    assert event_with(x, "agreement").modality is Modality.HYPOTHETICAL
