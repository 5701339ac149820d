"""Reading text files, folders, JSONL and stdin; bad documents are reported, not dropped."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from kgbuild.errors import InputError
from kgbuild.ingest.documents import read_documents


def test_text_file_headline_and_offsets(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffHeadline here\r\nBody text.\r\n".encode())
    [doc] = read_documents([path])
    assert doc.id == "a"
    assert doc.title == "Headline here"
    assert doc.text == "Headline here\nBody text.\n"  # BOM dropped, CRLF normalised


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z\nz")
    (tmp_path / "a.txt").write_text("A\na")
    (tmp_path / ".hidden.txt").write_text("H\nh")
    assert [d.id for d in read_documents([tmp_path])] == ["a", "z"]


def test_jsonl_fields(tmp_path: Path):
    path = tmp_path / "docs.jsonl"
    lines = [{"id": "x1", "text": "Title\nBody.", "url": "https://e.org/1", "published": "2024-08-17T10:00:00Z",
              "publisher": "Example News"}, {"id": 2, "text": "Other", "title": "Given title"}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    docs = list(read_documents([path]))
    assert docs[0].published == "2024-08-17" and docs[0].publisher == "Example News" and docs[0].title == "Title"
    assert docs[1].id == "2" and docs[1].title == "Given title"


def test_bad_jsonl_line_is_reported_with_its_number_and_the_rest_is_read(tmp_path: Path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "a", "text": "A"}\n{not json\n{"id": "b"}\n{"id": "c", "text": "C"}\n')
    errors: list[InputError] = []
    docs = list(read_documents([path], on_error=errors.append))
    assert [d.id for d in docs] == ["a", "c"]
    assert [e.line for e in errors] == [2, 3]
    assert f"{path}:2" in str(errors[0]) and "'text'" in str(errors[1])


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Title\nabc\xff\xfedef")
    with pytest.raises(InputError, match="byte offset 9"):
        list(read_documents([path]))
    [doc] = read_documents([path], lenient=True)
    assert "\ufffd" in doc.text


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", b"\x00\x01\x02binary"])
def test_empty_and_binary_files_are_refused(tmp_path: Path, content: bytes):
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"x\.txt"):
        list(read_documents([path]))


def test_max_chars(tmp_path: Path):
    path = tmp_path / "long.txt"
    path.write_text("T\n" + "word " * 100)
    with pytest.raises(InputError, match="--max-chars"):
        list(read_documents([path], max_chars=50))


def test_stdin(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Headline\nText from stdin.")))
    [doc] = read_documents(["-"])
    assert doc.id == "stdin" and doc.title == "Headline"


def test_missing_file(tmp_path: Path):
    with pytest.raises(InputError, match="cannot read"):
        list(read_documents([tmp_path / "nope.txt"]))


def test_bad_published_date():
    with pytest.raises(InputError, match="ISO 8601"):
        list(read_documents([], published="17/08/2024"))


def test_a_folder_leaves_out_extraction_files_with_a_note(runner, tmp_path):
    """`kgbuild build examples/` builds the article; the interchange example beside it is an extraction."""
    from conftest import ROOT
    from kgbuild.cli import app

    out = tmp_path / "examples.ttl"
    result = runner.invoke(app, ["build", str(ROOT / "examples"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "own-extraction.jsonl: a kgbuild extraction file, not articles: left out" in result.output
    assert result.output.count("warning:") == 1 and out.is_file()
