"""Worker processes for ``--jobs N``: N processes, each with the pipeline loaded once.

On Linux the pipeline (spaCy model, entity ruler, lexicons, shapes, ontology) is loaded in
this process first and the workers are forked from it, so they start with everything in
memory instead of importing and loading for seconds each; elsewhere they are spawned and
load it themselves. A forked worker replaces its standard streams before doing anything, so
it never waits on a lock another thread of the parent (a progress bar) held when it forked.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor

from kgbuild.config import DEFAULT_MODEL, Settings

__all__ = ["start_pool", "warm"]


def warm(settings: Settings) -> None:
    """Load everything a build needs once per process: the pipeline, the user's knowledge base, the
    shapes and the ontology's class hierarchy."""
    from kgbuild.nlp import load_nlp
    from kgbuild.runner.document import knowledge_base
    from kgbuild.validate.gate import load_shapes, warm_up

    load_nlp(settings.model or DEFAULT_MODEL, tuple(settings.patterns))
    knowledge_base(settings.knowledge_base)
    if settings.validate:
        load_shapes(settings.shapes)
        warm_up()


def _fresh_streams() -> None:
    for name, fd in (("stdout", 1), ("stderr", 2)):
        stream = getattr(sys, name)
        encoding = getattr(stream, "encoding", None) or "utf-8"
        setattr(sys, name, open(os.dup(fd), "w", encoding=encoding, errors="backslashreplace",  # noqa: SIM115
                                buffering=1))


def _init(settings: Settings, forked: bool) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool stops its workers with SIGTERM: they just end
    if forked:
        _fresh_streams()
    warm(settings)


def start_pool(settings: Settings, jobs: int) -> ProcessPoolExecutor:
    """A pool of ``jobs`` worker processes ready to build with ``settings``."""
    forked = sys.platform.startswith("linux")
    if forked:
        warm(settings)
    context = multiprocessing.get_context("fork" if forked else "spawn")
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_init, initargs=(settings, forked))
