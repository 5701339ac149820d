"""Output is all or nothing: a full disk, Ctrl-C, SIGINT or SIGKILL never leaves a partial or corrupt file and
never replaces a good previous one; every format stays parseable whatever characters the text holds."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_helpers import parse_everywhere
from rdflib import Graph, Literal, URIRef

from conftest import ROOT, SEED
from kgbuild.cli import app
from kgbuild.errors import InputError
from kgbuild.out.serialize import Format, serialize, temp_files, write_bytes

NASTY = "".join(chr(c) for c in range(0x20)) + "\x7f\x80\x85\x9f\u2028\u2029\ufeff\ufffe\uffff\U0010fffd" \
    + ' "quoted" \'single\' """triple""" \\ \\u0000 \\n <http://evil.example/> . @prefix x: <y> . 😀 שלום'


@pytest.mark.parametrize("fmt", list(Format))
def test_every_control_character_survives_every_format_in_every_parser(fmt: Format, tmp_path: Path):
    doc = URIRef("https://w3id.org/kgbuild/id/doc/x")
    g = Graph()
    g.add((doc, URIRef("https://w3id.org/kgbuild/ontology#text"), Literal(NASTY)))
    g.add((doc, URIRef("https://w3id.org/kgbuild/ontology#headline"), Literal("\x00")))
    data = serialize([(doc, g)], fmt)
    if fmt is not Format.jsonld:  # no raw C0 control but tab/newline, and none inside a line of N-Triples
        assert not any(b in data for b in (b"\x00", b"\x01", b"\x1f", b"\x7f", b"\r"))
    assert parse_everywhere(data, fmt.value, tmp_path, external=True) == 2
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(data=data, format={"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig",
                                "jsonld": "json-ld"}[fmt.value])
    assert {str(o) for _, _, o, _ in ds.quads((None, None, None, None))} == {NASTY, "\x00"}


def test_a_lone_surrogate_is_an_input_error_not_a_crash():
    doc = URIRef("https://w3id.org/kgbuild/id/doc/x")
    g = Graph()
    g.add((doc, URIRef("https://w3id.org/kgbuild/ontology#text"), Literal("a\ud800b")))
    with pytest.raises(InputError, match="lone surrogate"):
        serialize([(doc, g)], Format.ttl)


GOOD = b"@prefix ex: <http://example.org/> .\nex:previous ex:graph ex:ok .\n"


@pytest.fixture()
def previous(tmp_path: Path) -> Path:
    out = tmp_path / "out.ttl"
    out.write_bytes(GOOD)
    return out


def test_a_full_disk_keeps_the_previous_file_and_exits_2(runner, previous: Path, monkeypatch: pytest.MonkeyPatch):
    real_fsync = os.fsync

    def full(fd: int) -> None:
        if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).endswith(".kgbuild-tmp"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    result = runner.invoke(app, ["build", str(SEED), "-o", str(previous)])
    assert result.exit_code == 2, result.output
    assert "No space left on device" in " ".join(result.output.split())  # (the CLI wraps long lines)
    assert previous.read_bytes() == GOOD
    assert not temp_files(previous)


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), OSError(errno.EIO, "I/O error")])
def test_an_interrupted_write_removes_its_temporary_file(previous: Path, monkeypatch: pytest.MonkeyPatch,
                                                         exc: BaseException):
    def boom(src: object, dst: object) -> None:
        assert temp_files(previous)  # the data is in the temporary file, not yet in place
        raise exc

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(type(exc)):
        write_bytes(b"new data", previous)
    assert previous.read_bytes() == GOOD
    assert not temp_files(previous)


def test_temporary_files_of_dead_writers_are_cleaned_and_live_ones_kept(previous: Path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = previous.parent / f".{previous.name}.{dead.pid}.abc123.kgbuild-tmp"
    stale.write_bytes(b"partial")
    live = previous.parent / f".{previous.name}.1.abc123.kgbuild-tmp"  # pid 1 is alive
    live.write_bytes(b"someone else's")
    other = previous.parent / f".other.ttl.{dead.pid}.abc123.kgbuild-tmp"
    other.write_bytes(b"another target's")
    write_bytes(b"fresh", previous)
    assert previous.read_bytes() == b"fresh"
    assert not stale.exists() and live.exists() and other.exists()


def _batch(tmp_path: Path, copies: int) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(copies):
        shutil.copyfile(SEED, folder / f"seed-{i:03d}.txt")
    return folder


@pytest.mark.parametrize(("sig", "jobs"), [(signal.SIGINT, "1"), (signal.SIGTERM, "1"), (signal.SIGTERM, "2"),
                                           (signal.SIGKILL, "1")])
def test_killing_a_build_leaves_the_previous_output_intact(tmp_path: Path, previous: Path, sig: signal.Signals,
                                                           jobs: str):
    folder = _batch(tmp_path, 50)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kgbuild", "build", str(folder), "-o", str(previous),
                             "--jobs", jobs],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    time.sleep(8)  # model loaded, some documents built; 50 seeds take far longer
    assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode != 0, stderr
    assert previous.read_bytes() == GOOD  # never partial, never replaced
    if sig in (signal.SIGINT, signal.SIGTERM):  # timeout, CI cancellation, systemd and Kubernetes send SIGTERM
        word = b"interrupted" if sig == signal.SIGINT else b"terminated"
        assert proc.returncode == (130 if sig == signal.SIGINT else 143) and word in stderr, stderr
        assert b"Traceback" not in stderr, stderr
        assert not temp_files(previous)  # the process cleaned up after itself
        return
    # a killed process cannot clean up: its temporary file (named after target and pid) goes at the next write
    write_bytes(GOOD + b"# again\n", previous)
    assert not temp_files(previous)
