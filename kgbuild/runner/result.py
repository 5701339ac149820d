"""What a build gives back: one ``DocOutput`` per document, and one ``BuildResult`` for the whole build."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, URIRef

from kgbuild.validate.gate import ValidationReport, Violation
from kgbuild.wording import counted

__all__ = ["BuildResult", "DocOutput", "Skipped"]


@dataclass(frozen=True)
class Skipped:
    """A document that was not built, and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}" if not self.reason.startswith(self.origin) else self.reason


@dataclass(frozen=True)
class DocOutput:
    """One document, built and validated: serialised (``data``, ``prefixes``) when the build writes a file, or
    its graph (``graph``: document IRI and graph) when it keeps graphs in memory; or why it was skipped."""

    doc_id: str
    origin: str
    data: bytes = b""
    prefixes: tuple[str, ...] = ()  # "@prefix p: <ns> ." lines (Turtle/TriG); "p<TAB>ns" pairs (JSON-LD)
    triples: int = 0
    claims: int = 0
    events: int = 0
    actors: int = 0
    violations: tuple[Violation, ...] = ()
    skipped: str | None = None
    cached: bool = False
    graph: tuple[URIRef, Graph] | None = None

    @property
    def conforms(self) -> bool:
        return not any(v.severity == "Violation" for v in self.violations)


@dataclass
class BuildResult:
    """What a build did, whatever its strategy: counts, what was skipped, the SHACL results, repairs made by
    ``--lenient``, cache hits, time; and, for builds that keep them in memory, the per-document graphs."""

    documents: int = 0
    triples: int = 0
    claims: int = 0
    events: int = 0
    actors: int = 0
    cache_hits: int = 0
    seconds: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    graphs: list[tuple[URIRef, Graph]] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not any(v.severity == "Violation" for v in self.violations)

    @property
    def report(self) -> ValidationReport:
        return ValidationReport(conforms=self.conforms, violations=tuple(self.violations))

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def add(self, out: DocOutput) -> None:
        """Count a built document (a skipped one goes to ``skipped``)."""
        if out.skipped is not None:
            self.skipped.append(Skipped(out.origin, out.skipped))
            return
        self.documents += 1
        self.triples += out.triples
        self.claims += out.claims
        self.events += out.events
        self.actors += out.actors
        self.cache_hits += out.cached
        self.violations.extend(out.violations)
        if out.graph is not None:
            self.graphs.append(out.graph)

    def __str__(self) -> str:
        return (f"{counted(self.documents, 'document')}, {counted(self.triples, 'triple')}, "
                f"{counted(self.actors, 'actor')}, {counted(self.events, 'event')}, {counted(self.claims, 'claim')}; "
                f"{len(self.skipped)} skipped; {counted(len(self.warnings), 'warning')}; "
                f"{self.cache_hits} from cache; "
                f"{self.seconds:.1f} s ({self.rate:.2f} docs/s)")
