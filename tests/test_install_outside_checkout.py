"""`pip install .` gives a working kgbuild outside the checkout: ontology, shapes, queries and
data travel inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SEED


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    [whl] = out.glob("kgbuild-*.whl")
    return whl


def test_wheel_carries_ontology_shapes_queries_and_data(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("kgbuild/ontology/kgbuild.ttl", "kgbuild/ontology/queries/claims.rq",
                     "kgbuild/ontology/queries/actors.rq", "kgbuild/ontology/queries/events.rq",
                     "kgbuild/data/context.jsonld", "kgbuild/py.typed"):
        assert required in names
    assert any(n.startswith("kgbuild/shapes/") and n.endswith(".ttl") for n in names)


def test_installed_kgbuild_builds_from_another_folder(wheel: Path, tmp_path: Path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    # the new venv sees the running interpreter's packages (rdflib, spaCy, the model), whether that is a venv
    # or the system Python, and installs only the wheel itself: a .pth file names our site-packages
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             capture_output=True, text=True, check=True).stdout.strip()
    ours = [p for p in sys.path if p.endswith("site-packages") and "kgbuild" not in p]
    (Path(purelib) / "outer-site.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(wheel)],
                   check=True, capture_output=True)
    where = subprocess.run([str(py), "-c", "import kgbuild.resources as r; print(r.ontology_path())"],
                           cwd=tmp_path, capture_output=True, text=True, check=True).stdout.strip()
    assert str(venv) in where, where
    proc = subprocess.run([str(venv / "bin" / "kgbuild"), "build", str(SEED), "-o", "out.ttl"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run([str(venv / "bin" / "kgbuild"), "query", "out.ttl", "-q", "claims", "-f", "csv"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "claim,text,speaker,cue"
