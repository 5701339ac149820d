from __future__ import annotations

import json

from kgbuild.extract.events import find_events
from kgbuild.extract.events_lexicon import event_lexicon
from kgbuild.extract.table import ActorTable
from kgbuild.model import Document, EventKind


def test_packaged_lexicon_has_verbal_and_nominal_triggers():
    lex = event_lexicon()
    assert lex.verbs["invade"] is EventKind.INVASION and lex.nouns["invasion"] is EventKind.INVASION


def test_user_lexicon_is_merged_over_packaged(nlp, tmp_path):
    path = tmp_path / "extra.json"
    path.write_text(json.dumps({"nouns": {"heatwave": "DisasterEvent", "summit": None}}), encoding="utf-8")
    text = "The heatwave hit the summit."
    events = find_events(nlp(text), Document(id="t", text=text), ActorTable("t"), [], lexicon_path=path)
    assert [e.lemma for e in events] == ["heatwave", "hit"]  # "summit" removed, from the generated table too
    assert events[0].kind is EventKind.DISASTER
