"""Hostile input at the reader: refused early with file, line and offset, memory bounded, lenient mode said."""

from __future__ import annotations

import io
import json
import sys
import tracemalloc
from pathlib import Path

import pytest

from kgbuild.errors import InputError
from kgbuild.ingest.documents import read_documents
from kgbuild.safety import InputWarning


def _peak(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_30_megabyte_file_is_refused_while_reading_in_bounded_memory(tmp_path: Path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Huge\n" + b"word " * 6_000_000)
    errors: list[InputError] = []
    peak = _peak(lambda: list(read_documents([path], max_chars=100_000, on_error=errors.append)))
    assert "more than --max-chars 100,000" in str(errors[0]) and str(path) in str(errors[0])
    assert peak < 12_000_000, peak  # two 1 MiB chunks and their text, not 30 MB


def test_max_chars_counts_characters_not_bytes(tmp_path: Path):
    path = tmp_path / "cyrillic.txt"
    text = "Ж\n" + "ж" * 998  # 1,000 characters, 2,000 bytes
    path.write_text(text, encoding="utf-8")
    [doc] = read_documents([path], max_chars=1000)
    assert doc.text == text
    path.write_text("\ufeff" + text.replace("\n", "\r\n"), encoding="utf-8")  # BOM and CRLF do not count
    [doc] = read_documents([path], max_chars=1000)
    assert doc.text == text
    with pytest.raises(InputError, match="--max-chars 999"):
        list(read_documents([path], max_chars=999))


def test_a_huge_jsonl_line_is_skipped_unread_and_the_next_is_read(tmp_path: Path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "x" * 8_000_000}) + "\n" + json.dumps({"id": "ok", "text": "T"})
                    + "\n")
    errors: list[InputError] = []
    docs: list = []
    peak = _peak(lambda: docs.extend(read_documents([path], max_chars=1000, on_error=errors.append)))
    assert [d.id for d in docs] == ["ok"]
    assert errors[0].line == 1 and "line longer than" in str(errors[0])
    assert peak < 4_000_000, peak


def test_lone_surrogates_from_json_are_refused_or_replaced_and_said(tmp_path: Path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "a\\udfff", "text": "Head\\nx \\ud800 y", "publisher": "\\udc00"}\n')
    with pytest.raises(InputError, match=r"s\.jsonl:1: 'id' holds a lone surrogate \(\\udfff\) at character offset 1"):
        list(read_documents([path]))
    said: list[InputWarning] = []
    [doc] = read_documents([path], lenient=True, on_warning=said.append)
    assert doc.id == "a\ufffd" and doc.text == "Head\nx \ufffd y" and doc.publisher == "\ufffd"
    assert len(doc.text) == len("Head\nx \ud800 y")  # one for one: offsets stay honest
    assert [w.line for w in said] == [1, 1, 1] and all("s.jsonl:1" in str(w) for w in said)


def test_lenient_bytes_are_said_through_on_warning_or_the_warnings_module(tmp_path: Path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Head\nab\x80\x81c")
    said: list[InputWarning] = []
    [doc] = read_documents([path], lenient=True, on_warning=said.append)
    assert doc.text == "Head\nab\ufffd\ufffdc"
    assert "replaced 2 undecodable bytes with U+FFFD (first at byte offset 7)" in str(said[0])
    with pytest.warns(InputWarning, match="bad.txt: --lenient: replaced 2"):
        list(read_documents([path], lenient=True))


def test_characters_are_never_dropped_from_the_text(tmp_path: Path):
    text = "H\u200b\u202e\x01\x7f\u2028\ufffe😀\x00\n\u200d\ufeff"
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"id": "t", "text": text}) + "\n")
    [doc] = read_documents([path])
    assert doc.text == text


def test_duplicate_ids_across_files_are_refused_not_merged(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("A\na")
    (tmp_path / "b" / "x.txt").write_text("B\nb")
    errors: list[InputError] = []
    docs = list(read_documents([tmp_path], on_error=errors.append))
    assert [d.text for d in docs] == ["A\na"]
    assert "duplicate document id 'x'" in str(errors[0]) and str(tmp_path / "b" / "x.txt") in str(errors[0])


@pytest.mark.parametrize("url", ["not a url", "https://e.org/a b", 'https://e.org/"x"', "https://e.org/<x>",
                                 "//no-scheme", "https://e.org/\x00"])
def test_hostile_urls_are_refused(tmp_path: Path, url: str):
    path = tmp_path / "u.jsonl"
    path.write_text(json.dumps({"id": "u", "text": "T", "url": url}) + "\n")
    with pytest.raises(InputError, match=r"u\.jsonl:1: 'url' .* is not an absolute IRI"):
        list(read_documents([path]))


def test_stdin_jsonl_is_streamed_line_by_line(monkeypatch: pytest.MonkeyPatch):
    lines = b"\n  \n" + b"".join(json.dumps({"id": i, "text": f"T{i}"}).encode() + b"\n" for i in range(3))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbf" + lines)))
    assert [d.id for d in read_documents(["-"])] == ["0", "1", "2"]


def test_stdin_text_keeps_leading_whitespace_offsets(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\n\n  Head\nBody")))
    [doc] = read_documents(["-"])
    assert doc.text == "\n\n  Head\nBody" and doc.title == "Head"


def test_an_empty_jsonl_file_is_reported(tmp_path: Path):
    path = tmp_path / "e.jsonl"
    path.write_text("\n \n")
    errors: list[InputError] = []
    assert list(read_documents([path], on_error=errors.append)) == []
    assert "JSONL file is empty" in str(errors[0])


def test_a_non_text_codec_is_refused(tmp_path: Path):
    path = tmp_path / "x.txt"
    path.write_text("T\nx")
    with pytest.raises(InputError, match="not a text encoding"):
        list(read_documents([path], encoding="rot13"))
