"""`kgbuild shapes check`: shapes files against SHACL-for-SHACL."""

from __future__ import annotations

from pathlib import Path

from kgbuild.cli import app

PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kg: <https://w3id.org/kgbuild/ontology#> .
@prefix ex: <https://example.org/shapes#> .
"""


def test_kgbuilds_own_shapes_pass(runner):
    result = runner.invoke(app, ["shapes", "check"])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1].endswith("0 problems, 0 unreadable")


def test_min_count_that_is_not_an_integer(runner, tmp_path: Path):
    path = tmp_path / "bad-count.ttl"
    path.write_text(PREFIXES + 'ex:ClaimShape a sh:NodeShape ; sh:targetClass kg:Claim ;\n'
                    '    sh:property [ sh:path kg:claimText ; sh:minCount "x" ] .\n')
    result = runner.invoke(app, ["shapes", "check", str(path)])
    assert result.exit_code == 1
    line = next(line for line in result.output.splitlines() if "minCount" in line)
    assert str(path) in line
    assert "property shape (path kg:claimText) of https://example.org/shapes#ClaimShape" in line
    assert "xsd:integer" in line
    assert result.output.strip().splitlines()[-1] == "1 shapes files, 1 problems, 0 unreadable"


def test_property_shape_with_two_paths(runner, tmp_path: Path):
    path = tmp_path / "two-paths.ttl"
    path.write_text(PREFIXES + "ex:ClaimShape a sh:NodeShape ; sh:targetClass kg:Claim ;\n"
                    "    sh:property [ sh:path kg:saidBy, kg:reportedBy ; sh:maxCount 1 ] .\n")
    result = runner.invoke(app, ["shapes", "check", str(path)])
    assert result.exit_code == 1
    assert any("sh:path" in line and "More than 1 values" in line and "ClaimShape" in line
               for line in result.output.splitlines())


def test_unreadable_shapes_file_exits_2(runner, tmp_path: Path):
    path = tmp_path / "broken.ttl"
    path.write_text("ex:Shape a sh:NodeShape")
    result = runner.invoke(app, ["shapes", "check", str(path)])
    assert result.exit_code == 2
    assert "broken.ttl" in result.output
