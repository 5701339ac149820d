"""The interchange format is the model's serialised form: round trip, schema derived and committed, schema valid."""

from __future__ import annotations

import json
import re
from dataclasses import fields, replace

import jsonschema
import pytest

from conftest import EXAMPLES, ROOT, SEED
from kgbuild.model import Document, Extraction
from kgbuild.out.interchange import (
    CONSTRAINTS,
    FORMAT,
    REFERENCES,
    SCHEMA_ID,
    dumps,
    extraction_from_json,
    extraction_schema,
    extraction_to_json,
    read_extractions,
    schema_path,
    schema_text,
)
from kgbuild.runner.build import extract, map_extractions

OWN = EXAMPLES / "interchange" / "own-extraction.jsonl"


@pytest.fixture(scope="module")
def project_extractions() -> list[Extraction]:
    """Every extraction the project produces from its examples (the seed among them)."""
    articles = sorted(EXAMPLES.glob("*.txt"))
    assert SEED in articles
    return list(extract(articles))


def test_committed_schema_is_the_generated_one():
    assert schema_path().read_text(encoding="utf-8") == schema_text(), \
        "kgbuild/data/extraction.schema.json is stale: regenerate with `python tools/make_extraction_schema.py`"


def test_schema_is_valid_draft_2020_12_with_id_and_format():
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID
    assert schema["properties"]["format"] == {"description": "the format and its version", "const": FORMAT}
    assert schema["$defs"]["Role"]["enum"] == ["agent", "patient", "recipient", "place", "instrument", "participant"]


def test_schema_validates_every_extraction_the_project_produces(project_extractions):
    validator = jsonschema.Draft202012Validator(json.loads(schema_path().read_text(encoding="utf-8")))
    own = [json.loads(line) for line in OWN.read_text(encoding="utf-8").splitlines() if line.strip()]
    objects = [json.loads(dumps(x)) for x in project_extractions] + own
    assert len(objects) >= 2
    for obj in objects:
        errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(obj)]
        assert not errors, errors[:5]


def test_schema_rejects_what_the_reader_rejects():
    validator = jsonschema.Draft202012Validator(extraction_schema())
    good = json.loads(OWN.read_text(encoding="utf-8"))
    bad_role = json.loads(json.dumps(good))
    bad_role["events"][0]["participants"][0]["role"] = "victim"
    extra = json.loads(json.dumps(good))
    extra["claims"][0]["speakr"] = "x"
    wrong_version = {**good, "format": "kgbuild-extraction/2"}
    for obj, where in ((bad_role, "$.events[0].participants[0].role"), (extra, "$.claims[0]"),
                       (wrong_version, "$.format")):
        assert [e.json_path for e in validator.iter_errors(obj)] == [where]


def test_seed_round_trips_to_equal_model_objects(project_extractions):
    for x in project_extractions:
        line = dumps(x)
        back = extraction_from_json(json.loads(line), origin=x.document.origin)
        assert back == x
        assert dumps(back) == line


def test_json_form_is_plain_values_without_none(project_extractions):
    obj = extraction_to_json(project_extractions[0])
    assert obj["format"] == FORMAT
    assert "origin" not in obj["document"]  # where it was read from is not part of the extraction
    text = json.dumps(obj)
    assert "null" not in text
    mention = obj["actors"][1]["mentions"][0]
    assert set(mention) == {"start", "end", "text"}
    assert obj["document"]["text"][mention["start"]:mention["end"]] == mention["text"]
    event = obj["events"][0]
    assert isinstance(event["kind"], str) and isinstance(event["triggers"], list)


def test_defaults_may_be_left_out_by_hand():
    x = extraction_from_json({"format": FORMAT, "document": {"id": "d", "text": "Hello."}})
    assert x == Extraction(Document(id="d", text="Hello."))


def test_references_and_constraints_name_real_model_fields():
    for cls, name in (*REFERENCES, *CONSTRAINTS):
        assert name in {f.name for f in fields(cls)}, f"{cls.__name__}.{name}"


def test_reading_sets_origin_to_file_and_line(tmp_path):
    path = tmp_path / "two.jsonl"
    first = OWN.read_text(encoding="utf-8").strip()
    obj = json.loads(first)
    obj["document"]["id"] = "second"
    path.write_text(first + "\n\n" + json.dumps(obj) + "\n", encoding="utf-8")
    xs = list(read_extractions([path]))
    assert [x.document.origin for x in xs] == [f"{path}:1", f"{path}:3"]
    assert replace(xs[1].document, id="own-extraction", origin=xs[0].document.origin) == xs[0].document


def test_readme_example_is_a_valid_extraction():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [block] = re.findall(r"```json\n(\{\"format\": \"kgbuild-extraction/1\".*?)\n```", readme, flags=re.DOTALL)
    obj = json.loads(block)
    jsonschema.Draft202012Validator(extraction_schema()).validate(obj)
    result = map_extractions([extraction_from_json(obj)])
    assert result.conforms, result.violations[:3]
    assert (result.claims, result.events, result.actors) == (1, 1, 2)
