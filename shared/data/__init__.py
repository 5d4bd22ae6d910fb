"""Seeded NumPy inputs for every case: the same numbers reach both frameworks.

``inputs(case_id, size, seed)`` calls the case module's ``inputs(size, rng)``
(``shared/cases/<topic>/<name>.py``). Sizes are named: ``test`` (tiny, for CI), ``lesson`` (the
seed's own sizes), and per case others such as ``cpu``, ``small``, ``large`` or sweep points;
:func:`pick` validates them.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from shared.cases import module_of
from shared.names import UnknownNameError, pick


def inputs(case_id: str, size: str = "test", seed: int = 0) -> dict[str, Any]:
    """Fresh inputs for a case: NumPy arrays, plus plain Python values (shapes, seeds)."""
    make = getattr(module_of(case_id), "inputs", None)
    if make is None:
        return {}
    return make(size, np.random.default_rng(seed))


def sizes(case_id: str) -> tuple[str, ...]:
    """The size names a case's data accepts (read from the error :func:`pick` raises)."""
    try:
        inputs(case_id, size="\0")
    except UnknownNameError as e:
        return tuple(e.valid)
    return ("test",)


__all__ = ["inputs", "pick", "sizes"]
