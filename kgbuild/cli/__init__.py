"""The ``kgbuild`` command: a thin typer layer over the Python API, one module per command group.

Exit codes: 0 ok; 1 a graph does not conform to the shapes; 2 bad input or usage
(unreadable files, bad options, skipped documents); 130 a build interrupted by Ctrl-C, 143 by SIGTERM.
"""

from __future__ import annotations

from kgbuild.cli import build, checks, interchange, report, store, story, validate  # noqa: F401  (they register their commands)
from kgbuild.cli.common import EXIT_BAD_INPUT, EXIT_NOT_CONFORMING, EXIT_OK, app, handle_sigterm

__all__ = ["EXIT_BAD_INPUT", "EXIT_NOT_CONFORMING", "EXIT_OK", "app", "main"]


def main() -> None:
    handle_sigterm()
    app()
