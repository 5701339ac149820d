"""`kgbuild ontology check` and `kgbuild shapes check`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kgbuild.cli.common import EXIT_BAD_INPUT, EXIT_NOT_CONFORMING, EXIT_OK, fail, ontology_app, shapes_app
from kgbuild.errors import KgbuildError


@ontology_app.command("check")
def ontology_check(
    graph: Annotated[list[Path] | None, typer.Argument(help="Optional built graphs to check together with "
                                                       "the ontology.")] = None,
) -> None:
    """HermiT consistency of the ontology (and graphs), and that the shapes use only declared terms."""
    from kgbuild.rdf.query import load_graphs
    from kgbuild.validate.ontology_check import check_ontology

    try:
        data = load_graphs(graph, with_ontology=False) if graph else None
        check = check_ontology(data)
    except KgbuildError as exc:
        raise fail(exc) from None
    typer.echo(f"consistent: {'yes' if check.consistent else 'NO'}")
    for iri in check.unsatisfiable:
        typer.echo(f"unsatisfiable class: {iri}")
    for iri in check.undeclared:
        typer.echo(f"used by shapes, not declared in the ontology: {iri}")
    raise typer.Exit(EXIT_OK if check.ok else EXIT_NOT_CONFORMING)


@shapes_app.command("check")
def shapes_check(
    shapes: Annotated[list[Path] | None, typer.Argument(help="Shapes files or folders (default: kgbuild's own "
                                                        "shapes).")] = None,
) -> None:
    """Check shapes files against SHACL-for-SHACL: exit 0 valid, 1 mistakes found, 2 unreadable."""
    from kgbuild.validate.shapes_check import check_shapes_files, expand_shape_paths

    try:
        checks = check_shapes_files(expand_shape_paths(shapes))
    except KgbuildError as exc:
        raise fail(exc) from None
    problems = 0
    for check in checks:
        if check.error:
            typer.echo(f"error: {check.error}")
        for p in check.problems:
            where = " ".join(x for x in (p.path, f"(value {p.value})" if p.value and p.value != "(anonymous)" else "")
                             if x)
            typer.echo(": ".join(x for x in (check.path, p.severity, p.focus, where, f"{p.message} [{p.shape}]") if x))
            problems += p.severity == "Violation"
    unreadable = sum(1 for c in checks if c.error)
    typer.echo(f"{len(checks)} shapes files, {problems} problems, {unreadable} unreadable")
    raise typer.Exit(EXIT_BAD_INPUT if unreadable else EXIT_NOT_CONFORMING if problems else EXIT_OK)
