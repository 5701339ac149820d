"""`kgbuild validate`: SHACL validation with text, JUnit, JSON and GitHub reports."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from kgbuild.cli.common import EXIT_BAD_INPUT, EXIT_NOT_CONFORMING, EXIT_OK, ShapesOpt, app, err
from kgbuild.validate.reports import ReportFormat


@app.command()
def validate(
    graphs: Annotated[list[Path], typer.Argument(help="RDF files to validate (Turtle, N-Triples, TriG, "
                                                "N-Quads, JSON-LD, RDF/XML by suffix).")],
    shapes: ShapesOpt = None,
    report: Annotated[ReportFormat, typer.Option("--report", help="text (results on stderr), junit (JUnit XML: "
                                                 "a testsuite per file) or json (a list of results).")]
    = ReportFormat.text,
    report_file: Annotated[Path | None, typer.Option("--report-file", help="Write the report here instead of "
                                                     "stdout.", dir_okay=False)] = None,
) -> None:
    """Validate graphs against the SHACL shapes: exit 0 conforms, 1 violations, 2 unreadable input.

    The last line of stdout is "N graphs, N violations, N unreadable" (on stderr when a JUnit/JSON report goes
    to stdout). With GITHUB_ACTIONS=true, each result is also a GitHub Actions annotation (::error …).
    """
    from kgbuild.out.serialize import write_bytes
    from kgbuild.validate.reports import github_annotations, render, render_text, summary, validate_files

    files = validate_files(graphs, shapes=shapes)
    details = render_text(files, with_summary=False)
    if details:
        err.print(details.rstrip("\n"), markup=False, soft_wrap=True, highlight=False)
    report_on_stdout = report is not ReportFormat.text and report_file is None
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for line in github_annotations(files):
            typer.echo(line, err=report_on_stdout)
    if report_file is not None:
        try:
            write_bytes(render(files, report).encode("utf-8"), report_file)
        except OSError as exc:
            err.print(f"error: cannot write {report_file}: {exc.strerror}", markup=False)
            raise typer.Exit(EXIT_BAD_INPUT) from None
    elif report_on_stdout:
        sys.stdout.write(render(files, report))
        sys.stdout.flush()
    typer.echo(summary(files), err=report_on_stdout)
    unreadable = any(f.error for f in files)
    raise typer.Exit(EXIT_BAD_INPUT if unreadable else EXIT_OK if all(f.conforms for f in files)
                     else EXIT_NOT_CONFORMING)
