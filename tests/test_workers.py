"""Worker processes for --jobs: forked with the pipeline loaded (Linux), fresh standard streams."""

from __future__ import annotations

import sys

import pytest

from kgbuild.config import Settings
from kgbuild.nlp import load_nlp
from kgbuild.runner.pool import start_pool


def test_the_pipeline_is_loaded_once_whatever_the_spelling() -> None:
    assert load_nlp() is load_nlp(Settings().model, ())


def _worker_facts() -> tuple[int, int, bool]:
    from kgbuild.nlp.pipeline import _load

    print("a line on the worker's stderr", file=sys.stderr)
    return sys.stdout.fileno(), sys.stderr.fileno(), _load.cache_info().currsize > 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_forked_workers_start_loaded_with_their_own_streams() -> None:
    pool = start_pool(Settings(), 2)
    try:
        out, err, loaded = pool.submit(_worker_facts).result(timeout=120)
    finally:
        pool.shutdown()
    # forked, the worker writes through duplicates of the descriptors, not the parent's stream objects
    # (whose locks a progress-bar thread of the parent may have held at the fork); spawned it would use 1, 2
    assert out not in (1, 2) and err not in (1, 2)
    assert loaded
