"""kgbuild's exceptions. The CLI maps them to exit codes (see ``EXIT_CODES``)."""

from __future__ import annotations

__all__ = ["InputError", "KgbuildError", "ModelError", "NotConformingError", "StoreError", "UsageError"]


class KgbuildError(Exception):
    """Base class of every error kgbuild raises on purpose."""

    exit_code = 2


class InputError(KgbuildError):
    """A document or graph cannot be read: names the file and, where known, line or byte."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        where = path or ""
        if path and line is not None:
            where = f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.path = path
        self.line = line


class UsageError(KgbuildError):
    """A bad option or argument."""


class ModelError(KgbuildError):
    """The spaCy pipeline named cannot be loaded."""


class StoreError(KgbuildError):
    """A SPARQL store or endpoint refused or failed a load or query."""


class NotConformingError(KgbuildError):
    """A graph does not conform to the shapes; carries the validation report."""

    exit_code = 1

    def __init__(self, message: str, report: object) -> None:
        super().__init__(message)
        self.report = report
