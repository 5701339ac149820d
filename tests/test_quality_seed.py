"""Extraction quality on the seed article, scored by the shared scorer through our competency
queries. A regression guard: the thresholds are the issue targets, not the current scores."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SHARED = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="module")
def scores(seed_ttl: Path) -> dict:
    if not (SHARED / "score.py").exists():
        pytest.skip("../shared/eval is not next to this checkout")
    proc = subprocess.run([sys.executable, str(SHARED / "score.py"), "--queries", str(ROOT / "ontology" / "queries"),
                           "--ontology", str(ROOT / "ontology"), "--json", "--case",
                           str(SHARED / "gold" / "seed-article.yaml"), str(seed_ttl)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_claims(scores: dict):
    assert scores["claims"]["f1"] >= 0.90
    assert scores["claimspk"]["f1"] >= 0.85


def test_actors(scores: dict):
    assert scores["actors"]["f1"] >= 0.90
    assert scores["actor_kind_acc"] >= 0.90


def test_events(scores: dict):
    """The seed's gold lists its sixteen topic events only (wars, talks, cease-fires), while kgbuild marks
    every eventive predicate with a named participant, as MEANTIME does (statements, decisions,
    refusals ...): precision against this gold says little, so recall and the participants are guarded
    here and precision on MEANTIME (tests/test_quality_meantime.py)."""
    assert scores["events"]["r"] >= 0.90
    assert scores["args"]["f1"] >= 0.80
