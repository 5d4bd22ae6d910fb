"""Worker functions for ``shared.workers.launch`` in tests: no framework, nothing to compute.

They live in a module of their own because a worker imports its function by name.
"""

from __future__ import annotations

import os
import time

NAP_S = 600
"""Longer than any test: a worker still asleep when its test ends is an orphan."""


def environment(**given: object) -> dict:
    """What a worker was told: the launcher's variables, its thread settings, its arguments."""
    names = ("RANK", "LOCAL_RANK", "WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT", "OMP_NUM_THREADS")
    return {**{name: os.environ.get(name) for name in names}, "given": given}


def asleep() -> None:
    """Sleeps past the end of any test, as a worker waiting for a peer would."""
    time.sleep(NAP_S)


def breaks(*, rank: int) -> None:
    """Worker ``rank`` fails at once; the others wait, as peers of a failed worker do."""
    if int(os.environ["RANK"]) == rank:
        raise ValueError(f"worker {rank} broke on purpose")
    time.sleep(NAP_S)
