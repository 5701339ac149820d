"""Bad extraction lines are rejected with file, line and JSON path; the other lines still map."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EXAMPLES
from kgbuild.cli import app
from kgbuild.errors import InputError
from kgbuild.out.interchange import read_extractions

GOOD = json.loads((EXAMPLES / "interchange" / "own-extraction.jsonl").read_text(encoding="utf-8"))


def _set(path: list, value: object) -> Callable[[dict], None]:
    def edit(obj: dict) -> None:
        target = obj
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
    return edit


def _shift_mention(obj: dict) -> None:
    obj["claims"][0]["content"]["start"] += 1


def _drop(path: list) -> Callable[[dict], None]:
    def edit(obj: dict) -> None:
        target = obj
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]
    return edit


def _duplicate_actor(obj: dict) -> None:
    obj["actors"].append(copy.deepcopy(obj["actors"][0]))


# (case, edit, JSON path, words of the message)
CASES = [
    ("unknown field", _set(["claims", 0, "speakr"], "x"), "$.claims[0].speakr", "unknown field of Claim"),
    ("missing field", _drop(["events", 1, "lemma"]), "$.events[1].lemma", "missing required field of Event"),
    ("wrong type", _set(["events", 0, "negated"], "no"), "$.events[0].negated", "expected boolean, got string"),
    ("integer as text", _set(["times", 0, "mention", "start"], "5"), "$.times[0].mention.start",
     "expected integer, got string"),
    ("negative offset", _set(["actors", 0, "mentions", 0, "start"], -1), "$.actors[0].mentions[0].start",
     "must be at least 0"),
    ("offset outside the text", _set(["non_responses", 0, "cue", "end"], 10_000), "$.non_responses[0].cue",
     "outside the document text"),
    ("mention text not the text at its offsets", _shift_mention, "$.claims[0].content.text",
     "is not the document text at"),
    ("unknown role", _set(["events", 0, "participants", 1, "role"], "victim"), "$.events[0].participants[1].role",
     "'victim' is not a known Role (one of: agent, patient, recipient, place, instrument, participant)"),
    ("unknown event kind", _set(["events", 0, "kind"], "Strike"), "$.events[0].kind",
     "'Strike' is not a known EventKind"),
    ("unknown actor kind", _set(["actors", 2, "kind"], "Union"), "$.actors[2].kind", "not a known ActorKind"),
    ("unknown modality", _set(["events", 1, "modality"], "rumoured"), "$.events[1].modality",
     "'rumoured' is not a known Modality"),
    ("unknown quote type", _set(["claims", 2, "quote_type"], "paraphrase"), "$.claims[2].quote_type",
     "not a known QuoteType"),
    ("dangling speaker", _set(["claims", 1, "speaker"], "source/nobody"), "$.claims[1].speaker",
     "'source/nobody' is not the key of any actor in $.actors"),
    ("dangling reporter", _set(["claims", 1, "reported_by"], ["organization/coastal-wire", "organization/x"]),
     "$.claims[1].reported_by[1]", "'organization/x' is not the key of any actor"),
    ("dangling participant", _set(["events", 0, "participants", 0, "actor"], "group/strikers"),
     "$.events[0].participants[0].actor", "not the key of any actor"),
    ("dangling time", _set(["events", 0, "times"], ["t9"]), "$.events[0].times[0]",
     "'t9' is not the key of any time in $.times"),
    ("dangling event", _set(["claims", 2, "about_events"], ["e1", "e3"]), "$.claims[2].about_events[1]",
     "'e3' is not the key of any event in $.events"),
    ("dangling claim", _set(["claims", 2, "part_of"], "c7"), "$.claims[2].part_of",
     "'c7' is not the key of any claim in $.claims"),
    ("dangling publisher", _set(["publisher"], "organization/daily"), "$.publisher", "not the key of any actor"),
    ("duplicate key", _duplicate_actor, "$.actors[8].key", "duplicate key 'gpe/port-elmsby'"),
    ("bad date", _set(["times", 1, "value"], "13/03/2024"), "$.times[1].value", "is not a date (YYYY-MM-DD)"),
    ("bad IRI", _set(["actors", 0, "same_as"], ["not an iri"]), "$.actors[0].same_as[0]", "not an absolute IRI"),
    ("other format version", _set(["format"], "kgbuild-extraction/2"), "$.format",
     "expected 'kgbuild-extraction/1', got 'kgbuild-extraction/2'"),
    ("empty key", _set(["claims", 0, "key"], ""), "$.claims[0].key", "must not be empty"),
]


def _line(edit: Callable[[dict], None] | None, doc_id: str) -> str:
    obj = copy.deepcopy(GOOD)
    obj["document"]["id"] = doc_id
    if edit:
        edit(obj)
    return json.dumps(obj)


def _file(tmp_path: Path, edit: Callable[[dict], None]) -> Path:
    """Line 1 good, line 2 bad, line 3 good."""
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([_line(None, "first"), _line(edit, "bad"), _line(None, "third")]) + "\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize(("edit", "where", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_line_is_reported_with_path_and_line_and_the_rest_is_read(tmp_path, edit, where, words):
    path = _file(tmp_path, edit)
    errors: list[InputError] = []
    ids = [x.document.id for x in read_extractions([path], on_error=errors.append)]
    assert ids == ["first", "third"]
    [error] = errors
    assert (error.path, error.line) == (str(path), 2)
    assert str(error).startswith(f"{path}:2: {where}: "), str(error)
    assert words in str(error)


def test_without_a_handler_the_first_bad_line_raises(tmp_path):
    path = _file(tmp_path, _set(["claims", 1, "speaker"], "source/nobody"))
    with pytest.raises(InputError, match=r"mixed\.jsonl:2: \$\.claims\[1\]\.speaker: 'source/nobody'"):
        list(read_extractions([path]))


def test_not_json_and_not_an_object_and_duplicate_ids(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join(['{"format": ', "[1, 2]", _line(None, "a"), _line(None, "a")]) + "\n",
                    encoding="utf-8")
    errors: list[InputError] = []
    assert [x.document.id for x in read_extractions([path], on_error=errors.append)] == ["a"]
    messages = [str(e) for e in errors]
    assert messages[0].startswith(f"{path}:1: not a valid JSON line")
    assert messages[1] == f"{path}:2: $: expected an object (an extraction), got array"
    assert messages[2] == f"{path}:4: $.document.id: duplicate document id 'a' (first at {path}:3)"


def test_map_cli_skips_bad_lines_maps_the_rest_and_exits_2(tmp_path, runner):
    path = _file(tmp_path, _set(["events", 0, "participants", 1, "role"], "victim"))
    out = tmp_path / "out.nq"
    result = runner.invoke(app, ["map", str(path), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert f"skipped: {path}:2: $.events[0].participants[1].role: 'victim' is not a known Role" in result.output
    assert "2 documents" in result.output
    graphs = {line.split()[-2] for line in out.read_text(encoding="utf-8").splitlines()}
    assert graphs == {"<https://w3id.org/kgbuild/id/doc/first>", "<https://w3id.org/kgbuild/id/doc/third>"}


def test_map_cli_with_nothing_mappable_writes_nothing(tmp_path, runner):
    path = tmp_path / "bad.jsonl"
    path.write_text(_line(_set(["format"], "other/1"), "x") + "\n", encoding="utf-8")
    out = tmp_path / "out.ttl"
    result = runner.invoke(app, ["map", str(path), "-o", str(out)])
    assert result.exit_code == 2
    assert "$.format: expected 'kgbuild-extraction/1', got 'other/1'" in result.output
    assert not out.exists()
