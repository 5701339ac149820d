"""Five speed-ups of pySHACL that keep its results, installed by ``kgbuild.validate.gate``.

Profiling a build (``bench/README.md``) put most of the SHACL time in these places of pySHACL 0.40:

1. **SPARQL text parsed per focus node.** ``SPARQLBasedConstraint._validate_sparql_query`` hands
   rdflib the constraint's SPARQL *text* each time, and rdflib parses it again. kgbuild gives it
   the query prepared once (``rdflib.plugins.sparql.prepareQuery``, cached by text) - or, for a
   graph the caller opted in (``kgbuild.rdf.sparql_oxigraph``), runs it in Oxigraph.
2. **Property shapes run once per focus node.** ``PropertyConstraintComponent._evaluate_property_shape``
   calls ``Shape.validate(focus=v)`` for every value node ``v`` of the node shape, and each call
   redoes the per-shape work (finding the shape's parameters, building its constraint
   components) before checking one node. ``Shape.validate`` takes a list of focus nodes and
   computes value nodes and results per focus node, so kgbuild calls it once with all of them.
   The results are the same validation results; only when one value node appears under two
   focus nodes (a property shape with its own ``sh:property``, outside SHACL Core) would the
   original report it twice, so that case keeps the original loop.

3. **The same SPARQL text checked per focus node.** ``SPARQLQueryHelper.check_invalid_sparql``
   runs six regular expressions over the constraint's text before each query (MINUS, VALUES,
   SERVICE, nested SELECT, AS rebinding) - about 5 ms per article for kgbuild's document
   constraint. The check depends only on the text and on which variables may be pre-bound, so
   a text that passed once passes again: kgbuild remembers the ones that passed (a failing text
   is checked, and raises, every time).

4. **Shapes read again for every validation.** pySHACL builds a ``ShapesGraph`` (every shape, its
   targets and parameters) from the shapes graph on each call - about a third of the fixed cost
   of validating one article. For shapes graphs kgbuild loaded itself and never changes
   (``reuse_shapes(graph)``), the first ``ShapesGraph`` serves every later validation; any other
   shapes graph is read afresh, as pySHACL does.

5. **Constraint parameters looked up in a list.** ``Shape.validate`` keeps the shape's predicates
   that name a constraint parameter (``p in search_parameters``), and the parameters are a list of
   some forty IRIs (a copy of it, with ``sh:expression`` added, in advanced mode), so each shape
   validation compares its predicates with the list item by item: two million ``URIRef.__eq__``
   calls on 200 news articles. kgbuild gives ``pyshacl.shape`` the same parameters, in the same
   order, as a list whose membership test is a set lookup (its copies and appends keep the set).

Each patch replaces a private method only if it is there, so a pySHACL without it simply runs
unpatched: same results, slower. ``unpatched()`` restores the originals, for tests that compare.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

__all__ = ["install", "installed", "reuse_shapes", "unpatched"]

_ORIGINALS: dict[tuple[Any, str], Any] = {}
_REUSED: dict[int, list[Any]] = {}  # id -> [shapes graph, its ShapesGraph or None]


@lru_cache(maxsize=64)
def _prepared(query: str) -> object:
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(query)


def _patch(cls: Any, name: str, make: Any) -> None:
    original = cls.__dict__.get(name)
    if original is None or (cls, name) in _ORIGINALS:
        return
    _ORIGINALS[(cls, name)] = original
    setattr(cls, name, make(original))


def _prepared_sparql(original: Any) -> Any:
    from kgbuild.rdf import sparql_oxigraph

    def validate_sparql_query(self, query, init_binds, target_graph):  # type: ignore[no-untyped-def]
        text = query if isinstance(query, str) else None
        store = sparql_oxigraph.store_for(getattr(target_graph, "impl", None), text)
        if store is not None and isinstance(query, str):
            return sparql_oxigraph.violations(store, query, init_binds)
        if isinstance(query, str):
            query = _prepared(query)
        return original(self, query, init_binds, target_graph)

    return validate_sparql_query


def _batched_property_shapes(original: Any) -> Any:
    def evaluate_property_shape(self, executor, prop_shape, target_graph, focus_value_nodes,  # type: ignore[no-untyped-def]
                                potentially_recursive, _evaluation_path):
        shape = self.shape.get_other_shape(prop_shape)
        if not shape or not shape.is_property_shape or (potentially_recursive and shape in potentially_recursive):
            # errors and recursion warnings are the original's business
            return original(self, executor, prop_shape, target_graph, focus_value_nodes, potentially_recursive,
                            _evaluation_path)
        focus: list[Any] = []
        for value_nodes in focus_value_nodes.values():
            focus.extend(value_nodes)
        if len(set(focus)) != len(focus):
            return original(self, executor, prop_shape, target_graph, focus_value_nodes, potentially_recursive,
                            _evaluation_path)
        if not focus:
            return False, []
        conforms, reports = shape.validate(executor, target_graph, focus=focus, _evaluation_path=_evaluation_path[:])
        return not conforms, reports

    return evaluate_property_shape


def _checked_sparql(original: Any) -> Any:
    passed: set[tuple[str, bool, frozenset[str]]] = set()

    def check_invalid_sparql(self, sparql_text, valuenode=None, extravars=None):  # type: ignore[no-untyped-def]
        key = (sparql_text, valuenode is None, frozenset(extravars or ()))
        if key not in passed:
            result = original(self, sparql_text, valuenode=valuenode, extravars=extravars)
            if len(passed) < 1024:
                passed.add(key)
            return result
        return True

    return check_invalid_sparql


def reuse_shapes(graph: object) -> None:
    """Let every validation against ``graph`` (which must never change) share one parsed ``ShapesGraph``."""
    if id(graph) not in _REUSED or _REUSED[id(graph)][0] is not graph:
        _REUSED[id(graph)] = [graph, None]


def _reused_shapes_graph(original: Any) -> Any:
    def shapes_graph(graph, debug=False, logger=None):  # type: ignore[no-untyped-def]
        entry = _REUSED.get(id(graph))
        if entry is None or entry[0] is not graph or debug:
            return original(graph, debug, logger)
        if entry[1] is None:
            entry[1] = original(graph, debug, logger)
        return entry[1]

    return shapes_graph


class _ParameterList(list):  # type: ignore[type-arg]
    """A list of constraint parameters whose ``in`` is a set lookup. Copies share the set until one of
    them changes (pySHACL copies the list for every shape it validates in advanced mode); every change
    remakes the set, so ``in`` always answers as the list's own test would."""

    def __init__(self, items: Any = (), members: frozenset[Any] | None = None) -> None:
        super().__init__(items)
        self._members = frozenset(self) if members is None else members

    def __contains__(self, item: object) -> bool:
        try:
            return item in self._members
        except TypeError:  # an unhashable value: the list's own test
            return super().__contains__(item)

    def copy(self) -> _ParameterList:
        return _ParameterList(self, self._members)


def _remaking_members(name: str) -> Any:
    change = getattr(list, name)

    def method(self: _ParameterList, *args: Any) -> Any:
        result = change(self, *args)
        self._members = frozenset(self)
        return self if name in {"__iadd__", "__imul__"} else result

    method.__name__ = name
    return method


for _name in ("append", "extend", "insert", "remove", "pop", "clear", "__setitem__", "__delitem__", "__iadd__",
              "__imul__"):
    setattr(_ParameterList, _name, _remaking_members(_name))


def _parameter_set(original: Any) -> Any:
    parameters, parameter_map = original
    return _ParameterList(parameters), parameter_map


def _install_parameter_set() -> None:
    import pyshacl.shape

    if "CONSTRAINT_PARAMS" not in vars(pyshacl.shape):
        # what Shape.validate sets on first use
        from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

        pyshacl.shape.CONSTRAINT_PARAMS = (ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP)  # type: ignore[attr-defined]
    _patch(pyshacl.shape, "CONSTRAINT_PARAMS", _parameter_set)


def install() -> None:
    """Apply the speed-ups (idempotent); a pySHACL without the hooks is left as it is."""
    try:
        from pyshacl.constraints.core.shape_based_constraints import PropertyConstraintComponent
        from pyshacl.constraints.sparql.sparql_based_constraints import SPARQLBasedConstraint
        from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper
    except ImportError:  # pragma: no cover - a pySHACL laid out differently
        return
    import pyshacl.validator

    for cls in (SPARQLBasedConstraint, PropertyConstraintComponent, SPARQLQueryHelper, pyshacl.validator):
        for name, make in _PATCHES.items():
            _patch(cls, name, make)
    _install_parameter_set()


def installed() -> list[str]:
    """The patched methods, as ``Class.method`` (or ``module.name``)."""
    return sorted(f"{owner.__name__}.{name}" for owner, name in _ORIGINALS)


@contextmanager
def unpatched() -> Iterator[None]:
    """Run pySHACL as shipped inside the block (tests compare its results with the patched ones)."""
    saved = dict(_ORIGINALS)
    for (cls, name), original in saved.items():
        setattr(cls, name, original)
    _ORIGINALS.clear()
    try:
        yield
    finally:
        for (cls, name), original in saved.items():
            _ORIGINALS[(cls, name)] = original
            setattr(cls, name, _PATCHES[name](original))


_PATCHES = {"_validate_sparql_query": _prepared_sparql, "_evaluate_property_shape": _batched_property_shapes,
            "check_invalid_sparql": _checked_sparql, "ShapesGraph": _reused_shapes_graph,
            "CONSTRAINT_PARAMS": _parameter_set}
