"""`kgbuild validate --report junit|json` and GitHub Actions annotations, for CI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from junitparser import Error, Failure, JUnitXml
from rdflib import Graph

from kgbuild.cli import app
from kgbuild.rdf.vocab import KG


@pytest.fixture(scope="module")
def broken(seed_ttl: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The seed graph without two claims' kg:claimText (a required triple): two violations."""
    graph = Graph().parse(seed_ttl)
    removed = sorted(graph.triples((None, KG.claimText, None)))[:2]
    for triple in removed:
        graph.remove(triple)
    path = tmp_path_factory.mktemp("broken") / "broken.ttl"
    graph.serialize(path, format="turtle")
    return path, str(removed[0][0])


def test_junit_has_one_failure_per_violation(runner, seed_ttl: Path, broken: tuple[Path, str], tmp_path: Path):
    report = tmp_path / "report.xml"
    result = runner.invoke(app, ["validate", str(seed_ttl), str(broken[0]), "--report", "junit",
                                 "--report-file", str(report)])
    assert result.exit_code == 1
    assert result.stdout.strip().splitlines()[-1] == "2 graphs, 2 violations, 0 unreadable"
    xml = JUnitXml.fromfile(str(report))
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == {str(seed_ttl), str(broken[0])}
    good_cases = list(suites[str(seed_ttl)])
    assert len(good_cases) == 1 and good_cases[0].is_passed
    failures = [(case, r) for case in suites[str(broken[0])] for r in case.result if isinstance(r, Failure)]
    assert len(failures) == 2
    assert any(broken[1] in case.name and "claimText" in (r.text or "") for case, r in failures)
    assert suites[str(broken[0])].failures == 2


def test_junit_to_stdout_is_parseable_and_counts_go_to_stderr(runner, broken: tuple[Path, str], tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("not turtle <<<")
    result = runner.invoke(app, ["validate", str(broken[0]), str(bad), "--report", "junit"])
    assert result.exit_code == 2
    xml = JUnitXml.fromstring(result.stdout_bytes)  # bytes: junitparser parses with lxml when it is there
    errors = [r for suite in xml for case in suite for r in case.result if isinstance(r, Error)]
    assert len(errors) == 1 and "bad.ttl" in (errors[0].message or "")
    assert result.stderr.strip().splitlines()[-1] == "2 graphs, 2 violations, 1 unreadable"


def test_json_report_parses(runner, broken: tuple[Path, str]):
    result = runner.invoke(app, ["validate", str(broken[0]), "--report", "json"])
    assert result.exit_code == 1
    items = json.loads(result.stdout)
    violations = [i for i in items if i["severity"] == "Violation"]
    assert len(violations) == 2
    assert set(violations[0]) >= {"file", "focus", "shape", "path", "severity", "message"}
    assert all(i["file"] == str(broken[0]) and i["path"].endswith("claimText") for i in violations)


def test_github_actions_annotations(runner, broken: tuple[Path, str]):
    result = runner.invoke(app, ["validate", str(broken[0])], env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == 2
    assert all(line.startswith(f"::error file={broken[0]},title=") for line in errors)
    assert lines[-1] == "1 graph, 2 violations, 0 unreadable"


def test_no_annotations_outside_github_actions(runner, broken: tuple[Path, str]):
    result = runner.invoke(app, ["validate", str(broken[0])], env={"GITHUB_ACTIONS": ""})
    assert "::error" not in result.output
