"""Validation reports for people and for CI: text, JUnit XML, JSON, GitHub Actions annotations.

``validate_files`` runs the SHACL gate on each file and keeps going past unreadable ones;
the ``render_*`` functions turn its ``FileResult`` list into text. Nothing here prints.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from kgbuild.errors import KgbuildError
from kgbuild.wording import counted

if TYPE_CHECKING:  # pySHACL is imported when a graph is validated, not when the CLI starts
    from kgbuild.validate.gate import Violation

__all__ = [
    "FileResult", "ReportFormat", "github_annotations", "render", "render_json", "render_junit", "render_text",
    "summary", "validate_files",
]


class ReportFormat(str, Enum):  # noqa: UP042 (typer shows str enums' values)
    """Formats of ``kgbuild validate --report``."""

    text = "text"
    junit = "junit"
    json = "json"


@dataclass(frozen=True)
class FileResult:
    """One graph file's SHACL results, or why it could not be read (``error``)."""

    path: str
    results: tuple[Violation, ...] = field(default=())
    error: str = ""

    @property
    def violations(self) -> tuple[Violation, ...]:
        return tuple(v for v in self.results if v.severity == "Violation")

    @property
    def conforms(self) -> bool:
        return not self.error and not self.violations


def validate_files(paths: Iterable[Path], *, shapes: Path | None = None) -> list[FileResult]:
    """Parse and validate each file; an unreadable file becomes a result with ``error`` set."""
    from kgbuild.rdf.files import parse_rdf
    from kgbuild.validate.gate import validate_graph

    out = []
    for path in paths:
        try:
            report = validate_graph(parse_rdf(path), shapes=shapes)
        except KgbuildError as exc:
            out.append(FileResult(str(path), error=str(exc)))
            continue
        out.append(FileResult(str(path), report.violations))
    return out


def summary(files: Sequence[FileResult]) -> str:
    """``"N graphs, N violations, N unreadable"``: the last line of ``kgbuild validate``."""
    violations = sum(len(f.violations) for f in files)
    return (f"{counted(len(files), 'graph')}, {counted(violations, 'violation')}, "
            f"{sum(1 for f in files if f.error)} unreadable")


def render_text(files: Sequence[FileResult], *, with_summary: bool = True) -> str:
    """One line per SHACL result (any severity) or unreadable file, then the summary line."""
    lines = []
    for f in files:
        lines.append(f"error: {f.error}" if f.error else "")
        lines.extend(f"{f.path}: {v}" for v in f.results)
    if with_summary:
        lines.append(summary(files))
    text = "\n".join(line for line in lines if line)
    return text + "\n" if text else ""


def render_json(files: Sequence[FileResult]) -> str:
    """A JSON list of results: file, focus, shape, path, severity, message, value.

    An unreadable file is one entry with severity ``"Error"`` and the parser's message.
    """
    items: list[dict[str, str]] = []
    for f in files:
        if f.error:
            items.append({"file": f.path, "focus": "", "shape": "", "path": "", "severity": "Error",
                          "message": f.error, "value": ""})
        items.extend({"file": f.path, "focus": v.focus, "shape": v.shape, "path": v.path, "severity": v.severity,
                      "message": v.message, "value": v.value} for v in f.results)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _groups(results: Sequence[Violation]) -> dict[tuple[str, str], list[Violation]]:
    groups: dict[tuple[str, str], list[Violation]] = {}
    for v in results:
        groups.setdefault((v.focus, v.shape), []).append(v)
    return groups


def render_junit(files: Sequence[FileResult]) -> str:
    """JUnit XML: a testsuite per file, a testcase per focus node × shape with a ``<failure>`` per
    violation (warnings and infos go to the case's ``<system-out>``), a passing case per conforming
    file, an ``<error>`` case per unreadable one."""
    root = ET.Element("testsuites", name="kgbuild validate")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for f in files:
        suite = ET.SubElement(root, "testsuite", name=f.path)
        tests = failures = errors = 0
        if f.error:
            case = ET.SubElement(suite, "testcase", classname=f.path, name="parse")
            ET.SubElement(case, "error", type="UnreadableGraph", message=f.error).text = f.error
            tests, errors = 1, 1
        else:
            for (focus, shape), results in sorted(_groups(f.results).items()):
                case = ET.SubElement(suite, "testcase", classname=f.path, name=f"{focus} × {shape}")
                tests += 1
                notes = []
                for v in results:
                    if v.severity == "Violation":
                        ET.SubElement(case, "failure", type=f"sh:{v.severity}", message=v.message).text = str(v)
                        failures += 1
                    else:
                        notes.append(str(v))
                if notes:
                    ET.SubElement(case, "system-out").text = "\n".join(notes)
            if not f.violations:
                ET.SubElement(suite, "testcase", classname=f.path, name="conforms to the SHACL shapes")
                tests += 1
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        for key, n in (("tests", tests), ("failures", failures), ("errors", errors)):
            totals[key] += n
    for key, n in totals.items():
        root.set(key, str(n))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_LEVELS = {"Violation": "error", "Warning": "warning", "Info": "notice"}


def github_annotations(files: Sequence[FileResult]) -> list[str]:
    """GitHub Actions workflow commands (``::error file=…,title=…::message``), one per result."""
    lines = []
    for f in files:
        where = f"file={_escape_property(f.path)}"
        if f.error:
            lines.append(f"::error {where},title=unreadable RDF::{_escape_data(f.error)}")
        for v in f.results:
            title = f"SHACL {v.severity}: {v.shape.rsplit('#', 1)[-1].rsplit('/', 1)[-1]}"
            lines.append(f"::{_LEVELS.get(v.severity, 'error')} {where},title={_escape_property(title)}::"
                         f"{_escape_data(str(v))}")
    return lines


def render(files: Sequence[FileResult], fmt: ReportFormat | str) -> str:
    fmt = ReportFormat(fmt)
    if fmt is ReportFormat.junit:
        return render_junit(files)
    if fmt is ReportFormat.json:
        return render_json(files)
    return render_text(files)
