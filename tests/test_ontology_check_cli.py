"""`kgbuild ontology check`: HermiT on the ontology plus the seed's real output graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgbuild.cli import app

pytestmark = pytest.mark.slow


def test_ontology_and_seed_output_are_consistent(runner, seed_ttl: Path):
    result = runner.invoke(app, ["ontology", "check", str(seed_ttl)])
    assert result.exit_code == 0, result.output
    assert "consistent: yes" in result.output


def test_inconsistent_data_is_reported(runner, tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix kg: <https://w3id.org/kgbuild/ontology#> .\n"
                   "<https://example.org/x> a kg:Person , kg:Organization .\n")
    result = runner.invoke(app, ["ontology", "check", str(bad)])
    assert result.exit_code == 1
    assert "consistent: NO" in result.output
