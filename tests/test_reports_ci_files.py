"""The CI files shipped for other repositories: the pre-commit hook and the GitHub Actions example."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT


def test_pre_commit_hook_runs_kgbuild_validate_on_rdf_files():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "kgbuild-validate")
    assert hook["entry"] == "kgbuild validate" and hook["language"] == "python"
    pattern = re.compile(hook["files"])
    assert all(pattern.search(f"graphs/a.{ext}") for ext in ("ttl", "nt", "nq", "trig", "jsonld"))
    assert not pattern.search("notes.txt")


def test_github_actions_example_validates_with_the_users_shapes():
    workflow = yaml.safe_load((ROOT / "examples" / "ci" / "github-actions.yml").read_text(encoding="utf-8"))
    steps = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert any("pip install" in run and "git+" in run for run in steps)
    assert any(run.startswith("kgbuild validate graphs/*.ttl --shapes shapes/") for run in steps)
