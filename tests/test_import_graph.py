"""The import graph drawn from the code: no cycle, and no module imports a later stage.

Every ``import`` and ``from … import`` in ``kgbuild/`` counts, at module level or inside a function (a lazy
import is still a dependency). The stages, in the order data flows through them, are listed in
``STAGES``; a module may import its own stage and earlier ones. ``kgbuild/__init__.py`` is the public facade
(lazy, PEP 562) and nothing inside the package imports it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "kgbuild"

# the one way through the house; the first entry is the base every stage may use
STAGES = [
    ("base", ("kgbuild.errors", "kgbuild.config", "kgbuild.resources", "kgbuild.safety", "kgbuild.wording")),
    ("model", ("kgbuild.model",)),
    ("ingest", ("kgbuild.ingest",)),
    ("nlp", ("kgbuild.nlp",)),
    ("extract", ("kgbuild.extract",)),
    ("rdf", ("kgbuild.rdf",)),
    ("validate", ("kgbuild.validate",)),
    ("out", ("kgbuild.out",)),
    ("report", ("kgbuild.report",)),
    ("story", ("kgbuild.story",)),
    ("runner", ("kgbuild.runner",)),
    ("cli", ("kgbuild.cli", "kgbuild.__main__")),
]
FACADE = "kgbuild"


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The kgbuild modules ``name`` imports (``from pkg import mod`` counts as ``pkg.mod`` when that is a module)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            submodules = [f"{module}.{alias.name}" for alias in node.names if f"{module}.{alias.name}" in known]
            targets = submodules or [module]
        else:
            continue
        found.update(t for t in targets if t in known and t != name)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def stage_of(name: str) -> int:
    for index, (_, prefixes) in enumerate(STAGES):
        if any(name == p or name.startswith(p + ".") for p in prefixes):
            return index
    raise AssertionError(f"{name} belongs to no stage: add it to STAGES")


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_every_module_belongs_to_a_stage() -> None:
    for name in graph():
        if name != FACADE:
            stage_of(name)


def test_the_import_graph_has_no_cycle() -> None:
    assert cycles(graph()) == []


def test_cycle_finder_finds_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def backward_imports(edges: dict[str, set[str]]) -> list[str]:
    found = []
    for name, targets in sorted(edges.items()):
        if name == FACADE:
            continue
        for target in sorted(targets):
            if target == FACADE or stage_of(target) > stage_of(name):
                where = "the public facade" if target == FACADE else STAGES[stage_of(target)][0]
                found.append(f"{name} ({STAGES[stage_of(name)][0]}) imports {target} ({where})")
    return found


def test_no_module_imports_a_later_stage() -> None:
    assert backward_imports(graph()) == []


def test_a_backward_import_is_reported() -> None:
    edges = graph()
    edges["kgbuild.config"] = edges["kgbuild.config"] | {"kgbuild.nlp"}
    edges["kgbuild.model"] = edges["kgbuild.model"] | {FACADE}
    assert backward_imports(edges) == ["kgbuild.config (base) imports kgbuild.nlp (nlp)",
                                       "kgbuild.model (model) imports kgbuild (the public facade)"]


def test_import_model_is_quick() -> None:
    """``import kgbuild.model`` in a fresh interpreter, best of three, under 0.3 s."""
    code = "import time; t = time.perf_counter(); import kgbuild.model; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                                  cwd=PACKAGE.parent).stdout) for _ in range(3)]
    assert min(times) < 0.3, times
