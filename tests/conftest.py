"""Shared fixtures: the real spaCy model, the seed example, a CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "seed-article.txt"


@pytest.fixture(scope="session")
def nlp():
    from kgbuild.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_result():
    """The seed article built once for the whole session."""
    from kgbuild.runner.build import build

    return build([SEED])


@pytest.fixture(scope="session")
def seed_ttl(seed_result, tmp_path_factory) -> Path:
    from kgbuild.out.serialize import write_graphs

    path = tmp_path_factory.mktemp("seed") / "seed.ttl"
    write_graphs(seed_result.graphs, path)
    return path


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def require(tool: str) -> str:
    """Path of an external checker; CI installs them (.ci/run), so missing is a failure there."""
    import os

    path = shutil.which(tool)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is not installed (see .ci/run)")
        pytest.skip(f"{tool} not installed")
    return path
