"""Event quality on the development half of ``meantime-dev`` (Wikinews business news, events with
their named participants), built and scored as ``bench/quality.py`` does. A regression guard with the
issue's targets for unseen articles, not the current scores."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT

GOLD = ROOT.parent / "shared" / "eval" / "gold"


def _quality():
    spec = importlib.util.spec_from_file_location("quality", ROOT / "bench" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="module")
def summary(tmp_path_factory) -> dict:
    if not (GOLD / "meantime-dev").is_dir():
        pytest.skip("../shared/eval is not next to this checkout")
    quality = _quality()
    cases = quality.halves(GOLD / "meantime-dev")["dev"]
    pairs = quality.build_cases(cases, tmp_path_factory.mktemp("meantime"))
    return quality.score(pairs, GOLD.parent / "score.py", notes=False)


def test_events_across_business_news(summary: dict):
    assert summary["events"]["f1"] >= 0.60 and summary["events"]["p"] >= 0.60
    assert summary["args"]["f1"] >= 0.60


def test_actors_in_business_news(summary: dict):
    assert summary["actors"]["f1"] >= 0.78


def test_halves_do_not_overlap():
    split = _quality().halves(GOLD / "meantime-dev") if (GOLD / "meantime-dev").is_dir() else None
    if split is None:
        pytest.skip("../shared/eval is not next to this checkout")
    assert split["dev"] and not {p.name for p in split["dev"]} & {p.name for p in split["report"]}
